import Foundation
import Testing

@testable import AccordCore

/// The canonical encoder must write exactly Foundation's bytes: the ledger hashes them and `verify` compares
/// projection rows written before with rows encoded again.
@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("every case of change, as a ledger entry, is written as Foundation writes it")
    func everyChange() throws {
        for (index, change) in ChangeEncodingTests.samples.enumerated() {
            let entry = LedgerEntry(
                sequence: Int64(index + 1), recordedAt: Timestamp(millisecondsSince1970: 1_700_000_000_123),
                actor: Actor(name: "maria.lopez", role: .secretariat), authority: .editorial(reason: "typo / spacing"),
                change: change)
            try expectSameBytes(entry)
        }
    }

    @Test("every record of a random plan is written as Foundation writes it")
    func randomRecords() throws {
        var generator = ChangeGenerator(seed: 2_026)
        var state = try Fixture.plan().state
        var records = 0
        for _ in 0..<400 {
            let (change, authority) = generator.next(for: state)
            let entry = LedgerEntry(
                sequence: state.sequence + 1, recordedAt: Timestamp(millisecondsSince1970: 1_700_000_000_000),
                actor: Actor(name: "generator", role: .secretariat), authority: authority, change: change)
            try expectSameBytes(entry)
            guard let (next, changed) = try? state.applying(entry) else { continue }
            state = next
            for ref in changed {
                let record = try #require(state.record(ref))
                #expect(
                    try record.encoded() == Array(try CanonicalJSON.foundationEncoder().encode(record.payload)),
                    "\(ref)")
                #expect(try CanonicalJSON.writtenDirectly(record.payload) != nil, "\(ref) was left to Foundation")
                records += 1
            }
        }
        #expect(records > 100)
    }

    @Test("text with quotes, backslashes, slashes, control characters and any script is escaped as Foundation does")
    func escaping() throws {
        var random = SplitMix64(seed: 7)
        let pieces = [
            "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "é", "ñ", "中文",
            "🇲🇽", "\u{2028}", "a", " ", "</script>", "{\"k\":1}",
        ]
        for _ in 0..<300 {
            let text = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
            let title = LocalizedText(authoritative: .es, [.es: text.isEmpty ? "x" : text, .fr: text + "!"])
            try expectSameBytes(
                PlanItem(number: "MPM-1", kind: .lineOfAction, title: title, leads: [.secretariat], status: .approved))
            try expectSameBytes([text: [1, 2, 3]], direct: nil)
        }
    }

    @Test("keys are ordered by their UTF-8 bytes, shorter prefixes first")
    func keyOrder() throws {
        try expectSameBytes(["b": 1, "a": 2, "aa": 3, "B": 4, "a0": 5, "é": 6, "z": 7, "": 8])
        try expectSameBytes(["10": [String](), "9": ["x"], "1": []])
    }

    @Test("what the fast path does not write itself still comes out as Foundation writes it")
    func fallsBackToFoundation() throws {
        try expectSameBytes(WithDouble(value: 1.5, name: "x"), direct: false)
        try expectSameBytes(WithDouble(value: 10, name: "y"), direct: false)
        try expectSameBytes(DuplicateKey(), direct: false)
        try expectSameBytes(Interleaved(), direct: false)
        try expectSameBytes([Nothing()], direct: false)
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(Nothing()) }
        try expectSameBytes(["a\"b": 1, "a": 2, "a\\": 3], direct: false)
        try expectSameBytes([Date(timeIntervalSince1970: 0)], direct: false)
        try expectSameBytes(NestedByHand())
        try expectSameBytes([[Int]]())
        try expectSameBytes([String: Int]())
        try expectSameBytes([1, nil, 3] as [Int?])
    }

    /// Checks that `value` is encoded as Foundation encodes it, and (unless `direct` is nil) whether the
    /// bytes were written here or left to Foundation: a fast path that gave everything to Foundation would
    /// still pass the comparison.
    private func expectSameBytes<T: Encodable>(
        _ value: T, direct: Bool? = true, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fast = try CanonicalJSON.encode(value)
        let reference = Array(try CanonicalJSON.foundationEncoder().encode(value))
        #expect(
            fast == reference,
            "\(String(decoding: fast, as: UTF8.self)) ≠ \(String(decoding: reference, as: UTF8.self))",
            sourceLocation: sourceLocation)
        if let direct {
            #expect(
                (try CanonicalJSON.writtenDirectly(value) != nil) == direct,
                "\(T.self) \(direct ? "was left to Foundation" : "was written without Foundation")",
                sourceLocation: sourceLocation)
        }
    }
}

private struct WithDouble: Encodable {
    var value: Double
    var name: String
}

/// Writes one key twice: Foundation keeps the last value.
private struct DuplicateKey: Encodable {
    enum Key: String, CodingKey { case a, b }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: .b)
        try container.encode(2, forKey: .a)
        try container.encode(3, forKey: .b)
    }
}

/// Writes to an object after opening a nested one.
private struct Interleaved: Encodable {
    enum Key: String, CodingKey { case outer, inner, late }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: .outer)
        try container.encode("late", forKey: .late)
        try nested.encode("inner", forKey: .inner)
    }
}

/// Writes nothing at all.
private struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// Nested containers used in order.
private struct NestedByHand: Encodable {
    enum Key: String, CodingKey { case z, y, x }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: .z)
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: .y)
        try nested.encode(true, forKey: .z)
        try nested.encode("x", forKey: .x)
        var list = nested.nestedUnkeyedContainer(forKey: .y)
        try list.encode(3)
        try list.encodeNil()
    }
}
