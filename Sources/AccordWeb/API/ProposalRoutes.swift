import AccordCore
import AccordStore
import Hummingbird

/// Proposals, the comments on their items, and the comment matrix.
enum ProposalRoutes {
    static func add<Context: RequestContext>(to api: RouterGroup<Context>, store: Store) {
        RecordRoutes.add(Proposal.self, to: api, store: store) { $0.id < $1.id }
        api.post("proposals/:code/withdraw") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            _ = try await RecordRoutes.show(Proposal.self, code: code, store: store)
            return try await RecordRoutes.write(
                Proposal.self, .withdrawProposal(.init(code)), signed, code: code, store: store, status: .ok)
        }
        api.get("proposals/:code/comments") { _, context in
            let code = try context.parameters.require("code")
            _ = try await RecordRoutes.show(Proposal.self, code: code, store: store)
            let state = try await store.currentState()
            let comments = state.comments.values.filter { $0.proposal.rawValue == code }
                .sorted { ($0.item ?? 0, $0.participant) < ($1.item ?? 0, $1.participant) }
            return JSONResponse(Page(asOf: state.sequence, items: comments))
        }
        api.post("proposals/:code/comments") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<Keyed<Comment>>.self, context: context)
            _ = try await RecordRoutes.show(Proposal.self, code: code, store: store)
            // The id is derived from the body when it is left out; one written differently is Core's to refuse.
            let comment = signed.body.value
            guard comment.proposal.rawValue == code else {
                throw Problem.mismatch("comment.proposal", body: comment.proposal.rawValue, path: code)
            }
            return try await RecordRoutes.write(
                Comment.self, .fileComment(comment), signed, code: comment.id.rawValue, store: store)
        }
        api.get("proposals/:code/matrix") { _, context in
            let code = try context.parameters.require("code")
            guard let matrix = CommentMatrix(of: .init(code), in: try await store.currentState()) else {
                throw Problem.notFound("proposal", code, field: "code")
            }
            return JSONResponse(matrix)
        }
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
