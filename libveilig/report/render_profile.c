/*
 * libveilig: renderings of the profile and the comparison,
 * as text, Markdown, CSV and JSON (report.h; render.h has the shared layers).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

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
    vg_doc d = {&b, &c, c.o.format == VEILIG_FORMAT_MARKDOWN, {NULL, 0, 0, 0, NULL}};
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
        vg_tb_cell(&tb, c.mach ? veilig_vocab_name(v) : vg_vocab_title(&c.o, v));
        vg_tb_term(&tb, v, veilig_comparison_code(cmp, i));
        vg_tb_int(&tb, veilig_comparison_a(cmp, i));
        vg_tb_int(&tb, veilig_comparison_b(cmp, i));
    }
    return vg_tb_finish(&tb, out, len);
}
