// The same numbered migrations as SQLite, in their Postgres dialect. An advisory lock makes hosts that start
// together apply each migration once; each runs in its own transaction.
import { latestVersion, MIGRATIONS, type Migration } from '../migrations';
import { DatabaseError } from '../open';
import type { PgDb } from './db';

const MIGRATION_LOCK = 7_240_001;

export async function pgSchemaVersion(db: PgDb): Promise<number> {
  const has = await db.one<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  if (!has?.t) return 0;
  return (await db.one<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_version'))!.v;
}

/** Applies every migration newer than the database. Returns the versions applied. */
export async function migratePg(db: PgDb, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const version = await pgSchemaVersion(db);
  if (version > latestVersion(migrations)) {
    throw new DatabaseError(
      `The database at ${db.where} has schema version ${version}, made by a newer briefbot (this one knows up to ${latestVersion(migrations)}). ` +
        'Downgrading is not supported: run the newer briefbot, or point DATABASE_URL at another database.',
    );
  }
  const client = await db.pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      const { rows } = await client.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_version');
      if (m.version <= rows[0].v) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.postgres);
        await client.query('INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new DatabaseError(`Migration ${m.version} (${m.name}) failed on ${db.where}: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}
