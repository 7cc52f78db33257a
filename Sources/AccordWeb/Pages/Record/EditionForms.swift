import AccordCore
import AccordServices

/// Editions in two steps, on the editions page (issue 17.4): the Secretariat proposes edition N with its
/// revision report in view; the Presidency approves the proposal, citing the decision of the highest body
/// that approves the revised plan. Core refuses either while a challenge is held, and refuses an approval
/// citing a decision that declares no such approval.
enum EditionForms {
    /// The proposal form's fields.
    struct ProposalFields: Decodable, Sendable {
        var title: String?
        var date: String?
        var position: String?
    }

    /// The approval form's fields.
    struct ApprovalFields: Decodable, Sendable {
        var decision: String?
    }

    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.form("editions", ProposalFields.self) { viewer, fields, _ in
            try viewer.policy.require(viewer.policy.proposesEditions, "propose an edition")
            let state = try await record.state(for: viewer.principal)
            let title = try FormBody.required(fields.title, "title", "give the edition a title")
            guard let date = PartialDate(FormBody.trimmed(fields.date)) else {
                throw AuthError.invalid(
                    field: "date", reason: "give the publication date as 2025, 2025-11 or 2025-11-20")
            }
            let position = FormBody.trimmed(fields.position)
            guard let position = position.isEmpty ? state.sequence : Int64(position) else {
                throw AuthError.invalid(field: "position", reason: "give the ledger position the edition publishes")
            }
            let edition = Edition(
                number: nextNumber(in: state), title: viewer.typed(title), date: date, position: position)
            try await record.record(
                .proposeEdition(edition), authority: .editorial(reason: "proposed with its revision report"),
                as: viewer.principal)
            return viewer.link("/editions")
        }
        pages.form("editions/{number}/approve", ApprovalFields.self) { viewer, fields, context in
            try viewer.policy.require(viewer.policy.approvesEditions, "approve an edition")
            guard let number = Int(context.parameters.get("number") ?? "") else {
                throw AuthError.invalid(field: "number", reason: "no such edition")
            }
            let decision = DecisionID(
                try FormBody.required(fields.decision, "decision", "choose the decision that approves the revised plan")
            )
            try await record.record(.approveEdition(number), authority: .decision(decision), as: viewer.principal)
            return viewer.link("/editions")
        }
    }

    /// The number the next edition takes: one after the last published.
    static func nextNumber(in state: ProcessState) -> Int {
        (state.editions.values.filter(\.isPublished).map(\.number).max() ?? 0) + 1
    }

    /// For the working side: the revision report since the last edition, and the step that is theirs —
    /// proposing (the Secretariat) or approving (the Presidency).
    static func section(_ report: RevisionReport, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        html.element("section", [("class", "revision"), ("aria-labelledby", "revision-report")]) { html in
            html.element("h2", [("id", "revision-report")], text: viewer.t(RecordWords.revisionReport))
            differences(report, state: state, viewer: viewer, &html)
            let proposed = state.editions.values.filter { !$0.isPublished }.sorted { $0.number < $1.number }
            if report.isBlocked || state.challenges.values.contains(where: { $0.status == .held }) {
                html.element(
                    "div", [("class", "notice error"), ("role", "status")], text: viewer.t(RecordWords.blockedReport))
            }
            if viewer.policy.proposesEditions { proposalForm(state: state, viewer: viewer, &html) }
            if viewer.policy.approvesEditions {
                for edition in proposed { approvalForm(edition, state: state, viewer: viewer, &html) }
            }
        }
    }

    /// Each substantive difference and the decision that covers it, or that none does.
    private static func differences(_ report: RevisionReport, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        guard !report.differences.isEmpty else {
            html.element("p", [("class", "muted")], text: viewer.t(RecordWords.noChanges))
            return
        }
        html.element("table", [("class", "report")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [("scope", "col")], text: viewer.t(.number))
                    html.element("th", [("scope", "col")], text: viewer.t(.change))
                    html.element("th", [("scope", "col")], text: viewer.t(.authority))
                }
            }
            html.element("tbody") { html in
                for difference in report.differences {
                    html.element("tr", difference.coveredBy == nil ? [("class", "uncovered")] : []) { html in
                        html.element("td") {
                            $0.link(viewer.link("/items/\(difference.item.rawValue)"), difference.item.rawValue)
                        }
                        html.element("td", text: difference.field)
                        html.element("td") { html in
                            guard let decision = difference.coveredBy else {
                                html.element("strong", text: viewer.t(RecordWords.uncovered))
                                if let problem = difference.problem { html.text(": \(problem)") }
                                return
                            }
                            html.text("\(viewer.t(RecordWords.covered)) ")
                            html.link(viewer.link("/decisions", [("id", decision.rawValue)]), decision.rawValue)
                        }
                    }
                }
            }
        }
    }

    /// The Secretariat proposes the next edition: title, date, and the ledger position it publishes (now).
    private static func proposalForm(state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let number = nextNumber(in: state)
        html.element("h3", text: "\(viewer.t(RecordWords.proposeEdition)) \(number)")
        html.element("form", [("class", "stack"), ("method", "post"), ("action", viewer.link("/editions").path)]) {
            html in
            Forms.token(viewer, &html)
            Forms.field("title", viewer.t(RecordWords.editionTitle), required: true, &html)
            Forms.field("date", viewer.t(RecordWords.editionDate), required: true, &html)
            Forms.field(
                "position", viewer.t(RecordWords.editionPosition), value: String(state.sequence), type: "number", &html)
            html.element("button", [("type", "submit")], text: viewer.t(RecordWords.proposeEdition))
        }
    }

    /// The Presidency approves a proposed edition, citing a decision in force that approves a revised plan.
    private static func approvalForm(_ edition: Edition, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        html.element("h3", text: "\(viewer.t(RecordWords.approveEdition)) \(edition.number)")
        let candidates = state.decisions.values.filter { $0.isInForce && $0.effects.contains(.approveRevisedPlan) }
            .map(\.id).sorted(by: >)
        let action = viewer.link("/editions/\(edition.number)/approve").path
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            Forms.select(
                "decision", viewer.t(RecordWords.approvingDecision), candidates.map { ($0.rawValue, $0.rawValue) },
                &html)
            html.element("button", [("type", "submit")], text: viewer.t(RecordWords.approveEdition))
        }
    }
}
