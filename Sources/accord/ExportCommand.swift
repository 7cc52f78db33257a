import AccordCore
import AccordDocuments
import AccordServices
import AccordStore
import ArgumentParser
import Foundation

/// `accord export …`: the plan as a document, decisions in Akoma Ntoso or Popolo, the calendar.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the plan, a meeting's documents, decisions or the calendar to files.",
        subcommands: [
            ExportPlan.self, ExportAgenda.self, ExportConclusions.self, ExportDecisions.self, ExportCalendar.self,
            ExportReport.self, ExportCompilation.self, ExportFeed.self,
        ])
}

/// `accord export plan`.
struct ExportPlan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The Plan of Action (current version, annexes, archive) as DOCX, HTML, Markdown, CSV or PDF.",
        discussion: "CSV holds every language and every item, in the format `accord import` reads back.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Option(help: "docx, html, md, csv or pdf (pdf needs LibreOffice).")
    var format: String = "docx"

    @Option(help: "es, en or fr, or two side by side such as es,en.")
    var lang: String = "en"

    @Option(help: "A published edition's number (default: the working version).")
    var edition: Int?

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String

    func run() async throws {
        guard let format = PlanFormat(rawValue: format) else {
            throw ValidationError("--format: use \(PlanFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let languages = try parsedLanguages(lang)
        let file = try await withRecord(database, logger: makeLogger()) { store in
            try await explained {
                try await Exports.plan(
                    from: RecordService(store: store), for: try await identity.principal(in: store), format: format,
                    languages: languages, edition: edition, today: try today())
            }
        }
        try write(file, to: output)
    }
}

/// `accord export agenda MEETING`.
struct ExportAgenda: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "A meeting's agenda as DOCX (as set, or as the record suggests it).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions
    @Argument(help: "The meeting's code, e.g. RCGM-2024-07.") var meeting: String
    @Option(help: "es, en or fr, or two side by side such as es,en.") var lang: String = "en"
    @Option(name: .shortAndLong, help: "The file to write.") var output: String

    func run() async throws {
        let languages = try parsedLanguages(lang)
        let file = try await withRecord(database, logger: makeLogger()) { store in
            try await explained {
                try await Exports.agenda(
                    from: RecordService(store: store), for: try await identity.principal(in: store),
                    meeting: MeetingID(meeting), languages: languages, today: try today())
            }
        }
        try write(file, to: output)
    }
}

/// `accord export conclusions MEETING`.
struct ExportConclusions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conclusions", abstract: "A meeting's conclusions (its decision paragraphs) as DOCX.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions
    @Argument(help: "The meeting's code, e.g. RCM-V.") var meeting: String
    @Option(help: "es, en or fr, or two side by side such as es,en.") var lang: String = "en"
    @Option(name: .shortAndLong, help: "The file to write.") var output: String

    func run() async throws {
        let languages = try parsedLanguages(lang)
        let file = try await withRecord(database, logger: makeLogger()) { store in
            try await explained {
                try await Exports.conclusions(
                    from: RecordService(store: store), for: try await identity.principal(in: store),
                    meeting: MeetingID(meeting), languages: languages, today: try today())
            }
        }
        try write(file, to: output)
    }
}

/// `accord export decisions`.
struct ExportDecisions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "Decisions and proposals as Akoma Ntoso 3.0 (a file per meeting, proposal and language), or "
            + "participants, memberships and decisions with positions as Popolo JSON.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions
    @Option(help: "akn or popolo.") var format: String
    @Option(help: "Popolo's language for names and texts (es, en or fr).") var lang: String = "en"
    @Option(name: .shortAndLong, help: "The folder to write into (made if missing).") var output: String

    func run() async throws {
        guard format == "akn" || format == "popolo" else { throw ValidationError("--format: use akn or popolo") }
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang: use es, en or fr") }
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await withRecord(database, logger: makeLogger()) { store in
            let (record, principal) = (RecordService(store: store), try await identity.principal(in: store))
            if format == "akn" {
                let files = try await Exports.akomaNtoso(from: record, for: principal, today: try today())
                guard !files.isEmpty else {
                    throw Failure(
                        description:
                            "accord: no decision or proposal is \(principal == nil ? "published" : "recorded"), "
                            + "so no Akoma Ntoso document was written")
                }
                for (name, xml) in files { try Data(xml.utf8).write(to: folder.appendingPathComponent(name)) }
                print("Wrote \(files.count) Akoma Ntoso documents to \(output).")
            } else {
                let file = try await Exports.popolo(from: record, for: principal, language: language)
                try file.bytes.write(to: folder.appendingPathComponent("popolo.json"))
                print("Wrote \(output)/popolo.json.")
            }
        }
    }
}

/// `accord export calendar`.
struct ExportCalendar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Meetings (events) and target dates (to-dos) as an iCalendar file.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions
    @Option(help: "es, en or fr.") var lang: String = "en"
    @Option(name: .shortAndLong, help: "The .ics file to write.") var output: String

    func run() async throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang: use es, en or fr") }
        let file = try await withRecord(database, logger: makeLogger()) { store in
            try await Exports.calendar(
                from: RecordService(store: store), for: try await identity.principal(in: store), language: language,
                now: Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000)))
        }
        try write(file, to: output)
    }
}

/// Reads `--lang`, naming the option in the error.
func parsedLanguages(_ text: String) throws -> DocumentLanguages {
    do {
        return try DocumentLanguages(parsing: text, field: "--lang")
    } catch {
        throw ValidationError("\(error)")
    }
}

/// Today's date, which documents print as their generation date.
func today() throws -> PartialDate {
    guard let date = PartialDate(accordToday()) else { throw Failure(description: "the system clock is not set") }
    return date
}

/// Runs `body`, turning the record's and LibreOffice's refusals into a message and exit status 1.
func explained<R>(_ body: () async throws -> R) async throws -> R {
    do {
        return try await body()
    } catch let error as ChangeError {
        throw Failure(description: "\(error)")
    } catch let error as PDFConversion.Failure {
        throw Failure(description: "\(error)")
    } catch let error as AuthError {
        throw Failure(description: "\(error)")
    } catch let error as NotFound {
        throw Failure(description: "\(error)")
    }
}

/// Writes `file` to `path` and says so.
func write(_ file: ExportFile, to path: String) throws {
    try file.bytes.write(to: URL(fileURLWithPath: path))
    print("Wrote \(path) (\(file.bytes.count) bytes).")
}
