/// Identifies a code added to a statistical codelist: the codelist and the code, "CL_BORDER_POINT/GTM_OCOS".
public typealias CodeAdditionID = Identifier<CodeAddition>
/// Identifies a vintage: its dataflow, reporting state and number, "DF_MIGR_RETURNS/MEX/2".
public typealias VintageID = Identifier<StatisticalVintage>

/// A code added to one of the codelists of the statistics' data structure (a new border point, say).
///
/// The structure and its codelists as first published live in the statistics module's resources; every code
/// added later is a ledger entry like any other change, so the codelist at any ledger position can be shown.
/// Codes are only ever added, never removed or renamed: an observation keeps meaning what it meant.
public struct CodeAddition: Codable, Sendable, Hashable {
    /// The codelist's SDMX identifier (`CL_BORDER_POINT`).
    public var codelist: String
    /// The new code's SDMX identifier (`GTM_OCOS`).
    public var code: String
    /// Its name in each language.
    public var names: LocalizedText

    public init(codelist: String, code: String, names: LocalizedText) {
        self.codelist = codelist
        self.code = code
        self.names = names
    }

    public var id: CodeAdditionID { CodeAdditionID("\(codelist)/\(code)") }
}

/// One member state's complete figures of one dataflow, as the ledger records them when a delegate commits
/// an upload: which file it came from (its SHA-256), and the observations the vintage holds, kept beside the
/// ledger as the SDMX-CSV Accord wrote from them, named by their SHA-256. An upload that adds to the previous
/// vintage (SDMX ACTION I, A or M) makes one holding the previous figures it does not carry as well; one that
/// replaces it (ACTION R) makes one holding only the file's.
///
/// Each upload is a new vintage with the next number; every earlier vintage stays readable. The newest
/// vintage of each state is what the statistics show until a release cuts a set of them for the public.
public struct StatisticalVintage: Codable, Sendable, Hashable {
    /// The dataflow's identifier (`DF_MIGR_RETURNS`).
    public var flow: String
    /// The reporting member state (REF_AREA), whose delegation (or the Secretariat on its behalf) commits it.
    public var area: ParticipantID
    /// 1 for the state's first vintage of the flow, then one more for each resubmission.
    public var number: Int
    /// The file as the delegation uploaded it.
    public var file: UploadedFile
    /// The observations as stored: Accord's SDMX-CSV of them, by its SHA-256.
    public var data: StoredData

    public init(flow: String, area: ParticipantID, number: Int, file: UploadedFile, data: StoredData) {
        self.flow = flow
        self.area = area
        self.number = number
        self.file = file
        self.data = data
    }

    public var id: VintageID { Self.id(flow: flow, area: area, number: number) }

    /// The identifier of vintage `number` of `area`'s submissions of `flow`.
    public static func id(flow: String, area: ParticipantID, number: Int) -> VintageID {
        VintageID("\(flow)/\(area.rawValue)/\(number)")
    }

    /// What an upload was: its name as sent, its format, size and SHA-256.
    public struct UploadedFile: Codable, Sendable, Hashable {
        /// The file's name as the delegation's computer called it (informative only).
        public var name: String
        /// `sdmx-csv`, `csv` (a spreadsheet export) or `xlsx`.
        public var format: String
        /// The SHA-256 of the file's bytes, in lower-case hexadecimal.
        public var sha256: String
        /// Its size in bytes.
        public var bytes: Int

        public init(name: String, format: String, sha256: String, bytes: Int) {
            self.name = name
            self.format = format
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// The observations of a vintage, stored beside the ledger under their SHA-256, which the entry carries:
    /// the chain's hash covers the entry, the entry covers the data.
    public struct StoredData: Codable, Sendable, Hashable {
        /// The SHA-256 of the SDMX-CSV text, in lower-case hexadecimal.
        public var sha256: String
        /// How many observations it holds.
        public var observations: Int

        public init(sha256: String, observations: Int) {
            self.sha256 = sha256
            self.observations = observations
        }
    }
}

/// A statistical release: the Secretariat's cut of vintages, published on a date. Only released vintages are
/// public, and the public reads them through disclosure control.
public struct StatisticalRelease: Codable, Sendable, Hashable {
    /// 1, 2, … in the order of publication.
    public var number: Int
    /// The day of publication.
    public var date: PartialDate
    /// The vintages it publishes: at most one per dataflow and state.
    public var vintages: [VintageID]
    /// The release notes.
    public var notes: LocalizedText?

    public init(number: Int, date: PartialDate, vintages: [VintageID], notes: LocalizedText? = nil) {
        self.number = number
        self.date = date
        self.vintages = vintages
        self.notes = notes
    }
}
