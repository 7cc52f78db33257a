import Foundation
import Hummingbird

/// The OpenAPI 3.1 description of the JSON API, served at `/openapi.json`.
///
/// The document is checked in, not built: one JSON file per area of the API in `openapi/` beside this file
/// (`base.json`, `record.json`, `plan.json`, `ledger.json`, `changes.json`, `governance.json`, …), copied
/// into the target's resources and merged when the server starts. `base.json` holds the top of the document
/// (info, security, tags) and what every area shares (the problem responses, the security schemes, the
/// common schemas); every other file holds only `paths` and `components`. Files merge two levels deep: the
/// operations of one path (`paths./api/v1/items.get`) and the components of one kind
/// (`components.schemas.PlanItem`) may come from different files, but one defined twice is an error, and a
/// server whose document does not merge does not start.
///
/// `OpenAPIContractTests` holds the document to the router (the same operations, every reference resolved,
/// every kind of change described); `scripts/check` holds the running server to the document with
/// schemathesis.
struct OpenAPIDocument: Sendable {
    /// The merged document.
    let root: JSONValue
    /// The merged document as served.
    let bytes: [UInt8]

    /// The sections every file may add to, two levels deep.
    static let sections = ["paths", "components"]

    /// Merges `fragments` (file name and contents); one must be `base.json`.
    init(fragments: [(name: String, data: Data)]) throws(OpenAPIError) {
        var files: [(name: String, members: [String: JSONValue])] = []
        // base.json first, then the areas by name, so that a duplicate is always reported the same way.
        let ordered = fragments.sorted { $0.name == "base.json" || ($1.name != "base.json" && $0.name < $1.name) }
        for fragment in ordered {
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: fragment.data),
                let members = value.members
            else { throw .unreadable(file: fragment.name, reason: "it is not a JSON object") }
            files.append((fragment.name, members))
        }
        guard let base = files.first, base.name == "base.json" else { throw .noBase }
        var root = base.members.filter { !Self.sections.contains($0.key) }
        var merged: [String: [String: [String: JSONValue]]] = [:]
        // Where each merged key came from, so that a duplicate names both files.
        var origin: [String: String] = [:]
        for file in files {
            for (section, value) in file.members {
                guard Self.sections.contains(section) else {
                    guard file.name == base.name else { throw .unexpectedKey(file: file.name, key: section) }
                    continue
                }
                guard let entries = value.members else {
                    throw .unreadable(file: file.name, reason: "\(section) is not an object")
                }
                for (name, entry) in entries {
                    guard let inner = entry.members else {
                        throw .unreadable(file: file.name, reason: "\(section).\(name) is not an object")
                    }
                    for (key, innerValue) in inner {
                        let path = "\(section).\(name).\(key)"
                        if let first = origin[path] { throw .duplicate(path: path, files: [first, file.name]) }
                        origin[path] = file.name
                        merged[section, default: [:]][name, default: [:]][key] = innerValue
                    }
                }
            }
        }
        for (section, entries) in merged { root[section] = .object(entries.mapValues { .object($0) }) }
        self.root = .object(root)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            bytes = Array(try encoder.encode(self.root))
        } catch {
            throw .unreadable(file: "the merged document", reason: "it cannot be encoded: \(error)")
        }
    }

    /// Merges the `.json` files of `folder`.
    static func load(folder: URL) throws(OpenAPIError) -> OpenAPIDocument {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        } catch {
            throw .unreadable(file: folder.path, reason: "the folder cannot be listed")
        }
        var fragments: [(name: String, data: Data)] = []
        for name in names {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                throw .unreadable(file: name, reason: "it cannot be read")
            }
            fragments.append((name, data))
        }
        return try OpenAPIDocument(fragments: fragments)
    }

    /// The document of this build, merged once from the target's resources.
    static let bundled = Result { () throws(OpenAPIError) -> OpenAPIDocument in
        guard let folder = Bundle.module.url(forResource: "openapi", withExtension: nil) else {
            throw .unreadable(file: "openapi", reason: "the resource folder is missing from the build")
        }
        return try load(folder: folder)
    }

    /// The response to `GET /openapi.json`.
    var response: Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Why the OpenAPI document could not be merged: a fault in the checked-in files, found when the server starts.
enum OpenAPIError: Error, CustomStringConvertible {
    /// A file, or a part of one, is not what the document needs.
    case unreadable(file: String, reason: String)
    /// There is no `base.json` to merge the other files into.
    case noBase
    /// A file other than `base.json` has a top-level key other than `paths` and `components`.
    case unexpectedKey(file: String, key: String)
    /// Two files define the same operation or component.
    case duplicate(path: String, files: [String])

    var description: String {
        switch self {
        case .unreadable(let file, let reason): "the OpenAPI fragment \(file) cannot be used: \(reason)"
        case .noBase: "the OpenAPI document has no base.json"
        case .unexpectedKey(let file, let key):
            "the OpenAPI fragment \(file) sets \(key); only base.json sets anything but paths and components"
        case .duplicate(let path, let files):
            "\(path) is defined in both \(files.joined(separator: " and ")); each operation and component belongs "
                + "to one file"
        }
    }
}
