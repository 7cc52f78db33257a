import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// Proposals, the comments on their items, and the comment matrix.
enum ProposalRoutes {
    static func add(to api: RouterGroup<AccordContext>, record: RecordService) {
        RecordRoutes.add(Proposal.self, to: api, record: record) { $0.id < $1.id }
        api.post("proposals/:code/withdraw") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            _ = try await RecordRoutes.show(Proposal.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                Proposal.self, .withdrawProposal(.init(code)), signed, code: code, record: record,
                for: context.principal, status: .ok)
        }
        api.get("proposals/:code/comments") { _, context in
            let code = try context.parameters.require("code")
            _ = try await RecordRoutes.show(Proposal.self, code: code, record: record, for: context.principal)
            let state = try await record.state(for: context.principal)
            let comments = state.comments.values.filter { $0.proposal.rawValue == code }
                .sorted { ($0.item ?? 0, $0.participant) < ($1.item ?? 0, $1.participant) }
            return JSONResponse(Page(asOf: state.sequence, items: comments))
        }
        api.post("proposals/:code/comments") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<Keyed<Comment>>.self, context: context)
            _ = try await RecordRoutes.show(Proposal.self, code: code, record: record, for: context.principal)
            // The id is derived from the body when it is left out; one written differently is Core's to refuse.
            let comment = signed.body.value
            guard comment.proposal.rawValue == code else {
                throw Problem.mismatch("comment.proposal", body: comment.proposal.rawValue, path: code)
            }
            return try await RecordRoutes.write(
                Comment.self, .fileComment(comment), signed, code: comment.id.rawValue, record: record,
                for: context.principal)
        }
        api.get("proposals/:code/matrix") { _, context in
            let code = try context.parameters.require("code")
            guard let matrix = CommentMatrix(of: .init(code), in: try await record.state(for: context.principal)) else {
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
