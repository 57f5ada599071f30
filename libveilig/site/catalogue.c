/*
 * libveilig: the measures catalogue of the website (maatregelen.html): every
 * measure of every municipality in one table, a form of filters (shown by
 * site.js) and the JSON index the script filters by. On a large registry
 * the page is hundreds of megabytes: it is written to its file a part at a
 * time as it is made (vg_site_page_flush), never whole in memory. Every text
 * from the document goes through vg_html_text, or in the JSON index through
 * vg_site_json_text, which escapes < > & as well.
 */
#include <string.h>

#include "site_internal.h"
#include "../model_internal.h"

/* 1 for the bytes vg_site_json_text writes as they are, in a run: not
   " \ < > &, no control character, not 0xE2 (the first byte of U+2028 and
   U+2029, looked at with the bytes after it). */
#define VG_JP(c)                                                                                   \
    ((c) >= 0x20 && (c) != '"' && (c) != '\\' && (c) != '<' && (c) != '>' && (c) != '&' &&         \
     (c) != 0xE2)
#define VG_JP4(c)  VG_JP(c), VG_JP((c) + 1), VG_JP((c) + 2), VG_JP((c) + 3)
#define VG_JP16(c) VG_JP4(c), VG_JP4((c) + 4), VG_JP4((c) + 8), VG_JP4((c) + 12)
static const unsigned char vg_site_json_plain[256] = {
    VG_JP16(0x00), VG_JP16(0x10), VG_JP16(0x20), VG_JP16(0x30), VG_JP16(0x40), VG_JP16(0x50),
    VG_JP16(0x60), VG_JP16(0x70), VG_JP16(0x80), VG_JP16(0x90), VG_JP16(0xA0), VG_JP16(0xB0),
    VG_JP16(0xC0), VG_JP16(0xD0), VG_JP16(0xE0), VG_JP16(0xF0)};

/* A JSON string of s for a <script type="application/json"> block: escaped
   as JSON and with < > & (and U+2028, U+2029) as \u escapes, so no text can
   end the block. */
static void vg_site_json_text(vg_buf *b, const char *s) {
    static const char hex[] = "0123456789abcdef";
    vg_buf_putc(b, '"');
    const unsigned char *c = (const unsigned char *)(s ? s : "");
    while (*c) {
        const unsigned char *run = c;
        while (vg_site_json_plain[*c])
            c++;
        if (c > run)
            vg_buf_put(b, (const char *)run, (size_t)(c - run));
        if (!*c)
            break;
        if (*c == '"' || *c == '\\') {
            char e[2] = {'\\', (char)*c};
            vg_buf_put(b, e, 2);
        } else if (*c == 0xE2 && c[1] == 0x80 && (c[2] == 0xA8 || c[2] == 0xA9)) {
            vg_buf_puts(b, c[2] == 0xA8 ? "\\u2028" : "\\u2029");
            c += 2;
        } else if (*c == 0xE2) {
            vg_buf_putc(b, (char)*c);
        } else {
            char e[6] = {'\\', 'u', '0', '0', hex[*c >> 4], hex[*c & 15]};
            vg_buf_put(b, e, 6);
        }
        c++;
    }
    vg_buf_putc(b, '"');
}

/* What the index entries are written with: a buffer for folding texts, and
   the entries' terms of the vocabularies, made once: for each value, its
   code and labels folded as JSON strings ("code","nl","en"). */
#define VG_SITE_NVOCAB 3
#define VG_SITE_NTERMS 64 /* room for the values of each (13, 14 and 12 today) */
typedef struct vg_site_jindex {
    vg_buf fold;
    vg_buf terms; /* every value's strings, one after another */
    size_t term_at[VG_SITE_NVOCAB]
                  [VG_SITE_NTERMS + 2]; /* value v's: term_at[v] .. term_at[v + 1] */
    int nterms[VG_SITE_NVOCAB];         /* values of each vocabulary */
} vg_site_jindex;

static const veilig_vocab vg_site_index_vocabs[VG_SITE_NVOCAB] = {
    VEILIG_VOCAB_CATEGORY, VEILIG_VOCAB_APPROACH, VEILIG_VOCAB_TARGET_GROUP};

/* A folded text of the index (vg_fold, as veilig_query folds), as one JSON
   string after a comma unless it is the first; nothing for an empty one. */
static void vg_site_json_folded(vg_site_jindex *x, vg_buf *b, int *first, const char *s) {
    if (!s || !*s)
        return;
    x->fold.len = 0;
    if (x->fold.data)
        x->fold.data[0] = '\0';
    vg_fold(&x->fold, s, strlen(s));
    if (x->fold.failed) {
        b->failed = 1;
        return;
    }
    if (!*first)
        vg_buf_putc(b, ',');
    *first = 0;
    vg_site_json_text(b, x->fold.data ? x->fold.data : "");
}

/* Makes x->terms; returns VEILIG_OK, VEILIG_ENOMEM, or VEILIG_EINVAL when a
   vocabulary has more than VG_SITE_NTERMS values. */
static int vg_site_index_init(vg_site_jindex *x) {
    memset(x, 0, sizeof *x);
    vg_buf_init(&x->fold);
    vg_buf_init(&x->terms);
    for (int d = 0; d < VG_SITE_NVOCAB; d++) {
        veilig_vocab vocab = vg_site_index_vocabs[d];
        int n = veilig_vocab_size(vocab);
        if (n > VG_SITE_NTERMS)
            return VEILIG_EINVAL;
        x->nterms[d] = n;
        for (int v = 1; v <= n; v++) {
            x->term_at[d][v] = x->terms.len;
            int first = 1;
            vg_site_json_folded(x, &x->terms, &first, veilig_vocab_code(vocab, v));
            vg_site_json_folded(x, &x->terms, &first, veilig_vocab_label(vocab, v, "nl"));
            vg_site_json_folded(x, &x->terms, &first, veilig_vocab_label(vocab, v, "en"));
        }
        x->term_at[d][n + 1] = x->terms.len;
    }
    return x->terms.failed || x->fold.failed ? VEILIG_ENOMEM : VEILIG_OK;
}

static void vg_site_index_free(vg_site_jindex *x) {
    vg_buf_free(&x->fold);
    vg_buf_free(&x->terms);
}

/* The folded code of a term the vocabulary does not know, among the
   entry's texts (the known ones' terms the page holds once: "tc", "ta",
   "tg" of vg_site_json_vocab_terms). */
static void vg_site_json_unknown(vg_site_jindex *x, vg_buf *b, int *first, int value,
                                 const char *code) {
    if (!value && code)
        vg_site_json_folded(x, b, first, code);
}

/* A code of an entry: its value in the vocabulary (1, 2, ...), or the code
   itself when the vocabulary does not know it. */
static void vg_site_json_code(vg_buf *b, int value, const char *code) {
    if (value)
        vg_buf_put_int(b, value);
    else
        vg_site_json_text(b, code ? code : "");
}

/* The approach of a measure as stored, or its category's usual one (as
   veilig_query's approach filter reads it). */
static const char *vg_site_approach(const veilig_measure *ms) {
    const char *code = veilig_measure_approach_code(ms);
    return code ? code : veilig_approach_code(veilig_measure_approach(ms));
}

/* What vg_site_index_text writes into. */
typedef struct vg_site_texts {
    vg_site_jindex *x;
    vg_buf *b;
    int *first;
} vg_site_texts;

/* A text the search looks in (vg_measure_texts), folded into the entry. */
static int vg_site_index_text(void *ctx, const char *text) {
    vg_site_texts *t = ctx;
    vg_site_json_folded(t->x, t->b, t->first, text);
    return 0; /* every one */
}

/* The index entry of a measure, [c, a, p, g, s, t] (docs/site.md, "The
   catalogue's index"): the codes the filters look at, as values of their
   vocabularies where known; province, the place of m's in the form's list
   (1, 2, ...; 0: none); and the folded texts the free-text search looks in:
   those veilig_query looks in (vg_measure_texts: the measure's own texts,
   its schedule's notes, its partners' stakeholders) and the unknown codes of
   its category, own approach and target groups. */
static void vg_site_index_entry(vg_site_jindex *x, vg_buf *b, const veilig_municipality *m,
                                size_t province, const veilig_measure *ms) {
    const char *cat = veilig_measure_category_code(ms);
    int cat_v = (int)veilig_measure_category(ms);
    vg_buf_putc(b, '[');
    vg_site_json_code(b, cat_v, cat);
    vg_buf_putc(b, ',');
    /* the approach: its own (value, or code), or minus its category's usual
       one; veilig_measure_approach gives the value of either (0: unknown) */
    const char *own = veilig_measure_approach_code(ms);
    int app_v = (int)veilig_measure_approach(ms);
    if (own)
        vg_site_json_code(b, app_v, own);
    else
        vg_buf_put_int(b, -(long long)app_v);
    vg_buf_putc(b, ',');
    vg_buf_put_int(b, (long long)province);
    vg_buf_puts(b, ",[");
    size_t ng = veilig_measure_target_group_count(ms);
    for (size_t i = 0; i < ng; i++) {
        if (i)
            vg_buf_putc(b, ',');
        vg_site_json_code(b, (int)veilig_measure_target_group(ms, i),
                          veilig_measure_target_group_code(ms, i));
    }
    vg_buf_puts(b, "],[");
    for (size_t i = 0; i < veilig_measure_setting_count(ms); i++) {
        if (i)
            vg_buf_putc(b, ',');
        vg_site_json_code(b, (int)veilig_measure_setting(ms, i),
                          veilig_measure_setting_code(ms, i));
    }
    vg_buf_puts(b, "],[");
    int first = 1;
    vg_site_texts texts = {x, b, &first};
    vg_measure_texts(m, ms, vg_site_index_text, &texts);
    vg_site_json_unknown(x, b, &first, cat_v, cat);
    if (own)
        vg_site_json_unknown(x, b, &first, app_v, own);
    for (size_t i = 0; i < ng; i++)
        vg_site_json_unknown(x, b, &first, (int)veilig_measure_target_group(ms, i),
                             veilig_measure_target_group_code(ms, i));
    vg_buf_puts(b, "]]");
}

/* The codes of a vocabulary, in the order of their values, as a JSON array. */
static void vg_site_json_codes(vg_buf *b, veilig_vocab vocab) {
    vg_buf_putc(b, '[');
    for (int v = 1; v <= veilig_vocab_size(vocab); v++) {
        if (v > 1)
            vg_buf_putc(b, ',');
        vg_site_json_text(b, veilig_vocab_code(vocab, v));
    }
    vg_buf_putc(b, ']');
}

/* What the entries' values stand for, once for the page, in a block of
   its own (id="catalogue-terms"): the codes of each vocabulary by value ("c",
   "a", "g", "s") and the provinces of the registry in the order they first
   appear ("p"), which the filters compare, with their names in the page's
   language ("pn", the form's choices); and the folded code and labels of
   each category, approach and target group by value ("tc", "ta", "tg"),
   which the search looks in as veilig_query does. */
static void vg_site_json_vocab_terms(vg_html *h, const vg_site_jindex *x,
                                     const vg_strset *provinces) {
    vg_buf *b = &h->b;
    vg_buf_puts(b, "{\"c\":");
    vg_site_json_codes(b, VEILIG_VOCAB_CATEGORY);
    vg_buf_puts(b, ",\"a\":");
    vg_site_json_codes(b, VEILIG_VOCAB_APPROACH);
    vg_buf_puts(b, ",\"g\":");
    vg_site_json_codes(b, VEILIG_VOCAB_TARGET_GROUP);
    vg_buf_puts(b, ",\"s\":");
    vg_site_json_codes(b, VEILIG_VOCAB_SETTING);
    vg_buf_puts(b, ",\"p\":[");
    for (size_t i = 0; i < provinces->n; i++) {
        if (i)
            vg_buf_putc(b, ',');
        vg_site_json_text(b, provinces->v[i]);
    }
    vg_buf_puts(b, "],\"pn\":[");
    for (size_t i = 0; i < provinces->n; i++) {
        if (i)
            vg_buf_putc(b, ',');
        vg_site_json_text(b, vg_html_province_name(h, provinces->v[i]));
    }
    vg_buf_putc(b, ']');
    static const char *const keys[VG_SITE_NVOCAB] = {"tc", "ta", "tg"};
    for (int d = 0; d < VG_SITE_NVOCAB; d++) {
        vg_buf_printf(b, ",\"%s\":[", keys[d]);
        for (int v = 1; v <= x->nterms[d]; v++) {
            size_t at = x->term_at[d][v];
            vg_buf_puts(b, v > 1 ? ",[" : "[");
            vg_buf_put(b, x->terms.data + at, x->term_at[d][v + 1] - at);
            vg_buf_putc(b, ']');
        }
        vg_buf_putc(b, ']');
    }
    vg_buf_putc(b, '}');
}

/* A <select> of the catalogue's form over a vocabulary. */
static void vg_site_select(vg_html *h, const char *name, const char *nl, const char *en,
                           veilig_vocab vocab) {
    vg_buf_printf(&h->b, "<label>%s <select name=\"%s\">\n<option value=\"\">%s</option>\n",
                  VG_T(h, nl, en), name, VG_T(h, "alle", "all"));
    for (int v = 1; v <= veilig_vocab_size(vocab); v++) {
        const char *code = veilig_vocab_code(vocab, v);
        vg_buf_printf(&h->b, "<option value=\"%s\">", code);
        vg_html_label_text(h, vocab, code, 1);
        vg_html_put(h, "</option>\n");
    }
    vg_html_put(h, "</select></label>\n");
}

/* The form of filters, hidden until the script runs (without it the page
   lists everything). It holds nothing of the registry, so that the page
   can be written as the municipalities come: the script adds the provinces
   (from the terms block, "p" and "pn") and the number found. */
static void vg_site_filters(vg_html *h) {
    vg_buf_printf(&h->b,
                  "<form id=\"filters\" class=\"filters\" role=\"search\" hidden=\"\" "
                  "aria-label=\"%s\">\n",
                  VG_T(h, "Filters", "Filters"));
    vg_site_select(h, "category", "Categorie", "Category", VEILIG_VOCAB_CATEGORY);
    vg_site_select(h, "approach", "Aanpak", "Approach", VEILIG_VOCAB_APPROACH);
    vg_site_select(h, "target_group", "Doelgroep", "Target group", VEILIG_VOCAB_TARGET_GROUP);
    vg_site_select(h, "setting", "Setting", "Setting", VEILIG_VOCAB_SETTING);
    vg_buf_printf(&h->b,
                  "<label>%s <select name=\"province\">\n<option value=\"\">%s</option>\n"
                  "</select></label>\n<label>%s <input type=\"search\" name=\"text\" /></label>\n",
                  VG_T(h, "Provincie", "Province"), VG_T(h, "alle", "all"),
                  VG_T(h, "Zoeken", "Search"));
    vg_buf_printf(&h->b,
                  "<p>%s <output id=\"filter-count\" aria-live=\"polite\"></output> "
                  "<button type=\"submit\">%s</button></p>\n</form>\n",
                  VG_T(h, "Gevonden:", "Found:"), VG_T(h, "Filteren", "Filter"));
}

/* A row of the table: the measure ms of m, whose cell (its name, a link to
   its page) is the HTML in cell. */
static void vg_site_catalogue_row(vg_html *h, const veilig_municipality *m, const vg_buf *cell,
                                  const veilig_measure *ms) {
    vg_html_put(h, "<tr data-id=\"");
    vg_html_text(h, veilig_municipality_code(m));
    vg_html_put(h, "/");
    vg_html_text(h, veilig_measure_id(ms));
    vg_html_put(h, "\"><td>");
    vg_html_text(h, veilig_measure_name(ms));
    vg_html_put(h, "</td><td>");
    vg_buf_put(&h->b, cell->data, cell->len);
    vg_html_put(h, "</td><td>");
    vg_html_label_text(h, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms), 1);
    vg_html_put(h, "</td><td>");
    vg_html_label_text(h, VEILIG_VOCAB_APPROACH, vg_site_approach(ms), 1);
    vg_html_put(h, "</td><td>");
    vg_site_codes(h, VEILIG_VOCAB_TARGET_GROUP, ms, veilig_measure_target_group_count(ms),
                  vg_site_m_group);
    vg_html_put(h, "</td><td>");
    vg_site_codes(h, VEILIG_VOCAB_SETTING, ms, veilig_measure_setting_count(ms), vg_site_m_setting);
    vg_html_put(h, "</td></tr>\n");
}

/* A catalogue being written: the page, the index entries of its rows not
   yet written, the provinces so far and what the entries are made with. */
struct vg_site_cat {
    vg_site_page p;
    vg_site_jindex x;
    vg_strset provinces; /* in the order of first appearance */
    vg_html cell;        /* a municipality's table cell */
    vg_buf entries;      /* the index entries of the rows since the last part */
    size_t added;        /* municipalities added (the registry's first ones) */
    int rc;              /* VEILIG_EINVAL: a vocabulary too large for the index */
};

/* Ends a part of the table: its rows' index entries in a block after them,
   the page so far to its file (vg_site_page_flush). A part's rows and
   entries are at least VG_SITE_CHUNK bytes (the last part's may be less):
   where parts end depends on the registry only. */
static void vg_site_cat_part(vg_site_cat *c, int last) {
    vg_html *h = &c->p.h;
    if (!last && h->b.len + c->entries.len < VG_SITE_CHUNK)
        return;
    vg_html_put(h, "</tbody>\n<script type=\"application/json\" class=\"catalogue-index\">[");
    vg_buf_put(&h->b, c->entries.data ? c->entries.data : "", c->entries.len);
    vg_html_put(h, "]</script>\n");
    if (c->entries.failed)
        h->b.failed = 1;
    c->entries.len = 0;
    if (!last) {
        vg_html_put(h, "<tbody>\n");
        vg_site_page_flush(&c->p);
    }
}

vg_site_cat *vg_site_cat_begin(vg_site *s) {
    vg_site_cat *c = vg_calloc(1, sizeof *c);
    if (!c) {
        vg_error_set(s->err, VEILIG_ENOMEM, "out of memory");
        return NULL;
    }
    c->rc = vg_site_index_init(&c->x);
    vg_buf_init(&c->entries);
    vg_site_page_begin(&c->p, s, "maatregelen.html", 0, VG_NL_EN(s, "Maatregelen", "Measures"),
                       VG_NL_EN(s, "Catalogus", "Catalogue"),
                       VG_NL_EN(s, "Alle maatregelen", "All measures"));
    vg_html *h = &c->p.h;
    h->href_prefix = "gemeenten/";
    h->href_suffix = ".html";
    c->cell = *h;
    vg_buf_init(&c->cell.b);
    vg_html_put(h, "</header>\n<main>\n<section id=\"catalogue-section\">\n");
    vg_site_filters(h);
    vg_site_wide_begin(h, VG_T(h, "Maatregelen", "Measures"));
    vg_buf_printf(
        &h->b,
        "<table id=\"catalogue\">\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
        "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
        VG_T(h, "Maatregel", "Measure"), VG_T(h, "Gemeente", "Municipality"),
        VG_T(h, "Categorie", "Category"), VG_T(h, "Aanpak", "Approach"),
        VG_T(h, "Doelgroepen", "Target groups"), VG_T(h, "Settings", "Settings"));
    return c;
}

void vg_site_cat_add(vg_site_cat *c, const veilig_municipality *m) {
    vg_html *h = &c->p.h;
    c->added++;
    if (h->b.failed || c->rc != VEILIG_OK)
        return;
    /* the province's place among those so far (0: none) */
    size_t province = vg_strset_add(&c->provinces, veilig_municipality_province(m));
    /* its cell, made once for all its rows */
    c->cell.b.len = 0;
    vg_html_municipality_name(&c->cell, m);
    if (c->cell.b.failed || c->provinces.failed)
        h->b.failed = 1;
    for (size_t k = 0; k < veilig_municipality_measure_count(m) && !h->b.failed; k++) {
        const veilig_measure *ms = veilig_municipality_measure(m, k);
        vg_site_catalogue_row(h, m, &c->cell.b, ms);
        /* one entry a line: "[\n[...],\n[...]]" */
        vg_buf_puts(&c->entries, c->entries.len ? ",\n" : "\n");
        vg_site_index_entry(&c->x, &c->entries, m, province, ms);
    }
    vg_site_cat_part(c, 0);
}

int vg_site_cat_end(vg_site_cat *c) {
    vg_site *s = c->p.site;
    vg_html *h = &c->p.h;
    int rc = c->rc;
    if (rc == VEILIG_OK) {
        vg_site_cat_part(c, 1);
        vg_html_put(h, "</table>\n");
        vg_site_wide_end(h);
        vg_html_put(h, "<script type=\"application/json\" id=\"catalogue-terms\">");
        vg_site_json_vocab_terms(h, &c->x, &c->provinces);
        vg_html_put(h, "</script>\n</section>\n");
        rc = vg_site_page_finish(&c->p, 0);
    } else {
        vg_site_page_drop(&c->p);
        rc = rc == VEILIG_ENOMEM ? vg_error_set(s->err, rc, "out of memory")
                                 : vg_error_set(s->err, rc,
                                                "site: a vocabulary of the catalogue has more "
                                                "than %d values",
                                                VG_SITE_NTERMS);
    }
    return rc;
}

void vg_site_cat_free(vg_site_cat *c, int drop) {
    if (!c)
        return;
    if (drop)
        vg_site_page_drop(&c->p);
    vg_site_index_free(&c->x);
    vg_free(c->provinces.v);
    vg_buf_free(&c->cell.b);
    vg_buf_free(&c->entries);
    vg_free(c);
}

int vg_site_catalogue(vg_site *s) {
    /* begun while the document loaded (with the first municipalities; the
       site frees it), or now */
    vg_site_cat *c = s->cats[s->en], *own = NULL;
    if (c)
        c->p.site = s; /* this writer's now (the feed's is gone) */
    else if (!(c = own = vg_site_cat_begin(s)))
        return VEILIG_ENOMEM;
    for (size_t i = c->added; i < veilig_registry_count(s->reg); i++)
        vg_site_cat_add(c, veilig_registry_get(s->reg, i));
    int rc = vg_site_cat_end(c);
    vg_site_cat_free(own, 0);
    return rc;
}
