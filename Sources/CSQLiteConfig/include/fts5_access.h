#ifndef FTS5_ACCESS_H
#define FTS5_ACCESS_H

// FTS5's C API of a connection (an `fts5_api *`, for its tokenizers), or NULL when FTS5
// is missing. SQLite hands it out only through `SELECT fts5(?1)` with a pointer bound
// under the type "fts5_api_ptr", and sqlite3_bind_pointer needs that type string to
// outlive the statement, which a C string literal does. Typed `void *` here so that
// Swift sees sqlite3.h's types through one module only (CSQLite).
void *archive_fts5_api(void *db);

#endif
