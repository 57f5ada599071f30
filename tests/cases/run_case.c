/*
 * One data-driven case, through the public API of the shared library:
 *   run_case valid FILE               FILE loads, and its canonical dump is FILE itself
 *   run_case invalid FILE EXPECTFILE  FILE fails as EXPECTFILE says:
 *                                     "CODE LINE COLUMN POINTER" (POINTER "-" when empty)
 * Exit status 0 when the case holds, 1 when not (with the reason on stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"

static const struct {
    const char *name;
    int code;
} codes[] = {
    {"VEILIG_OK", VEILIG_OK},
    {"VEILIG_ENOMEM", VEILIG_ENOMEM},
    {"VEILIG_EIO", VEILIG_EIO},
    {"VEILIG_EPARSE", VEILIG_EPARSE},
    {"VEILIG_ESCHEMA", VEILIG_ESCHEMA},
    {"VEILIG_EINVAL", VEILIG_EINVAL},
    {"VEILIG_ENOTFOUND", VEILIG_ENOTFOUND},
    {"VEILIG_EEXISTS", VEILIG_EEXISTS},
    {"VEILIG_EVERSION", VEILIG_EVERSION},
    {"VEILIG_ELIMIT", VEILIG_ELIMIT},
};

static const char *code_name(int code) {
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == code)
            return codes[i].name;
    return "(unknown code)";
}

static int fail(const char *file, const char *what, const char *detail) {
    fprintf(stderr, "%s: %s%s\n", file, what, detail);
    return 1;
}

/* Reads a whole file (free()); NULL when it cannot. */
static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
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
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

static int run_valid(const char *file) {
    size_t len = 0;
    char *text = read_all(file, &len);
    if (!text)
        return fail(file, "cannot read the file", "");
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_file(&reg, file, NULL, &err);
    if (rc != VEILIG_OK) {
        fprintf(stderr, "%s:%d:%d: %s: %s (pointer \"%s\")\n", file, err.line, err.column,
                code_name(rc), err.message, err.pointer);
        free(text);
        return 1;
    }
    char *out = NULL;
    size_t out_len = 0;
    int status = 0;
    rc = veilig_registry_dump(&out, &out_len, reg, NULL, &err);
    if (rc != VEILIG_OK) {
        status = fail(file, "dump failed: ", err.message);
    } else if (out_len != len || memcmp(out, text, len) != 0) {
        size_t i = 0;
        while (i < len && i < out_len && out[i] == text[i])
            i++;
        size_t line = 1;
        for (size_t k = 0; k < i; k++)
            line += text[k] == '\n';
        fprintf(stderr,
                "%s: the canonical dump differs from the file from line %zu (byte %zu) on:\n"
                "--- dump ---\n%s--- end ---\n",
                file, line, i, out);
        status = 1;
    } else {
        /* and once more through a string */
        veilig_registry *again = NULL;
        char *out2 = NULL;
        rc = veilig_registry_load_string(&again, out, out_len, NULL, &err);
        if (rc == VEILIG_OK)
            rc = veilig_registry_dump(&out2, NULL, again, NULL, &err);
        if (rc != VEILIG_OK || strcmp(out2, out) != 0)
            status = fail(file, "the dump does not load and dump to itself: ", err.message);
        veilig_free(out2);
        veilig_registry_free(again);
    }
    veilig_free(out);
    veilig_registry_free(reg);
    free(text);
    return status;
}

static int run_invalid(const char *file, const char *expect_file) {
    size_t elen = 0;
    char *expect = read_all(expect_file, &elen);
    if (!expect)
        return fail(expect_file, "cannot read the expectation", "");
    char name[64], pointer[VEILIG_ERROR_POINTER_LENGTH];
    int line = 0, column = 0;
    if (sscanf(expect, "%63s %d %d %255s", name, &line, &column, pointer) != 4) {
        free(expect);
        return fail(expect_file, "expected one line \"CODE LINE COLUMN POINTER\"", "");
    }
    free(expect);
    int code = 1;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(codes[i].name, name) == 0)
            code = codes[i].code;
    if (code > 0)
        return fail(expect_file, "unknown code ", name);
    if (strcmp(pointer, "-") == 0)
        pointer[0] = '\0';

    veilig_registry *reg = (veilig_registry *)&code; /* must become NULL */
    veilig_error err;
    memset(&err, 0x55, sizeof err);
    int rc = veilig_registry_load_file(&reg, file, NULL, &err);
    int status = 0;
    if (rc != code) {
        fprintf(stderr, "%s: %s (%s at %d:%d, pointer \"%s\"), expected %s\n", file, code_name(rc),
                rc ? err.message : "loaded", rc ? err.line : 0, rc ? err.column : 0,
                rc ? err.pointer : "", name);
        if (rc == VEILIG_OK)
            veilig_registry_free(reg);
        return 1;
    }
    if (reg != NULL)
        status = fail(file, "*out is not NULL after a failed load", "");
    if (err.code != rc)
        status = fail(file, "err.code is not the code returned", "");
    if (err.line != line || err.column != column) {
        fprintf(stderr, "%s: error at %d:%d, expected %d:%d (%s)\n", file, err.line, err.column,
                line, column, err.message);
        status = 1;
    }
    if (strcmp(err.pointer, pointer) != 0) {
        fprintf(stderr, "%s: pointer \"%s\", expected \"%s\" (%s)\n", file, err.pointer, pointer,
                err.message);
        status = 1;
    }
    if (strcmp(err.source, file) != 0)
        status = fail(file, "err.source is not the file name: ", err.source);
    if (err.message[0] == '\0')
        status = fail(file, "no message", "");
    if (!status)
        printf("%s: %s at %d:%d %s: %s\n", file, name, line, column, err.pointer, err.message);
    return status;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "valid") == 0)
        return run_valid(argv[2]);
    if (argc == 4 && strcmp(argv[1], "invalid") == 0)
        return run_invalid(argv[2], argv[3]);
    fprintf(stderr, "usage: run_case valid FILE | run_case invalid FILE EXPECTFILE\n");
    return 2;
}
