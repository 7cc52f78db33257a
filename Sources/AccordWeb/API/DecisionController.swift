import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// Meetings that decide: drafts tabled at a meeting, positions on them, their adoption by consensus, and the
/// Presidency's review of a transcribed decision.
struct DecisionController: Sendable {
    let record: RecordService

    struct PositionBody: Decodable, Sendable {
        var position: Fields

        /// A position; the draft comes from the path.
        struct Fields: Decodable, Sendable {
            var participant: ParticipantID
            var position: Position
            var note: LocalizedText?
        }
    }

    /// Why the Presidency rejects a transcription.
    struct RejectBody: Decodable, Sendable {
        var reason: LocalizedText
    }

    /// A draft with the consensus its positions give today.
    struct DraftAnswer: Encodable, Sendable {
        var draft: DraftDecision
        var consensus: Consensus
        var isAdoptable: Bool
        /// Why it cannot be adopted yet, if it cannot.
        var obstacle: String?
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .post("decisions/:meeting/:paragraph/confirm", use: confirm)
            .post("decisions/:meeting/:paragraph/reject", use: reject)
            .get("meetings/:code/drafts", use: drafts)
            .post("meetings/:code/drafts", use: table)
            .get("drafts/:meeting/:paragraph", use: draft)
            .post("drafts/:meeting/:paragraph/positions", use: recordPosition)
            .post("drafts/:meeting/:paragraph/adopt", use: adopt)
            .post("drafts/:meeting/:paragraph/withdraw", use: withdraw)
    }

    @Sendable func drafts(_ request: Request, context: AccordContext) async throws -> JSONResponse<Page<DraftDecision>>
    {
        let code = try context.parameters.require("code")
        _ = try await record.find(Meeting.self, code, for: context.principal)
        let state = try await record.state(for: context.principal)
        let drafts = state.drafts.values.filter { $0.meeting.rawValue == code }.sorted { $0.id < $1.id }
        return JSONResponse(Page(asOf: state.sequence, items: drafts))
    }

    @Sendable func table(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<DraftDecision>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<Keyed<DraftDecision>>.self, context: context)
        _ = try await record.find(Meeting.self, code, for: context.principal)
        // Passed on as written: a draft tabled with positions or another status is Core's to refuse.
        let draft = body.body.value
        guard draft.meeting.rawValue == code else {
            throw Problem.mismatch("draft.meeting", body: draft.meeting.rawValue, path: code)
        }
        return try await record.answer(
            recording: .tableDraft(draft), authority: body.authority, as: context.principal,
            showing: DraftDecision.self, code: draft.id.rawValue)
    }

    @Sendable func draft(_ request: Request, context: AccordContext) async throws -> JSONResponse<DraftAnswer> {
        let code = try Self.code(context)
        // One read, so the draft and the attendance its consensus counts come from the same state.
        let state = try await record.state(for: context.principal)
        guard let draft = DraftDecision.find(code, in: state) else {
            throw Problem.notFound(DraftDecision.singular, code, field: "code")
        }
        let consensus = Consensus(on: draft, in: state)
        return JSONResponse(
            DraftAnswer(
                draft: draft, consensus: consensus, isAdoptable: consensus.isReached && draft.status == .draft,
                obstacle: consensus.obstacle))
    }

    @Sendable func recordPosition(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<DraftDecision>>
    {
        let code = try Self.code(context)
        let body = try await request.decodeJSON(as: Signed<PositionBody>.self, context: context)
        _ = try await record.find(DraftDecision.self, code, for: context.principal)
        let fields = body.body.position
        let statement = PositionStatement(
            draft: .init(code), participant: fields.participant, position: fields.position, note: fields.note)
        return try await record.answer(
            recording: .recordPosition(statement), authority: body.authority, as: context.principal,
            showing: DraftDecision.self, code: code)
    }

    @Sendable func adopt(_ request: Request, context: AccordContext) async throws -> JSONResponse<WriteResult<Decision>>
    {
        let code = try Self.code(context)
        let body = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
        _ = try await record.find(DraftDecision.self, code, for: context.principal)
        return try await record.answer(
            recording: .adoptDraft(.init(code)), authority: body.authority, as: context.principal,
            showing: Decision.self, code: code)
    }

    @Sendable func withdraw(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<DraftDecision>>
    {
        let code = try Self.code(context)
        let body = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
        _ = try await record.find(DraftDecision.self, code, for: context.principal)
        return try await record.answer(
            recording: .withdrawDraft(.init(code)), authority: body.authority, as: context.principal,
            showing: DraftDecision.self, code: code, status: .ok)
    }

    // The Presidency's review of a transcribed decision: confirming it brings it into force and applies its
    // effects; rejecting it applies nothing. Both cite the decision itself; Core refuses anyone else.

    @Sendable func confirm(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Decision>>
    {
        let code = try Self.code(context)
        let body = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
        _ = try await record.find(Decision.self, code, for: context.principal)
        return try await record.answer(
            recording: .confirmDecision(.init(code)), authority: body.authority, as: context.principal,
            showing: Decision.self, code: code, status: .ok)
    }

    @Sendable func reject(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Decision>>
    {
        let code = try Self.code(context)
        let body = try await request.decodeJSON(as: Signed<RejectBody>.self, context: context)
        _ = try await record.find(Decision.self, code, for: context.principal)
        return try await record.answer(
            recording: .rejectDecision(.init(code), reason: body.body.reason), authority: body.authority,
            as: context.principal, showing: Decision.self, code: code, status: .ok)
    }

    /// A draft's or decision's id from its path: MEETING/PARAGRAPH.
    private static func code(_ context: AccordContext) throws -> String {
        "\(try context.parameters.require("meeting"))/\(try context.parameters.require("paragraph"))"
    }
}
