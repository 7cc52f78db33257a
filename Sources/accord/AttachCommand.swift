import AccordCore
import AccordServices
import AccordStore
import ArgumentParser
import Foundation

/// `accord attach KIND ID FILE`: attaches a document to a meeting, decision, proposal, comment or report, as
/// the pages and the API do, through `AttachmentService`.
struct AttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attach a file (PDF, DOCX, XLSX, ODT, PNG, JPEG or UTF-8 text) to a meeting, decision, proposal, "
            + "comment or report.",
        discussion: """
            The file's type is read from its bytes (HTML, SVG, scripts and executables are refused), its SHA-256 \
            is recorded in the ledger entry that attaches it, and its bytes are kept in the database or in the \
            --files-dir folder. The Secretariat attaches to anything; a delegation to its own country's \
            proposals, comments and reports. Example: accord attach meeting RCM-XIX conclusiones.pdf --as ts.officer
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Argument(help: "What the file is attached to: meeting, decision, proposal, comment or report.")
    var kind: String

    @Argument(help: "Its identifier, e.g. RCM-XIX, RCGM-2014-11/3, MEX-REVIEW.")
    var id: String

    @Argument(help: "The file to attach.")
    var file: String

    @Option(help: "What the document is, e.g. \"Conclusiones de la reunión\".")
    var title: String?

    @Option(help: "The language it is written in: es, en or fr.")
    var language: String?

    @Option(help: ArgumentHelp("The most bytes the file may have.", valueName: "bytes"))
    var maxBytes = AttachmentService.defaultMaximumBytes

    func run() async throws {
        guard let kind = AttachmentTarget.Kind(rawValue: kind) else {
            throw ValidationError(
                "KIND: use \(AttachmentTarget.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let language = try language.map { code in
            guard let language = Language(rawValue: code) else { throw ValidationError("--language: use es, en or fr") }
            return language
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure(description: "accord attach: cannot read \(file)")
        }
        let upload = AttachmentUpload(
            target: AttachmentTarget(kind: kind, id: id), name: (file as NSString).lastPathComponent,
            content: Array(data),
            title: title.map { LocalizedText(authoritative: language ?? .es, [language ?? .es: $0]) },
            language: language)
        let attachment = try await withRecord(database, logger: makeLogger()) { store in
            try await explainedAttachment {
                try await AttachmentService(record: RecordService(store: store), maximumBytes: maxBytes)
                    .attach(upload, as: try await identity.actor(in: store))
            }
        }
        print(
            "attached \(attachment.name) (\(attachment.mediaType), \(attachment.bytes) bytes) to \(attachment.target) "
                + "as attachment \(attachment.number), entry \(attachment.attached?.sequence ?? 0); "
                + "SHA-256 \(attachment.sha256)")
    }
}

/// `accord attachments [KIND ID]`: the files attached to one entity, or every one the reader may see.
struct AttachmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachments",
        abstract: "List attached files (all, or those of one meeting, decision, proposal, comment or report), or "
            + "save one with --save NUMBER --output FILE.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Argument(help: "meeting, decision, proposal, comment or report (with ID).")
    var kind: String?

    @Argument(help: "The entity's identifier.")
    var id: String?

    @Option(help: "The number of an attachment to save (with --output).")
    var save: Int?

    @Option(help: "Where --save writes the file.")
    var output: String?

    @Flag(help: "Print the list as JSON.")
    var json = false

    func run() async throws {
        let target: AttachmentTarget?
        switch (kind.flatMap(AttachmentTarget.Kind.init(rawValue:)), id) {
        case (nil, nil) where kind == nil: target = nil
        case (let kind?, let id?): target = AttachmentTarget(kind: kind, id: id)
        default:
            throw ValidationError(
                "name both KIND (\(AttachmentTarget.Kind.allCases.map(\.rawValue).joined(separator: ", "))) and ID")
        }
        if let save {
            guard let output else { throw ValidationError("--save needs --output FILE") }
            let (attachment, bytes) = try await withRecord(database, logger: makeLogger()) { store in
                try await explainedAttachment {
                    try await AttachmentService(record: RecordService(store: store))
                        .download(save, for: try await identity.principal(in: store))
                }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: output))
            print("wrote \(attachment.name) (\(bytes.count) bytes, SHA-256 \(attachment.sha256)) to \(output)")
            return
        }
        let found = try await withRecord(database, logger: makeLogger()) { store in
            try await explainedAttachment {
                let service = AttachmentService(record: RecordService(store: store))
                let principal = try await identity.principal(in: store)
                guard let target else { return try await service.attachments(for: principal) }
                return try await service.attachments(to: target, for: principal)
            }
        }
        if json {
            try printJSON(found)
            return
        }
        var table = TextTable("number", "attached to", "name", "type", "bytes", "sha-256", "by")
        for file in found {
            table.add(
                String(file.number), file.target.description, file.name, file.mediaType, String(file.bytes),
                file.sha256, file.attached?.by ?? "")
        }
        print(table.rendered)
        print("\(found.count) attached.")
    }
}

/// Runs `body`, turning a refused file into a message on standard error and a non-zero exit.
func explainedAttachment<R>(_ body: () async throws -> R) async throws -> R {
    do {
        return try await explained(body)
    } catch let error as AttachmentError {
        throw Failure(description: "accord: \(error)")
    } catch let error as StoreError {
        throw Failure(description: "accord: \(error)")
    }
}
