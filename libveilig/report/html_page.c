/*
 * libveilig: the frame of an HTML page of a registry (html.h): the writer,
 * words and numbers in the page's language, the document's head (one style
 * sheet, style.css, embedded at build time) and foot, the table of contents,
 * sections, cards, sources and contacts. The reports (html_programme.c,
 * html_municipality.c) are written from these pieces.
 */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "svg.h"

void vg_html_init(vg_html *h, const veilig_registry *reg, const vg_ropts *o) {
    memset(h, 0, sizeof *h);
    vg_buf_init(&h->b);
    h->o = *o;
    h->reg = reg;
}

void vg_html_text(vg_html *h, const char *s) {
    vg_xml_escape(&h->b, s);
}

const char *vg_html_label(vg_html *h, veilig_vocab vocab, const char *code) {
    return vg_label(&h->o, vocab, code);
}

void vg_html_municipality_name(vg_html *h, const veilig_municipality *m) {
    if (!h->href_prefix || !h->href_suffix) {
        vg_html_text(h, veilig_municipality_name(m));
        return;
    }
    vg_html_put(h, "<a href=\"");
    vg_html_text(h, h->href_prefix);
    vg_html_text(h, veilig_municipality_code(m));
    vg_html_text(h, h->href_suffix);
    vg_html_put(h, "\">");
    vg_html_text(h, veilig_municipality_name(m));
    vg_html_put(h, "</a>");
}

/* ---- words and numbers ---- */

static const char *const vg_month_nl[12] = {"januari",   "februari", "maart",    "april",
                                            "mei",       "juni",     "juli",     "augustus",
                                            "september", "oktober",  "november", "december"};
static const char *const vg_month_en[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

/* A partial date in words: "2021", "januari 2022", "1 december 2021". */
void vg_html_date_words(char *buf, size_t size, const veilig_date *d, int en) {
    const char *month =
        d->month >= 1 && d->month <= 12 ? (en ? vg_month_en : vg_month_nl)[d->month - 1] : NULL;
    if (!month)
        vg_format(buf, size, "%d", d->year);
    else if (!d->day)
        vg_format(buf, size, "%s %d", month, d->year);
    else
        vg_format(buf, size, "%d %s %d", d->day, month, d->year);
}

/* The province's name, or its code when it is not a Dutch province. */
const char *vg_html_province_name(vg_html *h, const char *code) {
    const char *name = veilig_province_name(code, VG_T(h, "nl", "en"));
    return name ? name : code;
}

/* Writes s escaped, its first letter in capitals when it is an ASCII letter. */
void vg_html_text_capital(vg_html *h, const char *s) {
    if (s && *s >= 'a' && *s <= 'z') {
        vg_buf_putc(&h->b, (char)(*s - 'a' + 'A'));
        s++;
    }
    vg_html_text(h, s);
}

void vg_html_label_text(vg_html *h, veilig_vocab vocab, const char *code, int capital) {
    const char *label = vg_html_label(h, vocab, code);
    int known = code && label != code; /* vg_label gives an unknown code back */
    if (capital && *label >= 'a' && *label <= 'z') {
        vg_buf_putc(&h->b, (char)(*label - 'a' + 'A'));
        label++;
    }
    if (known)
        vg_html_put(h, label);
    else
        vg_html_text(h, label);
}

/* The membership of m in words ("Aangesloten sinds januari 2022"). */
void vg_html_membership_words(vg_html *h, const veilig_municipality *m) {
    vg_buf t;
    char d1[64], d2[64];
    veilig_date joined, start, end;
    int has_start = veilig_municipality_membership_start(&start, m) == VEILIG_OK;
    int has_end = veilig_municipality_membership_end(&end, m) == VEILIG_OK;
    const char *status = veilig_municipality_membership_status_code(m);
    vg_buf_init(&t);
    if (status) {
        switch (veilig_municipality_membership_status(m)) {
            case VEILIG_MEMBERSHIP_STATUS_ACTIVE:
                vg_buf_puts(&t, VG_T(h, "actief deelnemer", "active member"));
                break;
            case VEILIG_MEMBERSHIP_STATUS_FORMER:
                vg_buf_puts(&t, VG_T(h, "voormalig deelnemer", "former member"));
                break;
            case VEILIG_MEMBERSHIP_STATUS_UNKNOWN:
                vg_buf_puts(&t, VG_T(h, "deelname onbekend", "membership unknown"));
                break;
            default:
                vg_buf_puts(&t, status);
                break;
        }
    }
    if (veilig_municipality_membership_joined(&joined, m) == VEILIG_OK) {
        vg_html_date_words(d1, sizeof d1, &joined, VG_EN(h));
        if (t.len)
            vg_buf_puts(&t, ", ");
        if (VG_EN(h))
            vg_buf_printf(&t, "joined %s %s", joined.day ? "on" : "in", d1);
        else
            vg_buf_printf(&t, "aangesloten sinds %s", d1);
    }
    if (has_start || has_end) {
        if (t.len)
            vg_buf_puts(&t, ", ");
        vg_buf_puts(&t, VG_T(h, "programmaperiode ", "programme period "));
        if (has_start)
            vg_html_date_words(d1, sizeof d1, &start, VG_EN(h));
        if (has_end)
            vg_html_date_words(d2, sizeof d2, &end, VG_EN(h));
        if (has_start && has_end)
            vg_buf_printf(&t, "%s\xE2\x80\x93%s", d1, d2);
        else if (has_start)
            vg_buf_printf(&t, "%s %s", VG_T(h, "vanaf", "from"), d1);
        else
            vg_buf_printf(&t, "%s %s", VG_T(h, "tot", "until"), d2);
    }
    if (!t.len)
        vg_buf_puts(&t, VG_T(h, "geen gegevens", "no data"));
    char *s = vg_buf_finish(&t, NULL);
    if (!s) {
        h->b.failed = 1;
        return;
    }
    vg_html_text_capital(h, s);
    vg_free(s);
}

/* Writes a number with one decimal at most (decimals 1) or two (2), in the
   report's notation (nl 1.234,5; en 1,234.5); "–" when there is none. */
void vg_html_number(vg_html *h, double v, int decimals) {
    long long s;
    char buf[64];
    if (!vg_scale_round(&s, v, decimals)) {
        vg_html_put(h, "\xE2\x80\x93");
        return;
    }
    vg_format_scaled(buf, sizeof buf, s, decimals, VG_EN(h) ? '.' : ',', VG_EN(h) ? ',' : '.', 1);
    vg_html_put(h, buf);
}

/* An indicator value in its unit. */
void vg_html_value(vg_html *h, double v, const veilig_indicator *ind) {
    switch (veilig_indicator_unit(ind)) {
        case VEILIG_UNIT_PERCENT:
            vg_html_number(h, v, 1);
            vg_html_put(h, "%");
            break;
        case VEILIG_UNIT_EURO:
            vg_html_put(h, VG_EN(h) ? "\xE2\x82\xAC" : "\xE2\x82\xAC\xC2\xA0");
            vg_html_number(h, v, 2);
            break;
        default:
            vg_html_number(h, v, 1);
            break;
    }
}

/* Whole cents as money, always with the cents, as in text and Markdown
   (vg_put_money): "€ 1.000,00", "€ 250,50" (nl); "€1,000.00", "€250.50" (en). */
void vg_html_money(vg_html *h, int64_t cents, const char *currency) {
    char buf[64];
    vg_format_scaled(buf, sizeof buf, cents, 2, VG_EN(h) ? '.' : ',', VG_EN(h) ? ',' : '.', 0);
    if (!currency || strcmp(currency, "EUR") == 0) {
        vg_html_put(h, VG_EN(h) ? "\xE2\x82\xAC" : "\xE2\x82\xAC\xC2\xA0");
    } else {
        vg_html_text(h, currency);
        vg_html_put(h, "\xC2\xA0");
    }
    vg_html_put(h, buf);
}

/* Percent of a fraction, rounded: 0.724 -> 72. */
long long vg_html_percent(double fraction) {
    long long p = 0;
    vg_scale_round(&p, fraction * 100.0, 0);
    return p;
}

/* ---- small collections ---- */

size_t vg_strset_add(vg_strset *s, const char *str) {
    if (!str || s->failed)
        return 0;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], str) == 0)
            return i + 1;
    if (vg_grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v)) {
        s->failed = 1;
        return 0;
    }
    s->v[s->n++] = str;
    return s->n;
}

void vg_html_unknown_codes(vg_strset *s, const veilig_registry *reg, const veilig_municipality *m,
                           veilig_vocab vocab) {
    size_t nm = m ? 1 : veilig_registry_count(reg);
    for (size_t k = 0; k < nm; k++) {
        const veilig_municipality *mu = m ? m : veilig_registry_get(reg, k);
        for (size_t i = 0; i < veilig_municipality_measure_count(mu); i++) {
            const veilig_measure *ms = veilig_municipality_measure(mu, i);
            if (!m && !veilig_measure_is_active(ms, NULL))
                continue;
            if (vocab == VEILIG_VOCAB_CATEGORY && !veilig_measure_category(ms))
                vg_strset_add(s, veilig_measure_category_code(ms));
            else if (vocab == VEILIG_VOCAB_APPROACH && !veilig_measure_approach(ms))
                vg_strset_add(s, veilig_measure_approach_code(ms));
        }
    }
}

char *vg_html_other_label(vg_html *h, const vg_strset *codes) {
    vg_buf t;
    vg_buf_init(&t);
    vg_buf_puts(&t, VG_T(h, "overig", "other"));
    for (size_t i = 0; i < codes->n; i++) {
        vg_buf_puts(&t, i ? ", " : " (");
        vg_buf_puts(&t, codes->v[i]);
    }
    if (codes->n)
        vg_buf_putc(&t, ')');
    return vg_buf_finish(&t, NULL);
}

/* ---- the page ---- */

/* The Content-Security-Policy of a page: no request at all but its style
   sheet's (inline or the file beside it) and, on a page with a script, that
   script file's; links still work. (frame-ancestors is not here: browsers
   ignore it in a <meta> and say so in the console.) */
#define VG_CSP_INLINE                                                                              \
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
#define VG_CSP_FILE "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'"
#define VG_CSP_FILE_SCRIPT                                                                         \
    "default-src 'none'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'"

void vg_html_page_begin(vg_html *h, const vg_html_page *page) {
    vg_html_put(h, "<!DOCTYPE html>\n");
    vg_buf_printf(&h->b, "<html lang=\"%s\">\n<head>\n", VG_EN(h) ? "en" : "nl");
    vg_html_put(h, "<meta charset=\"utf-8\" />\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    if (page->csp)
        vg_buf_printf(&h->b, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\" />\n",
                      !page->stylesheet ? VG_CSP_INLINE
                      : page->script    ? VG_CSP_FILE_SCRIPT
                                        : VG_CSP_FILE);
    vg_html_put(h, "<meta name=\"generator\" content=\"libveilig ");
    vg_html_text(h, veilig_version());
    vg_html_put(h, "\" />\n<title>");
    vg_html_text(h, page->title);
    if (page->title2) {
        vg_html_put(h, " \xE2\x80\x94 ");
        vg_html_text(h, page->title2);
    }
    if (page->stylesheet) {
        vg_html_put(h, "</title>\n<link rel=\"stylesheet\" href=\"");
        vg_html_text(h, page->stylesheet);
        vg_html_put(h, "\" />\n");
        if (page->script) {
            vg_html_put(h, "<script src=\"");
            vg_html_text(h, page->script);
            vg_html_put(h, "\" defer=\"\"></script>\n");
        }
    } else {
        vg_html_put(h, "</title>\n<style>\n");
        vg_html_put(h, vg_html_css);
        vg_html_put(h, "</style>\n");
    }
    vg_html_put(h, "</head>\n<body>\n<div class=\"page\">\n");
}

void vg_html_page_end(vg_html *h, int had_personal) {
    vg_html_put(h, "<footer>\n<p>");
    vg_html_put(h, VG_T(h, "Gemaakt met libveilig ", "Made with libveilig "));
    vg_html_text(h, veilig_version());
    vg_html_put(h,
                VG_T(h,
                     ". Dit rapport vermeldt bewust geen aanmaakdatum: dezelfde gegevens leveren "
                     "hetzelfde rapport op.",
                     ". This report deliberately carries no date of creation: the same data give "
                     "the same report."));
    if (h->o.flags & VEILIG_REPORT_INCLUDE_PERSONAL)
        vg_html_put(h, VG_T(h, " Persoonlijke contactgegevens zijn op verzoek opgenomen.",
                            " Personal contact details are included on request."));
    else if (had_personal)
        vg_html_put(h, VG_T(h, " Persoonlijke contactgegevens zijn weggelaten.",
                            " Personal contact details are left out."));
    vg_html_put(h, "</p>\n</footer>\n</div>\n</body>\n</html>\n");
}

void vg_html_toc(vg_html *h, const vg_html_toc_item *items, size_t n) {
    vg_buf_printf(&h->b, "<nav class=\"toc\" aria-label=\"%s\">\n<ul>\n",
                  VG_T(h, "Inhoud", "Contents"));
    for (size_t i = 0; i < n; i++)
        vg_buf_printf(&h->b, "<li><a href=\"#%s\">%s</a></li>\n", items[i].id,
                      VG_T(h, items[i].nl, items[i].en));
    vg_html_put(h, "</ul>\n</nav>\n</header>\n<main>\n");
}

void vg_html_section(vg_html *h, const char *id, const char *nl, const char *en) {
    vg_buf_printf(&h->b, "<section id=\"%s\">\n<h2>%s</h2>\n", id, VG_T(h, nl, en));
}

void vg_html_section_end(vg_html *h) {
    vg_html_put(h, "</section>\n");
}

void vg_html_card(vg_html *h, unsigned long long num, const char *label, const char *extra) {
    vg_buf_printf(&h->b, "<div class=\"card\"><span class=\"num\">%llu</span><span class=\"lbl\">",
                  num);
    vg_html_put(h, label);
    if (extra) {
        vg_html_put(h, "<br />");
        vg_html_put(h, extra);
    }
    vg_html_put(h, "</span></div>\n");
}

/* ---- sources ---- */

/* 1 when s starts with prefix (ASCII letters compared without case). */
static int vg_prefix_ci(const char *s, const char *prefix) {
    for (; *prefix; s++, prefix++) {
        char a = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
        if (a != *prefix)
            return 0;
    }
    return 1;
}

/* 1 when url is an http or https address (only those become links). */
static int vg_is_web(const char *url) {
    return url && (vg_prefix_ci(url, "http://") || vg_prefix_ci(url, "https://"));
}

struct vg_source_row {
    const veilig_source *src;
    size_t municipalities; /* municipalities that cite it */
    const veilig_municipality *last;
};

/* Two sources are the same when their URLs are; without URL, when title and
   publisher are. */
static int vg_same_source(const veilig_source *a, const veilig_source *b) {
    const char *ua = veilig_source_url(a), *ub = veilig_source_url(b);
    if (ua || ub)
        return ua && ub && strcmp(ua, ub) == 0;
    const char *pa = veilig_source_publisher(a), *pb = veilig_source_publisher(b);
    return strcmp(veilig_source_title(a) ? veilig_source_title(a) : "",
                  veilig_source_title(b) ? veilig_source_title(b) : "") == 0 &&
           strcmp(pa ? pa : "", pb ? pb : "") == 0;
}

void vg_sources_add(vg_sources *s, const veilig_source *src, const veilig_municipality *m) {
    if (!src || s->failed)
        return;
    for (size_t i = 0; i < s->n; i++) {
        if (vg_same_source(s->v[i].src, src)) {
            if (m && s->v[i].last != m) {
                s->v[i].municipalities++;
                s->v[i].last = m;
            }
            return;
        }
    }
    if (vg_grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v)) {
        s->failed = 1;
        return;
    }
    s->v[s->n].src = src;
    s->v[s->n].municipalities = m ? 1 : 0;
    s->v[s->n].last = m;
    s->n++;
}

void vg_sources_free(vg_sources *s) {
    vg_free(s->v);
    memset(s, 0, sizeof *s);
}

void vg_html_sources(vg_html *h, const vg_sources *s, int show_counts) {
    vg_html_section(h, "sources", "Bronnen", "Sources");
    if (!s->n) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h, "Er zijn geen bronnen vastgelegd.", "No sources are recorded."));
        vg_html_section_end(h);
        return;
    }
    vg_html_put(h, "<ul class=\"sources\">\n");
    for (size_t i = 0; i < s->n; i++) {
        const veilig_source *src = s->v[i].src;
        const char *url = veilig_source_url(src);
        const char *title = veilig_source_title(src);
        const char *publisher = veilig_source_publisher(src);
        veilig_date d;
        vg_html_put(h, "<li>");
        if (vg_is_web(url)) {
            vg_html_put(h, "<a href=\"");
            vg_html_text(h, url);
            vg_html_put(h, "\">");
            vg_html_text(h, title && *title ? title : url);
            vg_html_put(h, "</a>");
        } else {
            vg_html_put(h, "<strong>");
            vg_html_text(h, title);
            vg_html_put(h, "</strong>");
        }
        if (publisher) {
            vg_html_put(h, " \xE2\x80\x94 ");
            vg_html_text(h, publisher);
        }
        if (veilig_source_retrieved(&d, src) == VEILIG_OK) {
            char buf[64];
            vg_html_date_words(buf, sizeof buf, &d, VG_EN(h));
            vg_buf_printf(&h->b, VG_T(h, ", geraadpleegd %s", ", retrieved %s"), buf);
        }
        if (show_counts && s->v[i].municipalities)
            vg_buf_printf(&h->b,
                          VG_T(h, " <span class=\"muted small\">(bron voor %zu %s)</span>",
                               " <span class=\"muted small\">(source for %zu %s)</span>"),
                          s->v[i].municipalities,
                          s->v[i].municipalities == 1 ? VG_T(h, "gemeente", "municipality")
                                                      : VG_T(h, "gemeenten", "municipalities"));
        if (url) {
            vg_html_put(h, "<br /><span class=\"url\">");
            vg_html_text(h, url);
            vg_html_put(h, "</span>");
        }
        vg_html_put(h, "</li>\n");
    }
    vg_html_put(h, "</ul>\n");
    vg_html_section_end(h);
}

/* ---- contacts ---- */

void vg_html_cell(vg_html *h, const char *s) {
    vg_html_text(h, s && *s ? s : "\xE2\x80\x93");
}

void vg_html_contact_row(vg_html *h, const veilig_contact *c, const veilig_municipality *m,
                         const char *org) {
    const char *sid = veilig_contact_stakeholder(c);
    const veilig_stakeholder *st = m && sid ? veilig_municipality_find_stakeholder(m, sid) : NULL;
    vg_html_put(h, "<tr><td>");
    vg_html_cell(h, veilig_contact_name(c));
    vg_html_put(h, "</td><td>");
    vg_html_cell(h, vg_html_label(h, VEILIG_VOCAB_ROLE, veilig_contact_role_code(c)));
    vg_html_put(h, "</td><td>");
    vg_html_cell(h, st ? veilig_stakeholder_name(st) : sid ? sid : org);
    vg_html_put(h, "</td><td class=\"nw\">");
    vg_html_cell(h, veilig_contact_phone(c));
    vg_html_put(h, "</td><td>");
    vg_html_cell(h, veilig_contact_email(c));
    vg_html_put(h, "</td></tr>\n");
}

void vg_html_contact_head(vg_html *h) {
    vg_buf_printf(&h->b,
                  "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "</tr></thead>\n<tbody>\n",
                  VG_T(h, "Naam", "Name"), VG_T(h, "Rol", "Role"),
                  VG_T(h, "Organisatie", "Organisation"), VG_T(h, "Telefoon", "Phone"),
                  VG_T(h, "E-mail", "E-mail"));
}
