extension DataMessage {
    /// Writes the message as an SDMX-ML 2.1 generic data message, streamed: series by series, each
    /// observation with its TIME_PERIOD, OBS_VALUE (left out when missing) and attributes, handed to `sink`
    /// in chunks of about 64 KB so that the document is never whole in memory. With `dimensionAtObservation`
    /// `.allDimensions` the observations come without series, each with its whole key.
    public func writeGenericData(to sink: @escaping ByteSink) throws {
        var out = ChunkedOutput(sink)
        out.append(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <message:GenericData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" \
            xmlns:generic="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic" \
            xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">

            """)
        out.appendHeaderStart(id: id, prepared: prepared, sender: sender, isTest: isTest, name: name)
        out.append("<message:Structure structureID=\"")
        out.append(xml: structureID)
        out.append("\" dimensionAtObservation=\"")
        out.append(xml: dimensionAtObservation.rawValue)
        out.append("\"><common:StructureUsage><Ref agencyID=\"")
        out.append(xml: structure.agency)
        out.append("\" id=\"")
        out.append(xml: flow.id)
        out.append("\" version=\"")
        out.append(xml: flow.version)
        out.append(
            "\"/></common:StructureUsage></message:Structure></message:Header>\n<message:DataSet structureRef=\"")
        out.append(xml: structureID)
        out.append("\" action=\"Information\">\n")

        // Every piece that repeats is encoded once: `<generic:Value id="SEX" value="` per dimension, the
        // codes, the periods.
        let codes = EncodedCodes(structure)
        let dimensionOpenings = KeyDimension.allCases.map { Array("<generic:Value id=\"\($0.id)\" value=\"".utf8) }
        let frequencies = self.frequencies
        var periodTexts: [Period.Frequency: [UInt16: [UInt8]]] = [:]
        let texts = table.texts.map { text -> [UInt8] in
            var escaped = ChunkedOutputBytes()
            escaped.append(xml: text)
            return escaped.bytes
        }
        let isFlat = dimensionAtObservation == .allDimensions
        /// `<generic:Value id="FREQ" value="M"/>`… for each dimension of the observation at `index`.
        func appendKey(_ index: Int, to out: inout ChunkedOutput) {
            for dimension in KeyDimension.allCases {
                out.append(dimensionOpenings[dimension.rawValue])
                out.append(codes.dimensions[dimension.rawValue][Int(table.codes[dimension.rawValue][index])])
                out.append("\"/>")
            }
        }
        var previousSeries: UInt64?
        for position in order {
            let index = Int(position)
            let series = keys[index] >> 16
            if !isFlat, series != previousSeries {
                if previousSeries != nil { out.append("</generic:Series>\n") }
                out.append("<generic:Series><generic:SeriesKey>")
                appendKey(index, to: &out)
                out.append("</generic:SeriesKey>\n")
                previousSeries = series
            }
            let frequency = frequencies[Int(table.codes[KeyDimension.frequency.rawValue][index])]
            let month = table.periods[index]
            let period: [UInt8]
            if let known = periodTexts[frequency]?[month] {
                period = known
            } else {
                period = Self.periodText(frequency, month)
                periodTexts[frequency, default: [:]][month] = period
            }
            if isFlat {
                // Each observation carries its whole key, TIME_PERIOD last.
                out.append("<generic:Obs><generic:ObsKey>")
                appendKey(index, to: &out)
                out.append("<generic:Value id=\"TIME_PERIOD\" value=\"")
                out.append(period)
                out.append("\"/></generic:ObsKey>")
            } else {
                out.append("<generic:Obs><generic:ObsDimension value=\"")
                out.append(period)
                out.append("\"/>")
            }
            let value = table.values[index]
            if value != ObservationTable.missing {
                out.append("<generic:ObsValue value=\"")
                out.append(decimal: UInt64(value))
                out.append("\"/>")
            }
            out.append("<generic:Attributes><generic:Value id=\"OBS_STATUS\" value=\"")
            out.append(codes.statuses[Int(table.statuses[index])])
            out.append("\"/>")
            let confidentiality = table.confidentiality[index]
            if confidentiality != ObservationTable.absent {
                out.append("<generic:Value id=\"CONF_STATUS\" value=\"")
                out.append(codes.confidentiality[Int(confidentiality)])
                out.append("\"/>")
            }
            out.append("<generic:Value id=\"UNIT_MEASURE\" value=\"")
            out.append(codes.units[Int(table.units[index])])
            out.append("\"/>")
            if table.sources[index] != 0 {
                out.append("<generic:Value id=\"DATA_SOURCE\" value=\"")
                out.append(texts[Int(table.sources[index])])
                out.append("\"/>")
            }
            if table.comments[index] != 0 {
                out.append("<generic:Value id=\"COMMENT_OBS\" value=\"")
                out.append(texts[Int(table.comments[index])])
                out.append("\"/>")
            }
            out.append("</generic:Attributes></generic:Obs>\n")
            try out.flushIfFull()
        }
        if previousSeries != nil { out.append("</generic:Series>\n") }
        out.append("</message:DataSet>\n</message:GenericData>\n")
        try out.flush()
    }
}

/// The escaping of `ChunkedOutput` into a plain array, for text encoded once and reused.
struct ChunkedOutputBytes {
    private(set) var bytes: [UInt8] = []

    mutating func append(xml text: String) {
        var collected: [UInt8] = []
        var out = ChunkedOutput { collected.append(contentsOf: $0) }
        out.append(xml: text)
        try? out.flush()
        bytes.append(contentsOf: collected)
    }
}
