import AccordCore

/// One code of a codelist: its identifier and its name in each language.
public struct Code: Sendable, Hashable {
    public var id: String
    public var names: LocalizedText

    public init(id: String, names: LocalizedText) {
        self.id = id
        self.names = names
    }
}

/// A maintained list of codes (SDMX codelist), identified as `agency:id(version)`.
///
/// A codelist grows: the Secretariat can add a code (a new border point, say), and the later part records
/// that addition in the ledger. Codes are never removed or reordered, so the position of a code, which the
/// observation tables and the cube store instead of the code's text, stays valid across additions.
public struct Codelist: Sendable {
    public let id: String
    public let agency: String
    public let version: String
    public var names: LocalizedText
    public private(set) var codes: [Code]
    private var positions: [String: UInt16]

    /// The largest number of codes a codelist may hold: positions are kept as 16-bit integers.
    public static let capacity = Int(UInt16.max)

    public init(id: String, agency: String, version: String, names: LocalizedText, codes: [Code] = []) throws {
        self.id = id
        self.agency = agency
        self.version = version
        self.names = names
        self.codes = []
        self.positions = [:]
        for code in codes { try add(code) }
    }

    /// `agency:id(version)`, as SDMX references a maintained artefact.
    public var reference: String { "\(agency):\(id)(\(version))" }

    public var count: Int { codes.count }

    /// The position of the code `id`, or nil when the codelist does not hold it.
    public func position(of id: some StringProtocol) -> UInt16? { positions[String(id)] }

    public func contains(_ id: some StringProtocol) -> Bool { position(of: id) != nil }

    /// The code at `position`.
    public subscript(position: UInt16) -> Code { codes[Int(position)] }

    /// Adds a code at the end of the list.
    ///
    /// - Throws: `StructureError.duplicateCode` when the code is already there, `.invalidCode` when its
    ///   identifier is not an SDMX identifier (letters, digits, `_`, `@`, `$`, `-`), `.codelistFull` past
    ///   `capacity` codes.
    public mutating func add(_ code: Code) throws(StructureError) {
        guard Self.isIdentifier(code.id) else { throw .invalidCode(codelist: id, code: code.id) }
        guard positions[code.id] == nil else { throw .duplicateCode(codelist: id, code: code.id) }
        guard codes.count < Self.capacity else { throw .codelistFull(codelist: id) }
        positions[code.id] = UInt16(codes.count)
        codes.append(code)
    }

    /// Whether `text` is an SDMX code identifier (the IDType of the SDMX-ML schemas).
    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "@"),
                    UInt8(ascii: "$"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }
}

/// Why a data structure or codelist could not be read or changed.
public enum StructureError: Error, Equatable, CustomStringConvertible {
    /// The code is already in the codelist; codes are unique within a codelist.
    case duplicateCode(codelist: String, code: String)
    /// The code is not an SDMX identifier: letters, digits, `_`, `@`, `$` and `-` only.
    case invalidCode(codelist: String, code: String)
    /// The codelist holds as many codes as its positions can count.
    case codelistFull(codelist: String)
    /// The structure file names a codelist it does not define.
    case unknownCodelist(String)
    /// The structure file does not have the dimensions this engine is written for, in its order.
    case unexpectedDimensions([String])
    /// The structure's resource file is missing or is not the JSON this reader expects.
    case unreadable(String)

    public var description: String {
        switch self {
        case .duplicateCode(let codelist, let code): "\(codelist) already has the code \(code)"
        case .invalidCode(let codelist, let code):
            "'\(code)' cannot be a code of \(codelist): use letters, digits, '_', '@', '$' or '-'"
        case .codelistFull(let codelist): "\(codelist) cannot hold more than \(Codelist.capacity) codes"
        case .unknownCodelist(let id): "the structure refers to the codelist \(id), which it does not define"
        case .unexpectedDimensions(let ids): "the dimensions must be \(KeyDimension.allCases.map(\.id)), not \(ids)"
        case .unreadable(let reason): "the data structure could not be read: \(reason)"
        }
    }
}
