/* libveilig: semantic validation of a registry (rules listed in docs/rules.md). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "model_internal.h"

/* ---- the rules ---- */

typedef enum vg_rule {
    VG_R_DUP_CODE,
    VG_R_CBS_CODE,
    VG_R_DUP_MEASURE,
    VG_R_DUP_STAKEHOLDER,
    VG_R_DUP_INDICATOR,
    VG_R_MEASURE_ID,
    VG_R_PARTNER_REF,
    VG_R_PARENT_REF,
    VG_R_CONTACT_REF,
    VG_R_INDICATOR_REF,
    VG_R_PERIOD,
    VG_R_EMPTY_WINDOW,
    VG_R_UNKNOWN_CODE,
    VG_R_NO_EXECUTING,
    VG_R_UNSERVED_GROUP,
    VG_R_TARGET_SIDE,
    VG_R_PERSONAL,
    VG_R_PROVINCE,
    VG_R_WINDOW_TIME,
    VG_R_OBSERVATION_DATE,
    VG_R_DUP_TERM,
    VG_R_CURRENCY,
    VG_R_FOCUS_EXCLUDED,
    VG_R_CONTROL_CHAR,
    VG_R_WINDOW_SWAPPED,
    VG_R_KEY_TYPO,
    VG_R_COUNT
} vg_rule;

static const struct {
    const char *id;
    veilig_severity severity;
    const char *summary;
} vg_rules[VG_R_COUNT] = {
    {"V001", VEILIG_SEVERITY_ERROR, "two municipalities have the same CBS code"},
    {"V002", VEILIG_SEVERITY_ERROR, "a municipality code is not GM and four digits"},
    {"V003", VEILIG_SEVERITY_ERROR, "two measures of a municipality have the same id"},
    {"V004", VEILIG_SEVERITY_ERROR, "two stakeholders of a municipality have the same id"},
    {"V005", VEILIG_SEVERITY_ERROR, "two indicators of a municipality have the same id"},
    {"V006", VEILIG_SEVERITY_ERROR, "a measure id is not made of a-z, 0-9 and -"},
    {"V007", VEILIG_SEVERITY_ERROR, "a partner names a stakeholder that does not exist"},
    {"V008", VEILIG_SEVERITY_ERROR, "a stakeholder's parent does not exist or is itself"},
    {"V009", VEILIG_SEVERITY_ERROR, "a contact names a stakeholder that does not exist"},
    {"V010", VEILIG_SEVERITY_ERROR, "a measure names an indicator that does not exist"},
    {"V011", VEILIG_SEVERITY_ERROR, "a period ends before it starts"},
    {"V012", VEILIG_SEVERITY_ERROR, "a schedule window ends when it starts (it is empty)"},
    {"V013", VEILIG_SEVERITY_WARNING, "a vocabulary code this version does not know"},
    {"V014", VEILIG_SEVERITY_WARNING, "a measure has no executing party"},
    {"V015", VEILIG_SEVERITY_WARNING, "a target group of the scope is served by no measure"},
    {"V016", VEILIG_SEVERITY_WARNING,
     "an indicator's target lies on the wrong side of its baseline"},
    {"V017", VEILIG_SEVERITY_WARNING,
     "a contact holds a person's name with a phone or e-mail but is not marked personal"},
    {"V018", VEILIG_SEVERITY_WARNING, "a province is not an ISO 3166-2 code of the Netherlands"},
    {"V019", VEILIG_SEVERITY_WARNING, "a schedule window has neither hours nor dayparts"},
    {"V020", VEILIG_SEVERITY_WARNING, "an observation is dated before the indicator's baseline"},
    {"V021", VEILIG_SEVERITY_WARNING, "a list holds the same code twice"},
    {"V022", VEILIG_SEVERITY_WARNING, "a budget's currency is not three capital letters"},
    {"V023", VEILIG_SEVERITY_WARNING, "an approach is both in focus and excluded"},
    {"V024", VEILIG_SEVERITY_WARNING,
     "a text holds a control character or a bidirectional override"},
    {"V025", VEILIG_SEVERITY_WARNING,
     "a schedule window runs more than 12 hours past midnight (from and to swapped?)"},
    {"V026", VEILIG_SEVERITY_WARNING,
     "an object holds a key the library does not know, a letter or two off one it knows"},
};

size_t veilig_rule_count(void) {
    return VG_R_COUNT;
}

const char *veilig_rule_id(size_t index) {
    return index < VG_R_COUNT ? vg_rules[index].id : NULL;
}

veilig_severity veilig_rule_severity(size_t index) {
    return index < VG_R_COUNT ? vg_rules[index].severity : (veilig_severity)0;
}

const char *veilig_rule_summary(size_t index) {
    return index < VG_R_COUNT ? vg_rules[index].summary : NULL;
}

const char *veilig_severity_name(veilig_severity severity) {
    switch (severity) {
        case VEILIG_SEVERITY_ERROR:
            return "error";
        case VEILIG_SEVERITY_WARNING:
            return "warning";
        case VEILIG_SEVERITY_INFO:
            return "info";
    }
    return NULL;
}

/* ---- diagnostics ---- */

struct veilig_diagnostics {
    vg_arena arena;
    veilig_diagnostic *items;
    size_t count, cap;
};

void veilig_diagnostics_free(veilig_diagnostics *d) {
    if (!d)
        return;
    vg_arena_free(&d->arena);
    vg_free(d->items);
    vg_free(d);
}

size_t veilig_diagnostics_count(const veilig_diagnostics *d) {
    return d ? d->count : 0;
}

const veilig_diagnostic *veilig_diagnostics_get(const veilig_diagnostics *d, size_t index) {
    return d && index < d->count ? &d->items[index] : NULL;
}

size_t veilig_diagnostics_count_severity(const veilig_diagnostics *d, veilig_severity severity) {
    size_t n = 0;
    for (size_t i = 0; d && i < d->count; i++)
        n += d->items[i].severity == severity;
    return n;
}

int veilig_diagnostics_to_json(char **out, size_t *len, const veilig_diagnostics *d) {
    if (out)
        *out = NULL;
    if (!out || !d)
        return VEILIG_EINVAL;
    vg_buf buf;
    vg_buf_init(&buf);
    vg_jwriter w;
    vg_jw_init(&w, &buf, 0);
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < d->count; i++) {
        const veilig_diagnostic *x = &d->items[i];
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "severity");
        vg_jw_cstring(&w, veilig_severity_name(x->severity));
        vg_jw_key(&w, "rule");
        vg_jw_cstring(&w, x->rule);
        vg_jw_key(&w, "pointer");
        vg_jw_cstring(&w, x->pointer);
        vg_jw_key(&w, "message");
        vg_jw_cstring(&w, x->message);
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_buf_putc(&buf, '\n');
    *out = vg_buf_finish(&buf, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}

/* ---- the walk ---- */

typedef struct vg_vctx {
    veilig_diagnostics *d;
    const veilig_registry *reg;
    int failed;    /* out of memory */
    char ptr[512]; /* pointer of the object being looked at */
} vg_vctx;

static void vg_diag(vg_vctx *v, vg_rule rule, const char *suffix, const char *fmt, ...)
    VG_PRINTF(4, 5);

/* Adds a diagnostic about the value at v->ptr + suffix ("/name", or ""). */
static void vg_diag(vg_vctx *v, vg_rule rule, const char *suffix, const char *fmt, ...) {
    if (v->failed)
        return;
    char text[1024], msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    vg_strlcpy_utf8(msg, text, sizeof msg); /* never cut a character in two */
    char ptr[600];
    snprintf(ptr, sizeof ptr, "%s%s", v->ptr, suffix);
    veilig_diagnostics *d = v->d;
    if (vg_grow((void **)&d->items, &d->cap, d->count + 1, sizeof *d->items)) {
        v->failed = 1;
        return;
    }
    veilig_diagnostic *x = &d->items[d->count];
    x->severity = vg_rules[rule].severity;
    x->rule = vg_rules[rule].id;
    x->pointer = vg_arena_strdup(&d->arena, ptr);
    x->message = vg_arena_strdup(&d->arena, msg);
    if (!x->pointer || !x->message) {
        v->failed = 1;
        return;
    }
    d->count++;
}

#define VG_NO_INDEX ((size_t)-1)

/* Appends "/key" and "/index" (unless VG_NO_INDEX) to v->ptr and returns
   the old length, to restore with vg_ptr_pop. Without printf: it runs for
   every object the walk enters, diagnostics or not. */
static size_t vg_ptr_push(vg_vctx *v, const char *key, size_t index) {
    size_t old = strlen(v->ptr), at = old, klen = strlen(key);
    char digits[24];
    size_t nd = 0;
    if (index != VG_NO_INDEX)
        do
            digits[nd++] = (char)('0' + index % 10);
        while ((index /= 10) != 0);
    if (at + 2 + klen + nd >= sizeof v->ptr)
        return old; /* deeper than any document goes: keep the pointer as it is */
    v->ptr[at++] = '/';
    memcpy(v->ptr + at, key, klen);
    at += klen;
    if (nd) {
        v->ptr[at++] = '/';
        while (nd)
            v->ptr[at++] = digits[--nd];
    }
    v->ptr[at] = '\0';
    return old;
}

static void vg_ptr_pop(vg_vctx *v, size_t old) {
    v->ptr[old] = '\0';
}

/* What a vocabulary's values are called in messages. */
static const char *vg_vocab_words(veilig_vocab vocab) {
    switch (vocab) {
        case VEILIG_VOCAB_APPROACH:
            return "approach";
        case VEILIG_VOCAB_CATEGORY:
            return "category";
        case VEILIG_VOCAB_TARGET_GROUP:
            return "target group";
        case VEILIG_VOCAB_SETTING:
            return "setting";
        case VEILIG_VOCAB_STAKEHOLDER_TYPE:
            return "stakeholder kind";
        case VEILIG_VOCAB_ROLE:
            return "role";
        case VEILIG_VOCAB_LINK_KIND:
            return "kind of policy link";
        case VEILIG_VOCAB_LINK_RELATION:
            return "relation";
        case VEILIG_VOCAB_MEMBERSHIP_STATUS:
            return "membership status";
        case VEILIG_VOCAB_MEASURE_STATE:
            return "measure status";
        case VEILIG_VOCAB_EVIDENCE:
            return "evidence level";
        case VEILIG_VOCAB_RESULT_LEVEL:
            return "indicator level";
        case VEILIG_VOCAB_UNIT:
            return "unit";
        case VEILIG_VOCAB_DIRECTION:
            return "direction";
        case VEILIG_VOCAB_DAY:
            return "day";
        case VEILIG_VOCAB_DAYPART:
            return "daypart";
    }
    return "code";
}

static void vg_check_term(vg_vctx *v, veilig_vocab vocab, vg_term t, const char *suffix) {
    if (!(t & VG_TERM_UNKNOWN))
        return;
    const char *code = vg_term_code(v->reg, vocab, t);
    const char *hint = veilig_vocab_suggest(vocab, code); /* a typo, perhaps */
    vg_diag(v, VG_R_UNKNOWN_CODE, suffix,
            "\"%s\" is not a known %s%s%s%s (it is kept as it is; docs/format.md lists the codes)",
            code, vg_vocab_words(vocab), hint ? "; did you mean \"" : "", hint ? hint : "",
            hint ? "\"?" : "");
}

static void vg_check_terms(vg_vctx *v, veilig_vocab vocab, const vg_terms *l, const char *key) {
    for (uint32_t i = 0; i < l->n; i++) {
        int dup = 0;
        for (uint32_t k = 0; k < i && !dup; k++)
            dup = l->v[k] == l->v[i];
        if (!dup && !(l->v[i] & VG_TERM_UNKNOWN))
            continue; /* nothing to say: no pointer to write */
        char suffix[64];
        snprintf(suffix, sizeof suffix, "/%s/%u", key, i);
        vg_check_term(v, vocab, l->v[i], suffix);
        if (dup)
            vg_diag(v, VG_R_DUP_TERM, suffix, "\"%s\" is in %s twice",
                    vg_term_code(v->reg, vocab, l->v[i]), key);
    }
}

static int vg_date_cmp(vg_date a, vg_date b) {
    veilig_date pa = vg_date_to_public(a), pb = vg_date_to_public(b);
    return veilig_date_compare(&pa, &pb);
}

/* Whether end lies before start: the last day end covers before the first
   day start covers ("2021" to "2021" is a year, not a reversed period). */
static int vg_ends_before(vg_date start, vg_date end) {
    if (!start.year || !end.year)
        return 0;
    vg_date e = end;
    if (!e.month)
        e.month = 12;
    if (!e.day)
        e.day = 31;
    return vg_date_cmp(e, start) < 0;
}

static void vg_check_period(vg_vctx *v, vg_date start, vg_date end, const char *suffix) {
    if (vg_ends_before(start, end)) {
        char a[VEILIG_DATE_BUFSIZE], b[VEILIG_DATE_BUFSIZE];
        veilig_date ps = vg_date_to_public(start), pe = vg_date_to_public(end);
        veilig_date_format(a, sizeof a, &ps);
        veilig_date_format(b, sizeof b, &pe);
        vg_diag(v, VG_R_PERIOD, suffix, "the period ends (%s) before it starts (%s)", b, a);
    }
}

static int vg_is_measure_id(const char *id) {
    if (!id || !*id)
        return 0;
    for (const char *s = id; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

/* Whether a contact's name reads as a person's rather than a desk's. */
static int vg_looks_personal(const char *name) {
    static const char *const desk_words[] = {
        "team",     "gemeente", "programma", "afdeling",     "loket",     "meldpunt",
        "bureau",   "centrum",  "politie",   "ggd",          "movisie",   "stichting",
        "secretar", "info",     "service",   "klantcontact", "veilige",   "desk",
        "office",   "helpdesk", "municipal", "department",   "programme", "contact",
        "redactie", "algemeen", "receptie",  "communicatie"};
    char lower[256];
    size_t n = 0;
    for (const char *s = name; *s && n + 1 < sizeof lower; s++)
        lower[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
    lower[n] = '\0';
    for (size_t i = 0; i < sizeof desk_words / sizeof desk_words[0]; i++)
        if (strstr(lower, desk_words[i]))
            return 0;
    int words = 0, in_word = 0;
    for (const char *s = name; *s; s++) {
        if (*s >= '0' && *s <= '9')
            return 0;
        int space = *s == ' ';
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words >= 2 && words <= 6;
}

/* Duplicate ids of a municipality's children, through its id index (which
   keeps the first position of each id): linear in the number of children. */
static void vg_check_duplicates(vg_vctx *v, const veilig_municipality *m, const vg_list *l,
                                size_t (*index_of)(const veilig_municipality *, const char *),
                                size_t id_offset, const char *key, vg_rule rule, const char *what) {
    for (uint32_t i = 0; i < l->n; i++) {
        const char *id = *(const char *const *)((const char *)l->v[i] + id_offset);
        size_t first = index_of(m, id);
        if (first != (size_t)-1 && first != i) {
            char suffix[64];
            snprintf(suffix, sizeof suffix, "/%s/%u/id", key, i);
            vg_diag(v, rule, suffix, "%s id \"%s\" is used twice (also at %s/%s/%zu)", what, id,
                    v->ptr, key, first);
        }
    }
}

static void vg_validate_measure(vg_vctx *v, const veilig_municipality *m, const veilig_measure *ms,
                                int has_executing_department) {
    if (!vg_is_measure_id(ms->id))
        vg_diag(v, VG_R_MEASURE_ID, "/id",
                "measure id \"%s\" may hold only the letters a-z, digits and - (for example "
                "\"pub-ploeg\")",
                ms->id);
    vg_check_term(v, VEILIG_VOCAB_CATEGORY, ms->category, "/category");
    vg_check_term(v, VEILIG_VOCAB_APPROACH, ms->approach, "/approach");
    vg_check_terms(v, VEILIG_VOCAB_TARGET_GROUP, &ms->target_groups, "target_groups");
    vg_check_terms(v, VEILIG_VOCAB_SETTING, &ms->settings, "settings");
    vg_check_term(v, VEILIG_VOCAB_MEASURE_STATE, ms->status, "/status");
    vg_check_term(v, VEILIG_VOCAB_EVIDENCE, ms->evidence, "/evidence");
    vg_check_period(v, ms->period_start, ms->period_end, "/period/end");
    if (ms->budget_cents >= 0) {
        vg_check_period(v, ms->budget_start, ms->budget_end, "/budget/period/end");
        const char *c = ms->budget_currency;
        if (c && !(strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
                   c[2] >= 'A' && c[2] <= 'Z'))
            vg_diag(v, VG_R_CURRENCY, "/budget/currency",
                    "currency \"%s\" is not an ISO 4217 code such as \"EUR\"", c);
    }
    for (uint32_t i = 0; i < ms->windows.n; i++) {
        const veilig_window *w = ms->windows.v[i];
        size_t old = vg_ptr_push(v, "schedule", i);
        vg_check_terms(v, VEILIG_VOCAB_DAY, &w->days, "days");
        vg_check_terms(v, VEILIG_VOCAB_DAYPART, &w->dayparts, "dayparts");
        if (w->from >= 0 && w->from == w->to)
            vg_diag(v, VG_R_EMPTY_WINDOW, "/to",
                    "the window starts and ends at the same time: it covers nothing (write "
                    "00:00 to 24:00 for a whole day)");
        if (w->from >= 0 && w->to < w->from && w->to > 12 * 60)
            vg_diag(v, VG_R_WINDOW_SWAPPED, "/to",
                    "the window runs from %02d:%02d past midnight to %02d:%02d the next day, %d "
                    "hours: are from and to swapped?",
                    w->from / 60, w->from % 60, w->to / 60, w->to % 60,
                    (24 * 60 - w->from + w->to) / 60);
        if (w->from < 0 && w->dayparts.n == 0)
            vg_diag(v, VG_R_WINDOW_TIME, "",
                    "the window has no hours (from, to) and no dayparts: it says nothing about "
                    "the time");
        vg_ptr_pop(v, old);
    }
    for (uint32_t i = 0; i < ms->partners.n; i++) {
        const veilig_partner *p = ms->partners.v[i];
        size_t old = vg_ptr_push(v, "partners", i);
        if (!veilig_municipality_find_stakeholder(m, p->stakeholder))
            vg_diag(v, VG_R_PARTNER_REF, "/stakeholder",
                    "partner \"%s\" is not among the stakeholders of %s", p->stakeholder, m->name);
        vg_check_term(v, VEILIG_VOCAB_ROLE, p->role, "/role");
        vg_ptr_pop(v, old);
    }
    if (!vg_measure_has_executing(ms, has_executing_department))
        vg_diag(v, VG_R_NO_EXECUTING, "",
                "measure \"%s\" has no executing party: give it a partner with role "
                "\"executing\", or give %s a stakeholder that executes the approach",
                ms->name, m->name);
    for (uint32_t i = 0; i < ms->indicators.n; i++)
        if (!veilig_municipality_find_indicator(m, ms->indicators.v[i])) {
            char suffix[64];
            snprintf(suffix, sizeof suffix, "/indicators/%u", i);
            vg_diag(v, VG_R_INDICATOR_REF, suffix, "indicator \"%s\" is not defined in %s",
                    ms->indicators.v[i], m->name);
        }
}

static void vg_validate_indicator(vg_vctx *v, const veilig_indicator *ind) {
    vg_check_term(v, VEILIG_VOCAB_RESULT_LEVEL, ind->level, "/level");
    vg_check_term(v, VEILIG_VOCAB_UNIT, ind->unit, "/unit");
    vg_check_term(v, VEILIG_VOCAB_DIRECTION, ind->direction, "/direction");
    if (!isnan(ind->baseline_value) && !isnan(ind->target_value)) {
        int dir = vg_term_known(ind->direction);
        if ((dir == VEILIG_DIRECTION_INCREASE && ind->target_value < ind->baseline_value) ||
            (dir == VEILIG_DIRECTION_DECREASE && ind->target_value > ind->baseline_value))
            vg_diag(v, VG_R_TARGET_SIDE, "/target/value",
                    "the target (%g) lies %s the baseline (%g), but the indicator should %s",
                    ind->target_value, dir == VEILIG_DIRECTION_INCREASE ? "below" : "above",
                    ind->baseline_value,
                    dir == VEILIG_DIRECTION_INCREASE ? "increase" : "decrease");
    }
    if (vg_ends_before(ind->baseline_date, ind->target_date))
        vg_diag(v, VG_R_PERIOD, "/target/date", "the target date lies before the baseline date");
    for (uint32_t i = 0; i < ind->observations.n; i++) {
        const veilig_observation *o = ind->observations.v[i];
        if (ind->baseline_date.year && vg_date_cmp(o->date, ind->baseline_date) < 0) {
            char suffix[64];
            snprintf(suffix, sizeof suffix, "/observations/%u/date", i);
            vg_diag(v, VG_R_OBSERVATION_DATE, suffix,
                    "the observation is dated before the baseline");
        }
    }
}

static void vg_validate_municipality(vg_vctx *v, size_t index) {
    const veilig_registry *reg = v->reg;
    const veilig_municipality *m = reg->municipalities[index];
    size_t old = vg_ptr_push(v, "municipalities", index);

    const veilig_municipality *first_m = veilig_registry_find(reg, m->code);
    size_t first = first_m && vg_strieq(first_m->code, m->code)
                       ? veilig_registry_index_of(reg, first_m)
                       : (size_t)-1;
    if (first != (size_t)-1 && first != index)
        vg_diag(v, VG_R_DUP_CODE, "/code",
                "code %s is used twice (also by %s at /municipalities/%zu)", m->code,
                reg->municipalities[first]->name, first);
    if (!vg_is_cbs_code(m->code))
        vg_diag(v, VG_R_CBS_CODE, "/code",
                "\"%s\" is not a CBS municipality code: write GM and four digits (Enschede is "
                "GM0153)",
                m->code);
    if (m->province && !veilig_province_name(m->province, NULL))
        vg_diag(v, VG_R_PROVINCE, "/province",
                "\"%s\" is not a Dutch province code (ISO 3166-2, such as NL-OV for Overijssel)",
                m->province);
    vg_check_term(v, VEILIG_VOCAB_MEMBERSHIP_STATUS, m->membership_status, "/membership/status");
    vg_check_period(v, m->membership_start, m->membership_end, "/membership/period/end");
    {
        size_t o2 = vg_ptr_push(v, "scope", VG_NO_INDEX);
        vg_check_terms(v, VEILIG_VOCAB_TARGET_GROUP, &m->target_groups, "target_groups");
        vg_check_terms(v, VEILIG_VOCAB_SETTING, &m->settings, "settings");
        vg_ptr_pop(v, o2);
    }
    vg_check_terms(v, VEILIG_VOCAB_APPROACH, &m->focus, "focus");
    for (uint32_t i = 0; i < m->exclusions.n; i++) {
        const veilig_exclusion *x = m->exclusions.v[i];
        char suffix[64];
        snprintf(suffix, sizeof suffix, "/excluded/%u/approach", i);
        vg_check_term(v, VEILIG_VOCAB_APPROACH, x->approach, suffix);
        for (uint32_t k = 0; k < m->focus.n; k++)
            if (x->approach && m->focus.v[k] == x->approach) {
                vg_diag(v, VG_R_FOCUS_EXCLUDED, suffix, "\"%s\" is excluded, but also in focus",
                        vg_term_code(reg, VEILIG_VOCAB_APPROACH, x->approach));
                break;
            }
    }
    for (uint32_t i = 0; i < m->policy_links.n; i++) {
        const veilig_policy_link *l = m->policy_links.v[i];
        size_t o2 = vg_ptr_push(v, "policy_links", i);
        vg_check_term(v, VEILIG_VOCAB_LINK_KIND, l->kind, "/kind");
        vg_check_term(v, VEILIG_VOCAB_LINK_RELATION, l->relation, "/relation");
        vg_ptr_pop(v, o2);
    }

    vg_check_duplicates(v, m, &m->stakeholders, vg_stakeholder_index,
                        offsetof(veilig_stakeholder, id), "stakeholders", VG_R_DUP_STAKEHOLDER,
                        "stakeholder");
    int has_executing_department = vg_has_executing_stakeholder(m);
    for (uint32_t i = 0; i < m->stakeholders.n; i++) {
        const veilig_stakeholder *s = m->stakeholders.v[i];
        size_t o2 = vg_ptr_push(v, "stakeholders", i);
        vg_check_term(v, VEILIG_VOCAB_STAKEHOLDER_TYPE, s->kind, "/kind");
        vg_check_terms(v, VEILIG_VOCAB_ROLE, &s->roles, "roles");
        if (s->parent) {
            if (strcmp(s->parent, s->id) == 0)
                vg_diag(v, VG_R_PARENT_REF, "/parent", "stakeholder \"%s\" is its own parent",
                        s->id);
            else if (!veilig_municipality_find_stakeholder(m, s->parent))
                vg_diag(v, VG_R_PARENT_REF, "/parent",
                        "parent \"%s\" is not among the stakeholders of %s", s->parent, m->name);
        }
        vg_ptr_pop(v, o2);
    }
    for (uint32_t i = 0; i < m->contacts.n; i++) {
        const veilig_contact *c = m->contacts.v[i];
        size_t o2 = vg_ptr_push(v, "contacts", i);
        if (c->stakeholder && !veilig_municipality_find_stakeholder(m, c->stakeholder))
            vg_diag(v, VG_R_CONTACT_REF, "/stakeholder",
                    "stakeholder \"%s\" is not among the stakeholders of %s", c->stakeholder,
                    m->name);
        vg_check_term(v, VEILIG_VOCAB_ROLE, c->role, "/role");
        if (!c->personal && c->name && (c->phone || c->email) && vg_looks_personal(c->name))
            vg_diag(v, VG_R_PERSONAL, "",
                    "\"%s\" looks like a person's name with contact details: mark the contact "
                    "\"personal\": true so that reports leave it out",
                    c->name);
        vg_ptr_pop(v, o2);
    }

    vg_check_duplicates(v, m, &m->measures, vg_measure_index, offsetof(veilig_measure, id),
                        "measures", VG_R_DUP_MEASURE, "measure");
    for (uint32_t i = 0; i < m->measures.n; i++) {
        size_t o2 = vg_ptr_push(v, "measures", i);
        vg_validate_measure(v, m, m->measures.v[i], has_executing_department);
        vg_ptr_pop(v, o2);
    }
    vg_check_duplicates(v, m, &m->indicators, vg_indicator_index, offsetof(veilig_indicator, id),
                        "indicators", VG_R_DUP_INDICATOR, "indicator");
    for (uint32_t i = 0; i < m->indicators.n; i++) {
        size_t o2 = vg_ptr_push(v, "indicators", i);
        vg_validate_indicator(v, m->indicators.v[i]);
        vg_ptr_pop(v, o2);
    }
    /* target groups of the scope that no measure serves */
    for (uint32_t i = 0; i < m->target_groups.n; i++) {
        vg_term g = m->target_groups.v[i];
        int served = 0;
        for (uint32_t k = 0; k < m->measures.n && !served; k++) {
            const veilig_measure *ms = m->measures.v[k];
            for (uint32_t j = 0; j < ms->target_groups.n && !served; j++)
                served = ms->target_groups.v[j] == g;
        }
        if (!served && m->measures.n) {
            char suffix[64];
            snprintf(suffix, sizeof suffix, "/scope/target_groups/%u", i);
            vg_diag(v, VG_R_UNSERVED_GROUP, suffix,
                    "target group \"%s\" is in the scope, but no measure names it",
                    vg_term_code(reg, VEILIG_VOCAB_TARGET_GROUP, g));
        }
    }
    vg_ptr_pop(v, old);
}

/* ---- V024: control characters in any text ---- */

/* Checks one text of the document (vg_text_fn); a diagnostic at its pointer. */
static int vg_check_text(void *ctx, const vg_tpath *p, const char *s, size_t len, int key) {
    vg_vctx *v = ctx;
    size_t at;
    long cp = vg_find_control(s, len, &at);
    if (cp < 0)
        return 0;
    vg_buf ptr;
    vg_buf_init(&ptr);
    vg_tpath_format(&ptr, p);
    vg_buf_putc(&ptr, '\0');
    if (ptr.failed) {
        v->failed = 1;
        return 1;
    }
    int bidi = cp >= 0x202A;
    vg_diag(v, VG_R_CONTROL_CHAR, ptr.data,
            "the %s holds %s U+%04lX (character %zu)%s: a terminal or an editor may act on it "
            "or show the text in another order; remove it",
            key ? "key" : "text", bidi ? "the bidirectional control" : "the control character",
            (unsigned long)cp, at + 1,
            cp == 0x1B     ? " (escape)"
            : cp == 0x202E ? " (right-to-left override)"
                           : "");
    vg_buf_free(&ptr);
    return v->failed;
}

/* V024 over every string and key of the registry, those the model keeps
   unknown too. */
static void vg_validate_texts(vg_vctx *v) {
    v->ptr[0] = '\0'; /* the pointers come whole from the walk */
    vg_registry_each_text(v->reg, vg_check_text, v);
}

/* ---- V026: a key a letter or two off a known one ---- */

/* Warns of an unknown key (vg_key_fn) that is near a known key of its object. */
static int vg_check_key(void *ctx, const vg_tpath *p, const char *key, const char *type,
                        const char *near) {
    vg_vctx *v = ctx;
    if (!near)
        return 0; /* a key of the document's own: kept, nothing to say */
    vg_buf ptr;
    vg_buf_init(&ptr);
    vg_tpath_format(&ptr, p);
    vg_buf_putc(&ptr, '\0');
    if (ptr.failed) {
        v->failed = 1;
        return 1;
    }
    vg_diag(v, VG_R_KEY_TYPO, ptr.data,
            "a %s has no key \"%s\"; did you mean \"%s\"? (the key is kept as it is, and the "
            "library does not read it)",
            type, key, near);
    vg_buf_free(&ptr);
    return v->failed;
}

static void vg_validate_keys(vg_vctx *v) {
    v->ptr[0] = '\0'; /* the pointers come whole from the walk */
    vg_registry_each_unknown_key(v->reg, vg_check_key, v);
}

/* Document order: by where the value stands in the canonical document, then
   by rule; a stable merge sort (the walk's order breaks the remaining ties). */
static int vg_diag_before(const veilig_diagnostic *a, const veilig_diagnostic *b) {
    int c = vg_pointer_compare(a->pointer, b->pointer);
    return c ? c < 0 : strcmp(a->rule, b->rule) < 0;
}

static void vg_merge_sort(veilig_diagnostic *a, veilig_diagnostic *tmp, size_t n) {
    if (n < 2)
        return;
    size_t h = n / 2;
    vg_merge_sort(a, tmp, h);
    vg_merge_sort(a + h, tmp, n - h);
    if (!vg_diag_before(&a[h], &a[h - 1]))
        return; /* in order already, as the walk mostly leaves them */
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = vg_diag_before(&a[j], &a[i]) ? a[j++] : a[i++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

static int vg_sort_diagnostics(veilig_diagnostics *d) {
    veilig_diagnostic *tmp = vg_malloc((d->count ? d->count : 1) * sizeof *tmp);
    if (!tmp)
        return VEILIG_ENOMEM;
    vg_merge_sort(d->items, tmp, d->count);
    vg_free(tmp);
    return VEILIG_OK;
}

int veilig_validate(veilig_diagnostics **out, const veilig_registry *reg) {
    if (out)
        *out = NULL;
    if (!out || !reg)
        return VEILIG_EINVAL;
    veilig_diagnostics *d = vg_calloc(1, sizeof *d);
    if (!d)
        return VEILIG_ENOMEM;
    vg_arena_init(&d->arena, 1024);
    vg_vctx v;
    memset(&v, 0, sizeof v);
    v.d = d;
    v.reg = reg;
    if (reg->programme) {
        const veilig_contact *c = reg->programme->contact;
        if (c) {
            snprintf(v.ptr, sizeof v.ptr, "/programme/contact");
            vg_check_term(&v, VEILIG_VOCAB_ROLE, c->role, "/role");
            v.ptr[0] = '\0';
        }
        if (c && !c->personal && c->name && (c->phone || c->email) && vg_looks_personal(c->name))
            vg_diag(&v, VG_R_PERSONAL, "/programme/contact",
                    "\"%s\" looks like a person's name with contact details: mark the contact "
                    "\"personal\": true so that reports leave it out",
                    c->name);
    }
    for (size_t i = 0; i < reg->count && !v.failed; i++)
        vg_validate_municipality(&v, i);
    if (!v.failed)
        vg_validate_texts(&v);
    if (!v.failed)
        vg_validate_keys(&v);
    if (v.failed) {
        veilig_diagnostics_free(d);
        return VEILIG_ENOMEM;
    }
    if (vg_sort_diagnostics(d)) {
        veilig_diagnostics_free(d);
        return VEILIG_ENOMEM;
    }
    *out = d;
    return VEILIG_OK;
}
