import AccordCore

/// The names of the governance vocabulary — positions, stances, a proposal's state — in the viewer's
/// language: a delegate reads "no objeta", never the stored "does-not-object".
extension UIText {
    static func position(_ position: Position, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch position {
            case .supports: ("apoya", "supports", "soutient")
            case .doesNotObject: ("no objeta", "does not object", "ne s'oppose pas")
            case .reservation:
                (
                    "reserva pendiente de consulta interna", "reservation pending domestic consultation",
                    "réserve en attente de consultation interne"
                )
            case .objects: ("objeta", "objects", "s'oppose")
            }
        return language.pick((es, en, fr))
    }

    static func stance(_ stance: Stance, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch stance {
            case .supports: ("apoya", "supports", "soutient")
            case .supportsWithChanges: ("apoya con cambios", "supports with changes", "soutient avec des modifications")
            case .hasConcerns: ("tiene inquietudes", "has concerns", "a des réserves")
            case .reserves:
                (
                    "reserva pendiente de consulta interna", "reserves pending domestic consultation",
                    "réserve en attente de consultation interne"
                )
            case .opposes: ("se opone", "opposes", "s'oppose")
            }
        return language.pick((es, en, fr))
    }

    static func challengeStatus(_ status: ChallengeStatus, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch status {
            case .held: ("en suspenso hasta una decisión", "held until a decision", "suspendue jusqu'à une décision")
            case .confirmed: ("cambio confirmado", "change confirmed", "modification confirmée")
            case .rejected: ("cambio rechazado", "change rejected", "modification rejetée")
            }
        return language.pick((es, en, fr))
    }

    static func settlement(_ settlement: Settlement, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch settlement {
            case .confirm: ("confirmar el cambio", "confirm the change", "confirmer la modification")
            case .reject: ("rechazar el cambio", "reject the change", "rejeter la modification")
            }
        return language.pick((es, en, fr))
    }

    static func proposalStatus(_ status: ProposalStatus, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch status {
            case .open: ("abierta a comentarios", "open for comments", "ouverte aux commentaires")
            case .withdrawn: ("retirada", "withdrawn", "retirée")
            }
        return language.pick((es, en, fr))
    }
}
