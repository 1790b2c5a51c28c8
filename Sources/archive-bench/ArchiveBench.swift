import ArgumentParser

/// The tools `make bench` drives: a deterministic corpus generator and in-process search timing.
/// Async because the generator spreads its work over a task group.
@main
struct ArchiveBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive-bench",
        abstract: "Benchmark helpers for `make bench`: corpus generation and in-process search timing.",
        subcommands: [CorpusCommand.self, CJKCorpusCommand.self, SearchTimingCommand.self])
}
