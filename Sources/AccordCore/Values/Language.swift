/// A language Accord keeps text in, as its BCP 47 tag.
public enum Language: String, Codable, Sendable, CaseIterable, Comparable {
    case es, en, fr

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.position < rhs.position }

    /// The one of `forms` written in this language: the interface's and documents' word tables are kept as
    /// (Spanish, English, French) triples.
    public func pick<Form>(_ forms: (Form, Form, Form)) -> Form {
        switch self {
        case .es: forms.0
        case .en: forms.1
        case .fr: forms.2
        }
    }
}

/// Text kept in several languages, one of which is authoritative.
///
/// The authoritative language matters to the rules: a change to the authoritative text is substantive,
/// a change to a translation is editorial.
public struct LocalizedText: Codable, Sendable, Hashable {
    /// The language whose text is the agreed one.
    public var authoritative: Language
    /// The text in Spanish, English and French, in that order, nil where it does not exist.
    ///
    /// An array read by position rather than a dictionary: every check, copy and encoding of a text reads
    /// its languages, and a dictionary hashes the language on each read and on each write.
    private var texts: [String?]

    /// Makes a text whose authoritative version is in `authoritative`.
    public init(authoritative: Language, _ values: [Language: String]) {
        self.init(authoritative: authoritative, es: values[.es], en: values[.en], fr: values[.fr])
    }

    public init(authoritative: Language, es: String?, en: String?, fr: String?) {
        self.authoritative = authoritative
        texts = [es, en, fr]
    }

    /// English-authoritative text with optional translations, the common case in tests and the demo.
    public static func en(_ english: String, es: String? = nil, fr: String? = nil) -> LocalizedText {
        LocalizedText(authoritative: .en, es: es, en: english, fr: fr)
    }

    /// Spanish-authoritative text with optional translations.
    public static func es(_ spanish: String, en: String? = nil, fr: String? = nil) -> LocalizedText {
        LocalizedText(authoritative: .es, es: spanish, en: en, fr: fr)
    }

    /// The text in each language it exists in.
    public var values: [Language: String] {
        get {
            var values: [Language: String] = [:]
            for language in Language.allCases { values[language] = self[language] }
            return values
        }
        set {
            for language in Language.allCases { self[language] = newValue[language] }
        }
    }

    /// The authoritative text.
    public var original: String { self[authoritative] ?? "" }

    /// The text in `language`, or nil where no translation exists.
    public subscript(language: Language) -> String? {
        get { texts[language.position] }
        set { texts[language.position] = newValue }
    }

    /// The text in `language`, falling back to the authoritative text.
    public func text(in language: Language) -> String { self[language] ?? original }

    private enum CodingKeys: String, CodingKey { case authoritative, es, en, fr }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            authoritative: try container.decode(Language.self, forKey: .authoritative),
            es: try container.decodeIfPresent(String.self, forKey: .es),
            en: try container.decodeIfPresent(String.self, forKey: .en),
            fr: try container.decodeIfPresent(String.self, forKey: .fr))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(authoritative, forKey: .authoritative)
        try container.encodeIfPresent(self[.es], forKey: .es)
        try container.encodeIfPresent(self[.en], forKey: .en)
        try container.encodeIfPresent(self[.fr], forKey: .fr)
    }
}

extension Language {
    /// The language's place in `allCases`, which `LocalizedText` keeps its texts in.
    fileprivate var position: Int {
        switch self {
        case .es: 0
        case .en: 1
        case .fr: 2
        }
    }
}
