/*
 * libveilig: a strict JSON (RFC 8259) reader into an arena tree, a pointer
 * locator that works on the text itself, and the canonical JSON writer.
 *
 * The reader is a recursive descent parser that never recurses deeper than
 * the nesting limit. Children of the open containers collect on one scratch
 * stack shared by the whole parse and move into exact-size arena arrays when
 * their container closes. Strings are scanned eight bytes at a time; only
 * strings with escapes are decoded byte by byte. Short keys without escapes
 * are interned: equal keys of one parse share one arena copy. A limit of 0
 * (or lim NULL) means the default: 64 levels, 16 MiB strings.
 *
 * Errors that make the text "not JSON" (EPARSE) and limits (ELIMIT) stop the
 * parse at once. The two "valid JSON, not a document" errors (a duplicate
 * key, a NUL character) are recorded and the parse goes on: if the text
 * turns out to be broken further on, that is the error reported, so that
 * VEILIG_ESCHEMA always means the text is valid JSON.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <float.h>
#include <inttypes.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

typedef unsigned char vg_uc;

/* Error paths: kept out of the recursive parse functions' stack frames. */
#if defined(__GNUC__)
#define VG_COLD __attribute__((cold, noinline))
#else
#define VG_COLD
#endif

#define VG_JSON_DEFAULT_DEPTH  64
#define VG_JSON_DEFAULT_STRING ((size_t)1 << 24)
/* Objects with more members than this check duplicates with a hash set. */
#define VG_JDUP_LINEAR 8
/* Keys up to this long are interned: one copy per parse (the first few
   hundred distinct ones), since documents repeat the same keys. */
#define VG_JKEY_MAXLEN 64
#define VG_JKEYS_CAP   1024
#define VG_JKEYS_MAX   512
/* Deepest nesting vg_json_locate can step over (a bit per level). */
#define VG_JLOCATE_MAX_DEPTH 4096

/* ---- character helpers ---- */

#define VG_ONES  0x0101010101010101ull
#define VG_HIGHS 0x8080808080808080ull

/* Nonzero when one of the eight bytes of w is '"', '\\', below 0x20 or
   above 0x7F: the bytes a string scanner must look at. */
static inline uint64_t vg_swar_special(uint64_t w) {
    uint64_t q = w ^ (VG_ONES * '"');
    uint64_t b = w ^ (VG_ONES * '\\');
    uint64_t t = (q - VG_ONES) & ~q;
    t |= (b - VG_ONES) & ~b;
    t |= (w - VG_ONES * 0x20) & ~w;
    return (t | w) & VG_HIGHS;
}

static inline int vg_is_digit(unsigned c) {
    return c - '0' < 10u;
}

static inline int vg_is_ws(unsigned c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline const vg_uc *vg_skip_ws(const vg_uc *s, const vg_uc *end) {
    while (s < end && vg_is_ws(*s))
        s++;
    return s;
}

static inline int vg_hex_digit(unsigned c) {
    if (c - '0' < 10u)
        return (int)(c - '0');
    c |= 0x20;
    if (c - 'a' < 6u)
        return (int)(c - 'a' + 10);
    return -1;
}

/* The value of four hex digits at s, or -1 (also when fewer than four remain). */
static inline long vg_hex4(const vg_uc *s, const vg_uc *end) {
    if (end - s < 4)
        return -1;
    int a = vg_hex_digit(s[0]), b = vg_hex_digit(s[1]), c = vg_hex_digit(s[2]),
        d = vg_hex_digit(s[3]);
    if ((a | b | c | d) < 0)
        return -1;
    return (long)((a << 12) | (b << 8) | (c << 4) | d);
}

/* Length (2..4) of the valid UTF-8 sequence at s (s[0] >= 0x80), or 0. The
   rules of vg_utf8_valid: no overlongs, no surrogates, at most U+10FFFF. */
static inline size_t vg_utf8_seq(const vg_uc *s, const vg_uc *end) {
    unsigned c = s[0];
    size_t avail = (size_t)(end - s);
    if (c >= 0xC2 && c <= 0xDF)
        return avail >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/* The code point of a valid sequence of n bytes. */
static uint32_t vg_utf8_decode(const vg_uc *s, size_t n) {
    uint32_t cp = n == 2 ? (s[0] & 0x1Fu) : n == 3 ? (s[0] & 0x0Fu) : (s[0] & 0x07u);
    for (size_t i = 1; i < n; i++)
        cp = (cp << 6) | (s[i] & 0x3Fu);
    return cp;
}

static inline size_t vg_utf8_encode(char *d, uint32_t cp) {
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6));
        d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12));
        d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18));
    d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- scanners shared by the parser and the locator ---- */

enum {
    VG_S_OK = 0,
    VG_S_UNTERMINATED,
    VG_S_CONTROL,
    VG_S_BADUTF8,
    VG_S_BADESCAPE,
    VG_S_BADHEX,
    VG_S_LONE_HIGH,
    VG_S_LONE_LOW
};

typedef struct vg_jscan {
    const vg_uc *end;    /* the closing quote */
    const vg_uc *errpos; /* where a scan failed */
    const vg_uc *nul;    /* the first \u0000 escape, or NULL */
    size_t dlen;         /* decoded length in bytes */
    int has_escape;
} vg_jscan;

/*
 * Scans the string whose content starts at s (just after the opening quote):
 * finds the closing quote, checks escapes, UTF-8 and control characters and
 * counts the decoded bytes.
 */
static int vg_scan_string(const vg_uc *s, const vg_uc *end, vg_jscan *r) {
    const vg_uc *start = s;
    size_t saved = 0; /* raw bytes minus decoded bytes */
    r->nul = NULL;
    r->has_escape = 0;
    for (;;) {
        while (end - s >= 8) {
            uint64_t w;
            memcpy(&w, s, 8);
            if (vg_swar_special(w))
                break;
            s += 8;
        }
        while (s < end && *s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\')
            s++;
        if (s >= end) {
            r->errpos = start - 1;
            return VG_S_UNTERMINATED;
        }
        unsigned c = *s;
        if (c == '"')
            break;
        if (c == '\\') {
            r->has_escape = 1;
            if (end - s < 2) {
                r->errpos = start - 1;
                return VG_S_UNTERMINATED;
            }
            switch (s[1]) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    s += 2;
                    saved += 1;
                    break;
                case 'u': {
                    long cp = vg_hex4(s + 2, end);
                    if (cp < 0) {
                        r->errpos = s;
                        return VG_S_BADHEX;
                    }
                    if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        r->errpos = s;
                        return VG_S_LONE_LOW;
                    }
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (end - s >= 8 && s[6] == '\\' && s[7] == 'u') {
                            long lo = vg_hex4(s + 8, end);
                            if (lo < 0) {
                                r->errpos = s + 6;
                                return VG_S_BADHEX;
                            }
                            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                                s += 12;
                                saved += 12 - 4;
                                break;
                            }
                        }
                        r->errpos = s;
                        return VG_S_LONE_HIGH;
                    }
                    if (cp == 0 && !r->nul)
                        r->nul = s;
                    saved += cp < 0x80 ? 5 : cp < 0x800 ? 4 : 3;
                    s += 6;
                    break;
                }
                default:
                    r->errpos = s;
                    return VG_S_BADESCAPE;
            }
            continue;
        }
        if (c < 0x20) {
            r->errpos = s;
            return VG_S_CONTROL;
        }
        size_t n = vg_utf8_seq(s, end);
        if (n == 0) {
            r->errpos = s;
            return VG_S_BADUTF8;
        }
        s += n;
    }
    r->end = s;
    r->dlen = (size_t)(s - start) - saved;
    return VG_S_OK;
}

/* The code point of the (valid) escape at s ('\\'); *s moves past it. */
static uint32_t vg_unescape(const vg_uc **sp) {
    const vg_uc *s = *sp;
    uint32_t cp;
    switch (s[1]) {
        case 'b':
            cp = '\b';
            break;
        case 'f':
            cp = '\f';
            break;
        case 'n':
            cp = '\n';
            break;
        case 'r':
            cp = '\r';
            break;
        case 't':
            cp = '\t';
            break;
        case 'u':
            cp = (uint32_t)vg_hex4(s + 2, s + 6);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t lo = (uint32_t)vg_hex4(s + 8, s + 12);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                *sp = s + 12;
                return cp;
            }
            *sp = s + 6;
            return cp;
        default: /* '"', '\\', '/' */
            cp = s[1];
            break;
    }
    *sp = s + 2;
    return cp;
}

/* Decodes the scanned (valid) string content s..end into d, NUL-terminated. */
static void vg_decode_string(char *d, const vg_uc *s, const vg_uc *end) {
    while (s < end) {
        const vg_uc *bs = memchr(s, '\\', (size_t)(end - s));
        if (!bs)
            bs = end;
        memcpy(d, s, (size_t)(bs - s));
        d += bs - s;
        s = bs;
        while (s < end && *s == '\\')
            d += vg_utf8_encode(d, vg_unescape(&s));
    }
    *d = '\0';
}

enum { VG_N_OK = 0, VG_N_MINUS, VG_N_LEADING_ZERO, VG_N_FRACTION, VG_N_EXPONENT };

/* Scans a number at s ('-' or a digit); *stop: its end, or where it fails. */
static int vg_scan_number(const vg_uc *s, const vg_uc *end, const vg_uc **stop) {
    if (*s == '-')
        s++;
    if (s >= end || !vg_is_digit(*s)) {
        *stop = s;
        return VG_N_MINUS;
    }
    if (*s == '0') {
        s++;
        if (s < end && vg_is_digit(*s)) {
            *stop = s - 1;
            return VG_N_LEADING_ZERO;
        }
    } else {
        while (s < end && vg_is_digit(*s))
            s++;
    }
    if (s < end && *s == '.') {
        s++;
        if (s >= end || !vg_is_digit(*s)) {
            *stop = s;
            return VG_N_FRACTION;
        }
        while (s < end && vg_is_digit(*s))
            s++;
    }
    if (s < end && (*s | 0x20) == 'e') {
        s++;
        if (s < end && (*s == '+' || *s == '-'))
            s++;
        if (s >= end || !vg_is_digit(*s)) {
            *stop = s;
            return VG_N_EXPONENT;
        }
        while (s < end && vg_is_digit(*s))
            s++;
    }
    *stop = s;
    return VG_N_OK;
}

/* ---- the parser ---- */

/* The keys of an object with many members, for finding duplicates. */
typedef struct vg_jslot {
    uint32_t hash;
    uint32_t idx; /* member index + 1; 0: empty */
} vg_jslot;

typedef struct vg_jdupset {
    vg_jslot *slots;
    size_t cap; /* power of two, or 0 */
} vg_jdupset;

/* An interned key. */
typedef struct vg_jkey {
    const char *str; /* in the arena; NULL: empty slot */
    uint32_t len;
    uint32_t hash;
} vg_jkey;

typedef struct vg_jparser {
    const vg_uc *base; /* the text */
    const vg_uc *end;
    const vg_uc *cur;
    size_t len;
    vg_arena *arena;
    veilig_error *err;
    size_t max_depth;
    size_t max_string;
    size_t depth;
    char *stack; /* scratch stack of the open containers' children */
    size_t sp;
    size_t cap;
    const vg_jlevel *top;
    int pending;   /* a recorded VEILIG_ESCHEMA, or 0 */
    vg_jkey *keys; /* interned keys: VG_JKEYS_CAP slots, or NULL */
    size_t nkeys;
    int keys_off; /* the table could not be allocated */
    int insitu;   /* strings without escapes stay in the text (vg_json_parse_insitu) */
} vg_jparser;

/* Describes the character at s for "found ..." in messages. */
static const char *vg_jfound(char *buf, size_t size, const vg_uc *s, const vg_uc *end) {
    if (s >= end)
        return "end of text";
    unsigned c = *s;
    if (c >= 0x20 && c < 0x7F) {
        snprintf(buf, size, "'%c'", (char)c);
    } else if (c < 0x80) {
        snprintf(buf, size, "U+%04X", c);
    } else {
        size_t n = vg_utf8_seq(s, end);
        if (n)
            snprintf(buf, size, "'%.*s' (U+%04X)", (int)n, (const char *)s,
                     (unsigned)vg_utf8_decode(s, n));
        else
            snprintf(buf, size, "invalid UTF-8 byte 0x%02X", c);
    }
    return buf;
}

static void vg_jset_position(vg_jparser *p, const vg_uc *at) {
    vg_error_set_position(p->err, (const char *)p->base, p->len, (size_t)(at - p->base));
}

/* Stops the parse with code at position at. */
static VG_COLD int vg_jfail(vg_jparser *p, int code, const vg_uc *at, const char *fmt, ...)
    VG_PRINTF(4, 5);
static VG_COLD int vg_jfail(vg_jparser *p, int code, const vg_uc *at, const char *fmt, ...) {
    if (!p->err)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vg_error_vset(p->err, code, fmt, ap);
    va_end(ap);
    p->err->pointer[0] = '\0';
    vg_jset_position(p, at);
    return code;
}

/* "expected what, found ..." (after prefix) at position at. */
static VG_COLD int vg_jexpected(vg_jparser *p, const vg_uc *at, const char *prefix,
                                const char *what) {
    char found[48];
    return vg_jfail(p, VEILIG_EPARSE, at, "%sexpected %s, found %s", prefix, what,
                    vg_jfound(found, sizeof found, at, p->end));
}

static VG_COLD int vg_jnomem(vg_jparser *p) {
    if (p->err) {
        vg_error_set(p->err, VEILIG_ENOMEM, "out of memory");
        p->err->pointer[0] = '\0';
        p->err->line = p->err->column = 0;
        p->err->position = 0;
    }
    return VEILIG_ENOMEM;
}

typedef struct vg_jpbuf {
    char *d;
    size_t n, cap;
} vg_jpbuf;

static void vg_jpb_put(vg_jpbuf *b, const char *s, size_t n) {
    size_t room = b->cap - b->n;
    if (n > room)
        n = room;
    memcpy(b->d + b->n, s, n);
    b->n += n;
}

/* Writes the pointer of the levels from the root down to l. */
static void vg_jpb_levels(vg_jpbuf *b, const vg_jlevel *l) {
    if (!l || b->n >= b->cap)
        return;
    vg_jpb_levels(b, l->parent);
    vg_jpb_put(b, "/", 1);
    if (!l->key) {
        char num[24];
        int k = snprintf(num, sizeof num, "%zu", l->n);
        vg_jpb_put(b, num, (size_t)k);
        return;
    }
    for (size_t i = 0; i < l->n && b->n < b->cap; i++) {
        char c = l->key[i];
        if (c == '~')
            vg_jpb_put(b, "~0", 2);
        else if (c == '/')
            vg_jpb_put(b, "~1", 2);
        else if (c == '\0')
            vg_jpb_put(b, "\\u0000", 6);
        else
            vg_jpb_put(b, &c, 1);
    }
}

void vg_json_pointer_of(char *out, size_t size, const vg_jlevel *l) {
    char tmp[VEILIG_ERROR_POINTER_LENGTH * 2];
    vg_jpbuf b = {tmp, 0, sizeof tmp - 1};
    vg_jpb_levels(&b, l);
    tmp[b.n] = '\0';
    vg_strlcpy_utf8(out, tmp, size);
}

/* Records a VEILIG_ESCHEMA about the value the path leads to (first one only). */
static VG_COLD void vg_jschema(vg_jparser *p, const vg_uc *at, const char *fmt, ...)
    VG_PRINTF(3, 4);
static VG_COLD void vg_jschema(vg_jparser *p, const vg_uc *at, const char *fmt, ...) {
    if (p->pending)
        return;
    p->pending = VEILIG_ESCHEMA;
    if (!p->err)
        return;
    va_list ap;
    va_start(ap, fmt);
    vg_error_vset(p->err, VEILIG_ESCHEMA, fmt, ap);
    va_end(ap);
    vg_json_pointer_of(p->err->pointer, sizeof p->err->pointer, p->top);
    vg_jset_position(p, at);
}

/* Stops the parse with VEILIG_ELIMIT at position at, about the value whose
   path ends at level l (NULL: the root): the pointer names that value. */
static VG_COLD int vg_jlimit(vg_jparser *p, const vg_jlevel *l, const vg_uc *at, const char *fmt,
                             ...) VG_PRINTF(4, 5);
static VG_COLD int vg_jlimit(vg_jparser *p, const vg_jlevel *l, const vg_uc *at, const char *fmt,
                             ...) {
    if (!p->err)
        return VEILIG_ELIMIT;
    va_list ap;
    va_start(ap, fmt);
    vg_error_vset(p->err, VEILIG_ELIMIT, fmt, ap);
    va_end(ap);
    vg_json_pointer_of(p->err->pointer, sizeof p->err->pointer, l);
    vg_jset_position(p, at);
    return VEILIG_ELIMIT;
}

static int vg_jstack_grow(vg_jparser *p, size_t size) {
    if (vg_grow((void **)&p->stack, &p->cap, p->sp + size, 1) != VEILIG_OK)
        return vg_jnomem(p);
    return VEILIG_OK;
}

static inline int vg_jpush(vg_jparser *p, const void *item, size_t size) {
    if (p->cap - p->sp < size && vg_jstack_grow(p, size) != VEILIG_OK)
        return VEILIG_ENOMEM;
    memcpy(p->stack + p->sp, item, size);
    p->sp += size;
    return VEILIG_OK;
}

/* Moves the n children of size elem at stack offset base into the arena. */
static int vg_jpop(vg_jparser *p, void **out, size_t base, size_t n, size_t elem) {
    *out = NULL;
    if (n) {
        *out = vg_arena_alloc(p->arena, n * elem);
        if (!*out)
            return vg_jnomem(p);
        memcpy(*out, p->stack + base, n * elem);
    }
    p->sp = base;
    return VEILIG_OK;
}

static VG_COLD int vg_jstring_error(vg_jparser *p, int rc, const vg_jscan *r) {
    const vg_uc *at = r->errpos;
    char found[48];
    switch (rc) {
        case VG_S_UNTERMINATED:
            return vg_jfail(p, VEILIG_EPARSE, at, "unterminated string");
        case VG_S_CONTROL: {
            static const char *const shorts[0x20] = {
                NULL, NULL,  NULL,  NULL, NULL, NULL, NULL, NULL, "\\b", "\\t", "\\n",
                NULL, "\\f", "\\r", NULL, NULL, NULL, NULL, NULL, NULL,  NULL,  NULL,
                NULL, NULL,  NULL,  NULL, NULL, NULL, NULL, NULL, NULL,  NULL};
            unsigned c = *at;
            if (shorts[c])
                return vg_jfail(p, VEILIG_EPARSE, at,
                                "control character U+%04X in string (write %s)", c, shorts[c]);
            return vg_jfail(p, VEILIG_EPARSE, at,
                            "control character U+%04X in string (write \\u%04x)", c, c);
        }
        case VG_S_BADUTF8:
            return vg_jfail(p, VEILIG_EPARSE, at, "invalid UTF-8 in string");
        case VG_S_BADESCAPE:
            if (at[1] >= 0x20 && at[1] < 0x7F)
                return vg_jfail(p, VEILIG_EPARSE, at, "invalid escape '\\%c' in string",
                                (char)at[1]);
            return vg_jfail(p, VEILIG_EPARSE, at, "invalid escape: '\\' followed by %s in string",
                            vg_jfound(found, sizeof found, at + 1, p->end));
        case VG_S_BADHEX:
            return vg_jfail(p, VEILIG_EPARSE, at,
                            "invalid \\u escape (expected four hex digits after \\u)");
        default: /* lone surrogates */
            return vg_jfail(p, VEILIG_EPARSE, at, "lone surrogate %.6s", (const char *)at);
    }
}

/* The arena copy of a key s[0..len) (no escapes): shared with the earlier
   keys of the same text. NULL when out of memory. */
static const char *vg_jintern(vg_jparser *p, const char *s, size_t len) {
    if (!p->keys && !p->keys_off) {
        p->keys = vg_calloc(VG_JKEYS_CAP, sizeof *p->keys);
        p->keys_off = p->keys == NULL; /* no table: just copy */
    }
    if (!p->keys)
        return vg_arena_strndup(p->arena, s, len);
    uint32_t h = vg_hash(s, len, 0);
    size_t i = h & (VG_JKEYS_CAP - 1);
    while (p->keys[i].str) {
        const vg_jkey *k = &p->keys[i];
        if (k->hash == h && k->len == len && memcmp(k->str, s, len) == 0)
            return k->str;
        i = (i + 1) & (VG_JKEYS_CAP - 1);
    }
    char *d = vg_arena_strndup(p->arena, s, len);
    if (d && p->nkeys < VG_JKEYS_MAX) {
        p->keys[i].str = d;
        p->keys[i].len = (uint32_t)len;
        p->keys[i].hash = h;
        p->nkeys++;
    }
    return d;
}

/* Parses the string at q (the opening quote) into the arena (a key: maybe
   shared with an earlier equal key). *nul: the first \u0000 escape or NULL. */
static int vg_jstring(vg_jparser *p, const vg_uc *q, int key, const char **out, uint32_t *out_len,
                      const vg_uc **nul) {
    vg_jscan r;
    int rc = vg_scan_string(q + 1, p->end, &r);
    if (rc != VG_S_OK)
        return vg_jstring_error(p, rc, &r);
    size_t limit = p->max_string < UINT32_MAX ? p->max_string : UINT32_MAX;
    if (r.dlen > limit)
        /* a key is named by the object that holds it, a value by its own pointer */
        return vg_jlimit(p, key ? p->top->parent : p->top, q, "string longer than %zu bytes",
                         limit);
    *out_len = (uint32_t)r.dlen;
    *nul = r.nul;
    p->cur = r.end + 1;
    if (key && !r.has_escape && r.dlen <= VG_JKEY_MAXLEN) {
        *out = vg_jintern(p, (const char *)q + 1, r.dlen);
        return *out ? VEILIG_OK : vg_jnomem(p);
    }
    if (p->insitu && !r.has_escape) {
        /* the closing quote becomes the string's NUL: behind the parser, in
           a text that is its caller's to change */
        char *d = (char *)(uintptr_t)(q + 1);
        d[r.dlen] = '\0';
        *out = d;
        return VEILIG_OK;
    }
    char *d = vg_arena_alloc(p->arena, r.dlen + 1);
    if (!d)
        return vg_jnomem(p);
    if (r.has_escape) {
        vg_decode_string(d, q + 1, r.end);
    } else {
        memcpy(d, q + 1, r.dlen);
        d[r.dlen] = '\0';
    }
    *out = d;
    return VEILIG_OK;
}

static int vg_jnumber(vg_jparser *p, vg_jnode *out) {
    const vg_uc *s = p->cur, *stop;
    switch (vg_scan_number(s, p->end, &stop)) {
        case VG_N_OK:
            break;
        case VG_N_MINUS:
            return vg_jexpected(p, stop, "invalid number: ", "a digit after '-'");
        case VG_N_LEADING_ZERO:
            return vg_jfail(p, VEILIG_EPARSE, stop, "invalid number: leading zero");
        case VG_N_FRACTION:
            return vg_jexpected(p, stop, "invalid number: ", "a digit after '.'");
        default:
            return vg_jexpected(p, stop, "invalid number: ", "a digit in the exponent");
    }
    size_t n = (size_t)(stop - s);
    if (n > UINT32_MAX)
        return vg_jfail(p, VEILIG_ELIMIT, s, "number longer than %u characters",
                        (unsigned)UINT32_MAX);
    char *lit = vg_arena_strndup(p->arena, (const char *)s, n);
    if (!lit)
        return vg_jnomem(p);
    out->type = VG_JNUMBER;
    out->len = (uint32_t)n;
    out->u.str = lit;
    p->cur = stop;
    return VEILIG_OK;
}

static int vg_jvalue(vg_jparser *p, vg_jnode *out);

static VG_COLD int vg_jdepth_error(vg_jparser *p, const vg_uc *open) {
    return vg_jlimit(p, p->top, open, "nesting deeper than %zu levels", p->max_depth);
}

static int vg_jarray(vg_jparser *p, vg_jnode *out) {
    const vg_uc *open = p->cur, *end = p->end, *s;
    if (++p->depth > p->max_depth)
        return vg_jdepth_error(p, open);
    vg_jlevel lvl;
    lvl.parent = p->top;
    lvl.key = NULL;
    lvl.n = 0;
    p->top = &lvl;
    size_t base = p->sp, n = 0;
    s = vg_skip_ws(open + 1, end);
    if (s < end && *s == ']') {
        s++;
    } else {
        for (;;) {
            vg_jnode item;
            p->cur = s;
            lvl.n = n;
            int rc = vg_jvalue(p, &item);
            if (rc == VEILIG_OK)
                rc = vg_jpush(p, &item, sizeof item);
            if (rc != VEILIG_OK)
                return rc;
            n++;
            s = vg_skip_ws(p->cur, end);
            if (s < end && *s == ',') {
                s = vg_skip_ws(s + 1, end);
                continue;
            }
            if (s < end && *s == ']') {
                s++;
                break;
            }
            return vg_jexpected(p, s, "", "',' or ']' after array item");
        }
    }
    if (n > UINT32_MAX)
        return vg_jfail(p, VEILIG_ELIMIT, open, "array with more than %u items",
                        (unsigned)UINT32_MAX);
    void *items;
    int rc = vg_jpop(p, &items, base, n, sizeof(vg_jnode));
    if (rc != VEILIG_OK)
        return rc;
    out->type = VG_JARRAY;
    out->len = (uint32_t)n;
    out->u.items = items;
    p->cur = s;
    p->depth--;
    p->top = lvl.parent;
    return VEILIG_OK;
}

static inline const vg_jmember *vg_jmembers(const vg_jparser *p, size_t base) {
    if (!p->stack) /* nothing pushed yet */
        return NULL;
    return (const vg_jmember *)(const void *)(p->stack + base);
}

static void vg_jdup_insert(vg_jdupset *set, uint32_t hash, uint32_t idx) {
    size_t mask = set->cap - 1, i = hash & mask;
    while (set->slots[i].idx)
        i = (i + 1) & mask;
    set->slots[i].hash = hash;
    set->slots[i].idx = idx;
}

/* Whether key (member n of the object whose members start at base) was seen
   before in this object: 1, 0, or VEILIG_ENOMEM. */
static int vg_jdup_seen(vg_jparser *p, vg_jdupset *set, size_t base, size_t n, const char *key,
                        uint32_t klen) {
    const vg_jmember *mem = vg_jmembers(p, base);
    if (n < VG_JDUP_LINEAR) {
        for (size_t i = 0; i < n; i++)
            if (mem[i].key_len == klen && memcmp(mem[i].key, key, klen) == 0)
                return 1;
        return 0;
    }
    if (set->cap < 2 * (n + 1)) {
        size_t cap = set->cap ? set->cap * 2 : 32;
        while (cap < 2 * (n + 1))
            cap *= 2;
        vg_jdupset grown;
        grown.slots = vg_calloc(cap, sizeof *grown.slots);
        if (!grown.slots)
            return VEILIG_ENOMEM;
        grown.cap = cap;
        if (set->slots) {
            for (size_t i = 0; i < set->cap; i++)
                if (set->slots[i].idx)
                    vg_jdup_insert(&grown, set->slots[i].hash, set->slots[i].idx);
        } else {
            for (size_t i = 0; i < n; i++)
                vg_jdup_insert(&grown, vg_hash(mem[i].key, mem[i].key_len, 0), (uint32_t)(i + 1));
        }
        vg_free(set->slots);
        *set = grown;
    }
    uint32_t h = vg_hash(key, klen, 0);
    size_t mask = set->cap - 1, i = h & mask;
    while (set->slots[i].idx) {
        const vg_jmember *m = &mem[set->slots[i].idx - 1];
        if (set->slots[i].hash == h && m->key_len == klen && memcmp(m->key, key, klen) == 0)
            return 1;
        i = (i + 1) & mask;
    }
    set->slots[i].hash = h;
    set->slots[i].idx = (uint32_t)(n + 1);
    return 0;
}

/* The key for a message: at most 64 bytes, cut at a character boundary. */
static void vg_jkey_excerpt(char *buf, size_t size, const char *key, size_t len) {
    if (len < size - 4) {
        memcpy(buf, key, len);
        buf[len] = '\0';
        return;
    }
    size_t n = size - 4;
    while (n > 0 && ((unsigned char)key[n] & 0xC0) == 0x80)
        n--;
    memcpy(buf, key, n);
    memcpy(buf + n, "...", 4);
}

static int vg_jobject(vg_jparser *p, vg_jnode *out) {
    const vg_uc *open = p->cur, *end = p->end, *s;
    if (++p->depth > p->max_depth)
        return vg_jdepth_error(p, open);
    vg_jlevel lvl;
    lvl.parent = p->top;
    lvl.key = "";
    lvl.n = 0;
    p->top = &lvl;
    size_t base = p->sp, n = 0;
    vg_jdupset set = {NULL, 0};
    int rc = VEILIG_OK;
    s = vg_skip_ws(open + 1, end);
    if (s < end && *s == '}') {
        s++;
    } else {
        for (;;) {
            vg_jmember m;
            int key_error;
            const vg_uc *nul;
            if (s >= end || *s != '"') {
                rc = vg_jexpected(p, s, "", n == 0 ? "a key or '}'" : "a key after ','");
                break;
            }
            if (n >= UINT32_MAX - 1) {
                rc = vg_jfail(p, VEILIG_ELIMIT, open, "object with more than %u members",
                              (unsigned)(UINT32_MAX - 2));
                break;
            }
            m.key_pos = (size_t)(s - p->base);
            rc = vg_jstring(p, s, 1, &m.key, &m.key_len, &nul);
            if (rc != VEILIG_OK)
                break;
            lvl.key = m.key;
            lvl.n = m.key_len;
            /* an error about this key is reported where its value starts */
            key_error = !p->pending;
            if (!p->pending) {
                if (nul) {
                    vg_jschema(p, nul, "NUL character (\\u0000) in key");
                } else {
                    rc = vg_jdup_seen(p, &set, base, n, m.key, m.key_len);
                    if (rc < 0) {
                        rc = vg_jnomem(p);
                        break;
                    }
                    if (rc) {
                        char excerpt[68];
                        vg_jkey_excerpt(excerpt, sizeof excerpt, m.key, m.key_len);
                        vg_jschema(p, s, "duplicate key \"%s\"", excerpt);
                        rc = VEILIG_OK;
                    }
                }
            }
            s = vg_skip_ws(p->cur, end);
            if (s >= end || *s != ':') {
                rc = vg_jexpected(p, s, "", "':' after object key");
                break;
            }
            p->cur = vg_skip_ws(s + 1, end);
            if (key_error && p->pending)
                vg_jset_position(p, p->cur);
            rc = vg_jvalue(p, &m.value);
            if (rc == VEILIG_OK)
                rc = vg_jpush(p, &m, sizeof m);
            if (rc != VEILIG_OK)
                break;
            n++;
            s = vg_skip_ws(p->cur, end);
            if (s < end && *s == ',') {
                s = vg_skip_ws(s + 1, end);
                continue;
            }
            if (s < end && *s == '}') {
                s++;
                break;
            }
            rc = vg_jexpected(p, s, "", "',' or '}' after object member");
            break;
        }
    }
    vg_free(set.slots);
    if (rc != VEILIG_OK)
        return rc;
    void *members;
    rc = vg_jpop(p, &members, base, n, sizeof(vg_jmember));
    if (rc != VEILIG_OK)
        return rc;
    out->type = VG_JOBJECT;
    out->len = (uint32_t)n;
    out->u.members = members;
    p->cur = s;
    p->depth--;
    p->top = lvl.parent;
    return VEILIG_OK;
}

static VG_COLD int vg_jliteral_error(vg_jparser *p, const char *word, size_t n) {
    /* point at the first character that differs */
    const vg_uc *s = p->cur, *at = s;
    while (at < p->end && (size_t)(at - s) < n && *at == (vg_uc)word[at - s])
        at++;
    char found[48];
    return vg_jfail(p, VEILIG_EPARSE, at, "invalid literal: expected '%s', found %s", word,
                    vg_jfound(found, sizeof found, at, p->end));
}

static int vg_jliteral(vg_jparser *p, vg_jnode *out, const char *word, size_t n, uint8_t type) {
    const vg_uc *s = p->cur;
    if ((size_t)(p->end - s) < n || memcmp(s, word, n) != 0)
        return vg_jliteral_error(p, word, n);
    out->type = type;
    out->len = 0;
    out->u.str = NULL;
    p->cur = s + n;
    return VEILIG_OK;
}

/* Parses the value at p->cur (not whitespace) into out. */
static int vg_jvalue(vg_jparser *p, vg_jnode *out) {
    const vg_uc *s = p->cur;
    if (s >= p->end)
        return vg_jexpected(p, s, "", "a value");
    out->pos = (size_t)(s - p->base);
    switch (*s) {
        case '"': {
            const vg_uc *nul;
            out->type = VG_JSTRING;
            int rc = vg_jstring(p, s, 0, &out->u.str, &out->len, &nul);
            if (rc == VEILIG_OK && nul)
                vg_jschema(p, s, "NUL character (\\u0000) in string");
            return rc;
        }
        case '{':
            return vg_jobject(p, out);
        case '[':
            return vg_jarray(p, out);
        case 't':
            return vg_jliteral(p, out, "true", 4, VG_JTRUE);
        case 'f':
            return vg_jliteral(p, out, "false", 5, VG_JFALSE);
        case 'n':
            return vg_jliteral(p, out, "null", 4, VG_JNULL);
        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
            return vg_jnumber(p, out);
        default:
            return vg_jexpected(p, s, "", "a value");
    }
}

static const vg_uc *vg_skip_bom(const vg_uc *s, const vg_uc *end) {
    if (end - s >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return s + 3;
    return s;
}

static void vg_jparser_init(vg_jparser *p, vg_arena *arena, const char *text, size_t len,
                            const vg_jlimits *lim, veilig_error *err, int insitu) {
    p->base = (const vg_uc *)text;
    p->end = p->base + len;
    p->cur = p->base;
    p->len = len;
    p->arena = arena;
    p->err = err;
    p->max_depth = lim && lim->max_depth ? lim->max_depth : VG_JSON_DEFAULT_DEPTH;
    p->max_string = lim && lim->max_string ? lim->max_string : VG_JSON_DEFAULT_STRING;
    p->depth = 0;
    p->stack = NULL;
    p->sp = p->cap = 0;
    p->top = NULL;
    p->pending = 0;
    p->keys = NULL;
    p->nkeys = 0;
    p->keys_off = 0;
    p->insitu = insitu;
}

static int vg_json_parse_text(vg_jnode **out, vg_arena *arena, const char *text, size_t len,
                              const vg_jlimits *lim, veilig_error *err, int insitu) {
    if (out)
        *out = NULL;
    if (!out || !arena || (!text && len)) {
        if (err) {
            vg_error_set(err, VEILIG_EINVAL, "invalid argument");
            err->pointer[0] = '\0';
        }
        return VEILIG_EINVAL;
    }
    static const char empty[1] = "";
    if (!text)
        text = empty;
    vg_jparser p;
    vg_jparser_init(&p, arena, text, len, lim, err, insitu);

    char found[48];
    const vg_uc *s = vg_skip_ws(vg_skip_bom(p.base, p.end), p.end);
    if (s >= p.end)
        return vg_jfail(&p, VEILIG_EPARSE, s, "empty document");
    vg_jnode *root = vg_arena_alloc(arena, sizeof *root);
    if (!root)
        return vg_jnomem(&p);
    p.cur = s;
    int rc = vg_jvalue(&p, root);
    vg_free(p.stack);
    vg_free(p.keys);
    if (rc != VEILIG_OK)
        return rc;
    s = vg_skip_ws(p.cur, p.end);
    if (s < p.end)
        return vg_jfail(&p, VEILIG_EPARSE, s, "trailing characters after the document (found %s)",
                        vg_jfound(found, sizeof found, s, p.end));
    if (p.pending)
        return p.pending;
    *out = root;
    return VEILIG_OK;
}

int vg_json_parse(vg_jnode **out, vg_arena *arena, const char *text, size_t len,
                  const vg_jlimits *lim, veilig_error *err) {
    return vg_json_parse_text(out, arena, text, len, lim, err, 0);
}

int vg_json_parse_insitu(vg_jnode **out, vg_arena *arena, char *text, size_t len,
                         const vg_jlimits *lim, veilig_error *err) {
    return vg_json_parse_text(out, arena, text, len, lim, err, 1);
}

int vg_json_parse_part(vg_jnode *out, vg_arena *arena, const char *text, size_t len, size_t *pos,
                       size_t depth, const vg_jlimits *lim, vg_jscratch *scratch) {
    vg_jparser p;
    vg_jparser_init(&p, arena, text, len, lim, NULL, 0);
    p.depth = depth;
    p.cur = p.base + *pos;
    if (scratch) {
        p.stack = scratch->stack;
        p.cap = scratch->cap;
        p.keys = scratch->keys;
        /* the keys of the last call point into an arena that is gone */
        if (p.keys && scratch->keys_used)
            memset(p.keys, 0, VG_JKEYS_CAP * sizeof *p.keys);
    }
    int rc = vg_jvalue(&p, out);
    if (scratch) {
        scratch->stack = p.stack;
        scratch->cap = p.cap;
        scratch->keys = p.keys;
        scratch->keys_used = p.nkeys > 0;
    } else {
        vg_free(p.stack);
        vg_free(p.keys);
    }
    if (rc == VEILIG_OK && p.pending)
        rc = p.pending;
    if (rc == VEILIG_OK)
        *pos = (size_t)(p.cur - p.base);
    return rc;
}

void vg_jscratch_free(vg_jscratch *s) {
    vg_free(s->stack);
    vg_free(s->keys);
    memset(s, 0, sizeof *s);
}

/* How far past a value's end vg_json_parse_part may look (a \u escape and
   the one after it, a UTF-8 sequence): a failure further from the text's end
   than this did not come from the text ending. */
#define VG_JPART_LOOKAHEAD 16

int vg_json_extent_closed(const char *text, size_t len, size_t pos) {
    const vg_uc *s = (const vg_uc *)text + pos, *end = (const vg_uc *)text + len;
    size_t depth = 0;
    if (s >= end)
        return 0;
    if (*s != '{' && *s != '[' && *s != '"') {
        /* a number or a literal: ends at the first byte that cannot continue it */
        while (s < end && (vg_is_digit(*s) || (*s >= 'a' && *s <= 'z') || *s == '-' || *s == '+' ||
                           *s == '.' || *s == 'E'))
            s++;
        return end - s > VG_JPART_LOOKAHEAD;
    }
    while (s < end) {
        vg_uc c = *s++;
        if (c == '"') {
            /* a string: to its closing quote (a backslash takes the byte after it) */
            while (s < end && *s != '"')
                s += *s == '\\' ? 2 : 1;
            if (s >= end)
                return 0;
            s++;
        } else if (c == '{' || c == '[') {
            depth++;
            continue;
        } else if (c == '}' || c == ']') {
            if (depth > 0)
                depth--;
        } else {
            continue;
        }
        if (depth == 0)
            return end - s > VG_JPART_LOOKAHEAD;
    }
    return 0;
}

/* ---- trees ---- */

static int vg_jcopy_into(vg_arena *a, vg_jnode *dst, const vg_jnode *src) {
    *dst = *src;
    switch (src->type) {
        case VG_JNUMBER:
        case VG_JSTRING:
            dst->u.str = vg_arena_strndup(a, src->u.str, src->len);
            return dst->u.str ? VEILIG_OK : VEILIG_ENOMEM;
        case VG_JARRAY:
            if (!src->len) {
                dst->u.items = NULL;
                return VEILIG_OK;
            }
            dst->u.items = vg_arena_alloc(a, (size_t)src->len * sizeof(vg_jnode));
            if (!dst->u.items)
                return VEILIG_ENOMEM;
            for (uint32_t i = 0; i < src->len; i++)
                if (vg_jcopy_into(a, &dst->u.items[i], &src->u.items[i]) != VEILIG_OK)
                    return VEILIG_ENOMEM;
            return VEILIG_OK;
        case VG_JOBJECT:
            if (!src->len) {
                dst->u.members = NULL;
                return VEILIG_OK;
            }
            dst->u.members = vg_arena_alloc(a, (size_t)src->len * sizeof(vg_jmember));
            if (!dst->u.members)
                return VEILIG_ENOMEM;
            for (uint32_t i = 0; i < src->len; i++) {
                vg_jmember *d = &dst->u.members[i];
                const vg_jmember *m = &src->u.members[i];
                d->key = vg_arena_strndup(a, m->key, m->key_len);
                d->key_len = m->key_len;
                d->key_pos = m->key_pos;
                if (!d->key || vg_jcopy_into(a, &d->value, &m->value) != VEILIG_OK)
                    return VEILIG_ENOMEM;
            }
            return VEILIG_OK;
        default:
            return VEILIG_OK;
    }
}

vg_jnode *vg_json_copy(vg_arena *arena, const vg_jnode *node) {
    if (!arena || !node)
        return NULL;
    vg_jnode *copy = vg_arena_alloc(arena, sizeof *copy);
    if (!copy || vg_jcopy_into(arena, copy, node) != VEILIG_OK)
        return NULL;
    return copy;
}

const vg_jmember *vg_json_get(const vg_jnode *object, const char *key) {
    if (!object || object->type != VG_JOBJECT || !key)
        return NULL;
    size_t len = strlen(key);
    for (uint32_t i = 0; i < object->len; i++) {
        const vg_jmember *m = &object->u.members[i];
        if (m->key_len == len && memcmp(m->key, key, len) == 0)
            return m;
    }
    return NULL;
}

void vg_json_pointer_append(vg_buf *b, const char *key, size_t len) {
    vg_buf_putc(b, '/');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        if (key[i] != '~' && key[i] != '/')
            continue;
        vg_buf_put(b, key + run, i - run);
        vg_buf_put(b, key[i] == '~' ? "~0" : "~1", 2);
        run = i + 1;
    }
    vg_buf_put(b, key + run, len - run);
}

/* ---- locating a pointer in the text ---- */

/* The next byte of an RFC 6901 reference token (~0 and ~1 unescaped): a
   byte, -1 at its end, -2 for a broken '~' escape. */
static int vg_tok_next(const char **tp, const char *tend) {
    const char *t = *tp;
    if (t >= tend)
        return -1;
    if (*t != '~') {
        *tp = t + 1;
        return (unsigned char)*t;
    }
    if (tend - t >= 2 && (t[1] == '0' || t[1] == '1')) {
        *tp = t + 2;
        return t[1] == '0' ? '~' : '/';
    }
    return -2;
}

/* Whether the (scanned, valid) raw key content k..kend equals token t..tend. */
static int vg_key_equals(const vg_uc *k, const vg_uc *kend, const char *t, const char *tend) {
    while (k < kend) {
        char buf[4];
        size_t n;
        if (*k == '\\') {
            n = vg_utf8_encode(buf, vg_unescape(&k));
        } else {
            buf[0] = (char)*k++;
            n = 1;
        }
        for (size_t i = 0; i < n; i++)
            if (vg_tok_next(&t, tend) != (unsigned char)buf[i])
                return 0;
    }
    return t == tend;
}

static int vg_skip_nested(const vg_uc **sp, const vg_uc *end, size_t max_depth);

/* Steps over the value at *sp without building anything (no recursion, no
   allocation). On failure *sp is where the text breaks. */
static int vg_skip_value(const vg_uc **sp, const vg_uc *end) {
    int rc = vg_skip_nested(sp, end, VG_JLOCATE_MAX_DEPTH);
    return rc == VEILIG_ELIMIT ? VEILIG_EPARSE : rc;
}

/* vg_skip_value with at most max_depth (up to VG_JLOCATE_MAX_DEPTH) levels
   of containers in the value: VEILIG_ELIMIT beyond. */
static int vg_skip_nested(const vg_uc **sp, const vg_uc *end, size_t max_depth) {
    unsigned char kinds[VG_JLOCATE_MAX_DEPTH / 8]; /* bit set: object */
    size_t depth = 0;
    const vg_uc *s = *sp, *stop;
    vg_jscan r;
    for (;;) {
        /* a value at s */
        if (s >= end)
            goto broken;
        switch (*s) {
            case '{':
            case '[': {
                int obj = *s == '{';
                if (depth >= max_depth) {
                    *sp = s;
                    return VEILIG_ELIMIT;
                }
                if (obj)
                    kinds[depth / 8] |= (unsigned char)(1u << (depth % 8));
                else
                    kinds[depth / 8] &= (unsigned char)~(1u << (depth % 8));
                depth++;
                s = vg_skip_ws(s + 1, end);
                if (s < end && *s == (obj ? '}' : ']')) {
                    depth--;
                    s++;
                    break;
                }
                if (!obj)
                    continue;
                goto key;
            }
            case '"':
                if (vg_scan_string(s + 1, end, &r) != VG_S_OK) {
                    s = r.errpos;
                    goto broken;
                }
                s = r.end + 1;
                break;
            case 't':
            case 'n':
                if (end - s < 4 || memcmp(s, *s == 't' ? "true" : "null", 4) != 0)
                    goto broken;
                s += 4;
                break;
            case 'f':
                if (end - s < 5 || memcmp(s, "false", 5) != 0)
                    goto broken;
                s += 5;
                break;
            default:
                if (*s != '-' && !vg_is_digit(*s))
                    goto broken;
                if (vg_scan_number(s, end, &stop) != VG_N_OK) {
                    s = stop;
                    goto broken;
                }
                s = stop;
                break;
        }
        /* after a value: separators and closing brackets */
        for (;;) {
            if (depth == 0) {
                *sp = s;
                return VEILIG_OK;
            }
            int obj = (kinds[(depth - 1) / 8] >> ((depth - 1) % 8)) & 1;
            s = vg_skip_ws(s, end);
            if (s < end && *s == ',') {
                s = vg_skip_ws(s + 1, end);
                break;
            }
            if (s < end && *s == (obj ? '}' : ']')) {
                s++;
                depth--;
                continue;
            }
            goto broken;
        }
        if (!((kinds[(depth - 1) / 8] >> ((depth - 1) % 8)) & 1))
            continue;
    key:
        /* a member: s at its key */
        if (s >= end || *s != '"' || vg_scan_string(s + 1, end, &r) != VG_S_OK)
            goto broken;
        s = vg_skip_ws(r.end + 1, end);
        if (s >= end || *s != ':')
            goto broken;
        s = vg_skip_ws(s + 1, end);
    }
broken:
    *sp = s;
    return VEILIG_EPARSE;
}

/* Parses an array index token (decimal, no leading zeros); 0 if it is not one. */
static int vg_tok_index(const char *t, const char *tend, size_t *out) {
    if (t == tend || (*t == '0' && tend - t > 1))
        return 0;
    size_t v = 0;
    for (; t < tend; t++) {
        if (!vg_is_digit((unsigned char)*t) || v > (SIZE_MAX - 9) / 10)
            return 0;
        v = v * 10 + (size_t)(*t - '0');
    }
    *out = v;
    return 1;
}

/*
 * On failure *pos says where: for VEILIG_EPARSE where the text breaks, for
 * VEILIG_ENOTFOUND the start of the value that has no such member or item.
 */
int vg_json_locate(size_t *pos, const char *text, size_t len, const char *pointer) {
    if (!pos || (!text && len) || !pointer)
        return VEILIG_EINVAL;
    *pos = 0;
    if (!text)
        text = "";
    const vg_uc *base = (const vg_uc *)text, *end = base + len;
    const vg_uc *s = vg_skip_ws(vg_skip_bom(base, end), end);
    const char *tok = pointer;
    int rc = VEILIG_OK;
    vg_jscan r;
    if (s >= end) {
        rc = VEILIG_EPARSE;
        goto out;
    }
    if (*tok && *tok != '/') {
        rc = VEILIG_ENOTFOUND;
        goto out;
    }
    while (*tok) {
        const char *t = tok + 1, *tend = strchr(t, '/');
        if (!tend)
            tend = t + strlen(t);
        const vg_uc *container = s;
        if (*s == '{') {
            s = vg_skip_ws(s + 1, end);
            if (s < end && *s == '}') {
                s = container;
                rc = VEILIG_ENOTFOUND;
                goto out;
            }
            for (;;) {
                if (s >= end || *s != '"') {
                    rc = VEILIG_EPARSE;
                    goto out;
                }
                if (vg_scan_string(s + 1, end, &r) != VG_S_OK) {
                    s = r.errpos;
                    rc = VEILIG_EPARSE;
                    goto out;
                }
                int match = vg_key_equals(s + 1, r.end, t, tend);
                s = vg_skip_ws(r.end + 1, end);
                if (s >= end || *s != ':') {
                    rc = VEILIG_EPARSE;
                    goto out;
                }
                s = vg_skip_ws(s + 1, end);
                if (match)
                    break;
                if ((rc = vg_skip_value(&s, end)) != VEILIG_OK)
                    goto out;
                s = vg_skip_ws(s, end);
                if (s < end && *s == ',') {
                    s = vg_skip_ws(s + 1, end);
                    continue;
                }
                if (s < end && *s == '}') {
                    s = container;
                    rc = VEILIG_ENOTFOUND;
                    goto out;
                }
                rc = VEILIG_EPARSE;
                goto out;
            }
        } else if (*s == '[') {
            size_t want, i = 0;
            if (!vg_tok_index(t, tend, &want)) {
                rc = VEILIG_ENOTFOUND;
                goto out;
            }
            s = vg_skip_ws(s + 1, end);
            if (s < end && *s == ']') {
                s = container;
                rc = VEILIG_ENOTFOUND;
                goto out;
            }
            for (; i < want; i++) {
                if ((rc = vg_skip_value(&s, end)) != VEILIG_OK)
                    goto out;
                s = vg_skip_ws(s, end);
                if (s < end && *s == ',') {
                    s = vg_skip_ws(s + 1, end);
                    continue;
                }
                if (s < end && *s == ']') {
                    s = container;
                    rc = VEILIG_ENOTFOUND;
                    goto out;
                }
                rc = VEILIG_EPARSE;
                goto out;
            }
        } else {
            /* a scalar has no members: but is it one? */
            rc = vg_skip_value(&s, end);
            if (rc == VEILIG_OK) {
                s = container;
                rc = VEILIG_ENOTFOUND;
            }
            goto out;
        }
        if (s >= end) {
            rc = VEILIG_EPARSE;
            goto out;
        }
        tok = tend;
    }
    /* s is where the value starts: is it the start of one? */
    if (!strchr("{[\"-0123456789tfn", *s) || *s == '\0')
        rc = VEILIG_EPARSE;
out:
    *pos = (size_t)(s - base);
    return rc;
}

int veilig_json_locate(veilig_error *err, const char *json, size_t len, const char *pointer) {
    if (!err || !json || !pointer)
        return VEILIG_EINVAL;
    size_t pos = 0;
    int rc = vg_json_locate(&pos, json, len, pointer);
    if (rc != VEILIG_EINVAL)
        vg_error_set_position(err, json, len, pos);
    return rc;
}

/* ---- locating many pointers at once ---- */

/* Pointers in an order where each value's pointers stand together, those
   of each of its members or items together after it: as strcmp, but with
   the end of a pointer before '/', and '/' before every other byte. */
static int vg_ptr_byte(const char *p, size_t i) {
    return p[i] == '\0' ? -1 : p[i] == '/' ? 0 : (unsigned char)p[i] + 1;
}

/* A pointer of the caller's, and which it was. */
typedef struct vg_lptr {
    const char *p;
    size_t index; /* in the caller's list */
    size_t pos;   /* where its value starts, or SIZE_MAX */
} vg_lptr;

static int vg_ptr_cmp(const void *a, const void *b) {
    const char *x = ((const vg_lptr *)a)->p, *y = ((const vg_lptr *)b)->p;
    for (size_t i = 0;; i++) {
        int cx = vg_ptr_byte(x, i), cy = vg_ptr_byte(y, i);
        if (cx != cy || cx < 0)
            return cx - cy;
    }
}

/* Where pointer p (of which [0..at) is the value's own) stands to the child
   token tok[0..n): <0 before the child's pointers, 0 one of them, >0 after. */
static int vg_ptr_child_cmp(const char *p, size_t at, const char *tok, size_t n) {
    int c = vg_ptr_byte(p, at);
    if (c != 0)
        return c < 0 ? -1 : 1;
    for (size_t i = 0; i < n; i++) {
        c = vg_ptr_byte(p, at + 1 + i) - vg_ptr_byte(tok, i);
        if (c)
            return c;
    }
    c = vg_ptr_byte(p, at + 1 + n);
    return c <= 0 ? 0 : 1;
}

static int vg_lptr_pos_cmp(const void *a, const void *b) {
    size_t x = ((const vg_lptr *)a)->pos, y = ((const vg_lptr *)b)->pos;
    return x < y ? -1 : x > y;
}

typedef struct vg_lwalk {
    vg_lptr *ptrs; /* sorted (vg_ptr_cmp) */
    const vg_uc *base, *end;
    vg_buf key, tok; /* the current key, decoded, and as a pointer token */
} vg_lwalk;

/* The pointers of [*lo, hi) below the value's own at, under token tok. */
static void vg_lw_range(const vg_lwalk *w, size_t at, const char *tok, size_t n, size_t lo,
                        size_t hi, size_t *out_lo, size_t *out_hi) {
    size_t a = lo, b = hi;
    while (a < b) { /* the first not before */
        size_t mid = a + (b - a) / 2;
        if (vg_ptr_child_cmp(w->ptrs[mid].p, at, tok, n) < 0)
            a = mid + 1;
        else
            b = mid;
    }
    *out_lo = a;
    b = hi;
    while (a < b) { /* the first after */
        size_t mid = a + (b - a) / 2;
        if (vg_ptr_child_cmp(w->ptrs[mid].p, at, tok, n) <= 0)
            a = mid + 1;
        else
            b = mid;
    }
    *out_hi = a;
}

/* Walks the value at *sp, whose pointers (their first at bytes its own) are
   ptrs[lo..hi), depth containers deep: steps over what no pointer names. */
static int vg_lw_value(vg_lwalk *w, const vg_uc **sp, size_t at, size_t lo, size_t hi,
                       size_t depth) {
    const vg_uc *s = *sp, *end = w->end;
    /* the value itself; under a key given twice the first value is the one
       named, as veilig_json_locate says */
    for (; lo < hi && w->ptrs[lo].p[at] == '\0'; lo++)
        if (w->ptrs[lo].pos == SIZE_MAX)
            w->ptrs[lo].pos = (size_t)(s - w->base);
    if (lo == hi || s >= end || (*s != '{' && *s != '['))
        return vg_skip_nested(sp, end, VG_JW_MAX_DEPTH - depth);
    if (depth >= VG_JW_MAX_DEPTH)
        return VEILIG_ELIMIT;
    int obj = *s == '{', rc;
    s = vg_skip_ws(s + 1, end);
    if (s < end && *s == (obj ? '}' : ']')) {
        *sp = s + 1;
        return VEILIG_OK;
    }
    for (size_t index = 0;; index++) {
        size_t a = lo, b = lo;
        if (obj) {
            vg_jscan r;
            if (s >= end || *s != '"' || vg_scan_string(s + 1, end, &r) != VG_S_OK)
                return VEILIG_EPARSE;
            /* the key as a pointer token: decoded, then ~ and / escaped */
            w->key.len = 0;
            if (vg_buf_reserve(&w->key, r.dlen + 1) < 0)
                return VEILIG_ENOMEM;
            vg_decode_string(w->key.data, s + 1, r.end);
            w->tok.len = 0;
            vg_json_pointer_append(&w->tok, w->key.data, r.dlen);
            if (w->tok.failed)
                return VEILIG_ENOMEM;
            vg_lw_range(w, at, w->tok.data + 1, w->tok.len - 1, lo, hi, &a, &b);
            s = vg_skip_ws(r.end + 1, end);
            if (s >= end || *s != ':')
                return VEILIG_EPARSE;
            s = vg_skip_ws(s + 1, end);
        } else {
            char tok[24];
            int n = snprintf(tok, sizeof tok, "%zu", index);
            vg_lw_range(w, at, tok, (size_t)n, lo, hi, &a, &b);
        }
        if (a < b) {
            size_t n = strcspn(w->ptrs[a].p + at + 1, "/");
            rc = vg_lw_value(w, &s, at + 1 + n, a, b, depth + 1);
        } else {
            rc = vg_skip_nested(&s, end, VG_JW_MAX_DEPTH - depth - 1);
        }
        if (rc)
            return rc;
        s = vg_skip_ws(s, end);
        if (s < end && *s == ',') {
            s = vg_skip_ws(s + 1, end);
            continue;
        }
        if (s < end && *s == (obj ? '}' : ']')) {
            *sp = s + 1;
            return VEILIG_OK;
        }
        return VEILIG_EPARSE;
    }
}

int veilig_json_locate_many(veilig_error *errs, const char *json, size_t len,
                            const char *const *pointers, size_t n) {
    if ((!errs || !pointers) && n)
        return VEILIG_EINVAL;
    if (!json)
        return VEILIG_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!pointers[i])
            return VEILIG_EINVAL;
    /* one walk through the text, into only the values the pointers name
       (no tree): the pointers sorted so that each value's stand together */
    vg_lwalk w;
    memset(&w, 0, sizeof w);
    vg_buf_init(&w.key);
    vg_buf_init(&w.tok);
    w.ptrs = vg_malloc((n ? n : 1) * sizeof *w.ptrs);
    int rc = w.ptrs ? VEILIG_OK : VEILIG_ENOMEM;
    if (!rc) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (pointers[i][0] == '\0' || pointers[i][0] == '/') { /* others name nothing */
                w.ptrs[m].p = pointers[i];
                w.ptrs[m].index = i;
                w.ptrs[m++].pos = SIZE_MAX;
            }
        }
        qsort(w.ptrs, m, sizeof *w.ptrs, vg_ptr_cmp);
        w.base = (const vg_uc *)json;
        w.end = w.base + len;
        const vg_uc *s = vg_skip_ws(vg_skip_bom(w.base, w.end), w.end);
        rc = s < w.end ? vg_lw_value(&w, &s, 0, 0, m, 0) : VEILIG_EPARSE;
        if (!rc && vg_skip_ws(s, w.end) < w.end)
            rc = VEILIG_EPARSE; /* more after the document */
        if (!rc) {
            for (size_t i = 0; i < n; i++) {
                errs[i].line = errs[i].column = 0;
                errs[i].position = 0;
            }
            /* line and column of every position found, in one pass */
            qsort(w.ptrs, m, sizeof *w.ptrs, vg_lptr_pos_cmp);
            int line = 1, column = 1;
            size_t at = 0;
            for (size_t q = 0; q < m && w.ptrs[q].pos != SIZE_MAX; q++) {
                for (; at < w.ptrs[q].pos && at < len; at++) {
                    unsigned char c = (unsigned char)json[at];
                    if (c == '\n') {
                        line++;
                        column = 1;
                    } else if ((c & 0xC0) != 0x80) {
                        column++; /* characters, as vg_error_set_position counts */
                    }
                }
                veilig_error *e = &errs[w.ptrs[q].index];
                e->line = line;
                e->column = column;
                e->position = w.ptrs[q].pos;
            }
        }
    }
    vg_free(w.ptrs);
    vg_buf_free(&w.key);
    vg_buf_free(&w.tok);
    return rc;
}

/* ---- numbers in the C locale ---- */

static pthread_once_t vg_c_locale_once = PTHREAD_ONCE_INIT;
static locale_t vg_c_locale;

static void vg_c_locale_init(void) {
    vg_c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

static locale_t vg_get_c_locale(void) {
    pthread_once(&vg_c_locale_once, vg_c_locale_init);
    return vg_c_locale;
}

static double vg_strtod_c(const char *s) {
    locale_t c = vg_get_c_locale();
    if (!c)
        return strtod(s, NULL);
    locale_t old = uselocale(c);
    double v = strtod(s, NULL);
    uselocale(old);
    return v;
}

static void vg_format_g(char *buf, size_t size, int prec, double v) {
    locale_t c = vg_get_c_locale();
    if (!c) {
        snprintf(buf, size, "%.*g", prec, v);
        for (char *q = buf; *q; q++) /* whatever the decimal point: '.' */
            if (!vg_is_digit((unsigned char)*q) && *q != 'e' && *q != '-' && *q != '+')
                *q = '.';
        return;
    }
    locale_t old = uselocale(c);
    snprintf(buf, size, "%.*g", prec, v);
    uselocale(old);
}

double vg_json_strtod(const char *lit) {
    return vg_strtod_c(lit);
}

double vg_json_number_to_double(const char *lit, size_t len) {
    char small[64];
    if (!lit)
        return 0.0;
    if (len < sizeof small) {
        memcpy(small, lit, len);
        small[len] = '\0';
        return vg_strtod_c(small);
    }
    char *copy = vg_malloc(len + 1);
    if (!copy)
        return 0.0; /* out of memory: nothing better to give */
    memcpy(copy, lit, len);
    copy[len] = '\0';
    double v = vg_strtod_c(copy);
    vg_free(copy);
    return v;
}

/* ---- the writer ---- */

void vg_jw_init(vg_jwriter *w, vg_buf *buf, unsigned flags) {
    w->buf = buf;
    w->flags = flags;
    w->depth = 0;
    w->after_key = 0;
    memset(w->has_items, 0, sizeof w->has_items);
}

/* A newline and the indent of the current depth. */
static void vg_jw_newline(vg_jwriter *w) {
    vg_buf *b = w->buf;
    size_t n = 2 * (size_t)w->depth;
    if (vg_buf_reserve(b, n + 1) != VEILIG_OK)
        return;
    b->data[b->len++] = '\n';
    memset(b->data + b->len, ' ', n);
    b->len += n;
}

/* What comes before a value or a key: nothing after a key, else a comma
   after an earlier item, and in pretty mode a new line. */
static void vg_jw_sep(vg_jwriter *w) {
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth <= 0)
        return;
    if (w->depth <= VG_JW_MAX_DEPTH) {
        if (w->has_items[w->depth - 1])
            vg_buf_putc(w->buf, ',');
        w->has_items[w->depth - 1] = 1;
    }
    if (!(w->flags & VG_JW_COMPACT))
        vg_jw_newline(w);
}

static void vg_jw_open(vg_jwriter *w, char c) {
    vg_jw_sep(w);
    vg_buf_putc(w->buf, c);
    if (w->depth >= VG_JW_MAX_DEPTH)
        w->buf->failed = 1;
    else
        w->has_items[w->depth] = 0;
    w->depth++;
}

static void vg_jw_close(vg_jwriter *w, char c) {
    w->after_key = 0;
    if (w->depth <= 0) {
        w->buf->failed = 1;
        return;
    }
    w->depth--;
    if (w->depth < VG_JW_MAX_DEPTH && w->has_items[w->depth] && !(w->flags & VG_JW_COMPACT))
        vg_jw_newline(w);
    vg_buf_putc(w->buf, c);
}

void vg_jw_begin_object(vg_jwriter *w) {
    vg_jw_open(w, '{');
}

void vg_jw_end_object(vg_jwriter *w) {
    vg_jw_close(w, '}');
}

void vg_jw_begin_array(vg_jwriter *w) {
    vg_jw_open(w, '[');
}

void vg_jw_end_array(vg_jwriter *w) {
    vg_jw_close(w, ']');
}

static const char vg_hexdigits[] = "0123456789abcdef";

static void vg_jw_u(vg_buf *b, unsigned u) {
    char e[6] = {'\\',
                 'u',
                 vg_hexdigits[(u >> 12) & 15],
                 vg_hexdigits[(u >> 8) & 15],
                 vg_hexdigits[(u >> 4) & 15],
                 vg_hexdigits[u & 15]};
    vg_buf_put(b, e, 6);
}

/* Writes s as a JSON string. */
static void vg_jw_quoted(vg_jwriter *w, const char *str, size_t len) {
    vg_buf *b = w->buf;
    int ascii = (w->flags & VG_JW_ASCII) != 0;
    const vg_uc *s = (const vg_uc *)str, *end = s + len, *run = s;
    if (vg_buf_reserve(b, len + 2) != VEILIG_OK)
        return;
    b->data[b->len++] = '"';
    while (s < end) {
        while (end - s >= 8) {
            uint64_t v;
            memcpy(&v, s, 8);
            if (vg_swar_special(v))
                break;
            s += 8;
        }
        while (s < end && *s >= 0x20 && *s != '"' && *s != '\\' && (*s < 0x80 || !ascii))
            s++;
        if (s >= end)
            break;
        vg_buf_put(b, (const char *)run, (size_t)(s - run));
        unsigned c = *s;
        if (c < 0x80) {
            const char *e = NULL;
            switch (c) {
                case '"':
                    e = "\\\"";
                    break;
                case '\\':
                    e = "\\\\";
                    break;
                case '\b':
                    e = "\\b";
                    break;
                case '\f':
                    e = "\\f";
                    break;
                case '\n':
                    e = "\\n";
                    break;
                case '\r':
                    e = "\\r";
                    break;
                case '\t':
                    e = "\\t";
                    break;
                default:
                    break;
            }
            if (e)
                vg_buf_put(b, e, 2);
            else
                vg_jw_u(b, c);
            s++;
        } else {
            size_t n = vg_utf8_seq(s, end);
            if (n == 0) { /* not UTF-8 after all: U+FFFD */
                vg_jw_u(b, 0xFFFD);
                s++;
            } else {
                uint32_t cp = vg_utf8_decode(s, n);
                if (cp >= 0x10000) {
                    cp -= 0x10000;
                    vg_jw_u(b, 0xD800 + (cp >> 10));
                    vg_jw_u(b, 0xDC00 + (cp & 0x3FF));
                } else {
                    vg_jw_u(b, cp);
                }
                s += n;
            }
        }
        run = s;
    }
    vg_buf_put(b, (const char *)run, (size_t)(end - run));
    vg_buf_putc(b, '"');
}

static void vg_jw_keyn(vg_jwriter *w, const char *key, size_t len) {
    vg_jw_sep(w);
    vg_jw_quoted(w, key, len);
    if (w->flags & VG_JW_COMPACT)
        vg_buf_putc(w->buf, ':');
    else
        vg_buf_put(w->buf, ": ", 2);
    w->after_key = 1;
}

void vg_jw_key(vg_jwriter *w, const char *key) {
    if (!key)
        key = "";
    vg_jw_keyn(w, key, strlen(key));
}

void vg_jw_string(vg_jwriter *w, const char *s, size_t len) {
    if (!s) {
        vg_jw_null(w);
        return;
    }
    vg_jw_sep(w);
    vg_jw_quoted(w, s, len);
}

void vg_jw_cstring(vg_jwriter *w, const char *s) {
    if (!s)
        vg_jw_null(w);
    else
        vg_jw_string(w, s, strlen(s));
}

void vg_jw_int(vg_jwriter *w, int64_t v) {
    char buf[24], *q = buf + sizeof buf;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--q = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--q = '-';
    vg_jw_sep(w);
    vg_buf_put(w->buf, q, (size_t)(buf + sizeof buf - q));
}

/* The fast path of vg_jw_double, for the numbers documents mostly hold (12.5,
   0.25, 1234.567): when v, below 10^12 in size, is the double nearest to a
   decimal r / 10^d with d <= 3, writes that decimal to buf (at most 17 bytes)
   and returns 1. It is then what "%.15g" writes: the decimal has at most 15
   significant digits, and a double is within half a unit of the 16th digit
   of it. Otherwise returns 0. */
static int vg_format_decimals(char *buf, double v) {
    if (!(v > -1e12 && v < 1e12))
        return 0;
    static const double pow10[] = {1.0, 10.0, 100.0, 1000.0};
    for (int d = 1; d <= 3; d++) {
        double scaled = v * pow10[d]; /* below 10^15: r fits, and is exact as a double */
        long long r = (long long)(scaled + (scaled < 0 ? -0.5 : 0.5)); /* a candidate, checked */
        volatile double back = (double)r / pow10[d]; /* rounded to double, even on x87 */
        if (back != v)
            continue;
        unsigned long long u = r < 0 ? (unsigned long long)-r : (unsigned long long)r;
        char digits[24];
        int n = 0;
        do
            digits[n++] = (char)('0' + u % 10);
        while ((u /= 10) != 0);
        while (n <= d) /* at least one digit before the point */
            digits[n++] = '0';
        char *o = buf;
        if (r < 0)
            *o++ = '-';
        while (n > d)
            *o++ = digits[--n];
        *o++ = '.';
        while (n > 0)
            *o++ = digits[--n];
        *o = '\0';
        return 1;
    }
    return 0;
}

size_t vg_json_format_double(char *buf, double v) {
    buf[0] = '\0';
    if (v != v || v > DBL_MAX || v < -DBL_MAX)
        return 0;
    if (v > -9007199254740992.0 && v < 9007199254740992.0) {
        int64_t i = (int64_t)v;
        if ((double)i == v)
            return (size_t)snprintf(buf, VG_JSON_DOUBLE_BUFSIZE, "%" PRId64, i);
    }
    if (!vg_format_decimals(buf, v))
        for (int prec = 15; prec <= 17; prec++) {
            vg_format_g(buf, VG_JSON_DOUBLE_BUFSIZE, prec, v);
            if (vg_strtod_c(buf) == v)
                break;
        }
    return strlen(buf);
}

void vg_jw_double(vg_jwriter *w, double v) {
    char buf[VG_JSON_DOUBLE_BUFSIZE];
    if (!vg_json_format_double(buf, v)) {
        vg_jw_null(w);
        return;
    }
    vg_jw_sep(w);
    vg_buf_puts(w->buf, buf);
}

void vg_jw_number_literal(vg_jwriter *w, const char *lit, size_t len) {
    vg_jw_sep(w);
    vg_buf_put(w->buf, lit, len);
}

void vg_jw_bool(vg_jwriter *w, int v) {
    vg_jw_sep(w);
    if (v)
        vg_buf_put(w->buf, "true", 4);
    else
        vg_buf_put(w->buf, "false", 5);
}

void vg_jw_null(vg_jwriter *w) {
    vg_jw_sep(w);
    vg_buf_put(w->buf, "null", 4);
}

void vg_jw_node(vg_jwriter *w, const vg_jnode *node) {
    if (!node) {
        vg_jw_null(w);
        return;
    }
    switch (node->type) {
        case VG_JNULL:
            vg_jw_null(w);
            break;
        case VG_JFALSE:
            vg_jw_bool(w, 0);
            break;
        case VG_JTRUE:
            vg_jw_bool(w, 1);
            break;
        case VG_JNUMBER:
            vg_jw_number_literal(w, node->u.str, node->len);
            break;
        case VG_JSTRING:
            vg_jw_string(w, node->u.str, node->len);
            break;
        case VG_JARRAY:
            vg_jw_begin_array(w);
            /* too deep: begin_array failed the buffer; do not recurse further */
            if (w->depth <= VG_JW_MAX_DEPTH)
                for (uint32_t i = 0; i < node->len; i++)
                    vg_jw_node(w, &node->u.items[i]);
            vg_jw_end_array(w);
            break;
        case VG_JOBJECT:
            vg_jw_begin_object(w);
            if (w->depth <= VG_JW_MAX_DEPTH)
                for (uint32_t i = 0; i < node->len; i++) {
                    const vg_jmember *m = &node->u.members[i];
                    vg_jw_keyn(w, m->key, m->key_len);
                    vg_jw_node(w, &m->value);
                }
            vg_jw_end_object(w);
            break;
        default:
            w->buf->failed = 1;
            break;
    }
}
