import AccordCore
import AccordDocuments

/// The words of the report pages — the matrix, a report's sections, events and their organizers — in the
/// viewer's language. A table of its own beside `UIText`, so that the follow-up's vocabulary stays together.
enum ReportText: CaseIterable {
    case reports, cycles, cycle, mandate, mandates, country, due, period, receivedBy, notFiled, everyoneFiled
    case coordinatorReport, coordinator, coCoordinators, report, revision, recordedBy, onBehalf, events, organizers
    case place, indicators, indicator, unit, baseline, target, actual, links, noReport, language, late, theme
    case summary, actions, partnerships, financing, beneficiaries, limitations, nextSteps, plan
    case fileReport, publish, kind, statusField, download, compilation

    // swift-format-ignore
    func callAsFunction(_ language: Language) -> String {
        let forms: (String, String, String) =
            switch self {
            case .reports: ("Informes nacionales", "National reports", "Rapports nationaux")
            case .cycles: ("Ciclos de informes", "Reporting cycles", "Cycles de rapports")
            case .cycle: ("Ciclo", "Cycle", "Cycle")
            case .mandate: ("Mandato", "Mandate", "Mandat")
            case .mandates: ("Mandatos", "Mandates", "Mandats")
            case .country: ("País", "Country", "Pays")
            case .due: ("Plazo", "Due", "Échéance")
            case .period: ("Período", "Period", "Période")
            case .receivedBy: ("Recibidos por", "Received by", "Reçus par")
            case .notFiled: ("No han presentado", "Not filed", "N'ont pas présenté")
            case .everyoneFiled: ("Todos los Estados miembros han presentado", "Every member state has filed", "Tous les États membres ont présenté")
            case .coordinatorReport: ("Informe del coordinador", "Coordinator's report", "Rapport du coordonnateur")
            case .coordinator: ("Coordinador", "Coordinator", "Coordonnateur")
            case .coCoordinators: ("Cocoordinadores", "Co-coordinators", "Co-coordonnateurs")
            case .report: ("Informe", "Report", "Rapport")
            case .revision: ("Revisión", "Revision", "Révision")
            case .recordedBy: ("Registrado por", "Recorded by", "Enregistré par")
            case .onBehalf: ("la Secretaría, en nombre de la delegación", "the Secretariat, on the delegation's behalf", "le Secrétariat, au nom de la délégation")
            case .events: ("Eventos citados", "Events cited", "Événements cités")
            case .organizers: ("Organizadores", "Organizers", "Organisateurs")
            case .place: ("Lugar", "Place", "Lieu")
            case .indicators: ("Indicadores", "Indicators", "Indicateurs")
            case .indicator: ("Indicador", "Indicator", "Indicateur")
            case .unit: ("Unidad", "Unit", "Unité")
            case .baseline: ("Línea de base", "Baseline", "Référence")
            case .target: ("Meta", "Target", "Cible")
            case .actual: ("Resultado", "Actual", "Résultat")
            case .links: ("Enlaces", "Links", "Liens")
            case .noReport: ("Ningún informe", "No report", "Aucun rapport")
            case .language: ("Idioma auténtico", "Authoritative language", "Langue faisant foi")
            case .late: ("presentado después del plazo", "submitted after the due date", "présenté après l'échéance")
            case .theme: ("Tema", "Theme", "Thème")
            case .summary: ("Resumen", "Summary", "Résumé")
            case .actions: ("Acciones", "Actions taken", "Mesures prises")
            case .partnerships: ("Alianzas", "Partnerships", "Partenariats")
            case .financing: ("Financiamiento", "Financing", "Financement")
            case .beneficiaries: ("Beneficiarios", "Beneficiaries", "Bénéficiaires")
            case .limitations: ("Limitaciones", "Limitations", "Limites")
            case .nextSteps: ("Próximos pasos", "Next steps", "Prochaines étapes")
            case .plan: ("Plan", "Plan", "Plan")
            case .fileReport: ("Presentar o revisar un informe", "File or revise a report", "Présenter ou réviser un rapport")
            case .publish: ("Publicar el informe", "Publish the report", "Publier le rapport")
            case .kind: ("Tipo de informe", "Kind of report", "Type de rapport")
            case .statusField: ("Estado", "Status", "Statut")
            case .download: ("Descargar", "Download", "Télécharger")
            case .compilation: ("Compilación de los informes del ciclo", "Compilation of the cycle's reports", "Compilation des rapports du cycle")
            }
        return language.pick(forms)
    }

    /// The heading of a report's section, by its JSON name.
    static func section(_ name: String) -> ReportText {
        switch name {
        case "summary": .summary
        case "actions": .actions
        case "partnerships": .partnerships
        case "financing": .financing
        case "beneficiaries": .beneficiaries
        case "limitations": .limitations
        default: .nextSteps
        }
    }

    /// A matrix cell's state in words.
    static func state(_ state: ReportMatrix.State, _ language: Language) -> String {
        let forms: (String, String, String) =
            switch state {
            case .noReport: ("ninguno", "none", "aucun")
            case .draft: ("borrador", "draft", "projet")
            case .submitted: ("presentado", "submitted", "présenté")
            case .late: ("tardío", "late", "en retard")
            }
        return language.pick(forms)
    }

    /// A report's status in words, as the report documents say it.
    static func status(_ status: ReportStatus, _ language: Language) -> String {
        ReportWords.status(status, language)
    }

    /// An organizer's role, as an invitation words it.
    static func role(_ role: OrganizerRole, _ language: Language) -> String {
        let forms: (String, String, String) =
            switch role {
            case .organizer: ("organizador", "organizer", "organisateur")
            case .host: ("anfitrión", "host", "hôte")
            case .inCooperationWith: ("en cooperación con", "in cooperation with", "en coopération avec")
            case .underTheAuspicesOf: ("bajo los auspicios de", "under the auspices of", "sous les auspices de")
            }
        return language.pick(forms)
    }

    /// An event's kind, as the report documents say it.
    static func kind(_ kind: EventKind, _ language: Language) -> String { ReportWords.kind(kind, language) }
}
