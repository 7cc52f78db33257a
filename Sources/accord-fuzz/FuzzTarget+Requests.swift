import AccordCore
import AccordWeb
import Foundation

extension FuzzTarget {
    /// Every JSON body of the API, read as its route reads it (`RequestBodies.readJSON`), and Core's changes and
    /// authorities, which those bodies and the ledger carry: whatever JSONEncoder writes of one reads back as it.
    static let json = FuzzTarget(name: "json", summary: "the API's JSON bodies; Core's Change and Authority") {
        bytes in
        Features.count(RequestBodies.readJSON(bytes))
        Features.count(readsBack(Change.self, bytes))
        Features.count(readsBack(Authority.self, bytes))
        Features.count(readsBack(ProposedChange.self, bytes))
    }

    /// Every page form, decoded by Hummingbird's URLEncodedFormDecoder as its route decodes it, and the agenda
    /// editor's numbered fields (`RequestBodies.readForm`).
    static let form = FuzzTarget(name: "form", summary: "the pages' forms (URLEncodedFormDecoder)") { bytes in
        // As FormBody.read makes text of the collected body: invalid UTF-8 is replaced, not refused.
        Features.count(RequestBodies.readForm(String(decoding: bytes, as: UTF8.self)))
    }

    /// The canonicalizer every request path meets first (`CanonicalPath.check`): a path it lets through has no
    /// empty, `.` or `..` segment, and a redirect leads to a path it lets through.
    static let path = FuzzTarget(name: "path", summary: "the request path canonicalizer") { bytes in
        let path = String(decoding: bytes, as: UTF8.self)
        let verdict = CanonicalPath.check(path)
        switch verdict {
        case .canonical: Features.count("canonical")
        case .redirect: Features.count("redirect")
        case .refused(let reason): Features.count(reason)
        }
        switch verdict {
        case .canonical:
            // Bytes, not characters: "/" followed by a combining mark is one Character, but still a slash.
            let bytes = Array(path.utf8)
            let segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
            precondition(bytes.first == UInt8(ascii: "/"), "\(path.debugDescription) is canonical without a leading /")
            precondition(
                path == "/"
                    || !segments.contains { $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) },
                "\(path.debugDescription) is canonical with an empty or dot segment")
        case .redirect(let canonical):
            precondition(canonical != path, "\(path.debugDescription) redirects to itself")
            precondition(
                CanonicalPath.check(canonical) == .canonical,
                "\(path.debugDescription) redirects to \(canonical.debugDescription), which is not canonical")
        case .refused:
            break
        }
    }
}

/// Decodes `bytes` as `T` with JSONDecoder; where that works, what JSONEncoder writes of the value must read back
/// as the same value (or the API and the ledger would not say what they were sent). Returns what became of the
/// input: the keys and kind of what was read, or where reading it stopped.
func readsBack<T: Codable & Equatable>(_ type: T.Type, _ bytes: [UInt8]) -> String {
    let value: T
    do {
        value = try JSONDecoder().decode(T.self, from: Data(bytes))
    } catch {
        return "\(T.self) refused: \(Features.place(of: error))"
    }
    let encoded: Data
    do {
        encoded = try JSONEncoder().encode(value)
    } catch {
        preconditionFailure("a \(T.self) was read but cannot be written: \(error)")
    }
    let again = try? JSONDecoder().decode(T.self, from: encoded)
    precondition(
        again == value, "a \(T.self) does not read back as written: \(String(decoding: encoded, as: UTF8.self))")
    let object = (try? JSONSerialization.jsonObject(with: encoded)) as? [String: Any]
    return "\(T.self) read: \(object?.keys.sorted() ?? []) \(object?["kind"] ?? "")"
}
