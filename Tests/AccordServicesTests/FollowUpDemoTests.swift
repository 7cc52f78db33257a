import AccordCore
import AccordDemo
import AccordServices
import Testing

/// The demo's follow-up of the Santiago Plan of Action is seed 000's, and each audience reads it as the read
/// policy says.
@Suite("Demo: mandates, reports and events")
struct FollowUpDemoTests {
    static let state = ReadPolicyTests.demo

    @Test("the mandate seed 000 quotes, coordinated by the United States with El Salvador and Mexico")
    func mandate() throws {
        let mandate = try #require(Self.state.mandates["SANTIAGO-1998-MW-IACHR"])
        #expect(mandate.coordinator == "USA" && mandate.coCoordinators == ["SLV", "MEX"])
        #expect(mandate.text.authoritative == .fr && mandate.text[.en] == nil, "the seed's French, untranslated")
        #expect(mandate.text.original.hasPrefix("Soutenir les activités de la Commission interaméricaine"))
        #expect(mandate.paragraph == nil, "seed 000 gives no paragraph number")
        let plan = try #require(Self.state.externalPlans[mandate.plan])
        #expect(plan.date == PartialDate("1998") && plan.title.original == "Plan d'action de Santiago")
        let cycle = try #require(Self.state.cycles["SANTIAGO-1998-REPORTS"])
        #expect(cycle.due == nil && cycle.periodStart == nil && cycle.meeting == nil, "the seed dates none of them")
    }

    @Test("Canada's report, in French, cites the workshop and the symposium with their organizers and roles")
    func canadaReport() throws {
        let report = try #require(Self.state.reports["SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/CAN"])
        #expect(report.language == .fr && report.status == .published && report.recordedBy == .secretariat)
        #expect(report.events == ["WS-2000-SANTIAGO", "SYMPOSIUM-2000-SAN-JOSE"])
        let actions = try #require(report.sections.actions?[.fr])
        #expect(actions.split(separator: "\n\n").count == 3)
        #expect(actions.contains("À la 5° RCM, qui a eu lieu à Washington"))
        #expect(report.sections.summary == nil && report.indicators.isEmpty, "the seed has neither")
        let workshop = try #require(Self.state.events["WS-2000-SANTIAGO"])
        #expect(workshop.kind == .workshop && workshop.start == PartialDate("2000-06") && workshop.end == nil)
        #expect(
            workshop.organizers.map { "\($0.participant?.rawValue ?? "-") \($0.role.rawValue)" } == [
                "IOM organizer", "ECLAC-CELADE in-cooperation-with", "ECLAC-CELADE in-cooperation-with",
                "USA under-the-auspices-of",
            ])
        let symposium = try #require(Self.state.events["SYMPOSIUM-2000-SAN-JOSE"])
        #expect(symposium.organizers.map(\.role) == [.underTheAuspicesOf])
        #expect(symposium.organizers.first?.name?.original == "processus du Sommet des Amériques")
        #expect(symposium.place?.original == "San José, Costa Rica" && symposium.start == PartialDate("2000-09"))
    }

    @Test("the matrix shows Canada's report to everyone, and none for the other member states")
    func matrix() throws {
        for readership in [Readership.workingSide, .outside(invited: nil)] {
            let matrix = try #require(
                ReportMatrix(of: "SANTIAGO-1998-REPORTS", in: Self.state.published(for: readership)))
            #expect(matrix.countries.count == 11)
            #expect(matrix.cell("SANTIAGO-1998-MW-IACHR", "CAN")?.state == .submitted)
            #expect(matrix.notFiled(on: "SANTIAGO-1998-MW-IACHR").count == 10)
        }
    }

    @Test("outside the working side a draft or submitted report is not read; a published one is")
    func readPolicy() throws {
        var state = Self.state
        var filing = Demo.canadaReport
        filing.participant = "MEX"
        filing.status = .draft
        let entry = LedgerEntry(
            sequence: state.sequence + 1, recordedAt: Timestamp(millisecondsSince1970: 1_700_000_000_000),
            actor: Actor(name: "mx", role: .delegate, participant: "MEX"), authority: .participant("MEX"),
            change: .fileReport(filing))
        state = try state.applying(entry).state
        for audience in [Audience.public, .reader, .observer("IOM")] {
            let reports = state.published(for: audience.readership).reports
            #expect(reports.keys.map(\.rawValue) == ["SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/CAN"], "\(audience)")
        }
        for audience in [Audience.secretariat, .presidency, .delegate("CAN")] {
            #expect(state.published(for: audience.readership).reports.count == 2, "\(audience)")
        }
    }
}
