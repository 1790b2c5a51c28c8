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
        return (error.description, Exit.badQuery)
    case let error as SQLRefusal:
        return (error.message, Exit.badQuery)
    case let error as ArchiveError:
        return (error.description, Exit.failure)
    case let error as ReadError:
        return (error.description, Exit.failure)
    case let error as SQLiteError:
        if error.isDiskFull { return ("the disk is full: \(error.message); nothing after the last commit was written", Exit.failure) }
        return ("SQLite: \(error.message)", Exit.failure)
    case let error as NotFound:
        return (error.message, Exit.notFound)
    default:
        return ("\(error)", Exit.failure)
    }
}

struct NotFound: Error {
    let message: String
}
