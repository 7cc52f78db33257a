import AccordCore

/// What a principal may see and do, decided in one place for pages and actions alike (DESIGN.md §1).
///
/// The public and observers see what is published: the agreed plan (never proposed items), meetings,
/// adopted decisions, approved agendas and editions. The working side — the Secretariat, the Presidency
/// and member-state delegates — also sees proposals, comments, draft decisions with their positions, draft
/// agendas and the ledger. An observer sees a proposal it is invited to comment on.
struct Policy: Sendable {
    var principal: Principal?
    /// An installation with no account yet (as a fresh demo or a trial runs): there is nobody to tell
    /// apart, so everyone sees the working state, as everyone may write through the API.
    var isOpen = false

    /// The policy of the request being handled.
    static var current: Policy { Policy(principal: Authorization.principal, isOpen: Authorization.isOpen) }

    var role: AccountRole? { principal?.role }
    var seesWorkingState: Bool { isOpen || (role?.seesWorkingState ?? false) }

    /// The audience a page is rendered for: two principals with the same audience see the same page.
    var audience: String {
        guard let principal else { return isOpen ? "open" : "anonymous" }
        return principal.role.rawValue + (principal.participant.map { ":" + $0.rawValue } ?? "")
    }

    func sees(_ item: PlanItem) -> Bool { seesWorkingState || item.status != .proposed }

    func sees(_ proposal: Proposal) -> Bool {
        if seesWorkingState { return true }
        guard role == .observer, let participant = principal?.participant else { return false }
        return proposal.invited.contains(participant)
    }

    var seesDrafts: Bool { seesWorkingState }
    var seesLedger: Bool { seesWorkingState }
    func sees(_ agenda: Agenda) -> Bool { seesWorkingState || agenda.status == .approved }

    /// Recording what a meeting decided is the Secretariat's work (it keeps the record).
    var recordsDecisions: Bool { role == .secretariat }
    /// The Secretariat drafts agendas; only the Presidency approves them.
    var draftsAgendas: Bool { role == .secretariat }
    var approvesAgendas: Bool { role == .presidency }
    /// The participants among `candidates` this principal may speak for — file a proposal, a comment or a
    /// position: a delegation or an observer for itself only, the Secretariat for any (on its behalf, which
    /// the record says). The rules in Core decide the rest (who is present, who is invited).
    func speaksFor(among candidates: [ParticipantID]) -> [ParticipantID] {
        switch role {
        case .secretariat: candidates
        case .delegate, .observer: candidates.filter { $0 == principal?.participant }
        case .presidency, .public, nil: []
        }
    }

    /// Whether this principal may speak for `participant`; see `speaksFor(among:)`.
    func mayAct(for participant: ParticipantID) -> Bool { speaksFor(among: [participant]) == [participant] }
    /// Delegations (or the Secretariat for them) record positions and submit proposals; observers only
    /// comment where invited, which Core checks.
    var recordsPositions: Bool { role == .delegate || role == .secretariat }
    var submitsProposals: Bool { recordsPositions }
    var comments: Bool { recordsPositions || role == .observer }

    /// The list of what needs translating is the Secretariat's.
    var seesTranslationWork: Bool { role == .secretariat }

    /// The API's working documents: proposals and comments, drafts and positions, editorial changes and
    /// challenges, revision reports, draft agendas, the ledger and imports. Observers and the public read
    /// the published record only.
    static let workingPaths = [
        "/api/v1/proposals", "/api/v1/comments", "/api/v1/drafts", "/api/v1/editorials", "/api/v1/challenges",
        "/api/v1/revision-report", "/api/v1/ledger", "/api/v1/imports", "/api/v1/exports/amendment",
        "/api/v1/standing-items",
    ]

    /// Whether this principal may read the API at `path` (with `query`).
    func mayRead(path: String, query: String) -> Bool {
        if seesWorkingState { return true }
        if Self.workingPaths.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { return false }
        if path.hasPrefix("/api/v1/meetings/"), path.hasSuffix("/drafts") || path.hasSuffix("/agenda") { return false }
        if path.hasPrefix("/api/v1/bodies/"), path.hasSuffix("/agenda") { return false }
        if path.hasPrefix("/api/v1/items") || path == "/api/v1/plan" { return !query.contains("proposed") }
        if path == "/api/v1/exports/plan" { return !query.contains("format=csv") }
        return true
    }

    /// Throws unless `allowed`: the check every action repeats, whatever the page offered.
    func require(_ allowed: Bool, _ what: String) throws {
        guard allowed else {
            if principal == nil { throw AuthError.notSignedIn }
            throw AuthError.forbidden("your account (\(audience)) may not \(what)")
        }
    }
}
