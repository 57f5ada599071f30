/* The one growable buffer of the utility layer (libveilig/util/buf.h), which
   the library (on its allocator hook), the tool and the Lua module (on
   malloc) share. */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "testutil.h"
#include "util/buf.h"

/* ---- an allocator that counts, and fails from a given call on ---- */

static long reallocs, frees, fail_at; /* fail_at 0: never */

static void *test_realloc(void *p, size_t size) {
    if (fail_at && ++reallocs >= fail_at)
        return NULL;
    return realloc(p, size);
}

static void test_free(void *p) {
    frees++;
    free(p);
}

static const vg_allocator counting = {test_realloc, test_free};

static void reset(long fail) {
    reallocs = frees = 0;
    fail_at = fail;
}

/* ---- tests ---- */

/* vg_buf_printf formats the common conversions itself and the rest with
   vsnprintf: either way the characters are snprintf's. */
#define VG_SAME_AS_SNPRINTF(...)                                                                   \
    do {                                                                                           \
        char want[512];                                                                            \
        snprintf(want, sizeof want, __VA_ARGS__);                                                  \
        vg_buf got;                                                                                \
        vg_buf_init_std(&got);                                                                     \
        vg_buf_puts(&got, "<");                                                                    \
        vg_buf_printf(&got, __VA_ARGS__);                                                          \
        ck_assert_ptr_nonnull(got.data);                                                           \
        ck_assert_str_eq(got.data + 1, want);                                                      \
        ck_assert_uint_eq(got.len, strlen(want) + 1);                                              \
        vg_buf_free(&got);                                                                         \
    } while (0)

START_TEST(test_printf_as_snprintf) {
    static const long long ints[] = {0, 1, -1, 7, -42, 99, 100, 12345, -12345, INT_MAX, INT_MIN};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        int d = (int)ints[i];
        VG_SAME_AS_SNPRINTF("%d|%i|%u", d, d, (unsigned)d);
        VG_SAME_AS_SNPRINTF("%02d|%05i|%3d|% d|% 4i|% 05d|%1d", d, d, d, d, d, d, d);
        VG_SAME_AS_SNPRINTF("%ld|%lu|%lld|%llu", (long)ints[i], (unsigned long)ints[i], ints[i],
                            (unsigned long long)ints[i]);
        VG_SAME_AS_SNPRINTF("%zu|%zd|%08zu", (size_t)ints[i], (ptrdiff_t)ints[i], (size_t)ints[i]);
    }
    VG_SAME_AS_SNPRINTF("%lld|%llu|%lu", LLONG_MIN, ULLONG_MAX, ULONG_MAX);
    VG_SAME_AS_SNPRINTF("%s and %s, %c%c 100%%", "text", "", 'x', '%');
    VG_SAME_AS_SNPRINTF("no conversion at all");
    VG_SAME_AS_SNPRINTF("%s", "a string longer than the stack buffer of the fallback, which is one "
                              "hundred and twenty-eight bytes long: so this one is written again "
                              "into the buffer itself");
    /* left to vsnprintf: precision, left alignment, hex, floating point, a
       width on a string */
    VG_SAME_AS_SNPRINTF("%.3s|%-4d|%x|%02X|%.1f|%g|%5s|%.*s", "abcdef", 7, 255u, 10u, 2.25, 0.1,
                        "ab", 2, "xyz");
    VG_SAME_AS_SNPRINTF("%d %s %.2f", 3, "and", 1.005);

    /* vg_buf_put_int: %lld without a format */
    static const long long put[] = {0, 7, -7, 10, -10, 1234567890123LL, LLONG_MAX, LLONG_MIN};
    for (size_t i = 0; i < sizeof put / sizeof *put; i++) {
        char want[32];
        snprintf(want, sizeof want, "%lld", put[i]);
        vg_buf got;
        vg_buf_init_std(&got);
        vg_buf_put_int(&got, put[i]);
        ck_assert_str_eq(got.data, want);
        vg_buf_free(&got);
    }
    /* vg_format: snprintf into a short buffer, -1 when it does not fit */
    char out[8];
    ck_assert_int_eq(vg_format(out, sizeof out, "%02d:%02d", 9, 5), 5);
    ck_assert_str_eq(out, "09:05");
    ck_assert_int_eq(vg_format(out, sizeof out, "%s", "1234567"), 7);
    ck_assert_int_eq(vg_format(out, sizeof out, "%s-%s", "1234", "5678"), -1);
    ck_assert_str_eq(out, "1234-"); /* the pieces that fit, terminated */
    ck_assert_int_eq(vg_format(out, sizeof out, "%.1f", 123456.5), -1);
    ck_assert_int_eq(vg_format(out, 0, "x"), -1);
}
END_TEST

START_TEST(test_std_writes_stay_nul_terminated) {
    vg_buf b;
    vg_buf_init_std(&b);
    ck_assert_ptr_null(b.data);
    vg_buf_puts(&b, "ab");
    ck_assert_str_eq(b.data, "ab");
    vg_buf_putc(&b, 'c');
    ck_assert_str_eq(b.data, "abc");
    vg_buf_put(&b, "dexx", 2);
    ck_assert_str_eq(b.data, "abcde");
    vg_buf_printf(&b, "-%d-", 42);
    ck_assert_str_eq(b.data, "abcde-42-");
    ck_assert_uint_eq(b.len, 9);
    /* past the first 256 bytes, and a printf longer than its stack buffer */
    char big[300];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    vg_buf_printf(&b, "%s", big);
    ck_assert_uint_eq(b.len, 9 + 299);
    ck_assert_uint_eq(strlen(b.data), b.len);
    for (int i = 0; i < 1000; i++)
        vg_buf_putc(&b, 'y');
    ck_assert_uint_eq(strlen(b.data), b.len);
    ck_assert_int_eq(b.failed, 0);
    size_t len = 0;
    char *s = vg_buf_finish(&b, &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(len, 9 + 299 + 1000);
    ck_assert_ptr_null(b.data); /* handed over: empty again, same allocator */
    ck_assert_ptr_eq(b.alloc, &vg_std_allocator);
    free(s);
}
END_TEST

START_TEST(test_puts_null_and_empty_finish) {
    vg_buf b;
    vg_buf_init_std(&b);
    vg_buf_puts(&b, NULL); /* as "": the empty string */
    ck_assert_ptr_nonnull(b.data);
    ck_assert_str_eq(b.data, "");
    vg_buf_free(&b);
    ck_assert_ptr_null(b.data);
    size_t len = 7;
    char *s = vg_buf_finish(&b, &len); /* nothing written: "" */
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "");
    ck_assert_uint_eq(len, 0);
    free(s);
}
END_TEST

START_TEST(test_failure_sticks) {
    vg_buf b;
    reset(2); /* the first allocation works, the growth after it fails */
    vg_buf_init_with(&b, &counting);
    vg_buf_puts(&b, "abc");
    ck_assert_str_eq(b.data, "abc");
    char big[400];
    memset(big, 'x', sizeof big);
    vg_buf_put(&b, big, sizeof big);
    ck_assert_int_eq(b.failed, 1);
    /* nothing is written any more, even where it would fit */
    vg_buf_putc(&b, 'd');
    vg_buf_puts(&b, "e");
    vg_buf_printf(&b, "%d", 1);
    ck_assert_uint_eq(b.len, 3);
    ck_assert_int_eq(vg_buf_reserve(&b, 0), -1);
    ck_assert_ptr_null(vg_buf_finish(&b, NULL)); /* and the data is freed */
    ck_assert_int_eq(frees, 1);
    ck_assert_ptr_null(b.data);
    ck_assert_int_eq(b.failed, 0); /* empty again */
    reset(0);
}
END_TEST

START_TEST(test_fixed_never_grows) {
    char mem[8];
    vg_buf b;
    vg_buf_init_fixed(&b, mem, sizeof mem);
    ck_assert_str_eq(b.data, "");
    vg_buf_puts(&b, "1234567"); /* 7 bytes and the NUL fit */
    ck_assert_int_eq(b.failed, 0);
    ck_assert_str_eq(mem, "1234567");
    vg_buf_putc(&b, '8');
    ck_assert_int_eq(b.failed, 1);
    ck_assert_str_eq(mem, "1234567");
    vg_buf_free(&b); /* the memory is the caller's: emptied, not freed */
    ck_assert_ptr_eq(b.data, mem);
    ck_assert_int_eq(b.failed, 0);
    vg_buf_putc(&b, 'z');
    ck_assert_str_eq(mem, "z");
}
END_TEST

/* The library's buffers (vg_buf_init) go through veilig_set_allocator's hook,
   and a failure there is the thread's last error. */
static long hook_calls, hook_fail;

static void *hook_malloc(size_t size) {
    hook_calls++;
    return hook_fail ? NULL : malloc(size);
}

static void *hook_realloc(void *p, size_t size) {
    hook_calls++;
    return hook_fail ? NULL : realloc(p, size);
}

static void hook_free(void *p) {
    free(p);
}

START_TEST(test_library_buffers_use_the_hook) {
    ck_assert_int_eq(veilig_set_allocator(hook_malloc, hook_realloc, hook_free), VEILIG_OK);
    vg_buf b;
    vg_buf_init(&b);
    ck_assert_ptr_eq(b.alloc, &vg_lib_allocator);
    hook_calls = hook_fail = 0;
    vg_buf_puts(&b, "abc");
    ck_assert_int_eq(hook_calls, 1);
    char *s = vg_buf_finish(&b, NULL);
    ck_assert_str_eq(s, "abc");
    vg_free(s);

    veilig_error_clear();
    hook_fail = 1;
    vg_buf_puts(&b, "abc");
    ck_assert_int_eq(b.failed, 1);
    ck_assert_int_eq(vg_buf_reserve(&b, 1), VEILIG_ENOMEM);
    ck_assert_ptr_nonnull(veilig_error_last());
    ck_assert_int_eq(veilig_error_last()->code, VEILIG_ENOMEM);
    vg_buf_free(&b);
    ck_assert_int_eq(veilig_set_allocator(NULL, NULL, NULL), VEILIG_OK);
}
END_TEST

int main(void) {
    Suite *s = suite_create("buf");
    TCase *tc = tcase_create("buf");
    tcase_add_test(tc, test_std_writes_stay_nul_terminated);
    tcase_add_test(tc, test_printf_as_snprintf);
    tcase_add_test(tc, test_puts_null_and_empty_finish);
    tcase_add_test(tc, test_failure_sticks);
    tcase_add_test(tc, test_fixed_never_grows);
    tcase_add_test(tc, test_library_buffers_use_the_hook);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
