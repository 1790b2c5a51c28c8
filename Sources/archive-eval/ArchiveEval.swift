import ArgumentParser

@main
struct ArchiveEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive-eval",
        abstract: "Measure the archive's detection against labeled test sets.",
        subcommands: [DedupEvalCommand.self])
}
