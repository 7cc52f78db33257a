import AccordCore

/// What a principal may see and do, decided in one place for the API, the pages and the CLI (DESIGN.md §1).
///
/// What each audience reads is decided on the values, by `ProcessState.published(for:)`, which every read of
/// `RecordService` applies: the public, readers and observers read what is published; the working side — the
/// Secretariat, the Presidency and member-state delegates — and the trial mode read everything. What each may
/// do is decided here and, whoever asks, again by the rules in Core.
public struct Policy: Sendable {
    public var principal: Principal?

    public init(principal: Principal?) { self.principal = principal }

    /// The audience a page is rendered for: two principals with the same audience see the same record.
    public var audience: Audience { Audience(principal) }

    /// What the principal reads of the record.
    public var readership: Readership { audience.readership }

    /// The role the principal acts in on pages. The trial principal has none there: it has no session, and a
    /// page's form needs a session's anti-forgery token (the trial acts through the API and the CLI only).
    public var role: AccountRole? { principal?.isTrial == true ? nil : principal?.role }

    /// Whether the principal reads the working documents: drafts, positions, proposals, the ledger.
    public var seesWorkingState: Bool { readership == .workingSide }

    /// Whether the principal reads `proposal` (it is in the state `RecordService` hands it).
    public func sees(_ proposal: Proposal) -> Bool {
        seesWorkingState
            || (role == .observer && principal?.participant.map { proposal.invited.contains($0) } == true)
    }

    /// Recording what a meeting decided is the Secretariat's work (it keeps the record).
    public var recordsDecisions: Bool { role == .secretariat }
    /// The Secretariat drafts agendas; only the Presidency approves them.
    public var draftsAgendas: Bool { role == .secretariat }
    public var approvesAgendas: Bool { role == .presidency }
    /// A transcribed decision needs a second person: the Presidency confirms or rejects it.
    public var confirmsTranscriptions: Bool { role == .presidency }
    /// Editions in two steps: the Secretariat proposes one with its revision report, the Presidency approves it.
    public var proposesEditions: Bool { role == .secretariat }
    public var approvesEditions: Bool { role == .presidency }

    /// The participants among `candidates` this principal may speak for — file a proposal, a comment or a
    /// position: a delegation or an observer for itself only, the Secretariat for any (on its behalf, which
    /// the record says). The rules in Core decide the rest (who is present, who is invited).
    public func speaksFor(among candidates: [ParticipantID]) -> [ParticipantID] {
        switch role {
        case .secretariat: candidates
        case .delegate, .observer: candidates.filter { $0 == principal?.participant }
        case .presidency, .public, nil: []
        }
    }

    /// Whether this principal may speak for `participant`; see `speaksFor(among:)`.
    public func mayAct(for participant: ParticipantID) -> Bool { speaksFor(among: [participant]) == [participant] }
    /// Delegations (or the Secretariat for them) record positions and submit proposals; observers only
    /// comment where invited, which Core checks.
    public var recordsPositions: Bool { role == .delegate || role == .secretariat }
    public var submitsProposals: Bool { recordsPositions }
    public var comments: Bool { recordsPositions || role == .observer }

    /// A member state's delegate may witness the ledger: countersign a checkpoint of its head with the
    /// delegation's own key, saying the ledger it has seen extends every head it saw before.
    public var witnessesCheckpoints: Bool { role == .delegate }

    /// The list of what needs translating is the Secretariat's.
    public var seesTranslationWork: Bool { role == .secretariat }

    /// Accounts and API tokens are the Secretariat's to list, create, disable, issue and revoke.
    public var managesAccounts: Bool { role == .secretariat }

    /// Whether files may be attached to a document `owner` owns (nil: the record's own, such as a meeting or a
    /// decision): the Secretariat to anything, a delegation or an observer to its own. Core's rule decides
    /// again when the file comes; this says whether to offer the form.
    public func attaches(toDocumentOf owner: ParticipantID?) -> Bool {
        if role == .secretariat { return true }
        guard let owner, role == .delegate || role == .observer else { return false }
        return mayAct(for: owner)
    }

    /// Who acts for `participant` — its delegates' accounts — is known to the Secretariat and to that member
    /// state's own delegates, never to the public, observers or another country.
    public func seesDelegates(of participant: ParticipantID) -> Bool {
        role == .secretariat || (role == .delegate && principal?.participant == participant)
    }

    /// Throws unless `allowed`: the check every action repeats, whatever the page offered.
    ///
    /// - Throws: `AuthError.notSignedIn` for nobody, `AuthError.forbidden` naming the account and `what`.
    public func require(_ allowed: Bool, _ what: String) throws {
        guard allowed else {
            guard let principal else { throw AuthError.notSignedIn }
            throw AuthError.forbidden("your account \(principal.summary) may not \(what)")
        }
    }

    /// Throws unless the principal reads the working documents; `what` names them.
    public func requireWorkingSide(_ what: String) throws {
        try require(seesWorkingState, "read \(what), which are for the Secretariat, the Presidency and delegations")
    }
}

/// Who reads the record, as the read policy tells them apart.
public enum Audience: Sendable, Hashable, CustomStringConvertible {
    case `public`
    /// A signed-in account with the `public` role.
    case reader
    case observer(ParticipantID)
    case delegate(ParticipantID)
    case presidency
    case secretariat
    /// Everyone, while the database has no account.
    case trial

    public init(_ principal: Principal?) {
        guard let principal else {
            self = .public
            return
        }
        if principal.isTrial {
            self = .trial
            return
        }
        switch (principal.role, principal.participant) {
        case (.secretariat, _): self = .secretariat
        case (.presidency, _): self = .presidency
        case (.delegate, let participant?): self = .delegate(participant)
        case (.observer, let participant?): self = .observer(participant)
        default: self = .reader
        }
    }

    /// What this audience reads: the whole record, or what is published (with the proposals that invite it).
    public var readership: Readership {
        switch self {
        case .secretariat, .presidency, .delegate, .trial: .workingSide
        case .observer(let participant): .outside(invited: participant)
        case .public, .reader: .outside(invited: nil)
        }
    }

    public var description: String {
        switch self {
        case .public: "public"
        case .reader: "reader"
        case .observer(let participant): "observer:\(participant)"
        case .delegate(let participant): "delegate:\(participant)"
        case .presidency: "presidency"
        case .secretariat: "secretariat"
        case .trial: "trial"
        }
    }
}
