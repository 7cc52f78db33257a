/// What allows a change: a decision paragraph, or the Secretariat's editorial power with a reason.
public enum Authority: Codable, Sendable, Hashable, CustomStringConvertible {
    /// A paragraph of a meeting's Conclusions or Decisions.
    case decision(DecisionID)
    /// Translation, formatting, numbering or a verifiable typo fix by the Technical Secretariat.
    case editorial(reason: String)
    /// A participant speaking for itself: its proposal, comment, position or challenge.
    case participant(ParticipantID)

    /// The decision cited, if any.
    public var decision: DecisionID? {
        if case .decision(let id) = self { return id }
        return nil
    }

    /// The participant speaking for itself, if that is the authority.
    public var participant: ParticipantID? {
        if case .participant(let id) = self { return id }
        return nil
    }

    public var description: String {
        switch self {
        case .decision(let id): id.rawValue
        case .editorial(let reason): "editorial: \(reason)"
        case .participant(let id): "on behalf of \(id)"
        }
    }

    private enum CodingKeys: String, CodingKey { case decision, editorial, participant }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Exactly one key: {"editorial": "x", "decision": "RCM-VII/1"} names two authorities, and taking either
        // would decide for the writer which one the change rests on.
        // A key whose value is null is absent, as it always was.
        let keys = container.allKeys.filter { (try? container.decodeNil(forKey: $0)) != true }
        guard keys.count == 1, let key = keys.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: (keys.count > 1
                        ? "an authority names one of decision, editorial or participant, not "
                            + keys.map(\.stringValue).sorted().joined(separator: " and ") + "; "
                        : "")
                        + "an authority is {\"decision\": \"MEETING/PARAGRAPH\"}, {\"editorial\": \"reason\"} "
                        + "or {\"participant\": \"CODE\"}"
                ))
        }
        switch key {
        case .decision: self = .decision(try container.decode(DecisionID.self, forKey: .decision))
        case .editorial: self = .editorial(reason: try container.decode(String.self, forKey: .editorial))
        case .participant: self = .participant(try container.decode(ParticipantID.self, forKey: .participant))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .decision(let id): try container.encode(id, forKey: .decision)
        case .editorial(let reason): try container.encode(reason, forKey: .editorial)
        case .participant(let id): try container.encode(id, forKey: .participant)
        }
    }
}

/// Who made a change, and in what capacity.
public struct Actor: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The person or process, as it signs ("maria.lopez", "demo loader").
    public var name: String
    /// The capacity they acted in.
    public var role: Role
    /// The country or organization they act for, for delegates and observers.
    public var participant: ParticipantID?

    public init(name: String, role: Role, participant: ParticipantID? = nil) {
        self.name = name
        self.role = role
        self.participant = participant
    }

    public var description: String { "\(name) (\(role.rawValue)\(participant.map { ", \($0)" } ?? ""))" }

    /// The capacities in which people act in Accord.
    public enum Role: String, Codable, Sendable, CaseIterable {
        case secretariat, presidency, delegate, observer
        /// Accord itself, e.g. the demo loader or an import.
        case system
    }
}
