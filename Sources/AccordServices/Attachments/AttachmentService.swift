import AccordCore
import AccordStore
import Foundation

/// A file someone asks to attach: what to, the bytes, and what the sender says of them.
public struct AttachmentUpload: Sendable {
    public var target: AttachmentTarget
    /// The file's name as sent; it is reduced to a plain name before it is recorded.
    public var name: String
    /// The media type the sender declared; nil or `application/octet-stream` when it declared none.
    public var declaredType: String?
    public var content: [UInt8]
    public var title: LocalizedText?
    public var language: Language?

    public init(
        target: AttachmentTarget, name: String, declaredType: String? = nil, content: [UInt8],
        title: LocalizedText? = nil, language: Language? = nil
    ) {
        self.target = target
        self.name = name
        self.declaredType = declaredType
        self.content = content
        self.title = title
        self.language = language
    }
}

/// Documents as a record (issue 19 §2): files attached to meetings, decisions, proposals, comments and reports,
/// for the web and the CLI alike.
///
/// A file is checked before anything is written — its size, its type read from its bytes, agreement with what
/// the sender declared — then attached by one ledger entry carrying its SHA-256, with the bytes kept in the same
/// transaction. Who may attach what is Core's rule; who reads an attachment is whoever reads what it is attached
/// to (`ProcessState.published(for:)`).
public struct AttachmentService: Sendable {
    public let record: RecordService
    /// The most bytes a file may have.
    public let maximumBytes: Int

    /// Twenty megabytes: an outcome document or a report with its annexes, scanned.
    public static let defaultMaximumBytes = 20 << 20

    public init(record: RecordService, maximumBytes: Int = Self.defaultMaximumBytes) {
        self.record = record
        self.maximumBytes = maximumBytes
    }

    /// Attaches `upload` as `principal`.
    ///
    /// - Throws: `AuthError` without an acting principal; `NotFound` naming `target` when the principal reads
    ///   no such entity; `AttachmentError` for a file too large, empty, or of a type Accord does not keep;
    ///   `ChangeError` from the rules (another country's document, say).
    @discardableResult
    public func attach(_ upload: AttachmentUpload, as principal: Principal?) async throws -> Attachment {
        // Nobody attaches without an acting principal: refused before the file is looked at.
        _ = try RecordService.actor(of: principal)
        guard try await record.state(for: principal).holds(upload.target.ref) else {
            throw NotFound(field: "target", "no \(upload.target.kind.rawValue) '\(upload.target.id)' is recorded")
        }
        guard upload.content.count <= maximumBytes else { throw AttachmentError.tooLarge(limit: maximumBytes) }
        guard !upload.content.isEmpty else { throw AttachmentError.empty }
        let mediaType = try FileType.sniff(upload.content)
        if let declared = upload.declaredType.map(Self.bareType), declared != "application/octet-stream",
            declared != mediaType
        {
            throw AttachmentError.typeMismatch(declared: declared, actual: mediaType)
        }
        let name = Self.plainName(upload.name)
        if let named = FileType.named(name), named != mediaType {
            throw AttachmentError.typeMismatch(declared: named, actual: mediaType)
        }
        let file = StoredFile(mediaType: mediaType, content: upload.content)
        // Numbered on the whole record, whatever the principal reads of it.
        let state = try await record.store.currentState()
        let attachment = Attachment(
            number: state.attachments.count + 1, target: upload.target, name: name, mediaType: mediaType,
            bytes: upload.content.count, sha256: file.sha256, title: upload.title, language: upload.language)
        // A participant's own document is attached on its authority; anything else is the record's keeping.
        let owner = state.participant(owning: upload.target)
        let authority: Authority = owner.map { .participant($0) } ?? .editorial(reason: "document attached: \(name)")
        try await record.record(.attachFile(attachment), authority: authority, storing: [file], as: principal)
        // As the ledger recorded it: with the entry, who made it and when.
        return try await record.store.currentState().attachments[attachment.number] ?? attachment
    }

    /// The files attached to `target`, oldest first.
    ///
    /// - Throws: `NotFound` naming `target` when the principal reads no such entity.
    public func attachments(to target: AttachmentTarget, for principal: Principal?) async throws -> [Attachment] {
        let state = try await record.state(for: principal)
        guard state.holds(target.ref) else {
            throw NotFound(field: "target", "no \(target.kind.rawValue) '\(target.id)' is recorded")
        }
        return state.attachments(to: target)
    }

    /// Every file `principal` may read, oldest first.
    public func attachments(for principal: Principal?) async throws -> [Attachment] {
        try await record.state(for: principal).attachments.values.sorted { $0.number < $1.number }
    }

    /// Attachment `number`, when `principal` reads what it is attached to.
    ///
    /// - Throws: `NotFound` naming `number` otherwise: an attachment on a draft report is as absent to the
    ///   public as the report.
    public func attachment(_ number: Int, for principal: Principal?) async throws -> Attachment {
        guard let attachment = try await record.state(for: principal).attachments[number] else {
            throw NotFound(field: "number", "no attachment \(number) is recorded")
        }
        return attachment
    }

    /// Attachment `number` with its bytes, checked against the digest its entry carries.
    ///
    /// - Throws: `NotFound` as `attachment(_:for:)`; `StoreError.corruptRow` when the bytes are missing or no
    ///   longer hash to the digest.
    public func download(_ number: Int, for principal: Principal?) async throws -> (Attachment, [UInt8]) {
        let attachment = try await attachment(number, for: principal)
        guard let file = try await record.store.storedFile(attachment.sha256), file.sha256 == attachment.sha256
        else {
            throw StoreError.corruptRow(
                table: "stored_files", key: attachment.sha256, reason: "the file of attachment \(number) is missing")
        }
        return (attachment, file.content)
    }

    /// `type/subtype` of a Content-Type header, without its parameters, in lower case.
    static func bareType(_ header: String) -> String {
        String(header.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// A file's name reduced to a plain one: the last part of a path, without quotes, backslashes or control
    /// characters, so that no download can name a folder or break a header.
    public static func plainName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = String(
            String.UnicodeScalarView(
                last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" && $0 != "'" })
        )
        .trimmingCharacters(in: .whitespaces)
        let plain = String(kept.prefix(200))
        return plain.isEmpty || plain == "." || plain == ".." ? "attachment" : plain
    }
}
