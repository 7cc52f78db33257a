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
    static func applying(
        _ change: Change, to state: ProcessState, authority: Authority,
        actor: Actor = Actor(name: "ts.officer", role: .secretariat)
    ) throws -> ProcessState {
        let entry = LedgerEntry(
            sequence: state.sequence + 1, recordedAt: Timestamp(millisecondsSince1970: 1_763_942_400_000),
            actor: actor, authority: authority, change: change)
        return try state.applying(entry).state
    }

    /// The number of the activity `demo(withActivityTitled:)` adds.
    static let addedActivity: ItemNumber = "TL-1"

    /// The demo with a line of action and an activity under it, titled `title` (in English, and in Spanish
    /// when given): the current version of the demo is empty since the Strategic Plan replaced the Plan of
    /// Action. Both are the declared effects of a decision of the XXIX RCM, transcribed and confirmed (test
    /// data, not the demo's).
    static func demo(withActivityTitled title: String, spanish: String? = nil) throws -> ProcessState {
        let decision = Decision(
            meeting: "RCM-XXIX", paragraph: "90", kind: .decision, text: .en("Approves an activity."),
            effects: [
                .addItem(PlanItem(number: "TL", kind: .lineOfAction, title: .en("Test line"), status: .approved)),
                .addItem(
                    PlanItem(
                        number: addedActivity, kind: .activity, parent: "TL", title: .en(title, es: spanish),
                        leads: [.participant("MEX")], status: .approved)),
            ])
        let transcribed = try applying(
            .recordDecision(decision), to: try demo(), authority: .editorial(reason: "transcribed"))
        return try applying(
            .confirmDecision(decision.id), to: transcribed, authority: .decision(decision.id),
            actor: Actor(name: "ppt.officer", role: .presidency))
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
