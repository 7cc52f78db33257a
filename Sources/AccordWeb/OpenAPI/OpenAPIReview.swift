/// The second person's steps: the Presidency confirms or rejects a transcribed decision, and approves the
/// edition the Secretariat proposed (issue 17.2 and 17.4).
extension OpenAPIDocument {
    static var reviewPaths: [(String, JSONValue)] {
        let write: [Int] = [400, 404, 409, 413, 422]
        let decision = [pathParameter("meeting"), pathParameter("paragraph")]
        return [
            (
                "/api/v1/decisions/{meeting}/{paragraph}/confirm",
                [
                    "post": operation(
                        "Confirm a transcribed decision (the Presidency, someone other than its transcriber): it comes "
                            + "into force and its declared effects apply; the authority cites the decision itself",
                        ok: written("Decision"), parameters: decision, body: signedOnly, errors: write)
                ]
            ),
            (
                "/api/v1/decisions/{meeting}/{paragraph}/reject",
                [
                    "post": operation(
                        "Reject a transcribed decision (the Presidency), saying why: nothing of it applies; the "
                            + "authority cites the decision itself",
                        ok: written("Decision"), parameters: decision, body: signed("reason", ref("LocalizedText")),
                        errors: write)
                ]
            ),
            (
                "/api/v1/editions/{code}/approve",
                [
                    "post": operation(
                        "Approve the proposed edition (the Presidency), citing the decision of the highest body that "
                            + "approves the revised plan; refused while a challenge is held",
                        ok: written("Edition"), parameters: [pathParameter("code")], body: signedOnly, errors: write)
                ]
            ),
        ]
    }
}
