import AccordCore
import AccordDocuments
import Foundation

/// The formats a national report comes in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case docx, html, md, pdf
}

extension Exports {
    /// A document in `format` (docx, html, md or pdf), made by whichever writer it needs: the PDF is
    /// LibreOffice's rendering of the DOCX.
    static func file(
        _ format: String, docx: () throws -> Data, html: () -> String, markdown: () -> String
    ) async throws -> ExportFile {
        switch format {
        case "html":
            ExportFile(bytes: Data(html().utf8), contentType: "text/html; charset=utf-8", fileExtension: "html")
        case "md":
            ExportFile(
                bytes: Data(markdown().utf8), contentType: "text/markdown; charset=utf-8", fileExtension: "md")
        case "pdf":
            ExportFile(
                bytes: try await PDFConversion.pdf(fromDOCX: try docx()), contentType: "application/pdf",
                fileExtension: "pdf")
        default: ExportFile(bytes: try docx(), contentType: docxType, fileExtension: "docx")
        }
    }

    /// National report `id` as a document in `format`, as `principal` may read it: the public reads only a
    /// published report, and is told no such report is filed otherwise.
    ///
    /// - Throws: `NotFound` (field `report`); `PDFConversion.Failure` when a PDF cannot be made.
    public static func report(
        from record: RecordService, for principal: Principal?, report id: ReportID, format: ReportFormat,
        languages: DocumentLanguages, today: PartialDate
    ) async throws -> ExportFile {
        let state = try await record.state(for: principal)
        guard let report = state.reports[id] else { throw NotFound(field: "report", "no report '\(id)' is filed") }
        let document = ReportDocument(
            state: state, report: report, languages: languages, generatedOn: today,
            anchor: try await record.anchor(at: state.sequence))
        return try await file(format.rawValue, docx: document.docx, html: document.html, markdown: document.markdown)
    }

    /// Every report of `cycle` that `principal` may read, mandate by mandate with the coordinator's first, as
    /// one DOCX: the public's compilation holds only published reports.
    ///
    /// - Throws: `NotFound` (field `cycle`) for a cycle not recorded.
    public static func compilation(
        from record: RecordService, for principal: Principal?, cycle id: CycleID, languages: DocumentLanguages,
        today: PartialDate
    ) async throws -> ExportFile {
        let state = try await record.state(for: principal)
        guard let cycle = state.cycles[id] else {
            throw NotFound(field: "cycle", "no reporting cycle '\(id)' is recorded")
        }
        let document = CompilationDocument(
            state: state, cycle: cycle, languages: languages, generatedOn: today,
            anchor: try await record.anchor(at: state.sequence))
        return ExportFile(bytes: try document.docx(), contentType: docxType, fileExtension: "docx")
    }
}
