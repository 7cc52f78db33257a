extension Migration {
    /// Signed checkpoints of the ledger's head, the witnesses' cosignatures of them, and the public keys the
    /// witnesses cosign with: kept beside the ledger, never in it, since signing the head cannot be an entry
    /// of the ledger it signs.
    ///
    /// A checkpoint is kept as the signed note that was served (`note`), with the verifier key of the key
    /// that signed it (`key`): one a ledger size and key. A cosignature is kept as its signature line, with
    /// the account that submitted it and the key it was checked against. None of this is trusted when the
    /// ledger is verified: an auditor checks the ledger against checkpoints kept outside the database.
    static let m0005Checkpoints = Migration(version: 5, name: "checkpoints") { _ in
        [
            """
            CREATE TABLE checkpoints (
                size BIGINT NOT NULL,
                key TEXT NOT NULL,
                hash TEXT NOT NULL,
                signed_at TEXT NOT NULL,
                note TEXT NOT NULL,
                PRIMARY KEY (size, key)
            )
            """,
            """
            CREATE TABLE checkpoint_cosignatures (
                size BIGINT NOT NULL,
                key TEXT NOT NULL,
                witness TEXT NOT NULL REFERENCES accounts (username),
                participant TEXT,
                witness_key TEXT NOT NULL,
                line TEXT NOT NULL,
                cosigned_at BIGINT NOT NULL,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (size, key, witness),
                FOREIGN KEY (size, key) REFERENCES checkpoints (size, key)
            )
            """,
            """
            CREATE TABLE witness_keys (
                username TEXT PRIMARY KEY REFERENCES accounts (username),
                vkey TEXT NOT NULL,
                registered_at TEXT NOT NULL
            )
            """,
        ]
    }
}
