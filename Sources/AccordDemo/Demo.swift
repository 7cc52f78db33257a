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
/// authority, appended through `Store.append` like any change a Secretariat officer makes. Facts of record
/// carry an editorial authority whose reason cites the source; anything approved cites a recorded decision.
public enum Demo {
    /// The demo's changes, in the order they are appended.
    ///
    /// The order is the rules' order: a change may only refer to what is already recorded, so the process
    /// comes first, then who takes part, the bodies, their meetings, the decisions of those meetings, and
    /// only then what the decisions authorized (the IACHR's admission, the plan and the workplans).
    public static var changes: [ProposedChange] {
        processDescription
            + participants
            + bodies
            + meetings
            + decisions
            + admissions
            + linesOfAction
            + areas
            + activities
            + mexicoProposalItemsAsPlan
            + workplans
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

    /// The one actor of the demo: Accord itself, loading the record, not a person acting for a country.
    static let loader = Actor(name: "Accord demo loader", role: .system)

    /// A fact of record, entered by the Secretariat's editorial power with the source it comes from.
    static func recorded(_ change: Change, _ reason: String) -> ProposedChange {
        ProposedChange(change, by: loader, authority: .editorial(reason: reason))
    }

    /// A change that a recorded decision authorized; the rules check the decision exists and set `approvedBy`.
    static func decided(_ change: Change, by decision: DecisionID) -> ProposedChange {
        ProposedChange(change, by: loader, authority: .decision(decision))
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
