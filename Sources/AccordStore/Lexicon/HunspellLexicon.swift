import AccordCore
import Foundation
import Synchronization

/// The words of Spanish, English and French as Debian's hunspell dictionaries know them (`hunspell-es`,
/// `hunspell-en-us`, `hunspell-fr`), asked through the `hunspell` program: what Core's rules check a typo
/// fix against.
///
/// A word is asked once and its answer kept: fixes are rare, and `verify` asks again the questions `append`
/// asked. Where the program or a language's dictionary is missing the lexicon knows no word of that
/// language, so no typo fix in it is editorial: the rules fail closed rather than guess.
public final class HunspellLexicon: Lexicon, Sendable {
    /// The `hunspell` program, if one was found.
    public let executable: String?
    /// The dictionary of each language, as a path without its `.dic`/`.aff` extension.
    public let dictionaries: [Language: String]
    private let answers = Mutex<[Question: Bool]>([:])

    private struct Question: Hashable {
        var word: String
        var language: Language
    }

    /// A lexicon over the dictionaries found on this machine.
    ///
    /// - Parameters:
    ///   - executable: the `hunspell` program; by default the first one on `PATH`.
    ///   - dictionaries: the dictionary of each language; by default es_ES, en_US and fr_FR (or fr) from the
    ///     folders hunspell itself searches on Debian and macOS.
    public init(executable: String? = HunspellLexicon.program(), dictionaries: [Language: String]? = nil) {
        self.executable = executable
        self.dictionaries = dictionaries ?? Self.installedDictionaries()
    }

    /// Whether the program and the dictionary of `language` are both there.
    public func knows(_ language: Language) -> Bool { executable != nil && dictionaries[language] != nil }

    public func contains(_ word: String, in language: Language) -> Bool {
        // One word, letters only as the rules split them: anything else is not a question for a dictionary.
        guard !word.isEmpty, word.count <= 100, !word.contains(where: { $0.isWhitespace || $0.isNewline }),
            let executable, let dictionary = dictionaries[language]
        else { return false }
        let question = Question(word: word, language: language)
        if let known = answers.withLock({ $0[question] }) { return known }
        let known = Self.ask(executable, dictionary: dictionary, word: word)
        // A failure to run is not remembered: the next question tries again.
        if let known { answers.withLock { $0[question] = known } }
        return known ?? false
    }

    /// Runs `hunspell -l`, which prints the words of its input that it does not know; nil if it cannot run.
    private static func ask(_ executable: String, dictionary: String, word: String) -> Bool? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-d", dictionary, "-i", "UTF-8", "-l"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            input.fileHandleForWriting.write(Data((word + "\n").utf8))
            try input.fileHandleForWriting.close()
            let unknown = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return String(decoding: unknown, as: UTF8.self).allSatisfy(\.isWhitespace)
        } catch {
            return nil
        }
    }

    /// The first `hunspell` on `PATH`, if any.
    public static func program(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/hunspell" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// The dictionaries installed in the usual folders, one per language.
    static func installedDictionaries() -> [Language: String] {
        let folders = [
            "/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell",
            "/opt/homebrew/share/hunspell",
        ]
        let names: [Language: [String]] = [.es: ["es_ES", "es"], .en: ["en_US", "en"], .fr: ["fr_FR", "fr"]]
        var found: [Language: String] = [:]
        for (language, candidates) in names {
            found[language] =
                candidates.lazy.flatMap { name in folders.lazy.map { "\($0)/\(name)" } }
                .first {
                    FileManager.default.fileExists(atPath: $0 + ".dic")
                        && FileManager.default.fileExists(atPath: $0 + ".aff")
                }
        }
        return found
    }
}
