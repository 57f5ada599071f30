/*
 * libveilig: the rendering context and the formatting of numbers (locale-
 * independent), money, percentages, dates, times and vocabulary values for
 * the renderings of report.h (render.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* ---- context ---- */

/* Clears the outputs, checks the arguments and resolves the options. */
int vg_begin(vg_rc *c, char **out, size_t *len, const void *subject,
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
const char *vg_cstr(vg_buf *b) {
    vg_buf_putc(b, '\0');
    if (b->failed)
        return "";
    b->len--;
    return b->data;
}

/* Hands a buffer's text over as a rendering. */
int vg_finish_buf(vg_buf *b, char **out, size_t *len) {
    *out = vg_buf_finish(b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}

/* Writes s, cut after max characters with "…" (text tables stay readable). */
void vg_put_cut(vg_buf *b, const char *s, size_t max) {
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
void vg_format_scaled(char *buf, size_t size, long long scaled, int decimals, char point,
                      char group, int strip) {
    char digits[32];
    char tmp[48];
    unsigned long long mag =
        scaled < 0 ? (unsigned long long)(-(scaled + 1)) + 1 : (unsigned long long)scaled;
    unsigned long long div = 1;
    for (int i = 0; i < decimals; i++)
        div *= 10;
    unsigned long long ip = mag / div, fp = mag % div;
    int nd = vg_format(digits, sizeof digits, "%llu", ip);
    size_t k = 0;
    if (scaled < 0)
        tmp[k++] = '-';
    for (int i = 0; i < nd; i++) {
        if (group && i > 0 && (nd - i) % 3 == 0)
            tmp[k++] = group;
        tmp[k++] = digits[i];
    }
    if (decimals > 0 && !(strip && fp == 0)) {
        tmp[k++] = point;
        for (int i = decimals - 1; i >= 0; i--) {
            unsigned long long d = fp;
            for (int j = 0; j < i; j++)
                d /= 10;
            tmp[k++] = (char)('0' + d % 10);
        }
    }
    if (size) { /* as much as fits */
        size_t n = k < size ? k : size - 1;
        memcpy(buf, tmp, n);
        buf[n] = '\0';
    }
}

int vg_scale_round(long long *out, double v, int decimals) {
    double x = v;
    for (int i = 0; i < decimals; i++)
        x *= 10;
    if (!(x == x) || x > 9e15 || x < -9e15)
        return 0;
    *out = (long long)(x + (x >= 0 ? 0.5 : -0.5));
    return 1;
}

/* vg_format_scaled into b. */
static void vg_put_scaled(vg_buf *b, long long scaled, int decimals, char point, char group) {
    char buf[64];
    vg_format_scaled(buf, sizeof buf, scaled, decimals, point, group, 0);
    vg_buf_puts(b, buf);
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
void vg_put_fixed(vg_buf *b, const vg_rc *c, double v, int decimals) {
    char point = c->mach || c->o.en ? '.' : ',';
    double scaled = v < 0 ? -v : v;
    for (int i = 0; i < decimals; i++)
        scaled *= 10;
    if (!isfinite(v) || scaled >= 9e15) {
        vg_put_shortest(b, v, point);
        return;
    }
    long long n = (long long)(scaled + 0.5); /* no libm */
    vg_put_scaled(b, v < 0 ? -n : n, decimals, point, 0);
}

/* An indicator value: shortest form, Dutch decimal comma for people. */
void vg_put_value(vg_buf *b, const vg_rc *c, double v) {
    vg_put_shortest(b, v, c->mach || c->o.en ? '.' : ',');
}

/* An amount of cents: "12500.50" for machines, "€ 12.500,50" (nl) or "€12,500.50" (en) for
   people, as in the HTML (vg_html_money); another currency by its code: "USD 1.000,00". */
void vg_put_money(vg_buf *b, const vg_rc *c, int64_t cents, const char *currency) {
    if (c->mach) {
        vg_put_scaled(b, cents, 2, '.', 0);
        return;
    }
    if (!currency || strcmp(currency, "EUR") == 0) {
        vg_buf_puts(b, c->o.en ? "€" : "€ ");
    } else {
        vg_buf_puts(b, currency);
        vg_buf_putc(b, ' ');
    }
    vg_put_scaled(b, cents, 2, c->o.en ? '.' : ',', c->o.en ? ',' : '.');
}

/* A percentage of a fraction, one decimal: "50.0" for machines, "50,0%" (nl) for people. */
void vg_put_percent(vg_buf *b, const vg_rc *c, double fraction) {
    vg_put_fixed(b, c, fraction * 100.0, 1);
    if (!c->mach)
        vg_buf_putc(b, '%');
}

/* ---- dates, times and vocabulary values ---- */

void vg_put_date(vg_buf *b, const veilig_date *d) {
    char buf[VEILIG_DATE_BUFSIZE];
    if (veilig_date_format(buf, sizeof buf, d) == VEILIG_OK)
        vg_buf_puts(b, buf);
}

/* Minutes after midnight as "HH:MM" (1440 as "24:00"). */
void vg_put_time(vg_buf *b, int minutes) {
    vg_buf_printf(b, "%02d:%02d", minutes / 60, minutes % 60);
}

/* A code (machines) or its label (people). */
void vg_put_term(vg_buf *b, const vg_rc *c, veilig_vocab vocab, const char *code) {
    vg_buf_puts(b, c->mach ? (code ? code : "") : vg_label(&c->o, vocab, code));
}

/* The separator of list items: ";" for machines, ", " for people (nothing before the first). */
void vg_put_sep(vg_buf *b, const vg_rc *c) {
    if (b->len)
        vg_buf_puts(b, c->mach ? ";" : ", ");
}

/* "Overijssel" for "NL-OV" (people); the code itself for machines and unknown codes. */
const char *vg_province(const vg_rc *c, const char *code) {
    if (!code || c->mach)
        return code;
    const char *name = veilig_province_name(code, c->o.en ? "en" : "nl");
    return name ? name : code;
}

/* A day of a window: "vr" / "Fri" for people, "fri" for machines. */
const char *vg_day_short(int en, int d) {
    static const char *const nl_days[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    static const char *const en_days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return d >= 1 && d <= 7 ? (en ? en_days : nl_days)[d - 1] : NULL;
}

const char *vg_day(const vg_rc *c, const char *code) {
    int d = veilig_vocab_from_code(VEILIG_VOCAB_DAY, code);
    if (c->mach || !d)
        return code ? code : "";
    return vg_day_short(c->o.en, d);
}

/* A measure's schedule: "vr, za 18:00-06:00; zo avond" (people) or
   "fri,sat 18:00-06:00|sun evening" (machines). A window without days runs every day. */
void vg_put_schedule(vg_buf *b, const vg_rc *c, const veilig_measure *ms) {
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
void vg_put_partners(vg_buf *b, const vg_rc *c, const veilig_measure *ms) {
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
void vg_put_measure_indicators(vg_buf *b, const vg_rc *c, const veilig_measure *ms) {
    const veilig_municipality *m = veilig_measure_municipality(ms);
    for (size_t i = 0; i < veilig_measure_indicator_count(ms); i++) {
        const char *id = veilig_measure_indicator(ms, i);
        const veilig_indicator *ind = c->mach ? NULL : veilig_municipality_find_indicator(m, id);
        vg_put_sep(b, c);
        vg_buf_puts(b, ind ? veilig_indicator_name(ind) : id);
    }
}

/* A period: "2022-03 t/m 2025", "vanaf 2022" / "2022-03 to 2025", "from 2022". */
void vg_put_period(vg_buf *b, const vg_rc *c, const veilig_date *start, const veilig_date *end) {
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
void vg_put_membership(vg_buf *b, const vg_rc *c, const veilig_municipality *m) {
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
const char *vg_measure_approach(const veilig_measure *ms) {
    const char *code = veilig_measure_approach_code(ms);
    return code ? code : veilig_approach_code(veilig_measure_approach(ms));
}

/* "40 (2021)": a value with its date, either may be absent. */
void vg_put_dated(vg_buf *b, const vg_rc *c, int has_value, double value, int has_date,
                  const veilig_date *date) {
    if (has_value)
        vg_put_value(b, c, value);
    if (has_date) {
        vg_buf_puts(b, has_value ? " (" : "(");
        vg_put_date(b, date);
        vg_buf_putc(b, ')');
    }
}
