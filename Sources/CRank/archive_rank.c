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

#include "archive_rank.h"
#include <math.h>
#include <string.h>

// What one query needs for every row, computed at its first row.
typedef struct QueryStatistics {
    int phrases;
    double averageLength;
    double idf[];  // one per phrase
} QueryStatistics;

static int count_document(const Fts5ExtensionApi *api, Fts5Context *context, void *count) {
    (void)api; (void)context;
    *(sqlite3_int64 *)count += 1;
    return SQLITE_OK;
}

static QueryStatistics *query_statistics(const Fts5ExtensionApi *api, Fts5Context *context, int asOnePhrase, int *rc) {
    QueryStatistics *statistics = api->xGetAuxdata(context, 0);
    if (statistics) return statistics;
    int phrases = api->xPhraseCount(context);
    statistics = sqlite3_malloc64(sizeof(QueryStatistics) + sizeof(double) * (size_t)(phrases > 0 ? phrases : 1));
    if (!statistics) { *rc = SQLITE_NOMEM; return NULL; }
    statistics->phrases = phrases;
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
    if (*rc == SQLITE_OK) *rc = api->xSetAuxdata(context, statistics, sqlite3_free);
    else sqlite3_free(statistics);
    return *rc == SQLITE_OK ? statistics : NULL;
}

static void archive_rank(const Fts5ExtensionApi *api, Fts5Context *context, sqlite3_context *result, int argumentCount, sqlite3_value **arguments) {
    const double k1 = 1.2, b = 0.75;
    int rc = SQLITE_OK;
    int columns = api->xColumnCount(context);
    int asOnePhrase = argumentCount > columns && sqlite3_value_int(arguments[columns]) != 0;
    QueryStatistics *statistics = query_statistics(api, context, asOnePhrase, &rc);
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
    int length = 0;
    if (rc == SQLITE_OK) rc = api->xColumnSize(context, -1, &length);
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
    return api->xCreateFunction(api, "archive_rank", NULL, archive_rank, NULL);
}
