/// One numbered paragraph of a meeting's outcome document, adopted by consensus.
///
/// Paragraphs with no effect ("takes note of the report…") are recorded too: the record is the meeting's.
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

    public init(
        meeting: MeetingID, paragraph: String, kind: DecisionKind, text: LocalizedText, note: LocalizedText? = nil,
        adoption: Consensus? = nil
    ) {
        self.adoption = adoption
        self.id = Decision.id(meeting: meeting, paragraph: paragraph)
        self.meeting = meeting
        self.paragraph = paragraph
        self.kind = kind
        self.text = text
        self.note = note
    }

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
