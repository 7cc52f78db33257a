/// Signing in and out: the session a browser or a script keeps by cookie.
extension OpenAPIDocument {
    static var sessionPaths: [(String, JSONValue)] {
        [
            (
                "/api/v1/session",
                [
                    "post": operation(
                        "Sign in: sets the __Host-accord-session cookie and returns the anti-forgery token that "
                            + "every state-changing request signed in by that cookie sends as X-CSRF-Token",
                        ok: ref("Session"),
                        body: [
                            "type": "object", "required": ["username", "password"],
                            "properties": ["username": ["type": "string"], "password": ["type": "string"]],
                        ], errors: [400, 422, 429]),
                    "get": operation("Who is signed in", ok: ref("Session"), errors: []),
                    "delete": noContent("Sign out: the session is destroyed and the cookie cleared"),
                ]
            )
        ]
    }

    /// An operation whose success has no body.
    private static func noContent(_ summary: String) -> JSONValue {
        guard case .object(var fields) = operation(summary, ok: ["type": "null"], errors: []),
            let index = fields.firstIndex(where: { $0.0 == "responses" }), case .object(var responses) = fields[index].1
        else { return [:] }
        responses[0] = ("204", ["description": "Done"])
        fields[index].1 = .object(responses)
        return .object(fields)
    }
}

extension OpenAPISchemas {
    static var sessionSchemas: [(String, JSONValue)] {
        [
            (
                "Session",
                object(
                    ["username", "displayName", "role", "language"],
                    [
                        ("username", text), ("displayName", text),
                        (
                            "role",
                            [
                                "type": "string",
                                "enum": ["secretariat", "presidency", "delegate", "observer", "public"],
                            ]
                        ),
                        ("participant", text), ("language", text),
                        ("csrfToken", ["type": ["string", "null"]]),
                    ])
            )
        ]
    }
}
