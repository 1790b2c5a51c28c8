import Foundation

/// Where the tools look for the BBC corpus unless told otherwise: `shared/corpora/bbc`
/// beside the package these sources were built from. Taken from the source path, not the
/// working directory, so `archive-eval` and `archive-bench` find the same folder from
/// wherever they are run.
public enum CorpusFolder {
    public static var bbc: String {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Corpus
            .deletingLastPathComponent()  // SyntheticNews
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/bbc").path
    }
}
