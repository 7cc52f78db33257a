import AccordCore
import AccordServices

/// A transcribed decision awaiting the second person: shown as pending wherever decisions are listed, with
/// the Presidency's Confirm and Reject buttons (issue 17.2; OWASP ASVS 5.0 §2.3.5). Confirming brings the
/// decision into force and applies its effects; rejecting, with a reason, applies nothing. Core decides the
/// rest: the transcriber cannot confirm their own transcription, and only a pending one is reviewed.
enum TranscriptionForms {
    /// The review forms' fields: the decision, and why it is rejected.
    struct ReviewFields: Decodable, Sendable {
        var decision: String?
        var reason: String?
    }

    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.form("decisions/confirm", ReviewFields.self) { viewer, fields, _ in
            try viewer.policy.require(viewer.policy.confirmsTranscriptions, "confirm a transcribed decision")
            let id = DecisionID(try FormBody.required(fields.decision, "decision", "choose the decision to confirm"))
            try await record.record(.confirmDecision(id), authority: .decision(id), as: viewer.principal)
            return viewer.link("/decisions", [("id", id.rawValue)])
        }
        pages.form("decisions/reject", ReviewFields.self) { viewer, fields, _ in
            try viewer.policy.require(viewer.policy.confirmsTranscriptions, "reject a transcribed decision")
            let id = DecisionID(try FormBody.required(fields.decision, "decision", "choose the decision to reject"))
            let reason = try FormBody.required(fields.reason, "reason", "say why the transcription is rejected")
            try await record.record(
                .rejectDecision(id, reason: viewer.typed(reason)), authority: .decision(id), as: viewer.principal)
            return viewer.link("/decisions", [("id", id.rawValue)])
        }
    }

    /// " · pending confirmation" or " · transcription rejected" after a decision's kind; nothing when in force.
    static func status(_ decision: Decision, viewer: Viewer, _ html: inout HTML) {
        switch decision.status {
        case .inForce: return
        case .pending:
            html.text(" · ")
            html.element("strong", [("class", "pending")], text: viewer.t(RecordWords.pending))
        case .rejected:
            html.text(" · ")
            html.element("span", [("class", "rejected")], text: viewer.t(RecordWords.rejected))
        }
    }

    /// On a decision's own page: who transcribed it, whether it awaits the Presidency, was rejected (and why)
    /// or was confirmed, and for the Presidency the buttons while it is pending.
    static func details(_ decision: Decision, viewer: Viewer, _ html: inout HTML) {
        guard let transcriber = decision.transcriber else { return }
        switch decision.status {
        case .pending:
            html.element("div", [("class", "notice pending"), ("role", "status")]) { html in
                html.element("strong", text: viewer.t(RecordWords.pending))
                html.text(
                    ". \(viewer.t(RecordWords.pendingNote)) \(viewer.t(RecordWords.transcribedBy)) \(transcriber).")
            }
        case .rejected:
            html.element("div", [("class", "notice error")]) { html in
                html.element("strong", text: viewer.t(RecordWords.rejected))
                html.text(": ")
                viewer.write(decision.rejection, into: &html)
            }
        case .inForce:
            html.element("p", [("class", "muted")]) { html in
                html.text("\(viewer.t(RecordWords.transcribedBy)) \(transcriber)")
                if let since = decision.inForceSince {
                    html.text(", \(viewer.t(RecordWords.confirmedBy)) \(since)")
                }
            }
        }
        buttons(decision, viewer: viewer, &html)
    }

    /// For the Presidency, under a pending decision: Confirm, and Reject with a reason.
    static func buttons(_ decision: Decision, viewer: Viewer, _ html: inout HTML) {
        guard decision.status == .pending, viewer.policy.confirmsTranscriptions else { return }
        html.element("div", [("class", "review")]) { html in
            html.element(
                "form", [("class", "inline"), ("method", "post"), ("action", viewer.link("/decisions/confirm").path)]
            ) { html in
                Forms.token(viewer, &html)
                html.open("input", [("type", "hidden"), ("name", "decision"), ("value", decision.id.rawValue)])
                html.element("button", [("type", "submit")], text: viewer.t(RecordWords.confirm))
            }
            html.element(
                "form", [("class", "inline"), ("method", "post"), ("action", viewer.link("/decisions/reject").path)]
            ) { html in
                Forms.token(viewer, &html)
                html.open("input", [("type", "hidden"), ("name", "decision"), ("value", decision.id.rawValue)])
                Forms.field("reason", viewer.t(RecordWords.rejectReason), required: true, &html)
                html.element("button", [("type", "submit")], text: viewer.t(RecordWords.reject))
            }
        }
    }
}
