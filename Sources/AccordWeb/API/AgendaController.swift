import AccordCore
import AccordServices
import Foundation
import Hummingbird

/// Meeting agendas, set by the Secretariat and approved by the Presidency, and a body's next agenda; the
/// standing items they draw on have the record routes.
struct AgendaController: Sendable {
    let record: RecordService

    /// `?today=YYYY-MM-DD`: the date the agenda is prepared on; the server's date in UTC by default.
    struct AgendaQuery: Decodable, Sendable {
        var today: PartialDate?

        /// The date asked for, or today's.
        func date() throws -> PartialDate {
            guard let today else { return Self.utcToday() }
            guard today.day != nil else {
                throw Problem.badParameter("today", "'\(today)' is not a date like 2026-11-23")
            }
            return today
        }

        private static func utcToday() -> PartialDate {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: Date())
            return PartialDate(year: parts.year!, month: parts.month, day: parts.day)!
        }
    }

    /// An agenda, and whether it is the record's suggestion or the one the Secretariat set.
    struct AgendaAnswer: Encodable, Sendable {
        var meeting: MeetingID
        var agenda: Agenda
        /// "suggested" (built from the record, not yet set), "draft" or "approved".
        var state: String
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("meetings/:code/agenda", use: meetingAgenda)
            .put("meetings/:code/agenda", use: setAgenda)
            .post("meetings/:code/agenda/approve", use: approve)
            .get("bodies/:code/agenda", use: nextAgenda)
    }

    @Sendable func meetingAgenda(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<AgendaAnswer>
    {
        let code = try context.parameters.require("code")
        let date = try request.query(as: AgendaQuery.self).date()
        _ = try await record.find(Meeting.self, code, for: context.principal)
        return JSONResponse(
            try answer(for: .init(code), in: try await record.state(for: context.principal), today: date, context))
    }

    @Sendable func setAgenda(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Agenda>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<Keyed<Agenda>>.self, context: context)
        _ = try await record.find(Meeting.self, code, for: context.principal)
        guard body.body.value.meeting.rawValue == code else {
            throw Problem.mismatch("agenda.meeting", body: body.body.value.meeting.rawValue, path: code)
        }
        return try await record.answer(
            recording: .setAgenda(body.body.value), authority: body.authority, as: context.principal,
            showing: Agenda.self, code: code, status: .ok)
    }

    @Sendable func approve(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<Agenda>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
        _ = try await record.find(Meeting.self, code, for: context.principal)
        return try await record.answer(
            recording: .approveAgenda(.init(code)), authority: body.authority, as: context.principal,
            showing: Agenda.self, code: code, status: .ok)
    }

    /// The agenda of the body's next meeting on or after the date asked for.
    @Sendable func nextAgenda(_ request: Request, context: AccordContext) async throws -> JSONResponse<AgendaAnswer> {
        let code = try context.parameters.require("code")
        let date = try request.query(as: AgendaQuery.self).date()
        _ = try await record.find(Body.self, code, for: context.principal)
        let state = try await record.state(for: context.principal)
        guard let meeting = state.nextMeeting(of: .init(code), today: date) else {
            throw Problem(
                .notFound, kind: "not-found", title: "Not found",
                detail: "no meeting of \(code) on or after \(date) is recorded", field: "code")
        }
        return JSONResponse(try answer(for: meeting.id, in: state, today: date, context))
    }

    /// The agenda of `meeting` in `state`: as set, or — for the working side only, a suggestion being a draft —
    /// as the record suggests it.
    private func answer(
        for meeting: MeetingID, in state: ProcessState, today: PartialDate, _ context: AccordContext
    ) throws -> AgendaAnswer {
        if let stored = state.agendas[meeting] {
            return AgendaAnswer(meeting: meeting, agenda: stored, state: stored.status.rawValue)
        }
        guard Policy(principal: context.principal).seesWorkingState,
            let suggested = Agenda.suggested(for: meeting, in: state, today: today)
        else {
            throw Problem.notFound("meeting", meeting.rawValue, field: "code")
        }
        return AgendaAnswer(meeting: meeting, agenda: suggested, state: "suggested")
    }
}
