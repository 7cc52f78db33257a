import AccordCore
import AccordServices
import Foundation
import Hummingbird

/// Documents as a record on the pages (issue 19 §2): each meeting, decision, proposal (with its comments) and
/// report lists its attached files — name, type, size, SHA-256, who attached it and when — with a download
/// link, and offers the Secretariat, or the delegation whose document it is, a form to attach one. The form is
/// `multipart/form-data` and works without JavaScript; it goes through `AttachmentService` as the signed-in
/// principal, so the rules are the API's.
enum AttachmentPages {
    static func add(to pages: PageRoutes, attachments: AttachmentService) {
        pages.pages.post("{lang}/attachments") { request, context in
            let viewer = try PageRoutes.viewer(request, context)
            do {
                let (form, _) = try await StatisticsUploadPages.readForm(
                    request, context, limit: attachments.maximumBytes, what: "an attached file")
                var (kindText, idText) = (form.text("target"), form.text("id"))
                // Where a page offers several targets, one choice names both: "comment:MEX-REVIEW/CAN/1".
                if let choice = form.text("choice"), let colon = choice.firstIndex(of: ":") {
                    (kindText, idText) = (String(choice[..<colon]), String(choice[choice.index(after: colon)...]))
                }
                guard let kind = kindText.flatMap(AttachmentTarget.Kind.init(rawValue:)), let id = idText, !id.isEmpty
                else { throw AuthError.invalid(field: "target", reason: "choose what the file is attached to") }
                guard let file = form.parts.first(where: { $0.name == "file" }), !file.body.isEmpty else {
                    throw AuthError.invalid(field: "file", reason: "choose the file to attach")
                }
                let language = form.text("language").flatMap(Language.init(rawValue:))
                let title = form.text("title").flatMap { text -> LocalizedText? in
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    let written = language ?? viewer.language
                    return trimmed.isEmpty ? nil : LocalizedText(authoritative: written, [written: trimmed])
                }
                let target = AttachmentTarget(kind: kind, id: id)
                let state = try await attachments.record.state(for: context.principal)
                try await attachments.attach(
                    AttachmentUpload(
                        target: target, name: file.fileName ?? "attachment", content: file.body, title: title,
                        language: language),
                    as: context.principal)
                return Response(status: .seeOther, headers: [.location: page(of: target, in: state, viewer).path])
            } catch {
                return PageRoutes.errorPage(error, viewer)
            }
        }
    }

    /// The page that shows `target`, where the form sends the browser back to.
    static func page(of target: AttachmentTarget, in state: ProcessState, _ viewer: Viewer) -> Link {
        switch target.kind {
        case .meeting: viewer.link("/meetings/\(target.id)")
        case .decision: viewer.link("/decisions", [("id", target.id)])
        case .proposal: viewer.link("/proposals/\(target.id)")
        case .comment:
            viewer.link("/proposals/\(state.comments[CommentID(target.id)]?.proposal.rawValue ?? "")")
        case .report: viewer.link("/reports/\(target.id)")
        }
    }

    /// The section listing the files attached to `targets` (a proposal and its comments, say), with the form to
    /// attach one where the viewer may, which states `limit`, the most bytes a file may have.
    static func section(
        _ targets: [AttachmentTarget], state: ProcessState, limit: Int, viewer: Viewer, _ html: inout HTML
    ) {
        let language = viewer.language
        let files = targets.flatMap { state.attachments(to: $0) }
        let attachable = targets.filter { mayAttach(to: $0, state: state, viewer: viewer) }
        guard !files.isEmpty || !attachable.isEmpty else { return }
        html.element("section", [("class", "attachments"), ("id", "attachments")]) { html in
            html.element("h2", text: AttachmentText.documents(language))
            if files.isEmpty {
                html.element("p", [("class", "muted")], text: AttachmentText.none(language))
            } else {
                table(files, targets: targets, viewer: viewer, &html)
            }
            if !attachable.isEmpty { form(attachable, limit: limit, viewer: viewer, &html) }
        }
    }

    private static func table(_ files: [Attachment], targets: [AttachmentTarget], viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("table") { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    for heading in AttachmentText.headings(language) { html.element("th", text: heading) }
                }
            }
            html.element("tbody") { html in
                for file in files {
                    html.element("tr") { html in
                        html.element("td") { html in
                            // A download, never a page: the server sends it as an attachment, sandboxed.
                            html.link(
                                Link("/api/v1/attachments/\(file.number)/content"), file.name,
                                [("download", file.name), ("rel", "noopener")])
                            if let title = file.title { html.element("div", text: viewer.words(title)) }
                            if targets.count > 1 {
                                html.element(
                                    "div", [("class", "muted")], text: AttachmentText.target(file.target, language))
                            }
                        }
                        html.element("td", text: AttachmentText.typeName(file.mediaType))
                        html.element("td", text: AttachmentText.size(file.bytes, language))
                        html.element("td") { $0.element("code", text: file.sha256) }
                        html.element(
                            "td",
                            text: [file.attached?.by, file.attached?.at.description].compactMap { $0 }.joined(
                                separator: " · "))
                    }
                }
            }
        }
    }

    private static func form(_ targets: [AttachmentTarget], limit: Int, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element(
            "form",
            [
                ("method", "post"), ("action", viewer.link("/attachments").path), ("enctype", "multipart/form-data"),
            ]
        ) { html in
            Forms.token(viewer, &html)
            if targets.count == 1, let target = targets.first {
                html.open("input", [("type", "hidden"), ("name", "target"), ("value", target.kind.rawValue)])
                html.open("input", [("type", "hidden"), ("name", "id"), ("value", target.id)])
            } else {
                // Several targets on one page (a proposal and its comments): the choice names both parts.
                Forms.select(
                    "choice", AttachmentText.attachTo(language),
                    targets.map { ("\($0.kind.rawValue):\($0.id)", AttachmentText.target($0, language)) }, &html)
            }
            html.element("label") { html in
                html.element("span", text: AttachmentText.file(language))
                html.open("input", [("type", "file"), ("name", "file"), ("required", "")])
            }
            Forms.field("title", AttachmentText.title(language), &html)
            Forms.select(
                "language", AttachmentText.language(language),
                [("", "—"), ("es", "español"), ("en", "English"), ("fr", "français")], &html)
            html.element("p", [("class", "muted")], text: AttachmentText.rules(limit: limit, language))
            html.element("button", [("type", "submit")], text: AttachmentText.attach(language))
        }
    }

    /// Whether the viewer may attach to `target` (the read policy's answer for its owner).
    static func mayAttach(to target: AttachmentTarget, state: ProcessState, viewer: Viewer) -> Bool {
        viewer.policy.attaches(toDocumentOf: state.participant(owning: target))
    }
}

/// The attachments' words in the three languages.
enum AttachmentText {
    static func pick(_ language: Language, _ es: String, _ en: String, _ fr: String) -> String {
        language.pick((es, en, fr))
    }

    static func documents(_ l: Language) -> String { pick(l, "Documentos", "Documents", "Documents") }
    static func none(_ l: Language) -> String {
        pick(l, "No hay documentos adjuntos.", "No documents attached.", "Aucun document joint.")
    }
    static func headings(_ l: Language) -> [String] {
        [
            pick(l, "Archivo", "File", "Fichier"), pick(l, "Tipo", "Type", "Type"),
            pick(l, "Tamaño", "Size", "Taille"), "SHA-256",
            pick(l, "Adjuntado por", "Attached by", "Joint par"),
        ]
    }
    /// "comentario MEX-REVIEW/1/CAN": what a file is attached to, its kind in the page's language.
    static func target(_ target: AttachmentTarget, _ l: Language) -> String {
        let kind =
            switch target.kind {
            case .meeting: pick(l, "reunión", "meeting", "réunion")
            case .decision: pick(l, "decisión", "decision", "décision")
            case .proposal: pick(l, "propuesta", "proposal", "proposition")
            case .comment: pick(l, "comentario", "comment", "commentaire")
            case .report: pick(l, "informe", "report", "rapport")
            }
        return "\(kind) \(target.id)"
    }
    static func attachTo(_ l: Language) -> String { pick(l, "Adjuntar a", "Attach to", "Joindre à") }
    static func file(_ l: Language) -> String { pick(l, "Archivo", "File", "Fichier") }
    static func title(_ l: Language) -> String {
        pick(l, "Título (opcional)", "Title (optional)", "Titre (facultatif)")
    }
    static func language(_ l: Language) -> String { pick(l, "Idioma", "Language", "Langue") }
    static func attach(_ l: Language) -> String { pick(l, "Adjuntar", "Attach", "Joindre") }
    /// What may be attached: the types, and the server's limit (`--max-attachment-bytes`).
    static func rules(limit: Int, _ l: Language) -> String {
        let most = amount(limit, l)
        return pick(
            l, "PDF, DOCX, XLSX, ODT, PNG, JPEG o texto; \(most) como máximo.",
            "PDF, DOCX, XLSX, ODT, PNG, JPEG or text; \(most) at most.",
            "PDF, DOCX, XLSX, ODT, PNG, JPEG ou texte ; \(most) au maximum.")
    }

    /// A limit as a person reads it in `l`: whole megabytes as they are ("20 MB", French "20 Mo"), others to a
    /// tenth with the language's decimal mark ("2,5 Mo"), and below a megabyte in kilobytes or bytes.
    static func amount(_ bytes: Int, _ l: Language) -> String {
        let (byte, kilo, mega) = l == .fr ? ("o", "Ko", "Mo") : ("B", "KB", "MB")
        if bytes < 1_024 { return "\(bytes) \(byte)" }
        if bytes < 1_048_576 { return "\(bytes / 1_024) \(kilo)" }
        if bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) \(mega)" }
        let tenths = bytes * 10 / 1_048_576
        return "\(tenths / 10)\(l == .en ? "." : ",")\(tenths % 10) \(mega)"
    }

    static func typeName(_ mediaType: String) -> String {
        switch mediaType {
        case "application/pdf": "PDF"
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX"
        case "application/vnd.oasis.opendocument.text": "ODT"
        case "image/png": "PNG"
        case "image/jpeg": "JPEG"
        case "text/plain": "Text"
        default: mediaType
        }
    }

    static func size(_ bytes: Int, _ l: Language) -> String {
        if bytes < 1_024 { return "\(bytes) B" }
        if bytes < 1_048_576 { return "\(bytes / 1_024) KB" }
        let tenths = bytes * 10 / 1_048_576
        return "\(tenths / 10)\(l == .en ? "." : ",")\(tenths % 10) MB"
    }
}
