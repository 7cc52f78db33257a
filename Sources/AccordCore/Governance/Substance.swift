/// Whether a change to one field of an approved item redefines the commitment (substantive) or only how
/// it is written (editorial), per DESIGN.md §3 rules 1–2.
///
/// Substantive: the authoritative-language text, the lead, the timeline, the place. Editorial:
/// translations, formatting (spacing, capitals, punctuation), the Secretariat's note, and a verifiable typo
/// fix — a word that is not a word of the language replaced by one that is, as a real dictionary (the
/// `Lexicon`) says, a letter or two away, never a negation or a number. Anything in doubt is substantive;
/// the Secretariat can always ask for a decision, and a member state can challenge an editorial change it
/// reads otherwise.
public enum Weight: String, Codable, Sendable, CaseIterable {
    case editorial, substantive
}

/// A field an amendment changes, and its weight.
public struct FieldChange: Codable, Sendable, Hashable {
    /// The field as the API names it: "title.en", "leads", "parent".
    public var field: String
    public var weight: Weight
}

public enum Substance {
    /// The fields `amendment` actually changes on `item`, each with its weight.
    ///
    /// - Parameter lexicon: the dictionary a typo fix is checked against; without one no fix is verifiable.
    public static func classify(
        _ amendment: ItemAmendment, of item: PlanItem, lexicon: any Lexicon = EmptyLexicon()
    ) -> [FieldChange] {
        var changes: [FieldChange] = []
        if let title = amendment.title { changes += texts(item.title, title, field: "title", lexicon: lexicon) }
        if let text = amendment.text {
            if let old = item.text {
                changes += texts(old, text, field: "text", lexicon: lexicon)
            } else {
                changes.append(FieldChange(field: "text", weight: .substantive))
            }
        }
        if let leads = amendment.leads, leads != item.leads {
            changes.append(FieldChange(field: "leads", weight: .substantive))
        }
        if let timeline = amendment.timeline, timeline != item.timeline {
            // Only a translation of the timeline's wording is editorial; its target date is a commitment.
            let editorial =
                timeline.target == item.timeline?.target
                && timeline.text?.authoritative == item.timeline?.text?.authoritative
                && timeline.text?.original == item.timeline?.text?.original
            changes.append(FieldChange(field: "timeline", weight: editorial ? .editorial : .substantive))
        }
        if let parent = amendment.parent, parent != item.parent {
            changes.append(FieldChange(field: "parent", weight: .substantive))
        }
        if let note = amendment.note, note != item.note {
            changes.append(FieldChange(field: "note", weight: .editorial))
        }
        return changes
    }

    /// The changes between two versions of a multilingual text.
    public static func texts(
        _ old: LocalizedText, _ new: LocalizedText, field: String, lexicon: any Lexicon = EmptyLexicon()
    ) -> [FieldChange] {
        var changes: [FieldChange] = []
        if old.authoritative != new.authoritative {
            changes.append(FieldChange(field: "\(field).authoritative", weight: .substantive))
        }
        for language in Language.allCases where old[language] != new[language] {
            let isAuthoritative = language == new.authoritative || language == old.authoritative
            let weight: Weight =
                if !isAuthoritative {
                    .editorial
                } else if let before = old[language], let after = new[language],
                    isWording(before, after, in: language, lexicon: lexicon)
                {
                    .editorial
                } else {
                    .substantive
                }
            changes.append(FieldChange(field: "\(field).\(language.rawValue)", weight: weight))
        }
        return changes
    }

    /// Whether `after` differs from `before` only in formatting or by verifiable typo fixes.
    ///
    /// A fix is verifiable when the word it replaces is not a word of `language` and the word it puts is one
    /// (both as written, so that a proper noun is not taken for a misspelling of its lowercase), the two are
    /// a letter or two apart, neither is a negation or a number, and the new word is not a negated form of a
    /// word ("rregular" to "irregular" flips a meaning). At most two words change, and no word is added or
    /// removed: "regular" → "irregular" is substantive because "regular" is a word.
    public static func isWording(
        _ before: String, _ after: String, in language: Language, lexicon: any Lexicon = EmptyLexicon()
    ) -> Bool {
        // Formatting only: the same words, whatever the spacing, capitals and punctuation.
        if words(before) == words(after) { return true }
        let old = tokens(before)
        let new = tokens(after)
        guard old.count == new.count else { return false }
        var fixes = 0
        for (a, b) in zip(old, new) where a.lowercased != b.lowercased {
            fixes += 1
            guard fixes <= 2, !a.hasDigit, !b.hasDigit, !ProtectedWords.contains(a.lowercased),
                !ProtectedWords.contains(b.lowercased), min(a.scalars.count, b.scalars.count) >= 4,
                distance(a.scalars, b.scalars) <= 2,
                !lexicon.contains(a.written, in: language), lexicon.contains(b.written, in: language),
                !isNegated(b.lowercased, from: a.lowercased, in: language, lexicon: lexicon)
            else { return false }
        }
        return true
    }

    /// Whether `new` is a word with a negating prefix that `old` lacks, the rest being a word itself.
    private static func isNegated(_ new: String, from old: String, in language: Language, lexicon: any Lexicon)
        -> Bool
    {
        ProtectedWords.negatingPrefixes.contains { prefix in
            guard new.hasPrefix(prefix), !old.hasPrefix(prefix) else { return false }
            let rest = String(new.dropFirst(prefix.count))
            return rest.count >= 2 && lexicon.contains(rest, in: language)
        }
    }

    /// A word as a dictionary reads it: as written, and lowercased for comparison.
    struct Token {
        var written: String
        var lowercased: String
        var hasDigit: Bool
        /// The lowercased word's scalars, for the edit distance.
        var scalars: [Unicode.Scalar]

        init(written: String, hasDigit: Bool) {
            self.written = written
            lowercased = written.lowercased()
            self.hasDigit = hasDigit
            scalars = Array(lowercased.unicodeScalars)
        }
    }

    /// The words of `text` as written: split at white space, apostrophes and dashes ("n'est" is "n" and
    /// "est", "extra-regional" is two words), letters and digits only. Only a text whose words changed comes
    /// here, so it is read plainly.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var hasDigit = false
        func end() {
            if !current.isEmpty { tokens.append(Token(written: current, hasDigit: hasDigit)) }
            current = ""
            hasDigit = false
        }
        for scalar in text.unicodeScalars {
            switch ScalarKind(scalar) {
            case .space: end()
            case .letter: current.unicodeScalars.append(scalar)
            case .digit:
                current.unicodeScalars.append(scalar)
                hasDigit = true
            case .other: if wordBreaks.contains(scalar) { end() }
            }
        }
        end()
        return tokens
    }

    /// The apostrophes and dashes `tokens` splits words at, besides white space.
    private static let wordBreaks = Set("'’‘-‐‑–—".unicodeScalars)

    /// What a scalar is to the word splitters. ASCII is told by its value, the rest by its Unicode properties,
    /// which give the same answers for ASCII but cost a table lookup each, and dominated the rules' time when
    /// every character of an amended title asked three of them.
    enum ScalarKind {
        case space, letter, digit, other

        init(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                switch scalar.value {
                case 9...13, 32: self = .space
                case 65...90, 97...122: self = .letter
                case 48...57: self = .digit
                default: self = .other
                }
            } else if scalar.properties.isWhitespace {
                self = .space
            } else if scalar.properties.isAlphabetic {
                self = .letter
            } else if scalar.properties.numericType != nil {
                self = .digit
            } else {
                self = .other
            }
        }
    }

    /// A word as the comparison sees it: lowercased, without the punctuation around it.
    ///
    /// Kept as a string, not an array of scalars: a word of up to 15 bytes then needs no allocation, and the
    /// words of every amended title and text are split on each append and on each replay by `verify`.
    struct Word: Equatable {
        var text = ""
        var hasDigit = false

        var scalars: [Unicode.Scalar] { Array(text.unicodeScalars) }

        /// Scalar by scalar, as the comparison always was (String's own == would equate canonically
        /// equivalent spellings); equal UTF-8 bytes are exactly equal scalars.
        static func == (lhs: Word, rhs: Word) -> Bool {
            guard lhs.hasDigit == rhs.hasDigit, lhs.text.utf8.count == rhs.text.utf8.count else { return false }
            var (left, right) = (lhs.text, rhs.text)
            return left.withUTF8 { left in right.withUTF8 { right in left.elementsEqual(right) } }
        }
    }

    /// The words of `text`, split at white space, lowercased, letters and digits only; words that were only
    /// punctuation are dropped. ASCII is read without Unicode property lookups, which dominate otherwise.
    static func words(_ text: String) -> [Word] {
        if let words = asciiWords(text) { return words }
        var words: [Word] = []
        var current = Word()
        func end() {
            if !current.text.isEmpty { words.append(current) }
            current = Word()
        }
        for scalar in text.unicodeScalars {
            switch ScalarKind(scalar) {
            case .space: end()
            case .letter where scalar.isASCII:
                // A–Z lowercased by its value (a–z keep theirs), with no lookup.
                current.text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
            case .letter:
                current.text.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            case .digit:
                current.text.unicodeScalars.append(scalar)
                current.hasDigit = true
            case .other: break
            }
        }
        end()
        return words
    }

    /// The words of an all-ASCII text, each made from its bytes at once; nil when the text is not all ASCII.
    private static func asciiWords(_ text: String) -> [Word]? {
        var text = text
        return text.withUTF8 { bytes -> [Word]? in
            var words: [Word] = []
            var word: [UInt8] = []
            var hasDigit = false
            func end() {
                if !word.isEmpty { words.append(Word(text: String(decoding: word, as: UTF8.self), hasDigit: hasDigit)) }
                word.removeAll(keepingCapacity: true)
                hasDigit = false
            }
            for byte in bytes {
                switch byte {
                case 9, 10, 11, 12, 13, 32: end()
                case 65...90: word.append(byte + 32)
                case 97...122: word.append(byte)
                case 48...57:
                    word.append(byte)
                    hasDigit = true
                case 128...: return nil
                default: break
                }
            }
            end()
            return words
        }
    }

    /// The Levenshtein distance between two short words.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
