/// `GET /api/v1/search` (issue 19.5), described beside the other paths.
extension OpenAPIDocument {
    static var searchPaths: [(String, JSONValue)] {
        let hit: JSONValue = [
            "type": "object", "required": ["kind", "id", "language", "title"],
            "properties": [
                "kind": [
                    "type": "string",
                    "enum": [
                        "item", "decision", "draft", "proposal", "comment", "meeting", "participant", "body",
                        "workplan", "standing-item",
                    ],
                ],
                "id": ["type": "string"], "language": ref("Language"), "title": ref("LocalizedText"),
                "text": ref("LocalizedText"), "proposal": ["type": "string"],
            ],
        ]
        let results: JSONValue = [
            "type": "object", "required": ["query", "hits", "more"],
            "properties": [
                "query": ["type": "string"], "hits": ["type": "array", "items": hit], "more": ["type": "boolean"],
            ],
        ]
        let query: JSONValue = [
            "name": "q", "in": "query", "required": true, "schema": ["type": "string", "maxLength": 200],
            "description": "The words to find; each must begin a word of the same text, ignoring case and accents",
        ]
        return [
            (
                "/api/v1/search",
                [
                    "get": operation(
                        "Full-text search of items, decisions, drafts, proposals, comments, meetings, participants, "
                            + "bodies, workplans and standing items, as the reader may see them",
                        ok: results,
                        parameters: [
                            query,
                            queryParameter(
                                "limit", ["type": "integer", "minimum": 1, "maximum": 200],
                                "At most this many hits (default 50)"),
                            queryParameter(
                                "lang", ref("Language"), "The language to show a hit in where it matched in several"),
                        ], errors: [400, 422])
                ]
            )
        ]
    }
}
