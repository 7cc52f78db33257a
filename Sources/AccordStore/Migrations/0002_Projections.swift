extension Migration {
    /// The projections: every version of every entity, valid from the entry that made it until the entry
    /// that replaced it. The current record is the rows whose `valid_to` is null; the record as of any
    /// ledger position is the rows valid at it.
    static let m0002Projections = Migration(version: 2, name: "projections") { _ in
        [
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
        ]
    }
}
