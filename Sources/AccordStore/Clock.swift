import AccordCore
import Foundation

/// The store's one clock: entries are stamped when they are appended.
enum Clock {
    static func now() -> Timestamp {
        Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
