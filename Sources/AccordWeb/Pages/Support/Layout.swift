import AccordCore
import AccordServices

/// What a page handler produces: its title and the contents of `<main>`.
struct PageContent {
    var title: String
    var main: HTML
    /// The navigation entry to mark as current.
    var section: Section? = nil

    enum Section: CaseIterable {
        case dashboard, plan, meetings, decisions, proposals, editions, ledger, search, translations, statistics
        case accounts
    }
}

/// The frame around every page: the skip link, the header with the navigation, the language switch and
/// the account, and the footer. The same for every page, so a page only writes its own contents.
enum Layout {
    /// The whole page as UTF-8 bytes, as it is sent and cached.
    static func render(_ content: PageContent, for viewer: Viewer) -> [UInt8] {
        var html = HTML(capacity: content.main.bytes.count + 4_096)
        html.raw("<!DOCTYPE html>")
        html.element("html", [("lang", viewer.language.rawValue)]) { html in
            html.element("head") { html in
                html.open("meta", [("charset", "utf-8")])
                html.open("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                html.element("title", text: "\(content.title) · Accord")
                html.open("link", [("rel", "stylesheet"), ("href", Assets.stylesheet.path)])
                html.element("script", [("src", Assets.script.path), ("defer", "")])
            }
            html.element("body") { html in
                html.element("a", [("class", "skip"), ("href", "#main")], text: viewer.t(.skipToContent))
                header(content, viewer, &html)
                html.element("main", [("id", "main")]) { $0.append(content.main) }
                html.element("footer") { html in
                    html.text(viewer.t(.footer))
                    html.raw(" · ")
                    html.element("a", [("href", "/openapi.json")], text: "API")
                }
            }
        }
        return html.bytes
    }

    private static func header(_ content: PageContent, _ viewer: Viewer, _ html: inout HTML) {
        html.element("header") { html in
            html.element("div", [("class", "bar")]) { html in
                html.link(viewer.link("/"), "Accord", [("class", "brand")])
                html.element("nav", [("class", "languages"), ("aria-label", viewer.t(.language))]) { html in
                    for language in Language.allCases {
                        var attributes: [(StaticString, String)] = [("lang", language.rawValue)]
                        if language == viewer.language { attributes.append(("aria-current", "true")) }
                        html.link(
                            Link(Viewer.path(viewer.path, in: language)), UIText.languageName(language), attributes)
                    }
                }
                account(viewer, &html)
            }
            html.element("nav", [("class", "sections"), ("aria-label", viewer.t(.sections))]) { html in
                html.element("ul") { html in
                    for (section, path, label) in sections(viewer) {
                        html.element("li") { html in
                            var attributes: [(StaticString, String)] = []
                            if section == content.section { attributes.append(("aria-current", "page")) }
                            html.link(viewer.link(path), label, attributes)
                        }
                    }
                }
            }
        }
    }

    private static func sections(_ viewer: Viewer) -> [(PageContent.Section, String, String)] {
        var all: [(PageContent.Section, String, String)] = [
            (.dashboard, "/", viewer.t(.dashboard)), (.plan, "/plan", viewer.t(.planOfAction)),
            (.meetings, "/meetings", viewer.t(.meetings)), (.decisions, "/decisions", viewer.t(.decisions)),
        ]
        let policy = viewer.policy
        if policy.seesWorkingState || policy.role == .observer {
            all.append((.proposals, "/proposals", viewer.t(.proposals)))
        }
        all.append((.editions, "/editions", viewer.t(.editions)))
        all.append((.statistics, "/statistics", StatisticsText.statistics(viewer.language)))
        if policy.seesWorkingState { all.append((.ledger, "/ledger", viewer.t(.ledger))) }
        all.append((.search, "/search", viewer.t(.search)))
        if policy.seesTranslationWork { all.append((.translations, "/translations", viewer.t(.translations))) }
        if policy.managesAccounts { all.append((.accounts, "/accounts", AccountText.accounts(viewer.language))) }
        return all
    }

    private static func account(_ viewer: Viewer, _ html: inout HTML) {
        html.element("div", [("class", "account")]) { html in
            guard let principal = viewer.principal, !principal.isTrial else {
                // In the trial mode nobody signs in: there is no account yet, and everyone reads everything.
                if viewer.principal == nil { html.link(viewer.link("/sign-in"), viewer.t(.signIn)) }
                return
            }
            html.element("span", [("class", "who")]) { html in
                html.text(principal.displayName)
                html.raw(" · ")
                html.text(UIText.roleName(principal.role, viewer.language))
                if let participant = principal.participant { html.text(" (\(participant.rawValue))") }
            }
            html.element("form", [("method", "post"), ("action", viewer.link("/sign-out").path)]) { html in
                Forms.token(viewer, &html)
                html.element("button", [("type", "submit")], text: viewer.t(.signOut))
            }
        }
    }
}

/// Pieces every form needs.
enum Forms {
    /// The anti-forgery token, checked by `PageFormGuard` before any handler runs.
    static func token(_ viewer: Viewer, _ html: inout HTML) {
        html.open("input", [("type", "hidden"), ("name", "csrf"), ("value", viewer.principal?.csrfToken ?? "")])
    }

    /// A labelled text input.
    static func field(
        _ name: String, _ label: String, value: String = "", required: Bool = false, type: String = "text",
        _ html: inout HTML
    ) {
        html.element("label") { html in
            html.element("span", text: label)
            var attributes: [(StaticString, String)] = [("type", type), ("name", name), ("value", value)]
            if required { attributes.append(("required", "")) }
            html.open("input", attributes)
        }
    }

    /// A labelled multi-line text.
    static func textarea(_ name: String, _ label: String, required: Bool = false, _ html: inout HTML) {
        html.element("label") { html in
            html.element("span", text: label)
            var attributes: [(StaticString, String)] = [("name", name), ("rows", "4")]
            if required { attributes.append(("required", "")) }
            html.element("textarea", attributes)
        }
    }

    static func option(_ value: String, _ label: String, isSelected: Bool, _ html: inout HTML) {
        var attributes: [(StaticString, String)] = [("value", value)]
        if isSelected { attributes.append(("selected", "")) }
        html.element("option", attributes, text: label)
    }

    /// A labelled choice among `options` (value, label).
    static func select(
        _ name: String, _ label: String, _ options: [(String, String)], selected: String = "", _ html: inout HTML
    ) {
        html.element("label") { html in
            html.element("span", text: label)
            html.element("select", [("name", name)]) { html in
                for (value, text) in options {
                    Forms.option(value, text, isSelected: value == selected, &html)
                }
            }
        }
    }
}
