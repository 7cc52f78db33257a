import Hummingbird

extension Request {
    /// The query string read as `T` by Hummingbird's `URLEncodedFormDecoder`, as the pages read their forms.
    ///
    /// Read before anything else the route does, so that a bad value is refused even where nothing would have
    /// looked at it (a filter over an empty list).
    ///
    /// - Throws: `Problem` (400, `invalid-parameter`) naming the parameter that cannot be read, and why: "'bogus'
    ///   is not one of proposed, approved, …", "must be an integer", "is given more than once".
    func query<T: Decodable>(as type: T.Type = T.self) throws -> T {
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: uri.query ?? "")
        } catch {
            let problem = Problem(error)
            throw Problem.badParameter(problem.field ?? "", problem.detail)
        }
    }
}

/// A query with no parameters.
struct NoQuery: Decodable, Sendable {}

/// A whole number in a query (`?edition=2`).
///
/// Read as text and converted here, not as `Int`: Hummingbird's form decoder leaves the parameter's name out of
/// the error for a plain integer it cannot read, and a refusal must name it.
struct QueryNumber: Decodable, Sendable {
    var value: Int64

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Int64(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a whole number")
        }
        self.value = value
    }
}
