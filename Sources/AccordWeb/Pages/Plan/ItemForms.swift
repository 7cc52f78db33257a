import AccordCore
import AccordDocuments
import AccordServices

/// The Secretariat adds a plan item or a workplan row, and amends one field by field, from the pages (issue
/// 19.1), under the authority the API asks for: a decision paragraph, or an editorial reason. The fields are
/// the draft form's and are read by its code; Core's rules decide as for the API — a substantive change to
/// an approved item is refused, naming the decision it would need, and an editorial one stays open to
/// challenge.
enum ItemForms {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.form("items", [String: String].self) { viewer, fields, _ in
            try viewer.policy.require(viewer.policy.recordsDecisions, "add plan items")
            guard var item = try MeetingForms.addedItem(fields, viewer: viewer) else {
                throw AuthError.invalid(field: "add-number", reason: "give the new item its number, such as MPM-1.4")
            }
            guard let status = Status(rawValue: FormBody.trimmed(fields["add-status"])) else {
                throw AuthError.invalid(field: "add-status", reason: "choose the new item's status")
            }
            item.status = status
            let workplan = FormBody.trimmed(fields["add-workplan"])
            item.workplan = workplan.isEmpty ? nil : WorkplanID(workplan)
            try await record.record(.addItem(item), authority: try authority(fields), as: viewer.principal)
            return viewer.link("/items/\(item.number.rawValue)")
        }
        pages.form("items/{number}/amend", [String: String].self) { viewer, fields, context in
            try viewer.policy.require(viewer.policy.recordsDecisions, "amend plan items")
            let number = context.parameters.get("number") ?? ""
            let state = try await record.state(for: viewer.principal)
            var fields = fields
            fields["amend-number"] = number
            guard let amendment = try MeetingForms.amendment(fields, state: state, viewer: viewer) else {
                throw Problem.notFound("plan item", number, field: "number")
            }
            try await record.record(.amendItem(amendment), authority: try authority(fields), as: viewer.principal)
            return viewer.link("/items/\(number)")
        }
    }

    /// The authority the form cites: the decision paragraph when one is given ("RCM-XXIX/12"), or else the
    /// editorial reason, which is then required.
    static func authority(_ fields: [String: String]) throws -> Authority {
        let decision = FormBody.trimmed(fields["decision"])
        if !decision.isEmpty { return .decision(DecisionID(decision)) }
        return .editorial(
            reason: try FormBody.required(
                fields["reason"], "reason",
                "cite the decision paragraph that declares the change, or give the editorial reason"))
    }

    /// The authority's two fields, as every item form asks for them.
    static func authorityFields(_ viewer: Viewer, _ html: inout HTML) {
        html.element("fieldset") { html in
            html.element("legend", text: viewer.t(.authority))
            Forms.field("decision", ItemFormText.decision(viewer.language), &html)
            Forms.field("reason", ItemFormText.reason(viewer.language), &html)
        }
    }

    /// On the plan's page, for the Secretariat: a new item of the plan or row of a network's workplan.
    static func newItem(state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        guard viewer.policy.recordsDecisions else { return }
        let language = viewer.language
        let items = state.items.values.sorted(by: Plan.inReadingOrder).map {
            ($0.number.rawValue, "\($0.number.rawValue) \(viewer.words($0.title))")
        }
        html.element("p") { $0.link(viewer.link("/plan/import"), ImportText.title(language)) }
        html.element("h2", text: ItemFormText.addItem(language))
        html.element("form", [("class", "stack"), ("method", "post"), ("action", viewer.link("/items").path)]) {
            html in
            Forms.token(viewer, &html)
            Forms.field("add-number", viewer.t(.number), required: true, &html)
            Forms.select(
                "add-kind", Words.kind(language),
                ItemKind.allCases.map { ($0.rawValue, MeetingFormText.itemKind($0, language)) }, selected: "activity",
                &html)
            Forms.select("add-parent", viewer.t(.partOf), [("", viewer.t(.none))] + items, &html)
            Forms.select(
                "add-workplan", ItemFormText.workplan(language),
                [("", ItemFormText.planOfAction(language))]
                    + state.workplans.values.sorted { $0.id < $1.id }.map {
                        ($0.id.rawValue, viewer.words($0.title))
                    }, &html)
            Forms.field("add-title", viewer.t(.title), required: true, &html)
            Forms.field("add-leads", MeetingFormText.leads(language), &html)
            Forms.field("add-target", Words.target(language), type: "date", &html)
            Forms.select(
                "add-status", viewer.t(.status), Status.allCases.map { ($0.rawValue, viewer.status($0)) },
                selected: "proposed", &html)
            authorityFields(viewer, &html)
            html.element("button", [("type", "submit")], text: ItemFormText.addItem(language))
        }
    }

    /// On an item's page, for the Secretariat: its fields, each changed only when filled.
    static func amendItem(_ item: PlanItem, viewer: Viewer, _ html: inout HTML) {
        guard viewer.policy.recordsDecisions, !item.status.isArchived else { return }
        let language = viewer.language
        html.element("h2", text: MeetingFormText.amendItem(language))
        let action = viewer.link("/items/\(item.number.rawValue)/amend").path
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            Forms.field("amend-title", "\(viewer.t(.title)) (\(UIText.languageName(language)))", &html)
            Forms.field("amend-text", "\(viewer.t(.text)) (\(UIText.languageName(language)))", &html)
            Forms.field("amend-leads", MeetingFormText.leads(language), &html)
            Forms.field("amend-target", Words.target(language), type: "date", &html)
            authorityFields(viewer, &html)
            html.element("button", [("type", "submit")], text: ItemFormText.amend(language))
        }
    }
}

/// The item forms' own words, in Spanish, English and French.
enum ItemFormText {
    static func addItem(_ language: Language) -> String {
        language.pick(
            (
                "Añadir un elemento o una fila de plan de trabajo", "Add an item or a workplan row",
                "Ajouter un élément ou une ligne de plan de travail"
            ))
    }
    static func amend(_ language: Language) -> String { language.pick(("Modificar", "Amend", "Modifier")) }
    static func workplan(_ language: Language) -> String {
        language.pick(("Plan al que pertenece", "Plan it belongs to", "Plan auquel il appartient"))
    }
    static func planOfAction(_ language: Language) -> String {
        language.pick(("Plan de Acción", "Plan of Action", "Plan d'action"))
    }
    static func decision(_ language: Language) -> String {
        language.pick(
            (
                "Decisión que lo dispone (p. ej. RCM-XXIX/12)", "Decision that declares it (e.g. RCM-XXIX/12)",
                "Décision qui le prévoit (p. ex. RCM-XXIX/12)"
            ))
    }
    static func reason(_ language: Language) -> String {
        language.pick(
            (
                "o razón editorial (traducción, formato, numeración, errata)",
                "or editorial reason (translation, formatting, numbering, typo)",
                "ou raison éditoriale (traduction, mise en forme, numérotation, coquille)"
            ))
    }
}
