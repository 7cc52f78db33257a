extension Migration {
    /// Fewer indexes for each append to write: an append touched eight B-trees, each a page of the commit.
    ///
    /// - The ledger's sequence becomes SQLite's row key (`INTEGER PRIMARY KEY`) instead of an index beside
    ///   the table, and the unique indexes on `previous_hash` and `hash` go. The unique sequence already
    ///   refuses a second entry at a position, so no two entries can follow the same one; each entry's
    ///   `previous_hash` is checked against the chain by `verify`. Being random, those two indexes put each
    ///   new row on a page of its own, and nothing looked entries up by hash.
    /// - Projection versions lose the indexes by validity and by scope, which no query used as such, for one
    ///   partial index on the current version of each entity: the view of the plan now and the trigger that
    ///   closes a version are what need one. It holds every column those read (`valid_to` too, always null
    ///   in it), so that listing which versions are current reads the index alone, not a table page per row.
    ///
    /// SQLite cannot change a column to the row key or drop a unique constraint in place, so it rebuilds the
    /// ledger, keeping every row as it was, with foreign keys off while the old table is dropped.
    static let m0004LeanerAppends = Migration(version: 4, name: "leaner appends", withoutForeignKeys: true) {
        dialect in
        let projectionIndexes = [
            "DROP INDEX entity_versions_by_validity",
            "DROP INDEX entity_versions_by_scope",
            """
            CREATE INDEX entity_versions_current ON entity_versions (kind, id, valid_from, valid_to) \
            WHERE valid_to IS NULL
            """,
        ]
        switch dialect {
        case .sqlite:
            let columns = "sequence, recorded_at, actor, decision, kind, entry, previous_hash, hash"
            return [
                """
                CREATE TABLE ledger_rebuilt (
                    sequence INTEGER PRIMARY KEY CHECK (sequence > 0),
                    recorded_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    decision TEXT,
                    kind TEXT NOT NULL,
                    entry TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                )
                """,
                "INSERT INTO ledger_rebuilt (\(columns)) SELECT \(columns) FROM ledger ORDER BY sequence",
                // Dropping the table drops its triggers; no trigger fires on the rows a DROP removes.
                "DROP TABLE ledger",
                // entity_versions refers to "ledger" by name, so its foreign keys find the rebuilt table.
                "ALTER TABLE ledger_rebuilt RENAME TO ledger",
                """
                CREATE TRIGGER ledger_refuses_update BEFORE UPDATE ON ledger
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: entries cannot be changed'); END
                """,
                """
                CREATE TRIGGER ledger_refuses_delete BEFORE DELETE ON ledger
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: entries cannot be removed'); END
                """,
            ] + projectionIndexes
        case .postgres:
            // PostgreSQL's table is a heap either way; only the unique constraints' indexes go.
            return [
                "ALTER TABLE ledger DROP CONSTRAINT ledger_previous_hash_key",
                "ALTER TABLE ledger DROP CONSTRAINT ledger_hash_key",
            ] + projectionIndexes
        }
    }
}
