import AccordCore

extension Demo {
    // The decisions the rest of the demo cites. Their paragraph numbers are Accord's own unless a note
    // says otherwise: the sources summarise what the meetings agreed but do not number the paragraphs.

    /// II RCM (1997): adopts the Plan of Action [K].
    static let planAdopted = Decision.id(meeting: rcm("II"), paragraph: "1")
    /// II RCM (1997): creates the RCGM [K].
    static let rcgmCreated = Decision.id(meeting: rcm("II"), paragraph: "2")
    /// IV RCM (1999): approves the criteria for observers [K].
    static let observerCriteria = Decision.id(meeting: rcm("IV"), paragraph: "1")
    /// IV RCM (1999): the post-Mitch experts' workshop and the IOM project [F].
    static let postMitch = Decision.id(meeting: rcm("IV"), paragraph: "2")
    /// V RCM (2000): admits the IACHR as observer organization (seed 000).
    static let iachrAdmitted = Decision.id(meeting: rcm("V"), paragraph: "1")
    /// VI RCM (2001): "Presidency Pro-Tempore" replaces "Secretariat Pro-Tempore" [H].
    static let presidencyRenamed = Decision.id(meeting: rcm("VI"), paragraph: "1")
    /// VII RCM (2002): restructures the Plan of Action into three lines of action [W].
    static let planRestructured = Decision.id(meeting: rcm("VII"), paragraph: "1")
    /// XII RCM (2007): a more agile system for sharing statistical information (seed 002, item 7).
    static let statisticsSharing = Decision.id(meeting: rcm("XII"), paragraph: "1")
    /// XXIII RCM (2018): approves the Counter-Smuggling Work Plan 2019–2025 [WP].
    static let counterSmugglingPlan = Decision.id(meeting: rcm("XXIII"), paragraph: "1")
    /// XXIV RCM (2019): the Strategic Plan replaces the Plan of Action [X24].
    public static let strategicPlanAdopted = Decision.id(meeting: rcm("XXIV"), paragraph: "1")

    /// The decisions, each transcribed by the Secretariat from the source it is taken from, with the effects
    /// it declares, and confirmed by the Presidency.
    ///
    /// Only what a decision said becomes its effect: the II RCM's adoption of the Plan of Action declares none,
    /// because the 1997 plan's content is not in the sources. The VII RCM's restructuring comes before the IV
    /// RCM's activities, which Accord places in the restructured plan (their note says so).
    static var decisions: [ProposedChange] {
        [
            decision(
                planAdopted, .declaration,
                .en(
                    "Adopts the Plan of Action of the Regional Conference on Migration.",
                    es: "Adopta el Plan de Acción de la Conferencia Regional sobre Migración.",
                    fr: "Adopte le Plan d'action de la Conférence régionale sur les migrations."),
                source: "[K]", "Recorded from rcm-facts §4 [K]: the II RCM (1997) adopted the Plan of Action"),
            decision(
                rcgmCreated, .declaration,
                .en(
                    "Creates the Regional Consultation Group on Migration (RCGM), of technical officials, to carry "
                        + "out the Plan of Action and prepare the vice-ministerial meetings.",
                    es: "Crea el Grupo Regional de Consulta sobre Migración (GRCM), integrado por funcionarios "
                        + "técnicos, para ejecutar el Plan de Acción y preparar las reuniones viceministeriales.",
                    fr: "Crée le Groupe régional de consultation sur les migrations, composé de fonctionnaires "
                        + "techniques, pour mettre en œuvre le Plan d'action et préparer les réunions "
                        + "vice-ministérielles."),
                source: "[K]", "Recorded from rcm-facts §2 [K]: the RCGM was created at the II RCM (1997)"),
            decision(
                observerCriteria, .declaration,
                .en(
                    "Approves the criteria for the participation of observers in the Conference.",
                    es: "Aprueba los criterios para la participación de observadores en la Conferencia.",
                    fr: "Approuve les critères de participation des observateurs à la Conférence."),
                source: "[K]", "Recorded from rcm-facts §1 [K]: the observer criteria were approved at the IV RCM"),
            decision(
                planRestructured, .declaration,
                .en(
                    "Restructures the Plan of Action into three lines of action — Migration Policies and "
                        + "Management, Human Rights, and Migration and Development — each with its objectives, "
                        + "activities, specific actions and timetable.",
                    es: "Reestructura el Plan de Acción en tres líneas de acción —Políticas y Gestión Migratoria, "
                        + "Derechos Humanos, y Migración y Desarrollo—, cada una con sus objetivos, actividades, "
                        + "acciones específicas y calendario.",
                    fr: "Restructure le Plan d'action en trois axes — politiques et gestion migratoires, droits de "
                        + "la personne, migration et développement —, chacun avec ses objectifs, ses activités, ses "
                        + "actions précises et son calendrier."),
                source: "[W]", effects: linesOfAction + areas,
                // The areas are this decision's effects, so the note says where their wording comes from.
                also: .en(
                    "The areas under each line follow IOM's description of the lines [D]: the 2002 wording of the "
                        + "objectives is not in the sources.",
                    es: "Las áreas de cada línea siguen la descripción de las líneas que hace la OIM [D]: la "
                        + "redacción de 2002 de los objetivos no consta en las fuentes.",
                    fr: "Les domaines de chaque axe suivent la description qu'en donne l'OIM [D] : le libellé de "
                        + "2002 des objectifs ne figure pas dans les sources."),
                "Transcribed from rcm-facts §4 [W]: at Antigua Guatemala (2002) the Plan of Action was restructured "
                    + "into three areas with objectives, activities and timetable"),
            decision(
                postMitch, .declaration,
                .en(
                    "In view of the effects of Hurricane Mitch on migration: agrees to convene a workshop of experts "
                        + "in Mexico City within 60 days to identify projects that generate employment and promote "
                        + "well-being in communities of origin, and asks IOM to design a project to assess the "
                        + "effects of Hurricane Mitch on migration.",
                    es: "Ante los efectos del huracán Mitch en materia migratoria: acuerda celebrar en la Ciudad de "
                        + "México, en un plazo de sesenta días, un taller de expertos que identifique proyectos que "
                        + "generen empleo y bienestar en las comunidades de origen, y solicita a la OIM que formule "
                        + "un proyecto para evaluar los efectos del huracán Mitch en materia migratoria.",
                    fr: "Face aux effets de l'ouragan Mitch sur les migrations : convient de réunir à Mexico, dans "
                        + "un délai de soixante jours, un atelier d'experts chargé de recenser des projets créateurs "
                        + "d'emplois et de bien-être dans les communautés d'origine, et demande à l'OIM de concevoir "
                        + "un projet d'évaluation des effets de l'ouragan Mitch sur les migrations."),
                source: "[F]", effects: activities,
                "Transcribed from rcm-facts §4 [F]: the IV RCM (January 1999) agreed on a post-Mitch experts' "
                    + "workshop and asked IOM for a study of Mitch's effects on migration"),
            decision(
                iachrAdmitted, .declaration,
                .en(
                    "Accepts the request of the Inter-American Commission on Human Rights (IACHR), made in 1999, to "
                        + "join the Conference as an international organization with observer status, in view of "
                        + "the close links it maintains between human rights and migration issues.",
                    es: "Acepta la solicitud de la Comisión Interamericana de Derechos Humanos (CIDH), presentada en "
                        + "1999, de incorporarse a la Conferencia como organismo internacional con estatus de "
                        + "observador, en razón de los estrechos vínculos que mantiene entre los derechos humanos y "
                        + "las migraciones.",
                    fr: "Accepte la demande de la Commission interaméricaine des droits de l'homme (CIDH), présentée "
                        + "en 1999, d'adhérer à la Conférence en qualité d'organisation internationale ayant un "
                        + "statut d'observateur, en raison des rapports étroits qu'elle maintient entre les "
                        + "questions touchant les droits de la personne et les migrations."),
                source: "seed 000", effects: [iachrAdmission],
                "Transcribed from seed 000 (Canada's report, in French): at the V RCM, Washington, March 2000, the "
                    + "IACHR's request to be admitted as an observer organization was accepted"),
            transcribed(
                Decision(
                    meeting: presidencyRenamed.meeting, paragraph: "1", kind: .declaration,
                    text: .en(
                        "Agrees to use the term \"Presidency Pro-Tempore\" instead of \"Secretariat "
                            + "Pro-Tempore\".",
                        es: "Acuerda utilizar el término «Presidencia Pro-Témpore» en lugar de «Secretaría "
                            + "Pro-Témpore».",
                        fr: "Convient d'utiliser le terme « présidence pro tempore » au lieu de « secrétariat "
                            + "pro tempore »."),
                    // Here the number is the document's own: the Joint Communiqué numbers what was agreed.
                    note: .en(
                        "Paragraph 1 of what the Vice-Ministers agreed in the VI RCM Joint Communiqué [H]; the "
                            + "text summarises it.",
                        es: "Párrafo 1 de lo que acordaron los Viceministros en el Comunicado Conjunto de la VI "
                            + "CRM [H]; el texto lo resume.",
                        fr: "Paragraphe 1 de ce dont les vice-ministres sont convenus dans le communiqué conjoint "
                            + "de la VIe CRM [H]; le texte le résume.")),
                "Transcribed from rcm-facts §2 [H][O]: until the VI RCM (2001) the PPT was called \"Secretaría "
                    + "Pro-Tempore\"; paragraph 1 of the agreements as the VI RCM Joint Communiqué [H] numbers them"),
            decision(
                statisticsSharing, .decision,
                .en(
                    "Decision concerning a more agile system for sharing statistical information.",
                    es: "Decisión relativa a un sistema más ágil de intercambio de información estadística.",
                    fr: "Décision concernant un système plus souple d'échange d'informations statistiques."),
                source: "seed 002, item 7",
                also: .en(
                    "Its wording is not in the sources: Canada's comments cite it with the quotation left blank.",
                    es: "Su texto no consta en las fuentes: los comentarios de Canadá la mencionan dejando la cita "
                        + "en blanco.",
                    fr: "Son libellé ne figure pas dans les sources : les commentaires du Canada la citent sans en "
                        + "reproduire le texte."),
                "Transcribed from seed 002 (Canada's comments, item 7): a decision of the XII RCM on a more agile "
                    + "statistical information-sharing system; only its subject is known"),
            decision(
                counterSmugglingPlan, .decision,
                .en(
                    "Approves the Counter-Smuggling Work Plan 2019–2025, in four pillars: intelligence and "
                        + "investigation; judicial cooperation; detention and alternatives to detention; protection.",
                    es: "Aprueba el Plan de Trabajo contra el Tráfico Ilícito de Migrantes 2019-2025, en cuatro "
                        + "pilares: inteligencia e investigación; cooperación judicial; detención y alternativas a "
                        + "la detención; protección.",
                    fr: "Approuve le plan de travail contre le trafic illicite de migrants 2019-2025, en quatre "
                        + "piliers : renseignement et enquête ; coopération judiciaire ; détention et solutions de "
                        + "substitution ; protection."),
                source: "[WP]", effects: counterSmugglingWorkplan,
                "Transcribed from rcm-facts §2 [WP]: the XXIII RCM (November 2018) approved the Counter-Smuggling "
                    + "Work Plan 2019–2025 of the LON on Migrant Smuggling and Trafficking in Persons"),
        ].flatMap { $0 }
    }

    /// The XXIV RCM's Strategic Plan, which replaced the Plan of Action from 2019 [X24][X28]: every item of
    /// the Plan of Action still current is superseded, so the current version no longer presents the 2002
    /// plan as the one in force. The Strategic Plan's own content is not in the sources and is not recorded.
    ///
    /// It comes after the proposals that sit in the old plan, which could not be placed under an item the
    /// record already shows as superseded; the network workplans are annexes of their own and stay.
    static var strategicPlan: [ProposedChange] {
        let planItems = (linesOfAction + areas + activities).compactMap { effect -> ItemNumber? in
            if case .addItem(let item) = effect, item.workplan == nil { return item.number }
            return nil
        }
        return decision(
            strategicPlanAdopted, .decision,
            .en(
                "Adopts the Strategic Plan of the Regional Conference on Migration, which replaces the Plan of "
                    + "Action.",
                es: "Adopta el Plan Estratégico de la Conferencia Regional sobre Migración, que sustituye al Plan de "
                    + "Acción.",
                fr: "Adopte le Plan stratégique de la Conférence régionale sur les migrations, qui remplace le Plan "
                    + "d'action."),
            source: "[X24][X28]",
            effects: planItems.map { .changeStatus(item: $0, to: .superseded) },
            also: .en(
                "The content of the Strategic Plan 2019–2022 is not in the sources, so it is not recorded; its "
                    + "effects mark the items of the Plan of Action it replaced as superseded.",
                es: "El contenido del Plan Estratégico 2019-2022 no consta en las fuentes, por lo que no se "
                    + "registra; sus efectos marcan como sustituidos los puntos del Plan de Acción que reemplazó.",
                fr: "Le contenu du Plan stratégique 2019-2022 ne figure pas dans les sources et n'est donc pas "
                    + "enregistré ; ses effets marquent comme remplacés les points du Plan d'action qu'il a "
                    + "remplacé."),
            "Transcribed from rcm-facts §3 and §4 [X24][X28]: the XXIV RCM (Guatemala City, November 2019) relaunched "
                + "the RCM with a Strategic Plan, which replaced the Plan of Action from 2019")
    }

    /// A decision whose paragraph number the sources do not give, with a note that says so, transcribed with
    /// the effects it declares and confirmed.
    ///
    /// - Parameters:
    ///   - source: the key of the source the text summarises ("[K]", "seed 000").
    ///   - effects: what the decision declares; none for a paragraph that only records an agreement.
    ///   - also: anything more the note must say about the record.
    private static func decision(
        _ id: DecisionID, _ kind: DecisionKind, _ text: LocalizedText, source: String, effects: [Change] = [],
        also: LocalizedText? = nil, _ reason: String
    ) -> [ProposedChange] {
        let paragraph = id.paragraph
        var note = LocalizedText.en(
            "The sources do not give this paragraph's number: \(paragraph) is Accord's own numbering, not the "
                + "outcome document's. The text summarises the source (\(source)); it is not the paragraph's wording.",
            es: "Las fuentes no indican el número de este párrafo: \(paragraph) es una numeración propia de Accord, "
                + "no la del documento de resultados. El texto resume la fuente (\(source)); no es la redacción del "
                + "párrafo.",
            fr: "Les sources ne donnent pas le numéro de ce paragraphe : \(paragraph) est une numérotation propre à "
                + "Accord, non celle du document final. Le texte résume la source (\(source)) ; ce n'est pas le "
                + "libellé du paragraphe.")
        if let also {
            for (language, extra) in also.values { note.values[language, default: ""] += " " + extra }
        }
        return transcribed(
            Decision(
                meeting: id.meeting, paragraph: paragraph, kind: kind, text: text, note: note, effects: effects),
            reason + "; paragraph number is Accord's own")
    }
}

extension Identifier where Entity == Decision {
    /// The meeting part of a decision's identifier ("RCM-V/1" → "RCM-V").
    fileprivate var meeting: MeetingID {
        MeetingID(String(rawValue.prefix { $0 != "/" }))
    }

    /// The paragraph part of a decision's identifier ("RCM-V/1" → "1").
    fileprivate var paragraph: String {
        String(rawValue.drop { $0 != "/" }.dropFirst())
    }
}
