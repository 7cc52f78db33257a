import AccordCore
import AccordServices

/// The Secretariat's accounts and API tokens, from pages (issue 19.1): the list of accounts with when each was
/// last seen, a form to create one, a button to disable or enable each; an account's page with its tokens, a
/// form to issue one (shown once, on the page that answers the form) and a button to revoke each. Everything
/// goes through `AccountService`, which refuses anyone but the Secretariat, as the API does. The pages are
/// never cached: accounts live outside the ledger, whose position keys the page cache.
enum AccountPages {
    struct AccountFields: Decodable, Sendable {
        var username: String?
        var displayName: String?
        var role: String?
        var participant: String?
        var language: String?
        var password: String?
    }

    struct StateFields: Decodable, Sendable {
        /// "yes" to enable, "no" to disable.
        var active: String?
    }

    struct TokenFields: Decodable, Sendable {
        var name: String?
        var days: String?
    }

    static func add(to pages: PageRoutes, accounts: AccountService) {
        let record = pages.record
        pages.page("accounts", cached: false) { viewer, _, _ in
            let list = try await accounts.accountList(as: viewer.principal)
            let state = try await record.state(for: viewer.principal)
            return render(list, state: state, viewer: viewer)
        }
        pages.page("accounts/{username}", cached: false) { viewer, _, context in
            let username = context.parameters.get("username") ?? ""
            let account = try await accounts.accountSummary(named: username, as: viewer.principal)
            let tokens = try await accounts.tokens(of: username, as: viewer.principal)
            return render(account, tokens: tokens, issued: nil, viewer: viewer)
        }
        pages.form("accounts", AccountFields.self) { viewer, fields, _ in
            let account = try await accounts.createAccount(
                NewAccount(
                    username: try FormBody.required(fields.username, "username", "give the account a username"),
                    displayName: FormBody.trimmed(fields.displayName),
                    role: try FormBody.required(fields.role, "role", "choose the account's role"),
                    participant: FormBody.trimmed(fields.participant), language: fields.language ?? "en",
                    password: fields.password ?? ""),
                as: viewer.principal)
            return viewer.link("/accounts/\(account.username)")
        }
        pages.form("accounts/{username}/state", StateFields.self) { viewer, fields, context in
            let username = context.parameters.get("username") ?? ""
            guard let active = ["yes": true, "no": false][fields.active ?? ""] else {
                throw AuthError.invalid(field: "active", reason: "say yes to enable the account or no to disable it")
            }
            _ = try await accounts.setActive(active, username: username, as: viewer.principal)
            return viewer.link("/accounts")
        }
        pages.formPage("accounts/{username}/tokens", TokenFields.self) { viewer, fields, context in
            let username = context.parameters.get("username") ?? ""
            let daysText = FormBody.trimmed(fields.days)
            var days: Int?
            if !daysText.isEmpty {
                guard let number = Int(daysText) else {
                    throw AuthError.invalid(field: "days", reason: "'\(daysText)' is not a number of days")
                }
                days = number
            }
            let issued = try await accounts.issueToken(
                for: username, name: FormBody.trimmed(fields.name), days: days, as: viewer.principal)
            let account = try await accounts.accountSummary(named: username, as: viewer.principal)
            let tokens = try await accounts.tokens(of: username, as: viewer.principal)
            return render(account, tokens: tokens, issued: issued.token, viewer: viewer)
        }
        pages.form("accounts/{username}/tokens/revoke", TokenFields.self) { viewer, fields, context in
            let username = context.parameters.get("username") ?? ""
            let name = try FormBody.required(fields.name, "name", "name the token to revoke")
            try await accounts.revokeToken(named: name, of: username, as: viewer.principal)
            return viewer.link("/accounts/\(username.lowercased())")
        }
    }

    // MARK: The list

    static func render(_ list: [AccountSummary], state: ProcessState, viewer: Viewer) -> PageContent {
        let language = viewer.language
        var main = HTML()
        main.element("h1", text: AccountText.accounts(language))
        main.element("table") { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    for heading in [
                        AccountText.username(language), MeetingFormText.name(language), AccountText.role(language),
                        AccountText.participant(language), AccountText.created(language),
                        AccountText.lastSeen(language), AccountText.state(language), "",
                    ] {
                        html.element("th", [("scope", "col")], text: heading)
                    }
                }
            }
            html.element("tbody") { html in
                for account in list {
                    html.element("tr") { html in
                        html.element("td") {
                            $0.link(viewer.link("/accounts/\(account.username)"), account.username)
                        }
                        html.element("td", text: account.displayName)
                        html.element("td", text: UIText.roleName(account.role, language))
                        html.element("td", text: account.participant?.rawValue ?? "")
                        html.element("td", text: moment(account.createdAt))
                        html.element("td", text: account.lastSeenAt.map(moment) ?? "—")
                        html.element(
                            "td",
                            text: account.isActive ? AccountText.active(language) : AccountText.disabled(language))
                        html.element("td") { html in
                            stateButton(account, viewer: viewer, &html)
                        }
                    }
                }
            }
        }
        newAccountForm(state: state, viewer: viewer, &main)
        return PageContent(title: AccountText.accounts(language), main: main, section: .accounts)
    }

    /// Disable an active account, or enable a disabled one.
    private static func stateButton(_ account: AccountSummary, viewer: Viewer, _ html: inout HTML) {
        let action = viewer.link("/accounts/\(account.username)/state").path
        html.element("form", [("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            html.open("input", [("type", "hidden"), ("name", "active"), ("value", account.isActive ? "no" : "yes")])
            html.element(
                "button", [("type", "submit")],
                text: account.isActive ? AccountText.disable(viewer.language) : AccountText.enable(viewer.language))
        }
    }

    private static func newAccountForm(state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("h2", text: AccountText.newAccount(language))
        html.element("p", [("class", "muted")], text: AccountText.newAccountHint(language))
        html.element("form", [("class", "stack"), ("method", "post"), ("action", viewer.link("/accounts").path)]) {
            html in
            Forms.token(viewer, &html)
            Forms.field("username", AccountText.username(language), required: true, &html)
            Forms.field("displayName", MeetingFormText.name(language), &html)
            Forms.select(
                "role", AccountText.role(language),
                AccountRole.allCases.map { ($0.rawValue, UIText.roleName($0, language)) }, selected: "delegate", &html)
            Forms.select(
                "participant", AccountText.participant(language),
                [("", viewer.t(.none))]
                    + state.participants.values.sorted { $0.id < $1.id }.map {
                        ($0.id.rawValue, "\(viewer.words($0.name)) (\($0.id.rawValue))")
                    }, &html)
            Forms.select(
                "language", viewer.t(.language),
                Language.allCases.map { ($0.rawValue, UIText.languageName($0)) }, selected: language.rawValue, &html)
            Forms.field("password", AccountText.password(language), required: true, type: "password", &html)
            html.element("button", [("type", "submit")], text: AccountText.create(language))
        }
    }

    // MARK: One account

    static func render(_ account: AccountSummary, tokens: [TokenSummary], issued: String?, viewer: Viewer)
        -> PageContent
    {
        let language = viewer.language
        var main = HTML()
        main.element("p") { $0.link(viewer.link("/accounts"), AccountText.accounts(language)) }
        main.element("h1", text: "\(account.displayName) (\(account.username))")
        main.element("p") { html in
            html.text(UIText.roleName(account.role, language))
            if let participant = account.participant { html.text(" (\(participant.rawValue))") }
            html.text(" · ")
            html.text(account.isActive ? AccountText.active(language) : AccountText.disabled(language))
        }
        stateButton(account, viewer: viewer, &main)
        if let issued {
            main.element("div", [("class", "notice"), ("role", "status")]) { html in
                html.element("p", text: AccountText.shownOnce(language))
                html.element("p") { $0.element("code", [("id", "issued-token")], text: issued) }
            }
        }
        main.element("h2", text: AccountText.tokens(language))
        main.element("table") { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    for heading in [
                        MeetingFormText.name(language), "ID", AccountText.created(language),
                        AccountText.expires(language), AccountText.lastUsed(language), "",
                    ] {
                        html.element("th", [("scope", "col")], text: heading)
                    }
                }
            }
            html.element("tbody") { html in
                for token in tokens {
                    html.element("tr") { html in
                        html.element("td", text: token.name)
                        html.element("td") { $0.element("code", text: token.id) }
                        html.element("td", text: moment(token.createdAt))
                        html.element("td", text: token.expiresAt.map(moment) ?? "—")
                        html.element("td", text: token.lastUsedAt.map(moment) ?? AccountText.neverUsed(language))
                        html.element("td") { html in
                            let action = viewer.link("/accounts/\(account.username)/tokens/revoke").path
                            html.element("form", [("method", "post"), ("action", action)]) { html in
                                Forms.token(viewer, &html)
                                html.open("input", [("type", "hidden"), ("name", "name"), ("value", token.name)])
                                html.element("button", [("type", "submit")], text: AccountText.revoke(language))
                            }
                        }
                    }
                }
            }
        }
        if account.isActive {
            main.element("h2", text: AccountText.issueToken(language))
            let action = viewer.link("/accounts/\(account.username)/tokens").path
            main.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
                Forms.token(viewer, &html)
                Forms.field("name", MeetingFormText.name(language), required: true, &html)
                Forms.field("days", AccountText.days(language), value: "90", type: "number", &html)
                html.element("button", [("type", "submit")], text: AccountText.issueToken(language))
            }
        }
        return PageContent(title: account.username, main: main, section: .accounts)
    }

    /// A moment as a person reads it, in UTC to the minute: "2026-12-06 15:51 UTC".
    static func moment(_ milliseconds: Int64) -> String {
        let text = Timestamp(millisecondsSince1970: milliseconds).description
        return text.prefix(10) + " " + text.dropFirst(11).prefix(5) + " UTC"
    }
}

/// The account pages' words, in Spanish, English and French.
enum AccountText {
    static func accounts(_ language: Language) -> String {
        language.pick(("Cuentas y tokens de API", "Accounts and API tokens", "Comptes et jetons d'API"))
    }
    static func username(_ language: Language) -> String {
        language.pick(("Usuario", "Username", "Identifiant"))
    }
    static func role(_ language: Language) -> String { language.pick(("Función", "Role", "Rôle")) }
    static func participant(_ language: Language) -> String {
        language.pick(("Participante", "Participant", "Participant"))
    }
    static func created(_ language: Language) -> String { language.pick(("Creada", "Created", "Créé")) }
    static func lastSeen(_ language: Language) -> String {
        language.pick(("Último uso", "Last seen", "Dernière utilisation"))
    }
    static func state(_ language: Language) -> String { language.pick(("Estado", "State", "État")) }
    static func active(_ language: Language) -> String { language.pick(("activa", "active", "actif")) }
    static func disabled(_ language: Language) -> String {
        language.pick(("desactivada", "disabled", "désactivé"))
    }
    static func disable(_ language: Language) -> String { language.pick(("Desactivar", "Disable", "Désactiver")) }
    static func enable(_ language: Language) -> String { language.pick(("Activar", "Enable", "Activer")) }
    static func newAccount(_ language: Language) -> String {
        language.pick(("Crear una cuenta", "Create an account", "Créer un compte"))
    }
    static func newAccountHint(_ language: Language) -> String {
        language.pick(
            (
                "Una delegación actúa por un Estado miembro y un observador por su país u organismo: elija su "
                    + "participante. La Secretaría, la Presidencia y los lectores no tienen ninguno. La contraseña "
                    + "tiene de 12 a 72 caracteres.",
                "A delegate acts for a member state and an observer for its country or organization: choose its "
                    + "participant. The Secretariat, the Presidency and readers have none. The password has 12 to "
                    + "72 characters.",
                "Une délégation agit pour un État membre et un observateur pour son pays ou son organisation : "
                    + "choisissez son participant. Le Secrétariat, la Présidence et les lecteurs n'en ont aucun. Le "
                    + "mot de passe compte de 12 à 72 caractères."
            ))
    }
    static func password(_ language: Language) -> String {
        language.pick(("Contraseña", "Password", "Mot de passe"))
    }
    static func create(_ language: Language) -> String { language.pick(("Crear", "Create", "Créer")) }
    static func tokens(_ language: Language) -> String {
        language.pick(("Tokens de API", "API tokens", "Jetons d'API"))
    }
    static func expires(_ language: Language) -> String { language.pick(("Vence", "Expires", "Expire")) }
    static func lastUsed(_ language: Language) -> String {
        language.pick(("Último uso", "Last used", "Dernière utilisation"))
    }
    static func neverUsed(_ language: Language) -> String {
        language.pick(("nunca", "never", "jamais"))
    }
    static func revoke(_ language: Language) -> String { language.pick(("Revocar", "Revoke", "Révoquer")) }
    static func issueToken(_ language: Language) -> String {
        language.pick(("Emitir un token de API", "Issue an API token", "Émettre un jeton d'API"))
    }
    static func days(_ language: Language) -> String {
        language.pick(("Días de validez (1–365)", "Days it lasts (1–365)", "Jours de validité (1–365)"))
    }
    static func shownOnce(_ language: Language) -> String {
        language.pick(
            (
                "El token, que no se volverá a mostrar: cópielo ahora. Se envía como «Authorization: Bearer …».",
                "The token, which will not be shown again: copy it now. Send it as “Authorization: Bearer …”.",
                "Le jeton, qui ne sera plus affiché : copiez-le maintenant. Envoyez-le comme « Authorization: "
                    + "Bearer … »."
            ))
    }
    static func delegates(_ language: Language) -> String {
        language.pick(("Sus delegados", "Its delegates", "Ses délégués"))
    }
    static func noDelegates(_ language: Language) -> String {
        language.pick(
            ("Ninguna cuenta actúa por él.", "No account acts for it.", "Aucun compte n'agit pour lui."))
    }
}
