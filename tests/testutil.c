/* Helpers shared by the Check suites. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

char *vg_test_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        abort();
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        abort();
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

const char *vg_test_data(const char *name) {
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", VG_TEST_DATA, name);
    return path;
}

int vg_test_run(Suite *s) {
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int vg_test_run_in_tmp(Suite *s, char *dir, size_t size, const char *prefix) {
    snprintf(dir, size, "/tmp/%s-XXXXXX", prefix);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    int status = vg_test_run(s);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        status = EXIT_FAILURE;
    return status;
}

int vg_test_trees_differ(const char *a, const char *b) {
    char cmd[2100];
    snprintf(cmd, sizeof cmd, "diff -r '%s' '%s' >&2", a, b);
    return system(cmd);
}

size_t vg_test_files_named(const char *dir, const char *part) {
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "find '%s' -type f -name '*%s*' | wc -l", dir, part);
    FILE *f = popen(cmd, "r");
    ck_assert_ptr_nonnull(f);
    size_t n = 0;
    ck_assert_int_eq(fscanf(f, "%zu", &n), 1);
    pclose(f);
    return n;
}
