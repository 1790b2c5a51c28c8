/// Where the stories come from.
public enum CorpusChoice: String, CaseIterable, Sendable {
    /// The BBC News corpus; an error when it is missing.
    case bbc
    /// The built-in news writer.
    case builtin
    /// The BBC corpus when present, else the built-in writer.
    case auto

    /// `auto` decided by what `folder` holds; the others as they are. Callers size their
    /// request by it: the BBC corpus has a fixed number of stories, the writer any number.
    public func resolved(folder: String) -> CorpusChoice {
        guard self == .auto else { return self }
        return BBCCorpus.isPresent(in: folder) ? .bbc : .builtin
    }
}
