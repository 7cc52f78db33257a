import AccordCore

extension Demo {
    /// What the Secretariat records of the two Liaison Officer Network workplans, annexed to the Plan of Action
    /// as Canada suggests (seed 002): the proposals. The Counter-Smuggling Work Plan itself is the declared
    /// effect of the XXIII RCM's decision (`counterSmugglingWorkplan`).
    static var workplans: [ProposedChange] {
        consularProtection + travelDocuments
    }

    /// The Consular Protection LON workplan as Canada proposes to restructure it: three pillars and a
    /// standing informational item.
    ///
    /// The workplan in force (with its "current two pillars") is not in the sources, so only Canada's
    /// proposal is recorded, and it stays proposed: no public decision adopted it.
    private static var consularProtection: [ProposedChange] {
        let reason =
            "Recorded from seed 002: Canada's proposed restructuring of the Consular Protection LON workplan; a "
            + "proposal, not adopted by any public decision"
        return [
            recorded(
                .addWorkplan(
                    Workplan(
                        id: "LON-CP", body: "LON-CP",
                        title: .en(
                            "Workplan of the Liaison Officer Network on Consular Protection",
                            es: "Plan de trabajo de la Red de Funcionarios de Enlace en materia de Protección Consular",
                            fr: "Plan de travail du Réseau des agents de liaison sur la protection consulaire"),
                        status: .proposed)),
                reason + "; the workplan in force is not in the sources"),
            recorded(
                workplanArea(
                    "CP-1", in: "LON-CP", status: .proposed,
                    title: .en("Activities of consular offices", es: "Actividades de las oficinas consulares"),
                    text: .en(
                        "Logistic, organizational and outreach activities of consular offices, on which much of the "
                            + "Network's discussion centres.",
                        es: "Actividades logísticas, organizativas y de difusión de las oficinas consulares, en las "
                            + "que se centra buena parte de las discusiones de la Red.")),
                reason + " (pillar 1)"),
            recorded(
                workplanArea(
                    "CP-2", in: "LON-CP", status: .proposed,
                    title: .en(
                        "Travel documentation, return and security-related issues",
                        es: "Documentación de viaje, retorno y asuntos relacionados con la seguridad"),
                    text: .en(
                        "Another main topic of the Network's discussions, and the basis of many training exercises "
                            + "agreed on in it.",
                        es: "Otro de los temas principales de las discusiones de la Red y la base de muchos de los "
                            + "ejercicios de capacitación acordados en ella.")),
                reason + " (pillar 2)"),
            recorded(
                workplanArea(
                    "CP-3", in: "LON-CP", status: .proposed,
                    title: .en(
                        "Emergency response planning and updates",
                        es: "Planificación de la respuesta a emergencias y actualizaciones"),
                    text: .en(
                        "A recurring subject; could include information exchanges, a workshop or other training "
                            + "activities, and updates to the Questionnaire.",
                        es: "Un tema recurrente; podría incluir intercambios de información, un taller u otras "
                            + "actividades de capacitación, y la actualización del Cuestionario.")),
                reason + " (pillar 3)"),
            recorded(
                workplanArea(
                    "CP-4", in: "LON-CP", status: .proposed,
                    title: .en(
                        "Updates on the Virtual Forum on Migration and Health",
                        es: "Actualizaciones sobre el Foro Virtual sobre Migración y Salud"),
                    text: .en(
                        "A standing informational item.", es: "Un punto informativo permanente.")),
                reason + " (fourth, standing informational item)"),
        ]
    }

    /// The Trafficking and Smuggling LON workplan: the Counter-Smuggling Work Plan 2019–2025 with its four
    /// pillars [WP], as the XXIII RCM's decision declares it. No source says the decision delegated its
    /// updates to the network, so it declares no delegation.
    static var counterSmugglingWorkplan: [Change] {
        let period = Timeline(
            text: .en("Work plan period 2019–2025", es: "Periodo del plan de trabajo 2019-2025"), target: date("2025"))
        let pillars: [(ItemNumber, LocalizedText)] = [
            (
                "TS-1",
                .en(
                    "Intelligence and investigation", es: "Inteligencia e investigación", fr: "Renseignement et enquête"
                )
            ),
            ("TS-2", .en("Judicial cooperation", es: "Cooperación judicial", fr: "Coopération judiciaire")),
            (
                "TS-3",
                .en(
                    "Detention and alternatives to detention", es: "Detención y alternativas a la detención",
                    fr: "Détention et solutions de substitution à la détention")
            ),
            ("TS-4", .en("Protection", es: "Protección", fr: "Protection")),
        ]
        let plan = Change.addWorkplan(
            Workplan(
                id: "LON-TS", body: "LON-TS",
                title: .en(
                    "Counter-Smuggling Work Plan 2019–2025",
                    es: "Plan de Trabajo contra el Tráfico Ilícito de Migrantes 2019-2025",
                    fr: "Plan de travail contre le trafic illicite de migrants 2019-2025"),
                status: .approved))
        let approvedPillars = pillars.map { number, title in
            workplanArea(number, in: "LON-TS", status: .approved, title: title, timeline: period)
        }
        return [plan] + approvedPillars
    }

    /// Canada's item 5a, pending as a proposal against the Counter-Smuggling Work Plan.
    private static var travelDocuments: [ProposedChange] {
        // Canada's comments are undated (after the XII RCM, 2007) and speak of the workplan of their time; the
        // suggestion is kept as a proposal pending against the workplan in force, outside its four pillars
        // because no source says which pillar it would belong to.
        let reason =
            "Recorded from seed 002 (item 5a): Canada suggests making travel document standards and security "
            + "features an item of the Trafficking and Smuggling LON workplan and a standing item of its agenda, "
            + "IOM leading; a proposal, not adopted by any public decision"
        return [
            recorded(
                workplanArea(
                    "TS-5", in: "LON-TS", status: .proposed,
                    title: .en(
                        "Travel document standards and security features",
                        es: "Estándares y elementos de seguridad de los documentos de viaje",
                        fr: "Normes et éléments de sécurité des documents de voyage")),
                reason),
            recorded(
                .addItem(
                    PlanItem(
                        number: "TS-5.1", kind: .activity, parent: "TS-5", workplan: "LON-TS",
                        title: .en(
                            "IOM update on the status of travel document standards and security features in the RCM "
                                + "region",
                            es: "Actualización de la OIM sobre la situación de los estándares y elementos de "
                                + "seguridad de los documentos de viaje en la región de la CRM"),
                        leads: [.participant("IOM")],
                        timeline: Timeline(
                            text: .en(
                                "Standing item of the Network's agenda",
                                es: "Punto permanente de la agenda de la Red")),
                        status: .proposed)),
                reason),
        ]
    }

    /// An area of activity of a network workplan: it sits directly in the workplan, under no line of action.
    private static func workplanArea(
        _ number: ItemNumber, in workplan: WorkplanID, status: Status, title: LocalizedText,
        text: LocalizedText? = nil, timeline: Timeline? = nil
    ) -> Change {
        .addItem(
            PlanItem(
                number: number, kind: .area, workplan: workplan, title: title, text: text, timeline: timeline,
                status: status))
    }
}
