/// Consensus computed from the record, never typed in (DESIGN.md §3 rule 3).
///
/// A draft is adopted only when every member state present at the meeting supports it or does not object,
/// and no reservation is pending. A member state present without a recorded position blocks it too: the
/// record must show that each delegation was asked, so silence is recorded as "does not object".
public struct Consensus: Codable, Sendable, Hashable {
    /// The member states present, whose positions count.
    public var present: [ParticipantID]
    /// Present member states that support or do not object.
    public var joining: [ParticipantID]
    /// Present member states whose reservation pending domestic consultation is not lifted.
    public var reserving: [ParticipantID]
    public var objecting: [ParticipantID]
    /// Present member states with no position on record.
    public var silent: [ParticipantID]

    /// Whether the draft may be adopted.
    public var isReached: Bool {
        !present.isEmpty && reserving.isEmpty && objecting.isEmpty && silent.isEmpty
    }

    /// Computes consensus on `draft` from the attendance of its meeting and the participants' standing as it
    /// was at the meeting: a participant made a member later was not a member when the meeting decided.
    public init(on draft: DraftDecision, in state: ProcessState) {
        let meeting = state.meetings[draft.meeting]
        let attendance = meeting?.attendance ?? []
        present = attendance.filter { state.standing(of: $0, on: meeting?.start) == .memberState }.sorted()
        joining = []
        reserving = []
        objecting = []
        silent = []
        for member in present {
            switch draft.position(of: member)?.position {
            case .supports?, .doesNotObject?: joining.append(member)
            case .reservation?: reserving.append(member)
            case .objects?: objecting.append(member)
            case nil: silent.append(member)
            }
        }
    }

    /// Why consensus is not reached, in a sentence; nil when it is.
    public var obstacle: String? {
        guard !isReached else { return nil }
        guard !present.isEmpty else { return "no member state is recorded as present at the meeting" }
        var parts: [String] = []
        if !objecting.isEmpty { parts.append("\(Self.list(objecting)) \(objecting.count == 1 ? "objects" : "object")") }
        if !reserving.isEmpty {
            parts.append(
                "\(Self.list(reserving)) \(reserving.count == 1 ? "has a reservation" : "have reservations") "
                    + "pending domestic consultation")
        }
        if !silent.isEmpty {
            parts.append(
                "no position is recorded for \(Self.list(silent)) (record \"does-not-object\" for a silent delegation)"
            )
        }
        return parts.joined(separator: "; ")
    }

    private static func list(_ ids: [ParticipantID]) -> String { ids.map(\.rawValue).joined(separator: ", ") }
}
