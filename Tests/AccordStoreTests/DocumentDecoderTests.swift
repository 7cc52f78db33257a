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
                Fixture.decided(.changeStatus(item: Fixture.activity, to: .ongoing), by: Fixture.followUp),
                Fixture.decided(
                    .amendItem(
                        ItemAmendment(
                            number: Fixture.activity,
                            title: .es("Taller \"retorno\" digno\\seguro/ordenado", en: "Workshop"),
                            timeline: Timeline(
                                text: .en("By 2004\n(revised)"), target: PartialDate(year: 2004, month: 6)))),
                    by: Fixture.followUp),
            ]
        for (offset, proposed) in changes.enumerated() {
            let entry = LedgerEntry(
                sequence: Int64(offset + 1), recordedAt: Timestamp(millisecondsSince1970: 1_700_000_000_000),
                actor: proposed.actor, authority: proposed.authority, change: proposed.change)
            _ = try state.apply(entry)
            let bytes = try entry.canonicalEncoding()
            #expect(try DocumentDecoder.decode(LedgerEntry.self, from: bytes) == LedgerEntry.decode(canonical: bytes))
        }
        for item in state.items.values {
            let document = try JSONEncoder().encode(item)
            #expect(try DocumentDecoder.decode(PlanItem.self, from: document) == item)
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
