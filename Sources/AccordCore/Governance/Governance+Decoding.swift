// Lenient reading of the governance records a client writes: what the record derives (a draft's or a
// comment's id) or starts with (a proposal open, a draft without positions) may be left out. The ledger's
// own bytes always carry every field, so reading them back is unchanged.

extension Proposal {
    private enum Keys: String, CodingKey { case id, submitter, title, submitted, tabledFor, invited, items, status }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(
            id: try c.decode(ProposalID.self, forKey: .id),
            submitter: try c.decode(ParticipantID.self, forKey: .submitter),
            title: try c.decode(LocalizedText.self, forKey: .title),
            submitted: try c.decodeIfPresent(PartialDate.self, forKey: .submitted),
            tabledFor: try c.decodeIfPresent(MeetingID.self, forKey: .tabledFor),
            invited: try c.decodeIfPresent([ParticipantID].self, forKey: .invited) ?? [],
            items: try c.decode([ProposalItem].self, forKey: .items),
            status: try c.decodeIfPresent(ProposalStatus.self, forKey: .status) ?? .open)
    }
}

extension Comment {
    private enum Keys: String, CodingKey { case id, proposal, item, participant, stance, text, placement }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(
            proposal: try c.decode(ProposalID.self, forKey: .proposal),
            item: try c.decodeIfPresent(Int.self, forKey: .item),
            participant: try c.decode(ParticipantID.self, forKey: .participant),
            stance: try c.decode(Stance.self, forKey: .stance), text: try c.decode(LocalizedText.self, forKey: .text),
            placement: try c.decodeIfPresent(Placement.self, forKey: .placement))
        // A stored id is kept as written, so that a record whose id disagrees is caught by the rules.
        if let id = try c.decodeIfPresent(CommentID.self, forKey: .id), !id.rawValue.isEmpty { self.id = id }
    }
}

extension DraftDecision {
    private enum Keys: String, CodingKey { case id, meeting, paragraph, kind, text, effects, positions, status }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(
            meeting: try c.decode(MeetingID.self, forKey: .meeting),
            paragraph: try c.decode(String.self, forKey: .paragraph),
            kind: try c.decode(DecisionKind.self, forKey: .kind), text: try c.decode(LocalizedText.self, forKey: .text),
            effects: try c.decodeIfPresent([Change].self, forKey: .effects) ?? [],
            positions: try c.decodeIfPresent([PositionRecord].self, forKey: .positions) ?? [],
            status: try c.decodeIfPresent(DraftStatus.self, forKey: .status) ?? .draft)
        if let id = try c.decodeIfPresent(DraftID.self, forKey: .id), !id.rawValue.isEmpty { self.id = id }
    }
}

extension Agenda {
    private enum Keys: String, CodingKey { case meeting, items, status }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(
            meeting: try c.decode(MeetingID.self, forKey: .meeting),
            items: try c.decode([AgendaEntry].self, forKey: .items),
            status: try c.decodeIfPresent(AgendaStatus.self, forKey: .status) ?? .draft)
    }
}

extension AgendaEntry {
    private enum Keys: String, CodingKey { case title, source, purpose, reference, leads }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(
            title: try c.decode(LocalizedText.self, forKey: .title),
            source: try c.decodeIfPresent(AgendaSource.self, forKey: .source) ?? .other,
            purpose: try c.decodeIfPresent(AgendaPurpose.self, forKey: .purpose) ?? .discussion,
            reference: try c.decodeIfPresent(String.self, forKey: .reference),
            leads: try c.decodeIfPresent([Lead].self, forKey: .leads) ?? [])
    }
}

extension StandingItem {
    private enum Keys: String, CodingKey { case id, body, title, lead, purpose, status, approvedBy, note }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(
            id: try c.decode(StandingItemID.self, forKey: .id), body: try c.decode(BodyID.self, forKey: .body),
            title: try c.decode(LocalizedText.self, forKey: .title),
            lead: try c.decodeIfPresent(Lead.self, forKey: .lead),
            purpose: try c.decodeIfPresent(AgendaPurpose.self, forKey: .purpose) ?? .discussion,
            status: try c.decodeIfPresent(StandingStatus.self, forKey: .status) ?? .suggested,
            approvedBy: try c.decodeIfPresent(DecisionID.self, forKey: .approvedBy),
            note: try c.decodeIfPresent(LocalizedText.self, forKey: .note))
    }
}
