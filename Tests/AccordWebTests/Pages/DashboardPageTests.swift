import AccordCore
import Foundation
import Testing

@testable import AccordWeb

/// The dashboard's overdue count and its chart of overdue activities by lead (issue 19.6).
@Suite struct DashboardPageTests {
    @Test func theOverdueChartAddsUpToTheOverdueCountWithActivitiesWithoutALeadCounted() async throws {
        try await withPages { pages in
            // Setup: three overdue activities approved by a decision — one without a lead, one led by Mexico and
            // Canada together, one by Mexico alone (test data, not the demo's).
            let due = PartialDate(year: 2020, month: 6, day: 30)
            let decision = Decision(
                meeting: "RCM-XXIX", paragraph: "91", kind: .decision, text: .en("Approves three activities."),
                effects: [
                    .addItem(PlanItem(number: "TL", kind: .lineOfAction, title: .en("Test line"), status: .approved)),
                    .addItem(
                        PlanItem(
                            number: "TL-1", kind: .activity, parent: "TL", title: .en("Nobody leads this"),
                            timeline: Timeline(target: due), status: .approved)),
                    .addItem(
                        PlanItem(
                            number: "TL-2", kind: .activity, parent: "TL", title: .en("Two lead this"),
                            leads: [.participant("MEX"), .participant("CAN")], timeline: Timeline(target: due),
                            status: .approved)),
                    .addItem(
                        PlanItem(
                            number: "TL-3", kind: .activity, parent: "TL", title: .en("Mexico leads this"),
                            leads: [.participant("MEX")], timeline: Timeline(target: due), status: .approved)),
                ])
            try await pages.store.append(
                .recordDecision(decision), by: Actor(name: "ts.officer", role: .secretariat),
                authority: .editorial(reason: "transcribed"))
            try await pages.store.append(
                .confirmDecision(decision.id), by: Actor(name: "ppt.officer", role: .presidency),
                authority: .decision(decision.id))

            // Act: the public dashboard.
            let page = try await pages.get("/en")
            #expect(page.status == 200)

            // Check: the count above the chart, and the bars of the chart, one number per bar.
            let count = try #require(Self.overdueCount(in: page.text), "no overdue count on the dashboard")
            let bars = Self.overdueBars(in: page.text)
            #expect(count >= 3)
            #expect(bars.values.reduce(0, +) == count, "bars \(bars) do not add up to \(count)")
            #expect(bars["No lead"] == 1, "\(bars)")
            #expect(bars["Mexico, Canada"] == 1, "\(bars)")
            #expect((bars["Mexico"] ?? 0) >= 1, "\(bars)")
        }
    }

    /// The number in the "Overdue" figure: `<strong>N</strong>Overdue`.
    static func overdueCount(in html: String) -> Int? {
        guard let label = html.range(of: "</strong>Overdue</div>") else { return nil }
        let before = html[..<label.lowerBound]
        guard let open = before.range(of: "<strong>", options: .backwards) else { return nil }
        return Int(before[open.upperBound...])
    }

    /// Each bar of the overdue chart, by label: its `<title>` reads "label: Overdue N".
    static func overdueBars(in html: String) -> [String: Int] {
        guard let heading = html.range(of: "Overdue activities by lead</h2>"),
            let end = html.range(of: "</svg>", range: heading.upperBound..<html.endIndex)
        else { return [:] }
        var bars: [String: Int] = [:]
        for title in html[heading.upperBound..<end.lowerBound].components(separatedBy: "<title>").dropFirst() {
            let text = title.components(separatedBy: "</title>")[0]
            guard let colon = text.range(of: ": Overdue ", options: .backwards),
                let value = Int(text[colon.upperBound...])
            else { continue }
            bars[String(text[..<colon.lowerBound]), default: 0] += value
        }
        return bars
    }
}
