#ifndef ARCHIVE_RANK_H
#define ARCHIVE_RANK_H
#include <sqlite3.h>

/// Registers the FTS5 ranking function `archive_rank(table, weight..., [one phrase],
/// [lengths table])` on `db`: bm25 with one weight per column, except that a query of
/// one phrase is ranked without bm25's inverse document frequency, and document
/// lengths can come from a packed table (see archive_rank.c). Returns SQLITE_OK, or an
/// error code when the connection has no FTS5.
int archive_rank_register(sqlite3 *db);

/// Ids per row of a table of packed lengths (migrations/0013_rank_lengths.sql): a row
/// `block` holds the lengths of the ids from `block << ARCHIVE_LENGTHS_BLOCK_BITS`.
#define ARCHIVE_LENGTHS_BLOCK_BITS 12
#define ARCHIVE_LENGTHS_PER_BLOCK (1 << ARCHIVE_LENGTHS_BLOCK_BITS)
/// A stored length that stands for "ask FTS5": too long to fit in 16 bits.
#define ARCHIVE_LENGTH_UNKNOWN_LARGE 65535

#endif
