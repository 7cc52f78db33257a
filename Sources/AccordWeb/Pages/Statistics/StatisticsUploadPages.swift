import AccordCore
import AccordServices
import AccordStatistics
import Foundation
import Hummingbird
import MultipartKit

/// The upload of a state's statistics through the pages: a form with the file (`multipart/form-data`, the only
/// form that is not URL-encoded, so it has its own guard here), the preview with every problem by row, column,
/// code and rule, and the commit — all through `StatisticsService`, as the signed-in principal.
enum StatisticsUploadPages {
    static func add(to pages: PageRoutes, statistics: StatisticsService) {
        pages.page("statistics/upload", cached: false) { viewer, request, _ in
            try await form(viewer: viewer, area: request.uri.queryParameters["area"].map(String.init), statistics)
        }
        // The demo's spreadsheet, for a newcomer to upload as Mexico's delegation.
        pages.pages.get("{lang}/statistics/demo-workbook.xlsx") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = UploadFormat.xlsx.mediaType
            headers[.contentDisposition] = "attachment; filename=\"devoluciones-2026-SINTETICO.xlsx\""
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: try SyntheticDataSet.mexicoWorkbook())))
        }
        pages.pages.post("{lang}/statistics/upload") { request, context in
            let viewer = try PageRoutes.viewer(request, context)
            do {
                let fields = try await readUpload(request, context)
                let preview = try await statistics.stage(fields.request, as: context.principal)
                return Response(
                    status: .seeOther, headers: [.location: viewer.link("/statistics/uploads/\(preview.id ?? "")").path]
                )
            } catch {
                return PageRoutes.errorPage(error, viewer)
            }
        }
        pages.page("statistics/uploads/{id}", cached: false) { viewer, _, context in
            let id = try context.parameters.require("id")
            return render(try await statistics.preview(upload: id, as: context.principal), viewer: viewer)
        }
        pages.form("statistics/uploads/{id}/commit", CommitFields.self) { viewer, fields, context in
            let id = try context.parameters.require("id")
            let entry = try await statistics.commit(upload: id, expecting: fields.expect, as: context.principal)
            guard case .commitVintage(let vintage) = entry.entry.change else { return viewer.link("/statistics") }
            return viewer.link("/statistics", [("committed", vintage.id.rawValue)])
        }
        pages.form("statistics/uploads/{id}/discard", PageFormGuard.AntiForgery.self) { viewer, _, context in
            try await statistics.discard(upload: try context.parameters.require("id"), as: context.principal)
            return viewer.link("/statistics/upload")
        }
    }

    struct CommitFields: Decodable, Sendable {
        /// The vintage number the preview showed.
        var expect: Int?
    }

    /// The parts of a `multipart/form-data` body, read by MultipartKit's parser: each part's name, file name
    /// (for a file) and bytes.
    final class FormParts {
        struct Part {
            var name = ""
            var fileName: String?
            var body: [UInt8] = []
        }
        private(set) var parts: [Part] = []
        private var current = Part()

        init(_ buffer: ByteBuffer, boundary: String) throws {
            let parser = MultipartParser(boundary: boundary)
            parser.onHeader = { [unowned self] name, value in
                guard name.lowercased() == "content-disposition" else { return }
                current.name = Self.parameter("name", in: value) ?? ""
                current.fileName = Self.parameter("filename", in: value)
            }
            parser.onBody = { [unowned self] chunk in current.body.append(contentsOf: chunk.readableBytesView) }
            parser.onPartComplete = { [unowned self] in
                parts.append(current)
                current = Part()
            }
            try parser.execute(buffer)
        }

        /// The text of the field `name`, if the form has it.
        func text(_ name: String) -> String? {
            parts.first { $0.name == name }.map { String(decoding: $0.body, as: UTF8.self) }
        }

        /// `key="value"` in a header's parameters.
        static func parameter(_ key: String, in header: String) -> String? {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces)
                guard pair.lowercased().hasPrefix(key + "=") else { continue }
                return String(pair.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            return nil
        }
    }

    /// Reads the multipart form after the checks `PageFormGuard` makes of the other forms: same site, a
    /// signed-in session, and that session's anti-forgery token; the body up to the upload limit.
    static func readUpload(_ request: Request, _ context: AccordContext) async throws -> (
        request: UploadRequest, csrf: String
    ) {
        let (form, csrf) = try await readForm(
            request, context, limit: StatisticsService.maximumUploadBytes, what: "an upload")
        guard let file = form.parts.first(where: { $0.name == "file" }), !file.body.isEmpty else {
            throw AuthError.invalid(field: "file", reason: "choose the file to upload")
        }
        guard let flow = form.text("flow"), !flow.isEmpty else {
            throw AuthError.invalid(field: "flow", reason: "choose the dataflow")
        }
        let name = file.fileName.flatMap { $0.isEmpty ? nil : $0 } ?? "upload"
        let format =
            form.text("format").flatMap(UploadFormat.init(rawValue:))
            ?? (name.lowercased().hasSuffix(".xlsx") ? .xlsx : .sdmxCSV)
        let area = form.text("area").flatMap { $0.isEmpty ? nil : ParticipantID($0) }
        let mapping = form.text("mapping").flatMap { $0.isEmpty ? nil : $0 }
        return (
            UploadRequest(
                flow: flow, area: area, format: format, fileName: name, content: file.body,
                savedMapping: format == .sdmxCSV ? nil : mapping),
            csrf
        )
    }

    /// Reads a `multipart/form-data` form after the checks `PageFormGuard` makes of the other forms: same site,
    /// a signed-in session, and that session's anti-forgery token; the body up to `limit` bytes and the
    /// form's other fields. Shared by every form that sends a file.
    static func readForm(_ request: Request, _ context: AccordContext, limit: Int, what: String) async throws
        -> (form: FormParts, csrf: String)
    {
        try CrossSite.refuse(request)
        guard let principal = context.principal, context.sessionID != nil else { throw AuthError.notSignedIn }
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = contentType.split(separator: ";").compactMap({ part -> String? in
                let pair = part.trimmingCharacters(in: .whitespaces)
                guard pair.lowercased().hasPrefix("boundary=") else { return nil }
                return String(pair.dropFirst("boundary=".count)).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
            }).first
        else {
            throw Problem(
                .unsupportedMediaType, kind: "unsupported-media-type", title: "Unsupported media type",
                detail: "the upload form is sent as multipart/form-data")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit + 65_536)
        } catch {
            throw Problem(
                .contentTooLarge, kind: "too-large", title: "Request too large",
                detail: "\(what) may have \(limit) bytes at most", field: "file")
        }
        let form: FormParts
        do {
            form = try FormParts(buffer, boundary: boundary)
        } catch {
            throw AuthError.invalid(
                field: "file", reason: "the form could not be read: choose a file and send it again")
        }
        let csrf = form.text("csrf") ?? ""
        guard let expected = principal.csrfToken, Secrets.equal(csrf, expected) else { throw AuthError.forgery }
        return (form, csrf)
    }

    // MARK: The form

    static func form(viewer: Viewer, area chosen: String?, _ statistics: StatisticsService) async throws -> PageContent
    {
        let language = viewer.language
        let policy = viewer.policy
        guard let principal = viewer.principal else { throw AuthError.notSignedIn }
        let areas: [ParticipantID]
        if policy.publishesStatistics {
            let state = try await statistics.store.currentState()
            areas = state.participants.values.filter { $0.kind == .memberState }.map(\.id).sorted()
        } else if let own = principal.participant, policy.uploadsStatistics(for: own) {
            areas = [own]
        } else {
            try policy.require(
                false, "upload statistics: a delegation uploads its own state's, the Secretariat any state's")
            areas = []
        }
        let area = chosen.map { ParticipantID($0) }.flatMap { areas.contains($0) ? $0 : nil } ?? areas.first ?? "MEX"
        let structure = try await statistics.structure()
        let mappings = try await statistics.mappings(for: area, as: principal)
        var main = HTML()
        main.element("h1", text: StatisticsText.uploadStatistics(language))
        main.element(
            "form",
            [
                ("method", "post"), ("action", viewer.link("/statistics/upload").path),
                ("enctype", "multipart/form-data"),
            ]
        ) { html in
            Forms.token(viewer, &html)
            Forms.select(
                "flow", StatisticsText.dataflow(language),
                structure.dataflows.map { ($0.id, viewer.words($0.names)) }, selected: "DF_MIGR_RETURNS", &html)
            Forms.select(
                "area", StatisticsText.reportingState(language), areas.map { ($0.rawValue, $0.rawValue) },
                selected: area.rawValue, &html)
            Forms.select(
                "format", StatisticsText.format(language),
                [("xlsx", "Excel (XLSX)"), ("csv", "CSV"), ("sdmx-csv", "SDMX-CSV 2.0")],
                selected: mappings.isEmpty ? "sdmx-csv" : "xlsx", &html)
            Forms.select(
                "mapping", StatisticsText.mapping(language),
                mappings.map { ($0.name, $0.name) } + [("", StatisticsText.noMapping(language))],
                selected: mappings.first?.name ?? "", &html)
            html.element("label") { html in
                html.element("span", text: StatisticsText.file(language))
                html.open("input", [("type", "file"), ("name", "file"), ("required", "")])
            }
            html.element("button", [("type", "submit")], text: StatisticsText.stageUpload(language))
        }
        main.element("p") { html in
            html.link(viewer.link("/statistics/demo-workbook.xlsx"), StatisticsText.demoWorkbook(language))
            html.text(" — " + StatisticsText.demoWorkbookNote(language))
        }
        return PageContent(title: StatisticsText.uploadStatistics(language), main: main, section: .statistics)
    }

    // MARK: The preview

    static func render(_ preview: UploadPreview, viewer: Viewer) -> PageContent {
        let language = viewer.language
        let report = preview.report
        var main = HTML()
        main.element("h1", text: StatisticsText.preview(language))
        if report.table.texts.contains(SyntheticDataSet.source) { StatisticsPages.syntheticBanner(viewer, &main) }
        var terms = [
            (StatisticsText.file(language), "\(preview.fileName) (\(preview.format.rawValue))"),
            (StatisticsText.sha256(language), preview.sha256),
            (StatisticsText.dataflow(language), "\(viewer.words(preview.flow.names)) (\(preview.flow.id))"),
            (StatisticsText.reportingState(language), preview.area.rawValue),
            (StatisticsText.vintage(language), "\(preview.number)"),
            (StatisticsText.observations(language), "\(report.table.count)"),
        ]
        // What the vintage would hold is known only once the upload can be committed.
        if report.preview != nil {
            terms.append((StatisticsText.vintageObservations(language), "\(report.vintage.count)"))
        }
        main.element("dl") { html in
            for (term, value) in terms {
                html.element("dt", text: term)
                html.element("dd", text: value)
            }
        }
        main.element(
            "div", [("class", report.canCommit ? "notice" : "notice error"), ("role", "status")],
            text: report.canCommit ? StatisticsText.canCommit(language) : StatisticsText.cannotCommit(language))
        let problems = report.problems
        if !problems.problems.isEmpty {
            main.element("h2", text: "\(StatisticsText.problems(language)) (\(problems.counts.values.reduce(0, +)))")
            main.element("table", [("class", "problems")]) { html in
                html.element("thead") { html in
                    html.element("tr") { html in
                        for header in [
                            StatisticsText.severity, .row, .column, .code, .rule, .message,
                        ] { html.element("th", [("scope", "col")], text: header(language)) }
                    }
                }
                html.element("tbody") { html in
                    for problem in problems.inReadingOrder.prefix(500) {
                        html.element("tr", [("class", problem.isError ? "error" : "warning")]) { html in
                            html.element(
                                "td",
                                text: problem.isError
                                    ? StatisticsText.error(language) : StatisticsText.warning(language))
                            html.element("td", text: problem.row.map(String.init) ?? "")
                            html.element("td", text: problem.column ?? "")
                            html.element("td") { $0.element("code", text: problem.code ?? "") }
                            html.element("td", text: problem.rule.rawValue)
                            html.element("td", text: problem.message(in: language))
                        }
                    }
                }
            }
        }
        if let changes = report.preview {
            main.element(
                "p",
                text: "\(StatisticsText.vintage(language)) \(preview.number): \(changes.added.count) "
                    + "\(StatisticsText.added(language)), \(changes.changed.count) \(StatisticsText.changed(language)), "
                    + "\(changes.deleted.count) \(StatisticsText.deleted(language)), \(changes.kept.count) "
                    + "\(StatisticsText.kept(language)), \(changes.unchanged) " + StatisticsText.unchanged(language))
            if preview.previous != nil {
                main.element(
                    "p",
                    text: report.replacesVintage
                        ? StatisticsText.replacesVintage(language) : StatisticsText.addsToVintage(language))
            }
            let samples = UploadPreviewDTO(preview).changes?.samples ?? []
            if !samples.isEmpty {
                main.element("table", [("class", "changes")]) { html in
                    html.element("thead") { html in
                        html.element("tr") { html in
                            for header in [StatisticsText.key, .before, .after] {
                                html.element("th", [("scope", "col")], text: header(language))
                            }
                        }
                    }
                    html.element("tbody") { html in
                        for sample in samples {
                            html.element("tr") { html in
                                html.element("td") { $0.element("code", text: sample.key) }
                                html.element("td", text: sample.before ?? "")
                                html.element("td", text: sample.after ?? "")
                            }
                        }
                    }
                }
            }
        }
        let id = preview.id ?? ""
        if report.canCommit {
            main.element(
                "form", [("method", "post"), ("action", viewer.link("/statistics/uploads/\(id)/commit").path)]
            ) {
                html in
                Forms.token(viewer, &html)
                html.open("input", [("type", "hidden"), ("name", "expect"), ("value", "\(preview.number)")])
                html.element("button", [("type", "submit")], text: StatisticsText.commitVintage(language))
            }
        }
        main.element("form", [("method", "post"), ("action", viewer.link("/statistics/uploads/\(id)/discard").path)]) {
            html in
            Forms.token(viewer, &html)
            html.element("button", [("type", "submit")], text: StatisticsText.discard(language))
        }
        return PageContent(title: StatisticsText.preview(language), main: main, section: .statistics)
    }
}
