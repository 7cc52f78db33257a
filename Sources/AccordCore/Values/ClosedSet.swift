/// An enumeration written in JSON as one of a fixed set of strings.
///
/// Decoding an unknown value fails with a message that lists the allowed ones, which the API passes on:
/// "'member' is not one of member-state, observer-country, observer-organization".
public protocol ClosedSet: CaseIterable, RawRepresentable, Codable, Sendable where RawValue == String {}

extension ClosedSet {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not one of \(allowed)")
        }
        self = value
    }
}

extension Language: ClosedSet {}
extension ParticipantKind: ClosedSet {}
extension BodyLevel: ClosedSet {}
extension DecisionKind: ClosedSet {}
extension Status: ClosedSet {}
extension ItemKind: ClosedSet {}
extension Actor.Role: ClosedSet {}
extension ProposalStatus: ClosedSet {}
extension ChallengeStatus: ClosedSet {}
extension PlanVersion: ClosedSet {}
