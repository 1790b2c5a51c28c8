// The ranking function of searches that read the CJK index (README, "Languages").
//
// FTS5's bm25 weighs every phrase of a query by its inverse document frequency (IDF),
// and to know that frequency it walks every document holding the phrase in the whole
// index before it ranks a single row. A four-character Chinese word is a phrase of
// three character pairs, and one character a prefix over every pair that starts with
// it: for common ones that walk was most of the search. When a query has one phrase,
// its IDF multiplies every row's score by the same number and cannot change the order,
// so it is left out. With several phrases the IDF weighs them against each other and is
// computed as bm25 does. Otherwise this is bm25: k1 = 1.2, b = 0.75, term frequencies
// weighted per column, document lengths against the average.
//
// Arguments: one weight per column, then optionally a flag: when it is not 0, every
// phrase counts as one (no IDF at all). The archive passes it for a prefix it has
// rewritten as the OR of the index terms under it (`econom*` as `econom OR economy OR
// ...`): FTS5 ranks a prefix as one phrase, and so, without the walks, does this.
// Then optionally the name of a table of packed document lengths (article_lengths,
// migrations/0013_rank_lengths.sql): a row's length is read there, 4,096 rows to a
// read, and from FTS5's docsize table (one read per row) only where that table does
// not know it. Both give the same number, so the scores are the same either way.

#include "archive_rank.h"
#include <math.h>
#include <string.h>

// The block of packed lengths the rows being ranked are in. FTS5 hands rows to the
// rank function in rowid order, so one block at a time is all the caching it needs.
typedef struct PackedLengths {
    sqlite3_stmt *statement;   // reads one block; NULL when no table was named or it cannot be read
    sqlite3_int64 block;       // the block in `bytes`, -1 before the first
    int count;                 // how many ids of that block its row reaches (0: no row)
    unsigned char bytes[ARCHIVE_LENGTHS_PER_BLOCK * 2];
} PackedLengths;

// What one query needs for every row, computed at its first row.
typedef struct QueryStatistics {
    int phrases;
    double averageLength;
    PackedLengths lengths;
    double idf[];  // one per phrase
} QueryStatistics;

static void free_statistics(void *pointer) {
    QueryStatistics *statistics = pointer;
    sqlite3_finalize(statistics->lengths.statement);
    sqlite3_free(statistics);
}

// Prepares the read of `table`'s blocks. Without the table (an archive an older
// binary made, opened read-only) every length comes from FTS5, as before it existed.
static void open_lengths(PackedLengths *lengths, sqlite3 *db, sqlite3_value *table) {
    lengths->statement = NULL;
    lengths->block = -1;
    lengths->count = 0;
    if (!table || sqlite3_value_type(table) != SQLITE_TEXT) return;
    char *sql = sqlite3_mprintf("SELECT lengths FROM main.\"%w\" WHERE block = ?1", (const char *)sqlite3_value_text(table));
    if (!sql) return;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &lengths->statement, NULL) != SQLITE_OK) {
        sqlite3_finalize(lengths->statement);
        lengths->statement = NULL;
    }
    sqlite3_free(sql);
}

// The stored length of `rowid`, or 0 when FTS5 must be asked. A block that cannot be
// read counts as missing: FTS5's own read of the same file then reports any real error.
static int stored_length(PackedLengths *lengths, sqlite3_int64 rowid) {
    if (!lengths->statement || rowid < 0) return 0;
    sqlite3_int64 block = rowid >> ARCHIVE_LENGTHS_BLOCK_BITS;
    if (block != lengths->block) {
        lengths->block = block;
        lengths->count = 0;
        sqlite3_bind_int64(lengths->statement, 1, block);
        if (sqlite3_step(lengths->statement) == SQLITE_ROW) {
            const void *blob = sqlite3_column_blob(lengths->statement, 0);
            int size = sqlite3_column_bytes(lengths->statement, 0);
            if (size > (int)sizeof(lengths->bytes)) size = (int)sizeof(lengths->bytes);
            if (blob && size > 0) {
                memcpy(lengths->bytes, blob, (size_t)size);
                lengths->count = size / 2;
            }
        }
        sqlite3_reset(lengths->statement);
    }
    int index = (int)(rowid & (ARCHIVE_LENGTHS_PER_BLOCK - 1));
    if (index >= lengths->count) return 0;
    int length = lengths->bytes[2 * index] | (lengths->bytes[2 * index + 1] << 8);
    return length == ARCHIVE_LENGTH_UNKNOWN_LARGE ? 0 : length;
}

static int count_document(const Fts5ExtensionApi *api, Fts5Context *context, void *count) {
    (void)api; (void)context;
    *(sqlite3_int64 *)count += 1;
    return SQLITE_OK;
}

static QueryStatistics *query_statistics(const Fts5ExtensionApi *api, Fts5Context *context, int asOnePhrase,
                                         sqlite3_value *lengthsTable, int *rc) {
    QueryStatistics *statistics = api->xGetAuxdata(context, 0);
    if (statistics) return statistics;
    int phrases = api->xPhraseCount(context);
    statistics = sqlite3_malloc64(sizeof(QueryStatistics) + sizeof(double) * (size_t)(phrases > 0 ? phrases : 1));
    if (!statistics) { *rc = SQLITE_NOMEM; return NULL; }
    statistics->phrases = phrases;
    open_lengths(&statistics->lengths, api->xUserData(context), lengthsTable);
    sqlite3_int64 rows = 0, tokens = 0;
    *rc = api->xRowCount(context, &rows);
    if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(context, -1, &tokens);
    statistics->averageLength = rows > 0 ? (double)tokens / (double)rows : 1.0;
    for (int phrase = 0; *rc == SQLITE_OK && phrase < phrases; phrase++) {
        if (phrases == 1 || asOnePhrase) { statistics->idf[phrase] = 1.0; continue; }
        sqlite3_int64 holding = 0;
        *rc = api->xQueryPhrase(context, phrase, &holding, count_document);
        // bm25's IDF, with its floor for phrases in more than half the documents.
        double idf = log((rows - holding + 0.5) / (holding + 0.5));
        statistics->idf[phrase] = idf > 1e-6 ? idf : 1e-6;
    }
    // xSetAuxdata frees what it is given when it fails.
    if (*rc == SQLITE_OK) *rc = api->xSetAuxdata(context, statistics, free_statistics);
    else free_statistics(statistics);
    return *rc == SQLITE_OK ? statistics : NULL;
}

static void archive_rank(const Fts5ExtensionApi *api, Fts5Context *context, sqlite3_context *result, int argumentCount, sqlite3_value **arguments) {
    const double k1 = 1.2, b = 0.75;
    int rc = SQLITE_OK;
    int columns = api->xColumnCount(context);
    int asOnePhrase = argumentCount > columns && sqlite3_value_int(arguments[columns]) != 0;
    sqlite3_value *lengthsTable = argumentCount > columns + 1 ? arguments[columns + 1] : NULL;
    QueryStatistics *statistics = query_statistics(api, context, asOnePhrase, lengthsTable, &rc);
    if (!statistics) { sqlite3_result_error_code(result, rc); return; }
    enum { maximumPhrases = 64 };
    double frequency[maximumPhrases];
    int phrases = statistics->phrases < maximumPhrases ? statistics->phrases : maximumPhrases;
    memset(frequency, 0, sizeof(frequency));
    int instances = 0;
    rc = api->xInstCount(context, &instances);
    for (int index = 0; rc == SQLITE_OK && index < instances; index++) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(context, index, &phrase, &column, &offset);
        if (rc != SQLITE_OK || phrase >= phrases) continue;
        if (asOnePhrase) phrase = 0;
        // A column without a weight given counts 1, as in bm25.
        frequency[phrase] += column < argumentCount ? sqlite3_value_double(arguments[column]) : 1.0;
    }
    int length = rc == SQLITE_OK ? stored_length(&statistics->lengths, api->xRowid(context)) : 0;
    if (rc == SQLITE_OK && length == 0) rc = api->xColumnSize(context, -1, &length);
    if (rc != SQLITE_OK) { sqlite3_result_error_code(result, rc); return; }
    double score = 0.0;
    double norm = k1 * (1.0 - b + b * (double)length / statistics->averageLength);
    for (int phrase = 0; phrase < (asOnePhrase ? 1 : phrases); phrase++) {
        score += statistics->idf[phrase] * frequency[phrase] * (k1 + 1.0) / (frequency[phrase] + norm);
    }
    // Smaller is better, as with bm25 and FTS5's rank.
    sqlite3_result_double(result, -score);
}

int archive_rank_register(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    // The connection is the function's user data: the packed lengths are read on it.
    return api->xCreateFunction(api, "archive_rank", db, archive_rank, NULL);
}
