import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Minimal HTTP for talking to a server the tests started on loopback.
enum HTTP {
    /// Polls `url` for up to 30 s and returns the first 200 answer's body.
    static func waitUntilUp(_ url: String) async -> String? {
        for _ in 0..<120 {
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
