import AccordCore
import AccordStore

/// The "as of" switch: the plan now, as it stood right after a meeting, or as published in an edition.
/// Written in queries as "", "meeting:ID" or "edition:N".
enum PlanPoints {
    static func state(_ point: String, store: Store, field: String) async throws -> ProcessState {
        if point.isEmpty { return try await store.currentState() }
        if point.hasPrefix("edition:") {
            guard let number = Int(point.dropFirst(8)), number > 0 else {
                throw Problem.badParameter(field, "'\(point)' is not an edition")
            }
            do {
                return try await store.state(at: .edition(number))
            } catch let error as ChangeError {
                throw Problem.badParameter(field, error.reason)
            }
        }
        if point.hasPrefix("meeting:") {
            do {
                return try await store.state(after: MeetingID(String(point.dropFirst(8))))
            } catch ChangeError.unknownReference {
                throw Problem.badParameter(field, "no meeting has the code '\(point.dropFirst(8))'")
            }
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
