import AccordCore

/// The statistics pages' strings in Spanish, English and French: a table of their own beside `UIText`, so that
/// a missing translation is a compile error here too.
enum StatisticsText: CaseIterable {
    case statistics, dataflows, releases, release, releaseNotes, noRelease, committedFigures, synthetic, syntheticNote
    case view, series, byCitizenship, matrix, event, area, allAreas, from, to, show, total, withheld, withheldNote
    case downloads, tableCSV, sdmxCSV, sdmxJSON, sdmxML, upload, uploadStatistics, file, format, mapping, noMapping
    case dataflow, reportingState, stageUpload, preview, problems, severity, row, column, code, rule, message, error
    case warning, added, changed, deleted, kept, replacesVintage, addsToVintage, unchanged, key, before, after,
        commitVintage, discard, vintage, vintages
    case canCommit, cannotCommit, publishRelease, date, notes, committed, demoWorkbook, demoWorkbookNote, period
    case citizenship, counterpart, year, noData, sha256, observations, vintageObservations, uploadsFor, figuresOf

    func callAsFunction(_ language: Language) -> String { language.pick(forms) }

    // swift-format-ignore
    private var forms: (String, String, String) {
        switch self {
        case .statistics: ("Estadísticas", "Statistics", "Statistiques")
        case .dataflows: ("Flujos de datos", "Dataflows", "Flux de données")
        case .releases: ("Publicaciones", "Releases", "Publications")
        case .release: ("Publicación", "Release", "Publication")
        case .releaseNotes: ("Notas de publicación", "Release notes", "Notes de publication")
        case .noRelease: ("Todavía no se ha publicado ninguna estadística.", "No statistics have been published yet.", "Aucune statistique n'a encore été publiée.")
        case .committedFigures: ("Cifras entregadas, aún no publicadas (Secretaría)", "Committed figures, not yet published (Secretariat)", "Chiffres remis, pas encore publiés (Secrétariat)")
        case .synthetic: ("DATOS SINTÉTICOS", "SYNTHETIC DATA", "DONNÉES SYNTHÉTIQUES")
        case .syntheticNote: ("Estas cifras son un conjunto de datos sintético de la demostración de Accord: no son cifras reales de ningún Estado.", "These figures are the Accord demo's synthetic data set: they are not real figures of any state.", "Ces chiffres sont le jeu de données synthétique de la démonstration d'Accord : ce ne sont les chiffres réels d'aucun État.")
        case .view: ("Vista", "View", "Vue")
        case .series: ("Serie mensual por país", "Monthly series by country", "Série mensuelle par pays")
        case .byCitizenship: ("Por nacionalidad", "By citizenship", "Par nationalité")
        case .matrix: ("Matriz país × país", "Country × country matrix", "Matrice pays × pays")
        case .event: ("Evento", "Event", "Événement")
        case .area: ("País informante", "Reporting country", "Pays déclarant")
        case .allAreas: ("Todos", "All", "Tous")
        case .from: ("Desde (AAAA-MM)", "From (YYYY-MM)", "Du (AAAA-MM)")
        case .to: ("Hasta (AAAA-MM)", "To (YYYY-MM)", "Au (AAAA-MM)")
        case .show: ("Mostrar", "Show", "Afficher")
        case .total: ("Total", "Total", "Total")
        case .withheld: ("r", "w", "s")
        case .withheldNote: ("r: reservado — confidencial, celda pequeña, o un total que revelaría una de ellas.", "w: withheld — confidential, a small cell, or a total that would reveal one.", "s : secret — confidentiel, petite cellule, ou total qui en révélerait une.")
        case .downloads: ("Descargas de lo que se muestra", "Downloads of what is shown", "Téléchargements de ce qui est affiché")
        case .tableCSV: ("Tabla (CSV)", "Table (CSV)", "Tableau (CSV)")
        case .sdmxCSV: ("Observaciones (SDMX-CSV 2.0)", "Observations (SDMX-CSV 2.0)", "Observations (SDMX-CSV 2.0)")
        case .sdmxJSON: ("Observaciones (SDMX-JSON 2.0)", "Observations (SDMX-JSON 2.0)", "Observations (SDMX-JSON 2.0)")
        case .sdmxML: ("Observaciones (SDMX-ML 2.1)", "Observations (SDMX-ML 2.1)", "Observations (SDMX-ML 2.1)")
        case .upload: ("Cargar", "Upload", "Téléverser")
        case .uploadStatistics: ("Cargar estadísticas", "Upload statistics", "Téléverser des statistiques")
        case .file: ("Archivo", "File", "Fichier")
        case .format: ("Formato", "Format", "Format")
        case .mapping: ("Correspondencia guardada", "Saved mapping", "Correspondance enregistrée")
        case .noMapping: ("Ninguna (SDMX-CSV)", "None (SDMX-CSV)", "Aucune (SDMX-CSV)")
        case .dataflow: ("Flujo de datos", "Dataflow", "Flux de données")
        case .reportingState: ("Estado informante", "Reporting state", "État déclarant")
        case .stageUpload: ("Verificar y previsualizar", "Check and preview", "Vérifier et prévisualiser")
        case .preview: ("Vista previa de la carga", "Upload preview", "Aperçu du téléversement")
        case .problems: ("Problemas", "Problems", "Problèmes")
        case .severity: ("Gravedad", "Severity", "Gravité")
        case .row: ("Fila", "Row", "Ligne")
        case .column: ("Columna", "Column", "Colonne")
        case .code: ("Código", "Code", "Code")
        case .rule: ("Regla", "Rule", "Règle")
        case .message: ("Problema", "Problem", "Problème")
        case .error: ("error", "error", "erreur")
        case .warning: ("advertencia", "warning", "avertissement")
        case .added: ("añadidas", "added", "ajoutées")
        case .changed: ("modificadas", "changed", "modifiées")
        case .deleted: ("suprimidas", "deleted", "supprimées")
        case .kept: ("conservadas de la versión anterior", "kept from the previous vintage", "conservées du millésime précédent")
        case .replacesVintage: (
            "Este envío reemplaza la versión anterior: las observaciones que no lleva se suprimen.",
            "This upload replaces the previous vintage: the observations it leaves out are deleted.",
            "Cet envoi remplace le millésime précédent : les observations qu'il omet sont supprimées.")
        case .addsToVintage: (
            "Este envío completa la versión anterior: añade y actualiza lo que lleva y conserva lo demás. Para suprimir "
                + "observaciones, envíe la versión entera en SDMX-CSV con ACTION R.",
            "This upload adds to the previous vintage: it adds and updates what it carries and keeps the rest. To "
                + "delete observations, send the whole vintage as SDMX-CSV with ACTION R.",
            "Cet envoi complète le millésime précédent : il ajoute et met à jour ce qu'il porte et garde le reste. Pour "
                + "supprimer des observations, envoyez tout le millésime en SDMX-CSV avec ACTION R.")
        case .unchanged: ("sin cambios", "unchanged", "inchangées")
        case .key: ("Clave", "Key", "Clé")
        case .before: ("Antes", "Before", "Avant")
        case .after: ("Después", "After", "Après")
        case .commitVintage: ("Entregar como nueva versión", "Commit as a new vintage", "Remettre comme nouveau millésime")
        case .discard: ("Descartar", "Discard", "Abandonner")
        case .vintage: ("Versión", "Vintage", "Millésime")
        case .vintages: ("Versiones entregadas", "Vintages committed", "Millésimes remis")
        case .canCommit: ("Sin errores: puede entregarse (las advertencias no lo impiden).", "No errors: it can be committed (warnings do not block).", "Aucune erreur : il peut être remis (les avertissements ne l'empêchent pas).")
        case .cannotCommit: ("Tiene errores: corríjalos y cárguelo de nuevo. No se ha guardado nada.", "It has errors: fix them and upload it again. Nothing was saved.", "Il comporte des erreurs : corrigez-les et téléversez-le à nouveau. Rien n'a été enregistré.")
        case .publishRelease: ("Publicar una publicación", "Publish a release", "Publier une publication")
        case .date: ("Fecha (AAAA-MM-DD)", "Date (YYYY-MM-DD)", "Date (AAAA-MM-JJ)")
        case .notes: ("Notas", "Notes", "Notes")
        case .committed: ("Entregada como versión", "Committed as vintage", "Remis comme millésime")
        case .demoWorkbook: ("Hoja de cálculo de la demostración (sintética)", "The demo's spreadsheet (synthetic)", "Le classeur de la démonstration (synthétique)")
        case .demoWorkbookNote: ("Devoluciones de México de enero a marzo de 2026, en español; se lee con la correspondencia guardada «devoluciones».", "Mexico's removals for January to March 2026, in Spanish; read with the saved mapping “devoluciones”.", "Les éloignements du Mexique de janvier à mars 2026, en espagnol ; lus avec la correspondance enregistrée « devoluciones ».")
        case .period: ("Periodo", "Period", "Période")
        case .citizenship: ("Nacionalidad", "Citizenship", "Nationalité")
        case .counterpart: ("País de contraparte", "Counterpart country", "Pays de contrepartie")
        case .year: ("Año", "Year", "Année")
        case .noData: ("No hay observaciones para esta selección.", "No observations for this selection.", "Aucune observation pour cette sélection.")
        case .sha256: ("SHA-256 del archivo", "File SHA-256", "SHA-256 du fichier")
        case .observations: ("Observaciones", "Observations", "Observations")
        case .vintageObservations: ("Observaciones de la versión una vez entregada", "Observations in the vintage once committed", "Observations du millésime une fois remis")
        case .uploadsFor: ("Cargas de", "Uploads for", "Téléversements pour")
        case .figuresOf: ("Cifras de", "Figures of", "Chiffres de")
        }
    }
}
