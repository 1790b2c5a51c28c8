import CSQLite
import CSQLiteConfig
import Synchronization

/// SQLite's own `unicode61` tokenizer, with `remove_diacritics 2` as articles_fts has it,
/// run on a piece of text outside any table (through FTS5's C API).
///
/// Why: articles_cjk is tokenized by FTS5's `ascii` tokenizer, which costs the one
/// writing thread far less per token than `unicode61` (the CJK index takes a token per
/// character of CJK text). `ascii` splits only at ASCII punctuation and folds only ASCII
/// letters, so text beyond ASCII that is not CJK (`「`, `。`, `café`) would reach it whole.
/// The reading threads give such a stretch to `unicode61` here and write the tokens it
/// finds with a space after each: `ascii` then finds exactly those tokens, and the
/// index holds the terms `unicode61` would have made (no rule of it written in Swift).
enum Unicode61Words {
    /// Runs `body` with a session whose calls share one tokenizer of the pool, taken at
    /// the first call and given back at the end: the stretches of one text (a CJK
    /// article has one between every two runs) take the pool's lock once, not each.
    static func session<R>(_ body: (inout Session) -> R) -> R {
        var session = Session()
        defer { session.tokenizer.map(pool.giveBack) }
        return body(&session)
    }

    struct Session {
        fileprivate var tokenizer: Tokenizer?

        /// Appends each token `unicode61` finds in the UTF-8 `text`, followed by a space.
        mutating func appendTokens(of text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
            guard !text.isEmpty else { return }
            let tokenizer = self.tokenizer ?? pool.borrow()
            self.tokenizer = tokenizer
            // unicode61 fails only when out of memory, which ends the process anyway.
            withUnsafeMutablePointer(to: &output) { output in
                text.withMemoryRebound(to: CChar.self) { text in
                    _ = tokenizer.module.xTokenize!(tokenizer.handle, output, FTS5_TOKENIZE_DOCUMENT, text.baseAddress, Int32(text.count)) {
                        context, _, token, length, _, _ in
                        let output = context!.assumingMemoryBound(to: [UInt8].self)
                        token!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                            output.pointee.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
                        }
                        output.pointee.append(0x20)
                        return SQLITE_OK
                    }
                }
            }
        }
    }

    private static let pool = Pool()

    /// One tokenizer object and the functions that run it.
    ///
    /// `@unchecked Sendable`: the pool hands each one to one caller at a time and takes
    /// it back before handing it out again (`borrow`, `giveBack`, under its lock); the
    /// object keeps only its own folding buffer and reads SQLite's constant tables, so
    /// it may move between threads between uses.
    fileprivate struct Tokenizer: @unchecked Sendable {
        let module: fts5_tokenizer
        let handle: OpaquePointer
    }

    /// Tokenizers not in use, made on demand: one per thread that tokenizes at once.
    private final class Pool: Sendable {
        private struct State {
            var idle: [Tokenizer] = []
            /// The connection whose FTS5 makes them, open for the life of the process.
            var source: (connection: OpaqueHandle, module: fts5_tokenizer, context: UnsafeMutableRawPointer?)?
        }

        /// `@unchecked Sendable`: used only under the pool's lock.
        private struct OpaqueHandle: @unchecked Sendable { let pointer: OpaquePointer }

        private let state = Mutex(State())

        func borrow() -> Tokenizer {
            state.withLock { state in
                if let tokenizer = state.idle.popLast() { return tokenizer }
                let source = state.source ?? Self.openSource()
                state.source = source
                var handle: OpaquePointer?
                let code = "remove_diacritics".withCString { name in
                    "2".withCString { value in
                        var arguments: [UnsafePointer<CChar>?] = [name, value]
                        return source.module.xCreate!(source.context, &arguments, 2, &handle)
                    }
                }
                guard code == SQLITE_OK, let handle else { fatalError("SQLite's unicode61 tokenizer could not be made (error \(code))") }
                return Tokenizer(module: source.module, handle: handle)
            }
        }

        func giveBack(_ tokenizer: Tokenizer) {
            state.withLock { $0.idle.append(tokenizer) }
        }

        /// A private in-memory connection and its `unicode61`. Failing here means this
        /// SQLite has no FTS5, without which no archive opens at all.
        private static func openSource() -> (connection: OpaqueHandle, module: fts5_tokenizer, context: UnsafeMutableRawPointer?) {
            // The process-wide settings go first, should this be SQLite's first use.
            Connection.configureProcess()
            var db: OpaquePointer?
            guard sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db,
                  let api = archive_fts5_api(UnsafeMutableRawPointer(db))?.assumingMemoryBound(to: fts5_api.self)
            else { fatalError("SQLite without FTS5: the archive needs it") }
            var module = fts5_tokenizer()
            var context: UnsafeMutableRawPointer?
            guard api.pointee.xFindTokenizer!(api, "unicode61", &context, &module) == SQLITE_OK else {
                fatalError("SQLite's FTS5 has no unicode61 tokenizer")
            }
            return (OpaqueHandle(pointer: db), module, context)
        }
    }
}
