import AccordCore
import Foundation

extension DataStructure {
    /// `RCM:DSD_MIGR_FLOW(1.0)` as the repository keeps it: `Resources/DSD_MIGR_FLOW.json` (the structure,
    /// its codelists and dataflows) and `Resources/countries.json` (ISO 3166-1 from Debian's iso-codes).
    ///
    /// - Throws: `StructureError` when a resource is missing or does not describe the structure's
    ///   dimensions in their order.
    public static func migrationFlows() throws -> DataStructure {
        guard let structureURL = Bundle.module.url(forResource: "DSD_MIGR_FLOW", withExtension: "json"),
            let countriesURL = Bundle.module.url(forResource: "countries", withExtension: "json")
        else { throw StructureError.unreadable("the resource files are missing from the bundle") }
        do {
            return try migrationFlows(
                structure: try Data(contentsOf: structureURL), countries: try Data(contentsOf: countriesURL))
        } catch let error as StructureError {
            throw error
        } catch {
            throw StructureError.unreadable("\(error)")
        }
    }

    /// The structure read from the two JSON documents `migrationFlows()` reads from the bundle.
    static func migrationFlows(structure: Data, countries: Data) throws -> DataStructure {
        let decoder = JSONDecoder()
        let file = try decoder.decode(StructureFile.self, from: structure)
        let countryCodes = try decoder.decode(CountryFile.self, from: countries).countries.map {
            Code(id: $0.alpha3, names: LocalizedText(authoritative: .en, es: $0.es, en: $0.en, fr: $0.fr))
        }
        var codelists: [String: Codelist] = [:]
        for list in file.codelists {
            let codes = (list.includeCountries == true ? countryCodes : []) + list.codes.map(\.code)
            codelists[list.id] = try Codelist(
                id: list.id, agency: list.agency, version: list.version, names: list.names.text, codes: codes)
        }
        func codelist(_ id: String?) throws -> Codelist? {
            guard let id else { return nil }
            guard let list = codelists[id] else { throw StructureError.unknownCodelist(id) }
            return list
        }
        guard file.dimensions.map(\.id) == KeyDimension.allCases.map(\.id),
            file.attributes.map(\.id) == Attribute.allCases.map(\.id)
        else { throw StructureError.unexpectedDimensions(file.dimensions.map(\.id)) }
        var attributeCodelists: [Attribute: Codelist] = [:]
        var mandatory = Set<Attribute>()
        for (attribute, entry) in zip(Attribute.allCases, file.attributes) {
            attributeCodelists[attribute] = try codelist(entry.codelist)
            if entry.mandatory { mandatory.insert(attribute) }
        }
        var names: [String: LocalizedText] = [:]
        for component in file.dimensions + file.attributes + [file.timeDimension, file.measure] {
            names[component.id] = component.names.text
        }
        return DataStructure(
            agency: file.agency, id: file.id, version: file.version, names: file.names.text,
            conceptScheme: (file.conceptScheme.id, file.conceptScheme.version, file.conceptScheme.names.text),
            componentNames: names,
            dimensionCodelists: try file.dimensions.map { try codelist($0.codelist)! },
            attributeCodelists: attributeCodelists, mandatoryAttributes: mandatory,
            dataflows: file.dataflows.map {
                Dataflow(id: $0.id, version: $0.version, names: $0.names.text, events: $0.events)
            })
    }
}

// The shape of the resource files: readable by a person, decoded once.

private struct Names: Decodable {
    var es: String
    var en: String
    var fr: String
    var text: LocalizedText { LocalizedText(authoritative: .en, es: es, en: en, fr: fr) }
}

private struct StructureFile: Decodable {
    struct ComponentEntry: Decodable {
        var id: String
        var codelist: String?
        var mandatory: Bool = false
        var names: Names

        enum CodingKeys: String, CodingKey { case id, codelist, mandatory, names }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            codelist = try container.decodeIfPresent(String.self, forKey: .codelist)
            mandatory = try container.decodeIfPresent(Bool.self, forKey: .mandatory) ?? false
            names = try container.decode(Names.self, forKey: .names)
        }
    }
    struct CodeEntry: Decodable {
        var id: String
        var names: Names
        var code: Code { Code(id: id, names: names.text) }
    }
    struct CodelistEntry: Decodable {
        var id: String
        var agency: String
        var version: String
        var includeCountries: Bool?
        var names: Names
        var codes: [CodeEntry]
    }
    struct SchemeEntry: Decodable {
        var id: String
        var version: String
        var names: Names
    }
    struct FlowEntry: Decodable {
        var id: String
        var version: String
        var events: [String]
        var names: Names
    }
    var agency: String
    var id: String
    var version: String
    var names: Names
    var conceptScheme: SchemeEntry
    var dimensions: [ComponentEntry]
    var timeDimension: ComponentEntry
    var measure: ComponentEntry
    var attributes: [ComponentEntry]
    var codelists: [CodelistEntry]
    var dataflows: [FlowEntry]
}

private struct CountryFile: Decodable {
    struct Country: Decodable {
        var alpha3: String
        var alpha2: String
        var en: String
        var es: String
        var fr: String
    }
    var countries: [Country]
}
