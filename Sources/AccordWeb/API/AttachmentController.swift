import AccordCore
import AccordServices
import Foundation
import Hummingbird

/// Documents as a record (issue 19 §2): files attached to meetings, decisions, proposals, comments and reports,
/// listed, attached and downloaded through `AttachmentService` as the authenticated principal.
///
/// A download is never rendered by the browser: it is sent as an attachment with the type Accord read from the
/// bytes, `nosniff`, and a sandboxing Content-Security-Policy, whatever the file holds.
struct AttachmentController: Sendable {
    let attachments: AttachmentService

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("attachments", use: list)
            .post("attachments", use: attach)
            .get("attachments/:number", use: show)
            .get("attachments/:number/content", use: download)
    }

    /// The query naming what files are attached to: `target=meeting&id=XIX-RCM`; either alone filters by it.
    struct TargetQuery: Decodable, Sendable {
        var target: AttachmentTarget.Kind?
        var id: String?
    }

    /// Every file the reader may see; with `target` and `id`, those of that entity (404 when the reader reads
    /// no such entity); with one of the two, those whose target has that kind or identifier.
    @Sendable func list(_ request: Request, context: AccordContext) async throws -> JSONResponse<[AttachmentDTO]> {
        let query = try request.query(as: TargetQuery.self)
        let found: [Attachment]
        if let kind = query.target, let id = query.id {
            found = try await attachments.attachments(
                to: AttachmentTarget(kind: kind, id: id), for: context.principal)
        } else {
            found = try await attachments.attachments(for: context.principal).filter { file in
                (query.target.map { $0 == file.target.kind } ?? true) && (query.id.map { $0 == file.target.id } ?? true)
            }
        }
        return JSONResponse(found.map(AttachmentDTO.init))
    }

    /// `POST /attachments`'s query; the file is the body, its type the `Content-Type`.
    struct AttachQuery: Decodable, Sendable {
        var target: AttachmentTarget.Kind?
        var id: String?
        var name: String?
        var title: String?
        var language: Language?
    }

    /// `POST /api/v1/attachments?target=KIND&id=ID&name=FILE[&title=…][&language=es]` with the file as the body.
    @Sendable func attach(_ request: Request, context: AccordContext) async throws -> JSONResponse<AttachmentDTO> {
        let query = try request.query(as: AttachQuery.self)
        // Nobody writes without an acting principal: refused before the body is read.
        _ = try RecordService.actor(of: context.principal)
        guard let kind = query.target else {
            throw Problem.badParameter("target", "name what the file is attached to: target=KIND&id=ID")
        }
        guard let id = query.id, !id.isEmpty else {
            throw Problem.badParameter("id", "name the \(kind.rawValue)'s identifier: id=ID")
        }
        let target = AttachmentTarget(kind: kind, id: id)
        // Its length and form, and the title's, are Core's rules (`Check.fileName`), as from the page.
        guard let name = query.name, !name.isEmpty else {
            throw Problem.badParameter("name", "name the file, e.g. name=conclusiones.pdf")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: attachments.maximumBytes)
        } catch {
            throw Problem(attachmentError: .tooLarge(limit: attachments.maximumBytes))
        }
        let title = query.title.map { text in
            LocalizedText(
                authoritative: query.language ?? .es, [query.language ?? .es: text])
        }
        let attachment = try await attachments.attach(
            AttachmentUpload(
                target: target, name: name, declaredType: request.headers[.contentType],
                content: Array(buffer.readableBytesView), title: title, language: query.language),
            as: context.principal)
        return JSONResponse(AttachmentDTO(attachment), status: .created)
    }

    @Sendable func show(_ request: Request, context: AccordContext) async throws -> JSONResponse<AttachmentDTO> {
        JSONResponse(AttachmentDTO(try await attachments.attachment(try Self.number(context), for: context.principal)))
    }

    @Sendable func download(_ request: Request, context: AccordContext) async throws -> Response {
        let (attachment, bytes) = try await attachments.download(try Self.number(context), for: context.principal)
        return Self.response(attachment, bytes)
    }

    /// The number in the path.
    static func number(_ context: AccordContext) throws -> Int {
        let text = try context.parameters.require("number")
        guard let number = Int(text), number > 0, text.allSatisfy(\.isASCII) else {
            throw Problem.badParameter("number", "'\(text)' is not an attachment's number")
        }
        return number
    }

    /// A download: the bytes with the type read from them, as an attachment the browser saves, never renders.
    static func response(_ attachment: Attachment, _ bytes: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = attachment.mediaType
        headers[.contentDisposition] = contentDisposition(attachment.name)
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; frame-ancestors 'none'"
        headers[.cacheControl] = "private, no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII name for old clients, the real one
    /// percent-encoded; neither can hold a quote, a backslash or a line break.
    static func contentDisposition(_ name: String) -> String {
        let plain = AttachmentService.plainName(name)
        let ascii = String(
            String.UnicodeScalarView(plain.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? $0 : "_" }))
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = plain.addingPercentEncoding(withAllowedCharacters: allowed) ?? "attachment"
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

/// An attached file as the API shows it.
struct AttachmentDTO: Codable, Sendable {
    var number: Int
    var target: AttachmentTarget
    var name: String
    var mediaType: String
    var bytes: Int
    var sha256: String
    var title: LocalizedText?
    var language: Language?
    /// The ledger entry that attached it, who made it and when.
    var sequence: Int64?
    var attachedBy: String?
    var attachedAt: String?
    /// Where its bytes are downloaded.
    var content: String

    init(_ attachment: Attachment) {
        number = attachment.number
        target = attachment.target
        name = attachment.name
        mediaType = attachment.mediaType
        bytes = attachment.bytes
        sha256 = attachment.sha256
        title = attachment.title
        language = attachment.language
        sequence = attachment.attached?.sequence
        attachedBy = attachment.attached?.by
        attachedAt = attachment.attached?.at.description
        content = "/api/v1/attachments/\(attachment.number)/content"
    }
}

extension Problem {
    /// A file that cannot be attached, with the status that says why, naming `file`.
    init(attachmentError error: AttachmentError) {
        switch error {
        case .tooLarge:
            self.init(
                .contentTooLarge, kind: "too-large", title: "File too large", detail: error.description, field: "file")
        case .empty:
            self.init(
                .unprocessableContent, kind: "invalid-field", title: "Invalid field", detail: error.description,
                field: "file")
        case .unsupportedType, .typeMismatch:
            self.init(
                .unsupportedMediaType, kind: "unsupported-media-type", title: "Unsupported media type",
                detail: error.description, field: "file")
        }
    }
}
