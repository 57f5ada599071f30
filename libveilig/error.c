/* libveilig: error records, status names, versions and dates. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

const char *veilig_strerror(int code) {
    switch (code) {
        case VEILIG_OK:
            return "success";
        case VEILIG_ENOMEM:
            return "out of memory";
        case VEILIG_EIO:
            return "input/output error";
        case VEILIG_EPARSE:
            return "invalid JSON";
        case VEILIG_ESCHEMA:
            return "not a valid veilig document";
        case VEILIG_EINVAL:
            return "invalid argument";
        case VEILIG_ENOTFOUND:
            return "not found";
        case VEILIG_EEXISTS:
            return "already exists";
        case VEILIG_EVERSION:
            return "unsupported version";
        case VEILIG_ELIMIT:
            return "limit exceeded";
        default:
            return "unknown error";
    }
}

const char *veilig_version(void) {
    return VEILIG_VERSION_STRING;
}

unsigned veilig_version_number(void) {
    return VEILIG_VERSION_HEX;
}

int veilig_abi_version(void) {
    return VEILIG_ABI_VERSION;
}

void vg_strlcpy_utf8(char *dst, const char *src, size_t size) {
    if (!dst || size == 0)
        return;
    size_t n = src ? strlen(src) : 0;
    if (n >= size) {
        n = size - 1;
        /* do not cut a multi-byte character in two */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

void vg_error_clear(veilig_error *err) {
    if (!err)
        return;
    err->code = VEILIG_OK;
    err->line = 0;
    err->column = 0;
    err->position = 0;
    err->source[0] = '\0';
    err->pointer[0] = '\0';
    err->message[0] = '\0';
}

/* ---- the thread's last error (veilig_error_last) ---- */

/* C99 has no thread-local storage class; the compilers have one. */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && !defined(__STDC_NO_THREADS__)
#define VG_THREAD_LOCAL _Thread_local
#elif defined(_MSC_VER)
#define VG_THREAD_LOCAL __declspec(thread)
#else
#define VG_THREAD_LOCAL __thread
#endif

static VG_THREAD_LOCAL veilig_error vg_last;
static VG_THREAD_LOCAL int vg_last_set;

const veilig_error *veilig_error_last(void) {
    return vg_last_set ? &vg_last : NULL;
}

void veilig_error_clear(void) {
    vg_last_set = 0;
    vg_error_clear(&vg_last);
}

#if defined(__GNUC__) || defined(__clang__)
static int vg_last_vset(int code, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
#endif
static int vg_last_vset(int code, const char *fmt, va_list ap) {
    char text[VEILIG_ERROR_MESSAGE_LENGTH * 2];
    vsnprintf(text, sizeof text, fmt, ap);
    vg_error_clear(&vg_last);
    vg_last.code = code;
    vg_strlcpy_utf8(vg_last.message, text, sizeof vg_last.message);
    vg_last_set = 1;
    return code;
}

int vg_fail(int code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vg_last_vset(code, fmt, ap);
    va_end(ap);
    return code;
}

int vg_fail_oom(void) {
    return vg_fail(VEILIG_ENOMEM, "out of memory");
}

int vg_fail_version(const char *what, unsigned got, unsigned want) {
    return vg_fail(VEILIG_EVERSION, "%s version %u: this library knows version %u", what, got,
                   want);
}

void vg_error_take(veilig_error *err, const veilig_error *from) {
    vg_last = *from;
    vg_last_set = 1;
    if (err)
        *err = *from;
}

int vg_error_set(veilig_error *err, int code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vg_error_vset(err, code, fmt, ap);
    va_end(ap);
    return code;
}

int vg_error_vset(veilig_error *err, int code, const char *fmt, va_list ap) {
    vg_last_vset(code, fmt, ap);
    if (!err)
        return code;
    err->code = code;
    vg_strlcpy_utf8(err->message, vg_last.message, sizeof err->message);
    return code;
}

void vg_error_set_source(veilig_error *err, const char *source) {
    if (err)
        vg_strlcpy_utf8(err->source, source ? source : "", sizeof err->source);
}

void vg_error_set_position(veilig_error *err, const char *text, size_t len, size_t pos) {
    if (!err || !text)
        return;
    if (pos > len)
        pos = len;
    int line = 1, column = 1;
    for (size_t i = 0; i < pos; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            line++;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            column++; /* count characters, not bytes */
        }
    }
    err->line = line;
    err->column = column;
    err->position = pos;
}

/* ---- dates ---- */

static int vg_days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

int vg_date_ok(const veilig_date *d) {
    if (d->year < 1 || d->year > 9999 || d->month < 0 || d->month > 12 || d->day < 0)
        return 0;
    if (d->month == 0)
        return d->day == 0;
    return d->day <= vg_days_in_month(d->year, d->month);
}

static int vg_digits(const char *s, int n, int *out) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int veilig_date_parse(veilig_date *out, const char *text) {
    if (!out || !text)
        return VEILIG_EINVAL;
    veilig_date d = {0, 0, 0};
    size_t n = strlen(text);
    if (n != 4 && n != 7 && n != 10)
        return VEILIG_EINVAL;
    if (!vg_digits(text, 4, &d.year))
        return VEILIG_EINVAL;
    if (n >= 7 && (text[4] != '-' || !vg_digits(text + 5, 2, &d.month) || d.month == 0))
        return VEILIG_EINVAL;
    if (n == 10 && (text[7] != '-' || !vg_digits(text + 8, 2, &d.day) || d.day == 0))
        return VEILIG_EINVAL;
    if (!vg_date_ok(&d))
        return VEILIG_EINVAL;
    *out = d;
    return VEILIG_OK;
}

/* Writes n >= 1 decimal digits of v (zero-padded) at p. */
static void vg_put_digits(char *p, int v, int n) {
    while (n-- > 0) {
        p[n] = (char)('0' + v % 10);
        v /= 10;
    }
}

int veilig_date_format(char *buf, size_t size, const veilig_date *date) {
    if (!buf || !date || !vg_date_ok(date))
        return VEILIG_EINVAL;
    /* digits written directly: dumps write every date of a document */
    size_t n = date->month == 0 ? 4 : date->day == 0 ? 7 : 10;
    if (size <= n)
        return VEILIG_EINVAL;
    vg_put_digits(buf, date->year, 4);
    if (date->month) {
        buf[4] = '-';
        vg_put_digits(buf + 5, date->month, 2);
    }
    if (date->day) {
        buf[7] = '-';
        vg_put_digits(buf + 8, date->day, 2);
    }
    buf[n] = '\0';
    return VEILIG_OK;
}

int veilig_date_compare(const veilig_date *a, const veilig_date *b) {
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    long ka = a->year * 10000L + (a->month ? a->month : 1) * 100L + (a->day ? a->day : 1);
    long kb = b->year * 10000L + (b->month ? b->month : 1) * 100L + (b->day ? b->day : 1);
    return (ka > kb) - (ka < kb);
}
