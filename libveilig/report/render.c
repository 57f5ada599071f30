/*
 * libveilig: renderings of registries, analyses and diagnostics as text,
 * Markdown, CSV and JSON (report.h); docs/reports.md documents them.
 *
 * Every table goes through vg_table (table.c). Two kinds of output:
 * - for people (text, Markdown): column headers and vocabulary values as
 *   labels in the report's language, names rather than ids, numbers written
 *   the Dutch or the English way ("€ 12.500,50", "EUR 12,500.50");
 * - for machines (CSV, JSON): stable snake_case keys, codes and ids, plain
 *   numbers ("12500.50"), lists joined with ";".
 * Some columns exist only for one kind (VG_HUMAN, VG_MACHINE): a person
 * reads "40 (2021)" where a spreadsheet gets a date and a value column.
 *
 * JSON renderings of analyses are the analyses' own JSON. Personal contact
 * data (contacts marked personal) never appears unless the caller sets
 * VEILIG_REPORT_INCLUDE_PERSONAL: the municipality page leaves such contacts
 * out, and the difference rendering filters them out of its values.
 *
 * Output is deterministic: document order or the analysis's order, no
 * dates of today, no addresses; numbers are formatted without the C locale.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

/* ---- context ---- */

typedef struct vg_rc {
    vg_ropts o;
    int mach; /* CSV or JSON: codes, ids and plain numbers */
} vg_rc;

/* Clears the outputs, checks the arguments and resolves the options. */
static int vg_begin(vg_rc *c, char **out, size_t *len, const void *subject,
                    const veilig_report_options *opts) {
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!out || !subject)
        return VEILIG_EINVAL;
    int rc = vg_ropts_get(&c->o, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c->o.format == VEILIG_FORMAT_HTML)
        return vg_fail(VEILIG_EINVAL, "html is a format of veilig_report_html only; give text, "
                                      "json, csv or markdown");
    c->mach = c->o.format == VEILIG_FORMAT_CSV || c->o.format == VEILIG_FORMAT_JSON;
    return VEILIG_OK;
}

/* The text of a buffer, NUL-terminated; "" when it failed (the failure
   sticks in b->failed, and whoever finishes the rendering checks it). */
static const char *vg_cstr(vg_buf *b) {
    vg_buf_putc(b, '\0');
    if (b->failed)
        return "";
    b->len--;
    return b->data;
}

/* Hands a buffer's text over as a rendering. */
static int vg_finish_buf(vg_buf *b, char **out, size_t *len) {
    *out = vg_buf_finish(b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}

/* Writes s, cut after max characters with "…" (text tables stay readable). */
static void vg_put_cut(vg_buf *b, const char *s, size_t max) {
    size_t i = 0, n = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == max)
            break;
    }
    vg_buf_put(b, s, i);
    if (s[i])
        vg_buf_puts(b, "…");
}

/* ---- numbers, locale-independent ---- */

/* Writes n / 10^decimals with the given decimal point and thousands separator (0: none). */
static void vg_put_scaled(vg_buf *b, int neg, uint64_t n, int decimals, char point, char group) {
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    uint64_t ip = n / scale, fp = n % scale;
    char digits[32];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip);
    if (neg && n)
        vg_buf_putc(b, '-');
    for (int i = nd - 1; i >= 0; i--) {
        vg_buf_putc(b, digits[i]);
        if (group && i && i % 3 == 0)
            vg_buf_putc(b, group);
    }
    if (decimals) {
        vg_buf_putc(b, point);
        char frac[24];
        for (int i = decimals - 1; i >= 0; i--) {
            frac[i] = (char)('0' + fp % 10);
            fp /= 10;
        }
        vg_buf_put(b, frac, (size_t)decimals);
    }
}

/* The shortest text that reads back as v ("38.5"), as the JSON writer makes it. */
static void vg_put_shortest(vg_buf *b, double v, char point) {
    vg_buf tmp;
    vg_jwriter w;
    vg_buf_init(&tmp);
    vg_jw_init(&w, &tmp, VG_JW_COMPACT);
    vg_jw_double(&w, v);
    const char *s = vg_cstr(&tmp);
    if (tmp.failed) {
        b->failed = 1;
    } else {
        for (; *s; s++)
            vg_buf_putc(b, *s == '.' ? point : *s);
    }
    vg_buf_free(&tmp);
}

/* v rounded to decimals places; machines get "12.50", people "12,50" (nl). */
static void vg_put_fixed(vg_buf *b, const vg_rc *c, double v, int decimals) {
    char point = c->mach || c->o.en ? '.' : ',';
    double scaled = v < 0 ? -v : v;
    for (int i = 0; i < decimals; i++)
        scaled *= 10;
    if (!isfinite(v) || scaled >= 9e15) {
        vg_put_shortest(b, v, point);
        return;
    }
    vg_put_scaled(b, v < 0, (uint64_t)(scaled + 0.5), decimals, point, 0); /* no libm */
}

/* An indicator value: shortest form, Dutch decimal comma for people. */
static void vg_put_value(vg_buf *b, const vg_rc *c, double v) {
    vg_put_shortest(b, v, c->mach || c->o.en ? '.' : ',');
}

/* An amount of cents: "12500.50" for machines, "€ 12.500,50" (nl) or "EUR 12,500.50" (en). */
static void vg_put_money(vg_buf *b, const vg_rc *c, int64_t cents, const char *currency) {
    int neg = cents < 0;
    uint64_t n = neg ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    if (c->mach) {
        vg_put_scaled(b, neg, n, 2, '.', 0);
        return;
    }
    if (!currency)
        currency = "EUR";
    if (!c->o.en && strcmp(currency, "EUR") == 0)
        vg_buf_puts(b, "€");
    else
        vg_buf_puts(b, currency);
    vg_buf_putc(b, ' ');
    vg_put_scaled(b, neg, n, 2, c->o.en ? '.' : ',', c->o.en ? ',' : '.');
}

/* A percentage of a fraction, one decimal: "50.0" for machines, "50,0%" (nl) for people. */
static void vg_put_percent(vg_buf *b, const vg_rc *c, double fraction) {
    vg_put_fixed(b, c, fraction * 100.0, 1);
    if (!c->mach)
        vg_buf_putc(b, '%');
}

/* ---- dates, times and vocabulary values ---- */

static void vg_put_date(vg_buf *b, const veilig_date *d) {
    char buf[VEILIG_DATE_BUFSIZE];
    if (veilig_date_format(buf, sizeof buf, d) == VEILIG_OK)
        vg_buf_puts(b, buf);
}

/* Minutes after midnight as "HH:MM" (1440 as "24:00"). */
static void vg_put_time(vg_buf *b, int minutes) {
    vg_buf_printf(b, "%02d:%02d", minutes / 60, minutes % 60);
}

/* A code (machines) or its label (people). */
static void vg_put_term(vg_buf *b, const vg_rc *c, veilig_vocab vocab, const char *code) {
    vg_buf_puts(b, c->mach ? (code ? code : "") : vg_label(&c->o, vocab, code));
}

/* The separator of list items: ";" for machines, ", " for people (nothing before the first). */
static void vg_put_sep(vg_buf *b, const vg_rc *c) {
    if (b->len)
        vg_buf_puts(b, c->mach ? ";" : ", ");
}

/* "Overijssel" for "NL-OV" (people); the code itself for machines and unknown codes. */
static const char *vg_province(const vg_rc *c, const char *code) {
    if (!code || c->mach)
        return code;
    const char *name = veilig_province_name(code, c->o.en ? "en" : "nl");
    return name ? name : code;
}

/* A day of a window: "vr" / "Fri" for people, "fri" for machines. */
static const char *vg_day(const vg_rc *c, const char *code) {
    static const char *const nl[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    static const char *const en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    int d = veilig_vocab_from_code(VEILIG_VOCAB_DAY, code);
    if (c->mach || !d)
        return code ? code : "";
    return c->o.en ? en[d - 1] : nl[d - 1];
}

/* A measure's schedule: "vr, za 18:00-06:00; zo avond" (people) or
   "fri,sat 18:00-06:00|sun evening" (machines). A window without days runs every day. */
static void vg_put_schedule(vg_buf *b, const vg_rc *c, const veilig_measure *ms) {
    for (size_t i = 0; i < veilig_measure_window_count(ms); i++) {
        const veilig_window *w = veilig_measure_window(ms, i);
        size_t start = b->len;
        if (i)
            vg_buf_puts(b, c->mach ? "|" : "; ");
        size_t mark = b->len;
        size_t nd = veilig_window_day_count(w);
        for (size_t d = 0; d < nd; d++) {
            if (d)
                vg_buf_puts(b, c->mach ? "," : ", ");
            vg_buf_puts(b, vg_day(c, veilig_window_day_code(w, d)));
        }
        if (!nd && !c->mach)
            vg_buf_puts(b, VG_L(&c->o, "dagelijks", "daily"));
        if (veilig_window_from(w) >= 0) {
            if (b->len > mark)
                vg_buf_putc(b, ' ');
            vg_put_time(b, veilig_window_from(w));
            vg_buf_putc(b, '-');
            vg_put_time(b, veilig_window_to(w));
        }
        size_t np = veilig_window_daypart_count(w);
        for (size_t p = 0; p < np; p++) {
            if (p)
                vg_buf_puts(b, c->mach ? "," : ", ");
            else if (b->len > mark)
                vg_buf_puts(b, nd || c->mach ? " " : ", "); /* "vr avond", "dagelijks, nacht" */
            vg_put_term(b, c, VEILIG_VOCAB_DAYPART, veilig_window_daypart_code(w, p));
        }
        if (b->len == mark)
            b->len = start; /* an empty window (machines): nothing at all */
    }
}

/* The stakeholders carrying a measure: "Politie (samenwerkingspartner), GGD" for
   people, "politie:partner;ggd" for machines. */
static void vg_put_partners(vg_buf *b, const vg_rc *c, const veilig_measure *ms) {
    const veilig_municipality *m = veilig_measure_municipality(ms);
    for (size_t i = 0; i < veilig_measure_partner_count(ms); i++) {
        const veilig_partner *pa = veilig_measure_partner(ms, i);
        const char *id = veilig_partner_stakeholder(pa), *role = veilig_partner_role_code(pa);
        vg_put_sep(b, c);
        if (c->mach) {
            vg_buf_puts(b, id ? id : "");
            if (role) {
                vg_buf_putc(b, ':');
                vg_buf_puts(b, role);
            }
        } else {
            const veilig_stakeholder *s = veilig_municipality_find_stakeholder(m, id);
            vg_buf_puts(b, s ? veilig_stakeholder_name(s) : id ? id : "");
            if (role) {
                vg_buf_puts(b, " (");
                vg_buf_puts(b, vg_label(&c->o, VEILIG_VOCAB_ROLE, role));
                vg_buf_putc(b, ')');
            }
        }
    }
}

/* The indicators a measure serves: ids (machines) or names (people). */
static void vg_put_measure_indicators(vg_buf *b, const vg_rc *c, const veilig_measure *ms) {
    const veilig_municipality *m = veilig_measure_municipality(ms);
    for (size_t i = 0; i < veilig_measure_indicator_count(ms); i++) {
        const char *id = veilig_measure_indicator(ms, i);
        const veilig_indicator *ind = c->mach ? NULL : veilig_municipality_find_indicator(m, id);
        vg_put_sep(b, c);
        vg_buf_puts(b, ind ? veilig_indicator_name(ind) : id);
    }
}

/* A period: "2022-03 t/m 2025", "vanaf 2022" / "2022-03 to 2025", "from 2022". */
static void vg_put_period(vg_buf *b, const vg_rc *c, const veilig_date *start,
                          const veilig_date *end) {
    if (start && end && start->year == end->year && start->month == end->month &&
        start->day == end->day) {
        vg_put_date(b, start);
    } else if (start && end) {
        vg_put_date(b, start);
        vg_buf_puts(b, VG_L(&c->o, " t/m ", " to "));
        vg_put_date(b, end);
    } else if (start) {
        vg_buf_puts(b, VG_L(&c->o, "vanaf ", "from "));
        vg_put_date(b, start);
    } else if (end) {
        vg_buf_puts(b, VG_L(&c->o, "t/m ", "until "));
        vg_put_date(b, end);
    }
}

/* Membership in words: "lid sinds 2021, periode 2022 t/m 2025". */
static void vg_put_membership(vg_buf *b, const vg_rc *c, const veilig_municipality *m) {
    veilig_date joined, start, end;
    int has_joined = veilig_municipality_membership_joined(&joined, m) == VEILIG_OK;
    int has_start = veilig_municipality_membership_start(&start, m) == VEILIG_OK;
    int has_end = veilig_municipality_membership_end(&end, m) == VEILIG_OK;
    veilig_membership_status st = veilig_municipality_membership_status(m);
    const char *st_code = veilig_municipality_membership_status_code(m);
    size_t mark = b->len;
    if (st_code && st != VEILIG_MEMBERSHIP_STATUS_ACTIVE)
        vg_buf_puts(b, vg_label(&c->o, VEILIG_VOCAB_MEMBERSHIP_STATUS, st_code));
    if (has_joined) {
        if (b->len > mark)
            vg_buf_puts(b, ", ");
        if (st == VEILIG_MEMBERSHIP_STATUS_FORMER)
            vg_buf_puts(b, VG_L(&c->o, "aangesloten in ", "joined in "));
        else
            vg_buf_puts(b, VG_L(&c->o, "lid sinds ", "member since "));
        vg_put_date(b, &joined);
    }
    if (has_start || has_end) {
        if (b->len > mark)
            vg_buf_puts(b, ", ");
        vg_buf_puts(b, VG_L(&c->o, "periode ", "period "));
        vg_put_period(b, c, has_start ? &start : NULL, has_end ? &end : NULL);
    }
}

/* The effective approach's code of a measure (its own, else its category's usual one). */
static const char *vg_measure_approach(const veilig_measure *ms) {
    const char *code = veilig_measure_approach_code(ms);
    return code ? code : veilig_approach_code(veilig_measure_approach(ms));
}

/* ---- tables with columns for people, for machines or for both ---- */

enum {
    VG_HUMAN = 1u << 8,  /* a column only text and Markdown show */
    VG_MACHINE = 1u << 9 /* a column only CSV and JSON show */
};

#define VG_MAXCOLS 40

typedef struct vg_tb {
    vg_table t;
    const vg_rc *c;
    size_t max;  /* columns allocated */
    size_t nlog; /* logical columns defined */
    size_t lcol; /* next logical column of the current row */
    unsigned char shown[VG_MAXCOLS];
    vg_buf s; /* scratch for composing cells */
} vg_tb;

static int vg_tb_init(vg_tb *tb, const vg_rc *c, size_t max) {
    memset(tb, 0, sizeof *tb);
    tb->c = c;
    tb->max = max < VG_MAXCOLS ? max : VG_MAXCOLS;
    vg_buf_init(&tb->s);
    int rc = vg_table_init(&tb->t, tb->max);
    tb->t.ncols = 0; /* grows as columns are defined */
    tb->t.csv_raw = (c->o.flags & VEILIG_REPORT_RAW) != 0;
    return rc;
}

static void vg_tb_free(vg_tb *tb) {
    vg_table_free(&tb->t);
    vg_buf_free(&tb->s);
}

/* Defines the next column; header_nl and header_en are static or kept by the table. */
static void vg_tb_col(vg_tb *tb, const char *key, const char *header_nl, const char *header_en,
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
static void vg_tb_col_copy(vg_tb *tb, const char *key, const char *header, unsigned flags) {
    const char *k = vg_arena_strdup(&tb->t.arena, key);
    const char *h = vg_arena_strdup(&tb->t.arena, header);
    if (!k || !h)
        tb->t.failed = 1;
    vg_tb_col(tb, k ? k : "", h ? h : "", h ? h : "", flags);
}

static void vg_tb_row(vg_tb *tb) {
    vg_table_row(&tb->t);
    tb->lcol = 0;
}

/* Whether the next logical column is shown (and moves on). */
static int vg_tb_next(vg_tb *tb) {
    return tb->lcol < tb->nlog && tb->shown[tb->lcol++];
}

static void vg_tb_cell(vg_tb *tb, const char *s) {
    if (vg_tb_next(tb))
        vg_table_cell(&tb->t, s);
}

static void vg_tb_int(vg_tb *tb, long long v) {
    if (vg_tb_next(tb))
        vg_table_cell_int(&tb->t, v);
}

/* The scratch buffer, emptied, for composing the next cell. */
static vg_buf *vg_tb_buf(vg_tb *tb) {
    tb->s.len = 0;
    return &tb->s;
}

/* The composed cell (empty: NULL, which JSON writes as null). */
static void vg_tb_put(vg_tb *tb) {
    if (tb->s.failed)
        tb->t.failed = 1;
    const char *s = tb->s.len ? vg_cstr(&tb->s) : NULL;
    vg_tb_cell(tb, s);
}

/* A vocabulary value: code or label. */
static void vg_tb_term(vg_tb *tb, veilig_vocab vocab, const char *code) {
    if (!code) {
        vg_tb_cell(tb, NULL);
        return;
    }
    vg_put_term(vg_tb_buf(tb), tb->c, vocab, code);
    vg_tb_put(tb);
}

/* A date, or empty. */
static void vg_tb_date(vg_tb *tb, int found, const veilig_date *d) {
    vg_buf *b = vg_tb_buf(tb);
    if (found)
        vg_put_date(b, d);
    vg_tb_put(tb);
}

static int vg_tb_finish(vg_tb *tb, char **out, size_t *len) {
    if (tb->s.failed)
        tb->t.failed = 1;
    vg_buf_free(&tb->s);
    return vg_table_finish(&tb->t, out, len, tb->c->o.format);
}

/* ---- documents: headings, paragraphs and fields in text or Markdown ---- */

#define VG_WIDTH   80 /* text lines are wrapped at this width */
#define VG_LABEL_W 16 /* "Label:" padded to this width */

typedef struct vg_doc {
    vg_buf *b;
    const vg_rc *c;
    int md;
    vg_buf t; /* scratch */
} vg_doc;

static void vg_spaces(vg_buf *b, size_t n) {
    while (n--)
        vg_buf_putc(b, ' ');
}

static int vg_is_space(char ch) {
    return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
}

/* Writes s word by word, wrapped at VG_WIDTH; the cursor is at column col;
   continuation lines start with indent spaces. Runs of white space become one;
   control characters are escaped (escape.h). */
static void vg_wrap(vg_buf *b, const char *s, size_t indent, size_t col) {
    int fresh = 1; /* nothing written on this line since the indent */
    while (s && *s) {
        while (vg_is_space(*s))
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && !vg_is_space(*e))
            e++;
        size_t ww = vg_term_width(s, (size_t)(e - s));
        if (!fresh && col + 1 + ww > VG_WIDTH) {
            vg_buf_putc(b, '\n');
            vg_spaces(b, indent);
            col = indent;
            fresh = 1;
        }
        if (!fresh) {
            vg_buf_putc(b, ' ');
            col++;
        }
        vg_term_put(b, s, (size_t)(e - s), VG_TERM_SPACES);
        col += ww;
        fresh = 0;
        s = e;
    }
}

static void vg_d_heading(vg_doc *d, int level, const char *text) {
    if (d->md) {
        for (int i = 0; i < level; i++)
            vg_buf_putc(d->b, '#');
        vg_buf_putc(d->b, ' ');
        vg_md_put(d->b, text, 0);
        vg_buf_puts(d->b, "\n\n");
        return;
    }
    size_t start = d->b->len;
    vg_term_puts(d->b, text, VG_TERM_SPACES);
    size_t w = d->b->failed ? 0 : vg_term_width(d->b->data + start, d->b->len - start);
    vg_buf_putc(d->b, '\n');
    if (level <= 2) {
        for (size_t i = 0; i < w; i++)
            vg_buf_putc(d->b, level == 1 ? '=' : '-');
        vg_buf_putc(d->b, '\n');
    }
    vg_buf_putc(d->b, '\n');
}

/* A paragraph, indented by indent in text. */
static void vg_d_para(vg_doc *d, const char *text, size_t indent) {
    if (!text)
        return;
    if (d->md) {
        vg_md_put(d->b, text, 1);
    } else {
        vg_spaces(d->b, indent);
        vg_wrap(d->b, text, indent, indent);
    }
    vg_buf_puts(d->b, "\n\n");
}

/* "Label:   value" (text, at indent) or "- **Label:** value" (Markdown); nothing for an empty
 * value. */
static void vg_d_field(vg_doc *d, size_t indent, const char *label_nl, const char *label_en,
                       const char *value) {
    if (!value || !*value)
        return;
    const char *label = VG_L(&d->c->o, label_nl, label_en);
    if (d->md) {
        vg_buf_puts(d->b, "- **");
        vg_md_put(d->b, label, 0);
        vg_buf_puts(d->b, ":** ");
        vg_md_put(d->b, value, 0);
    } else {
        vg_spaces(d->b, indent);
        vg_buf_puts(d->b, label);
        vg_buf_putc(d->b, ':');
        size_t w = vg_term_widths(label) + 1;
        size_t pad = w < VG_LABEL_W ? VG_LABEL_W - w : 1;
        vg_spaces(d->b, pad);
        vg_wrap(d->b, value, indent + w + pad, indent + w + pad);
    }
    vg_buf_putc(d->b, '\n');
}

/* The same with the value composed in d->t. */
static void vg_d_field_t(vg_doc *d, size_t indent, const char *label_nl, const char *label_en) {
    if (d->t.len)
        vg_d_field(d, indent, label_nl, label_en, vg_cstr(&d->t));
    d->t.len = 0;
}

/* A list item ("- text"), wrapped in text. */
static void vg_d_item(vg_doc *d, const char *text) {
    vg_buf_puts(d->b, "- ");
    if (d->md) /* an item's text begins a line of its own ("- 1. x" would nest a list) */
        vg_md_put(d->b, text, 1);
    else
        vg_wrap(d->b, text, 2, 2);
    vg_buf_putc(d->b, '\n');
}

/* Empties d->t for composing. */
static vg_buf *vg_d_t(vg_doc *d) {
    d->t.len = 0;
    return &d->t;
}

/* Writes a table (text or Markdown) into the document, followed by a blank line, and frees it. */
static void vg_d_table(vg_doc *d, vg_tb *tb) {
    if (tb->t.failed || tb->s.failed)
        d->b->failed = 1;
    else
        vg_table_write(&tb->t, d->b, d->c->o.format);
    vg_buf_putc(d->b, '\n');
    vg_tb_free(tb);
}

/* ---- list ---- */

int veilig_render_list(char **out, size_t *len, const veilig_registry *reg,
                       const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, reg, opts);
    if (rc != VEILIG_OK)
        return rc;
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 10) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "code", "Code", "Code", 0);
    vg_tb_col(&tb, "name", "Gemeente", "Municipality", 0);
    vg_tb_col(&tb, "province", "Provincie", "Province", 0);
    vg_tb_col(&tb, "measures", "Maatregelen", "Measures", VG_COL_NUMBER);
    vg_tb_col(&tb, "membership", "Lidmaatschap", "Membership", VG_HUMAN);
    vg_tb_col(&tb, "joined", "", "", VG_MACHINE);
    vg_tb_col(&tb, "membership_start", "", "", VG_MACHINE);
    vg_tb_col(&tb, "membership_end", "", "", VG_MACHINE);
    vg_tb_col(&tb, "membership_status", "", "", VG_MACHINE);
    vg_tb_col(&tb, "summary", "Samenvatting", "Summary", 0);
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        veilig_date d;
        vg_tb_row(&tb);
        vg_tb_cell(&tb, veilig_municipality_code(m));
        vg_tb_cell(&tb, veilig_municipality_name(m));
        vg_tb_cell(&tb, vg_province(&c, veilig_municipality_province(m)));
        vg_tb_int(&tb, (long long)veilig_municipality_measure_count(m));
        vg_put_membership(vg_tb_buf(&tb), &c, m);
        vg_tb_put(&tb);
        vg_tb_date(&tb, veilig_municipality_membership_joined(&d, m) == VEILIG_OK, &d);
        vg_tb_date(&tb, veilig_municipality_membership_start(&d, m) == VEILIG_OK, &d);
        vg_tb_date(&tb, veilig_municipality_membership_end(&d, m) == VEILIG_OK, &d);
        vg_tb_cell(&tb, veilig_municipality_membership_status_code(m));
        const char *summary = veilig_municipality_summary(m);
        if (summary && c.o.format == VEILIG_FORMAT_TEXT) {
            vg_put_cut(vg_tb_buf(&tb), summary, 60);
            vg_tb_put(&tb);
        } else {
            vg_tb_cell(&tb, summary);
        }
    }
    return vg_tb_finish(&tb, out, len);
}

/* ---- measures: the columns of the measures table (export and municipality CSV) ---- */

static void vg_measure_columns(vg_tb *tb) {
    vg_tb_col(tb, "municipality", "Code", "Code", 0);
    vg_tb_col(tb, "municipality_name", "Gemeente", "Municipality", 0);
    vg_tb_col(tb, "province", "Provincie", "Province", 0);
    vg_tb_col(tb, "measure", "Id", "Id", 0);
    vg_tb_col(tb, "name", "Maatregel", "Measure", 0);
    vg_tb_col(tb, "category", "Categorie", "Category", 0);
    vg_tb_col(tb, "approach", "Aanpak", "Approach", 0);
    vg_tb_col(tb, "target_groups", "Doelgroepen", "Target groups", 0);
    vg_tb_col(tb, "settings", "Domeinen", "Settings", 0);
    vg_tb_col(tb, "status", "Status", "Status", 0);
    vg_tb_col(tb, "period_start", "Start", "Start", 0);
    vg_tb_col(tb, "period_end", "Einde", "End", 0);
    vg_tb_col(tb, "budget_eur", "Budget", "Budget", VG_COL_NUMBER);
    vg_tb_col(tb, "currency", "Valuta", "Currency", 0);
    vg_tb_col(tb, "evidence", "Bewijskracht", "Evidence", 0);
    vg_tb_col(tb, "partners", "Partners", "Partners", 0);
    vg_tb_col(tb, "indicators", "Indicatoren", "Indicators", 0);
    vg_tb_col(tb, "schedule", "Rooster", "Schedule", 0);
}
#define VG_MEASURE_COLUMNS 18

static void vg_measure_row(vg_tb *tb, const veilig_municipality *m, const veilig_measure *ms) {
    const vg_rc *c = tb->c;
    vg_buf *b;
    veilig_date d;
    int64_t cents;
    vg_tb_row(tb);
    vg_tb_cell(tb, veilig_municipality_code(m));
    vg_tb_cell(tb, veilig_municipality_name(m));
    vg_tb_cell(tb, vg_province(c, veilig_municipality_province(m)));
    vg_tb_cell(tb, veilig_measure_id(ms));
    vg_tb_cell(tb, veilig_measure_name(ms));
    vg_tb_term(tb, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms));
    vg_tb_term(tb, VEILIG_VOCAB_APPROACH, vg_measure_approach(ms));
    b = vg_tb_buf(tb);
    for (size_t i = 0; i < veilig_measure_target_group_count(ms); i++) {
        vg_put_sep(b, c);
        vg_put_term(b, c, VEILIG_VOCAB_TARGET_GROUP, veilig_measure_target_group_code(ms, i));
    }
    vg_tb_put(tb);
    b = vg_tb_buf(tb);
    for (size_t i = 0; i < veilig_measure_setting_count(ms); i++) {
        vg_put_sep(b, c);
        vg_put_term(b, c, VEILIG_VOCAB_SETTING, veilig_measure_setting_code(ms, i));
    }
    vg_tb_put(tb);
    vg_tb_term(tb, VEILIG_VOCAB_MEASURE_STATE, veilig_measure_status_code(ms));
    vg_tb_date(tb, veilig_measure_period_start(&d, ms) == VEILIG_OK, &d);
    vg_tb_date(tb, veilig_measure_period_end(&d, ms) == VEILIG_OK, &d);
    int has_budget = veilig_measure_budget_cents(&cents, ms) == VEILIG_OK;
    const char *currency = veilig_measure_budget_currency(ms);
    b = vg_tb_buf(tb);
    if (has_budget)
        vg_put_money(b, c, cents, currency);
    vg_tb_put(tb);
    vg_tb_cell(tb, has_budget ? (currency ? currency : "EUR") : NULL);
    vg_tb_term(tb, VEILIG_VOCAB_EVIDENCE, veilig_measure_evidence_code(ms));
    vg_put_partners(vg_tb_buf(tb), c, ms);
    vg_tb_put(tb);
    vg_put_measure_indicators(vg_tb_buf(tb), c, ms);
    vg_tb_put(tb);
    vg_put_schedule(vg_tb_buf(tb), c, ms);
    vg_tb_put(tb);
}

/* ---- one municipality ---- */

static void vg_doc_measure(vg_doc *d, size_t n, const veilig_measure *ms) {
    const vg_rc *c = d->c;
    vg_buf *t = vg_d_t(d);
    vg_buf_printf(t, "%zu. ", n);
    vg_buf_puts(t, veilig_measure_name(ms));
    if (d->md) {
        vg_buf_puts(d->b, "### ");
        vg_md_put(d->b, vg_cstr(t), 0);
        vg_buf_puts(d->b, " (");
        vg_md_code(d->b, veilig_measure_id(ms));
        vg_buf_puts(d->b, ")\n\n");
    } else {
        vg_buf_puts(t, " [");
        vg_buf_puts(t, veilig_measure_id(ms));
        vg_buf_putc(t, ']');
        vg_wrap(d->b, vg_cstr(t), 3, 0);
        vg_buf_puts(d->b, "\n");
    }
    const char *desc = veilig_measure_description(ms);
    if (desc) {
        if (!d->md)
            vg_buf_putc(d->b, '\n');
        vg_d_para(d, desc, 3);
    } else if (!d->md) {
        vg_buf_putc(d->b, '\n');
    }
    const size_t in = 3;
    vg_d_field(d, in, "Categorie", "Category",
               vg_label(&c->o, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms)));
    vg_d_field(d, in, "Aanpak", "Approach",
               vg_label(&c->o, VEILIG_VOCAB_APPROACH, vg_measure_approach(ms)));
    vg_buf *b = vg_d_t(d);
    for (size_t i = 0; i < veilig_measure_target_group_count(ms); i++) {
        vg_put_sep(b, c);
        vg_put_term(b, c, VEILIG_VOCAB_TARGET_GROUP, veilig_measure_target_group_code(ms, i));
    }
    vg_d_field_t(d, in, "Doelgroepen", "Target groups");
    for (size_t i = 0; i < veilig_measure_setting_count(ms); i++) {
        vg_put_sep(b, c);
        vg_put_term(b, c, VEILIG_VOCAB_SETTING, veilig_measure_setting_code(ms, i));
    }
    vg_d_field_t(d, in, "Domeinen", "Settings");
    const char *area = veilig_measure_area_name(ms), *area_note = veilig_measure_area_note(ms);
    if (area) {
        vg_buf_puts(b, area);
        if (area_note) {
            vg_buf_puts(b, " (");
            vg_buf_puts(b, area_note);
            vg_buf_putc(b, ')');
        }
    } else if (area_note) {
        vg_buf_puts(b, area_note);
    }
    vg_d_field_t(d, in, "Gebied", "Area");
    vg_put_schedule(b, c, ms);
    vg_d_field_t(d, in, "Wanneer", "When");
    vg_put_partners(b, c, ms);
    vg_d_field_t(d, in, "Partners", "Partners");
    const char *status = veilig_measure_status_code(ms);
    if (status)
        vg_d_field(d, in, "Status", "Status", vg_label(&c->o, VEILIG_VOCAB_MEASURE_STATE, status));
    veilig_date start, end;
    int hs = veilig_measure_period_start(&start, ms) == VEILIG_OK;
    int he = veilig_measure_period_end(&end, ms) == VEILIG_OK;
    vg_put_period(b, c, hs ? &start : NULL, he ? &end : NULL);
    vg_d_field_t(d, in, "Periode", "Period");
    int64_t cents;
    if (veilig_measure_budget_cents(&cents, ms) == VEILIG_OK) {
        vg_put_money(b, c, cents, veilig_measure_budget_currency(ms));
        hs = veilig_measure_budget_start(&start, ms) == VEILIG_OK;
        he = veilig_measure_budget_end(&end, ms) == VEILIG_OK;
        if (hs || he) {
            vg_buf_puts(b, " (");
            vg_put_period(b, c, hs ? &start : NULL, he ? &end : NULL);
            vg_buf_putc(b, ')');
        }
    }
    vg_d_field_t(d, in, "Budget", "Budget");
    const char *evidence = veilig_measure_evidence_code(ms);
    if (evidence)
        vg_d_field(d, in, "Bewijskracht", "Evidence",
                   vg_label(&c->o, VEILIG_VOCAB_EVIDENCE, evidence));
    vg_put_measure_indicators(b, c, ms);
    vg_d_field_t(d, in, "Indicatoren", "Indicators");
    vg_buf_putc(d->b, '\n');
}

/* "40 (2021)": a value with its date, either may be absent. */
static void vg_put_dated(vg_buf *b, const vg_rc *c, int has_value, double value, int has_date,
                         const veilig_date *date) {
    if (has_value)
        vg_put_value(b, c, value);
    if (has_date) {
        vg_buf_puts(b, has_value ? " (" : "(");
        vg_put_date(b, date);
        vg_buf_putc(b, ')');
    }
}

static void vg_doc_stakeholders(vg_doc *d, const veilig_municipality *m) {
    size_t n = veilig_municipality_stakeholder_count(m);
    int parents = 0;
    for (size_t i = 0; i < n; i++)
        parents |= veilig_stakeholder_parent(veilig_municipality_stakeholder(m, i)) != NULL;
    vg_tb tb;
    if (vg_tb_init(&tb, d->c, 4) != VEILIG_OK) {
        d->b->failed = 1;
        return;
    }
    vg_tb_col(&tb, "name", "Partij", "Stakeholder", 0);
    vg_tb_col(&tb, "kind", "Soort", "Kind", 0);
    vg_tb_col(&tb, "roles", "Rollen", "Roles", 0);
    if (parents)
        vg_tb_col(&tb, "parent", "Onderdeel van", "Part of", 0);
    for (size_t i = 0; i < n; i++) {
        const veilig_stakeholder *s = veilig_municipality_stakeholder(m, i);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, veilig_stakeholder_name(s));
        vg_tb_term(&tb, VEILIG_VOCAB_STAKEHOLDER_TYPE, veilig_stakeholder_kind_code(s));
        vg_buf *b = vg_tb_buf(&tb);
        for (size_t r = 0; r < veilig_stakeholder_role_count(s); r++) {
            vg_put_sep(b, d->c);
            vg_put_term(b, d->c, VEILIG_VOCAB_ROLE, veilig_stakeholder_role_code(s, r));
        }
        vg_tb_put(&tb);
        if (parents) {
            const char *pid = veilig_stakeholder_parent(s);
            const veilig_stakeholder *p = veilig_municipality_find_stakeholder(m, pid);
            vg_tb_cell(&tb, p ? veilig_stakeholder_name(p) : pid);
        }
    }
    vg_d_table(d, &tb);
}

static void vg_doc_contacts(vg_doc *d, const veilig_municipality *m) {
    size_t n = veilig_municipality_contact_count(m), left_out = 0;
    int all = (d->c->o.flags & VEILIG_REPORT_INCLUDE_PERSONAL) != 0;
    vg_tb tb;
    if (vg_tb_init(&tb, d->c, 5) != VEILIG_OK) {
        d->b->failed = 1;
        return;
    }
    vg_tb_col(&tb, "name", "Naam", "Name", 0);
    vg_tb_col(&tb, "stakeholder", "Partij", "Stakeholder", 0);
    vg_tb_col(&tb, "role", "Rol", "Role", 0);
    vg_tb_col(&tb, "phone", "Telefoon", "Phone", 0);
    vg_tb_col(&tb, "email", "E-mail", "E-mail", 0);
    for (size_t i = 0; i < n; i++) {
        const veilig_contact *ct = veilig_municipality_contact(m, i);
        if (veilig_contact_personal(ct) && !all) {
            left_out++;
            continue;
        }
        const char *sid = veilig_contact_stakeholder(ct);
        const veilig_stakeholder *s = veilig_municipality_find_stakeholder(m, sid);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, veilig_contact_name(ct));
        vg_tb_cell(&tb, s ? veilig_stakeholder_name(s) : sid);
        vg_tb_term(&tb, VEILIG_VOCAB_ROLE, veilig_contact_role_code(ct));
        vg_tb_cell(&tb, veilig_contact_phone(ct));
        vg_tb_cell(&tb, veilig_contact_email(ct));
    }
    if (tb.t.nrows || tb.t.failed)
        vg_d_table(d, &tb); /* a failed table fails the document */
    else
        vg_tb_free(&tb);
    if (left_out) {
        vg_buf *t = vg_d_t(d);
        if (left_out == 1)
            vg_buf_puts(t, VG_L(&d->c->o, "1 contact met persoonsgegevens is weggelaten.",
                                "1 contact with personal data is left out."));
        else
            vg_buf_printf(t,
                          d->c->o.en ? "%zu contacts with personal data are left out."
                                     : "%zu contacten met persoonsgegevens zijn weggelaten.",
                          left_out);
        vg_d_para(d, vg_cstr(t), 0);
    }
}

static void vg_doc_indicators(vg_doc *d, const veilig_municipality *m) {
    const vg_rc *c = d->c;
    vg_tb tb;
    if (vg_tb_init(&tb, c, 7) != VEILIG_OK) {
        d->b->failed = 1;
        return;
    }
    vg_tb_col(&tb, "name", "Indicator", "Indicator", 0);
    vg_tb_col(&tb, "level", "Niveau", "Level", 0);
    vg_tb_col(&tb, "unit", "Eenheid", "Unit", 0);
    vg_tb_col(&tb, "direction", "Richting", "Direction", 0);
    vg_tb_col(&tb, "baseline", "Nulmeting", "Baseline", 0);
    vg_tb_col(&tb, "target", "Doel", "Target", 0);
    vg_tb_col(&tb, "observations", "Metingen", "Observations", 0);
    for (size_t i = 0; i < veilig_municipality_indicator_count(m); i++) {
        const veilig_indicator *ind = veilig_municipality_indicator(m, i);
        veilig_date date;
        double v;
        int hv, hd;
        vg_tb_row(&tb);
        vg_tb_cell(&tb, veilig_indicator_name(ind));
        vg_tb_term(&tb, VEILIG_VOCAB_RESULT_LEVEL, veilig_indicator_level_code(ind));
        vg_tb_term(&tb, VEILIG_VOCAB_UNIT, veilig_indicator_unit_code(ind));
        vg_tb_term(&tb, VEILIG_VOCAB_DIRECTION, veilig_indicator_direction_code(ind));
        hv = veilig_indicator_baseline_value(&v, ind) == VEILIG_OK;
        hd = veilig_indicator_baseline_date(&date, ind) == VEILIG_OK;
        vg_put_dated(vg_tb_buf(&tb), c, hv, v, hd, &date);
        vg_tb_put(&tb);
        hv = veilig_indicator_target_value(&v, ind) == VEILIG_OK;
        hd = veilig_indicator_target_date(&date, ind) == VEILIG_OK;
        vg_put_dated(vg_tb_buf(&tb), c, hv, v, hd, &date);
        vg_tb_put(&tb);
        vg_buf *b = vg_tb_buf(&tb);
        for (size_t k = 0; k < veilig_indicator_observation_count(ind); k++) {
            const veilig_observation *ob = veilig_indicator_observation(ind, k);
            if (b->len)
                vg_buf_puts(b, "; ");
            if (veilig_observation_date(&date, ob) == VEILIG_OK) {
                vg_put_date(b, &date);
                vg_buf_puts(b, ": ");
            }
            if (veilig_observation_value(&v, ob) == VEILIG_OK)
                vg_put_value(b, c, v);
        }
        vg_tb_put(&tb);
    }
    vg_d_table(d, &tb);
}

static void vg_doc_sources(vg_doc *d, const veilig_municipality *m) {
    for (size_t i = 0; i < veilig_municipality_source_count(m); i++) {
        const veilig_source *s = veilig_municipality_source(m, i);
        const char *publisher = veilig_source_publisher(s), *url = veilig_source_url(s);
        veilig_date date;
        int has_date = veilig_source_retrieved(&date, s) == VEILIG_OK;
        vg_buf *t = vg_d_t(d);
        vg_buf_puts(d->b, "- ");
        if (d->md) {
            vg_md_put(d->b, veilig_source_title(s), 1);
            if (publisher) {
                vg_buf_puts(d->b, " — ");
                vg_md_put(d->b, publisher, 0);
            }
            if (url) {
                vg_buf_puts(d->b, " — ");
                vg_md_url(d->b, url);
            }
        } else {
            vg_buf_puts(t, veilig_source_title(s));
            if (publisher) {
                vg_buf_puts(t, " — ");
                vg_buf_puts(t, publisher);
            }
            if (url) {
                vg_buf_puts(t, " — ");
                vg_buf_puts(t, url);
            }
        }
        if (has_date) {
            vg_buf *tail = d->md ? d->b : t;
            vg_buf_puts(tail, VG_L(&d->c->o, " (geraadpleegd ", " (retrieved "));
            vg_put_date(tail, &date);
            vg_buf_putc(tail, ')');
        }
        if (!d->md)
            vg_wrap(d->b, vg_cstr(t), 2, 2);
        vg_buf_putc(d->b, '\n');
    }
    vg_buf_putc(d->b, '\n');
}

static void vg_doc_municipality(vg_doc *d, const veilig_municipality *m) {
    const vg_rc *c = d->c;
    vg_buf *t = vg_d_t(d);
    vg_buf_printf(t, "%s (%s)", veilig_municipality_name(m), veilig_municipality_code(m));
    vg_d_heading(d, 1, vg_cstr(t));

    const char *official = veilig_municipality_official_name(m);
    if (official && strcmp(official, veilig_municipality_name(m)) != 0)
        vg_d_field(d, 0, "Officiële naam", "Official name", official);
    vg_d_field(d, 0, "Provincie", "Province", vg_province(c, veilig_municipality_province(m)));
    t = vg_d_t(d);
    vg_put_membership(t, c, m);
    const char *note = veilig_municipality_membership_note(m);
    if (note) {
        if (t->len)
            vg_buf_puts(t, " — ");
        vg_buf_puts(t, note);
    }
    vg_d_field_t(d, 0, "Lidmaatschap", "Membership");
    vg_buf_putc(d->b, '\n');

    if (veilig_municipality_summary(m)) {
        vg_d_heading(d, 2, VG_L(&c->o, "Samenvatting", "Summary"));
        vg_d_para(d, veilig_municipality_summary(m), 0);
    }
    if (veilig_municipality_ambition(m)) {
        vg_d_heading(d, 2, VG_L(&c->o, "Ambitie", "Ambition"));
        vg_d_para(d, veilig_municipality_ambition(m), 0);
    }

    size_t ntg = veilig_municipality_target_group_count(m);
    size_t nset = veilig_municipality_setting_count(m);
    if (ntg || nset) {
        vg_d_heading(d, 2, VG_L(&c->o, "Reikwijdte", "Scope"));
        t = vg_d_t(d);
        for (size_t i = 0; i < ntg; i++) {
            vg_put_sep(t, c);
            vg_put_term(t, c, VEILIG_VOCAB_TARGET_GROUP,
                        veilig_municipality_target_group_code(m, i));
        }
        vg_d_field_t(d, 0, "Doelgroepen", "Target groups");
        for (size_t i = 0; i < nset; i++) {
            vg_put_sep(t, c);
            vg_put_term(t, c, VEILIG_VOCAB_SETTING, veilig_municipality_setting_code(m, i));
        }
        vg_d_field_t(d, 0, "Domeinen", "Settings");
        vg_buf_putc(d->b, '\n');
    }

    size_t nfocus = veilig_municipality_focus_count(m);
    size_t nexcl = veilig_municipality_exclusion_count(m);
    if (nfocus || nexcl) {
        vg_d_heading(d, 2, VG_L(&c->o, "Focus en afbakening", "Focus and exclusions"));
        t = vg_d_t(d);
        for (size_t i = 0; i < nfocus; i++) {
            vg_put_sep(t, c);
            vg_put_term(t, c, VEILIG_VOCAB_APPROACH, veilig_municipality_focus_code(m, i));
        }
        vg_d_field_t(d, 0, "Voorrang voor", "Priority");
        for (size_t i = 0; i < nexcl; i++) {
            const veilig_exclusion *x = veilig_municipality_exclusion(m, i);
            const char *reason = veilig_exclusion_reason(x);
            vg_put_term(t, c, VEILIG_VOCAB_APPROACH, veilig_exclusion_approach_code(x));
            if (reason) {
                vg_buf_puts(t, " — ");
                vg_buf_puts(t, reason);
            }
            vg_d_field_t(d, 0, "Bewust niet", "Not pursued");
        }
        vg_buf_putc(d->b, '\n');
    }

    size_t nlinks = veilig_municipality_policy_link_count(m);
    if (nlinks) {
        vg_d_heading(d, 2, VG_L(&c->o, "Beleidskoppelingen", "Policy links"));
        for (size_t i = 0; i < nlinks; i++) {
            const veilig_policy_link *l = veilig_municipality_policy_link(m, i);
            const char *kind = veilig_policy_link_kind_code(l);
            const char *rel = veilig_policy_link_relation_code(l);
            const char *lnote = veilig_policy_link_note(l);
            t = vg_d_t(d);
            vg_buf_puts(t, veilig_policy_link_name(l));
            if (kind || rel) {
                vg_buf_puts(t, " (");
                if (kind)
                    vg_put_term(t, c, VEILIG_VOCAB_LINK_KIND, kind);
                if (kind && rel)
                    vg_buf_puts(t, ", ");
                if (rel)
                    vg_put_term(t, c, VEILIG_VOCAB_LINK_RELATION, rel);
                vg_buf_putc(t, ')');
            }
            if (lnote) {
                vg_buf_puts(t, " — ");
                vg_buf_puts(t, lnote);
            }
            vg_d_item(d, vg_cstr(t));
        }
        vg_buf_putc(d->b, '\n');
    }

    size_t nms = veilig_municipality_measure_count(m);
    if (nms) {
        t = vg_d_t(d);
        vg_buf_printf(t, "%s (%zu)", VG_L(&c->o, "Maatregelen", "Measures"), nms);
        vg_d_heading(d, 2, vg_cstr(t));
        for (size_t i = 0; i < nms; i++)
            vg_doc_measure(d, i + 1, veilig_municipality_measure(m, i));
    }
    if (veilig_municipality_stakeholder_count(m)) {
        vg_d_heading(d, 2, VG_L(&c->o, "Betrokken partijen", "Stakeholders"));
        vg_doc_stakeholders(d, m);
    }
    if (veilig_municipality_contact_count(m)) {
        vg_d_heading(d, 2, VG_L(&c->o, "Contact", "Contacts"));
        vg_doc_contacts(d, m);
    }
    if (veilig_municipality_indicator_count(m)) {
        vg_d_heading(d, 2, VG_L(&c->o, "Indicatoren", "Indicators"));
        vg_doc_indicators(d, m);
    }
    if (veilig_municipality_source_count(m)) {
        vg_d_heading(d, 2, VG_L(&c->o, "Bronnen", "Sources"));
        vg_doc_sources(d, m);
    }
}

/* Ends a document: exactly one newline at the end. */
static int vg_doc_finish(vg_doc *d, char **out, size_t *len) {
    if (d->t.failed)
        d->b->failed = 1;
    vg_buf_free(&d->t);
    while (!d->b->failed && d->b->len >= 2 && d->b->data[d->b->len - 1] == '\n' &&
           d->b->data[d->b->len - 2] == '\n')
        d->b->len--;
    return vg_finish_buf(d->b, out, len);
}

int veilig_render_municipality(char **out, size_t *len, const veilig_municipality *m,
                               const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, m, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON) {
        veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
        if (!(c.o.flags & VEILIG_REPORT_INCLUDE_PERSONAL))
            so.flags |= VEILIG_SAVE_OMIT_PERSONAL;
        return veilig_municipality_to_json(out, len, m, &so, NULL);
    }
    if (c.o.format == VEILIG_FORMAT_CSV) {
        vg_tb tb;
        if (vg_tb_init(&tb, &c, VG_MEASURE_COLUMNS) != VEILIG_OK)
            return VEILIG_ENOMEM;
        vg_measure_columns(&tb);
        for (size_t i = 0; i < veilig_municipality_measure_count(m); i++)
            vg_measure_row(&tb, m, veilig_municipality_measure(m, i));
        return vg_tb_finish(&tb, out, len);
    }
    vg_buf b;
    vg_buf_init(&b);
    vg_doc d = {&b, &c, c.o.format == VEILIG_FORMAT_MARKDOWN, {NULL, 0, 0, 0}};
    vg_buf_init(&d.t);
    vg_doc_municipality(&d, m);
    return vg_doc_finish(&d, out, len);
}

/* ---- query ---- */

int veilig_render_query(char **out, size_t *len, const veilig_query_result *r,
                        const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, r, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_query_result_to_json(out, len, r);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 7) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "municipality", "Code", "Code", 0);
    vg_tb_col(&tb, "municipality_name", "Gemeente", "Municipality", 0);
    vg_tb_col(&tb, "measure", "Id", "Id", 0);
    vg_tb_col(&tb, "name", "Maatregel", "Measure", 0);
    vg_tb_col(&tb, "category", "Categorie", "Category", 0);
    vg_tb_col(&tb, "approach", "Aanpak", "Approach", 0);
    vg_tb_col(&tb, "target_groups", "Doelgroepen", "Target groups", 0);
    for (size_t i = 0; i < veilig_query_result_count(r); i++) {
        const veilig_municipality *m = veilig_query_result_municipality(r, i);
        const veilig_measure *ms = veilig_query_result_measure(r, i);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, veilig_municipality_code(m));
        vg_tb_cell(&tb, veilig_municipality_name(m));
        vg_tb_cell(&tb, veilig_measure_id(ms));
        vg_tb_cell(&tb, veilig_measure_name(ms));
        vg_tb_term(&tb, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms));
        vg_tb_term(&tb, VEILIG_VOCAB_APPROACH, vg_measure_approach(ms));
        vg_buf *b = vg_tb_buf(&tb);
        for (size_t k = 0; k < veilig_measure_target_group_count(ms); k++) {
            vg_put_sep(b, &c);
            vg_put_term(b, &c, VEILIG_VOCAB_TARGET_GROUP, veilig_measure_target_group_code(ms, k));
        }
        vg_tb_put(&tb);
    }
    return vg_tb_finish(&tb, out, len);
}

/* ---- coverage ---- */

int veilig_render_coverage(char **out, size_t *len, const veilig_coverage_result *cov,
                           const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, cov, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_coverage_to_json(out, len, cov);
    veilig_vocab axis = veilig_coverage_axis(cov);
    size_t ncols = veilig_coverage_columns(cov), nrows = veilig_coverage_rows(cov);
    int dots = c.o.format == VEILIG_FORMAT_TEXT;
    vg_tb tb;
    if (vg_tb_init(&tb, &c, ncols + 3) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "municipality", "Code", "Code", 0);
    vg_tb_col(&tb, "municipality_name", "Gemeente", "Municipality", 0);
    for (size_t j = 0; j < ncols; j++) {
        int v = veilig_coverage_column(cov, j);
        const char *label =
            v ? veilig_vocab_label(axis, v, c.o.en ? "en" : "nl") : VG_L(&c.o, "overig", "other");
        vg_tb_col_copy(&tb, veilig_coverage_column_code(cov, j), label, VG_COL_NUMBER);
    }
    vg_tb_col(&tb, "total", "Totaal", "Total", VG_COL_NUMBER);
    for (size_t i = 0; i <= nrows; i++) {
        const veilig_municipality *m = i < nrows ? veilig_coverage_row(cov, i) : NULL;
        vg_tb_row(&tb);
        if (m) {
            vg_tb_cell(&tb, veilig_municipality_code(m));
            vg_tb_cell(&tb, veilig_municipality_name(m));
        } else {
            vg_tb_cell(&tb, c.mach ? "total" : NULL);
            vg_tb_cell(&tb, c.mach ? NULL : VG_L(&c.o, "Totaal", "Total"));
        }
        for (size_t j = 0; j <= ncols; j++) {
            unsigned n = j == ncols
                             ? (m ? veilig_coverage_row_total(cov, i) : veilig_coverage_total(cov))
                         : m ? veilig_coverage_count(cov, i, j)
                             : veilig_coverage_column_total(cov, j);
            if (!n && dots)
                vg_tb_cell(&tb, ".");
            else
                vg_tb_int(&tb, n);
        }
    }
    return vg_tb_finish(&tb, out, len);
}

/* ---- profile ---- */

static const char *vg_gap_code(veilig_gap_kind k) {
    const char *name = veilig_gap_kind_name(k);
    return name ? name : "other";
}

static const char *vg_gap_label(const vg_rc *c, veilig_gap_kind k) {
    switch (k) {
        case VEILIG_GAP_CATEGORY:
            return VG_L(&c->o, "categorie zonder maatregel", "category without a measure");
        case VEILIG_GAP_TARGET_GROUP:
            return VG_L(&c->o, "doelgroep zonder maatregel", "target group without a measure");
        case VEILIG_GAP_NO_INDICATOR:
            return VG_L(&c->o, "maatregel zonder indicator", "measure without an indicator");
        case VEILIG_GAP_NO_EXECUTING_PARTY:
            return VG_L(&c->o, "maatregel zonder uitvoerende partij",
                        "measure without an executing party");
    }
    return "";
}

/* The label of a vocabulary value (0: "overig"/"other"). */
static const char *vg_value_label(const vg_rc *c, veilig_vocab vocab, int v) {
    return v ? veilig_vocab_label(vocab, v, c->o.en ? "en" : "nl") : VG_L(&c->o, "overig", "other");
}

static const char *vg_value_code(veilig_vocab vocab, int v) {
    return v ? veilig_vocab_code(vocab, v) : "other";
}

/* The CSV rendering of a profile: (section, code, label, value) rows. */
static void vg_profile_row(vg_tb *tb, const char *section, const char *code, const char *label,
                           const char *value) {
    vg_tb_row(tb);
    vg_tb_cell(tb, section);
    vg_tb_cell(tb, code);
    vg_tb_cell(tb, label);
    vg_tb_cell(tb, value);
}

static void vg_profile_row_n(vg_tb *tb, const char *section, const char *code, const char *label,
                             unsigned long long n) {
    char buf[24];
    snprintf(buf, sizeof buf, "%llu", n);
    vg_profile_row(tb, section, code, label, buf);
}

static int vg_profile_csv(const vg_rc *c, const veilig_profile_result *p, char **out, size_t *len) {
    vg_tb tb;
    if (vg_tb_init(&tb, c, 4) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "section", "Onderdeel", "Section", 0);
    vg_tb_col(&tb, "code", "Code", "Code", 0);
    vg_tb_col(&tb, "label", "Omschrijving", "Label", 0);
    vg_tb_col(&tb, "value", "Waarde", "Value", 0);
    int na = veilig_vocab_size(VEILIG_VOCAB_APPROACH),
        nc = veilig_vocab_size(VEILIG_VOCAB_CATEGORY);
    for (int v = 1; v <= na + 1; v++) {
        int a = v % (na + 1); /* 1..n, then 0 (unknown codes) */
        unsigned n = veilig_profile_approach_count(p, (veilig_approach)a);
        if (a || n)
            vg_profile_row_n(&tb, "approach", vg_value_code(VEILIG_VOCAB_APPROACH, a),
                             vg_value_label(c, VEILIG_VOCAB_APPROACH, a), n);
    }
    for (int v = 1; v <= nc + 1; v++) {
        int k = v % (nc + 1);
        unsigned n = veilig_profile_category_count(p, (veilig_category)k);
        if (n)
            vg_profile_row_n(&tb, "category", vg_value_code(VEILIG_VOCAB_CATEGORY, k),
                             vg_value_label(c, VEILIG_VOCAB_CATEGORY, k), n);
    }
    for (int v = 1; v <= nc + 1; v++) {
        int k = v % (nc + 1);
        int64_t cents = veilig_profile_category_budget(p, (veilig_category)k);
        if (veilig_profile_category_count(p, (veilig_category)k) && cents > 0) {
            vg_buf *b = vg_tb_buf(&tb);
            vg_put_money(b, c, cents, NULL);
            const char *s = vg_cstr(b);
            vg_profile_row(&tb, "category_budget_eur", vg_value_code(VEILIG_VOCAB_CATEGORY, k),
                           vg_value_label(c, VEILIG_VOCAB_CATEGORY, k), s ? s : "");
        }
    }
    for (size_t i = 0; i < veilig_profile_target_group_count(p); i++) {
        const char *code = veilig_profile_target_group_code(p, i);
        vg_profile_row_n(&tb, "target_group", code,
                         vg_label(&c->o, VEILIG_VOCAB_TARGET_GROUP, code),
                         veilig_profile_target_group_measures(p, i));
    }
    for (size_t i = 0; i < veilig_profile_target_group_count(p); i++) {
        const char *code = veilig_profile_target_group_code(p, i);
        vg_profile_row_n(&tb, "target_group_in_scope", code,
                         vg_label(&c->o, VEILIG_VOCAB_TARGET_GROUP, code),
                         veilig_profile_target_group_in_scope(p, i) ? 1 : 0);
    }
    for (size_t i = 0; i < veilig_profile_stakeholder_count(p); i++) {
        const veilig_stakeholder *s = veilig_profile_stakeholder(p, i);
        vg_profile_row_n(&tb, "stakeholder", veilig_stakeholder_id(s), veilig_stakeholder_name(s),
                         veilig_profile_stakeholder_measures(p, i));
    }
    for (size_t i = 0; i < veilig_profile_gap_count(p); i++) {
        veilig_gap_kind k = veilig_profile_gap_kind(p, i);
        const veilig_measure *ms = veilig_profile_gap_measure(p, i);
        const char *code = veilig_profile_gap_code(p, i);
        if (ms)
            vg_profile_row(&tb, "gap", veilig_measure_id(ms), veilig_measure_name(ms),
                           vg_gap_code(k));
        else
            vg_profile_row(&tb, "gap", code,
                           vg_label(&c->o,
                                    k == VEILIG_GAP_CATEGORY ? VEILIG_VOCAB_CATEGORY
                                                             : VEILIG_VOCAB_TARGET_GROUP,
                                    code),
                           vg_gap_code(k));
    }
    return vg_tb_finish(&tb, out, len);
}

/* A section of a document: a heading, then its table (or "(geen)"). */
static void vg_d_section(vg_doc *d, const char *title_nl, const char *title_en, vg_tb *tb) {
    vg_d_heading(d, 2, VG_L(&d->c->o, title_nl, title_en));
    if (tb->t.nrows || tb->t.failed) {
        vg_d_table(d, tb); /* a failed table fails the document */
    } else {
        vg_tb_free(tb);
        if (d->md) /* the library's own Markdown: written as it is */
            vg_buf_puts(d->b, VG_L(&d->c->o, "*Geen.*\n\n", "*None.*\n\n"));
        else
            vg_d_para(d, VG_L(&d->c->o, "(geen)", "(none)"), 0);
    }
}

int veilig_render_profile(char **out, size_t *len, const veilig_profile_result *p,
                          const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, p, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_profile_to_json(out, len, p);
    if (c.o.format == VEILIG_FORMAT_CSV)
        return vg_profile_csv(&c, p, out, len);

    const veilig_municipality *m = veilig_profile_municipality(p);
    vg_buf b;
    vg_buf_init(&b);
    vg_doc d = {&b, &c, c.o.format == VEILIG_FORMAT_MARKDOWN, {NULL, 0, 0, 0}};
    vg_buf_init(&d.t);
    vg_buf *t = vg_d_t(&d);
    vg_buf_printf(t, "%s: %s (%s)", VG_L(&c.o, "Profiel", "Profile"), veilig_municipality_name(m),
                  veilig_municipality_code(m));
    vg_d_heading(&d, 1, vg_cstr(t));

    vg_tb tb;
    int na = veilig_vocab_size(VEILIG_VOCAB_APPROACH),
        nc = veilig_vocab_size(VEILIG_VOCAB_CATEGORY);
    if (vg_tb_init(&tb, &c, 2) != VEILIG_OK)
        goto nomem;
    vg_tb_col(&tb, "approach", "Aanpak", "Approach", 0);
    vg_tb_col(&tb, "measures", "Maatregelen", "Measures", VG_COL_NUMBER);
    for (int v = 1; v <= na + 1; v++) {
        int a = v % (na + 1);
        unsigned n = veilig_profile_approach_count(p, (veilig_approach)a);
        if (!a && !n)
            continue;
        vg_tb_row(&tb);
        vg_tb_cell(&tb, vg_value_label(&c, VEILIG_VOCAB_APPROACH, a));
        vg_tb_int(&tb, n);
    }
    vg_d_section(&d, "Per aanpak", "By approach", &tb);

    if (vg_tb_init(&tb, &c, 3) != VEILIG_OK)
        goto nomem;
    vg_tb_col(&tb, "category", "Categorie", "Category", 0);
    vg_tb_col(&tb, "measures", "Maatregelen", "Measures", VG_COL_NUMBER);
    vg_tb_col(&tb, "budget", "Budget", "Budget", VG_COL_NUMBER);
    for (int v = 1; v <= nc + 1; v++) {
        int k = v % (nc + 1);
        unsigned n = veilig_profile_category_count(p, (veilig_category)k);
        if (!n)
            continue;
        int64_t cents = veilig_profile_category_budget(p, (veilig_category)k);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, vg_value_label(&c, VEILIG_VOCAB_CATEGORY, k));
        vg_tb_int(&tb, n);
        vg_buf *cb = vg_tb_buf(&tb);
        if (cents > 0)
            vg_put_money(cb, &c, cents, NULL);
        vg_tb_put(&tb);
    }
    vg_d_section(&d, "Per categorie", "By category", &tb);

    if (vg_tb_init(&tb, &c, 3) != VEILIG_OK)
        goto nomem;
    vg_tb_col(&tb, "target_group", "Doelgroep", "Target group", 0);
    vg_tb_col(&tb, "in_scope", "In reikwijdte", "In scope", 0);
    vg_tb_col(&tb, "measures", "Maatregelen", "Measures", VG_COL_NUMBER);
    for (size_t i = 0; i < veilig_profile_target_group_count(p); i++) {
        vg_tb_row(&tb);
        vg_tb_term(&tb, VEILIG_VOCAB_TARGET_GROUP, veilig_profile_target_group_code(p, i));
        vg_tb_cell(&tb, veilig_profile_target_group_in_scope(p, i) ? VG_L(&c.o, "ja", "yes")
                                                                   : VG_L(&c.o, "nee", "no"));
        vg_tb_int(&tb, veilig_profile_target_group_measures(p, i));
    }
    vg_d_section(&d, "Doelgroepen", "Target groups", &tb);

    if (vg_tb_init(&tb, &c, 3) != VEILIG_OK)
        goto nomem;
    vg_tb_col(&tb, "stakeholder", "Partij", "Stakeholder", 0);
    vg_tb_col(&tb, "kind", "Soort", "Kind", 0);
    vg_tb_col(&tb, "measures", "Maatregelen", "Measures", VG_COL_NUMBER);
    for (size_t i = 0; i < veilig_profile_stakeholder_count(p); i++) {
        const veilig_stakeholder *s = veilig_profile_stakeholder(p, i);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, veilig_stakeholder_name(s));
        vg_tb_term(&tb, VEILIG_VOCAB_STAKEHOLDER_TYPE, veilig_stakeholder_kind_code(s));
        vg_tb_int(&tb, veilig_profile_stakeholder_measures(p, i));
    }
    vg_d_section(&d, "Betrokken partijen", "Stakeholders", &tb);

    if (vg_tb_init(&tb, &c, 2) != VEILIG_OK)
        goto nomem;
    vg_tb_col(&tb, "gap", "Hiaat", "Gap", 0);
    vg_tb_col(&tb, "subject", "Betreft", "Subject", 0);
    for (size_t i = 0; i < veilig_profile_gap_count(p); i++) {
        veilig_gap_kind k = veilig_profile_gap_kind(p, i);
        const veilig_measure *ms = veilig_profile_gap_measure(p, i);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, vg_gap_label(&c, k));
        if (ms)
            vg_tb_cell(&tb, veilig_measure_name(ms));
        else
            vg_tb_term(&tb,
                       k == VEILIG_GAP_CATEGORY ? VEILIG_VOCAB_CATEGORY : VEILIG_VOCAB_TARGET_GROUP,
                       veilig_profile_gap_code(p, i));
    }
    vg_d_section(&d, "Hiaten", "Gaps", &tb);
    return vg_doc_finish(&d, out, len);
nomem:
    vg_buf_free(&d.t);
    vg_buf_free(&b);
    return VEILIG_ENOMEM;
}

/* ---- comparison ---- */

static const char *vg_dimension_label(const vg_rc *c, veilig_vocab v) {
    switch (v) {
        case VEILIG_VOCAB_CATEGORY:
            return VG_L(&c->o, "Categorie", "Category");
        case VEILIG_VOCAB_APPROACH:
            return VG_L(&c->o, "Aanpak", "Approach");
        case VEILIG_VOCAB_TARGET_GROUP:
            return VG_L(&c->o, "Doelgroep", "Target group");
        case VEILIG_VOCAB_SETTING:
            return VG_L(&c->o, "Domein", "Setting");
        case VEILIG_VOCAB_STAKEHOLDER_TYPE:
            return VG_L(&c->o, "Soort partij", "Stakeholder kind");
        default:
            return veilig_vocab_name(v);
    }
}

int veilig_render_comparison(char **out, size_t *len, const veilig_comparison *cmp,
                             const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, cmp, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_comparison_to_json(out, len, cmp);
    const veilig_municipality *ma = veilig_comparison_municipality(cmp, 0);
    const veilig_municipality *mb = veilig_comparison_municipality(cmp, 1);
    const char *a = ma ? veilig_municipality_code(ma) : NULL;
    const char *bcode = mb ? veilig_municipality_code(mb) : NULL;
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 4) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "dimension", "Dimensie", "Dimension", 0);
    vg_tb_col(&tb, "code", "Waarde", "Value", 0);
    vg_tb_col_copy(&tb, "a", a ? a : "a", VG_COL_NUMBER);
    vg_tb_col_copy(&tb, "b", bcode ? bcode : "b", VG_COL_NUMBER);
    for (size_t i = 0; i < veilig_comparison_count(cmp); i++) {
        veilig_vocab v = veilig_comparison_vocab(cmp, i);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, c.mach ? veilig_vocab_name(v) : vg_dimension_label(&c, v));
        vg_tb_term(&tb, v, veilig_comparison_code(cmp, i));
        vg_tb_int(&tb, veilig_comparison_a(cmp, i));
        vg_tb_int(&tb, veilig_comparison_b(cmp, i));
    }
    return vg_tb_finish(&tb, out, len);
}

/* ---- peers ---- */

int veilig_render_peers(char **out, size_t *len, const veilig_peers_result *p,
                        const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, p, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_peers_to_json(out, len, p);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 7) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "subject", "Gemeente", "Municipality", 0);
    vg_tb_col(&tb, "subject_name", "", "", VG_MACHINE);
    vg_tb_col(&tb, "rank", "Rang", "Rank", VG_COL_NUMBER);
    vg_tb_col(&tb, "peer", "Vergelijkbare gemeente", "Peer", 0);
    vg_tb_col(&tb, "peer_name", "", "", VG_MACHINE);
    vg_tb_col(&tb, "similarity", "Gelijkenis", "Similarity", VG_COL_NUMBER);
    vg_tb_col(&tb, "suggestions", "Suggesties", "Suggestions", 0);
    for (size_t i = 0; i < veilig_peers_count(p); i++) {
        const veilig_municipality *s = veilig_peers_subject(p, i), *q = veilig_peers_peer(p, i);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, c.mach ? veilig_municipality_code(s) : veilig_municipality_name(s));
        vg_tb_cell(&tb, veilig_municipality_name(s));
        vg_tb_int(&tb, (long long)veilig_peers_rank(p, i));
        vg_tb_cell(&tb, c.mach ? veilig_municipality_code(q) : veilig_municipality_name(q));
        vg_tb_cell(&tb, veilig_municipality_name(q));
        vg_put_fixed(vg_tb_buf(&tb), &c, veilig_peers_similarity(p, i), 4);
        vg_tb_put(&tb);
        vg_buf *b = vg_tb_buf(&tb);
        for (size_t k = 0; k < veilig_peers_suggestion_count(p, i); k++) {
            const veilig_measure *ms = veilig_peers_suggestion(p, i, k);
            if (b->len)
                vg_buf_puts(b, c.mach ? ";" : "; ");
            vg_buf_puts(b, c.mach ? veilig_measure_id(ms) : veilig_measure_name(ms));
        }
        vg_tb_put(&tb);
    }
    return vg_tb_finish(&tb, out, len);
}

/* ---- differences, with personal contacts filtered out of the values ---- */

/* What a diff row's value may hold of contacts, by its pointer. */
enum {
    VG_DV_PLAIN,        /* no contacts */
    VG_DV_MUNICIPALITY, /* a whole municipality: filter its "contacts" */
    VG_DV_CONTACTS,     /* the contacts list: filter it */
    VG_DV_CONTACT,      /* one contact: left out when personal */
    VG_DV_FIELD         /* a field of a contact that may be personal: left out */
};

/* Member key of object o, or NULL. */
static const vg_jnode *vg_jget(const vg_jnode *o, const char *key) {
    const vg_jmember *mb = o && o->type == VG_JOBJECT ? vg_json_get(o, key) : NULL;
    return mb ? &mb->value : NULL;
}

/* The kind of value at pointer (into a document: /municipalities/N/...). */
static int vg_dv_kind(const char *pointer) {
    const char *seg[6];
    size_t segl[6], n = 0;
    const char *p = pointer ? pointer : "";
    while (*p == '/' && n < 6) {
        const char *s = ++p;
        while (*p && *p != '/')
            p++;
        seg[n] = s;
        segl[n++] = (size_t)(p - s);
    }
    if (n < 2 || segl[0] != 14 || strncmp(seg[0], "municipalities", 14) != 0)
        return VG_DV_PLAIN;
    if (n == 2)
        return VG_DV_MUNICIPALITY;
    if (segl[2] != 8 || strncmp(seg[2], "contacts", 8) != 0)
        return VG_DV_PLAIN;
    if (n == 3)
        return VG_DV_CONTACTS;
    if (n == 4)
        return VG_DV_CONTACT;
    /* fields that never hold personal data */
    static const char *const safe[] = {"stakeholder", "role", "personal"};
    for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
        if (n == 5 && segl[4] == strlen(safe[i]) && strncmp(seg[4], safe[i], segl[4]) == 0)
            return VG_DV_PLAIN;
    return VG_DV_FIELD;
}

static int vg_is_personal(const vg_jnode *n) {
    const vg_jnode *v = vg_jget(n, "personal");
    return v && v->type == VG_JTRUE;
}

/* Writes node without personal contacts (kind: VG_DV_MUNICIPALITY or VG_DV_CONTACTS). */
static void vg_jw_redacted(vg_jwriter *w, const vg_jnode *n, int kind) {
    if (kind == VG_DV_MUNICIPALITY && n->type == VG_JOBJECT) {
        vg_jw_begin_object(w);
        for (uint32_t i = 0; i < n->len; i++) {
            const vg_jmember *mb = &n->u.members[i];
            vg_jw_key(w, mb->key);
            vg_jw_redacted(w, &mb->value,
                           strcmp(mb->key, "contacts") == 0 ? VG_DV_CONTACTS : VG_DV_PLAIN);
        }
        vg_jw_end_object(w);
    } else if (kind == VG_DV_CONTACTS && n->type == VG_JARRAY) {
        vg_jw_begin_array(w);
        for (uint32_t i = 0; i < n->len; i++)
            if (!vg_is_personal(&n->u.items[i]))
                vg_jw_node(w, &n->u.items[i]);
        vg_jw_end_array(w);
    } else {
        vg_jw_node(w, n);
    }
}

/* A diff value as it may be shown. */
typedef struct vg_dval {
    const char *text;     /* the value to show (compact JSON), or NULL */
    int left_out;         /* 0, or 1 (a personal contact) or 2 (a contact's field) */
    const vg_jnode *node; /* parsed, when parsed */
} vg_dval;

/* Decides how value text (at pointer) is shown; a rewritten text goes to arena. */
static int vg_dval_get(vg_dval *dv, vg_arena *arena, const char *pointer, const char *text,
                       int keep_personal) {
    dv->text = text;
    dv->left_out = 0;
    dv->node = NULL;
    if (!text || keep_personal)
        return VEILIG_OK;
    int kind = vg_dv_kind(pointer);
    if (kind == VG_DV_PLAIN)
        return VEILIG_OK;
    if (kind == VG_DV_FIELD) {
        dv->text = NULL;
        dv->left_out = 2;
        return VEILIG_OK;
    }
    vg_jnode *root = NULL;
    int rc = vg_json_parse(&root, arena, text, strlen(text), NULL, NULL);
    if (rc == VEILIG_ENOMEM)
        return rc;
    if (rc != VEILIG_OK) { /* cannot tell: leave it out */
        dv->text = NULL;
        dv->left_out = 2;
        return VEILIG_OK;
    }
    dv->node = root;
    if (kind == VG_DV_CONTACT) {
        if (vg_is_personal(root)) {
            dv->text = NULL;
            dv->left_out = 1;
        }
        return VEILIG_OK;
    }
    if (!strstr(text, "\"personal\""))
        return VEILIG_OK;
    vg_buf b;
    vg_jwriter w;
    vg_buf_init(&b);
    vg_jw_init(&w, &b, VG_JW_COMPACT);
    vg_jw_redacted(&w, root, kind);
    const char *s = vg_cstr(&b);
    dv->text = b.failed ? NULL : vg_arena_strdup(arena, s);
    vg_buf_free(&b);
    return dv->text ? VEILIG_OK : VEILIG_ENOMEM;
}

static const char *vg_left_out_text(const vg_rc *c, int why) {
    return why == 1 ? VG_L(&c->o, "[persoonsgegevens weggelaten]", "[personal data left out]")
                    : VG_L(&c->o, "[contactgegevens weggelaten]", "[contact details left out]");
}

static const char *vg_change_code(veilig_change ch) {
    return ch == VEILIG_CHANGE_ADDED     ? "added"
           : ch == VEILIG_CHANGE_REMOVED ? "removed"
                                         : "changed";
}

/* The JSON of a diff with personal contacts left out: veilig_diff_to_json's layout,
   and "left_out": "personal_data" / "contact_details" instead of a value left out. */
static int vg_diff_json(const veilig_diff_result *df, char **out, size_t *len) {
    vg_arena arena;
    vg_arena_init(&arena, 4096);
    vg_buf b;
    vg_jwriter w;
    vg_buf_init(&b);
    vg_jw_init(&w, &b, 0);
    vg_jw_begin_array(&w);
    int rc = VEILIG_OK;
    for (size_t i = 0; i < veilig_diff_count(df) && rc == VEILIG_OK; i++) {
        const char *ptr = veilig_diff_pointer(df, i);
        const char *texts[2] = {veilig_diff_old(df, i), veilig_diff_new(df, i)};
        static const char *const keys[2] = {"old", "new"};
        vg_dval dv[2];
        for (int k = 0; k < 2 && rc == VEILIG_OK; k++)
            rc = vg_dval_get(&dv[k], &arena, ptr, texts[k], 0);
        if (rc != VEILIG_OK)
            break;
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "change");
        vg_jw_cstring(&w, vg_change_code(veilig_diff_change(df, i)));
        vg_jw_key(&w, "municipality");
        vg_jw_cstring(&w, veilig_diff_municipality(df, i));
        if (veilig_diff_measure(df, i)) {
            vg_jw_key(&w, "measure");
            vg_jw_cstring(&w, veilig_diff_measure(df, i));
        }
        vg_jw_key(&w, "pointer");
        vg_jw_cstring(&w, ptr);
        int left_out = 0;
        for (int k = 0; k < 2; k++) {
            if (!texts[k])
                continue;
            if (dv[k].left_out) {
                left_out = dv[k].left_out;
                continue;
            }
            const vg_jnode *node = dv[k].node;
            vg_jnode *parsed = NULL;
            if (dv[k].text != texts[k] || !node) {
                rc = vg_json_parse(&parsed, &arena, dv[k].text, strlen(dv[k].text), NULL, NULL);
                if (rc != VEILIG_OK) {
                    rc = rc == VEILIG_ENOMEM ? rc : VEILIG_EINVAL;
                    break;
                }
                node = parsed;
            }
            vg_jw_key(&w, keys[k]);
            vg_jw_node(&w, node);
        }
        if (left_out) {
            vg_jw_key(&w, "left_out");
            vg_jw_cstring(&w, left_out == 1 ? "personal_data" : "contact_details");
        }
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_buf_putc(&b, '\n');
    vg_arena_free(&arena);
    if (rc != VEILIG_OK) {
        vg_buf_free(&b);
        return rc;
    }
    return vg_finish_buf(&b, out, len);
}

/* Whether a row of the diff has a value to leave out or filter. */
static int vg_diff_touches_contacts(const veilig_diff_result *df) {
    for (size_t i = 0; i < veilig_diff_count(df); i++) {
        int kind = vg_dv_kind(veilig_diff_pointer(df, i));
        const char *o = veilig_diff_old(df, i), *n = veilig_diff_new(df, i);
        if (kind == VG_DV_FIELD || kind == VG_DV_CONTACT)
            return 1;
        if (kind != VG_DV_PLAIN &&
            ((o && strstr(o, "\"personal\"")) || (n && strstr(n, "\"personal\""))))
            return 1;
    }
    return 0;
}

int veilig_render_diff(char **out, size_t *len, const veilig_diff_result *df,
                       const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, df, opts);
    if (rc != VEILIG_OK)
        return rc;
    int keep = (c.o.flags & VEILIG_REPORT_INCLUDE_PERSONAL) != 0;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return keep || !vg_diff_touches_contacts(df) ? veilig_diff_to_json(out, len, df)
                                                     : vg_diff_json(df, out, len);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 6) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "change", "Wijziging", "Change", 0);
    vg_tb_col(&tb, "municipality", "Gemeente", "Municipality", 0);
    vg_tb_col(&tb, "measure", "Maatregel", "Measure", 0);
    vg_tb_col(&tb, "pointer", "Pointer", "Pointer", 0);
    vg_tb_col(&tb, "old", "Oud", "Old", 0);
    vg_tb_col(&tb, "new", "Nieuw", "New", 0);
    vg_arena arena;
    vg_arena_init(&arena, 4096);
    for (size_t i = 0; i < veilig_diff_count(df) && rc == VEILIG_OK; i++) {
        veilig_change ch = veilig_diff_change(df, i);
        const char *ptr = veilig_diff_pointer(df, i);
        vg_tb_row(&tb);
        if (c.mach)
            vg_tb_cell(&tb, vg_change_code(ch));
        else
            vg_tb_cell(&tb, ch == VEILIG_CHANGE_ADDED     ? VG_L(&c.o, "toegevoegd", "added")
                            : ch == VEILIG_CHANGE_REMOVED ? VG_L(&c.o, "verwijderd", "removed")
                                                          : VG_L(&c.o, "gewijzigd", "changed"));
        vg_tb_cell(&tb, veilig_diff_municipality(df, i));
        vg_tb_cell(&tb, veilig_diff_measure(df, i));
        vg_tb_cell(&tb, ptr);
        const char *texts[2] = {veilig_diff_old(df, i), veilig_diff_new(df, i)};
        for (int k = 0; k < 2; k++) {
            vg_dval dv;
            rc = vg_dval_get(&dv, &arena, ptr, texts[k], keep);
            if (rc != VEILIG_OK)
                break;
            const char *s = dv.left_out ? vg_left_out_text(&c, dv.left_out) : dv.text;
            if (s && c.o.format == VEILIG_FORMAT_TEXT) {
                vg_put_cut(vg_tb_buf(&tb), s, 60);
                vg_tb_put(&tb);
            } else {
                vg_tb_cell(&tb, s);
            }
        }
        vg_arena_free(&arena);
        vg_arena_init(&arena, 4096);
    }
    vg_arena_free(&arena);
    if (rc != VEILIG_OK) {
        vg_tb_free(&tb);
        return rc;
    }
    return vg_tb_finish(&tb, out, len);
}

/* ---- schedule ---- */

int veilig_render_schedule(char **out, size_t *len, const veilig_schedule_result *s,
                           const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, s, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_schedule_to_json(out, len, s);
    static const char *const hours[24] = {"0",  "1",  "2",  "3",  "4",  "5",  "6",  "7",
                                          "8",  "9",  "10", "11", "12", "13", "14", "15",
                                          "16", "17", "18", "19", "20", "21", "22", "23"};
    static const char *const keys[24] = {"h00", "h01", "h02", "h03", "h04", "h05", "h06", "h07",
                                         "h08", "h09", "h10", "h11", "h12", "h13", "h14", "h15",
                                         "h16", "h17", "h18", "h19", "h20", "h21", "h22", "h23"};
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 25) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "day", "Dag", "Day", 0);
    for (int h = 0; h < 24; h++)
        vg_tb_col(&tb, keys[h], hours[h], hours[h], VG_COL_NUMBER);
    int dots = c.o.format == VEILIG_FORMAT_TEXT;
    for (int d = VEILIG_DAY_MON; d <= VEILIG_DAY_SUN; d++) {
        vg_tb_row(&tb);
        vg_tb_cell(&tb, vg_day(&c, veilig_day_code((veilig_day)d)));
        for (int h = 0; h < 24; h++) {
            unsigned n = veilig_schedule_slot(s, (veilig_day)d, h);
            if (!n && dots)
                vg_tb_cell(&tb, ".");
            else
                vg_tb_int(&tb, n);
        }
    }
    if (c.o.format == VEILIG_FORMAT_CSV)
        return vg_tb_finish(&tb, out, len);

    /* Text and Markdown: a title, the grid and the window's coverage. */
    const veilig_municipality *m = veilig_schedule_municipality(s);
    unsigned days = 0;
    int from = 0, to = 0;
    veilig_schedule_window(&days, &from, &to, s);
    vg_buf b;
    vg_buf_init(&b);
    vg_doc d = {&b, &c, c.o.format == VEILIG_FORMAT_MARKDOWN, {NULL, 0, 0, 0}};
    vg_buf_init(&d.t);
    vg_buf *t = vg_d_t(&d);
    const char *name = m ? veilig_municipality_name(m) : NULL;
    const char *code = m ? veilig_municipality_code(m) : NULL;
    vg_buf_printf(t, "%s: %s (%s)", VG_L(&c.o, "Weekrooster", "Weekly schedule"), name ? name : "",
                  code ? code : "");
    vg_d_heading(&d, 1, vg_cstr(t));
    vg_d_table(&d, &tb);

    t = vg_d_t(&d);
    vg_buf_puts(t, VG_L(&c.o, "Venster", "Window"));
    for (int k = 0, n = 0; k < 7; k++) {
        if (!(days & (1u << k)))
            continue;
        vg_buf_puts(t, n++ ? ", " : " ");
        vg_buf_puts(t, vg_day(&c, veilig_day_code((veilig_day)(k + 1))));
    }
    vg_buf_putc(t, ' ');
    vg_put_time(t, from);
    vg_buf_putc(t, '-');
    vg_put_time(t, to);
    vg_buf_puts(t, ": ");
    vg_put_percent(t, &c, veilig_schedule_window_share(s));
    vg_buf_printf(t,
                  c.o.en ? " covered (%u of %u minutes); %zu %s with a schedule."
                         : " gedekt (%u van %u minuten); %zu %s met een rooster.",
                  veilig_schedule_covered_minutes(s), veilig_schedule_window_minutes(s),
                  veilig_schedule_measure_count(s),
                  veilig_schedule_measure_count(s) == 1 ? VG_L(&c.o, "maatregel", "measure")
                                                        : VG_L(&c.o, "maatregelen", "measures"));
    vg_d_para(&d, vg_cstr(t), 0);
    return vg_doc_finish(&d, out, len);
}

/* ---- indicator progress ---- */

static const char *vg_track_label(const vg_rc *c, veilig_track tr) {
    switch (tr) {
        case VEILIG_TRACK_ACHIEVED:
            return VG_L(&c->o, "bereikt", "achieved");
        case VEILIG_TRACK_ON_TRACK:
            return VG_L(&c->o, "op koers", "on track");
        case VEILIG_TRACK_OFF_TRACK:
            return VG_L(&c->o, "niet op koers", "off track");
        default:
            return VG_L(&c->o, "onbekend", "unknown");
    }
}

int veilig_render_progress(char **out, size_t *len, const veilig_progress_result *p,
                           const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, p, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_progress_to_json(out, len, p);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 15) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "indicator", "", "", VG_MACHINE);
    vg_tb_col(&tb, "name", "Indicator", "Indicator", 0);
    vg_tb_col(&tb, "unit", "Eenheid", "Unit", 0);
    vg_tb_col(&tb, "baseline", "Nulmeting", "Baseline", VG_HUMAN | VG_COL_NUMBER);
    vg_tb_col(&tb, "baseline_date", "", "", VG_MACHINE);
    vg_tb_col(&tb, "baseline_value", "", "", VG_MACHINE | VG_COL_NUMBER);
    vg_tb_col(&tb, "target", "Doel", "Target", VG_HUMAN | VG_COL_NUMBER);
    vg_tb_col(&tb, "target_date", "", "", VG_MACHINE);
    vg_tb_col(&tb, "target_value", "", "", VG_MACHINE | VG_COL_NUMBER);
    vg_tb_col(&tb, "latest", "Laatste meting", "Latest", VG_HUMAN | VG_COL_NUMBER);
    vg_tb_col(&tb, "latest_date", "", "", VG_MACHINE);
    vg_tb_col(&tb, "latest_value", "", "", VG_MACHINE | VG_COL_NUMBER);
    vg_tb_col(&tb, "progress_percent", "Voortgang", "Progress", VG_COL_NUMBER);
    vg_tb_col(&tb, "projection", "Prognose", "Projection", VG_COL_NUMBER);
    vg_tb_col(&tb, "track", "Koers", "Track", 0);
    for (size_t i = 0; i < veilig_progress_count(p); i++) {
        const veilig_indicator *ind = veilig_progress_indicator(p, i);
        veilig_date date;
        double v;
        int hv, hd;
        vg_tb_row(&tb);
        vg_tb_cell(&tb, veilig_indicator_id(ind));
        vg_tb_cell(&tb, veilig_indicator_name(ind));
        vg_tb_term(&tb, VEILIG_VOCAB_UNIT, veilig_indicator_unit_code(ind));
        for (int k = 0; k < 3; k++) {
            if (k == 0) {
                hv = veilig_indicator_baseline_value(&v, ind) == VEILIG_OK;
                hd = veilig_indicator_baseline_date(&date, ind) == VEILIG_OK;
            } else if (k == 1) {
                hv = veilig_indicator_target_value(&v, ind) == VEILIG_OK;
                hd = veilig_indicator_target_date(&date, ind) == VEILIG_OK;
            } else {
                hv = hd = veilig_progress_latest(&v, &date, p, i) == VEILIG_OK;
            }
            vg_put_dated(vg_tb_buf(&tb), &c, hv, v, hd, &date);
            vg_tb_put(&tb);
            vg_tb_date(&tb, hd, &date);
            vg_buf *b = vg_tb_buf(&tb);
            if (hv)
                vg_put_value(b, &c, v);
            vg_tb_put(&tb);
        }
        vg_buf *b = vg_tb_buf(&tb);
        if (veilig_progress_fraction(&v, p, i) == VEILIG_OK)
            vg_put_percent(b, &c, v);
        vg_tb_put(&tb);
        b = vg_tb_buf(&tb);
        if (veilig_progress_projection(&v, p, i) == VEILIG_OK)
            vg_put_fixed(b, &c, v, c.mach ? 2 : 1);
        vg_tb_put(&tb);
        veilig_track tr = veilig_progress_track(p, i);
        vg_tb_cell(&tb, c.mach ? veilig_track_name(tr) : vg_track_label(&c, tr));
    }
    return vg_tb_finish(&tb, out, len);
}

/* ---- diagnostics ---- */

int veilig_render_diagnostics(char **out, size_t *len, const veilig_diagnostics *dg,
                              const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, dg, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_diagnostics_to_json(out, len, dg);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 4) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "severity", "Ernst", "Severity", 0);
    vg_tb_col(&tb, "rule", "Regel", "Rule", 0);
    vg_tb_col(&tb, "pointer", "Pointer", "Pointer", 0);
    vg_tb_col(&tb, "message", "Melding", "Message", 0);
    for (size_t i = 0; i < veilig_diagnostics_count(dg); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(dg, i);
        const char *sev = veilig_severity_name(x->severity);
        if (!c.mach)
            sev = x->severity == VEILIG_SEVERITY_ERROR     ? VG_L(&c.o, "fout", "error")
                  : x->severity == VEILIG_SEVERITY_WARNING ? VG_L(&c.o, "waarschuwing", "warning")
                                                           : VG_L(&c.o, "info", "info");
        vg_tb_row(&tb);
        vg_tb_cell(&tb, sev);
        vg_tb_cell(&tb, x->rule);
        vg_tb_cell(&tb, x->pointer);
        vg_tb_cell(&tb, x->message);
    }
    return vg_tb_finish(&tb, out, len);
}

/* ---- flat tables ---- */

static const char *const vg_table_names[] = {NULL, "measures", "stakeholders", "indicators"};

const char *veilig_table_name(veilig_table table) {
    return table >= VEILIG_TABLE_MEASURES && table <= VEILIG_TABLE_INDICATORS
               ? vg_table_names[table]
               : NULL;
}

veilig_table veilig_table_from_name(const char *name) {
    for (int i = VEILIG_TABLE_MEASURES; name && i <= VEILIG_TABLE_INDICATORS; i++)
        if (strcmp(vg_table_names[i], name) == 0)
            return (veilig_table)i;
    return (veilig_table)0;
}

/* Measures of m that name stakeholder id as a partner (each measure once). */
static long long vg_partner_measures(const veilig_municipality *m, const char *id) {
    long long n = 0;
    for (size_t i = 0; i < veilig_municipality_measure_count(m); i++) {
        const veilig_measure *ms = veilig_municipality_measure(m, i);
        for (size_t k = 0; k < veilig_measure_partner_count(ms); k++) {
            const char *sid = veilig_partner_stakeholder(veilig_measure_partner(ms, k));
            if (sid && strcmp(sid, id) == 0) {
                n++;
                break;
            }
        }
    }
    return n;
}

static void vg_export_stakeholders(vg_tb *tb, const veilig_registry *reg) {
    const vg_rc *c = tb->c;
    vg_tb_col(tb, "municipality", "Gemeente", "Municipality", 0);
    vg_tb_col(tb, "stakeholder", "Id", "Id", 0);
    vg_tb_col(tb, "name", "Naam", "Name", 0);
    vg_tb_col(tb, "kind", "Soort", "Kind", 0);
    vg_tb_col(tb, "roles", "Rollen", "Roles", 0);
    vg_tb_col(tb, "parent", "Onderdeel van", "Part of", 0);
    vg_tb_col(tb, "measures", "Maatregelen", "Measures", VG_COL_NUMBER);
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        for (size_t k = 0; k < veilig_municipality_stakeholder_count(m); k++) {
            const veilig_stakeholder *s = veilig_municipality_stakeholder(m, k);
            vg_tb_row(tb);
            vg_tb_cell(tb, veilig_municipality_code(m));
            vg_tb_cell(tb, veilig_stakeholder_id(s));
            vg_tb_cell(tb, veilig_stakeholder_name(s));
            vg_tb_term(tb, VEILIG_VOCAB_STAKEHOLDER_TYPE, veilig_stakeholder_kind_code(s));
            vg_buf *b = vg_tb_buf(tb);
            for (size_t r = 0; r < veilig_stakeholder_role_count(s); r++) {
                vg_put_sep(b, c);
                vg_put_term(b, c, VEILIG_VOCAB_ROLE, veilig_stakeholder_role_code(s, r));
            }
            vg_tb_put(tb);
            const char *pid = veilig_stakeholder_parent(s);
            const veilig_stakeholder *p =
                c->mach ? NULL : veilig_municipality_find_stakeholder(m, pid);
            vg_tb_cell(tb, p ? veilig_stakeholder_name(p) : pid);
            vg_tb_int(tb, vg_partner_measures(m, veilig_stakeholder_id(s)));
        }
    }
}

static void vg_export_indicators(vg_tb *tb, const veilig_registry *reg) {
    const vg_rc *c = tb->c;
    vg_tb_col(tb, "municipality", "Gemeente", "Municipality", 0);
    vg_tb_col(tb, "indicator", "Id", "Id", 0);
    vg_tb_col(tb, "name", "Indicator", "Indicator", 0);
    vg_tb_col(tb, "level", "Niveau", "Level", 0);
    vg_tb_col(tb, "unit", "Eenheid", "Unit", 0);
    vg_tb_col(tb, "direction", "Richting", "Direction", 0);
    vg_tb_col(tb, "baseline_date", "Datum nulmeting", "Baseline date", 0);
    vg_tb_col(tb, "baseline_value", "Nulmeting", "Baseline", VG_COL_NUMBER);
    vg_tb_col(tb, "target_date", "Datum doel", "Target date", 0);
    vg_tb_col(tb, "target_value", "Doel", "Target", VG_COL_NUMBER);
    vg_tb_col(tb, "observation_date", "Datum meting", "Observation date", 0);
    vg_tb_col(tb, "observation_value", "Meting", "Observation", VG_COL_NUMBER);
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        for (size_t k = 0; k < veilig_municipality_indicator_count(m); k++) {
            const veilig_indicator *ind = veilig_municipality_indicator(m, k);
            size_t nobs = veilig_indicator_observation_count(ind);
            for (size_t o = 0; o < (nobs ? nobs : 1); o++) {
                veilig_date date;
                double v;
                vg_buf *b;
                vg_tb_row(tb);
                vg_tb_cell(tb, veilig_municipality_code(m));
                vg_tb_cell(tb, veilig_indicator_id(ind));
                vg_tb_cell(tb, veilig_indicator_name(ind));
                vg_tb_term(tb, VEILIG_VOCAB_RESULT_LEVEL, veilig_indicator_level_code(ind));
                vg_tb_term(tb, VEILIG_VOCAB_UNIT, veilig_indicator_unit_code(ind));
                vg_tb_term(tb, VEILIG_VOCAB_DIRECTION, veilig_indicator_direction_code(ind));
                vg_tb_date(tb, veilig_indicator_baseline_date(&date, ind) == VEILIG_OK, &date);
                b = vg_tb_buf(tb);
                if (veilig_indicator_baseline_value(&v, ind) == VEILIG_OK)
                    vg_put_value(b, c, v);
                vg_tb_put(tb);
                vg_tb_date(tb, veilig_indicator_target_date(&date, ind) == VEILIG_OK, &date);
                b = vg_tb_buf(tb);
                if (veilig_indicator_target_value(&v, ind) == VEILIG_OK)
                    vg_put_value(b, c, v);
                vg_tb_put(tb);
                const veilig_observation *ob = nobs ? veilig_indicator_observation(ind, o) : NULL;
                vg_tb_date(tb, ob && veilig_observation_date(&date, ob) == VEILIG_OK, &date);
                b = vg_tb_buf(tb);
                if (ob && veilig_observation_value(&v, ob) == VEILIG_OK)
                    vg_put_value(b, c, v);
                vg_tb_put(tb);
            }
        }
    }
}

int veilig_export(char **out, size_t *len, const veilig_registry *reg, veilig_table table,
                  const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, reg, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (!veilig_table_name(table))
        return vg_fail(VEILIG_EINVAL, "export: %d is not a table", (int)table);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, VG_MEASURE_COLUMNS) != VEILIG_OK)
        return VEILIG_ENOMEM;
    if (table == VEILIG_TABLE_MEASURES) {
        vg_measure_columns(&tb);
        for (size_t i = 0; i < veilig_registry_count(reg); i++) {
            const veilig_municipality *m = veilig_registry_get(reg, i);
            for (size_t k = 0; k < veilig_municipality_measure_count(m); k++)
                vg_measure_row(&tb, m, veilig_municipality_measure(m, k));
        }
    } else if (table == VEILIG_TABLE_STAKEHOLDERS) {
        vg_export_stakeholders(&tb, reg);
    } else {
        vg_export_indicators(&tb, reg);
    }
    return vg_tb_finish(&tb, out, len);
}
