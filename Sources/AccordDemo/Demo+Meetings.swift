import AccordCore

extension Demo {
    /// The vice-ministerial meetings I–XXIX of rcm-facts §3, each with only what its sources give.
    ///
    /// Dates keep the precision of the source ("1997" for the II RCM, days for the IV RCM); a place or host
    /// the table marks unknown or unverified stays nil. Attendance is filled only where rcm-facts says who
    /// took part (the I and V RCM); elsewhere it is left empty rather than guessed from the membership of
    /// the time. They are part of the opening record, entered before the first decision.
    static var meetings: [ProposedChange] {
        let founders: [ParticipantID] = ["BLZ", "CAN", "CRI", "SLV", "GTM", "HND", "MEX", "NIC", "PAN", "USA"]
        let members = founders + ["DOM"]
        return [
            meeting(
                "I", start: "1996-03-13", end: "1996-03-14", place: .en("Puebla, Mexico", es: "Puebla, México"),
                host: "MEX", attendance: founders + ["IOM", "ECLAC-CELADE", "UNFPA"],
                "Recorded from rcm-facts §3 [E][SC]: Puebla, 13–14 March 1996, hosted by Mexico; the ten founding "
                    + "members took part [E]; IOM, ECLAC and UNFPA attended [SC]"),
            meeting(
                "II", start: "1997", place: .en("Panama", es: "Panamá"), host: "PAN",
                "Recorded from rcm-facts §3 [K][ES]: Panama, 1997; adopted the Plan of Action and created the RCGM; "
                    + "exact dates not in the sources"),
            meeting(
                "III", start: "1998",
                "Recorded from rcm-facts §3: 1998; place and host unknown (Canada likely, Ottawa unverified), so "
                    + "left blank"),
            meeting(
                "IV", start: "1999-01-28", end: "1999-01-29",
                place: .en("San Salvador, El Salvador", es: "San Salvador, El Salvador"), host: "SLV",
                "Recorded from rcm-facts §1 and §3 [F][K]: San Salvador, 28–29 January 1999; Hurricane Mitch and "
                    + "migration; the sources say the Dominican Republic was absent [F] but do not list who attended"),
            meeting(
                "V", start: "2000-03-23", end: "2000-03-24",
                place: .en("Washington, D.C., United States", es: "Washington D. C., Estados Unidos"), host: "USA",
                attendance: members + ["ARG", "COL", "ECU", "JAM", "PER", "UNHCR", "ECLAC-CELADE", "IOM"],
                "Recorded from rcm-facts §3 [G]: Washington, 23–24 March 2000; the eleven members, with Argentina, "
                    + "Colombia, Ecuador, Jamaica, Peru, UNHCR, ECLAC and IOM as observers [G]"),
            meeting(
                "VI", start: "2001-03-22", end: "2001-03-23",
                place: .en("San José, Costa Rica", es: "San José, Costa Rica"), host: "CRI",
                "Recorded from rcm-facts §3 [H]: San José, 22–23 March 2001; the sources do not list who attended"),
            meeting(
                "VII", start: "2002-05-30", end: "2002-05-31",
                place: .en("Antigua Guatemala, Guatemala", es: "La Antigua Guatemala, Guatemala"), host: "GTM",
                "Recorded from rcm-facts §3 [I][W]: Antigua Guatemala, 30–31 May 2002; the Plan of Action was "
                    + "restructured; the sources do not list who attended"),
            meeting(
                "VIII", start: "2003-05-29", end: "2003-05-30", place: .en("Cancún, Mexico", es: "Cancún, México"),
                host: "MEX",
                "Recorded from rcm-facts §3 [J]: Cancún, 29–30 May 2003; the sources do not list who attended"),
            // Panama only offered, at the VIII RCM, to host the IX: no source says the meeting was held there.
            meeting(
                "IX", start: "2004",
                "Recorded from rcm-facts §3 [J]: 2004; Panama offered at the VIII RCM to host it, which does not "
                    + "establish where it met, so place and host are left blank"),
            meeting(
                "X", start: "2005",
                "Recorded from rcm-facts §3: 2005; place and host unverified (Canada/Vancouver), so left blank"),
            meeting(
                "XI", start: "2006",
                "Recorded from rcm-facts §3 [EG]: 2006; host uncertain (El Salvador held the PPT late 2005), so "
                    + "place and host are left blank"),
            meeting(
                "XII", start: "2007",
                "Recorded from rcm-facts §3: 2007; place and host not found; seed 002 cites one of its decisions"),
            // rcm-facts infers the year 2008 from the annual sequence and the IOM news item [X13].
            meeting(
                "XIII", start: "2008", place: .en("Tela, Honduras", es: "Tela, Honduras"), host: "HND",
                "Recorded from rcm-facts §3 [X13][PH]: Tela, Honduras; the year 2008 is inferred by rcm-facts"),
            meeting(
                "XIV", start: "2009", place: .en("Guatemala City, Guatemala", es: "Ciudad de Guatemala, Guatemala"),
                host: "GTM", "Recorded from rcm-facts §3 [X14]: Guatemala City, 2009; migration and development"),
            meeting(
                "XV", start: "2010", place: .en("Tapachula, Mexico", es: "Tapachula, México"), host: "MEX",
                "Recorded from rcm-facts §3 [X15]: Tapachula, 2010; migration and the family"),
            // The vice-ministerial dates of 2011 are uncertain (June? closing 16–17 November): only the year.
            meeting(
                "XVI", start: "2011", place: .en("Dominican Republic", es: "República Dominicana"), host: "DOM",
                "Recorded from rcm-facts §3 [X16][LI][HO]: Dominican Republic, 2011; exact dates uncertain, so "
                    + "only the year is kept"),
            meeting(
                "XVII", start: "2012", place: .en("Panama City, Panama", es: "Ciudad de Panamá, Panamá"), host: "PAN",
                "Recorded from rcm-facts §3 [X17][LI]: Panama City, 2012"),
            meeting(
                "XVIII", start: "2013", place: .en("San José, Costa Rica", es: "San José, Costa Rica"), host: "CRI",
                "Recorded from rcm-facts §3 [X18]: San José, 2013"),
            meeting(
                "XIX", start: "2014", place: .en("Managua, Nicaragua", es: "Managua, Nicaragua"), host: "NIC",
                "Recorded from rcm-facts §3 [X19]: Managua, 2014"),
            meeting(
                "XX", start: "2015-11", place: .en("Mexico City, Mexico", es: "Ciudad de México, México"), host: "MEX",
                "Recorded from rcm-facts §3 [X20]: Mexico City, November 2015"),
            meeting(
                "XXI", start: "2016-11-17", end: "2016-11-18",
                place: .en("Omoa and San Pedro Sula, Honduras", es: "Omoa y San Pedro Sula, Honduras"), host: "HND",
                "Recorded from rcm-facts §3 [X21]: Omoa and San Pedro Sula, 17–18 November 2016"),
            meeting(
                "XXII", start: "2017-11-27", end: "2017-11-30",
                place: .en("San Salvador, El Salvador", es: "San Salvador, El Salvador"), host: "SLV",
                "Recorded from rcm-facts §3 [X22]: San Salvador, 27–30 November 2017"),
            meeting(
                "XXIII", start: "2018-11", place: .en("Panama City, Panama", es: "Ciudad de Panamá, Panamá"),
                host: "PAN",
                "Recorded from rcm-facts §3 [WP][TR]: Panama City, November 2018; approved the Counter-Smuggling "
                    + "Work Plan 2019–2025"),
            meeting(
                "XXIV", start: "2019-11-12", end: "2019-11-14",
                place: .en("Guatemala City, Guatemala", es: "Ciudad de Guatemala, Guatemala"), host: "GTM",
                "Recorded from rcm-facts §3 [X24]: Guatemala City, 12–14 November 2019; relaunch of the RCM and its "
                    + "Strategic Plan"),
            meeting(
                "XXV", start: "2020-12-01", end: "2020-12-04", place: .en("Virtual meeting", es: "Reunión virtual"),
                host: "CRI",
                "Recorded from rcm-facts §3 [X25]: virtual, 1–4 December 2020, Costa Rica holding the PPT"),
            meeting(
                "XXVI", start: "2021-12-02", end: "2021-12-03", place: .en("Mexico", es: "México"), host: "MEX",
                "Recorded from rcm-facts §3 [X26]: Mexico, 2–3 December 2021 (the city is not in the sources)"),
            meeting(
                "XXVII", start: "2022", host: "SLV",
                "Recorded from rcm-facts §3 [X27]: 2022, El Salvador holding the PPT; place not found, so left blank"),
            meeting(
                "XXVIII", start: "2023-12-04", end: "2023-12-07", place: .en("Panama", es: "Panamá"), host: "PAN",
                "Recorded from rcm-facts §3 [X28]: Panama, 4–7 December 2023"),
            meeting(
                "XXIX", start: "2024", place: .en("Belize", es: "Belice"), host: "BLZ",
                "Recorded from rcm-facts §3 [X29]: Belize, 2024, its first Presidency Pro-Tempore"),
        ] + consultationGroupMeetings
    }

    /// The two RCGM meetings rcm-facts dates; places it does not give stay blank.
    static var consultationGroupMeetings: [ProposedChange] {
        [
            recorded(
                .addMeeting(
                    Meeting(
                        id: "RCGM-2003-12", body: "RCGM",
                        title: .en("RCGM, December 2003", es: "GRCM, diciembre de 2003", fr: "GRCM, décembre 2003"),
                        start: date("2003-12"))),
                "Recorded from rcm-facts §5 [U]: the RCGM met in December 2003, when Mexico joined SIEMCA"),
            recorded(
                .addMeeting(
                    Meeting(
                        id: "RCGM-2024-07", body: "RCGM",
                        title: .en("RCGM, July 2024", es: "GRCM, julio de 2024", fr: "GRCM, juillet 2024"),
                        start: date("2024-07"), host: "BLZ")),
                "Recorded from rcm-facts §3 [X29]: the RCGM met in July 2024 under Belize's Presidency Pro-Tempore"),
        ]
    }

    /// The identifier of the vice-ministerial meeting numbered `number` ("V" → "RCM-V").
    static func rcm(_ number: String) -> MeetingID { MeetingID("RCM-\(number)") }

    /// One vice-ministerial meeting, titled as people write it: "V RCM", "V CRM", "Ve CRM".
    private static func meeting(
        _ number: String, start: String, end: String? = nil, place: LocalizedText? = nil,
        host: ParticipantID? = nil, attendance: [ParticipantID] = [], _ reason: String
    ) -> ProposedChange {
        // French ordinals: "Ire" for the first, then "IIe", "IIIe"…
        let french = number == "I" ? "Ire" : "\(number)e"
        return recorded(
            .addMeeting(
                Meeting(
                    id: rcm(number), body: "RCM",
                    title: .en("\(number) RCM", es: "\(number) CRM", fr: "\(french) CRM"),
                    start: date(start), end: end.map(date), place: place, host: host, attendance: attendance)),
            reason)
    }
}
