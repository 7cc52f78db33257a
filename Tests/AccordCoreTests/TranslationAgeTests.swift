import AccordCore
import Testing

@Suite("Translation age")
struct TranslationAgeTests {
    @Test("a translation is stale from a later change of its source until it is itself changed")
    func scenario() {
        func item(_ english: String, _ spanish: String?, text: LocalizedText? = nil) -> PlanItem {
            PlanItem(
                number: "HR-1", kind: .area,
                title: LocalizedText(authoritative: .en, es: spanish, en: english, fr: nil),
                text: text, status: .approved)
        }
        var age = TranslationAge()
        age.record(item("Shelters", "Albergues"), at: 3)
        #expect(age.stale.isEmpty)
        age.record(item("Shelters and reception", "Albergues"), at: 7)
        #expect(age.stale == [.es])
        // A change elsewhere in the item leaves the age as it was.
        age.record(item("Shelters and reception", "Albergues"), at: 9)
        #expect(age.stale == [.es])
        age.record(item("Shelters and reception", "Albergues y recepción"), at: 12)
        #expect(age.stale.isEmpty)
        // The text counts too, and a translation that is removed is no longer stale: it is missing.
        age.record(item("Shelters and reception", "Albergues y recepción", text: .en("Old", fr: "Ancien")), at: 14)
        age.record(item("Shelters and reception", "Albergues y recepción", text: .en("New", fr: "Ancien")), at: 15)
        #expect(age.stale == [.fr])
        age.record(item("Shelters and reception", "Albergues y recepción", text: .en("New")), at: 16)
        #expect(age.stale.isEmpty)
    }

    /// Built version by version, the age must be what a reading of the whole history says: for each
    /// language, the position of the last version in which it changed, compared with the source's.
    @Test("taken in version by version, it agrees with reading the whole history at once, over random histories")
    func agreesWithWholeHistory() {
        var random = SplitMix64(seed: 2027)
        let words = ["a", "b", "c"]
        for _ in 0..<500 {
            var versions: [(from: Int64, item: PlanItem)] = []
            var sequence: Int64 = 0
            for _ in 0..<(1 + random.below(8)) {
                sequence += Int64(1 + random.below(5))
                func text() -> LocalizedText {
                    let authoritative = random.pick(Language.allCases)
                    func value(_ language: Language) -> String? {
                        language == authoritative || random.chance(70) ? random.pick(words) : nil
                    }
                    return LocalizedText(authoritative: authoritative, es: value(.es), en: value(.en), fr: value(.fr))
                }
                versions.append(
                    (
                        sequence,
                        PlanItem(
                            number: "HR-1", kind: .area, title: text(), text: random.chance(50) ? text() : nil,
                            status: .approved)
                    ))
            }
            let expected = Self.lagging(versions.map(\.item.title))
                .union(Self.lagging(versions.compactMap(\.item.text)))
            #expect(TranslationAge(versions).stale == expected, "\(versions.map(\.item))")
        }
    }

    /// The reference: the languages of `texts` (one per version) last changed before the authoritative one.
    private static func lagging(_ texts: [LocalizedText]) -> Set<Language> {
        var lastChange: [Language: Int] = [:]
        for (index, text) in texts.enumerated() {
            for language in Language.allCases {
                guard let value = text[language] else { continue }
                if index == 0 || texts[index - 1][language] != value { lastChange[language] = index }
            }
        }
        guard let last = texts.last, let sourceChange = lastChange[last.authoritative] else { return [] }
        return Set(
            lastChange.filter { $0.key != last.authoritative && $0.value < sourceChange && last[$0.key] != nil }.keys)
    }
}
