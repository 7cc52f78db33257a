import AccordCore
import AccordTestSupport
import Foundation
import FoundationXML
import Testing

@testable import AccordDocuments

@Suite("Akoma Ntoso, iCalendar and Popolo")
struct ExchangeFormatTests {
    let generatedOn = DocumentFixture.generatedOn
    let now = Timestamp(millisecondsSince1970: 1_763_942_400_000)

    @Test("the V RCM's decisions as an Akoma Ntoso statement, in English and Spanish", arguments: [Language.en, .es])
    func statementOfTheFifthRCM(language: Language) throws {
        let state = try DocumentFixture.demo()
        let meeting = try #require(state.meetings["RCM-V"])
        let xml = AkomaNtoso.statement(of: meeting, in: state, language: language, generatedOn: generatedOn)
        try assertSnapshot(xml, named: "akn-statement-rcm-v-\(language.rawValue).xml")
        #expect(XMLParser(data: Data(xml.utf8)).parse())
        let code = AkomaNtoso.code(language)
        #expect(xml.contains("<FRBRlanguage language=\"\(code)\"/>"))
        #expect(xml.contains("<FRBRuri value=\"/akn/int/statement/2000-03-23/rcm-v/\(code)@\"/>"))
        for decision in state.decisions.values where decision.meeting == meeting.id {
            #expect(xml.contains("<num>\(decision.paragraph)</num>"))
        }
    }

    @Test("Mexico's proposal as an amendment, each item a content block with its placement")
    func proposalAsAmendment() throws {
        let state = try DocumentFixture.demo()
        let proposal = try #require(state.proposals.values.first)
        let xml = AkomaNtoso.amendment(of: proposal, in: state, language: .en, generatedOn: generatedOn)
        #expect(XMLParser(data: Data(xml.utf8)).parse())
        #expect(xml.components(separatedBy: "<amendmentContent ").count - 1 == proposal.items.count)
        #expect(xml.contains("<docProponent refersTo=\"#mex\">"))
    }

    @Test("the calendar: meetings with a known day as events, target dates as to-dos due at the period's end")
    func calendar() throws {
        let state = try DocumentFixture.demo()
        let feed = CalendarFeed.feed(of: state, language: .es, generatedAt: now)
        try assertSnapshot(feed, named: "ics-demo-es.ics")
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        let dated =
            state.meetings.values.filter { $0.start?.day != nil }.count
            + state.events.values.filter { $0.start?.day != nil }.count
        #expect(feed.components(separatedBy: "BEGIN:VEVENT").count - 1 == dated)
        // An event known to the day, with its place and organizer; one known to the month is left out.
        #expect(
            feed.contains(
                "UID:event-WS-2019-MEXICO-CITY@accord\r\nDTSTAMP:20251124T000000Z\r\nDTSTART;VALUE=DATE:20190604\r\n"
                    + "DTEND;VALUE=DATE:20190606\r\n"))
        #expect(!feed.contains("UID:event-WS-2000-SANTIAGO@accord"))
        // HR-5.1 is due "1999-03": the last day of March.
        #expect(feed.contains("UID:item-HR-5.1@accord\r\nDTSTAMP:20251124T000000Z\r\nDUE;VALUE=DATE:19990331"))
        for line in feed.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    }

    @Test("a reporting cycle with a due date is a to-do, done once every member state has submitted")
    func dueReports() throws {
        var state = try DocumentFixture.demo()
        var cycle = try #require(state.cycles["SANTIAGO-1998-REPORTS"])
        cycle.due = PartialDate("2001-04")
        let entry = LedgerEntry(
            sequence: state.sequence + 1, recordedAt: now,
            actor: Actor(name: "ts", role: .secretariat), authority: .editorial(reason: "due date"),
            change: .amendCycle(cycle))
        state = try state.applying(entry).state
        let feed = CalendarFeed.feed(of: state, language: .fr, generatedAt: now)
        #expect(
            feed.contains(
                "UID:reports-SANTIAGO-1998-REPORTS@accord\r\nDTSTAMP:20251124T000000Z\r\nDUE;VALUE=DATE:20010430\r\n"))
        #expect(feed.contains("STATUS:NEEDS-ACTION\r\nEND:VTODO\r\nEND:VCALENDAR"), "ten member states have not filed")
    }

    @Test("the Atom feed: well-formed, its required elements, newest change first, only what the reader may see")
    func atom() throws {
        var state = try DocumentFixture.demo()
        var draft = try #require(state.reports.values.first).filing
        draft.participant = "MEX"
        draft.status = .draft
        let entry = LedgerEntry(
            sequence: state.sequence + 1, recordedAt: now,
            actor: Actor(name: "mx", role: .delegate, participant: "MEX"),
            authority: .participant("MEX"), change: .fileReport(draft))
        state = try state.applying(entry).state
        let times = Dictionary(uniqueKeysWithValues: (1...state.sequence).map { ($0, now) })
        let inside = AtomFeed.feed(
            of: state, language: .fr, recordedAt: times, selfLink: "/api/v1/feed?lang=fr", generatedAt: now)
        #expect(XMLParser(data: Data(inside.utf8)).parse())
        for element in ["<id>", "<title>", "<updated>2025-11-24T00:00:00.000Z</updated>", "<author><name>"] {
            #expect(inside.contains(element))
        }
        let entries = inside.components(separatedBy: "<entry>").dropFirst()
        #expect(entries.count == 50)
        #expect(entries.allSatisfy { $0.contains("<id>tag:") && $0.contains("<updated>") && $0.contains("<title>") })
        // RFC 4287 §4.1.1: an alternate link, or content (events and mandates have no page of their own).
        #expect(entries.allSatisfy { $0.contains(#"rel="alternate""#) || $0.contains(#"<content type="text">"#) })
        #expect(entries.contains { $0.contains("<category term=\"event\"/>") && $0.contains("<content ") })
        #expect(entries.first?.contains("report/SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/MEX/") == true)
        let outside = AtomFeed.feed(
            of: state.published(for: .outside(invited: nil)), language: .fr, recordedAt: times, selfLink: "/feed",
            generatedAt: now)
        #expect(!outside.contains("/MEX/") && outside.contains("SANTIAGO-1998-MW-IACHR/CAN"))
    }

    @Test("long lines fold at 75 octets on character boundaries, and unfold to the original")
    func folding() {
        let summary =
            "SUMMARY:" + String(repeating: "Reunión Viceministerial sobre migración, niñez y protección; ", count: 4)
        let folded = CalendarFeed.folded(summary)
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 3)
        for line in lines {
            #expect(line.utf8.count <= 75)
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let unfolded = folded.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "")
        #expect(unfolded == summary)
    }

    @Test func textIsEscaped() {
        #expect(CalendarFeed.escaped("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
    }

    @Test("day arithmetic: the day after a month's and a year's last day, February in leap years")
    func days() throws {
        let after = { (text: String) in CalendarDay.after(PartialDate(text)!).description }
        #expect(after("2024-02-28") == "2024-02-29")
        #expect(after("2023-02-28") == "2023-03-01")
        #expect(after("2000-12-31") == "2001-01-01")
        #expect(CalendarDay.last(of: PartialDate("2025")!).description == "2025-12-31")
        #expect(CalendarDay.last(of: PartialDate("1900-02")!).description == "1900-02-28")
    }

    @Test("Popolo: participants as organizations, memberships by period, positions as votes")
    func popolo() throws {
        let state = try DocumentFixture.demo()
        let data = try Popolo.export(state, language: .en)
        try assertSnapshot(String(decoding: data, as: UTF8.self), named: "popolo-demo-en.json")
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let organizations = try #require(document["organizations"] as? [[String: Any]])
        let ids = Set(organizations.compactMap { $0["id"] as? String })
        #expect(ids.isSuperset(of: Set(state.participants.keys.map(\.rawValue))))
        let memberships = try #require(document["memberships"] as? [[String: Any]])
        // The IACHR joined as an observer by a decision of the V RCM.
        #expect(
            memberships.contains {
                ($0["member"] as? [String: Any])?["id"] as? String == "IACHR" && $0["role"] as? String == "observer"
            })
        let motions = try #require(document["motions"] as? [[String: Any]])
        #expect(motions.count >= state.decisions.count)
    }

    @Test("each position maps to one Popolo option", arguments: Position.allCases)
    func options(position: Position) {
        let expected: [Position: String] = [
            .supports: "yes", .doesNotObject: "abstain", .objects: "no", .reservation: "reservation",
        ]
        #expect(Popolo.option(position) == expected[position])
    }
}
