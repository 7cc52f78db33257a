import AccordCore
import AccordStore
import Foundation
import Hummingbird

/// A JSON response: any Codable value, encoded with sorted keys so responses are stable and diffable.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var value: Value
    var contentType = "application/json; charset=utf-8"

    init(_ value: Value, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") {
        self.value = value
        self.status = status
        self.contentType = contentType
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

extension Request {
    /// Decodes the JSON body, turning every decoding failure into a problem that names the field.
    func decodeJSON<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: context.maxUploadSize)
        } catch {
            throw Problem(
                .contentTooLarge, kind: "too-large", title: "Request too large",
                detail: "the body is larger than \(context.maxUploadSize) bytes")
        }
        return try JSONBody.decode(buffer, as: T.self)
    }
}

/// How the API reads a JSON body, once its bytes are collected: a pure function of the bytes, which the fuzz
/// target `accord-fuzz json` calls as the routes do.
enum JSONBody {
    /// Decodes `buffer` as `T`.
    ///
    /// - Throws: `Problem` (400) for an empty body, and for one that is not a `T`, naming the field.
    static func decode<T: Decodable>(_ buffer: ByteBuffer, as type: T.Type) throws -> T {
        guard buffer.readableBytes > 0 else {
            throw Problem(
                .badRequest, kind: "malformed-request", title: "Malformed request", detail: "the body is empty")
        }
        do {
            return try JSONDecoder().decode(T.self, from: buffer)
        } catch DecodingError.dataCorrupted(let context)
            where context.codingPath.isEmpty && (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) != nil
        {
            // Foundation's decoder says "not valid JSON", with no field, of a number it cannot hold where an
            // integer is read (1.5, 1e30): the body is JSON, so say what is wrong with it.
            throw Problem(
                .badRequest, kind: "malformed-request", title: "Malformed request",
                detail: "a number in the body is not a whole number from \(Int64.min) to \(Int64.max), "
                    + "where one is expected")
        } catch {
            throw Problem(error)
        }
    }
}

/// The part every write request carries: on what authority. Who asks is the authenticated principal, never
/// the body: a body naming an `actor` is refused, so that no client can believe it chose one.
struct Signed<Body: Decodable & Sendable>: Decodable, Sendable {
    var authority: Authority
    var body: Body

    private struct Keys: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads `authority`, and `Body` from the same object's other keys.
    ///
    /// - Throws: `Problem` (400, field `actor`) when the body names an actor.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(Keys(stringValue: "actor")) {
            throw Problem(
                .badRequest, kind: "malformed-request", title: "Malformed request",
                detail: "a change is recorded as the signed-in account (or its API token); leave out 'actor'",
                field: "actor")
        }
        authority = try container.decode(Authority.self, forKey: Keys(stringValue: "authority"))
        body = try Body(from: decoder)
    }
}

/// What a write returns: the ledger entry that recorded it and the entity as it now stands.
struct WriteResult<Value: Encodable & Sendable>: Encodable, Sendable {
    var entry: EntrySummary
    var value: Value

    private enum CodingKeys: String, CodingKey { case entry, value }
}

/// A ledger entry as the API shows it.
struct EntrySummary: Encodable, Sendable {
    var sequence: Int64
    var recordedAt: String
    var actor: String
    var authority: String
    var decision: String?
    var kind: String
    var hash: String
    var previousHash: String
    /// The entry itself, decoded from the canonical bytes the hash covers.
    var entry: LedgerEntry?

    init(_ appended: AppendedEntry) {
        sequence = appended.entry.sequence
        recordedAt = appended.entry.recordedAt.description
        actor = appended.entry.actor.description
        authority = appended.entry.authority.description
        decision = appended.entry.authority.decision?.rawValue
        kind = appended.entry.change.kind
        hash = appended.hash
        previousHash = appended.previousHash
        entry = appended.entry
    }

    init(_ stored: StoredEntry) throws {
        let entry = try stored.decoded()
        sequence = stored.sequence
        recordedAt = stored.recordedAt
        actor = stored.actor
        authority = entry.authority.description
        decision = stored.decision
        kind = stored.kind
        hash = stored.hash
        previousHash = stored.previousHash
        self.entry = entry
    }
}
