import AccordCore

/// The words of "changes since your last visit" (its page and the dashboard's line), in Spanish, English and
/// French.
enum VisitText {
    static func title(_ language: Language) -> String {
        language.pick(
            (
                "Cambios desde su última visita", "Changes since your last visit",
                "Modifications depuis votre dernière visite"
            ))
    }

    /// "12 changes since your last visit".
    static func count(_ count: Int, _ language: Language) -> String {
        // French counts zero in the singular ("0 modification"); Spanish and English in the plural.
        if language == .fr, count == 0 { return "0 modification depuis votre dernière visite" }
        return language.pick(
            count == 1
                ? (
                    "1 cambio desde su última visita", "1 change since your last visit",
                    "1 modification depuis votre dernière visite"
                )
                : (
                    "\(count) cambios desde su última visita", "\(count) changes since your last visit",
                    "\(count) modifications depuis votre dernière visite"
                ))
    }

    static func nothing(_ language: Language) -> String {
        language.pick(
            (
                "Nada ha cambiado desde su última visita.", "Nothing has changed since your last visit.",
                "Rien n'a changé depuis votre dernière visite."
            ))
    }

    /// What the list covers and what the button does.
    static func span(since: Int64, through: Int64, _ language: Language) -> String {
        language.pick(
            (
                "Lo que cambió después de la posición \(since) del registro, hasta la posición \(through), tal como su cuenta puede verlo. «Marcar como visto» lleva su marca a la posición \(through).",
                "What changed after ledger position \(since), through position \(through), as your account may see it. “Mark as seen” moves your mark to position \(through).",
                "Ce qui a changé après la position \(since) du registre, jusqu'à la position \(through), tel que votre compte peut le voir. « Marquer comme vu » porte votre marque à la position \(through)."
            ))
    }

    static func markSeen(_ language: Language) -> String {
        language.pick(("Marcar como visto", "Mark as seen", "Marquer comme vu"))
    }

    /// "position 120", after each change.
    static func position(_ sequence: Int64, _ language: Language) -> String {
        language.pick(("posición \(sequence)", "position \(sequence)", "position \(sequence)"))
    }

    /// The heading of each kind of record, by `AtomFeed.categories`.
    static func group(_ category: String, _ language: Language) -> String {
        let forms: (String, String, String) =
            switch category {
            case "item": ("Elementos del plan", "Plan items", "Éléments du plan")
            case "decision": ("Decisiones", "Decisions", "Décisions")
            case "edition": ("Ediciones", "Editions", "Éditions")
            case "report": ("Informes nacionales", "National reports", "Rapports nationaux")
            case "event": ("Eventos", "Events", "Événements")
            case "release": ("Publicaciones estadísticas", "Statistical releases", "Publications statistiques")
            case "mandate": ("Mandatos", "Mandates", "Mandats")
            case "cycle": ("Ciclos de informes", "Reporting cycles", "Cycles de rapports")
            default: (category, category, category)
            }
        return language.pick(forms)
    }
}
