import AccordCore
import AccordDocuments
import AccordServices

/// Who is looking at a page, in which language: what the page shows and links to depends on nothing else.
struct Viewer: Sendable {
    var language: Language
    var principal: Principal?
    /// The page's path without its language prefix, with its query: the language switch links to it.
    var path: String

    var policy: Policy { Policy(principal: principal) }

    /// An interface string in the viewer's language.
    func t(_ key: UIText) -> String { key(language) }

    /// A link to `path` (which starts with "/") in the viewer's language.
    func link(_ path: String, _ query: [(String, String)] = []) -> Link {
        Link(Self.path(path, in: language), query: query)
    }

    /// `path` (which starts with "/", and may have a query) in `language`, canonical: the dashboard, "/", is
    /// "/en", since a trailing slash is redirected (`CanonicalPathResponder`).
    static func path(_ path: String, in language: Language) -> String {
        path == "/" || path.hasPrefix("/?")
            ? "/\(language.rawValue)\(path.dropFirst())" : "/\(language.rawValue)\(path)"
    }

    /// The text of `value` in the viewer's language, or its authoritative original when there is no translation.
    func words(_ value: LocalizedText?) -> String {
        guard let value else { return "" }
        return value[language] ?? value.original
    }

    /// What the viewer typed into a form, as a text in their language: the authoritative one, since no other
    /// exists yet.
    func typed(_ text: String) -> LocalizedText { LocalizedText(authoritative: language, [language: text]) }

    /// Writes `value` in the viewer's language, with a visible mark when the translation is missing (the
    /// original is shown, in its language) or older than its source.
    func write(_ value: LocalizedText?, stale: Bool = false, into html: inout HTML) {
        guard let value else { return }
        if let translated = value[language], !translated.isEmpty {
            html.text(translated)
            if stale && language != value.authoritative {
                html.element("span", [("class", "mark stale"), ("title", t(.translationStale))], text: " ⟳")
            }
        } else {
            html.element("span", [("lang", value.authoritative.rawValue)], text: value.original)
            html.element(
                "span", [("class", "mark missing")],
                text: " [\(t(.translationMissing)) \(value.authoritative.rawValue)]")
        }
    }

    /// A participant's name in the viewer's language, or its code.
    func name(_ id: ParticipantID, in state: ProcessState) -> String {
        state.participants[id].map { words($0.name) } ?? id.rawValue
    }

    func status(_ status: Status) -> String { Words.status(status, language) }

    /// The leads of an item, by name.
    func leads(_ leads: [Lead], in state: ProcessState) -> String {
        leads.map { lead in
            switch lead {
            case .participant(let id): name(id, in: state)
            default: lead.description
            }
        }.joined(separator: ", ")
    }
}
