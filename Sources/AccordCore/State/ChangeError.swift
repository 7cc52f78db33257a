/// Why a change was refused. Every case names the field at fault and says, in words a Secretariat officer
/// can act on, what is wrong with it.
public enum ChangeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field is missing, malformed, empty or longer than its limit.
    case invalid(field: String, reason: String)
    /// The field names a participant, body, meeting, decision, item or workplan the record does not hold.
    case unknownReference(field: String, reason: String)
    /// The field repeats a code or number that is already taken; numbers are never reused.
    case duplicate(field: String, reason: String)
    /// The change breaks a rule of the process: an impossible status transition, a change to an archived
    /// item, a change without the authority it needs.
    case ruleViolation(field: String, rule: String, reason: String)

    /// The request field the error is about, as a JSON path ("item.leads[1]").
    public var field: String {
        switch self {
        case .invalid(let field, _), .unknownReference(let field, _), .duplicate(let field, _),
            .ruleViolation(let field, _, _):
            field
        }
    }

    /// What is wrong, in a sentence.
    public var reason: String {
        switch self {
        case .invalid(_, let reason), .unknownReference(_, let reason), .duplicate(_, let reason),
            .ruleViolation(_, _, let reason):
            reason
        }
    }

    public var description: String { "\(field): \(reason)" }
}

/// The longest texts Accord accepts, so that a pasted document cannot become one field.
public enum TextLimit {
    /// Titles, names and places.
    public static let title = 500
    /// Descriptions and decision texts.
    public static let text = 20_000
    /// Editorial reasons and notes.
    public static let reason = 2_000
}
