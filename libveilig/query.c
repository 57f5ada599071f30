/* libveilig: querying measures across a registry. */
#include <stdio.h>
#include <string.h>

#include "model_internal.h"

static const char *const vg_filter_names[] = {
    NULL,     "category", "approach", "target_group", "setting", "stakeholder_kind", "stakeholder",
    "status", "evidence", "province", "active_on",    "text",    "municipality"};

#define VG_NFILTERS (sizeof vg_filter_names / sizeof vg_filter_names[0])

/* The vocabulary a filter's values come from, or 0. */
static veilig_vocab vg_filter_vocab(veilig_filter f) {
    switch (f) {
        case VEILIG_FILTER_CATEGORY:
            return VEILIG_VOCAB_CATEGORY;
        case VEILIG_FILTER_APPROACH:
            return VEILIG_VOCAB_APPROACH;
        case VEILIG_FILTER_TARGET_GROUP:
            return VEILIG_VOCAB_TARGET_GROUP;
        case VEILIG_FILTER_SETTING:
            return VEILIG_VOCAB_SETTING;
        case VEILIG_FILTER_STAKEHOLDER_KIND:
            return VEILIG_VOCAB_STAKEHOLDER_TYPE;
        case VEILIG_FILTER_STATUS:
            return VEILIG_VOCAB_MEASURE_STATE;
        case VEILIG_FILTER_EVIDENCE:
            return VEILIG_VOCAB_EVIDENCE;
        default:
            return (veilig_vocab)0;
    }
}

const char *veilig_filter_name(veilig_filter filter) {
    return (size_t)filter < VG_NFILTERS ? vg_filter_names[filter] : NULL;
}

veilig_filter veilig_filter_from_name(const char *name) {
    for (size_t i = 1; name && i < VG_NFILTERS; i++)
        if (strcmp(vg_filter_names[i], name) == 0)
            return (veilig_filter)i;
    return (veilig_filter)0;
}

int veilig_text_fold(char **out, const char *text) {
    if (out)
        *out = NULL;
    if (!out || !text)
        return VEILIG_EINVAL;
    vg_buf b;
    vg_buf_init(&b);
    vg_fold(&b, text, strlen(text));
    *out = vg_buf_finish(&b, NULL);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}

/* ---- activity ---- */

/* The last day a partial date covers. */
static veilig_date vg_date_last(vg_date d) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    veilig_date r = vg_date_to_public(d);
    if (!r.month)
        r.month = 12;
    if (!r.day) {
        r.day = days[r.month - 1];
        if (r.month == 2 && !((r.year % 4 == 0 && r.year % 100 != 0) || r.year % 400 == 0))
            r.day = 28;
    }
    return r;
}

int vg_measure_active(vg_term status, vg_date start, vg_date end, const veilig_date *on) {
    if (status == VEILIG_MEASURE_STATE_ENDED || status == VEILIG_MEASURE_STATE_PLANNED)
        return 0;
    if (on && on->year) {
        veilig_date first = vg_date_to_public(start);
        if (start.year && veilig_date_compare(&first, on) > 0)
            return 0;
        veilig_date last = vg_date_last(end);
        if (end.year && veilig_date_compare(&last, on) < 0)
            return 0;
    }
    return 1;
}

int veilig_measure_is_active(const veilig_measure *ms, const veilig_date *on) {
    return ms ? vg_measure_active(ms->status, ms->period_start, ms->period_end, on) : 0;
}

/* ---- queries ---- */

typedef struct vg_fvalue {
    veilig_filter filter;
    const char *value; /* folded for text filters */
    veilig_date date;  /* VEILIG_FILTER_ACTIVE_ON */
    size_t group;      /* the any-of group (veilig_query_or) it belongs to */
} vg_fvalue;

struct veilig_query {
    vg_arena arena;
    vg_fvalue *values;
    size_t count, cap;
    size_t group; /* the group values are added to: the number of veilig_query_or calls */
};

int veilig_query_new(veilig_query **out) {
    if (!out)
        return VEILIG_EINVAL;
    *out = vg_calloc(1, sizeof **out);
    if (!*out)
        return VEILIG_ENOMEM;
    vg_arena_init(&(*out)->arena, 256);
    return VEILIG_OK;
}

void veilig_query_free(veilig_query *q) {
    if (!q)
        return;
    vg_arena_free(&q->arena);
    vg_free(q->values);
    vg_free(q);
}

/* The failure of a code the filter's vocabulary does not know: what it
   meant, perhaps, and the codes it knows. */
static int vg_fail_unknown_code(const char *filter, const char *value, veilig_vocab vocab) {
    vg_buf b;
    vg_buf_init(&b);
    for (int i = 1; i <= veilig_vocab_size(vocab); i++)
        vg_buf_printf(&b, "%s%s", i > 1 ? ", " : "", veilig_vocab_code(vocab, i));
    char *known = vg_buf_finish(&b, NULL);
    const char *hint = veilig_vocab_suggest(vocab, value);
    int rc = vg_fail(VEILIG_EINVAL, "query: unknown %s \"%s\"%s%s%s (known: %s)", filter, value,
                     hint ? "; did you mean \"" : "", hint ? hint : "", hint ? "\"?" : "",
                     known ? known : "");
    vg_free(known);
    return rc;
}

static int vg_province_known(const char *value) {
    for (size_t i = 0; i < veilig_province_count(); i++)
        if (vg_strieq(veilig_province_code(i), value))
            return 1;
    return 0;
}

static int vg_fail_unknown_province(const char *value) {
    const char *codes[32];
    size_t n = veilig_province_count() < 32 ? veilig_province_count() : 32;
    vg_buf b;
    vg_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        codes[i] = veilig_province_code(i);
        vg_buf_printf(&b, "%s%s", i ? ", " : "", codes[i]);
    }
    char *known = vg_buf_finish(&b, NULL);
    const char *hint = vg_nearest(value, codes, n, 2);
    int rc = vg_fail(VEILIG_EINVAL, "query: unknown province \"%s\"%s%s%s (known: %s)", value,
                     hint ? "; did you mean \"" : "", hint ? hint : "", hint ? "\"?" : "",
                     known ? known : "");
    vg_free(known);
    return rc;
}

int veilig_query_or(veilig_query *q) {
    if (!q)
        return VEILIG_EINVAL;
    if (!q->count || q->values[q->count - 1].group != q->group)
        return vg_fail(VEILIG_EINVAL, "query: OR needs a filter before it");
    q->group++;
    return VEILIG_OK;
}

int veilig_query_add(veilig_query *q, veilig_filter filter, const char *value) {
    if (!q || !value)
        return VEILIG_EINVAL;
    if (filter <= 0 || (size_t)filter >= VG_NFILTERS)
        return vg_fail(VEILIG_EINVAL, "query: %d is not a filter", (int)filter);
    const char *name = veilig_filter_name(filter);
    if (!*value)
        return vg_fail(VEILIG_EINVAL, "query: the %s value is empty", name);
    if (!vg_utf8_valid(value, strlen(value)))
        return vg_fail(VEILIG_EINVAL, "query: the %s value is not valid UTF-8", name);
    vg_fvalue fv = {filter, NULL, {0, 0, 0}, q->group};
    if (filter == VEILIG_FILTER_ACTIVE_ON && veilig_date_parse(&fv.date, value) != VEILIG_OK)
        return vg_fail(VEILIG_EINVAL, "query: active_on \"%s\" is not a date (2023-06-01)", value);
    veilig_vocab vocab = vg_filter_vocab(filter);
    if (vocab && !veilig_vocab_from_code(vocab, value))
        return vg_fail_unknown_code(name, value, vocab);
    if (filter == VEILIG_FILTER_PROVINCE && !vg_province_known(value))
        return vg_fail_unknown_province(value);
    if (filter == VEILIG_FILTER_TEXT || filter == VEILIG_FILTER_STAKEHOLDER) {
        vg_buf b;
        vg_buf_init(&b);
        vg_fold(&b, value, strlen(value));
        char *folded = vg_buf_finish(&b, NULL);
        fv.value = folded ? vg_arena_strdup(&q->arena, folded) : NULL;
        vg_free(folded);
    } else {
        fv.value = vg_arena_strdup(&q->arena, value);
    }
    if (!fv.value || vg_grow((void **)&q->values, &q->cap, q->count + 1, sizeof *q->values))
        return VEILIG_ENOMEM;
    q->values[q->count++] = fv;
    return VEILIG_OK;
}

/* A filter, resolved against one registry. */
typedef struct vg_rfilter {
    veilig_filter filter;
    size_t n;
    const vg_fvalue **values;
    vg_term *terms; /* vocabulary filters: the values as terms of the registry (0: never) */
    uint32_t set;   /* target groups and settings: the known values as in vg_measure_brief */
    int unknown;    /* ...and whether a value is an unknown code of the registry */
} vg_rfilter;

/* Known values of the vocabularies free text looks at (their codes and labels
   are matched once per run, not once per measure). */
#define VG_TEXT_VOCABS 3
#define VG_MAX_VALUES  64

typedef struct vg_run {
    const veilig_registry *reg;
    vg_rfilter filters[VG_NFILTERS];
    /* for VEILIG_FILTER_TEXT: whether known value v of vocabulary i matches */
    uint8_t text_hit[VG_TEXT_VOCABS][VG_MAX_VALUES];
    /* and whether a target group can match at all (a known one, or an unknown code) */
    int text_target_groups;
    /* for the stakeholder filter: whether each stakeholder of the
       municipality last looked at matches (0 not known yet, 1 no, 2 yes) */
    struct {
        const veilig_municipality *m;
        uint8_t *hit;
        size_t cap;
    } sh;
} vg_run;

static int vg_text_vocab_slot(veilig_vocab vocab) {
    switch (vocab) {
        case VEILIG_VOCAB_CATEGORY:
            return 0;
        case VEILIG_VOCAB_APPROACH:
            return 1;
        case VEILIG_VOCAB_TARGET_GROUP:
            return 2;
        default:
            return -1;
    }
}

static int vg_has_term(const vg_rfilter *f, vg_term t) {
    for (size_t i = 0; i < f->n; i++)
        if (f->terms[i] && f->terms[i] == t)
            return 1;
    return 0;
}

static int vg_has_any(const vg_rfilter *f, const vg_terms *l) {
    for (uint32_t i = 0; i < l->n; i++)
        if (vg_has_term(f, l->v[i]))
            return 1;
    return 0;
}

/* Whether s, folded, contains any of the filter's (folded) values. */
static int vg_text_has(const vg_rfilter *f, const char *s) {
    if (!s)
        return 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < f->n; i++)
        if (vg_fold_contains(s, len, f->values[i]->value, strlen(f->values[i]->value)))
            return 1;
    return 0;
}

/* Whether the code or a label of value v matches. */
static int vg_text_has_value(const vg_rfilter *f, veilig_vocab vocab, int v) {
    return vg_text_has(f, veilig_vocab_code(vocab, v)) ||
           vg_text_has(f, veilig_vocab_label(vocab, v, "nl")) ||
           vg_text_has(f, veilig_vocab_label(vocab, v, "en"));
}

static int vg_text_has_term(vg_run *r, const vg_rfilter *f, veilig_vocab vocab, vg_term t) {
    if (!t)
        return 0;
    int v = vg_term_known(t);
    int slot = vg_text_vocab_slot(vocab);
    if (v && slot >= 0 && v < VG_MAX_VALUES)
        return r->text_hit[slot][v]; /* worked out once per run */
    if (v)
        return vg_text_has_value(f, vocab, v);
    return vg_text_has(f, vg_term_code(r->reg, vocab, t)); /* an unknown code */
}

/* Whether a partner's stakeholder (its id, or its name) holds the filter's
   text; each stakeholder of a municipality is matched once per run. */
static int vg_partner_text(vg_run *r, const vg_rfilter *f, const veilig_municipality *m,
                           const veilig_partner *p) {
    size_t at = vg_stakeholder_index(m, p->stakeholder);
    if (at == (size_t)-1)
        return vg_text_has(f, p->stakeholder);
    if (r->sh.m != m) {
        if (vg_grow((void **)&r->sh.hit, &r->sh.cap, m->stakeholders.n ? m->stakeholders.n : 1,
                    1)) {
            const veilig_stakeholder *s = m->stakeholders.v[at];
            return vg_text_has(f, s->id) || vg_text_has(f, s->name); /* no cache */
        }
        memset(r->sh.hit, 0, m->stakeholders.n);
        r->sh.m = m;
    }
    uint8_t *hit = &r->sh.hit[at];
    if (!*hit) {
        const veilig_stakeholder *s = m->stakeholders.v[at];
        *hit = vg_text_has(f, s->id) || vg_text_has(f, s->name) ? 2 : 1;
    }
    return *hit == 2;
}

static int vg_text_has_cb(void *f, const char *s) {
    return vg_text_has(f, s);
}

/* The free-text filter on a measure, folding as it goes (when the
   municipality's folded text is off: memory ran out while folding it). */
static int vg_match_text(vg_run *r, const vg_rfilter *f, const veilig_municipality *m,
                         const veilig_measure *ms) {
    if (vg_measure_texts(m, ms, vg_text_has_cb, (void *)f) ||
        vg_text_has_term(r, f, VEILIG_VOCAB_CATEGORY, ms->category) ||
        vg_text_has_term(r, f, VEILIG_VOCAB_APPROACH, ms->approach))
        return 1;
    for (uint32_t i = 0; i < ms->target_groups.n; i++)
        if (vg_text_has_term(r, f, VEILIG_VOCAB_TARGET_GROUP, ms->target_groups.v[i]))
            return 1;
    return 0;
}

/* vg_match_text from the municipality's folded text and the measure's brief
   (municipality.text_ok): the measure itself is only read for its target
   groups, and only when one of them can match. The folded text holds what
   vg_match_text folds of the measure, its windows and partners; folding it
   again changes nothing, so vg_fold_contains finds what it found. */
static int vg_match_text_brief(vg_run *r, const vg_rfilter *f, const veilig_municipality *m,
                               uint32_t k) {
    const vg_measure_brief *b = &m->briefs[k];
    const char *text = m->text.data + b->text_at;
    for (size_t i = 0; i < f->n; i++)
        if (vg_fold_contains(text, b->text_len, f->values[i]->value, strlen(f->values[i]->value)))
            return 1;
    if (vg_text_has_term(r, f, VEILIG_VOCAB_CATEGORY, b->category) ||
        vg_text_has_term(r, f, VEILIG_VOCAB_APPROACH, b->own_approach))
        return 1;
    if (r->text_target_groups) {
        const veilig_measure *ms = m->measures.v[k];
        for (uint32_t i = 0; i < ms->target_groups.n; i++)
            if (vg_text_has_term(r, f, VEILIG_VOCAB_TARGET_GROUP, ms->target_groups.v[i]))
                return 1;
    }
    return 0;
}

static int vg_match_stakeholder(vg_run *r, const vg_rfilter *f, const veilig_municipality *m,
                                const veilig_measure *ms, int by_kind) {
    for (uint32_t i = 0; i < ms->partners.n; i++) {
        const veilig_partner *p = ms->partners.v[i];
        const veilig_stakeholder *s = veilig_municipality_find_stakeholder(m, p->stakeholder);
        if (by_kind) {
            if (s && vg_has_term(f, s->kind))
                return 1;
        } else if (vg_partner_text(r, f, m, p)) {
            return 1;
        }
    }
    return 0;
}

static int vg_match_municipality(const vg_rfilter *f, const veilig_municipality *m) {
    for (size_t i = 0; i < f->n; i++) {
        const char *v = f->values[i]->value;
        if (vg_strieq(m->code, v) || vg_strieq(m->name, v) ||
            (m->official_name && vg_strieq(m->official_name, v)))
            return 1;
    }
    return 0;
}

/* Whether a measure with the set of values (vg_measure_brief), whose list
   is l, has one of the filter's. */
static int vg_has_any_in(const vg_rfilter *f, uint32_t set, const vg_terms *l) {
    if (set & f->set)
        return 1;
    return (set & VG_BRIEF_OTHER) && f->unknown && vg_has_any(f, l);
}

/* Whether measure k of m passes every filter of the run: what the measure's
   brief holds is read there, the measure itself only for the rest. */
static int vg_match(vg_run *r, const veilig_municipality *m, uint32_t k) {
    const veilig_measure *ms = m->measures.v[k];
    const vg_measure_brief *b = &m->briefs[k];
    for (size_t j = 1; j < VG_NFILTERS; j++) {
        const vg_rfilter *f = &r->filters[j];
        if (!f->n)
            continue;
        int ok = 0;
        switch (f->filter) {
            case VEILIG_FILTER_CATEGORY:
                ok = vg_has_term(f, b->category);
                break;
            case VEILIG_FILTER_APPROACH:
                ok = vg_has_term(f, b->approach);
                break;
            case VEILIG_FILTER_TARGET_GROUP:
                ok = vg_has_any_in(f, b->target_groups, &ms->target_groups);
                break;
            case VEILIG_FILTER_SETTING:
                ok = vg_has_any_in(f, b->settings, &ms->settings);
                break;
            case VEILIG_FILTER_STAKEHOLDER_KIND:
                ok = vg_match_stakeholder(r, f, m, ms, 1);
                break;
            case VEILIG_FILTER_STAKEHOLDER:
                ok = vg_match_stakeholder(r, f, m, ms, 0);
                break;
            case VEILIG_FILTER_STATUS:
                ok = vg_has_term(f, b->status ? b->status : VEILIG_MEASURE_STATE_UNKNOWN);
                break;
            case VEILIG_FILTER_EVIDENCE: {
                int level = vg_term_known(ms->evidence);
                for (size_t i = 0; i < f->n && !ok; i++)
                    ok = level && level >= f->terms[i];
                break;
            }
            case VEILIG_FILTER_PROVINCE:
                for (size_t i = 0; i < f->n && !ok; i++)
                    ok = m->province && vg_strieq(m->province, f->values[i]->value);
                break;
            case VEILIG_FILTER_ACTIVE_ON:
                for (size_t i = 0; i < f->n && !ok; i++)
                    ok = vg_measure_active(b->status, b->period_start, b->period_end,
                                           &f->values[i]->date);
                break;
            case VEILIG_FILTER_TEXT:
                ok = vg_municipality_text_ready(m) ? vg_match_text_brief(r, f, m, k)
                                                   : vg_match_text(r, f, m, ms);
                break;
            case VEILIG_FILTER_MUNICIPALITY:
                ok = vg_match_municipality(f, m);
                break;
        }
        if (!ok)
            return 0;
    }
    return 1;
}

struct veilig_query_result {
    const veilig_municipality **m;
    const veilig_measure **ms;
    size_t count, cap_m, cap_ms;
};

void veilig_query_result_free(veilig_query_result *r) {
    if (!r)
        return;
    vg_free(r->m);
    vg_free(r->ms);
    vg_free(r);
}

static const char *vg_terms_key(const void *ctx, size_t pos) {
    return ((const veilig_registry *)ctx)->terms[pos];
}

static void vg_run_text_init(vg_run *r) {
    static const veilig_vocab vocabs[VG_TEXT_VOCABS] = {
        VEILIG_VOCAB_CATEGORY, VEILIG_VOCAB_APPROACH, VEILIG_VOCAB_TARGET_GROUP};
    const vg_rfilter *f = &r->filters[VEILIG_FILTER_TEXT];
    if (!f->n)
        return;
    for (int i = 0; i < VG_TEXT_VOCABS; i++)
        for (int v = 1; v <= veilig_vocab_size(vocabs[i]) && v < VG_MAX_VALUES; v++)
            r->text_hit[i][v] = (uint8_t)vg_text_has_value(f, vocabs[i], v);
    int tg = vg_text_vocab_slot(VEILIG_VOCAB_TARGET_GROUP);
    r->text_target_groups = veilig_vocab_size(VEILIG_VOCAB_TARGET_GROUP) >= VG_MAX_VALUES;
    for (int v = 1; v <= veilig_vocab_size(VEILIG_VOCAB_TARGET_GROUP) && v < VG_MAX_VALUES; v++)
        r->text_target_groups |= r->text_hit[tg][v];
    /* the registry's unknown codes, of whatever vocabulary */
    for (size_t u = 0; u < r->reg->nterms && !r->text_target_groups; u++)
        r->text_target_groups = vg_text_has(f, r->reg->terms[u]);
}

/* Resolves the query's values against reg. */
/* Resolves the values of one group of the query against reg. */
static int vg_run_init(vg_run *r, const veilig_query *q, size_t group, const veilig_registry *reg) {
    memset(r, 0, sizeof *r);
    r->reg = reg;
    for (size_t i = 0; i < q->count; i++)
        if (q->values[i].group == group)
            r->filters[q->values[i].filter].n++;
    for (size_t k = 1; k < VG_NFILTERS; k++) {
        vg_rfilter *f = &r->filters[k];
        f->filter = (veilig_filter)k;
        if (!f->n)
            continue;
        f->values = vg_calloc(f->n, sizeof *f->values);
        f->terms = vg_calloc(f->n, sizeof *f->terms);
        if (!f->values || !f->terms)
            return VEILIG_ENOMEM;
        f->n = 0;
    }
    for (size_t i = 0; i < q->count; i++) {
        const vg_fvalue *fv = &q->values[i];
        if (fv->group != group)
            continue;
        vg_rfilter *f = &r->filters[fv->filter];
        veilig_vocab vocab = vg_filter_vocab(fv->filter);
        vg_term t = 0;
        if (vocab) {
            int v = veilig_vocab_from_code(vocab, fv->value);
            if (v)
                t = (vg_term)v;
            else {
                size_t u = vg_index_find(&reg->ix_terms, fv->value, vg_terms_key, reg);
                if (u != (size_t)-1)
                    t = (vg_term)(VG_TERM_UNKNOWN | u);
            }
        }
        f->values[f->n] = fv;
        f->terms[f->n] = t;
        f->n++;
        if (t && (vocab == VEILIG_VOCAB_TARGET_GROUP || vocab == VEILIG_VOCAB_SETTING)) {
            vg_terms one = {&t, 1, 1};
            uint32_t set = vg_terms_set(&one);
            if (set & VG_BRIEF_OTHER)
                f->unknown = 1;
            else
                f->set |= set;
        }
    }
    vg_run_text_init(r);
    return VEILIG_OK;
}

/* Matches the free text against every known category, approach and target group once. */
static void vg_run_free(vg_run *r) {
    vg_free(r->sh.hit);
    for (size_t k = 0; k < VG_NFILTERS; k++) {
        vg_free(r->filters[k].values);
        vg_free(r->filters[k].terms);
    }
}

int veilig_query_run(veilig_query_result **out, const veilig_query *q, const veilig_registry *reg) {
    if (out)
        *out = NULL;
    if (!out || !q || !reg)
        return VEILIG_EINVAL;
    veilig_query_result *res = vg_calloc(1, sizeof *res);
    if (!res)
        return VEILIG_ENOMEM;
    /* one run per any-of group; a group an OR left empty adds nothing */
    size_t ngroups = q->count && q->values[q->count - 1].group == q->group
                         ? q->group + 1
                         : (q->group ? q->group : 1);
    vg_run *r = vg_calloc(ngroups, sizeof *r);
    int rc = r ? VEILIG_OK : VEILIG_ENOMEM;
    for (size_t g = 0; g < ngroups && !rc; g++)
        rc = vg_run_init(&r[g], q, g, reg);
    for (size_t i = 0; i < reg->count && !rc; i++) {
        const veilig_municipality *m = reg->municipalities[i];
        for (uint32_t k = 0; k < m->measures.n && !rc; k++) {
            int hit = 0;
            for (size_t g = 0; g < ngroups && !hit; g++)
                hit = vg_match(&r[g], m, k);
            if (!hit)
                continue;
            const veilig_measure *ms = m->measures.v[k];
            if (vg_grow((void **)&res->m, &res->cap_m, res->count + 1, sizeof *res->m) ||
                vg_grow((void **)&res->ms, &res->cap_ms, res->count + 1, sizeof *res->ms)) {
                rc = VEILIG_ENOMEM;
                break;
            }
            res->m[res->count] = m;
            res->ms[res->count] = ms;
            res->count++;
        }
    }
    for (size_t g = 0; r && g < ngroups; g++)
        vg_run_free(&r[g]);
    vg_free(r);
    if (rc) {
        veilig_query_result_free(res);
        return rc;
    }
    *out = res;
    return VEILIG_OK;
}

/* ---- the expression language: "category=bystander OR approach=prevention" ---- */

typedef struct vg_qparser {
    const char *text, *at;
    veilig_error *err;
    vg_buf word; /* the last word read, unquoted */
} vg_qparser;

static int vg_qp_fail(vg_qparser *p, const char *where, int code, const char *fmt, ...)
    VG_PRINTF(4, 5);
static int vg_qp_fail(vg_qparser *p, const char *where, int code, const char *fmt, ...) {
    char text[VEILIG_ERROR_MESSAGE_LENGTH * 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    vg_error_set(p->err, code, "%s", text);
    vg_error_set_source(p->err, "<query>");
    vg_error_set_position(p->err, p->text, strlen(p->text), (size_t)(where - p->text));
    return code;
}

static void vg_qp_space(vg_qparser *p) {
    while (*p->at == ' ' || *p->at == '\t' || *p->at == '\n' || *p->at == '\r')
        p->at++;
}

/* Reads a filter name (letters, digits, _ and -) into p->word. */
static int vg_qp_name(vg_qparser *p) {
    p->word.len = 0;
    while ((*p->at >= 'a' && *p->at <= 'z') || (*p->at >= 'A' && *p->at <= 'Z') ||
           (*p->at >= '0' && *p->at <= '9') || *p->at == '_' || *p->at == '-') {
        char c = *p->at++;
        vg_buf_putc(&p->word, c == '-' ? '_' : c);
    }
    vg_buf_putc(&p->word, '\0');
    p->word.len--;
    return p->word.failed ? VEILIG_ENOMEM : VEILIG_OK;
}

/* Reads a value: "quoted" (\" and \\ escaped) or up to the next space. */
static int vg_qp_value(vg_qparser *p) {
    p->word.len = 0;
    const char *start = p->at;
    if (*p->at == '"') {
        for (p->at++; *p->at && *p->at != '"'; p->at++) {
            if (*p->at == '\\' && (p->at[1] == '"' || p->at[1] == '\\'))
                p->at++;
            vg_buf_putc(&p->word, *p->at);
        }
        if (*p->at != '"')
            return vg_qp_fail(p, start, VEILIG_EPARSE, "query: a quoted value is not closed");
        p->at++;
    } else {
        while (*p->at && *p->at != ' ' && *p->at != '\t' && *p->at != '\n' && *p->at != '\r')
            vg_buf_putc(&p->word, *p->at++);
    }
    vg_buf_putc(&p->word, '\0');
    p->word.len--;
    return p->word.failed ? VEILIG_ENOMEM : VEILIG_OK;
}

/* Whether the word at p->at is the keyword kw (any case), followed by a space or the end. */
static int vg_qp_keyword(vg_qparser *p, const char *kw) {
    size_t n = strlen(kw);
    for (size_t i = 0; i < n; i++)
        if ((p->at[i] | 0x20) != kw[i])
            return 0;
    char c = p->at[n];
    if (c && c != ' ' && c != '\t' && c != '\n' && c != '\r')
        return 0;
    p->at += n;
    return 1;
}

static int vg_qp_parse(vg_qparser *p, veilig_query *q) {
    int rc = VEILIG_OK, need_term = 1;
    vg_qp_space(p);
    if (!*p->at)
        return vg_qp_fail(p, p->at, VEILIG_EPARSE, "query: the expression is empty");
    while (*p->at && !rc) {
        const char *where = p->at;
        if (vg_qp_keyword(p, "or")) {
            if (need_term)
                return vg_qp_fail(p, where, VEILIG_EPARSE, "query: OR needs a filter before it");
            rc = veilig_query_or(q);
            need_term = 1;
        } else if (vg_qp_keyword(p, "and")) {
            if (need_term)
                return vg_qp_fail(p, where, VEILIG_EPARSE, "query: AND needs a filter before it");
            need_term = 1;
        } else {
            if ((rc = vg_qp_name(p)) != VEILIG_OK)
                break;
            if (!p->word.len || (*p->at != '=' && *p->at != ':'))
                return vg_qp_fail(p, where, VEILIG_EPARSE,
                                  "query: expected a filter and a value, such as "
                                  "category=bystander");
            veilig_filter f = veilig_filter_from_name(p->word.data);
            if (!f) {
                const char *hint =
                    vg_nearest(p->word.data, vg_filter_names + 1, VG_NFILTERS - 1, 3);
                vg_buf msg;
                vg_buf_init(&msg);
                for (size_t i = 1; i < VG_NFILTERS; i++)
                    vg_buf_printf(&msg, "%s%s", i > 1 ? ", " : "", vg_filter_names[i]);
                char *known = vg_buf_finish(&msg, NULL);
                vg_buf hinted;
                vg_buf_init(&hinted);
                vg_buf_printf(&hinted, "query: unknown filter \"%s\"", p->word.data);
                if (hint)
                    vg_buf_printf(&hinted, "; did you mean \"%s\"?", hint);
                char *first = vg_buf_finish(&hinted, NULL);
                rc = vg_qp_fail(p, where, VEILIG_EINVAL, "%s (known: %s)", first ? first : "",
                                known ? known : "");
                vg_free(first);
                vg_free(known);
                return rc;
            }
            p->at++;
            const char *vwhere = p->at;
            if ((rc = vg_qp_value(p)) != VEILIG_OK)
                break;
            if (!p->word.len)
                return vg_qp_fail(p, vwhere, VEILIG_EPARSE, "query: %s has no value",
                                  veilig_filter_name(f));
            rc = veilig_query_add(q, f, p->word.data);
            if (rc) {
                const veilig_error *last = veilig_error_last();
                return vg_qp_fail(p, vwhere, rc, "%s", last ? last->message : "");
            }
            need_term = 0;
        }
        vg_qp_space(p);
    }
    if (!rc && need_term)
        return vg_qp_fail(p, p->at, VEILIG_EPARSE, "query: the expression ends after AND or OR");
    return rc == VEILIG_ENOMEM ? vg_error_set(p->err, rc, "out of memory") : rc;
}

int veilig_query_parse(veilig_query **out, const char *text, veilig_error *err) {
    vg_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !text)
        return vg_error_set(err, VEILIG_EINVAL, "query: no expression");
    veilig_query *q = NULL;
    int rc = veilig_query_new(&q);
    if (rc)
        return vg_error_set(err, rc, "out of memory");
    vg_qparser p = {text, text, err, {NULL, 0, 0, 0, NULL}};
    vg_buf_init(&p.word);
    rc = vg_qp_parse(&p, q);
    vg_buf_free(&p.word);
    if (rc) {
        veilig_query_free(q);
        return rc;
    }
    *out = q;
    return VEILIG_OK;
}

size_t veilig_query_result_count(const veilig_query_result *r) {
    return r ? r->count : 0;
}

const veilig_municipality *veilig_query_result_municipality(const veilig_query_result *r,
                                                            size_t index) {
    return r && index < r->count ? r->m[index] : NULL;
}

const veilig_measure *veilig_query_result_measure(const veilig_query_result *r, size_t index) {
    return r && index < r->count ? r->ms[index] : NULL;
}

int veilig_query_result_to_json(char **out, size_t *len, const veilig_query_result *r) {
    if (out)
        *out = NULL;
    if (!out || !r)
        return VEILIG_EINVAL;
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, 0);
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < r->count; i++) {
        const veilig_municipality *m = r->m[i];
        const veilig_measure *ms = r->ms[i];
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "municipality");
        vg_jw_cstring(&w, m->code);
        vg_jw_key(&w, "municipality_name");
        vg_jw_cstring(&w, m->name);
        vg_jw_key(&w, "measure");
        vg_jw_cstring(&w, ms->id);
        vg_jw_key(&w, "name");
        vg_jw_cstring(&w, ms->name);
        vg_jw_key(&w, "category");
        vg_jw_cstring(&w, veilig_measure_category_code(ms));
        vg_jw_key(&w, "approach");
        vg_jw_cstring(&w, ms->approach ? veilig_measure_approach_code(ms)
                                       : veilig_approach_code(veilig_measure_approach(ms)));
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_buf_putc(&b, '\n');
    *out = vg_buf_finish(&b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}
