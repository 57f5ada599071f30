/* The one atomic file writer of the utility layer (libveilig/util/atomic.h),
   which the library's saves, the workbook writer and the tool's -o share. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "util/atomic.h"

static char dir[64];
static char path[128];
static char tmp[128 + VG_ATOMIC_TMP_EXTRA];

static void setup(void) {
    snprintf(dir, sizeof dir, "/tmp/vg-test-atomic-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/plan.json", dir);
}

static void teardown(void) {
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[320];
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%.200s", dir, e->d_name);
        if (rmdir(p) != 0)
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* The names in the test's folder, sorted, space-separated. */
static const char *listing(void) {
    static char out[512];
    char names[8][128];
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL && n < 8)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            snprintf(names[n++], sizeof names[0], "%.120s", e->d_name);
    if (d)
        closedir(d);
    qsort(names, (size_t)n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " " : "", names[i]);
    return out;
}

static const char *contents(const char *p) {
    static char buf[256];
    FILE *f = fopen(p, "rb");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

START_TEST(test_new_file) {
    const char *step = "unset";
    mode_t mask = umask(022);
    ck_assert_int_eq(vg_atomic_write(path, tmp, sizeof tmp, "{}", 2, "\n", 1, 0, &step), 0);
    umask(mask);
    ck_assert_str_eq(step, "unset"); /* untouched on success */
    ck_assert_str_eq(contents(path), "{}\n");
    ck_assert_str_eq(listing(), "plan.json"); /* no temporary file left */
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0644); /* 0666 less the umask */
}
END_TEST

START_TEST(test_existing_file_keeps_its_mode) {
    ck_assert_int_eq(vg_atomic_write(path, tmp, sizeof tmp, "old", 3, NULL, 0, 0, NULL), 0);
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(vg_atomic_write(path, tmp, sizeof tmp, "new", 3, NULL, 0, 0, NULL), 0);
    ck_assert_str_eq(contents(path), "new");
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0640);
    ck_assert_str_eq(listing(), "plan.json");
}
END_TEST

/* Without the flushes: the same file, mode and no temporary file left. */
START_TEST(test_no_sync) {
    ck_assert_int_eq(vg_atomic_write(path, tmp, sizeof tmp, "old", 3, NULL, 0, 0, NULL), 0);
    ck_assert_int_eq(chmod(path, 0600), 0);
    ck_assert_int_eq(
        vg_atomic_write(path, tmp, sizeof tmp, "new", 3, "!", 1, VG_ATOMIC_NO_SYNC, NULL), 0);
    ck_assert_str_eq(contents(path), "new!");
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert_str_eq(listing(), "plan.json");
}
END_TEST

/* Without the flushes, a new file (linked in whole where the system can,
   O_TMPFILE): its bytes, the mode of a new file, nothing else in the
   folder; a file in the current folder (a name without a slash) too. */
START_TEST(test_no_sync_new_file) {
    mode_t mask = umask(027);
    ck_assert_int_eq(
        vg_atomic_write(path, tmp, sizeof tmp, "{}", 2, "\n", 1, VG_ATOMIC_NO_SYNC, NULL), 0);
    umask(mask);
    ck_assert_str_eq(contents(path), "{}\n");
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0640);
    ck_assert_str_eq(listing(), "plan.json");
    char cwd[512];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(dir), 0);
    char small[8 + VG_ATOMIC_TMP_EXTRA];
    ck_assert_int_eq(
        vg_atomic_write("b.html", small, sizeof small, "<p>", 3, NULL, 0, VG_ATOMIC_NO_SYNC, NULL),
        0);
    ck_assert_int_eq(chdir(cwd), 0);
    ck_assert_str_eq(listing(), "b.html plan.json");
}
END_TEST

START_TEST(test_failures_name_the_step_and_leave_nothing) {
    const char *step = NULL;
    char missing[160];
    snprintf(missing, sizeof missing, "%s/no/plan.json", dir);
    ck_assert_int_eq(vg_atomic_write(missing, tmp, sizeof tmp, "x", 1, NULL, 0, 0, &step), ENOENT);
    ck_assert_str_eq(step, "create a temporary file next to");
    ck_assert_str_eq(listing(), "");

    /* a folder where the file should be: the rename fails, the folder stays */
    ck_assert_int_eq(mkdir(path, 0755), 0);
    step = NULL;
    ck_assert_int_ne(vg_atomic_write(path, tmp, sizeof tmp, "x", 1, NULL, 0, 0, &step), 0);
    ck_assert_str_eq(step, "rename over");
    ck_assert_str_eq(listing(), "plan.json");
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert(S_ISDIR(st.st_mode));

    /* no room for the temporary name */
    char small[8];
    ck_assert_int_eq(vg_atomic_write(path, small, sizeof small, "x", 1, NULL, 0, 0, &step),
                     ENAMETOOLONG);
}
END_TEST

START_TEST(test_unique_names) {
    char a[sizeof tmp], b[sizeof tmp];
    int fa = vg_open_temp(a, sizeof a, path), fb = vg_open_temp(b, sizeof b, path);
    ck_assert_int_ge(fa, 0);
    ck_assert_int_ge(fb, 0);
    ck_assert_str_ne(a, b);
    ck_assert(strncmp(a, path, strlen(path)) == 0); /* in the target's folder */
    close(fa);
    close(fb);
    unlink(a);
    unlink(b);
}
END_TEST

int main(void) {
    Suite *s = suite_create("atomic");
    TCase *tc = tcase_create("atomic_write");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_new_file);
    tcase_add_test(tc, test_existing_file_keeps_its_mode);
    tcase_add_test(tc, test_no_sync);
    tcase_add_test(tc, test_no_sync_new_file);
    tcase_add_test(tc, test_failures_name_the_step_and_leave_nothing);
    tcase_add_test(tc, test_unique_names);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
