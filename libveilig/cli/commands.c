/* veilig (the command-line tool): the subcommands. */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- the commands' own options ---- */

const cli_opt cli_opts_validate[] = {
    {OPT_STRICT, "strict", 0, 0, NULL, "exit with status 1 when there are warnings"},
    {0, NULL, 0, 0, NULL, NULL}};

const cli_opt cli_opts_query[] = {
    {OPT_CATEGORY, "category", 0, 1, "CODE", "measures of this category (deescalation, ...)"},
    {OPT_APPROACH, "approach", 0, 1, "CODE", "measures of this approach (prevention, ...)"},
    {OPT_TARGET, "target", 0, 1, "CODE", "measures for this target group (lgbtiq, ...)"},
    {OPT_TARGET, "target-group", 0, 1, "CODE", "the same as --target"},
    {OPT_SETTING, "setting", 0, 1, "CODE", "measures in this setting (nightlife, ...)"},
    {OPT_STAKEHOLDER_KIND, "stakeholder-kind", 0, 1, "CODE",
     "measures carried by a stakeholder of this kind (police, ...)"},
    {OPT_STAKEHOLDER, "stakeholder", 0, 1, "TEXT",
     "measures with a partner whose name or id has TEXT"},
    {OPT_STATUS, "status", 0, 1, "CODE",
     "measures with this status (planned, active, ended, unknown)"},
    {OPT_EVIDENCE, "evidence", 0, 1, "CODE", "measures with at least this evidence level"},
    {OPT_PROVINCE, "province", 0, 1, "CODE", "municipalities of this province (NL-OV, ...)"},
    {OPT_ACTIVE_ON, "active-on", 0, 1, "DATE", "measures active on this date (2024-06-01)"},
    {OPT_TEXT, "text", 0, 1, "TEXT",
     "measures whose texts contain TEXT (case and accents ignored)"},
    {OPT_MUNICIPALITY, "municipality", 0, 1, "CODE",
     "measures of this municipality (code or name)"},
    {OPT_OR, "or", 0, 0, NULL, "or: measures that match the options before it or after it"},
    {OPT_WHERE, "where", 0, 1, "EXPR",
     "the filters as text: \"category=bystander OR approach=prevention\""},
    {0, NULL, 0, 0, NULL, NULL}};

const cli_opt cli_opts_coverage[] = {
    {OPT_AXIS, "axis", 0, 1, "AXIS", "columns: category (default), approach or target_group"},
    {OPT_ACTIVE_ON, "active-on", 0, 1, "DATE", "count measures active on this date"},
    {OPT_ALL, "all", 0, 0, NULL, "count every measure, active or not"},
    {0, NULL, 0, 0, NULL, NULL}};

const cli_opt cli_opts_peers[] = {
    {OPT_K, "count", 'k', 1, "N", "how many peers (default 5)"},
    {OPT_ALL, "all", 0, 0, NULL, "peers of every municipality"},
    {OPT_AGAINST, "against", 0, 1, "FILE",
     "peers from FILE (\"builtin\": the bundled dataset), not from -f"},
    {0, NULL, 0, 0, NULL, NULL}};

const cli_opt cli_opts_diff[] = {
    {OPT_MUNICIPALITY, "municipality", 0, 1, "CODE", "only the changes of this municipality"},
    {0, NULL, 0, 0, NULL, NULL}};

const cli_opt cli_opts_schedule[] = {
    {OPT_DAYS, "days", 0, 1, "DAYS", "days of the window, e.g. fri,sat (default)"},
    {OPT_FROM, "from", 0, 1, "HH:MM", "start of the window (default 22:00)"},
    {OPT_TO, "to", 0, 1, "HH:MM", "end of the window (default 04:00, the next day)"},
    {OPT_ACTIVE_ON, "active-on", 0, 1, "DATE", "only measures active on this date"},
    {0, NULL, 0, 0, NULL, NULL}};

const cli_opt cli_opts_indicators[] = {
    {OPT_AS_OF, "as-of", 0, 1, "DATE", "ignore observations after this date"},
    {0, NULL, 0, 0, NULL, NULL}};

const cli_opt cli_opts_export[] = {
    {OPT_TABLE, "table", 0, 1, "TABLE", "measures (default), stakeholders or indicators"},
    {OPT_SHEET, "sheet", 0, 1, "SHEET",
     "a sheet for veilig import (measures, ...), or all: every sheet into -o FOLDER"},
    {OPT_LABELS, "labels", 0, 0, NULL, "with --sheet: headers and codes as labels of --lang"},
    {OPT_SEPARATOR, "separator", 0, 1, "CHAR", "with --sheet: , (default) or ; (decimal commas)"},
    {0, NULL, 0, 0, NULL, NULL}};

/* ---- helpers ---- */

#define NEED_MUNICIPALITY "municipality: give its code or name, such as GM0153 or Enschede"

/* Checks the number of operands. */
static int operands(const cli_ctx *ctx, size_t min, size_t max, const char *what) {
    size_t n = ctx->args.noperands;
    if (n < min)
        return cli_usage(ctx, "%s: missing %s", ctx->cmd->name, what);
    if (n > max)
        return cli_usage(ctx, "%s: unexpected argument \"%s\"", ctx->cmd->name,
                         ctx->args.operands[max]);
    return 0;
}

/* Emits a rendering: out from a veilig_render_* call that returned rc. */
static int finish(const cli_ctx *ctx, int rc, char *out, size_t len, const char *what) {
    int status = rc == VEILIG_OK ? cli_emit(ctx, out, len) : cli_fail_lib(rc, what);
    veilig_free(out);
    return status;
}

/* Loads the documents and finds the municipality of operand i. */
static int load_and_find(cli_ctx *ctx, const veilig_municipality **m, size_t i) {
    int status = cli_load_registry(ctx);
    if (!status && m)
        status = cli_find(m, ctx, ctx->args.operands[i]);
    return status;
}

/* ---- list, show ---- */

int cmd_list(cli_ctx *ctx) {
    int status = operands(ctx, 0, 0, "");
    if (!status)
        status = cli_load_registry(ctx);
    if (status)
        return status;
    char *out = NULL;
    size_t len = 0;
    int rc = veilig_render_list(&out, &len, ctx->reg, &ctx->ropts);
    return finish(ctx, rc, out, len, "listing the municipalities");
}

int cmd_show(cli_ctx *ctx) {
    const veilig_municipality *m = NULL;
    int status = operands(ctx, 1, 1, NEED_MUNICIPALITY);
    if (!status)
        status = load_and_find(ctx, &m, 0);
    if (status)
        return status;
    char *out = NULL;
    size_t len = 0;
    int rc = veilig_render_municipality(&out, &len, m, &ctx->ropts);
    return finish(ctx, rc, out, len, "showing the municipality");
}

/* ---- validate ---- */

typedef struct vrow_sink {
    veilig_format format;
    unsigned flags; /* VEILIG_REPORT_RAW */
    vg_buf out;
    size_t rows;
} vrow_sink;

static void vrow(vrow_sink *k, const char *file, int line, int column, const char *severity,
                 const char *rule, const char *pointer, const char *message) {
    vg_buf *b = &k->out;
    char num[2][32];
    snprintf(num[0], sizeof num[0], "%d", line);
    snprintf(num[1], sizeof num[1], "%d", column);
    switch (k->format) {
        case VEILIG_FORMAT_JSON:
            vg_buf_puts(b, k->rows ? ",\n  {" : "\n  {");
            vg_buf_puts(b, "\"file\": ");
            cli_buf_field(b, file, VEILIG_FORMAT_JSON, 0);
            vg_buf_puts(b, ", \"line\": ");
            vg_buf_puts(b, line > 0 ? num[0] : "null");
            vg_buf_puts(b, ", \"column\": ");
            vg_buf_puts(b, line > 0 ? num[1] : "null");
            vg_buf_puts(b, ", \"severity\": ");
            cli_buf_field(b, severity, VEILIG_FORMAT_JSON, 0);
            vg_buf_puts(b, ", \"rule\": ");
            cli_buf_field(b, rule, VEILIG_FORMAT_JSON, 0);
            vg_buf_puts(b, ", \"pointer\": ");
            cli_buf_field(b, pointer, VEILIG_FORMAT_JSON, 0);
            vg_buf_puts(b, ", \"message\": ");
            cli_buf_field(b, message, VEILIG_FORMAT_JSON, 0);
            vg_buf_puts(b, "}");
            break;
        case VEILIG_FORMAT_CSV:
        case VEILIG_FORMAT_MARKDOWN: {
            const char *cells[7] = {
                file,   line > 0 ? num[0] : "", line > 0 ? num[1] : "", severity, rule, pointer,
                message};
            if (k->format == VEILIG_FORMAT_MARKDOWN)
                vg_buf_puts(b, "|");
            for (int i = 0; i < 7; i++) {
                if (k->format == VEILIG_FORMAT_MARKDOWN) {
                    vg_buf_puts(b, " ");
                    cli_buf_field(b, cells[i], k->format, 0);
                    vg_buf_puts(b, " |");
                } else {
                    if (i)
                        vg_buf_puts(b, ",");
                    /* line and column are numbers, not text */
                    cli_buf_field(b, cells[i], k->format,
                                  i == 1 || i == 2 ? VEILIG_REPORT_RAW : k->flags);
                }
            }
            vg_buf_puts(b, "\n");
            break;
        }
        default:
            cli_buf_field(b, file, VEILIG_FORMAT_TEXT, 0);
            if (line > 0)
                vg_buf_printf(b, ":%d:%d", line, column);
            vg_buf_printf(b, ": %s [%s]", severity, rule);
            if (pointer && *pointer) {
                vg_buf_puts(b, " ");
                cli_buf_field(b, pointer, VEILIG_FORMAT_TEXT, 0);
            }
            vg_buf_puts(b, ": ");
            cli_buf_field(b, message, VEILIG_FORMAT_TEXT, 0);
            vg_buf_puts(b, "\n");
    }
    k->rows++;
}

static void vsink_begin(vrow_sink *k) {
    vg_buf_init_std(&k->out);
    k->rows = 0;
    if (k->format == VEILIG_FORMAT_JSON)
        vg_buf_puts(&k->out, "[");
    else if (k->format == VEILIG_FORMAT_CSV)
        vg_buf_puts(&k->out, "file,line,column,severity,rule,pointer,message\n");
    else if (k->format == VEILIG_FORMAT_MARKDOWN)
        vg_buf_puts(&k->out, "| file | line | column | severity | rule | pointer | message |\n"
                             "| --- | ---: | ---: | --- | --- | --- | --- |\n");
}

static void vsink_end(vrow_sink *k) {
    if (k->format == VEILIG_FORMAT_JSON)
        vg_buf_puts(&k->out, k->rows ? "\n]\n" : "]\n");
}

/* Validates one text, or the file at path when path is not NULL (read a part
   at a time, and its text only after the registry is freed, to locate what
   was found: never both in memory); pointers and messages quote the document,
   so every field is escaped for its format (cli_buf_field). Returns the worst
   status it gives. */
static int validate_text(vrow_sink *k, const cli_ctx *ctx, const char *name, const char *path,
                         const char *text, size_t len) {
    veilig_load_options lo;
    veilig_registry *reg = NULL;
    veilig_error err, errs[CLI_LOAD_ERRORS];
    size_t nerr = 0;
    memset(&err, 0, sizeof err);
    cli_load_options(&lo, ctx, name);
    lo.errors = errs;
    lo.max_errors = CLI_LOAD_ERRORS;
    lo.error_count = &nerr;
    int rc = path ? veilig_registry_load_file(&reg, path, &lo, &err)
                  : veilig_registry_load_string(&reg, text, len, &lo, &err);
    if (rc == VEILIG_ENOMEM)
        return cli_fail(CLI_EXIT_SOFTWARE, "%s: out of memory while loading it", name);
    if (rc != VEILIG_OK) {
        /* every schema error (up to the limit), else the one that stopped the load */
        const veilig_error *e = nerr ? errs : &err;
        for (size_t i = 0; i < (nerr ? nerr : 1); i++)
            vrow(k, name, e[i].line, e[i].column, "error", "load", e[i].pointer, e[i].message);
        return CLI_EXIT_INVALID;
    }
    veilig_diagnostics *d = NULL;
    rc = veilig_validate(&d, reg);
    veilig_registry_free(reg);
#ifdef __GLIBC__
    /* the registry's memory back to the system before the text comes in:
       glibc keeps freed heap pages otherwise, and the two would add up */
    malloc_trim(0);
#endif
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "validating");
    /* where each diagnostic points, all in one reading of the text */
    size_t nd = veilig_diagnostics_count(d);
    char *own = NULL;
    if (path && nd) {
        int s = cli_read_file(ctx, &own, &len, path);
        if (s) {
            veilig_diagnostics_free(d);
            return s;
        }
        text = own;
    }
    const char **pointers = calloc(nd ? nd : 1, sizeof *pointers);
    veilig_error *locs = calloc(nd ? nd : 1, sizeof *locs);
    if (!pointers || !locs) {
        free(pointers);
        free(locs);
        veilig_free(own);
        veilig_diagnostics_free(d);
        return cli_fail(CLI_EXIT_SOFTWARE, "%s: out of memory while validating it", name);
    }
    for (size_t i = 0; i < nd; i++)
        pointers[i] = veilig_diagnostics_get(d, i)->pointer;
    if (veilig_json_locate_many(locs, text, len, pointers, nd) != VEILIG_OK)
        memset(locs, 0, nd * sizeof *locs); /* no positions, the rows all the same */
    for (size_t i = 0; i < nd; i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(d, i);
        const char *sev = veilig_severity_name(x->severity);
        vrow(k, name, locs[i].line, locs[i].column, sev ? sev : "error", x->rule, x->pointer,
             x->message);
    }
    free(pointers);
    free(locs);
    veilig_free(own);
    int status = CLI_EXIT_OK;
    if (veilig_diagnostics_count_severity(d, VEILIG_SEVERITY_ERROR))
        status = CLI_EXIT_INVALID;
    else if (cli_args_has(&ctx->args, OPT_STRICT) &&
             veilig_diagnostics_count_severity(d, VEILIG_SEVERITY_WARNING))
        status = CLI_EXIT_STRICT;
    veilig_diagnostics_free(d);
    return status;
}

/* Which of two statuses is worse: 70 > 66 > 2 > 1 > 0. */
static int worse(int a, int b) {
    static const int order[] = {CLI_EXIT_OK, CLI_EXIT_STRICT, CLI_EXIT_INVALID, CLI_EXIT_NOINPUT,
                                CLI_EXIT_SOFTWARE};
    int ra = 0, rb = 0;
    for (int i = 0; i < 5; i++) {
        if (order[i] == a)
            ra = i;
        if (order[i] == b)
            rb = i;
    }
    return ra >= rb ? a : b;
}

int cmd_validate(cli_ctx *ctx) {
    const char *const *files = ctx->args.operands;
    size_t n = ctx->args.noperands;
    if (n && ctx->nfiles)
        return cli_usage(ctx, "validate: give the files either as arguments or with -f, not both");
    if (!n) {
        files = ctx->files;
        n = ctx->nfiles;
    }
    size_t stdin_uses = 0;
    for (size_t i = 0; i < n; i++)
        stdin_uses += strcmp(files[i], "-") == 0;
    if (stdin_uses > 1)
        return cli_usage(ctx, "validate: standard input (-) can be given only once");

    vrow_sink k;
    k.format = ctx->format;
    k.flags = ctx->csv_raw ? VEILIG_REPORT_RAW : 0;
    vsink_begin(&k);
    int status = CLI_EXIT_OK;
    if (!n) {
        size_t len = 0;
        const char *text = veilig_builtin_json(&len);
        status = validate_text(&k, ctx, "<builtin>", NULL, text, len);
    }
    for (size_t i = 0; i < n && status != CLI_EXIT_SOFTWARE; i++) {
        char *text = NULL;
        size_t len = 0;
        int from_stdin = strcmp(files[i], "-") == 0;
        int s = from_stdin ? cli_read_file(ctx, &text, &len, files[i]) : cli_can_open(files[i]);
        if (!s)
            s = validate_text(&k, ctx, cli_display_name(files[i]), from_stdin ? NULL : files[i],
                              text, len);
        veilig_free(text);
        status = worse(status, s);
    }
    vsink_end(&k);
    if (k.out.failed) {
        vg_buf_free(&k.out);
        return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    }
    if (status != CLI_EXIT_SOFTWARE) {
        int s = cli_emit(ctx, k.out.data ? k.out.data : "", k.out.len);
        if (s)
            status = s;
    }
    vg_buf_free(&k.out);
    return status;
}

/* ---- query ---- */

static int check_province(const char *value) {
    if (veilig_province_name(value, NULL))
        return 0;
    char valid[256];
    cli_province_list(valid, sizeof valid);
    return cli_fail(CLI_EXIT_USAGE, "unknown province \"%s\"; valid: %s", value, valid);
}

/* How a query option maps to a filter. */
typedef struct qmap {
    int opt;
    veilig_filter filter;
    veilig_vocab vocab; /* 0: not a vocabulary */
    const char *what;
} qmap;

static const qmap qmaps[] = {
    {OPT_CATEGORY, VEILIG_FILTER_CATEGORY, VEILIG_VOCAB_CATEGORY, "category"},
    {OPT_APPROACH, VEILIG_FILTER_APPROACH, VEILIG_VOCAB_APPROACH, "approach"},
    {OPT_TARGET, VEILIG_FILTER_TARGET_GROUP, VEILIG_VOCAB_TARGET_GROUP, "target group"},
    {OPT_SETTING, VEILIG_FILTER_SETTING, VEILIG_VOCAB_SETTING, "setting"},
    {OPT_STAKEHOLDER_KIND, VEILIG_FILTER_STAKEHOLDER_KIND, VEILIG_VOCAB_STAKEHOLDER_TYPE,
     "stakeholder kind"},
    {OPT_STAKEHOLDER, VEILIG_FILTER_STAKEHOLDER, (veilig_vocab)0, "stakeholder"},
    {OPT_STATUS, VEILIG_FILTER_STATUS, VEILIG_VOCAB_MEASURE_STATE, "status"},
    {OPT_EVIDENCE, VEILIG_FILTER_EVIDENCE, VEILIG_VOCAB_EVIDENCE, "evidence level"},
    {OPT_PROVINCE, VEILIG_FILTER_PROVINCE, (veilig_vocab)0, "province"},
    {OPT_ACTIVE_ON, VEILIG_FILTER_ACTIVE_ON, (veilig_vocab)0, "date"},
    {OPT_TEXT, VEILIG_FILTER_TEXT, (veilig_vocab)0, "text"},
    {OPT_MUNICIPALITY, VEILIG_FILTER_MUNICIPALITY, (veilig_vocab)0, "municipality"}};

/* Checks one value of a query option and adds it. */
static int query_add(cli_ctx *ctx, veilig_query *q, const qmap *map, const char *value) {
    int status = 0;
    veilig_date date;
    if (!*value)
        return cli_usage(ctx, "query: empty %s", map->what);
    if (map->vocab)
        status = cli_check_code(map->vocab, map->what, value);
    else if (map->opt == OPT_PROVINCE)
        status = check_province(value);
    else if (map->opt == OPT_ACTIVE_ON)
        status = cli_parse_date(&date, "--active-on", value);
    else if (map->opt == OPT_MUNICIPALITY) {
        const veilig_municipality *m = NULL;
        status = cli_find(&m, ctx, value);
    }
    if (status)
        return status;
    int rc = veilig_query_add(q, map->filter, value);
    if (rc == VEILIG_EINVAL) {
        const veilig_error *e = veilig_error_last();
        return cli_usage(ctx, "%s", e ? e->message : "query: invalid value");
    }
    return rc == VEILIG_OK ? 0 : cli_fail_lib(rc, "building the query");
}

/* Adds every value of an option; vocabulary codes may be given as a,b,c. */
static int query_option(cli_ctx *ctx, veilig_query *q, const qmap *map, const char *value) {
    if (!map->vocab || !strchr(value, ','))
        return query_add(ctx, q, map, value);
    size_t n = strlen(value);
    char *copy = malloc(n + 1);
    if (!copy)
        return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    memcpy(copy, value, n + 1);
    int status = 0;
    char *p = copy;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        status = query_add(ctx, q, map, p);
        if (status || !comma)
            break;
        p = comma + 1;
    }
    free(copy);
    return status;
}

int cmd_query(cli_ctx *ctx) {
    int status = operands(ctx, 0, 0, "");
    if (!status)
        status = cli_load_registry(ctx);
    if (status)
        return status;
    veilig_query *q = NULL;
    const char *where = cli_args_last(&ctx->args, OPT_WHERE);
    int rc;
    if (where) {
        for (size_t i = 0; i < ctx->args.nopts; i++) {
            int id = ctx->args.opts[i].opt->id;
            int filter = id == OPT_OR;
            for (size_t j = 0; j < sizeof qmaps / sizeof *qmaps; j++)
                filter |= qmaps[j].opt == id;
            if (filter)
                return cli_usage(ctx, "query: give the filters with --where or as options, not "
                                      "both");
        }
        veilig_error err;
        rc = veilig_query_parse(&q, where, &err);
        if (rc == VEILIG_ENOMEM)
            return cli_fail_lib(rc, "building the query");
        if (rc != VEILIG_OK)
            return cli_usage(ctx, "--where, column %d: %s", err.column, err.message);
    } else if ((rc = veilig_query_new(&q)) != VEILIG_OK) {
        return cli_fail_lib(rc, "building the query");
    }
    for (size_t i = 0; i < ctx->args.nopts && !status && !where; i++) {
        const cli_found *f = &ctx->args.opts[i];
        if (f->opt->id == OPT_OR && veilig_query_or(q) != VEILIG_OK)
            status = cli_usage(ctx, "query: --or needs a filter option before it");
        for (size_t j = 0; j < sizeof qmaps / sizeof *qmaps; j++)
            if (qmaps[j].opt == f->opt->id)
                status = query_option(ctx, q, &qmaps[j], f->value);
    }
    veilig_query_result *r = NULL;
    if (!status) {
        rc = veilig_query_run(&r, q, ctx->reg);
        if (rc != VEILIG_OK)
            status = cli_fail_lib(rc, "running the query");
    }
    if (!status) {
        char *out = NULL;
        size_t len = 0;
        rc = veilig_render_query(&out, &len, r, &ctx->ropts);
        status = finish(ctx, rc, out, len, "rendering the query");
    }
    veilig_query_result_free(r);
    veilig_query_free(q);
    return status;
}

/* ---- coverage ---- */

int cmd_coverage(cli_ctx *ctx) {
    veilig_coverage_options co = VEILIG_COVERAGE_OPTIONS_INIT;
    int status = operands(ctx, 0, 0, "");
    if (status)
        return status;
    const char *axis = cli_args_last(&ctx->args, OPT_AXIS);
    if (axis) {
        if (strcmp(axis, "category") == 0)
            co.axis = VEILIG_VOCAB_CATEGORY;
        else if (strcmp(axis, "approach") == 0)
            co.axis = VEILIG_VOCAB_APPROACH;
        else if (strcmp(axis, "target_group") == 0 || strcmp(axis, "target-group") == 0 ||
                 strcmp(axis, "target") == 0)
            co.axis = VEILIG_VOCAB_TARGET_GROUP;
        else
            return cli_fail(CLI_EXIT_USAGE,
                            "unknown axis \"%s\"; valid: category, approach, target_group", axis);
    }
    const char *on = cli_args_last(&ctx->args, OPT_ACTIVE_ON);
    if (on && (status = cli_parse_date(&co.active_on, "--active-on", on)) != 0)
        return status;
    co.all_measures = cli_args_has(&ctx->args, OPT_ALL);
    if (co.all_measures && on)
        return cli_usage(ctx, "coverage: --all and --active-on exclude each other");
    if ((status = cli_load_registry(ctx)) != 0)
        return status;
    veilig_coverage_result *c = NULL;
    int rc = veilig_coverage(&c, ctx->reg, &co);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "computing the coverage");
    char *out = NULL;
    size_t len = 0;
    rc = veilig_render_coverage(&out, &len, c, &ctx->ropts);
    status = finish(ctx, rc, out, len, "rendering the coverage");
    veilig_coverage_free(c);
    return status;
}

/* ---- profile, compare, peers ---- */

int cmd_profile(cli_ctx *ctx) {
    const veilig_municipality *m = NULL;
    int status = operands(ctx, 1, 1, NEED_MUNICIPALITY);
    if (!status)
        status = load_and_find(ctx, &m, 0);
    if (status)
        return status;
    veilig_profile_result *p = NULL;
    int rc = veilig_profile(&p, m);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "profiling the municipality");
    char *out = NULL;
    size_t len = 0;
    rc = veilig_render_profile(&out, &len, p, &ctx->ropts);
    status = finish(ctx, rc, out, len, "rendering the profile");
    veilig_profile_free(p);
    return status;
}

int cmd_compare(cli_ctx *ctx) {
    const veilig_municipality *a = NULL, *b = NULL;
    int status = operands(ctx, 2, 2, "municipalities: give two, such as GM0153 GM0164");
    if (!status)
        status = load_and_find(ctx, &a, 0);
    if (!status)
        status = cli_find(&b, ctx, ctx->args.operands[1]);
    if (status)
        return status;
    veilig_comparison *c = NULL;
    int rc = veilig_compare(&c, a, b);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "comparing the municipalities");
    char *out = NULL;
    size_t len = 0;
    rc = veilig_render_comparison(&out, &len, c, &ctx->ropts);
    status = finish(ctx, rc, out, len, "rendering the comparison");
    veilig_comparison_free(c);
    return status;
}

/* Loads the registry peers are looked for in, for --against: "builtin" is the
   bundled dataset, anything else a file. *raw as loaded, *clean without
   personal data unless --include-personal (then NULL: use *raw). */
static int load_against(veilig_registry **raw, veilig_registry **clean, const cli_ctx *ctx,
                        const char *source) {
    if (strcmp(source, "builtin") == 0) {
        int rc = veilig_registry_load_builtin(raw, NULL);
        if (rc != VEILIG_OK)
            return cli_fail_lib(rc, "loading the bundled dataset");
    } else {
        if (strcmp(source, "-") == 0)
            for (size_t i = 0; i < ctx->nfiles; i++)
                if (strcmp(ctx->files[i], "-") == 0)
                    return cli_usage(ctx, "standard input (-) can be read only once");
        int status = cli_load_file(ctx, raw, source);
        if (status)
            return status;
    }
    return ctx->include_personal ? 0 : cli_without_personal(clean, *raw);
}

/* Says on standard error why there are no peers, when there are none. */
static void explain_no_peers(const cli_ctx *ctx, const veilig_municipality *m,
                             const char *candidates) {
    if (m && veilig_municipality_measure_count(m) == 0)
        fprintf(stderr,
                "veilig: no peers: %s (%s) has no measures, so there is no basis for a "
                "comparison\n",
                veilig_municipality_name(m), veilig_municipality_code(m));
    else if (m)
        fprintf(stderr, "veilig: no peers: no other municipality of %s has measures\n", candidates);
    else
        fprintf(stderr, "veilig: no peers: fewer than two municipalities of %s have measures\n",
                ctx->source ? ctx->source : "the documents");
}

int cmd_peers(cli_ctx *ctx) {
    veilig_peers_options po = VEILIG_PEERS_OPTIONS_INIT;
    const veilig_municipality *m = NULL;
    int all = cli_args_has(&ctx->args, OPT_ALL);
    const char *against = cli_args_last(&ctx->args, OPT_AGAINST);
    int status;
    if (all) {
        if (ctx->args.noperands)
            return cli_usage(ctx, "peers: give a municipality or --all, not both");
        if (against)
            return cli_usage(ctx, "peers: --against takes one municipality, not --all");
    } else {
        status = operands(ctx, 1, 1, "municipality: give its code or name, or --all");
        if (status)
            return status;
    }
    const char *k = cli_args_last(&ctx->args, OPT_K);
    if (k && (status = cli_parse_count(&po.k, ctx, "-k", k, 1000)) != 0)
        return status;
    status = load_and_find(ctx, all ? NULL : &m, 0);
    if (status)
        return status;
    veilig_registry *raw = NULL, *clean = NULL;
    const veilig_registry *candidates = ctx->reg;
    const char *source = ctx->source ? ctx->source : "the documents";
    if (against) {
        status = load_against(&raw, &clean, ctx, against);
        candidates = clean ? clean : raw;
        source =
            strcmp(against, "builtin") == 0 ? "the bundled dataset" : cli_display_name(against);
    }
    veilig_peers_result *p = NULL;
    if (!status) {
        int rc = veilig_peers(&p, candidates, m, &po);
        if (rc != VEILIG_OK)
            status = cli_fail_lib(rc, "finding peers");
    }
    if (!status) {
        if (veilig_peers_count(p) == 0)
            explain_no_peers(ctx, m, source);
        char *out = NULL;
        size_t len = 0;
        int rc = veilig_render_peers(&out, &len, p, &ctx->ropts);
        status = finish(ctx, rc, out, len, "rendering the peers");
    }
    veilig_peers_free(p);
    veilig_registry_free(clean);
    veilig_registry_free(raw);
    return status;
}

/* ---- diff ---- */

int cmd_diff(cli_ctx *ctx) {
    int status = operands(ctx, 2, 2, "files: give two, OLD and NEW");
    if (status)
        return status;
    const char *old_path = ctx->args.operands[0], *new_path = ctx->args.operands[1];
    if (strcmp(old_path, "-") == 0 && strcmp(new_path, "-") == 0)
        return cli_usage(ctx, "diff: standard input (-) can be only one of the two files");
    const char *code = cli_args_last(&ctx->args, OPT_MUNICIPALITY);
    veilig_registry *raw[2] = {NULL, NULL}, *clean[2] = {NULL, NULL};
    status = cli_load_file(ctx, &raw[0], old_path);
    if (!status)
        status = cli_load_file(ctx, &raw[1], new_path);
    for (int i = 0; i < 2 && !status; i++) {
        if (ctx->include_personal) {
            clean[i] = raw[i];
            raw[i] = NULL;
        } else {
            status = cli_without_personal(&clean[i], raw[i]);
        }
    }
    veilig_diff_result *d = NULL;
    if (!status) {
        int rc = veilig_diff(&d, clean[0], clean[1], code);
        if (rc == VEILIG_ENOTFOUND)
            status = cli_fail(CLI_EXIT_USAGE, "no municipality \"%s\" in %s or %s", code,
                              cli_display_name(old_path), cli_display_name(new_path));
        else if (rc != VEILIG_OK)
            status = cli_fail_lib(rc, "comparing the files");
    }
    if (!status) {
        char *out = NULL;
        size_t len = 0;
        int rc = veilig_render_diff(&out, &len, d, &ctx->ropts);
        status = finish(ctx, rc, out, len, "rendering the differences");
    }
    veilig_diff_free(d);
    for (int i = 0; i < 2; i++) {
        veilig_registry_free(raw[i]);
        veilig_registry_free(clean[i]);
    }
    return status;
}

/* ---- schedule, indicators ---- */

/* "HH:MM" to minutes after midnight (24:00 is 1440). */
static int parse_time(int *out, const char *option, const char *value) {
    int ok = strlen(value) == 5 && value[2] == ':';
    for (int i = 0; ok && i < 5; i++)
        if (i != 2 && (value[i] < '0' || value[i] > '9'))
            ok = 0;
    if (ok) {
        int h = (value[0] - '0') * 10 + (value[1] - '0');
        int m = (value[3] - '0') * 10 + (value[4] - '0');
        if (m < 60 && (h < 24 || (h == 24 && m == 0))) {
            *out = h * 60 + m;
            return 0;
        }
    }
    return cli_fail(CLI_EXIT_USAGE, "%s: \"%s\" is not a time; give HH:MM (22:00)", option, value);
}

static int parse_days(unsigned *out, const char *value) {
    *out = 0;
    const char *p = value;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char day[16];
        if (n == 0 || n >= sizeof day) {
            snprintf(day, sizeof day, "%.*s", (int)(n < sizeof day ? n : sizeof day - 1), p);
            return cli_check_code(VEILIG_VOCAB_DAY, "day", day);
        }
        memcpy(day, p, n);
        day[n] = '\0';
        int status = cli_check_code(VEILIG_VOCAB_DAY, "day", day);
        if (status)
            return status;
        *out |= 1u << (veilig_day_from_code(day) - 1);
        if (!comma)
            return 0;
        p = comma + 1;
    }
}

int cmd_schedule(cli_ctx *ctx) {
    veilig_schedule_options so = VEILIG_SCHEDULE_OPTIONS_INIT;
    const veilig_municipality *m = NULL;
    int status = operands(ctx, 1, 1, NEED_MUNICIPALITY);
    if (status)
        return status;
    const char *days = cli_args_last(&ctx->args, OPT_DAYS);
    const char *from = cli_args_last(&ctx->args, OPT_FROM);
    const char *to = cli_args_last(&ctx->args, OPT_TO);
    const char *on = cli_args_last(&ctx->args, OPT_ACTIVE_ON);
    if (days && (status = parse_days(&so.days, days)) != 0)
        return status;
    so.from = 22 * 60;
    so.to = 4 * 60;
    if (from && (status = parse_time(&so.from, "--from", from)) != 0)
        return status;
    if (to && (status = parse_time(&so.to, "--to", to)) != 0)
        return status;
    if (so.from == 24 * 60)
        return cli_usage(ctx, "schedule: --from 24:00 is not a start; give 00:00");
    if (so.from == so.to || (so.from == 0 && so.to == 0))
        return cli_usage(ctx, "schedule: the window from %s to %s is empty", from ? from : "22:00",
                         to ? to : "04:00");
    if (on && (status = cli_parse_date(&so.active_on, "--active-on", on)) != 0)
        return status;
    if ((status = load_and_find(ctx, &m, 0)) != 0)
        return status;
    veilig_schedule_result *s = NULL;
    int rc = veilig_schedule(&s, m, &so);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "laying out the schedule");
    char *out = NULL;
    size_t len = 0;
    rc = veilig_render_schedule(&out, &len, s, &ctx->ropts);
    status = finish(ctx, rc, out, len, "rendering the schedule");
    veilig_schedule_free(s);
    return status;
}

int cmd_indicators(cli_ctx *ctx) {
    veilig_progress_options po = VEILIG_PROGRESS_OPTIONS_INIT;
    const veilig_municipality *m = NULL;
    int status = operands(ctx, 1, 1, NEED_MUNICIPALITY);
    if (status)
        return status;
    const char *as_of = cli_args_last(&ctx->args, OPT_AS_OF);
    if (as_of && (status = cli_parse_date(&po.as_of, "--as-of", as_of)) != 0)
        return status;
    if ((status = load_and_find(ctx, &m, 0)) != 0)
        return status;
    veilig_progress_result *p = NULL;
    int rc = veilig_progress(&p, m, &po);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "computing the progress");
    char *out = NULL;
    size_t len = 0;
    rc = veilig_render_progress(&out, &len, p, &ctx->ropts);
    status = finish(ctx, rc, out, len, "rendering the progress");
    veilig_progress_free(p);
    return status;
}

/* ---- summary, report ---- */

static const char *plural(const cli_ctx *ctx, size_t n, const char *nl1, const char *nln,
                          const char *en1, const char *enn) {
    int en = strcmp(ctx->lang, "en") == 0;
    return n == 1 ? (en ? en1 : nl1) : (en ? enn : nln);
}

#define TR(ctx, nl, en) (strcmp((ctx)->lang, "en") == 0 ? (en) : (nl))

/* Counts measures (all and active) and categories of m, or of every municipality when m is NULL. */
static void count_measures(const cli_ctx *ctx, const veilig_municipality *only, size_t *measures,
                           size_t *active, int *has_category) {
    *measures = *active = 0;
    for (size_t i = 0; i < veilig_registry_count(ctx->reg); i++) {
        const veilig_municipality *m = veilig_registry_get(ctx->reg, i);
        if (only && m != only)
            continue;
        for (size_t j = 0; j < veilig_municipality_measure_count(m); j++) {
            const veilig_measure *ms = veilig_municipality_measure(m, j);
            (*measures)++;
            *active += (size_t)veilig_measure_is_active(ms, NULL);
            int c = (int)veilig_measure_category(ms);
            if (c > 0 && c <= veilig_vocab_size(VEILIG_VOCAB_CATEGORY))
                has_category[c] = 1;
        }
    }
}

/* Whether a diagnostic's pointer is inside municipality index. */
static int pointer_in(const char *pointer, size_t index) {
    char prefix[64];
    int n = snprintf(prefix, sizeof prefix, "/municipalities/%zu", index);
    return n > 0 && strncmp(pointer, prefix, (size_t)n) == 0 &&
           (pointer[n] == '\0' || pointer[n] == '/');
}

/* The short summary: a few key figures (the report's, and make demo's). */
static int summarize(vg_buf *b, const cli_ctx *ctx, const veilig_municipality *m) {
    int ncat = veilig_vocab_size(VEILIG_VOCAB_CATEGORY);
    int has_category[64] = {0};
    size_t measures, active;
    count_measures(ctx, m, &measures, &active, has_category);
    int covered = 0;
    for (int c = 1; c <= ncat; c++)
        covered += has_category[c];

    if (m) {
        cli_buf_field(b, veilig_municipality_name(m), VEILIG_FORMAT_TEXT, 0);
        vg_buf_puts(b, " (");
        cli_buf_field(b, veilig_municipality_code(m), VEILIG_FORMAT_TEXT, 0);
        vg_buf_puts(b, "): ");
    } else {
        const char *name = veilig_programme_name(veilig_registry_programme(ctx->reg));
        size_t n = veilig_registry_count(ctx->reg);
        cli_buf_field(b, name ? name : ctx->source, VEILIG_FORMAT_TEXT, 0);
        vg_buf_printf(b, ": %zu %s, ", n,
                      plural(ctx, n, "gemeente", "gemeenten", "municipality", "municipalities"));
    }
    vg_buf_printf(b, "%zu %s (%zu %s)\n", measures,
                  plural(ctx, measures, "maatregel", "maatregelen", "measure", "measures"), active,
                  TR(ctx, "actief", "active"));

    if (covered == ncat) {
        vg_buf_printf(b, "%s %d %s\n", TR(ctx, "Alle", "All"), ncat,
                      TR(ctx, "categorieën gedekt", "categories covered"));
    } else {
        vg_buf_printf(b, "%s: %d %s %d %s; %s: ", TR(ctx, "Categorieën", "Categories"), covered,
                      TR(ctx, "van", "of"), ncat, TR(ctx, "gedekt", "covered"),
                      TR(ctx, "ontbreekt", "missing"));
        int first = 1;
        for (int c = 1; c <= ncat; c++) {
            if (has_category[c])
                continue;
            vg_buf_printf(b, "%s%s", first ? "" : ", ",
                          veilig_category_label((veilig_category)c, ctx->lang));
            first = 0;
        }
        vg_buf_puts(b, "\n");
    }

    veilig_diagnostics *d = NULL;
    int rc = veilig_validate(&d, ctx->raw);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "validating");
    size_t index = m ? veilig_registry_index_of(ctx->reg, m) : 0;
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < veilig_diagnostics_count(d); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(d, i);
        if (m && !pointer_in(x->pointer, index))
            continue;
        errors += x->severity == VEILIG_SEVERITY_ERROR;
        warnings += x->severity == VEILIG_SEVERITY_WARNING;
    }
    veilig_diagnostics_free(d);
    vg_buf_printf(b, "%s: ", TR(ctx, "Validatie", "Validation"));
    if (errors)
        vg_buf_printf(b, "%zu %s", errors,
                      plural(ctx, errors, "fout", "fouten", "error", "errors"));
    else
        vg_buf_puts(b, TR(ctx, "geen fouten", "no errors"));
    if (warnings)
        vg_buf_printf(
            b, ", %zu %s", warnings,
            plural(ctx, warnings, "waarschuwing", "waarschuwingen", "warning", "warnings"));
    else
        vg_buf_printf(b, ", %s", TR(ctx, "geen waarschuwingen", "no warnings"));
    if (errors || warnings)
        vg_buf_printf(b, " (%s)",
                      TR(ctx, "'veilig validate' toont ze", "'veilig validate' shows them"));
    vg_buf_puts(b, "\n");
    return 0;
}

int cmd_summary(cli_ctx *ctx) {
    const veilig_municipality *m = NULL;
    int status = operands(ctx, 0, 1, "");
    if (!status)
        status = load_and_find(ctx, ctx->args.noperands ? &m : NULL, 0);
    if (status)
        return status;
    vg_buf b;
    vg_buf_init_std(&b);
    status = summarize(&b, ctx, m);
    if (!status && b.failed)
        status = cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    if (!status)
        status = cli_emit(ctx, b.data, b.len);
    vg_buf_free(&b);
    return status;
}

int cmd_report(cli_ctx *ctx) {
    const veilig_municipality *m = NULL;
    int status = operands(ctx, 0, 1, "");
    if (!status)
        status = load_and_find(ctx, ctx->args.noperands ? &m : NULL, 0);
    if (status)
        return status;
    char *out = NULL;
    size_t len = 0;
    int rc = veilig_report_html(&out, &len, ctx->reg, m, &ctx->ropts);
    status = finish(ctx, rc, out, len, "writing the report");
    if (status || !cli_output_is_file(ctx))
        return status;
    /* Written to a file: say where, after a few key figures. */
    vg_buf b;
    vg_buf_init_std(&b);
    status = summarize(&b, ctx, m);
    vg_buf_printf(&b, "%s %s\n", TR(ctx, "Rapport geschreven naar", "Report written to"),
                  ctx->output);
    if (!status && b.failed)
        status = cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    if (!status)
        fputs(b.data, stdout);
    vg_buf_free(&b);
    return status;
}

/* ---- export ---- */

int cmd_export(cli_ctx *ctx) {
    int status = operands(ctx, 0, 0, "");
    if (status)
        return status;
    const char *sheet = cli_args_last(&ctx->args, OPT_SHEET);
    if (ctx->xlsx)
        return cli_export_xlsx(ctx);
    if (sheet)
        return cli_export_sheets(ctx, sheet);
    veilig_table table = VEILIG_TABLE_MEASURES;
    const char *name = cli_args_last(&ctx->args, OPT_TABLE);
    if (name && !(table = veilig_table_from_name(name)))
        return cli_fail(CLI_EXIT_USAGE,
                        "unknown table \"%s\"; valid: measures, stakeholders, indicators", name);
    if ((status = cli_load_registry(ctx)) != 0)
        return status;
    char *out = NULL;
    size_t len = 0;
    int rc = veilig_export(&out, &len, ctx->reg, table, &ctx->ropts);
    return finish(ctx, rc, out, len, "exporting");
}
