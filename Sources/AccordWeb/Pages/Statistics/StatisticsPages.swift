import AccordCore
import AccordServices
import AccordStatistics
import Foundation
import Hummingbird

/// The statistics pages (issue 21 §5), in es, en and fr: the dataflows and the releases with their notes
/// (`/{lang}/statistics`), one page per dataflow with a table and a chart of what the selection asks and
/// downloads of exactly those figures (`/{lang}/statistics/{flow}`), and the upload (`StatisticsUploadPages`).
/// Everything read goes through `StatisticsService`, so each reader sees what the read policy leaves them.
enum StatisticsPages {
    static func add(to pages: PageRoutes, statistics: StatisticsService) {
        pages.page("statistics") { viewer, request, _ in
            try await index(
                viewer: viewer, notice: request.uri.queryParameters["committed"].map(String.init), statistics)
        }
        pages.page("statistics/{flow}") { viewer, request, context in
            let flow = try context.parameters.require("flow")
            let dataset = try await dataset(flow, request, viewer, statistics)
            let figure = try StatisticsFigure(dataset: dataset, parameters: parameters(request))
            return render(
                dataset: dataset, figure: figure, viewer: viewer,
                release: request.uri.queryParameters["release"].map(String.init))
        }
        // The table of a page as CSV: the same selection, the same cells.
        pages.pages.get("{lang}/statistics/{flow}/table.csv") { request, context in
            let viewer = try PageRoutes.viewer(request, context)
            do {
                let dataset = try await dataset(try context.parameters.require("flow"), request, viewer, statistics)
                let figure = try StatisticsFigure(dataset: dataset, parameters: parameters(request))
                var headers = HTTPFields()
                headers[.contentType] = "text/csv; charset=utf-8"
                headers[.contentDisposition] = "attachment; filename=\"\(dataset.flow.id)-\(figure.view.rawValue).csv\""
                return Response(
                    status: .ok, headers: headers,
                    body: .init(byteBuffer: ByteBuffer(string: csv(figure, dataset: dataset, viewer: viewer))))
            } catch {
                return PageRoutes.errorPage(error, viewer)
            }
        }
        pages.form("statistics/releases", PublishFields.self) { viewer, fields, context in
            guard let date = PartialDate(FormBody.trimmed(fields.date)), date.day != nil else {
                throw AuthError.invalid(field: "date", reason: "write the day of publication as YYYY-MM-DD")
            }
            let notes = FormBody.trimmed(fields.notes)
            try await statistics.publish(
                on: date, notes: notes.isEmpty ? nil : viewer.typed(notes), as: context.principal)
            return viewer.link("/statistics")
        }
    }

    struct PublishFields: Decodable, Sendable {
        var date: String?
        var notes: String?
    }

    static func parameters(_ request: Request) -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { values[String(key)] = String(value) }
        return values
    }

    /// The dataset a page shows: the `release` asked for, else the viewer's default.
    static func dataset(_ flow: String, _ request: Request, _ viewer: Viewer, _ statistics: StatisticsService)
        async throws -> StatisticsDataset
    {
        let selection = try SDMXController.selection(
            request.uri.queryParameters["release"].map(String.init), for: viewer.principal, statistics: statistics)
        return try await statistics.dataset(flow, selection, for: viewer.principal)
    }

    /// Says, on every page and in every file that holds them, that the demo's figures are not real.
    static func syntheticBanner(_ viewer: Viewer, _ html: inout HTML) {
        html.element("div", [("class", "notice synthetic"), ("role", "note")]) { html in
            html.element("strong", text: StatisticsText.synthetic(viewer.language) + ". ")
            html.text(StatisticsText.syntheticNote(viewer.language))
        }
    }

    // MARK: The index

    static func index(viewer: Viewer, notice: String?, _ statistics: StatisticsService) async throws -> PageContent {
        let language = viewer.language
        let structure = try await statistics.structure()
        let releases = try await statistics.releases(for: viewer.principal)
        let vintages = try await statistics.vintages(for: viewer.principal)
        var main = HTML()
        main.element("h1", text: StatisticsText.statistics(language))
        if vintages.contains(where: { $0.vintage.file.name.hasPrefix("synthetic-") }) { syntheticBanner(viewer, &main) }
        if let notice, let vintage = vintages.first(where: { $0.vintage.id.rawValue == notice }) {
            main.element("div", [("class", "notice"), ("role", "status")]) { html in
                html.text(
                    "\(StatisticsText.committed(language)) \(vintage.vintage.number): \(vintage.vintage.area) · "
                        + "\(vintage.vintage.flow) · \(viewer.t(.ledgerPosition)) \(vintage.sequence)")
            }
        }
        main.element("h2", text: StatisticsText.dataflows(language))
        main.element("ul") { html in
            for flow in structure.dataflows {
                html.element("li") { html in
                    html.link(viewer.link("/statistics/\(flow.id)"), viewer.words(flow.names))
                    html.text(" (\(flow.id))")
                }
            }
        }
        let policy = viewer.policy
        if policy.publishesStatistics || viewer.principal?.role == .delegate {
            main.element("p") { $0.link(viewer.link("/statistics/upload"), StatisticsText.uploadStatistics(language)) }
        }
        main.element("h2", text: StatisticsText.releaseNotes(language))
        if releases.isEmpty { main.element("p", text: StatisticsText.noRelease(language)) }
        for release in releases {
            main.element("section", [("class", "release")]) { html in
                html.element("h3", text: "\(StatisticsText.release(language)) \(release.number) · \(release.date)")
                if let notes = release.notes { html.element("p") { viewer.write(notes, into: &$0) } }
                html.element("p", text: release.vintages.map(\.rawValue).joined(separator: ", "))
            }
        }
        if policy.publishesStatistics {
            main.element("h2", text: StatisticsText.publishRelease(language))
            main.element("form", [("method", "post"), ("action", viewer.link("/statistics/releases").path)]) { html in
                Forms.token(viewer, &html)
                Forms.field(
                    "date", StatisticsText.date(language), value: String(Date().description.prefix(10)), required: true,
                    &html)
                Forms.textarea("notes", StatisticsText.notes(language), &html)
                html.element("button", [("type", "submit")], text: StatisticsText.publishRelease(language))
            }
        }
        if !vintages.isEmpty {
            main.element("h2", text: StatisticsText.vintages(language))
            main.element("table") { html in
                html.element("thead") { html in
                    html.element("tr") { html in
                        for header in [
                            StatisticsText.vintage(language), StatisticsText.file(language),
                            StatisticsText.sha256(language),
                            StatisticsText.observations(language), viewer.t(.ledgerPosition),
                        ] { html.element("th", [("scope", "col")], text: header) }
                    }
                }
                html.element("tbody") { html in
                    for (vintage, sequence) in vintages {
                        html.element("tr") { html in
                            html.element("td", text: vintage.id.rawValue)
                            html.element("td", text: "\(vintage.file.name) (\(vintage.file.format))")
                            html.element("td") {
                                $0.element("code", text: String(vintage.file.sha256.prefix(16)) + "…")
                            }
                            html.element("td", text: "\(vintage.data.observations)")
                            html.element("td", text: "\(sequence)")
                        }
                    }
                }
            }
        }
        return PageContent(title: StatisticsText.statistics(language), main: main, section: .statistics)
    }

    // MARK: A dataflow

    static func render(dataset: StatisticsDataset, figure: StatisticsFigure, viewer: Viewer, release: String?)
        -> PageContent
    {
        let language = viewer.language
        let structure = dataset.structure
        let title = viewer.words(dataset.flow.names)
        var main = HTML()
        main.element("h1", text: title)
        if dataset.isSynthetic { syntheticBanner(viewer, &main) }
        main.element(
            "p",
            text: dataset.release.map {
                "\(StatisticsText.release(language)) \($0.number) · \($0.date)"
            } ?? StatisticsText.committedFigures(language))
        // The selection: a plain GET form, so the page works without script and every view has its address.
        main.element("form", [("method", "get"), ("action", viewer.link("/statistics/\(dataset.flow.id)").path)]) {
            html in
            Forms.select(
                "view", StatisticsText.view(language),
                [
                    ("series", StatisticsText.series(language)),
                    ("citizenship", StatisticsText.byCitizenship(language)),
                    ("matrix", StatisticsText.matrix(language)),
                ], selected: figure.view.rawValue, &html)
            Forms.select(
                "event", StatisticsText.event(language),
                dataset.flow.events.map { ($0, name(of: $0, in: .event, structure, language)) }, selected: figure.event,
                &html)
            let areas = structure.codelist(.referenceArea).codes.indices.filter {
                dataset.cube.holds(UInt16($0), in: .referenceArea)
            }
            Forms.select(
                "area", StatisticsText.area(language),
                [("", StatisticsText.allAreas(language))]
                    + areas.map { index in
                        let code = structure.codelist(.referenceArea).codes[index]
                        return (code.id, code.names[language] ?? code.id)
                    }, selected: figure.area ?? "", &html)
            Forms.field("from", StatisticsText.from(language), value: figure.from ?? "", &html)
            Forms.field("to", StatisticsText.to(language), value: figure.to ?? "", &html)
            if let release { html.open("input", [("type", "hidden"), ("name", "release"), ("value", release)]) }
            html.element("button", [("type", "submit")], text: StatisticsText.show(language))
        }
        let caption =
            "\(title) — \(figureTitle(figure, language)) — \(name(of: figure.event, in: .event, structure, language))"
        if figure.rows.isEmpty {
            main.element("p", text: StatisticsText.noData(language))
        } else {
            chart(figure, caption: caption, structure: structure, language: language, into: &main)
            table(figure, caption: caption, structure: structure, language: language, into: &main)
            main.element("p", [("class", "note")], text: StatisticsText.withheldNote(language))
        }
        main.element("h2", text: StatisticsText.downloads(language))
        let releaseParameter = [("release", release ?? "")]
        let periods = [("startPeriod", figure.from ?? ""), ("endPeriod", figure.to ?? "")]
        let data = "/api/v1/sdmx/data/\(dataset.flow.id)/\(figure.sdmxKey)"
        main.element("ul") { html in
            html.element("li") {
                $0.link(
                    viewer.link("/statistics/\(dataset.flow.id)/table.csv", figure.selection + releaseParameter),
                    StatisticsText.tableCSV(language))
            }
            for (format, label) in [("csv", StatisticsText.sdmxCSV), ("json", .sdmxJSON), ("xml", .sdmxML)] {
                html.element("li") {
                    $0.link(Link(data, query: periods + [("format", format)] + releaseParameter), label(language))
                }
            }
        }
        return PageContent(title: title, main: main, section: .statistics)
    }

    static func figureTitle(_ figure: StatisticsFigure, _ language: Language) -> String {
        switch figure.view {
        case .series: StatisticsText.series(language)
        case .citizenship: StatisticsText.byCitizenship(language)
        case .matrix: StatisticsText.matrix(language)
        }
    }

    /// A code's name in `language`, or the code.
    static func name(of code: String, in dimension: KeyDimension, _ structure: DataStructure, _ language: Language)
        -> String
    {
        structure.codelist(dimension).position(of: code).map {
            structure.codelist(dimension)[$0].names[language] ?? code
        }
            ?? code
    }

    /// The dimension a figure's rows and columns hold, for naming their codes.
    static func labels(_ figure: StatisticsFigure, _ structure: DataStructure, _ language: Language) -> (
        rows: [String], columns: [String]
    ) {
        switch figure.view {
        case .series: (figure.rows, figure.columns.map { name(of: $0, in: .referenceArea, structure, language) })
        case .citizenship: (figure.rows.map { name(of: $0, in: .citizenship, structure, language) }, figure.columns)
        case .matrix: (figure.rows, figure.columns)
        }
    }

    static func chart(
        _ figure: StatisticsFigure, caption: String, structure: DataStructure, language: Language, into html: inout HTML
    ) {
        let (rowLabels, columnLabels) = labels(figure, structure, language)
        switch figure.view {
        case .series:
            LineChart(
                title: caption, periods: figure.rows,
                series: figure.columns.indices.map { column in
                    LineChart.Series(
                        name: columnLabels[column],
                        values: figure.rows.indices.map { row in figure.cells[row][column].flatMap(\.value) })
                }
            ).render(into: &html)
        case .citizenship:
            BarChart(
                title: caption, series: columnLabels,
                bars: figure.rows.indices.prefix(25).map { row in
                    BarChart.Bar(
                        label: rowLabels[row],
                        values: figure.columns.indices.map { Int(figure.cells[row][$0]?.value ?? 0) })
                }
            ).render(into: &html)
        case .matrix:
            MatrixChart(
                title: caption, rows: rowLabels, columns: columnLabels,
                cells: figure.cells.map { row in row.map { cell in cell.map { $0.isSuppressed ? nil : $0.value } } }
            ).render(into: &html)
        }
    }

    static func table(
        _ figure: StatisticsFigure, caption: String, structure: DataStructure, language: Language, into html: inout HTML
    ) {
        let (rowLabels, columnLabels) = labels(figure, structure, language)
        let corner =
            switch figure.view {
            case .series: StatisticsText.period(language)
            case .citizenship: StatisticsText.citizenship(language)
            case .matrix: "\(StatisticsText.area(language)) \\ \(StatisticsText.counterpart(language))"
            }
        html.element("table", [("class", "figures")]) { html in
            html.element("caption", text: caption)
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [("scope", "col")], text: corner)
                    for label in columnLabels { html.element("th", [("scope", "col")], text: label) }
                }
            }
            html.element("tbody") { html in
                for (row, label) in rowLabels.enumerated() {
                    html.element("tr") { html in
                        html.element("th", [("scope", "row")], text: label)
                        for column in figure.columns.indices {
                            let cell = figure.cells[row][column]
                            html.element(
                                "td", cell?.isSuppressed == true ? [("class", "withheld")] : [],
                                text: StatisticsFigure.text(cell, withheld: StatisticsText.withheld(language)))
                        }
                    }
                }
            }
        }
    }

    /// The table as CSV: the corner and column codes, then a row per row; withheld cells as the page marks
    /// them; synthetic figures say so in a last column.
    static func csv(_ figure: StatisticsFigure, dataset: StatisticsDataset, viewer: Viewer) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n".contains($0) })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let label = dataset.isSynthetic ? [SyntheticDataSet.source] : []
        var lines = [
            ([figure.view.rawValue] + figure.columns + (label.isEmpty ? [] : ["source"])).map(field).joined(
                separator: ",")
        ]
        for (row, key) in figure.rows.enumerated() {
            let values = figure.columns.indices.map { column in
                let cell = figure.cells[row][column]
                return cell?.isSuppressed == true
                    ? StatisticsText.withheld(viewer.language) : cell?.value.map(String.init) ?? ""
            }
            lines.append(([key] + values + label).map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
