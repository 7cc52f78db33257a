import AccordCore

/// The words of the documents themselves (headings, column names, labels) in each language Accord keeps.
///
/// Kept as one table so that a missing translation is a compile-time omission in one place, not a gap
/// discovered in a delegation's copy.
public enum Words: String, CaseIterable, Sendable {
    case planOfAction, contents, currentVersion, annexes, archiveVersion, edition, workingVersion, generatedOn
    case lead, timeline, target, status, approvedBy, areaOfActivity, specificAction, translationMissing
    case shownForContext, noItems, agenda, conclusions, meeting, purpose, reference, consensus, adoptedBy
    case place, dates, paragraph, reservations, objections, notReached, draftAgenda, approvedAgenda
    case item, kind, attendance, noDecisions, workingVersionNotApproved, editionAwaitingApproval, approvedByDecision
    case approvedByParagraph, note

    /// The word in `language`.
    public func callAsFunction(_ language: Language) -> String {
        language.pick(forms)
    }

    private var forms: (String, String, String) {
        switch self {
        case .planOfAction: ("Plan de Acción", "Plan of Action", "Plan d'action")
        case .contents: ("Índice", "Contents", "Table des matières")
        case .currentVersion: ("Versión vigente", "Current version", "Version en vigueur")
        case .annexes:
            (
                "Anexos: planes de trabajo de las redes", "Annexes: network workplans",
                "Annexes : plans de travail des réseaux"
            )
        case .archiveVersion: ("Versión de archivo", "Archive version", "Version d'archive")
        case .edition: ("Edición", "Edition", "Édition")
        case .workingVersion:
            (
                "Versión de trabajo en la posición del registro", "Working version at ledger position",
                "Version de travail à la position du registre"
            )
        case .generatedOn: ("Generado el", "Generated on", "Généré le")
        case .lead: ("Responsable", "Lead", "Responsable")
        case .timeline: ("Plazo", "Timeline", "Échéance")
        case .target: ("fecha meta", "target date", "date cible")
        case .status: ("Estado", "Status", "État")
        case .approvedBy: ("Aprobado por", "Approved by", "Approuvé par")
        case .areaOfActivity: ("Área de actividad", "Area of activity", "Domaine d'activité")
        case .specificAction: ("Acción específica", "Specific action", "Action spécifique")
        case .translationMissing:
            (
                "traducción pendiente; original en", "translation missing; original in",
                "traduction manquante ; original en"
            )
        case .shownForContext:
            (
                "archivado, se muestra como contexto", "archived, shown for context",
                "archivé, montré pour le contexte"
            )
        case .noItems: ("Sin elementos.", "No items.", "Aucun élément.")
        case .agenda: ("Agenda", "Agenda", "Ordre du jour")
        case .conclusions: ("Conclusiones", "Conclusions", "Conclusions")
        case .meeting: ("Reunión", "Meeting", "Réunion")
        case .purpose: ("Propósito", "Purpose", "Objet")
        case .reference: ("Referencia", "Reference", "Référence")
        case .consensus: ("Consenso", "Consensus", "Consensus")
        case .adoptedBy: ("Adoptado por consenso de", "Adopted by consensus of", "Adopté par consensus de")
        case .place: ("Lugar", "Place", "Lieu")
        case .dates: ("Fechas", "Dates", "Dates")
        case .paragraph: ("Párrafo", "Paragraph", "Paragraphe")
        case .reservations: ("reservas", "reservations", "réserves")
        case .objections: ("objeciones", "objections", "objections")
        case .notReached: ("consenso no alcanzado", "consensus not reached", "consensus non atteint")
        case .draftAgenda: ("Proyecto de agenda", "Draft agenda", "Projet d'ordre du jour")
        case .approvedAgenda: ("Agenda aprobada", "Approved agenda", "Ordre du jour approuvé")
        case .item: ("Tema", "Item", "Point")
        case .kind: ("Tipo", "Kind", "Nature")
        case .attendance: ("Participantes", "Attendance", "Participants")
        case .workingVersionNotApproved:
            ("Versión de trabajo, no aprobada", "Working version, not approved", "Version de travail, non approuvée")
        case .editionAwaitingApproval:
            (
                "Edición propuesta por la Secretaría Técnica, pendiente de aprobación",
                "Edition proposed by the Technical Secretariat, awaiting approval",
                "Édition proposée par le Secrétariat technique, en attente d'approbation"
            )
        case .approvedByDecision: ("Aprobada por la decisión", "Approved by decision", "Approuvée par la décision")
        case .approvedByParagraph: ("Aprobada en el párrafo", "Approved in paragraph", "Approuvée au paragraphe")
        case .note:
            (
                "Nota (no forma parte del texto acordado)", "Note (not part of the agreed text)",
                "Note (ne fait pas partie du texte convenu)"
            )
        case .noDecisions:
            (
                "No se registran decisiones de esta reunión.", "No decisions of this meeting are recorded.",
                "Aucune décision de cette réunion n'est enregistrée."
            )
        }
    }

    /// A status as a reader says it.
    public static func status(_ status: Status, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch status {
            case .proposed: ("propuesto", "proposed", "proposé")
            case .approved: ("aprobado", "approved", "approuvé")
            case .ongoing: ("en curso", "ongoing", "en cours")
            case .pendingCompletion: ("pendiente de conclusión", "pending completion", "en voie d'achèvement")
            case .completed: ("concluido", "completed", "achevé")
            case .withdrawn: ("retirado", "withdrawn", "retiré")
            case .superseded: ("sustituido", "superseded", "remplacé")
            }
        return language.pick((es, en, fr))
    }

    /// A decision's kind as a reader says it.
    public static func kind(_ kind: DecisionKind, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch kind {
            case .conclusion: ("conclusión", "conclusion", "conclusion")
            case .decision: ("decisión", "decision", "décision")
            case .recommendation: ("recomendación", "recommendation", "recommandation")
            case .declaration: ("declaración", "declaration", "déclaration")
            }
        return language.pick((es, en, fr))
    }

    /// An agenda item's purpose as a reader says it.
    public static func purpose(_ purpose: AgendaPurpose, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch purpose {
            case .discussion: ("para debate", "for discussion", "pour discussion")
            case .information: ("para información", "for information", "pour information")
            }
        return language.pick((es, en, fr))
    }

    /// A language's name in `language`, for the missing-translation mark.
    static func name(of other: Language, in language: Language) -> String {
        let names: [Language: (String, String, String)] = [
            .es: ("español", "Spanish", "espagnol"), .en: ("inglés", "English", "anglais"),
            .fr: ("francés", "French", "français"),
        ]
        let (es, en, fr) = names[other]!
        return language.pick((es, en, fr))
    }
}
