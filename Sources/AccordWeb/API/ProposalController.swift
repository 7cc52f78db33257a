import AccordCore
import AccordServices
import Hummingbird

/// Proposals: besides the record routes, their withdrawal, the comments on their items, and the comment matrix.
struct ProposalController: Sendable {
    let record: RecordService

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .post("proposals/:code/withdraw", use: withdraw)
            .get("proposals/:code/comments", use: comments)
            .post("proposals/:code/comments", use: comment)
            .get("proposals/:code/matrix", use: matrix)
    }

    @Sendable func withdraw(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Proposal>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
        _ = try await record.find(Proposal.self, code, for: context.principal)
        return try await record.answer(
            recording: .withdrawProposal(.init(code)), authority: body.authority, as: context.principal,
            showing: Proposal.self, code: code, status: .ok)
    }

    @Sendable func comments(_ request: Request, context: AccordContext) async throws -> JSONResponse<Page<Comment>> {
        let code = try context.parameters.require("code")
        _ = try await record.find(Proposal.self, code, for: context.principal)
        let state = try await record.state(for: context.principal)
        let comments = state.comments.values.filter { $0.proposal.rawValue == code }
            .sorted { ($0.item ?? 0, $0.participant) < ($1.item ?? 0, $1.participant) }
        return JSONResponse(Page(asOf: state.sequence, items: comments))
    }

    @Sendable func comment(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Comment>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<Keyed<Comment>>.self, context: context)
        _ = try await record.find(Proposal.self, code, for: context.principal)
        // The id is derived from the body when it is left out; one written differently is Core's to refuse.
        let comment = body.body.value
        guard comment.proposal.rawValue == code else {
            throw Problem.mismatch("comment.proposal", body: comment.proposal.rawValue, path: code)
        }
        return try await record.answer(
            recording: .fileComment(comment), authority: body.authority, as: context.principal,
            showing: Comment.self, code: comment.id.rawValue)
    }

    @Sendable func matrix(_ request: Request, context: AccordContext) async throws -> JSONResponse<CommentMatrix> {
        let code = try context.parameters.require("code")
        guard let matrix = CommentMatrix(of: .init(code), in: try await record.state(for: context.principal)) else {
            throw Problem.notFound("proposal", code, field: "code")
        }
        return JSONResponse(matrix)
    }
}

extension Problem {
    /// A body that names another record than its path.
    static func mismatch(_ field: String, body: String, path: String) -> Problem {
        Problem(
            .unprocessableContent, kind: "invalid-field", title: "Invalid field",
            detail: "the body's '\(body)' differs from the path's '\(path)'", field: field)
    }
}
