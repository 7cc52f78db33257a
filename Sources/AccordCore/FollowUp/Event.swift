/// Identifies an event ("WS-MIGRANT-WORKERS-2000").
public typealias EventID = Identifier<Event>
/// Identifies a recurring series of events ("WS-TRAVEL-DOCUMENTS").
public typealias SeriesID = Identifier<EventSeries>

/// What kind of gathering an event is.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    case workshop, seminar, symposium, training, meeting
}

/// The part an organization or government played in an event, as invitations word it.
public enum OrganizerRole: String, Codable, Sendable, CaseIterable {
    case organizer
    case host
    case inCooperationWith = "in-cooperation-with"
    case underTheAuspicesOf = "under-the-auspices-of"
}

/// One organizer of an event and its role: a participant of the process by its code, or anyone else by name
/// ("the Summit of the Americas process").
public struct Organizer: Codable, Sendable, Hashable {
    public var participant: ParticipantID?
    /// The organizer's name where it is not a participant, or the name the source gives it.
    public var name: LocalizedText?
    public var role: OrganizerRole

    public init(participant: ParticipantID? = nil, name: LocalizedText? = nil, role: OrganizerRole) {
        self.participant = participant
        self.name = name
        self.role = role
    }
}

/// A workshop, seminar, symposium, training or meeting held outside the process's own decision meetings,
/// which national reports cite and plan activities lead to: "the workshop on best practices for migrant
/// workers and their families, Santiago, Chile, June 2000, organized by IOM".
public struct Event: Codable, Sendable, Hashable, Identifiable {
    public var id: EventID
    public var kind: EventKind
    public var title: LocalizedText
    public var organizers: [Organizer]
    /// City and country, as far as the source says.
    public var place: LocalizedText?
    /// First day, as far as it is known (a month, a year).
    public var start: PartialDate?
    /// Last day, as far as it is known; never before the first.
    public var end: PartialDate?
    /// The mandates it served.
    public var mandates: [MandateID]
    /// The plan activities it carried out.
    public var activities: [ItemNumber]
    /// The recurring series it is an occurrence of.
    public var series: SeriesID?
    public var note: LocalizedText?

    public init(
        id: EventID, kind: EventKind, title: LocalizedText, organizers: [Organizer] = [], place: LocalizedText? = nil,
        start: PartialDate? = nil, end: PartialDate? = nil, mandates: [MandateID] = [], activities: [ItemNumber] = [],
        series: SeriesID? = nil, note: LocalizedText? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.organizers = organizers
        self.place = place
        self.start = start
        self.end = end
        self.mandates = mandates
        self.activities = activities
        self.series = series
        self.note = note
    }
}

/// Events meant to recur: "a regular, yearly event, at least every three years" (seed 002, item 5). Its
/// occurrences are the events that name it; the next one is due a period after the last.
public struct EventSeries: Codable, Sendable, Hashable, Identifiable {
    public var id: SeriesID
    public var kind: EventKind
    public var title: LocalizedText
    /// How often it is meant to take place, in months (12: yearly).
    public var everyMonths: Int
    /// The longest gap allowed between two occurrences, in months (36: at least every three years).
    public var atLeastEveryMonths: Int?
    /// The plan activities it carries out.
    public var activities: [ItemNumber]
    public var note: LocalizedText?

    public init(
        id: SeriesID, kind: EventKind, title: LocalizedText, everyMonths: Int, atLeastEveryMonths: Int? = nil,
        activities: [ItemNumber] = [], note: LocalizedText? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.everyMonths = everyMonths
        self.atLeastEveryMonths = atLeastEveryMonths
        self.activities = activities
        self.note = note
    }
}

extension PartialDate {
    /// The date `months` months later, to the month (a day is dropped: "2006-11-15" + 12 is "2007-11").
    public func adding(months: Int) -> PartialDate {
        let index = year * 12 + (month ?? 1) - 1 + months
        return PartialDate(year: index / 12, month: month == nil && months % 12 == 0 ? nil : index % 12 + 1)
            ?? self
    }
}
