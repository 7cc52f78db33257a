extension ObservationTable {
    /// The codes of the observation at `index`, one per dimension in the structure's order.
    public func codes(at index: Int, in structure: DataStructure) -> [String] {
        KeyDimension.allCases.map { structure.codelist($0)[code($0, at: index)].id }
    }

    /// The observation's key as SDMX writes a series key, then its period: `M.GTM.RET_RECV…:2024-01`.
    public func describe(_ index: Int, in structure: DataStructure) -> String {
        codes(at: index, in: structure).joined(separator: ".") + ":" + period(at: index, in: structure).description
    }
}
