import AccordCore

/// A rule an upload is checked against (issue 21 §2). Errors block the upload; warnings are shown with
/// the preview and do not.
public enum Rule: String, Sendable, CaseIterable, Codable {
    // Errors.
    /// The header row: STRUCTURE first, every dimension and OBS_VALUE present, no column twice; every row
    /// as many fields as the header.
    case columns
    /// STRUCTURE, STRUCTURE_ID and ACTION name this dataflow and an action that adds data.
    case structure
    /// Every code is in its dimension's or attribute's codelist, and every event in the dataflow.
    case codelist
    /// A delegation reports only its own REF_AREA.
    case referenceArea
    /// TIME_PERIOD is written as FREQ says: `2024`, `2024-Q1` or `2024-01`.
    case timePeriod
    /// No two observations have the same key.
    case duplicateKey
    /// OBS_VALUE is a whole number from 0 up, or empty with OBS_STATUS M; mandatory attributes have a value.
    case value

    // Warnings.
    /// F + M (+ unknown) equals the total `_T`, for sex.
    case sexTotal
    /// The age bands (+ unknown) sum to the total `_T`.
    case ageTotal
    /// The border points sum to the total `_T`.
    case borderPointTotal
    /// The twelve months of a year sum to that year's annual value.
    case monthsSumToYear
    /// A monthly value above three times the median of the previous twelve months of its series.
    case outlier
    /// A state's returns received from another differ from that state's removals of the first one's citizens.
    case mirror

    /// Whether the rule blocks the upload.
    public var isError: Bool {
        switch self {
        case .columns, .structure, .codelist, .referenceArea, .timePeriod, .duplicateKey, .value: true
        case .sexTotal, .ageTotal, .borderPointTotal, .monthsSumToYear, .outlier, .mirror: false
        }
    }
}

/// One thing found wrong with an upload: where (row and column of the file), what (the code or value) and
/// which rule, with a sentence a delegate can act on.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    public var rule: Rule
    /// The row of the file, counted from 1 as a spreadsheet shows it (the header is row 1 of an SDMX-CSV
    /// file); nil for a problem of the whole file.
    public var row: Int?
    /// The column's component identifier (e.g. `SEX`), or the file's own header where that is what is wrong.
    public var column: String?
    /// The code or value at fault, as written in the file.
    public var code: String?
    /// What is wrong and what to do, in the interface's three languages: a delegation reads it in its own.
    public var sentence: Sentence
    /// The sentence in English, as the API and the command line give it.
    public var message: String { sentence.en }

    public init(_ rule: Rule, row: Int?, column: String?, code: String?, _ sentence: Sentence) {
        self.rule = rule
        self.row = row
        self.column = column
        self.code = code
        self.sentence = sentence
    }

    /// The sentence in `language`.
    public func message(in language: Language) -> String { sentence(language) }

    public var isError: Bool { rule.isError }

    public var description: String {
        var place: [String] = []
        if let row { place.append("row \(row)") }
        if let column { place.append("column \(column)") }
        if let code { place.append("'\(code)'") }
        let head = isError ? "error" : "warning"
        return "\(head) [\(rule.rawValue)] \(place.joined(separator: ", ")): \(message)"
    }
}

/// A problem's sentence in Spanish, English and French, the languages of the upload pages.
public struct Sentence: Sendable, Hashable {
    public var es: String
    public var en: String
    public var fr: String

    public init(es: String, en: String, fr: String) {
        self.es = es
        self.en = en
        self.fr = fr
    }

    public func callAsFunction(_ language: Language) -> String { language.pick((es, en, fr)) }
}
