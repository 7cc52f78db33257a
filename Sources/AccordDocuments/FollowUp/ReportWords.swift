import AccordCore

/// The words of report documents (headings, labels) in each language Accord keeps, apart from the plan's
/// `Words` so that the follow-up's vocabulary stays with the follow-up.
public enum ReportWords: CaseIterable, Sendable {
    case nationalReport, coordinatorReport, compilation, cycle, period, due, generatedOn, mandate, coordinator
    case coCoordinators, whatWasDone, status, revision, submitted, late, recordedBy, onBehalf, indicators
    case indicator, unit, baseline, target, actual, eventsCited, noReports

    /// The word in `language`.
    func callAsFunction(_ language: Language) -> String { language.pick(forms) }

    private var forms: (String, String, String) {
        switch self {
        case .nationalReport: ("Informe nacional", "National report", "Rapport national")
        case .coordinatorReport: ("Informe del coordinador", "Coordinator's report", "Rapport du coordonnateur")
        case .compilation: ("Compilación de informes", "Compilation of reports", "Compilation des rapports")
        case .cycle: ("Ciclo de informes", "Reporting cycle", "Cycle de rapports")
        case .period: ("Período", "Period", "Période")
        case .due: ("Fecha límite", "Due", "Date limite")
        case .generatedOn: ("Generado el", "Generated on", "Généré le")
        case .mandate: ("Mandato", "Mandate", "Mandat")
        case .coordinator: ("Coordinador", "Coordinator", "Coordonnateur")
        case .coCoordinators: ("Cocoordinadores", "Co-coordinators", "Co-coordonnateurs")
        case .whatWasDone: ("Lo que hizo el país", "What the country did", "Ce que le pays a fait")
        case .status: ("Estado", "Status", "État")
        case .revision: ("revisión", "revision", "révision")
        case .submitted: ("Presentado el", "Submitted on", "Présenté le")
        case .late: ("fuera de plazo", "late", "en retard")
        case .recordedBy: ("Registrado por", "Recorded by", "Enregistré par")
        case .onBehalf:
            (
                "la Secretaría Técnica, en nombre de la delegación",
                "the Technical Secretariat, on the delegation's behalf",
                "le Secrétariat technique, au nom de la délégation"
            )
        case .indicators: ("Indicadores", "Indicators", "Indicateurs")
        case .indicator: ("Indicador", "Indicator", "Indicateur")
        case .unit: ("Unidad", "Unit", "Unité")
        case .baseline: ("Línea de base", "Baseline", "Valeur de référence")
        case .target: ("Meta", "Target", "Cible")
        case .actual: ("Valor alcanzado", "Actual", "Valeur atteinte")
        case .eventsCited: ("Eventos citados", "Events cited", "Événements cités")
        case .noReports:
            (
                "No se ha presentado ningún informe sobre este mandato.", "No report on this mandate has been filed.",
                "Aucun rapport n'a été présenté sur ce mandat."
            )
        }
    }

    /// The colon after a label: French sets a space before it.
    static func colon(_ language: Language) -> String { language == .fr ? " :" : ":" }

    /// A report section's heading, by the name it has in JSON.
    static func section(_ name: String, _ language: Language) -> String {
        let forms: (String, String, String) =
            switch name {
            case "summary": ("Objetivos y resumen", "Goals and summary", "Objectifs et résumé")
            case "actions": ("Acciones realizadas", "Actions taken", "Mesures prises")
            case "partnerships": ("Alianzas", "Partnerships", "Partenariats")
            case "financing": ("Financiamiento", "Financing", "Financement")
            case "beneficiaries": ("Beneficiarios", "Beneficiaries", "Bénéficiaires")
            case "limitations": ("Limitaciones encontradas", "Limitations met", "Difficultés rencontrées")
            case "nextSteps": ("Próximos pasos", "Next steps", "Prochaines étapes")
            default: ("Enlaces", "Links", "Liens")
            }
        return language.pick(forms)
    }

    /// A report's status as a reader says it (the report pages say it so too).
    public static func status(_ status: ReportStatus, _ language: Language) -> String {
        let forms: (String, String, String) =
            switch status {
            case .draft: ("borrador", "draft", "projet")
            case .submitted: ("presentado", "submitted", "présenté")
            case .published: ("publicado", "published", "publié")
            }
        return language.pick(forms)
    }

    /// An event's kind as a reader says it, in lower case (the report pages say it so too).
    public static func kind(_ kind: EventKind, _ language: Language) -> String {
        let forms: (String, String, String) =
            switch kind {
            case .workshop: ("taller", "workshop", "atelier")
            case .seminar: ("seminario", "seminar", "séminaire")
            case .symposium: ("simposio", "symposium", "symposium")
            case .training: ("capacitación", "training", "formation")
            case .meeting: ("reunión", "meeting", "réunion")
            }
        return language.pick(forms)
    }

    /// An organizer's role as invitations word it: "organized by", "under the auspices of".
    static func role(_ role: OrganizerRole, _ language: Language) -> String {
        let forms: (String, String, String) =
            switch role {
            case .organizer: ("organizado por", "organized by", "organisé par")
            case .host: ("con la hospitalidad de", "hosted by", "accueilli par")
            case .inCooperationWith: ("en cooperación con", "in cooperation with", "en coopération avec")
            case .underTheAuspicesOf: ("bajo los auspicios de", "under the auspices of", "sous les auspices de")
            }
        return language.pick(forms)
    }
}
