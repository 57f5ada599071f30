/*
 * The JSONTestSuite corpus (github.com/nst/JSONTestSuite, test_parsing/)
 * through veilig_registry_load_file:
 *   n_ files are not JSON: VEILIG_EPARSE or VEILIG_ELIMIT, with line and column;
 *   y_ files are JSON but not veilig documents: VEILIG_ESCHEMA or VEILIG_EVERSION,
 *      with a message;
 *   i_ files may go either way, but a failure leaves *out NULL.
 * No file may crash, hang or leak (run it under valgrind or ASan for that).
 * Usage: jsontestsuite DIR
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"

static int compare_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: jsontestsuite DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 7 || strcmp(e->d_name + len - 5, ".json") != 0 || e->d_name[1] != '_')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) {
                perror("realloc");
                return 1;
            }
            names = grown;
        }
        names[n] = malloc(len + 1);
        if (!names[n]) {
            perror("malloc");
            return 1;
        }
        memcpy(names[n++], e->d_name, len + 1);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);

    /* per class: files, as expected, failed as JSON, failed as a document, loaded */
    struct {
        char prefix;
        int files, good, parse, schema, loaded;
    } cls[3] = {{'y', 0, 0, 0, 0, 0}, {'n', 0, 0, 0, 0, 0}, {'i', 0, 0, 0, 0, 0}};
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        int k = names[i][0] == 'y' ? 0 : names[i][0] == 'n' ? 1 : names[i][0] == 'i' ? 2 : -1;
        if (k < 0)
            continue;
        cls[k].files++;
        veilig_registry *reg = (veilig_registry *)&cls; /* must become NULL on failure */
        veilig_error err;
        memset(&err, 0x55, sizeof err);
        int rc = veilig_registry_load_file(&reg, path, NULL, &err);
        const char *problem = NULL;
        if (rc == VEILIG_OK) {
            cls[k].loaded++;
            veilig_registry_free(reg);
            if (k != 2)
                problem = "loaded as a veilig document";
        } else {
            if (reg != NULL)
                problem = "*out is not NULL after a failure";
            else if (err.code != rc)
                problem = "err.code is not the code returned";
            else if (strcmp(err.source, path) != 0)
                problem = "err.source is not the file name";
            else if (err.message[0] == '\0' || strlen(err.message) >= sizeof err.message)
                problem = "no message";
            if (rc == VEILIG_EPARSE || rc == VEILIG_ELIMIT) {
                cls[k].parse++;
                if (!problem && (err.line < 1 || err.column < 1))
                    problem = "no line and column";
                if (!problem && k == 0)
                    problem = "valid JSON rejected as not JSON";
            } else if (rc == VEILIG_ESCHEMA || rc == VEILIG_EVERSION) {
                cls[k].schema++;
                if (!problem && k == 1)
                    problem = "not JSON, but not reported as a parse error";
            } else if (!problem) {
                problem = "an unexpected status";
            }
        }
        if (problem) {
            bad++;
            printf("FAIL %s: %s (%s: %s at %d:%d, pointer \"%s\")\n", names[i], problem,
                   veilig_strerror(rc), rc ? err.message : "-", rc ? err.line : 0,
                   rc ? err.column : 0, rc ? err.pointer : "");
        } else {
            cls[k].good++;
        }
        free(names[i]);
    }
    free(names);
    for (int k = 0; k < 3; k++)
        printf("%c_: %d files, %d as expected; %d failed as JSON (EPARSE/ELIMIT), %d as a "
               "document (ESCHEMA/EVERSION), %d loaded\n",
               cls[k].prefix, cls[k].files, cls[k].good, cls[k].parse, cls[k].schema,
               cls[k].loaded);
    if (cls[0].files == 0 || cls[1].files == 0) {
        printf("FAIL: no y_ or n_ files in %s\n", dir);
        return 1;
    }
    printf("%d problem(s)\n", bad);
    return bad ? 1 : 0;
}
