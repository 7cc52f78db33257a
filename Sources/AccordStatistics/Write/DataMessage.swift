import AccordCore
import Foundation

/// Observations of one dataflow ready to be written in an SDMX format, with the header every format
/// carries: the message's identifier, when it was prepared, who sends it.
///
/// Writers take the observations in series order (the key's dimensions, then the period), which SDMX-ML's
/// series and SDMX-JSON's series keys need and which makes every output reproducible.
public struct DataMessage: Sendable {
    public var structure: DataStructure
    public var flow: Dataflow
    public var table: ObservationTable
    /// The message's ID (letters, digits, `_`, `-`).
    public var id: String
    /// When the message was prepared, as ISO 8601 with a time zone (`2026-11-24T10:00:00Z`).
    public var prepared: String
    /// The sender's ID (`RCM`).
    public var sender: String
    /// The language of the names the formats write once (SDMX-JSON's `name`); all three are written as `names`.
    public var language: Language
    /// How observations are grouped: in time series (the default), or each with its full key.
    public var dimensionAtObservation: DimensionAtObservation = .timePeriod
    /// Marks the message as a test message (SDMX's header `Test`): Accord's synthetic demo data are.
    public var isTest = false
    /// The message's name, in English (SDMX-ML's header `Name`, SDMX-JSON's `meta.name`): what the data are,
    /// "SYNTHETIC DATA …" for the demo's.
    public var name: String?

    /// The observations' indices in series order.
    let order: [UInt32]
    /// Each observation's packed key: equal keys but for the period are one series.
    let keys: [UInt64]

    public init(
        structure: DataStructure, flow: Dataflow, table: ObservationTable, id: String, prepared: String,
        sender: String = "RCM", language: Language = .en
    ) {
        self.structure = structure
        self.flow = flow
        self.table = table
        self.id = id
        self.prepared = prepared
        self.sender = sender
        self.language = language
        keys = KeyPacking(structure).keys(of: table)
        order = KeySort.order(of: keys)
    }

    /// The structure's ID as the SDMX-ML header names it (`RCM_DSD_MIGR_FLOW_1_0`).
    var structureID: String {
        "\(structure.agency)_\(structure.id)_\(structure.version.replacingOccurrences(of: ".", with: "_"))"
    }

    /// The codes of each dimension and coded attribute as UTF-8 bytes, by position: encoded once per
    /// message, not once per observation.
    struct EncodedCodes {
        var dimensions: [[[UInt8]]]
        var statuses: [[UInt8]]
        var confidentiality: [[UInt8]]
        var units: [[UInt8]]

        init(_ structure: DataStructure) {
            dimensions = KeyDimension.allCases.map { structure.codelist($0).codes.map { Array($0.id.utf8) } }
            statuses = structure.codelist(.observationStatus)!.codes.map { Array($0.id.utf8) }
            confidentiality = structure.codelist(.confidentialityStatus)!.codes.map { Array($0.id.utf8) }
            units = structure.codelist(.unitOfMeasure)!.codes.map { Array($0.id.utf8) }
        }
    }

    /// TIME_PERIOD of each first month for the frequency, as bytes: `2024`, `2024-Q1`, `2024-01`.
    static func periodText(_ frequency: Period.Frequency, _ month: UInt16) -> [UInt8] {
        Array(Period(frequency: frequency, firstMonth: month).description.utf8)
    }

    /// The frequency of each FREQ code position.
    var frequencies: [Period.Frequency] {
        structure.codelist(.frequency).codes.map { Period.Frequency(rawValue: $0.id) ?? .monthly }
    }
}

/// SDMX's `dimensionAtObservation`: which dimension varies within a group of observations.
public enum DimensionAtObservation: String, Sendable, CaseIterable {
    /// Time series: the observations of one key, period by period (SDMX's default).
    case timePeriod = "TIME_PERIOD"
    /// A flat list: every observation with all its dimensions.
    case allDimensions = "AllDimensions"
}
