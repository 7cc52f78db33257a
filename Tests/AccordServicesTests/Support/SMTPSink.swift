import NIOCore
import NIOPosix

@testable import AccordServices

/// A real SMTP server on a loopback port that keeps every message it accepts: what a digest test sends to,
/// instead of a mock of the sender. It speaks the part of RFC 5321 a client needs to deliver one message.
final class SMTPSink: Sendable {
    /// One message as it arrived: the envelope and the DATA, dot-unstuffed.
    struct Message: Sendable {
        var from: String
        var recipients: [String]
        var data: String
    }

    private let server: NIOAsyncChannel<NIOAsyncChannel<String, ByteBuffer>, Never>
    private let inbox = Inbox()
    private let task: Task<Void, Never>
    let port: Int

    actor Inbox {
        var messages: [Message] = []
        func add(_ message: Message) { messages.append(message) }
    }

    init() async throws {
        server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        port = server.channel.localAddress?.port ?? 0
        let (server, inbox) = (server, inbox)
        task = Task {
            try? await server.executeThenClose { connections in
                for try await connection in connections {
                    try? await Self.serve(connection, inbox)
                }
            }
        }
    }

    /// The messages received so far.
    var messages: [Message] { get async { await inbox.messages } }

    func stop() async {
        try? await server.channel.close()
        task.cancel()
    }

    private static func serve(_ connection: NIOAsyncChannel<String, ByteBuffer>, _ inbox: Inbox) async throws {
        try await connection.executeThenClose { lines, out in
            func reply(_ text: String) async throws { try await out.write(ByteBuffer(string: text + "\r\n")) }
            try await reply("220 sink.localhost ESMTP test sink")
            var from = ""
            var recipients: [String] = []
            var data: [String]?
            for try await line in lines {
                if var body = data {
                    if line == "." {
                        await inbox.add(Message(from: from, recipients: recipients, data: body.joined(separator: "\n")))
                        data = nil
                        try await reply("250 queued")
                    } else {
                        body.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
                        data = body
                    }
                    continue
                }
                let command = line.prefix(4).uppercased()
                switch command {
                case "EHLO", "HELO": try await reply("250-sink.localhost\r\n250 8BITMIME")
                case "MAIL":
                    from = String(line.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" })
                    try await reply("250 sender ok")
                case "RCPT":
                    recipients.append(String(line.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" }))
                    try await reply("250 recipient ok")
                case "DATA":
                    data = []
                    try await reply("354 end with a lone dot")
                case "QUIT":
                    try await reply("221 bye")
                    return
                default: try await reply("502 not implemented")
                }
            }
        }
    }
}
