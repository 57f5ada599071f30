/*
 * Allocation failures inside the libraries the sheets use (libzip, expat,
 * libxlsxwriter), which tests/test_oom.c cannot reach: this program replaces
 * malloc, calloc and realloc for the whole process and makes the Nth call
 * fail, for every N in turn, while it writes a small workbook and while it
 * imports one. Each run must end cleanly: VEILIG_OK, or an error with a
 * message; when writing fails, no file at the path and no temporary file
 * beside it; when importing fails, no document.
 *
 *   oom_libs DATASET.json WORKDIR [write]
 *
 * Without "write" the workbook is written once, without failures, and only
 * the import runs under them: Debian's libxlsxwriter (1.1) itself crashes
 * on some of its failed allocations (a NULL it does not check, in
 * workbook_add_worksheet), which no caller can prevent. "write" runs the
 * writing under failures too, to find where.
 *
 * Not built with sanitizers (they replace malloc themselves).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "veilig.h"

/* glibc's own allocator, under the names it exports for this purpose */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);

static long fail_at = -1; /* the call to fail, counted from arming; -1: none */
static long calls;

static int fail_now(void) {
    return fail_at >= 0 && calls++ == fail_at;
}

void *malloc(size_t size) {
    return fail_now() ? NULL : __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    return fail_now() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t size) {
    return size && fail_now() ? NULL : __libc_realloc(p, size);
}

static int failures;
static long misread; /* failed allocations the import took for damage */

static void fail(long n, const char *what) {
    fprintf(stderr, "FAIL: allocation %ld: %s\n", n, what);
    failures++;
}

static int exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

/* The number of entries of dir other than . and .. */
static int entries(const char *dir) {
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (n + 65536 > cap) {
            char *more = realloc(buf, cap = n + 65536);
            if (!more)
                break;
            buf = more;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got);
    fclose(f);
    *len = n;
    return buf;
}

/* Writes the workbook with allocation n failing; 1 when n was never reached. */
static int write_step(const veilig_registry *reg, const char *dir, long n) {
    char path[4096];
    snprintf(path, sizeof path, "%s/plan.xlsx", dir);
    unlink(path);
    veilig_error err;
    memset(&err, 0, sizeof err);
    calls = 0;
    fail_at = n;
    int rc = veilig_sheet_save_xlsx(reg, path, NULL, &err);
    fail_at = -1;
    if (rc == VEILIG_OK) {
        if (!exists(path))
            fail(n, "write: VEILIG_OK, but no file");
    } else {
        if (rc != VEILIG_ENOMEM && rc != VEILIG_EIO)
            fail(n, "write: neither VEILIG_ENOMEM nor VEILIG_EIO");
        if (!err.message[0])
            fail(n, "write: an error without a message");
        if (exists(path))
            fail(n, "write: failed, but left a file");
        if (entries(dir) != 0)
            fail(n, "write: failed, but left a temporary file");
    }
    return calls <= n;
}

/* Imports the workbook with allocation n failing; 1 when n was never reached. */
static int import_step(const char *book, size_t len, long n) {
    veilig_import *imp = NULL;
    veilig_registry *out = NULL;
    calls = 0;
    fail_at = n;
    int rc = veilig_import_new(&imp, NULL, NULL);
    if (rc == VEILIG_OK)
        rc = veilig_import_add_xlsx(imp, "plan.xlsx", book, len);
    if (rc == VEILIG_OK)
        rc = veilig_import_finish(&out, imp);
    fail_at = -1;
    long reached = calls;
    if (rc == VEILIG_OK) {
        if (!out || veilig_registry_count(out) == 0)
            fail(n, "import: VEILIG_OK, but no document");
    } else {
        if (out)
            fail(n, "import: failed, but gave a document");
        /* libzip reports some of its failed allocations as a damaged
           archive ("Not a zip archive"): an error with a message, then */
        if (rc != VEILIG_ENOMEM &&
            !(rc == VEILIG_ESCHEMA && imp && veilig_import_error_count(imp) &&
              veilig_import_error(imp, 0)->message[0]))
            fail(n, "import: neither VEILIG_ENOMEM nor an error with a message");
        if (rc != VEILIG_ENOMEM)
            misread++;
    }
    veilig_registry_free(out);
    veilig_import_free(imp);
    return reached <= n;
}

int main(int argc, char **argv) {
    if (argc != 3 && !(argc == 4 && strcmp(argv[3], "write") == 0)) {
        fprintf(stderr, "usage: oom_libs DATASET.json WORKDIR [write]\n");
        return 2;
    }
    veilig_registry *reg = NULL;
    if (veilig_registry_load_file(&reg, argv[1], NULL, NULL) != VEILIG_OK) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 2;
    }
    char dir[2048];
    if ((size_t)snprintf(dir, sizeof dir, "%s/oom-libs", argv[2]) >= sizeof dir)
        return 2;
    mkdir(dir, 0777);
    long n = argc == 4 ? 0 : (long)1 << 40; /* without "write": no failure */
    while (!write_step(reg, dir, n))
        n++;
    if (argc == 4)
        printf("writing a workbook: %ld allocations, each failed in turn\n", n);

    char path[4096];
    snprintf(path, sizeof path, "%s/plan.xlsx", dir);
    size_t len = 0;
    char *book = read_all(path, &len);
    if (!book) {
        fprintf(stderr, "cannot read %s\n", path);
        return 2;
    }
    unlink(path);
    long k = 0;
    while (!import_step(book, len, k))
        k++;
    printf("importing it: %ld allocations, each failed in turn; %ld reported as a damaged "
           "workbook\n",
           k, misread);
    free(book);
    veilig_registry_free(reg);
    rmdir(dir);
    if (failures)
        printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
