import type pg from 'pg';

/**
 * The relay's tables in PostgreSQL, as numbered migrations. Each runs once,
 * in order, inside one transaction with the row that records it, under an
 * advisory lock so relays starting together do not race.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'boards and their update logs',
    sql: `
      CREATE TABLE easel_boards (
        board_id text PRIMARY KEY,
        epoch text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Y.encodeStateAsUpdate of the board as of the last compaction.
        snapshot bytea,
        compacted_at timestamptz
      );
      -- Append-only: rows are only ever inserted, and deleted by a compaction that folded them into the snapshot.
      CREATE TABLE easel_board_updates (
        id bigserial PRIMARY KEY,
        board_id text NOT NULL REFERENCES easel_boards (board_id) ON DELETE CASCADE,
        update bytea NOT NULL,
        node text NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX easel_board_updates_by_board ON easel_board_updates (board_id, id);
    `,
  },
  {
    version: 2,
    name: 'board files (images)',
    sql: `
      -- One row per file of a board, named by the SHA-256 of its bytes (server/files/postgres-file-store.ts).
      CREATE TABLE easel_board_files (
        board_id text NOT NULL REFERENCES easel_boards (board_id) ON DELETE CASCADE,
        sha256 text NOT NULL,
        bytes integer NOT NULL,
        data bytea NOT NULL,
        -- When it was stored, or PUT again: the collector's grace period counts from the later of this and
        stored_at timestamptz NOT NULL DEFAULT now(),
        -- when the collector first saw the board's doc not name it (null: named, or not looked at yet).
        unreferenced_since timestamptz,
        PRIMARY KEY (board_id, sha256)
      );
    `,
  },
];

const MIGRATION_LOCK_KEY = 0x0ea5e1;

/** Brings the database to the newest schema; refuses one written by a newer relay. */
export async function migrate(client: pg.ClientBase, log: (message: string) => void): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS easel_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM easel_schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...MIGRATIONS.map((migration) => migration.version));
    const unknown = [...applied].filter((version) => version > newest);
    if (unknown.length > 0) {
      throw new Error(
        `the database has schema version ${Math.max(...unknown)}, newer than this relay knows (${newest}); run a newer relay`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO easel_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      log(`applied schema migration ${migration.version}: ${migration.name}`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
