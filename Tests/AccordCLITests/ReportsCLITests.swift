import Foundation
import Testing

/// `accord reports --cycle …` on the demo: the matrix of the Santiago cycle, who has not filed, and what
/// each reader sees once the database has accounts.
@Suite(.serialized) struct ReportsCLITests {
    @Test func matrixShowsCanadaAndWhoHasNotFiled() async throws {
        let folder = try await GovernanceCLITests.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let cycles = try await Command.run(["reports", "--database-url", "rcm.sqlite"], in: folder)
        #expect(cycles.status == 0 && cycles.output.contains("SANTIAGO-1998-REPORTS"), "\(cycles.output)")

        let table = try await Command.run(
            ["reports", "--cycle", "SANTIAGO-1998-REPORTS", "--database-url", "rcm.sqlite"], in: folder)
        #expect(table.status == 0, "\(table.output)")
        let row = table.output.split(separator: "\n").first { $0.hasPrefix("SANTIAGO-1998-MW-IACHR ") }
        // Columns in code order: BLZ, CAN, CRI, DOM, …; Canada's is the one submitted.
        #expect(
            row?.split(separator: " ", omittingEmptySubsequences: true).prefix(3) == [
                "SANTIAGO-1998-MW-IACHR", "none", "submitted",
            ])
        #expect(table.output.contains("not filed: BLZ, CRI, DOM, GTM, HND, MEX, NIC, PAN, SLV, USA"))

        let json = try await Command.run(
            [
                "reports", "--cycle", "SANTIAGO-1998-REPORTS", "--country", "CAN", "--json", "--database-url",
                "rcm.sqlite",
            ],
            in: folder)
        let matrix = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let cells = matrix?["cells"] as? [[String: Any]] ?? []
        #expect(cells.count == 1 && cells.first?["state"] as? String == "submitted", "\(json.output)")

        let unknown = try await Command.run(
            ["reports", "--cycle", "NO-CYCLE", "--database-url", "rcm.sqlite"], in: folder)
        #expect(unknown.status != 0 && unknown.output.contains("--cycle: no reporting cycle 'NO-CYCLE'"))
    }
}
