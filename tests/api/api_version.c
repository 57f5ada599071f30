/*
 * api_version: the runtime version of the shared library matches the
 * version of the headers it was built with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <veilig.h>

static int failures = 0;

static void check(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "api_version: FAIL: %s\n", what);
        failures++;
    }
}

int main(void) {
    const char *v = veilig_version();
    char expect[32];
    char *end = NULL;
    long major, minor, patch;

    printf("headers %s (0x%06x, ABI %d); library %s (0x%06x, ABI %d)\n", VEILIG_VERSION_STRING,
           (unsigned)VEILIG_VERSION_HEX, VEILIG_ABI_VERSION, v ? v : "(null)",
           veilig_version_number(), veilig_abi_version());

    check(v != NULL, "veilig_version() is not NULL");
    if (v == NULL)
        return EXIT_FAILURE;
    check(strcmp(v, VEILIG_VERSION_STRING) == 0, "veilig_version() == VEILIG_VERSION_STRING");
    check(veilig_version_number() == (unsigned)VEILIG_VERSION_HEX,
          "veilig_version_number() == VEILIG_VERSION_HEX");
    check(veilig_abi_version() == VEILIG_ABI_VERSION, "veilig_abi_version() == VEILIG_ABI_VERSION");

    /* "MAJOR.MINOR.PATCH", each part agreeing with its macro. */
    major = strtol(v, &end, 10);
    check(end != v && *end == '.', "the version string starts with MAJOR.");
    check(major == VEILIG_VERSION_MAJOR, "the major in the string == VEILIG_VERSION_MAJOR");
    minor = strtol(end + 1, &end, 10);
    check(*end == '.' && minor == VEILIG_VERSION_MINOR,
          "the minor in the string == VEILIG_VERSION_MINOR");
    patch = strtol(end + 1, &end, 10);
    check(*end == '\0' && patch == VEILIG_VERSION_PATCH,
          "the patch in the string == VEILIG_VERSION_PATCH");

    /* The macros agree with each other. */
    snprintf(expect, sizeof expect, "%d.%d.%d", VEILIG_VERSION_MAJOR, VEILIG_VERSION_MINOR,
             VEILIG_VERSION_PATCH);
    check(strcmp(expect, VEILIG_VERSION_STRING) == 0,
          "VEILIG_VERSION_STRING == MAJOR.MINOR.PATCH macros");
    check(((unsigned)VEILIG_VERSION_HEX >> 16) == (unsigned)VEILIG_VERSION_MAJOR &&
              (((unsigned)VEILIG_VERSION_HEX >> 8) & 0xffu) == (unsigned)VEILIG_VERSION_MINOR &&
              ((unsigned)VEILIG_VERSION_HEX & 0xffu) == (unsigned)VEILIG_VERSION_PATCH,
          "VEILIG_VERSION_HEX encodes MAJOR, MINOR and PATCH");
    check(VEILIG_ABI_VERSION >= 1, "VEILIG_ABI_VERSION >= 1");

    if (failures) {
        fprintf(stderr, "api_version: %d check(s) failed\n", failures);
        return EXIT_FAILURE;
    }
    printf("api_version: OK\n");
    return EXIT_SUCCESS;
}
