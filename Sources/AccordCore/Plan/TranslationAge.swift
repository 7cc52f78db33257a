/// Which translations of an item are older than their source: the authoritative text changed in a later
/// version than the translation last did.
///
/// Built version by version, oldest first, so that it can be brought forward with the versions written
/// since, instead of reading an item's whole history again.
public struct TranslationAge: Sendable, Equatable {
    private var title = TextAge()
    private var text = TextAge()

    public init() {}

    /// The age after every version of `versions`, oldest first.
    public init(_ versions: [(from: Int64, item: PlanItem)]) {
        for version in versions { record(version.item, at: version.from) }
    }

    /// Takes in the item's version valid from ledger position `sequence`, newer than every one before.
    public mutating func record(_ item: PlanItem, at sequence: Int64) {
        title.record(item.title, at: sequence)
        // Versions without a text leave the text's age as it was: a text that comes back is compared with the
        // last one there was.
        if let itemText = item.text { text.record(itemText, at: sequence) }
    }

    /// The languages whose title or text translation lags behind the authoritative one.
    public var stale: Set<Language> { title.lagging.union(text.lagging) }
}

/// When each language of one multilingual text last changed.
private struct TextAge: Sendable, Equatable {
    /// The text of the newest version taken in.
    var last: LocalizedText?
    /// The ledger position at which each language last changed, in the order of `Language.allCases`.
    var changed: [Int64?] = [nil, nil, nil]

    mutating func record(_ text: LocalizedText, at sequence: Int64) {
        for (index, language) in Language.allCases.enumerated() {
            guard let value = text[language] else { continue }
            if last == nil || last?[language] != value { changed[index] = sequence }
        }
        last = text
    }

    /// The translations present now whose last change came before the authoritative text's.
    var lagging: Set<Language> {
        guard let last, let source = Language.allCases.firstIndex(of: last.authoritative),
            let sourceChange = changed[source]
        else { return [] }
        var lagging: Set<Language> = []
        for (index, language) in Language.allCases.enumerated() where index != source && last[language] != nil {
            if let change = changed[index], change < sourceChange { lagging.insert(language) }
        }
        return lagging
    }
}
