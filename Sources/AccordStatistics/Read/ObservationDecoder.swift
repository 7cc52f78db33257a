/// The components a row of an upload carries, in the order `ObservationDecoder` reads them: the eight
/// coded dimensions, TIME_PERIOD, OBS_VALUE and the five attributes.
enum Field: Int, CaseIterable {
    case frequency, referenceArea, event, citizenship, counterpartArea, sex, age, borderPoint
    case timePeriod, value
    case observationStatus, confidentialityStatus, unitOfMeasure, dataSource, comment

    var id: String {
        if let dimension = KeyDimension(rawValue: rawValue) { return dimension.id }
        switch self {
        case .timePeriod: return Component.timePeriod
        case .value: return Component.observationValue
        default: return Attribute(rawValue: rawValue - Field.observationStatus.rawValue)!.id
        }
    }

    /// The field of a dimension's code.
    init(_ dimension: KeyDimension) { self.init(rawValue: dimension.rawValue)! }

    /// The field of the component `id`, if the structure has that component.
    init?(id: String) {
        guard let field = Field.allCases.first(where: { $0.id == id }) else { return nil }
        self = field
    }

    /// Whether an upload must have a column (or, in a spreadsheet mapping, a constant) for the field.
    var isRequired: Bool { rawValue <= Field.value.rawValue }
}

/// A set of components, one bit each.
struct FieldSet: OptionSet {
    let rawValue: UInt32

    mutating func insert(_ field: Field) { formUnion(FieldSet(rawValue: 1 << field.rawValue)) }

    func contains(_ field: Field) -> Bool { rawValue & (1 << field.rawValue) != 0 }
}

/// Turns the fields of one row into an observation, checking each against the structure: codes in their
/// codelists, the event in the dataflow, the delegation's own REF_AREA, TIME_PERIOD as FREQ says, a whole
/// value from 0 up or a missing one marked M.
///
/// Consecutive rows of an upload mostly repeat their codes, so each column remembers the last bytes it
/// looked up and their position: most fields cost a comparison of a few bytes, not a hash.
struct ObservationDecoder {
    let structure: DataStructure
    let flow: Dataflow
    let reportingArea: UInt16?
    private var lookups: [CodeLookup]
    /// Per MIGR_EVENT position, whether the flow admits it.
    private let eventsInFlow: [Bool]
    /// Per FREQ position, its frequency.
    private let frequencies: [Period.Frequency?]
    private let defaultStatus: UInt8
    private let missingStatus: UInt8
    private let defaultUnit: UInt8
    /// The observations decoded so far, as runs of rows that share everything but their period and value
    /// (a series' months, which a file gives one after the other), each run kept once with its length; then
    /// each observation's period, value and file row. Appending a row costs three numbers, not fourteen.
    private var runs: [(row: ObservationTable.Row, count: Int)] = []
    /// The last run, not yet in `runs` (none while its count is 0): compared with each row where it is,
    /// without copying it out.
    private var runRow = ObservationTable.Row(codes: [], period: 0, value: nil, status: 0, unit: 0)
    private var runCount = 0
    private var periods: [UInt16] = []
    private var values: [UInt32] = []
    private var rows: [Int] = []
    /// DATA_SOURCE and COMMENT_OBS, remembering their last text.
    private var texts = [TextMemo(), TextMemo()]
    private var row = ObservationTable.Row(
        codes: Array(repeating: 0, count: 8), period: 0, value: 0, status: 0, unit: 0)

    init(structure: DataStructure, flow: Dataflow, reportingArea: String?, capacity: Int = 0) {
        self.structure = structure
        self.flow = flow
        self.reportingArea = reportingArea.flatMap { structure.codelist(.referenceArea).position(of: $0) }
        lookups =
            KeyDimension.allCases.map { CodeLookup(structure.codelist($0)) }
            + [.observationStatus, .confidentialityStatus, .unitOfMeasure].map {
                CodeLookup(structure.codelist($0)!)
            }
        let events = structure.codelist(.event)
        var admitted = [Bool](repeating: false, count: events.count)
        for event in flow.events { if let position = events.position(of: event) { admitted[Int(position)] = true } }
        eventsInFlow = admitted
        frequencies = structure.codelist(.frequency).codes.map { Period.Frequency(rawValue: $0.id) }
        let statuses = structure.codelist(.observationStatus)!
        defaultStatus = UInt8(statuses.position(of: "A")!)
        missingStatus = UInt8(statuses.position(of: Component.missingStatus)!)
        defaultUnit = UInt8(structure.codelist(.unitOfMeasure)!.position(of: "PS")!)
        periods.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        rows.reserveCapacity(capacity)
    }

    /// Decodes one row: `fields[field.rawValue]` is the range of `bytes` that holds a component, nil when
    /// the file has no such column. Problems go to `problems`; the observation is kept only when the row
    /// has none. The components in `unchanged` have the bytes they had in the row decoded last, which had no
    /// problem, so their codes are kept as they are.
    mutating func decode(
        row number: Int, problems: inout ProblemList, bytes: [UInt8], fields: [Range<Int>?], unchanged: FieldSet = []
    ) {
        let before = problems.errorCount
        for dimension in KeyDimension.allCases where !unchanged.contains(Field(dimension)) {
            let field = fields[dimension.rawValue].map { bytes.trimmed($0) } ?? 0..<0
            guard let position = lookups[dimension.rawValue].position(of: bytes, field) else {
                problems.append(
                    Problem(
                        .codelist, row: number, column: dimension.id, code: bytes.text(field),
                        field.isEmpty
                            ? Sentence(
                                es: "\(dimension.id) no tiene código", en: "\(dimension.id) has no code",
                                fr: "\(dimension.id) n'a pas de code")
                            : Self.notACode(bytes.text(field), structure.codelist(dimension).reference)))
                continue
            }
            row.codes[dimension.rawValue] = position
            if dimension == .referenceArea, let reportingArea, position != reportingArea {
                let own = structure.codelist(.referenceArea)[reportingArea].id
                problems.append(
                    Problem(
                        .referenceArea, row: number, column: dimension.id, code: bytes.text(field),
                        Sentence(
                            es: "esta delegación informa solo por \(own), no por \(bytes.text(field))",
                            en: "this delegation reports for \(own) only, not for \(bytes.text(field))",
                            fr: "cette délégation déclare pour \(own) seulement, pas pour \(bytes.text(field))")))
            }
            if dimension == .event, !eventsInFlow[Int(position)] {
                problems.append(
                    Problem(
                        .codelist, row: number, column: dimension.id, code: bytes.text(field),
                        Sentence(
                            es: "\(bytes.text(field)) no se informa en \(flow.id), que recibe "
                                + "\(flow.events.joined(separator: ", "))",
                            en: "\(bytes.text(field)) is not reported under \(flow.id), which takes "
                                + "\(flow.events.joined(separator: ", "))",
                            fr: "\(bytes.text(field)) ne se déclare pas dans \(flow.id), qui reçoit "
                                + "\(flow.events.joined(separator: ", "))"
                        )))
            }
        }
        let frequencyPosition = lookups[KeyDimension.frequency.rawValue].lastPosition
        let period = fields[Field.timePeriod.rawValue].map { bytes.trimmed($0) } ?? 0..<0
        // Without a valid FREQ the period's form is unknown; the FREQ problem is already reported.
        if let frequencyPosition, let frequency = frequencies[Int(frequencyPosition)] {
            if let period = Period(utf8: bytes, period, frequency: frequency) {
                row.period = period.firstMonth
            } else {
                let form =
                    switch frequency {
                    case .annual: "YYYY (2024)"
                    case .quarterly: "YYYY-Qn (2024-Q1)"
                    case .monthly: "YYYY-MM (2024-01)"
                    }
                let years = "\(Period.years.lowerBound)–\(Period.years.upperBound)"
                problems.append(
                    Problem(
                        .timePeriod, row: number, column: Component.timePeriod, code: bytes.text(period),
                        Sentence(
                            es: "FREQ \(frequency.rawValue) requiere TIME_PERIOD como \(form), años \(years)",
                            en: "FREQ \(frequency.rawValue) needs TIME_PERIOD as \(form), years \(years)",
                            fr: "FREQ \(frequency.rawValue) demande TIME_PERIOD sous la forme \(form), années \(years)")
                    ))
            }
        }
        decodeAttributes(row: number, problems: &problems, bytes: bytes, fields: fields, unchanged: unchanged)
        if problems.errorCount == before {
            if runCount > 0, runRow.codes == row.codes, runRow.status == row.status,
                runRow.confidentiality == row.confidentiality, runRow.unit == row.unit, runRow.source == row.source,
                runRow.comment == row.comment
            {
                runCount += 1
            } else {
                if runCount > 0 { runs.append((runRow, runCount)) }
                (runRow, runCount) = (row, 1)
            }
            periods.append(row.period)
            values.append(row.value ?? ObservationTable.missing)
            rows.append(number)
        }
    }

    private mutating func decodeAttributes(
        row number: Int, problems: inout ProblemList, bytes: [UInt8], fields: [Range<Int>?], unchanged: FieldSet
    ) {
        func field(_ which: Field) -> Range<Int> { fields[which.rawValue].map { bytes.trimmed($0) } ?? 0..<0 }
        func coded(_ which: Field, _ attribute: Attribute, default fallback: UInt8, last: UInt8) -> UInt8? {
            if unchanged.contains(which) { return last }
            let code = field(which)
            if code.isEmpty { return fallback }
            if let position = lookups[8 + attribute.rawValue].position(of: bytes, code) { return UInt8(position) }
            problems.append(
                Problem(
                    .codelist, row: number, column: attribute.id, code: bytes.text(code),
                    Self.notACode(bytes.text(code), structure.codelist(attribute)!.reference)))
            return nil
        }
        let status = coded(.observationStatus, .observationStatus, default: defaultStatus, last: row.status)
        row.confidentiality =
            coded(
                .confidentialityStatus, .confidentialityStatus, default: ObservationTable.absent,
                last: row.confidentiality) ?? 0
        row.unit = coded(.unitOfMeasure, .unitOfMeasure, default: defaultUnit, last: row.unit) ?? 0
        row.status = status ?? defaultStatus
        if !unchanged.contains(.dataSource) {
            row.source = texts[0].text(of: bytes, fields[Field.dataSource.rawValue] ?? 0..<0)
        }
        if !unchanged.contains(.comment) {
            row.comment = texts[1].text(of: bytes, fields[Field.comment.rawValue] ?? 0..<0)
        }

        let valueBytes = field(.value)
        if valueBytes.isEmpty || bytes.bytes(valueBytes, equal: Self.notANumber) {
            row.value = nil
            if status != nil, status != missingStatus {
                problems.append(
                    Problem(
                        .value, row: number, column: Component.observationValue, code: bytes.text(valueBytes),
                        Sentence(
                            es: "OBS_VALUE está vacío: indique el valor o marque la observación OBS_STATUS M (el dato "
                                + "no puede existir)",
                            en: "OBS_VALUE is empty: give the value, or mark the observation OBS_STATUS M (data "
                                + "cannot exist)",
                            fr: "OBS_VALUE est vide : donnez la valeur, ou marquez l'observation OBS_STATUS M (la "
                                + "donnée ne peut exister)"
                        )))
            }
            return
        }
        var value: UInt64 = 0
        var isWhole = true
        for byte in bytes[valueBytes] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), value < UInt64(ObservationTable.missing) else {
                isWhole = false
                break
            }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        guard isWhole, value < UInt64(ObservationTable.missing) else {
            problems.append(
                Problem(
                    .value, row: number, column: Component.observationValue, code: bytes.text(valueBytes),
                    Sentence(
                        es: "OBS_VALUE debe ser un número entero de personas o eventos de 0 a 4294967294, no "
                            + "'\(bytes.text(valueBytes))'",
                        en: "OBS_VALUE must be a whole number of people or events from 0 to 4294967294, not "
                            + "'\(bytes.text(valueBytes))'",
                        fr: "OBS_VALUE doit être un nombre entier de personnes ou d'événements de 0 à 4294967294, pas "
                            + "'\(bytes.text(valueBytes))'"
                    )))
            return
        }
        if status == missingStatus {
            problems.append(
                Problem(
                    .value, row: number, column: "OBS_STATUS", code: Component.missingStatus,
                    Sentence(
                        es: "OBS_STATUS M dice que el valor no puede existir, pero OBS_VALUE es \(value): déjelo "
                            + "vacío o cambie el estado",
                        en: "OBS_STATUS M says the value cannot exist, but OBS_VALUE is \(value): leave it empty or "
                            + "change the status",
                        fr: "OBS_STATUS M dit que la valeur ne peut exister, mais OBS_VALUE vaut \(value) : "
                            + "laissez-le vide ou changez le statut"
                    )))
        }
        row.value = UInt32(value)
    }

    private static let notANumber = Array("NaN".utf8)

    private static func notACode(_ code: String, _ codelist: String) -> Sentence {
        Sentence(
            es: "'\(code)' no es un código de \(codelist)", en: "'\(code)' is not a code of \(codelist)",
            fr: "'\(code)' n'est pas un code de \(codelist)")
    }

    /// The observations decoded so far, with the file row each came from.
    func finish() -> (table: ObservationTable, rows: [Int]) {
        (
            ObservationTable(runs: runs + (runCount > 0 ? [(runRow, runCount)] : []), periods: periods, values: values),
            rows
        )
    }
}

/// A free-text column, remembering its last text: a file repeats one DATA_SOURCE on every row.
private struct TextMemo {
    private var lastBytes: [UInt8] = []
    private var lastText = ""

    mutating func text(of bytes: [UInt8], _ field: Range<Int>) -> String {
        if !bytes.bytes(field, equal: lastBytes) {
            lastBytes = Array(bytes[field])
            lastText = bytes.text(field)
        }
        return lastText
    }
}

/// One column's lookup of codes, remembering the last bytes it saw.
private struct CodeLookup {
    let codelist: Codelist
    private var lastBytes: [UInt8] = [0xFF]
    /// The position of the last code looked up, nil when it was not a code.
    private(set) var lastPosition: UInt16?

    init(_ codelist: Codelist) { self.codelist = codelist }

    mutating func position(of bytes: [UInt8], _ field: Range<Int>) -> UInt16? {
        if bytes.bytes(field, equal: lastBytes) { return lastPosition }
        lastBytes = Array(bytes[field])
        lastPosition = codelist.position(of: bytes.text(field))
        return lastPosition
    }
}
