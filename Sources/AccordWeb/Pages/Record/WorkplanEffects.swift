import AccordCore
import AccordServices

/// "Adopt or update a workplan" as a draft decision's declared effects, from the draft form and the outcome
/// document's (issue 19.1): a network's new workplan (`add-workplan`), or an existing one's title and status
/// (`amend-workplan`), with the rows the decision adds to it (`add-item` in that workplan), and the delegation
/// of its updates to its network (`delegate-workplan-updates`). Nothing here decides whether the decision may
/// do it: Core's rules do, when the draft is adopted (a workplan approved by the RCM changes only by a decision
/// of the RCM, or of its network once the RCM delegated its updates).
enum WorkplanEffects {
    /// The effects the section describes, in the order they apply; none when its code is blank.
    ///
    /// - Throws: `AuthError.invalid` naming the field: a new workplan without its network or title, a status
    ///   that is not one, a row that cannot be read, or a workplan named but nothing filled to change.
    static func read(_ fields: [String: String], state: ProcessState, viewer: Viewer) throws -> [Change] {
        let code = FormBody.trimmed(fields["workplan-id"])
        guard !code.isEmpty else { return [] }
        let id = WorkplanID(code)
        let title = FormBody.trimmed(fields["workplan-title"])
        let statusText = FormBody.trimmed(fields["workplan-status"])
        let status = try statusText.isEmpty ? nil : Self.status(statusText)
        var effects: [Change] = []
        if let old = state.workplans[id] {
            var changed = old
            if !title.isEmpty { changed.title[viewer.language] = title }
            if let status { changed.status = status }
            if changed != old { effects.append(.amendWorkplan(changed)) }
        } else {
            let body = try FormBody.required(
                fields["workplan-body"], "workplan-body", "choose the network whose workplan the decision adopts")
            let title = try FormBody.required(fields["workplan-title"], "workplan-title", "give the workplan its title")
            effects.append(
                .addWorkplan(
                    Workplan(id: id, body: BodyID(body), title: viewer.typed(title), status: status ?? .approved)))
        }
        effects += try rows(fields["workplan-rows"], of: id, viewer: viewer).map { .addItem($0) }
        if fields["workplan-delegate"] != nil { effects.append(.delegateWorkplanUpdates(id)) }
        guard !effects.isEmpty else {
            throw AuthError.invalid(
                field: "workplan-id",
                reason: "fill what the decision does to workplan \(code): its title, its status, rows to add or the "
                    + "delegation of its updates")
        }
        return effects
    }

    /// The rows the decision adds, one a line: `number | specific action | leads | target date`. A number
    /// with a dot ("CP-1.2") is an action under the area before its last dot ("CP-1"); one without is an area.
    static func rows(_ text: String?, of workplan: WorkplanID, viewer: Viewer) throws -> [PlanItem] {
        var rows: [PlanItem] = []
        let lines = FormBody.trimmed(text).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            func refuse(_ reason: String) -> AuthError {
                AuthError.invalid(field: "workplan-rows", reason: "line \(index + 1): \(reason)")
            }
            guard cells.count >= 2, cells.count <= 4, !cells[0].isEmpty, !cells[1].isEmpty else {
                throw refuse("write number | specific action | leads | target date (the last two may be left out)")
            }
            var target: PartialDate?
            if cells.count == 4, !cells[3].isEmpty {
                guard let date = PartialDate(cells[3]) else { throw refuse("'\(cells[3])' is not a date like 2027-06") }
                target = date
            }
            let number = cells[0]
            let parent = number.lastIndex(of: ".").map { ItemNumber(String(number[..<$0])) }
            rows.append(
                PlanItem(
                    number: ItemNumber(number), kind: parent == nil ? .area : .activity, parent: parent,
                    workplan: workplan, title: viewer.typed(cells[1]),
                    leads: cells.count >= 3 ? MeetingForms.leads(cells[2]) : [],
                    timeline: target.map { Timeline(target: $0) }, status: .approved))
        }
        return rows
    }

    private static func status(_ text: String) throws -> Status {
        guard let status = Status(rawValue: text) else {
            throw AuthError.invalid(field: "workplan-status", reason: "'\(text)' is not a status")
        }
        return status
    }

    /// The section of the draft form, its fields named with `prefix` as the other effects' are.
    static func section(prefix: String, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("fieldset") { html in
            html.element("legend", text: WorkplanText.legend(language))
            html.element("p", [("class", "muted")], text: WorkplanText.hint(language))
            let workplans = state.workplans.values.sorted { $0.id < $1.id }.map {
                ($0.id.rawValue, "\($0.id.rawValue) \(viewer.words($0.title))")
            }
            Forms.field("\(prefix)workplan-id", WorkplanText.code(language), &html)
            if !workplans.isEmpty {
                html.element("p", [("class", "muted")]) { html in
                    html.text(WorkplanText.existing(language) + " ")
                    html.text(workplans.map(\.1).joined(separator: "; "))
                }
            }
            Forms.select(
                "\(prefix)workplan-body", WorkplanText.network(language),
                [("", viewer.t(.none))]
                    + state.bodies.values.filter { $0.level == .network }.sorted { $0.id < $1.id }.map {
                        ($0.id.rawValue, viewer.words($0.name))
                    }, &html)
            Forms.field("\(prefix)workplan-title", viewer.t(.title), &html)
            Forms.select(
                "\(prefix)workplan-status", viewer.t(.newStatus),
                [("", WorkplanText.unchanged(language))] + Status.allCases.map { ($0.rawValue, viewer.status($0)) },
                &html)
            Forms.textarea("\(prefix)workplan-rows", WorkplanText.rows(language), &html)
            html.element("label", [("class", "check")]) { html in
                html.open("input", [("type", "checkbox"), ("name", "\(prefix)workplan-delegate")])
                html.text(" " + WorkplanText.delegate(language))
            }
        }
    }
}

/// The workplan section's words, in Spanish, English and French.
enum WorkplanText {
    static func legend(_ language: Language) -> String {
        language.pick(
            (
                "Adoptar o actualizar un plan de trabajo", "Adopt or update a workplan",
                "Adopter ou actualiser un plan de travail"
            ))
    }
    static func hint(_ language: Language) -> String {
        language.pick(
            (
                "Un código nuevo adopta un plan de trabajo de la red elegida (aprobado, salvo otro estado); uno "
                    + "existente cambia solo lo que se llena. Las filas se añaden a él.",
                "A new code adopts a workplan of the network chosen (approved unless another status is chosen); an "
                    + "existing one changes only what is filled. The rows are added to it.",
                "Un nouveau code adopte un plan de travail du réseau choisi (approuvé, sauf autre état) ; un code "
                    + "existant ne change que ce qui est rempli. Les lignes y sont ajoutées."
            ))
    }
    static func code(_ language: Language) -> String {
        language.pick(("Código del plan de trabajo", "Workplan code", "Code du plan de travail"))
    }
    static func existing(_ language: Language) -> String {
        language.pick(("Existentes:", "Existing:", "Existants :"))
    }
    static func network(_ language: Language) -> String {
        language.pick(("Red (para uno nuevo)", "Network (for a new one)", "Réseau (pour un nouveau)"))
    }
    static func unchanged(_ language: Language) -> String {
        language.pick(
            (
                "(sin cambio; aprobado si es nuevo)", "(unchanged; approved if new)",
                "(inchangé ; approuvé s'il est nouveau)"
            ))
    }
    static func rows(_ language: Language) -> String {
        language.pick(
            (
                "Filas que añade, una por línea: número | acción específica | responsables | fecha",
                "Rows it adds, one a line: number | specific action | leads | target date",
                "Lignes qu'il ajoute, une par ligne : numéro | action spécifique | responsables | échéance"
            ))
    }
    static func delegate(_ language: Language) -> String {
        language.pick(
            (
                "Delegar sus actualizaciones en la red", "Delegate its updates to its network",
                "Déléguer ses mises à jour au réseau"
            ))
    }
}
