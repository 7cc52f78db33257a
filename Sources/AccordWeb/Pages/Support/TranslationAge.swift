import AccordCore

/// Which translations of an item are older than their source: the authoritative text changed in a later
/// version than the translation last did. Read from the item's stored versions.
enum TranslationAge {
    /// The languages whose title or text translation lags behind the authoritative one.
    static func stale(_ versions: [(from: Int64, item: PlanItem)]) -> Set<Language> {
        lagging(versions.map(\.item.title)).union(lagging(versions.compactMap(\.item.text)))
    }

    /// The languages of `texts` (one per version) last changed before the authoritative language was.
    static func lagging(_ texts: [LocalizedText]) -> Set<Language> {
        var lastChange: [Language: Int] = [:]
        for (index, text) in texts.enumerated() {
            for (language, value) in text.values where index == 0 || texts[index - 1][language] != value {
                lastChange[language] = index
            }
        }
        guard let source = texts.last?.authoritative, let sourceChange = lastChange[source] else { return [] }
        return Set(
            lastChange.filter { $0.key != source && $0.value < sourceChange && texts.last?[$0.key] != nil }.keys)
    }
}
