import AccordCore

extension Demo {
    /// The process itself: the first change of the ledger, since every other record belongs to it.
    static var processDescription: [ProposedChange] {
        [
            recorded(
                .describeProcess(
                    Process(
                        id: "RCM",
                        // Spanish is authoritative: the Conference's outcome documents are drafted in Spanish
                        // and translated; "Puebla Process" is its other common name [A].
                        name: .es(
                            "Conferencia Regional sobre Migración",
                            en: "Regional Conference on Migration",
                            fr: "Conférence régionale sur les migrations"),
                        // French is used too: seed 000 is a French text about the RCM.
                        languages: [.es, .en, .fr])),
                "Recorded from rcm-facts §1 [A][E]: the Regional Conference on Migration (Puebla Process), "
                    + "first met in Puebla on 13–14 March 1996; languages as DESIGN.md §2 gives them (es, en; fr also "
                    + "used)")
        ]
    }

    /// The decision bodies: the vice-ministerial conference, the RCGM under it, and the two networks under
    /// the RCGM.
    ///
    /// The Technical Secretariat and the Presidency Pro-Tempore are roles, not bodies (DESIGN.md §2), and
    /// the Working Groups and ad hoc groups of rcm-facts §2 are left out: no demo decision or workplan
    /// belongs to them.
    static var bodies: [ProposedChange] {
        [
            recorded(
                .addBody(
                    Body(
                        id: "RCM",
                        name: .en(
                            "Regional Conference on Migration (Vice-Ministerial Meeting)",
                            es: "Conferencia Regional sobre Migración (Reunión Viceministerial)",
                            fr: "Conférence régionale sur les migrations (réunion vice-ministérielle)"),
                        level: .viceMinisterial)),
                "Recorded from rcm-facts §2 [O][Q]: the Vice-Ministerial Meeting decides and approves the Plan "
                    + "of Action; its outcome is a Declaration and Decisions (a Joint Communiqué in 1996–2002)"),
            recorded(
                .addBody(
                    Body(
                        id: "RCGM",
                        name: .en(
                            "Regional Consultation Group on Migration",
                            es: "Grupo Regional de Consulta sobre Migración",
                            fr: "Groupe régional de consultation sur les migrations"),
                        level: .consultationGroup,
                        parent: "RCM")),
                "Recorded from rcm-facts §2 [K][N][O]: technical officials, created at the II RCM (1997) to run "
                    + "the Plan of Action and prepare the vice-ministerial meetings; meets twice a year"),
            recorded(
                .addBody(
                    Body(
                        id: "LON-CP",
                        name: .en(
                            "Liaison Officer Network on Consular Protection",
                            es: "Red de Funcionarios de Enlace en materia de Protección Consular",
                            fr: "Réseau des agents de liaison sur la protection consulaire"),
                        level: .network,
                        parent: "RCGM")),
                "Recorded from rcm-facts §2 [O]: the Liaison Officer Network on Consular Protection reports to "
                    + "the RCGM"),
            recorded(
                .addBody(
                    Body(
                        id: "LON-TS",
                        name: .en(
                            "Liaison Officer Network on Migrant Smuggling and Trafficking in Persons",
                            es: "Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la "
                                + "Trata de Personas",
                            fr: "Réseau des agents de liaison sur le trafic illicite de migrants et la traite des "
                                + "personnes"),
                        level: .network,
                        parent: "RCGM")),
                "Recorded from rcm-facts §2 [O][LN]: the Liaison Officer Network on Migrant Smuggling and "
                    + "Trafficking in Persons reports to the RCGM"),
        ]
    }
}
