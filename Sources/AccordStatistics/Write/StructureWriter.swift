import AccordCore

extension DataStructure {
    /// Writes the SDMX-ML 2.1 structure message of the structure: its dataflows, codelists (in es, en and
    /// fr), concept scheme and the data structure definition, each component bound to its concept and
    /// codelist, and every attribute attached to the observation.
    ///
    /// - Parameters:
    ///   - id: the message's ID.
    ///   - prepared: when it was prepared, ISO 8601 with a time zone.
    public func writeStructureMessage(id: String, prepared: String, sender: String = "RCM", to sink: @escaping ByteSink)
        throws
    {
        var out = ChunkedOutput(sink)
        out.append(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <message:Structure xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" \
            xmlns:structure="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure" \
            xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">

            """)
        out.appendHeaderStart(id: id, prepared: prepared, sender: sender)
        out.append("</message:Header>\n<message:Structures>\n<structure:Dataflows>\n")
        for flow in dataflows {
            open(&out, "structure:Dataflow", id: flow.id, agency: agency, version: flow.version)
            names(flow.names, &out)
            out.append("<structure:Structure>")
            reference(
                &out, id: self.id, agency: agency, version: version, package: "datastructure", class: "DataStructure")
            out.append("</structure:Structure></structure:Dataflow>\n")
        }
        out.append("</structure:Dataflows>\n<structure:Codelists>\n")
        for codelist in codelists {
            open(&out, "structure:Codelist", id: codelist.id, agency: codelist.agency, version: codelist.version)
            names(codelist.names, &out)
            for code in codelist.codes {
                out.append("<structure:Code id=\"")
                out.append(xml: code.id)
                out.append("\">")
                names(code.names, &out)
                out.append("</structure:Code>\n")
            }
            out.append("</structure:Codelist>\n")
            try out.flushIfFull()
        }
        out.append("</structure:Codelists>\n<structure:Concepts>\n")
        open(&out, "structure:ConceptScheme", id: conceptScheme.id, agency: agency, version: conceptScheme.version)
        names(conceptScheme.names, &out)
        for component in componentIDs {
            out.append("<structure:Concept id=\"")
            out.append(xml: component)
            out.append("\">")
            names(componentNames[component]!, &out)
            out.append("</structure:Concept>\n")
        }
        out.append("</structure:ConceptScheme>\n</structure:Concepts>\n<structure:DataStructures>\n")
        open(&out, "structure:DataStructure", id: self.id, agency: agency, version: version)
        names(names, &out)
        out.append("<structure:DataStructureComponents>\n<structure:DimensionList id=\"DimensionDescriptor\">\n")
        for dimension in KeyDimension.allCases {
            out.append("<structure:Dimension id=\"")
            out.append(xml: dimension.id)
            out.append("\" position=\"")
            out.append(decimal: UInt64(dimension.rawValue + 1))
            out.append("\">")
            concept(&out, dimension.id)
            enumeration(&out, codelist(dimension))
            out.append("</structure:Dimension>\n")
        }
        out.append("<structure:TimeDimension id=\"TIME_PERIOD\" position=\"9\">")
        concept(&out, Component.timePeriod)
        out.append(
            "<structure:LocalRepresentation><structure:TextFormat textType=\"ObservationalTimePeriod\"/></structure:LocalRepresentation></structure:TimeDimension>\n"
        )
        out.append("</structure:DimensionList>\n<structure:AttributeList id=\"AttributeDescriptor\">\n")
        for attribute in Attribute.allCases {
            out.append("<structure:Attribute id=\"")
            out.append(xml: attribute.id)
            out.append("\" assignmentStatus=\"")
            out.append(mandatoryAttributes.contains(attribute) ? "Mandatory" : "Conditional")
            out.append("\">")
            concept(&out, attribute.id)
            if let codelist = codelist(attribute) {
                enumeration(&out, codelist)
            } else {
                out.append(
                    "<structure:LocalRepresentation><structure:TextFormat textType=\"String\"/></structure:LocalRepresentation>"
                )
            }
            out.append(
                "<structure:AttributeRelationship><structure:PrimaryMeasure><Ref id=\"OBS_VALUE\"/></structure:PrimaryMeasure></structure:AttributeRelationship></structure:Attribute>\n"
            )
        }
        out.append("</structure:AttributeList>\n<structure:MeasureList id=\"MeasureDescriptor\">")
        out.append("<structure:PrimaryMeasure id=\"OBS_VALUE\">")
        concept(&out, Component.observationValue)
        out.append(
            "<structure:LocalRepresentation><structure:TextFormat textType=\"Integer\" minValue=\"0\"/></structure:LocalRepresentation></structure:PrimaryMeasure></structure:MeasureList>\n"
        )
        out.append("</structure:DataStructureComponents>\n</structure:DataStructure>\n</structure:DataStructures>\n")
        out.append("</message:Structures>\n</message:Structure>\n")
        try out.flush()
    }

    /// The components in structure order: the concepts of the concept scheme.
    private var componentIDs: [String] {
        KeyDimension.allCases.map(\.id) + [Component.timePeriod, Component.observationValue]
            + Attribute.allCases.map(\.id)
    }

    private func open(_ out: inout ChunkedOutput, _ element: StaticString, id: String, agency: String, version: String)
    {
        out.append("<")
        out.append(element)
        out.append(" id=\"")
        out.append(xml: id)
        out.append("\" agencyID=\"")
        out.append(xml: agency)
        out.append("\" version=\"")
        out.append(xml: version)
        out.append("\" isFinal=\"false\">")
    }

    private func names(_ text: LocalizedText, _ out: inout ChunkedOutput) {
        for language in Language.allCases {
            guard let name = text[language] else { continue }
            out.append("<common:Name xml:lang=\"")
            out.append(xml: language.rawValue)
            out.append("\">")
            out.append(xml: name)
            out.append("</common:Name>")
        }
    }

    private func reference(
        _ out: inout ChunkedOutput, id: String, agency: String, version: String, package: StaticString,
        class kind: StaticString
    ) {
        out.append("<Ref id=\"")
        out.append(xml: id)
        out.append("\" version=\"")
        out.append(xml: version)
        out.append("\" agencyID=\"")
        out.append(xml: agency)
        out.append("\" package=\"")
        out.append(package)
        out.append("\" class=\"")
        out.append(kind)
        out.append("\"/>")
    }

    private func concept(_ out: inout ChunkedOutput, _ component: String) {
        out.append("<structure:ConceptIdentity><Ref id=\"")
        out.append(xml: component)
        out.append("\" maintainableParentID=\"")
        out.append(xml: conceptScheme.id)
        out.append("\" maintainableParentVersion=\"")
        out.append(xml: conceptScheme.version)
        out.append("\" agencyID=\"")
        out.append(xml: agency)
        out.append("\" package=\"conceptscheme\" class=\"Concept\"/></structure:ConceptIdentity>")
    }

    private func enumeration(_ out: inout ChunkedOutput, _ codelist: Codelist) {
        out.append("<structure:LocalRepresentation><structure:Enumeration>")
        reference(
            &out, id: codelist.id, agency: codelist.agency, version: codelist.version, package: "codelist",
            class: "Codelist")
        out.append("</structure:Enumeration></structure:LocalRepresentation>")
    }
}
