/// Identifies a draft decision by the paragraph it would become, "RCM-XV/4.a".
public typealias DraftID = Identifier<DraftDecision>

/// A paragraph put before a meeting, with the effects it would have on the plan and each member state's
/// position on it.
///
/// It becomes a `Decision` only when consensus is computed from the positions (`Consensus`); its effects
/// are then applied by the same rules as any other change, in the same ledger entry.
public struct DraftDecision: Codable, Sendable, Hashable, Identifiable {
    /// The id of the decision it would become: `Decision.id(meeting:paragraph:)`.
    public var id: DraftID
    public var meeting: MeetingID
    public var paragraph: String
    public var kind: DecisionKind
    public var text: LocalizedText
    /// The changes it authorizes, applied when it is adopted.
    public var effects: [Change]
    /// Each member state's position, in the order they were last recorded.
    public var positions: [PositionRecord]
    public var status: DraftStatus

    public init(
        meeting: MeetingID, paragraph: String, kind: DecisionKind, text: LocalizedText, effects: [Change] = [],
        positions: [PositionRecord] = [], status: DraftStatus = .draft
    ) {
        self.id = DraftID(Decision.id(meeting: meeting, paragraph: paragraph).rawValue)
        self.meeting = meeting
        self.paragraph = paragraph
        self.kind = kind
        self.text = text
        self.effects = effects
        self.positions = positions
        self.status = status
    }

    /// The decision this draft becomes.
    public var decisionID: DecisionID { DecisionID(id.rawValue) }

    /// The position recorded for `participant`, if any.
    public func position(of participant: ParticipantID) -> PositionRecord? {
        positions.first { $0.participant == participant }
    }
}

/// Where a draft decision is in its life.
public enum DraftStatus: String, Codable, Sendable, CaseIterable {
    case draft
    /// Adopted by consensus; the decision of the same id is on record.
    case adopted
    /// Taken off the table without a decision.
    case withdrawn
}

/// A member state's stance on a draft decision.
public enum Position: String, Codable, Sendable, CaseIterable {
    case supports
    case doesNotObject = "does-not-object"
    /// A reservation pending domestic consultation: it blocks consensus until lifted.
    case reservation = "reservation-pending-consultation"
    case objects

    /// Whether the position lets consensus form.
    public var joinsConsensus: Bool { self == .supports || self == .doesNotObject }
}

/// One member state's recorded position, and who recorded it.
public struct PositionRecord: Codable, Sendable, Hashable {
    public var participant: ParticipantID
    public var position: Position
    /// Whether the delegation recorded it itself or the Secretariat did on its behalf.
    public var recordedBy: Recorder
    /// The person who recorded it.
    public var recorder: String
    /// What the delegation said with it, e.g. the consultation a reservation waits for.
    public var note: LocalizedText?

    public init(
        participant: ParticipantID, position: Position, recordedBy: Recorder, recorder: String,
        note: LocalizedText? = nil
    ) {
        self.participant = participant
        self.position = position
        self.recordedBy = recordedBy
        self.recorder = recorder
        self.note = note
    }

    /// Who put a position on record.
    public enum Recorder: String, Codable, Sendable, CaseIterable {
        /// The member state's own delegate.
        case delegation
        /// The Technical Secretariat, on the delegation's behalf.
        case secretariat
    }
}
