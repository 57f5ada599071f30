/*
 * libveilig: the sections of the municipality report (html.h): overview,
 * approach, measures (charts and table), the week, indicators and progress,
 * gaps, peers, stakeholders, contacts and sources, each of one municipality
 * and callable on its own.
 */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "svg.h"

/* Tags for a list of codes of a vocabulary. */
typedef const char *(*vg_code_at)(const void *obj, size_t i);

static void vg_tags(vg_html *h, veilig_vocab vocab, const void *obj, size_t n, vg_code_at at,
                    const char *cls) {
    for (size_t i = 0; i < n; i++) {
        vg_buf_printf(&h->b, "<span class=\"tag%s\">", cls ? cls : "");
        vg_html_label_text(h, vocab, at(obj, i), 0);
        vg_html_put(h, "</span>");
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

static void vg_hhmm(char *buf, size_t size, int minutes) {
    vg_format(buf, size, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
}

/* A schedule window in short: "vr, za 18:00–06:00", "dagelijks avond". */
static void vg_window_words(vg_html *h, const veilig_window *w) {
    size_t nd = veilig_window_day_count(w);
    for (size_t i = 0; i < nd; i++) {
        const char *s = vg_day_short(VG_EN(h), (int)veilig_window_day(w, i));
        if (i)
            vg_html_put(h, ", ");
        vg_html_text(h, s ? s : veilig_window_day_code(w, i));
    }
    if (!nd)
        vg_html_put(h, VG_T(h, "dagelijks", "daily"));
    int from = veilig_window_from(w), to = veilig_window_to(w);
    if (from >= 0 && to >= 0) {
        char a[16], b[16];
        vg_hhmm(a, sizeof a, from);
        vg_hhmm(b, sizeof b, to);
        vg_buf_printf(&h->b, " %s\xE2\x80\x93%s", a, b);
    } else {
        for (size_t i = 0; i < veilig_window_daypart_count(w); i++) {
            vg_html_put(h, i ? ", " : " ");
            vg_html_label_text(h, VEILIG_VOCAB_DAYPART, veilig_window_daypart_code(w, i), 0);
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
#define VG_PART() vg_html_put(h, parts++ ? " \xC2\xB7 " : "<br /><span class=\"muted small\">")
    if (status) {
        VG_PART();
        vg_html_label_text(h, VEILIG_VOCAB_MEASURE_STATE, status, 1);
    }
    if (area) {
        VG_PART();
        vg_html_text(h, area);
    }
    for (size_t i = 0; i < veilig_measure_window_count(ms); i++) {
        VG_PART();
        vg_window_words(h, veilig_measure_window(ms, i));
    }
    if (veilig_measure_budget_cents(&cents, ms) == VEILIG_OK) {
        VG_PART();
        vg_html_put(h, VG_T(h, "budget ", "budget "));
        vg_html_money(h, cents, veilig_measure_budget_currency(ms));
    }
    if (evidence && veilig_measure_evidence(ms) != VEILIG_EVIDENCE_UNKNOWN) {
        VG_PART();
        vg_html_label_text(h, VEILIG_VOCAB_EVIDENCE, evidence, 1);
    }
#undef VG_PART
    if (parts)
        vg_html_put(h, "</span>");
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
        vg_html_put(h, "<tr><td><strong>");
        vg_html_text(h, veilig_measure_name(ms));
        vg_html_put(h, "</strong>");
        if (desc) {
            vg_html_put(h, "<br /><span class=\"small\">");
            vg_html_text(h, desc);
            vg_html_put(h, "</span>");
        }
        vg_measure_details(h, ms);
        vg_html_put(h, "</td><td>");
        vg_html_label_text(h, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms), 0);
        vg_html_put(h, "</td><td>");
        vg_html_label_text(h, VEILIG_VOCAB_APPROACH, vg_measure_approach(ms), 0);
        vg_html_put(h, "</td><td>");
        for (size_t g = 0; g < veilig_measure_target_group_count(ms); g++) {
            if (g)
                vg_html_put(h, ", ");
            vg_html_label_text(h, VEILIG_VOCAB_TARGET_GROUP,
                               veilig_measure_target_group_code(ms, g), 0);
        }
        vg_html_put(h, "</td><td>");
        for (size_t p = 0; p < veilig_measure_partner_count(ms); p++) {
            const veilig_partner *pa = veilig_measure_partner(ms, p);
            const char *sid = veilig_partner_stakeholder(pa);
            const veilig_stakeholder *st = veilig_municipality_find_stakeholder(m, sid);
            const char *role = veilig_partner_role_code(pa);
            if (p)
                vg_html_put(h, "<br />");
            vg_html_text(h, st ? veilig_stakeholder_name(st) : sid);
            if (role) {
                vg_html_put(h, " <span class=\"muted\">(");
                vg_html_label_text(h, VEILIG_VOCAB_ROLE, role, 0);
                vg_html_put(h, ")</span>");
            }
        }
        vg_html_put(h, "</td></tr>\n");
    }
    vg_html_put(h, "</tbody>\n</table>\n");
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
    vg_html_unknown_codes(&cat_codes, NULL, m, VEILIG_VOCAB_CATEGORY);
    vg_html_unknown_codes(&app_codes, NULL, m, VEILIG_VOCAB_APPROACH);
    cat_other = vg_html_other_label(h, &cat_codes);
    app_other = vg_html_other_label(h, &app_codes);
    if (!bars || cat_codes.failed || app_codes.failed || !cat_other || !app_other)
        goto done;

    size_t n = 0;
    for (int a = 1; a <= na; a++) {
        bars[n].label =
            vg_html_label(h, VEILIG_VOCAB_APPROACH, veilig_approach_code((veilig_approach)a));
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
    vg_html_put(h, "\n</figure>\n");

    n = 0;
    for (int c = 1; c <= nc; c++) {
        bars[n].label =
            vg_html_label(h, VEILIG_VOCAB_CATEGORY, veilig_category_code((veilig_category)c));
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

/* m's profile for a section: the page's (h->profile), or a new one in
 *own (veilig_profile_free it). */
static int vg_html_profile(vg_html *h, const veilig_municipality *m,
                           const veilig_profile_result **out, veilig_profile_result **own) {
    *own = NULL;
    if (h->profile && h->profile_of == m) {
        *out = h->profile;
        return VEILIG_OK;
    }
    int rc = veilig_profile(own, m);
    *out = *own;
    return rc;
}

int vg_html_mun_measures(vg_html *h, const veilig_municipality *m) {
    const veilig_profile_result *p;
    veilig_profile_result *own;
    int rc = vg_html_profile(h, m, &p, &own);
    if (rc != VEILIG_OK)
        return rc;
    vg_html_section(h, "measures", "Maatregelen", "Measures");
    if ((rc = vg_profile_charts(h, m, p)) == VEILIG_OK) {
        vg_measures_table(h, m);
        vg_html_section_end(h);
    }
    veilig_profile_free(own);
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
        int w = vg_format(buf + k, size - k, "%s%s", k ? "/" : "", vg_day_short(VG_EN(h), d));
        if (w < 0 || (size_t)w >= size - k)
            return;
        k += (size_t)w;
    }
    vg_hhmm(from, sizeof from, VG_WIN_FROM);
    vg_hhmm(to, sizeof to, VG_WIN_TO);
    vg_format(buf + k, size - k, " %s-%s", from, to);
}

int vg_html_mun_schedule(vg_html *h, const veilig_municipality *m) {
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

    vg_html_section(h, "schedule", "Wanneer: de week", "When: the week");
    vg_html_put(h, "<p class=\"callout\"><strong>");
    if (covered && !pct)
        vg_html_put(h, "&lt;1%");
    else
        vg_buf_printf(&h->b, "%lu%%", pct);
    vg_buf_printf(
        &h->b,
        VG_T(h, " van het uitgaansvenster %s is gedekt", " of the nightlife window %s is covered"),
        window);
    vg_html_put(h, "</strong>");
    vg_buf_printf(&h->b,
                  VG_T(h,
                       ": %u van de %u minuten valt onder ten minste \xC3\xA9\xC3\xA9n actieve "
                       "maatregel.",
                       ": %u of its %u minutes fall under at least one active measure."),
                  covered, minutes);
    vg_html_put(h, "</p>\n<p>");
    if (!with_schedule)
        vg_html_put(
            h, VG_T(h,
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
    vg_html_put(h, "</p>\n<figure class=\"wide\">\n");
    {
        vg_svg_week w;
        char marked_label[160];
        memset(&w, 0, sizeof w);
        w.title = VG_T(h, "Actieve maatregelen per uur van de week",
                       "Active measures per hour of the week");
        for (int d = 0; d < 7; d++)
            w.day_labels[d] =
                vg_html_label(h, VEILIG_VOCAB_DAY, veilig_day_code((veilig_day)(d + 1)));
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
    vg_html_section_end(h);
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
        vg_html_put(h, "\xE2\x80\x93");
        return;
    }
    vg_html_value(h, v, ind);
    if (has_date) {
        char buf[64];
        vg_html_date_words(buf, sizeof buf, d, VG_EN(h));
        vg_buf_printf(&h->b, " <span class=\"muted\">(%s)</span>", buf);
    }
}

int vg_html_mun_progress(vg_html *h, const veilig_municipality *m) {
    veilig_progress_result *p = NULL;
    vg_svg_progress_row *rows = NULL;
    vg_buf texts;
    size_t *offsets = NULL;
    int rc = veilig_progress(&p, m, NULL);
    if (rc != VEILIG_OK)
        return rc;
    size_t n = veilig_progress_count(p);
    vg_buf_init(&texts);

    vg_html_section(h, "indicators", "Indicatoren en voortgang", "Indicators and progress");
    if (!n) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h,
                           "Deze gemeente heeft geen indicatoren vastgelegd, dus de voortgang van "
                           "de aanpak is (nog) niet te volgen.",
                           "This municipality has recorded no indicators, so the progress of its "
                           "approach cannot be followed (yet)."));
        vg_html_section_end(h);
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
            vg_buf_printf(&texts, "%lld%% \xC2\xB7 %s", vg_html_percent(f), words);
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
    vg_html_put(h, "\n</figure>\n");

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
        vg_html_put(h, "<tr><td><strong>");
        vg_html_text(h, veilig_indicator_name(ind));
        vg_html_put(h, "</strong>");
        if (level || dir) {
            vg_html_put(h, "<br /><span class=\"muted small\">");
            if (level)
                vg_html_label_text(h, VEILIG_VOCAB_RESULT_LEVEL, level, 1);
            if (level && dir)
                vg_html_put(h, " \xC2\xB7 ");
            if (dir) {
                veilig_direction dv = veilig_indicator_direction(ind);
                if (dv == VEILIG_DIRECTION_INCREASE)
                    vg_html_put(h, VG_T(h, "hoger is beter", "higher is better"));
                else if (dv == VEILIG_DIRECTION_DECREASE)
                    vg_html_put(h, VG_T(h, "lager is beter", "lower is better"));
                else
                    vg_html_text(h, dir);
            }
            vg_html_put(h, "</span>");
        }
        vg_html_put(h, "</td><td>");
        /* (the getters run before their values are read) */
        int has_bv = veilig_indicator_baseline_value(&bv, ind) == VEILIG_OK;
        int has_bd = veilig_indicator_baseline_date(&bd, ind) == VEILIG_OK;
        int has_tv = veilig_indicator_target_value(&tv, ind) == VEILIG_OK;
        int has_td = veilig_indicator_target_date(&td, ind) == VEILIG_OK;
        int has_latest = veilig_progress_latest(&lv, &ld, p, i) == VEILIG_OK;
        int has_pv = veilig_progress_projection(&pv, p, i) == VEILIG_OK;
        vg_value_dated(h, has_bv, bv, has_bd, &bd, ind);
        vg_html_put(h, "</td><td>");
        vg_value_dated(h, has_tv, tv, has_td, &td, ind);
        vg_html_put(h, "</td><td>");
        vg_value_dated(h, has_latest, lv, has_latest, &ld, ind);
        vg_html_put(h, "</td><td>");
        vg_value_dated(h, has_pv, pv, 0, NULL, ind);
        vg_html_put(h, "</td><td>");
        vg_html_text_capital(h, vg_track_words(h, veilig_progress_track(p, i), &tone));
        vg_html_put(h, "</td></tr>\n");
    }
    vg_html_put(h, "</tbody>\n</table>\n");
    vg_html_section_end(h);
    rc = VEILIG_OK;
done:
    vg_free(rows);
    vg_free(offsets);
    vg_buf_free(&texts);
    veilig_progress_free(p);
    return rc;
}

static void vg_gaps_write(vg_html *h, const veilig_profile_result *p) {
    size_t n = veilig_profile_gap_count(p);
    vg_html_section(h, "gaps", "Aandachtspunten", "Gaps");
    if (!n) {
        vg_buf_printf(&h->b, "<p>%s</p>\n",
                      VG_T(h, "Het profiel laat geen leemtes zien.", "The profile shows no gaps."));
        vg_html_section_end(h);
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
        vg_html_put(h, "<li><strong>");
        switch (kind) {
            case VEILIG_GAP_CATEGORY:
                vg_html_put(h, VG_T(h, "Categorie\xC3\xABn zonder maatregel",
                                    "Categories without a measure"));
                break;
            case VEILIG_GAP_TARGET_GROUP:
                vg_html_put(h, VG_T(h, "Doelgroepen uit de reikwijdte die geen maatregel bedient",
                                    "Target groups of the scope that no measure serves"));
                break;
            case VEILIG_GAP_NO_INDICATOR:
                vg_html_put(
                    h, VG_T(h, "Maatregelen zonder indicator", "Measures without an indicator"));
                break;
            default:
                vg_html_put(h, VG_T(h, "Maatregelen zonder uitvoerende partij",
                                    "Measures without an executing party"));
                break;
        }
        vg_buf_printf(&h->b, " (%zu)</strong>", count);
        int measures = kind == VEILIG_GAP_NO_INDICATOR || kind == VEILIG_GAP_NO_EXECUTING_PARTY;
        vg_html_put(h, measures ? "\n<ul>\n" : ": ");
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (veilig_profile_gap_kind(p, i) != (veilig_gap_kind)kind)
                continue;
            if (measures) {
                const veilig_measure *ms = veilig_profile_gap_measure(p, i);
                vg_html_put(h, "<li>");
                vg_html_text(h, veilig_measure_name(ms));
                vg_html_put(h, "</li>\n");
            } else {
                if (k++)
                    vg_html_put(h, ", ");
                vg_html_label_text(h,
                                   kind == VEILIG_GAP_CATEGORY ? VEILIG_VOCAB_CATEGORY
                                                               : VEILIG_VOCAB_TARGET_GROUP,
                                   veilig_profile_gap_code(p, i), 0);
            }
        }
        vg_html_put(h, measures ? "</ul>\n</li>\n" : ".</li>\n");
    }
    vg_html_put(h, "</ul>\n");
    vg_html_section_end(h);
}

int vg_html_mun_gaps(vg_html *h, const veilig_municipality *m) {
    const veilig_profile_result *p;
    veilig_profile_result *own;
    int rc = vg_html_profile(h, m, &p, &own);
    if (rc != VEILIG_OK)
        return rc;
    vg_gaps_write(h, p);
    veilig_profile_free(own);
    return VEILIG_OK;
}

int vg_html_mun_peers(vg_html *h, const veilig_municipality *m) {
    veilig_peers_result *own = NULL;
    const veilig_peers_result *p = h->peers;
    size_t first = h->peers_first, n = h->peers_n;
    if (!p) {
        veilig_peers_options po = VEILIG_PEERS_OPTIONS_INIT;
        po.k = h->o.peers;
        int rc = veilig_peers(&own, h->reg, m, &po);
        if (rc != VEILIG_OK)
            return rc;
        p = own;
        first = 0;
        n = veilig_peers_count(p);
    }
    vg_html_section(h, "peers", "Vergelijkbare gemeenten en suggesties",
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
        for (size_t i = first; i < first + n; i++) {
            const veilig_municipality *peer = veilig_peers_peer(p, i);
            size_t ns = veilig_peers_suggestion_count(p, i);
            vg_buf_printf(&h->b, "<tr><td class=\"num\">%zu</td><td><strong>",
                          veilig_peers_rank(p, i));
            vg_html_municipality_name(h, peer);
            vg_html_put(h, "</strong> <span class=\"code\">");
            vg_html_text(h, veilig_municipality_code(peer));
            vg_buf_printf(&h->b, "</span></td><td class=\"num\">%lld%%</td><td>",
                          vg_html_percent(veilig_peers_similarity(p, i)));
            if (!ns) {
                vg_buf_printf(&h->b, "<span class=\"muted\">%s</span>",
                              VG_T(h, "geen maatregelen in ontbrekende categorie\xC3\xABn",
                                   "no measures in missing categories"));
            } else {
                vg_html_put(h, "<ul>\n");
                for (size_t s = 0; s < ns; s++) {
                    const veilig_measure *ms = veilig_peers_suggestion(p, i, s);
                    vg_html_put(h, "<li>");
                    vg_html_text(h, veilig_measure_name(ms));
                    vg_html_put(h, " <span class=\"muted\">(");
                    vg_html_label_text(h, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms),
                                       0);
                    vg_html_put(h, ")</span></li>\n");
                }
                vg_html_put(h, "</ul>");
            }
            vg_html_put(h, "</td></tr>\n");
        }
        vg_html_put(h, "</tbody>\n</table>\n");
        double best = veilig_peers_similarity(p, first);
        for (size_t i = first + 1; i < first + n; i++)
            if (veilig_peers_similarity(p, i) > best)
                best = veilig_peers_similarity(p, i);
        if (vg_html_percent(best) == 0)
            vg_buf_printf(&h->b, "<p class=\"muted small\">%s</p>\n",
                          VG_T(h,
                               "Geen andere gemeente heeft een vastgelegd profiel dat op dit "
                               "profiel lijkt; bij gelijke gelijkenis volgt de rangorde de "
                               "CBS-code.",
                               "No other municipality has a recorded profile like this one; "
                               "equal similarities are ranked by CBS code."));
    }
    vg_html_section_end(h);
    veilig_peers_free(own);
    return VEILIG_OK;
}

static int vg_has_role(const veilig_stakeholder *st, veilig_role role) {
    for (size_t r = 0; r < veilig_stakeholder_role_count(st); r++)
        if (veilig_stakeholder_role(st, r) == role)
            return 1;
    return 0;
}

/* One line of the grouping: the names of the stakeholders of m that pass
   (departments: 1 for municipal departments only, 0 for the others; role:
   those with the role, or 0 for any), under label; nothing when none passes. */
static void vg_stakeholder_group(vg_html *h, const veilig_municipality *m, int departments,
                                 veilig_role role, const char *label) {
    size_t n = veilig_municipality_stakeholder_count(m), shown = 0;
    for (size_t i = 0; i < n; i++) {
        const veilig_stakeholder *st = veilig_municipality_stakeholder(m, i);
        int dept = veilig_stakeholder_kind(st) == VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT;
        if (dept != departments || (role && !vg_has_role(st, role)))
            continue;
        if (!shown++) {
            vg_html_put(h, "<dt>");
            vg_html_text_capital(h, label);
            vg_html_put(h, "</dt><dd>");
        } else {
            vg_html_put(h, ", ");
        }
        vg_html_text(h, veilig_stakeholder_name(st));
    }
    if (shown)
        vg_html_put(h, "</dd>\n");
}

/* The stakeholders as the programme's pages list them, in their words
   ("Betrokken afdelingen en samenwerkingspartners"): the municipal departments
   involved, the department that carries out the policy and the one to turn
   to, then the other organisations by their role. */
static void vg_stakeholders_grouped(vg_html *h, const veilig_municipality *m) {
    vg_html_put(h, "<dl class=\"facts\">\n");
    vg_stakeholder_group(
        h, m, 1, 0,
        VG_T(h, "Betrokken gemeentelijke afdelingen", "Municipal departments involved"));
    vg_stakeholder_group(h, m, 1, VEILIG_ROLE_EXECUTING,
                         VG_T(h, "Gemeentelijke afdeling die het beleid uitvoert",
                              "Municipal department that carries out the policy"));
    vg_stakeholder_group(h, m, 1, VEILIG_ROLE_CONTACT_POINT,
                         VG_T(h, "Aanspreekpunt voor het beleid", "Contact point for the policy"));
    for (int r = 1; r <= veilig_vocab_size(VEILIG_VOCAB_ROLE); r++) {
        vg_stakeholder_group(
            h, m, 0, (veilig_role)r,
            vg_html_label(h, VEILIG_VOCAB_ROLE, veilig_vocab_code(VEILIG_VOCAB_ROLE, r)));
    }
    vg_html_put(h, "</dl>\n");
}

static void vg_stakeholders_write(vg_html *h, const veilig_municipality *m,
                                  const veilig_profile_result *p) {
    size_t n = veilig_profile_stakeholder_count(p);
    vg_html_section(h, "stakeholders", "Betrokken afdelingen en samenwerkingspartners",
                    "Departments and partners involved");
    if (!n) {
        vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                      VG_T(h, "Er zijn geen betrokken partijen vastgelegd.",
                           "No stakeholders are recorded."));
        vg_html_section_end(h);
        return;
    }
    vg_stakeholders_grouped(h, m);
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
        vg_html_put(h, "<tr><td><strong>");
        vg_html_text(h, veilig_stakeholder_name(st));
        vg_html_put(h, "</strong>");
        if (parent) {
            const veilig_stakeholder *ps = veilig_municipality_find_stakeholder(m, parent);
            vg_buf_printf(&h->b, "<br /><span class=\"muted small\">%s ",
                          VG_T(h, "onderdeel van", "part of"));
            vg_html_text(h, ps ? veilig_stakeholder_name(ps) : parent);
            vg_html_put(h, "</span>");
        }
        if (note) {
            vg_html_put(h, "<br /><span class=\"small\">");
            vg_html_text(h, note);
            vg_html_put(h, "</span>");
        }
        vg_html_put(h, "</td><td>");
        vg_html_text(
            h, vg_html_label(h, VEILIG_VOCAB_STAKEHOLDER_TYPE, veilig_stakeholder_kind_code(st)));
        vg_html_put(h, "</td><td>");
        for (size_t r = 0; r < veilig_stakeholder_role_count(st); r++) {
            if (r)
                vg_html_put(h, ", ");
            vg_html_label_text(h, VEILIG_VOCAB_ROLE, vg_s_role(st, r), 0);
        }
        vg_buf_printf(&h->b, "</td><td class=\"num\">%u</td></tr>\n",
                      veilig_profile_stakeholder_measures(p, i));
    }
    vg_html_put(h, "</tbody>\n</table>\n");
    vg_html_section_end(h);
}

int vg_html_mun_stakeholders(vg_html *h, const veilig_municipality *m) {
    const veilig_profile_result *p;
    veilig_profile_result *own;
    int rc = vg_html_profile(h, m, &p, &own);
    if (rc != VEILIG_OK)
        return rc;
    vg_stakeholders_write(h, m, p);
    veilig_profile_free(own);
    return VEILIG_OK;
}

int vg_html_mun_contacts(vg_html *h, const veilig_municipality *m, int include_personal) {
    size_t n = veilig_municipality_contact_count(m), shown = 0, hidden = 0;
    int all = include_personal != 0;
    for (size_t i = 0; i < n; i++) {
        if (all || !veilig_contact_personal(veilig_municipality_contact(m, i)))
            shown++;
        else
            hidden++;
    }
    vg_html_section(h, "contacts", "Contact", "Contact");
    if (shown) {
        vg_html_contact_head(h);
        for (size_t i = 0; i < n; i++) {
            const veilig_contact *c = veilig_municipality_contact(m, i);
            if (all || !veilig_contact_personal(c))
                vg_html_contact_row(h, c, m, NULL);
        }
        vg_html_put(h, "</tbody>\n</table>\n");
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
    vg_html_section_end(h);
    return hidden > 0;
}

/* 1 when two policy links have the same, non-empty note. */
static int vg_same_note(const veilig_policy_link *a, const veilig_policy_link *b) {
    const char *na = veilig_policy_link_note(a), *nb = veilig_policy_link_note(b);
    return na && nb && *na && strcmp(na, nb) == 0;
}

void vg_html_mun_approach(vg_html *h, const veilig_municipality *m) {
    const char *ambition = veilig_municipality_ambition(m);
    size_t ntg = veilig_municipality_target_group_count(m);
    size_t nset = veilig_municipality_setting_count(m);
    size_t nfocus = veilig_municipality_focus_count(m);
    size_t nex = veilig_municipality_exclusion_count(m);
    size_t nlinks = veilig_municipality_policy_link_count(m);

    vg_html_section(h, "approach", "Aanpak", "Approach");
    vg_buf_printf(&h->b, "<h3>%s</h3>\n", VG_T(h, "Ambitie", "Ambition"));
    if (ambition) {
        vg_html_put(h, "<p>");
        vg_html_text(h, ambition);
        vg_html_put(h, "</p>\n");
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
    vg_html_put(h, "</dd>\n");
    if (nex) {
        vg_buf_printf(&h->b, "<dt>%s</dt><dd>", VG_T(h, "Bewust niet (nu)", "Not pursued (now)"));
        for (size_t i = 0; i < nex; i++) {
            const veilig_exclusion *x = veilig_municipality_exclusion(m, i);
            const char *reason = veilig_exclusion_reason(x);
            if (i)
                vg_html_put(h, "<br />");
            vg_html_put(h, "<span class=\"tag off\">");
            vg_html_text(
                h, vg_html_label(h, VEILIG_VOCAB_APPROACH, veilig_exclusion_approach_code(x)));
            vg_html_put(h, "</span>");
            if (reason) {
                vg_buf_printf(&h->b, " %s ", VG_T(h, "Reden:", "Reason:"));
                vg_html_text(h, reason);
            }
        }
        vg_html_put(h, "</dd>\n");
    }
    vg_html_put(h, "</dl>\n");

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
            vg_html_put(h, "<tr><td><strong>");
            vg_html_text(h, veilig_policy_link_name(l));
            vg_html_put(h, "</strong></td><td class=\"nw\">");
            vg_html_cell(h,
                         vg_html_label(h, VEILIG_VOCAB_LINK_KIND, veilig_policy_link_kind_code(l)));
            vg_html_put(h, "</td><td class=\"nw\">");
            vg_html_label_text(h, VEILIG_VOCAB_LINK_RELATION, veilig_policy_link_relation_code(l),
                               0);
            vg_html_put(h, "</td>");
            /* a note shared by the links that follow is written once, over their rows */
            if (i == 0 || !vg_same_note(veilig_municipality_policy_link(m, i - 1), l)) {
                size_t run = 1;
                while (i + run < nlinks &&
                       vg_same_note(l, veilig_municipality_policy_link(m, i + run)))
                    run++;
                if (run > 1)
                    vg_buf_printf(&h->b, "<td class=\"small\" rowspan=\"%zu\">", run);
                else
                    vg_html_put(h, "<td class=\"small\">");
                vg_html_text(h, veilig_policy_link_note(l));
                vg_html_put(h, "</td>");
            }
            vg_html_put(h, "</tr>\n");
        }
        vg_html_put(h, "</tbody>\n</table>\n");
    }
    vg_html_section_end(h);
}

int vg_html_mun_overview(vg_html *h, const veilig_municipality *m) {
    const veilig_profile_result *p;
    veilig_profile_result *own;
    int rc = vg_html_profile(h, m, &p, &own);
    if (rc != VEILIG_OK)
        return rc;
    const char *name = veilig_municipality_name(m);
    const char *official = veilig_municipality_official_name(m);
    const char *province = veilig_municipality_province(m);
    const char *summary = veilig_municipality_summary(m);

    vg_html_section(h, "overview", "Overzicht", "Overview");
    if (summary) {
        vg_html_put(h, "<p class=\"lead\">");
        vg_html_text(h, summary);
        vg_html_put(h, "</p>\n");
    }
    vg_html_put(h, "<dl class=\"facts\">\n");
    vg_buf_printf(&h->b, "<dt>%s</dt><dd><span class=\"code\">",
                  VG_T(h, "CBS-gemeentecode", "CBS municipality code"));
    vg_html_text(h, veilig_municipality_code(m));
    vg_html_put(h, "</span></dd>\n");
    if (official && strcmp(official, name) != 0) {
        vg_buf_printf(&h->b, "<dt>%s</dt><dd>", VG_T(h, "Offici\xC3\xABle naam", "Official name"));
        vg_html_text(h, official);
        vg_html_put(h, "</dd>\n");
    }
    vg_buf_printf(&h->b, "<dt>%s</dt><dd>", VG_T(h, "Provincie", "Province"));
    if (province) {
        vg_html_text(h, vg_html_province_name(h, province));
        vg_html_put(h, " <span class=\"code\">(");
        vg_html_text(h, province);
        vg_html_put(h, ")</span>");
    } else {
        vg_html_put(h, "\xE2\x80\x93");
    }
    vg_buf_printf(&h->b, "</dd>\n<dt>%s</dt><dd>",
                  VG_T(h, "Deelname aan het programma", "Programme membership"));
    vg_html_membership_words(h, m);
    if (veilig_municipality_membership_note(m)) {
        vg_html_put(h, "<br /><span class=\"muted small\">");
        vg_html_text(h, veilig_municipality_membership_note(m));
        vg_html_put(h, "</span>");
    }
    vg_html_put(h, "</dd>\n</dl>\n<div class=\"cards\">\n");
    {
        size_t nm = veilig_municipality_measure_count(m), act = 0;
        for (size_t i = 0; i < nm; i++)
            act += veilig_measure_is_active(veilig_municipality_measure(m, i), NULL) != 0;
        char extra[96];
        snprintf(extra, sizeof extra, VG_T(h, "waarvan %zu actief", "%zu of them active"), act);
        vg_html_card(h, nm, VG_T(h, "maatregelen", "measures"), extra);
        vg_html_card(h, veilig_municipality_stakeholder_count(m),
                     VG_T(h, "betrokken partijen", "stakeholders"), NULL);
        vg_html_card(h, veilig_municipality_indicator_count(m),
                     VG_T(h, "indicatoren", "indicators"), NULL);
        size_t gaps = 0;
        for (size_t i = 0; i < veilig_profile_gap_count(p); i++)
            gaps += veilig_profile_gap_kind(p, i) == VEILIG_GAP_CATEGORY;
        vg_html_card(h, (unsigned long long)(veilig_vocab_size(VEILIG_VOCAB_CATEGORY) - (int)gaps),
                     VG_T(h, "van de 13 categorie\xC3\xABn met een maatregel",
                          "of the 13 categories with a measure"),
                     NULL);
    }
    vg_html_put(h, "</div>\n");
    vg_html_section_end(h);
    veilig_profile_free(own);
    return VEILIG_OK;
}

int vg_html_mun_sources(vg_html *h, const veilig_municipality *m) {
    vg_sources sources = {0};
    for (size_t i = 0; i < veilig_municipality_source_count(m); i++)
        vg_sources_add(&sources, veilig_municipality_source(m, i), NULL);
    if (sources.failed) {
        vg_sources_free(&sources);
        return VEILIG_ENOMEM;
    }
    vg_html_sources(h, &sources, 0);
    vg_sources_free(&sources);
    return VEILIG_OK;
}

/* vg_html_mun_body_first's sections (items: the contents). */
static int vg_html_mun_sections_first(vg_html *h, const veilig_municipality *m,
                                      int include_personal, const vg_html_toc_item *items, size_t n,
                                      int *hidden) {
    int rc;
    vg_html_put(h, "<p class=\"sub\">");
    vg_html_text(
        h, VG_T(h, "Straatintimidatie en veiligheid in de openbare ruimte en het uitgaansleven",
                "Street harassment and safety in public space and nightlife"));
    vg_html_put(h, "</p>\n");
    vg_html_toc(h, items, n);
    if ((rc = vg_html_mun_overview(h, m)) != VEILIG_OK)
        return rc;
    vg_html_mun_approach(h, m);
    if ((rc = vg_html_mun_measures(h, m)) != VEILIG_OK ||
        (rc = vg_html_mun_stakeholders(h, m)) != VEILIG_OK)
        return rc;
    *hidden = vg_html_mun_contacts(h, m, include_personal);
    if ((rc = vg_html_mun_schedule(h, m)) != VEILIG_OK ||
        (rc = vg_html_mun_progress(h, m)) != VEILIG_OK)
        return rc;
    return vg_html_mun_gaps(h, m);
}

int vg_html_mun_body_first(vg_html *h, const veilig_municipality *m, int include_personal,
                           const vg_html_mun_extra *extra, int *hidden) {
    /* first what the programme's own pages hold, in their order (the
       approach, its activities, the departments and partners, contact), then
       what the prose cannot say */
    static const vg_html_toc_item toc[] = {
        {"overview", "Overzicht", "Overview"},
        {"approach", "Aanpak", "Approach"},
        {"measures", "Maatregelen", "Measures"},
        {"stakeholders", "Afdelingen en partners", "Departments and partners"},
        {"contacts", "Contact", "Contact"},
        {"schedule", "Week", "Week"},
        {"indicators", "Indicatoren", "Indicators"},
        {"gaps", "Aandachtspunten", "Gaps"},
        {"peers", "Vergelijkbare gemeenten", "Similar municipalities"},
        {"sources", "Bronnen", "Sources"},
    };
    enum { n_toc = sizeof toc / sizeof toc[0], after_peers = 9 };
    vg_html_toc_item items[n_toc + 1];
    size_t n = 0;
    int rc;

    for (size_t i = 0; i < n_toc; i++) {
        if (i == after_peers && extra)
            items[n++] = extra->toc;
        items[n++] = toc[i];
    }
    *hidden = 0;
    /* the profile, once for the sections that need it */
    veilig_profile_result *profile = NULL;
    if ((rc = veilig_profile(&profile, m)) != VEILIG_OK)
        return rc;
    h->profile = profile;
    h->profile_of = m;
    rc = vg_html_mun_sections_first(h, m, include_personal, items, n, hidden);
    h->profile = NULL;
    h->profile_of = NULL;
    veilig_profile_free(profile);
    return rc;
}

int vg_html_mun_body_last(vg_html *h, const veilig_municipality *m,
                          const vg_html_mun_extra *extra) {
    int rc = vg_html_mun_peers(h, m);
    if (rc == VEILIG_OK && extra)
        rc = extra->write(h, extra->ctx);
    return rc == VEILIG_OK ? vg_html_mun_sources(h, m) : rc;
}

int vg_html_mun_body(vg_html *h, const veilig_municipality *m, int include_personal,
                     const vg_html_mun_extra *extra, int *hidden) {
    int rc = vg_html_mun_body_first(h, m, include_personal, extra, hidden);
    return rc == VEILIG_OK ? vg_html_mun_body_last(h, m, extra) : rc;
}

int vg_html_municipality_report(vg_html *h, const veilig_municipality *m) {
    const char *name = veilig_municipality_name(m);
    vg_html_page page = {0};
    int hidden, rc;

    page.title = name;
    page.title2 = VG_T(h, "aanpak van straatintimidatie en onveiligheid",
                       "approach to street harassment and unsafety");
    vg_html_page_begin(h, &page);
    vg_html_put(h, "<header class=\"top\">\n");
    vg_buf_printf(&h->b, "<p class=\"kicker\">%s</p>\n<h1>",
                  VG_T(h, "Gemeentelijke aanpak", "Municipal approach"));
    vg_html_text(h, name);
    vg_html_put(h, "</h1>\n");
    rc = vg_html_mun_body(h, m, (h->o.flags & VEILIG_REPORT_INCLUDE_PERSONAL) != 0, NULL, &hidden);
    if (rc != VEILIG_OK)
        return rc;
    vg_html_put(h, "</main>\n");
    vg_html_page_end(h, hidden);
    return VEILIG_OK;
}
