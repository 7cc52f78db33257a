import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Minimal HTTP for talking to a server the tests started on loopback.
enum HTTP {
    /// Polls `url` for up to 30 s and returns the first 200 answer's body.
    static func waitUntilUp(_ url: String) async -> String? {
        // Up to two minutes: under the whole suite on two cores, `serve --demo` once took more than the 30 s
        // this waited before (a CI run of 2026-12-06), though it answers in a few seconds alone.
        for _ in 0..<480 {
            if let (data, response) = try? await URLSession.shared.data(from: URL(string: url)!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return String(decoding: data, as: UTF8.self)
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return nil
    }
}
