/* veilig (the command-line tool): spreadsheets: export --sheet and import. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"

const cli_opt cli_opts_import[] = {
    {OPT_ENCODING, "encoding", 0, 1, "NAME",
     "encoding of the CSV files (default: detected; UTF-8 or windows-1252)"},
    {OPT_SHEET, "sheet", 0, 1, "SHEET", "the sheet every file holds (default: from its headers)"},
    {OPT_MAX_ERRORS, "max-errors", 0, 1, "N", "stop after N errors (default 50)"},
    {0, NULL, 0, 0, NULL, NULL}};

/* FOLDER/NAME.csv for a sheet, its name in lang with '_' for spaces ("policy_links.csv"). */
static void sheet_path(vg_buf *path, const char *folder, veilig_sheet s, const char *lang) {
    vg_buf_printf(path, "%s/", folder);
    for (const char *p = veilig_sheet_name(s, lang); *p; p++)
        vg_buf_put(path, *p == ' ' ? "_" : p, 1);
    vg_buf_puts(path, ".csv");
}

/* Writes one sheet of ctx->raw (or reg) as CSV to path (NULL: ctx->output). */
static int export_sheet(const cli_ctx *ctx, veilig_sheet sheet, const char *path,
                        const veilig_sheet_options *so) {
    char *out = NULL;
    size_t len = 0;
    int rc = veilig_sheet_export_csv(&out, &len, ctx->raw, sheet, so);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "exporting the sheet");
    cli_ctx c = *ctx;
    if (path)
        c.output = path;
    int status = cli_emit(&c, out, len);
    veilig_free(out);
    return status;
}

int cli_export_sheets(cli_ctx *ctx, const char *name) {
    veilig_sheet_options so = VEILIG_SHEET_OPTIONS_INIT;
    const char *sep = cli_args_last(&ctx->args, OPT_SEPARATOR);
    int all = strcmp(name, "all") == 0;
    veilig_sheet sheet = all ? (veilig_sheet)0 : veilig_sheet_from_name(name);
    if (!all && !sheet)
        return cli_fail(CLI_EXIT_USAGE,
                        "unknown sheet \"%s\"; valid: all, programme, municipalities, exclusions, "
                        "policy_links, stakeholders, contacts, measures, schedule, partners, "
                        "indicators, observations, sources",
                        name);
    if (sep && strcmp(sep, ",") != 0 && strcmp(sep, ";") != 0)
        return cli_fail(CLI_EXIT_USAGE, "--separator: give , or ;");
    if (all && !cli_output_is_file(ctx))
        return cli_usage(ctx, "export --sheet all writes one file per sheet: give -o FOLDER");
    int status = cli_load_registry(ctx);
    if (status)
        return status;
    so.separator = sep ? sep[0] : ',';
    so.lang = cli_args_has(&ctx->args, OPT_LABELS) ? ctx->lang : NULL;
    so.flags = ctx->include_personal ? VEILIG_SHEET_INCLUDE_PERSONAL : 0;
    if (!all)
        return export_sheet(ctx, sheet, NULL, &so);
    if (mkdir(ctx->output, 0777) != 0 && errno != EEXIST)
        return cli_fail(CLI_EXIT_CANTCREAT, "cannot make folder %s: %s", ctx->output,
                        strerror(errno));
    for (int s = 1; s <= veilig_sheet_count() && !status; s++) {
        vg_buf path;
        vg_buf_init_std(&path);
        sheet_path(&path, ctx->output, (veilig_sheet)s, so.lang);
        status = path.failed ? cli_fail(CLI_EXIT_SOFTWARE, "out of memory")
                             : export_sheet(ctx, (veilig_sheet)s, path.data, &so);
        vg_buf_free(&path);
    }
    return status;
}

static int ends_with(const char *s, const char *end) {
    size_t n = strlen(s), k = strlen(end);
    return n >= k && strcasecmp(s + n - k, end) == 0;
}

static int save_xlsx(const veilig_registry *reg, const char *path, const char *lang, int personal) {
    veilig_sheet_options so = VEILIG_SHEET_OPTIONS_INIT;
    so.lang = lang;
    so.flags = personal ? VEILIG_SHEET_INCLUDE_PERSONAL : 0;
    veilig_error err;
    int rc = veilig_sheet_save_xlsx(reg, path, &so, &err);
    if (rc == VEILIG_OK)
        return 0;
    if (rc == VEILIG_ENOMEM)
        return cli_fail_lib(rc, "writing the workbook");
    return cli_fail(rc == VEILIG_EIO ? CLI_EXIT_CANTCREAT : CLI_EXIT_SOFTWARE, "%s: %s", err.source,
                    err.message);
}

int cli_export_xlsx(cli_ctx *ctx) {
    if (!cli_output_is_file(ctx))
        return cli_usage(ctx, "export --format xlsx writes a workbook: give -o FILE.xlsx");
    int status = cli_load_registry(ctx);
    return status ? status : save_xlsx(ctx->raw, ctx->output, ctx->lang, ctx->include_personal);
}

int cmd_template(cli_ctx *ctx) {
    if (ctx->args.noperands)
        return cli_usage(ctx, "template: unexpected argument \"%s\"", ctx->args.operands[0]);
    if (!cli_output_is_file(ctx))
        return cli_usage(ctx, "template: give -o FILE.xlsx or -o FOLDER");
    if (ends_with(ctx->output, ".xlsx"))
        return save_xlsx(NULL, ctx->output, ctx->lang, 0);
    veilig_registry *empty = NULL;
    if (veilig_registry_new(&empty) != VEILIG_OK)
        return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    veilig_registry *saved = ctx->raw;
    ctx->raw = empty;
    veilig_sheet_options so = VEILIG_SHEET_OPTIONS_INIT;
    so.lang = ctx->lang;
    int status = 0;
    if (mkdir(ctx->output, 0777) != 0 && errno != EEXIST)
        status =
            cli_fail(CLI_EXIT_CANTCREAT, "cannot make folder %s: %s", ctx->output, strerror(errno));
    for (int s = 1; s <= veilig_sheet_count() && !status; s++) {
        vg_buf path;
        vg_buf_init_std(&path);
        sheet_path(&path, ctx->output, (veilig_sheet)s, so.lang);
        status = path.failed ? cli_fail(CLI_EXIT_SOFTWARE, "out of memory")
                             : export_sheet(ctx, (veilig_sheet)s, path.data, &so);
        vg_buf_free(&path);
    }
    ctx->raw = saved;
    veilig_registry_free(empty);
    return status;
}

/* Prints the import's errors as file:line: message. */
static void print_errors(const veilig_import *imp, size_t max) {
    size_t n = veilig_import_error_count(imp);
    for (size_t i = 0; i < n; i++) {
        const veilig_error *e = veilig_import_error(imp, i);
        if (e->line)
            fprintf(stderr, "%s:%d: %s\n", e->source, e->line, e->message);
        else
            fprintf(stderr, "%s: %s\n", e->source, e->message);
    }
    if (n >= max)
        fprintf(stderr, "veilig: stopped after %zu errors (--max-errors)\n", n);
}

/* Validates the result: warnings are shown; errors too, and then nothing is written. */
static int check(const veilig_registry *reg) {
    veilig_diagnostics *dg = NULL;
    int rc = veilig_validate(&dg, reg);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "validating the result");
    for (size_t i = 0; i < veilig_diagnostics_count(dg); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(dg, i);
        fprintf(stderr, "<import>: %s [%s] %s: %s\n", veilig_severity_name(x->severity), x->rule,
                x->pointer, x->message);
    }
    size_t errors = veilig_diagnostics_count_severity(dg, VEILIG_SEVERITY_ERROR);
    veilig_diagnostics_free(dg);
    if (errors)
        return cli_fail(CLI_EXIT_INVALID,
                        "the result has %zu validation error%s (docs/rules.md); nothing written",
                        errors, errors == 1 ? "" : "s");
    return 0;
}

int cmd_import(cli_ctx *ctx) {
    size_t n = ctx->args.noperands;
    if (!n)
        return cli_usage(ctx, "import: give one or more CSV files");
    veilig_import_options io = VEILIG_IMPORT_OPTIONS_INIT;
    io.encoding = cli_args_last(&ctx->args, OPT_ENCODING);
    const char *max = cli_args_last(&ctx->args, OPT_MAX_ERRORS);
    if (max) {
        char *end = NULL;
        unsigned long v = strtoul(max, &end, 10);
        if (!*max || *end || v == 0 || v > 100000)
            return cli_fail(CLI_EXIT_USAGE, "--max-errors: give a number from 1 to 100000");
        io.max_errors = v;
    }
    const char *sname = cli_args_last(&ctx->args, OPT_SHEET);
    veilig_sheet sheet = sname ? veilig_sheet_from_name(sname) : (veilig_sheet)0;
    if (sname && !sheet)
        return cli_fail(CLI_EXIT_USAGE, "unknown sheet \"%s\" (see veilig export --help)", sname);
    int status = ctx->nfiles ? cli_load_registry(ctx) : 0;
    if (status)
        return status;
    veilig_import *imp = NULL;
    int rc = veilig_import_new(&imp, ctx->nfiles ? ctx->raw : NULL, &io);
    if (rc != VEILIG_OK)
        return cli_fail_lib(rc, "starting the import");
    for (size_t i = 0; i < n && !status; i++) {
        char *text = NULL;
        size_t len = 0;
        status = cli_read_bytes(&text, &len, ctx->args.operands[i]);
        if (!status) {
            const char *name = cli_display_name(ctx->args.operands[i]);
            if (len >= 4 && memcmp(text, "PK\x03\x04", 4) == 0) /* a zip: a workbook */
                rc = veilig_import_add_xlsx(imp, name, text, len);
            else
                rc = veilig_import_add_csv(imp, name, text, len, sheet);
            if (rc == VEILIG_ENOMEM || rc == VEILIG_EINVAL)
                status = cli_fail_lib(rc, "importing");
        }
        free(text);
        if (rc == VEILIG_ELIMIT)
            break; /* enough errors */
    }

    veilig_registry *reg = NULL;
    if (!status) {
        rc = veilig_import_finish(&reg, imp);
        if (rc == VEILIG_ESCHEMA || rc == VEILIG_ELIMIT) {
            print_errors(imp, io.max_errors ? io.max_errors : VEILIG_IMPORT_DEFAULT_MAX_ERRORS);
            status = cli_fail(CLI_EXIT_INVALID, "%zu error%s; nothing written",
                              veilig_import_error_count(imp),
                              veilig_import_error_count(imp) == 1 ? "" : "s");
        } else if (rc != VEILIG_OK) {
            status = cli_fail_lib(rc, "importing");
        }
    }
    veilig_import_free(imp);
    if (!status)
        status = check(reg);
    if (!status) {
        char *json = NULL;
        size_t len = 0;
        rc = veilig_registry_dump(&json, &len, reg, NULL, NULL);
        status = rc == VEILIG_OK ? cli_emit(ctx, json, len) : cli_fail_lib(rc, "writing");
        veilig_free(json);
    }
    veilig_registry_free(reg);
    return status;
}
