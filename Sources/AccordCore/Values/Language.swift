/// A language Accord keeps text in, as its BCP 47 tag.
public enum Language: String, Codable, Sendable, CaseIterable, Comparable {
    case es, en, fr

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

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
    /// The text in each language it exists in.
    public var values: [Language: String]

    /// Makes a text whose authoritative version is in `authoritative`.
    public init(authoritative: Language, _ values: [Language: String]) {
        self.authoritative = authoritative
        self.values = values
    }

    /// English-authoritative text with optional translations, the common case in tests and the demo.
    public static func en(_ english: String, es: String? = nil, fr: String? = nil) -> LocalizedText {
        LocalizedText(authoritative: .en, ["en": english, "es": es, "fr": fr].compactValues())
    }

    /// Spanish-authoritative text with optional translations.
    public static func es(_ spanish: String, en: String? = nil, fr: String? = nil) -> LocalizedText {
        LocalizedText(authoritative: .es, ["es": spanish, "en": en, "fr": fr].compactValues())
    }

    /// The authoritative text.
    public var original: String { values[authoritative] ?? "" }

    /// The text in `language`, or nil where no translation exists.
    public subscript(language: Language) -> String? { values[language] }

    /// The text in `language`, falling back to the authoritative text.
    public func text(in language: Language) -> String { values[language] ?? original }

    private enum CodingKeys: String, CodingKey { case authoritative, es, en, fr }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        authoritative = try container.decode(Language.self, forKey: .authoritative)
        var values: [Language: String] = [:]
        values[.es] = try container.decodeIfPresent(String.self, forKey: .es)
        values[.en] = try container.decodeIfPresent(String.self, forKey: .en)
        values[.fr] = try container.decodeIfPresent(String.self, forKey: .fr)
        self.values = values
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(authoritative, forKey: .authoritative)
        try container.encodeIfPresent(values[.es], forKey: .es)
        try container.encodeIfPresent(values[.en], forKey: .en)
        try container.encodeIfPresent(values[.fr], forKey: .fr)
    }
}

extension Dictionary where Key == String, Value == String? {
    fileprivate func compactValues() -> [Language: String] {
        var result: [Language: String] = [:]
        for (key, value) in self {
            if let value, let language = Language(rawValue: key) { result[language] = value }
        }
        return result
    }
}
