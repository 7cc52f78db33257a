/// The words of a language, as the rules ask about them: a typo fix is editorial only when the word it
/// replaces is not a word of the language and the word it puts is one (DESIGN.md §3 rule 1).
///
/// Core does no I/O, so the dictionary is given to it: the store opens one (Debian's hunspell dictionaries)
/// and uses it both when it appends and when `verify` replays, so that the two judge a fix alike.
public protocol Lexicon: Sendable {
    /// Whether `word`, spelled as written (its capitals kept), is a word of `language`.
    func contains(_ word: String, in language: Language) -> Bool
}

/// A lexicon that knows no word: without a dictionary no typo fix is verifiable, so every change of a word
/// in an authoritative text is substantive. The rules fail closed.
public struct EmptyLexicon: Lexicon {
    public init() {}

    public func contains(_ word: String, in language: Language) -> Bool { false }
}

/// Words a typo fix may never touch, whatever a dictionary says: negations and numbers change what a
/// commitment means, not how it is spelled.
public enum ProtectedWords {
    /// Negations, in each language Accord keeps text in (lowercase).
    public static let negations: Set<String> = [
        // English
        "no", "not", "never", "without", "none", "nor", "neither", "non", "cannot", "nothing", "nobody",
        // Spanish
        "ni", "nunca", "sin", "jamás", "tampoco", "ningún", "ninguno", "ninguna", "nada", "nadie",
        // French ("n" is what is left of "n'")
        "ne", "n", "pas", "sans", "jamais", "aucun", "aucune", "rien", "personne", "nullement",
    ]

    /// Numbers written as words (lowercase).
    public static let numbers: Set<String> = [
        // English
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "first", "second", "third",
        "once", "twice", "half", "double", "triple",
        // Spanish
        "cero", "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "doce",
        "veinte", "treinta", "cuarenta", "cincuenta", "cien", "ciento", "mil", "millón", "primero", "primera",
        "segundo", "segunda", "tercero", "tercera", "medio", "doble",
        // French
        "zéro", "un", "une", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze",
        "vingt", "trente", "quarante", "cinquante", "cent", "mille", "premier", "première", "deuxième",
        "troisième", "demi",
    ]

    /// Prefixes that negate the word they begin ("irregular", "unlawful", "desigual", "illégal").
    static let negatingPrefixes = ["un", "in", "im", "il", "ir", "non", "dis", "des", "dés", "anti"]

    /// Whether `word` (lowercase) is a negation or a number.
    public static func contains(_ word: String) -> Bool {
        negations.contains(word) || numbers.contains(word)
    }
}
