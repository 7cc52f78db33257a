import AccordCore

/// The overview pages' own words (dashboard, search), in Spanish, English and French.
extension UIText {
    static func noLead(_ language: Language) -> String {
        language.pick(("Sin responsable", "No lead", "Sans responsable"))
    }

    static func otherLeads(_ language: Language) -> String {
        language.pick(("Otros responsables", "Other leads", "Autres responsables"))
    }

    /// What a search hit is, by `SearchHit.kind`.
    static func searchKind(_ kind: String, _ language: Language) -> String {
        let forms: (String, String, String) =
            switch kind {
            case "item": ("elemento del plan", "plan item", "élément du plan")
            case "decision": ("decisión", "decision", "décision")
            case "draft": ("proyecto de decisión", "draft decision", "projet de décision")
            case "proposal": ("propuesta", "proposal", "proposition")
            case "comment": ("comentario", "comment", "commentaire")
            case "meeting": ("reunión", "meeting", "réunion")
            case "participant": ("participante", "participant", "participant")
            case "body": ("órgano", "body", "organe")
            case "workplan": ("plan de trabajo", "workplan", "plan de travail")
            case "standing-item":
                ("punto permanente de la agenda", "standing agenda item", "point permanent de l'ordre du jour")
            default: (kind, kind, kind)
            }
        return language.pick(forms)
    }
}
