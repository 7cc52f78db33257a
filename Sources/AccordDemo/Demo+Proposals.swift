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
    /// Policies and Management, item 6 under Human Rights. The title is Mexico's proposal as seed 002 gives
    /// it, in English (the source's language, so authoritative); the Spanish is a translation, since Mexico's
    /// own wording is not in the sources. Canada's comment on each is a comment of its own, not the item's
    /// text.
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
            ProposedChange(.submitProposal(proposal), by: secretariat, authority: .participant("MEX")),
            ProposedChange(.fileComment(canadaGeneralComment), by: secretariat, authority: .participant("CAN")),
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
                    by: secretariat, authority: .participant("CAN"))
            }
    }

    /// Canada's general comments on the proposed review of the Plan of Action, its general comments on the
    /// review of the two networks' workplans, what it says of each network, and its final observation (seed
    /// 002): a comment on Mexico's proposal as a whole. Who proposed the review of the workplans is not in the
    /// sources, so those comments are kept here, in the same document as Canada's.
    static var canadaGeneralComment: Comment {
        Comment(
            proposal: mexicoProposalID, item: nil, participant: "CAN", stance: .supportsWithChanges,
            text: .en(
                "Canada supports the goal of an updated Plan of Action that guides the work of the RCM by reflecting "
                    + "the agreed goals and commitments of the Puebla Process and listing its current and pending "
                    + "agreed activities, and welcomes Mexico's proposal to review, clean and update it: completed "
                    + "tasks should go to an archive version listing all past items, and the current version should "
                    + "list only the activities approved and being carried out on an ongoing basis or pending "
                    + "completion. The cleanup should be carried out by the Technical Secretariat under the "
                    + "supervision of the Presidency Pro-Tempore and the RCGM, and become a regular agenda item of "
                    + "all RCGM meetings. Mexico's seven proposals do not necessarily require a re-definition of the "
                    + "three lines of action; they might be included as sub-items or areas of activity of the "
                    + "existing lines, carried out as stand-alone workshops and seminars, or taken up as expanded "
                    + "agenda items of technical meetings (possibly extending RCGM meetings by a day or half a day). "
                    + "The workplans of the two Liaison Officer Networks should be annexed to the Plan of Action and "
                    + "updated after each semi-annual meeting by the Technical Secretariat under the supervision of "
                    + "the corresponding networks.\n\n"
                    + "On the review of the networks' workplans: they are outdated and require simplification, with "
                    + "the columns area of activity, specific action/activity/event, lead (country or countries "
                    + "and/or TS) and timeline/deadline/target date. Consular Protection LON: a dynamic document, "
                    + "updated regularly; its two pillars could be replaced by at least three (activities of consular "
                    + "offices; travel documentation, return and security-related issues; emergency response "
                    + "planning and updates), with a fourth, standing informational item on the Virtual Forum on "
                    + "Migration and Health. Trafficking & Smuggling LON: the Work Plan should be a dynamic document "
                    + "with a simple structure, updated regularly to reflect the general areas of activity and the "
                    + "current and upcoming activities, removing past, concluded or no longer applicable items; "
                    + "other, more specific comments are pending further inter-departmental/domestic consultation.\n\n"
                    + "Final observation: the Plan of Action reflects consensual agreements of RCGM and RCM meetings; "
                    + "any revised version that goes to the Vice-Ministers for approval should not re-define earlier "
                    + "commitments or activities without new, specific agreement on the item(s) by all member states "
                    + "at the corresponding level of original approval."),
            placement: Placement(note: .en("Recorded from seed 002: Canada's general comments")))
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
                    PlanItem(
                        number: number, kind: kind, parent: parent, title: title, status: .proposed,
                        note: .en(
                            "Mexico's proposal \(index) (seed 002), placed where Canada's comments suggest; the "
                                + "Spanish title is a translation, as Mexico's own wording is not in the sources.",
                            es: "Propuesta \(index) de México (seed 002), ubicada donde lo sugieren los comentarios "
                                + "de Canadá; el título en español es una traducción, pues la redacción de México no "
                                + "consta en las fuentes."))),
                "Proposal by Mexico to review, clean and update the Plan of Action; not adopted by any public decision "
                    + "(seed 002, item \(index); placed under \(parent) as Canada's comments suggest)")
        }
    }

    static var mexicoItems: [MexicoItem] {
        [
            proposal(
                1, number: "MPM-9", kind: .area, parent: "LA-1",
                title: .en(
                    "Cooperation on migration management best practices: expansion and modernization of "
                        + "migration services' infrastructure, migration registries, informatics, training of "
                        + "migration personnel, and others",
                    es: "Cooperación en mejores prácticas de gestión migratoria: ampliación y modernización de la "
                        + "infraestructura de los servicios migratorios, registros migratorios, informática, "
                        + "capacitación del personal migratorio y otros"),
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
                2, number: "MPM-10", kind: .area, parent: "LA-1",
                title: .en(
                    "Cooperation for improving documented permanent and temporary migration flows in RCM "
                        + "countries",
                    es:
                        "Cooperación para mejorar los flujos migratorios documentados, permanentes y temporales, en los "
                        + "países de la CRM"),
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
                title: .en(
                    "Convergence of repatriation processes",
                    es: "Convergencia de los procesos de repatriación"),
                comment: .en(
                    "Canada: under Migration Policies and Management, at first as a dedicated discussion point "
                        + "under the standing RCGM agenda item on Regional and Extra-Regional Returns, to clarify the "
                        + "goals of the proposal and see whether RCGM or LON discussions suffice.",
                    es: "Canadá: en Políticas y Gestión Migratoria, en un principio como punto de discusión dentro "
                        + "del punto permanente de la agenda del GRCM sobre retornos regionales y extrarregionales, "
                        + "para aclarar los objetivos de la propuesta y ver si bastan las discusiones del GRCM o de "
                        + "las Redes.")),
            proposal(
                4, number: "MPM-11", kind: .area, parent: "LA-1",
                title: .en(
                    "Exchange of information on, and development of, temporary worker systems",
                    es:
                        "Intercambio de información sobre los sistemas de trabajadores temporales y desarrollo de dichos "
                        + "sistemas"),
                comment: .en(
                    "Canada: under Migration Policies and Management, best advanced through a regional workshop "
                        + "(frameworks, systems, effective practices, lessons learned, technical cooperation); if a "
                        + "sub-item is created, Canada recommends the title \"temporary migration flows\".",
                    es: "Canadá: en Políticas y Gestión Migratoria, y mejor impulsado mediante un taller regional "
                        + "(marcos, sistemas, prácticas eficaces, lecciones aprendidas, cooperación técnica); si se "
                        + "crea un subtema, Canadá recomienda titularlo «flujos migratorios temporales».")),
            proposal(
                5, number: "MPM-3.1", kind: .activity, parent: "MPM-3", workplan: "LON-TS",
                title: .en(
                    "Common document standards and security features",
                    es: "Estándares comunes y elementos de seguridad de los documentos"),
                comment: .en(
                    "Canada: under Migration Policies and Management, an ongoing line of work (the RCM and IOM held "
                        + "a workshop on travel document security standards and features in Nicaragua in November "
                        + "2006) to be revisited regularly: (a) as an item of the Trafficking and Smuggling LON "
                        + "workplan, with IOM presenting updates (see TS-5.1); (b) by making the workshops a regular, "
                        + "yearly event, at least every three years.",
                    es: "Canadá: en Políticas y Gestión Migratoria, una línea de trabajo en curso (la CRM y la OIM "
                        + "celebraron un taller sobre estándares y elementos de seguridad de los documentos de viaje "
                        + "en Nicaragua en noviembre de 2006) que conviene revisar con regularidad: a) como punto "
                        + "del plan de trabajo de la Red sobre trata y tráfico, con actualizaciones presentadas por "
                        + "la OIM (véase TS-5.1); b) haciendo de los talleres un evento regular y anual, al menos cada tres "
                        + "años.")),
            proposal(
                6, number: "HR-7", kind: .area, parent: "LA-2", workplan: "LON-CP",
                title: .en(
                    "Regional standards or principles for assisting migrant children and youths",
                    es: "Estándares o principios regionales para la atención de niñas, niños y jóvenes migrantes"),
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
                7, number: "MPM-12", kind: .area, parent: "LA-1",
                title: .en(
                    "Common and shared migration statistics",
                    es: "Estadísticas migratorias comunes y compartidas"),
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
