import AccordCore
import AccordServices
import AccordStore
import ArgumentParser

/// `accord search QUERY`: the record's full-text search, as the page and the API answer it.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find items, decisions, drafts, proposals, comments, meetings, participants, bodies, workplans "
            + "and standing items by their words, in every language, ignoring case and accents.",
        discussion: """
            Each word of QUERY must begin a word of the same text ("migra" finds "migración"). What is found goes \
            through the read policy, as in the API: without --as, a database with accounts is searched as the \
            public reads it. Exits with status 1 when nothing is found.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Argument(help: "The words to find, e.g. \"migracion laboral\".")
    var query: String

    @Option(help: "es, en or fr: the language to show a hit in where it matched in several.")
    var lang: String = "en"

    @Option(help: "At most this many hits (1 to 200).")
    var limit = 50

    @Flag(help: "Print the hits as JSON.")
    var json = false

    func run() async throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang: use es, en or fr") }
        let results = try await withRecord(database, logger: makeLogger()) { store in
            try await explained {
                try await RecordService(store: store).search(
                    query, for: try await identity.principal(in: store), limit: limit, language: language)
            }
        }
        if json {
            try printJSON(results)
        } else if !results.hits.isEmpty {
            var table = TextTable("kind", "code", "lang", "text")
            for hit in results.hits {
                table.add(hit.kind, hit.id, hit.language.rawValue, hit.title.text(in: hit.language))
            }
            print(table.rendered)
            print("\(results.hits.count)\(results.more ? "+" : "") found.")
        }
        if results.hits.isEmpty {
            throw Failure(description: "nothing found for '\(query)'")
        }
    }
}
