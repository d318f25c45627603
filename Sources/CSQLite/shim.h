// Debian's SQLite library (libsqlite3-dev): the differential tests compare CoopQL with it.
#include <sqlite3.h>
