#ifndef SQLITE_PROCESS_H
#define SQLITE_PROCESS_H

// Process-wide SQLite settings, made once before the first connection opens
// (sqlite3_config is variadic, which Swift cannot call). Returns SQLITE_OK, or
// SQLITE_MISUSE when SQLite was already in use and the settings could not change.
int archive_sqlite_configure_process(void);

#endif
