import AccordCore
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird

/// How pages are served: under a language prefix (`/es/plan`, `/en/plan`, `/fr/plan`), rendered once per
/// ledger position, page and viewer, and answered with an entity tag so that a browser's `If-None-Match`
/// gets a 304. Errors become pages in the viewer's language, never a trace.
struct PageRoutes {
    let router: Router<AccordContext>
    let store: Store
    let cache: PageCache

    typealias Render = @Sendable (Viewer, Request, AccordContext) async throws -> PageContent

    /// A page at `/{lang}/path`, cached by ledger position when `cached`.
    func page(_ path: String, cached: Bool = true, _ render: @escaping Render) {
        let store = store
        let cache = cache
        router.get(path.isEmpty ? "{lang}" : "{lang}/\(path)") { request, context in
            let viewer = try Self.viewer(request, context)
            do {
                guard cached else {
                    let content = try await render(viewer, request, context)
                    return Self.response(Layout.render(content, for: viewer), status: .ok, etag: nil)
                }
                let position = try await store.head().sequence
                let key = PageCache.key(
                    uri: request.uri.description, position: position,
                    viewer: "\(viewer.policy.audience)|\(viewer.principal?.csrfToken ?? "")")
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

    /// A form's target at `/{lang}/path`: `act` changes the record and returns where to go next; a refusal
    /// is shown as a page that names the field and the reason.
    func form(_ path: String, _ act: @escaping @Sendable (Viewer, [String: String], AccordContext) async throws -> Link)
    {
        router.post("{lang}/\(path)") { request, context in
            let viewer = try Self.viewer(request, context)
            do {
                let fields = try await FormData.read(request, context: context)
                let next = try await act(viewer, fields, context)
                return Response(status: .seeOther, headers: [.location: next.path])
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
        return Viewer(
            language: language, principal: context.principal, path: String(rest) + query, isOpen: context.isOpen)
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

/// A form's fields (`application/x-www-form-urlencoded`), read once and kept on the request.
enum FormData {
    static let limit = 1 << 20

    static func read(_ request: Request, context: AccordContext) async throws -> [String: String] {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return parse(String(buffer: buffer))
    }

    /// A field's value, trimmed; empty when it was not sent.
    static func value(_ fields: [String: String], _ name: String) -> String {
        (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A field's value, trimmed; a refusal naming the field and `reason` when it is empty.
    static func required(_ fields: [String: String], _ name: String, _ reason: String) throws -> String {
        let value = value(fields, name)
        guard !value.isEmpty else { throw AuthError.invalid(field: name, reason: reason) }
        return value
    }

    /// The fields of an urlencoded body; a repeated name keeps its values joined by newlines.
    static func parse(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            fields[name] = fields[name].map { $0 + "\n" + value } ?? value
        }
        return fields
    }

    private static func decode(_ part: Substring) -> String {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
