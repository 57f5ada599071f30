/* veilig (the command-line tool): messages, files, loading and writing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "util/atomic.h" /* the one atomic writer (libveilig/util) */

/* ---- messages ---- */

int cli_fail(int status, const char *fmt, ...) {
    va_list ap;
    fflush(stdout);
    fputs("veilig: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return status;
}

int cli_fail_lib(int rc, const char *what) {
    if (rc == VEILIG_ENOMEM)
        return cli_fail(CLI_EXIT_SOFTWARE, "out of memory while %s", what);
    return cli_fail(CLI_EXIT_SOFTWARE, "internal error while %s: %s (please report this)", what,
                    veilig_strerror(rc));
}

int cli_usage(const cli_ctx *ctx, const char *fmt, ...) {
    va_list ap;
    fflush(stdout);
    fputs("veilig: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (ctx && ctx->cmd)
        fprintf(stderr, " (see 'veilig %s --help')\n", ctx->cmd->name);
    else
        fputs(" (see 'veilig --help')\n", stderr);
    return CLI_EXIT_USAGE;
}

/* ---- strings ---- */

void cli_buf_field(vg_buf *b, const char *s, veilig_format format, unsigned flags) {
    char *text = NULL;
    size_t len = 0;
    if (veilig_escape(&text, &len, s ? s : "", format, flags) != VEILIG_OK) {
        b->failed = 1;
        return;
    }
    vg_buf_put(b, text, len);
    veilig_free(text);
}

const char *cli_term(char *buf, size_t size, const char *s) {
    char *text = NULL;
    size_t len = 0;
    if (veilig_escape(&text, &len, s ? s : "", VEILIG_FORMAT_TEXT, 0) != VEILIG_OK)
        len = 0;
    if (len >= size) {
        len = size - 1;
        while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* never cut a character in two */
    }
    if (len)
        memcpy(buf, text, len);
    buf[len] = '\0';
    veilig_free(text);
    return buf;
}

/* ---- files ---- */

const char *cli_display_name(const char *path) {
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Prints what is wrong with a document (a failed read or load) as one line and
   returns its exit status. */
static int cli_document_error(int rc, const veilig_error *err, const char *name) {
    char where[VEILIG_ERROR_SOURCE_LENGTH + 64];
    /* the message and the pointer may quote the document: escaped */
    char msg[6 * sizeof err->message], ptr[6 * sizeof err->pointer];
    if (rc == VEILIG_ENOMEM)
        return cli_fail(CLI_EXIT_SOFTWARE, "%s: out of memory while loading it", name);
    if (rc == VEILIG_EIO) /* the library's message names the file and the OS's reason */
        return cli_fail(CLI_EXIT_NOINPUT, "%s (give a readable file)", err->message);
    if (err->line > 0)
        snprintf(where, sizeof where, "%s:%d:%d", name, err->line, err->column);
    else
        snprintf(where, sizeof where, "%s", name);
    cli_term(msg, sizeof msg, err->message);
    cli_term(ptr, sizeof ptr, err->pointer);
    switch (rc) {
        case VEILIG_EPARSE:
            return cli_fail(CLI_EXIT_INVALID, "%s: not valid JSON (%s)", where, msg);
        case VEILIG_EVERSION:
            return cli_fail(CLI_EXIT_INVALID,
                            "%s: not a veilig document of format version 1 (%s%s%s)", where, ptr,
                            ptr[0] ? ": " : "", msg);
        case VEILIG_ELIMIT:
            return cli_fail(CLI_EXIT_INVALID, "%s: too large for veilig (%s%s%s)%s", where, ptr,
                            ptr[0] ? ": " : "", msg,
                            strstr(err->message, "(max_size)") ? "; --max-size raises the limit"
                                                               : "");
        default:
            return cli_fail(CLI_EXIT_INVALID, "%s: not a valid veilig document (%s%s%s)", where,
                            ptr, ptr[0] ? ": " : "", msg);
    }
}

int cli_read_bytes(char **text, size_t *len, const char *path) {
    int from_stdin = strcmp(path, "-") == 0;
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
    *text = NULL;
    *len = 0;
    if (!f)
        return cli_fail(CLI_EXIT_NOINPUT, "%s: cannot open: %s (check the file name)", path,
                        strerror(errno));
    vg_buf b;
    vg_buf_init_std(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        vg_buf_put(&b, chunk, n);
    int read_error = ferror(f) ? errno : 0;
    if (!from_stdin)
        fclose(f);
    if (read_error) {
        vg_buf_free(&b);
        return cli_fail(CLI_EXIT_NOINPUT, "%s: cannot read: %s (give a readable file)",
                        cli_display_name(path), strerror(read_error));
    }
    if (b.failed) {
        vg_buf_free(&b);
        return cli_fail(CLI_EXIT_SOFTWARE, "%s: out of memory while reading it",
                        cli_display_name(path));
    }
    *text = vg_buf_finish(&b, len); /* "" for an empty file */
    if (!*text)
        return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    return 0;
}

int cli_can_open(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cli_fail(CLI_EXIT_NOINPUT, "%s: cannot open: %s (check the file name)", path,
                        strerror(errno));
    close(fd);
    return 0;
}

void cli_load_options(veilig_load_options *opts, const cli_ctx *ctx, const char *name) {
    veilig_load_options def = VEILIG_LOAD_OPTIONS_INIT;
    *opts = def;
    opts->source = name;
    if (ctx->max_size)
        opts->max_size = ctx->max_size;
}

void cli_load_options_listing(veilig_load_options *opts, const cli_ctx *ctx, const char *name,
                              veilig_error *errs, size_t *n) {
    cli_load_options(opts, ctx, name);
    *n = 0;
    opts->errors = errs;
    opts->max_errors = CLI_LOAD_ERRORS;
    opts->error_count = n;
}

int cli_read_file(const cli_ctx *ctx, char **text, size_t *len, const char *path) {
    int from_stdin = strcmp(path, "-") == 0;
    int fd = from_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    *text = NULL;
    *len = 0;
    if (fd < 0)
        return cli_fail(CLI_EXIT_NOINPUT, "%s: cannot open: %s (check the file name)", path,
                        strerror(errno));
    /* bounded as the library reads: no further than can still be a document */
    veilig_load_options opts;
    veilig_error err;
    cli_load_options(&opts, ctx, cli_display_name(path));
    int rc = veilig_document_read_fd(text, len, fd, &opts, &err);
    if (!from_stdin)
        close(fd);
    return rc == VEILIG_OK ? 0 : cli_document_error(rc, &err, cli_display_name(path));
}

/* Loads text[0..len), or the file at path when path is not NULL, listing
   every schema error. */
static int cli_load(const cli_ctx *ctx, veilig_registry **out, const char *text, size_t len,
                    const char *path, const char *name) {
    veilig_load_options opts;
    veilig_error err, errs[CLI_LOAD_ERRORS];
    size_t n = 0;
    cli_load_options_listing(&opts, ctx, name, errs, &n);
    memset(&err, 0, sizeof err);
    int rc = path ? veilig_registry_load_file(out, path, &opts, &err)
                  : veilig_registry_load_string(out, text, len, &opts, &err);
    return rc == VEILIG_OK ? 0 : cli_load_failed(rc, &err, errs, n, name);
}

int cli_load_failed(int rc, const veilig_error *err, const veilig_error *errs, size_t n,
                    const char *name) {
    if (rc != VEILIG_ESCHEMA || n == 0)
        return cli_document_error(rc, err, name);
    int status = 0;
    for (size_t i = 0; i < n; i++)
        status = cli_document_error(rc, &errs[i], name);
    if (n == CLI_LOAD_ERRORS)
        cli_fail(status, "%s: stopped after %d errors", name, CLI_LOAD_ERRORS);
    return status;
}

/* Loads a document from text; on failure prints the error (one line per
   schema error, up to CLI_LOAD_ERRORS) and returns its status. */
static int cli_load_text(const cli_ctx *ctx, veilig_registry **out, const char *text, size_t len,
                         const char *name) {
    return cli_load(ctx, out, text, len, NULL, name);
}

int cli_load_file(const cli_ctx *ctx, veilig_registry **out, const char *path) {
    *out = NULL;
    if (strcmp(path, "-") != 0) {
        /* a file: the library reads it a part at a time, never whole in memory */
        int status = cli_can_open(path);
        return status ? status : cli_load(ctx, out, NULL, 0, path, cli_display_name(path));
    }
    char *text = NULL;
    size_t len = 0;
    int status = cli_read_file(ctx, &text, &len, path);
    if (status)
        return status;
    status = cli_load_text(ctx, out, text, len, cli_display_name(path));
    veilig_free(text);
    return status;
}

/* Removes the contacts marked personal from reg itself: what
   cli_without_personal gives, without a second registry. */
static void cli_strip_personal(veilig_registry *reg) {
    veilig_programme *p = veilig_registry_programme_mut(reg);
    if (p && veilig_contact_personal(veilig_programme_contact(p)))
        veilig_programme_clear_contact(p);
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        veilig_municipality *m = veilig_registry_get_mut(reg, i);
        for (size_t k = veilig_municipality_contact_count(m); k-- > 0;)
            if (veilig_contact_personal(veilig_municipality_contact(m, k)))
                veilig_municipality_remove_contact(m, k);
    }
}

int cli_without_personal(veilig_registry **out, const veilig_registry *reg) {
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    char *json = NULL;
    size_t len = 0;
    *out = NULL;
    so.flags = VEILIG_SAVE_OMIT_PERSONAL;
    int rc = veilig_registry_dump(&json, &len, reg, &so, NULL);
    if (rc == VEILIG_OK)
        rc = veilig_registry_load_string(out, json, len, NULL, NULL);
    veilig_free(json);
    return rc == VEILIG_OK ? 0 : cli_fail_lib(rc, "leaving out personal data");
}

/* Which file (before index `file`, or earlier in it) holds a municipality with code. */
static const char *origin_of(veilig_registry *const *regs, const char *const *files, size_t file,
                             size_t index, const char *code) {
    const veilig_registry *self = regs[file];
    for (size_t k = 0; k < index; k++)
        if (strcasecmp(veilig_municipality_code(veilig_registry_get(self, k)), code) == 0)
            return files[file];
    for (size_t j = 1; j < file; j++)
        for (size_t k = 0; k < veilig_registry_count(regs[j]); k++)
            if (strcasecmp(veilig_municipality_code(veilig_registry_get(regs[j], k)), code) == 0)
                return files[j];
    return files[0];
}

/* Adds the municipalities of regs[1..n) to regs[0]. */
static int merge(veilig_registry **regs, const char *const *names, size_t n) {
    for (size_t i = 1; i < n; i++) {
        for (size_t k = 0; k < veilig_registry_count(regs[i]); k++) {
            const veilig_municipality *m = veilig_registry_get(regs[i], k);
            char *json = NULL;
            size_t len = 0;
            int rc = veilig_municipality_to_json(&json, &len, m, NULL, NULL);
            if (rc == VEILIG_OK)
                rc = veilig_registry_add_json(NULL, regs[0], json, len, VEILIG_ADD_AS_LOADED, NULL);
            veilig_free(json);
            if (rc == VEILIG_EEXISTS) {
                char term[256]; /* the code, escaped for the message */
                const char *other = origin_of(regs, names, i, k, veilig_municipality_code(m));
                const char *code = cli_term(term, sizeof term, veilig_municipality_code(m));
                if (other != names[i] && strcmp(other, names[i]) == 0)
                    return cli_fail(CLI_EXIT_USAGE, "%s: the file is given twice; give it once",
                                    names[i]);
                if (other == names[i])
                    return cli_fail(CLI_EXIT_INVALID,
                                    "%s: municipality %s appears twice in this file; keep one "
                                    "(veilig validate %s shows where)",
                                    names[i], code, names[i]);
                return cli_fail(CLI_EXIT_INVALID,
                                "%s: municipality %s is also in %s; give each municipality in "
                                "one file only",
                                names[i], code, other);
            }
            if (rc != VEILIG_OK)
                return cli_fail_lib(rc, "merging the files");
        }
    }
    return 0;
}

int cli_load_registry(cli_ctx *ctx) {
    int status = 0;
    vg_buf src;
    vg_buf_init_std(&src);
    if (ctx->nfiles == 0) {
        veilig_error err;
        memset(&err, 0, sizeof err);
        int rc = veilig_registry_load_builtin(&ctx->raw, &err);
        if (rc != VEILIG_OK)
            return rc == VEILIG_ENOMEM ? cli_fail_lib(rc, "loading the bundled dataset")
                                       : cli_fail(CLI_EXIT_SOFTWARE,
                                                  "the bundled dataset does not load: %s (please "
                                                  "report this)",
                                                  err.message);
        vg_buf_puts(&src, "the bundled dataset");
    } else {
        size_t stdin_uses = 0;
        for (size_t i = 0; i < ctx->nfiles; i++)
            stdin_uses += strcmp(ctx->files[i], "-") == 0;
        if (stdin_uses > 1)
            return cli_usage(ctx, "standard input (-f -) can be given only once");
        veilig_registry **regs = calloc(ctx->nfiles, sizeof *regs);
        const char **names = calloc(ctx->nfiles, sizeof *names);
        if (!regs || !names) {
            free(regs);
            free(names);
            return cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
        }
        for (size_t i = 0; i < ctx->nfiles && !status; i++) {
            names[i] = cli_display_name(ctx->files[i]);
            status = cli_load_file(ctx, &regs[i], ctx->files[i]);
            if (i)
                vg_buf_puts(&src, ", ");
            vg_buf_puts(&src, names[i]);
        }
        if (!status)
            status = merge(regs, names, ctx->nfiles);
        if (!status) {
            ctx->raw = regs[0];
            regs[0] = NULL;
        }
        for (size_t i = 0; i < ctx->nfiles; i++)
            veilig_registry_free(regs[i]);
        free(regs);
        free(names);
    }
    if (!status && src.failed)
        status = cli_fail(CLI_EXIT_SOFTWARE, "out of memory");
    if (status) {
        vg_buf_free(&src);
        return status;
    }
    ctx->source = src.data;
    if (ctx->include_personal || (ctx->cmd->common & CO_OWN_PERSONAL)) {
        ctx->reg = ctx->raw;
    } else if (!(ctx->cmd->common & CO_AS_LOADED)) {
        /* nothing reads the documents as loaded: leave the personal data
           out of them (no second registry of a large file) */
        cli_strip_personal(ctx->raw);
        ctx->reg = ctx->raw;
    } else {
        status = cli_without_personal(&ctx->reg, ctx->raw);
    }
    return status;
}

int cli_find(const veilig_municipality **out, const cli_ctx *ctx, const char *code_or_name) {
    *out = veilig_registry_find(ctx->reg, code_or_name);
    if (*out)
        return 0;
    return cli_fail(CLI_EXIT_USAGE,
                    "no municipality \"%s\" in %s; 'veilig list' shows the codes and names",
                    code_or_name, ctx->source ? ctx->source : "the documents");
}

/* ---- writing ---- */

int cli_output_is_file(const cli_ctx *ctx) {
    return ctx->output && strcmp(ctx->output, "-") != 0;
}

static int write_all(int fd, const char *data, size_t len) {
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Writes straight into an existing file that is not a regular file (a
   device, a pipe): renaming over it would replace it. */
static int write_special(const char *path, const char *data, size_t len, int newline) {
    int fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0)
        return errno;
    int e = write_all(fd, data, len);
    if (!e && newline)
        e = write_all(fd, "\n", 1);
    if (close(fd) != 0 && !e)
        e = errno;
    return e;
}

static int write_atomic(const char *path, const char *data, size_t len, int newline) {
    struct stat st;
    /* A symbolic link: replace the file it points to, and keep the link. */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *target = realpath(path, NULL);
        if (target) {
            int e = write_atomic(target, data, len, newline);
            free(target);
            return e;
        }
    }
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return EISDIR;
    if (exists && !S_ISREG(st.st_mode))
        return write_special(path, data, len, newline);

    const char *slash = strrchr(path, '/');
    if (!*(slash ? slash + 1 : path))
        return EISDIR;
    /* a regular file or a new one: the utility layer's atomic writer, as the library's saves */
    size_t size = strlen(path) + VG_ATOMIC_TMP_EXTRA;
    char *tmp = malloc(size);
    if (!tmp)
        return ENOMEM;
    int e = vg_atomic_write(path, tmp, size, data, len, newline ? "\n" : NULL, newline ? 1 : 0, 0,
                            NULL);
    free(tmp);
    return e;
}

int cli_emit(const cli_ctx *ctx, const char *data, size_t len) {
    int newline = len > 0 && data[len - 1] != '\n';
    if (cli_output_is_file(ctx)) {
        int e = write_atomic(ctx->output, data, len, newline);
        if (e)
            return cli_fail(CLI_EXIT_CANTCREAT,
                            "cannot write %s: %s (check that the folder exists and that you may "
                            "write in it)",
                            ctx->output, strerror(e));
        return 0;
    }
    if (len)
        fwrite(data, 1, len, stdout);
    if (newline)
        fputc('\n', stdout);
    return 0;
}

/* ---- option values ---- */

void cli_province_list(char *buf, size_t size) {
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < veilig_province_count(); i++) {
        int w = snprintf(buf + n, size - n, "%s%s", i ? ", " : "", veilig_province_code(i));
        if (w < 0 || (size_t)w >= size - n)
            break;
        n += (size_t)w;
    }
}

int cli_check_code(veilig_vocab vocab, const char *what, const char *value) {
    if (veilig_vocab_from_code(vocab, value))
        return 0;
    vg_buf b;
    vg_buf_init_std(&b);
    for (int i = 1; i <= veilig_vocab_size(vocab); i++) {
        if (i > 1)
            vg_buf_puts(&b, ", ");
        vg_buf_puts(&b, veilig_vocab_code(vocab, i));
    }
    const char *hint = veilig_vocab_suggest(vocab, value);
    cli_fail(CLI_EXIT_USAGE, "unknown %s \"%s\"; valid: %s%s%s%s", what, value,
             b.data ? b.data : "", hint ? "; did you mean \"" : "", hint ? hint : "",
             hint ? "\"?" : "");
    vg_buf_free(&b);
    return CLI_EXIT_USAGE;
}

int cli_parse_date(veilig_date *out, const char *option, const char *value) {
    if (veilig_date_parse(out, value) == VEILIG_OK)
        return 0;
    return cli_fail(CLI_EXIT_USAGE,
                    "%s: \"%s\" is not a date; give YYYY, YYYY-MM or YYYY-MM-DD (2024-06-01)",
                    option, value);
}

int cli_parse_count(size_t *out, const cli_ctx *ctx, const char *option, const char *value,
                    size_t max) {
    char *end = NULL;
    errno = 0;
    unsigned long v = value[0] >= '0' && value[0] <= '9' ? strtoul(value, &end, 10) : 0;
    if (!end || *end || errno || v == 0 || v > max)
        return cli_usage(ctx, "%s: \"%s\" is not a number from 1 to %zu", option, value, max);
    *out = (size_t)v;
    return 0;
}
