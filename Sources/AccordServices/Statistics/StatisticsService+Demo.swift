import AccordCore
import AccordStatistics
import AccordStore

extension StatisticsService {
    /// The Secretariat as the demo loader acts: the same name the demo's record is entered under.
    public static let demoSecretariat = Principal(
        AccountRecord(
            username: "Accord demo (Technical Secretariat)", displayName: "Accord demo", role: "secretariat",
            participant: nil, language: "en", passwordHash: "", createdAt: 0),
        csrfToken: nil)

    /// The day the demo's first release is dated.
    public static let demoReleaseDate = PartialDate(year: 2026, month: 1, day: 15)!

    /// Loads Accord's synthetic data set (`SyntheticDataSet`, labelled synthetic in every observation): each
    /// state's vintage of each flow committed by the Secretariat on the state's behalf, as SDMX-CSV uploads
    /// through the same checks as any upload, then published as release 1. Mexico's spreadsheet of early 2026
    /// is left for the demo's upload, its mapping saved as Mexico's "devoluciones".
    ///
    /// - Returns: the ledger entries appended.
    @discardableResult
    public func loadSyntheticDataSet(as principal: Principal?) async throws -> [AppendedEntry] {
        let structure = try await structure()
        // How Mexico's spreadsheet is read, saved for its delegation (the demo's upload uses it).
        try await saveMapping(SyntheticDataSet.mexicoMapping, named: "devoluciones", for: "MEX", as: principal)
        var entries: [AppendedEntry] = []
        for vintage in SyntheticDataSet.vintages(structure) {
            guard let flow = structure.dataflow(vintage.flow) else { continue }
            let message = DataMessage(
                structure: structure, flow: flow, table: vintage.observations, id: "SYNTHETIC",
                prepared: "2026-01-15T00:00:00Z")
            var bytes: [UInt8] = []
            try message.writeSDMXCSV { bytes.append(contentsOf: $0) }
            let (preview, entry) = try await importFile(
                UploadRequest(
                    flow: flow.id, area: ParticipantID(vintage.area), format: .sdmxCSV,
                    fileName: "synthetic-\(flow.id)-\(vintage.area).csv", content: bytes),
                as: principal)
            guard let entry else { throw UploadError.hasErrors(count: preview.report.problems.errorCount) }
            entries.append(entry)
        }
        entries.append(
            try await publish(
                on: Self.demoReleaseDate,
                notes: LocalizedText(
                    authoritative: .en,
                    es: "Primera publicación del conjunto de datos SINTÉTICO de la demostración: no son cifras reales.",
                    en: "First release of the demo's SYNTHETIC data set: these are not real figures.",
                    fr:
                        "Première publication du jeu de données SYNTHÉTIQUE de la démonstration : ce ne sont pas des chiffres réels."
                ),
                as: principal))
        return entries
    }
}
