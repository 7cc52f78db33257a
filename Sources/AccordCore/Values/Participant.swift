/// A member state, an observer country or an organization taking part in the process.
public struct Participant: Codable, Sendable, Hashable, Identifiable {
    /// ISO 3166-1 alpha-3 for a country ("MEX"), the usual acronym for an organization ("IOM").
    public var id: ParticipantID
    /// What the participant is today; `history` says since when.
    public var kind: ParticipantKind
    /// Its name in each language.
    public var name: LocalizedText
    /// Its dated history in the process, oldest first.
    public var history: [MembershipEvent]

    public init(id: ParticipantID, kind: ParticipantKind, name: LocalizedText, history: [MembershipEvent] = []) {
        self.id = id
        self.kind = kind
        self.name = name
        self.history = history
    }

    /// Whether the participant is a country and so must carry an ISO 3166-1 alpha-3 code.
    public var isCountry: Bool { kind != .observerOrganization }
}

/// The standing of a participant in the process.
public enum ParticipantKind: String, Codable, Sendable, CaseIterable {
    /// Takes part in decisions; its position counts for consensus.
    case memberState = "member-state"
    /// A country that attends and speaks but takes no position.
    case observerCountry = "observer-country"
    /// An international organization that attends and speaks but takes no position.
    case observerOrganization = "observer-organization"
}

/// One step in a participant's history: "IACHR admitted as observer organization by the V RCM".
public struct MembershipEvent: Codable, Sendable, Hashable {
    /// The standing the participant had from then on.
    public var kind: ParticipantKind
    /// When, as far as it is known; nil where no source gives it.
    public var since: PartialDate?
    /// The decision that admitted it, where one is on record.
    public var decision: DecisionID?
    /// What the record says about it, with its source.
    public var note: LocalizedText?

    public init(kind: ParticipantKind, since: PartialDate?, decision: DecisionID? = nil, note: LocalizedText? = nil) {
        self.kind = kind
        self.since = since
        self.decision = decision
        self.note = note
    }
}
