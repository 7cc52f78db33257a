import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// Editions, their comparison, the revision report, and challenges of editorial changes; besides these, editions
/// and challenges are listed and shown by the record routes.
struct EditionController: Sendable {
    let record: RecordService

    struct SettlementBody: Decodable, Sendable {
        var settlement: Settlement
    }

    struct DraftBody: Decodable, Sendable {
        var draft: [ProposedChange]
    }

    struct ChallengeBody: Decodable, Sendable {
        var challenge: ChallengeStatement
    }

    /// `?from=…&to=…`: each an edition number (2), a ledger position (@120) or now, the default.
    struct CompareQuery: Decodable, Sendable {
        var from: String?
        var to: String?
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

    var endpoints: RouteCollection<AccordContext> {
        let challenges = RecordController<Challenge>(record: record) { $0.sequence < $1.sequence }
        return RouteCollection(context: AccordContext.self)
            .post("editions/:code/approve", use: approve)
            .get("compare", use: compare)
            .get("revision-report", use: revisionReport)
            .post("revision-report", use: draftRevisionReport)
            .get("editorials", use: editorials)
            // Challenges are listed and shown as any record is; they are filed and settled by their own routes.
            .get("challenges", use: challenges.list)
            .get("challenges/:code", use: challenges.show)
            .post("challenges", use: challenge)
            .post("challenges/:code/settle", use: settle)
    }

    /// The second step: the Presidency approves the edition the Secretariat proposed, citing the decision of the
    /// highest body that approves the revised plan.
    @Sendable func approve(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Edition>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
        let edition = try await record.find(Edition.self, code, for: context.principal)
        return try await record.answer(
            recording: .approveEdition(edition.number), authority: body.authority, as: context.principal,
            showing: Edition.self, code: code, status: .ok)
    }

    /// An edition not published, or a position the ledger has not reached, is Core's refusal (422, naming `from`
    /// or `to`), as for the plan's views; only a value that is no point at all is the client's malformed request.
    @Sendable func compare(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<ComparisonAnswer>
    {
        let query = try request.query(as: CompareQuery.self)
        let from = try Self.point(query.from, field: "from")
        let to = try Self.point(query.to, field: "to")
        let old = try await record.state(at: from, for: context.principal, field: "from")
        let new = try await record.state(at: to, for: context.principal, field: "to")
        return JSONResponse(ComparisonAnswer(comparison: PlanComparison(from: old, to: new)))
    }

    @Sendable func revisionReport(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<ReportAnswer>
    {
        JSONResponse(ReportAnswer(report: try await record.revisionReport(for: context.principal)))
    }

    @Sendable func draftRevisionReport(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<ReportAnswer>
    {
        let body = try await request.decodeJSON(as: DraftBody.self, context: context)
        return JSONResponse(
            ReportAnswer(report: try await record.revisionReport(draft: body.draft, for: context.principal)))
    }

    @Sendable func editorials(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<Page<EditorialChange>>
    {
        let state = try await record.state(for: context.principal)
        return JSONResponse(Page(asOf: state.sequence, items: state.editorialsOpenToChallenge()))
    }

    @Sendable func challenge(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Challenge>>
    {
        let body = try await request.decodeJSON(as: Signed<ChallengeBody>.self, context: context)
        let statement = body.body.challenge
        return try await record.answer(
            recording: .challengeEditorial(statement), authority: body.authority, as: context.principal,
            showing: Challenge.self, code: Challenge.id(of: statement.sequence).rawValue)
    }

    @Sendable func settle(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Challenge>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<SettlementBody>.self, context: context)
        _ = try await record.find(Challenge.self, code, for: context.principal)
        return try await record.answer(
            recording: .settleChallenge(.init(code), body.body.settlement), authority: body.authority,
            as: context.principal, showing: Challenge.self, code: code, status: .ok)
    }

    /// The point `text` names; now when it is absent.
    private static func point(_ text: String?, field: String) throws -> PlanPoint {
        guard let text else { return .head }
        guard let point = PlanPoint(text) else {
            throw Problem.badParameter(field, "'\(text)' is not an edition number (2), a ledger position (@120) or now")
        }
        return point
    }
}
