import AccordCore
import AccordDocuments
import AccordServices
import AccordStore
import ArgumentParser
import Foundation

/// `accord export report CYCLE MANDATE COUNTRY`.
struct ExportReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A national or coordinator's report as DOCX, HTML, Markdown or PDF: the mandate, then what was done.",
        discussion: "COUNTRY is a country's code, or `coordinator` for the coordinator's report.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions
    @Argument(help: "The reporting cycle's code.") var cycle: String
    @Argument(help: "The mandate's code.") var mandate: String
    @Argument(help: "A country's code, or coordinator.") var country: String
    @Option(help: "docx, html, md or pdf (pdf needs LibreOffice).") var format: String = "docx"
    @Option(help: "es, en or fr, or two side by side such as es,en.") var lang: String = "en"
    @Option(name: .shortAndLong, help: "The file to write.") var output: String

    func run() async throws {
        guard let format = ReportFormat(rawValue: format) else {
            throw ValidationError("--format: use \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let languages = try parsedLanguages(lang)
        let id = NationalReport.id(cycle: cycle, mandate: mandate, segment: country)
        let file = try await withStore(try database.location(), logger: makeLogger()) { store in
            try await explained {
                try await Exports.report(
                    from: RecordService(store: store), for: try await identity.principal(in: store), report: id,
                    format: format, languages: languages, today: try today())
            }
        }
        try write(file, to: output)
    }
}

/// `accord export compilation CYCLE`.
struct ExportCompilation: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compilation",
        abstract: "Every report of a cycle as one DOCX, mandate by mandate, the coordinator's report first.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions
    @Argument(help: "The reporting cycle's code.") var cycle: String
    @Option(help: "es, en or fr, or two side by side such as es,en.") var lang: String = "en"
    @Option(name: .shortAndLong, help: "The file to write.") var output: String

    func run() async throws {
        let languages = try parsedLanguages(lang)
        let file = try await withStore(try database.location(), logger: makeLogger()) { store in
            try await explained {
                try await Exports.compilation(
                    from: RecordService(store: store), for: try await identity.principal(in: store),
                    cycle: CycleID(cycle), languages: languages, today: try today())
            }
        }
        try write(file, to: output)
    }
}

/// `accord export feed`: the Atom feed the API serves at /api/v1/feed, as a file (what scripts/check validates).
struct ExportFeed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "The Atom feed (RFC 4287) of what changed, as the reader may see it.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions
    @Option(help: "es, en or fr.") var lang: String = "en"
    @Option(name: .shortAndLong, help: "The .atom file to write.") var output: String

    func run() async throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang: use es, en or fr") }
        let file = try await withStore(try database.location(), logger: makeLogger()) { store in
            try await Exports.feed(
                from: RecordService(store: store), for: try await identity.principal(in: store), language: language,
                selfLink: "/api/v1/feed?lang=\(language.rawValue)",
                now: Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000)))
        }
        try write(file, to: output)
    }
}
