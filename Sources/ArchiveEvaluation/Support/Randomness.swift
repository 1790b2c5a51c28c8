import ArchiveCore

/// The test sets draw from ArchiveCore's SplitMix64, the project's one reproducible
/// generator; this name lets the files here use it without each importing ArchiveCore.
typealias SplitMix64 = ArchiveCore.SplitMix64
