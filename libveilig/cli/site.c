/*
 * veilig site: the programme as a static website (veilig_site_write).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

const cli_opt cli_opts_site[] = {
    {OPT_FORCE, "force", 0, 0, NULL,
     "write into a folder that is not empty and holds no earlier site"},
    {OPT_THREADS, "threads", 'j', 1, "N",
     "write the pages with N threads (default: one per processor)"},
    {0, NULL, 0, 0, NULL, NULL}};

int cmd_site(cli_ctx *ctx) {
    if (ctx->args.noperands)
        return cli_usage(ctx, "site: no arguments; give the folder with -o");
    if (!cli_output_is_file(ctx))
        return cli_usage(ctx, "site: give the folder to write the site into with -o FOLDER");
    veilig_site_options opts = VEILIG_SITE_OPTIONS_INIT;
    const char *threads = cli_args_last(&ctx->args, OPT_THREADS);
    size_t n = 0;
    int status = threads ? cli_parse_count(&n, ctx, "--threads", threads, 256) : 0;
    if (status || (status = cli_load_registry(ctx)) != 0)
        return status;
    opts.threads = (unsigned)n;
    /* without --lang: both languages */
    opts.lang = cli_args_last(&ctx->args, OPT_LANG) ? ctx->lang : "both";
    if (ctx->include_personal)
        opts.flags |= VEILIG_SITE_INCLUDE_PERSONAL;
    if (cli_args_last(&ctx->args, OPT_FORCE))
        opts.flags |= VEILIG_SITE_FORCE;
    veilig_error err;
    int rc = veilig_site_write(ctx->reg, ctx->output, &opts, &err);
    if (rc != VEILIG_OK) {
        if (err.pointer[0])
            return cli_fail(rc == VEILIG_ENOMEM ? CLI_EXIT_SOFTWARE : CLI_EXIT_INVALID,
                            "%s at %s: %s", ctx->source, err.pointer, err.message);
        return cli_fail(rc == VEILIG_ENOMEM ? CLI_EXIT_SOFTWARE : CLI_EXIT_CANTCREAT, "%s",
                        err.message);
    }
    printf("%s %s\n", strcmp(ctx->lang, "en") == 0 ? "Site written to" : "Site geschreven naar",
           ctx->output);
    return 0;
}
