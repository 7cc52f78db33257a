/// Identifies a standing agenda item: its body and a short tag, "RCGM-RETURNS".
public typealias StandingItemID = Identifier<StandingItem>

/// An item that comes back on every agenda of a body, such as the RCGM's regional and extra-regional
/// returns, or IOM's update on travel-document standards for the Trafficking & Smuggling LON.
public struct StandingItem: Codable, Sendable, Hashable, Identifiable {
    public var id: StandingItemID
    public var body: BodyID
    public var title: LocalizedText
    /// Who presents it.
    public var lead: Lead?
    /// Whether it is discussed or only reported.
    public var purpose: AgendaPurpose
    /// Whether the body takes it up at every meeting already, or it is only suggested.
    public var status: StandingStatus
    /// The decision that made it standing, where one is on record.
    public var approvedBy: DecisionID?
    /// Where it comes from: the source of a practice, or who suggested it.
    public var note: LocalizedText?

    public init(
        id: StandingItemID, body: BodyID, title: LocalizedText, lead: Lead? = nil,
        purpose: AgendaPurpose = .discussion, status: StandingStatus = .standing, approvedBy: DecisionID? = nil,
        note: LocalizedText? = nil
    ) {
        self.id = id
        self.body = body
        self.title = title
        self.lead = lead
        self.purpose = purpose
        self.status = status
        self.approvedBy = approvedBy
        self.note = note
    }
}

/// Whether a standing agenda item is established.
public enum StandingStatus: String, Codable, Sendable, CaseIterable {
    /// Made standing by a decision, or recorded from the body's practice with its source.
    case standing
    /// Suggested (by a participant's comment, say) and not yet agreed.
    case suggested
}

/// Whether an agenda item is for discussion or information only.
public enum AgendaPurpose: String, Codable, Sendable, CaseIterable {
    case discussion
    case information
}

/// A meeting's agenda: drafted by the Secretariat, approved by the Presidency Pro-Tempore.
public struct Agenda: Codable, Sendable, Hashable, Identifiable {
    public var meeting: MeetingID
    public var items: [AgendaEntry]
    public var status: AgendaStatus

    public var id: MeetingID { meeting }

    public init(meeting: MeetingID, items: [AgendaEntry], status: AgendaStatus = .draft) {
        self.meeting = meeting
        self.items = items
        self.status = status
    }
}

/// Where an agenda is in its life.
public enum AgendaStatus: String, Codable, Sendable, CaseIterable {
    /// The Secretariat may still edit it.
    case draft
    /// The Presidency approved it; it no longer changes.
    case approved
}

/// One item of an agenda.
public struct AgendaEntry: Codable, Sendable, Hashable {
    public var title: LocalizedText
    /// Why it is on the agenda.
    public var source: AgendaSource
    public var purpose: AgendaPurpose
    /// What it is about: a standing item, plan item, proposal or workplan code.
    public var reference: String?
    public var leads: [Lead]

    public init(
        title: LocalizedText, source: AgendaSource, purpose: AgendaPurpose = .discussion, reference: String? = nil,
        leads: [Lead] = []
    ) {
        self.title = title
        self.source = source
        self.purpose = purpose
        self.reference = reference
        self.leads = leads
    }
}

/// Why an item is on an agenda.
public enum AgendaSource: String, Codable, Sendable, CaseIterable {
    /// A standing item of the body.
    case standing
    /// A standing item suggested but not yet made standing by a decision.
    case suggestedStanding = "suggested-standing"
    /// An activity due before the meeting.
    case due
    /// An activity whose target date has passed.
    case overdue
    /// A proposal tabled for the meeting.
    case proposal
    /// A network workplan to update after the body's last meeting.
    case workplanUpdate = "workplan-update"
    /// Added by the Secretariat.
    case other
}
