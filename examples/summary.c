#include <stdio.h>
#include <veilig.h>

int main(void) {
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_builtin(&reg, &err);
    if (rc != VEILIG_OK) {
        fprintf(stderr, "veilig: %s: %s\n", veilig_strerror(rc), err.message);
        return 1;
    }
    printf("libveilig %s: %zu municipalities\n", veilig_version(), veilig_registry_count(reg));
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        printf("%s  %-24s %2zu measures\n", veilig_municipality_code(m),
               veilig_municipality_name(m), veilig_municipality_measure_count(m));
    }
    veilig_registry_free(reg); /* the registry owns everything it handed out */
    return 0;
}
