import AccordCore
import AccordServices

/// Every string of the interface, in Spanish, English and French. One table, so that a missing
/// translation is a compile error here rather than an English word on a delegate's screen.
enum UIText: CaseIterable {
    case added, adopted, after, agendaEditor, all, amended, annexes, approveAgenda, approvedBy, archiveVersion, asOf
    case areaOfActivity, authority, backToPlan, before, challengeSettled, change, changed, changes, changesPerMeeting
    case commentMatrix, compare, currentActivities, currentVersion, dashboard, decision, decisions, download
    case draftDecisions, dueBy, edition, editions, editorial, effectOnItem, footer, from, hash, host, item
    case itemsApproved, itemsShown, keep, language, lead, ledger, ledgerPosition, lineOfAction, meetings, memberState
    case missingIn, needTranslation, newItem, newStatus, noAgenda, noDifferences, noEditions, noEffect, noPositionYet
    case notFound, notPublished, notThere, nothingOverdue, now, number, older, olderThanSource, outcomeDocument
    case overdue, overdueByLead, partOf, password, planOfAction, position, proposal, proposals, proposedItems
    case provenance, purpose, recordDecision, refused, removed, results, saveDraft, search, searchFor, sections
    case serverFault, show, signIn, signOut, skipToContent, source, status, statusByLine, submittedBy, text
    case timeline, to, translationMissing, translationStale, translations, username, version, when, who
    case adopt, code, fileComment, none, note, noPlacement, onBehalfOf, placeUnder, proposalItems, recordPosition
    case recordedBySecretariat, stance, submitProposal, tabledFor, title
    case challengeAsSubstantive, challengedAsSubstantive, challengedBy, reason, settle, settlement

    func callAsFunction(_ language: Language) -> String {
        language.pick(forms)
    }

    // swift-format-ignore
    private var forms: (String, String, String) {
        switch self {
        case .added: ("Añadidos", "Added", "Ajoutés")
        case .adopted: ("Adoptado", "Adopted", "Adopté")
        case .after: ("Después de", "After", "Après")
        case .agendaEditor: ("Editar la agenda", "Edit the agenda", "Modifier l'ordre du jour")
        case .all: ("Todos", "All", "Tous")
        case .amended: ("Modificado", "Amended", "Modifié")
        case .annexes: ("Anexos", "Annexes", "Annexes")
        case .approveAgenda: ("Aprobar la agenda", "Approve the agenda", "Approuver l'ordre du jour")
        case .approvedBy: ("Aprobado por", "Approved by", "Approuvé par")
        case .archiveVersion: ("Versión de archivo", "Archive version", "Version d'archive")
        case .asOf: ("Según", "As of", "Selon")
        case .areaOfActivity: ("Área de actividad", "Area of activity", "Domaine d'activité")
        case .authority: ("Autoridad", "Authority", "Autorité")
        case .backToPlan: ("Volver al Plan de Acción", "Back to the Plan of Action", "Retour au Plan d'action")
        case .before: ("Antes", "Before", "Avant")
        case .challengeSettled: ("Impugnación resuelta", "Challenge settled", "Contestation tranchée")
        case .change: ("Cambio", "Change", "Modification")
        case .changed: ("Modificados", "Changed", "Modifiés")
        case .changes: ("Cambios", "Changes", "Modifications")
        case .changesPerMeeting: ("Cambios por reunión", "Changes per meeting", "Modifications par réunion")
        case .commentMatrix: ("Matriz de comentarios", "Comment matrix", "Matrice des commentaires")
        case .compare: ("Comparar", "Compare", "Comparer")
        case .currentActivities: ("Actividades vigentes", "Current activities", "Activités en vigueur")
        case .currentVersion: ("Versión vigente", "Current version", "Version en vigueur")
        case .dashboard: ("Panorama", "Dashboard", "Tableau de bord")
        case .decision: ("Decisión", "Decision", "Décision")
        case .decisions: ("Decisiones", "Decisions", "Décisions")
        case .download: ("Descargar", "Download", "Télécharger")
        case .draftDecisions: ("Proyectos de decisión", "Draft decisions", "Projets de décision")
        case .dueBy: ("Vence antes de (AAAA-MM)", "Due by (YYYY-MM)", "Échéance avant (AAAA-MM)")
        case .edition: ("Edición", "Edition", "Édition")
        case .editions: ("Ediciones", "Editions", "Éditions")
        case .editorial: ("Editorial", "Editorial", "Éditorial")
        case .effectOnItem: ("Efecto sobre el elemento", "Effect on item", "Effet sur l'élément")
        case .footer: ("Accord: registro del Plan de Acción", "Accord: the record of the Plan of Action", "Accord : registre du Plan d'action")
        case .from: ("Desde", "From", "De")
        case .hash: ("Huella", "Hash", "Empreinte")
        case .host: ("Anfitrión", "Host", "Hôte")
        case .item: ("Elemento", "Item", "Élément")
        case .itemsApproved: ("Elementos aprobados", "Items approved", "Éléments approuvés")
        case .itemsShown: ("elementos", "items", "éléments")
        case .keep: ("Mantener", "Keep", "Garder")
        case .language: ("Idioma", "Language", "Langue")
        case .lead: ("Responsable", "Lead", "Responsable")
        case .ledger: ("Registro", "Ledger", "Registre")
        case .ledgerPosition: ("Posición del registro", "Ledger position", "Position du registre")
        case .lineOfAction: ("Línea de acción", "Line of action", "Ligne d'action")
        case .meetings: ("Reuniones", "Meetings", "Réunions")
        case .memberState: ("País miembro", "Member state", "État membre")
        case .missingIn: ("Falta en", "Missing in", "Manque en")
        case .needTranslation: ("textos necesitan traducción", "texts need translating", "textes à traduire")
        case .newItem: ("Nuevo tema", "New item", "Nouveau point")
        case .newStatus: ("Nuevo estado", "New status", "Nouvel état")
        case .noAgenda: ("No hay agenda publicada.", "No agenda is published.", "Aucun ordre du jour publié.")
        case .noDifferences: ("Sin diferencias.", "No differences.", "Aucune différence.")
        case .noEditions: ("Aún no hay ediciones publicadas.", "No edition is published yet.", "Aucune édition publiée.")
        case .noEffect: ("Ninguno (solo se registra)", "None (recorded only)", "Aucun (enregistré seulement)")
        case .noPositionYet: ("sin posición registrada", "no position recorded", "aucune position enregistrée")
        case .notFound: ("No encontrado", "Not found", "Introuvable")
        case .notPublished: ("Esta vista no es pública.", "This view is not public.", "Cette vue n'est pas publique.")
        case .notThere: ("no existía", "not there", "absent")
        case .nothingOverdue: ("Nada vencido.", "Nothing overdue.", "Rien en retard.")
        case .now: ("Ahora", "Now", "Maintenant")
        case .number: ("Número", "Number", "Numéro")
        case .older: ("Anteriores", "Older", "Plus anciens")
        case .olderThanSource: ("Más antigua que el original", "Older than its source", "Plus ancienne que l'original")
        case .outcomeDocument: ("Documento final de la reunión", "The meeting's outcome document", "Document final de la réunion")
        case .overdue: ("Vencidas", "Overdue", "En retard")
        case .overdueByLead: ("Actividades vencidas por responsable", "Overdue activities by lead", "Activités en retard par responsable")
        case .partOf: ("Parte de", "Part of", "Fait partie de")
        case .password: ("Contraseña", "Password", "Mot de passe")
        case .planOfAction: ("Plan de Acción", "Plan of Action", "Plan d'action")
        case .position: ("Posición", "Position", "Position")
        case .proposal: ("Propuesta", "Proposal", "Proposition")
        case .proposals: ("Propuestas", "Proposals", "Propositions")
        case .proposedItems: ("Elementos propuestos", "Proposed items", "Éléments proposés")
        case .provenance: ("Procedencia", "Provenance", "Provenance")
        case .purpose: ("Propósito", "Purpose", "Objet")
        case .recordDecision: ("Registrar una decisión", "Record a decision", "Enregistrer une décision")
        case .refused: ("No se pudo hacer", "Refused", "Refusé")
        case .removed: ("Retirados", "Removed", "Retirés")
        case .results: ("resultados", "results", "résultats")
        case .saveDraft: ("Guardar el proyecto", "Save the draft", "Enregistrer le projet")
        case .search: ("Buscar", "Search", "Rechercher")
        case .searchFor: ("Palabras", "Words", "Mots")
        case .sections: ("Secciones", "Sections", "Rubriques")
        case .serverFault: ("Error del servidor; quedó registrado. Intente de nuevo.", "The server failed; it has been logged. Please try again.", "Erreur du serveur, consignée. Veuillez réessayer.")
        case .show: ("Mostrar", "Show", "Afficher")
        case .signIn: ("Iniciar sesión", "Sign in", "Se connecter")
        case .signOut: ("Cerrar sesión", "Sign out", "Se déconnecter")
        case .skipToContent: ("Ir al contenido", "Skip to content", "Aller au contenu")
        case .source: ("Fuente", "Source", "Source")
        case .status: ("Estado", "Status", "État")
        case .statusByLine: ("Estado por línea de acción", "Status by line of action", "État par ligne d'action")
        case .submittedBy: ("Presentada por", "Submitted by", "Présentée par")
        case .text: ("Texto", "Text", "Texte")
        case .timeline: ("Plazo", "Timeline", "Échéance")
        case .to: ("Hasta", "To", "À")
        case .translationMissing: ("traducción pendiente; original en", "translation missing; original in", "traduction manquante ; original en")
        case .translationStale: ("traducción anterior al original vigente", "translation older than its source", "traduction plus ancienne que l'original")
        case .translations: ("Traducciones", "Translations", "Traductions")
        case .username: ("Usuario", "Username", "Identifiant")
        case .version: ("Versión", "Version", "Version")
        case .when: ("Cuándo", "When", "Quand")
        case .who: ("Quién", "Who", "Qui")
        case .adopt: ("Adoptar por consenso", "Adopt by consensus", "Adopter par consensus")
        case .code: ("Código", "Code", "Code")
        case .fileComment: ("Enviar el comentario", "Send the comment", "Envoyer le commentaire")
        case .none: ("Ninguna", "None", "Aucune")
        case .note: ("Nota", "Note", "Note")
        case .challengeAsSubstantive: ("Impugnar como sustantivo", "Challenge as substantive", "Contester comme substantiel")
        case .challengedBy: ("Impugnado por", "Challenged by", "Contesté par")
        case .challengedAsSubstantive:
            ("Impugnado como sustantivo; en suspenso hasta una decisión", "Challenged as substantive; held until a decision", "Contesté comme substantiel ; suspendu jusqu'à une décision")
        case .reason: ("Motivo", "Reason", "Motif")
        case .settle: ("Resolver", "Settle", "Trancher")
        case .settlement: ("Resolución", "Settlement", "Décision sur la contestation")
        case .noPlacement: ("Sin ubicación", "No placement", "Sans emplacement")
        case .onBehalfOf: ("En nombre de", "On behalf of", "Au nom de")
        case .placeUnder: ("Ubicar bajo", "Place under", "Placer sous")
        case .proposalItems: ("Puntos, uno por línea", "Items, one per line", "Points, un par ligne")
        case .recordPosition: ("Registrar la posición", "Record the position", "Enregistrer la position")
        case .recordedBySecretariat: ("registrada por la Secretaría en su nombre", "recorded by the Secretariat on its behalf", "enregistrée par le Secrétariat en son nom")
        case .stance: ("Postura", "Stance", "Avis")
        case .submitProposal: ("Presentar una propuesta", "Submit a proposal", "Présenter une proposition")
        case .tabledFor: ("Para la reunión", "For the meeting", "Pour la réunion")
        case .title: ("Título", "Title", "Titre")
        }
    }

    /// A language's name in itself, as language switches show it.
    static func languageName(_ language: Language) -> String {
        switch language {
        case .es: "Español"
        case .en: "English"
        case .fr: "Français"
        }
    }

    static func roleName(_ role: AccountRole, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch role {
            case .secretariat: ("Secretaría Técnica", "Technical Secretariat", "Secrétariat technique")
            case .presidency: ("Presidencia Pro-Tempore", "Presidency Pro-Tempore", "Présidence pro tempore")
            case .delegate: ("Delegación", "Delegate", "Délégation")
            case .observer: ("Observador", "Observer", "Observateur")
            case .public: ("Lector", "Reader", "Lecteur")
            }
        return language.pick((es, en, fr))
    }

    static func agendaState(_ state: String, _ language: Language) -> String {
        let (es, en, fr): (String, String, String) =
            switch state {
            case "draft": ("proyecto", "draft", "projet")
            case "approved": ("aprobada", "approved", "approuvé")
            case "suggested":
                (
                    "sugerida por el registro, aún no guardada", "suggested by the record, not saved yet",
                    "suggéré par le registre, pas encore enregistré"
                )
            default: ("sin agenda", "no agenda", "aucun ordre du jour")
            }
        return language.pick((es, en, fr))
    }
}
