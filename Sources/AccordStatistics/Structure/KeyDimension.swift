/// The coded dimensions of `RCM:DSD_MIGR_FLOW(1.0)`, in the order of the data structure (TIME_PERIOD, the
/// time dimension, follows them and is kept apart as a `Period`). Named `KeyDimension`, the dimensions of an
/// observation's key, because Foundation already has a `Dimension` (units of measure).
///
/// The engine is written for this one structure (issue 21: "narrowly: one data structure"), so the rules
/// that need a particular dimension (the totals by sex, the mirror check) name it here rather than look it
/// up by text.
public enum KeyDimension: Int, CaseIterable, Sendable, Hashable {
    case frequency, referenceArea, event, citizenship, counterpartArea, sex, age, borderPoint

    /// The dimension's SDMX identifier.
    public var id: String {
        switch self {
        case .frequency: "FREQ"
        case .referenceArea: "REF_AREA"
        case .event: "MIGR_EVENT"
        case .citizenship: "CITIZENSHIP"
        case .counterpartArea: "COUNTERPART_AREA"
        case .sex: "SEX"
        case .age: "AGE"
        case .borderPoint: "BORDER_POINT"
        }
    }

    /// The dimensions whose codelist has a total code `_T` that equals the sum of the other codes:
    /// the consistency warnings check those sums, and disclosure control treats such totals as the sums they are.
    public static let withTotals: [KeyDimension] = [.sex, .age, .borderPoint]
}

/// The attributes of `RCM:DSD_MIGR_FLOW(1.0)`, all attached to the observation.
public enum Attribute: Int, CaseIterable, Sendable, Hashable {
    case observationStatus, confidentialityStatus, unitOfMeasure, dataSource, comment

    public var id: String {
        switch self {
        case .observationStatus: "OBS_STATUS"
        case .confidentialityStatus: "CONF_STATUS"
        case .unitOfMeasure: "UNIT_MEASURE"
        case .dataSource: "DATA_SOURCE"
        case .comment: "COMMENT_OBS"
        }
    }

    /// Whether the attribute's values are codes of a codelist (the others are free text).
    public var isCoded: Bool { self != .dataSource && self != .comment }
}

/// Identifiers of the structure's other components and of the codes the rules refer to.
public enum Component {
    public static let timePeriod = "TIME_PERIOD"
    public static let observationValue = "OBS_VALUE"
    /// The total code of SEX, AGE and BORDER_POINT.
    public static let total = "_T"
    /// OBS_STATUS for a value that cannot exist: the only way to report an observation without a value.
    public static let missingStatus = "M"
    /// OBS_STATUS written on a value withheld from public output.
    public static let suppressedStatus = "Q"
    /// The CONF_STATUS of data free for publication; every other code keeps the value out of public output.
    public static let freeStatus = "F"
}
