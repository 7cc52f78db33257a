import AccordCore
import AccordServices
import AccordStore
import Foundation
import Hummingbird

/// Editions, their comparison, the revision report, and challenges of editorial changes.
enum EditionRoutes {
    struct SettlementBody: Decodable, Sendable {
        var settlement: Settlement
    }

    struct DraftBody: Decodable, Sendable {
        var draft: [ProposedChange]
    }

    /// The report with its verdict, which the synthesized encoding would leave out (it is computed).
    struct ReportAnswer: Encodable, Sendable {
        var report: RevisionReport

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(report.isBlocked, forKey: .isBlocked)
        }

        enum Key: String, CodingKey { case isBlocked }
    }

    /// A comparison with its counts, which are computed too.
    struct ComparisonAnswer: Encodable, Sendable {
        var comparison: PlanComparison

        func encode(to encoder: any Encoder) throws {
            try comparison.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(comparison.summary, forKey: .summary)
        }

        enum Key: String, CodingKey { case summary }
    }

    static func add(to api: RouterGroup<AccordContext>, record: RecordService) {
        RecordRoutes.add(Edition.self, to: api, record: record) { $0.number < $1.number }
        // The second step: the Presidency approves the edition the Secretariat proposed, citing the decision of
        // the highest body that approves the revised plan.
        api.post("editions/:code/approve") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            let edition = try await RecordRoutes.show(Edition.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                Edition.self, .approveEdition(edition.number), signed, code: code, record: record,
                for: context.principal, status: .ok)
        }
        api.get("compare") { request, context in
            let from = try point(request, "from")
            let to = try point(request, "to")
            let old = try await state(at: from, record: record, for: context.principal, field: "from")
            let new = try await state(at: to, record: record, for: context.principal, field: "to")
            return JSONResponse(ComparisonAnswer(comparison: PlanComparison(from: old, to: new)))
        }
        api.get("revision-report") { _, context in
            JSONResponse(ReportAnswer(report: try await record.revisionReport(for: context.principal)))
        }
        api.post("revision-report") { request, context in
            let body = try await request.decodeJSON(as: DraftBody.self, context: context)
            return JSONResponse(
                ReportAnswer(report: try await record.revisionReport(draft: body.draft, for: context.principal)))
        }
        api.get("editorials") { _, context in
            let state = try await record.state(for: context.principal)
            return JSONResponse(
                Page(asOf: state.sequence, items: state.editorialsOpenToChallenge()))
        }
        api.get("challenges") { request, context in
            let state = try await record.state(for: context.principal)
            let challenges = try state.challenges.values.filter { try Challenge.matches($0, request) }
                .sorted { $0.sequence < $1.sequence }
            return JSONResponse(Page(asOf: state.sequence, items: challenges))
        }
        api.get("challenges/:code") { _, context in
            JSONResponse(
                try await RecordRoutes.show(
                    Challenge.self, code: try context.parameters.require("code"), record: record, for: context.principal
                ))
        }
        api.post("challenges") { request, context in
            let signed = try await request.decodeJSON(as: Signed<ChallengeBody>.self, context: context)
            let statement = signed.body.challenge
            return try await RecordRoutes.write(
                Challenge.self, .challengeEditorial(statement), signed,
                code: Challenge.id(of: statement.sequence).rawValue, record: record, for: context.principal)
        }
        api.post("challenges/:code/settle") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<SettlementBody>.self, context: context)
            _ = try await RecordRoutes.show(Challenge.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                Challenge.self, .settleChallenge(.init(code), signed.body.settlement), signed, code: code,
                record: record, for: context.principal,
                status: .ok)
        }
    }

    struct ChallengeBody: Decodable, Sendable {
        var challenge: ChallengeStatement
    }

    private static func point(_ request: Request, _ name: String) throws -> PlanPoint {
        guard let text = request.text(name) else { return .head }
        guard let point = PlanPoint(text) else {
            throw Problem.badParameter(name, "'\(text)' is not an edition number (2), a ledger position (@120) or now")
        }
        return point
    }

    private static func state(at point: PlanPoint, record: RecordService, for principal: Principal?, field: String)
        async throws -> ProcessState
    {
        do {
            return try await record.state(at: point, for: principal, field: field)
        } catch let error as ChangeError {
            throw Problem.badParameter(field, error.reason)
        }
    }
}
