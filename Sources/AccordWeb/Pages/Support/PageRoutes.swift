import AccordCore
import AccordServices
import Foundation
import HTTPTypes
import Hummingbird

/// How pages are served: under a language prefix (`/es/plan`, `/en/plan`, `/fr/plan`), rendered once per
/// ledger position, page and viewer, and answered with an entity tag so that a browser's `If-None-Match`
/// gets a 304. Errors become pages in the viewer's language, never a trace.
struct PageRoutes {
    /// The pages' group: reads only.
    let pages: RouterGroup<AccordContext>
    /// The forms' group, behind `PageFormGuard`.
    let forms: RouterGroup<AccordContext>
    let record: RecordService
    let cache: PageCache
    /// The most bytes an attached file may have (`--max-attachment-bytes`), which the attachment form states.
    let attachmentLimit: Int

    typealias Render = @Sendable (Viewer, Request, AccordContext) async throws -> PageContent

    /// A page at `/{lang}/path`, cached by ledger position when `cached`.
    ///
    /// - Parameter variant: what else the page's bytes depend on for a viewer, besides the ledger position
    ///   (the dashboard's count of changes since the reader's last visit depends on the reader's mark).
    func page(
        _ path: String, cached: Bool = true, variant: (@Sendable (Viewer) async throws -> String)? = nil,
        _ render: @escaping Render
    ) {
        let record = record
        let cache = cache
        pages.get(path.isEmpty ? "{lang}" : "{lang}/\(path)") { request, context in
            let viewer = try Self.viewer(request, context)
            do {
                guard cached else {
                    let content = try await render(viewer, request, context)
                    return Self.response(Layout.render(content, for: viewer), status: .ok, etag: nil)
                }
                let position = try await record.head().sequence
                let variant = try await variant?(viewer) ?? ""
                let key = PageCache.key(
                    uri: request.uri.description, position: position,
                    viewer: "\(viewer.policy.audience)|\(viewer.principal?.csrfToken ?? "")|\(variant)")
                let page: PageCache.Page
                if let hit = cache.page(key) {
                    page = hit
                } else {
                    page = cache.store(
                        Layout.render(try await render(viewer, request, context), for: viewer), under: key)
                }
                if let tags = request.headers[.ifNoneMatch],
                    tags.split(separator: ",").contains(where: {
                        $0.trimmingCharacters(in: .whitespaces) == page.etag
                    })
                {
                    return Response(status: .notModified, headers: [.eTag: page.etag, .cacheControl: "no-cache"])
                }
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/html; charset=utf-8", .eTag: page.etag, .cacheControl: "no-cache"],
                    body: .init(byteBuffer: page.body))
            } catch {
                return Self.errorPage(error, viewer)
            }
        }
    }

    /// A form's target at `/{lang}/path`, its fields decoded as `Fields`: `act` changes the record and returns
    /// where to go next; a refusal is shown as a page that names the field and the reason. The route is in the
    /// forms' group, whose guard has checked the content type, the size, the anti-forgery token and that
    /// someone is signed in before `act` runs.
    func form<Fields: Decodable & Sendable>(
        _ path: String, _ fields: Fields.Type,
        _ act: @escaping @Sendable (Viewer, Fields, AccordContext) async throws -> Link
    ) {
        post(path, fields) { viewer, fields, context in
            let next = try await act(viewer, fields, context)
            return Response(status: .seeOther, headers: [.location: next.path])
        }
    }

    /// A form's target at `/{lang}/path` that answers with a page rather than a redirect: a check that
    /// records nothing (a dry run) shows its result with the form, filled as it was sent. Behind the same
    /// guard as `form`; a refusal is shown the same way.
    func formPage<Fields: Decodable & Sendable>(
        _ path: String, _ fields: Fields.Type,
        _ render: @escaping @Sendable (Viewer, Fields, AccordContext) async throws -> PageContent
    ) {
        post(path, fields) { viewer, fields, context in
            let content = try await render(viewer, fields, context)
            return Self.response(Layout.render(content, for: viewer), status: .ok, etag: nil)
        }
    }

    /// The forms' one way in: the body read and decoded as `Fields`, then `answer`; any error as a page.
    private func post<Fields: Decodable & Sendable>(
        _ path: String, _ fields: Fields.Type,
        _ answer: @escaping @Sendable (Viewer, Fields, AccordContext) async throws -> Response
    ) {
        forms.post("{lang}/\(path)") { request, context in
            let viewer = try Self.viewer(request, context)
            do {
                var request = request
                let fields = try await FormBody.read(&request, as: Fields.self)
                return try await answer(viewer, fields, context)
            } catch {
                return Self.errorPage(error, viewer)
            }
        }
    }

    static func viewer(_ request: Request, _ context: AccordContext) throws -> Viewer {
        let code = context.parameters.get("lang") ?? ""
        guard let language = Language(rawValue: code) else {
            throw HTTPError(.notFound, message: "no such page")
        }
        var rest = request.uri.path.dropFirst(code.count + 1)
        if rest.isEmpty { rest = "/" }
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return Viewer(language: language, principal: context.principal, path: String(rest) + query)
    }

    static func response(_ html: [UInt8], status: HTTPResponse.Status, etag: String?) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        if let etag { headers[.eTag] = etag }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: html)))
    }

    /// A refusal or a fault as a page: the problem's title and detail (which name the field and the
    /// reason), and for a server fault only a generic message.
    static func errorPage(_ error: any Error, _ viewer: Viewer) -> Response {
        let problem = Problem(error)
        var main = HTML()
        main.element("h1", text: viewer.t(problem.statusCode == 404 ? .notFound : .refused))
        main.element("div", [("class", "notice error"), ("role", "alert")]) { html in
            if problem.statusCode >= 500 {
                html.text(viewer.t(.serverFault))
            } else {
                if let field = problem.field { html.element("strong", text: "\(field): ") }
                html.text(problem.detail.isEmpty ? problem.title : problem.detail)
            }
        }
        if problem.statusCode == 401 { main.link(viewer.link("/sign-in"), viewer.t(.signIn)) }
        main.element("p") { $0.link(viewer.link("/plan"), viewer.t(.backToPlan)) }
        let content = PageContent(title: viewer.t(.refused), main: main)
        return response(
            Layout.render(content, for: viewer), status: HTTPResponse.Status(code: problem.statusCode), etag: nil)
    }
}

/// A page form's body: `application/x-www-form-urlencoded` only, at most `limit` bytes, decoded into a typed
/// value with Hummingbird's `URLEncodedFormDecoder`. The body is read once and kept on the request, so the
/// guard and the handler read the same bytes.
enum FormBody {
    static let limit = 1 << 20

    /// Decodes the body of `request` as `T`, keeping the collected body on the request.
    ///
    /// - Throws: a 415 problem for another content type, 413 beyond `limit`, 400 naming the field that
    ///   cannot be read.
    static func read<T: Decodable>(_ request: inout Request, as type: T.Type) async throws -> T {
        let mediaType = (request.headers[.contentType] ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard mediaType == "application/x-www-form-urlencoded" else {
            throw Problem(
                .unsupportedMediaType, kind: "unsupported-media-type", title: "Unsupported media type",
                detail: "a page's form is sent as application/x-www-form-urlencoded")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw Problem(
                .contentTooLarge, kind: "too-large", title: "Request too large",
                detail: "the form is larger than \(limit) bytes")
        }
        return try decode(String(buffer: buffer), as: T.self)
    }

    /// Decodes a form's collected body as `T`: a pure function of the text, which the fuzz target
    /// `accord-fuzz form` calls as the routes do.
    ///
    /// - Throws: a 400 problem naming the field that cannot be read.
    static func decode<T: Decodable>(_ text: String, as type: T.Type) throws -> T {
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: text)
        } catch {
            throw Problem(error)
        }
    }

    /// A required text: trimmed, and a refusal naming the field and `reason` when it is empty.
    static func required(_ value: String?, _ field: String, _ reason: String) throws -> String {
        let value = trimmed(value)
        guard !value.isEmpty else { throw AuthError.invalid(field: field, reason: reason) }
        return value
    }

    /// An optional text, trimmed; empty when it was not sent.
    static func trimmed(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}
