import AccordCore

/// The interface's words for checkpoints, witnesses, transcriptions awaiting confirmation and editions in
/// two steps, in Spanish, English and French: kept beside `UIText`, one table as it is.
enum RecordWords: CaseIterable {
    case checkpoint, checkpointNone, checkpointNote, witnessedBy, noWitness, signedBy, entry, hash
    case pending, pendingNote, confirm, reject, rejected, rejectReason, transcribedBy, confirmedBy
    case proposeEdition, approveEdition, proposed, revisionReport, uncovered, covered, noChanges, editionTitle
    case editionDate, editionPosition, approvingDecision, blockedReport

    func callAsFunction(_ language: Language) -> String { language.pick(forms) }

    // swift-format-ignore
    private var forms: (String, String, String) {
        switch self {
        case .checkpoint: ("Punto de control del registro", "Ledger checkpoint", "Point de contrôle du registre")
        case .checkpointNone: ("Aún no se ha firmado ningún punto de control.", "No checkpoint is signed yet.", "Aucun point de contrôle n'est encore signé.")
        case .checkpointNote: ("Nota firmada (C2SP)", "Signed note (C2SP)", "Note signée (C2SP)")
        case .witnessedBy: ("Atestiguado por", "Witnessed by", "Attesté par")
        case .noWitness: ("Ninguna delegación lo ha refrendado todavía.", "No delegation has countersigned it yet.", "Aucune délégation ne l'a encore contresigné.")
        case .signedBy: ("firmado por", "signed by", "signé par")
        case .entry: ("entrada", "entry", "entrée")
        case .hash: ("hash", "hash", "empreinte")
        case .pending: ("pendiente de confirmación", "pending confirmation", "en attente de confirmation")
        case .pendingNote: ("Transcrita por la Secretaría; sus efectos se aplican cuando la Presidencia la confirma.", "Transcribed by the Secretariat; its effects apply when the Presidency confirms it.", "Transcrite par le Secrétariat ; ses effets s'appliquent quand la Présidence la confirme.")
        case .confirm: ("Confirmar la transcripción", "Confirm the transcription", "Confirmer la transcription")
        case .reject: ("Rechazar la transcripción", "Reject the transcription", "Rejeter la transcription")
        case .rejected: ("transcripción rechazada", "transcription rejected", "transcription rejetée")
        case .rejectReason: ("Motivo del rechazo", "Why it is rejected", "Motif du rejet")
        case .transcribedBy: ("Transcrita por", "Transcribed by", "Transcrite par")
        case .confirmedBy: ("confirmada por la Presidencia en la entrada", "confirmed by the Presidency at entry", "confirmée par la Présidence à l'entrée")
        case .proposeEdition: ("Proponer la edición", "Propose the edition", "Proposer l'édition")
        case .approveEdition: ("Aprobar la edición", "Approve the edition", "Approuver l'édition")
        case .proposed: ("propuesta, pendiente de la Presidencia", "proposed, awaiting the Presidency", "proposée, en attente de la Présidence")
        case .revisionReport: ("Informe de revisión", "Revision report", "Rapport de révision")
        case .uncovered: ("sin decisión que lo cubra", "not covered by a decision", "non couvert par une décision")
        case .covered: ("cubierto por", "covered by", "couvert par")
        case .noChanges: ("Ningún cambio sustantivo desde la última edición.", "No substantive change since the last edition.", "Aucune modification de fond depuis la dernière édition.")
        case .editionTitle: ("Título de la edición", "Title of the edition", "Titre de l'édition")
        case .editionDate: ("Fecha de publicación", "Publication date", "Date de publication")
        case .editionPosition: ("Posición del registro que publica", "Ledger position it publishes", "Position du registre publiée")
        case .approvingDecision: ("Decisión del órgano superior que aprueba el plan revisado", "Decision of the highest body approving the revised plan", "Décision de l'organe suprême approuvant le plan révisé")
        case .blockedReport: ("El informe de revisión tiene cambios sin cubrir o impugnaciones pendientes: no se puede publicar.", "The revision report has uncovered changes or held challenges: the edition cannot be published.", "Le rapport de révision comporte des modifications non couvertes ou des contestations en suspens : l'édition ne peut être publiée.")
        }
    }
}

extension Viewer {
    func t(_ key: RecordWords) -> String { key(language) }
}
