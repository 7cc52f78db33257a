import AccordCore

/// A dataflow: the data of one kind that member states report under the structure, such as returns.
///
/// Each flow admits only some migration events (its content constraint): a return is reported under
/// `DF_MIGR_RETURNS`, never under `DF_MIGR_MOVEMENTS`.
public struct Dataflow: Sendable, Hashable {
    public var id: String
    public var version: String
    public var names: LocalizedText
    /// The MIGR_EVENT codes this flow admits.
    public var events: [String]

    public init(id: String, version: String, names: LocalizedText, events: [String]) {
        self.id = id
        self.version = version
        self.names = names
        self.events = events
    }
}

/// `RCM:DSD_MIGR_FLOW(1.0)`: the data structure of migration flows, with the current state of its
/// codelists and its dataflows.
///
/// It is a value: adding a code (`add(_:to:)`) makes a new structure whose older observation tables stay
/// valid, since codes keep their positions.
public struct DataStructure: Sendable {
    public let agency: String
    public let id: String
    public let version: String
    public var names: LocalizedText
    public var conceptScheme: (id: String, version: String, names: LocalizedText)
    /// The names of the dimensions, TIME_PERIOD, OBS_VALUE and the attributes, by component identifier.
    public var componentNames: [String: LocalizedText]
    /// The codelist of each coded dimension, in `KeyDimension` order.
    public private(set) var dimensionCodelists: [Codelist]
    /// The codelists of OBS_STATUS, CONF_STATUS and UNIT_MEASURE, by attribute.
    public private(set) var attributeCodelists: [Attribute: Codelist]
    /// Which attributes must have a value in every observation.
    public var mandatoryAttributes: Set<Attribute>
    public var dataflows: [Dataflow]

    init(
        agency: String, id: String, version: String, names: LocalizedText,
        conceptScheme: (id: String, version: String, names: LocalizedText), componentNames: [String: LocalizedText],
        dimensionCodelists: [Codelist], attributeCodelists: [Attribute: Codelist],
        mandatoryAttributes: Set<Attribute>, dataflows: [Dataflow]
    ) {
        self.agency = agency
        self.id = id
        self.version = version
        self.names = names
        self.conceptScheme = conceptScheme
        self.componentNames = componentNames
        self.dimensionCodelists = dimensionCodelists
        self.attributeCodelists = attributeCodelists
        self.mandatoryAttributes = mandatoryAttributes
        self.dataflows = dataflows
    }

    /// `RCM:DSD_MIGR_FLOW(1.0)`.
    public var reference: String { "\(agency):\(id)(\(version))" }

    /// The codelist of `dimension`.
    public func codelist(_ dimension: KeyDimension) -> Codelist { dimensionCodelists[dimension.rawValue] }

    /// The codelist of a coded attribute; nil for DATA_SOURCE and COMMENT_OBS.
    public func codelist(_ attribute: Attribute) -> Codelist? { attributeCodelists[attribute] }

    /// Every distinct codelist, dimensions' first, in the order a structure message lists them.
    public var codelists: [Codelist] {
        var seen = Set<String>()
        return (dimensionCodelists + Attribute.allCases.compactMap { attributeCodelists[$0] }).filter {
            seen.insert($0.id).inserted
        }
    }

    /// The dataflow `id`, if the structure has one.
    public func dataflow(_ id: String) -> Dataflow? { dataflows.first { $0.id == id } }

    /// `RCM:DF_MIGR_RETURNS(1.0)`: how SDMX-CSV's STRUCTURE_ID names a dataflow of this agency.
    public func reference(of flow: Dataflow) -> String { "\(agency):\(flow.id)(\(flow.version))" }

    /// Adds `code` to the codelist of `dimension`.
    ///
    /// - Throws: what `Codelist.add(_:)` throws.
    public mutating func add(_ code: Code, to dimension: KeyDimension) throws(StructureError) {
        try dimensionCodelists[dimension.rawValue].add(code)
    }

    /// The position of the total code `_T` in the codelist of `dimension`, if it has one.
    public func totalPosition(_ dimension: KeyDimension) -> UInt16? {
        codelist(dimension).position(of: Component.total)
    }
}

extension DataStructure {
    /// The dimension whose codelist is `id` (`CL_BORDER_POINT` → BORDER_POINT), if one is: only dimensions'
    /// codelists grow; the attributes' are SDMX's global codelists.
    public func dimension(ofCodelist id: String) -> KeyDimension? {
        KeyDimension.allCases.first { codelist($0).id == id }
    }

    /// The structure with `additions` added, in the order given (the order the ledger recorded them, so that
    /// every code keeps its position).
    ///
    /// - Throws: `StructureError.unknownCodelist` for a codelist no dimension uses, and what `add(_:to:)` throws.
    public func adding(_ additions: [(codelist: String, code: Code)]) throws(StructureError) -> DataStructure {
        var structure = self
        for (codelist, code) in additions {
            guard let dimension = dimension(ofCodelist: codelist) else { throw .unknownCodelist(codelist) }
            try structure.add(code, to: dimension)
        }
        return structure
    }
}
