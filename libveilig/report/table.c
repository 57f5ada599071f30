/* libveilig: tables of text cells, written as text, Markdown, CSV or JSON. */
#include <stdio.h>
#include <string.h>

#include "render.h"

int vg_ropts_get(vg_ropts *o, const veilig_report_options *opts) {
    o->format = VEILIG_FORMAT_TEXT;
    o->en = 0;
    o->flags = 0;
    o->peers = 5;
    if (!opts)
        return VEILIG_OK;
    if (opts->version != VEILIG_REPORT_OPTIONS_VERSION)
        return vg_fail_version("report options", opts->version, VEILIG_REPORT_OPTIONS_VERSION);
    if (opts->format)
        o->format = opts->format;
    if (o->format < VEILIG_FORMAT_TEXT || o->format > VEILIG_FORMAT_HTML)
        return vg_fail(VEILIG_EINVAL, "report options: %d is not a format", (int)o->format);
    if (opts->lang && strcmp(opts->lang, "en") == 0)
        o->en = 1;
    else if (opts->lang && strcmp(opts->lang, "nl") != 0)
        return vg_fail(VEILIG_EINVAL, "report options: language \"%s\" is not nl or en",
                       opts->lang);
    o->flags = opts->flags;
    if (opts->peers)
        o->peers = opts->peers;
    return VEILIG_OK;
}

int veilig_report_options_init(veilig_report_options *opts, unsigned version) {
    if (!opts)
        return VEILIG_EINVAL;
    if (version != VEILIG_REPORT_OPTIONS_VERSION)
        return vg_fail_version("report options", version, VEILIG_REPORT_OPTIONS_VERSION);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return VEILIG_OK;
}

static const char *const vg_format_names[] = {NULL, "text", "json", "csv", "markdown", "html"};

const char *veilig_format_name(veilig_format format) {
    return format >= VEILIG_FORMAT_TEXT && format <= VEILIG_FORMAT_HTML ? vg_format_names[format]
                                                                        : NULL;
}

veilig_format veilig_format_from_name(const char *name) {
    for (int i = VEILIG_FORMAT_TEXT; name && i <= VEILIG_FORMAT_HTML; i++)
        if (strcmp(vg_format_names[i], name) == 0)
            return (veilig_format)i;
    return (veilig_format)0;
}

const char *vg_label(const vg_ropts *o, veilig_vocab vocab, const char *code) {
    if (!code)
        return "";
    int v = veilig_vocab_from_code(vocab, code);
    return v ? veilig_vocab_label(vocab, v, o->en ? "en" : "nl") : code;
}

const char *vg_vocab_title(const vg_ropts *o, veilig_vocab vocab) {
    switch (vocab) {
        case VEILIG_VOCAB_CATEGORY:
            return VG_L(o, "Categorie", "Category");
        case VEILIG_VOCAB_APPROACH:
            return VG_L(o, "Aanpak", "Approach");
        case VEILIG_VOCAB_TARGET_GROUP:
            return VG_L(o, "Doelgroep", "Target group");
        case VEILIG_VOCAB_SETTING:
            return VG_L(o, "Domein", "Setting");
        case VEILIG_VOCAB_STAKEHOLDER_TYPE:
            return VG_L(o, "Soort partij", "Stakeholder kind");
        default:
            return veilig_vocab_name(vocab);
    }
}

/* ---- tables ---- */

int vg_table_init(vg_table *t, size_t ncols) {
    memset(t, 0, sizeof *t);
    vg_arena_init(&t->arena, 4096);
    t->ncols = ncols;
    t->keys = vg_arena_calloc(&t->arena, ncols, sizeof *t->keys);
    t->headers = vg_arena_calloc(&t->arena, ncols, sizeof *t->headers);
    t->flags = vg_arena_calloc(&t->arena, ncols, sizeof *t->flags);
    if (!t->keys || !t->headers || !t->flags) {
        vg_arena_free(&t->arena);
        return VEILIG_ENOMEM;
    }
    return VEILIG_OK;
}

void vg_table_free(vg_table *t) {
    vg_arena_free(&t->arena);
    vg_free(t->cells);
    t->cells = NULL;
}

void vg_table_column(vg_table *t, size_t i, const char *key, const char *header, unsigned flags) {
    if (i >= t->ncols)
        return;
    t->keys[i] = key;
    t->headers[i] = header;
    t->flags[i] = flags;
}

void vg_table_row(vg_table *t) {
    if (t->failed)
        return;
    size_t need = (t->nrows + 1) * t->ncols;
    if (vg_grow((void **)&t->cells, &t->cap, need, sizeof *t->cells)) {
        t->failed = 1;
        return;
    }
    memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof *t->cells);
    t->nrows++;
    t->col = 0;
}

void vg_table_cell(vg_table *t, const char *text) {
    if (t->failed || !t->nrows || t->col >= t->ncols)
        return;
    const char *copy = NULL;
    if (text) {
        copy = vg_arena_strdup(&t->arena, text);
        if (!copy) {
            t->failed = 1;
            return;
        }
    }
    t->cells[(t->nrows - 1) * t->ncols + t->col++] = copy;
}

void vg_table_cellf(vg_table *t, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    vg_table_cell(t, buf);
}

void vg_table_cell_int(vg_table *t, long long v) {
    vg_table_cellf(t, "%lld", v);
}

static void vg_pad(vg_buf *b, size_t n) {
    while (n--)
        vg_buf_putc(b, ' ');
}

/* Text cells have no line breaks (they become spaces) and no control
   characters (they are escaped: escape.h). */
static void vg_put_oneline(vg_buf *b, const char *s) {
    vg_term_puts(b, s, VG_TERM_SPACES);
}

static void vg_write_text(const vg_table *t, vg_buf *b) {
    size_t *w = vg_calloc(t->ncols ? t->ncols : 1, sizeof *w);
    if (!w) {
        b->failed = 1;
        return;
    }
    for (size_t j = 0; j < t->ncols; j++) {
        w[j] = vg_term_widths(t->headers[j]);
        for (size_t i = 0; i < t->nrows; i++) {
            size_t cw = vg_term_widths(t->cells[i * t->ncols + j]);
            if (cw > w[j])
                w[j] = cw;
        }
    }
    for (size_t i = 0; i <= t->nrows + 1; i++) {
        for (size_t j = 0; j < t->ncols; j++) {
            const char *s = i == 0   ? t->headers[j]
                            : i == 1 ? NULL
                                     : t->cells[(i - 2) * t->ncols + j];
            int last = j + 1 == t->ncols;
            if (j)
                vg_buf_puts(b, "  ");
            if (i == 1) {
                for (size_t k = 0; k < w[j]; k++)
                    vg_buf_putc(b, '-');
                continue;
            }
            size_t pad = w[j] - vg_term_widths(s);
            if (t->flags[j] & VG_COL_NUMBER) {
                vg_pad(b, pad);
                vg_put_oneline(b, s);
            } else {
                vg_put_oneline(b, s);
                if (!last)
                    vg_pad(b, pad);
            }
        }
        /* no trailing blanks when the last cells are empty */
        while (b->len && b->data[b->len - 1] == ' ')
            b->len--;
        vg_buf_putc(b, '\n');
    }
    vg_free(w);
}

/* A Markdown cell: text that reads as itself, | and line breaks included. */
static void vg_md_cell(vg_buf *b, const char *s) {
    vg_md_put(b, s, 0);
}

static void vg_write_markdown(const vg_table *t, vg_buf *b) {
    vg_buf_puts(b, "|");
    for (size_t j = 0; j < t->ncols; j++) {
        vg_buf_putc(b, ' ');
        vg_md_cell(b, t->headers[j]);
        vg_buf_puts(b, " |");
    }
    vg_buf_puts(b, "\n|");
    for (size_t j = 0; j < t->ncols; j++)
        vg_buf_puts(b, t->flags[j] & VG_COL_NUMBER ? " ---: |" : " --- |");
    vg_buf_putc(b, '\n');
    for (size_t i = 0; i < t->nrows; i++) {
        vg_buf_puts(b, "|");
        for (size_t j = 0; j < t->ncols; j++) {
            vg_buf_putc(b, ' ');
            vg_md_cell(b, t->cells[i * t->ncols + j]);
            vg_buf_puts(b, " |");
        }
        vg_buf_putc(b, '\n');
    }
}

static void vg_write_csv(const vg_table *t, vg_buf *b) {
    for (size_t i = 0; i <= t->nrows; i++) {
        for (size_t j = 0; j < t->ncols; j++) {
            if (j)
                vg_buf_putc(b, ',');
            /* numbers the library wrote (budgets, counts) are not guarded */
            int guard = !t->csv_raw && (i == 0 || !(t->flags[j] & VG_COL_NUMBER));
            vg_csv_field(b, i == 0 ? t->keys[j] : t->cells[(i - 1) * t->ncols + j], guard);
        }
        vg_buf_putc(b, '\n');
    }
}

static void vg_write_json(const vg_table *t, vg_buf *b) {
    vg_jwriter w;
    vg_jw_init(&w, b, 0);
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < t->nrows; i++) {
        vg_jw_begin_object(&w);
        for (size_t j = 0; j < t->ncols; j++) {
            const char *s = t->cells[i * t->ncols + j];
            vg_jw_key(&w, t->keys[j]);
            if (!s)
                vg_jw_null(&w);
            else if (t->flags[j] & VG_COL_NUMBER)
                vg_jw_number_literal(&w, s, strlen(s));
            else
                vg_jw_cstring(&w, s);
        }
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_buf_putc(b, '\n');
}

void vg_table_write(const vg_table *t, vg_buf *b, veilig_format format) {
    switch (format) {
        case VEILIG_FORMAT_MARKDOWN:
            vg_write_markdown(t, b);
            break;
        case VEILIG_FORMAT_CSV:
            vg_write_csv(t, b);
            break;
        case VEILIG_FORMAT_JSON:
            vg_write_json(t, b);
            break;
        default:
            vg_write_text(t, b);
            break;
    }
}

int vg_table_finish(vg_table *t, char **out, size_t *len, veilig_format format) {
    vg_buf b;
    vg_buf_init(&b);
    if (t->failed)
        b.failed = 1;
    else
        vg_table_write(t, &b, format);
    vg_table_free(t);
    *out = vg_buf_finish(&b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}

/* ---- tables with columns for people, for machines or for both (render.h) ---- */

int vg_tb_init(vg_tb *tb, const vg_rc *c, size_t max) {
    memset(tb, 0, sizeof *tb);
    tb->c = c;
    tb->max = max < VG_MAXCOLS ? max : VG_MAXCOLS;
    vg_buf_init(&tb->s);
    int rc = vg_table_init(&tb->t, tb->max);
    tb->t.ncols = 0; /* grows as columns are defined */
    tb->t.csv_raw = (c->o.flags & VEILIG_REPORT_RAW) != 0;
    return rc;
}

void vg_tb_free(vg_tb *tb) {
    vg_table_free(&tb->t);
    vg_buf_free(&tb->s);
}

/* Defines the next column; header_nl and header_en are static or kept by the table. */
void vg_tb_col(vg_tb *tb, const char *key, const char *header_nl, const char *header_en,
               unsigned flags) {
    int shown = !((flags & VG_HUMAN) && tb->c->mach) && !((flags & VG_MACHINE) && !tb->c->mach);
    if (tb->nlog >= VG_MAXCOLS)
        return;
    tb->shown[tb->nlog++] = (unsigned char)shown;
    if (!shown)
        return;
    if (tb->t.ncols >= tb->max) {
        tb->t.failed = 1;
        return;
    }
    size_t i = tb->t.ncols++;
    vg_table_column(&tb->t, i, key, VG_L(&tb->c->o, header_nl, header_en), flags & VG_COL_NUMBER);
}

/* The same with a header copied into the table (one text for both languages). */
void vg_tb_col_copy(vg_tb *tb, const char *key, const char *header, unsigned flags) {
    const char *k = vg_arena_strdup(&tb->t.arena, key);
    const char *h = vg_arena_strdup(&tb->t.arena, header);
    if (!k || !h)
        tb->t.failed = 1;
    vg_tb_col(tb, k ? k : "", h ? h : "", h ? h : "", flags);
}

void vg_tb_row(vg_tb *tb) {
    vg_table_row(&tb->t);
    tb->lcol = 0;
}

/* Whether the next logical column is shown (and moves on). */
static int vg_tb_next(vg_tb *tb) {
    return tb->lcol < tb->nlog && tb->shown[tb->lcol++];
}

void vg_tb_cell(vg_tb *tb, const char *s) {
    if (vg_tb_next(tb))
        vg_table_cell(&tb->t, s);
}

void vg_tb_int(vg_tb *tb, long long v) {
    if (vg_tb_next(tb))
        vg_table_cell_int(&tb->t, v);
}

/* The scratch buffer, emptied, for composing the next cell. */
vg_buf *vg_tb_buf(vg_tb *tb) {
    tb->s.len = 0;
    return &tb->s;
}

/* The composed cell (empty: NULL, which JSON writes as null). */
void vg_tb_put(vg_tb *tb) {
    if (tb->s.failed)
        tb->t.failed = 1;
    const char *s = tb->s.len ? vg_cstr(&tb->s) : NULL;
    vg_tb_cell(tb, s);
}

/* A vocabulary value: code or label. */
void vg_tb_term(vg_tb *tb, veilig_vocab vocab, const char *code) {
    if (!code) {
        vg_tb_cell(tb, NULL);
        return;
    }
    vg_put_term(vg_tb_buf(tb), tb->c, vocab, code);
    vg_tb_put(tb);
}

/* A date, or empty. */
void vg_tb_date(vg_tb *tb, int found, const veilig_date *d) {
    vg_buf *b = vg_tb_buf(tb);
    if (found)
        vg_put_date(b, d);
    vg_tb_put(tb);
}

int vg_tb_finish(vg_tb *tb, char **out, size_t *len) {
    if (tb->s.failed)
        tb->t.failed = 1;
    vg_buf_free(&tb->s);
    return vg_table_finish(&tb->t, out, len, tb->c->o.format);
}
