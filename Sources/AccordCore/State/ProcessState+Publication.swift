/// Who reads a state, as far as what it may see is concerned (DESIGN.md §1).
///
/// The working side (the Secretariat, the Presidency, member-state delegates) reads the whole record. Everyone
/// else — the public, a reader with an account, an observer — reads what the process has published; an
/// observer also reads the proposals it is invited to comment on, with their comments.
public enum Readership: Sendable, Hashable {
    /// The Secretariat, the Presidency and delegations: drafts, positions, proposals, the working plan.
    case workingSide
    /// The public and readers; an observer names its participant, so that it reads the proposals that invite it.
    case outside(invited: ParticipantID?)
}

extension ProcessState {
    /// The state reduced to what `readership` may see, decided once, on the values, for every reader of the
    /// record — API, pages, exports and search alike:
    ///
    /// - items still proposed, and workplans still proposed with their items, are not published;
    /// - draft decisions, with the positions and reservations recorded on them, are working documents;
    /// - an agenda is published once the Presidency approves it; standing items feed draft agendas only;
    /// - proposals and their comments are read by the working side, and by the observers each one invites;
    /// - editorial changes open to challenge, and challenges, are the member states' business;
    /// - an edition is published once the Presidency approves it: the Secretariat's proposal is a working
    ///   document;
    /// - a national or coordinator's report is read outside once the Secretariat publishes it: drafts and
    ///   submitted reports awaiting review are the working side's.
    /// - a statistical vintage is public once a release publishes it;
    /// - an attached file is read by whoever reads what it is attached to.
    ///
    /// The same reduction applies to a state as of a meeting or an edition, so history shows no more than now.
    public func published(for readership: Readership) -> ProcessState {
        guard case .outside(let invited) = readership else { return self }
        var state = self
        state.workplans = workplans.filter { $0.value.status != .proposed }
        let workplans = state.workplans
        state.items = items.filter { entry in
            let item = entry.value
            return item.status != .proposed && (item.workplan.map { workplans[$0] != nil } ?? true)
        }
        state.drafts = [:]
        state.agendas = agendas.filter { $0.value.status == .approved }
        state.standingItems = [:]
        state.proposals = proposals.filter { entry in invited.map { entry.value.invited.contains($0) } ?? false }
        let proposals = state.proposals
        state.comments = comments.filter { proposals[$0.value.proposal] != nil }
        state.editorials = [:]
        state.challenges = [:]
        state.editions = editions.filter { $0.value.isPublished }
        state.reports = reports.filter { $0.value.status == .published }
        // Statistics are public once a release publishes them; later vintages wait for the next release.
        let released = Set(releases.values.flatMap(\.vintages))
        state.vintages = vintages.filter { released.contains($0.key) }
        let targets = state
        state.attachments = attachments.filter { targets.holds($0.value.target.ref) }
        let visible = state
        state.lastChanged = lastChanged.filter { visible.holds($0.key) }
        return state
    }

    /// Whether the state holds the entity `reference` names.
    public func holds(_ reference: EntityRef) -> Bool {
        switch reference {
        case .process: process != nil
        case .participant(let id): participants[id] != nil
        case .body(let id): bodies[id] != nil
        case .meeting(let id): meetings[id] != nil
        case .decision(let id): decisions[id] != nil
        case .item(let id): items[id] != nil
        case .workplan(let id): workplans[id] != nil
        case .proposal(let id): proposals[id] != nil
        case .comment(let id): comments[id] != nil
        case .draft(let id): drafts[id] != nil
        case .editorial(let sequence): editorials[sequence] != nil
        case .challenge(let id): challenges[id] != nil
        case .edition(let number): editions[number] != nil
        case .standingItem(let id): standingItems[id] != nil
        case .agenda(let id): agendas[id] != nil
        case .externalPlan(let id): externalPlans[id] != nil
        case .mandate(let id): mandates[id] != nil
        case .cycle(let id): cycles[id] != nil
        case .report(let id): reports[id] != nil
        case .event(let id): events[id] != nil
        case .series(let id): series[id] != nil
        case .code(let id): codeAdditions[id] != nil
        case .vintage(let id): vintages[id] != nil
        case .release(let number): releases[number] != nil
        case .attachment(let number): attachments[number] != nil
        }
    }
}
