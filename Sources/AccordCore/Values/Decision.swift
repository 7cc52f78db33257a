/// One numbered paragraph of a meeting's outcome document, and the changes it declares.
///
/// A decision authorizes exactly its declared `effects` (DESIGN.md §3 rule 1), and only once it is in force:
/// a draft adopted by consensus computed in Accord is in force at once; a paragraph transcribed from a
/// published outcome document is pending until the Presidency confirms the transcription. The effects are
/// applied by the entry that brings the decision into force, and by no other. Paragraphs without effects
/// ("takes note of the report…") are recorded too: the record is the meeting's, but they authorize nothing.
public struct Decision: Codable, Sendable, Hashable, Identifiable {
    /// The meeting and paragraph, "RCM-V/3.b"; always `Decision.id(meeting:paragraph:)`.
    public var id: DecisionID
    /// The meeting that adopted it.
    public var meeting: MeetingID
    /// Its paragraph number with sub-paragraphs: "3", "3.b", "12.a.ii".
    public var paragraph: String
    /// What kind of outcome document it belongs to.
    public var kind: DecisionKind
    /// Its text in each language.
    public var text: LocalizedText
    /// A note on the record itself, e.g. that the source does not give the paragraph's number.
    public var note: LocalizedText?
    /// The consensus computed when it was adopted in Accord from a draft; nil for a paragraph transcribed
    /// from a published outcome document, whose adoption the document itself attests.
    public var adoption: Consensus?
    /// The changes it declares, in order: applied together, all or none, when it comes into force.
    public var effects: [Change]
    /// Whether it is in force, awaiting the Presidency's confirmation, or refused as a transcription.
    public var status: DecisionStatus
    /// The ledger entry that brought it into force (its adoption, or the Presidency's confirmation).
    public var inForceSince: Int64?
    /// Who transcribed it, for a transcribed decision: the Presidency's confirmation must be someone else's.
    public var transcriber: String?
    /// Why the Presidency refused the transcription, when it did.
    public var rejection: LocalizedText?

    public init(
        meeting: MeetingID, paragraph: String, kind: DecisionKind, text: LocalizedText, note: LocalizedText? = nil,
        effects: [Change] = [], adoption: Consensus? = nil, status: DecisionStatus = .pending
    ) {
        self.adoption = adoption
        self.id = Decision.id(meeting: meeting, paragraph: paragraph)
        self.meeting = meeting
        self.paragraph = paragraph
        self.kind = kind
        self.text = text
        self.note = note
        self.effects = effects
        self.status = status
    }

    /// Whether the decision authorizes anything yet.
    public var isInForce: Bool { status == .inForce }

    /// The identifier of paragraph `paragraph` of `meeting`.
    public static func id(meeting: MeetingID, paragraph: String) -> DecisionID {
        DecisionID("\(meeting.rawValue)/\(paragraph)")
    }

    /// Whether `paragraph` is a paragraph number: digits, then dot-separated sub-paragraphs ("3.b", "4.2").
    public static func isParagraphNumber(_ paragraph: String) -> Bool {
        let parts = paragraph.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy(\.isASCIIDigit) else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.count <= 6
                && (part.allSatisfy(\.isASCIIDigit) || part.allSatisfy { $0.isASCII && $0.isLowercase })
        }
    }

    /// The indices of the effects that change `target`.
    public func effects(on target: EntityRef) -> [Int] {
        effects.indices.filter { effects[$0].target == target }
    }

    private enum CodingKeys: String, CodingKey {
        case id, meeting, paragraph, kind, text, note, adoption, effects, status, inForceSince, transcriber, rejection
    }

    /// Reads a decision; what a client writing a transcription leaves out (its effects when it has none, its
    /// status, which starts pending) takes its starting value. The record's own bytes carry every field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            meeting: try c.decode(MeetingID.self, forKey: .meeting),
            paragraph: try c.decode(String.self, forKey: .paragraph),
            kind: try c.decode(DecisionKind.self, forKey: .kind), text: try c.decode(LocalizedText.self, forKey: .text),
            note: try c.decodeIfPresent(LocalizedText.self, forKey: .note),
            effects: try c.decodeIfPresent([Change].self, forKey: .effects) ?? [],
            adoption: try c.decodeIfPresent(Consensus.self, forKey: .adoption),
            status: try c.decodeIfPresent(DecisionStatus.self, forKey: .status) ?? .pending)
        // A stored id is kept as written, so that a record whose id disagrees is caught by the rules.
        if let id = try c.decodeIfPresent(DecisionID.self, forKey: .id), !id.rawValue.isEmpty { self.id = id }
        inForceSince = try c.decodeIfPresent(Int64.self, forKey: .inForceSince)
        transcriber = try c.decodeIfPresent(String.self, forKey: .transcriber)
        rejection = try c.decodeIfPresent(LocalizedText.self, forKey: .rejection)
    }
}

/// Where a decision is in its life.
public enum DecisionStatus: String, Codable, Sendable, CaseIterable {
    /// Transcribed by the Secretariat, awaiting the Presidency's confirmation: it authorizes nothing yet.
    case pending
    /// Adopted by consensus in Accord, or transcribed and confirmed: its effects are applied.
    case inForce = "in-force"
    /// The Presidency refused the transcription; the paragraph may be transcribed again.
    case rejected
}

/// The outcome document a decision paragraph belongs to.
public enum DecisionKind: String, Codable, Sendable, CaseIterable {
    /// RCGM Conclusions.
    case conclusion
    /// RCM Decisions.
    case decision
    /// RCGM Recommendations to the Vice-Ministers.
    case recommendation
    /// RCM Declaration (and the early Joint Communiqués).
    case declaration
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
