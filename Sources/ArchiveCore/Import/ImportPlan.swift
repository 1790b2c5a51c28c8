/// What to do with one file, decided from the ledger and the file's digest.
enum ImportPlan: Equatable {
    /// Nothing new: the same bytes were imported before (here, or under `copyOf`).
    case skip(copyOf: String?)
    /// Read from `start`; `reason` says why the start is not the beginning.
    case read(from: InputPosition, reason: Reason)

    enum Reason: Equatable {
        case new
        case forced
        case changed
        /// An earlier import stopped before the end.
        case interrupted
        /// Bytes were appended since the last import.
        case grown
    }

    static func decide(entry: FileLedger.Entry?, digest: FileDigest, copy: FileLedger.Entry?, force: Bool) -> ImportPlan {
        if force { return .read(from: .start, reason: .forced) }
        guard let entry else {
            if let copy { return .skip(copyOf: copy.path) }
            return .read(from: .start, reason: .new)
        }
        if digest.size == entry.size && digest.sha256 == entry.sha256 {
            return entry.isComplete ? .skip(copyOf: nil) : .read(from: entry.resume, reason: .interrupted)
        }
        if digest.size > entry.size, digest.prefixSHA256 == entry.sha256 {
            return .read(from: entry.resume, reason: entry.isComplete ? .grown : .interrupted)
        }
        if let copy { return .skip(copyOf: copy.path) }
        return .read(from: .start, reason: .changed)
    }
}
