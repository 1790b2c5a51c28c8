import ArgumentParser
import ArchiveCore
import Foundation

/// The documented exit codes (README, "Exit codes").
enum Exit {
    static let failure: Int32 = 1
    static let partial: Int32 = 2
    static let notFound: Int32 = 3
    static let badQuery: Int32 = 4
    static let checkFailed: Int32 = 5
}

/// Runs a command's work, turning every error into one line on stderr and its exit code.
func perform(_ work: () throws -> Void) throws {
    do {
        try work()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as ValidationError {
        throw error
    } catch {
        let (message, code) = describe(error)
        Terminal.error(message)
        throw ExitCode(code)
    }
}

func describe(_ error: Error) -> (String, Int32) {
    switch error {
    case let error as SearchError:
        if case .invalidQuery = error { return ("\(error) (see FTS5 query syntax, or drop --raw)", Exit.badQuery) }
        return (error.description, Exit.badQuery)
    case let error as SQLRefusal:
        switch error {
        case .notAllowed(let what): return ("refused: `archive sql` only reads; not allowed: \(what)", Exit.badQuery)
        case .wouldWrite: return ("refused: `archive sql` only reads; this statement would write", Exit.badQuery)
        }
    case let error as ArchiveError:
        if case .missing(let path) = error { return ("\(error) (create one with `archive import DUMP --db \(path)`)", Exit.failure) }
        return (error.description, Exit.failure)
    case let error as WriteError where error.isDiskFull:
        return ("\(error.description): no room to write; nothing was lost", Exit.failure)
    case let error as WriteError:
        return (error.description, Exit.failure)
    case let error as ReadError:
        return (error.description, Exit.failure)
    case let error as SQLiteError:
        if error.isDiskFull {
            let what = error.systemErrno == EFBIG ? "the file size limit (ulimit -f) was reached" : "the disk is full"
            return ("\(what): \(error.message); everything up to the last commit is kept; run the same command again with room", Exit.failure)
        }
        if error.isIOError, let limit = fileSizeLimit {
            // SQLite does not always keep the errno of a failed write; a finite file-size
            // limit is then the likely cause.
            return ("a write failed (\(error.message)): the file size limit (ulimit -f, \(humanBytes(limit))) was probably reached; "
                    + "everything up to the last commit is kept; run the same command again without the limit", Exit.failure)
        }
        return ("SQLite: \(error.message)", Exit.failure)
    case let error as NotFound:
        return (error.message, Exit.notFound)
    default:
        return ("\(error)", Exit.failure)
    }
}

/// The process's file-size limit in bytes, nil when unlimited.
var fileSizeLimit: Int64? {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
    return Int64(clamping: limit.rlim_cur)
}

struct NotFound: Error {
    let message: String
}
