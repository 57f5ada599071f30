/*
 * libveilig: renderings of the registry: the list, one municipality, the query,
 * diagnostics and the flat tables (export),
 * as text, Markdown, CSV and JSON (report.h; render.h has the shared layers).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

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
    vg_doc d = {&b, &c, c.o.format == VEILIG_FORMAT_MARKDOWN, {NULL, 0, 0, 0, NULL}};
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
