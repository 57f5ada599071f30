/* libveilig: UTF-8, hashing and the string index. */
#include <string.h>

#include "internal.h"
#include "util/swar.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int vg_utf8_valid(const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (len - i <= n)
            return 0;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n + 1;
    }
    return 1;
}

/* ---- folding text for comparison: lower case, no accents ---- */

/* Base letters of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A);
   "" keeps the character. */
static const char *const vg_fold_table[0x180 - 0xC0] = {
    "a", "a", "a",  "a",  "a", "a", "ae", "c",  "e",  "e", "e", "e", "i",  "i",  "i", "i", "d", "n",
    "o", "o", "o",  "o",  "o", "",  "o",  "u",  "u",  "u", "u", "y", "th", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c",  "e", "e", "e",  "e",  "i",  "i", "i", "i", "d",  "n",  "o", "o", "o", "o",
    "o", "",  "o",  "u",  "u", "u", "u",  "y",  "th", "y", "a", "a", "a",  "a",  "a", "a", "c", "c",
    "c", "c", "c",  "c",  "c", "c", "d",  "d",  "d",  "d", "e", "e", "e",  "e",  "e", "e", "e", "e",
    "e", "e", "g",  "g",  "g", "g", "g",  "g",  "g",  "g", "h", "h", "h",  "h",  "i", "i", "i", "i",
    "i", "i", "i",  "i",  "i", "i", "ij", "ij", "j",  "j", "k", "k", "k",  "l",  "l", "l", "l", "l",
    "l", "l", "l",  "l",  "l", "n", "n",  "n",  "n",  "n", "n", "n", "n",  "n",  "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r",  "r",  "r",  "r", "s", "s", "s",  "s",  "s", "s", "s", "s",
    "t", "t", "t",  "t",  "t", "t", "u",  "u",  "u",  "u", "u", "u", "u",  "u",  "u", "u", "u", "u",
    "w", "w", "y",  "y",  "y", "z", "z",  "z",  "z",  "z", "z", "s"};

/* The fold of the character at p[i] (i < len, where a character starts):
   writes one or two bytes to out and returns how many; *adv receives the
   number of bytes of p it takes. */
static inline size_t vg_fold_one(const unsigned char *p, size_t len, size_t i, unsigned char out[2],
                                 size_t *adv) {
    unsigned char c = p[i];
    *adv = 1;
    if (c < 0x80) {
        out[0] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return 1;
    }
    if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
        unsigned cp = ((unsigned)(c & 0x1F) << 6) | (p[i + 1] & 0x3F);
        const char *base = cp >= 0xC0 && cp < 0x180 ? vg_fold_table[cp - 0xC0] : "";
        if (base[0]) {
            out[0] = (unsigned char)base[0];
            out[1] = (unsigned char)base[1];
            *adv = 2;
            return base[1] ? 2 : 1;
        }
    }
    out[0] = c; /* kept as it is, byte by byte */
    return 1;
}

void vg_fold(vg_buf *b, const char *s, size_t len) {
    /* folding never grows the text: a two-byte character becomes at most two
       letters, so reserve once and write directly */
    if (vg_buf_reserve(b, len) != VEILIG_OK)
        return;
    const unsigned char *p = (const unsigned char *)s;
    unsigned char *o = (unsigned char *)b->data + b->len;
    size_t i = 0, adv;
    while (i < len) {
        /* ASCII eight bytes at a time (most of a Dutch text): A-Z gain
           0x20, as vg_fold_one does one by one */
        while (len - i >= 8) {
            uint64_t x;
            memcpy(&x, p + i, 8);
            if (VG_HAS_HIGH(x))
                break;
            uint64_t ge_a = x + VG_BYTES(0x80 - 'A');     /* high bit: >= 'A' */
            uint64_t gt_z = x + VG_BYTES(0x80 - 'Z' - 1); /* high bit: > 'Z' */
            x |= ((ge_a & ~gt_z) & VG_BYTES(0x80)) >> 2;
            memcpy(o, &x, 8);
            o += 8;
            i += 8;
        }
        if (i == len)
            break;
        unsigned char f[2];
        size_t w = vg_fold_one(p, len, i, f, &adv);
        *o++ = f[0];
        if (w == 2)
            *o++ = f[1];
        i += adv;
    }
    *o = '\0';
    b->len = (size_t)(o - (unsigned char *)b->data);
}

/* Whether the fold of p from i on, without its first skip bytes, starts
   with n[0..nlen). */
static int vg_fold_starts(const unsigned char *p, size_t len, size_t i, size_t skip,
                          const unsigned char *n, size_t nlen) {
    size_t k = 0, adv;
    while (k < nlen) {
        if (i >= len)
            return 0;
        unsigned char f[2];
        size_t w = vg_fold_one(p, len, i, f, &adv);
        for (size_t j = skip; j < w && k < nlen; j++)
            if (f[j] != n[k++])
                return 0;
        skip = 0;
        i += adv;
    }
    return 1;
}

/* Whether a match of n starts within the fold of the character at p[i]. */
static int vg_fold_match_at(const unsigned char *p, size_t len, size_t i, const unsigned char *n,
                            size_t nlen) {
    unsigned char f[2];
    size_t adv, w = vg_fold_one(p, len, i, f, &adv);
    for (size_t j = 0; j < w; j++)
        if (f[j] == n[0] && vg_fold_starts(p, len, i, j, n, nlen))
            return 1;
    return 0;
}

static unsigned char vg_upper(unsigned char c) {
    return c >= 'a' && c <= 'z' ? (unsigned char)(c - 32) : c;
}

int vg_fold_contains(const char *s, size_t len, const char *needle, size_t nlen) {
    const unsigned char *p = (const unsigned char *)s, *n = (const unsigned char *)needle;
    if (nlen == 0)
        return 1;
    size_t i = 0, adv;
    if (n[0] >= 0x80) {
        /* a needle that starts with a byte that folding keeps: try every
           character (they are found walking from the start) */
        unsigned char f[2];
        for (; i < len; i += adv) {
            vg_fold_one(p, len, i, f, &adv);
            if (vg_fold_match_at(p, len, i, n, nlen))
                return 1;
        }
        return 0;
    }
    /* An ASCII first byte: a match starts at an ASCII byte that folds to it,
       or at a character of two bytes (whose lead byte is >= 0xC0) whose fold
       contains it. An ASCII start is only a candidate when the next byte
       can begin the needle's second byte: it folds to it (ASCII), or it is
       not ASCII. Every candidate is then checked exactly. */
    const unsigned char a0 = n[0], A0 = vg_upper(a0);
    const int two = nlen >= 2;
    const unsigned char a1 = two ? n[1] : 0, A1 = vg_upper(a1);
#if defined(__SSE2__)
    const __m128i va0 = _mm_set1_epi8((char)a0), vA0 = _mm_set1_epi8((char)A0);
    const __m128i va1 = _mm_set1_epi8((char)a1), vA1 = _mm_set1_epi8((char)A1);
    const __m128i zero = _mm_setzero_si128();
    for (; i + 17 <= len; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i first = _mm_or_si128(_mm_cmpeq_epi8(x, va0), _mm_cmpeq_epi8(x, vA0));
        if (two) {
            __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 1));
            __m128i second =
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(y, va1), _mm_cmpeq_epi8(y, vA1)),
                             _mm_cmplt_epi8(y, zero));
            first = _mm_and_si128(first, second);
        }
        unsigned mask = (unsigned)_mm_movemask_epi8(first) | (unsigned)_mm_movemask_epi8(x);
        while (mask) {
            size_t at = i + vg_ctz32(mask);
            mask &= mask - 1;
            if ((p[at] & 0xC0) != 0x80 && vg_fold_match_at(p, len, at, n, nlen))
                return 1;
        }
    }
#endif
    for (; i < len; i++) {
        unsigned char c = p[i];
        int cand;
        if (c >= 0x80)
            cand = c >= 0xC0;
        else
            cand = (c == a0 || c == A0) &&
                   (!two || i + 1 >= len || p[i + 1] == a1 || p[i + 1] == A1 || p[i + 1] >= 0x80);
        if (cand && vg_fold_match_at(p, len, i, n, nlen))
            return 1;
    }
    return 0;
}

size_t vg_utf8_chars(const char *s) {
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int vg_lower(int c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int vg_strieq(const char *a, const char *b) {
    if (!a || !b)
        return 0;
    while (*a && vg_lower((unsigned char)*a) == vg_lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return *a == *b || vg_lower((unsigned char)*a) == vg_lower((unsigned char)*b);
}

uint32_t vg_hash(const char *s, size_t len, int fold_case) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char)s[i];
        if (fold_case)
            c = vg_lower(c);
        h = (h ^ (uint32_t)c) * 16777619u;
    }
    return h;
}

void vg_index_init(vg_index *ix, int fold_case) {
    ix->slots = NULL;
    ix->cap = 0;
    ix->count = 0;
    ix->fold_case = fold_case;
}

void vg_index_free(vg_index *ix) {
    vg_free(ix->slots);
    ix->slots = NULL;
    ix->cap = ix->count = 0;
}

static int vg_key_eq(const vg_index *ix, const char *a, const char *b) {
    return ix->fold_case ? vg_strieq(a, b) : strcmp(a, b) == 0;
}

static void vg_index_put(vg_index *ix, size_t pos, const char *key) {
    size_t mask = ix->cap - 1;
    size_t i = vg_hash(key, strlen(key), ix->fold_case) & mask;
    while (ix->slots[i])
        i = (i + 1) & mask;
    ix->slots[i] = (uint32_t)(pos + 1);
    ix->count++;
}

static int vg_index_resize(vg_index *ix, size_t cap, vg_index_key_fn key_fn, const void *ctx) {
    uint32_t *old = ix->slots;
    size_t oldcap = ix->cap;
    uint32_t *slots = vg_calloc(cap, sizeof *slots);
    if (!slots)
        return VEILIG_ENOMEM;
    ix->slots = slots;
    ix->cap = cap;
    ix->count = 0;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i])
            vg_index_put(ix, old[i] - 1, key_fn(ctx, old[i] - 1));
    vg_free(old);
    return VEILIG_OK;
}

size_t vg_index_find(const vg_index *ix, const char *key, vg_index_key_fn key_fn, const void *ctx) {
    if (!key || ix->cap == 0)
        return (size_t)-1;
    size_t mask = ix->cap - 1;
    size_t i = vg_hash(key, strlen(key), ix->fold_case) & mask;
    while (ix->slots[i]) {
        size_t pos = ix->slots[i] - 1;
        if (vg_key_eq(ix, key_fn(ctx, pos), key))
            return pos;
        i = (i + 1) & mask;
    }
    return (size_t)-1;
}

int vg_index_add(vg_index *ix, size_t pos, vg_index_key_fn key_fn, const void *ctx) {
    const char *key = key_fn(ctx, pos);
    if (!key || pos >= UINT32_MAX - 1)
        return key ? VEILIG_ELIMIT : VEILIG_OK;
    if (vg_index_find(ix, key, key_fn, ctx) != (size_t)-1)
        return VEILIG_OK;
    if ((ix->count + 1) * 4 > ix->cap * 3) {
        int rc = vg_index_resize(ix, ix->cap ? ix->cap * 2 : 16, key_fn, ctx);
        if (rc)
            return rc;
    }
    vg_index_put(ix, pos, key);
    return VEILIG_OK;
}

int vg_index_rebuild(vg_index *ix, size_t n, vg_index_key_fn key_fn, const void *ctx) {
    size_t cap = 16;
    while (cap * 3 < n * 4)
        cap *= 2;
    if (ix->cap >= cap) {
        /* big enough already: reuse the slots, so that this cannot fail */
        memset(ix->slots, 0, ix->cap * sizeof *ix->slots);
        ix->count = 0;
    } else {
        uint32_t *slots = vg_calloc(cap, sizeof *slots);
        if (!slots)
            return VEILIG_ENOMEM;
        vg_free(ix->slots);
        ix->slots = slots;
        ix->cap = cap;
        ix->count = 0;
    }
    for (size_t i = 0; i < n; i++) {
        const char *key = key_fn(ctx, i);
        if (key && vg_index_find(ix, key, key_fn, ctx) == (size_t)-1)
            vg_index_put(ix, i, key);
    }
    return VEILIG_OK;
}
