extension Migration {
    /// The ledger: append-only, hash-chained, and refusing UPDATE and DELETE in the database itself.
    ///
    /// `entry` holds the canonical bytes that were hashed; the other columns repeat parts of it for queries and
    /// are checked against it by `verify`. `previous_hash` is unique, so no two entries can follow the same one
    /// (migration 4 leaves that to the unique sequence and drops the hash indexes).
    static let m0001Ledger = Migration(version: 1, name: "ledger") { dialect in
        let table = """
            CREATE TABLE ledger (
                sequence BIGINT PRIMARY KEY CHECK (sequence > 0),
                recorded_at TEXT NOT NULL,
                actor TEXT NOT NULL,
                decision TEXT,
                kind TEXT NOT NULL,
                entry TEXT NOT NULL,
                previous_hash TEXT NOT NULL UNIQUE,
                hash TEXT NOT NULL UNIQUE
            )
            """
        switch dialect {
        case .sqlite:
            return [
                table,
                """
                CREATE TRIGGER ledger_refuses_update BEFORE UPDATE ON ledger
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: entries cannot be changed'); END
                """,
                """
                CREATE TRIGGER ledger_refuses_delete BEFORE DELETE ON ledger
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: entries cannot be removed'); END
                """,
            ]
        case .postgres:
            return [
                table,
                """
                CREATE FUNCTION ledger_refuses_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the ledger is append-only: entries cannot be changed or removed'; END $$
                """,
                """
                CREATE TRIGGER ledger_refuses_update_delete BEFORE UPDATE OR DELETE ON ledger
                FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change()
                """,
                """
                CREATE TRIGGER ledger_refuses_truncate BEFORE TRUNCATE ON ledger
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuses_change()
                """,
            ]
        }
    }
}
