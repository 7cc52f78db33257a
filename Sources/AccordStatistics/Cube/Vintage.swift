/// One member state's complete submission of one dataflow, as committed: a newer vintage of the same
/// state and flow replaces the older one in the cube, and every vintage stays readable in the ledger.
public struct Vintage: Sendable {
    /// The dataflow's identifier (`DF_MIGR_RETURNS`).
    public var flow: String
    /// The reporting state's REF_AREA code (`GTM`).
    public var area: String
    /// The vintage's place in the ledger: of two vintages of one state and flow, the higher is newer.
    public var sequence: Int
    public var observations: ObservationTable

    public init(flow: String, area: String, sequence: Int, observations: ObservationTable) {
        self.flow = flow
        self.area = area
        self.sequence = sequence
        self.observations = observations
    }

    /// The newest vintage of each state among `vintages` of `flow`, by area code.
    public static func current(of flow: String, among vintages: [Vintage]) -> [Vintage] {
        var newest: [String: Vintage] = [:]
        for vintage in vintages where vintage.flow == flow {
            if let kept = newest[vintage.area], kept.sequence >= vintage.sequence { continue }
            newest[vintage.area] = vintage
        }
        return newest.keys.sorted().map { newest[$0]! }
    }
}
