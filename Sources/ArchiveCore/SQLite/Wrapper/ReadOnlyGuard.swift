import CSQLite

/// What a read-only connection lets a user's SQL do, enforced by SQLite's authorizer at
/// prepare time. It is a second wall behind SQLITE_OPEN_READONLY and `query_only`:
/// those stop writes to the file, this also stops ATTACH (which could create files),
/// `load_extension`, and pragmas that change how the connection behaves. What it
/// refused last is kept, to tell the user.
final class ReadOnlyGuard {
    /// Pragmas that only report, called bare or with a table or index name.
    static let reportingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
        "compile_options", "database_list", "collation_list", "function_list", "module_list",
        "pragma_list", "page_count", "page_size", "freelist_count", "schema_version", "data_version", "encoding",
    ]
    /// Pragmas that set a value when given one, and report it when called bare.
    static let settingPragmas: Set<String> = ["user_version", "application_id"]

    var lastRefusal: String?

    /// Installs the guard for the statements prepared until `remove(from:)`. The
    /// connection holds it meanwhile, so the pointer SQLite calls back with stays valid.
    static func install(on connection: Connection) -> ReadOnlyGuard {
        let guardian = ReadOnlyGuard()
        connection.authorizer = guardian
        sqlite3_set_authorizer(connection.handle, { context, action, first, second, _, _ in
            let guardian = Unmanaged<ReadOnlyGuard>.fromOpaque(context!).takeUnretainedValue()
            return guardian.decide(action: action, first: first.map { String(cString: $0) }, second: second.map { String(cString: $0) })
        }, Unmanaged.passUnretained(guardian).toOpaque())
        return guardian
    }

    /// Lets the connection's own statements (the archive's queries) run unguarded again.
    static func remove(from connection: Connection) {
        sqlite3_set_authorizer(connection.handle, nil, nil)
        connection.authorizer = nil
    }

    func decide(action: Int32, first: String?, second: String?) -> Int32 {
        let verdict = Self.verdict(action: action, first: first, second: second)
        if verdict != SQLITE_OK { lastRefusal = Self.describe(action: action, first: first, second: second) }
        return verdict
    }

    static func verdict(action: Int32, first: String?, second: String?) -> Int32 {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_FUNCTION:
            // For SQLITE_FUNCTION the second argument is the function's name.
            let name = (second ?? "").lowercased()
            return name == "load_extension" || name == "writefile" ? SQLITE_DENY : SQLITE_OK
        case SQLITE_PRAGMA:
            guard let name = first?.lowercased() else { return SQLITE_DENY }
            if reportingPragmas.contains(name) { return SQLITE_OK }
            return settingPragmas.contains(name) && second == nil ? SQLITE_OK : SQLITE_DENY
        case SQLITE_UPDATE where first == "sqlite_master" || first == "sqlite_temp_master":
            // Opening a virtual table (the FTS5 index) asks this while it declares the
            // table's shape. It cannot become a write: SQLite refuses to modify the
            // schema table unless `writable_schema` is on, a pragma this guard refuses,
            // and the connection is read-only besides.
            return SQLITE_OK
        default:
            return SQLITE_DENY
        }
    }

    static func describe(action: Int32, first: String?, second: String?) -> String {
        switch action {
        case SQLITE_INSERT: return "INSERT into \(first ?? "a table")"
        case SQLITE_UPDATE: return "UPDATE of \(first ?? "a table")"
        case SQLITE_DELETE: return "DELETE from \(first ?? "a table")"
        case SQLITE_ATTACH: return "ATTACH"
        case SQLITE_DETACH: return "DETACH"
        case SQLITE_FUNCTION: return "the function \(second ?? "?")"
        case SQLITE_PRAGMA: return "PRAGMA \(first ?? "?")" + (second.map { " = \($0)" } ?? "")
        case SQLITE_TRANSACTION: return "transactions"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_INDEX, SQLITE_CREATE_VIEW, SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TABLE,
             SQLITE_CREATE_TEMP_INDEX, SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TEMP_TRIGGER, SQLITE_CREATE_VTABLE:
            return "CREATE"
        case SQLITE_DROP_TABLE, SQLITE_DROP_INDEX, SQLITE_DROP_VIEW, SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TABLE,
             SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TEMP_TRIGGER, SQLITE_DROP_VTABLE:
            return "DROP"
        case SQLITE_ALTER_TABLE: return "ALTER TABLE"
        case SQLITE_REINDEX: return "REINDEX"
        case SQLITE_ANALYZE: return "ANALYZE"
        case SQLITE_SAVEPOINT: return "SAVEPOINT"
        default: return "this statement"
        }
    }
}
