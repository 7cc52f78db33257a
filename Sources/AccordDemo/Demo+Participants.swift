import AccordCore

extension Demo {
    /// The membership the record starts from: the eleven member states, the five observer countries and the
    /// observer organizations, each with its source, entered in the opening record (before the first decision)
    /// because no decision admitting them is in the sources. The IACHR is not among them: its admission is a
    /// declared effect of the V RCM's decision (see `iachrAdmission`).
    static var participants: [ProposedChange] {
        foundingMembers + [dominicanRepublic] + observerCountries + observerOrganizations
    }

    /// The ten countries that took part in the I RCM, Puebla, 1996 [E].
    private static var foundingMembers: [ProposedChange] {
        let founders: [(ParticipantID, LocalizedText)] = [
            ("BLZ", .en("Belize", es: "Belice", fr: "Belize")),
            ("CAN", .en("Canada", es: "Canadá", fr: "Canada")),
            ("CRI", .en("Costa Rica", es: "Costa Rica", fr: "Costa Rica")),
            ("SLV", .en("El Salvador", es: "El Salvador", fr: "El Salvador")),
            ("GTM", .en("Guatemala", es: "Guatemala", fr: "Guatemala")),
            ("HND", .en("Honduras", es: "Honduras", fr: "Honduras")),
            ("MEX", .en("Mexico", es: "México", fr: "Mexique")),
            ("NIC", .en("Nicaragua", es: "Nicaragua", fr: "Nicaragua")),
            ("PAN", .en("Panama", es: "Panamá", fr: "Panama")),
            ("USA", .en("United States of America", es: "Estados Unidos de América", fr: "États-Unis d'Amérique")),
        ]
        // The sources give the year (1996) and the first meeting, not a day of accession: the I RCM is the
        // earliest date they support.
        let history = MembershipEvent(
            kind: .memberState, since: date("1996"),
            note: .en(
                "Took part in the I RCM, Puebla, 13–14 March 1996 [E].",
                es: "Participó en la I CRM, Puebla, 13 y 14 de marzo de 1996 [E].",
                fr: "A participé à la Ire CRM, Puebla, 13-14 mars 1996 [E]."))
        return founders.map { code, name in
            recorded(
                .addParticipant(Participant(id: code, kind: .memberState, name: name, history: [history])),
                "Recorded from rcm-facts §1 [E]: member since the I RCM, Puebla, 1996")
        }
    }

    /// The Dominican Republic: a member, but the year it joined is uncertain, so `since` stays empty and the
    /// note says what the sources do establish.
    private static var dominicanRepublic: ProposedChange {
        recorded(
            .addParticipant(
                Participant(
                    id: "DOM", kind: .memberState,
                    name: .en("Dominican Republic", es: "República Dominicana", fr: "République dominicaine"),
                    history: [
                        MembershipEvent(
                            kind: .memberState, since: nil,
                            note: .en(
                                "Absent from the IV RCM (January 1999) [F]; a member by the V RCM (March 2000) [G]. "
                                    + "The year it joined is uncertain (often given as 1999).",
                                es: "No participó en la IV CRM (enero de 1999) [F]; era miembro en la V CRM "
                                    + "(marzo de 2000) [G]. El año de su ingreso es incierto (suele indicarse 1999).",
                                fr: "Absente de la IVe CRM (janvier 1999) [F]; membre à la Ve CRM (mars 2000) [G]. "
                                    + "L'année de son adhésion est incertaine (souvent donnée comme 1999)."))
                    ])),
            "Recorded from rcm-facts §1 [F][G]: member state; year of accession uncertain, so left blank")
    }

    /// Argentina, Colombia, Ecuador, Jamaica and Peru: observers at the V RCM, admitted at a date no source gives.
    private static var observerCountries: [ProposedChange] {
        let countries: [(ParticipantID, LocalizedText)] = [
            ("ARG", .en("Argentina", es: "Argentina", fr: "Argentine")),
            ("COL", .en("Colombia", es: "Colombia", fr: "Colombie")),
            ("ECU", .en("Ecuador", es: "Ecuador", fr: "Équateur")),
            ("JAM", .en("Jamaica", es: "Jamaica", fr: "Jamaïque")),
            ("PER", .en("Peru", es: "Perú", fr: "Pérou")),
        ]
        let history = MembershipEvent(
            kind: .observerCountry, since: nil,
            note: .en(
                "Observer by the V RCM, March 2000 [G]; the year of admission is not in the sources.",
                es: "Observador en la V CRM, marzo de 2000 [G]; el año de admisión no consta en las fuentes.",
                fr: "Observateur à la Ve CRM, mars 2000 [G]; l'année d'admission ne figure pas dans les sources."))
        return countries.map { code, name in
            recorded(
                .addParticipant(Participant(id: code, kind: .observerCountry, name: name, history: [history])),
                "Recorded from rcm-facts §1 [B][G]: observer country, present as observer at the V RCM, March 2000")
        }
    }

    /// The observer organizations of rcm-facts §1 [C] other than the IACHR. No source dates their admission:
    /// that IOM, ECLAC and UNFPA attended the I RCM in 1996 [SC] is said in their note, not made a date of
    /// observer status.
    private static var observerOrganizations: [ProposedChange] {
        let unknownYear = LocalizedText.en(
            "Listed among the RCM's observer organizations [C]; the year of admission is not in the sources.",
            es: "Figura entre los organismos observadores de la CRM [C]; el año de admisión no consta en las fuentes.",
            fr: "Figure parmi les organisations observatrices de la CRM [C]; l'année d'admission ne figure pas dans "
                + "les sources.")
        let atFirstMeeting = LocalizedText.en(
            "Attended the I RCM, Puebla, 1996 [SC]; observer at the V RCM, March 2000 [G].",
            es: "Asistió a la I CRM, Puebla, 1996 [SC]; observador en la V CRM, marzo de 2000 [G].",
            fr: "A assisté à la Ire CRM, Puebla, 1996 [SC]; observateur à la Ve CRM, mars 2000 [G].")
        let organizations: [(ParticipantID, LocalizedText, LocalizedText)] = [
            (
                "IOM",
                .en(
                    "International Organization for Migration (IOM)",
                    es: "Organización Internacional para las Migraciones (OIM)",
                    fr: "Organisation internationale pour les migrations (OIM)"),
                atFirstMeeting
            ),
            (
                "ECLAC-CELADE",
                .en(
                    "Economic Commission for Latin America and the Caribbean – Latin American and Caribbean "
                        + "Demographic Centre (ECLAC/CELADE)",
                    es: "Comisión Económica para América Latina y el Caribe – Centro Latinoamericano y Caribeño de "
                        + "Demografía (CEPAL/CELADE)",
                    fr: "Commission économique pour l'Amérique latine et les Caraïbes – Centre latino-américain et "
                        + "caribéen de démographie (CEPALC/CELADE)"),
                atFirstMeeting
            ),
            (
                "UNFPA",
                .en(
                    "United Nations Population Fund (UNFPA)",
                    es: "Fondo de Población de las Naciones Unidas (UNFPA)",
                    fr: "Fonds des Nations Unies pour la population (FNUAP)"),
                .en(
                    "Attended the I RCM, Puebla, 1996 [SC]; the sources do not date its observer status.",
                    es: "Asistió a la I CRM, Puebla, 1996 [SC].",
                    fr: "A assisté à la Ire CRM, Puebla, 1996 [SC].")
            ),
            (
                "UNHCR",
                .en(
                    "Office of the United Nations High Commissioner for Refugees (UNHCR)",
                    es: "Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
                    fr: "Haut-Commissariat des Nations Unies pour les réfugiés (HCR)"),
                .en(
                    "Observer at the V RCM, March 2000 [G]; the year of admission is not in the sources.",
                    es: "Observador en la V CRM, marzo de 2000 [G]; el año de admisión no consta en las fuentes.",
                    fr: "Observateur à la Ve CRM, mars 2000 [G]; l'année d'admission ne figure pas dans les sources.")
            ),
            (
                "UNSR-MIGRANTS",
                .en(
                    "United Nations Special Rapporteur on the Human Rights of Migrants",
                    es: "Relator Especial de las Naciones Unidas sobre los Derechos Humanos de los Migrantes",
                    fr: "Rapporteur spécial des Nations Unies sur les droits de l'homme des migrants"),
                unknownYear
            ),
            (
                "SICA",
                .en(
                    "Central American Integration System (SICA)",
                    es: "Sistema de la Integración Centroamericana (SICA)",
                    fr: "Système d'intégration centraméricain (SICA)"),
                unknownYear
            ),
            (
                "SEGIB",
                .en(
                    "Ibero-American General Secretariat (SEGIB)", es: "Secretaría General Iberoamericana (SEGIB)",
                    fr: "Secrétariat général ibéro-américain (SEGIB)"),
                unknownYear
            ),
            (
                "ICRC",
                .en(
                    "International Committee of the Red Cross (ICRC)",
                    es: "Comité Internacional de la Cruz Roja (CICR)",
                    fr: "Comité international de la Croix-Rouge (CICR)"),
                unknownYear
            ),
            (
                "UNICEF",
                .en(
                    "United Nations Children's Fund (UNICEF)",
                    es: "Fondo de las Naciones Unidas para la Infancia (UNICEF)",
                    fr: "Fonds des Nations Unies pour l'enfance (UNICEF)"),
                unknownYear
            ),
            (
                "ILO",
                .en(
                    "International Labour Organization (ILO)", es: "Organización Internacional del Trabajo (OIT)",
                    fr: "Organisation internationale du Travail (OIT)"),
                unknownYear
            ),
            (
                "UNDP",
                .en(
                    "United Nations Development Programme (UNDP)",
                    es: "Programa de las Naciones Unidas para el Desarrollo (PNUD)",
                    fr: "Programme des Nations Unies pour le développement (PNUD)"),
                unknownYear
            ),
            (
                "UNODC",
                .en(
                    "United Nations Office on Drugs and Crime (UNODC)",
                    es: "Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)",
                    fr: "Office des Nations Unies contre la drogue et le crime (ONUDC)"),
                unknownYear
            ),
        ]
        return organizations.map { code, name, note in
            recorded(
                .addParticipant(
                    Participant(
                        id: code, kind: .observerOrganization, name: name,
                        history: [MembershipEvent(kind: .observerOrganization, since: nil, note: note)])),
                note != unknownYear
                    ? "Recorded from rcm-facts §1 [C][SC]: observer organization, present at the I RCM, 1996; the "
                        + "year of its admission as observer is not in the sources"
                    : "Recorded from rcm-facts §1 [C]: observer organization; year of admission not in the sources")
        }
    }

    /// The IACHR as the V RCM admitted it (seed 000): the declared effect of `iachrAdmitted`, whose history
    /// event cites that decision.
    static var iachrAdmission: Change {
        .addParticipant(
            Participant(
                id: "IACHR", kind: .observerOrganization,
                name: .en(
                    "Inter-American Commission on Human Rights (IACHR)",
                    es: "Comisión Interamericana de Derechos Humanos (CIDH)",
                    fr: "Commission interaméricaine des droits de l'homme (CIDH)"),
                history: [
                    MembershipEvent(
                        kind: .observerOrganization, since: date("2000-03"), decision: iachrAdmitted,
                        note: .en(
                            "Asked in 1999 to be admitted as observer; admitted as observer organization by the V "
                                + "RCM, Washington, March 2000 (seed 000).",
                            es: "Solicitó en 1999 su admisión como observadora; admitida como organismo observador "
                                + "por la V CRM, Washington, marzo de 2000 (seed 000).",
                            fr: "A demandé en 1999 à être admise en qualité d'observateur; admise comme organisation "
                                + "observatrice par la Ve CRM, Washington, mars 2000 (seed 000)."))
                ]))
    }
}
