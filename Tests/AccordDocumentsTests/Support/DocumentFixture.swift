import AccordCore
import AccordDemo
import Foundation
import Testing
import ZIPFoundation

/// The demo record, and ways to change it the way the Secretariat would, for the document tests.
enum DocumentFixture {
    static let generatedOn = PartialDate(year: 2026, month: 11, day: 24)!

    static func demo() throws -> ProcessState { try Demo.state() }

    /// `state` after `change`, applied by the rules like any change.
    static func applying(_ change: Change, to state: ProcessState, authority: Authority) throws -> ProcessState {
        let entry = LedgerEntry(
            sequence: state.sequence + 1, recordedAt: Timestamp(millisecondsSince1970: 1_763_942_400_000),
            actor: Actor(name: "ts.officer", role: .secretariat), authority: authority, change: change)
        return try state.applying(entry).state
    }

    /// The demo with one more approved activity under HR-5, titled `title` (in English only).
    static func demo(withActivityTitled title: String) throws -> ProcessState {
        let state = try demo()
        let decision = try #require(state.items["HR-5.1"]?.approvedBy)
        return try applying(
            .addItem(
                PlanItem(
                    number: "HR-5.9", kind: .activity, parent: "HR-5", title: .en(title),
                    leads: [.participant("MEX")], status: .approved)),
            to: state, authority: .decision(decision))
    }

    /// The text of one part of a ZIP package.
    static func part(_ path: String, of package: Data) throws -> String {
        let archive = try Archive(data: package, accessMode: .read)
        let entry = try #require(archive[path])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// document.xml with a line break after each paragraph and row, so that a snapshot diff reads.
    static func readable(_ xml: String) -> String {
        xml.replacingOccurrences(of: "</w:p>", with: "</w:p>\n").replacingOccurrences(of: "</w:tr>", with: "</w:tr>\n")
    }
}
