import AccordCore
import AccordStore
import Foundation
import Logging
import ServiceLifecycle

/// How often `accord serve` sends the digests: every hour on the hour, or once a day at a time of day (UTC).
public enum DigestInterval: Sendable, Hashable, CustomStringConvertible {
    case hourly
    case daily(hour: Int, minute: Int)

    /// The default: every morning at 06:00 UTC.
    public static let daily = DigestInterval.daily(hour: 6, minute: 0)

    /// Reads `hourly`, `daily` (at 06:00 UTC) or `daily@HH:MM`; nil for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "hourly": self = .hourly
        case "daily": self = .daily
        default:
            let parts = text.lowercased().split(separator: "@", maxSplits: 1)
            guard parts.count == 2, parts[0] == "daily" else { return nil }
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard time.count == 2, time.allSatisfy({ $0.count == 2 }), let hour = Int(time[0]),
                let minute = Int(time[1]),
                (0..<24).contains(hour), (0..<60).contains(minute)
            else { return nil }
            self = .daily(hour: hour, minute: minute)
        }
    }

    /// The first time strictly after `date` at which digests are due.
    public func next(after date: Date) -> Date {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        switch self {
        case .hourly:
            return Date(timeIntervalSince1970: TimeInterval((seconds / 3600 + 1) * 3600))
        case .daily(let hour, let minute):
            let day = seconds - seconds % 86_400
            var due = day + Int64(hour * 3600 + minute * 60)
            if due <= seconds { due += 86_400 }
            return Date(timeIntervalSince1970: TimeInterval(due))
        }
    }

    public var description: String {
        switch self {
        case .hourly: "hourly"
        case .daily(let hour, let minute):
            "daily at \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute) UTC"
        }
    }
}

/// What one round of digests did, by account.
public struct DigestRound: Sendable, Equatable {
    /// Accounts whose digest the SMTP server accepted, with how many records it held.
    public var sent: [String: Int] = [:]
    /// Accounts with nothing new they may see: nothing was sent, and their position moved to the head.
    public var unchanged: [String] = []
    /// Accounts whose digest could not be sent, with the reason: their position stays, the next round retries.
    public var failed: [String: String] = [:]
    /// Accounts another server process is sending to right now.
    public var skipped: [String] = []
}

/// Sends each subscribed account the digest of what changed since its last one, at `interval`, while
/// `accord serve` runs: a `Service` of the server's `ServiceGroup`, which stops between rounds on a graceful
/// shutdown and lets a round in progress finish.
///
/// Each account's digest is read through the one read policy as that account may see it, in its language.
/// Its position moves only after the SMTP server accepted the message (or when it had nothing new), and never
/// backwards, so a failed send is retried the next round rather than lost. Several processes over one
/// PostgreSQL database take a lease on a subscription before sending it, so none is sent twice.
public struct DigestSender: Service {
    public let record: RecordService
    public let settings: SMTPSettings
    public let interval: DigestInterval
    /// The clock: injected, so that a test runs a round at a time of its choosing without sleeping.
    let now: @Sendable () -> Date
    let logger: Logger

    /// How long a lease on a subscription lasts: longer than any send takes, short enough that a process that
    /// died holding one delays that digest by one round at most.
    static let lease: Int64 = 10 * 60 * 1000

    public init(
        record: RecordService, settings: SMTPSettings, interval: DigestInterval = .daily,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "accord.digests")
    ) {
        self.record = record
        self.settings = settings
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    /// Waits for each due time and sends a round, until the service group shuts down.
    public func run() async throws {
        logger.info(
            "digests scheduled", metadata: ["interval": "\(interval)", "smtp": "\(settings.host):\(settings.port)"])
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let wait = max(interval.next(after: now()).timeIntervalSince(now()), 0)
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(Int64(wait * 1000))) }
            } catch {
                return
            }
            let round = await sendRound()
            logger.info(
                "digests sent",
                metadata: [
                    "sent": "\(round.sent.count)", "unchanged": "\(round.unchanged.count)",
                    "failed": "\(round.failed.count)",
                ])
        }
    }

    /// One round: each subscribed, active account's digest of what changed since its last one.
    public func sendRound() async -> DigestRound {
        var round = DigestRound()
        let subscriptions: [DigestSubscription]
        do {
            subscriptions = try await record.store.digestSubscriptions()
        } catch {
            logger.error("digests: cannot read the subscriptions", metadata: ["error": "\(error)"])
            return round
        }
        for subscription in subscriptions {
            let username = subscription.username
            let time = milliseconds(now())
            do {
                guard let account = try await record.store.account(named: username), !account.isDisabled else {
                    continue
                }
                guard try await record.store.claimDigest(of: username, at: time, until: time + Self.lease) else {
                    round.skipped.append(username)
                    continue
                }
                do {
                    let principal = Principal(account, csrfToken: nil)
                    let sent = try await Digests.send(
                        from: record, for: principal, language: principal.language,
                        since: subscription.digestedThrough, to: [subscription.address], via: settings)
                    try await record.store.recordDigest(of: username, through: sent.through, at: time)
                    if sent.count > 0 { round.sent[username] = sent.count } else { round.unchanged.append(username) }
                } catch {
                    try? await record.store.releaseDigest(of: username)
                    throw error
                }
            } catch {
                round.failed[username] = "\(error)"
                logger.warning("digest not sent", metadata: ["account": "\(username)", "error": "\(error)"])
            }
        }
        return round
    }

    private func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
}
