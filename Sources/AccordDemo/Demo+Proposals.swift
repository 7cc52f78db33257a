import AccordCore

extension Demo {
    /// The plan items where Mexico's seven proposals sit, in the order of Mexico's list (seed 002).
    static let mexicoProposalItems: [ItemNumber] = [
        "MPM-9", "MPM-10", "MPM-4.1", "MPM-11", "MPM-3.1", "HR-7", "MPM-12",
    ]

    /// Mexico's seven proposals to "review, clean and update" (revisar, depurar y actualizar) the Plan of
    /// Action, each placed where Canada's comments suggest.
    ///
    /// No public decision adopted them, so they stay proposed: the rules record a proposal on editorial
    /// authority but would refuse to approve one without a decision. Canada reads them as calls for more
    /// activity within the existing three lines, not as new lines: items 1–5 and 7 go under Migration
    /// Policies and Management, item 6 under Human Rights. The title is Mexico's proposal, Spanish
    /// authoritative; the text is Canada's comment on it, English authoritative since that is its language.
    static var mexicoProposalItemsAsPlan: [ProposedChange] { mexicoItems.map(\.planItem) }

    /// Mexico's proposal as a proposal record, and Canada's comment on each of its seven items.
    ///
    /// Mexico's document is not among the sources, so its date, the meeting it was tabled for and any
    /// placement of its own are left blank; the placements are Canada's. Canada "generally agrees" with each
    /// item while proposing how to take it up, hence "supports with changes" throughout.
    static var mexicoProposalAndComments: [ProposedChange] {
        let proposal = Proposal(
            id: mexicoProposalID, submitter: "MEX",
            title: .es(
                "Revisar, depurar y actualizar el Plan de Acción",
                en: "Review, clean and update the Plan of Action",
                fr: "Réviser, épurer et mettre à jour le Plan d'action"),
            items: mexicoItems.map { ProposalItem(number: $0.index, text: $0.title) })
        let source = "seed 002: Canada's comments on Mexico's proposals"
        return [
            ProposedChange(.submitProposal(proposal), by: loader, authority: .participant("MEX"))
        ]
            + mexicoItems.map { item in
                ProposedChange(
                    .fileComment(
                        Comment(
                            proposal: mexicoProposalID, item: item.index, participant: "CAN",
                            stance: .supportsWithChanges,
                            text: item.comment,
                            placement: Placement(
                                parent: item.parent, workplan: item.workplan,
                                note: .en("Recorded from \(source), item \(item.index)")))),
                    by: loader, authority: .participant("CAN"))
            }
    }

    /// The code of Mexico's proposal in the demo.
    public static let mexicoProposalID: ProposalID = "MEX-REVIEW"

    /// One of Mexico's seven proposals with Canada's comment on it.
    struct MexicoItem {
        var index: Int
        var number: ItemNumber
        var kind: ItemKind
        var parent: ItemNumber
        /// The network workplan Canada would also take it up in.
        var workplan: WorkplanID?
        var title: LocalizedText
        var comment: LocalizedText

        /// The item as a proposed plan item; leads stay empty because Mexico names none.
        var planItem: ProposedChange {
            recorded(
                .addItem(
                    PlanItem(number: number, kind: kind, parent: parent, title: title, text: comment, status: .proposed)
                ),
                "Proposal by Mexico to review, clean and update the Plan of Action; not adopted by any public decision "
                    + "(seed 002, item \(index); placed under \(parent) as Canada's comments suggest). The Spanish title "
                    + "renders the English of seed 002: Mexico's own wording is not in the sources")
        }
    }

    static var mexicoItems: [MexicoItem] {
        [
            proposal(
                1, number: "MPM-9", kind: .area, parent: "MPM",
                title: .es(
                    "Cooperación en mejores prácticas de gestión migratoria: ampliación y modernización de la "
                        + "infraestructura de los servicios migratorios, registros migratorios, informática, "
                        + "capacitación del personal migratorio y otros",
                    en: "Cooperation on migration management best practices: expansion and modernization of "
                        + "migration services' infrastructure, migration registries, informatics, training of "
                        + "migration personnel, and others"),
                comment: .en(
                    "Canada: a sub-item of Migration Policies and Management, addressed by a dedicated RCGM agenda "
                        + "item with presentations on the status and practices of migration services, followed by "
                        + "discussion of cooperation and capacity building (joint training, working visits, "
                        + "workshops); follow-up as an action item of the plan and a standing RCGM agenda item.",
                    es: "Canadá: un subtema de Políticas y Gestión Migratoria, tratado en un punto específico de la "
                        + "agenda del GRCM con presentaciones sobre la situación y las prácticas de los servicios "
                        + "migratorios, seguidas de un debate sobre cooperación y fortalecimiento de capacidades "
                        + "(capacitaciones conjuntas, visitas de trabajo, talleres); seguimiento como acción del plan "
                        + "y punto permanente de la agenda del GRCM.")),
            proposal(
                2, number: "MPM-10", kind: .area, parent: "MPM",
                title: .es(
                    "Cooperación para mejorar los flujos migratorios documentados, permanentes y temporales, en los "
                        + "países de la CRM",
                    en: "Cooperation for improving documented permanent and temporary migration flows in RCM "
                        + "countries"),
                comment: .en(
                    "Canada: under Migration Policies and Management, covering policy and operations; a sub-item "
                        + "with its own activities, such as workshops on managing temporary and permanent migration "
                        + "(legal and policy frameworks, operations, effective practices, lessons learned).",
                    es: "Canadá: en Políticas y Gestión Migratoria, pues abarca aspectos de política y operativos; "
                        + "un subtema con actividades propias, como talleres sobre la gestión de la migración "
                        + "temporal y permanente (marcos jurídicos y de política, operaciones, prácticas eficaces, "
                        + "lecciones aprendidas).")),
            // Canada places the repatriation proposal inside the existing return work rather than beside it.
            proposal(
                3, number: "MPM-4.1", kind: .activity, parent: "MPM-4",
                title: .es("Convergencia de los procesos de repatriación", en: "Convergence of repatriation processes"),
                comment: .en(
                    "Canada: under Migration Policies and Management, at first as a dedicated discussion point "
                        + "under the standing RCGM agenda item on Regional and Extra-Regional Returns, to clarify the "
                        + "goals of the proposal and see whether RCGM or LON discussions suffice.",
                    es: "Canadá: en Políticas y Gestión Migratoria, en un principio como punto de discusión dentro "
                        + "del punto permanente de la agenda del GRCM sobre retornos regionales y extrarregionales, "
                        + "para aclarar los objetivos de la propuesta y ver si bastan las discusiones del GRCM o de "
                        + "las Redes.")),
            proposal(
                4, number: "MPM-11", kind: .area, parent: "MPM",
                title: .es(
                    "Intercambio de información sobre los sistemas de trabajadores temporales y desarrollo de dichos "
                        + "sistemas",
                    en: "Exchange of information on, and development of, temporary worker systems"),
                comment: .en(
                    "Canada: under Migration Policies and Management, best advanced through a regional workshop "
                        + "(frameworks, systems, effective practices, lessons learned, technical cooperation); if a "
                        + "sub-item is created, Canada recommends the title \"temporary migration flows\".",
                    es: "Canadá: en Políticas y Gestión Migratoria, y mejor impulsado mediante un taller regional "
                        + "(marcos, sistemas, prácticas eficaces, lecciones aprendidas, cooperación técnica); si se "
                        + "crea un subtema, Canadá recomienda titularlo «flujos migratorios temporales».")),
            proposal(
                5, number: "MPM-3.1", kind: .activity, parent: "MPM-3", workplan: "LON-TS",
                title: .es(
                    "Estándares comunes y elementos de seguridad de los documentos",
                    en: "Common document standards and security features"),
                comment: .en(
                    "Canada: under Migration Policies and Management, an ongoing line of work (the RCM and IOM held "
                        + "a workshop on travel document security standards and features in Nicaragua in November "
                        + "2006) to be revisited regularly: (a) as an item of the Trafficking and Smuggling LON "
                        + "workplan, with IOM presenting updates (see TS-5.1); (b) as regular regional workshops, "
                        + "at least every three years.",
                    es: "Canadá: en Políticas y Gestión Migratoria, una línea de trabajo en curso (la CRM y la OIM "
                        + "celebraron un taller sobre estándares y elementos de seguridad de los documentos de viaje "
                        + "en Nicaragua en noviembre de 2006) que conviene revisar con regularidad: a) como punto "
                        + "del plan de trabajo de la Red sobre trata y tráfico, con actualizaciones presentadas por "
                        + "la OIM (véase TS-5.1); b) con talleres regionales periódicos, al menos cada tres años.")),
            proposal(
                6, number: "HR-7", kind: .area, parent: "HR", workplan: "LON-CP",
                title: .es(
                    "Estándares o principios regionales para la atención de niñas, niños y jóvenes migrantes",
                    en: "Regional standards or principles for assisting migrant children and youths"),
                comment: .en(
                    "Canada: could fall under Human Rights, best placed as a standing item of the Consular "
                        + "Protection LON workplan to exchange information on trends, lessons learned and effective "
                        + "practices; UNHCR's interest in regional capacity building on unaccompanied migrant "
                        + "children could be tied to it.",
                    es: "Canadá: podría ubicarse en Derechos Humanos, preferiblemente como punto permanente del plan "
                        + "de trabajo de la Red de Protección Consular para intercambiar información sobre "
                        + "tendencias, lecciones aprendidas y prácticas eficaces; el interés del ACNUR en el "
                        + "fortalecimiento regional de capacidades sobre niñez migrante no acompañada podría "
                        + "vincularse a ello.")),
            // The relocation of SIEMMES that Canada mentions is left out: rcm-facts §5 found no usable source.
            proposal(
                7, number: "MPM-12", kind: .area, parent: "MPM",
                title: .es(
                    "Estadísticas migratorias comunes y compartidas", en: "Common and shared migration statistics"),
                comment: .en(
                    "Canada: under Migration Policies and Management, where SIEMMES is already included, in line "
                        + "with the XII RCM's decision on a more agile statistical information-sharing system "
                        + "(RCM-XII/1); an assessment of what including all RCM countries in SIEMMES would need, and "
                        + "a standing or recurring RCGM agenda item with SIEMMES reporting through IOM San José.",
                    es: "Canadá: en Políticas y Gestión Migratoria, donde ya figura el SIEMMES, en consonancia con "
                        + "la decisión de la XII CRM sobre un sistema más ágil de intercambio de información "
                        + "estadística (RCM-XII/1); una evaluación de lo que requeriría incluir a todos los países "
                        + "de la CRM en el SIEMMES, y un punto permanente o recurrente de la agenda del GRCM con "
                        + "informes del SIEMMES por medio de la OIM en San José.")),
        ]
    }

    private static func proposal(
        _ index: Int, number: ItemNumber, kind: ItemKind, parent: ItemNumber, workplan: WorkplanID? = nil,
        title: LocalizedText, comment: LocalizedText
    ) -> MexicoItem {
        MexicoItem(
            index: index, number: number, kind: kind, parent: parent, workplan: workplan, title: title, comment: comment
        )
    }
}
