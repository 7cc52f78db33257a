import Foundation
import NIOCore
import NIOPosix

/// Where digests are sent from: an SMTP server (plain SMTP, as a local relay or a loopback sink speaks it) and
/// the sender's address. Read once from the configuration; without a host no digest is sent.
public struct SMTPSettings: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var from: String
    /// The name Accord gives itself in EHLO.
    public var heloName: String

    public init(host: String, port: Int = 25, from: String, heloName: String = "accord.localhost") {
        self.host = host
        self.port = port
        self.from = from
        self.heloName = heloName
    }

    /// The settings from `ACCORD_SMTP_HOST`, `ACCORD_SMTP_PORT` and `ACCORD_SMTP_FROM`, or nil where no host
    /// is configured.
    public init?(environment: [String: String]) {
        guard let host = environment["ACCORD_SMTP_HOST"], !host.isEmpty else { return nil }
        self.init(
            host: host, port: environment["ACCORD_SMTP_PORT"].flatMap(Int.init) ?? 25,
            from: environment["ACCORD_SMTP_FROM"] ?? "accord@localhost")
    }
}

/// A small SMTP client (RFC 5321) over SwiftNIO: one message per connection, EHLO, MAIL, RCPT, DATA, QUIT.
///
/// No maintained Swift SMTP library is in the machine's package set, and a digest needs only this much: plain
/// SMTP to a relay the administrator configures (on the same host or network). STARTTLS and authentication
/// are not spoken; a relay that needs them is reached through a local MTA.
public enum SMTPClient {
    /// Why a message was not accepted, with the server's own reply.
    public struct Refused: Error, CustomStringConvertible {
        public var command: String
        public var reply: String
        public var description: String { "the SMTP server refused \(command): \(reply)" }
    }

    /// Sends one plain-text UTF-8 message to `recipients`.
    ///
    /// - Throws: `Refused` naming the command the server answered with an error; NIO's errors when it cannot
    ///   be reached.
    public static func send(
        subject: String, body: String, to recipients: [String], via settings: SMTPSettings, date: Date = Date()
    ) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            // A reply is one or more lines "250-…" ending with "250 …"; its code is the first three digits.
            func expect(_ code: String, after command: String) async throws {
                var reply: [String] = []
                while let line = try await lines.next() {
                    reply.append(line)
                    if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { break }
                }
                guard let last = reply.last, last.hasPrefix(code) else {
                    throw Refused(command: command, reply: reply.joined(separator: " / "))
                }
            }
            func say(_ line: String, expecting code: String) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await expect(code, after: line.split(separator: " ").first.map(String.init) ?? line)
            }
            try await expect("220", after: "the greeting")
            try await say("EHLO \(settings.heloName)", expecting: "250")
            try await say("MAIL FROM:<\(settings.from)>", expecting: "250")
            for recipient in recipients { try await say("RCPT TO:<\(recipient)>", expecting: "250") }
            try await say("DATA", expecting: "354")
            try await outbound.write(
                ByteBuffer(
                    string: message(subject: subject, body: body, from: settings.from, to: recipients, date: date)))
            try await expect("250", after: "the message")
            try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    /// The message as DATA carries it: headers, a UTF-8 body in CRLF lines with leading dots doubled, and the
    /// lone dot that ends it.
    static func message(subject: String, body: String, from: String, to recipients: [String], date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        // RFC 2047: a subject outside ASCII as one base64 encoded word.
        let encodedSubject =
            subject.allSatisfy(\.isASCII) ? subject : "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        var text = "From: <\(from)>\r\nTo: \(recipients.map { "<\($0)>" }.joined(separator: ", "))\r\n"
        text += "Subject: \(encodedSubject)\r\nDate: \(formatter.string(from: date))\r\n"
        text +=
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            text += (line.hasPrefix(".") ? "." : "") + line + "\r\n"
        }
        return text + ".\r\n"
    }
}

/// Splits what the server sends into lines without their CRLF.
struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
        let length = newline - buffer.readerIndex
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}
