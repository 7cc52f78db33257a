import AccordCore

extension Demo {
    /// The follow-up of the Santiago Plan of Action (1998) as seed 000 records it: the section on migrant
    /// workers (coordinated by the United States, with El Salvador and Mexico as co-coordinators), the mandate
    /// the seed quotes, the two events of 2000 it cites, and Canada's report in French, its authoritative
    /// language; then the other events of rcm-facts §4 and seed 002 that a source dates and places.
    ///
    /// Texts are the seed's own French, as it gives them (its rendering of ECLAC's name included). What the
    /// seed does not say — the mandate's paragraph number, the reporting cycle's period and due date, the
    /// events' days — is left empty.
    static var followUp: [ProposedChange] {
        [
            recorded(.addExternalPlan(santiagoPlan), "Recorded from seed 000: « Plan d'action de Santiago de 1998 »"),
            recorded(
                .addMandate(iachrMandate),
                "Recorded from seed 000: the mandate it quotes, in the section on migrant workers whose designated "
                    + "coordinator is the United States, with El Salvador and Mexico as co-coordinators"),
            recorded(
                .addCycle(santiagoCycle),
                "Opened to hold seed 000, Canada's report on the Santiago Plan of Action; the seed gives no period "
                    + "or due date"),
            recorded(.recordEvent(migrantWorkersWorkshop), "Recorded from seed 000, first paragraph"),
            recorded(.recordEvent(migrationSymposium), "Recorded from seed 000, second paragraph"),
            ProposedChange(.fileReport(canadaReport), by: secretariat, authority: .participant("CAN")),
            recorded(
                .publishReport(canadaReport.reportID),
                "Canada's report is public (seed 000); published as the Secretariat received it"),
        ] + factEvents.map { recorded(.recordEvent($0.event), $0.source) }
    }

    /// The Plan of Action of Santiago, 1998, as seed 000 names it.
    public static let santiagoPlan = ExternalPlan(
        id: "SANTIAGO-1998", title: french("Plan d'action de Santiago"), summit: french("Sommet des Amériques"),
        place: french("Santiago"), date: date("1998"))

    /// The mandate seed 000 quotes, in the plan's section on migrant workers.
    public static let iachrMandate = Mandate(
        id: "SANTIAGO-1998-MW-IACHR", plan: "SANTIAGO-1998",
        text: french(
            "Soutenir les activités de la Commission interaméricaine en ce qui concerne la protection des droits "
                + "des travailleurs migrants et de leur famille, particulièrement par l'intermédiaire du Rapporteur "
                + "spécial pour les travailleurs migrants."),
        theme: french("Travailleurs migrants"), coordinator: "USA", coCoordinators: ["SLV", "MEX"])

    /// The cycle Canada's report belongs to; the seed dates neither the period nor the deadline.
    public static let santiagoCycle = ReportingCycle(
        id: "SANTIAGO-1998-REPORTS", plan: "SANTIAGO-1998",
        title: french("Rapports nationaux sur la mise en oeuvre du Plan d'action de Santiago"))

    /// « L'atelier sur les pratiques exemplaires concernant les travailleurs migrants et leur famille, tenu à
    /// Santiago, au Chili, en juin 2000 » (seed 000), with its organizers as the seed names them.
    public static let migrantWorkersWorkshop = Event(
        id: "WS-2000-SANTIAGO", kind: .workshop,
        title: french("Atelier sur les pratiques exemplaires concernant les travailleurs migrants et leur famille"),
        organizers: [
            Organizer(participant: "IOM", name: french("Organisation internationale des migrations"), role: .organizer),
            Organizer(
                participant: "ECLAC-CELADE",
                name: french("Commission économique des Nations Unies pour les Nations Unies et les Caraïbes"),
                role: .inCooperationWith),
            Organizer(
                participant: "ECLAC-CELADE", name: .en("Caribbean and Latin American Demographic Centre"),
                role: .inCooperationWith),
            Organizer(participant: "USA", name: french("gouvernement des États-Unis"), role: .underTheAuspicesOf),
        ], place: french("Santiago, Chili"), start: date("2000-06"), mandates: [],
        note: french("Tenu conformément au Plan d'action de Santiago de 1998 (document 000)."))

    /// « Le Symposium sur les migrations internationales dans les Amériques qui s'est tenu à San José, au Costa
    /// Rica, en septembre 2000, sous les auspices du processus du Sommet des Amériques » (seed 000).
    public static let migrationSymposium = Event(
        id: "SYMPOSIUM-2000-SAN-JOSE", kind: .symposium,
        title: french("Symposium sur les migrations internationales dans les Amériques"),
        organizers: [Organizer(name: french("processus du Sommet des Amériques"), role: .underTheAuspicesOf)],
        place: french("San José, Costa Rica"), start: date("2000-09"))

    /// Canada's report (seed 000), in French: what it did, paragraph by paragraph as the seed has them.
    public static let canadaReport = ReportFiling(
        cycle: santiagoCycle.id, mandate: iachrMandate.id, participant: "CAN", language: .fr,
        sections: ReportSections(actions: french(canadaActions.joined(separator: "\n\n"))),
        events: [migrantWorkersWorkshop.id, migrationSymposium.id], status: .submitted)

    /// Seed 000's paragraphs on what Canada did, word for word.
    public static let canadaActions = [
        "L'atelier sur les pratiques exemplaires concernant les travailleurs migrants et leur famille, tenu à "
            + "Santiago, au Chili, en juin 2000, a été organisé par l'Organisation internationale des migrations avec "
            + "la coopération de la Commission économique des Nations Unies pour les Nations Unies et les Caraïbes "
            + "et du Caribbean and Latin American Demographic Centre sous les auspices du gouvernement des "
            + "États-Unis, conformément au Plan d'action de Santiago de 1998. Les États-Unis sont le coordonnateur "
            + "désigné chargé de la mise en oeuvre de la section portant sur les travailleurs migrants du Plan "
            + "d'action, le El Salvador et le Mexique agissant en qualité de co-coordinateurs. En sa qualité de pays "
            + "hôte du 3° Sommet des Amériques qui se tiendra en avril 2001 à Québec, le Canada a été invité à "
            + "participer. L'atelier a réuni des experts gouvernementaux dans un certain nombre de domaines relatifs "
            + "à la protection de travailleurs migrants et de leur famille dans les Amériques. Les pratiques "
            + "exemplaires du Canada en ce qui concerne les travailleurs migrants temporaires en provenance des "
            + "Caraïbes et du Mexique, et l'expérience canadienne ayant trait à la préservation de l'identité "
            + "culturelle, de l'intégration et de la citoyenneté ont été considérés comme étant d'excellents "
            + "modèles dont on peut s'inspirer.",
        "Le gouvernement du Canada, en qualité d'hôte du 3° Sommet des Amériques, a participé activement au "
            + "Symposium sur les migrations internationales dans les Amériques qui s'est tenu à San José, au Costa "
            + "Rica, en septembre 2000, sous les auspices du processus du Sommet des Amériques. Le but de la réunion "
            + "était d'examiner des questions relatives aux migrations internationales, ce qui a réuni des "
            + "représentants des gouvernements, un important contingent d'ONG, des universitaires et des "
            + "organisations internationales. Les ONG ont tenu un forum parallèle et ont présenté leurs suggestions "
            + "à la plénière du symposium le dernier jour. À la dernière séance, les représentants gouvernementaux "
            + "sont arrivés à un consensus selon lequel les migrations internationales constituaient un important "
            + "aspect des affaires hémisphériques qu'il fallait aborder au prochain Sommet des Amériques.",
        "En 1999, la Commission interaméricaine des droits de l'homme (CIDH) a demandé à être admise en qualité "
            + "d'observateur à la Conférence régionale sur les migrations (CRM), qu'on appelle aussi le Processus de "
            + "Puebla. La CRM est une tribune permettant de discuter et d'échanger au sujet des pratiques exemplaires "
            + "en matière de migration et des questions connexes sous un angle régional. La CRM comprend tous les "
            + "pays d'Amérique du Nord et d'Amérique centrale, ainsi que la République dominicaine. Le Canada "
            + "apprécie l'action de la CIDH et appuie sa demande d'être admise en qualité d'observateur à la CRM. À "
            + "la 5° RCM, qui a eu lieu à Washington, aux États-Unis en mars 2000, la demande de la CIDH d'adhérer à "
            + "la CRM en qualité d'organisation internationale ayant un statut d'observateur a été acceptée en "
            + "raison des rapports étroits qu'elle maintient entre les questions touchant les droits de la personne "
            + "et les migrations.",
    ]

    /// The other dated and placed events of rcm-facts §4 (the lead in its brackets as organizer) and seed 002,
    /// item 5; where a source gives two dates, only what both share (the year) is kept.
    public static let factEvents: [(event: Event, source: String)] = [
        (
            Event(
                id: "WS-2003-SAN-SALVADOR", kind: .workshop,
                title: .en("Workshop on dignified, safe and orderly return"),
                organizers: [Organizer(participant: "SLV", role: .organizer)], place: .en("San Salvador"),
                start: date("2003-12-01"), end: date("2003-12-01")),
            "Recorded from rcm-facts §4 [U]"
        ),
        (
            Event(
                id: "WS-2006-NICARAGUA", kind: .workshop,
                title: .en("Workshop on travel document security standards and features"),
                organizers: [
                    Organizer(name: .en("RCM"), role: .organizer), Organizer(participant: "IOM", role: .organizer),
                ], place: .en("Nicaragua"), start: date("2006-11")),
            "Recorded from seed 002, item 5: the RCM and IOM held it in Nicaragua in November 2006"
        ),
        (
            Event(
                id: "WS-2008-SAN-JOSE", kind: .workshop, title: .en("Mixed-flows protection workshop"),
                place: .en("San José"), start: date("2008-08")),
            "Recorded from rcm-facts §4 [SP]"
        ),
        (
            Event(
                id: "WS-2011-DOMINICAN-REPUBLIC", kind: .workshop,
                title: .en("Temporary Foreign Worker Programmes workshop"),
                organizers: [Organizer(participant: "DOM", role: .organizer)], place: .en("Dominican Republic"),
                start: date("2011"),
                note: .en("The sources give March, or 28–29 April 2011 [HO][SP]; only the year is kept.")),
            "Recorded from rcm-facts §4 [HO][SP]"
        ),
        (
            Event(
                id: "TR-2017-SAN-JOSE", kind: .training,
                title: .en("Training on protecting nationals abroad in crises"),
                organizers: [
                    Organizer(name: .en("Technical Secretariat"), role: .organizer),
                    Organizer(participant: "CRI", role: .organizer), Organizer(participant: "IOM", role: .organizer),
                ], place: .en("San José"), start: date("2017-02-01"), end: date("2017-02-02")),
            "Recorded from rcm-facts §4 [CW]"
        ),
        (
            Event(
                id: "WS-2019-MEXICO-CITY", kind: .workshop,
                title: .en("Follow-up workshop on the Counter-Smuggling Work Plan"),
                organizers: [Organizer(participant: "MEX", name: .en("Mexico SRE"), role: .organizer)],
                place: .en("Mexico City"), start: date("2019-06-04"), end: date("2019-06-05")),
            "Recorded from rcm-facts §4 [EV]"
        ),
    ]

    /// A text in French, the language the seed is written in, with no translation (none is in the sources).
    static func french(_ text: String) -> LocalizedText {
        LocalizedText(authoritative: .fr, es: nil, en: nil, fr: text)
    }
}
