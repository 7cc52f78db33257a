import Foundation
import Testing

/// `accord export` and `accord import` on the demo, as the Secretariat prepares documents for a meeting and
/// applies a spreadsheet of updates.
@Suite(.serialized) struct DocumentsCLITests {
    func run(_ arguments: [String], in folder: URL) async throws -> Command.Result {
        try await Command.run(arguments + ["--database-url", "rcm.sqlite"], in: folder)
    }

    @Test func everyExportWritesItsFile() async throws {
        let folder = try await GovernanceCLITests.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, lang, magic) in [
            ("docx", "es,en", "PK"), ("html", "fr", "<!DOCTYPE html>"), ("md", "es", "# "),
            ("csv", "en", "record,number"),
        ] {
            let result = try await run(
                ["export", "plan", "--format", format, "--lang", lang, "-o", "plan.\(format)"], in: folder)
            #expect(result.status == 0, "\(result.output)")
            let bytes = try Data(contentsOf: folder.appendingPathComponent("plan.\(format)"))
            #expect(bytes.starts(with: Data(magic.utf8)), "plan.\(format)")
        }
        #expect(try await run(["export", "agenda", "RCGM-2024-07", "-o", "agenda.docx"], in: folder).status == 0)
        #expect(
            try await run(["export", "conclusions", "RCM-V", "--lang", "es", "-o", "v.docx"], in: folder).status == 0)
        let akn = try await run(["export", "decisions", "--format", "akn", "-o", "akn"], in: folder)
        #expect(akn.status == 0 && akn.output.contains("Akoma Ntoso documents"), "\(akn.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("akn").path)
        #expect(files.contains("statement-rcm-v-spa.xml") && files.contains("statement-rcm-v-eng.xml"))
        #expect(try await run(["export", "decisions", "--format", "popolo", "-o", "popolo"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("popolo/popolo.json").path))
        #expect(try await run(["export", "calendar", "--lang", "es", "-o", "rcm.ics"], in: folder).status == 0)

        let wrong = try await run(["export", "plan", "--lang", "de", "-o", "x.docx"], in: folder)
        #expect(wrong.status != 0 && wrong.output.contains("--lang"), "\(wrong.output)")
        let noEdition = try await run(["export", "plan", "--edition", "7", "-o", "x.docx"], in: folder)
        #expect(noEdition.status == 1 && noEdition.output.contains("edition 7 is not published"), "\(noEdition.output)")
    }

    @Test func importShowsTheDiffAppliesItAndRefusesABadFileWhole() async throws {
        let folder = try await GovernanceCLITests.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await run(["export", "plan", "--format", "csv", "-o", "plan.csv"], in: folder).status == 0)
        let csvURL = folder.appendingPathComponent("plan.csv")
        let csv = try String(contentsOf: csvURL, encoding: .utf8)

        let same = try await run(["import", "plan.csv", "--authority", "editorial: round trip"], in: folder)
        #expect(same.status == 0 && same.output.contains("Nothing to apply"), "\(same.output)")

        // A French title for TS-4, an editorial translation: previewed, then applied with a progress bar.
        var lines = csv.components(separatedBy: "\r\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("item,TS-4,") })
        var fields = lines[index].components(separatedBy: ",")
        fields[11] = "Protection des migrants"
        lines[index] = fields.joined(separator: ",")
        try lines.joined(separator: "\r\n").write(to: csvURL, atomically: true, encoding: .utf8)
        let dry = try await run(["import", "plan.csv", "--authority", "editorial: French", "--dry-run"], in: folder)
        #expect(
            dry.status == 0 && dry.output.contains("TS-4 title (fr): Protection → Protection des migrants"),
            "\(dry.output)")
        #expect(dry.output.contains("Dry run: 1 change would be applied"))
        let applied = try await run(
            ["import", "plan.csv", "--authority", "editorial: French", "--progress"], in: folder)
        #expect(applied.status == 0 && applied.output.contains("Applied 1 change"), "\(applied.output)")
        #expect(applied.output.contains("checking rows [") && applied.output.contains("100%"))
        #expect(try await run(["verify"], in: folder).status == 0)

        // A wrong header and an unknown lead: refused whole, every problem by row and column.
        lines[0] = lines[0].replacingOccurrences(of: "leads", with: "lead")
        try lines.joined(separator: "\r\n").write(to: csvURL, atomically: true, encoding: .utf8)
        let refused = try await run(["import", "plan.csv", "--authority", "editorial: x"], in: folder)
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("nothing was applied") && refused.output.contains("leads"))
        let badAuthority = try await run(["import", "plan.csv", "--authority", "whenever"], in: folder)
        #expect(badAuthority.status != 0 && badAuthority.output.contains("--authority"))
    }
}
