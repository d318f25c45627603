/* Exercises every function of coopql.h, each limit and each kind of bad input. Prints one line
 * per failed check and "capi_check: N checks, F failed"; exits 1 if any failed.
 * Usage: capi_check DATA_DIR SCRATCH_DIR */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "coopql.h"

static int checks, failed;
#define CHECK(cond, what) do { checks++; if (!(cond)) { failed++; printf("FAILED %s (line %d)\n", what, __LINE__); } } while (0)

static int streq(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* add_tax(amount, rate): exercises every argument reader and every return kind. */
static int host(void *user_data, coopql_call *call) {
    int *calls = user_data;
    (*calls)++;
    if (coopql_call_arg_count(call) != 2) { coopql_call_fail(call, "two arguments"); return COOPQL_ERROR; }
    int t0 = coopql_call_arg_type(call, 0);
    if (t0 == COOPQL_NULL) { coopql_call_return_null(call); return COOPQL_OK; }
    if (t0 == COOPQL_TEXT) {
        const char *s = coopql_call_arg_text(call, 0);
        if (streq(s, "throw")) { coopql_call_fail(call, "the host said no"); return COOPQL_ERROR; }
        if (streq(s, "status")) return 7;  /* failing without a message */
        if (streq(s, "wrongtype")) { coopql_call_return_text(call, "text"); return COOPQL_OK; }
        if (streq(s, "badutf8")) { coopql_call_return_text(call, "\xff\xfe"); return COOPQL_OK; }
        if (streq(s, "bool")) { coopql_call_return_bool(call, 1); return COOPQL_OK; }
        coopql_call_return_int(call, (int64_t)strlen(s) + coopql_call_arg_int(call, 1));
        return COOPQL_OK;
    }
    if (t0 == COOPQL_DECIMAL) {
        coopql_call_return_double(call, coopql_call_arg_double(call, 0) * (1 + coopql_call_arg_double(call, 1)));
        return COOPQL_OK;
    }
    coopql_call_return_int(call, coopql_call_arg_int(call, 0) + coopql_call_arg_int(call, 1));
    return COOPQL_OK;
}

static int as_text(void *user_data, coopql_call *call) {
    (void)user_data;
    const char *s = coopql_call_arg_text(call, 0);
    coopql_call_return_text(call, s ? s : "null");
    /* out-of-range argument reads are harmless */
    return coopql_call_arg_text(call, 5) == NULL && coopql_call_arg_type(call, -1) == -1 ? COOPQL_OK : COOPQL_ERROR;
}

/* Runs a query and returns its single integer value, or -1 on error. */
static int64_t scalar(coopql_engine *db, const char *text) {
    coopql_query *q = coopql_prepare(db, text);
    if (!q) return -1;
    coopql_result *r = coopql_execute(q);
    coopql_query_free(q);
    if (!r) return -1;
    int64_t v = coopql_result_next(r) ? coopql_result_int(r, 0) : -1;
    coopql_result_free(r);
    return v;
}

static void *cancel_later(void *db) {
    usleep(200 * 1000);
    coopql_cancel(db);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: capi_check DATA_DIR SCRATCH_DIR\n"); return 2; }
    const char *data = argv[1], *scratch = argv[2];
    char path[4096];

    CHECK(streq(coopql_version(), "1.0.0"), "version");

    /* ---- NULL handles and pointers: errors, never crashes ---- */
    coopql_close(NULL);
    coopql_query_free(NULL);
    coopql_result_free(NULL);
    coopql_free(NULL);
    coopql_cancel(NULL);
    CHECK(coopql_load_directory(NULL, data) == COOPQL_MISUSE, "load_directory NULL engine");
    CHECK(coopql_prepare(NULL, "1") == NULL, "prepare NULL engine");
    CHECK(coopql_bind_int(NULL, "x", 1) == COOPQL_MISUSE, "bind NULL query");
    CHECK(coopql_clear_bindings(NULL) == COOPQL_MISUSE, "clear_bindings NULL");
    CHECK(coopql_execute(NULL) == NULL, "execute NULL");
    CHECK(coopql_result_json(NULL) == NULL, "json NULL");
    CHECK(coopql_result_next(NULL) == 0 && coopql_result_row_count(NULL) == 0 && coopql_result_column_count(NULL) == 0,
          "result readers NULL");
    CHECK(coopql_result_text(NULL, 0) == NULL && coopql_result_int(NULL, 0) == 0 && coopql_result_is_null(NULL, 0) == 1,
          "cell readers NULL");
    CHECK(coopql_error_message(NULL) == NULL && coopql_error_line(NULL) == 0, "errors NULL engine");
    CHECK(coopql_set_limits(NULL, 1, 1, 1, 1) == COOPQL_MISUSE, "set_limits NULL");
    CHECK(coopql_set_language(NULL, "en") == COOPQL_MISUSE, "set_language NULL");
    CHECK(coopql_allow_directory(NULL, data) == COOPQL_MISUSE, "allow NULL");
    CHECK(coopql_call_arg_count(NULL) == 0, "call NULL");
    coopql_call_return_int(NULL, 1);
    coopql_call_fail(NULL, "x");

    coopql_engine *db = coopql_open();
    CHECK(db != NULL, "open");
    CHECK(coopql_error_message(db) == NULL, "no error yet");
    CHECK(coopql_prepare(db, NULL) == NULL && streq(coopql_error_kind(db), "usage"), "prepare NULL text");
    CHECK(coopql_load_directory(db, NULL) == COOPQL_ERROR, "load NULL path");
    CHECK(coopql_load_file(db, NULL, NULL) == COOPQL_ERROR, "load_file NULL path");
    CHECK(coopql_register_function(db, "f", 1, COOPQL_INT, NULL, NULL) == COOPQL_MISUSE, "register NULL function");
    CHECK(coopql_register_function(db, NULL, 1, COOPQL_INT, host, NULL) == COOPQL_ERROR, "register NULL name");

    /* ---- invalid UTF-8 ---- */
    CHECK(coopql_prepare(db, "cooperatives | where name == \"\xff\xfe\"") == NULL, "prepare bad UTF-8");
    CHECK(streq(coopql_error_kind(db), "usage") && strstr(coopql_error_message(db), "UTF-8"), "bad UTF-8 message");
    CHECK(coopql_load_directory(db, "\xc3\x28") == COOPQL_ERROR, "load bad UTF-8");
    CHECK(coopql_register_function(db, "\xff", 1, COOPQL_INT, host, NULL) == COOPQL_ERROR, "register bad UTF-8");

    /* ---- data ---- */
    CHECK(coopql_load_directory(db, "/no/such/folder") == COOPQL_ERROR && coopql_error_message(db), "load missing folder");
    CHECK(coopql_load_directory(db, data) == COOPQL_OK, "load_directory");
    CHECK(coopql_error_message(db) == NULL, "success clears the error");
    snprintf(path, sizeof path, "%s/loans.csv", data);
    CHECK(coopql_load_file(db, path, "loans2") == COOPQL_OK, "load_file named");
    CHECK(coopql_load_file(db, path, NULL) == COOPQL_OK, "load_file");
    CHECK(scalar(db, "loans2 | count") == scalar(db, "loans | count") && scalar(db, "loans | count") > 0, "loaded tables");
    CHECK(coopql_set_language(db, "xx") == COOPQL_ERROR && coopql_error_suggestion(db) != NULL, "bad language");
    CHECK(coopql_set_language(db, "en") == COOPQL_OK, "set_language");

    /* ---- prepare, bind, execute, cursor, JSON ---- */
    coopql_query *q = coopql_prepare(db,
        "param since = date(\"2000-01-01\")\n"
        "cooperatives | where members >= $min and province == $province and founded >= $since"
        " and new_model == $flag and (charter_capital > $capital or $nothing is null)"
        " | select id, name, members, founded, value_chain, ratio = members / 2 | sort by id");
    CHECK(q != NULL, "prepare with parameters bound later");
    CHECK(coopql_bind_int(q, "min", 10) == COOPQL_OK, "bind_int");
    CHECK(coopql_bind_text(q, "province", "Bắc Kạn") == COOPQL_OK, "bind_text");
    CHECK(coopql_bind_date(q, "since", 2015, 1, 1) == COOPQL_OK, "bind_date");
    CHECK(coopql_bind_date(q, "since", 2015, 2, 30) == COOPQL_ERROR, "bind_date invalid");
    CHECK(coopql_bind_bool(q, "flag", 1) == COOPQL_OK, "bind_bool");
    CHECK(coopql_bind_double(q, "$capital", 1.5) == COOPQL_OK, "bind_double with $");
    CHECK(coopql_bind_null(q, "nothing") == COOPQL_OK, "bind_null");
    CHECK(coopql_bind_text(q, "province", "\xff") == COOPQL_ERROR, "bind bad UTF-8");
    CHECK(coopql_bind_text(q, NULL, "x") == COOPQL_ERROR, "bind NULL name");
    CHECK(coopql_bind_text(q, "province", NULL) == COOPQL_ERROR, "bind NULL value");
    coopql_result *r = coopql_execute(q);
    CHECK(r != NULL, "execute");
    if (!r) printf("  error: %s\n", coopql_error_message(db));
    CHECK(coopql_result_row_count(r) > 0 && coopql_result_column_count(r) == 6, "shape");
    CHECK(streq(coopql_result_column_name(r, 1), "name") && coopql_result_column_name(r, 9) == NULL, "column names");
    CHECK(coopql_result_column_type(r, 0) == COOPQL_INT && coopql_result_column_type(r, 1) == COOPQL_TEXT
          && coopql_result_column_type(r, 3) == COOPQL_DATE && coopql_result_column_type(r, 4) == COOPQL_BOOL
          && coopql_result_column_type(r, 5) == COOPQL_DECIMAL && coopql_result_column_type(r, 7) == -1, "column types");
    CHECK(coopql_result_text(r, 0) == NULL, "no row before next");
    int rows = 0;
    while (coopql_result_next(r)) {
        rows++;
        CHECK(coopql_result_int(r, 2) >= 10, "int cell");
        CHECK(coopql_result_double(r, 5) * 2 == (double)coopql_result_int(r, 2), "double cell");
        CHECK(strlen(coopql_result_text(r, 3)) == 10, "date as text");
        CHECK(coopql_result_bool(r, 4) == 0 || coopql_result_bool(r, 4) == 1, "bool cell");
        CHECK(coopql_result_is_null(r, 1) == 0 && coopql_result_is_null(r, 42) == 1, "is_null");
        CHECK(coopql_result_int(r, 1) == 0, "wrong-type read gives 0");
    }
    CHECK(rows == coopql_result_row_count(r) && coopql_result_next(r) == 0, "cursor end");
    char *json = coopql_result_json(r);
    CHECK(json && json[0] == '[' && strstr(json, "\"name\""), "json");
    coopql_free(json);
    coopql_result_free(r);
    CHECK(coopql_clear_bindings(q) == COOPQL_OK, "clear_bindings");
    coopql_bind_int(q, "min", 1000000);
    r = coopql_execute(q);
    CHECK(r == NULL && coopql_error_message(db) != NULL, "execute with missing binding fails");
    coopql_bind_text(q, "province", "Bắc Kạn");
    coopql_bind_bool(q, "flag", 1);
    coopql_bind_double(q, "capital", 0);
    coopql_bind_null(q, "nothing");
    r = coopql_execute(q);
    CHECK(r != NULL && coopql_result_row_count(r) == 0, "rebound query");
    coopql_result_free(r);
    coopql_query_free(q);

    /* A scalar is one row of one column "value"; a null scalar reads as NULL text. */
    q = coopql_prepare(db, "null");
    r = coopql_execute(q);
    CHECK(r && coopql_result_row_count(r) == 1 && streq(coopql_result_column_name(r, 0), "value"), "scalar shape");
    CHECK(coopql_result_next(r) && coopql_result_is_null(r, 0) && coopql_result_text(r, 0) == NULL, "null scalar");
    coopql_result_free(r);
    coopql_query_free(q);

    /* ---- errors with positions ---- */
    CHECK(coopql_prepare(db, "cooperatives\n  | where membrs > 1") == NULL, "name error");
    CHECK(streq(coopql_error_kind(db), "name") && coopql_error_line(db) == 2 && coopql_error_column(db) == 11
          && strstr(coopql_error_suggestion(db), "members"), "error position and suggestion");
    CHECK(coopql_prepare(db, "cooperatives | where") == NULL && streq(coopql_error_kind(db), "syntax"), "syntax error");
    CHECK(coopql_prepare(db, "1 + \"a\"") == NULL && streq(coopql_error_kind(db), "type"), "type error");

    /* ---- host functions ---- */
    int calls = 0;
    CHECK(coopql_register_function(db, "add_tax", 2, COOPQL_INT, host, &calls) == COOPQL_OK, "register");
    CHECK(coopql_register_function(db, "as_text", 1, COOPQL_TEXT, as_text, NULL) == COOPQL_OK, "register text");
    CHECK(coopql_register_function(db, "sum", 1, COOPQL_INT, host, NULL) == COOPQL_ERROR, "register built-in name");
    CHECK(coopql_register_function(db, "g", 1, 99, host, NULL) == COOPQL_ERROR, "register bad type");
    CHECK(scalar(db, "add_tax(40, 2)") == 42, "host int");
    CHECK(scalar(db, "add_tax(\"abc\", 1)") == 4, "host text arg");
    CHECK(scalar(db, "int(add_tax(10.0, 0.5) * 10)") == -1, "declared int result used as int");
    CHECK(scalar(db, "cooperatives | where add_tax(members, 0) == members | count") == scalar(db, "cooperatives | count"),
          "host function per row");
    CHECK(calls > 3, "host called");
    CHECK(scalar(db, "add_tax(1)") == -1 && streq(coopql_error_kind(db), "type"), "host arity checked");
    CHECK(scalar(db, "add_tax(\"throw\", 1)") == -1 && strstr(coopql_error_message(db), "the host said no"), "host throws");
    CHECK(scalar(db, "add_tax(\"status\", 1)") == -1 && strstr(coopql_error_message(db), "status 7"), "host status");
    CHECK(scalar(db, "add_tax(\"wrongtype\", 1)") == -1 && streq(coopql_error_kind(db), "runtime"), "host wrong type");
    CHECK(scalar(db, "add_tax(\"badutf8\", 1)") == -1, "host bad UTF-8 result");
    CHECK(scalar(db, "add_tax(\"bool\", 1)") == -1, "host bool for int");
    CHECK(scalar(db, "add_tax(null, 1) ?? 5") == 5, "host null");
    q = coopql_prepare(db, "as_text(date(\"2024-02-29\"))");
    r = coopql_execute(q);
    CHECK(r && coopql_result_next(r) && streq(coopql_result_text(r, 0), "2024-02-29"), "host date argument");
    coopql_result_free(r);
    coopql_query_free(q);

    /* ---- limits: each gives a "limit" error and the engine stays usable ---- */
    CHECK(coopql_set_limits(db, 10, 0, 0, 0) == COOPQL_OK, "set steps");
    CHECK(scalar(db, "members | where birth_year > 0 | count") == -1 && streq(coopql_error_kind(db), "limit")
          && strstr(coopql_error_message(db), "step"), "step limit");
    CHECK(scalar(db, "1 + 1") == 2, "usable after step limit");
    coopql_set_limits(db, 0, 100, 0, 0);
    CHECK(scalar(db, "members | where birth_year > 0 | count") == -1 && strstr(coopql_error_message(db), "rows"), "row limit");
    coopql_set_limits(db, 0, 0, 1000, 0);
    CHECK(scalar(db, "members | where birth_year > 0 | select id") == -1 && strstr(coopql_error_message(db), "bytes"), "byte limit");
    coopql_set_limits(db, 0, 0, 0, 0.2);
    const char *slow = "fn f(n) = if n < 1 then 0 else f(n - 1) + 1\n"
                       "for i in 1..1000000 { if f(100) < 0 { print i } }\n1";
    CHECK(scalar(db, slow) == -1 && strstr(coopql_error_message(db), "time"), "time limit");
    coopql_set_limits(db, 0, 0, 0, 0);
    pthread_t thread;
    pthread_create(&thread, NULL, cancel_later, db);
    CHECK(scalar(db, slow) == -1 && strstr(coopql_error_message(db), "cancelled"), "cancel from another thread");
    pthread_join(thread, NULL);
    CHECK(scalar(db, "members | where birth_year > 0 | count") > 1000, "usable after limits");

    /* ---- bad input: huge and deeply nested queries ---- */
    size_t big = 10 * 1024 * 1024;
    char *huge = malloc(big + 1);
    for (size_t i = 0; i < big; i += 4) memcpy(huge + i, "1+1 ", 4);
    huge[big] = 0;
    CHECK(coopql_prepare(db, huge) == NULL && streq(coopql_error_kind(db), "limit"), "10 MB query");
    free(huge);
    size_t depth = 100000;
    char *deep = malloc(2 * depth + 2);
    memset(deep, '(', depth); deep[depth] = '1'; memset(deep + depth + 1, ')', depth); deep[2 * depth + 1] = 0;
    CHECK(coopql_prepare(db, deep) == NULL && streq(coopql_error_kind(db), "syntax"), "deeply nested query");
    free(deep);
    CHECK(scalar(db, "fn r(n) = r(n + 1)\nr(1)") == -1 && strstr(coopql_error_message(db), "nested"), "endless recursion");

    /* ---- files: none by default, then inside allowed folders only ---- */
    snprintf(path, sizeof path, "%s/lib.coop", scratch);
    FILE *f = fopen(path, "w");
    fputs("let answer = 42\n", f);
    fclose(f);
    char import[4200];
    snprintf(import, sizeof import, "import \"%s\"\nanswer", path);
    coopql_engine *fresh = coopql_open();
    CHECK(scalar(fresh, import) == -1 && strstr(coopql_error_message(fresh), "import"), "no file access by default");
    CHECK(coopql_allow_directory(fresh, scratch) == COOPQL_OK, "allow_directory");
    CHECK(scalar(fresh, import) == 42, "import inside allowed folder");
    CHECK(scalar(fresh, "import \"/etc/passwd\"\n1") == -1, "import outside allowed folder");
    coopql_close(fresh);

    /* A query and result outlive their engine handle safely. */
    coopql_engine *temp = coopql_open();
    q = coopql_prepare(temp, "provinces | count");
    coopql_close(temp);
    r = coopql_execute(q);
    CHECK(r && coopql_result_next(r) && coopql_result_int(r, 0) > 0, "query outlives engine");
    coopql_result_free(r);
    coopql_query_free(q);

    coopql_close(db);
    printf("capi_check: %d checks, %d failed\n", checks, failed);
    return failed ? 1 : 0;
}
