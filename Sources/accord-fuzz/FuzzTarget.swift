import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One parser that takes outside bytes, and what must hold for any input: it never crashes, and where the
/// parser accepts the input, the properties its `run` checks with `precondition` (a failed one is a crash,
/// which libFuzzer reports with the input that caused it).
struct FuzzTarget: Sendable {
    /// The name on the command line, and the folder of its seed corpus: `Fuzz/Corpus/<name>`.
    var name: String
    var summary: String
    var run: @Sendable ([UInt8]) -> Void

    static let all: [FuzzTarget] = [.json, .form, .csv, .path, .ledger]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// The target this process runs, chosen once by `main` through the environment.
    static let selected: FuzzTarget = {
        guard let name = getenv("ACCORD_FUZZ_TARGET").map({ String(cString: $0) }), let target = named(name) else {
            fatalError("ACCORD_FUZZ_TARGET names no fuzz target")
        }
        return target
    }()
}

/// What the targets tell libFuzzer about an input besides the code it ran: each outcome string counts as a
/// feature of the input (see `accord_fuzz_count`), hashed with FNV-1a, which is the same in every process.
enum Features {
    static func count(_ outcome: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in outcome.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        accord_fuzz_count(hash)
    }

    static func count(_ outcomes: [String]) {
        for outcome in outcomes { count(outcome) }
    }

    /// The shape of a message, without what it quotes or counts, so that every new value in an input is not a
    /// new feature: "the row has 7 fields" and "unknown lead 'XYZ'" read "the row has # fields", "unknown lead ''".
    static func shape(_ message: String) -> String {
        var shape = ""
        var quote: Character?
        for character in message {
            if let open = quote {
                if character == open { quote = nil } else { continue }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character.isNumber {
                if shape.last != "#" { shape.append("#") }
                continue
            }
            shape.append(character)
        }
        return String(shape.prefix(48))
    }

    /// Where decoding stopped: the path of keys (indices left out, so that a long array is one place) and why.
    static func place(of error: any Error) -> String {
        let context: DecodingError.Context
        let reason: String
        switch error as? DecodingError {
        case .typeMismatch(_, let found): (context, reason) = (found, "type")
        case .valueNotFound(_, let found): (context, reason) = (found, "missing value")
        case .keyNotFound(let key, let found): (context, reason) = (found, "no key \(key.stringValue)")
        case .dataCorrupted(let found): (context, reason) = (found, "corrupted")
        default: return "\(type(of: error))"
        }
        return context.codingPath.map { $0.intValue == nil ? $0.stringValue : "[]" }.joined(separator: ".") + " "
            + reason
    }
}
