import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import HTTPTypes
import Testing

@testable import AccordServices
@testable import AccordWeb

/// Every route × every role, on SQLite and on PostgreSQL. Each route of the router must have a rule here; a new
/// route without one fails the suite, so nobody adds a page or an API operation without deciding who may use it.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    enum Rule {
        case everyone
        /// Read by everyone, each reading what the read policy leaves them: the working side gets it (2xx); the
        /// public and observers get it or a 404, and never a working document (the bodies are checked).
        case published
        /// The Secretariat, the Presidency and delegations: the working documents.
        case workingSide
        /// The working side, and observers (who see what they are invited to comment on).
        case workingSideOrObserver
        /// The working side, and an observer invited to comment on the sample proposal.
        case invitedObserver
        case secretariat
        case presidency
        /// A delegation for its own country, or the Secretariat on a delegation's behalf.
        case delegationOrSecretariat
        /// Whoever speaks for a participant: delegations, observers, the Secretariat on their behalf.
        case speaker
        /// A member state's delegate: a witness of the ledger.
        case delegate
        /// Any account, readers included.
        case signedIn
        /// Any account that acts in the process (not a reader, not anonymous); the rules decide the rest.
        case actor
        /// The delegation of this member state, or the Secretariat: that state's statistics.
        case delegationOf(String)
        /// Tested on its own, because calling it changes the session the matrix runs with.
        case exempt(String)

        func allows(_ role: Role, invited: Bool) -> Bool {
            let working: Set<Role> = [.delegateMEX, .delegateCAN, .secretariat, .presidency]
            return switch self {
            case .everyone, .published: true
            case .workingSide: working.contains(role)
            case .workingSideOrObserver: working.contains(role) || role == .observer
            case .invitedObserver: working.contains(role) || (role == .observer && invited)
            case .secretariat: role == .secretariat
            case .presidency: role == .presidency
            case .delegationOrSecretariat: [.delegateMEX, .delegateCAN, .secretariat].contains(role)
            case .speaker: [.delegateMEX, .delegateCAN, .secretariat, .observer].contains(role)
            case .delegate: role == .delegateMEX || role == .delegateCAN
            case .signedIn: role != .anonymous
            case .actor: role != .reader && role != .anonymous
            case .delegationOf(let participant): role == .secretariat || role.account?.participant == participant
            case .exempt: true
            }
        }
    }

    static let matrix: [String: Rule] = {
        var matrix: [String: Rule] = [:]
        let everyone = [
            "GET /", "GET /openapi.json", "GET /api/v1/process", "GET /api/v1/health", "GET /api/v1/participants",
            "GET /api/v1/participants/{code}", "GET /api/v1/bodies", "GET /api/v1/bodies/{code}",
            "GET /api/v1/meetings",
            "GET /api/v1/meetings/{code}", "GET /api/v1/decisions", "GET /api/v1/decisions/{meeting}/{paragraph}",
            "GET /api/v1/workplans", "GET /api/v1/workplans/{code}", "GET /api/v1/items", "GET /api/v1/items/{code}",
            "GET /api/v1/items/{code}/history", "GET /api/v1/plan", "GET /api/v1/plan/archive",
            "GET /api/v1/plan/annexes",
            "GET /api/v1/editions", "GET /api/v1/editions/{code}", "GET /api/v1/compare", "GET /api/v1/exports/plan",
            "GET /api/v1/exports/conclusions/{code}",
            "GET /api/v1/exports/statement/{code}", "GET /api/v1/exports/popolo", "GET /api/v1/exports/calendar",
            "GET /assets/accord.css", "GET /assets/accord.js", "GET /{lang}", "GET /{lang}/sign-in",
            "GET /{lang}/plan", "GET /{lang}/items/{number}", "GET /{lang}/meetings", "GET /{lang}/meetings/{code}",
            "GET /{lang}/decisions", "GET /{lang}/editions", "GET /{lang}/compare", "GET /{lang}/search",
            "GET /api/v1/ledger/checkpoint", "GET /api/v1/ledger/hashes",
            "GET /api/v1/external-plans", "GET /api/v1/external-plans/{code}", "GET /api/v1/mandates",
            "GET /api/v1/mandates/{code}", "GET /api/v1/cycles", "GET /api/v1/cycles/{code}", "GET /api/v1/events",
            "GET /api/v1/events/{code}", "GET /api/v1/event-series", "GET /api/v1/event-series/{code}",
            "GET /api/v1/event-series/{code}/occurrences", "GET /{lang}/reports", "GET /api/v1/feed",
            "GET /api/v1/search", "GET /api/v1/exports/compilation/{code}",
        ]
        let published = [
            "GET /api/v1/bodies/{code}/agenda", "GET /api/v1/meetings/{code}/drafts",
            "GET /api/v1/meetings/{code}/agenda", "GET /api/v1/proposals", "GET /api/v1/proposals/{code}",
            "GET /api/v1/proposals/{code}/comments", "GET /api/v1/proposals/{code}/matrix",
            "GET /api/v1/drafts/{meeting}/{paragraph}", "GET /api/v1/editorials", "GET /api/v1/challenges",
            "GET /api/v1/challenges/{code}", "GET /api/v1/standing-items", "GET /api/v1/standing-items/{code}",
            "GET /api/v1/exports/amendment/{code}", "GET /api/v1/exports/agenda/{code}",
            "GET /api/v1/cycles/{code}/matrix", "GET /api/v1/reports",
            "GET /api/v1/reports/{cycle}/{mandate}/{participant}",
            "GET /api/v1/reports/{cycle}/{mandate}/{participant}/revisions",
            "GET /{lang}/reports/{cycle}/{mandate}/{participant}",
            "GET /api/v1/exports/report/{cycle}/{mandate}/{participant}",
        ]
        let workingSide = [
            "GET /api/v1/ledger", "GET /api/v1/ledger/{sequence}", "GET /api/v1/revision-report",
            "GET /{lang}/meetings/{code}/agenda", "GET /{lang}/ledger",
        ]
        let actor = [
            "POST /api/v1/participants", "PUT /api/v1/participants/{code}", "POST /api/v1/bodies",
            "POST /api/v1/meetings",
            "PUT /api/v1/meetings/{code}", "POST /api/v1/meetings/{code}/drafts", "PUT /api/v1/meetings/{code}/agenda",
            "POST /api/v1/meetings/{code}/agenda/approve", "POST /api/v1/decisions", "POST /api/v1/workplans",
            "PUT /api/v1/workplans/{code}", "POST /api/v1/items", "PATCH /api/v1/items/{code}",
            "POST /api/v1/items/{code}/status", "POST /api/v1/proposals", "POST /api/v1/proposals/{code}/withdraw",
            "POST /api/v1/proposals/{code}/comments", "POST /api/v1/drafts/{meeting}/{paragraph}/positions",
            "POST /api/v1/drafts/{meeting}/{paragraph}/adopt", "POST /api/v1/drafts/{meeting}/{paragraph}/withdraw",
            "POST /api/v1/editions", "POST /api/v1/revision-report", "POST /api/v1/challenges",
            "POST /api/v1/challenges/{code}/settle", "POST /api/v1/standing-items", "POST /api/v1/imports/plan",
            "POST /api/v1/decisions/{meeting}/{paragraph}/confirm",
            "POST /api/v1/decisions/{meeting}/{paragraph}/reject",
            "POST /api/v1/editions/{code}/approve",
            "POST /api/v1/external-plans", "POST /api/v1/mandates", "PUT /api/v1/mandates/{code}",
            "POST /api/v1/cycles",
            "PUT /api/v1/cycles/{code}", "POST /api/v1/events", "PUT /api/v1/events/{code}",
            "POST /api/v1/event-series",
            "POST /api/v1/reports", "POST /api/v1/reports/{cycle}/{mandate}/{participant}/submit",
            "POST /api/v1/reports/{cycle}/{mandate}/{participant}/publish",
        ]
        for route in everyone { matrix[route] = .everyone }
        for route in published { matrix[route] = .published }
        for route in workingSide { matrix[route] = .workingSide }
        for route in actor { matrix[route] = .actor }
        matrix["GET /api/v1/session"] = .signedIn
        // Changes since the last visit and the e-mail digest: each account's own mark and subscription
        // (VisitPageTests and DigestPageTests try one account on another's).
        for route in [
            "GET /api/v1/changes/since-last-visit", "POST /api/v1/changes/since-last-visit/seen", "GET /{lang}/changes",
            "POST /{lang}/changes/seen", "GET /api/v1/changes/digest", "PUT /api/v1/changes/digest",
            "DELETE /api/v1/changes/digest", "POST /{lang}/changes/digest", "POST /{lang}/changes/digest/stop",
        ] { matrix[route] = .signedIn }
        matrix["POST /api/v1/ledger/checkpoint/cosignatures"] = .delegate
        matrix["GET /{lang}/proposals"] = .workingSideOrObserver
        matrix["GET /{lang}/proposals/{code}"] = .invitedObserver
        matrix["GET /{lang}/translations"] = .secretariat
        matrix["GET /metrics"] = .secretariat
        matrix["POST /{lang}/meetings/{code}/decisions"] = .secretariat
        matrix["POST /{lang}/meetings"] = .secretariat
        matrix["POST /{lang}/meetings/{code}/attendance"] = .secretariat
        matrix["POST /{lang}/meetings/{code}/drafts"] = .secretariat
        matrix["POST /{lang}/meetings/{code}/agenda"] = .secretariat
        matrix["POST /{lang}/meetings/{code}/agenda/approve"] = .presidency
        matrix["POST /{lang}/meetings/{code}/positions"] = .delegationOrSecretariat
        matrix["POST /{lang}/meetings/{code}/adopt"] = .secretariat
        matrix["POST /{lang}/meetings/{code}/positions/all"] = .secretariat
        matrix["GET /{lang}/meetings/{code}/transcription"] = .secretariat
        matrix["GET /{lang}/participants"] = .everyone
        matrix["POST /{lang}/items"] = .secretariat
        matrix["GET /{lang}/plan/import"] = .secretariat
        matrix["POST /{lang}/plan/import"] = .secretariat
        matrix["POST /{lang}/items/{number}/amend"] = .secretariat
        matrix["GET /{lang}/participants/{code}"] = .everyone
        matrix["POST /{lang}/meetings/{code}/transcription"] = .secretariat
        matrix["POST /{lang}/proposals"] = .delegationOrSecretariat
        matrix["POST /{lang}/proposals/{code}/comments"] = .speaker
        matrix["POST /{lang}/items/{number}/challenges"] = .delegationOrSecretariat
        matrix["POST /{lang}/items/{number}/challenges/settle"] = .secretariat
        matrix["POST /api/v1/feed-tokens/{username}"] = .secretariat
        matrix["DELETE /api/v1/feed-tokens/{username}"] = .secretariat
        matrix["POST /{lang}/reports/{cycle}"] = .delegationOrSecretariat
        matrix["POST /{lang}/reports/{cycle}/{mandate}/{participant}/publish"] = .secretariat
        matrix["POST /{lang}/decisions/confirm"] = .presidency
        matrix["POST /{lang}/decisions/reject"] = .presidency
        matrix["POST /{lang}/editions"] = .secretariat
        matrix["POST /{lang}/editions/{number}/approve"] = .presidency
        matrix["POST /api/v1/session"] = .exempt("SessionAPIScenario signs in with right and wrong passwords")
        matrix["DELETE /api/v1/session"] = .exempt("SessionAPIScenario signs out")
        // Accounts and API tokens (issue 19.1): the Secretariat's alone.
        for route in [
            "GET /api/v1/accounts", "POST /api/v1/accounts", "GET /api/v1/accounts/{username}",
            "PATCH /api/v1/accounts/{username}", "GET /api/v1/accounts/{username}/tokens",
            "POST /api/v1/accounts/{username}/tokens", "DELETE /api/v1/accounts/{username}/tokens/{name}",
            "GET /{lang}/accounts", "GET /{lang}/accounts/{username}", "POST /{lang}/accounts",
            "POST /{lang}/accounts/{username}/state", "POST /{lang}/accounts/{username}/tokens",
            "POST /{lang}/accounts/{username}/tokens/revoke",
        ] { matrix[route] = .secretariat }
        matrix["POST /{lang}/sign-in"] = .exempt("PageSecurityTests signs in through the form")
        matrix["POST /{lang}/sign-out"] = .exempt("PageSecurityTests signs out through the form")
        // The statistics (issue 21): the matrix runs with the synthetic data set published as release 1.
        for route in [
            "GET /api/v1/sdmx/structure", "GET /api/v1/sdmx/structure/{type}/{agency}/{id}/{version}",
            "GET /api/v1/sdmx/data/{flow}", "GET /api/v1/sdmx/data/{flow}/{key}", "GET /api/v1/statistics/releases",
            "GET /api/v1/statistics/vintages", "GET /{lang}/statistics", "GET /{lang}/statistics/{flow}",
            "GET /{lang}/statistics/{flow}/table.csv", "GET /{lang}/statistics/demo-workbook.xlsx",
        ] { matrix[route] = .everyone }
        matrix["POST /api/v1/statistics/releases"] = .secretariat
        matrix["POST /{lang}/statistics/releases"] = .secretariat
        matrix["POST /api/v1/statistics/uploads"] = .delegationOrSecretariat
        matrix["GET /{lang}/statistics/upload"] = .delegationOrSecretariat
        matrix["GET /api/v1/statistics/mappings/{area}"] = .delegationOf("MEX")
        matrix["PUT /api/v1/statistics/mappings/{area}/{name}"] = .delegationOf("MEX")
        matrix["POST /api/v1/statistics/uploads/{id}/commit"] = .actor
        matrix["DELETE /api/v1/statistics/uploads/{id}"] = .actor
        matrix["POST /api/v1/statistics/codes"] = .actor
        let staged = "exists only for the account that staged it: StatisticsAPITests and StatisticsPageTests"
        matrix["GET /api/v1/statistics/uploads/{id}"] = .exempt("a staged upload " + staged)
        matrix["GET /{lang}/statistics/uploads/{id}"] = .exempt("a staged upload's preview " + staged)
        matrix["POST /{lang}/statistics/uploads/{id}/commit"] = .exempt("committing " + staged)
        matrix["POST /{lang}/statistics/uploads/{id}/discard"] = .exempt("discarding " + staged)
        matrix["POST /{lang}/statistics/upload"] = .exempt("a multipart form: StatisticsPageTests uploads through it")
        // Documents as a record (issue 19 §2): read by whoever reads what they are attached to; the sample is
        // the file attached to Mexico's draft report, which the public does not read (`attachFiles`).
        for route in [
            "GET /api/v1/attachments", "GET /api/v1/attachments/{number}", "GET /api/v1/attachments/{number}/content",
        ] {
            matrix[route] = .published
        }
        matrix["POST /api/v1/attachments"] = .actor
        matrix["POST /{lang}/attachments"] = .exempt("a multipart form: AttachmentPageTests attaches through it")
        return matrix
    }()

    @Test("every route has a rule, and every role gets what its rule says", arguments: Backend.all)
    func matrixHolds(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            try await StatisticsService(store: pages.store).loadSyntheticDataSet(as: StatisticsService.demoSecretariat)
            try await Issue16RegressionTests.tableDraftWithReservation(pages)
            try await Self.publishEditionAndChallengeIt(pages)
            try await Self.draftReportAndSeries(pages)
            // A token for the revocation form to revoke, whichever order the routes come in.
            _ = try await AccountService(store: pages.store).makeToken(for: "mex", name: "matrix")
            try await Self.attachFiles(pages)
            let state = try await pages.store.currentState()
            let samples = try Samples(state)
            let routes = pages.routes
            let unruled = routes.filter { Self.matrix[$0] == nil }
            #expect(unruled.isEmpty, "routes missing from the authorization matrix: \(unruled)")
            #expect(Set(Self.matrix.keys).subtracting(routes).isEmpty, "rules for routes that do not exist")
            for route in routes {
                guard let rule = Self.matrix[route] else { continue }
                if case .exempt = rule { continue }
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(rawValue: String(parts[0]))!
                let uri = samples.uri(for: String(parts[1]))
                for role in Role.allCases {
                    let form = uri.hasPrefix("/api/") || method == .get ? nil : samples.form(for: uri, role: role)
                    let json = uri.hasPrefix("/api/") && method != .get ? "{}" : nil
                    let answer = try await pages.call(method, uri, as: role, form: form, json: json)
                    let allowed = rule.allows(role, invited: samples.observerInvited)
                    let outside: [Role] = [.anonymous, .reader, .observer]
                    if outside.contains(role) {
                        let leaks = WorkingSide(state, invited: role == .observer ? "IOM" : nil)
                            .leaks(in: answer.bytes)
                        #expect(leaks.isEmpty, "\(route) as \(role) shows the working side: \(leaks.prefix(3))")
                    }
                    if method == .get {
                        try await variants(of: uri, as: role, pages: pages, state: state)
                    }
                    if case .published = rule, outside.contains(role) {
                        #expect(
                            answer.status == 404 || (200..<300).contains(answer.status),
                            "\(route) as \(role): \(answer.status) \(answer.text.prefix(300))")
                    } else if allowed, method == .get {
                        // A read is allowed only when it answers 2xx, or sends the reader (303) to a page that
                        // does: `/` to the page in the reader's language.
                        var read = answer
                        if answer.status == 303, let location = answer.headers[.location] {
                            read = try await pages.call(.get, location, as: role)
                        }
                        #expect(
                            (200..<300).contains(read.status),
                            "\(route) as \(role) should be allowed: \(answer.status) → \(read.status) \(read.text.prefix(300))"
                        )
                    } else if allowed, !uri.hasPrefix("/api/") {
                        // A page form an allowed role sends with valid fields is done (303 to the result), or
                        // reaches the rules of the process, which may refuse it (409: a change already
                        // challenged, a draft without consensus, an observer the proposal does not invite).
                        // An invalid field (422) or a refusal by the guard (401, 403) fails here.
                        // A check that records nothing (the plan import's dry run) answers with its page (200).
                        // So does a token's issue, which shows the token once on the page that answers.
                        let done =
                            ["POST /{lang}/plan/import", "POST /{lang}/accounts/{username}/tokens"].contains(route)
                            ? [200] : [303, 409]
                        #expect(
                            done.contains(answer.status),
                            "\(route) as \(role) should be allowed: \(answer.status) \(Self.refusal(answer.text))")
                    } else if allowed {
                        // The API's writes get an empty body: past the guard, refused by the decoder or the rules.
                        #expect(
                            ![401, 403].contains(answer.status) && answer.status < 500,
                            "\(route) as \(role) should be allowed: \(answer.status) \(answer.text.prefix(300))")
                    } else {
                        #expect(
                            [401, 403, 404].contains(answer.status),
                            "\(route) as \(role) should be refused: \(answer.status) \(answer.text.prefix(300))")
                    }
                }
            }
            // The allowed forms did what they asked: the agenda editor's fields (a form read whole, as a
            // dictionary) added the Secretariat's item, and the decision form recorded its paragraph.
            let after = try await pages.store.currentState()
            let agenda = try #require(after.agendas["RCM-V"])
            #expect(agenda.items.contains { $0.title.original == "Matrix item" }, "\(agenda.items.map(\.title))")
            #expect(after.decisions["RCM-V/90"] != nil)
        }
    }

    /// What a refusal page says, without the page around it.
    static func refusal(_ html: String) -> String {
        let main = html.components(separatedBy: "<main").last ?? html
        return String(main.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression).prefix(300))
    }

    /// The path variants an attacker tries on `uri` — `//`, `/./`, an encoded slash, a trailing slash, upper
    /// case — and the query with its values percent-encoded: a variant is never answered 2xx, and a redirect
    /// leads to the canonical path, whose answer is what the policy gives `role`.
    func variants(of uri: String, as role: Role, pages: PageClient, state: ProcessState) async throws {
        let (path, query) = uri.split(separator: "?", maxSplits: 1).map(String.init).splitPair
        let odd = [
            "/" + path, path.replacingOccurrences(of: "/", with: "/./", options: .anchored),
            path.count > 1 ? path + "/" : "//", path.uppercased() == path ? "/X" + path : path.uppercased(),
            path.replacingOccurrences(of: "/v1/", with: "/v1%2F"),
        ].filter { $0 != path }
        for variant in odd {
            let answer = try await pages.call(.get, variant + (query.map { "?" + $0 } ?? ""), as: role)
            #expect(!(200..<300).contains(answer.status), "\(variant) as \(role) answered \(answer.status)")
        }
        guard let query, [.anonymous, .observer].contains(role) else { return }
        let encoded = query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return String(pair) }
            return "\(parts[0])=" + parts[1].unicodeScalars.map { String(format: "%%%02X", $0.value) }.joined()
        }.joined(separator: "&")
        let answer = try await pages.call(.get, path + "?" + encoded, as: role)
        let leaks = WorkingSide(state, invited: role == .observer ? "IOM" : nil).leaks(in: answer.bytes)
        #expect(leaks.isEmpty, "\(path)?\(encoded) as \(role) shows \(leaks.prefix(3))")
    }

    @Test("a delegate can never act for another country, through the API or a page", arguments: Backend.all)
    func delegatesActOnlyForTheirOwnCountry(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let head = try await pages.store.head()
            let claim =
                #"{"actor":{"name":"mex","role":"delegate","participant":"CAN"},"#
                + #""authority":{"participant":"CAN"},"csv":"record","apply":true}"#
            let answer = try await pages.call(.post, "/api/v1/imports/plan", as: .delegateMEX, json: claim)
            #expect(answer.status == 400 && answer.text.contains("\"field\":\"actor\""), "\(answer.text)")
            let position =
                #"{"authority":{"participant":"CAN"},"position":{"participant":"CAN","position":"supports"}}"#
            let forCanada = try await pages.call(
                .post, "/api/v1/drafts/RCM-V/1/positions", as: .delegateMEX, json: position)
            #expect([403, 404, 409].contains(forCanada.status), "\(forCanada.text)")
            let form = try await pages.call(
                .post, "/en/meetings/RCM-V/decisions", as: .delegateCAN,
                form: ["paragraph": "9", "kind": "conclusion", "text": "x", "source": "y"])
            #expect(form.status == 403)
            #expect(try await pages.store.head() == head)
        }
    }

    /// The Secretariat revises the Spanish title of TS-2 (an editorial change) and Mexico challenges it; a
    /// decision of the XXIX RCM, transcribed and confirmed, keeps the earlier wording and approves a revised
    /// plan; the Secretariat proposes edition 1 and the Presidency approves it: so that the routes reading an
    /// edition and a challenge have one to read.
    static func publishEditionAndChallengeIt(_ pages: PageClient) async throws {
        let title = #"""
            {"authoritative":"en","en":"Judicial cooperation","es":"Cooperación judicial internacional",\#
            "fr":"Coopération judiciaire"}
            """#
        let revised = try await pages.call(
            .patch, "/api/v1/items/TS-2", as: .secretariat,
            json: #"{"authority":{"editorial":"Spanish translation revised"},"amendment":{"title":\#(title)}}"#)
        #expect(revised.status == 200, "\(revised.text)")
        let sequence = try await pages.store.head().sequence
        let challenge =
            #"{"authority":{"participant":"MEX"},"challenge":{"sequence":\#(sequence),"participant":"MEX","reason":{"authoritative":"en","en":"The new wording widens the cooperation"}}}"#
        let challenged = try await pages.call(.post, "/api/v1/challenges", as: .delegateMEX, json: challenge)
        #expect(challenged.status == 201, "\(challenged.text)")
        let decision = Decision(
            meeting: "RCM-XXIX", paragraph: "91", kind: .decision,
            text: LocalizedText(authoritative: .en, [.en: "Keeps the earlier wording and approves the revised plan."]),
            effects: [.settleChallenge(Challenge.id(of: sequence), .reject), .approveRevisedPlan])
        _ = try await pages.store.append(
            .recordDecision(decision), by: AccordCore.Actor(name: "ts.officer", role: .secretariat),
            authority: .editorial(reason: "transcribed"))
        let presidency = AccordCore.Actor(name: "ppt.officer", role: .presidency)
        _ = try await pages.store.append(
            .confirmDecision(decision.id), by: presidency, authority: .decision(decision.id))
        let position = try await pages.store.head().sequence
        let edition =
            #"{"authority":{"editorial":"proposed"},"edition":{"number":1,"title":{"authoritative":"en","en":"Plan of Action, 2025 edition"},"date":"2025-11","position":\#(position)}}"#
        let proposed = try await pages.call(.post, "/api/v1/editions", as: .secretariat, json: edition)
        #expect(proposed.status == 201, "\(proposed.text)")
        _ = try await pages.store.append(.approveEdition(1), by: presidency, authority: .decision(decision.id))
    }

    /// Mexico's delegate files a draft report on the demo's Santiago mandate, which the public must never read,
    /// and the Secretariat records an event series: so that the report and series routes have one to read.
    static func draftReportAndSeries(_ pages: PageClient) async throws {
        let filing =
            #"{"authority":{"participant":"MEX"},"report":{"cycle":"SANTIAGO-1998-REPORTS","mandate":"SANTIAGO-1998-MW-IACHR","participant":"MEX","kind":"national","language":"fr","sections":{"actions":{"authoritative":"fr","fr":"Brouillon du Mexique sur les travailleurs migrants"},"links":[]},"events":[],"indicators":[],"status":"draft"}}"#
        let filed = try await pages.call(.post, "/api/v1/reports", as: .delegateMEX, json: filing)
        #expect(filed.status == 201 && filed.text.contains(#""recordedBy":"delegation""#), "\(filed.text)")
        let series =
            #"{"authority":{"editorial":"suggested by Canada (seed 002, item 5)"},"series":{"id":"WS-TRAVEL-DOCS","kind":"workshop","title":{"authoritative":"en","en":"Travel document security workshops"},"everyMonths":12,"atLeastEveryMonths":36,"activities":[]}}"#
        let recorded = try await pages.call(.post, "/api/v1/event-series", as: .secretariat, json: series)
        #expect(recorded.status == 201, "\(recorded.text)")
        // What each reads of the matrix: the working side sees Mexico's draft, the public only Canada's report.
        let matrix = "/api/v1/cycles/SANTIAGO-1998-REPORTS/matrix?mandate=SANTIAGO-1998-MW-IACHR"
        let inside = try await pages.call(.get, matrix, as: .delegateCAN)
        #expect(inside.text.contains(#""state":"draft""#), "\(inside.text)")
        for role in [Role.anonymous, .reader, .observer] {
            let outside = try await pages.call(.get, matrix, as: role)
            #expect(outside.status == 200 && !outside.text.contains(#""state":"draft""#), "\(outside.text)")
            #expect(outside.text.contains(#""state":"submitted""#), "Canada's published report: \(outside.text)")
        }
    }

    /// A file attached to the V RCM, which everyone reads, and one to Mexico's draft report, which only the
    /// working side reads: so that the attachment routes have both to answer.
    static func attachFiles(_ pages: PageClient) async throws {
        for (role, query, text) in [
            (Role.secretariat, "target=meeting&id=RCM-V&name=acta.txt", "Acta de la V RCM\n"),
            (
                Role.delegateMEX,
                "target=report&id=SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/MEX&name=anexo.txt",
                "Anexo del borrador de México\n"
            ),
        ] {
            let answer = try await pages.call(
                .post, "/api/v1/attachments?\(query)", as: role, json: text, headers: [.contentType: "text/plain"])
            #expect(answer.status == 201, "\(answer.text)")
        }
    }

    /// Concrete values for the route parameters, taken from the record (the demo and what the matrix adds).
    struct Samples {
        var item: String
        var proposal: String
        var decision: (String, String)
        var draft: (String, String)
        var workplan: String
        var standing: String
        var edition: String
        var challenge: String
        /// The challenged change: its item and its ledger entry.
        var challenged: (item: String, sequence: String)
        var observerInvited: Bool
        var series: String
        /// A report everyone reads (Canada's, published), by cycle, mandate and participant.
        var report: (cycle: String, mandate: String, participant: String)
        /// A file attached to a report only the working side reads.
        var attachment: String

        init(_ state: ProcessState) throws {
            item = try #require(state.items.values.filter { $0.status == .approved }.map(\.number.rawValue).min())
            let proposal = try #require(state.proposals.values.min { $0.id < $1.id })
            self.proposal = proposal.id.rawValue
            observerInvited = proposal.invited.contains(ParticipantID("IOM"))
            let decision = try #require(state.decisions.keys.min())
            let parts = decision.rawValue.split(separator: "/", maxSplits: 1).map(String.init)
            self.decision = (parts[0], parts[1])
            let draft = try #require(state.drafts.values.min { $0.id < $1.id })
            self.draft = (draft.meeting.rawValue, draft.paragraph)
            // A workplan the public reads as well: the matrix checks that each role reads it.
            workplan = try #require(state.workplans.values.filter { $0.status != .proposed }.map(\.id).min()).rawValue
            standing = try #require(state.standingItems.keys.min()).rawValue
            edition = try #require(state.editions.keys.min()).description
            let challenge = try #require(state.challenges.values.min { $0.id < $1.id })
            self.challenge = challenge.id.rawValue
            challenged = (challenge.item.rawValue, "\(challenge.sequence)")
            // The matrix records one (`draftReportAndSeries`); the write checks only need its code.
            series = state.series.keys.min()?.rawValue ?? "WS-TRAVEL-DOCS"
            let report = try #require(state.reports.values.filter { $0.status == .published }.min { $0.id < $1.id })
            self.report = (report.cycle.rawValue, report.mandate.rawValue, report.participant.rawValue)
            // Where the matrix attached none (other suites share the samples), a number nothing has.
            attachment =
                state.attachments.values.first { state.reports[ReportID($0.target.id)]?.status == .draft }?.number
                .description ?? "1"
        }

        func uri(for template: String) -> String {
            var segments: [String] = []
            // A draft decision's path names it as a decision's does, by meeting and paragraph.
            let (meeting, paragraph) = template.contains("/drafts/") ? draft : decision
            for segment in template.split(separator: "/").map(String.init) {
                let previous = segments.last ?? ""
                switch segment {
                case "{lang}": segments.append("en")
                // The challenge forms go to the item whose editorial change is challenged.
                case "{number}":
                    segments.append(
                        template.contains("/challenges")
                            ? challenged.item
                            : previous == "editions" ? edition : previous == "attachments" ? attachment : item)
                case "{meeting}": segments.append(meeting)
                case "{paragraph}": segments.append(paragraph)
                case "{sequence}": segments.append("1")
                case "{cycle}": segments.append(report.cycle)
                case "{mandate}": segments.append(report.mandate)
                case "{participant}": segments.append(report.participant)
                case "{code}": segments.append(code(after: previous))
                // The statistics' parameters.
                case "{flow}": segments.append("DF_MIGR_RETURNS")
                case "{key}": segments.append("M.MEX......")
                case "{type}": segments.append("datastructure")
                case "{agency}": segments.append("RCM")
                case "{id}": segments.append(template.contains("/uploads/") ? "0123456789abcdef" : "DSD_MIGR_FLOW")
                case "{version}": segments.append("1.0")
                case "{area}": segments.append("MEX")
                case "{username}": segments.append("mex")
                case "{name}": segments.append("devoluciones")
                default: segments.append(segment)
                }
            }
            // A body's next agenda is that of its next meeting after `today`: the demo's RCGM meets in July 2024.
            // Search looks for a word of the confidential draft the matrix tables: the working side finds it, and
            // the leak check proves that no one else does.
            let query =
                template == "/api/v1/bodies/{code}/agenda"
                ? "?today=2024-06-01" : template.hasSuffix("/search") ? "?q=confidential" : ""
            return "/" + segments.joined(separator: "/") + query
        }

        func code(after collection: String) -> String {
            switch collection {
            case "items": item
            case "proposals", "amendment": proposal
            case "participants": "MEX"
            case "bodies": "RCGM"
            case "workplans": workplan
            case "editions": edition
            case "challenges": challenge
            case "standing-items": standing
            case "external-plans": "SANTIAGO-1998"
            case "mandates": report.mandate
            case "cycles", "compilation": report.cycle
            case "events": "WS-2000-SANTIAGO"
            case "event-series": series
            default: "RCM-V"
            }
        }

        /// A valid form for the page's action, so that an allowed role is seen to succeed.
        func form(for uri: String, role: Role) -> [String: String] {
            if uri.hasSuffix("/decisions") {
                return [
                    "paragraph": "90", "kind": "conclusion", "text": "Takes note.", "source": "minutes",
                ]
            }
            // A new observer account; Mexico's delegate enabled (as it is); a token issued, and one revoked.
            if uri == "/en/accounts" {
                return [
                    "username": "matrix-\(role.rawValue.lowercased())", "role": "observer", "participant": "IOM",
                    "password": "a long matrix password",
                ]
            }
            if uri.hasSuffix("/accounts/mex/state") { return ["active": "yes"] }
            if uri.hasSuffix("/accounts/mex/tokens") { return ["name": "matrix-issued"] }
            if uri.hasSuffix("/accounts/mex/tokens/revoke") { return ["name": "matrix"] }
            if uri.hasSuffix("/plan/import") { return ["csv": "kind,number\r\n", "reason": "matrix", "apply": "no"] }
            if uri.hasSuffix("/items") {
                return [
                    "add-number": "MTX", "add-kind": "line-of-action", "add-title": "Matrix line",
                    "add-status": "proposed",
                    "reason": "numbering",
                ]
            }
            if uri.hasSuffix("/amend") { return ["amend-title": "Matrix title", "reason": "translation"] }
            if uri.hasSuffix("/transcription") {
                return ["source": "minutes", "p1-paragraph": "91", "p1-kind": "conclusion", "p1-text": "Takes note."]
            }
            if uri.hasSuffix("/agenda") { return ["new0": "Matrix item", "newPurpose0": "discussion"] }
            // The review of a transcription (the sample is in force: the rules refuse a second review) and the
            // two steps of an edition.
            if uri.hasSuffix("/decisions/confirm") { return ["decision": "\(decision.0)/\(decision.1)"] }
            if uri.hasSuffix("/decisions/reject") {
                return ["decision": "\(decision.0)/\(decision.1)", "reason": "Mistranscribed."]
            }
            if uri.hasSuffix("/editions") { return ["title": "Matrix edition", "date": "2026-12"] }
            if uri.contains("/editions/"), uri.hasSuffix("/approve") { return ["decision": "RCM-XXIX/91"] }
            if uri.hasSuffix("/statistics/releases") { return ["date": "2026-06-01", "notes": "Matrix release"] }
            if uri.hasSuffix("/meetings") {
                return [
                    "body": "RCM", "id": "RCM-MTX-\(role.rawValue.uppercased())", "title": "Matrix meeting",
                    "start": "2026-03-02", "present-MEX": "on", "source": "convocation",
                ]
            }
            if uri.hasSuffix("/attendance") { return ["present-MEX": "on", "source": "corrected list"] }
            if uri.hasSuffix("/drafts") {
                return ["paragraph": "96", "kind": "conclusion", "text": "A matrix draft.", "status-item": ""]
            }
            let participant = role.account?.participant ?? "MEX"
            if uri == "/en/reports/\(report.cycle)" {
                // Mexico revises its draft; Canada's report is published, which the rules refuse (409).
                return [
                    "participant": participant, "mandate": report.mandate, "language": "fr",
                    "actions": "Révision de la matrice", "status": "draft",
                ]
            }
            // All present reserve their position: the sample draft stays without consensus, so stays confidential.
            if uri.hasSuffix("/positions/all") {
                return ["draft": draft.1, "all": "reservation-pending-consultation"]
            }
            if uri.hasSuffix("/positions") {
                return ["draft": draft.1, "participant": participant, "position": "supports"]
            }
            if uri.hasSuffix("/adopt") { return ["draft": draft.1] }
            if uri.hasSuffix("/changes/digest") { return ["address": "\(role.rawValue.lowercased())@matrix.example"] }
            if uri.hasSuffix("/challenges/settle") {
                return ["sequence": challenged.sequence, "decision": "RCM-VII/1", "settlement": "reject"]
            }
            if uri.hasSuffix("/challenges") {
                return [
                    "sequence": challenged.sequence, "participant": participant, "reason": "It changes the commitment.",
                ]
            }
            if uri.hasSuffix("/comments") {
                return ["item": "1", "participant": participant, "stance": "supports", "text": "Agreed."]
            }
            if uri.hasSuffix("/proposals") {
                return [
                    "id": "MTX-\(role.rawValue.uppercased())", "participant": participant, "title": "A matrix proposal",
                    "items": "One\nTwo",
                ]
            }
            return [:]
        }
    }
}

extension Array where Element == String {
    /// The first element and, if there is one, the second.
    fileprivate var splitPair: (String, String?) { (self[0], count > 1 ? self[1] : nil) }
}
