extension Migration {
    /// One table for every file kept beside the ledger under its SHA-256 (issue 19 §2): the statistics' uploads
    /// and observations, which `statistics_files` held, and the files attached to meetings, decisions,
    /// proposals, comments and reports.
    ///
    /// `content` is NULL for a file kept in the installation's files folder (`--files-dir`) rather than in the
    /// database; the row still says its type and size, and `verify` re-hashes it wherever it is. The rows of
    /// `statistics_files` are copied over as they are, in the migration's transaction.
    static let m0009StoredFiles = Migration(version: 9, name: "stored files") { dialect in
        let bytes = dialect == .postgres ? "BYTEA" : "BLOB"
        return [
            """
            CREATE TABLE stored_files (
                sha256 TEXT PRIMARY KEY,
                media_type TEXT NOT NULL,
                size BIGINT NOT NULL,
                content \(bytes)
            )
            """,
            """
            INSERT INTO stored_files (sha256, media_type, size, content) \
            SELECT sha256, media_type, size, content FROM statistics_files
            """,
            "DROP TABLE statistics_files",
        ]
    }
}
