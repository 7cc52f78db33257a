import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// Meetings that decide: drafts tabled at a meeting, positions on them, and their adoption by consensus.
enum DecisionRoutes {
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

    static func add(to api: RouterGroup<AccordContext>, record: RecordService) {
        addReview(to: api, record: record)
        api.get("meetings/:code/drafts") { _, context in
            let code = try context.parameters.require("code")
            _ = try await RecordRoutes.show(Meeting.self, code: code, record: record, for: context.principal)
            let state = try await record.state(for: context.principal)
            let drafts = state.drafts.values.filter { $0.meeting.rawValue == code }.sorted { $0.id < $1.id }
            return JSONResponse(Page(asOf: state.sequence, items: drafts))
        }
        api.post("meetings/:code/drafts") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<Keyed<DraftDecision>>.self, context: context)
            _ = try await RecordRoutes.show(Meeting.self, code: code, record: record, for: context.principal)
            // Passed on as written: a draft tabled with positions or another status is Core's to refuse.
            let draft = signed.body.value
            guard draft.meeting.rawValue == code else {
                throw Problem.mismatch("draft.meeting", body: draft.meeting.rawValue, path: code)
            }
            return try await RecordRoutes.write(
                DraftDecision.self, .tableDraft(draft), signed, code: draft.id.rawValue, record: record,
                for: context.principal)
        }
        api.get("drafts/:meeting/:paragraph") { _, context in
            let code = try code(context)
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
        api.post("drafts/:meeting/:paragraph/positions") { request, context in
            let code = try code(context)
            let signed = try await request.decodeJSON(as: Signed<PositionBody>.self, context: context)
            _ = try await RecordRoutes.show(DraftDecision.self, code: code, record: record, for: context.principal)
            let fields = signed.body.position
            let statement = PositionStatement(
                draft: .init(code), participant: fields.participant, position: fields.position, note: fields.note)
            return try await RecordRoutes.write(
                DraftDecision.self, .recordPosition(statement), signed, code: code, record: record,
                for: context.principal)
        }
        api.post("drafts/:meeting/:paragraph/adopt") { request, context in
            let code = try code(context)
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            _ = try await RecordRoutes.show(DraftDecision.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                Decision.self, .adoptDraft(.init(code)), signed, code: code, record: record, for: context.principal)
        }
        api.post("drafts/:meeting/:paragraph/withdraw") { request, context in
            let code = try code(context)
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            _ = try await RecordRoutes.show(DraftDecision.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                DraftDecision.self, .withdrawDraft(.init(code)), signed, code: code, record: record,
                for: context.principal, status: .ok)
        }
    }

    /// The Presidency's review of a transcribed decision: confirming it brings it into force and applies its
    /// effects; rejecting it applies nothing. Both cite the decision itself; Core refuses anyone else.
    static func addReview(to api: RouterGroup<AccordContext>, record: RecordService) {
        api.post("decisions/:meeting/:paragraph/confirm") { request, context in
            let code = try code(context)
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            _ = try await RecordRoutes.show(Decision.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                Decision.self, .confirmDecision(.init(code)), signed, code: code, record: record,
                for: context.principal, status: .ok)
        }
        api.post("decisions/:meeting/:paragraph/reject") { request, context in
            let code = try code(context)
            let signed = try await request.decodeJSON(as: Signed<RejectBody>.self, context: context)
            _ = try await RecordRoutes.show(Decision.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                Decision.self, .rejectDecision(.init(code), reason: signed.body.reason), signed, code: code,
                record: record, for: context.principal, status: .ok)
        }
    }

    /// A draft's id from its path: MEETING/PARAGRAPH.
    private static func code(_ context: some RequestContext) throws -> String {
        "\(try context.parameters.require("meeting"))/\(try context.parameters.require("paragraph"))"
    }
}
