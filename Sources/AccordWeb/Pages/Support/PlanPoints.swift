import AccordCore
import AccordServices

/// The "as of" switch: the plan now, as it stood right after a meeting, or as published in an edition.
/// Written in queries as "", "meeting:ID" or "edition:N".
enum PlanPoints {
    /// The record at `point` as `viewer` may see it.
    static func state(_ point: String, record: RecordService, viewer: Viewer, field: String) async throws
        -> ProcessState
    {
        // An edition not published or a meeting not recorded is Core's refusal (422, naming the field), as in the
        // API; only a value that names no point at all is a malformed request (400).
        if point.isEmpty { return try await record.state(for: viewer.principal) }
        if point.hasPrefix("edition:") {
            guard let number = Int(point.dropFirst(8)), number > 0 else {
                throw Problem.badParameter(field, "'\(point)' is not an edition")
            }
            return try await record.state(at: .edition(number), for: viewer.principal, field: field)
        }
        if point.hasPrefix("meeting:") {
            return try await record.state(
                afterMeeting: MeetingID(String(point.dropFirst(8))), for: viewer.principal, field: field)
        }
        throw Problem.badParameter(field, "use edition:N or meeting:CODE")
    }

    /// The choices: now, every edition (newest first), and every meeting that has decisions.
    static func options(state: ProcessState, viewer: Viewer) -> [(String, String)] {
        var options: [(String, String)] = [("", viewer.t(.now))]
        for edition in state.editions.values.sorted(by: { $0.number > $1.number }) {
            options.append(
                ("edition:\(edition.number)", "\(viewer.t(.edition)) \(edition.number): \(viewer.words(edition.title))")
            )
        }
        let decided = Set(state.decisions.values.map(\.meeting))
        for meeting in state.meetings.values.filter({ decided.contains($0.id) }).sorted(by: Meetings.chronological)
            .reversed()
        {
            options.append(("meeting:\(meeting.id.rawValue)", "\(viewer.t(.after)) \(viewer.words(meeting.title))"))
        }
        return options
    }
}

/// Meetings in the order they were held; undated ones last, by code.
enum Meetings {
    static func chronological(_ lhs: Meeting, _ rhs: Meeting) -> Bool {
        switch (lhs.start, rhs.start) {
        case let (left?, right?): left == right ? lhs.id < rhs.id : left < right
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs.id < rhs.id
        }
    }
}
