/*
 * veilig (the command-line tool): what its files share. The tool uses the
 * public API of libveilig only, and the utility layer's buffer and atomic
 * writer (libveilig/util, linked in).
 */
#ifndef VEILIG_CLI_H
#define VEILIG_CLI_H

#include <stdarg.h>
#include <stddef.h>

#include <veilig.h>

#include "args.h"
#include "util/buf.h" /* the one growable buffer (libveilig/util) */

#if defined(__GNUC__) || defined(__clang__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/* Exit statuses (documented in docs/veilig.1, EXIT STATUS). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_STRICT = 1,    /* validation warnings, with --strict */
    CLI_EXIT_INVALID = 2,   /* a document that does not load or has validation errors */
    CLI_EXIT_USAGE = 64,    /* bad options or arguments, unknown command */
    CLI_EXIT_NOINPUT = 66,  /* a file not found or unreadable */
    CLI_EXIT_SOFTWARE = 70, /* internal error, out of memory */
    CLI_EXIT_CANTCREAT = 73 /* the output cannot be written */
};

/* Option ids. */
enum {
    OPT_FILE = 1,
    OPT_FORMAT,
    OPT_LANG,
    OPT_PERSONAL,
    OPT_OUTPUT,
    OPT_HELP,
    OPT_VERSION,
    OPT_STRICT,
    OPT_CATEGORY,
    OPT_APPROACH,
    OPT_TARGET,
    OPT_SETTING,
    OPT_STAKEHOLDER_KIND,
    OPT_STAKEHOLDER,
    OPT_STATUS,
    OPT_EVIDENCE,
    OPT_PROVINCE,
    OPT_ACTIVE_ON,
    OPT_TEXT,
    OPT_MUNICIPALITY,
    OPT_AXIS,
    OPT_ALL,
    OPT_K,
    OPT_DAYS,
    OPT_FROM,
    OPT_TO,
    OPT_AS_OF,
    OPT_TABLE,
    OPT_RAW,
    OPT_MAX_SIZE,
    OPT_SHEET,
    OPT_LABELS,
    OPT_SEPARATOR,
    OPT_ENCODING,
    OPT_MAX_ERRORS,
    OPT_AGAINST,
    OPT_OR,
    OPT_WHERE,
    OPT_FORCE,
    OPT_THREADS
};

/* Which of the common options a command uses. */
enum {
    CO_FILE = 1u << 0,     /* -f FILE: works on documents (else the bundled dataset) */
    CO_FORMAT = 1u << 1,   /* --format */
    CO_LANG = 1u << 2,     /* --lang */
    CO_PERSONAL = 1u << 3, /* --include-personal */
    CO_OUTPUT = 1u << 4,   /* -o FILE */
    CO_RAW = 1u << 5,      /* --raw: CSV cells without the formula guard */
    /* not an option: the command reads the documents as loaded (ctx->raw)
       beside the registry without personal data (ctx->reg) */
    CO_AS_LOADED = 1u << 6,
    /* --max-size: reads documents (every command with CO_FILE has it) */
    CO_MAX_SIZE = 1u << 7,
    /* not an option: the command leaves personal data out itself (the site,
       whose pages say so): the documents are not stripped of it first */
    CO_OWN_PERSONAL = 1u << 8
};

#define CLI_FORMAT_BIT(f) (1u << (unsigned)(f))
#define CLI_FORMATS_TABLES                                                                         \
    (CLI_FORMAT_BIT(VEILIG_FORMAT_TEXT) | CLI_FORMAT_BIT(VEILIG_FORMAT_JSON) |                     \
     CLI_FORMAT_BIT(VEILIG_FORMAT_CSV) | CLI_FORMAT_BIT(VEILIG_FORMAT_MARKDOWN))

struct cli_ctx;

/* A subcommand. */
typedef struct cli_command {
    const char *name;
    int (*run)(struct cli_ctx *ctx);
    const cli_opt *opts;          /* its own options (may be NULL) */
    unsigned common;              /* CO_* */
    unsigned formats;             /* CLI_FORMAT_BIT of each format it offers */
    veilig_format default_format; /* when --format is not given */
    const char *usage;            /* "veilig show [OPTIONS] CODE|NAME" */
    const char *summary;          /* one line, for the tool's help */
    const char *description;      /* a paragraph */
    const char *example;          /* one or more example lines */
} cli_command;

/* Everything a command needs. */
typedef struct cli_ctx {
    const cli_command *cmd;
    cli_args pre;       /* options before the command */
    cli_args args;      /* the command's options and operands */
    const char **files; /* -f values, in order (borrowed from argv) */
    size_t nfiles;
    veilig_format format; /* resolved: given, or the command's default */
    const char *lang;     /* "nl" or "en" */
    int include_personal; /* --include-personal */
    int csv_raw;          /* --raw */
    size_t max_size;      /* --max-size in bytes; 0: the library's default */
    const char *output;   /* -o FILE; NULL or "-" for standard output */
    veilig_report_options ropts;
    /* The documents: raw as loaded, reg with personal data removed unless
       --include-personal (then the same as raw). */
    veilig_registry *raw;
    veilig_registry *reg;
    char *source; /* what reg came from, for messages ("plan.json", "the bundled dataset") */
    int xlsx;     /* export --format xlsx */
} cli_ctx;

/* ---- messages (io.c) ---- */

/* Prints "veilig: MESSAGE" on one line on standard error; returns status. */
int cli_fail(int status, const char *fmt, ...) CLI_PRINTF(2, 3);
/* The message for a failed library call that should not fail (70, or 70 for ENOMEM). */
int cli_fail_lib(int rc, const char *what);
/* The province codes the library knows, as "NL-BQ1, NL-BQ2, ..." in buf. */
void cli_province_list(char *buf, size_t size);
/* A usage error about the command's options (64), with the help hint. */
int cli_usage(const cli_ctx *ctx, const char *fmt, ...) CLI_PRINTF(2, 3);

/* ---- strings: the utility layer's buffer (util/buf.h), on malloc (vg_buf_init_std) ---- */

/* s (from a document: untrusted) as one field of format, so that it can only
   be read as text there (veilig_escape): TEXT on one line with control
   characters escaped, a Markdown table cell, a CSV field (formula guard
   unless flags has VEILIG_REPORT_RAW), a JSON string with its quotes. */
void cli_buf_field(vg_buf *b, const char *s, veilig_format format, unsigned flags);
/* s escaped for a terminal (as cli_buf_field's TEXT), in buf of size bytes
   (cut at a character when longer): for messages that quote a document. */
const char *cli_term(char *buf, size_t size, const char *s);

/* ---- files (io.c) ---- */

/* The name of a file operand in messages ("-" is "<stdin>"). */
const char *cli_display_name(const char *path);
/* Whether the file can be opened for reading: 0, or prints the tool's message
   and returns CLI_EXIT_NOINPUT. */
int cli_can_open(const char *path);
/* Reads a whole file ("-": standard input) into a new NUL-terminated string
   (veilig_free()), bounded as the library reads (veilig_document_read_fd).
   Returns 0, or prints the error and returns CLI_EXIT_NOINPUT, CLI_EXIT_INVALID
   (not a document, too large) or CLI_EXIT_SOFTWARE. */
int cli_read_file(const cli_ctx *ctx, char **text, size_t *len, const char *path);
/* Reads a whole file ("-": standard input) as it is, for inputs that are not
   documents (a spreadsheet), into a new NUL-terminated string (free()).
   Returns 0, or prints the error and returns CLI_EXIT_NOINPUT / CLI_EXIT_SOFTWARE. */
int cli_read_bytes(char **text, size_t *len, const char *path);
/* Load options for a document named name (borrowed): the library's defaults
   and the tool's --max-size. */
void cli_load_options(veilig_load_options *opts, const cli_ctx *ctx, const char *name);
/* How many schema errors of one document a load reports (one line each). */
#define CLI_LOAD_ERRORS 50
/* cli_load_options that also list every schema error (up to
   CLI_LOAD_ERRORS) into errs, their number into *n (for cli_load_failed). */
void cli_load_options_listing(veilig_load_options *opts, const cli_ctx *ctx, const char *name,
                              veilig_error *errs, size_t *n);
/* Reports a document (name) that did not load: the load's rc and error, or
   each of the n errors it listed (errs, up to CLI_LOAD_ERRORS); returns the
   exit status. */
int cli_load_failed(int rc, const veilig_error *err, const veilig_error *errs, size_t n,
                    const char *name);
/* Loads one file ("-": standard input): a file through the library's
   streamed load (never whole in memory), standard input read whole first. */
int cli_load_file(const cli_ctx *ctx, veilig_registry **out, const char *path);
/* A copy of reg without personal contact data (veilig_registry_free). */
int cli_without_personal(veilig_registry **out, const veilig_registry *reg);
/* Loads ctx->raw and ctx->reg from the -f files (merged) or the bundled dataset. */
int cli_load_registry(cli_ctx *ctx);
/* Finds a municipality by code or name in ctx->reg; prints the error (64) when it is not there. */
int cli_find(const veilig_municipality **out, const cli_ctx *ctx, const char *code_or_name);

/* Writes data to ctx->output or standard output; appends a newline when the text does not end
   in one. A file is written atomically: a temporary file in the same folder, flushed to disk,
   then renamed over it (an existing file keeps its mode; a symbolic link is followed).
   Returns 0 or prints the error and returns CLI_EXIT_CANTCREAT. */
int cli_emit(const cli_ctx *ctx, const char *data, size_t len);
/* Whether ctx->output names a file (not standard output). */
int cli_output_is_file(const cli_ctx *ctx);

/* ---- option values (io.c) ---- */

/* Checks a vocabulary code; prints "unknown X "v"; valid: ..." (64) when it is not one. */
int cli_check_code(veilig_vocab vocab, const char *what, const char *value);
/* Parses a date option; prints the error (64). */
int cli_parse_date(veilig_date *out, const char *option, const char *value);
/* Parses value, a count from 1 to max given to option, into *out; 0, or the
   usage error's status (the option and value named). */
int cli_parse_count(size_t *out, const cli_ctx *ctx, const char *option, const char *value,
                    size_t max);

/* ---- commands (commands.c) ---- */

int cmd_list(cli_ctx *ctx);
int cmd_show(cli_ctx *ctx);
int cmd_validate(cli_ctx *ctx);
int cmd_query(cli_ctx *ctx);
int cmd_coverage(cli_ctx *ctx);
int cmd_profile(cli_ctx *ctx);
int cmd_compare(cli_ctx *ctx);
int cmd_peers(cli_ctx *ctx);
int cmd_diff(cli_ctx *ctx);
int cmd_schedule(cli_ctx *ctx);
int cmd_indicators(cli_ctx *ctx);
int cmd_report(cli_ctx *ctx);
int cmd_export(cli_ctx *ctx);
int cmd_summary(cli_ctx *ctx);

/* ---- spreadsheets (sheets.c) ---- */

int cmd_import(cli_ctx *ctx);
int cmd_template(cli_ctx *ctx);
/* export --format xlsx. */
int cli_export_xlsx(cli_ctx *ctx);
/* export --sheet NAME|all. */
int cli_export_sheets(cli_ctx *ctx, const char *name);

/* The command's options tables (commands.c), for the command table in veilig.c. */
extern const cli_opt cli_opts_validate[];
extern const cli_opt cli_opts_query[];
extern const cli_opt cli_opts_coverage[];
extern const cli_opt cli_opts_peers[];
extern const cli_opt cli_opts_diff[];
extern const cli_opt cli_opts_schedule[];
extern const cli_opt cli_opts_indicators[];
extern const cli_opt cli_opts_export[];
extern const cli_opt cli_opts_import[];

/* ---- the website (site.c) ---- */

int cmd_site(cli_ctx *ctx);
extern const cli_opt cli_opts_site[];

#endif
