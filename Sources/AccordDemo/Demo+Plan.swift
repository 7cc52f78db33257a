import AccordCore

extension Demo {
    /// The three lines of action of the Plan of Action as the VII RCM restructured it (Antigua Guatemala,
    /// 2002) [W].
    ///
    /// English is authoritative because the sources that name the lines and their areas ([D], [W], seed 002)
    /// are English; the Spanish is a translation until the Spanish text of the plan is recorded.
    static var linesOfAction: [ProposedChange] {
        [
            line(
                "MPM",
                .en(
                    "Migration Policies and Management", es: "Políticas y Gestión Migratoria",
                    fr: "Politiques et gestion migratoires")),
            line("HR", .en("Human Rights", es: "Derechos Humanos", fr: "Droits de la personne")),
            line(
                "MD", .en("Migration and Development", es: "Migración y Desarrollo", fr: "Migration et développement")),
        ]
    }

    /// The areas under each line: IOM's sub-topics [D], approved with the lines by the VII RCM.
    ///
    /// An area is marked ongoing only where a source shows work under way on it; the others stay approved,
    /// which is all the restructuring decision establishes.
    static var areas: [ProposedChange] {
        let approved: [ProposedChange] = [
            area("MPM-1", "MPM", .en("Border control and cooperation", es: "Control y cooperación fronteriza")),
            area("MPM-2", "MPM", .en("Legislation", es: "Legislación", fr: "Législation")),
            area("MPM-3", "MPM", .en("Travel documents", es: "Documentos de viaje", fr: "Documents de voyage")),
            area("MPM-4", "MPM", .en("Return of migrants", es: "Retorno de migrantes", fr: "Retour des migrants")),
            area(
                "MPM-5", "MPM",
                .en(
                    "Regional and extra-regional migration flows",
                    es: "Flujos migratorios regionales y extrarregionales")),
            area(
                "MPM-6", "MPM",
                .en(
                    "Cooperation on the reintegration and repatriation of migrants",
                    es: "Cooperación para la reintegración y la repatriación de migrantes")),
            area(
                "MPM-7", "MPM",
                .en("International protection of refugees", es: "Protección internacional de refugiados")),
            area(
                "MPM-8", "MPM",
                .en(
                    "Combating migrant smuggling and trafficking in persons",
                    es: "Combate al tráfico ilícito de migrantes y a la trata de personas")),
            area("HR-1", "HR", .en("Consular protection", es: "Protección consular", fr: "Protection consulaire")),
            area(
                "HR-2", "HR",
                .en(
                    "Human rights of migrants whatever their migratory status, in particular women, children and "
                        + "other vulnerable groups",
                    es: "Derechos humanos de los migrantes, independientemente de su condición migratoria, en "
                        + "particular de mujeres, niñez y otros grupos vulnerables")),
            area("HR-3", "HR", .en("Migration and health", es: "Migración y salud", fr: "Migration et santé")),
            area(
                "HR-4", "HR",
                .en(
                    "Guidelines for the return of unaccompanied migrant minors",
                    es: "Lineamientos para el retorno de menores migrantes no acompañados")),
            area("HR-5", "HR", .en("Relief in natural disasters", es: "Atención en casos de desastres naturales")),
            area(
                "HR-6", "HR",
                .en("Mixed migration flows", es: "Flujos migratorios mixtos", fr: "Flux migratoires mixtes")),
            area("MD-1", "MD", .en("Remittances", es: "Remesas", fr: "Envois de fonds")),
            area(
                "MD-2", "MD",
                .en(
                    "Temporary migrant workers", es: "Trabajadores migrantes temporales",
                    fr: "Travailleurs migrants temporaires")),
            area("MD-3", "MD", .en("Private sector", es: "Sector privado", fr: "Secteur privé")),
            area("MD-4", "MD", .en("Integration", es: "Integración", fr: "Intégration")),
            area("MD-5", "MD", .en("Tourism", es: "Turismo", fr: "Tourisme")),
        ]
        // Work under way, as the sources show it; moving an approved item to ongoing changes no agreed text.
        let ongoing: [ProposedChange] = [
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
        return approved + ongoing
    }

    /// Activities whose approving decision is on record: the IV RCM's response to Hurricane Mitch [F].
    ///
    /// The other activity examples of rcm-facts §4 (the VI RCM reports, the 2003 return workshop, the 2008,
    /// 2011, 2017 and 2019 workshops, the 2006 travel-document workshop) are left out: no source names the
    /// decision that approved them, and the demo does not invent one.
    static var activities: [ProposedChange] {
        [
            decided(
                .addItem(
                    PlanItem(
                        number: "HR-5.1", kind: .activity, parent: "HR-5",
                        title: .en(
                            "Experts' workshop on job-creating projects after Hurricane Mitch",
                            es: "Taller de expertos sobre proyectos generadores de empleo tras el huracán Mitch",
                            fr: "Atelier d'experts sur des projets créateurs d'emplois après l'ouragan Mitch"),
                        text: .en(
                            "Workshop of experts in Mexico City to identify projects that generate employment and "
                                + "promote well-being in communities of origin. Approved by the IV RCM before the "
                                + "2002 restructuring; Accord places it under relief in natural disasters because "
                                + "it answers Hurricane Mitch. The sources do not say whether or when it was held.",
                            es: "Taller de expertos en la Ciudad de México para identificar proyectos que generen "
                                + "empleo y bienestar en las comunidades de origen. Aprobado por la IV CRM, antes de "
                                + "la reestructuración de 2002; Accord lo ubica en la atención en casos de desastres "
                                + "naturales porque responde al huracán Mitch. Las fuentes no indican si se celebró "
                                + "ni cuándo."),
                        // "Within 60 days" of 28–29 January 1999 ends in late March 1999: the target keeps
                        // only the month, the precision the decision supports.
                        timeline: Timeline(
                            text: .en(
                                "Within 60 days of the IV RCM (28–29 January 1999)",
                                es: "En un plazo de sesenta días a partir de la IV CRM (28 y 29 de enero de 1999)"),
                            target: date("1999-03")),
                        status: .approved)),
                by: postMitch),
            decided(
                .addItem(
                    PlanItem(
                        number: "HR-5.2", kind: .activity, parent: "HR-5",
                        title: .en(
                            "IOM project to assess the effects of Hurricane Mitch on migration",
                            es: "Proyecto de la OIM para evaluar los efectos del huracán Mitch en materia migratoria",
                            fr: "Projet de l'OIM d'évaluation des effets de l'ouragan Mitch sur les migrations"),
                        text: .en(
                            "Requested of IOM by the IV RCM. The sources give no deadline and do not say when it "
                                + "was delivered.",
                            es: "Solicitado a la OIM por la IV CRM. Las fuentes no fijan plazo ni indican cuándo se "
                                + "entregó."),
                        leads: [.participant("IOM")],
                        status: .approved)),
                by: postMitch),
        ]
    }

    /// A line of action approved by the VII RCM's restructuring.
    private static func line(_ number: ItemNumber, _ title: LocalizedText) -> ProposedChange {
        decided(
            .addItem(PlanItem(number: number, kind: .lineOfAction, title: title, status: .approved)),
            by: planRestructured)
    }

    /// An area of a line of action, approved with it by the VII RCM.
    private static func area(_ number: ItemNumber, _ line: ItemNumber, _ title: LocalizedText) -> ProposedChange {
        decided(
            .addItem(PlanItem(number: number, kind: .area, parent: line, title: title, status: .approved)),
            by: planRestructured)
    }
}
