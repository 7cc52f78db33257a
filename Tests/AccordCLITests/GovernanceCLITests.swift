import Foundation
import Testing

/// `accord agenda`, `accord revision-report` and `accord compare` on the demo, as a Secretariat officer runs
/// them before a meeting.
@Suite(.serialized) struct GovernanceCLITests {
    /// A folder with the demo loaded into rcm.sqlite.
    static func demoFolder() async throws -> URL {
        let folder = try Command.temporaryFolder()
        let loaded = try await Command.run(["demo", "--database-url", "rcm.sqlite"], in: folder)
        #expect(loaded.status == 0, "\(loaded.output)")
        return folder
    }

    @Test func agendaListsTheStandingItemsAndSaysWhichAreOnlySuggested() async throws {
        let folder = try await Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let table = try await Command.run(
            ["agenda", "RCGM", "--meeting", "RCGM-2024-07", "--today", "2024-06-01", "--database-url", "rcm.sqlite"],
            in: folder)
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.contains("suggested by the record"))
        let returns = table.output.split(separator: "\n").first { $0.contains("RCGM-RETURNS") }
        #expect(
            returns?.contains("standing item") == true && returns?.contains("suggested") == false, "\(table.output)")
        #expect(table.output.contains("suggested standing item"))

        let json = try await Command.run(
            [
                "agenda", "RCGM", "--meeting", "RCGM-2024-07", "--today", "2024-06-01", "--json", "--database-url",
                "rcm.sqlite",
            ],
            in: folder)
        let agenda = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let items = agenda?["items"] as? [[String: Any]] ?? []
        #expect(
            items.contains {
                $0["reference"] as? String == "RCGM-SIEMMES" && $0["source"] as? String == "suggested-standing"
            })

        // No RCGM meeting lies ahead in the demo: the agenda is that of its next meeting, date to be set, with
        // the body's standing items (issue 19.4).
        let next = try await Command.run(
            ["agenda", "RCGM", "--today", "2026-11-23", "--database-url", "rcm.sqlite"], in: folder)
        #expect(next.status == 0, "\(next.output)")
        #expect(next.output.contains("next meeting, date to be set"), "\(next.output)")
        #expect(next.output.contains("no meeting of RCGM on or after 2026-11-23 is recorded yet"), "\(next.output)")
        #expect(next.output.contains("RCGM-RETURNS"), "\(next.output)")
        // The public reads approved agendas only: what the record suggests is a working document.
        let account = try await Command.system(
            "sh",
            [
                "-c",
                "echo 'a long enough password' | \(Command.executable.path) user add reader --role public "
                    + "--database-url rcm.sqlite",
            ], in: folder)
        #expect(account.status == 0, "\(account.output)")
        let publicly = try await Command.run(
            ["agenda", "RCGM", "--today", "2026-11-23", "--database-url", "rcm.sqlite"], in: folder)
        #expect(publicly.status != 0 && publicly.output.contains("working document"), "\(publicly.output)")
    }

    @Test func revisionReportPassesOnTheDemoAndBlocksAnUncoveredDraft() async throws {
        let folder = try await Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let clean = try await Command.run(["revision-report", "--database-url", "rcm.sqlite"], in: folder)
        #expect(clean.status == 0, "\(clean.output)")
        #expect(clean.output.contains("against no edition yet") && clean.output.contains("OK: every substantive"))

        // The Secretariat's "cleanup" gives an RCM-approved pillar a new lead on editorial authority.
        let draft = #"""
            [{"change": {"kind": "amend-item", "amendment": {"number": "TS-1", "leads": ["TS"]}},
              "actor": {"name": "ts.officer", "role": "secretariat"},
              "authority": {"editorial": "cleanup of the plan"}}]
            """#
        try Data(draft.utf8).write(to: folder.appendingPathComponent("cleanup.json"))
        let blocked = try await Command.run(
            ["revision-report", "--draft", "cleanup.json", "--database-url", "rcm.sqlite"], in: folder)
        #expect(blocked.status == 1, "\(blocked.output)")
        let line = blocked.output.split(separator: "\n").first { $0.hasPrefix("TS-1 ") && $0.contains(" leads ") }
        #expect(line?.contains("NOT COVERED: TS-1 was approved by RCM-XXIII/1") == true, "\(blocked.output)")
        #expect(blocked.output.contains("BLOCKED"))

        let json = try await Command.run(
            ["revision-report", "--draft", "cleanup.json", "--json", "--database-url", "rcm.sqlite"], in: folder)
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(report?["isBlocked"] as? Bool == true)

        let unreadable = try await Command.run(
            ["revision-report", "--draft", "missing.json", "--database-url", "rcm.sqlite"], in: folder)
        #expect(unreadable.status != 0 && unreadable.output.contains("--draft"), "\(unreadable.output)")
    }

    @Test func compareShowsWhatChangedBetweenTwoPointsAndNamesAnEditionNotPublished() async throws {
        let folder = try await Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        // Entry 83 is the Presidency's confirmation of the XXIII RCM's decision, which adds the workplan.
        let table = try await Command.run(["compare", "@82", "@83", "--database-url", "rcm.sqlite"], in: folder)
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.contains("From ledger position 82 to ledger position 83"), "\(table.output)")
        let line = table.output.split(separator: "\n").first { $0.hasPrefix("TS-1 ") }
        #expect(line?.contains("new: Intelligence and investigation") == true, "\(table.output)")
        #expect(table.output.contains("Workplan LON-TS: added"))

        let json = try await Command.run(
            ["compare", "@82", "@83", "--json", "--database-url", "rcm.sqlite"], in: folder)
        let comparison = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((comparison?["items"] as? [Any])?.count == 4)

        let same = try await Command.run(["compare", "now", "now", "--database-url", "rcm.sqlite"], in: folder)
        #expect(same.output.contains("The plan is the same."))
        let missing = try await Command.run(["compare", "1", "now", "--database-url", "rcm.sqlite"], in: folder)
        #expect(missing.status != 0 && missing.output.contains("edition 1 is not published"), "\(missing.output)")
    }
}
