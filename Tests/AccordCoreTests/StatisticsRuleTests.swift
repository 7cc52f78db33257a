import AccordCore
import Testing

/// The rules of the shared migration statistics: who commits a vintage, in what order, who publishes a
/// release and what it may hold, and what the public reads of them.
@Suite("Statistics rules")
struct StatisticsRuleTests {
    static let mexico = Actor(name: "mex.delegate", role: .delegate, participant: "MEX")
    static let canada = Actor(name: "can.delegate", role: .delegate, participant: "CAN")
    static let iom = Actor(name: "iom.observer", role: .observer, participant: "IOM")

    static func vintage(_ area: ParticipantID, _ number: Int, flow: String = "DF_MIGR_RETURNS") -> StatisticalVintage {
        StatisticalVintage(
            flow: flow, area: area, number: number,
            file: .init(name: "returns.csv", format: "sdmx-csv", sha256: String(repeating: "a", count: 64), bytes: 10),
            data: .init(sha256: String(repeating: "b", count: 64), observations: 3))
    }

    @Test("a delegation commits its own state's vintages, numbered 1, 2, … and none for another state")
    func ownState() throws {
        var record = try Fixture.institutions()
        try record.append(.commitVintage(Self.vintage("MEX", 1)), authority: .participant("MEX"), as: Self.mexico)
        try record.append(.commitVintage(Self.vintage("MEX", 2)), authority: .participant("MEX"), as: Self.mexico)
        #expect(record.state.newestVintage(of: "DF_MIGR_RETURNS", area: "MEX")?.number == 2)
        // Both vintages stay: a resubmission is a new vintage, the first is still readable.
        #expect(record.state.vintages.count == 2)

        // Another state's, even citing that state's authority.
        let forCanada = record.refusal(
            of: .commitVintage(Self.vintage("CAN", 1)), authority: .participant("CAN"), as: Self.mexico)
        #expect(forCanada?.field == "vintage.area")
        #expect(forCanada?.reason.contains("cannot act for CAN") == true)
        // Its own authority on another state's vintage.
        #expect(
            record.refusal(of: .commitVintage(Self.vintage("CAN", 1)), authority: .participant("MEX"), as: Self.mexico)?
                .field == "authority.participant")
        // A number out of order: vintage 2 is recorded, so the next is 3.
        let skipped = record.refusal(
            of: .commitVintage(Self.vintage("MEX", 2)), authority: .participant("MEX"), as: Self.mexico)
        guard case .duplicate(let field, let reason) = skipped else {
            Issue.record("expected a refusal of vintage 2 again, got \(String(describing: skipped))")
            return
        }
        #expect(field == "vintage.number" && reason.contains("number 3"))
        // The Secretariat on Canada's behalf is allowed; an observer and the Presidency never.
        #expect(
            record.refusal(
                of: .commitVintage(Self.vintage("CAN", 1)), authority: .participant("CAN"), as: Fixture.secretariat)
                == nil)
        #expect(
            record.refusal(
                of: .commitVintage(Self.vintage("CAN", 1)), authority: .participant("CAN"), as: Fixture.presidency)
                != nil)
        #expect(
            record.refusal(of: .commitVintage(Self.vintage("IOM", 1)), authority: .participant("IOM"), as: Self.iom)
                != nil)
        // A vintage is never an editorial change.
        #expect(record.refusal(of: .commitVintage(Self.vintage("MEX", 3)), authority: Fixture.editorial) != nil)
    }

    @Test("an observer organization reports no statistics, even through the Secretariat")
    func memberStatesOnly() throws {
        let record = try Fixture.institutions()
        let refusal = record.refusal(
            of: .commitVintage(Self.vintage("IOM", 1)), authority: .participant("IOM"), as: Fixture.secretariat)
        #expect(refusal?.field == "vintage.area")
    }

    @Test("a release is the Secretariat's, numbered in order, one vintage per state and flow, dated in order")
    func releases() throws {
        var record = try Fixture.institutions()
        try record.append(.commitVintage(Self.vintage("MEX", 1)), authority: .participant("MEX"), as: Self.mexico)
        try record.append(.commitVintage(Self.vintage("MEX", 2)), authority: .participant("MEX"), as: Self.mexico)
        let first = StatisticalRelease(
            number: 1, date: PartialDate("2026-11-30")!, vintages: [Self.vintage("MEX", 1).id], notes: .en("First"))
        #expect(
            record.refusal(of: .publishRelease(first), authority: .participant("MEX"), as: Self.mexico) != nil,
            "a delegation does not publish")
        try record.append(.publishRelease(first))
        var second = first
        second.number = 2
        second.vintages = [Self.vintage("MEX", 1).id, Self.vintage("MEX", 2).id]
        #expect(record.refusal(of: .publishRelease(second))?.field == "release.vintages[1]")
        second.vintages = [Self.vintage("MEX", 2).id]
        second.date = PartialDate("2026-11-01")!
        #expect(record.refusal(of: .publishRelease(second))?.field == "release.date")
        second.date = PartialDate("2026-12-15")!
        second.vintages = ["DF_MIGR_RETURNS/MEX/9"]
        #expect(record.refusal(of: .publishRelease(second))?.field == "release.vintages[0]")
        second.vintages = [Self.vintage("MEX", 2).id]
        var third = second
        third.number = 3
        #expect(record.refusal(of: .publishRelease(third))?.field == "release.number")
        try record.append(.publishRelease(second))
        #expect(record.state.newestRelease?.number == 2)
    }

    @Test("the public reads the released vintages only; the working side all of them")
    func publication() throws {
        var record = try Fixture.institutions()
        try record.append(.commitVintage(Self.vintage("MEX", 1)), authority: .participant("MEX"), as: Self.mexico)
        try record.append(.commitVintage(Self.vintage("CAN", 1)), authority: .participant("CAN"), as: Self.canada)
        #expect(record.state.published(for: .outside(invited: nil)).vintages.isEmpty)
        try record.append(
            .publishRelease(
                StatisticalRelease(number: 1, date: PartialDate("2026-12-01")!, vintages: [Self.vintage("MEX", 1).id])))
        try record.append(.commitVintage(Self.vintage("MEX", 2)), authority: .participant("MEX"), as: Self.mexico)
        let outside = record.state.published(for: .outside(invited: nil))
        #expect(Set(outside.vintages.keys) == [Self.vintage("MEX", 1).id])
        #expect(outside.releases.count == 1)
        #expect(outside.lastChanged[.vintage(Self.vintage("MEX", 2).id)] == nil, "no trace of the unpublished one")
        #expect(record.state.published(for: .workingSide).vintages.count == 3)
    }

    @Test("a code is added once, to a codelist named by an SDMX identifier, by the Secretariat")
    func codes() throws {
        var record = try Fixture.institutions()
        let point = CodeAddition(
            codelist: "CL_BORDER_POINT", code: "GTM_OCOS", names: .es("Ocós", en: "Ocós", fr: "Ocós"))
        #expect(record.refusal(of: .addCode(point), authority: .participant("MEX"), as: Self.mexico) != nil)
        try record.append(.addCode(point))
        #expect(record.state.codeAdditions[point.id] == point)
        #expect(record.refusal(of: .addCode(point))?.field == "code.code")
        var bad = point
        bad.code = "GTM OCOS"
        #expect(record.refusal(of: .addCode(bad))?.field == "code.code")
        bad.code = "GTM_X"
        bad.codelist = ""
        #expect(record.refusal(of: .addCode(bad))?.field == "code.codelist")
    }
}
