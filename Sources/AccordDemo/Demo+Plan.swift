import AccordCore

extension Demo {
    /// The three lines of action of the Plan of Action as the VII RCM restructured it (Antigua Guatemala,
    /// 2002) [W], effects of `planRestructured`, numbered in their official order: 1 Migration Policies and
    /// Management, 2 Human Rights, 3 Migration and Development. Their areas keep the line's initials.
    ///
    /// English is authoritative because the sources that name the lines and their areas ([D], [W], seed 002)
    /// are English; the Spanish is a translation until the Spanish text of the plan is recorded.
    static var linesOfAction: [Change] {
        [
            line(
                "LA-1",
                .en(
                    "Migration Policies and Management", es: "Políticas y Gestión Migratoria",
                    fr: "Politiques et gestion migratoires")),
            line("LA-2", .en("Human Rights", es: "Derechos Humanos", fr: "Droits de la personne")),
            line(
                "LA-3", .en("Migration and Development", es: "Migración y Desarrollo", fr: "Migration et développement")
            ),
        ]
    }

    /// The areas under each line: IOM's sub-topics [D], approved with the lines by the VII RCM.
    static var areas: [Change] {
        [
            areaOf("MPM-1", "LA-1", .en("Border control and cooperation", es: "Control y cooperación fronteriza")),
            areaOf("MPM-2", "LA-1", .en("Legislation", es: "Legislación", fr: "Législation")),
            areaOf("MPM-3", "LA-1", .en("Travel documents", es: "Documentos de viaje", fr: "Documents de voyage")),
            areaOf("MPM-4", "LA-1", .en("Return of migrants", es: "Retorno de migrantes", fr: "Retour des migrants")),
            areaOf(
                "MPM-5", "LA-1",
                .en(
                    "Regional and extra-regional migration flows",
                    es: "Flujos migratorios regionales y extrarregionales")),
            areaOf(
                "MPM-6", "LA-1",
                .en(
                    "Cooperation on the reintegration and repatriation of migrants",
                    es: "Cooperación para la reintegración y la repatriación de migrantes")),
            areaOf(
                "MPM-7", "LA-1",
                .en("International protection of refugees", es: "Protección internacional de refugiados")),
            areaOf(
                "MPM-8", "LA-1",
                .en(
                    "Combating migrant smuggling and trafficking in persons",
                    es: "Combate al tráfico ilícito de migrantes y a la trata de personas")),
            areaOf("HR-1", "LA-2", .en("Consular protection", es: "Protección consular", fr: "Protection consulaire")),
            areaOf(
                "HR-2", "LA-2",
                .en(
                    "Human rights of migrants whatever their migratory status, in particular women, children and "
                        + "other vulnerable groups",
                    es: "Derechos humanos de los migrantes, independientemente de su condición migratoria, en "
                        + "particular de mujeres, niñez y otros grupos vulnerables")),
            areaOf("HR-3", "LA-2", .en("Migration and health", es: "Migración y salud", fr: "Migration et santé")),
            areaOf(
                "HR-4", "LA-2",
                .en(
                    "Guidelines for the return of unaccompanied migrant minors",
                    es: "Lineamientos para el retorno de menores migrantes no acompañados")),
            areaOf("HR-5", "LA-2", .en("Relief in natural disasters", es: "Atención en casos de desastres naturales")),
            areaOf(
                "HR-6", "LA-2",
                .en("Mixed migration flows", es: "Flujos migratorios mixtos", fr: "Flux migratoires mixtes")),
            areaOf("MD-1", "LA-3", .en("Remittances", es: "Remesas", fr: "Envois de fonds")),
            areaOf(
                "MD-2", "LA-3",
                .en(
                    "Temporary migrant workers", es: "Trabajadores migrantes temporales",
                    fr: "Travailleurs migrants temporaires")),
            areaOf("MD-3", "LA-3", .en("Private sector", es: "Sector privado", fr: "Secteur privé")),
            areaOf("MD-4", "LA-3", .en("Integration", es: "Integración", fr: "Intégration")),
            areaOf("MD-5", "LA-3", .en("Tourism", es: "Turismo", fr: "Tourisme")),
        ]
    }

    /// Work under way, as the sources show it: the Secretariat's progress report, which changes no agreed
    /// text. An area is marked ongoing only where a source shows work under way on it; the others stay
    /// approved, which is all the restructuring decision establishes.
    static var progress: [ProposedChange] {
        [
            recorded(
                .changeStatus(item: "MPM-3", to: .ongoing),
                "Recorded from seed 002 (item 5): Canada's comments call travel-document standards and security "
                    + "features \"an ongoing line of work in the RCM\""),
            recorded(
                .changeStatus(item: "MPM-4", to: .ongoing),
                "Recorded from seed 002 (item 3): returns are a standing RCGM agenda item (Regional and "
                    + "Extra-Regional Returns)"),
            recorded(
                .changeStatus(item: "MPM-8", to: .ongoing),
                "Recorded from rcm-facts §2 [O][WP]: a Liaison Officer Network on smuggling and trafficking reports "
                    + "to the RCGM and works to the Counter-Smuggling Work Plan 2019–2025"),
            recorded(
                .changeStatus(item: "HR-1", to: .ongoing),
                "Recorded from rcm-facts §2 [O] and seed 002: the Liaison Officer Network on Consular Protection "
                    + "reports to the RCGM and keeps a workplan"),
        ]
    }

    /// Activities whose approving decision is on record: the IV RCM's response to Hurricane Mitch [F], effects
    /// of `postMitch`. Where they sit is Accord's choice, and their notes say so.
    ///
    /// The other activity examples of rcm-facts §4 (the VI RCM reports, the 2003 return workshop, the 2008,
    /// 2011, 2017 and 2019 workshops, the 2006 travel-document workshop) are left out: no source names the
    /// decision that approved them, and the demo does not invent one.
    static var activities: [Change] {
        [
            .addItem(
                PlanItem(
                    number: "HR-5.1", kind: .activity, parent: "HR-5",
                    title: .en(
                        "Experts' workshop on job-creating projects after Hurricane Mitch",
                        es: "Taller de expertos sobre proyectos generadores de empleo tras el huracán Mitch",
                        fr: "Atelier d'experts sur des projets créateurs d'emplois après l'ouragan Mitch"),
                    text: .en(
                        "Workshop of experts in Mexico City to identify projects that generate employment and "
                            + "promote well-being in communities of origin.",
                        es: "Taller de expertos en la Ciudad de México para identificar proyectos que generen "
                            + "empleo y bienestar en las comunidades de origen."),
                    // "Within 60 days" of 28–29 January 1999 ends in late March 1999: the target keeps
                    // only the month, the precision the decision supports.
                    timeline: Timeline(
                        text: .en(
                            "Within 60 days of the IV RCM (28–29 January 1999)",
                            es: "En un plazo de sesenta días a partir de la IV CRM (28 y 29 de enero de 1999)"),
                        target: date("1999-03")),
                    status: .approved,
                    note: .en(
                        "Approved by the IV RCM, before the 2002 restructuring; Accord places it under relief "
                            + "in natural disasters because it answers Hurricane Mitch. The sources do not say "
                            + "whether or when it was held.",
                        es: "Aprobado por la IV CRM, antes de la reestructuración de 2002; Accord lo ubica en la "
                            + "atención en casos de desastres naturales porque responde al huracán Mitch. Las "
                            + "fuentes no indican si se celebró ni cuándo."))),
            .addItem(
                PlanItem(
                    number: "HR-5.2", kind: .activity, parent: "HR-5",
                    title: .en(
                        "IOM project to assess the effects of Hurricane Mitch on migration",
                        es: "Proyecto de la OIM para evaluar los efectos del huracán Mitch en materia migratoria",
                        fr: "Projet de l'OIM d'évaluation des effets de l'ouragan Mitch sur les migrations"),
                    text: .en("Requested of IOM by the IV RCM.", es: "Solicitado a la OIM por la IV CRM."),
                    leads: [.participant("IOM")],
                    status: .approved,
                    note: .en(
                        "Accord places it under relief in natural disasters, like the workshop. The sources "
                            + "give no deadline and do not say when it was delivered.",
                        es: "Accord lo ubica en la atención en casos de desastres naturales, como el taller. Las "
                            + "fuentes no fijan plazo ni indican cuándo se entregó."))),
        ]
    }

    /// A line of action approved by the VII RCM's restructuring.
    private static func line(_ number: ItemNumber, _ title: LocalizedText) -> Change {
        .addItem(PlanItem(number: number, kind: .lineOfAction, title: title, status: .approved))
    }

    /// An area of a line of action, approved with it by the VII RCM.
    private static func areaOf(_ number: ItemNumber, _ line: ItemNumber, _ title: LocalizedText) -> Change {
        .addItem(PlanItem(number: number, kind: .area, parent: line, title: title, status: .approved))
    }
}
