// Why each setting (README, "Speed"):
//
// SQLITE_CONFIG_MEMSTATUS off: by default SQLite counts every allocation in global
// statistics guarded by one process-wide mutex. Connections that never share anything
// else then queue on it: `archive serve` answered a common word at half the rate with
// four reading threads, most of their time in futex waits. Nothing here reads those
// statistics (sqlite3_memory_used, the soft heap limit).

#include "sqlite_process.h"
#include <sqlite3.h>

int archive_sqlite_configure_process(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
