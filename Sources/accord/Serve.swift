import AccordDemo
import AccordStore
import AccordWeb
import ArgumentParser
import Foundation
import Hummingbird

/// `accord serve`: the JSON API (and, later, the pages) over the store.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Accord server.",
        discussion: """
            With --demo and no database named, the demo is loaded into a fresh accord-demo.sqlite (replaced \
            on every start), so your own accord.sqlite is never touched. With --demo and a database named, \
            that database must be empty.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Load the demo (the Regional Conference on Migration) into a fresh database first.")
    var demo = false

    func run() async throws {
        let logger = makeLogger()
        let location: StoreLocation
        if demo && !database.isExplicit {
            location = .sqlite(path: "accord-demo.sqlite")
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: "accord-demo.sqlite" + suffix)
            }
        } else {
            location = try database.location()
        }
        try await withStore(location, logger: logger) { store in
            if demo {
                try await loadDemo(into: store)
                let entries = try await store.head().sequence
                logger.info("demo loaded", metadata: ["entries": "\(entries)"])
            }
            logger.info("serving", metadata: ["database": "\(location)", "address": "http://\(hostname):\(port)"])
            let app = buildApplication(
                store: store, configuration: ServerConfiguration(hostname: hostname, port: port), logger: logger)
            try await app.runService()
        }
    }
}

/// Loads the demo into `store`, which must be empty.
func loadDemo(into store: Store) async throws {
    let head = try await store.head()
    guard head.sequence == 0 else {
        throw Failure(
            description:
                "accord: the database already holds \(head.sequence) ledger entries; the demo goes into an empty one")
    }
    try await store.append(Demo.changes)
}
