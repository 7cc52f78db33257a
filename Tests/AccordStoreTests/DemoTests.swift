import AccordCore
import AccordDemo
import AccordStore
import Foundation
import Logging
import Testing

/// The demo loaded into a real SQLite file, then checked fact by fact against what the seeds and
/// rcm-facts.md say about the RCM.
@Suite("Demo dataset")
struct DemoTests {
    @Test("loads through the ledger and verifies")
    func loadsAndVerifies() async throws {
        try await withDemo { store, state in
            let report = try await store.verify()

            #expect(report.isValid, "\(report.problem ?? "")")
            #expect(report.entries == Int64(Demo.changes.count))
            #expect(state.process?.name.original == "Conferencia Regional sobre Migración")
            #expect(state.process?.languages == [.es, .en, .fr])
        }
    }

    @Test("the real flow: transcribed with effects, confirmed by the Presidency, every approval a declared effect")
    func everyChangeHasAnAuthority() async throws {
        try await withDemo { store, state in
            let entries = try await store.entries(limit: 500)

            #expect(entries.count == Demo.changes.count)
            for stored in entries {
                let entry = try stored.decoded()
                switch entry.change {
                case .confirmDecision(let id):
                    #expect(entry.actor.role == .presidency)
                    #expect(entry.authority == .decision(id))
                case .submitProposal, .fileComment:
                    #expect(entry.actor.role == .secretariat)
                    #expect(entry.authority.participant != nil)
                default:
                    #expect(entry.actor.role == .secretariat, "entry \(entry.sequence)")
                    guard case .editorial(let reason) = entry.authority else {
                        Issue.record("entry \(entry.sequence) (\(entry.change.kind)) cites \(entry.authority)")
                        continue
                    }
                    #expect(reason.contains("seed") || reason.contains("rcm-facts") || reason.contains("Mexico"))
                }
            }
            #expect(Set(entries.map(\.actor)).count == 2, "one Secretariat, one Presidency")
            #expect(state.decisions.values.allSatisfy { $0.isInForce })
            for item in state.items.values {
                #expect((item.status == .proposed) == (item.approvedBy == nil), "\(item.number)")
                guard let approval = item.approvedBy.flatMap({ state.decisions[$0] }) else { continue }
                #expect(
                    !approval.effects(on: .item(item.number)).isEmpty, "\(item.number) is not declared by its decision")
            }
        }
    }

    @Test("eleven member states, five observer countries, thirteen observer organizations")
    func participants() async throws {
        try await withDemo { _, state in
            let members = Set(state.participants.values.filter { $0.kind == .memberState }.map(\.id.rawValue))
            let countries = Set(state.participants.values.filter { $0.kind == .observerCountry }.map(\.id.rawValue))
            let organizations = state.participants.values.filter { $0.kind == .observerOrganization }.map(\.id)

            #expect(
                members == ["BLZ", "CAN", "CRI", "SLV", "GTM", "HND", "MEX", "NIC", "PAN", "USA", "DOM"])
            #expect(countries == ["ARG", "COL", "ECU", "JAM", "PER"])
            #expect(organizations.count == 13)
            for code: ParticipantID in ["IOM", "UNHCR", "IACHR", "ECLAC-CELADE", "ILO"] {
                #expect(organizations.contains(code), "\(code)")
            }
            // The founders joined in 1996 [E]; the Dominican Republic's year is uncertain, so it is left blank.
            #expect(state.participants["MEX"]?.history.first?.since == PartialDate("1996"))
            let dominican = try #require(state.participants["DOM"]?.history.first)
            #expect(dominican.since == nil)
            #expect(dominican.note?[.en]?.contains("uncertain") == true)
            #expect(state.participants["PER"]?.history.first?.since == nil)
        }
    }

    @Test("IACHR is an observer organization admitted by a decision of the V RCM, and not before it")
    func iachrAdmittedByTheVRCM() async throws {
        try await withDemo { store, state in
            let iachr = try #require(state.participants["IACHR"])
            let admission = try #require(iachr.history.last)
            let decisionID = try #require(admission.decision)
            let decision = try #require(state.decisions[decisionID])
            let meeting = try #require(state.meetings[decision.meeting])

            #expect(iachr.kind == .observerOrganization)
            #expect(admission.kind == .observerOrganization)
            #expect(admission.since == PartialDate("2000-03"))
            #expect(decision.meeting == "RCM-V")
            #expect(decision.text[.fr]?.contains("CIDH") == true)
            #expect(decision.note?.original.contains("Accord's own numbering") == true)
            // The admission is the decision's declared effect, applied when the Presidency confirmed it.
            #expect(decision.effects(on: .participant("IACHR")) == [0])
            #expect(decision.isInForce)
            #expect(meeting.start == PartialDate("2000-03-23"))
            #expect(meeting.host == "USA")
            // The decision is in the ledger before the IACHR first appears in it.
            let decided = try #require(try await store.history(of: .decision(decisionID)).first)
            let admitted = try #require(try await store.history(of: .participant("IACHR")).first)
            #expect(decided < admitted)
        }
    }

    @Test("meetings keep only the precision and facts the sources give")
    func meetings() async throws {
        try await withDemo { _, state in
            let second = try #require(state.meetings["RCM-II"])
            let third = try #require(state.meetings["RCM-III"])
            let fourth = try #require(state.meetings["RCM-IV"])
            let fifth = try #require(state.meetings["RCM-V"])

            #expect(state.meetings.values.filter { $0.body == "RCM" }.count == 29)
            #expect(state.meetings["RCGM-2024-07"]?.place == nil, "rcm-facts does not say where the RCGM met")
            #expect(second.start == PartialDate("1997") && second.start?.month == nil)
            #expect(third.place == nil && third.host == nil)
            #expect(fourth.start == PartialDate("1999-01-28") && fourth.end == PartialDate("1999-01-29"))
            // Attendance only where the sources give it: the I and V RCM.
            #expect(fourth.attendance.isEmpty)
            for later in ["RCM-VI", "RCM-VII", "RCM-VIII"] as [MeetingID] {
                #expect(state.meetings[later]?.attendance.isEmpty == true, "\(later)")
            }
            for observer: ParticipantID in ["ARG", "COL", "ECU", "JAM", "PER", "UNHCR", "ECLAC-CELADE", "IOM"] {
                #expect(fifth.attendance.contains(observer), "\(observer)")
            }
            #expect(state.meetings["RCM-XII"]?.place == nil)
            #expect(state.meetings["RCM-XXIII"]?.start == PartialDate("2018-11"))
        }
    }

    @Test(
        "the three lines of action, in their official order, approved by the VII RCM and replaced by the Strategic Plan"
    )
    func linesOfAction() async throws {
        try await withDemo { _, state in
            let archive = Plan.view(.archive, of: Array(state.items.values), asOf: state.sequence)
            let current = Plan.view(.current, of: Array(state.items.values), asOf: state.sequence)

            // 1 Migration Policies and Management, 2 Human Rights, 3 Migration and Development.
            #expect(archive.nodes.map(\.item.number) == ["LA-1", "LA-2", "LA-3"])
            #expect(
                archive.nodes.map(\.item.title.original) == [
                    "Migration Policies and Management", "Human Rights", "Migration and Development",
                ])
            let replacement = try #require(state.decisions[Demo.strategicPlanAdopted])
            for number: ItemNumber in ["LA-1", "LA-2", "LA-3"] {
                let line = try #require(state.items[number])
                let decision = try #require(line.approvedBy.flatMap { state.decisions[$0] })
                #expect(line.kind == .lineOfAction)
                #expect(decision.meeting == "RCM-VII")
                #expect(state.meetings[decision.meeting]?.place?[.en] == "Antigua Guatemala, Guatemala")
                // rcm-facts §4: replaced from 2019 by the Strategic Plans.
                #expect(line.status == .superseded)
                #expect(!replacement.effects(on: .item(number)).isEmpty)
            }
            // The current version holds no item of the Plan of Action the Strategic Plan replaced.
            #expect(current.flattened.isEmpty)
            #expect(state.items.values.filter { $0.workplan == nil && $0.status.isCurrent }.isEmpty)
            #expect(state.items["HR-5.2"]?.leads == [.participant("IOM")])
            #expect(state.items["HR-5.2"]?.approvedBy.flatMap { state.decisions[$0] }?.meeting == "RCM-IV")
        }
    }

    @Test("researchers' notes are notes, not the agreed text")
    func notesOutOfTheText() async throws {
        try await withDemo { _, state in
            for item in state.items.values {
                for language in Language.allCases {
                    let text = (item.text?[language] ?? "") + (item.title[language] ?? "")
                    #expect(!text.contains("Accord"), "\(item.number)")
                    #expect(!text.contains("sources"), "\(item.number)")
                }
            }
            #expect(state.items["HR-5.1"]?.note?.original.contains("Accord places it") == true)
            #expect(state.items["HR-5.2"]?.note?.original.contains("The sources give no deadline") == true)
            let statistics = try #require(state.decisions["RCM-XII/1"])
            #expect(!statistics.text.original.contains("sources"))
            #expect(statistics.note?.original.contains("wording is not in the sources") == true)
        }
    }

    @Test("Mexico's seven proposals are proposed, under the lines Canada suggests")
    func mexicoProposals() async throws {
        try await withDemo { _, state in
            let expected: [(ItemNumber, ItemNumber)] = [
                ("MPM-9", "LA-1"), ("MPM-10", "LA-1"), ("MPM-4.1", "LA-1"), ("MPM-11", "LA-1"), ("MPM-3.1", "LA-1"),
                ("HR-7", "LA-2"), ("MPM-12", "LA-1"),
            ]
            let proposed = Plan.view(.proposed, of: Array(state.items.values), asOf: state.sequence)
            let current = Plan.view(.current, of: Array(state.items.values), asOf: state.sequence)

            for (number, line) in expected {
                let item = try #require(state.items[number])
                #expect(item.status == .proposed, "\(number)")
                #expect(item.approvedBy == nil, "\(number)")
                #expect(item.workplan == nil, "\(number)")
                // Seed 002 gives Mexico's proposals in English; the Spanish is a translation.
                #expect(item.title.authoritative == .en && item.title[.es] != nil, "\(number)")
                #expect(item.text == nil, "\(number): Canada's comment is a comment, not the item's text")
                #expect(root(of: item, in: state) == line, "\(number)")
                #expect(proposed.flattened.contains { $0.number == number && !$0.status.isCurrent })
                #expect(!current.flattened.contains { $0.number == number })
            }
        }
    }

    @Test("Mexico's proposal holds its seven items, and Canada's comment on each fills the comment matrix")
    func commentMatrix() async throws {
        try await withDemo { _, state in
            let proposal = try #require(state.proposals[Demo.mexicoProposalID])
            #expect(proposal.submitter == "MEX")
            #expect(proposal.items.map(\.number) == Array(1...7))
            #expect(proposal.submitted == nil && proposal.tabledFor == nil, "Mexico's document is not in the sources")
            #expect(proposal.items[2].text[.en] == "Convergence of repatriation processes")

            let matrix = try #require(CommentMatrix(of: Demo.mexicoProposalID, in: state))
            // Every other member state has a column; only Canada's cells are filled.
            #expect(matrix.participants.count == 10)
            #expect(!matrix.participants.contains("MEX"))
            for row in matrix.rows {
                let filled = row.cells.filter { $0.comment != nil }
                #expect(filled.map(\.participant) == ["CAN"], "item \(row.item)")
                #expect(filled.first?.stance == .supportsWithChanges)
            }
            // Canada's placements: returns work for item 3, the LON workplans for items 5 and 6.
            let placements = matrix.rows.map { $0.cells.first { $0.participant == "CAN" }?.placement }
            #expect(placements[2]?.parent == "MPM-4")
            #expect(placements[4]?.workplan == "LON-TS")
            #expect(placements[5]?.workplan == "LON-CP" && placements[5]?.parent == "LA-2")
            #expect(state.comments["MEX-REVIEW/7/CAN"]?.text.original.contains("SIEMMES") == true)
            // Canada's item 5 keeps "yearly".
            #expect(state.comments["MEX-REVIEW/5/CAN"]?.text.original.contains("yearly") == true)
            // Its general comments, with its remark on the Trafficking & Smuggling network, answer the whole.
            #expect(matrix.general.filter { $0.comment != nil }.map(\.participant) == ["CAN"])
            let general = try #require(state.comments["MEX-REVIEW/general/CAN"])
            #expect(general.item == nil)
            #expect(general.text.original.contains("Trafficking & Smuggling LON"))
            #expect(general.text.original.contains("inter-departmental/domestic consultation"))
        }
    }

    @Test("the standing agenda items of seed 002 appear on a suggested RCGM agenda, suggestions marked")
    func standingItems() async throws {
        try await withDemo { _, state in
            #expect(state.standingItems["RCGM-RETURNS"]?.status == .standing)
            #expect(state.standingItems["LON-TS-TRAVEL-DOCUMENTS"]?.lead == .participant("IOM"))
            #expect(state.standingItems["LON-CP-MIGRATION-HEALTH"]?.purpose == .information)
            #expect(state.standingItems.values.filter { $0.status == .suggested }.count == 6)

            let agenda = try #require(
                Agenda.suggested(for: "RCGM-2024-07", in: state, today: PartialDate("2024-07-01")!))
            let standing = agenda.items.filter { $0.source == .standing || $0.source == .suggestedStanding }
            #expect(
                standing.map(\.reference) == [
                    "RCGM-MIGRATION-SERVICES", "RCGM-PLAN-REVIEW", "RCGM-RETURNS", "RCGM-SIEMMES",
                ])
            #expect(standing.first { $0.reference == "RCGM-RETURNS" }?.source == .standing)
            #expect(agenda.items.allSatisfy { $0.reference?.hasPrefix("LON-") != true })
        }
    }

    @Test("both LON workplans exist with the pillars Canada and the XXIII RCM give")
    func workplans() async throws {
        try await withDemo { _, state in
            let consular = try #require(state.workplans["LON-CP"])
            let smuggling = try #require(state.workplans["LON-TS"])
            func areas(of workplan: WorkplanID) -> [PlanItem] {
                state.items.values.filter { $0.workplan == workplan && $0.kind == .area }.sorted(
                    by: Plan.inReadingOrder)
            }

            #expect(consular.status == .proposed && consular.approvedBy == nil)
            #expect(areas(of: "LON-CP").map(\.number) == ["CP-1", "CP-2", "CP-3", "CP-4"])
            #expect(areas(of: "LON-CP").allSatisfy { $0.parent == nil && $0.status == .proposed })
            #expect(smuggling.status == .approved)
            #expect(smuggling.approvedBy.flatMap { state.decisions[$0] }?.meeting == "RCM-XXIII")
            #expect(areas(of: "LON-TS").map(\.number) == ["TS-1", "TS-2", "TS-3", "TS-4", "TS-5"])
            #expect(areas(of: "LON-TS").prefix(4).allSatisfy { $0.status == .approved && $0.approvedBy != nil })
            let travelDocuments = try #require(state.items["TS-5.1"])
            #expect(travelDocuments.status == .proposed)
            #expect(travelDocuments.leads == [.participant("IOM")])
            #expect(Plan.annexes(Array(state.workplans.values), items: Array(state.items.values)).count == 2)
        }
    }

    @Test("loading the demo twice is refused and leaves the record as it was")
    func loadingTwiceIsRefused() async throws {
        try await withDemo { store, state in
            let head = try await store.head()

            await #expect(throws: ChangeError.self) { try await store.append(Demo.changes) }
            #expect(try await store.head() == head)
            #expect(try await store.currentState() == state)
        }
    }

    @Test("every entry and every record of the demo is stored in canonical form and reads back to itself")
    func canonicalBytes() async throws {
        try await withDemo { store, _ in
            for stored in try await store.entries(limit: 500) {
                // The canonical reader refuses bytes other than what the writer writes for the entry read.
                let entry = try LedgerEntry.decode(canonical: Array(stored.entry.utf8))
                #expect(Array(stored.entry.utf8) == (try entry.canonicalEncoding()), "entry \(stored.sequence)")
                #expect(try stored.decoded() == entry, "entry \(stored.sequence)")
            }
            let state = try await store.currentState()
            func expectCanonical<T: Codable & Equatable>(_ values: some Collection<T>) throws {
                for value in values {
                    let bytes = try CanonicalJSON.encode(value)
                    #expect(try CanonicalJSON.decode(T.self, from: bytes) == value, "\(value)")
                }
            }
            #expect(!state.items.isEmpty && !state.proposals.isEmpty && !state.comments.isEmpty)
            try expectCanonical(state.participants.values)
            try expectCanonical(state.bodies.values)
            try expectCanonical(state.meetings.values)
            try expectCanonical(state.decisions.values)
            try expectCanonical(state.items.values)
            try expectCanonical(state.workplans.values)
            try expectCanonical(state.proposals.values)
            try expectCanonical(state.comments.values)
            try expectCanonical(state.drafts.values)
            try expectCanonical(state.standingItems.values)
            try expectCanonical(state.agendas.values)
        }
    }

    /// The line of action `item` sits under.
    private func root(of item: PlanItem, in state: ProcessState) -> ItemNumber {
        var current = item
        while let parent = current.parent, let next = state.items[parent] { current = next }
        return current.number
    }

    /// Opens a store on a new SQLite file in a temporary folder, loads the demo, and runs `body` with the
    /// store and its state; the store is closed and the folder removed afterwards, even when `body` fails.
    private func withDemo(_ body: (Store, ProcessState) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("accord-demo-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await Store.open(
            .sqlite(path: folder.appendingPathComponent("demo.sqlite").path), logger: Logger(label: "accord.tests.demo")
        )
        do {
            try await store.append(Demo.changes)
            try await body(store, try await store.currentState())
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
