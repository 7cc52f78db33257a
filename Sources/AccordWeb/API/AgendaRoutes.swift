import AccordCore
import AccordServices
import AccordStore
import Foundation
import Hummingbird

/// Standing agenda items and meeting agendas: set by the Secretariat, approved by the Presidency.
enum AgendaRoutes {
    /// An agenda, and whether it is the record's suggestion or the one the Secretariat set.
    struct AgendaAnswer: Encodable, Sendable {
        var meeting: MeetingID
        var agenda: Agenda
        /// "suggested" (built from the record, not yet set), "draft" or "approved".
        var state: String
    }

    static func add(to api: RouterGroup<AccordContext>, record: RecordService) {
        RecordRoutes.add(StandingItem.self, to: api, record: record) { $0.id < $1.id }
        api.get("meetings/:code/agenda") { request, context in
            let code = try context.parameters.require("code")
            _ = try await RecordRoutes.show(Meeting.self, code: code, record: record, for: context.principal)
            return JSONResponse(
                try answer(
                    for: .init(code), in: try await record.state(for: context.principal), today: try today(request),
                    suggesting: Policy(principal: context.principal).seesWorkingState))
        }
        api.put("meetings/:code/agenda") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<Keyed<Agenda>>.self, context: context)
            _ = try await RecordRoutes.show(Meeting.self, code: code, record: record, for: context.principal)
            guard signed.body.value.meeting.rawValue == code else {
                throw Problem.mismatch("agenda.meeting", body: signed.body.value.meeting.rawValue, path: code)
            }
            return try await RecordRoutes.write(
                Agenda.self, .setAgenda(signed.body.value), signed, code: code, record: record, for: context.principal,
                status: .ok)
        }
        api.post("meetings/:code/agenda/approve") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            _ = try await RecordRoutes.show(Meeting.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                Agenda.self, .approveAgenda(.init(code)), signed, code: code, record: record, for: context.principal,
                status: .ok)
        }
        api.get("bodies/:code/agenda") { request, context in
            let code = try context.parameters.require("code")
            _ = try await RecordRoutes.show(Body.self, code: code, record: record, for: context.principal)
            let state = try await record.state(for: context.principal)
            let date = try today(request)
            guard let meeting = state.nextMeeting(of: .init(code), today: date) else {
                throw Problem(
                    .notFound, kind: "not-found", title: "Not found",
                    detail: "no meeting of \(code) on or after \(date) is recorded", field: "code")
            }
            return JSONResponse(
                try answer(
                    for: meeting.id, in: state, today: date,
                    suggesting: Policy(principal: context.principal).seesWorkingState))
        }
    }

    /// The agenda of `meeting` in `state`: as set, or — `suggesting`, for the working side only, a suggestion
    /// being a draft — as the record suggests it.
    private static func answer(
        for meeting: MeetingID, in state: ProcessState, today: PartialDate, suggesting: Bool
    ) throws -> AgendaAnswer {
        if let stored = state.agendas[meeting] {
            return AgendaAnswer(meeting: meeting, agenda: stored, state: stored.status.rawValue)
        }
        guard suggesting, let suggested = Agenda.suggested(for: meeting, in: state, today: today) else {
            throw Problem.notFound("meeting", meeting.rawValue, field: "code")
        }
        return AgendaAnswer(meeting: meeting, agenda: suggested, state: "suggested")
    }

    /// `?today=YYYY-MM-DD`, or the server's date in UTC.
    private static func today(_ request: Request) throws -> PartialDate {
        if let text = request.text("today") {
            guard let date = PartialDate(text), date.day != nil else {
                throw Problem.badParameter("today", "'\(text)' is not a date like 2026-11-23")
            }
            return date
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return PartialDate(year: parts.year!, month: parts.month, day: parts.day)!
    }
}
