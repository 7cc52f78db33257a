import AccordCore

/// The overview pages' own words (dashboard, search), in Spanish, English and French.
extension UIText {
    static func noLead(_ language: Language) -> String {
        language.pick(("Sin responsable", "No lead", "Sans responsable"))
    }

    static func otherLeads(_ language: Language) -> String {
        language.pick(("Otros responsables", "Other leads", "Autres responsables"))
    }
}
