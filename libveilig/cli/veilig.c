/*
 * veilig: the command-line tool of libveilig. Lists, shows, validates,
 * queries and analyses how municipalities tackle (sexual) street harassment
 * and unsafety in public space and nightlife, and writes reports. Built on
 * the public API of libveilig only. docs/veilig.1 is its manual.
 *
 * This file: main, the command table, global options and help texts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Options every command may take (those it does not use are refused). */
static const cli_opt common_opts[] = {
    {OPT_FILE, "file", 'f', 1, "FILE",
     "work on FILE instead of the bundled dataset (repeatable; - is standard input)"},
    {OPT_FORMAT, "format", 0, 1, "FORMAT", NULL},
    {OPT_LANG, "lang", 0, 1, "LANG", "language of labels: nl (default) or en"},
    {OPT_PERSONAL, "include-personal", 0, 0, NULL,
     "include personal contact data (left out unless given)"},
    {OPT_OUTPUT, "output", 'o', 1, "FILE", "write to FILE (atomically) instead of standard output"},
    {OPT_RAW, "raw", 0, 0, NULL,
     "CSV: cells as they are, without the ' before a leading = + - @ TAB CR or ' that keeps "
     "a spreadsheet from running a formula"},
    {OPT_MAX_SIZE, "max-size", 0, 1, "SIZE",
     "read no document larger than SIZE bytes (K, M, G: KiB, MiB, GiB; default 4G): a larger "
     "one is refused before it fills memory"},
    {OPT_HELP, "help", 'h', 0, NULL, "show this help and exit"},
    {0, NULL, 0, 0, NULL, NULL}};

/* Options only before a command. */
static const cli_opt top_opts[] = {
    {OPT_VERSION, "version", 0, 0, NULL, "print the version of veilig and libveilig and exit"},
    {0, NULL, 0, 0, NULL, NULL}};

/* A command without options of its own. */
static const cli_opt no_opts[] = {{0, NULL, 0, 0, NULL, NULL}};

#define ALL_COMMON (CO_FILE | CO_FORMAT | CO_LANG | CO_PERSONAL | CO_OUTPUT)
#define TEXTISH                                                                                    \
    (CLI_FORMAT_BIT(VEILIG_FORMAT_TEXT) | CLI_FORMAT_BIT(VEILIG_FORMAT_JSON) |                     \
     CLI_FORMAT_BIT(VEILIG_FORMAT_MARKDOWN))

static const cli_command commands[] = {
    {"list", cmd_list, NULL, ALL_COMMON, CLI_FORMATS_TABLES, VEILIG_FORMAT_TEXT,
     "veilig list [OPTIONS]", "the municipalities, one line each",
     "Lists the municipalities: code, name, province, number of measures and summary.",
     "veilig list\n  veilig -f plan.json list --format csv -o gemeenten.csv"},
    {"show", cmd_show, NULL, ALL_COMMON, TEXTISH, VEILIG_FORMAT_TEXT,
     "veilig show [OPTIONS] CODE|NAME", "one municipality's whole approach",
     "Shows one municipality's whole approach: ambition, scope, focus, policy links,\n"
     "stakeholders, measures, indicators and sources. CODE is the CBS code (GM0153);\n"
     "a NAME (Enschede) works too.",
     "veilig show GM0153\n  veilig show Enschede --lang en --format markdown"},
    {"validate", cmd_validate, cli_opts_validate, CO_FILE | CO_FORMAT | CO_OUTPUT,
     CLI_FORMATS_TABLES, VEILIG_FORMAT_TEXT, "veilig validate [OPTIONS] FILE...",
     "check documents: file:line:column diagnostics",
     "Loads and validates each FILE (- is standard input; without files: the bundled\n"
     "dataset) and prints one line per finding, as compilers do:\n"
     "  file:line:column: severity [rule] pointer: message\n"
     "A file that does not load gives one line with rule [load]. docs/rules.md\n"
     "explains every rule. Exit status: 0 when there are no errors (warnings\n"
     "allowed), 1 when there are warnings and --strict is given, 2 when there are\n"
     "errors or a file does not load, 66 when a file cannot be read.",
     "veilig validate plan.json\n  veilig validate --strict plan.json other.json"},
    {"query", cmd_query, cli_opts_query, ALL_COMMON, CLI_FORMATS_TABLES, VEILIG_FORMAT_TEXT,
     "veilig query [OPTIONS]", "measures that match filters, as a table",
     "Finds the measures that pass every filter given; a filter given more than\n"
     "once (or with codes separated by commas) passes a measure that has any of its\n"
     "values. Values are codes; the codes of each vocabulary are listed below.",
     "veilig query --category bystander --target lgbtiq\n"
     "  veilig query --approach prevention --province NL-OV --format csv"},
    {"coverage", cmd_coverage, cli_opts_coverage, ALL_COMMON, CLI_FORMATS_TABLES,
     VEILIG_FORMAT_TEXT, "veilig coverage [OPTIONS]",
     "municipalities x categories (or approaches, target groups)",
     "Counts, for every municipality and every category (or approach, or target\n"
     "group), its active measures: who does what, and where the gaps are.",
     "veilig coverage\n  veilig coverage --axis target_group --format csv -o dekking.csv"},
    {"profile", cmd_profile, NULL, ALL_COMMON, CLI_FORMATS_TABLES, VEILIG_FORMAT_TEXT,
     "veilig profile [OPTIONS] CODE|NAME", "one municipality in figures, with its gaps",
     "Profiles one municipality: measures per approach and category, budgets, target\n"
     "groups, stakeholders, and gaps (categories without measures, target groups no\n"
     "measure serves, measures without indicators or an executing party).",
     "veilig profile GM0153"},
    {"compare", cmd_compare, NULL, ALL_COMMON, CLI_FORMATS_TABLES, VEILIG_FORMAT_TEXT,
     "veilig compare [OPTIONS] A B", "two municipalities side by side",
     "Compares two municipalities side by side: measures per category, approach,\n"
     "target group and setting, and stakeholders per kind.",
     "veilig compare GM0153 GM0164"},
    {"peers", cmd_peers, cli_opts_peers, ALL_COMMON, CLI_FORMATS_TABLES, VEILIG_FORMAT_TEXT,
     "veilig peers [OPTIONS] CODE|NAME  or  veilig peers --all",
     "the most similar municipalities, with suggestions",
     "Finds the municipalities most like this one (by categories, target groups,\n"
     "settings and stakeholder kinds) and suggests their measures in categories this\n"
     "one has none of: \"what do cities like ours do that we don't?\". With --against,\n"
     "the peers of a municipality of your own file are found in another registry.\n"
     "Municipalities without measures are no peers.",
     "veilig peers GM0153 -k 3\n  veilig peers --all --format csv\n"
     "  veilig -f plan.json peers GM0344 --against builtin"},
    {"diff", cmd_diff, cli_opts_diff, CO_FORMAT | CO_LANG | CO_PERSONAL | CO_OUTPUT | CO_MAX_SIZE,
     CLI_FORMATS_TABLES, VEILIG_FORMAT_TEXT, "veilig diff [OPTIONS] OLD NEW",
     "what changed between two versions of a file",
     "Lists what changed from OLD to NEW (two files; one may be - for standard\n"
     "input): added, removed and changed values, with their JSON pointer.\n"
     "Municipalities are matched by code; measures, stakeholders and indicators\n"
     "by id.",
     "veilig diff plan-2023.json plan-2024.json\n"
     "  veilig diff old.json new.json --municipality GM0153 --format json"},
    {"schedule", cmd_schedule, cli_opts_schedule, ALL_COMMON, CLI_FORMATS_TABLES,
     VEILIG_FORMAT_TEXT, "veilig schedule [OPTIONS] CODE|NAME",
     "when the measures run: the hours of a week",
     "Lays the schedules of a municipality's active measures over the hours of a week\n"
     "and tells which share of a window (by default Friday and Saturday, 22:00 to\n"
     "04:00) at least one measure covers. A window whose end is before its start runs\n"
     "past midnight.",
     "veilig schedule GM0153\n  veilig schedule GM0153 --days thu,fri,sat --from 23:00 --to 05:00"},
    {"indicators", cmd_indicators, cli_opts_indicators, ALL_COMMON, CLI_FORMATS_TABLES,
     VEILIG_FORMAT_TEXT, "veilig indicators [OPTIONS] CODE|NAME",
     "progress of the indicators towards their targets",
     "Shows each indicator of a municipality: baseline, target, latest observation,\n"
     "progress from baseline to target, and whether it is on track.",
     "veilig indicators GM0153 --as-of 2024-12-31"},
    {"report", cmd_report, NULL, CO_FILE | CO_FORMAT | CO_LANG | CO_PERSONAL | CO_OUTPUT,
     CLI_FORMAT_BIT(VEILIG_FORMAT_HTML), VEILIG_FORMAT_HTML, "veilig report [OPTIONS] [CODE|NAME]",
     "a standalone HTML report (-o report.html)",
     "Writes a standalone HTML report (one file, no network, no script; charts as\n"
     "inline SVG) of the whole programme or, given CODE, of one municipality. With\n"
     "-o FILE it writes FILE atomically and prints a few key figures and where the\n"
     "report is; without -o it writes the HTML to standard output.",
     "veilig report -o rapport.html\n  veilig report GM0153 --lang en -o enschede.html"},
    {"export", cmd_export, cli_opts_export, ALL_COMMON | CO_AS_LOADED,
     CLI_FORMAT_BIT(VEILIG_FORMAT_CSV) | CLI_FORMAT_BIT(VEILIG_FORMAT_JSON) |
         CLI_FORMAT_BIT(VEILIG_FORMAT_MARKDOWN) | CLI_FORMAT_BIT(VEILIG_FORMAT_TEXT),
     VEILIG_FORMAT_CSV, "veilig export [OPTIONS]", "flat tables for spreadsheets and pandas (CSV)",
     "Writes a flat table, one row per measure (default), per stakeholder or per\n"
     "indicator observation, in CSV (default), JSON, Markdown or text.\n"
     "docs/reports.md lists the columns. With --sheet it writes the sheets that\n"
     "veilig import reads (every field of the document; docs/spreadsheets.md); with\n"
     "--format xlsx -o FILE.xlsx all of them as one workbook.",
     "veilig export -o maatregelen.csv\n  veilig export --table indicators --format json\n"
     "  veilig -f plan.json export --sheet all -o plan/ --include-personal"},
    {"import", cmd_import, cli_opts_import, CO_FILE | CO_OUTPUT | CO_AS_LOADED,
     CLI_FORMAT_BIT(VEILIG_FORMAT_JSON), VEILIG_FORMAT_JSON, "veilig import [OPTIONS] FILE...",
     "read spreadsheets (CSV) into a document",
     "Reads sheets (CSV files written by a spreadsheet or by export --sheet) into a\n"
     "document: a new one, or, with -f, a copy of that document with the rows merged\n"
     "in (municipalities by CBS code; measures, stakeholders and indicators by id).\n"
     "Separators (, ; TAB), encodings (UTF-8, Windows-1252), headers in Dutch or\n"
     "English or as keys, and codes as labels are recognised. Every error is shown\n"
     "as file:line: column 'name': what is wrong; on any error nothing is written.\n"
     "The result is validated; its warnings are shown. docs/spreadsheets.md lists\n"
     "the sheets and their columns.",
     "veilig import maatregelen.csv -o plan.json\n"
     "  veilig -f plan.json import plan/*.csv -o plan.json"},
    {"template", cmd_template, NULL, CO_LANG | CO_OUTPUT, CLI_FORMAT_BIT(VEILIG_FORMAT_CSV),
     VEILIG_FORMAT_CSV, "veilig template [OPTIONS] -o FILE.xlsx|FOLDER",
     "an empty workbook (or CSV files) to start a plan in",
     "Writes an empty workbook: a first sheet that explains every column (in --lang,\n"
     "Dutch by default), then one sheet per table with its headers and drop-down lists\n"
     "of the codes. With -o FOLDER (not ending in .xlsx) it writes one CSV file per\n"
     "sheet, headers only. Fill it in and read it with veilig import.\n"
     "docs/handleiding.md is the guide.",
     "veilig template -o nieuw-plan.xlsx\n  veilig template --lang en -o new-plan/"},
    {"site", cmd_site, cli_opts_site, CO_FILE | CO_LANG | CO_PERSONAL | CO_OUTPUT | CO_OWN_PERSONAL,
     CLI_FORMAT_BIT(VEILIG_FORMAT_HTML), VEILIG_FORMAT_HTML, "veilig site [OPTIONS] -o FOLDER",
     "the programme as a static website",
     "Writes a static website of the registry into FOLDER (made when missing): a\n"
     "start page, a page per municipality (gemeenten/GM0153.html), a catalogue of\n"
     "the measures with filters, a page per category and comparison pages of each\n"
     "municipality with its nearest peers. --lang nl, en or both (the default:\n"
     "Dutch at the top, English under en/, with a switch). No request leaves the\n"
     "site; it works from disk. A folder that is not empty must hold an earlier\n"
     "site, unless --force. docs/site.md says more.",
     "veilig site -o site\n  veilig -f plan.json site --lang en -o /var/www/veilig"},
    {"summary", cmd_summary, NULL, CO_FILE | CO_LANG | CO_OUTPUT | CO_AS_LOADED,
     CLI_FORMAT_BIT(VEILIG_FORMAT_TEXT), VEILIG_FORMAT_TEXT, "veilig summary [OPTIONS] [CODE|NAME]",
     "a few key figures",
     "Prints a few key figures: municipalities, measures, categories covered and\n"
     "the validation result, of the whole programme or of one municipality.",
     "veilig summary\n  veilig summary GM0153 --lang en"}};

#define NCOMMANDS (sizeof commands / sizeof *commands)

/* ---- help ---- */

/* Prints text from column col, wrapping words before column 80; continuation
   lines start at column indent. Ends the line. */
static void print_wrapped(FILE *f, const char *text, size_t col, size_t indent) {
    const size_t width = 79;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (!n)
            break;
        if (col > indent && col + 1 + n > width) {
            fprintf(f, "\n%*s", (int)indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', f);
            col++;
        }
        fwrite(p, 1, n, f);
        col += n;
        p += n;
    }
    fputc('\n', f);
}

/* Whether cmd takes --lang both (the site: both trees, its default). */
static int takes_both_langs(const cli_command *cmd) {
    return cmd && cmd->run == cmd_site;
}

static void print_option(FILE *f, const cli_opt *o, const cli_command *cmd) {
    char left[64];
    char formats[128] = "";
    if (o->short_name && o->long_name)
        snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->long_name,
                 o->has_value ? " " : "", o->has_value ? o->value_name : "");
    else if (o->long_name)
        snprintf(left, sizeof left, "    --%s%s%s", o->long_name, o->has_value ? " " : "",
                 o->has_value ? o->value_name : "");
    else
        snprintf(left, sizeof left, "-%c%s%s", o->short_name, o->has_value ? " " : "",
                 o->has_value ? o->value_name : "");
    fprintf(f, "  %-26s", left);
    if (strlen(left) > 26)
        fprintf(f, "\n  %-26s", "");
    const char *help = o->help ? o->help : "";
    if (o->id == OPT_FORMAT && cmd) {
        size_t used = 0;
        for (int v = VEILIG_FORMAT_TEXT; v <= VEILIG_FORMAT_HTML; v++) {
            if (!(cmd->formats & CLI_FORMAT_BIT(v)))
                continue;
            int n = snprintf(formats + used, sizeof formats - used, "%s%s%s", used ? ", " : "",
                             veilig_format_name((veilig_format)v),
                             (veilig_format)v == cmd->default_format ? " (default)" : "");
            if (n > 0 && (size_t)n < sizeof formats - used)
                used += (size_t)n;
        }
        help = formats;
    } else if (o->id == OPT_FORMAT) {
        help = "text, json, csv or markdown, where the command offers it";
    } else if (o->id == OPT_LANG && takes_both_langs(cmd)) {
        help = "language of the site: nl, en or both (default: both, Dutch at the top and "
               "English under en/)";
    }
    print_wrapped(f, help, 28, 28);
}

static unsigned common_bit(int id) {
    switch (id) {
        case OPT_FILE:
            return CO_FILE;
        case OPT_FORMAT:
            return CO_FORMAT;
        case OPT_LANG:
            return CO_LANG;
        case OPT_PERSONAL:
            return CO_PERSONAL;
        case OPT_OUTPUT:
            return CO_OUTPUT;
        case OPT_RAW:
            return CO_RAW;
        case OPT_MAX_SIZE:
            return CO_MAX_SIZE;
        default:
            return 0; /* always allowed */
    }
}

/* The common options cmd uses: its own, --raw where it offers CSV and
   --max-size where it reads documents. */
static unsigned command_common(const cli_command *cmd) {
    return cmd->common | (cmd->formats & CLI_FORMAT_BIT(VEILIG_FORMAT_CSV) ? CO_RAW : 0u) |
           (cmd->common & CO_FILE ? CO_MAX_SIZE : 0u);
}

/* Parses --max-size: a whole number of bytes, or of KiB, MiB or GiB with the
   suffix K, M or G. */
static int parse_size(size_t *out, const cli_ctx *ctx, const char *value) {
    size_t n = 0;
    const char *c = value;
    for (; *c >= '0' && *c <= '9'; c++) {
        if (n > (SIZE_MAX - 9) / 10)
            return cli_usage(ctx, "--max-size: \"%s\" is too large", value);
        n = n * 10 + (size_t)(*c - '0');
    }
    unsigned shift = 0;
    if (c > value && (*c == 'K' || *c == 'k'))
        shift = 10, c++;
    else if (c > value && (*c == 'M' || *c == 'm'))
        shift = 20, c++;
    else if (c > value && (*c == 'G' || *c == 'g'))
        shift = 30, c++;
    if (c == value || *c || n == 0)
        return cli_usage(ctx,
                         "--max-size: \"%s\" is not a size; give a number of bytes from 1 up, "
                         "or with K, M or G (500M, 2G)",
                         value);
    if (n > (SIZE_MAX >> shift))
        return cli_usage(ctx, "--max-size: \"%s\" is too large", value);
    *out = n << shift;
    return 0;
}

static void print_codes(FILE *f, const char *title, veilig_vocab vocab) {
    char line[512];
    size_t used = 0;
    line[0] = '\0';
    for (int i = 1; i <= veilig_vocab_size(vocab); i++) {
        int n = snprintf(line + used, sizeof line - used, "%s%s", i > 1 ? ", " : "",
                         veilig_vocab_code(vocab, i));
        if (n > 0 && (size_t)n < sizeof line - used)
            used += (size_t)n;
    }
    fprintf(f, "  %-18s", title);
    print_wrapped(f, line, 20, 20);
}

static void command_help(FILE *f, const cli_command *cmd) {
    fprintf(f, "Usage: %s\n\n%s\n\nOptions:\n", cmd->usage, cmd->description);
    for (const cli_opt *o = cmd->opts; o && o->id; o++)
        print_option(f, o, cmd);
    for (const cli_opt *o = common_opts; o->id; o++) {
        unsigned bit = common_bit(o->id);
        if (bit && !(command_common(cmd) & bit))
            continue;
        if (o->id == OPT_FORMAT && !(cmd->formats & (cmd->formats - 1)))
            continue; /* one format only: nothing to choose */
        print_option(f, o, cmd);
    }
    if (cmd->run == cmd_query) {
        fputs("\nCodes:\n", f);
        print_codes(f, "category", VEILIG_VOCAB_CATEGORY);
        print_codes(f, "approach", VEILIG_VOCAB_APPROACH);
        print_codes(f, "target", VEILIG_VOCAB_TARGET_GROUP);
        print_codes(f, "setting", VEILIG_VOCAB_SETTING);
        print_codes(f, "stakeholder-kind", VEILIG_VOCAB_STAKEHOLDER_TYPE);
        print_codes(f, "status", VEILIG_VOCAB_MEASURE_STATE);
        print_codes(f, "evidence", VEILIG_VOCAB_EVIDENCE);
        fprintf(f, "  %-18s", "province");
        char provinces[256];
        cli_province_list(provinces, sizeof provinces);
        print_wrapped(f, provinces, 20, 20);
    }
    fprintf(f, "\nExample:\n  %s\n", cmd->example);
}

static void tool_help(FILE *f) {
    fputs("Usage: veilig [OPTIONS] COMMAND [ARGUMENTS]\n"
          "\n"
          "Describes and analyses how Dutch municipalities tackle (sexual) street\n"
          "harassment and unsafety in public space and nightlife (programme Veilige\n"
          "Steden). Without -f the commands work on the bundled Veilige Steden dataset.\n"
          "\n"
          "Commands:\n",
          f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-12s%s\n", commands[i].name, commands[i].summary);
    fputs("\nOptions (the commands take them too, where they apply):\n", f);
    for (const cli_opt *o = common_opts; o->id; o++)
        print_option(f, o, NULL);
    for (const cli_opt *o = top_opts; o->id; o++)
        print_option(f, o, NULL);
    fputs("\nExamples:\n"
          "  veilig list\n"
          "  veilig query --category bystander --target lgbtiq\n"
          "  veilig -f plan.json validate\n"
          "  veilig report -o rapport.html\n"
          "\n"
          "Exit status: 0 success; 1 validation warnings with --strict; 2 invalid input (a\n"
          "document that does not load or has validation errors); 64 usage error; 66 file\n"
          "not found or unreadable; 70 internal error; 73 the output cannot be written.\n"
          "\n"
          "Run 'veilig COMMAND --help' for the options of a command; see veilig(1).\n",
          f);
}

/* ---- dispatch ---- */

static const cli_command *find_command(const char *name) {
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int unknown_command(const char *name) {
    const char *names[NCOMMANDS];
    for (size_t i = 0; i < NCOMMANDS; i++)
        names[i] = commands[i].name;
    const char *best = veilig_suggest(name, names, NCOMMANDS);
    if (best)
        return cli_fail(CLI_EXIT_USAGE,
                        "unknown command \"%s\"; did you mean \"%s\"? (see 'veilig --help')", name,
                        best);
    return cli_fail(CLI_EXIT_USAGE, "unknown command \"%s\" (see 'veilig --help' for the commands)",
                    name);
}

/* Applies the common options of a and checks that the command uses them. */
static int apply_common(cli_ctx *ctx, const cli_args *a) {
    for (size_t i = 0; i < a->nopts; i++) {
        const cli_found *f = &a->opts[i];
        unsigned bit = common_bit(f->opt->id);
        if (bit && !(command_common(ctx->cmd) & bit)) {
            char spelling[64];
            cli_opt_spelling(spelling, sizeof spelling, f->opt);
            if (f->opt->id == OPT_FILE && ctx->cmd->run == cmd_diff)
                return cli_usage(ctx, "diff: give the two files as arguments, not with %s",
                                 spelling);
            return cli_usage(ctx, "%s does not apply to '%s'", spelling, ctx->cmd->name);
        }
        switch (f->opt->id) {
            case OPT_FILE: {
                const char **p = realloc(ctx->files, (ctx->nfiles + 1) * sizeof *p);
                if (!p)
                    return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
                ctx->files = p;
                ctx->files[ctx->nfiles++] = f->value;
                break;
            }
            case OPT_FORMAT: {
                if (strcmp(f->value, "xlsx") == 0 && ctx->cmd->run == cmd_export) {
                    ctx->xlsx = 1; /* a workbook: export's own format */
                    break;
                }
                veilig_format fm = veilig_format_from_name(f->value);
                if (!fm || !(ctx->cmd->formats & CLI_FORMAT_BIT(fm))) {
                    vg_buf b;
                    vg_buf_init_std(&b);
                    for (int v = VEILIG_FORMAT_TEXT; v <= VEILIG_FORMAT_HTML; v++)
                        if (ctx->cmd->formats & CLI_FORMAT_BIT(v)) {
                            vg_buf_puts(&b, b.len ? ", " : "");
                            vg_buf_puts(&b, veilig_format_name((veilig_format)v));
                        }
                    int status = cli_usage(ctx, "%s format \"%s\" for '%s'; valid: %s",
                                           fm ? "no" : "unknown", f->value, ctx->cmd->name,
                                           b.data ? b.data : "");
                    vg_buf_free(&b);
                    return status;
                }
                ctx->format = fm;
                break;
            }
            case OPT_LANG:
                if (strcmp(f->value, "nl") != 0 && strcmp(f->value, "en") != 0 &&
                    !(takes_both_langs(ctx->cmd) && strcmp(f->value, "both") == 0))
                    return cli_usage(ctx, "unknown language \"%s\"; valid: nl, en%s", f->value,
                                     takes_both_langs(ctx->cmd) ? ", both" : "");
                ctx->lang = f->value;
                break;
            case OPT_PERSONAL:
                ctx->include_personal = 1;
                break;
            case OPT_RAW:
                ctx->csv_raw = 1;
                break;
            case OPT_MAX_SIZE: {
                int status = parse_size(&ctx->max_size, ctx, f->value);
                if (status)
                    return status;
                break;
            }
            case OPT_OUTPUT:
                if (!*f->value)
                    return cli_usage(ctx, "-o needs a file name");
                ctx->output = f->value;
                break;
            default:
                break;
        }
    }
    return 0;
}

/* The tool's version (of the headers it was built with) and the library's (at run time). */
static int print_version(void) {
    printf("veilig %s (libveilig %s, ABI %d)\n", VEILIG_VERSION_STRING, veilig_version(),
           veilig_abi_version());
    return 0;
}

static int run(cli_ctx *ctx, int argc, char **argv) {
    static const cli_opt *const pre_tables[] = {common_opts, top_opts, NULL};
    char err[256];
    int rc = cli_args_parse(&ctx->pre, pre_tables, argc, argv, 1, 1, err, sizeof err);
    if (rc == CLI_ARGS_NOMEM)
        return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    if (rc != CLI_ARGS_OK)
        return cli_usage(NULL, "%s", err);
    if (cli_args_has(&ctx->pre, OPT_VERSION))
        return print_version();
    int help = cli_args_has(&ctx->pre, OPT_HELP);
    int next = ctx->pre.next;
    if (next >= argc) {
        if (help) {
            tool_help(stdout);
            return 0;
        }
        return cli_fail(CLI_EXIT_USAGE,
                        "no command given; try 'veilig list', or 'veilig --help' for the commands");
    }
    const char *name = argv[next];
    if (strcmp(name, "help") == 0) {
        if (next + 1 >= argc) {
            tool_help(stdout);
            return 0;
        }
        const cli_command *c = find_command(argv[next + 1]);
        if (!c)
            return unknown_command(argv[next + 1]);
        command_help(stdout, c);
        return 0;
    }
    ctx->cmd = find_command(name);
    if (!ctx->cmd)
        return unknown_command(name);

    const cli_opt *const tables[] = {common_opts, ctx->cmd->opts ? ctx->cmd->opts : no_opts,
                                     top_opts, NULL};
    rc = cli_args_parse(&ctx->args, tables, argc, argv, next + 1, 0, err, sizeof err);
    if (rc == CLI_ARGS_NOMEM)
        return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    if (rc != CLI_ARGS_OK)
        return cli_usage(ctx, "%s", err);
    if (cli_args_has(&ctx->args, OPT_VERSION))
        return print_version();
    if (help || cli_args_has(&ctx->args, OPT_HELP)) {
        command_help(stdout, ctx->cmd);
        return 0;
    }

    ctx->format = (veilig_format)0;
    ctx->lang = "nl";
    int status = apply_common(ctx, &ctx->pre);
    if (!status)
        status = apply_common(ctx, &ctx->args);
    if (status)
        return status;
    if (!ctx->format)
        ctx->format = ctx->cmd->default_format;
    if (ctx->csv_raw && ctx->format != VEILIG_FORMAT_CSV)
        return cli_usage(ctx, "--raw applies to CSV only; give --format csv as well");
    veilig_report_options_init(&ctx->ropts, VEILIG_REPORT_OPTIONS_VERSION);
    ctx->ropts.format = ctx->format;
    ctx->ropts.lang = ctx->lang;
    ctx->ropts.flags = (ctx->include_personal ? VEILIG_REPORT_INCLUDE_PERSONAL : 0u) |
                       (ctx->csv_raw ? VEILIG_REPORT_RAW : 0u);
    return ctx->cmd->run(ctx);
}

int main(int argc, char **argv) {
    cli_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    int status = run(&ctx, argc, argv);
    if (ctx.reg != ctx.raw)
        veilig_registry_free(ctx.reg);
    veilig_registry_free(ctx.raw);
    free(ctx.source);
    free(ctx.files);
    cli_args_free(&ctx.pre);
    cli_args_free(&ctx.args);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("veilig: cannot write to standard output\n", stderr);
        if (status == 0 || status == CLI_EXIT_STRICT || status == CLI_EXIT_INVALID)
            status = CLI_EXIT_CANTCREAT;
    }
    return status;
}
