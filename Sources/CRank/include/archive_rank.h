#ifndef ARCHIVE_RANK_H
#define ARCHIVE_RANK_H
#include <sqlite3.h>

/// Registers the FTS5 ranking function `archive_rank(table, weight...)` on `db`:
/// bm25 with one weight per column, except that a query of one phrase is ranked
/// without bm25's inverse document frequency (see archive_rank.c). Returns SQLITE_OK,
/// or an error code when the connection has no FTS5.
int archive_rank_register(sqlite3 *db);

#endif
