extension DataMessage {
    /// Writes the message as SDMX-CSV 2.0: the header `STRUCTURE,STRUCTURE_ID,ACTION`, the dimensions,
    /// TIME_PERIOD, OBS_VALUE and the attributes by ID, then one row per observation with action I
    /// (information). A missing value is an empty OBS_VALUE.
    public func writeSDMXCSV(to sink: @escaping ByteSink) throws {
        var out = ChunkedOutput(sink)
        out.append("STRUCTURE,STRUCTURE_ID,ACTION")
        for dimension in KeyDimension.allCases {
            out.append(byte: UInt8(ascii: ","))
            out.append(Array(dimension.id.utf8))
        }
        out.append(",TIME_PERIOD,OBS_VALUE")
        for attribute in Attribute.allCases {
            out.append(byte: UInt8(ascii: ","))
            out.append(Array(attribute.id.utf8))
        }
        out.append(byte: UInt8(ascii: "\n"))
        let prefix = Array("dataflow,\(structure.reference(of: flow)),I".utf8)
        let codes = EncodedCodes(structure)
        let frequencies = self.frequencies
        for position in order {
            let index = Int(position)
            out.append(prefix)
            for dimension in KeyDimension.allCases {
                out.append(byte: UInt8(ascii: ","))
                out.append(codes.dimensions[dimension.rawValue][Int(table.codes[dimension.rawValue][index])])
            }
            out.append(byte: UInt8(ascii: ","))
            let frequency = frequencies[Int(table.codes[KeyDimension.frequency.rawValue][index])]
            out.append(Self.periodText(frequency, table.periods[index]))
            out.append(byte: UInt8(ascii: ","))
            if table.values[index] != ObservationTable.missing { out.append(decimal: UInt64(table.values[index])) }
            out.append(byte: UInt8(ascii: ","))
            out.append(codes.statuses[Int(table.statuses[index])])
            out.append(byte: UInt8(ascii: ","))
            let confidentiality = table.confidentiality[index]
            if confidentiality != ObservationTable.absent { out.append(codes.confidentiality[Int(confidentiality)]) }
            out.append(byte: UInt8(ascii: ","))
            out.append(codes.units[Int(table.units[index])])
            out.append(byte: UInt8(ascii: ","))
            out.append(csv: table.texts[Int(table.sources[index])])
            out.append(byte: UInt8(ascii: ","))
            out.append(csv: table.texts[Int(table.comments[index])])
            out.append(byte: UInt8(ascii: "\n"))
            try out.flushIfFull()
        }
        try out.flush()
    }
}
