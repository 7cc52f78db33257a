import Crypto
import Foundation
import Hummingbird

/// The stylesheet and the small script, read once from the target's resources and served with a version
/// in their URL so that browsers may keep them for a year.
struct Assets: Sendable {
    let name: String
    let type: String
    let bytes: ByteBuffer
    let version: String

    static let stylesheet = Assets(resource: "accord", extension: "css", type: "text/css; charset=utf-8")
    static let script = Assets(resource: "accord", extension: "js", type: "text/javascript; charset=utf-8")

    init(resource: String, extension ext: String, type: String) {
        let data = Bundle.module.url(forResource: resource, withExtension: ext).flatMap { try? Data(contentsOf: $0) }
        let contents = data ?? Data()
        name = "\(resource).\(ext)"
        self.type = type
        bytes = ByteBuffer(bytes: contents)
        version = SHA256.hash(data: contents).prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    var path: String { "/assets/\(name)?v=\(version)" }

    static func add(to router: Router<AccordContext>) {
        for asset in [stylesheet, script] {
            router.get("assets/\(asset.name)") { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: asset.type, .cacheControl: "public, max-age=31536000, immutable"],
                    body: .init(byteBuffer: asset.bytes))
            }
        }
    }
}
