/*
 * veilig (the command-line tool): a small option parser.
 *
 * Long options as --name=value or --name value, short options as -f FILE or
 * -fFILE (and no-value short options bundled: -hq); options and operands may
 * be mixed in any order; "--" ends the options; "-" alone is an operand
 * (standard input). Options are described by tables; what the parser finds
 * it lists in order, so that repeated options (-f a -f b) keep their order.
 */
#ifndef VEILIG_CLI_ARGS_H
#define VEILIG_CLI_ARGS_H

#include <stddef.h>

/** One option a command accepts. A table ends with an entry whose id is 0. */
typedef struct cli_opt {
    int id;                 /**< what the caller calls it; never 0 */
    const char *long_name;  /**< without "--"; NULL when there is none */
    char short_name;        /**< 0 when there is none */
    int has_value;          /**< 1: takes a value */
    const char *value_name; /**< for help texts ("FILE") */
    const char *help;       /**< one line for help texts */
} cli_opt;

/** One option found: which, with what value (NULL for options without one). */
typedef struct cli_found {
    const cli_opt *opt;
    const char *value; /**< borrowed from argv */
} cli_found;

/** What the parser found. */
typedef struct cli_args {
    cli_found *opts;
    size_t nopts;
    const char **operands; /**< borrowed from argv */
    size_t noperands;
    int next; /**< with stop_at_operand: index of the first operand in argv (argc if none) */
} cli_args;

/** Parser results. */
enum {
    CLI_ARGS_OK = 0,
    CLI_ARGS_USAGE = -1, /**< a usage error: the message is in err */
    CLI_ARGS_NOMEM = -2
};

/**
 * Parses argv[first..argc) against tables (a NULL-terminated list of option
 * tables). With stop_at_operand, stops at the first operand (for options
 * that come before a command) and sets out->next. Returns one of CLI_ARGS_*;
 * on CLI_ARGS_USAGE a one-line message is in err. out is always initialised
 * and must be freed with cli_args_free.
 */
int cli_args_parse(cli_args *out, const cli_opt *const *tables, int argc, char **argv, int first,
                   int stop_at_operand, char *err, size_t errsize);

/** Frees what cli_args_parse allocated (not argv). */
void cli_args_free(cli_args *a);

/** The last value given for option id, or NULL. */
const char *cli_args_last(const cli_args *a, int id);

/** Whether option id was given. */
int cli_args_has(const cli_args *a, int id);

/** Writes how option o is spelled in messages ("-o" when it has a short name, else "--format"). */
void cli_opt_spelling(char *buf, size_t size, const cli_opt *o);

#endif
