import AccordCore
import Foundation

/// The language a document is written in, or two languages side by side ("es,en").
public struct DocumentLanguages: Sendable, Hashable, CustomStringConvertible {
    /// One language, or two in the order their columns appear.
    public let languages: [Language]

    /// One language.
    public init(_ language: Language) { languages = [language] }

    /// Reads "es", "en", "fr" or two of them separated by a comma ("es,en").
    ///
    /// - Throws: `DocumentError.invalid` naming `field` and what was wrong.
    public init(parsing text: String, field: String = "lang") throws(DocumentError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        var languages: [Language] = []
        for part in parts {
            guard let language = Language(rawValue: part) else {
                throw .invalid(field: field, reason: "'\(part)' is not a language Accord keeps (use es, en or fr)")
            }
            guard !languages.contains(language) else {
                throw .invalid(field: field, reason: "'\(part)' is named twice")
            }
            languages.append(language)
        }
        guard (1...2).contains(languages.count) else {
            throw .invalid(field: field, reason: "name one language, or two side by side such as es,en")
        }
        self.languages = languages
    }

    /// The language of the document's own words (headings, labels): the first one named.
    public var primary: Language { languages[0] }

    /// Whether two languages stand side by side.
    public var isSideBySide: Bool { languages.count == 2 }

    public var description: String { languages.map(\.rawValue).joined(separator: ",") }
}
