/// A typed identifier: the human-readable code of one kind of entity.
///
/// Accord's identifiers are the codes people already use ("MEX", "RCGM", "RCM-V", "MPM-1.3"), so the
/// raw value is a string; the phantom `Entity` keeps a meeting's code from being passed where a
/// participant's is expected.
public struct Identifier<Entity>: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The code as people write it.
    public let rawValue: String

    /// Wraps a code without checking it; validation happens where the entity is recorded.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a code without checking it.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }
}

/// Identifies a participant: an ISO 3166-1 alpha-3 code for a country, an acronym for an organization.
public typealias ParticipantID = Identifier<Participant>
/// Identifies a body ("RCM", "RCGM", "LON-CP").
public typealias BodyID = Identifier<Body>
/// Identifies a meeting ("RCM-V", "RCGM-2014-11").
public typealias MeetingID = Identifier<Meeting>
/// Identifies a decision paragraph: its meeting and paragraph, "RCM-V/3.b".
public typealias DecisionID = Identifier<Decision>
/// Identifies a network workplan ("LON-CP").
public typealias WorkplanID = Identifier<Workplan>
/// The stable human number of a plan item ("MPM", "MPM-1", "MPM-1.3").
public typealias ItemNumber = Identifier<PlanItem>
/// Identifies the process a database keeps ("RCM").
public typealias ProcessID = Identifier<Process>
