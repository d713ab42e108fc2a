// Migration 2: meta: small key-value facts such as the last applied environment default. SQLite and Postgres side by side: the same tables and constraints in each dialect.
import type { Migration } from '../migrations';

export const V2_META: Migration = {
  version: 2,
  name: 'meta: small key-value facts such as the last applied environment default',
  sqlite: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  postgres: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
};
