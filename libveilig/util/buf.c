/* libveilig's private utility layer: the one growable byte buffer (buf.h). */
#include "buf.h"

#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const vg_allocator vg_std_allocator = {realloc, free};

void vg_buf_init_with(vg_buf *b, const vg_allocator *alloc) {
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
    b->alloc = alloc;
}

void vg_buf_init_fixed(vg_buf *b, char *mem, size_t size) {
    vg_buf_init_with(b, NULL);
    b->data = mem;
    b->cap = size;
    mem[0] = '\0';
}

void vg_buf_free(vg_buf *b) {
    if (!b->alloc) { /* fixed: the memory is the caller's */
        b->len = 0;
        b->failed = 0;
        b->data[0] = '\0';
        return;
    }
    if (b->data)
        b->alloc->free_fn(b->data);
    vg_buf_init_with(b, b->alloc);
}

int vg_buf_reserve(vg_buf *b, size_t extra) {
    if (b->failed)
        return -1;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = 1;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    if (!b->alloc) {
        b->failed = 1;
        return -1;
    }
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    char *p = b->alloc->realloc_fn(b->data, ncap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    p[b->len] = '\0'; /* a new buffer is the empty string */
    b->data = p;
    b->cap = ncap;
    return 0;
}

void vg_buf_put_grow(vg_buf *b, const char *s, size_t len) {
    if (vg_buf_reserve(b, len) != 0)
        return;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

/* ---- formatting ----

   vg_buf_printf formats the common conversions itself, straight into the
   buffer: the pages of a website are made of millions of small printfs, and
   the C library's vsnprintf costs about a thousand instructions a call
   before it writes anything. Those conversions are %%, %c, %s (no flags,
   width or precision), and %d, %i and %u with the flags 0 and space, a
   width and the lengths l, ll and z; a format with anything else goes to
   vsnprintf whole. Both give the same characters. */

typedef struct vg_spec {
    int zero, space; /* the flags 0 and ' ' */
    unsigned width;
    char length; /* 0, 'l', 'L' (ll) or 'z' */
    char conv;
} vg_spec;

/* Reads the conversion after a '%' at p into sp; returns what follows it, or
   NULL when vg_buf_printf leaves the conversion to vsnprintf. */
static const char *vg_spec_read(const char *p, vg_spec *sp) {
    memset(sp, 0, sizeof *sp);
    for (;; p++) {
        if (*p == '0')
            sp->zero = 1;
        else if (*p == ' ')
            sp->space = 1;
        else
            break;
    }
    while (*p >= '0' && *p <= '9') {
        if (sp->width > 1000)
            return NULL;
        sp->width = sp->width * 10 + (unsigned)(*p++ - '0');
    }
    if (*p == 'l') {
        sp->length = 'l';
        if (*++p == 'l') {
            sp->length = 'L';
            p++;
        }
    } else if (*p == 'z') {
        sp->length = 'z';
        p++;
    }
    sp->conv = *p;
    int flagged = sp->zero || sp->space || sp->width || sp->length;
    switch (*p) {
        case 'd':
        case 'i':
        case 'u':
            return p + 1;
        case 's':
        case 'c':
        case '%':
            return flagged ? NULL : p + 1;
        default:
            return NULL;
    }
}

/* Writes an integer as printf does: v, negative when neg; sp's flags and width. */
static void vg_put_int(vg_buf *b, const vg_spec *sp, int neg, unsigned long long v) {
    char digits[24];
    size_t n = 0;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    char sign = neg ? '-' : sp->space && sp->conv != 'u' ? ' ' : 0;
    size_t len = n + (sign != 0);
    size_t pad = sp->width > len ? sp->width - len : 0;
    if (vg_buf_reserve(b, len + pad) != 0)
        return;
    char *o = b->data + b->len;
    if (!sp->zero)
        for (; pad; pad--)
            *o++ = ' ';
    if (sign)
        *o++ = sign;
    for (; pad; pad--)
        *o++ = '0';
    memcpy(o, digits + sizeof digits - n, n);
    o += n;
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
}

static void vg_fmt_signed(vg_buf *b, const vg_spec *sp, long long x) {
    unsigned long long v = x < 0 ? (unsigned long long)(-(x + 1)) + 1 : (unsigned long long)x;
    vg_put_int(b, sp, x < 0, v);
}

void vg_buf_put_int(vg_buf *b, long long v) {
    static const vg_spec plain = {0, 0, 0, 0, 'd'}; /* %lld */
    vg_fmt_signed(b, &plain, v);
}

/* Formats fmt into b as far as it can; returns 0 at a conversion it leaves
   to vsnprintf (having written part of it: the caller takes that back). */
static int vg_fmt_own(vg_buf *b, const char *fmt, va_list ap) {
    const char *p = fmt, *end = fmt + strlen(fmt);
    for (;;) {
        const char *pct = memchr(p, '%', (size_t)(end - p));
        vg_buf_put(b, p, (size_t)((pct ? pct : end) - p));
        if (!pct)
            return 1;
        p = pct;
        vg_spec sp;
        if (!(p = vg_spec_read(p + 1, &sp)))
            return 0;
        int u = sp.conv == 'u';
        switch (sp.conv) {
            case '%':
                vg_buf_putc(b, '%');
                break;
            case 'c': {
                char c = (char)va_arg(ap, int);
                vg_buf_put(b, &c, 1);
                break;
            }
            case 's': {
                const char *str = va_arg(ap, const char *);
                vg_buf_puts(b, str ? str : "(null)");
                break;
            }
            default: /* d, i, u */
                if (sp.length == 'z')
                    u ? vg_put_int(b, &sp, 0, va_arg(ap, size_t))
                      : vg_fmt_signed(b, &sp, (long long)va_arg(ap, ptrdiff_t));
                else if (sp.length == 'L')
                    u ? vg_put_int(b, &sp, 0, va_arg(ap, unsigned long long))
                      : vg_fmt_signed(b, &sp, va_arg(ap, long long));
                else if (sp.length == 'l')
                    u ? vg_put_int(b, &sp, 0, va_arg(ap, unsigned long))
                      : vg_fmt_signed(b, &sp, va_arg(ap, long));
                else
                    u ? vg_put_int(b, &sp, 0, va_arg(ap, unsigned))
                      : vg_fmt_signed(b, &sp, va_arg(ap, int));
                break;
        }
    }
}

VG_BUF_PRINTF(2, 0) static void vg_fmt_libc(vg_buf *b, const char *fmt, va_list ap) {
    char small[128];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        b->failed = 1;
    } else if ((size_t)n < sizeof small) {
        vg_buf_put(b, small, (size_t)n);
    } else if (vg_buf_reserve(b, (size_t)n) == 0) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void vg_buf_vprintf(vg_buf *b, const char *fmt, va_list ap) {
    size_t at = b->len;
    va_list again;
    va_copy(again, ap);
    if (!vg_fmt_own(b, fmt, ap) && !b->failed) {
        b->len = at; /* what it wrote is taken back, and all of it done again */
        b->data[at] = '\0';
        vg_fmt_libc(b, fmt, again);
    }
    va_end(again);
}

void vg_buf_printf(vg_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vg_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

int vg_format(char *buf, size_t size, const char *fmt, ...) {
    if (!size)
        return -1;
    vg_buf b;
    vg_buf_init_fixed(&b, buf, size);
    va_list ap;
    va_start(ap, fmt);
    vg_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return b.failed || b.len > INT_MAX ? -1 : (int)b.len;
}

char *vg_buf_finish(vg_buf *b, size_t *len) {
    if (vg_buf_reserve(b, 0) != 0) {
        vg_buf_free(b);
        return NULL;
    }
    b->data[b->len] = '\0'; /* also after a writer of its own that set len */
    char *p = b->data;
    if (len)
        *len = b->len;
    vg_buf_init_with(b, b->alloc);
    return p;
}
