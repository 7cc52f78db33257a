/// A decision body of the process: the vice-ministerial conference, the RCGM, a network.
///
/// The Technical Secretariat and the Presidency Pro-Tempore are roles, not bodies: they decide nothing.
public struct Body: Codable, Sendable, Hashable, Identifiable {
    /// Its code ("RCM", "RCGM", "LON-CP").
    public var id: BodyID
    /// Its name in each language.
    public var name: LocalizedText
    /// Where it stands in the hierarchy; decides which changes its decisions may authorize.
    public var level: BodyLevel
    /// The body it reports to, if any.
    public var parent: BodyID?

    public init(id: BodyID, name: LocalizedText, level: BodyLevel, parent: BodyID? = nil) {
        self.id = id
        self.name = name
        self.level = level
        self.parent = parent
    }
}

/// The level of a body: a decision of a higher level may change what a lower level approved, never the reverse.
public enum BodyLevel: String, Codable, Sendable, CaseIterable, Comparable {
    /// Liaison officer networks and ad hoc groups.
    case network
    /// The Regional Consultation Group on Migration: technical officials.
    case consultationGroup = "consultation-group"
    /// The vice-ministerial conference, the highest level.
    case viceMinisterial = "vice-ministerial"

    private var rank: Int {
        switch self {
        case .network: 1
        case .consultationGroup: 2
        case .viceMinisterial: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
