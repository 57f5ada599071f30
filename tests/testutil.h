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
/* Runs a suite in a new folder (/tmp/PREFIX-XXXXXX, its name in dir, size
   bytes), removed afterwards; returns the process exit status (a failure
   when the folder cannot be made or removed). */
int vg_test_run_in_tmp(Suite *s, char *dir, size_t size, const char *prefix);
/* 0 when the folders a and b hold the same files, byte for byte (diff -r,
   whose report goes to standard error). */
int vg_test_trees_differ(const char *a, const char *b);
/* Files under dir (recursively) whose name holds part. */
size_t vg_test_files_named(const char *dir, const char *part);

#endif
