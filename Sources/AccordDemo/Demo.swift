import AccordCore

/// The demo dataset: the Regional Conference on Migration as the seeds and public facts describe it.
///
/// Every fact comes from `rcm-facts.md` (its source keys, such as [E] or [G], are cited in the editorial
/// reasons and notes) or from the two seed documents: seed 000 (Canada's report, in French, on the IACHR's
/// admission as observer) and seed 002 (Canada's comments on Mexico's seven proposals and on the two
/// Liaison Officer Network workplans). Where a source marks something unknown the demo leaves it out or
/// says so in a note, rather than filling the gap.
///
/// The demo is not loaded behind the rules' back: each fact is a `ProposedChange` with an actor and an
/// authority, appended through `Store.append` like any change. It goes through the real flow: the
/// Secretariat enters the opening record (the process, its bodies, meetings and the membership the record
/// starts from, each with its source), then transcribes each decision with the effects it declares, and the
/// Presidency confirms the transcription, which applies them. What is not a commitment (proposals, progress
/// reports, suggestions) is the Secretariat's editorial record, citing its source.
public enum Demo {
    /// The demo's changes, in the order they are appended.
    ///
    /// The order is the rules' order: a change may only refer to what is already recorded, and participants
    /// are entered without a decision only in the opening record, before the first decision. The ledger's
    /// order is not history's: the VII RCM's restructuring (2002) is typed before the IV RCM's activities
    /// (1999) that sit in it, and the plan as of a meeting is computed by date (`Store.state(after:)`).
    public static var changes: [ProposedChange] {
        processDescription
            + participants
            + bodies
            + meetings
            + practices
            + decisions
            + progress
            + mexicoProposalItemsAsPlan
            + workplans
            + strategicPlan
            + mexicoProposalAndComments
            + standingItems
    }

    /// The record the demo describes, built in memory by the same rules the store applies.
    ///
    /// Documents and their tests read this without a database; `accord demo` appends `changes` to a store
    /// instead (`Store.append`, all in one transaction, refused whole by a store that already holds any).
    ///
    /// - Parameter recordedAt: the time every entry is stamped with.
    public static func state(recordedAt: Timestamp = Timestamp(millisecondsSince1970: 1_763_942_400_000))
        throws(ChangeError) -> ProcessState
    {
        var state = ProcessState()
        for proposed in changes {
            let entry = LedgerEntry(
                sequence: state.sequence + 1, recordedAt: recordedAt, actor: proposed.actor,
                authority: proposed.authority, change: proposed.change)
            state = try state.applying(entry).state
        }
        return state
    }

    /// The Technical Secretariat, as the demo loader acts for it: it keeps the record and transcribes.
    static let secretariat = Actor(name: "Accord demo (Technical Secretariat)", role: .secretariat)

    /// The Presidency Pro-Tempore, as the demo loader acts for it: the second person, who confirms what the
    /// Secretariat transcribed.
    static let presidency = Actor(name: "Accord demo (Presidency Pro-Tempore)", role: .presidency)

    /// A fact of record, entered by the Secretariat's editorial power with the source it comes from.
    static func recorded(_ change: Change, _ reason: String) -> ProposedChange {
        ProposedChange(change, by: secretariat, authority: .editorial(reason: reason))
    }

    /// A decision transcribed from its outcome document with the effects it declares, then confirmed by
    /// the Presidency: two entries, the second of which brings it into force and applies the effects.
    static func transcribed(_ decision: Decision, _ reason: String) -> [ProposedChange] {
        [
            recorded(.recordDecision(decision), reason),
            ProposedChange(.confirmDecision(decision.id), by: presidency, authority: .decision(decision.id)),
        ]
    }

    /// A date from the sources, at the precision they give ("1997", "2000-03", "1999-01-28").
    ///
    /// The demo's dates are literals checked by the tests, so a malformed one is a programming error.
    static func date(_ text: String) -> PartialDate {
        guard let date = PartialDate(text) else {
            preconditionFailure("demo date '\(text)' is not of the form YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return date
    }
}
