import AccordCore
import Testing

@Suite("Rules: accepted changes")
struct RulesTests {
    @Test("an item approved by a decision's effect records that decision, whatever the request said")
    func approvedByFromAuthority() throws {
        var record = try Fixture.plan()
        var item = Fixture.item("MPM-1.5", .activity, under: "MPM-1")
        // A request cannot choose its own approval: the decision whose effect it is decides.
        item.approvedBy = Fixture.viceMinisterial
        let decision = try record.decide([.addItem(item)], at: "RCGM-2014-11")
        #expect(record.state.items["MPM-1.5"]?.approvedBy == decision)
        #expect(record.state.decisions[decision]?.inForceSince == record.state.sequence)
    }

    @Test("a proposal has no approval even when a decision declares it")
    func proposalUnapproved() throws {
        var record = try Fixture.plan()
        var item = Fixture.item("MPM-1.5", .activity, under: "MPM-1", status: .proposed)
        item.approvedBy = Fixture.viceMinisterial
        try record.decide([.addItem(item)], at: "RCGM-2014-11")
        #expect(record.state.items["MPM-1.5"]?.approvedBy == nil)
        #expect(record.state.items["MPM-1.5"]?.status == .proposed)
    }

    @Test("approving a proposal records the decision; later moves keep the approval")
    func approvalIsFixed() throws {
        var record = try Fixture.plan()
        #expect(record.state.items["HR"]?.approvedBy == nil)
        let approval = try record.decide([.changeStatus(item: "HR", to: .approved)], at: "RCM-V", kind: .decision)
        #expect(record.state.items["HR"]?.approvedBy == approval)
        // The approval level is where the item was agreed; the Secretariat reporting it ongoing does not lower it.
        try record.append(.changeStatus(item: "HR", to: .ongoing))
        let item = try #require(record.state.items["HR"])
        #expect(item.status == .ongoing)
        #expect(item.approvedBy == approval)
        #expect(record.state.approvalLevel(of: item) == .viceMinisterial)
    }

    @Test("the approval level is the level of the body whose meeting adopted the approving decision")
    func approvalLevels() throws {
        let state = try Fixture.plan().state
        func level(_ number: ItemNumber) throws -> BodyLevel? {
            state.approvalLevel(of: try #require(state.items[number]))
        }
        #expect(try level("MPM") == .viceMinisterial)
        #expect(try level("MPM-1") == .consultationGroup)
        #expect(try level("MPM-1.1") == .consultationGroup)
        #expect(try level("CP-1") == .network)
        #expect(try level("HR") == nil)
        // An approval that points at no recorded decision has no level (a state assembled from bad projections).
        var orphan = try #require(state.items["MPM-1"])
        orphan.approvedBy = "RCM-XX/1"
        #expect(state.approvalLevel(of: orphan) == nil)
    }

    @Test("an entry advances the sequence and stamps what it changed")
    func sequenceAndLastChanged() throws {
        var record = try Fixture.plan()
        let before = record.state.sequence
        let changed = try record.append(.changeStatus(item: "MPM-1.1", to: .pendingCompletion))
        #expect(changed == [.item("MPM-1.1")])
        #expect(record.state.sequence == before + 1)
        #expect(record.state.lastChanged[.item("MPM-1.1")] == before + 1)
        #expect(record.state.lastChanged[.item("MPM-1")] != before + 1)
    }

    @Test("an amendment changes the fields it names and no others")
    func amendment() throws {
        var record = try Fixture.plan()
        let old = try #require(record.state.items["MPM-1.1"])
        let timeline = Timeline(text: .en("by the XX RCM"), target: PartialDate("2026-06"))
        try record.decide(
            [.amendItem(ItemAmendment(number: "MPM-1.1", leads: [.participant("CAN")], timeline: timeline))],
            at: "RCGM-2014-11")
        let new = try #require(record.state.items["MPM-1.1"])
        #expect(new.leads == [.participant("CAN")])
        #expect(new.timeline == timeline)
        #expect(new.title == old.title && new.parent == old.parent && new.status == old.status)
        #expect(new.approvedBy == old.approvedBy)
    }

    @Test("an amendment may move an item under another item of the right level")
    func move() throws {
        var record = try Fixture.plan()
        try record.decide([.amendItem(ItemAmendment(number: "MPM-1.1", parent: "MPM-10"))], at: "RCM-V")
        #expect(record.state.items["MPM-1.1"]?.parent == "MPM-10")
    }

    /// DESIGN.md: "an ongoing activity under a completed area still reads in its place". It must also stay
    /// amendable there: the archived-parent rule is about putting something new under an archived item.
    @Test("an ongoing activity under a completed area can still be amended in place")
    func amendUnderArchivedParent() throws {
        var record = try Fixture.plan()
        try record.decide([.amendItem(ItemAmendment(number: "MPM-2.1", title: .en("Renamed")))], at: "RCGM-2014-11")
        #expect(record.state.items["MPM-2.1"]?.title == .en("Renamed"))
        // Moving another item under the completed area is still refused.
        let move = Decision(
            meeting: "RCGM-2014-11", paragraph: "60", kind: .conclusion, text: .en("Moves it"),
            effects: [.amendItem(ItemAmendment(number: "MPM-1.1", parent: "MPM-2"))])
        try record.transcribe(move)
        let refusal = record.refusal(
            of: .confirmDecision(move.id), authority: .decision(move.id), as: Fixture.presidency)
        #expect(refusal?.shape == .ruleViolation("effects[0].amendment.parent", rule: "archived-item"))
    }

    @Test("limits are inclusive: a text exactly at its limit is accepted")
    func limits() throws {
        var record = try Fixture.plan()
        let title = String(repeating: "é", count: TextLimit.title)
        try record.append(
            .addItem(
                PlanItem(number: "MPM-1.5", kind: .activity, parent: "MPM-1", title: .es(title), status: .proposed)))
        #expect(record.state.items["MPM-1.5"]?.title.original == title)

        // Counted in characters, not bytes; blank in any script is refused, a leading space is not blank.
        let over = record.refusal(
            of: .addItem(
                PlanItem(
                    number: "MPM-1.6", kind: .activity, parent: "MPM-1", title: .es(title + "é"), status: .proposed)))
        #expect(over?.shape == .invalid("item.title.es"))
        let blank = record.refusal(
            of: .addItem(
                PlanItem(
                    number: "MPM-1.6", kind: .activity, parent: "MPM-1", title: .es("\u{A0}\u{3000}\t"),
                    status: .proposed)))
        #expect(blank?.shape == .invalid("item.title.es"))
        try record.append(
            .addItem(
                PlanItem(number: "MPM-1.6", kind: .activity, parent: "MPM-1", title: .es(" Taller"), status: .proposed))
        )
        // Tab, line feed and carriage return are text; other controls and noncharacters are not.
        try record.append(
            .addItem(
                PlanItem(
                    number: "MPM-1.7", kind: .activity, parent: "MPM-1", title: .es("Taller\r\nsobre\tretornos"),
                    status: .proposed)))
        let forbidden: [UInt32] = [0x0, 0x7, 0x1B, 0x7F, 0x80, 0x9F, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFF, 0x10FFFE]
        for scalar in forbidden.map({ String(Unicode.Scalar($0)!) }) {
            let refusal = record.refusal(
                of: .addItem(
                    PlanItem(
                        number: "MPM-1.8", kind: .activity, parent: "MPM-1",
                        title: .en("Workshop", fr: "Atelier\(scalar)"),
                        status: .proposed)))
            #expect(refusal?.shape == .invalid("item.title.fr"), "\(scalar.unicodeScalars.first!.value)")
        }
    }

    @Test(
        "well-formed numbers and paragraphs are accepted",
        arguments: [("MPM-1.2", "3"), ("CP2-1", "3.b"), ("MIGDEV-10.1000", "12.a.ii"), ("HRX-2", "4.2")])
    func wellFormed(number: String, paragraph: String) throws {
        var record = try Fixture.plan()
        try record.decide(
            [.addItem(Fixture.item(ItemNumber(number), .activity, under: "MPM-1"))], at: "RCGM-2014-11",
            paragraph: paragraph)
        #expect(record.state.items[ItemNumber(number)] != nil)
        #expect(record.state.decisions[Decision.id(meeting: "RCGM-2014-11", paragraph: paragraph)] != nil)
    }

    @Test("a meeting may end on the day it starts")
    func oneDayMeeting() throws {
        var record = try Fixture.plan()
        try record.append(.addMeeting(Fixture.meeting("RCM-XX", of: "RCM", start: "2015-06-12", end: "2015-06-12")))
        #expect(record.state.meetings["RCM-XX"] != nil)
    }

    @Test("a workplan moves through its life on a decision's effect; a translation keeps its approval")
    func workplanLife() throws {
        var record = try Fixture.plan()
        try record.decide(
            [.amendWorkplan(Workplan(id: "LON-CP", body: "LON-CP", title: .en("CP 2016"), status: .ongoing))],
            at: "RCGM-2014-11")
        let workplan = try #require(record.state.workplans["LON-CP"])
        #expect(workplan.status == .ongoing && workplan.title == .en("CP 2016"))
        let approval = try #require(workplan.approvedBy)
        #expect(record.state.decisions[approval] != nil)
        try record.append(
            .amendWorkplan(
                Workplan(id: "LON-CP", body: "LON-CP", title: .en("CP 2016", es: "PC 2016"), status: .ongoing)))
        #expect(record.state.workplans["LON-CP"]?.approvedBy == approval)
        #expect(record.state.workplans["LON-CP"]?.title == .en("CP 2016", es: "PC 2016"))
    }
}
