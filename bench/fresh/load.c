/*
 * fresh-load: one load of a file in a process of its own, as a user's program
 * meets it (the default malloc, nothing warmed), for bench/fresh.py, which
 * times the whole process (wall clock, user and system CPU, peak RSS).
 *
 *     fresh-load read|veilig|jansson|yajl FILE
 *     fresh-load veilig-save|jansson-save FILE OUT
 *     fresh-load veilig-two|veilig-diff OLD NEW
 *
 *   read         reads FILE into memory: the floor every reader pays
 *   veilig       veilig_registry_load_file
 *   veilig-save  veilig_registry_load_file, then veilig_registry_save_file to OUT
 *   jansson      json_load_file
 *   jansson-save json_load_file, then json_dump_file to OUT (two-space indent,
 *                like the canonical form)
 *   yajl         reads FILE, then yajl_tree_parse (built when yajl is found)
 *   veilig-two   veilig_registry_load_file of OLD and of NEW (what a diff loads)
 *   veilig-diff  the same, then veilig_diff of the two (prints the rows)
 *
 * Prints one line, a count taken from the result (so that nothing is
 * optimised away and the rows can be checked against each other), and exits
 * without freeing: a program that loads and exits does not free either.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "veilig.h"

#ifdef FRESH_HAVE_YAJL
#include <yajl/yajl_tree.h>
#endif

static int die(const char *what, const char *why) {
    fprintf(stderr, "fresh-load: %s: %s\n", what, why);
    return 1;
}

/* Reads a whole file; NULL on failure (errno set). */
static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size > 0 && (unsigned long)size + 1 > cap) {
            cap = (size_t)size + 1;
            free(buf);
            buf = malloc(cap + 1);
        }
        rewind(f);
    }
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
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

static int load_veilig(const char *path, const char *out) {
    veilig_registry *reg = NULL;
    veilig_error err;
    if (veilig_registry_load_file(&reg, path, NULL, &err) != VEILIG_OK)
        return die(path, err.message);
    if (out && veilig_registry_save_file(reg, out, NULL, &err) != VEILIG_OK)
        return die(out, err.message);
    printf("%zu\n", veilig_registry_count(reg));
    return 0;
}

/* Loads two versions; with diff, compares them and prints the rows. */
static int load_two(const char *old_path, const char *new_path, int diff) {
    veilig_registry *reg[2] = {NULL, NULL};
    const char *paths[2] = {old_path, new_path};
    veilig_error err;
    for (int i = 0; i < 2; i++)
        if (veilig_registry_load_file(&reg[i], paths[i], NULL, &err) != VEILIG_OK)
            return die(paths[i], err.message);
    if (!diff) {
        printf("%zu\n", veilig_registry_count(reg[0]) + veilig_registry_count(reg[1]));
        return 0;
    }
    veilig_diff_result *d = NULL;
    if (veilig_diff(&d, reg[0], reg[1], NULL) != VEILIG_OK)
        return die("veilig_diff", "failed");
    printf("%zu\n", veilig_diff_count(d));
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3)
        return die("usage", "fresh-load read|veilig|jansson|yajl FILE, veilig-save|jansson-save "
                            "FILE OUT, or veilig-two|veilig-diff OLD NEW");
    const char *mode = argv[1], *path = argv[2];
    if (strcmp(mode, "veilig") == 0)
        return load_veilig(path, NULL);
    if (strcmp(mode, "veilig-save") == 0 && argc == 4)
        return load_veilig(path, argv[3]);
    if ((strcmp(mode, "veilig-two") == 0 || strcmp(mode, "veilig-diff") == 0) && argc == 4)
        return load_two(path, argv[3], strcmp(mode, "veilig-diff") == 0);
    if (strcmp(mode, "jansson") == 0 || (strcmp(mode, "jansson-save") == 0 && argc == 4)) {
        json_error_t err;
        json_t *root = json_load_file(path, 0, &err);
        if (!root)
            return die(path, err.text);
        if (argc == 4 && json_dump_file(root, argv[3], JSON_INDENT(2)) != 0)
            return die(argv[3], "cannot write");
        printf("%zu\n", json_array_size(json_object_get(root, "municipalities")));
        return 0;
    }
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text)
        return die(path, strerror(errno));
    if (strcmp(mode, "read") == 0) {
        printf("%zu\n", len);
        return 0;
    }
#ifdef FRESH_HAVE_YAJL
    if (strcmp(mode, "yajl") == 0) {
        char msg[256];
        yajl_val root = yajl_tree_parse(text, msg, sizeof msg);
        if (!root)
            return die(path, msg);
        const char *key[] = {"municipalities", NULL};
        yajl_val list = yajl_tree_get(root, key, yajl_t_array);
        printf("%zu\n", list ? YAJL_GET_ARRAY(list)->len : 0);
        return 0;
    }
#endif
    return die(mode, "unknown mode (or not built in)");
}
