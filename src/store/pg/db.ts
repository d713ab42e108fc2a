// The Postgres connection: one pool per process, 64-bit integers read as numbers (counters and sizes here stay
// far below 2^53), transactions as a helper, and a connection failure told in words an operator can act on.
import pg from 'pg';
import { DatabaseError } from '../open';
import { numberPlaceholders } from './placeholders';

export type Queryable = Pick<pg.PoolClient, 'query'>;

const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Queries on the pool or on one transaction's connection, written as both databases read them: `?` placeholders
 * (numbered here as $1, $2…), so the statements in src/store/sql serve Postgres as written.
 */
export class PgSql {
  constructor(private readonly on: Queryable) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<{ rows: T[]; rowCount: number | null }> {
    const { rows, rowCount } = await this.on.query(numberPlaceholders(sql), params);
    return { rows: rows as T[], rowCount };
  }

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.query<T>(sql, params)).rows;
  }

  async one<T>(sql: string, params: unknown[] = []): Promise<T | null> {
    return (await this.query<T>(sql, params)).rows[0] ?? null;
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }
}

export class PgDb extends PgSql {
  constructor(
    readonly pool: pg.Pool,
    /** host:port/database, for messages (never the password). */
    readonly where: string,
  ) {
    super(pool);
  }

  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  async tx<T>(fn: (q: PgSql) => Promise<T>, isolation: 'READ COMMITTED' | 'REPEATABLE READ' = 'READ COMMITTED'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const out = await fn(new PgSql(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** What a DATABASE_URL points at, for messages: host, port and database, never the user's password. */
export function describeUrl(url: string): { host: string; port: string; database: string } {
  const u = new URL(url);
  return { host: u.hostname || 'localhost', port: u.port || '5432', database: decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default)' };
}

/** A failed connection in words: what happened at which host and port, and what to check. */
export function connectionProblem(url: string, err: unknown): DatabaseError {
  const { host, port, database } = describeUrl(url);
  const code = (err as { code?: string } | null)?.code ?? '';
  const at = `Postgres at ${host}:${port} (DATABASE_URL)`;
  const why: Record<string, string> = {
    ECONNREFUSED: `Could not reach ${at}: the connection was refused. Check that Postgres is running and listens on ${host}:${port}, and that DATABASE_URL names that host and port.`,
    ENOTFOUND: `Could not reach ${at}: the host name ${host} is unknown. Check the host in DATABASE_URL.`,
    EAI_AGAIN: `Could not reach ${at}: the host name ${host} could not be looked up. Check the host in DATABASE_URL and the network.`,
    ETIMEDOUT: `Could not reach ${at}: no answer in time. Check the host and port in DATABASE_URL and any firewall between.`,
    '28P01': `${at} refused the user name or password in DATABASE_URL. Check them.`,
    '28000': `${at} refused the connection for this user (pg_hba.conf). Check the user in DATABASE_URL and the server's access rules.`,
    '3D000': `${at} has no database "${database}". Create it (createdb ${database}) or name an existing one in DATABASE_URL.`,
  };
  const message = why[code] ?? `Could not use ${at}: ${(err as Error)?.message ?? String(err)}. Check DATABASE_URL and that the server runs.`;
  return new DatabaseError(message);
}

/** Opens a pool and checks one connection, so a wrong URL fails at start with a clear message. */
export async function connect(url: string, opts: { max?: number } = {}): Promise<PgDb> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseError('DATABASE_URL is not a URL. Write it as postgres://user:password@host:5432/database.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseError(`DATABASE_URL must start with postgres:// (it starts with ${parsed.protocol}//).`);
  }
  const { host, port, database } = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 8, connectionTimeoutMillis: 10_000, types });
  // An idle connection the server dropped is replaced on the next query; the pool must not throw it at us.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw connectionProblem(url, err);
  }
  return new PgDb(pool, `${host}:${port}/${database}`);
}
