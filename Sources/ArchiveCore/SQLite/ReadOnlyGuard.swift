import CSQLite

/// What a read-only connection lets a user's SQL do, enforced by SQLite's authorizer at
/// prepare time. It is a second wall behind SQLITE_OPEN_READONLY and `query_only`:
/// those stop writes to the file, this also stops ATTACH (which could create files),
/// `load_extension`, and pragmas that change how the connection behaves.
enum ReadOnlyGuard {
    /// Pragmas that only report; any pragma given a value is refused.
    static let reportingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
        "compile_options", "database_list", "collation_list", "function_list", "module_list",
        "pragma_list", "page_count", "page_size", "freelist_count", "user_version",
        "application_id", "schema_version", "data_version", "encoding", "journal_mode",
    ]

    static func install(on connection: Connection) {
        sqlite3_set_authorizer(connection.handle, { _, action, first, second, _, _ in
            ReadOnlyGuard.decide(action: action, first: first.map { String(cString: $0) }, second: second.map { String(cString: $0) })
        }, nil)
    }

    static func decide(action: Int32, first: String?, second: String?) -> Int32 {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_FUNCTION:
            // For SQLITE_FUNCTION the second argument is the function's name.
            let name = (second ?? "").lowercased()
            return name == "load_extension" || name == "writefile" ? SQLITE_DENY : SQLITE_OK
        case SQLITE_PRAGMA:
            guard let name = first?.lowercased(), second == nil else { return SQLITE_DENY }
            return reportingPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY
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
}
