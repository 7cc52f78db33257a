import AccordCore
import AccordDocuments
import AccordServices

/// A whole outcome document transcribed in one form, paragraph after paragraph (issue 19.1): each paragraph
/// with its kind, text, sub-paragraphs and effects, recorded as the transcriptions the API records — one
/// `recordDecision` entry per paragraph and sub-paragraph, all in one transaction, each pending until the
/// Presidency confirms it, which applies its effects. A paragraph's fields are the draft form's, named with
/// its block's prefix ("p3-text"), and read by the same code.
enum OutcomeDocumentForm {
    /// How many paragraph blocks the form offers unless the page asks for more (`?paragraphs=20`), and at most.
    static let blocks = (standard: 9, most: 60)

    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.page("meetings/{code}/transcription") { viewer, request, context in
            try viewer.policy.require(viewer.policy.recordsDecisions, "transcribe an outcome document")
            let state = try await record.state(for: viewer.principal)
            let code = MeetingID(context.parameters.get("code") ?? "")
            guard let meeting = state.meetings[code] else {
                throw Problem.notFound("meeting", code.rawValue, field: "code")
            }
            let asked = request.uri.queryParameters["paragraphs"].flatMap { Int(String($0)) } ?? blocks.standard
            return render(meeting, blocks: min(max(asked, 1), blocks.most), state: state, viewer: viewer)
        }
        pages.form("meetings/{code}/transcription", [String: String].self) { viewer, fields, context in
            try viewer.policy.require(viewer.policy.recordsDecisions, "transcribe an outcome document")
            let code = MeetingID(context.parameters.get("code") ?? "")
            let state = try await record.state(for: viewer.principal)
            guard let meeting = state.meetings[code] else {
                throw Problem.notFound("meeting", code.rawValue, field: "code")
            }
            let source = try FormBody.required(
                fields["source"], "source", "say which document the paragraphs are transcribed from")
            let decisions = try Self.decisions(from: fields, at: meeting, state: state, viewer: viewer)
            guard !decisions.isEmpty else {
                throw AuthError.invalid(field: "p1-paragraph", reason: "transcribe at least one paragraph")
            }
            try await record.record(
                decisions.map { (.recordDecision($0), .editorial(reason: source)) }, as: viewer.principal)
            return viewer.link("/meetings/\(code.rawValue)")
        }
    }

    /// The paragraphs the form's blocks hold, in order, each followed by its sub-paragraphs; a block left
    /// without text is skipped. A refusal names the block's field ("p3-add-kind").
    static func decisions(from fields: [String: String], at meeting: Meeting, state: ProcessState, viewer: Viewer)
        throws -> [Decision]
    {
        var decisions: [Decision] = []
        for block in 1...blocks.most {
            let prefix = "p\(block)-"
            var own: [String: String] = [:]
            for (name, value) in fields where name.hasPrefix(prefix) {
                own[String(name.dropFirst(prefix.count))] = value
            }
            // The blocks come numbered; one whose text is left blank is not a paragraph of the document.
            guard !FormBody.trimmed(own["text"]).isEmpty || !FormBody.trimmed(own["subparagraphs"]).isEmpty else {
                continue
            }
            do {
                let paragraph = try MeetingForms.draft(from: own, at: meeting, state: state, viewer: viewer)
                decisions.append(
                    Decision(
                        meeting: meeting.id, paragraph: paragraph.paragraph, kind: paragraph.kind,
                        text: paragraph.text, effects: paragraph.effects))
                for line in try SubParagraphs.read(own["subparagraphs"], under: paragraph.paragraph, field: "") {
                    decisions.append(
                        Decision(
                            meeting: meeting.id, paragraph: line.paragraph, kind: paragraph.kind,
                            text: viewer.typed(line.text)))
                }
            } catch AuthError.invalid(let field, let reason) {
                throw AuthError.invalid(field: prefix + (field.isEmpty ? "subparagraphs" : field), reason: reason)
            }
        }
        return decisions
    }

    /// The form: where the document comes from, then a block per paragraph, its effects folded away.
    static func render(_ meeting: Meeting, blocks: Int, state: ProcessState, viewer: Viewer) -> PageContent {
        let language = viewer.language
        var main = HTML()
        main.element("h1", text: "\(OutcomeText.title(language)): \(viewer.words(meeting.title))")
        main.element("p", [("class", "muted")], text: OutcomeText.hint(language))
        main.element("p") { html in
            html.link(
                viewer.link("/meetings/\(meeting.id.rawValue)/transcription", [("paragraphs", "\(blocks + 10)")]),
                OutcomeText.more(language))
        }
        let action = viewer.link("/meetings/\(meeting.id.rawValue)/transcription").path
        main.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            Forms.field("source", viewer.t(.source), value: viewer.t(.outcomeDocument), required: true, &html)
            for block in 1...blocks {
                let prefix = "p\(block)-"
                html.element("fieldset") { html in
                    html.element("legend", text: "\(Words.paragraph(language)) \(block)")
                    Forms.field(prefix + "paragraph", Words.paragraph(language), value: "\(block)", &html)
                    Forms.select(
                        prefix + "kind", Words.kind(language),
                        DecisionKind.allCases.map { ($0.rawValue, Words.kind($0, language)) },
                        selected: meeting.body.rawValue == "RCGM" ? "conclusion" : "decision", &html)
                    Forms.textarea(prefix + "text", "\(viewer.t(.text)) (\(UIText.languageName(language)))", &html)
                    Forms.textarea(prefix + "subparagraphs", MeetingFormText.subParagraphs(language), &html)
                    html.element("details") { html in
                        html.element("summary", text: OutcomeText.effects(language))
                        MeetingForms.effects(prefix: prefix, state: state, viewer: viewer, &html)
                    }
                }
            }
            html.element("button", [("type", "submit")], text: OutcomeText.record(language))
        }
        return PageContent(title: OutcomeText.title(language), main: main, section: .meetings)
    }
}

/// The whole-document form's words, in Spanish, English and French.
enum OutcomeText {
    static func title(_ language: Language) -> String {
        language.pick(
            (
                "Transcribir el documento de resultados", "Transcribe the outcome document",
                "Transcrire le document final"
            ))
    }
    static func hint(_ language: Language) -> String {
        language.pick(
            (
                "Un bloque por párrafo; los bloques sin texto se omiten. Cada párrafo queda pendiente hasta "
                    + "que la Presidencia confirme la transcripción.",
                "One block a paragraph; blocks without text are left out. Each paragraph awaits the "
                    + "Presidency's confirmation of the transcription.",
                "Un bloc par paragraphe ; les blocs sans texte sont omis. Chaque paragraphe attend que la "
                    + "Présidence confirme la transcription."
            ))
    }
    static func more(_ language: Language) -> String {
        language.pick(("Diez párrafos más", "Ten more paragraphs", "Dix paragraphes de plus"))
    }
    static func effects(_ language: Language) -> String {
        language.pick(("Sus efectos en el plan", "Its effects on the plan", "Ses effets sur le plan"))
    }
    static func record(_ language: Language) -> String {
        language.pick(("Registrar los párrafos", "Record the paragraphs", "Enregistrer les paragraphes"))
    }
}
