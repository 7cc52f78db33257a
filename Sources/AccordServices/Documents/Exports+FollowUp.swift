import AccordCore
import AccordDocuments
import Foundation

/// The formats a national report comes in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case docx, html, md, pdf
}

extension Exports {
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
        switch format {
        case .docx: return ExportFile(bytes: try document.docx(), contentType: docxType, fileExtension: "docx")
        case .html:
            return ExportFile(
                bytes: Data(document.html().utf8), contentType: "text/html; charset=utf-8", fileExtension: "html")
        case .md:
            return ExportFile(
                bytes: Data(document.markdown().utf8), contentType: "text/markdown; charset=utf-8",
                fileExtension: "md")
        case .pdf:
            let pdf = try await PDFConversion.pdf(fromDOCX: try document.docx())
            return ExportFile(bytes: pdf, contentType: "application/pdf", fileExtension: "pdf")
        }
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
