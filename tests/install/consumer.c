/*
 * A program built against an installed libveilig (tests/install/run.sh):
 * checks that the headers and the library agree on the version, loads the
 * bundled dataset and prints how many municipalities it has and the first
 * one's code. With a path, also loads that file (the installed dataset) and
 * checks it holds as many municipalities as the bundled one. When the
 * library has the jansson bridge, also makes a json_t of the dataset (so a
 * static link needs jansson, as the packages say) and prints its count.
 */
#include <stdio.h>
#include <string.h>

#include <veilig.h>
#if VEILIG_HAVE_JANSSON
#include <veilig/jansson.h>
#endif

int main(int argc, char **argv) {
    veilig_registry *reg = NULL;
    veilig_error err;
    size_t count;
    int rc;

    if (strcmp(veilig_version(), VEILIG_VERSION_STRING) != 0 ||
        veilig_version_number() != (unsigned)VEILIG_VERSION_HEX ||
        veilig_abi_version() != VEILIG_ABI_VERSION) {
        fprintf(stderr, "consumer: headers %s (ABI %d) but library %s (ABI %d)\n",
                VEILIG_VERSION_STRING, VEILIG_ABI_VERSION, veilig_version(), veilig_abi_version());
        return 1;
    }
    printf("version: %s\n", veilig_version());

    rc = veilig_registry_load_builtin(&reg, &err);
    if (rc != VEILIG_OK) {
        fprintf(stderr, "consumer: builtin dataset: %s: %s\n", veilig_strerror(rc), err.message);
        return 1;
    }
    count = veilig_registry_count(reg);
    printf("municipalities: %zu\n", count);
    if (count == 0) {
        fprintf(stderr, "consumer: the bundled dataset has no municipalities\n");
        veilig_registry_free(reg);
        return 1;
    }
    printf("first: %s\n", veilig_municipality_code(veilig_registry_get(reg, 0)));
#if VEILIG_HAVE_JANSSON
    {
        json_t *doc = NULL;
        rc = veilig_registry_to_jansson(&doc, reg, NULL, &err);
        if (rc != VEILIG_OK) {
            fprintf(stderr, "consumer: to_jansson: %s: %s\n", veilig_strerror(rc), err.message);
            veilig_registry_free(reg);
            return 1;
        }
        printf("jansson: %zu municipalities\n",
               json_array_size(json_object_get(doc, "municipalities")));
        json_decref(doc);
    }
#endif
    veilig_registry_free(reg);

    if (argc > 1) {
        rc = veilig_registry_load_file(&reg, argv[1], NULL, &err);
        if (rc != VEILIG_OK) {
            fprintf(stderr, "consumer: %s:%d:%d: %s: %s\n", err.source, err.line, err.column,
                    veilig_strerror(rc), err.message);
            return 1;
        }
        if (veilig_registry_count(reg) != count) {
            fprintf(stderr, "consumer: %s has %zu municipalities, the bundled dataset %zu\n",
                    argv[1], veilig_registry_count(reg), count);
            veilig_registry_free(reg);
            return 1;
        }
        printf("installed dataset: %zu municipalities\n", veilig_registry_count(reg));
        veilig_registry_free(reg);
    }
    return 0;
}
