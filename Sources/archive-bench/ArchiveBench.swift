import ArgumentParser

/// The tools `make bench` drives: a deterministic corpus generator and in-process search timing.
struct ArchiveBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive-bench",
        abstract: "Benchmark helpers for `make bench`: corpus generation and in-process search timing.",
        subcommands: [CorpusCommand.self, SearchTimingCommand.self])
}
