import AccordCore
import AccordDocuments
import AccordServices
import AccordStatistics
import AccordStore
import Foundation
import Hummingbird

/// An RFC 9457 problem detail: the one shape every API error takes.
///
/// `field` names the request field at fault (a JSON path like `item.leads[0]`) and `detail` says why,
/// so that a client can show the error next to the input that caused it.
struct Problem: Error, HTTPResponseError, Codable, Sendable {
    /// A URI reference naming the kind of problem, e.g. `/problems/unknown-reference`.
    var type: String
    var title: String
    /// The HTTP status code, repeated in the body as RFC 9457 asks.
    var statusCode: Int
    var detail: String
    /// The request field at fault, when there is one.
    var field: String?
    /// The rule of the process that was broken, when one was.
    var rule: String?
    /// Every problem of an import, by row and column, when the request was one.
    var problems: [ImportProblem]?

    var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    private enum CodingKeys: String, CodingKey {
        case type, title, detail, field, rule, problems
        case statusCode = "status"
    }

    init(
        _ status: HTTPResponse.Status, kind: String, title: String, detail: String, field: String? = nil,
        rule: String? = nil
    ) {
        self.type = "/problems/\(kind)"
        self.title = title
        self.statusCode = status.code
        self.detail = detail
        self.field = field?.isEmpty == true ? nil : field
        self.rule = rule
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse(self, status: status, contentType: "application/problem+json")
            .response(from: request, context: context)
    }
}

extension Problem {
    /// A path or query parameter that cannot be read.
    static func badParameter(_ name: String, _ reason: String) -> Problem {
        Problem(.badRequest, kind: "invalid-parameter", title: "Invalid parameter", detail: reason, field: name)
    }

    /// Nothing is recorded under the identifier in the path.
    static func notFound(_ what: String, _ id: String, field: String) -> Problem {
        Problem(
            .notFound, kind: "not-found", title: "Not found", detail: "no \(what) '\(id)' is recorded", field: field)
    }

    /// Turns any error from Core, the store or decoding into the problem a client sees.
    ///
    /// Unknown errors become a bare 500: their text may hold SQL or paths, which a client must never see.
    init(_ error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as ChangeError:
            self.init(changeError: error)
        case let error as DecodingError:
            self.init(decodingError: error)
        case let error as URLEncodedFormError:
            // A form or query Hummingbird's decoder cannot take apart: a key given twice, a broken escape.
            let reason = error.code == .duplicateKeys ? "is given more than once" : "cannot be read (\(error))"
            self.init(
                .badRequest, kind: "malformed-request", title: "Malformed request", detail: reason, field: error.value)
        case let error as HTTPError:
            self.init(
                error.status, kind: "http", title: error.status.reasonPhrase,
                detail: error.body ?? error.status.reasonPhrase)
        case let error as DocumentError:
            self.init(
                .unprocessableContent, kind: "invalid-field", title: "Invalid field", detail: error.description,
                field: { if case .invalid(let field, _) = error { field } else { nil } }())
        case let error as AuthError:
            switch error {
            case .invalidCredentials, .notSignedIn:
                self.init(.unauthorized, kind: "not-signed-in", title: "Not signed in", detail: error.description)
            case .throttled:
                self.init(.tooManyRequests, kind: "throttled", title: "Too many attempts", detail: error.description)
            case .invalid(let field, let reason):
                self.init(
                    .unprocessableContent, kind: "invalid-field", title: "Invalid field", detail: reason, field: field)
            case .forbidden, .forgery:
                self.init(.forbidden, kind: "forbidden", title: "Forbidden", detail: error.description)
            }
        case let error as UploadError:
            self.init(uploadError: error)
        case let error as AttachmentError:
            self.init(attachmentError: error)
        case let error as StructureError:
            self.init(
                .unprocessableContent, kind: "invalid-field", title: "Invalid field", detail: error.description)
        case let error as NotFound:
            self.init(.notFound, kind: "not-found", title: "Not found", detail: error.description, field: error.field)
        case let error as PDFConversion.Failure:
            self.init(.serviceUnavailable, kind: "pdf-unavailable", title: "PDF unavailable", detail: error.description)
        case let error as StoreError:
            self.init(.serviceUnavailable, kind: "store", title: "Store unavailable", detail: error.description)
        default:
            self.init(
                .internalServerError, kind: "internal", title: "Internal error",
                detail: "the server could not complete the request; nothing was changed")
        }
    }

    private init(changeError error: ChangeError) {
        switch error {
        case .invalid(let field, let reason):
            self.init(
                .unprocessableContent, kind: "invalid-field", title: "Invalid field", detail: reason, field: field)
        case .unknownReference(let field, let reason):
            self.init(
                .unprocessableContent, kind: "unknown-reference", title: "Unknown reference", detail: reason,
                field: field)
        case .duplicate(let field, let reason):
            self.init(.conflict, kind: "duplicate", title: "Already recorded", detail: reason, field: field)
        case .ruleViolation(let field, let rule, let reason):
            self.init(
                .conflict, kind: "rule-violation", title: "Refused by a rule", detail: reason, field: field,
                rule: rule)
        }
    }

    private init(decodingError error: DecodingError) {
        let field = error.field
        self.init(
            .badRequest, kind: "malformed-request", title: "Malformed request",
            detail: field.isEmpty ? "the body \(error.reason)" : error.reason, field: field)
    }
}

extension Problem {
    /// An upload that cannot be taken or committed, with the status that says why.
    init(uploadError error: UploadError) {
        switch error {
        case .unknownUpload:
            self.init(.notFound, kind: "not-found", title: "Not found", detail: error.description, field: "upload")
        case .tooLarge:
            self.init(.contentTooLarge, kind: "too-large", title: "Request too large", detail: error.description)
        case .stalePreview:
            self.init(
                .conflict, kind: "stale-preview", title: "Stale preview", detail: error.description, field: "expect")
        case .expectationNeeded:
            self.init(
                .unprocessableContent, kind: "invalid-upload", title: "Upload refused", detail: error.description,
                field: "expect")
        case .hasErrors, .mappingNeeded, .empty:
            self.init(
                .unprocessableContent, kind: "invalid-upload", title: "Upload refused", detail: error.description,
                field: "file")
        }
    }
}
