/* libveilig's private utility layer: a document's text written as text in every output format
   (escape.h). */
#include <string.h>

#include "escape.h"
#include "../json.h"

/* ---- characters ---- */

size_t vg_char_len(const char *s) {
    unsigned char c = (unsigned char)s[0];
    size_t n = c >= 0xF0 && c <= 0xF7 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if (!s[i])
            return i;
    return n;
}

/* Decodes the character at s[0..len) (len > 0) into *cp and returns its
   length in bytes; a byte that does not begin a valid UTF-8 sequence gives
   *cp = -1 and length 1. */
static size_t vg_decode(const char *str, size_t len, long *cp) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    size_t n;
    unsigned long v;
    *cp = -1;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        return 1;
    }
    if (len < n)
        return 1;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 1;
        v = (v << 6) | (s[k] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && v < 0x10000) || v > 0x10FFFF ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 1;
    *cp = (long)v;
    return n;
}

/* Whether a terminal must not get code point cp as it is: C0 and DEL, C1,
   the bidirectional embeddings and overrides (U+202A..U+202E) and isolates
   (U+2066..U+2069). */
static int vg_is_control(long cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

long vg_find_control(const char *s, size_t len, size_t *at) {
    size_t i = 0, k = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            k++;
            continue;
        }
        long cp;
        i += vg_decode(s + i, len - i, &cp);
        if (cp >= 0 && vg_is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r') {
            *at = k;
            return cp;
        }
        k++;
    }
    return -1;
}

/* Writes the visible escape of a control character (cp >= 0) or of a stray
   byte (cp < 0): \x1b, \u009b, \u202e, \xff; \n, \r, \t. */
static void vg_put_escape(vg_buf *b, long cp, unsigned char byte) {
    static const char hex[] = "0123456789abcdef";
    char e[7];
    if (cp == '\n' || cp == '\r' || cp == '\t') {
        e[0] = '\\';
        e[1] = cp == '\n' ? 'n' : cp == '\r' ? 'r' : 't';
        vg_buf_put(b, e, 2);
        return;
    }
    if (cp < 0x80) { /* C0, DEL, or a stray byte */
        unsigned v = cp < 0 ? byte : (unsigned)cp;
        e[0] = '\\';
        e[1] = 'x';
        e[2] = hex[(v >> 4) & 0xF];
        e[3] = hex[v & 0xF];
        vg_buf_put(b, e, 4);
        return;
    }
    e[0] = '\\';
    e[1] = 'u';
    for (int i = 0; i < 4; i++)
        e[2 + i] = hex[((unsigned long)cp >> (12 - 4 * i)) & 0xF];
    vg_buf_put(b, e, 6);
}

/* The number of characters vg_put_escape writes. */
static size_t vg_escape_width(long cp) {
    if (cp == '\n' || cp == '\r' || cp == '\t')
        return 2;
    return cp < 0x80 ? 4 : 6;
}

/* ---- terminal text ---- */

void vg_term_put(vg_buf *b, const char *s, size_t len, int mode) {
    size_t i = 0, run = 0; /* s[run..i) is written as it is */
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        long cp;
        size_t n = vg_decode(s + i, len - i, &cp);
        if (cp >= 0 && !vg_is_control(cp)) {
            i += n;
            continue;
        }
        vg_buf_put(b, s + run, i - run);
        if (mode == VG_TERM_SPACES && (cp == '\n' || cp == '\r' || cp == '\t'))
            vg_buf_putc(b, ' ');
        else if (mode == VG_TERM_KEEP && (cp == '\n' || cp == '\t'))
            vg_buf_putc(b, (char)cp);
        else
            vg_put_escape(b, cp, c);
        i += n;
        run = i;
    }
    vg_buf_put(b, s + run, i - run);
}

void vg_term_puts(vg_buf *b, const char *s, int mode) {
    if (s)
        vg_term_put(b, s, strlen(s), mode);
}

/* Ranges of code points, first and last. */
typedef struct vg_range {
    long first, last;
} vg_range;

static int vg_in(const vg_range *r, size_t n, long cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

/* Characters a terminal draws on no column of their own: the main blocks of
   combining marks, zero-width spaces and joiners, variation selectors. */
static const vg_range vg_zero_width[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489},   {0x0591, 0x05BD},   {0x0610, 0x061A},
    {0x064B, 0x065F},   {0x0E31, 0x0E31},   {0x0E34, 0x0E3A},   {0x0E47, 0x0E4E},
    {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},   {0x200B, 0x200F},   {0x2060, 0x2064},
    {0x20D0, 0x20FF},   {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F},   {0xFEFF, 0xFEFF},
    {0x1F3FB, 0x1F3FF}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF}};

/* Characters a terminal draws on two columns: East Asian wide and
   fullwidth characters and the emoji blocks. */
static const vg_range vg_wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},
    {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

#define VG_COUNT(a) (sizeof(a) / sizeof((a)[0]))

size_t vg_term_width(const char *s, size_t len) {
    size_t w = 0, i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            w++;
            i++;
            continue;
        }
        long cp;
        i += vg_decode(s + i, len - i, &cp);
        if (cp < 0 || vg_is_control(cp))
            w += (cp == '\n' || cp == '\r' || cp == '\t') ? 1 : vg_escape_width(cp);
        else if (vg_in(vg_zero_width, VG_COUNT(vg_zero_width), cp))
            continue;
        else
            w += vg_in(vg_wide, VG_COUNT(vg_wide), cp) ? 2 : 1;
    }
    return w;
}

size_t vg_term_widths(const char *s) {
    return s ? vg_term_width(s, strlen(s)) : 0;
}

/* ---- CSV ---- */

int vg_csv_needs_guard(const char *s) {
    return s && *s && strchr("=+-@\t\r'", *s) != NULL;
}

void vg_csv_field(vg_buf *b, const char *s, int guard) {
    vg_csv_field_sep(b, s, ',', guard);
}

void vg_csv_field_sep(vg_buf *b, const char *s, char sep, int guard) {
    if (!s)
        return;
    char special[5] = {sep, '"', '\r', '\n', '\0'};
    int quote = strpbrk(s, special) != NULL;
    if (quote)
        vg_buf_putc(b, '"');
    if (guard && vg_csv_needs_guard(s))
        vg_buf_putc(b, '\'');
    if (!quote) {
        vg_buf_puts(b, s);
        return;
    }
    for (; *s; s++) {
        if (*s == '"')
            vg_buf_putc(b, '"');
        vg_buf_putc(b, *s);
    }
    vg_buf_putc(b, '"');
}

/* ---- Markdown ---- */

/* Writes the ASCII character c as Markdown text. */
static void vg_md_ascii(vg_buf *b, char c, int line_start) {
    switch (c) {
        case '&':
            vg_buf_puts(b, "&amp;");
            return;
        case '<':
            vg_buf_puts(b, "&lt;");
            return;
        case '>':
            vg_buf_puts(b, "&gt;");
            return;
        case '|':
            vg_buf_puts(b, "&#124;");
            return;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '{':
        case '}':
        case '#':
            vg_buf_putc(b, '\\');
            break;
        case '-':
        case '+':
            if (line_start)
                vg_buf_putc(b, '\\');
            break;
        default:
            break;
    }
    vg_buf_putc(b, c);
}

void vg_md_put(vg_buf *b, const char *s, int line_start) {
    if (!s)
        return;
    if (line_start) {
        /* "2021. ..." or "3) ..." would begin an ordered list */
        size_t d = strspn(s, "0123456789");
        if (d && d <= 9 && (s[d] == '.' || s[d] == ')')) {
            vg_buf_put(b, s, d);
            vg_buf_putc(b, '\\');
            s += d;
            line_start = 0;
        }
    }
    size_t len = strlen(s), i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
                vg_buf_putc(b, (char)c);
            else
                vg_md_ascii(b, (char)c, line_start && c != ' ');
            if (c != ' ')
                line_start = 0;
            i++;
            continue;
        }
        size_t n = vg_char_len(s + i);
        vg_term_put(b, s + i, n, VG_TERM_SPACES);
        i += n;
        line_start = 0;
    }
}

void vg_md_code(vg_buf *b, const char *s) {
    size_t longest = 0, run = 0;
    for (const char *p = s ? s : ""; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    size_t len = s ? strlen(s) : 0;
    int pad = len && (s[0] == '`' || s[len - 1] == '`' || s[0] == ' ' || s[len - 1] == ' ');
    for (size_t i = 0; i <= longest; i++)
        vg_buf_putc(b, '`');
    if (pad)
        vg_buf_putc(b, ' ');
    if (s)
        vg_term_put(b, s, len, VG_TERM_SPACES);
    if (pad)
        vg_buf_putc(b, ' ');
    for (size_t i = 0; i <= longest; i++)
        vg_buf_putc(b, '`');
}

void vg_md_url(vg_buf *b, const char *url) {
    int plain = url && (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0);
    for (const char *p = url; plain && *p; p++)
        plain = *p > 0x20 && *p < 0x7F && !strchr("<>\"'`\\", *p);
    if (!plain) {
        vg_md_put(b, url, 0);
        return;
    }
    vg_buf_putc(b, '<');
    vg_buf_puts(b, url);
    vg_buf_putc(b, '>');
}

/* ---- XML ---- */

/* The length of the character at s for vg_xml_char: vg_char_len's, but
   ending where its continuation bytes do, so that a broken character cannot
   take an ASCII byte (a < or &) along unescaped. */
static size_t vg_xml_char_len(const char *s) {
    size_t n = vg_char_len(s);
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return i;
    return n;
}

/* Writes one character (the sequence at s, n bytes) escaped. */
static void vg_xml_char(vg_buf *b, const char *s, size_t n) {
    unsigned char c = (unsigned char)s[0];
    if (n == 1) {
        switch (c) {
            case '&':
                vg_buf_puts(b, "&amp;");
                return;
            case '<':
                vg_buf_puts(b, "&lt;");
                return;
            case '>':
                vg_buf_puts(b, "&gt;");
                return;
            case '"':
                vg_buf_puts(b, "&quot;");
                return;
            case '\'':
                vg_buf_puts(b, "&#39;");
                return;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    return; /* not allowed in XML 1.0 */
                if (c == 0x7F)
                    return;
                vg_buf_putc(b, (char)c);
                return;
        }
    }
    /* U+FFFE and U+FFFF are not XML characters */
    if (n == 3 && c == 0xEF && (unsigned char)s[1] == 0xBF &&
        ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF))
        return;
    vg_buf_put(b, s, n);
}

/* 1 for the bytes that vg_xml_escape copies as they are in a run: printable
   ASCII but & < > " ', tab, line feed and carriage return, and every byte of
   a multi-byte character (vg_xml_char writes those as they are) except
   0xEF, the first byte of U+FFFE and U+FFFF, which vg_xml_char drops. A
   run stops only at ASCII or at 0xEF, never inside a character, so the
   characters stay aligned; and since no byte of a multi-byte character is
   ASCII, no & < > " ' passes unescaped, even in text that is not UTF-8. */
#define VG_XP(c)                                                                                   \
    ((c) >= 0x80 ? (c) != 0xEF                                                                     \
                 : ((c) >= 0x20 && (c) != 0x7F && (c) != '&' && (c) != '<' && (c) != '>' &&        \
                    (c) != '"' && (c) != '\'') ||                                                  \
                       (c) == '\t' || (c) == '\n' || (c) == '\r')
#define VG_XP4(c)  VG_XP(c), VG_XP((c) + 1), VG_XP((c) + 2), VG_XP((c) + 3)
#define VG_XP16(c) VG_XP4(c), VG_XP4((c) + 4), VG_XP4((c) + 8), VG_XP4((c) + 12)
static const unsigned char vg_xml_plain_byte[256] = {
    VG_XP16(0x00), VG_XP16(0x10), VG_XP16(0x20), VG_XP16(0x30), VG_XP16(0x40), VG_XP16(0x50),
    VG_XP16(0x60), VG_XP16(0x70), VG_XP16(0x80), VG_XP16(0x90), VG_XP16(0xA0), VG_XP16(0xB0),
    VG_XP16(0xC0), VG_XP16(0xD0), VG_XP16(0xE0), VG_XP16(0xF0)};

void vg_xml_escape(vg_buf *b, const char *s) {
    while (s && *s) {
        /* a run of plain bytes at once, then one character as vg_xml_char
           writes it */
        const char *run = s;
        while (vg_xml_plain_byte[(unsigned char)*s])
            s++;
        if (s > run)
            vg_buf_put(b, run, (size_t)(s - run));
        if (!*s)
            break;
        size_t n = vg_xml_char_len(s);
        vg_xml_char(b, s, n);
        s += n;
    }
}

int vg_xml_escape_cut(vg_buf *b, const char *s, size_t max) {
    if (!s)
        return 0;
    if (vg_utf8_chars(s) <= max) {
        vg_xml_escape(b, s);
        return 0;
    }
    size_t keep = max > 1 ? max - 1 : 0;
    for (size_t i = 0; i < keep && *s; i++) {
        size_t n = vg_xml_char_len(s);
        vg_xml_char(b, s, n);
        s += n;
    }
    /* no space before the ellipsis */
    if (b->len && !b->failed && b->data[b->len - 1] == ' ')
        b->len--;
    vg_buf_puts(b, "\xE2\x80\xA6");
    return 1;
}

/* ---- the public entry point ---- */

int veilig_escape(char **out, size_t *len, const char *text, veilig_format format, unsigned flags) {
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!out || !text || format < VEILIG_FORMAT_TEXT || format > VEILIG_FORMAT_HTML)
        return VEILIG_EINVAL;
    vg_buf b;
    vg_buf_init(&b);
    switch (format) {
        case VEILIG_FORMAT_TEXT:
            vg_term_puts(&b, text, VG_TERM_LINE);
            break;
        case VEILIG_FORMAT_MARKDOWN:
            vg_md_put(&b, text, 0);
            break;
        case VEILIG_FORMAT_CSV:
            vg_csv_field(&b, text, !(flags & VEILIG_REPORT_RAW));
            break;
        case VEILIG_FORMAT_JSON: {
            vg_jwriter w;
            vg_jw_init(&w, &b, VG_JW_COMPACT);
            vg_jw_cstring(&w, text);
            break;
        }
        default:
            vg_xml_escape(&b, text);
            break;
    }
    *out = vg_buf_finish(&b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}
