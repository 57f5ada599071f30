/* veilig (the command-line tool): the option parser (see args.h). */
#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_opt *find_long(const cli_opt *const *tables, const char *name, size_t len) {
    for (size_t t = 0; tables[t]; t++)
        for (const cli_opt *o = tables[t]; o->id; o++)
            if (o->long_name && strlen(o->long_name) == len &&
                strncmp(o->long_name, name, len) == 0)
                return o;
    return NULL;
}

static const cli_opt *find_short(const cli_opt *const *tables, char c) {
    for (size_t t = 0; tables[t]; t++)
        for (const cli_opt *o = tables[t]; o->id; o++)
            if (o->short_name && o->short_name == c)
                return o;
    return NULL;
}

static int add_found(cli_args *a, const cli_opt *o, const char *value) {
    cli_found *p = realloc(a->opts, (a->nopts + 1) * sizeof *p);
    if (!p)
        return CLI_ARGS_NOMEM;
    a->opts = p;
    a->opts[a->nopts].opt = o;
    a->opts[a->nopts].value = value;
    a->nopts++;
    return CLI_ARGS_OK;
}

static int add_operand(cli_args *a, const char *s) {
    const char **p = realloc(a->operands, (a->noperands + 1) * sizeof *p);
    if (!p)
        return CLI_ARGS_NOMEM;
    a->operands = p;
    a->operands[a->noperands++] = s;
    return CLI_ARGS_OK;
}

/* A long option: arg is what follows "--". */
static int parse_long(cli_args *out, const cli_opt *const *tables, int argc, char **argv, int *i,
                      char *err, size_t errsize) {
    const char *arg = argv[*i] + 2;
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    const cli_opt *o = find_long(tables, arg, len);
    if (!o) {
        snprintf(err, errsize, "unknown option --%.*s", (int)(len > 64 ? 64 : len), arg);
        return CLI_ARGS_USAGE;
    }
    if (!o->has_value) {
        if (eq) {
            snprintf(err, errsize, "option --%s takes no value", o->long_name);
            return CLI_ARGS_USAGE;
        }
        return add_found(out, o, NULL);
    }
    if (eq)
        return add_found(out, o, eq + 1);
    if (*i + 1 >= argc) {
        snprintf(err, errsize, "option --%s needs a value (--%s %s)", o->long_name, o->long_name,
                 o->value_name ? o->value_name : "VALUE");
        return CLI_ARGS_USAGE;
    }
    (*i)++;
    return add_found(out, o, argv[*i]);
}

/* One or more short options: argv[*i] is "-x...". */
static int parse_short(cli_args *out, const cli_opt *const *tables, int argc, char **argv, int *i,
                       char *err, size_t errsize) {
    const char *p = argv[*i] + 1;
    while (*p) {
        const cli_opt *o = find_short(tables, *p);
        if (!o) {
            snprintf(err, errsize, "unknown option -%c", *p);
            return CLI_ARGS_USAGE;
        }
        if (!o->has_value) {
            int rc = add_found(out, o, NULL);
            if (rc != CLI_ARGS_OK)
                return rc;
            p++;
            continue;
        }
        if (p[1])
            return add_found(out, o, p + 1);
        if (*i + 1 >= argc) {
            snprintf(err, errsize, "option -%c needs a value (-%c %s)", *p, *p,
                     o->value_name ? o->value_name : "VALUE");
            return CLI_ARGS_USAGE;
        }
        (*i)++;
        return add_found(out, o, argv[*i]);
    }
    return CLI_ARGS_OK;
}

int cli_args_parse(cli_args *out, const cli_opt *const *tables, int argc, char **argv, int first,
                   int stop_at_operand, char *err, size_t errsize) {
    memset(out, 0, sizeof *out);
    out->next = argc;
    if (errsize)
        err[0] = '\0';
    int only_operands = 0;
    for (int i = first; i < argc; i++) {
        const char *arg = argv[i];
        int rc;
        if (only_operands || arg[0] != '-' || arg[1] == '\0') {
            if (stop_at_operand) {
                out->next = i;
                return CLI_ARGS_OK;
            }
            rc = add_operand(out, arg);
        } else if (strcmp(arg, "--") == 0) {
            only_operands = 1;
            if (stop_at_operand) {
                out->next = i + 1;
                return CLI_ARGS_OK;
            }
            continue;
        } else if (arg[1] == '-') {
            rc = parse_long(out, tables, argc, argv, &i, err, errsize);
        } else {
            rc = parse_short(out, tables, argc, argv, &i, err, errsize);
        }
        if (rc != CLI_ARGS_OK)
            return rc;
    }
    return CLI_ARGS_OK;
}

void cli_args_free(cli_args *a) {
    if (!a)
        return;
    free(a->opts);
    free(a->operands);
    a->opts = NULL;
    a->operands = NULL;
    a->nopts = a->noperands = 0;
}

const char *cli_args_last(const cli_args *a, int id) {
    const char *v = NULL;
    for (size_t i = 0; i < a->nopts; i++)
        if (a->opts[i].opt->id == id)
            v = a->opts[i].value;
    return v;
}

int cli_args_has(const cli_args *a, int id) {
    for (size_t i = 0; i < a->nopts; i++)
        if (a->opts[i].opt->id == id)
            return 1;
    return 0;
}

void cli_opt_spelling(char *buf, size_t size, const cli_opt *o) {
    if (o->short_name)
        snprintf(buf, size, "-%c", o->short_name);
    else
        snprintf(buf, size, "--%s", o->long_name);
}
