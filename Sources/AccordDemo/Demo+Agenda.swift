import AccordCore

extension Demo {
    /// The RCGM's item on returns, standing already ("the standing RCGM agenda item of Regional and
    /// Extra-Regional Returns", seed 002): the body's practice, recorded in the opening record with its source,
    /// since the decision that made it standing is not in the sources.
    static var practices: [ProposedChange] {
        [
            standing(
                "RCGM-RETURNS", body: "RCGM", status: .standing,
                title: .en(
                    "Regional and extra-regional returns", es: "Retornos regionales y extrarregionales",
                    fr: "Retours régionaux et extrarégionaux"),
                note: .en(
                    "A standing RCGM agenda item according to seed 002 (comment on Mexico's item 3); the decision "
                        + "that made it standing is not in the sources"))
        ].map {
            recorded(
                .addStandingItem($0),
                "Recorded from seed 002 (Canada's comment on Mexico's item 3): the RCGM's practice, in the opening "
                    + "record")
        }
    }

    /// The standing agenda items Canada suggests (seed 002), recorded as suggested until a decision makes
    /// them standing.
    static var standingItems: [ProposedChange] {
        let source = "Recorded from seed 002 (Canada's comments on Mexico's proposals and on the LON workplans)"
        return [
            standing(
                "RCGM-PLAN-REVIEW", body: "RCGM", lead: .secretariat,
                title: .en(
                    "Cleanup and update of the Plan of Action", es: "Depuración y actualización del Plan de Acción",
                    fr: "Épuration et mise à jour du Plan d'action"),
                note: .en(
                    "Suggested by Canada: carried out by the Technical Secretariat under the supervision of the PPT "
                        + "and the RCGM, as a regular item of all RCGM meetings")),
            standing(
                "RCGM-MIGRATION-SERVICES", body: "RCGM",
                title: .en(
                    "Status and practices of migration services and infrastructure",
                    es: "Situación y prácticas de los servicios e infraestructura migratorios"),
                note: .en("Suggested by Canada for Mexico's item 1 (MPM-9)")),
            standing(
                "RCGM-SIEMMES", body: "RCGM", lead: .participant("IOM"),
                title: .en(
                    "Common and shared migration statistics: SIEMMES report",
                    es: "Estadísticas migratorias comunes y compartidas: informe del SIEMMES"),
                note: .en(
                    "Suggested by Canada for Mexico's item 7 (MPM-12): a standing or recurring item, SIEMMES "
                        + "reporting through its IOM link in San José")),
            standing(
                "LON-TS-TRAVEL-DOCUMENTS", body: "LON-TS", lead: .participant("IOM"),
                title: .en(
                    "Update on travel document standards and security features in the RCM region",
                    es: "Actualización sobre estándares y elementos de seguridad de los documentos de viaje en la "
                        + "región de la CRM"),
                note: .en("Suggested by Canada for Mexico's item 5 (a): IOM leads the discussion")),
            standing(
                "LON-CP-MIGRANT-CHILDREN", body: "LON-CP",
                title: .en(
                    "Regional standards or principles for assisting migrant children and youths",
                    es: "Estándares o principios regionales para la atención de niñas, niños y jóvenes migrantes"),
                note: .en("Suggested by Canada for Mexico's item 6 (HR-7)")),
            standing(
                "LON-CP-MIGRATION-HEALTH", body: "LON-CP", purpose: .information,
                title: .en(
                    "Updates on the Virtual Forum on Migration and Health",
                    es: "Novedades del Foro Virtual sobre Migración y Salud"),
                note: .en("Suggested by Canada as a standing informational item of the Consular Protection LON")),
        ].map { recorded(.addStandingItem($0), source) }
    }

    private static func standing(
        _ id: StandingItemID, body: BodyID, lead: Lead? = nil, purpose: AgendaPurpose = .discussion,
        status: StandingStatus = .suggested, title: LocalizedText, note: LocalizedText
    ) -> StandingItem {
        StandingItem(id: id, body: body, title: title, lead: lead, purpose: purpose, status: status, note: note)
    }
}
