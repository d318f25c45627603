/*
 * coopql.h — the C interface to CoopQL, a query language for Vietnamese cooperative data.
 *
 * Link with -lcoopql_c (the dynamic library product `coopql_c`).
 *
 * OWNERSHIP
 *  - Handles (coopql_engine, coopql_query, coopql_result) are created by coopql_open,
 *    coopql_prepare and coopql_execute and must be released exactly once with coopql_close,
 *    coopql_query_free and coopql_result_free. Releasing NULL does nothing. A query or result
 *    keeps its engine alive, so they may be freed in any order.
 *  - `char *` returned by coopql_result_json is the caller's: free it with coopql_free.
 *  - `const char *` returned by any other function is borrowed: it stays valid until the next
 *    call on the same handle (engine for errors, result for cells and names) or until that
 *    handle is freed. Copy it to keep it.
 *  - Strings passed in are only read during the call and must be NUL-terminated UTF-8; invalid
 *    UTF-8 is an error (COOPQL_ERROR), never a crash.
 *
 * ERRORS
 *  Functions returning int return COOPQL_OK (0) on success, COOPQL_ERROR (1) on a failure
 *  described by coopql_error_* on the engine, or COOPQL_MISUSE (2) when a required handle or
 *  pointer is NULL or an index is out of range (described too when the engine is known).
 *  Functions returning a handle return NULL on failure.
 *
 * THREADS
 *  One engine per thread: an engine and its queries and results must not be used by two
 *  threads at once. coopql_cancel is the one call that may come from another thread. Engines
 *  on different threads share nothing.
 *
 * FILES
 *  A new engine lets queries touch no files (`import` fails). coopql_allow_directory lets them
 *  read inside a folder; coopql_load_directory also allows the folder it loads.
 */
#ifndef COOPQL_H
#define COOPQL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define COOPQL_OK 0
#define COOPQL_ERROR 1
#define COOPQL_MISUSE 2

/* Cell and column types. COOPQL_OTHER is a list or nested table (read it as text or JSON). */
#define COOPQL_NULL 0
#define COOPQL_INT 1
#define COOPQL_DECIMAL 2
#define COOPQL_TEXT 3
#define COOPQL_BOOL 4
#define COOPQL_DATE 5
#define COOPQL_OTHER 6

typedef struct coopql_engine coopql_engine;
typedef struct coopql_query coopql_query;
typedef struct coopql_result coopql_result;
/* The arguments and result of one call of a host function (valid only during the callback). */
typedef struct coopql_call coopql_call;

/* The library's version, e.g. "1.0.0" (static). */
const char *coopql_version(void);

/* ---- Engine ---------------------------------------------------------------------------- */

/* A new engine with only the built-in `provinces` table. Never NULL. Free with coopql_close. */
coopql_engine *coopql_open(void);
/* Releases the engine (it lives on while queries or results made from it are not freed). */
void coopql_close(coopql_engine *engine);

/* Loads every data file of a folder as tables, and lets queries read inside it. */
int coopql_load_directory(coopql_engine *engine, const char *path);
/* Loads one CSV/JSON/JSON Lines file; table_name may be NULL (named after the file). */
int coopql_load_file(coopql_engine *engine, const char *path, const char *table_name);
/* Lets queries `import` files inside this folder. */
int coopql_allow_directory(coopql_engine *engine, const char *path);
/* "vi" (default) or "en": the language of labels and of rendered words. */
int coopql_set_language(coopql_engine *engine, const char *language);

/* Limits for each run; 0 (or a negative number) means no limit. Steps: statements, function
 * calls, stages and the rows stages give out. Rows and bytes: summed over all stage outputs.
 * A run over a limit fails with error kind "limit"; the engine stays usable. */
int coopql_set_limits(coopql_engine *engine, int64_t max_steps, int64_t max_rows,
                      int64_t max_bytes, double timeout_seconds);
/* Stops the run in progress on this engine (callable from another thread). */
void coopql_cancel(coopql_engine *engine);

/* ---- Host functions -------------------------------------------------------------------- */

/* A host function: read the arguments with coopql_call_arg_*, then set the result with one
 * coopql_call_return_* or fail with coopql_call_fail. Return COOPQL_OK, or anything else to
 * fail (the run stops with an error; nothing crashes). Called once per row for columns. */
typedef int (*coopql_function)(void *user_data, coopql_call *call);

/* Registers `name(arg1, …, argN)` taking `arity` arguments and returning `return_type`
 * (COOPQL_INT, COOPQL_DECIMAL, COOPQL_TEXT, COOPQL_BOOL or COOPQL_DATE). user_data is passed
 * back untouched and must outlive the engine. */
int coopql_register_function(coopql_engine *engine, const char *name, int arity, int return_type,
                             coopql_function function, void *user_data);

int coopql_call_arg_count(coopql_call *call);
int coopql_call_arg_type(coopql_call *call, int index);
int64_t coopql_call_arg_int(coopql_call *call, int index);
double coopql_call_arg_double(coopql_call *call, int index);
/* Borrowed until the callback returns; dates as "YYYY-MM-DD"; NULL for a null argument. */
const char *coopql_call_arg_text(coopql_call *call, int index);
void coopql_call_return_int(coopql_call *call, int64_t value);
void coopql_call_return_double(coopql_call *call, double value);
void coopql_call_return_text(coopql_call *call, const char *value);
void coopql_call_return_bool(coopql_call *call, int value);
void coopql_call_return_null(coopql_call *call);
/* Makes the call fail with this message (copied). */
void coopql_call_fail(coopql_call *call, const char *message);

/* ---- Queries --------------------------------------------------------------------------- */

/* Parses and checks a query once. NULL on error (see coopql_error_*). Free with
 * coopql_query_free. Text over 1 MB is refused with error kind "limit". A `$name` not bound yet
 * is not an error here: the query is checked again on its first execute, with the bound types. */
coopql_query *coopql_prepare(coopql_engine *engine, const char *text);
void coopql_query_free(coopql_query *query);

/* Binds a parameter read in the query as $name (a `param name = …` takes the bound value).
 * Values are typed and never spliced into the query text. */
int coopql_bind_int(coopql_query *query, const char *name, int64_t value);
int coopql_bind_double(coopql_query *query, const char *name, double value);
int coopql_bind_text(coopql_query *query, const char *name, const char *value);
int coopql_bind_bool(coopql_query *query, const char *name, int value);
int coopql_bind_date(coopql_query *query, const char *name, int year, int month, int day);
int coopql_bind_null(coopql_query *query, const char *name);
int coopql_clear_bindings(coopql_query *query);

/* Runs the query with its bindings. NULL on error. Free with coopql_result_free. */
coopql_result *coopql_execute(coopql_query *query);

/* ---- Results --------------------------------------------------------------------------- */

void coopql_result_free(coopql_result *result);
/* The result as JSON (a table is an array of objects). Caller frees with coopql_free. */
char *coopql_result_json(coopql_result *result);
/* Frees a string returned as owned (coopql_result_json). */
void coopql_free(void *pointer);

/* The result as rows and columns; a single value is one row of one column named "value". */
int64_t coopql_result_row_count(coopql_result *result);
int coopql_result_column_count(coopql_result *result);
const char *coopql_result_column_name(coopql_result *result, int column);
int coopql_result_column_type(coopql_result *result, int column);

/* The cursor: starts before the first row; returns 1 when it moved onto a row, 0 at the end. */
int coopql_result_next(coopql_result *result);
/* Cells of the current row. Wrong-type reads give 0 / 0.0; text gives any cell as text. */
int coopql_result_is_null(coopql_result *result, int column);
int64_t coopql_result_int(coopql_result *result, int column);
double coopql_result_double(coopql_result *result, int column);
int coopql_result_bool(coopql_result *result, int column);
/* Borrowed (see OWNERSHIP); NULL for a null cell; dates as "YYYY-MM-DD". */
const char *coopql_result_text(coopql_result *result, int column);

/* ---- Errors ---------------------------------------------------------------------------- */

/* The last error on this engine, or NULL/0 when the last call succeeded. Kind is one of
 * "syntax", "name", "type", "runtime", "data", "usage", "limit". Line and column count from 1;
 * 0 when the error has no position. */
const char *coopql_error_message(coopql_engine *engine);
const char *coopql_error_kind(coopql_engine *engine);
const char *coopql_error_suggestion(coopql_engine *engine);
int coopql_error_line(coopql_engine *engine);
int coopql_error_column(coopql_engine *engine);

#ifdef __cplusplus
}
#endif

#endif /* COOPQL_H */
