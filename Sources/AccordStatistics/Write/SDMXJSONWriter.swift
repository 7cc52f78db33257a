import AccordCore

extension DataMessage {
    /// Writes the message as an SDMX-JSON 2.0 data message: `meta`, then `data` with one structure (the
    /// dimensions with the values used, series-level, and TIME_PERIOD at observation level; OBS_VALUE;
    /// the attributes at observation level) and one data set whose series are keyed by value positions
    /// (`"0:2:1:…"`), each observation `[value, OBS_STATUS, CONF_STATUS, UNIT_MEASURE, DATA_SOURCE,
    /// COMMENT_OBS]` with attribute values as positions in their `values` (null for none). With
    /// `dimensionAtObservation` `.allDimensions` every dimension is at observation level and the data set
    /// holds `observations` keyed by all nine positions, TIME_PERIOD last.
    public func writeSDMXJSON(to sink: @escaping ByteSink) throws {
        var out = ChunkedOutput(sink)
        let language = self.language

        // The values used by each dimension and attribute, in codelist order, and each one's position.
        func used(_ column: [UInt16], count: Int) -> (codes: [Int], places: [Int]) {
            var present = [Bool](repeating: false, count: count)
            for code in column { present[Int(code)] = true }
            let codes = present.indices.filter { present[$0] }
            var places = [Int](repeating: -1, count: count)
            for (place, code) in codes.enumerated() { places[code] = place }
            return (codes, places)
        }
        let dimensionValues = KeyDimension.allCases.map {
            used(table.codes[$0.rawValue], count: structure.codelist($0).count)
        }
        let frequencies = self.frequencies
        var periodSet = Set<Period>()
        for index in 0..<table.count {
            periodSet.insert(
                Period(frequency: frequencies[Int(table.codes[0][index])], firstMonth: table.periods[index]))
        }
        let periods = periodSet.sorted()
        let periodPlace = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        let coded: [(Attribute, [UInt8])] = [
            (.observationStatus, table.statuses), (.confidentialityStatus, table.confidentiality),
            (.unitOfMeasure, table.units),
        ]
        let attributeValues = coded.map { attribute, column in
            used(
                column.filter { $0 != ObservationTable.absent }.map(UInt16.init),
                count: structure.codelist(attribute)!.count)
        }
        let textColumns = [table.sources, table.comments]
        let textValues = textColumns.map { column -> (texts: [UInt32], places: [UInt32: Int]) in
            let texts = Set(column).subtracting([0]).sorted()
            return (texts, Dictionary(uniqueKeysWithValues: texts.enumerated().map { ($1, $0) }))
        }

        out.append("{\"meta\":{\"schema\":")
        out.append(
            json:
                "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v2.0.0/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json"
        )
        out.append(",\"id\":")
        out.append(json: id)
        out.append(isTest ? ",\"test\":true," : ",\"test\":false,")
        if let name {
            out.append("\"name\":")
            out.append(json: name)
            out.append(",")
        }
        out.append("\"prepared\":")
        out.append(json: prepared)
        out.append(",\"contentLanguages\":[")
        out.append(json: language.rawValue)
        out.append("],\"sender\":{\"id\":")
        out.append(json: sender)
        out.append("}},\n\"data\":{\"structures\":[{\"links\":[{\"rel\":\"dataflow\",\"urn\":")
        out.append(json: "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=\(structure.reference(of: flow))")
        out.append("}],")
        appendNames(flow.names, to: &out)
        // In a flat message every dimension is at observation level, before TIME_PERIOD.
        let isFlat = dimensionAtObservation == .allDimensions
        out.append(isFlat ? ",\"dimensions\":{\"series\":[],\"observation\":[" : ",\"dimensions\":{\"series\":[")
        for dimension in KeyDimension.allCases {
            if dimension.rawValue > 0 { out.append(byte: UInt8(ascii: ",")) }
            out.append("{\"id\":")
            out.append(json: dimension.id)
            out.append(",")
            appendNames(structure.componentNames[dimension.id]!, to: &out)
            out.append(",\"keyPosition\":")
            out.append(decimal: UInt64(dimension.rawValue))
            out.append(",\"values\":[")
            let codelist = structure.codelist(dimension)
            for (place, code) in dimensionValues[dimension.rawValue].codes.enumerated() {
                if place > 0 { out.append(byte: UInt8(ascii: ",")) }
                appendCode(codelist[UInt16(code)], to: &out)
            }
            out.append("]}")
        }
        out.append(isFlat ? ",{\"id\":\"TIME_PERIOD\"," : "],\"observation\":[{\"id\":\"TIME_PERIOD\",")
        appendNames(structure.componentNames[Component.timePeriod]!, to: &out)
        out.append(",\"keyPosition\":8,\"roles\":[\"TIME_PERIOD\"],\"values\":[")
        for (place, period) in periods.enumerated() {
            if place > 0 { out.append(byte: UInt8(ascii: ",")) }
            out.append("{\"id\":")
            out.append(json: period.description)
            out.append(",\"name\":")
            out.append(json: period.description)
            out.append("}")
        }
        out.append("]}]},\"measures\":{\"observation\":[{\"id\":\"OBS_VALUE\",")
        appendNames(structure.componentNames[Component.observationValue]!, to: &out)
        out.append("}]},\"attributes\":{\"observation\":[")
        for (position, attribute) in Attribute.allCases.enumerated() {
            if position > 0 { out.append(byte: UInt8(ascii: ",")) }
            out.append("{\"id\":")
            out.append(json: attribute.id)
            out.append(",")
            appendNames(structure.componentNames[attribute.id]!, to: &out)
            out.append(",\"relationship\":{\"observation\":{}}")
            // The schema wants a non-empty `values`: an attribute without any value in the data has none.
            let count =
                position < coded.count
                ? attributeValues[position].codes.count : textValues[position - coded.count].texts.count
            if count == 0 {
                out.append("}")
                continue
            }
            out.append(",\"values\":[")
            if position < coded.count {
                let codelist = structure.codelist(attribute)!
                for (place, code) in attributeValues[position].codes.enumerated() {
                    if place > 0 { out.append(byte: UInt8(ascii: ",")) }
                    appendCode(codelist[UInt16(code)], to: &out)
                }
            } else {
                for (place, text) in textValues[position - coded.count].texts.enumerated() {
                    if place > 0 { out.append(byte: UInt8(ascii: ",")) }
                    out.append("{\"value\":")
                    out.append(json: table.texts[Int(text)])
                    out.append("}")
                }
            }
            out.append("]}")
        }
        out.append(
            "]},\"dataSets\":[0]}],\n\"dataSets\":[{\"structure\":0,\"action\":\"Information\",\"links\":[{\"rel\":\"dataflow\",\"urn\":"
        )
        out.append(json: "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=\(structure.reference(of: flow))")
        out.append(isFlat ? "}],\"observations\":{" : "}],\"series\":{")

        var previousSeries: UInt64?
        var isFirst = true
        for position in order {
            let index = Int(position)
            let series = keys[index] >> 16
            if isFlat {
                if !isFirst { out.append(",\n") }
                isFirst = false
                out.append(byte: UInt8(ascii: "\""))
                for dimension in KeyDimension.allCases {
                    let code = Int(table.codes[dimension.rawValue][index])
                    out.append(decimal: UInt64(dimensionValues[dimension.rawValue].places[code]))
                    out.append(byte: UInt8(ascii: ":"))
                }
            } else if series != previousSeries {
                if previousSeries != nil { out.append("}},\n") }
                out.append(byte: UInt8(ascii: "\""))
                for dimension in KeyDimension.allCases {
                    if dimension.rawValue > 0 { out.append(byte: UInt8(ascii: ":")) }
                    let code = Int(table.codes[dimension.rawValue][index])
                    out.append(decimal: UInt64(dimensionValues[dimension.rawValue].places[code]))
                }
                out.append("\":{\"observations\":{")
                previousSeries = series
            } else {
                out.append(byte: UInt8(ascii: ","))
            }
            let period = Period(frequency: frequencies[Int(table.codes[0][index])], firstMonth: table.periods[index])
            if !isFlat { out.append(byte: UInt8(ascii: "\"")) }
            out.append(decimal: UInt64(periodPlace[period]!))
            out.append("\":[")
            let value = table.values[index]
            if value == ObservationTable.missing { out.append("null") } else { out.append(decimal: UInt64(value)) }
            let codedColumns = [table.statuses[index], table.confidentiality[index], table.units[index]]
            for (position, code) in codedColumns.enumerated() {
                out.append(byte: UInt8(ascii: ","))
                if code == ObservationTable.absent {
                    out.append("null")
                } else {
                    out.append(decimal: UInt64(attributeValues[position].places[Int(code)]))
                }
            }
            for (position, column) in textColumns.enumerated() {
                out.append(byte: UInt8(ascii: ","))
                if let place = textValues[position].places[column[index]] {
                    out.append(decimal: UInt64(place))
                } else {
                    out.append("null")
                }
            }
            out.append("]")
            try out.flushIfFull()
        }
        if !isFlat, previousSeries != nil { out.append("}}") }
        out.append("}}]}}\n")
        try out.flush()
    }

    /// `"name": "…", "names": {"es": …, "en": …, "fr": …}`.
    private func appendNames(_ names: LocalizedText, to out: inout ChunkedOutput) {
        out.append("\"name\":")
        out.append(json: names.text(in: language))
        out.append(",\"names\":{")
        var first = true
        for language in Language.allCases {
            guard let text = names[language] else { continue }
            if !first { out.append(byte: UInt8(ascii: ",")) }
            first = false
            out.append(json: language.rawValue)
            out.append(byte: UInt8(ascii: ":"))
            out.append(json: text)
        }
        out.append("}")
    }

    private func appendCode(_ code: Code, to out: inout ChunkedOutput) {
        out.append("{\"id\":")
        out.append(json: code.id)
        out.append(",")
        appendNames(code.names, to: &out)
        out.append("}")
    }
}
