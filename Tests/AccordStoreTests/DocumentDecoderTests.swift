import AccordCore
import Foundation
import Testing

@testable import AccordStore

/// The store's own JSON decoder reads what Foundation's reads, into the same values.
@Suite("Document decoder")
struct DocumentDecoderTests {
    @Test("ledger entries and plan items decode exactly as JSONDecoder decodes them")
    func entriesAndItems() throws {
        var state = ProcessState()
        let changes =
            Fixture.setup + Fixture.secondMeeting + [
                Fixture.editorial(.changeStatus(item: Fixture.activity, to: .ongoing))
            ]
            + Fixture.decide(
                Decision.id(meeting: Fixture.rcmVIII, paragraph: "6"),
                [
                    .amendItem(
                        ItemAmendment(
                            number: Fixture.activity,
                            title: .es("Taller \"retorno\" digno\\seguro/ordenado", en: "Workshop"),
                            timeline: Timeline(
                                text: .en("By 2004\n(revised)"), target: PartialDate(year: 2004, month: 6)),
                            note: .en("Revised at the VIII RCM")))
                ])
        for (offset, proposed) in changes.enumerated() {
            let entry = LedgerEntry(
                sequence: Int64(offset + 1), recordedAt: Timestamp(millisecondsSince1970: 1_700_000_000_000),
                actor: proposed.actor, authority: proposed.authority, change: proposed.change)
            _ = try state.apply(entry)
            let bytes = try entry.canonicalEncoding()
            #expect(try DocumentDecoder.decode(LedgerEntry.self, from: bytes) == LedgerEntry.decode(canonical: bytes))
            // What the store writes is read by hand, never left to the slower path by mistake.
            #expect(LedgerEntry(try JSONDocument(bytes), at: 0) == entry, "entry \(offset + 1)")
        }
        for item in state.items.values {
            let document = try JSONEncoder().encode(item)
            #expect(try DocumentDecoder.decode(PlanItem.self, from: document) == item)
            #expect(PlanItem(try JSONDocument(CanonicalJSON.encode(item)), at: 0) == item, "\(item.number)")
        }
    }

    /// The same entry as the store writes it, then changed in one place each: what the hand-written readers
    /// must read as `init(from:)` does, or give up on so that it decides.
    static let variants: [String] = {
        let actor = #""actor":{"name":"maria.lopez","role":"secretariat"}"#
        let authority = #""authority":{"decision":"RCM-VII/3"}"#
        let time = #""recordedAt":"2026-11-30T12:00:00.000Z","sequence":7"#
        let item =
            #"{"approvedBy":"RCM-VII/3","kind":"activity","leads":["MEX","TS"],"number":"MPM-1.1","parent":"MPM-1","#
            + #""status":"approved","timeline":{"target":"2027-01","text":{"authoritative":"en","en":"By 2027"}},"#
            + #""title":{"authoritative":"es","en":"Workshop","es":"Taller \"digno\"\n","fr":"Atelier"}}"#
        func entry(_ change: String, actor: String = actor, authority: String = authority, time: String = time)
            -> String
        {
            "{\(actor),\(authority),\"change\":\(change),\(time)}"
        }
        let addItem = { (item: String) in entry(#"{"item":"# + item + #","kind":"add-item"}"#) }
        let amendment = { (body: String) in entry(#"{"amendment":"# + body + #","kind":"amend-item"}"#) }
        return [
            addItem(item),
            addItem(item.replacingOccurrences(of: #""leads":["MEX","TS"],"#, with: "")),
            addItem(item.replacingOccurrences(of: #"["MEX","TS"]"#, with: "[1]")),
            addItem(item.replacingOccurrences(of: #""approved""#, with: #""done""#)),
            addItem(item.replacingOccurrences(of: #""activity""#, with: #""task""#)),
            addItem(item.replacingOccurrences(of: #""parent":"MPM-1""#, with: #""parent":null"#)),
            addItem(item.replacingOccurrences(of: #""parent":"MPM-1""#, with: #""parent":7"#)),
            addItem(item.replacingOccurrences(of: #""2027-01""#, with: #""2027-13""#)),
            addItem(item.replacingOccurrences(of: #""authoritative":"es""#, with: #""authoritative":"de""#)),
            addItem(item.replacingOccurrences(of: #""fr":"Atelier""#, with: #""fr":"Atelier","de":"Werkstatt""#)),
            addItem(item.replacingOccurrences(of: #"{"approvedBy""#, with: #"{"extra":[1,{"a":null}],"approvedBy""#)),
            addItem(item.replacingOccurrences(of: #""number":"#, with: #""number":"#)),
            addItem(
                item.replacingOccurrences(
                    of: #""timeline":{"target":"2027-01","text":{"authoritative":"en","en":"By 2027"}}"#,
                    with: #""timeline":{}"#)),
            amendment(#"{"number":"MPM-1.1","title":null,"leads":[]}"#),
            amendment(#"{"title":{"authoritative":"en","en":"x"}}"#),
            entry(#"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#),
            entry(#"{"kind":"change-status","number":"MPM-1.1","status":"finished"}"#),
            entry(#"{"kind":"change-status","status":"ongoing"}"#),
            entry(#"{"kind":"rename-item","number":"MPM-1.1"}"#),
            entry(#"{"kind":"withdraw-draft","draft":"D-1"}"#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                actor: #""actor":{"name":"x","role":"king"}"#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                actor: #""actor":{"name":"x","role":"delegate","participant":null}"#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                actor: #""actor":{"name":"x","role":"delegate","participant":"MEX"}"#),
            entry(#"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#, authority: #""authority":{}"#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                authority: #""authority":{"decision":null,"editorial":"typo"}"#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                authority: #""authority":{"editorial":"typo","decision":"RCM-VII/3"}"#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                authority: #""authority":{"participant":"MEX"}"#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                time: #""recordedAt":"yesterday","sequence":7"#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                time: #""recordedAt":"2026-11-30T12:00:00.000Z","sequence":"7""#),
            entry(
                #"{"kind":"change-status","number":"MPM-1.1","status":"ongoing"}"#,
                time: #""recordedAt":"2026-11-30T12:00:00.000Z","sequence":7.5"#),
        ]
    }()

    /// The store's Decoder path, chosen by calling from a generic context.
    private static func throughDecoder<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        try DocumentDecoder.decode(type, from: bytes)
    }

    @Test(
        "read by hand or given up: the same entry as init(from:) reads, or a refusal where it refuses",
        arguments: variants)
    func handWrittenReaders(_ json: String) {
        let bytes = Array(json.utf8)
        let foundation = Result { try JSONDecoder().decode(LedgerEntry.self, from: Data(bytes)) }
        let decoder = Result { try Self.throughDecoder(LedgerEntry.self, bytes) }
        let direct = Result { try DocumentDecoder.decode(LedgerEntry.self, from: bytes) }
        switch (foundation, decoder, direct) {
        case (.success(let expected), .success(let viaDecoder), .success(let viaDirect)):
            #expect(viaDecoder == expected)
            #expect(viaDirect == expected)
        case (.failure, .failure, .failure):
            break
        default:
            Issue.record("Foundation \(foundation), Decoder \(decoder), by hand \(direct)")
        }
    }

    private struct Sample: Codable, Equatable {
        var text: String
        var number: Int64
        var small: Int8?
        var ratio: Double
        var flag: Bool
        var missing: String?
        var list: [[Int]]
        var nested: [String: [String]]
    }

    @Test("escapes, numbers, nulls, nesting and whitespace")
    func jsonFeatures() throws {
        let json = #"""
             { "text" : "a\"b\\c\/d\n\t\u00e9\ud83d\ude00é" , "number": -9223372036854775808, "small": null,
              "ratio": 2.5e-3, "flag": true, "list": [[], [1, 2], [3]], "nested": {"x": ["y", ""], "": []} }
            """#
        let expected = try JSONDecoder().decode(Sample.self, from: Data(json.utf8))
        #expect(try DocumentDecoder.decode(Sample.self, from: Array(json.utf8)) == expected)
        #expect(expected.text == "a\"b\\c/d\n\té😀é")
    }

    @Test(
        "malformed text and wrong types are refused",
        arguments: [
            #"{"text": "open"#, #"{"text" "x"}"#, #"[1, 2,]"#, #"{"a": 1} x"#, #"{"text": "\q"}"#, #"tru"#,
            #"{"text": 1, "number": 1, "ratio": 1, "flag": true, "list": [], "nested": {}}"#,
            #"{"text": "x", "number": 1.5, "ratio": 1, "flag": true, "list": [], "nested": {}}"#,
            #"{"text": "x", "number": 1, "small": 300, "ratio": 1, "flag": true, "list": [], "nested": {}}"#,
            #"{"text": "x", "number": 1, "ratio": 1, "list": [], "nested": {}}"#,
        ])
    func refusals(_ json: String) {
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Sample.self, from: Data(json.utf8)) }
        #expect(throws: (any Error).self) { try DocumentDecoder.decode(Sample.self, from: Array(json.utf8)) }
    }
}
