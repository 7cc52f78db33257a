import ArgumentParser

/// The `accord` command: runs the server and looks after the database.
@main
struct Accord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "Accord: the Plan of Action of a consensus-based process, kept as a ledger of agreed changes.",
        subcommands: [
            Serve.self, LoadDemo.self, Migrate.self, Verify.self, RevisionReportCommand.self, CompareCommand.self,
            AgendaCommand.self, ReportsCommand.self, ExportCommand.self, ImportCommand.self, StatsCommand.self,
            UserCommand.self, CheckpointCommand.self, BackupCommand.self, RestoreCommand.self, SearchCommand.self,
            DigestCommand.self, AttachCommand.self, AttachmentsCommand.self,
        ])
}
