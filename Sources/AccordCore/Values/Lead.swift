/// Who leads a plan item: a participant (country or organization) or the Technical Secretariat.
public enum Lead: Codable, Sendable, Hashable, CustomStringConvertible {
    case participant(ParticipantID)
    /// The Technical Secretariat, a role rather than a participant.
    case secretariat

    /// The code written in documents and CSV: the participant's code, or "TS".
    public var description: String {
        switch self {
        case .participant(let id): id.rawValue
        case .secretariat: Lead.secretariatCode
        }
    }

    /// How the Technical Secretariat is written where a lead is expected.
    public static let secretariatCode = "TS"

    /// Reads "TS" or a participant code.
    public init(code: String) {
        self = code == Lead.secretariatCode ? .secretariat : .participant(ParticipantID(code))
    }

    public init(from decoder: any Decoder) throws {
        self.init(code: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// When a plan item is due: the agreed wording ("within 60 days of the IV RCM") and, where there is one,
/// a target date that lets Accord tell what is overdue.
public struct Timeline: Codable, Sendable, Hashable {
    /// The timeline as the decision words it.
    public var text: LocalizedText?
    /// The date it is due by, if one was set.
    public var target: PartialDate?

    public init(text: LocalizedText? = nil, target: PartialDate? = nil) {
        self.text = text
        self.target = target
    }
}
