import Testing

@testable import AccordCore

/// Splitting all-ASCII text into words takes a faster path; it must find the words the general one finds.
@Suite("Words of a text")
struct WordSplittingTests {
    @Test("ASCII text splits into the same words on the fast path as on the general one, over 2,000 random texts")
    func asciiAgreesWithGeneral() {
        var random = SplitMix64(seed: 2_026_113)
        let pieces = [
            "Taller", "RETORNO", "digno", "2027", "x", "-", ".", ",", "(", ")", "\"", " ", "  ", "\n", "\t", "a1",
        ]
        for _ in 0..<2_000 {
            let text = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
            // A word with a non-ASCII letter at the end sends the whole text down the general path.
            let general = Substance.words(text + " é")
            #expect(Array(general.dropLast()) == Substance.words(text), "\(text.debugDescription)")
            #expect(general.last?.text == "é")
        }
        #expect(Substance.words("Réunion, RÉUNION") == Substance.words("réunion réunion"))
        #expect(Substance.words("e\u{301}") != Substance.words("\u{E9}"), "words compare scalar by scalar")
    }

    @Test("an ASCII character is told apart by its value exactly as Unicode's properties tell it")
    func asciiKindsAreTheUnicodeProperties() {
        for value in UInt8(0)...127 {
            let scalar = Unicode.Scalar(value)
            let properties = scalar.properties
            let expected: Substance.ScalarKind =
                properties.isWhitespace
                ? .space : properties.isAlphabetic ? .letter : properties.numericType != nil ? .digit : .other
            #expect(Substance.ScalarKind(scalar) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test("a text's words as a dictionary reads them: split at spaces, apostrophes and dashes, as written")
    func tokens() {
        let tokens = Substance.tokens("L'Exécutif extra-regional — 2027 (Taller)")
        #expect(tokens.map(\.written) == ["L", "Exécutif", "extra", "regional", "2027", "Taller"])
        #expect(tokens.map(\.lowercased) == ["l", "exécutif", "extra", "regional", "2027", "taller"])
        #expect(tokens.map(\.hasDigit) == [false, false, false, false, true, false])
        #expect(tokens[1].scalars.count == 8)
    }
}
