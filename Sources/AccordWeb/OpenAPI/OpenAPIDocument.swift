import Foundation
import Hummingbird

/// The OpenAPI 3.1 description of the JSON API, served at `/openapi.json`.
///
/// Written by hand next to the routes; a test fails when a route is missing here or answers with a status
/// its operation does not declare, so the two cannot drift apart unnoticed.
enum OpenAPIDocument {
    static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "Accord API",
            "version": "1.0.0",
            "description": """
            The Plan of Action of a consensus-based intergovernmental process, kept as a ledger of agreed \
            changes. Every write names an authority (a decision paragraph, or an editorial reason) and is \
            recorded as the authenticated account (API token or session); a body naming an `actor` is refused. \
            It is appended to a hash-chained ledger. Errors are RFC 9457 problem details.
            """,
        ],
        "paths": paths,
        "components": ["schemas": OpenAPISchemas.all],
    ]

    /// The document's bytes, encoded once.
    static let bytes: [UInt8] = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array((try? encoder.encode(document)) ?? Data())
    }()

    static var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static let paths: JSONValue = .object(
        [
            ("/openapi.json", ["get": operation("This document", ok: ["type": "object"], errors: [])]),
            (
                "/api/v1/process",
                ["get": operation("The process the record is about", ok: ref("Process"), errors: [404])]
            ),
            (
                "/api/v1/health",
                [
                    "get": operation(
                        "The ledger head; answers when the store is reachable", ok: ref("LedgerHead"), errors: [])
                ]
            ),
        ]
            + record(
                "participants", "Participant", filters: [("kind", enumeration("ParticipantKind"))], replaceable: true)
            + record("bodies", "Body")
            + record("meetings", "Meeting", filters: [("body", ["type": "string"])], replaceable: true)
            + record(
                "decisions", "Decision", filters: [("meeting", ["type": "string"])], codePath: "{meeting}/{paragraph}")
            + record("workplans", "Workplan", replaceable: true)
            + record(
                "items", "PlanItem",
                filters: [
                    ("status", enumeration("Status")), ("workplan", ["type": "string"]), ("parent", ["type": "string"]),
                ],
                more: [
                    "patch": operation(
                        "Amend some fields of an item", ok: written("PlanItem"), parameters: [pathParameter("code")],
                        body: signed("amendment", ref("ItemAmendment")), errors: [400, 404, 409, 413, 422])
                ])
            + [
                (
                    "/api/v1/items/{code}/history",
                    [
                        "get": operation(
                            "An item with the ledger positions it changed at", ok: ref("ItemDetail"),
                            parameters: [pathParameter("code")], errors: [404])
                    ]
                ),
                (
                    "/api/v1/items/{code}/status",
                    [
                        "post": operation(
                            "Move an item to another status", ok: written("PlanItem"),
                            parameters: [pathParameter("code")],
                            body: signed("status", enumeration("Status")), errors: [400, 404, 409, 413, 422])
                    ]
                ),
                (
                    "/api/v1/plan",
                    [
                        "get": operation(
                            "A version of the Plan of Action", ok: ref("PlanAnswer"),
                            parameters: planParameters(withVersion: true), errors: [400])
                    ]
                ),
                (
                    "/api/v1/plan/archive",
                    [
                        "get": operation(
                            "The archive version: every past item under its original number", ok: ref("PlanAnswer"),
                            parameters: planParameters(withVersion: false), errors: [400])
                    ]
                ),
                (
                    "/api/v1/plan/annexes",
                    [
                        "get": operation(
                            "The annexes: each network workplan with its items", ok: ref("AnnexesAnswer"),
                            parameters: planParameters(withVersion: true), errors: [400])
                    ]
                ),
                (
                    "/api/v1/ledger",
                    [
                        "get": operation(
                            "Ledger entries, newest first", ok: ref("LedgerPage"),
                            parameters: [
                                queryParameter(
                                    "before", ["type": "integer", "minimum": 0], "Entries before this sequence"),
                                queryParameter(
                                    "limit", ["type": "integer", "minimum": 1, "maximum": 500],
                                    "Page size, 50 by default"),
                            ], errors: [400])
                    ]
                ),
                (
                    "/api/v1/ledger/{sequence}",
                    [
                        "get": operation(
                            "One ledger entry with its hashes", ok: ref("Entry"),
                            parameters: [pathParameter("sequence")], errors: [400, 404])
                    ]
                ),
            ] + checkpointPaths + reviewPaths + governancePaths + exportPaths + sessionPaths + searchPaths)

    /// The list, show, add and (if replaceable) replace operations of a record collection.
    static func record(
        _ plural: String, _ schema: String, filters: [(String, JSONValue)] = [], replaceable: Bool = false,
        codePath: String = "{code}", more: JSONValue = [:]
    ) -> [(String, JSONValue)] {
        let key = OpenAPISchemas.singular[schema] ?? schema.lowercased()
        let codeParameters = codePath.split(separator: "/").map { pathParameter(String($0.dropFirst().dropLast())) }
        var show: JSONValue = [
            "get": operation("One \(key)", ok: ref(schema), parameters: codeParameters, errors: [404])
        ]
        if replaceable {
            show = show.merging([
                "put": operation(
                    "Replace a \(key)'s record", ok: written(schema), parameters: codeParameters,
                    body: signed(key, ref(schema)), errors: [400, 404, 409, 413, 422])
            ])
        }
        return [
            (
                "/api/v1/\(plural)",
                [
                    "get": operation(
                        "List \(plural)",
                        ok: [
                            "type": "object", "required": ["asOf", "items"],
                            "properties": [
                                "asOf": ["type": "integer"], "items": ["type": "array", "items": ref(schema)],
                            ],
                        ],
                        parameters: filters.map { queryParameter($0.0, $0.1, "Only \(plural) with this \($0.0)") },
                        errors: [400]),
                    "post": operation(
                        "Record a new \(key)", ok: written(schema), okStatus: "201", body: signed(key, ref(schema)),
                        errors: [400, 409, 413, 422]),
                ]
            ),
            ("/api/v1/\(plural)/\(codePath)", show.merging(more)),
        ]
    }

    static func operation(
        _ summary: String, ok: JSONValue, okStatus: String = "200", parameters: [JSONValue] = [],
        body: JSONValue? = nil, errors: [Int]
    ) -> JSONValue {
        var responses: [(String, JSONValue)] = [
            (okStatus, ["description": "Success", "content": ["application/json": ["schema": ok]]])
        ]
        // Every operation may meet a bad API token (401) or a principal without the right (403).
        for status in Set(errors + [401, 403]).sorted() + [500, 503] {
            responses.append(
                (
                    "\(status)",
                    [
                        "description": .string(HTTPResponse.Status(code: status).reasonPhrase),
                        "content": ["application/problem+json": ["schema": ref("Problem")]],
                    ]
                ))
        }
        var value: JSONValue = ["summary": .string(summary), "responses": .object(responses)]
        if !parameters.isEmpty { value = value.merging(["parameters": .array(parameters)]) }
        if let body {
            value = value.merging([
                "requestBody": ["required": true, "content": ["application/json": ["schema": body]]]
            ])
        }
        return value
    }

    private static func planParameters(withVersion: Bool) -> [JSONValue] {
        (withVersion
            ? [queryParameter("version", enumeration("PlanVersion"), "current (default), archive or proposed")] : [])
            + [
                queryParameter(
                    "asOf", ["type": "integer", "minimum": 0], "Show the plan right after this ledger entry"),
                queryParameter("meeting", ["type": "string"], "Show the plan as it stood after this meeting"),
                queryParameter("edition", ["type": "integer", "minimum": 1], "Show the plan of this edition"),
            ]
    }

    static func signed(_ key: String, _ schema: JSONValue) -> JSONValue {
        [
            "type": "object", "required": ["authority", .string(key)],
            "properties": .object([("authority", ref("Authority")), (key, schema)]),
        ]
    }

    static func written(_ schema: String) -> JSONValue {
        [
            "type": "object", "required": ["entry", "value"],
            "properties": ["entry": ref("Entry"), "value": ref(schema)],
        ]
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static func enumeration(_ name: String) -> JSONValue { ref(name) }

    static func pathParameter(_ name: String) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
    }

    static func queryParameter(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
        [
            "name": .string(name), "in": "query", "required": false, "schema": schema,
            "description": .string(description),
        ]
    }
}
