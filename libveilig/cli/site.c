/*
 * veilig site: the programme as a static website (veilig_site_write; for a
 * single file veilig_site_write_file, which begins the pages while the file
 * loads).
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
    if (status)
        return status;
    opts.threads = (unsigned)n;
    /* without --lang: both languages */
    opts.lang = cli_args_last(&ctx->args, OPT_LANG) ? ctx->lang : "both";
    if (ctx->include_personal)
        opts.flags |= VEILIG_SITE_INCLUDE_PERSONAL;
    if (cli_args_last(&ctx->args, OPT_FORCE))
        opts.flags |= VEILIG_SITE_FORCE;
    veilig_error err;
    int rc;
    if (ctx->nfiles == 1 && strcmp(ctx->files[0], "-") != 0) {
        /* one file: the library loads it and begins the pages meanwhile */
        const char *path = ctx->files[0], *name = cli_display_name(path);
        if ((status = cli_can_open(path)) != 0)
            return status;
        veilig_load_options lo;
        veilig_error errs[CLI_LOAD_ERRORS];
        size_t nerr;
        cli_load_options_listing(&lo, ctx, name, errs, &nerr);
        veilig_registry *reg = NULL;
        rc = veilig_site_write_file(&reg, path, &lo, ctx->output, &opts, &err);
        if (!reg)
            return cli_load_failed(rc, &err, errs, nerr, name);
        veilig_registry_free(reg);
        if (rc != VEILIG_OK && !(ctx->source = strdup(name)))
            return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    } else {
        if ((status = cli_load_registry(ctx)) != 0)
            return status;
        rc = veilig_site_write(ctx->reg, ctx->output, &opts, &err);
    }
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
