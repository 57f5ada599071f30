/* Helpers shared by the Check suites. */
#ifndef VG_TESTUTIL_H
#define VG_TESTUTIL_H

#include <check.h>
#include <stddef.h>

/* Reads a whole file into a new NUL-terminated buffer (free()); aborts on failure. */
char *vg_test_read_file(const char *path, size_t *len);
/* Path under tests/data: a static buffer. */
const char *vg_test_data(const char *name);
/* Runs a suite; returns the process exit status. */
int vg_test_run(Suite *s);

#endif
