extension Migration {
    /// The projections: every version of every entity, valid from the entry that made it until the entry
    /// that replaced it. The current record is the rows whose `valid_to` is null; the record as of any
    /// ledger position is the rows valid at it.
    ///
    /// Inserting a version closes the one before it (a trigger sets its `valid_to`), so an append writes
    /// each changed entity with one statement.
    static let m0002Projections = Migration(version: 2, name: "projections") { dialect in
        let close = """
            UPDATE entity_versions SET valid_to = NEW.valid_from
            WHERE kind = NEW.kind AND id = NEW.id AND valid_to IS NULL AND valid_from < NEW.valid_from
            """
        let trigger: [String] =
            switch dialect {
            case .sqlite:
                [
                    """
                    CREATE TRIGGER entity_versions_close_previous AFTER INSERT ON entity_versions
                    BEGIN \(close); END
                    """
                ]
            case .postgres:
                [
                    """
                    CREATE FUNCTION entity_versions_close_previous() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN \(close); RETURN NULL; END $$
                    """,
                    """
                    CREATE TRIGGER entity_versions_close_previous AFTER INSERT ON entity_versions
                    FOR EACH ROW EXECUTE FUNCTION entity_versions_close_previous()
                    """,
                ]
            }
        return [
            """
            CREATE TABLE entity_versions (
                kind TEXT NOT NULL,
                id TEXT NOT NULL,
                valid_from BIGINT NOT NULL REFERENCES ledger (sequence),
                valid_to BIGINT REFERENCES ledger (sequence),
                scope TEXT,
                status TEXT,
                document TEXT NOT NULL,
                PRIMARY KEY (kind, id, valid_from)
            )
            """,
            "CREATE INDEX entity_versions_by_validity ON entity_versions (valid_to, kind, id)",
            "CREATE INDEX entity_versions_by_scope ON entity_versions (kind, scope, valid_to)",
        ] + trigger
    }
}
