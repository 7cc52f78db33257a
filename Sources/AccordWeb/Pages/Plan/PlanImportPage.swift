import AccordCore
import AccordDocuments
import AccordServices
import AccordStore

/// The plan CSV uploaded from a page (issue 19.1), as `accord import --dry-run` and the API read it: the
/// Secretariat pastes the file, checks it — every problem shown by row and column, every change it would
/// make shown as a diff, nothing recorded — and then applies it under a decision or an editorial reason, in
/// one transaction through the application layer. A file with any problem changes nothing.
enum PlanImportPage {
    /// The form's fields: the file's text, the authority, and which button was pressed.
    struct Fields: Decodable, Sendable {
        var csv: String?
        var decision: String?
        var reason: String?
        /// "yes" for Apply; anything else checks only.
        var apply: String?
    }

    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.page("plan/import") { viewer, _, _ in
            try viewer.policy.require(viewer.policy.recordsDecisions, "import a plan CSV")
            return render(Fields(), result: nil, viewer: viewer)
        }
        pages.formPage("plan/import", Fields.self) { viewer, fields, _ in
            try viewer.policy.require(viewer.policy.recordsDecisions, "import a plan CSV")
            let csv = try FormBody.required(
                fields.csv, "csv", "paste the plan CSV, as the plan's CSV download writes it")
            let authority = try ItemForms.authority(["decision": fields.decision ?? "", "reason": fields.reason ?? ""])
            let (plan, appended) = try await Exports.importPlan(
                into: record, csv: Array(csv.utf8), authority: authority, apply: fields.apply == "yes",
                as: viewer.principal)
            return render(fields, result: (plan, appended), viewer: viewer)
        }
    }

    /// The form, and under its heading the result of the last check or application.
    static func render(_ fields: Fields, result: (plan: PlanImport, appended: [AppendedEntry])?, viewer: Viewer)
        -> PageContent
    {
        let language = viewer.language
        var main = HTML()
        main.element("h1", text: ImportText.title(language))
        if let result { outcome(result.plan, appended: result.appended, viewer: viewer, &main) }
        main.element("p", [("class", "muted")], text: ImportText.hint(language))
        let action = viewer.link("/plan/import").path
        main.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            html.element("label") { html in
                html.element("span", text: "CSV")
                html.element("textarea", [("name", "csv"), ("rows", "12"), ("required", "")], text: fields.csv ?? "")
            }
            html.element("fieldset") { html in
                html.element("legend", text: viewer.t(.authority))
                Forms.field("decision", ItemFormText.decision(language), value: fields.decision ?? "", &html)
                Forms.field("reason", ItemFormText.reason(language), value: fields.reason ?? "", &html)
            }
            html.element(
                "button", [("type", "submit"), ("name", "apply"), ("value", "no")], text: ImportText.check(language))
            html.element(
                "button", [("type", "submit"), ("name", "apply"), ("value", "yes")], text: ImportText.apply(language))
        }
        return PageContent(title: ImportText.title(language), main: main, section: .plan)
    }

    /// The problems by row and column, or what was recorded, and the changes the file makes.
    private static func outcome(_ plan: PlanImport, appended: [AppendedEntry], viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        if !plan.problems.isEmpty {
            html.element("div", [("class", "notice error"), ("role", "alert")]) { html in
                html.text(ImportText.refused(plan.problems.count, language))
            }
            table([ImportText.row(language), ImportText.column(language), ImportText.reason(language)], &html) { html in
                for problem in plan.problems {
                    html.element("tr") { html in
                        html.element("td", text: "\(problem.row)")
                        html.element("td") { $0.element("code", text: problem.column) }
                        html.element("td", text: problem.reason)
                    }
                }
            }
            return
        }
        html.element("div", [("class", "notice"), ("role", "status")]) { html in
            if let first = appended.first, let last = appended.last {
                html.text(
                    ImportText.applied(plan.changes.count, language)
                        + " (#\(first.entry.sequence)–#\(last.entry.sequence))")
            } else {
                html.text(ImportText.checked(plan.changes.count, language))
            }
        }
        guard !plan.diff.isEmpty else { return }
        let headings = [
            ImportText.row(language), viewer.t(.number), ImportText.column(language), ImportText.before(language),
            ImportText.after(language),
        ]
        table(headings, &html) { html in
            for line in plan.diff {
                html.element("tr") { html in
                    html.element("td", text: "\(line.row)")
                    html.element("td", text: line.number)
                    html.element("td") { $0.element("code", text: line.field) }
                    html.element("td", text: line.old)
                    html.element("td", text: line.new)
                }
            }
        }
    }

    private static func table(_ headings: [String], _ html: inout HTML, _ rows: (inout HTML) -> Void) {
        html.element("table") { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    for heading in headings { html.element("th", [("scope", "col")], text: heading) }
                }
            }
            html.element("tbody") { rows(&$0) }
        }
    }
}

/// The import page's words, in Spanish, English and French.
enum ImportText {
    static func title(_ language: Language) -> String {
        language.pick(("Importar el plan en CSV", "Import the plan as CSV", "Importer le plan en CSV"))
    }
    static func hint(_ language: Language) -> String {
        language.pick(
            (
                "Pegue el CSV tal como lo escribe la descarga CSV del plan. «Verificar» muestra los problemas y los "
                    + "cambios sin registrar nada; «Aplicar» los registra si no hay ningún problema.",
                "Paste the CSV as the plan's CSV download writes it. Check shows the problems and the changes and "
                    + "records nothing; Apply records them when there is no problem.",
                "Collez le CSV tel que l'écrit le téléchargement CSV du plan. « Vérifier » montre les problèmes et "
                    + "les changements sans rien enregistrer ; « Appliquer » les enregistre s'il n'y a aucun problème."
            ))
    }
    static func check(_ language: Language) -> String { language.pick(("Verificar", "Check", "Vérifier")) }
    static func apply(_ language: Language) -> String { language.pick(("Aplicar", "Apply", "Appliquer")) }
    static func row(_ language: Language) -> String { language.pick(("Fila", "Row", "Ligne")) }
    static func column(_ language: Language) -> String { language.pick(("Columna", "Column", "Colonne")) }
    static func reason(_ language: Language) -> String { language.pick(("Motivo", "Reason", "Motif")) }
    static func before(_ language: Language) -> String { language.pick(("Antes", "Before", "Avant")) }
    static func after(_ language: Language) -> String { language.pick(("Después", "After", "Après")) }
    static func refused(_ count: Int, _ language: Language) -> String {
        language.pick(
            (
                "\(count) problema(s) en el archivo: no se registró nada.",
                "\(count) problem(s) in the file: nothing was recorded.",
                "\(count) problème(s) dans le fichier : rien n'a été enregistré."
            ))
    }
    static func checked(_ count: Int, _ language: Language) -> String {
        language.pick(
            (
                "Sin problemas: \(count) cambio(s), aún no registrados.",
                "No problem: \(count) change(s), not recorded yet.",
                "Aucun problème : \(count) changement(s), pas encore enregistré(s)."
            ))
    }
    static func applied(_ count: Int, _ language: Language) -> String {
        language.pick(
            (
                "\(count) cambio(s) registrados", "\(count) change(s) recorded", "\(count) changement(s) enregistré(s)"
            ))
    }
}
