extension Migration {
    /// The shared migration statistics (issue 21): the files and observations vintages are made of, and uploads
    /// waiting for their delegation to commit them.
    ///
    /// - `statistics_files` holds bytes by their SHA-256: the file a delegation uploaded and the SDMX-CSV Accord
    ///   wrote of its observations. A vintage's ledger entry carries both digests, so the chain covers the data
    ///   and `verify` re-hashes each file; a file is written in the transaction of the entry that names it.
    /// - `statistics_uploads` holds an upload between its preview and its commit (or for a day at most):
    ///   operational data, like sessions, never part of the record.
    /// - `statistics_mappings` holds each member state's saved spreadsheet mappings, by name: how its own
    ///   export is read (sheet, header row, columns, labels), chosen again at each upload.
    ///
    /// Version 6 rather than 5, which the checkpoints of issue 17.5 take on another branch; the migrator applies
    /// each version once by number, so the two can land in either order.
    static let m0006Statistics = Migration(version: 6, name: "statistics") { dialect in
        let bytes = dialect == .postgres ? "BYTEA" : "BLOB"
        return [
            """
            CREATE TABLE statistics_files (
                sha256 TEXT PRIMARY KEY,
                media_type TEXT NOT NULL,
                size BIGINT NOT NULL,
                content \(bytes) NOT NULL
            )
            """,
            """
            CREATE TABLE statistics_uploads (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL,
                flow TEXT NOT NULL,
                area TEXT NOT NULL,
                format TEXT NOT NULL,
                name TEXT NOT NULL,
                mapping TEXT,
                content \(bytes) NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX statistics_uploads_by_age ON statistics_uploads (created_at)",
            """
            CREATE TABLE statistics_mappings (
                area TEXT NOT NULL,
                name TEXT NOT NULL,
                mapping TEXT NOT NULL,
                saved_by TEXT NOT NULL,
                saved_at BIGINT NOT NULL,
                PRIMARY KEY (area, name)
            )
            """,
        ]
    }
}
