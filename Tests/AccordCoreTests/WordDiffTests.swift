import AccordCore
import Foundation
import Testing

@Suite("Word-level diff")
struct WordDiffTests {
    @Test("a changed word shows as removed then added, with the rest unchanged")
    func oneWord() {
        let diff = WordDiff("Taller sobre retornos regionales", "Taller sobre el retorno regional")
        #expect(
            diff.segments == [
                .same("Taller sobre "), .removed("retornos regionales"), .added("el retorno regional"),
            ])
    }

    @Test("identical texts are one unchanged run; empty against text is all added")
    func edges() {
        #expect(
            WordDiff("Atelier sur les retours", "Atelier sur les retours").segments == [
                .same("Atelier sur les retours")
            ])
        #expect(WordDiff("Atelier sur les retours", "Atelier sur les retours").isUnchanged)
        #expect(WordDiff("", "Nouveau").segments == [.added("Nouveau")])
        #expect(WordDiff("", "").segments.isEmpty)
    }

    @Test("punctuation and accents: a comma added is its own change; é is part of a word")
    func punctuation() {
        let diff = WordDiff("Protección consular y retorno", "Protección consular, y retorno")
        #expect(diff.segments == [.same("Protección consular"), .added(","), .same(" y retorno")])
    }

    @Test("JSON is a list of one-key objects")
    func json() throws {
        let diff = WordDiff("a b", "a c")
        let data = try JSONEncoder().encode(diff)
        #expect(String(decoding: data, as: UTF8.self) == #"[{"same":"a "},{"removed":"b"},{"added":"c"}]"#)
        #expect(try JSONDecoder().decode(WordDiff.self, from: data) == diff)
    }

    static let words = ["migration", "return", "workshop", "the", "of", "regional", "MPM-1", "2015", ",", "."]

    @Test(
        "joining runs gives back both texts, and unchanged words are a longest common subsequence",
        arguments: Array(UInt64(1)...150))
    func property(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func text() -> String {
            (0..<random.below(25)).map { _ in random.pick(Self.words) }.joined(
                separator: random.chance(80) ? " " : "  ")
        }
        let old = text()
        let new = text()
        let diff = WordDiff(old, new)
        #expect(diff.old == old, "seed \(seed)")
        #expect(diff.new == new, "seed \(seed)")
        // No run is followed by another of the same kind: they are merged.
        for (a, b) in zip(diff.segments, diff.segments.dropFirst()) {
            #expect(Self.kind(a) != Self.kind(b), "seed \(seed)")
        }
        // Unchanged runs are whole tokens, so counting each run's tokens counts the words kept; only spaces
        // between two changes are given up to the change.
        let kept = diff.segments.filter { Self.kind($0) == 0 }.map { Self.tokens($0.text).count }.reduce(0, +)
        let common = Self.lcs(Self.tokens(old), Self.tokens(new))
        let spaces = Self.tokens(old).filter { $0.allSatisfy(\.isWhitespace) }.count
        #expect(kept <= common && common - kept <= spaces, "seed \(seed)")
    }

    static func kind(_ segment: WordDiff.Segment) -> Int {
        switch segment {
        case .same: 0
        case .removed: 1
        case .added: 2
        }
    }

    /// Tokens as the diff sees them, written again here from the rule: words, space runs, other characters.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for character in text {
            let isWord = character.isLetter || character.isNumber
            if let last = tokens.last?.last,
                (isWord && (last.isLetter || last.isNumber)) || (character.isWhitespace && last.isWhitespace)
            {
                tokens[tokens.count - 1].append(character)
            } else {
                tokens.append(String(character))
            }
        }
        return tokens
    }

    static func lcs(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
