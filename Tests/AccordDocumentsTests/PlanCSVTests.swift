import AccordCore
import Foundation
import Testing

@testable import AccordDocuments

@Suite("CSV export and import of the plan")
struct PlanCSVTests {
    let officer = Actor(name: "ts.officer", role: .secretariat)
    let editorial = Authority.editorial(reason: "bulk update from the Secretariat's spreadsheet")

    func read(_ csv: String, _ state: ProcessState, authority: Authority? = nil) -> PlanImport {
        PlanCSV.read(Array(csv.utf8), against: state, actor: officer, authority: authority ?? editorial)
    }

    /// The export with the row of `number` edited by `edit` (fields by column name).
    func edited(_ csv: String, _ number: String, _ edit: (inout [String: String]) -> Void) throws -> String {
        let records = try CSVFormat.records(csv).get()
        let record = try #require(records.first { $0.fields.count > 1 && $0.fields[1] == number })
        var row = Dictionary(uniqueKeysWithValues: zip(PlanCSV.columns, record.fields))
        edit(&row)
        let lines = records.map { $0.line == record.line ? PlanCSV.columns.map { row[$0] ?? "" } : $0.fields }
        return lines.map(CSVFormat.line).joined()
    }

    @Test("the demo's export imports as no change at all")
    func roundTrip() throws {
        let state = try DocumentFixture.demo()
        let csv = PlanCSV.export(state)
        let result = read(csv, state)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.changes.isEmpty, "\(result.diff)")
        #expect(csv.hasPrefix(PlanCSV.columns.joined(separator: ",") + "\r\n"))
        #expect(csv.components(separatedBy: "\r\n").count - 2 == state.items.count + state.workplans.count)
    }

    @Test("a proposal's title and lead and a pillar's progress edited in the file become exactly those changes")
    func editsBecomeChanges() throws {
        let state = try DocumentFixture.demo()
        // A proposal is not a commitment: its wording and lead are the Secretariat's to edit; reporting a
        // pillar of an approved workplan as ongoing is progress, not a redefinition.
        var csv = try edited(PlanCSV.export(state), "MPM-9") { row in
            row["title_en"] = "Cooperation on migration management best practices"
            row["leads"] = "MEX;TS"
        }
        csv = try edited(csv, "TS-1") { row in row["status"] = "ongoing" }
        let result = read(csv, state)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.diff.map(\.field) == ["title (en)", "leads", "status"])
        #expect(result.changes.count == 2)
        var applied = state
        for change in result.changes {
            applied = try DocumentFixture.applying(change.change, to: applied, authority: change.authority)
        }
        #expect(applied.items["MPM-9"]?.title.text(in: .en) == "Cooperation on migration management best practices")
        #expect(applied.items["MPM-9"]?.leads == [.participant("MEX"), .secretariat])
        #expect(applied.items["TS-1"]?.status == .ongoing)
        #expect(read(PlanCSV.export(applied), applied).changes.isEmpty)
    }

    @Test("a file citing a decision authorizes nothing the decision did not declare")
    func citedDecisionsDeclareNothing() throws {
        let state = try DocumentFixture.demo()
        let csv = try edited(PlanCSV.export(state), "TS-2") { row in row["leads"] = "IOM" }
        let result = read(csv, state, authority: .decision("RCM-XXIII/1"))
        #expect(result.changes.isEmpty)
        let refusal = try #require(result.problems.first)
        #expect(
            refusal.reason.contains("RCM-XXIII/1 declares its change to TS-2")
                || refusal.reason.contains("declares no change to TS-2"), "\(refusal.reason)")
    }

    @Test("every problem of a bad file is listed by row and column, and nothing is proposed")
    func badRowsAreAllReported() throws {
        let state = try DocumentFixture.demo()
        var csv = try edited(PlanCSV.export(state), "HR-5.1") { row in
            row["leads"] = "XYZ"
            row["target"] = "next spring"
        }
        csv = try edited(csv, "TS-2") { row in row["status"] = "proposed" }
        csv += "item,HR-5.1,activity,HR-5,,,approved,,en,,Again,,,,,,,,,\r\n"
        csv += "item,mpm-9,task,,,,finished,,en,,Bad,,,,,,,,,\r\n"
        let result = read(csv, state)
        #expect(result.changes.isEmpty)
        let found = Set(result.problems.map { "\($0.column)" })
        #expect(found.isSuperset(of: ["leads", "target", "status", "number", "kind"]), "\(result.problems)")
        let lead = try #require(result.problems.first { $0.column == "leads" })
        #expect(lead.reason.contains("unknown lead 'XYZ'"))
        #expect(
            result.problems.contains {
                $0.column == "status" && $0.reason.contains("cannot move from approved to proposed")
            })
        #expect(result.problems.contains { $0.column == "number" && $0.reason.contains("appears twice") })
        #expect(result.problems.allSatisfy { $0.row > 1 })
    }

    @Test("a wrong header, a file that is not UTF-8 and an unclosed quote are refused whole")
    func unreadableFiles() throws {
        let state = try DocumentFixture.demo()
        let csv = PlanCSV.export(state)
        let renamed = read(csv.replacingOccurrences(of: "title_en", with: "english_title"), state)
        #expect(renamed.problems.contains { $0.row == 1 && $0.column == "title_en" && $0.reason.contains("missing") })
        #expect(renamed.problems.contains { $0.row == 1 && $0.column == "english_title" })
        var latin1 = Array(csv.utf8)
        latin1.append(contentsOf: [0x69, 0x74, 0x65, 0x6D, 0x2C, 0xE9, 0x0A])
        let notUTF8 = PlanCSV.read(latin1, against: state, actor: officer, authority: editorial)
        #expect(notUTF8.problems.count == 1)
        #expect(notUTF8.problems[0].reason.contains("not UTF-8"))
        #expect(notUTF8.problems[0].row == csv.components(separatedBy: "\r\n").count)
        let unclosed = read(csv + "item,\"MPM-99,activity\r\n", state)
        #expect(unclosed.problems.first?.reason.contains("never closed") == true)
    }

    @Test("a substantive edit to an approved item needs a decision: editorial authority is refused by the rules")
    func rulesStillApply() throws {
        let state = try DocumentFixture.demo()
        let csv = try edited(PlanCSV.export(state), "TS-2") { row in row["title_en"] = "Something else entirely" }
        let result = read(csv, state)
        #expect(result.changes.isEmpty)
        let refusal = try #require(result.problems.first)
        #expect(refusal.column.hasPrefix("title"))
        #expect(refusal.reason.contains("RCM"))
    }

    @Test("a byte order mark is not part of the first column's name")
    func byteOrderMark() throws {
        let state = try DocumentFixture.demo()
        let bytes = [0xEF, 0xBB, 0xBF] + Array(PlanCSV.export(state).utf8)
        let same = PlanCSV.read(bytes, against: state, actor: officer, authority: editorial)
        #expect(same.problems.isEmpty && same.changes.isEmpty, "\(same.problems) \(same.diff)")
        // With the mark, the first column is still read as the item's number: an edit lands on its item.
        let edited = try edited(PlanCSV.export(state), "TS-2") { $0["title_es"] = "Cooperación judicial revisada" }
        let result = PlanCSV.read(
            [0xEF, 0xBB, 0xBF] + Array(edited.utf8), against: state, actor: officer, authority: editorial)
        #expect(result.diff.map(\.number) == ["TS-2"], "\(result.diff)")
        #expect(result.diff.map(\.field) == ["title (es)"], "\(result.diff)")
    }

    @Test("texts with commas, quotes, line breaks and accents survive export and import", arguments: 0..<25)
    func awkwardTextsRoundTrip(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed))
        let pieces = ["a", "ñ", "é", ",", "\"", "\n", "\r\n", " ", "«»", "—", ";", "'", "=", "日本"]
        let title = (0..<(1 + random.next() % 30)).map { _ in pieces[random.next() % pieces.count] }.joined()
        let state = try DocumentFixture.demo(withActivityTitled: "x" + title + "x")
        let result = read(PlanCSV.export(state), state)
        #expect(result.problems.isEmpty && result.changes.isEmpty, "\(result.problems) \(result.diff)")
    }

    @Test("a title a spreadsheet would run as a formula is written as text, and reads back as it was")
    func formulasStayText() throws {
        let title = "=HYPERLINK(\"https://example.org/\", \"Open the annex\")"
        let state = try DocumentFixture.demo(withActivityTitled: title)
        let csv = PlanCSV.export(state)
        let row = try #require(
            try CSVFormat.records(csv).get().first { $0.fields.count > 1 && $0.fields[1] == "TL-1" })
        // In the file the cell starts with an apostrophe, the mark spreadsheets read as "text"; the reader
        // drops it again.
        #expect(csv.contains("\"'=HYPERLINK(\"\"https://example.org/\"\""), "\(csv.prefix(300))")
        #expect(row.fields.contains(title))
        let result = read(csv, state)
        #expect(result.problems.isEmpty && result.changes.isEmpty, "\(result.problems) \(result.diff)")
    }

    @Test("texts starting with formula characters and apostrophes survive export and import", arguments: 0..<25)
    func formulaStartsRoundTrip(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed))
        // Not a leading space: the reader trims cells, as a spreadsheet's stray spaces are never meant.
        let starts = ["=", "+", "-", "@", "\t", "'", "''", "a"]
        let start = (0..<(1 + random.next() % 3)).map { _ in starts[random.next() % starts.count] }.joined()
        let state = try DocumentFixture.demo(withActivityTitled: start + "SUM(A1:A9) x")
        let result = read(PlanCSV.export(state), state)
        #expect(result.problems.isEmpty && result.changes.isEmpty, "\(start.debugDescription): \(result.diff)")
    }
}

/// A small deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }
}
