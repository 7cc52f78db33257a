extension DecodingError {
    /// The field at fault, as a path a person reads (`draft.effects[0].kind`, `[2].change`); empty when the
    /// fault is the whole value.
    public var field: String {
        let keys: [any CodingKey] =
            switch self {
            case .keyNotFound(let key, let context): context.codingPath + [key]
            case .valueNotFound(_, let context), .typeMismatch(_, let context), .dataCorrupted(let context):
                context.codingPath
            @unknown default: []
            }
        return keys.reduce("") { path, key in
            if let index = key.intValue { return "\(path)[\(index)]" }
            return path.isEmpty ? key.stringValue : "\(path).\(key.stringValue)"
        }
    }

    /// Why the field cannot be read, in words that follow its name: "is required", "must be a string", or the
    /// reader's own reason (an unknown kind of change lists the kinds).
    public var reason: String {
        switch self {
        case .keyNotFound: "is required"
        case .valueNotFound: "must not be null"
        case .typeMismatch(let type, _): "must be \(Self.describe(type))"
        case .dataCorrupted(let context): context.codingPath.isEmpty ? "is not valid JSON" : context.debugDescription
        @unknown default: "cannot be read"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "an array" : "an object"
        }
    }
}
