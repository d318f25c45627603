/* A C host for CoopQL: loads a data folder, adds a host function, runs a prepared query with
 * typed parameters, reads the result as JSON and with the cursor, and reports errors.
 *
 *   cc main.c -I../../../include -L<build>/debug -lcoopql_c -Wl,-rpath,<build>/debug -o embed
 *   ./embed ../../data
 */
#include <stdio.h>
#include <string.h>
#include "coopql.h"

/* initials("Bắc Ninh") -> "BN": a host function; fails on purpose for the text "boom". */
static int initials(void *user_data, coopql_call *call) {
    (void)user_data;
    const char *s = coopql_call_arg_text(call, 0);
    if (s == NULL) { coopql_call_return_null(call); return COOPQL_OK; }
    if (strcmp(s, "boom") == 0) { coopql_call_fail(call, "boom is not a name"); return COOPQL_ERROR; }
    char out[64]; size_t n = 0; int start = 1;
    for (const char *p = s; *p && n < sizeof out - 1; p++) {
        if (*p == ' ') { start = 1; continue; }
        if (start) { out[n++] = *p; start = 0; }
    }
    out[n] = 0;
    coopql_call_return_text(call, out);
    return COOPQL_OK;
}

static void print_error(coopql_engine *db) {
    const char *suggestion = coopql_error_suggestion(db);
    printf("error %s at %d:%d: %s%s%s\n", coopql_error_kind(db), coopql_error_line(db),
           coopql_error_column(db), coopql_error_message(db), suggestion ? "; " : "", suggestion ? suggestion : "");
}

int main(int argc, char **argv) {
    coopql_engine *db = coopql_open();
    if (argc > 1 && coopql_load_directory(db, argv[1]) != COOPQL_OK) { print_error(db); coopql_close(db); return 1; }
    coopql_register_function(db, "initials", 1, COOPQL_TEXT, initials, NULL);

    coopql_query *q = coopql_prepare(db,
        "cooperatives | where members >= $min and province == $province"
        " | select name, members, founded, tag = initials(province) | sort by members desc | take 3");
    if (!q) { print_error(db); coopql_close(db); return 1; }
    coopql_bind_int(q, "min", 20);
    coopql_bind_text(q, "province", "Bắc Kạn");
    coopql_result *r = coopql_execute(q);
    if (!r) { print_error(db); return 1; }
    printf("%lld rows, %d columns:", (long long)coopql_result_row_count(r), coopql_result_column_count(r));
    for (int c = 0; c < coopql_result_column_count(r); c++)
        printf(" %s/%d", coopql_result_column_name(r, c), coopql_result_column_type(r, c));
    printf("\n");
    while (coopql_result_next(r))
        printf("%s | %lld | %s | %s\n", coopql_result_text(r, 0), (long long)coopql_result_int(r, 1),
               coopql_result_text(r, 2), coopql_result_text(r, 3));
    coopql_result_free(r);

    /* The same query again with other values: not parsed or checked again. */
    coopql_bind_int(q, "min", 50);
    r = coopql_execute(q);
    char *json = coopql_result_json(r);
    printf("json: %s\n", json);
    coopql_free(json);
    coopql_result_free(r);
    coopql_query_free(q);

    /* A scalar result, and a date parameter. */
    q = coopql_prepare(db, "cooperatives | where founded >= $since | count");
    coopql_bind_date(q, "since", 2020, 1, 1);
    r = coopql_execute(q);
    coopql_result_next(r);
    printf("founded since 2020: %lld\n", (long long)coopql_result_int(r, 0));
    coopql_result_free(r);
    coopql_query_free(q);

    /* Errors: a misspelt column, a failing host function, a step limit. */
    q = coopql_prepare(db, "cooperatives | where membrs > 10");
    if (!q) print_error(db);
    q = coopql_prepare(db, "initials(\"boom\")");
    r = q ? coopql_execute(q) : NULL;
    if (!r) print_error(db);
    coopql_query_free(q);
    coopql_set_limits(db, 5, 0, 0, 0);
    q = coopql_prepare(db, "members | where birth_year > 1980 | count");
    r = coopql_execute(q);
    if (!r) print_error(db);
    coopql_query_free(q);
    coopql_close(db);
    return 0;
}
