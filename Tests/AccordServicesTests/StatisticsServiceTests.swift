import AccordCore
import AccordDemo
import AccordServices
import AccordStatistics
import AccordStore
import AccordTestSupport
import Foundation
import Testing

/// The statistics' write rules and read policy through the application layer, on SQLite and PostgreSQL: who may
/// upload what, that an upload is committed whole or not at all, that nothing unpublished is public, and that
/// disclosure control withholds confidential and small cells — and the totals that would reveal them.
@Suite("Statistics service")
struct StatisticsServiceTests {
    static func principal(_ username: String, _ role: String, _ participant: String? = nil) -> Principal {
        Principal(
            AccountRecord(
                username: username, displayName: username, role: role, participant: participant, language: "es",
                passwordHash: "", createdAt: 0),
            csrfToken: nil)
    }

    static let secretariat = principal("ts", "secretariat")
    static let mexico = principal("mex", "delegate", "MEX")
    static let guatemala = principal("gtm", "delegate", "GTM")
    static let observer = principal("iom", "observer", "IOM")

    /// A store holding the demo's record and the synthetic data set, published as release 1.
    static func withDemo(_ backend: Backend, _ body: (StatisticsService) async throws -> Void) async throws {
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            let statistics = StatisticsService(store: store)
            try await statistics.loadSyntheticDataSet(as: secretariat)
            try await body(statistics)
        }
    }

    /// Mexico's spreadsheet of early 2026 as the demo hands it out: an XLSX workbook read through its mapping.
    static func mexicoUpload() throws -> UploadRequest {
        UploadRequest(
            flow: "DF_MIGR_RETURNS", format: .xlsx, fileName: "devoluciones-2026.xlsx",
            content: try SyntheticDataSet.mexicoWorkbook(), mapping: SyntheticDataSet.mexicoMapping)
    }

    @Test("a delegation uploads its own state's figures only", arguments: Backend.all)
    func ownState(_ backend: Backend) async throws {
        try await Self.withDemo(backend) { statistics in
            // Guatemala's delegate asks to upload for Mexico: refused before the file is read.
            var forMexico = try Self.mexicoUpload()
            forMexico.area = "MEX"
            await #expect(throws: AuthError.self) { try await statistics.stage(forMexico, as: Self.guatemala) }
            // Mexico's delegate sends a file whose rows are Guatemala's: every row is an error, nothing commits.
            var mapping = SyntheticDataSet.mexicoMapping
            mapping.constants["REF_AREA"] = "GTM"
            var foreign = try Self.mexicoUpload()
            foreign.mapping = mapping
            let preview = try await statistics.stage(foreign, as: Self.mexico)
            #expect(preview.report.problems.counts[.referenceArea] == preview.report.problems.errorCount)
            #expect(preview.report.problems.errorCount == 27)
            #expect(preview.report.problems.errors.first?.column == "REF_AREA")
            await #expect(throws: UploadError.hasErrors(count: 27)) {
                try await statistics.commit(upload: preview.id!, as: Self.mexico)
            }
            // An observer uploads nothing, for anyone.
            await #expect(throws: AuthError.self) { try await statistics.stage(forMexico, as: Self.observer) }
            // Nothing of the refused uploads reached the ledger.
            #expect(
                try await statistics.vintages(for: Self.secretariat).filter { $0.vintage.area == "MEX" }.count == 3)
        }
    }

    @Test(
        "an upload is staged, previewed with its warning, committed whole as one entry; earlier vintages stay",
        arguments: Backend.all)
    func uploadAndCommit(_ backend: Backend) async throws {
        try await Self.withDemo(backend) { statistics in
            let preview = try await statistics.stage(try Self.mexicoUpload(), as: Self.mexico)
            #expect(preview.report.canCommit)
            #expect(preview.number == 2)
            // The planted inconsistency: March's Honduran total is ten more than its F + M.
            let warnings = preview.report.problems.warnings
            #expect(warnings.contains { $0.rule == .sexTotal && $0.row != nil && $0.column == "SEX" })
            // Against Mexico's first vintage (2024–2025), every observation of early 2026 is new; a workbook adds
            // to the vintage, so those of 2024–2025 are kept, not deleted.
            let changes = try #require(preview.report.preview)
            #expect(changes.added.count == 27)
            #expect(changes.deleted.isEmpty)
            #expect(changes.kept.count == preview.previousTable.count)
            #expect(preview.previousTable.count > 200)

            // Another account cannot commit Mexico's staged upload.
            await #expect(throws: UploadError.unknownUpload) {
                try await statistics.commit(upload: preview.id!, as: Self.guatemala)
            }
            let entry = try await statistics.commit(upload: preview.id!, expecting: 2, as: Self.mexico)
            guard case .commitVintage(let vintage) = entry.entry.change else {
                Issue.record("expected a commit-vintage entry, got \(entry.entry.change.kind)")
                return
            }
            #expect(entry.entry.actor == Actor(name: "mex", role: .delegate, participant: "MEX"))
            #expect(entry.entry.authority == .participant("MEX"))
            #expect(vintage.file.sha256 == preview.sha256)
            #expect(vintage.file.format == "xlsx")
            #expect(vintage.data.observations == 27 + preview.previousTable.count)
            // Staged uploads are gone once committed.
            await #expect(throws: UploadError.unknownUpload) {
                try await statistics.preview(upload: preview.id!, as: Self.mexico)
            }
            // Both vintages read back, the first as it was.
            let first = try await statistics.vintage("DF_MIGR_RETURNS/MEX/1", for: Self.mexico)
            let second = try await statistics.vintage("DF_MIGR_RETURNS/MEX/2", for: Self.mexico)
            // Stored in key order: compared observation by observation, by key.
            func byKey(_ table: ObservationTable) -> [String: UInt32] {
                Dictionary(
                    uniqueKeysWithValues: (0..<table.count).map {
                        (table.describe($0, in: preview.structure), table.values[$0])
                    })
            }
            #expect(byKey(first.table) == byKey(preview.previousTable))
            // The second holds the first's figures and the workbook's.
            #expect(byKey(second.table) == byKey(preview.previousTable).merging(byKey(preview.report.table)) { $1 })
            #expect(second.table.count == 27 + first.table.count)
            await #expect(throws: NotFound.self) {
                try await statistics.vintage("DF_MIGR_RETURNS/MEX/2", for: Self.guatemala)
            }
            #expect(try await statistics.store.verify().isValid)
        }
    }

    @Test(
        "an SDMX-CSV file with ACTION R replaces the vintage: what it leaves out is deleted, and the first stays",
        arguments: Backend.all)
    func replacement(_ backend: Backend) async throws {
        try await Self.withDemo(backend) { statistics in
            let first = try await statistics.vintage("DF_MIGR_RETURNS/MEX/1", for: Self.mexico)
            // Mexico's own first vintage as SDMX-CSV, less its last ten rows, every row saying R.
            let message = DataMessage(
                structure: first.structure, flow: first.flow, table: first.table,
                id: "MEX", prepared: "2026-12-06T00:00:00Z")
            var text = ""
            try message.writeSDMXCSV { text += String(decoding: $0, as: UTF8.self) }
            let lines = text.split(separator: "\n").map(String.init)
            let kept =
                [lines[0]] + lines.dropFirst().dropLast(10).map { $0.replacingOccurrences(of: "),I,", with: "),R,") }
            let request = UploadRequest(
                flow: "DF_MIGR_RETURNS", format: .sdmxCSV, fileName: "mex-r.csv",
                content: Array(kept.joined(separator: "\n").utf8))
            let preview = try await statistics.stage(request, as: Self.mexico)
            #expect(preview.report.canCommit, "\(preview.report.problems.errors.map(\.message))")
            #expect(preview.report.replacesVintage)
            let changes = try #require(preview.report.preview)
            #expect(changes.deleted.count == 10)
            #expect(changes.kept.isEmpty)
            #expect(changes.unchanged == first.table.count - 10)
            // Deleting figures needs the vintage number the preview showed.
            await #expect(throws: UploadError.expectationNeeded(next: 2, deleted: 10)) {
                try await statistics.commit(upload: preview.id!, as: Self.mexico)
            }
            try await statistics.commit(upload: preview.id!, expecting: 2, as: Self.mexico)
            let second = try await statistics.vintage("DF_MIGR_RETURNS/MEX/2", for: Self.mexico)
            #expect(second.table.count == first.table.count - 10)
            #expect(
                try await statistics.vintage("DF_MIGR_RETURNS/MEX/1", for: Self.mexico).table.count == first.table.count
            )
        }
    }

    @Test("a preview made stale by another commit is refused", arguments: Backend.all)
    func stalePreview(_ backend: Backend) async throws {
        try await Self.withDemo(backend) { statistics in
            // The Secretariat stages the same file on Mexico's behalf while Mexico's delegate stages its own.
            var onBehalf = try Self.mexicoUpload()
            onBehalf.area = "MEX"
            let first = try await statistics.stage(try Self.mexicoUpload(), as: Self.mexico)
            let second = try await statistics.stage(onBehalf, as: Self.secretariat)
            #expect(first.number == 2 && second.number == 2)
            try await statistics.commit(upload: first.id!, expecting: first.number, as: Self.mexico)
            await #expect(throws: UploadError.stalePreview(expected: 2, next: 3)) {
                try await statistics.commit(upload: second.id!, expecting: second.number, as: Self.secretariat)
            }
        }
    }

    @Test("a damaged workbook is an error of the upload, shown like any other", arguments: Backend.all)
    func damagedWorkbook(_ backend: Backend) async throws {
        try await Self.withDemo(backend) { statistics in
            var request = try Self.mexicoUpload()
            request.content = Array(request.content.prefix(request.content.count - 30))
            let preview = try await statistics.stage(request, as: Self.mexico)
            #expect(!preview.report.canCommit)
            #expect(preview.report.problems.errors.first?.message.contains("not an XLSX workbook") == true)
        }
    }

    @Test(
        "nothing unpublished is public: not before a release, not a vintage committed after it", arguments: Backend.all)
    func unpublishedNeverPublic(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            let statistics = StatisticsService(store: store)
            try await statistics.importFile(try Self.mexicoUpload(), as: Self.mexico)
            // Before any release: the public, an observer and a delegate read nothing; asking for the
            // committed figures is the Secretariat's.
            for reader in [nil, Self.observer, Self.guatemala] {
                await #expect(throws: NotFound.self) {
                    try await statistics.dataset("DF_MIGR_RETURNS", .newestRelease, for: reader)
                }
                await #expect(throws: AuthError.self) {
                    try await statistics.dataset("DF_MIGR_RETURNS", .committed, for: reader)
                }
            }
            #expect(try await statistics.vintages(for: nil).isEmpty)
            #expect(
                try await statistics.dataset("DF_MIGR_RETURNS", .committed, for: Self.secretariat).table.count == 27)

            try await statistics.publish(on: PartialDate("2026-04-01")!, notes: nil, as: Self.secretariat)
            let published = try await statistics.dataset("DF_MIGR_RETURNS", .newestRelease, for: nil)
            #expect(published.table.count == 27)

            // Mexico resubmits with one figure changed: the public still reads release 1's figures.
            var changed = String(decoding: SyntheticDataSet.mexicoSpreadsheet(), as: UTF8.self)
            let line = changed.split(separator: "\n")[1]
            let fields = line.split(separator: ";")
            changed = changed.replacingOccurrences(
                of: String(line), with: fields.prefix(4).joined(separator: ";") + ";99999;" + fields[5])
            try await statistics.importFile(
                UploadRequest(
                    flow: "DF_MIGR_RETURNS", format: .csv, fileName: "devoluciones.csv", content: Array(changed.utf8),
                    mapping: SyntheticDataSet.mexicoMapping), as: Self.mexico)
            let after = try await statistics.dataset("DF_MIGR_RETURNS", .newestRelease, for: nil)
            #expect(!after.table.values.contains(99_999))
            #expect(after.table.values == published.table.values)
            #expect(try await statistics.vintages(for: nil).count == 1)
            #expect(
                try await statistics.dataset("DF_MIGR_RETURNS", .committed, for: Self.secretariat).table.values
                    .contains(99_999))
        }
    }

    @Test(
        "confidential and small cells never reach the public, nor do the totals and query cells that include them",
        arguments: Backend.all)
    func disclosure(_ backend: Backend) async throws {
        try await Self.withDemo(backend) { statistics in
            let committed = try await statistics.dataset("DF_MIGR_IRREGULAR", .committed, for: Self.secretariat)
            let published = try await statistics.dataset("DF_MIGR_IRREGULAR", .newestRelease, for: nil)
            let structure = published.structure
            let confidential = try #require(structure.codelist(.confidentialityStatus)!.position(of: "C"))
            let raw = committed.table
            // The synthetic data set marks Panama's Haitian irregular migrants of 2025-03 confidential, and has
            // small cells (Chinese citizens detected by Panama, and Ecuadorians by Mexico: two a month).
            let secret = (0..<raw.count).filter { raw.confidentiality[$0] == UInt8(confidential) }
            let small = (0..<raw.count).filter { raw.values[$0] > 0 && raw.values[$0] < 3 }
            #expect(!secret.isEmpty && !small.isEmpty)
            let shown = published.table
            func index(of key: String, in table: ObservationTable) -> Int? {
                (0..<table.count).first { table.describe($0, in: structure) == key }
            }
            // The public's exchange files leave withheld observations out, and mark the rest free for publication.
            for original in secret + small {
                let key = raw.describe(original, in: structure)
                #expect(index(of: key, in: shown) == nil, "\(key) is shown")
            }
            let free = try #require(structure.codelist(.confidentialityStatus)!.position(of: "F"))
            #expect((0..<shown.count).allSatisfy { shown.confidentiality[$0] == UInt8(free) })
            // The annual totals of those series include the withheld months: withheld too, or they would give
            // back the month (annual − the other eleven).
            let annualOfSecret = raw.describe(secret[0], in: structure).replacingOccurrences(of: "M.", with: "A.")
                .replacingOccurrences(of: ":2025-03", with: ":2025")
            #expect(index(of: annualOfSecret, in: raw) != nil)
            #expect(index(of: annualOfSecret, in: shown) == nil)
            // Every value the public reads is the committed one: withholding changes nothing else.
            for place in 0..<shown.count where shown.values[place] != ObservationTable.missing {
                let key = shown.describe(place, in: structure)
                if let original = index(of: key, in: raw) { #expect(raw.values[original] == shown.values[place]) }
            }
            // A query cell adding up a withheld observation is withheld: Panama by citizenship, 2025.
            let result = published.sum(
                published.cube.totals(
                    Query(
                        groupBy: [.referenceArea, .citizenship], time: .year, frequency: .monthly,
                        filters: [.referenceArea: ["PAN"]])))
            let haiti2025 = try #require(
                result.cells.first { $0.codes == ["PAN", "HTI"] && $0.period?.description == "2025" })
            #expect(haiti2025.value == nil && haiti2025.isSuppressed)
            let secretariatResult = committed.sum(
                committed.cube.totals(
                    Query(
                        groupBy: [.referenceArea, .citizenship], time: .year, frequency: .monthly,
                        filters: [.referenceArea: ["PAN"]])))
            #expect(
                secretariatResult.cells.first { $0.codes == ["PAN", "HTI"] && $0.period?.description == "2025" }?.value
                    != nil)
        }
    }

    @Test("codes are added by the Secretariat once, and the structure shows them", arguments: Backend.all)
    func codes(_ backend: Backend) async throws {
        try await Self.withDemo(backend) { statistics in
            let ocos = CodeAddition(
                codelist: "CL_BORDER_POINT", code: "GTM_OCOS",
                names: .es("Ocós (marítimo)", en: "Ocós (sea)", fr: "Ocós"))
            await #expect(throws: AuthError.self) {
                try await statistics.addCode(
                    ocos, authority: .editorial(reason: "new border point"), as: Self.guatemala)
            }
            try await statistics.addCode(ocos, authority: .editorial(reason: "new border point"), as: Self.secretariat)
            #expect(try await statistics.structure().codelist(.borderPoint).contains("GTM_OCOS"))
            await #expect(throws: ChangeError.self) {
                try await statistics.addCode(ocos, authority: .editorial(reason: "again"), as: Self.secretariat)
            }
            var existing = ocos
            existing.code = "_T"
            await #expect(throws: ChangeError.self) {
                try await statistics.addCode(
                    existing, authority: .editorial(reason: "a base code"), as: Self.secretariat)
            }
        }
    }
}
