/*
 * libveilig: reading CSV into rows (with libcsv) and writing CSV fields.
 *
 * Why libcsv (Debian's libcsv-dev): it is small, has no dependencies, takes
 * its memory from our allocator (csv_set_realloc_func), parses RFC 4180
 * strictly (quotes that do not close, text after a closing quote) with any
 * separator, and feeds fields through callbacks, so a 100,000-row file is
 * read without a second copy. Line numbers are ours: the text is fed one
 * physical line at a time, so every row knows the line it starts on.
 */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "sheet_internal.h"

void vg_rows_init(vg_rows *t) {
    memset(t, 0, sizeof *t);
    vg_arena_init(&t->arena, 1u << 16);
}

void vg_rows_free(vg_rows *t) {
    vg_arena_free(&t->arena);
    vg_free(t->cells);
    vg_free(t->widths);
    vg_free(t->lines);
    memset(t, 0, sizeof *t);
}

int vg_rows_add(vg_rows *t, int line, char **cells, size_t n) {
    size_t cap = t->cap;
    if (vg_grow((void **)&t->cells, &cap, t->nrows + 1, sizeof *t->cells) != VEILIG_OK)
        return VEILIG_ENOMEM;
    cap = t->cap;
    if (vg_grow((void **)&t->widths, &cap, t->nrows + 1, sizeof *t->widths) != VEILIG_OK)
        return VEILIG_ENOMEM;
    cap = t->cap;
    if (vg_grow((void **)&t->lines, &cap, t->nrows + 1, sizeof *t->lines) != VEILIG_OK)
        return VEILIG_ENOMEM;
    t->cap = cap;
    char **row = n ? vg_arena_alloc(&t->arena, n * sizeof *row) : NULL;
    if (n && !row)
        return VEILIG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        row[i] = cells[i];
    t->cells[t->nrows] = row;
    t->widths[t->nrows] = n;
    t->lines[t->nrows] = line;
    t->nrows++;
    return VEILIG_OK;
}

/* ---- encodings ---- */

static int vg_line_of(const char *s, size_t pos) {
    int line = 1;
    for (size_t i = 0; i < pos; i++)
        line += s[i] == '\n';
    return line;
}

static int vg_is_utf8_name(const char *e) {
    return vg_strieq(e, "utf-8") || vg_strieq(e, "utf8");
}

/* Converts len bytes in encoding enc to UTF-8 with iconv into b. */
static int vg_iconv(vg_buf *b, const char *data, size_t len, const char *enc, veilig_error *err) {
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return vg_error_set(err, VEILIG_EINVAL, "unknown encoding '%s'", enc);
    char *in = (char *)(uintptr_t)data;
    size_t left = len;
    int rc = VEILIG_OK;
    while (left) {
        if (vg_buf_reserve(b, left * 2 + 16) != VEILIG_OK) {
            rc = VEILIG_ENOMEM;
            break;
        }
        char *o = b->data + b->len;
        size_t room = b->cap - b->len - 1;
        size_t r = iconv(cd, &in, &left, &o, &room);
        b->len = (size_t)(o - b->data);
        if (r == (size_t)-1 && errno != E2BIG) {
            size_t pos = (size_t)(in - data);
            vg_error_set(err, VEILIG_EPARSE, "byte 0x%02X is not %s (give the file's encoding)",
                         (unsigned char)data[pos], enc);
            if (err)
                err->line = vg_line_of(data, pos);
            rc = VEILIG_EPARSE;
            break;
        }
    }
    iconv_close(cd);
    if (rc == VEILIG_OK && vg_buf_reserve(b, 1) == VEILIG_OK)
        b->data[b->len] = '\0';
    return b->failed ? VEILIG_ENOMEM : rc;
}

/* The text as UTF-8 in b (a byte order mark taken off). */
static int vg_decode(vg_buf *b, const char *data, size_t len, const char *enc, veilig_error *err) {
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)) &&
        (!enc || vg_strieq(enc, "utf-16")))
        return vg_iconv(b, data, len, "UTF-16", err);
    if (enc && !vg_is_utf8_name(enc))
        return vg_iconv(b, data, len, enc, err);
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        data += 3, len -= 3;
    if (!vg_utf8_valid(data, len)) {
        if (!enc) /* old Excel: Windows-1252 */
            return vg_iconv(b, data, len, "WINDOWS-1252", err);
        size_t lo = 0;
        while (lo < len) { /* the first byte that is not part of a valid character */
            unsigned char c = u[lo + (size_t)(data - (const char *)u)];
            size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (lo + n > len || !vg_utf8_valid(data + lo, n))
                break;
            lo += n;
        }
        vg_error_set(err, VEILIG_EPARSE, "the text is not UTF-8 (byte 0x%02X); give its encoding",
                     (unsigned char)data[lo]);
        if (err)
            err->line = vg_line_of(data, lo);
        return VEILIG_EPARSE;
    }
    vg_buf_put(b, data, len);
    if (vg_buf_reserve(b, 1) == VEILIG_OK)
        b->data[b->len] = '\0';
    return b->failed ? VEILIG_ENOMEM : VEILIG_OK;
}

/* ---- dialect ---- */

/* The separator: the most frequent of , ; TAB outside quotes in the first row. */
static char vg_separator(const char *s, size_t len) {
    size_t n[3] = {0, 0, 0};
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            n[0] += c == ',', n[1] += c == ';', n[2] += c == '\t';
    }
    if (n[1] > n[0] && n[1] >= n[2])
        return ';';
    if (n[2] > n[0] && n[2] > n[1])
        return '\t';
    return ',';
}

/* ---- parsing ---- */

/* Characters (not bytes) in s[0..n). */
static size_t vg_chars(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

typedef struct vg_csvstate {
    vg_rows *t;
    char **cells;
    size_t n, cap;
    int line;      /* the line being fed */
    int row_start; /* the line the open row started on */
    int closed;    /* no row is open */
    int failed;    /* out of memory */
    int nul;       /* a field held a NUL byte */
    int have_header;
} vg_csvstate;

static void vg_on_field(void *s, size_t len, void *data) {
    vg_csvstate *st = data;
    st->closed = 0;
    if (st->failed)
        return;
    if (memchr(s, '\0', len))
        st->nul = st->nul ? st->nul : st->line;
    char *cell = vg_arena_strndup(&st->t->arena, s ? s : "", s ? len : 0);
    if (!cell || vg_grow((void **)&st->cells, &st->cap, st->n + 1, sizeof *st->cells)) {
        st->failed = 1;
        return;
    }
    st->cells[st->n++] = cell;
}

static void vg_on_row(int c, void *data) {
    vg_csvstate *st = data;
    (void)c;
    st->closed = 1;
    if (st->failed || st->n == 0)
        return;
    /* a row of empty cells only (a spreadsheet's trailing rows) is no row */
    size_t k = 0;
    while (k < st->n && st->cells[k][0] == '\0')
        k++;
    if (k < st->n || !st->have_header) {
        vg_rows *t = st->t;
        if (!st->have_header) {
            t->header = vg_arena_alloc(&t->arena, st->n * sizeof *t->header);
            if (!t->header) {
                st->failed = 1;
            } else {
                memcpy(t->header, st->cells, st->n * sizeof *t->header);
                t->ncols = st->n;
                t->header_line = st->row_start;
                st->have_header = 1;
            }
        } else if (vg_rows_add(t, st->row_start, st->cells, st->n) != VEILIG_OK) {
            st->failed = 1;
        }
    }
    st->n = 0;
}

static int vg_no_space(unsigned char c) {
    (void)c;
    return 0;
}

int vg_csv_read(vg_rows *t, const char *data, size_t len, const char *encoding, veilig_error *err) {
    vg_buf text;
    vg_buf_init(&text);
    int rc = vg_decode(&text, data, len, encoding, err);
    if (rc != VEILIG_OK) {
        vg_buf_free(&text);
        return rc;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0) {
        vg_buf_free(&text);
        return VEILIG_ENOMEM;
    }
    csv_set_realloc_func(&p, vg_realloc);
    csv_set_free_func(&p, vg_free);
    csv_set_space_func(&p, vg_no_space);
    vg_csvstate st = {t, NULL, 0, 0, 1, 1, 1, 0, 0, 0};
    size_t pos = 0;
    /* Excel's hint on the first line, "sep=;": the separator, and no row */
    const char *hint = text.data;
    if (text.len >= 5 && (hint[0] == 's' || hint[0] == 'S') && strncmp(hint + 1, "ep=", 3) == 0 &&
        (text.len == 5 || hint[5] == '\n' || hint[5] == '\r')) {
        t->separator = hint[4];
        pos = 5;
        if (pos < text.len && hint[pos] == '\r')
            pos++;
        if (pos < text.len && hint[pos] == '\n')
            pos++;
        st.line = 2;
    } else {
        t->separator = vg_separator(text.data, text.len);
    }
    csv_set_delim(&p, (unsigned char)t->separator);
    const char *s = text.data;
    while (pos < text.len && rc == VEILIG_OK && !st.failed) {
        /* one physical line: up to \n, or a CR not followed by \n */
        size_t end = pos;
        while (end < text.len && s[end] != '\n' &&
               !(s[end] == '\r' && (end + 1 >= text.len || s[end + 1] != '\n')))
            end++;
        if (end < text.len)
            end++;
        if (st.closed)
            st.row_start = st.line;
        size_t done = csv_parse(&p, s + pos, end - pos, vg_on_field, vg_on_row, &st);
        if (done != end - pos) {
            if (csv_error(&p) == CSV_ENOMEM || csv_error(&p) == CSV_ETOOBIG) {
                rc = VEILIG_ENOMEM;
            } else {
                vg_error_set(err, VEILIG_EPARSE,
                             "a quote (\") inside a field that does not start with one, or text "
                             "after a field's closing quote; put the field in quotes and double "
                             "the quotes in it");
                if (err) {
                    err->line = st.line;
                    err->column = (int)vg_chars(s + pos, done) + 1;
                }
                rc = VEILIG_EPARSE;
            }
        }
        pos = end;
        st.line++;
    }
    if (rc == VEILIG_OK && !st.failed && csv_fini(&p, vg_on_field, vg_on_row, &st) != 0) {
        if (csv_error(&p) == CSV_ENOMEM) {
            rc = VEILIG_ENOMEM;
        } else {
            vg_error_set(err, VEILIG_EPARSE, "a quoted field that starts here does not end");
            if (err)
                err->line = st.row_start;
            rc = VEILIG_EPARSE;
        }
    }
    csv_free(&p);
    vg_free(st.cells);
    vg_buf_free(&text);
    if (rc == VEILIG_OK && st.failed)
        rc = VEILIG_ENOMEM;
    if (rc == VEILIG_OK && st.nul) {
        rc = vg_error_set(err, VEILIG_EPARSE, "a NUL byte in a cell (is this a text file?)");
        if (err)
            err->line = st.nul;
    }
    if (rc == VEILIG_OK && !st.have_header)
        rc = vg_error_set(err, VEILIG_EPARSE, "the file is empty: no header row");
    return rc;
}
