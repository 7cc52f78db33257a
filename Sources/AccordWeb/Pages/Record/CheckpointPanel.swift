import AccordCore
import AccordDocuments
import AccordServices
import AccordStore

/// The ledger's anchors as the editions page shows them: the newest signed checkpoint with the member
/// states' delegates who countersigned it, and under each edition the checkpoint that covers it and who
/// has witnessed a ledger holding it (DESIGN.md §3 rule 5). Public, like the checkpoint itself.
enum CheckpointPanel {
    /// The newest checkpoint, its witnesses, and where to fetch the signed note and the hashes.
    static func latest(
        _ latest: StoredCheckpoint?, witnesses: [Witnessing], state: ProcessState, viewer: Viewer, _ html: inout HTML
    ) {
        html.element("section", [("class", "checkpoint"), ("aria-labelledby", "checkpoint")]) { html in
            html.element("h2", [("id", "checkpoint")], text: viewer.t(RecordWords.checkpoint))
            guard let latest else {
                html.element("p", [("class", "muted")], text: viewer.t(RecordWords.checkpointNone))
                return
            }
            html.element("p") { html in
                describe(latest.checkpoint, viewer: viewer, &html)
                html.text(" · ")
                html.link(Link("/api/v1/ledger/checkpoint"), viewer.t(RecordWords.checkpointNote))
                html.text(" · ")
                html.link(Link("/api/v1/ledger/hashes"), "hashes")
            }
            self.witnesses(witnesses, state: state, viewer: viewer, &html)
        }
    }

    /// Under one edition: the checkpoint that covers the ledger position it publishes, and its witnesses.
    static func edition(
        _ anchor: LedgerAnchor?, witnesses: [Witnessing], state: ProcessState, viewer: Viewer, _ html: inout HTML
    ) {
        guard let checkpoint = anchor?.checkpoint else { return }
        html.element("div", [("class", "muted")]) { html in
            html.text("\(viewer.t(RecordWords.checkpoint)): ")
            describe(checkpoint, viewer: viewer, &html)
        }
        self.witnesses(witnesses, state: state, viewer: viewer, &html)
    }

    /// "entry 1042, hash 3fa1…, signed by rcm.example.org/accord on 2026-11-23T20:31:05.123Z".
    private static func describe(_ checkpoint: Checkpoint, viewer: Viewer, _ html: inout HTML) {
        html.text("\(viewer.t(RecordWords.entry)) \(checkpoint.size), \(viewer.t(RecordWords.hash)) ")
        html.element("code", [("title", checkpoint.hash)], text: String(checkpoint.hash.prefix(16)) + "…")
        html.text(", \(viewer.t(RecordWords.signedBy)) \(checkpoint.origin) · \(checkpoint.time)")
    }

    /// Who countersigned: each delegation by name, with when.
    private static func witnesses(_ witnesses: [Witnessing], state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        guard !witnesses.isEmpty else {
            html.element("p", [("class", "muted witnesses")], text: viewer.t(RecordWords.noWitness))
            return
        }
        html.element("p", [("class", "witnesses")]) { html in
            html.text("\(viewer.t(RecordWords.witnessedBy)): ")
            for (index, witness) in witnesses.enumerated() {
                if index > 0 { html.text("; ") }
                let name = witness.participant.map { viewer.name($0, in: state) } ?? witness.username
                let when = Timestamp(millisecondsSince1970: Int64(clamping: witness.time) * 1_000)
                html.element("span", [("class", "witness")], text: name)
                html.text(" (\(String(when.description.prefix(10))))")
            }
        }
    }
}
