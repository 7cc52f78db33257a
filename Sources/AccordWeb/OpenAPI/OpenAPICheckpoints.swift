/// The ledger's public anchors: the newest signed checkpoint, the chain's hashes without the entries, and the
/// witnesses' cosignatures (issue 17.5).
extension OpenAPIDocument {
    static var checkpointPaths: [(String, JSONValue)] {
        [
            (
                "/api/v1/ledger/checkpoint",
                [
                    "get": plainText(
                        "The newest checkpoint of the ledger's head, a C2SP signed note (c2sp.org/tlog-checkpoint: "
                            + "origin, size, base64 hash of the last entry, `time` line), with Accord's signature "
                            + "and each witness's cosignature; public",
                        errors: [404])
                ]
            ),
            (
                "/api/v1/ledger/checkpoint/cosignatures",
                [
                    "post": alsoAnswering(
                        "200", "Already kept", ref("Cosignature"),
                        operation(
                            "A member state's delegate cosigns a checkpoint as a witness "
                                + "(c2sp.org/tlog-cosignature, with the key registered for the account); 201 when kept, "
                                + "200 when that witness's cosignature of it was kept before",
                            ok: ref("Cosignature"), okStatus: "201",
                            body: [
                                "type": "object", "required": ["note"],
                                "properties": [
                                    "note": [
                                        "type": "string",
                                        "description": "The checkpoint as served, its cosignature line added",
                                    ]
                                ],
                            ], errors: [400, 404, 409, 413, 422]))
                ]
            ),
            (
                "/api/v1/ledger/hashes",
                [
                    "get": operation(
                        "The chain's hashes, oldest first, without the entries: public, to follow the chain from "
                            + "the genesis to a checkpoint",
                        ok: ref("HashPage"),
                        parameters: [
                            queryParameter(
                                "after", ["type": "integer", "minimum": 0], "Hashes of the entries after this one"),
                            queryParameter(
                                "limit", ["type": "integer", "minimum": 1, "maximum": 1000],
                                "Page size, 100 by default"),
                        ], errors: [400])
                ]
            ),
        ]
    }

    /// `operation` with one more success response.
    private static func alsoAnswering(
        _ status: String, _ description: String, _ schema: JSONValue, _ operation: JSONValue
    )
        -> JSONValue
    {
        editingResponses(of: operation) { responses in
            responses.insert(
                (status, ["description": .string(description), "content": ["application/json": ["schema": schema]]]),
                at: 0)
        }
    }

    /// A GET whose success is text, not JSON.
    private static func plainText(_ summary: String, errors: [Int]) -> JSONValue {
        editingResponses(of: operation(summary, ok: ["type": "string"], errors: errors)) { responses in
            responses[0] = (
                "200",
                [
                    "description": "The signed note",
                    "content": ["text/plain; charset=utf-8": ["schema": ["type": "string"]]],
                ]
            )
        }
    }

    /// `operation` with its responses (status, response) changed by `edit`.
    private static func editingResponses(of operation: JSONValue, _ edit: (inout [(String, JSONValue)]) -> Void)
        -> JSONValue
    {
        guard case .object(var fields) = operation, let index = fields.firstIndex(where: { $0.0 == "responses" }),
            case .object(var responses) = fields[index].1
        else { return operation }
        edit(&responses)
        fields[index].1 = .object(responses)
        return .object(fields)
    }
}

extension OpenAPISchemas {
    static var checkpointSchemas: [(String, JSONValue)] {
        [
            (
                "LedgerHash",
                object(
                    ["sequence", "hash", "previousHash", "recordedAt"],
                    [
                        ("sequence", ["type": "integer"]), ("hash", text), ("previousHash", text),
                        ("recordedAt", text),
                    ])
            ),
            (
                "HashPage",
                object(
                    ["head", "items"],
                    [("head", ref("LedgerHead")), ("items", array(ref("LedgerHash"))), ("next", ["type": "integer"])])
            ),
            (
                "Cosignature",
                object(
                    ["witness", "size", "time"],
                    [
                        ("witness", text), ("participant", text), ("size", ["type": "integer"]),
                        ("time", ["type": "integer"]),
                    ])
            ),
        ]
    }
}
