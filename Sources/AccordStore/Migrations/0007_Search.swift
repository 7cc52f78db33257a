extension Migration {
    /// The full-text index of search (issue 19.5): one row per searchable entity and language in
    /// `search_entries`, which the store writes with the same statements on both databases, in the transaction
    /// of the entry that changed the entity; each database turns the rows into its own full-text structure.
    ///
    /// - SQLite: an FTS5 table over `search_entries` (external content), kept in step by triggers, with the
    ///   `unicode61` tokenizer removing diacritics, so "migracion" finds "migración".
    /// - PostgreSQL: a `tsvector` column of the `simple` configuration over `unaccent(body)`, set by a trigger and
    ///   indexed by GIN. `unaccent` is a trusted extension: the database's owner may create it.
    ///
    /// The rows are filled from the current projections in the same transaction as the tables are made.
    static let m0007Search = Migration(
        version: 7, name: "search index", populate: { db in try await SearchIndex.rebuild(on: db) },
        statements: searchStatements)

    private static func searchStatements(_ dialect: Dialect) -> [String] {
        switch dialect {
        case .sqlite:
            [
                """
                CREATE TABLE search_entries (
                    entry INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    id TEXT NOT NULL,
                    language TEXT NOT NULL,
                    body TEXT NOT NULL,
                    UNIQUE (kind, id, language)
                )
                """,
                """
                CREATE VIRTUAL TABLE search_terms USING fts5(
                    body, content = 'search_entries', content_rowid = 'entry',
                    tokenize = 'unicode61 remove_diacritics 2'
                )
                """,
                """
                CREATE TRIGGER search_entries_insert AFTER INSERT ON search_entries
                BEGIN INSERT INTO search_terms (rowid, body) VALUES (NEW.entry, NEW.body); END
                """,
                """
                CREATE TRIGGER search_entries_delete AFTER DELETE ON search_entries
                BEGIN INSERT INTO search_terms (search_terms, rowid, body) VALUES ('delete', OLD.entry, OLD.body); END
                """,
                """
                CREATE TRIGGER search_entries_update AFTER UPDATE ON search_entries
                BEGIN
                    INSERT INTO search_terms (search_terms, rowid, body) VALUES ('delete', OLD.entry, OLD.body);
                    INSERT INTO search_terms (rowid, body) VALUES (NEW.entry, NEW.body);
                END
                """,
            ]
        case .postgres:
            [
                "CREATE EXTENSION IF NOT EXISTS unaccent",
                """
                CREATE TABLE search_entries (
                    kind TEXT NOT NULL,
                    id TEXT NOT NULL,
                    language TEXT NOT NULL,
                    body TEXT NOT NULL,
                    terms tsvector NOT NULL DEFAULT ''::tsvector,
                    PRIMARY KEY (kind, id, language)
                )
                """,
                """
                CREATE FUNCTION search_entries_terms() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.terms := to_tsvector('simple', unaccent(NEW.body)); RETURN NEW; END $$
                """,
                """
                CREATE TRIGGER search_entries_terms BEFORE INSERT OR UPDATE OF body ON search_entries
                FOR EACH ROW EXECUTE FUNCTION search_entries_terms()
                """,
                "CREATE INDEX search_entries_by_terms ON search_entries USING GIN (terms)",
            ]
        }
    }
}
