import AccordCore
import AccordServices
import Foundation
import Hummingbird

/// The Secretariat's accounts and API tokens in the JSON API (issue 19.1): list, create, disable or enable an
/// account; list, issue and revoke its tokens. Every operation goes through `AccountService`, which checks the
/// principal first, so the API, the pages and the command line answer alike; a token shown at its issue is
/// never shown again, and one revoked (or an account disabled) stops authenticating at once.
struct AccountController: Sendable {
    let accounts: AccountService

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("accounts", use: list)
            .post("accounts", use: create)
            .get("accounts/:username", use: show)
            .patch("accounts/:username", use: update)
            .get("accounts/:username/tokens", use: tokens)
            .post("accounts/:username/tokens", use: issue)
            .delete("accounts/:username/tokens/:name", use: revoke)
    }

    /// An account as the API shows it.
    struct AccountEntity: Encodable, Sendable {
        var username: String
        var displayName: String
        var role: String
        var participant: String?
        var language: String
        var active: Bool
        var createdAt: String
        var lastSeenAt: String?

        init(_ account: AccountSummary) {
            username = account.username
            displayName = account.displayName
            role = account.role.rawValue
            participant = account.participant?.rawValue
            language = account.language.rawValue
            active = account.isActive
            createdAt = Timestamp(millisecondsSince1970: account.createdAt).description
            lastSeenAt = account.lastSeenAt.map { Timestamp(millisecondsSince1970: $0).description }
        }
    }

    /// A token as its list shows it: never the token itself.
    struct TokenEntity: Encodable, Sendable {
        var name: String
        var id: String
        var createdAt: String
        var expiresAt: String?
        var feed: Bool
        /// When it last authenticated a request, to the minute; absent when it never has.
        var lastUsedAt: String?

        init(_ token: TokenSummary) {
            name = token.name
            id = token.id
            createdAt = Timestamp(millisecondsSince1970: token.createdAt).description
            expiresAt = token.expiresAt.map { Timestamp(millisecondsSince1970: $0).description }
            feed = token.isFeedToken
            lastUsedAt = token.lastUsedAt.map { Timestamp(millisecondsSince1970: $0).description }
        }
    }

    /// A token just issued: the only time the token is shown.
    struct IssuedToken: Encodable, Sendable {
        var username: String
        var token: String
        var details: TokenEntity
    }

    /// `POST /accounts`: a new account.
    struct CreateBody: Decodable, Sendable {
        var username: String
        var displayName: String?
        var role: String
        var participant: String?
        var language: String?
        var password: String
    }

    /// `PATCH /accounts/USERNAME`: what changes; a field left out stays as it is.
    struct UpdateBody: Decodable, Sendable {
        var active: Bool?

        private enum CodingKeys: String, CodingKey { case active }

        /// Reads `active` when it is there; a null is refused (400) rather than read as "left out".
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            active = container.contains(.active) ? try container.decode(Bool.self, forKey: .active) : nil
        }
    }

    /// `POST /accounts/USERNAME/tokens`: the token's name and lifetime in days (90 when left out).
    struct TokenBody: Decodable, Sendable {
        var name: String
        var days: Int?
    }

    @Sendable func list(_ request: Request, context: AccordContext) async throws -> JSONResponse<[AccountEntity]> {
        _ = try request.query(as: NoQuery.self)
        return JSONResponse(try await accounts.accountList(as: context.principal).map(AccountEntity.init))
    }

    @Sendable func create(_ request: Request, context: AccordContext) async throws -> JSONResponse<AccountEntity> {
        try accounts.requireAdministrator(context.principal, "create accounts")
        let body = try await request.decodeJSON(as: CreateBody.self, context: context)
        let account = try await accounts.createAccount(
            NewAccount(
                username: body.username, displayName: body.displayName ?? "", role: body.role,
                participant: body.participant, language: body.language ?? "en", password: body.password),
            as: context.principal)
        return JSONResponse(AccountEntity(account), status: .created)
    }

    @Sendable func show(_ request: Request, context: AccordContext) async throws -> JSONResponse<AccountEntity> {
        let username = try Self.username(context)
        return JSONResponse(AccountEntity(try await accounts.accountSummary(named: username, as: context.principal)))
    }

    @Sendable func update(_ request: Request, context: AccordContext) async throws -> JSONResponse<AccountEntity> {
        try accounts.requireAdministrator(context.principal, "disable or enable accounts")
        let username = try Self.username(context)
        let body = try await request.decodeJSON(as: UpdateBody.self, context: context)
        guard let active = body.active else {
            return JSONResponse(
                AccountEntity(try await accounts.accountSummary(named: username, as: context.principal)))
        }
        return JSONResponse(
            AccountEntity(try await accounts.setActive(active, username: username, as: context.principal)))
    }

    @Sendable func tokens(_ request: Request, context: AccordContext) async throws -> JSONResponse<[TokenEntity]> {
        let username = try Self.username(context)
        return JSONResponse(try await accounts.tokens(of: username, as: context.principal).map(TokenEntity.init))
    }

    @Sendable func issue(_ request: Request, context: AccordContext) async throws -> JSONResponse<IssuedToken> {
        try accounts.requireAdministrator(context.principal, "issue API tokens")
        let username = try Self.username(context)
        let body = try await request.decodeJSON(as: TokenBody.self, context: context)
        let issued = try await accounts.issueToken(
            for: username, name: body.name, days: body.days, as: context.principal)
        return JSONResponse(
            IssuedToken(username: username, token: issued.token, details: TokenEntity(issued.summary)),
            status: .created)
    }

    @Sendable func revoke(_ request: Request, context: AccordContext) async throws -> Response {
        try accounts.requireAdministrator(context.principal, "revoke API tokens")
        let username = try Self.username(context)
        let name = try context.parameters.require("name")
        guard Self.isTokenName(name) else {
            throw Problem.badParameter("name", "a token's name is 1–64 letters, digits, dots, dashes or underscores")
        }
        let bearer = request.headers[.authorization].flatMap {
            $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil
        }
        try await accounts.revokeToken(named: name, of: username, as: context.principal, presenting: bearer)
        return Response(status: .noContent)
    }

    /// The username the path names, as it is stored: 3–64 small letters, digits, dots, dashes or underscores.
    ///
    /// - Throws: a 400 problem naming `username` for anything else.
    static func username(_ context: AccordContext) throws -> String {
        let username = try context.parameters.require("username")
        guard (3...64).contains(username.count), AccountService.isName(username), username == username.lowercased()
        else {
            throw Problem.badParameter(
                "username",
                "a username is 3–64 small letters, digits, dots, dashes or underscores, starting with a letter or digit"
            )
        }
        return username
    }

    static func isTokenName(_ name: String) -> Bool { (1...64).contains(name.count) && AccountService.isName(name) }
}
