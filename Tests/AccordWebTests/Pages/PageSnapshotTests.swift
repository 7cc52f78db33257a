import AccordTestSupport
import Foundation
import Testing

/// The pages of the demo as each kind of user sees them, kept as snapshots: a change to what a page says
/// or how it is marked up shows up here as a diff to look at, in every language.
///
/// What differs between runs is replaced before comparing: the time the demo was loaded (ledger times)
/// and a session's anti-forgery token.
@Suite("Page snapshots")
struct PageSnapshotTests {
    static let pages: [(uri: String, role: Role, name: String)] = [
        ("/en/plan", .anonymous, "plan-en-public"),
        ("/es/plan?version=proposed", .delegateMEX, "plan-es-proposed-delegate"),
        ("/fr/plan?version=annexes", .observer, "plan-fr-annexes-observer"),
        ("/en/items/MPM-1", .secretariat, "item-en-secretariat"),
        ("/es/meetings/RCM-V", .secretariat, "meeting-es-secretariat"),
        ("/en/proposals/MEX-REVIEW", .delegateCAN, "proposal-en-delegate"),
        ("/fr", .presidency, "dashboard-fr-presidency"),
        ("/es/search?q=migraci%C3%B3n", .anonymous, "search-es-public"),
    ]

    @Test("each page of the demo, as its user sees it, matches its snapshot")
    func pagesMatchTheirSnapshots() async throws {
        try await withPages { pages in
            for page in Self.pages {
                let answer = try await pages.get(page.uri, as: page.role)
                #expect(answer.status == 200, "\(page.uri) as \(page.role)")
                try assertSnapshot(Self.stable(answer.text), named: "\(page.name).html")
            }
        }
    }

    /// `html` with what changes from run to run replaced by a placeholder, and a line per tag so that a
    /// difference is reported where it is.
    static func stable(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "><", with: ">\n<")
        let patterns = [
            (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z"#, "[time]"),
            (#"name="csrf" value="[^"]*""#, #"name="csrf" value="[token]""#),
        ]
        for (pattern, replacement) in patterns {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }
}
