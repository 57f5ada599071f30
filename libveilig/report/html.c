/*
 * libveilig: the standalone HTML reports (veilig_report_html).
 *
 * One file per report: HTML5 written so that an XML parser reads it too
 * (every element closed, attributes quoted, text escaped), one inline style
 * sheet, charts as inline SVG (svg.c), no script, no external resource: the
 * only addresses in a report are the links to its sources. Reports carry no
 * date of creation, so the same data give the same bytes. Every heading and
 * sentence exists in Dutch and English side by side (VG_L); vocabulary
 * labels come from the vocabulary (vg_label), unknown codes show as
 * themselves. Personal contacts are left out unless
 * VEILIG_REPORT_INCLUDE_PERSONAL is set.
 */
#include <stdio.h>
#include <string.h>

#include "report_internal.h"
#include "svg.h"

typedef struct vg_html {
    vg_buf b;
    vg_ropts o;
    const veilig_registry *reg;
} vg_html;

#define VG_EN(h) ((h)->o.en)
/* The Dutch or the English text, by the report's language. (Like VG_L, with
   parameter names that cannot collide with the member en.) */
#define VG_T(h, text_nl, text_en) ((h)->o.en ? (text_en) : (text_nl))

static void vg_put(vg_html *h, const char *s) {
    vg_buf_puts(&h->b, s);
}

static void vg_text(vg_html *h, const char *s) {
    vg_xml_escape(&h->b, s);
}

static const char *vg_lab(vg_html *h, veilig_vocab vocab, const char *code) {
    return vg_label(&h->o, vocab, code);
}

/* ---- the style sheet ---- */

static const char vg_css[] =
    ":root{color-scheme:light}\n"
    "*{box-sizing:border-box}\n"
    "html{background:#fff}\n"
    "body{margin:0;color:#1f2933;background:#fff;"
    "font:15px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
    "\"Liberation Sans\",\"DejaVu Sans\",Arial,sans-serif}\n"
    ".page{max-width:1060px;margin:0 auto;padding:36px 40px 48px}\n"
    "header.top{border-bottom:4px solid #1d5c96;padding-bottom:18px;margin-bottom:8px}\n"
    ".kicker{text-transform:uppercase;letter-spacing:.08em;font-size:12.5px;font-weight:700;"
    "color:#1d5c96;margin:0 0 6px}\n"
    "h1{font-size:32px;line-height:1.2;margin:0 0 8px;color:#0f2b46}\n"
    "h2{font-size:22px;line-height:1.3;color:#0f2b46;margin:40px 0 12px;padding-bottom:6px;"
    "border-bottom:1px solid #d5dbe3}\n"
    "h3{font-size:16.5px;color:#1f2933;margin:24px 0 8px}\n"
    "p{margin:0 0 10px}\n"
    ".sub{color:#4b5563;margin:0;font-size:16px}\n"
    ".lead{font-size:17px;color:#1f2933}\n"
    ".muted{color:#4b5563}\n"
    ".small{font-size:13px}\n"
    ".code{font-family:ui-monospace,\"DejaVu Sans Mono\",Menlo,Consolas,monospace;"
    "font-size:12.5px;color:#4b5563}\n"
    "nav.toc{margin:14px 0 0;font-size:14px}\n"
    "nav.toc ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 8px}\n"
    "nav.toc a{display:inline-block;padding:3px 10px;border:1px solid #c9d3df;"
    "border-radius:14px;color:#1d5c96;text-decoration:none;background:#f5f8fb}\n"
    ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px;"
    "margin:10px 0 8px}\n"
    ".card{border:1px solid #d5dbe3;border-left:5px solid #1d5c96;border-radius:6px;"
    "padding:12px 14px;background:#f6f8fb}\n"
    ".card .num{display:block;font-size:30px;line-height:1.15;font-weight:700;color:#0f2b46}\n"
    ".card .lbl{display:block;font-size:13.5px;color:#374151}\n"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:8px 0 14px}\n"
    "dl.facts dt{font-weight:700;color:#374151}\n"
    "dl.facts dd{margin:0}\n"
    "table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0 18px}\n"
    "caption{text-align:left;font-size:13px;color:#4b5563;padding:0 0 6px}\n"
    "th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid #e1e6ec}\n"
    "thead th{background:#e9eef4;color:#1f2933;font-weight:700;border-bottom:2px solid #c5ccd5}\n"
    "tbody tr:nth-child(even){background:#f8fafc}\n"
    "th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "td ul{margin:0;padding-left:18px}\n"
    ".tag{display:inline-block;padding:1px 9px;margin:2px 4px 2px 0;border-radius:12px;"
    "background:#e6eef7;color:#123f6e;font-size:13px}\n"
    ".tag.off{background:#fbeee6;color:#7c2d12}\n"
    "figure{margin:10px 0 22px;padding:14px 16px 10px;border:1px solid #e1e6ec;"
    "border-radius:6px;background:#fff}\n"
    "figcaption{font-size:13px;color:#4b5563;margin-top:6px}\n"
    "figure.wide{overflow-x:auto}\n"
    "svg{display:block;max-width:100%;height:auto}\n"
    "svg text{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
    "\"Liberation Sans\",\"DejaVu Sans\",Arial,sans-serif}\n"
    ".callout{border-left:5px solid #1d5c96;background:#f1f6fb;padding:10px 14px;"
    "margin:10px 0 14px;border-radius:0 6px 6px 0}\n"
    ".callout strong{color:#0f2b46}\n"
    ".empty{color:#4b5563;font-style:italic}\n"
    "ul.gaps{padding-left:20px}\n"
    "ul.gaps>li{margin:0 0 10px}\n"
    "ul.sources{padding-left:20px}\n"
    "ul.sources li{margin:0 0 8px}\n"
    ".nw{white-space:nowrap}\n"
    ".url{font-size:12.5px;color:#4b5563;word-break:break-all}\n"
    "a{color:#1d5c96}\n"
    "footer{margin-top:44px;padding-top:12px;border-top:1px solid #d5dbe3;font-size:13px;"
    "color:#4b5563}\n"
    "@page{margin:16mm 14mm}\n"
    "@media print{body{font-size:10.5pt}.page{max-width:none;padding:0}nav.toc{display:none}"
    "h2{break-after:avoid}figure,tr,.card{break-inside:avoid}a{color:inherit}"
    "figure.wide{overflow:visible}}\n";

/* ---- words ---- */

static const char *const vg_month_nl[12] = {"januari",   "februari", "maart",    "april",
                                            "mei",       "juni",     "juli",     "augustus",
                                            "september", "oktober",  "november", "december"};
static const char *const vg_month_en[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

/* A partial date in words: "2021", "januari 2022", "1 december 2021". */
static void vg_date_words(char *buf, size_t size, const veilig_date *d, int en) {
    const char *month =
        d->month >= 1 && d->month <= 12 ? (en ? vg_month_en : vg_month_nl)[d->month - 1] : NULL;
    if (!month)
        snprintf(buf, size, "%d", d->year);
    else if (!d->day)
        snprintf(buf, size, "%s %d", month, d->year);
    else
        snprintf(buf, size, "%d %s %d", d->day, month, d->year);
}

/* The province's name, or its code when it is not a Dutch province. */
static const char *vg_province_name(vg_html *h, const char *code) {
    const char *name = veilig_province_name(code, VG_T(h, "nl", "en"));
    return name ? name : code;
}

/* Writes s escaped, its first letter in capitals when it is an ASCII letter. */
static void vg_text_capital(vg_html *h, const char *s) {
    if (s && *s >= 'a' && *s <= 'z') {
        vg_buf_putc(&h->b, (char)(*s - 'a' + 'A'));
        s++;
    }
    vg_text(h, s);
}

/* The membership of m in words ("Aangesloten sinds januari 2022"). */
static void vg_membership_words(vg_html *h, const veilig_municipality *m) {
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
        vg_date_words(d1, sizeof d1, &joined, VG_EN(h));
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
            vg_date_words(d1, sizeof d1, &start, VG_EN(h));
        if (has_end)
            vg_date_words(d2, sizeof d2, &end, VG_EN(h));
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
    vg_text_capital(h, s);
    vg_free(s);
}

/* Writes a number with one decimal at most (decimals 1) or two (2), in the
   report's notation (nl 1.234,5; en 1,234.5); "–" when there is none. */
static void vg_number(vg_html *h, double v, int decimals) {
    long long s;
    char buf[64];
    if (!vg_scale_round(&s, v, decimals)) {
        vg_put(h, "\xE2\x80\x93");
        return;
    }
    vg_format_scaled(buf, sizeof buf, s, decimals, VG_EN(h) ? '.' : ',', VG_EN(h) ? ',' : '.', 1);
    vg_put(h, buf);
}

/* An indicator value in its unit. */
static void vg_value(vg_html *h, double v, const veilig_indicator *ind) {
    switch (veilig_indicator_unit(ind)) {
        case VEILIG_UNIT_PERCENT:
            vg_number(h, v, 1);
            vg_put(h, "%");
            break;
        case VEILIG_UNIT_EURO:
            vg_put(h, VG_EN(h) ? "\xE2\x82\xAC" : "\xE2\x82\xAC\xC2\xA0");
            vg_number(h, v, 2);
            break;
        default:
            vg_number(h, v, 1);
            break;
    }
}

/* Whole cents as money: "€ 1.000", "€ 250,50" (nl); "€1,000", "€250.50" (en). */
static void vg_money(vg_html *h, int64_t cents, const char *currency) {
    char buf[64];
    vg_format_scaled(buf, sizeof buf, cents, 2, VG_EN(h) ? '.' : ',', VG_EN(h) ? ',' : '.', 1);
    if (!currency || strcmp(currency, "EUR") == 0) {
        vg_put(h, VG_EN(h) ? "\xE2\x82\xAC" : "\xE2\x82\xAC\xC2\xA0");
    } else {
        vg_text(h, currency);
        vg_put(h, "\xC2\xA0");
    }
    vg_put(h, buf);
}

/* Percent of a fraction, rounded: 0.724 -> 72. */
static long long vg_percent(double fraction) {
    long long p = 0;
    vg_scale_round(&p, fraction * 100.0, 0);
    return p;
}

/* ---- small collections ---- */

/* Distinct strings in the order they were first added (borrowed). */
typedef struct vg_strset {
    const char **v;
    size_t n, cap;
    int failed;
} vg_strset;

static void vg_strset_add(vg_strset *s, const char *str) {
    if (!str || s->failed)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], str) == 0)
            return;
    if (vg_grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v)) {
        s->failed = 1;
        return;
    }
    s->v[s->n++] = str;
}

/* Unknown category (or approach) codes of measures: of m, or of every
   municipality of reg (active measures only then). */
static void vg_unknown_codes(vg_strset *s, const veilig_registry *reg, const veilig_municipality *m,
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

/* The label of the "other" bucket: "overig (code, code)"; new string. */
static char *vg_other_label(vg_html *h, const vg_strset *codes) {
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

/* ---- document ---- */

static void vg_doc_begin(vg_html *h, const char *title, const char *title2) {
    vg_put(h, "<!DOCTYPE html>\n");
    vg_buf_printf(&h->b, "<html lang=\"%s\">\n<head>\n", VG_EN(h) ? "en" : "nl");
    vg_put(h, "<meta charset=\"utf-8\" />\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    vg_put(h, "<meta name=\"generator\" content=\"libveilig ");
    vg_text(h, veilig_version());
    vg_put(h, "\" />\n<title>");
    vg_text(h, title);
    if (title2) {
        vg_put(h, " \xE2\x80\x94 ");
        vg_text(h, title2);
    }
    vg_put(h, "</title>\n<style>\n");
    vg_put(h, vg_css);
    vg_put(h, "</style>\n</head>\n<body>\n<div class=\"page\">\n");
}

static void vg_doc_end(vg_html *h, int had_personal) {
    vg_put(h, "<footer>\n<p>");
    vg_put(h, VG_T(h, "Gemaakt met libveilig ", "Made with libveilig "));
    vg_text(h, veilig_version());
    vg_put(h, VG_T(h,
                   ". Dit rapport vermeldt bewust geen aanmaakdatum: dezelfde gegevens leveren "
                   "hetzelfde rapport op.",
                   ". This report deliberately carries no date of creation: the same data give "
                   "the same report."));
    if (h->o.flags & VEILIG_REPORT_INCLUDE_PERSONAL)
        vg_put(h, VG_T(h, " Persoonlijke contactgegevens zijn op verzoek opgenomen.",
                       " Personal contact details are included on request."));
    else if (had_personal)
        vg_put(h, VG_T(h, " Persoonlijke contactgegevens zijn weggelaten.",
                       " Personal contact details are left out."));
    vg_put(h, "</p>\n</footer>\n</div>\n</body>\n</html>\n");
}

typedef struct vg_toc_item {
    const char *id, *nl, *en;
} vg_toc_item;

static void vg_toc(vg_html *h, const vg_toc_item *items, size_t n) {
    vg_buf_printf(&h->b, "<nav class=\"toc\" aria-label=\"%s\">\n<ul>\n",
                  VG_T(h, "Inhoud", "Contents"));
    for (size_t i = 0; i < n; i++)
        vg_buf_printf(&h->b, "<li><a href=\"#%s\">%s</a></li>\n", items[i].id,
                      VG_T(h, items[i].nl, items[i].en));
    vg_put(h, "</ul>\n</nav>\n</header>\n<main>\n");
}

static void vg_section(vg_html *h, const char *id, const char *nl, const char *en) {
    vg_buf_printf(&h->b, "<section id=\"%s\">\n<h2>%s</h2>\n", id, VG_T(h, nl, en));
}

static void vg_section_end(vg_html *h) {
    vg_put(h, "</section>\n");
}

static void vg_card(vg_html *h, unsigned long long num, const char *label, const char *extra) {
    vg_buf_printf(&h->b, "<div class=\"card\"><span class=\"num\">%llu</span><span class=\"lbl\">",
                  num);
    vg_put(h, label);
    if (extra) {
        vg_put(h, "<br />");
        vg_put(h, extra);
    }
    vg_put(h, "</span></div>\n");
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

typedef struct vg_source_row {
    const veilig_source *src;
    size_t municipalities; /* municipalities that cite it */
    const veilig_municipality *last;
} vg_source_row;

typedef struct vg_sources {
    vg_source_row *v;
    size_t n, cap;
    int failed;
} vg_sources;

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

static void vg_sources_add(vg_sources *s, const veilig_source *src, const veilig_municipality *m) {
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

static void vg_sources_write(vg_html *h, const vg_sources *s, int show_counts) {
    vg_section(h, "sources", "Bronnen", "Sources");
    if (!s->n) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h, "Er zijn geen bronnen vastgelegd.", "No sources are recorded."));
        vg_section_end(h);
        return;
    }
    vg_put(h, "<ul class=\"sources\">\n");
    for (size_t i = 0; i < s->n; i++) {
        const veilig_source *src = s->v[i].src;
        const char *url = veilig_source_url(src);
        const char *title = veilig_source_title(src);
        const char *publisher = veilig_source_publisher(src);
        veilig_date d;
        vg_put(h, "<li>");
        if (vg_is_web(url)) {
            vg_put(h, "<a href=\"");
            vg_text(h, url);
            vg_put(h, "\">");
            vg_text(h, title && *title ? title : url);
            vg_put(h, "</a>");
        } else {
            vg_put(h, "<strong>");
            vg_text(h, title);
            vg_put(h, "</strong>");
        }
        if (publisher) {
            vg_put(h, " \xE2\x80\x94 ");
            vg_text(h, publisher);
        }
        if (veilig_source_retrieved(&d, src) == VEILIG_OK) {
            char buf[64];
            vg_date_words(buf, sizeof buf, &d, VG_EN(h));
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
            vg_put(h, "<br /><span class=\"url\">");
            vg_text(h, url);
            vg_put(h, "</span>");
        }
        vg_put(h, "</li>\n");
    }
    vg_put(h, "</ul>\n");
    vg_section_end(h);
}

/* ---- contacts ---- */

/* A table cell's text, or a dash when there is none. */
static void vg_cell(vg_html *h, const char *s) {
    vg_text(h, s && *s ? s : "\xE2\x80\x93");
}

/* One contact as a table row; its organisation is the stakeholder of m it
   names, or org. */
static void vg_contact_row(vg_html *h, const veilig_contact *c, const veilig_municipality *m,
                           const char *org) {
    const char *sid = veilig_contact_stakeholder(c);
    const veilig_stakeholder *st = m && sid ? veilig_municipality_find_stakeholder(m, sid) : NULL;
    vg_put(h, "<tr><td>");
    vg_cell(h, veilig_contact_name(c));
    vg_put(h, "</td><td>");
    vg_cell(h, vg_lab(h, VEILIG_VOCAB_ROLE, veilig_contact_role_code(c)));
    vg_put(h, "</td><td>");
    vg_cell(h, st ? veilig_stakeholder_name(st) : sid ? sid : org);
    vg_put(h, "</td><td class=\"nw\">");
    vg_cell(h, veilig_contact_phone(c));
    vg_put(h, "</td><td>");
    vg_cell(h, veilig_contact_email(c));
    vg_put(h, "</td></tr>\n");
}

static void vg_contact_head(vg_html *h) {
    vg_buf_printf(&h->b,
                  "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "</tr></thead>\n<tbody>\n",
                  VG_T(h, "Naam", "Name"), VG_T(h, "Rol", "Role"),
                  VG_T(h, "Organisatie", "Organisation"), VG_T(h, "Telefoon", "Phone"),
                  VG_T(h, "E-mail", "E-mail"));
}

/* ---- the programme report ---- */

static int vg_programme_report(vg_html *h) {
    const veilig_registry *reg = h->reg;
    const veilig_programme *prog = veilig_registry_programme(reg);
    const char *pname = prog ? veilig_programme_name(prog) : NULL;
    const char *poperator = prog ? veilig_programme_operator(prog) : NULL;
    size_t nmun = veilig_registry_count(reg);
    veilig_coverage_result *cov = NULL, *cova = NULL;
    veilig_coverage_options copts = VEILIG_COVERAGE_OPTIONS_INIT;
    vg_strset cat_codes = {0}, app_codes = {0};
    vg_sources sources = {0};
    const char **row_labels = NULL, **col_labels = NULL;
    unsigned *cells = NULL;
    vg_svg_bar *bars = NULL;
    char *cat_other = NULL, *app_other = NULL;
    int rc;

    if ((rc = veilig_coverage(&cov, reg, NULL)) != VEILIG_OK)
        goto done;
    copts.axis = VEILIG_VOCAB_APPROACH;
    if ((rc = veilig_coverage(&cova, reg, &copts)) != VEILIG_OK)
        goto done;
    vg_unknown_codes(&cat_codes, reg, NULL, VEILIG_VOCAB_CATEGORY);
    vg_unknown_codes(&app_codes, reg, NULL, VEILIG_VOCAB_APPROACH);
    cat_other = vg_other_label(h, &cat_codes);
    app_other = vg_other_label(h, &app_codes);
    size_t ncols = veilig_coverage_columns(cov), nacols = veilig_coverage_columns(cova);
    row_labels = vg_calloc(nmun ? nmun : 1, sizeof *row_labels);
    col_labels = vg_calloc(ncols ? ncols : 1, sizeof *col_labels);
    cells = vg_calloc(nmun * ncols + 1, sizeof *cells);
    bars = vg_calloc(ncols + nacols + 1, sizeof *bars);
    if (cat_codes.failed || app_codes.failed || !cat_other || !app_other || !row_labels ||
        !col_labels || !cells || !bars) {
        rc = VEILIG_ENOMEM;
        goto done;
    }

    /* figures */
    size_t measures = 0, active = 0, with_measures = 0, covered = 0;
    int had_personal = 0;
    for (size_t k = 0; k < nmun; k++) {
        const veilig_municipality *m = veilig_registry_get(reg, k);
        size_t n = veilig_municipality_measure_count(m);
        measures += n;
        with_measures += n > 0;
        for (size_t i = 0; i < n; i++)
            active += veilig_measure_is_active(veilig_municipality_measure(m, i), NULL) != 0;
        row_labels[k] = veilig_municipality_name(m);
        for (size_t c = 0; c < ncols; c++)
            cells[k * ncols + c] = veilig_coverage_count(cov, k, c);
    }
    for (size_t c = 0; c < ncols; c++) {
        int value = veilig_coverage_column(cov, c);
        col_labels[c] = value
                            ? vg_lab(h, VEILIG_VOCAB_CATEGORY, veilig_coverage_column_code(cov, c))
                            : cat_other;
        if (value && veilig_coverage_column_total(cov, c))
            covered++;
    }

    vg_doc_begin(h, pname ? pname : VG_T(h, "Programmarapport", "Programme report"),
                 pname ? VG_T(h, "programmarapport", "programme report") : NULL);
    vg_put(h, "<header class=\"top\">\n");
    vg_buf_printf(&h->b, "<p class=\"kicker\">%s</p>\n<h1>",
                  VG_T(h, "Programmarapport", "Programme report"));
    vg_text(h, pname ? pname
                     : VG_T(h, "Gemeentelijke aanpak van straatintimidatie",
                            "Municipal approaches to street harassment"));
    vg_put(h, "</h1>\n");
    if (poperator) {
        vg_buf_printf(&h->b, "<p class=\"sub\">%s ", VG_T(h, "Uitgevoerd door", "Run by"));
        vg_text(h, poperator);
        vg_put(h, "</p>\n");
    }
    static const vg_toc_item toc[] = {
        {"figures", "Kerncijfers", "Key figures"},
        {"coverage", "Dekking", "Coverage"},
        {"measures", "Maatregelen", "Measures"},
        {"municipalities", "Gemeenten", "Municipalities"},
        {"sources", "Bronnen", "Sources"},
        {"contact", "Contact", "Contact"},
    };
    vg_toc(h, toc, sizeof toc / sizeof toc[0]);

    vg_section(h, "figures", "Kerncijfers", "Key figures");
    vg_buf_printf(&h->b, "<p class=\"lead\">%s</p>\n",
                  VG_T(h,
                       "Hoe de deelnemende gemeenten seksuele straatintimidatie en onveiligheid "
                       "in de openbare ruimte en het uitgaansleven aanpakken: welke maatregelen "
                       "zij nemen, en waar.",
                       "How the participating municipalities tackle sexual street harassment "
                       "and unsafety in public space and nightlife: which measures they take, "
                       "and where."));
    vg_put(h, "<div class=\"cards\">\n");
    vg_card(h, nmun, VG_T(h, "gemeenten", "municipalities"), NULL);
    {
        char extra[96];
        snprintf(extra, sizeof extra, VG_T(h, "waarvan %zu actief", "%zu of them active"), active);
        vg_card(h, measures, VG_T(h, "maatregelen", "measures"), extra);
    }
    {
        char label[96];
        snprintf(label, sizeof label,
                 VG_T(h, "van de %d categorie\xC3\xABn gedekt door actieve maatregelen",
                      "of %d categories covered by active measures"),
                 veilig_vocab_size(VEILIG_VOCAB_CATEGORY));
        vg_card(h, covered, label, NULL);
    }
    vg_card(h, with_measures,
            VG_T(h, "gemeenten met ten minste \xC3\xA9\xC3\xA9n vastgelegde maatregel",
                 "municipalities with at least one recorded measure"),
            NULL);
    vg_put(h, "</div>\n");
    vg_section_end(h);

    /* coverage */
    vg_section(h, "coverage", "Dekking per gemeente en categorie",
               "Coverage by municipality and category");
    vg_buf_printf(&h->b, "<p>%s</p>\n",
                  VG_T(h,
                       "Elk vak telt de actieve maatregelen van een gemeente in een categorie; "
                       "hoe donkerder, hoe meer. Een leeg vak: geen actieve maatregel in die "
                       "categorie vastgelegd.",
                       "Each cell counts a municipality's active measures in a category; the "
                       "darker, the more. An empty cell: no active measure recorded in that "
                       "category."));
    {
        vg_svg_heatmap hm;
        memset(&hm, 0, sizeof hm);
        hm.title = VG_T(h, "Actieve maatregelen per gemeente en categorie",
                        "Active measures by municipality and category");
        hm.rows = nmun;
        hm.cols = ncols;
        hm.row_labels = row_labels;
        hm.col_labels = col_labels;
        hm.cells = cells;
        hm.total_label = VG_T(h, "totaal", "total");
        hm.legend_label = VG_T(h, "actieve maatregelen", "active measures");
        hm.empty_text =
            VG_T(h, "Het register bevat geen gemeenten.", "The registry holds no municipalities.");
        vg_put(h, "<figure class=\"wide\">\n");
        vg_svg_heatmap_write(&h->b, &hm);
        vg_buf_printf(&h->b, "\n<figcaption>%s</figcaption>\n</figure>\n",
                      VG_T(h,
                           "Dekkingsmatrix: gemeenten (rijen) tegen categorie\xC3\xABn van "
                           "maatregelen (kolommen).",
                           "Coverage matrix: municipalities (rows) against categories of "
                           "measures (columns)."));
    }
    vg_section_end(h);

    /* measures per approach and category */
    vg_section(h, "measures", "Maatregelen in het programma", "Measures across the programme");
    vg_buf_printf(&h->b, "<p>%s</p>\n",
                  VG_T(h, "De actieve maatregelen van alle gemeenten samen.",
                       "The active measures of all municipalities together."));
    vg_buf_printf(&h->b, "<h3>%s</h3>\n<figure>\n", VG_T(h, "Per aanpak", "By approach"));
    for (size_t c = 0; c < nacols; c++) {
        int value = veilig_coverage_column(cova, c);
        bars[c].label = value
                            ? vg_lab(h, VEILIG_VOCAB_APPROACH, veilig_coverage_column_code(cova, c))
                            : app_other;
        bars[c].value = veilig_coverage_column_total(cova, c);
        bars[c].muted = !value;
    }
    vg_svg_bars(&h->b, VG_T(h, "Actieve maatregelen per aanpak", "Active measures by approach"),
                bars, nacols);
    vg_put(h, "\n</figure>\n");
    vg_buf_printf(&h->b, "<h3>%s</h3>\n<figure>\n", VG_T(h, "Per categorie", "By category"));
    for (size_t c = 0; c < ncols; c++) {
        bars[c].label = col_labels[c];
        bars[c].value = veilig_coverage_column_total(cov, c);
        bars[c].muted = !veilig_coverage_column(cov, c);
    }
    vg_svg_bars(&h->b, VG_T(h, "Actieve maatregelen per categorie", "Active measures by category"),
                bars, ncols);
    vg_put(h, "\n</figure>\n");
    vg_section_end(h);

    /* municipalities */
    vg_section(h, "municipalities", "Gemeenten", "Municipalities");
    if (!nmun) {
        vg_buf_printf(
            &h->b, "<p class=\"empty\">%s</p>\n",
            VG_T(h, "Het register bevat geen gemeenten.", "The registry holds no municipalities."));
    } else {
        vg_buf_printf(&h->b,
                      "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n",
                      VG_T(h, "Gemeente", "Municipality"), VG_T(h, "Provincie", "Province"),
                      VG_T(h, "Deelname", "Membership"), VG_T(h, "Samenvatting", "Summary"),
                      VG_T(h, "Maatregelen", "Measures"));
        for (size_t k = 0; k < nmun; k++) {
            const veilig_municipality *m = veilig_registry_get(reg, k);
            vg_put(h, "<tr><td><strong>");
            vg_text(h, veilig_municipality_name(m));
            vg_put(h, "</strong><br /><span class=\"code\">");
            vg_text(h, veilig_municipality_code(m));
            vg_put(h, "</span></td><td class=\"nw\">");
            vg_cell(h, vg_province_name(h, veilig_municipality_province(m)));
            vg_put(h, "</td><td>");
            vg_membership_words(h, m);
            vg_put(h, "</td><td>");
            vg_text(h, veilig_municipality_summary(m));
            vg_buf_printf(&h->b, "</td><td class=\"num\">%zu</td></tr>\n",
                          veilig_municipality_measure_count(m));
        }
        vg_put(h, "</tbody>\n</table>\n");
    }
    vg_section_end(h);

    /* sources: the programme's, then the municipalities', each address once */
    for (size_t i = 0; prog && i < veilig_programme_source_count(prog); i++)
        vg_sources_add(&sources, veilig_programme_source(prog, i), NULL);
    for (size_t k = 0; k < nmun; k++) {
        const veilig_municipality *m = veilig_registry_get(reg, k);
        for (size_t i = 0; i < veilig_municipality_source_count(m); i++)
            vg_sources_add(&sources, veilig_municipality_source(m, i), m);
    }
    if (sources.failed) {
        rc = VEILIG_ENOMEM;
        goto done;
    }
    vg_sources_write(h, &sources, 1);

    /* the programme's public contact */
    vg_section(h, "contact", "Contact", "Contact");
    {
        const veilig_contact *c = prog ? veilig_programme_contact(prog) : NULL;
        if (c && veilig_contact_personal(c) && !(h->o.flags & VEILIG_REPORT_INCLUDE_PERSONAL)) {
            had_personal = 1;
            c = NULL;
        }
        if (c) {
            vg_buf_printf(
                &h->b, "<p>%s</p>\n",
                VG_T(h, "Voor vragen over het programma:", "For questions about the programme:"));
            vg_contact_head(h);
            vg_contact_row(h, c, NULL, poperator);
            vg_put(h, "</tbody>\n</table>\n");
        } else {
            vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                          VG_T(h, "Er is geen openbaar contact van het programma vastgelegd.",
                               "No public contact of the programme is recorded."));
        }
    }
    vg_section_end(h);
    vg_put(h, "</main>\n");
    vg_doc_end(h, had_personal);
    rc = VEILIG_OK;

done:
    veilig_coverage_free(cov);
    veilig_coverage_free(cova);
    vg_free(cat_codes.v);
    vg_free(app_codes.v);
    vg_free(sources.v);
    vg_free(cat_other);
    vg_free(app_other);
    vg_free(row_labels);
    vg_free(col_labels);
    vg_free(cells);
    vg_free(bars);
    return rc;
}

/* ---- the municipality report ---- */

/* Tags for a list of codes of a vocabulary. */
typedef const char *(*vg_code_at)(const void *obj, size_t i);

static void vg_tags(vg_html *h, veilig_vocab vocab, const void *obj, size_t n, vg_code_at at,
                    const char *cls) {
    for (size_t i = 0; i < n; i++) {
        vg_buf_printf(&h->b, "<span class=\"tag%s\">", cls ? cls : "");
        vg_text(h, vg_lab(h, vocab, at(obj, i)));
        vg_put(h, "</span>");
    }
}

static const char *vg_m_group(const void *m, size_t i) {
    return veilig_municipality_target_group_code(m, i);
}
static const char *vg_m_setting(const void *m, size_t i) {
    return veilig_municipality_setting_code(m, i);
}
static const char *vg_m_focus(const void *m, size_t i) {
    return veilig_municipality_focus_code(m, i);
}
static const char *vg_s_role(const void *s, size_t i) {
    return veilig_stakeholder_role_code(s, i);
}

/* Short day names for schedules and the window. */
static const char *vg_day_short(vg_html *h, int d) {
    static const char *const nl[7] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    static const char *const en[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return d >= 1 && d <= 7 ? (VG_EN(h) ? en : nl)[d - 1] : NULL;
}

static void vg_hhmm(char *buf, size_t size, int minutes) {
    snprintf(buf, size, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
}

/* A schedule window in short: "vr, za 18:00–06:00", "dagelijks avond". */
static void vg_window_words(vg_html *h, const veilig_window *w) {
    size_t nd = veilig_window_day_count(w);
    for (size_t i = 0; i < nd; i++) {
        const char *s = vg_day_short(h, (int)veilig_window_day(w, i));
        if (i)
            vg_put(h, ", ");
        vg_text(h, s ? s : veilig_window_day_code(w, i));
    }
    if (!nd)
        vg_put(h, VG_T(h, "dagelijks", "daily"));
    int from = veilig_window_from(w), to = veilig_window_to(w);
    if (from >= 0 && to >= 0) {
        char a[16], b[16];
        vg_hhmm(a, sizeof a, from);
        vg_hhmm(b, sizeof b, to);
        vg_buf_printf(&h->b, " %s\xE2\x80\x93%s", a, b);
    } else {
        for (size_t i = 0; i < veilig_window_daypart_count(w); i++) {
            vg_put(h, i ? ", " : " ");
            vg_text(h, vg_lab(h, VEILIG_VOCAB_DAYPART, veilig_window_daypart_code(w, i)));
        }
    }
}

/* The details line under a measure's name: status, area, schedule, budget, evidence. */
static void vg_measure_details(vg_html *h, const veilig_measure *ms) {
    int parts = 0;
    const char *status = veilig_measure_status_code(ms);
    const char *area = veilig_measure_area_name(ms);
    const char *evidence = veilig_measure_evidence_code(ms);
    int64_t cents;
#define VG_PART() vg_put(h, parts++ ? " \xC2\xB7 " : "<br /><span class=\"muted small\">")
    if (status) {
        VG_PART();
        vg_text_capital(h, vg_lab(h, VEILIG_VOCAB_MEASURE_STATE, status));
    }
    if (area) {
        VG_PART();
        vg_text(h, area);
    }
    for (size_t i = 0; i < veilig_measure_window_count(ms); i++) {
        VG_PART();
        vg_window_words(h, veilig_measure_window(ms, i));
    }
    if (veilig_measure_budget_cents(&cents, ms) == VEILIG_OK) {
        VG_PART();
        vg_put(h, VG_T(h, "budget ", "budget "));
        vg_money(h, cents, veilig_measure_budget_currency(ms));
    }
    if (evidence && veilig_measure_evidence(ms) != VEILIG_EVIDENCE_UNKNOWN) {
        VG_PART();
        vg_text_capital(h, vg_lab(h, VEILIG_VOCAB_EVIDENCE, evidence));
    }
#undef VG_PART
    if (parts)
        vg_put(h, "</span>");
}

/* The approach of a measure as stored, or its category's usual one. */
static const char *vg_measure_approach_code(const veilig_measure *ms) {
    const char *code = veilig_measure_approach_code(ms);
    return code ? code : veilig_approach_code(veilig_measure_approach(ms));
}

static void vg_measures_table(vg_html *h, const veilig_municipality *m) {
    size_t n = veilig_municipality_measure_count(m);
    vg_buf_printf(&h->b, "<h3>%s</h3>\n", VG_T(h, "Alle maatregelen", "All measures"));
    if (!n) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h, "Voor deze gemeente zijn nog geen maatregelen vastgelegd.",
                           "No measures are recorded for this municipality yet."));
        return;
    }
    vg_buf_printf(&h->b,
                  "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "</tr></thead>\n<tbody>\n",
                  VG_T(h, "Maatregel", "Measure"), VG_T(h, "Categorie", "Category"),
                  VG_T(h, "Aanpak", "Approach"), VG_T(h, "Doelgroepen", "Target groups"),
                  VG_T(h, "Partners", "Partners"));
    for (size_t i = 0; i < n; i++) {
        const veilig_measure *ms = veilig_municipality_measure(m, i);
        const char *desc = veilig_measure_description(ms);
        vg_put(h, "<tr><td><strong>");
        vg_text(h, veilig_measure_name(ms));
        vg_put(h, "</strong>");
        if (desc) {
            vg_put(h, "<br /><span class=\"small\">");
            vg_text(h, desc);
            vg_put(h, "</span>");
        }
        vg_measure_details(h, ms);
        vg_put(h, "</td><td>");
        vg_text(h, vg_lab(h, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms)));
        vg_put(h, "</td><td>");
        vg_text(h, vg_lab(h, VEILIG_VOCAB_APPROACH, vg_measure_approach_code(ms)));
        vg_put(h, "</td><td>");
        for (size_t g = 0; g < veilig_measure_target_group_count(ms); g++) {
            if (g)
                vg_put(h, ", ");
            vg_text(h,
                    vg_lab(h, VEILIG_VOCAB_TARGET_GROUP, veilig_measure_target_group_code(ms, g)));
        }
        vg_put(h, "</td><td>");
        for (size_t p = 0; p < veilig_measure_partner_count(ms); p++) {
            const veilig_partner *pa = veilig_measure_partner(ms, p);
            const char *sid = veilig_partner_stakeholder(pa);
            const veilig_stakeholder *st = veilig_municipality_find_stakeholder(m, sid);
            const char *role = veilig_partner_role_code(pa);
            if (p)
                vg_put(h, "<br />");
            vg_text(h, st ? veilig_stakeholder_name(st) : sid);
            if (role) {
                vg_put(h, " <span class=\"muted\">(");
                vg_text(h, vg_lab(h, VEILIG_VOCAB_ROLE, role));
                vg_put(h, ")</span>");
            }
        }
        vg_put(h, "</td></tr>\n");
    }
    vg_put(h, "</tbody>\n</table>\n");
}

/* Measures per approach and per category, as bar charts (from the profile). */
static int vg_profile_charts(vg_html *h, const veilig_municipality *m,
                             const veilig_profile_result *p) {
    vg_strset cat_codes = {0}, app_codes = {0};
    char *cat_other = NULL, *app_other = NULL;
    int na = veilig_vocab_size(VEILIG_VOCAB_APPROACH),
        nc = veilig_vocab_size(VEILIG_VOCAB_CATEGORY);
    vg_svg_bar *bars = vg_calloc((size_t)(na > nc ? na : nc) + 1, sizeof *bars);
    int rc = VEILIG_ENOMEM;
    vg_unknown_codes(&cat_codes, NULL, m, VEILIG_VOCAB_CATEGORY);
    vg_unknown_codes(&app_codes, NULL, m, VEILIG_VOCAB_APPROACH);
    cat_other = vg_other_label(h, &cat_codes);
    app_other = vg_other_label(h, &app_codes);
    if (!bars || cat_codes.failed || app_codes.failed || !cat_other || !app_other)
        goto done;

    size_t n = 0;
    for (int a = 1; a <= na; a++) {
        bars[n].label = vg_lab(h, VEILIG_VOCAB_APPROACH, veilig_approach_code((veilig_approach)a));
        bars[n].value = veilig_profile_approach_count(p, (veilig_approach)a);
        bars[n++].muted = 0;
    }
    if (veilig_profile_approach_count(p, VEILIG_APPROACH_OTHER)) {
        bars[n].label = app_other;
        bars[n].value = veilig_profile_approach_count(p, VEILIG_APPROACH_OTHER);
        bars[n++].muted = 1;
    }
    vg_buf_printf(&h->b, "<h3>%s</h3>\n<figure>\n", VG_T(h, "Per aanpak", "By approach"));
    vg_svg_bars(&h->b, VG_T(h, "Maatregelen per aanpak", "Measures by approach"), bars, n);
    vg_put(h, "\n</figure>\n");

    n = 0;
    for (int c = 1; c <= nc; c++) {
        bars[n].label = vg_lab(h, VEILIG_VOCAB_CATEGORY, veilig_category_code((veilig_category)c));
        bars[n].value = veilig_profile_category_count(p, (veilig_category)c);
        bars[n++].muted = 0;
    }
    if (veilig_profile_category_count(p, VEILIG_CATEGORY_OTHER)) {
        bars[n].label = cat_other;
        bars[n].value = veilig_profile_category_count(p, VEILIG_CATEGORY_OTHER);
        bars[n++].muted = 1;
    }
    vg_buf_printf(&h->b, "<h3>%s</h3>\n<figure>\n", VG_T(h, "Per categorie", "By category"));
    vg_svg_bars(&h->b, VG_T(h, "Maatregelen per categorie", "Measures by category"), bars, n);
    vg_buf_printf(&h->b, "\n<figcaption>%s</figcaption>\n</figure>\n",
                  VG_T(h,
                       "Alle vastgelegde maatregelen, ook geplande en be\xC3\xABindigde. Een "
                       "categorie met 0 is een mogelijke leemte (zie Aandachtspunten).",
                       "All recorded measures, planned and ended ones included. A category at "
                       "0 is a possible gap (see Gaps)."));
    rc = VEILIG_OK;
done:
    vg_free(bars);
    vg_free(cat_codes.v);
    vg_free(app_codes.v);
    vg_free(cat_other);
    vg_free(app_other);
    return rc;
}

/* The default window of the schedule analysis: Friday and Saturday 22:00-04:00. */
#define VG_WIN_DAYS ((1u << (VEILIG_DAY_FRI - 1)) | (1u << (VEILIG_DAY_SAT - 1)))
#define VG_WIN_FROM (22 * 60)
#define VG_WIN_TO   (4 * 60)

/* Marks the hour slots (day * 24 + hour, Monday 0) a window touches. */
static void vg_mark_window(unsigned char *marked, unsigned days, int from, int to) {
    memset(marked, 0, 7 * 24);
    for (int d = 0; d < 7; d++) {
        if (!(days & (1u << d)))
            continue;
        int start = d * 1440 + from;
        int end = to > from ? d * 1440 + to : (d + 1) * 1440 + to;
        for (int t = start; t < end; t++)
            marked[(t / 60) % (7 * 24)] = 1;
    }
}

/* "vr/za 22:00-04:00" */
static void vg_window_label(vg_html *h, char *buf, size_t size) {
    char from[16], to[16];
    size_t k = 0;
    buf[0] = '\0';
    for (int d = 1; d <= 7; d++) {
        if (!(VG_WIN_DAYS & (1u << (d - 1))))
            continue;
        int w = snprintf(buf + k, size - k, "%s%s", k ? "/" : "", vg_day_short(h, d));
        if (w < 0 || (size_t)w >= size - k)
            return;
        k += (size_t)w;
    }
    vg_hhmm(from, sizeof from, VG_WIN_FROM);
    vg_hhmm(to, sizeof to, VG_WIN_TO);
    snprintf(buf + k, size - k, " %s-%s", from, to);
}

static int vg_schedule_section(vg_html *h, const veilig_municipality *m) {
    veilig_schedule_result *s = NULL;
    int rc = veilig_schedule(&s, m, NULL);
    if (rc != VEILIG_OK)
        return rc;
    unsigned slots[7 * 24];
    unsigned char marked[7 * 24];
    char window[64];
    vg_mark_window(marked, VG_WIN_DAYS, VG_WIN_FROM, VG_WIN_TO);
    vg_window_label(h, window, sizeof window);
    for (int d = 0; d < 7; d++)
        for (int hr = 0; hr < 24; hr++)
            slots[d * 24 + hr] = veilig_schedule_slot(s, (veilig_day)(d + 1), hr);
    unsigned minutes = veilig_schedule_window_minutes(s);
    unsigned covered = veilig_schedule_covered_minutes(s);
    size_t with_schedule = veilig_schedule_measure_count(s);
    unsigned long pct = minutes ? (unsigned long)covered * 100 / minutes : 0;

    vg_section(h, "schedule", "Wanneer: de week", "When: the week");
    vg_put(h, "<p class=\"callout\"><strong>");
    if (covered && !pct)
        vg_put(h, "&lt;1%");
    else
        vg_buf_printf(&h->b, "%lu%%", pct);
    vg_buf_printf(
        &h->b,
        VG_T(h, " van het uitgaansvenster %s is gedekt", " of the nightlife window %s is covered"),
        window);
    vg_put(h, "</strong>");
    vg_buf_printf(&h->b,
                  VG_T(h,
                       ": %u van de %u minuten valt onder ten minste \xC3\xA9\xC3\xA9n actieve "
                       "maatregel.",
                       ": %u of its %u minutes fall under at least one active measure."),
                  covered, minutes);
    vg_put(h, "</p>\n<p>");
    if (!with_schedule)
        vg_put(h, VG_T(h,
                       "Geen van de actieve maatregelen heeft een vastgelegd rooster, dus de week "
                       "hieronder is leeg.",
                       "None of the active measures has a recorded schedule, so the week below "
                       "is empty."));
    else
        vg_buf_printf(&h->b,
                      VG_T(h,
                           "%zu %s met een rooster. Elk vak telt de actieve maatregelen die in "
                           "dat uur (een deel van de tijd) lopen.",
                           "%zu %s with a schedule. Each cell counts the active measures running "
                           "in that hour (for some of it)."),
                      with_schedule,
                      with_schedule == 1 ? VG_T(h, "maatregel", "measure")
                                         : VG_T(h, "maatregelen", "measures"));
    vg_put(h, "</p>\n<figure class=\"wide\">\n");
    {
        vg_svg_week w;
        char marked_label[160];
        memset(&w, 0, sizeof w);
        w.title = VG_T(h, "Actieve maatregelen per uur van de week",
                       "Active measures per hour of the week");
        for (int d = 0; d < 7; d++)
            w.day_labels[d] = vg_lab(h, VEILIG_VOCAB_DAY, veilig_day_code((veilig_day)(d + 1)));
        w.slots = slots;
        w.marked = marked;
        snprintf(marked_label, sizeof marked_label,
                 VG_T(h, "omlijnd: het uitgaansvenster %s", "outlined: the nightlife window %s"),
                 window);
        w.marked_label = marked_label;
        w.legend_label = VG_T(h, "actieve maatregelen", "active measures");
        vg_svg_week_write(&h->b, &w);
    }
    vg_buf_printf(&h->b, "\n<figcaption>%s</figcaption>\n</figure>\n",
                  VG_T(h,
                       "Weekrooster: dagen (rijen) tegen uren (kolommen). Een venster dat na "
                       "middernacht doorloopt, telt mee op de volgende dag.",
                       "Weekly schedule: days (rows) against hours (columns). A window that runs "
                       "past midnight counts on the next day."));
    vg_section_end(h);
    veilig_schedule_free(s);
    return VEILIG_OK;
}

static const char *vg_track_words(vg_html *h, veilig_track t, int *tone) {
    switch (t) {
        case VEILIG_TRACK_ACHIEVED:
            *tone = VG_TONE_GOOD;
            return VG_T(h, "doel bereikt", "target reached");
        case VEILIG_TRACK_ON_TRACK:
            *tone = VG_TONE_ON;
            return VG_T(h, "op koers", "on track");
        case VEILIG_TRACK_OFF_TRACK:
            *tone = VG_TONE_OFF;
            return VG_T(h, "niet op koers", "off track");
        default:
            *tone = VG_TONE_NEUTRAL;
            return VG_T(h, "onbekend", "unknown");
    }
}

/* A value with its date: "12,5% (2021)". */
static void vg_value_dated(vg_html *h, int has_value, double v, int has_date, const veilig_date *d,
                           const veilig_indicator *ind) {
    if (!has_value) {
        vg_put(h, "\xE2\x80\x93");
        return;
    }
    vg_value(h, v, ind);
    if (has_date) {
        char buf[64];
        vg_date_words(buf, sizeof buf, d, VG_EN(h));
        vg_buf_printf(&h->b, " <span class=\"muted\">(%s)</span>", buf);
    }
}

static int vg_progress_section(vg_html *h, const veilig_municipality *m) {
    veilig_progress_result *p = NULL;
    vg_svg_progress_row *rows = NULL;
    vg_buf texts;
    size_t *offsets = NULL;
    int rc = veilig_progress(&p, m, NULL);
    if (rc != VEILIG_OK)
        return rc;
    size_t n = veilig_progress_count(p);
    vg_buf_init(&texts);

    vg_section(h, "indicators", "Indicatoren en voortgang", "Indicators and progress");
    if (!n) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h,
                           "Deze gemeente heeft geen indicatoren vastgelegd, dus de voortgang van "
                           "de aanpak is (nog) niet te volgen.",
                           "This municipality has recorded no indicators, so the progress of its "
                           "approach cannot be followed (yet)."));
        vg_section_end(h);
        veilig_progress_free(p);
        return VEILIG_OK;
    }
    rows = vg_calloc(n, sizeof *rows);
    offsets = vg_calloc(n, sizeof *offsets);
    if (!rows || !offsets) {
        rc = VEILIG_ENOMEM;
        goto done;
    }
    /* the texts after the bars, in one buffer (offsets, since it may move) */
    for (size_t i = 0; i < n; i++) {
        double f;
        int tone;
        const char *words = vg_track_words(h, veilig_progress_track(p, i), &tone);
        offsets[i] = texts.len;
        rows[i].label = veilig_indicator_name(veilig_progress_indicator(p, i));
        rows[i].tone = tone;
        if (veilig_progress_fraction(&f, p, i) == VEILIG_OK) {
            long long pm = 0;
            vg_scale_round(&pm, f, 3);
            if (pm > 100000)
                pm = 100000;
            if (pm < -100000)
                pm = -100000;
            rows[i].has_value = 1;
            rows[i].permille = (long)pm;
            vg_buf_printf(&texts, "%lld%% \xC2\xB7 %s", vg_percent(f), words);
        } else {
            vg_buf_printf(&texts, "%s \xC2\xB7 %s", VG_T(h, "geen voortgang", "no progress"),
                          words);
        }
        vg_buf_putc(&texts, '\0');
    }
    if (texts.failed) {
        rc = VEILIG_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        rows[i].value_text = texts.data + offsets[i];

    vg_buf_printf(&h->b, "<p>%s</p>\n<figure>\n",
                  VG_T(h,
                       "Hoe ver elke indicator is van de nulmeting (0%) naar het doel (100%), "
                       "en of de lijn door de metingen het doel op tijd haalt.",
                       "How far each indicator has come from its baseline (0%) to its target "
                       "(100%), and whether the line through the observations reaches the "
                       "target in time."));
    vg_svg_progress(&h->b, VG_T(h, "Voortgang van de indicatoren", "Progress of the indicators"),
                    VG_T(h, "doel", "target"), rows, n);
    vg_put(h, "\n</figure>\n");

    vg_buf_printf(&h->b,
                  "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                  VG_T(h, "Indicator", "Indicator"), VG_T(h, "Nulmeting", "Baseline"),
                  VG_T(h, "Doel", "Target"), VG_T(h, "Laatste meting", "Latest observation"),
                  VG_T(h, "Prognose op de doeldatum", "Projection at the target date"),
                  VG_T(h, "Status", "Status"));
    for (size_t i = 0; i < n; i++) {
        const veilig_indicator *ind = veilig_progress_indicator(p, i);
        veilig_date bd, td, ld;
        double bv, tv, lv, pv;
        int tone;
        const char *level = veilig_indicator_level_code(ind);
        const char *dir = veilig_indicator_direction_code(ind);
        vg_put(h, "<tr><td><strong>");
        vg_text(h, veilig_indicator_name(ind));
        vg_put(h, "</strong>");
        if (level || dir) {
            vg_put(h, "<br /><span class=\"muted small\">");
            if (level)
                vg_text_capital(h, vg_lab(h, VEILIG_VOCAB_RESULT_LEVEL, level));
            if (level && dir)
                vg_put(h, " \xC2\xB7 ");
            if (dir) {
                veilig_direction dv = veilig_indicator_direction(ind);
                if (dv == VEILIG_DIRECTION_INCREASE)
                    vg_put(h, VG_T(h, "hoger is beter", "higher is better"));
                else if (dv == VEILIG_DIRECTION_DECREASE)
                    vg_put(h, VG_T(h, "lager is beter", "lower is better"));
                else
                    vg_text(h, dir);
            }
            vg_put(h, "</span>");
        }
        vg_put(h, "</td><td>");
        /* (the getters run before their values are read) */
        int has_bv = veilig_indicator_baseline_value(&bv, ind) == VEILIG_OK;
        int has_bd = veilig_indicator_baseline_date(&bd, ind) == VEILIG_OK;
        int has_tv = veilig_indicator_target_value(&tv, ind) == VEILIG_OK;
        int has_td = veilig_indicator_target_date(&td, ind) == VEILIG_OK;
        int has_latest = veilig_progress_latest(&lv, &ld, p, i) == VEILIG_OK;
        int has_pv = veilig_progress_projection(&pv, p, i) == VEILIG_OK;
        vg_value_dated(h, has_bv, bv, has_bd, &bd, ind);
        vg_put(h, "</td><td>");
        vg_value_dated(h, has_tv, tv, has_td, &td, ind);
        vg_put(h, "</td><td>");
        vg_value_dated(h, has_latest, lv, has_latest, &ld, ind);
        vg_put(h, "</td><td>");
        vg_value_dated(h, has_pv, pv, 0, NULL, ind);
        vg_put(h, "</td><td>");
        vg_text_capital(h, vg_track_words(h, veilig_progress_track(p, i), &tone));
        vg_put(h, "</td></tr>\n");
    }
    vg_put(h, "</tbody>\n</table>\n");
    vg_section_end(h);
    rc = VEILIG_OK;
done:
    vg_free(rows);
    vg_free(offsets);
    vg_buf_free(&texts);
    veilig_progress_free(p);
    return rc;
}

static void vg_gaps_section(vg_html *h, const veilig_profile_result *p) {
    size_t n = veilig_profile_gap_count(p);
    vg_section(h, "gaps", "Aandachtspunten", "Gaps");
    if (!n) {
        vg_buf_printf(&h->b, "<p>%s</p>\n",
                      VG_T(h, "Het profiel laat geen leemtes zien.", "The profile shows no gaps."));
        vg_section_end(h);
        return;
    }
    vg_buf_printf(&h->b, "<p>%s</p>\n<ul class=\"gaps\">\n",
                  VG_T(h,
                       "Wat in het vastgelegde profiel ontbreekt. Een leemte kan een bewuste "
                       "keuze zijn, of iets wat (nog) niet is vastgelegd.",
                       "What the recorded profile lacks. A gap may be a deliberate choice, or "
                       "something not recorded (yet)."));
    for (int kind = VEILIG_GAP_CATEGORY; kind <= VEILIG_GAP_NO_EXECUTING_PARTY; kind++) {
        size_t count = 0;
        for (size_t i = 0; i < n; i++)
            count += veilig_profile_gap_kind(p, i) == (veilig_gap_kind)kind;
        if (!count)
            continue;
        vg_put(h, "<li><strong>");
        switch (kind) {
            case VEILIG_GAP_CATEGORY:
                vg_put(h, VG_T(h, "Categorie\xC3\xABn zonder maatregel",
                               "Categories without a measure"));
                break;
            case VEILIG_GAP_TARGET_GROUP:
                vg_put(h, VG_T(h, "Doelgroepen uit de reikwijdte die geen maatregel bedient",
                               "Target groups of the scope that no measure serves"));
                break;
            case VEILIG_GAP_NO_INDICATOR:
                vg_put(h, VG_T(h, "Maatregelen zonder indicator", "Measures without an indicator"));
                break;
            default:
                vg_put(h, VG_T(h, "Maatregelen zonder uitvoerende partij",
                               "Measures without an executing party"));
                break;
        }
        vg_buf_printf(&h->b, " (%zu)</strong>", count);
        int measures = kind == VEILIG_GAP_NO_INDICATOR || kind == VEILIG_GAP_NO_EXECUTING_PARTY;
        vg_put(h, measures ? "\n<ul>\n" : ": ");
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (veilig_profile_gap_kind(p, i) != (veilig_gap_kind)kind)
                continue;
            if (measures) {
                const veilig_measure *ms = veilig_profile_gap_measure(p, i);
                vg_put(h, "<li>");
                vg_text(h, veilig_measure_name(ms));
                vg_put(h, "</li>\n");
            } else {
                if (k++)
                    vg_put(h, ", ");
                vg_text(h, vg_lab(h,
                                  kind == VEILIG_GAP_CATEGORY ? VEILIG_VOCAB_CATEGORY
                                                              : VEILIG_VOCAB_TARGET_GROUP,
                                  veilig_profile_gap_code(p, i)));
            }
        }
        vg_put(h, measures ? "</ul>\n</li>\n" : ".</li>\n");
    }
    vg_put(h, "</ul>\n");
    vg_section_end(h);
}

static int vg_peers_section(vg_html *h, const veilig_municipality *m) {
    veilig_peers_result *p = NULL;
    veilig_peers_options po = VEILIG_PEERS_OPTIONS_INIT;
    po.k = h->o.peers;
    int rc = veilig_peers(&p, h->reg, m, &po);
    if (rc != VEILIG_OK)
        return rc;
    size_t n = veilig_peers_count(p);
    vg_section(h, "peers", "Vergelijkbare gemeenten en suggesties",
               "Similar municipalities and suggestions");
    vg_buf_printf(&h->b, "<p>%s</p>\n",
                  VG_T(h,
                       "De gemeenten met de meest gelijkende aanpak (naar categorie\xC3\xABn van "
                       "maatregelen, doelgroepen, omgevingen en soorten partijen; 100% is "
                       "hetzelfde profiel), met als suggesties hun maatregelen in "
                       "categorie\xC3\xABn die hier nog ontbreken.",
                       "The municipalities with the most similar approach (by categories of "
                       "measures, target groups, settings and kinds of stakeholders; 100% is the "
                       "same profile), with as suggestions their measures in categories missing "
                       "here."));
    if (!n && !veilig_municipality_measure_count(m)) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h,
                           "Deze gemeente heeft geen maatregelen vastgelegd: er is geen basis "
                           "om haar met andere te vergelijken.",
                           "This municipality has recorded no measures: there is no basis for "
                           "comparing it with others."));
    } else if (!n) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h,
                           "Het register bevat geen andere gemeenten met maatregelen om mee te "
                           "vergelijken.",
                           "The registry holds no other municipalities with measures to compare "
                           "with."));
    } else {
        vg_buf_printf(&h->b,
                      "<table>\n<thead><tr><th scope=\"col\" class=\"num\">#</th>"
                      "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                      "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                      VG_T(h, "Gemeente", "Municipality"), VG_T(h, "Gelijkenis", "Similarity"),
                      VG_T(h, "Suggesties", "Suggestions"));
        for (size_t i = 0; i < n; i++) {
            const veilig_municipality *peer = veilig_peers_peer(p, i);
            size_t ns = veilig_peers_suggestion_count(p, i);
            vg_buf_printf(&h->b, "<tr><td class=\"num\">%zu</td><td><strong>",
                          veilig_peers_rank(p, i));
            vg_text(h, veilig_municipality_name(peer));
            vg_put(h, "</strong> <span class=\"code\">");
            vg_text(h, veilig_municipality_code(peer));
            vg_buf_printf(&h->b, "</span></td><td class=\"num\">%lld%%</td><td>",
                          vg_percent(veilig_peers_similarity(p, i)));
            if (!ns) {
                vg_buf_printf(&h->b, "<span class=\"muted\">%s</span>",
                              VG_T(h, "geen maatregelen in ontbrekende categorie\xC3\xABn",
                                   "no measures in missing categories"));
            } else {
                vg_put(h, "<ul>\n");
                for (size_t s = 0; s < ns; s++) {
                    const veilig_measure *ms = veilig_peers_suggestion(p, i, s);
                    vg_put(h, "<li>");
                    vg_text(h, veilig_measure_name(ms));
                    vg_put(h, " <span class=\"muted\">(");
                    vg_text(h, vg_lab(h, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms)));
                    vg_put(h, ")</span></li>\n");
                }
                vg_put(h, "</ul>");
            }
            vg_put(h, "</td></tr>\n");
        }
        vg_put(h, "</tbody>\n</table>\n");
        double best = veilig_peers_similarity(p, 0);
        for (size_t i = 1; i < n; i++)
            if (veilig_peers_similarity(p, i) > best)
                best = veilig_peers_similarity(p, i);
        if (vg_percent(best) == 0)
            vg_buf_printf(&h->b, "<p class=\"muted small\">%s</p>\n",
                          VG_T(h,
                               "Geen andere gemeente heeft een vastgelegd profiel dat op dit "
                               "profiel lijkt; bij gelijke gelijkenis volgt de rangorde de "
                               "CBS-code.",
                               "No other municipality has a recorded profile like this one; "
                               "equal similarities are ranked by CBS code."));
    }
    vg_section_end(h);
    veilig_peers_free(p);
    return VEILIG_OK;
}

static void vg_stakeholders_section(vg_html *h, const veilig_municipality *m,
                                    const veilig_profile_result *p) {
    size_t n = veilig_profile_stakeholder_count(p);
    vg_section(h, "stakeholders", "Betrokken partijen", "Stakeholders");
    if (!n) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h, "Er zijn geen betrokken partijen vastgelegd.",
                           "No stakeholders are recorded."));
        vg_section_end(h);
        return;
    }
    vg_buf_printf(&h->b,
                  "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                  "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                  "</tr></thead>\n<tbody>\n",
                  VG_T(h, "Partij", "Stakeholder"), VG_T(h, "Soort", "Kind"),
                  VG_T(h, "Rollen", "Roles"),
                  VG_T(h, "Partner bij maatregelen", "Partner in measures"));
    for (size_t i = 0; i < n; i++) {
        const veilig_stakeholder *st = veilig_profile_stakeholder(p, i);
        const char *parent = veilig_stakeholder_parent(st);
        const char *note = veilig_stakeholder_note(st);
        vg_put(h, "<tr><td><strong>");
        vg_text(h, veilig_stakeholder_name(st));
        vg_put(h, "</strong>");
        if (parent) {
            const veilig_stakeholder *ps = veilig_municipality_find_stakeholder(m, parent);
            vg_buf_printf(&h->b, "<br /><span class=\"muted small\">%s ",
                          VG_T(h, "onderdeel van", "part of"));
            vg_text(h, ps ? veilig_stakeholder_name(ps) : parent);
            vg_put(h, "</span>");
        }
        if (note) {
            vg_put(h, "<br /><span class=\"small\">");
            vg_text(h, note);
            vg_put(h, "</span>");
        }
        vg_put(h, "</td><td>");
        vg_text(h, vg_lab(h, VEILIG_VOCAB_STAKEHOLDER_TYPE, veilig_stakeholder_kind_code(st)));
        vg_put(h, "</td><td>");
        for (size_t r = 0; r < veilig_stakeholder_role_count(st); r++) {
            if (r)
                vg_put(h, ", ");
            vg_text(h, vg_lab(h, VEILIG_VOCAB_ROLE, vg_s_role(st, r)));
        }
        vg_buf_printf(&h->b, "</td><td class=\"num\">%u</td></tr>\n",
                      veilig_profile_stakeholder_measures(p, i));
    }
    vg_put(h, "</tbody>\n</table>\n");
    vg_section_end(h);
}

/* Returns whether personal contacts were left out. */
static int vg_contacts_section(vg_html *h, const veilig_municipality *m) {
    size_t n = veilig_municipality_contact_count(m), shown = 0, hidden = 0;
    int all = (h->o.flags & VEILIG_REPORT_INCLUDE_PERSONAL) != 0;
    for (size_t i = 0; i < n; i++) {
        if (all || !veilig_contact_personal(veilig_municipality_contact(m, i)))
            shown++;
        else
            hidden++;
    }
    vg_section(h, "contacts", "Contact", "Contact");
    if (shown) {
        vg_contact_head(h);
        for (size_t i = 0; i < n; i++) {
            const veilig_contact *c = veilig_municipality_contact(m, i);
            if (all || !veilig_contact_personal(c))
                vg_contact_row(h, c, m, NULL);
        }
        vg_put(h, "</tbody>\n</table>\n");
    } else {
        vg_buf_printf(
            &h->b, "<p class=\"empty\">%s</p>\n",
            VG_T(h, "Er is geen openbaar contact vastgelegd.", "No public contact is recorded."));
    }
    if (hidden)
        vg_buf_printf(&h->b, "<p class=\"muted small\">%s</p>\n",
                      VG_T(h,
                           "Contactgegevens van personen zijn weggelaten ter bescherming van hun "
                           "privacy.",
                           "Contact details of persons are left out to protect their privacy."));
    vg_section_end(h);
    return hidden > 0;
}

static void vg_approach_section(vg_html *h, const veilig_municipality *m) {
    const char *ambition = veilig_municipality_ambition(m);
    size_t ntg = veilig_municipality_target_group_count(m);
    size_t nset = veilig_municipality_setting_count(m);
    size_t nfocus = veilig_municipality_focus_count(m);
    size_t nex = veilig_municipality_exclusion_count(m);
    size_t nlinks = veilig_municipality_policy_link_count(m);

    vg_section(h, "approach", "Aanpak", "Approach");
    vg_buf_printf(&h->b, "<h3>%s</h3>\n", VG_T(h, "Ambitie", "Ambition"));
    if (ambition) {
        vg_put(h, "<p>");
        vg_text(h, ambition);
        vg_put(h, "</p>\n");
    } else {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h, "Er is geen ambitie vastgelegd.", "No ambition is recorded."));
    }

    vg_buf_printf(&h->b, "<h3>%s</h3>\n<dl class=\"facts\">\n",
                  VG_T(h, "Reikwijdte en focus", "Scope and focus"));
    vg_buf_printf(&h->b, "<dt>%s</dt><dd>", VG_T(h, "Doelgroepen", "Target groups"));
    if (ntg)
        vg_tags(h, VEILIG_VOCAB_TARGET_GROUP, m, ntg, vg_m_group, NULL);
    else
        vg_buf_printf(&h->b, "<span class=\"empty\">%s</span>",
                      VG_T(h, "niet vastgelegd", "not recorded"));
    vg_buf_printf(&h->b, "</dd>\n<dt>%s</dt><dd>", VG_T(h, "Omgevingen", "Settings"));
    if (nset)
        vg_tags(h, VEILIG_VOCAB_SETTING, m, nset, vg_m_setting, NULL);
    else
        vg_buf_printf(&h->b, "<span class=\"empty\">%s</span>",
                      VG_T(h, "niet vastgelegd", "not recorded"));
    vg_buf_printf(&h->b, "</dd>\n<dt>%s</dt><dd>", VG_T(h, "Focus op", "Focus on"));
    if (nfocus)
        vg_tags(h, VEILIG_VOCAB_APPROACH, m, nfocus, vg_m_focus, NULL);
    else
        vg_buf_printf(&h->b, "<span class=\"empty\">%s</span>",
                      VG_T(h, "niet vastgelegd", "not recorded"));
    vg_put(h, "</dd>\n");
    if (nex) {
        vg_buf_printf(&h->b, "<dt>%s</dt><dd>", VG_T(h, "Bewust niet (nu)", "Not pursued (now)"));
        for (size_t i = 0; i < nex; i++) {
            const veilig_exclusion *x = veilig_municipality_exclusion(m, i);
            const char *reason = veilig_exclusion_reason(x);
            if (i)
                vg_put(h, "<br />");
            vg_put(h, "<span class=\"tag off\">");
            vg_text(h, vg_lab(h, VEILIG_VOCAB_APPROACH, veilig_exclusion_approach_code(x)));
            vg_put(h, "</span>");
            if (reason) {
                vg_buf_printf(&h->b, " %s ", VG_T(h, "Reden:", "Reason:"));
                vg_text(h, reason);
            }
        }
        vg_put(h, "</dd>\n");
    }
    vg_put(h, "</dl>\n");

    vg_buf_printf(&h->b, "<h3>%s</h3>\n",
                  VG_T(h, "Verbanden met ander beleid", "Links to other policy"));
    if (!nlinks) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h, "Er zijn geen beleidsverbanden vastgelegd.",
                           "No links to other policy are recorded."));
    } else {
        vg_buf_printf(&h->b,
                      "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                      VG_T(h, "Naam", "Name"), VG_T(h, "Soort", "Kind"),
                      VG_T(h, "Verband", "Relation"), VG_T(h, "Toelichting", "Note"));
        for (size_t i = 0; i < nlinks; i++) {
            const veilig_policy_link *l = veilig_municipality_policy_link(m, i);
            vg_put(h, "<tr><td><strong>");
            vg_text(h, veilig_policy_link_name(l));
            vg_put(h, "</strong></td><td class=\"nw\">");
            vg_cell(h, vg_lab(h, VEILIG_VOCAB_LINK_KIND, veilig_policy_link_kind_code(l)));
            vg_put(h, "</td><td class=\"nw\">");
            vg_text(h, vg_lab(h, VEILIG_VOCAB_LINK_RELATION, veilig_policy_link_relation_code(l)));
            vg_put(h, "</td><td class=\"small\">");
            vg_text(h, veilig_policy_link_note(l));
            vg_put(h, "</td></tr>\n");
        }
        vg_put(h, "</tbody>\n</table>\n");
    }
    vg_section_end(h);
}

static int vg_municipality_report(vg_html *h, const veilig_municipality *m) {
    veilig_profile_result *prof = NULL;
    vg_sources sources = {0};
    int rc = veilig_profile(&prof, m);
    if (rc != VEILIG_OK)
        return rc;
    const char *name = veilig_municipality_name(m);
    const char *official = veilig_municipality_official_name(m);
    const char *province = veilig_municipality_province(m);
    const char *summary = veilig_municipality_summary(m);

    vg_doc_begin(h, name,
                 VG_T(h, "aanpak van straatintimidatie en onveiligheid",
                      "approach to street harassment and unsafety"));
    vg_put(h, "<header class=\"top\">\n");
    vg_buf_printf(&h->b, "<p class=\"kicker\">%s</p>\n<h1>",
                  VG_T(h, "Gemeentelijke aanpak", "Municipal approach"));
    vg_text(h, name);
    vg_put(h, "</h1>\n<p class=\"sub\">");
    vg_text(h, VG_T(h, "Straatintimidatie en veiligheid in de openbare ruimte en het uitgaansleven",
                    "Street harassment and safety in public space and nightlife"));
    vg_put(h, "</p>\n");
    static const vg_toc_item toc[] = {
        {"overview", "Overzicht", "Overview"},
        {"approach", "Aanpak", "Approach"},
        {"measures", "Maatregelen", "Measures"},
        {"schedule", "Week", "Week"},
        {"indicators", "Indicatoren", "Indicators"},
        {"gaps", "Aandachtspunten", "Gaps"},
        {"peers", "Vergelijkbare gemeenten", "Similar municipalities"},
        {"stakeholders", "Partijen", "Stakeholders"},
        {"contacts", "Contact", "Contact"},
        {"sources", "Bronnen", "Sources"},
    };
    vg_toc(h, toc, sizeof toc / sizeof toc[0]);

    /* overview */
    vg_section(h, "overview", "Overzicht", "Overview");
    if (summary) {
        vg_put(h, "<p class=\"lead\">");
        vg_text(h, summary);
        vg_put(h, "</p>\n");
    }
    vg_put(h, "<dl class=\"facts\">\n");
    vg_buf_printf(&h->b, "<dt>%s</dt><dd><span class=\"code\">",
                  VG_T(h, "CBS-gemeentecode", "CBS municipality code"));
    vg_text(h, veilig_municipality_code(m));
    vg_put(h, "</span></dd>\n");
    if (official && strcmp(official, name) != 0) {
        vg_buf_printf(&h->b, "<dt>%s</dt><dd>", VG_T(h, "Offici\xC3\xABle naam", "Official name"));
        vg_text(h, official);
        vg_put(h, "</dd>\n");
    }
    vg_buf_printf(&h->b, "<dt>%s</dt><dd>", VG_T(h, "Provincie", "Province"));
    if (province) {
        vg_text(h, vg_province_name(h, province));
        vg_put(h, " <span class=\"code\">(");
        vg_text(h, province);
        vg_put(h, ")</span>");
    } else {
        vg_put(h, "\xE2\x80\x93");
    }
    vg_buf_printf(&h->b, "</dd>\n<dt>%s</dt><dd>",
                  VG_T(h, "Deelname aan het programma", "Programme membership"));
    vg_membership_words(h, m);
    if (veilig_municipality_membership_note(m)) {
        vg_put(h, "<br /><span class=\"muted small\">");
        vg_text(h, veilig_municipality_membership_note(m));
        vg_put(h, "</span>");
    }
    vg_put(h, "</dd>\n</dl>\n<div class=\"cards\">\n");
    {
        size_t nm = veilig_municipality_measure_count(m), act = 0;
        for (size_t i = 0; i < nm; i++)
            act += veilig_measure_is_active(veilig_municipality_measure(m, i), NULL) != 0;
        char extra[96];
        snprintf(extra, sizeof extra, VG_T(h, "waarvan %zu actief", "%zu of them active"), act);
        vg_card(h, nm, VG_T(h, "maatregelen", "measures"), extra);
        vg_card(h, veilig_municipality_stakeholder_count(m),
                VG_T(h, "betrokken partijen", "stakeholders"), NULL);
        vg_card(h, veilig_municipality_indicator_count(m), VG_T(h, "indicatoren", "indicators"),
                NULL);
        size_t gaps = 0;
        for (size_t i = 0; i < veilig_profile_gap_count(prof); i++)
            gaps += veilig_profile_gap_kind(prof, i) == VEILIG_GAP_CATEGORY;
        vg_card(h, (unsigned long long)(veilig_vocab_size(VEILIG_VOCAB_CATEGORY) - (int)gaps),
                VG_T(h, "van de 13 categorie\xC3\xABn met een maatregel",
                     "of the 13 categories with a measure"),
                NULL);
    }
    vg_put(h, "</div>\n");
    vg_section_end(h);

    vg_approach_section(h, m);

    vg_section(h, "measures", "Maatregelen", "Measures");
    if ((rc = vg_profile_charts(h, m, prof)) != VEILIG_OK)
        goto done;
    vg_measures_table(h, m);
    vg_section_end(h);

    if ((rc = vg_schedule_section(h, m)) != VEILIG_OK)
        goto done;
    if ((rc = vg_progress_section(h, m)) != VEILIG_OK)
        goto done;
    vg_gaps_section(h, prof);
    if ((rc = vg_peers_section(h, m)) != VEILIG_OK)
        goto done;
    vg_stakeholders_section(h, m, prof);
    int hidden = vg_contacts_section(h, m);

    for (size_t i = 0; i < veilig_municipality_source_count(m); i++)
        vg_sources_add(&sources, veilig_municipality_source(m, i), NULL);
    if (sources.failed) {
        rc = VEILIG_ENOMEM;
        goto done;
    }
    vg_sources_write(h, &sources, 0);
    vg_put(h, "</main>\n");
    vg_doc_end(h, hidden);
    rc = VEILIG_OK;
done:
    vg_free(sources.v);
    veilig_profile_free(prof);
    return rc;
}

int veilig_report_html(char **out, size_t *len, const veilig_registry *reg,
                       const veilig_municipality *m, const veilig_report_options *opts) {
    vg_html h;
    int rc;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!out || !reg)
        return VEILIG_EINVAL;
    memset(&h, 0, sizeof h);
    if (opts) {
        /* the format is ignored: an HTML report is HTML */
        if (opts->version != VEILIG_REPORT_OPTIONS_VERSION)
            return vg_fail_version("report options", opts->version, VEILIG_REPORT_OPTIONS_VERSION);
        veilig_report_options copy = *opts;
        copy.format = VEILIG_FORMAT_HTML;
        rc = vg_ropts_get(&h.o, &copy);
    } else {
        rc = vg_ropts_get(&h.o, NULL);
    }
    if (rc != VEILIG_OK)
        return rc;
    if (m && veilig_registry_index_of(reg, m) == (size_t)-1)
        return vg_fail(VEILIG_EINVAL, "report: municipality %s is not of this registry", m->code);
    h.reg = reg;
    vg_buf_init(&h.b);
    rc = m ? vg_municipality_report(&h, m) : vg_programme_report(&h);
    if (rc != VEILIG_OK) {
        vg_buf_free(&h.b);
        return rc;
    }
    *out = vg_buf_finish(&h.b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}
