extension ProcessState {
    /// The record as it stood on `date` (DESIGN.md §3 rule 5): the effects of the decisions dated up to it,
    /// whatever order they were typed in, and the Secretariat's own changes to the plan made up to it.
    ///
    /// A decision's date is its meeting's; an editorial change to the plan (a translation, a correction, a
    /// progress report), a challenge and an edition count from the day they were entered. What has no date of
    /// its own — the process, its bodies, meetings and participants, the transcriptions, the proposals (of
    /// items, workplans and agenda items, which a decision may approve at an earlier date than they were
    /// typed), drafts and positions — counts whatever the date: it is the record of what was put forward and
    /// by whom, not a change of the agreed plan.
    ///
    /// The ledger is replayed through the rules in its own order, leaving out the entries dated after `date`
    /// and, with them, whatever then no longer applies because it built on one of them (an amendment of an
    /// item added later, a challenge of a change left out). Replaying in the ledger's order rather than sorting
    /// by date keeps each entry after everything it was checked against: a secretariat digitizing its archive
    /// types the record (meetings, participants) long after the decisions it dates, so a pure date order
    /// would apply a decision before its meeting is on record.
    ///
    /// - Parameters:
    ///   - entries: the whole ledger, in order.
    ///   - lexicon: the dictionary the store checks typo fixes against.
    public static func replaying(
        _ entries: some Sequence<LedgerEntry>, asOf date: PartialDate, lexicon: any Lexicon = EmptyLexicon()
    ) -> ProcessState {
        var state = ProcessState()
        for entry in entries {
            if let effective = state.effectiveDate(of: entry), !effective.mayBe(onOrBefore: date) { continue }
            _ = try? state.apply(entry, enforcingAuthority: true, lexicon: lexicon, inSequence: false)
        }
        return state
    }

    /// The date from which `entry` counts in the history of the plan, judged against the state before it; nil
    /// for an entry that counts whatever the date.
    public func effectiveDate(of entry: LedgerEntry) -> PartialDate? {
        switch entry.change {
        case .adoptDraft(let id):
            return drafts[id].flatMap { meetings[$0.meeting] }.flatMap { $0.start }
        case .confirmDecision(let id):
            return decisions[id].flatMap { meetings[$0.meeting] }.flatMap { $0.start }
        case .addItem(let item) where item.status == .proposed: return nil
        case .addWorkplan(let workplan) where workplan.status == .proposed: return nil
        case .addStandingItem(let item) where item.status == .suggested: return nil
        case .addItem, .amendItem, .changeStatus, .addWorkplan, .amendWorkplan, .addStandingItem,
            .challengeEditorial, .proposeEdition, .approveEdition:
            return PartialDate(day: entry.recordedAt)
        default:
            return nil
        }
    }
}
