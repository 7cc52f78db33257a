import AccordCore
import SQLKit

/// A hit of the full-text index: an entity, and the language whose words matched.
public struct SearchMatch: Sendable, Hashable {
    public var entity: EntityRef
    public var language: Language

    public init(entity: EntityRef, language: Language) {
        self.entity = entity
        self.language = language
    }
}

/// The full-text index's SQL (migration 7): the rows are written by the same statements on both databases,
/// and only the query, which each database's full-text syntax words its own way, differs — here, in one place.
enum SearchIndex {
    /// One row: an entity's words in one language.
    struct Row: Hashable, Sendable {
        var kind: String
        var id: String
        var language: String
        var body: String
    }

    /// Rows per statement when many are written: well within both databases' limits on bound values.
    private static let batch = 500

    /// The rows `refs` have in `state`.
    static func rows(for refs: [EntityRef], in state: ProcessState) -> [Row] {
        refs.flatMap { ref in
            state.searchDocuments(of: ref).sorted { $0.key < $1.key }.map {
                Row(kind: ref.kind, id: ref.id, language: $0.key.rawValue, body: $0.value)
            }
        }
    }

    /// Replaces the rows of the entities an entry changed with their words in `state`, the state after it: in
    /// the entry's transaction, so the index never disagrees with the projections.
    static func update(_ changed: [EntityRef], of state: ProcessState, on db: any SQLDatabase) async throws {
        let refs = changed.filter { SearchText.kinds.contains($0.kind) }
        guard !refs.isEmpty else { return }
        // A decision in force may change a thousand items at once: a list of pairs, in batches, keeps the
        // statement within both databases' limits (SQLite's expression depth among them).
        var start = refs.startIndex
        while start < refs.endIndex {
            let end = min(start + batch, refs.endIndex)
            let pairs = refs[start..<end].map { ref -> SQLQueryString in "(\(bind: ref.kind), \(bind: ref.id))" }
            try await db.raw(
                "DELETE FROM search_entries WHERE (kind, id) IN (VALUES " + pairs.joined(separator: ", ") + ")"
            ).run()
            start = end
        }
        try await insert(rows(for: refs, in: state), on: db)
    }

    /// Fills the index afresh from the current projections (migration 6, on a database that has a record).
    static func rebuild(on db: any SQLDatabase) async throws {
        let head = try await LedgerTable.head(on: db).sequence
        let state = try Projection.state(from: try await EntityVersionsTable.versions(at: nil, on: db), sequence: head)
        try await db.raw("DELETE FROM search_entries").run()
        try await insert(rows(for: state.searchableEntities, in: state), on: db)
    }

    private static func insert(_ rows: [Row], on db: any SQLDatabase) async throws {
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + batch, rows.endIndex)
            let values = rows[start..<end].map { row -> SQLQueryString in
                "(\(bind: row.kind), \(bind: row.id), \(bind: row.language), \(bind: row.body))"
            }
            try await db.raw(
                "INSERT INTO search_entries (kind, id, language, body) VALUES " + values.joined(separator: ", ")
            ).run()
            start = end
        }
    }

    /// Every row of the index, for `verify`.
    static func stored(on db: any SQLDatabase) async throws -> [Row] {
        try await db.raw("SELECT kind, id, language, body FROM search_entries").all().map {
            Row(
                kind: try $0.decode(column: "kind", as: String.self), id: try $0.decode(column: "id", as: String.self),
                language: try $0.decode(column: "language", as: String.self),
                body: try $0.decode(column: "body", as: String.self))
        }
    }

    /// The entities whose words in one language hold each of `phrases` (its words one after the other, the last
    /// a prefix), in any order, ignoring case and accents, best match first.
    ///
    /// Each phrase is quoted, so nothing in it is read as the query language's syntax: it holds only letters
    /// and digits anyway (`SearchText.phrases`), and every value is bound.
    ///
    /// Only the first `ranked` matches in index order (`rankedMatches` unless a page reaches further) are ranked: ranking costs about a microsecond a match, and a
    /// word found in every title of a 100,000-item plan would otherwise be ranked 100,000 times to show 50
    /// (benchmark target 10). Below that many matches, which is every query but the most common words, the
    /// answer is the best of all of them.
    static let rankedMatches = 5_000

    static func matches(
        of phrases: [[String]], limit: Int, offset: Int, dialect: Dialect, on db: any SQLDatabase,
        ranked: Int = rankedMatches
    ) async throws -> [SearchMatch] {
        guard !phrases.isEmpty else { return [] }
        let query: SQLQueryString
        switch dialect {
        case .sqlite:
            // FTS5: "a b"* is the phrase a b, its last token a prefix; phrases side by side must all match. The
            // rank column is computed only for the rows the inner query gives.
            let match = phrases.map { "\"\($0.joined(separator: " "))\"*" }.joined(separator: " ")
            query = """
                SELECT e.kind, e.id, e.language FROM (\
                SELECT rowid, rank FROM search_terms WHERE search_terms MATCH \(bind: match) \
                ORDER BY rowid LIMIT \(bind: ranked)) AS m \
                JOIN search_entries e ON e.entry = m.rowid \
                ORDER BY m.rank, e.entry LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
        case .postgres:
            // tsquery: 'a' <-> 'b':* is the phrase, its last word a prefix; & joins the phrases. unaccent folds
            // the query as the trigger folded the rows.
            let match = phrases.map { words in
                "(" + words.map { "'\($0)'" }.joined(separator: " <-> ") + ":*)"
            }.joined(separator: " & ")
            query = """
                SELECT kind, id, language FROM (\
                SELECT kind, id, language, ts_rank(terms, query) AS rank FROM (\
                SELECT kind, id, language, terms FROM search_entries \
                WHERE terms @@ to_tsquery('simple', unaccent(\(bind: match))) ORDER BY kind, id, language LIMIT \(bind: ranked)\
                ) AS m, to_tsquery('simple', unaccent(\(bind: match))) AS query) AS r \
                ORDER BY rank DESC, kind, id, language LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
        }
        return try await db.raw(query).all().compactMap { row in
            let kind = try row.decode(column: "kind", as: String.self)
            let id = try row.decode(column: "id", as: String.self)
            guard let entity = EntityRef(kind: kind, id: id),
                let language = Language(rawValue: try row.decode(column: "language", as: String.self))
            else {
                throw StoreError.corruptRow(table: "search_entries", key: "\(kind) \(id)", reason: "unknown kind")
            }
            return SearchMatch(entity: entity, language: language)
        }
    }

    /// The first difference between the index and the rows `state` implies, in words, with the ledger position
    /// of the entity concerned; nil when they agree.
    static func firstDifference(stored: [Row], in state: ProcessState) -> (sequence: Int64, problem: String)? {
        let expected = Set(rows(for: state.searchableEntities, in: state))
        let have = Set(stored)
        guard stored.count != have.count || have != expected else { return nil }
        func position(of row: Row) -> Int64 {
            EntityRef(kind: row.kind, id: row.id).flatMap { state.lastChanged[$0] } ?? state.sequence
        }
        if let missing = expected.subtracting(have).min(by: { position(of: $0) < position(of: $1) }) {
            return (
                position(of: missing),
                "the search index lacks or holds stale words for \(missing.kind) \(missing.id) (\(missing.language))"
            )
        }
        if let extra = have.subtracting(expected).first {
            return (
                position(of: extra),
                "the search index holds words for \(extra.kind) \(extra.id) that the record does not"
            )
        }
        return (state.sequence, "the search index holds a row twice")
    }
}

extension Store {
    /// The entities whose words in some language hold each of `phrases`, ignoring case and accents, best match
    /// first: the full-text index, which holds the working record. Callers show a reader only what the read
    /// policy lets it see (`RecordService.search`).
    ///
    /// - Parameters:
    ///   - phrases: what to find, as `SearchText.phrases` reads a query.
    ///   - limit: at most this many matches; `offset` skips as many first.
    public func searchIndex(for phrases: [[String]], limit: Int, offset: Int = 0) async throws -> [SearchMatch] {
        let dialect = database.dialect
        return try await database.withSession { db in
            // A page past the first ranked matches ranks as many as it reaches, so paging never runs dry.
            try await SearchIndex.matches(
                of: phrases, limit: limit, offset: offset, dialect: dialect, on: db,
                ranked: max(SearchIndex.rankedMatches, offset + limit))
        }
    }
}
