/* libveilig: the profile of one municipality, and two municipalities compared. */
#include <string.h>

#include "analysis_internal.h"

typedef struct vg_group_row {
    vg_term term;
    int in_scope;
    unsigned measures;
} vg_group_row;

typedef struct vg_gap {
    veilig_gap_kind kind;
    const char *code;
    const veilig_measure *measure;
} vg_gap;

struct veilig_profile_result {
    const veilig_municipality *m;
    unsigned *approach, *category, *kind; /* by enum value; [0]: unknown codes */
    int64_t *budget;                      /* by category */
    vg_group_row *groups;
    size_t ngroups, cap_groups;
    unsigned *stakeholder_measures; /* aligned with m->stakeholders */
    vg_gap *gaps;
    size_t ngaps, cap_gaps;
};

void veilig_profile_free(veilig_profile_result *p) {
    if (!p)
        return;
    vg_free(p->approach);
    vg_free(p->category);
    vg_free(p->kind);
    vg_free(p->budget);
    vg_free(p->groups);
    vg_free(p->stakeholder_measures);
    vg_free(p->gaps);
    vg_free(p);
}

static int vg_add_group(veilig_profile_result *p, vg_term t, int in_scope) {
    for (size_t i = 0; i < p->ngroups; i++)
        if (p->groups[i].term == t) {
            p->groups[i].in_scope |= in_scope;
            return VEILIG_OK;
        }
    if (vg_grow((void **)&p->groups, &p->cap_groups, p->ngroups + 1, sizeof *p->groups))
        return VEILIG_ENOMEM;
    vg_group_row row = {t, in_scope, 0};
    p->groups[p->ngroups++] = row;
    return VEILIG_OK;
}

static int vg_add_gap(veilig_profile_result *p, veilig_gap_kind kind, const char *code,
                      const veilig_measure *ms) {
    if (vg_grow((void **)&p->gaps, &p->cap_gaps, p->ngaps + 1, sizeof *p->gaps))
        return VEILIG_ENOMEM;
    vg_gap g = {kind, code, ms};
    p->gaps[p->ngaps++] = g;
    return VEILIG_OK;
}

static int vg_profile_fill(veilig_profile_result *p) {
    const veilig_municipality *m = p->m;
    const veilig_registry *reg = m->owner.reg;
    int ncat = veilig_vocab_size(VEILIG_VOCAB_CATEGORY);
    for (uint32_t i = 0; i < m->target_groups.n; i++)
        if (vg_add_group(p, m->target_groups.v[i], 1))
            return VEILIG_ENOMEM;
    int executes = vg_has_executing_stakeholder(m);
    for (uint32_t k = 0; k < m->measures.n; k++) {
        const veilig_measure *ms = m->measures.v[k];
        p->approach[VG_KNOWN(vg_measure_approach_term(ms))]++;
        int cat = VG_KNOWN(ms->category);
        p->category[cat]++;
        if (ms->budget_cents >= 0 &&
            (!ms->budget_currency || strcmp(ms->budget_currency, "EUR") == 0))
            p->budget[cat] += ms->budget_cents;
        for (uint32_t g = 0; g < ms->target_groups.n; g++) {
            vg_term t = ms->target_groups.v[g];
            int dup = 0;
            for (uint32_t h = 0; h < g; h++)
                dup |= ms->target_groups.v[h] == t;
            if (dup)
                continue;
            if (vg_add_group(p, t, 0))
                return VEILIG_ENOMEM;
            for (size_t i = 0; i < p->ngroups; i++)
                if (p->groups[i].term == t)
                    p->groups[i].measures++;
        }
        for (uint32_t s = 0; s < ms->partners.n; s++) {
            const char *id = ((const veilig_partner *)ms->partners.v[s])->stakeholder;
            int dup = 0;
            for (uint32_t h = 0; h < s; h++)
                dup |= strcmp(((const veilig_partner *)ms->partners.v[h])->stakeholder, id) == 0;
            size_t at = vg_stakeholder_index(m, id);
            if (!dup && at != (size_t)-1)
                p->stakeholder_measures[at]++;
        }
    }
    for (uint32_t i = 0; i < m->stakeholders.n; i++)
        p->kind[VG_KNOWN(((const veilig_stakeholder *)m->stakeholders.v[i])->kind)]++;
    /* gaps, in the order of veilig_gap_kind */
    for (int c = 1; c <= ncat; c++)
        if (!p->category[c] &&
            vg_add_gap(p, VEILIG_GAP_CATEGORY, veilig_vocab_code(VEILIG_VOCAB_CATEGORY, c), NULL))
            return VEILIG_ENOMEM;
    for (size_t i = 0; i < p->ngroups; i++)
        if (p->groups[i].in_scope && !p->groups[i].measures &&
            vg_add_gap(p, VEILIG_GAP_TARGET_GROUP,
                       vg_term_code(reg, VEILIG_VOCAB_TARGET_GROUP, p->groups[i].term), NULL))
            return VEILIG_ENOMEM;
    for (uint32_t k = 0; k < m->measures.n; k++) {
        const veilig_measure *ms = m->measures.v[k];
        if (!ms->indicators.n && vg_add_gap(p, VEILIG_GAP_NO_INDICATOR, NULL, ms))
            return VEILIG_ENOMEM;
    }
    for (uint32_t k = 0; k < m->measures.n; k++) {
        const veilig_measure *ms = m->measures.v[k];
        if (!vg_measure_has_executing(ms, executes) &&
            vg_add_gap(p, VEILIG_GAP_NO_EXECUTING_PARTY, NULL, ms))
            return VEILIG_ENOMEM;
    }
    return VEILIG_OK;
}

int veilig_profile(veilig_profile_result **out, const veilig_municipality *m) {
    if (out)
        *out = NULL;
    if (!out || !m)
        return VEILIG_EINVAL;
    veilig_profile_result *p = vg_calloc(1, sizeof *p);
    if (!p)
        return VEILIG_ENOMEM;
    p->m = m;
    p->approach = vg_calloc((size_t)veilig_vocab_size(VEILIG_VOCAB_APPROACH) + 1, sizeof(unsigned));
    p->category = vg_calloc((size_t)veilig_vocab_size(VEILIG_VOCAB_CATEGORY) + 1, sizeof(unsigned));
    p->kind =
        vg_calloc((size_t)veilig_vocab_size(VEILIG_VOCAB_STAKEHOLDER_TYPE) + 1, sizeof(unsigned));
    p->budget = vg_calloc((size_t)veilig_vocab_size(VEILIG_VOCAB_CATEGORY) + 1, sizeof(int64_t));
    p->stakeholder_measures = vg_calloc(m->stakeholders.n, sizeof(unsigned));
    if (!p->approach || !p->category || !p->kind || !p->budget || !p->stakeholder_measures ||
        vg_profile_fill(p)) {
        veilig_profile_free(p);
        return VEILIG_ENOMEM;
    }
    *out = p;
    return VEILIG_OK;
}

const veilig_municipality *veilig_profile_municipality(const veilig_profile_result *p) {
    return p ? p->m : NULL;
}

unsigned veilig_profile_approach_count(const veilig_profile_result *p, veilig_approach a) {
    return p && (int)a >= 0 && (int)a <= veilig_vocab_size(VEILIG_VOCAB_APPROACH) ? p->approach[a]
                                                                                  : 0;
}

unsigned veilig_profile_category_count(const veilig_profile_result *p, veilig_category c) {
    return p && (int)c >= 0 && (int)c <= veilig_vocab_size(VEILIG_VOCAB_CATEGORY) ? p->category[c]
                                                                                  : 0;
}

int64_t veilig_profile_category_budget(const veilig_profile_result *p, veilig_category c) {
    return p && (int)c >= 0 && (int)c <= veilig_vocab_size(VEILIG_VOCAB_CATEGORY) ? p->budget[c]
                                                                                  : 0;
}

size_t veilig_profile_target_group_count(const veilig_profile_result *p) {
    return p ? p->ngroups : 0;
}

const char *veilig_profile_target_group_code(const veilig_profile_result *p, size_t i) {
    return p && i < p->ngroups
               ? vg_term_code(p->m->owner.reg, VEILIG_VOCAB_TARGET_GROUP, p->groups[i].term)
               : NULL;
}

int veilig_profile_target_group_in_scope(const veilig_profile_result *p, size_t i) {
    return p && i < p->ngroups ? p->groups[i].in_scope : 0;
}

unsigned veilig_profile_target_group_measures(const veilig_profile_result *p, size_t i) {
    return p && i < p->ngroups ? p->groups[i].measures : 0;
}

size_t veilig_profile_stakeholder_count(const veilig_profile_result *p) {
    return p ? p->m->stakeholders.n : 0;
}

const veilig_stakeholder *veilig_profile_stakeholder(const veilig_profile_result *p, size_t i) {
    return p && i < p->m->stakeholders.n ? p->m->stakeholders.v[i] : NULL;
}

unsigned veilig_profile_stakeholder_measures(const veilig_profile_result *p, size_t i) {
    return p && i < p->m->stakeholders.n ? p->stakeholder_measures[i] : 0;
}

unsigned veilig_profile_kind_count(const veilig_profile_result *p, veilig_stakeholder_type k) {
    return p && (int)k >= 0 && (int)k <= veilig_vocab_size(VEILIG_VOCAB_STAKEHOLDER_TYPE)
               ? p->kind[k]
               : 0;
}

size_t veilig_profile_gap_count(const veilig_profile_result *p) {
    return p ? p->ngaps : 0;
}

veilig_gap_kind veilig_profile_gap_kind(const veilig_profile_result *p, size_t i) {
    return p && i < p->ngaps ? p->gaps[i].kind : (veilig_gap_kind)0;
}

const char *veilig_profile_gap_code(const veilig_profile_result *p, size_t i) {
    return p && i < p->ngaps ? p->gaps[i].code : NULL;
}

const veilig_measure *veilig_profile_gap_measure(const veilig_profile_result *p, size_t i) {
    return p && i < p->ngaps ? p->gaps[i].measure : NULL;
}

const char *veilig_gap_kind_name(veilig_gap_kind k) {
    switch (k) {
        case VEILIG_GAP_CATEGORY:
            return "category";
        case VEILIG_GAP_TARGET_GROUP:
            return "target_group";
        case VEILIG_GAP_NO_INDICATOR:
            return "no_indicator";
        case VEILIG_GAP_NO_EXECUTING_PARTY:
            return "no_executing_party";
    }
    return NULL;
}

/* The key under which counts of codes the library does not know are written:
   not a code ("other" is one, of stakeholder kinds). */
#define VG_UNKNOWN_KEY "(unknown)"

/* Writes "key": {code: count, ...} for the values with a count. */
static void vg_render_counts(vg_jwriter *w, const char *key, veilig_vocab vocab,
                             const unsigned *counts) {
    vg_jw_key(w, key);
    vg_jw_begin_object(w);
    int n = veilig_vocab_size(vocab);
    for (int v = 1; v <= n; v++)
        if (counts[v]) {
            vg_jw_key(w, veilig_vocab_code(vocab, v));
            vg_jw_int(w, counts[v]);
        }
    if (counts[0]) {
        vg_jw_key(w, VG_UNKNOWN_KEY);
        vg_jw_int(w, counts[0]);
    }
    vg_jw_end_object(w);
}

int veilig_profile_to_json(char **out, size_t *len, const veilig_profile_result *p) {
    if (out)
        *out = NULL;
    if (!out || !p)
        return VEILIG_EINVAL;
    const veilig_municipality *m = p->m;
    const veilig_registry *reg = m->owner.reg;
    vg_jwriter w;
    vg_buf b;
    vg_render_begin(&w, &b);
    vg_jw_begin_object(&w);
    vg_jw_key(&w, "code");
    vg_jw_cstring(&w, m->code);
    vg_jw_key(&w, "name");
    vg_jw_cstring(&w, m->name);
    vg_jw_key(&w, "measures");
    vg_jw_int(&w, m->measures.n);
    vg_render_counts(&w, "by_approach", VEILIG_VOCAB_APPROACH, p->approach);
    vg_render_counts(&w, "by_category", VEILIG_VOCAB_CATEGORY, p->category);
    vg_jw_key(&w, "budget_cents_by_category");
    vg_jw_begin_object(&w);
    for (int c = 0; c <= veilig_vocab_size(VEILIG_VOCAB_CATEGORY); c++)
        if (p->budget[c]) {
            vg_jw_key(&w, c ? veilig_vocab_code(VEILIG_VOCAB_CATEGORY, c) : VG_UNKNOWN_KEY);
            vg_jw_int(&w, p->budget[c]);
        }
    vg_jw_end_object(&w);
    vg_jw_key(&w, "target_groups");
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < p->ngroups; i++) {
        vg_jw_begin_object(&w);
        vg_render_term(&w, "code", reg, VEILIG_VOCAB_TARGET_GROUP, p->groups[i].term);
        vg_jw_key(&w, "in_scope");
        vg_jw_bool(&w, p->groups[i].in_scope);
        vg_jw_key(&w, "measures");
        vg_jw_int(&w, p->groups[i].measures);
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_jw_key(&w, "stakeholders");
    vg_jw_begin_array(&w);
    for (uint32_t i = 0; i < m->stakeholders.n; i++) {
        const veilig_stakeholder *s = m->stakeholders.v[i];
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "id");
        vg_jw_cstring(&w, s->id);
        vg_jw_key(&w, "name");
        vg_jw_cstring(&w, s->name);
        vg_render_term(&w, "kind", reg, VEILIG_VOCAB_STAKEHOLDER_TYPE, s->kind);
        vg_jw_key(&w, "measures");
        vg_jw_int(&w, p->stakeholder_measures[i]);
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_render_counts(&w, "by_kind", VEILIG_VOCAB_STAKEHOLDER_TYPE, p->kind);
    vg_jw_key(&w, "gaps");
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < p->ngaps; i++) {
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "kind");
        vg_jw_cstring(&w, veilig_gap_kind_name(p->gaps[i].kind));
        if (p->gaps[i].code) {
            vg_jw_key(&w, "code");
            vg_jw_cstring(&w, p->gaps[i].code);
        }
        if (p->gaps[i].measure) {
            vg_jw_key(&w, "measure");
            vg_jw_cstring(&w, p->gaps[i].measure->id);
        }
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_jw_end_object(&w);
    return vg_render_finish(out, len, &b);
}

/* ---- comparison ---- */

typedef struct vg_cmp_row {
    veilig_vocab vocab;
    const char *code;
    int v; /* the code's value in vocab, 0 when unknown (kept: no lookup per row) */
    unsigned a, b;
} vg_cmp_row;

struct veilig_comparison {
    const veilig_municipality *ma, *mb;
    vg_cmp_row *rows;
    size_t count, cap;
};

void veilig_comparison_free(veilig_comparison *c) {
    if (!c)
        return;
    vg_free(c->rows);
    vg_free(c);
}

/* Counts n for the term t (of vocab) of one side (0: a, 1: b) in rows from
   first on: known codes in the vocabulary's order, then unknown ones by
   code. Known codes are matched by their value (a code of the vocabulary is
   never an unknown one), unknown ones by their text. */
static int vg_cmp_add(veilig_comparison *c, size_t first, veilig_vocab vocab,
                      const veilig_registry *reg, vg_term t, int side, unsigned n) {
    const char *code = vg_term_code(reg, vocab, t);
    if (!code)
        return VEILIG_OK;
    int v = VG_KNOWN(t);
    size_t at = first;
    for (; at < c->count; at++) {
        const vg_cmp_row *r = &c->rows[at];
        if (v ? r->v == v : (r->v == 0 && strcmp(r->code, code) == 0)) {
            if (side)
                c->rows[at].b += n;
            else
                c->rows[at].a += n;
            return VEILIG_OK;
        }
        if (v ? (r->v == 0 || r->v > v) : (r->v == 0 && strcmp(r->code, code) > 0))
            break;
    }
    if (vg_grow((void **)&c->rows, &c->cap, c->count + 1, sizeof *c->rows))
        return VEILIG_ENOMEM;
    memmove(c->rows + at + 1, c->rows + at, (c->count - at) * sizeof *c->rows);
    vg_cmp_row row = {vocab, code, v, side ? 0 : n, side ? n : 0};
    c->rows[at] = row;
    c->count++;
    return VEILIG_OK;
}

/* Known codes below this are counted in an array (vg_cmp_count); the
   vocabularies have 16 values or fewer. */
#define VG_CMP_KNOWN 64

/* The dimensions of a comparison, in the order of its rows. */
static const veilig_vocab vg_cmp_dims[] = {VEILIG_VOCAB_CATEGORY, VEILIG_VOCAB_APPROACH,
                                           VEILIG_VOCAB_TARGET_GROUP, VEILIG_VOCAB_SETTING,
                                           VEILIG_VOCAB_STAKEHOLDER_TYPE};
#define VG_CMP_DIMS (sizeof vg_cmp_dims / sizeof vg_cmp_dims[0])

/* The counts of the known codes: [dimension][side][value]. */
typedef unsigned vg_cmp_counts[VG_CMP_DIMS][2][VG_CMP_KNOWN];

/* Counts term t of dimension d into counts (a known code) or sets bit d of
   *other (an unknown one, counted by vg_cmp_unknown); 0 (absent) counts
   nowhere. */
static void vg_cmp_one(vg_cmp_counts counts, unsigned *other, size_t d, int side, vg_term t) {
    int v = VG_KNOWN(t);
    if (v > 0 && v < VG_CMP_KNOWN)
        counts[d][side][v]++;
    else if (t)
        *other |= 1u << d;
}

/* Counts a set of a brief (vg_measure_brief: bit v-1 for known value v):
   each code once per measure, however often its list repeats it. */
static void vg_cmp_set(vg_cmp_counts counts, unsigned *other, size_t d, int side, uint32_t set) {
    if (set & VG_BRIEF_OTHER)
        *other |= 1u << d;
    for (set &= ~VG_BRIEF_OTHER; set; set &= set - 1)
        counts[d][side][vg_ctz32(set) + 1]++;
}

/* Counts m's known codes of every dimension into counts[.][side], in one
   pass over its briefs (one contiguous array; the measures themselves lie
   apart); sets bit d of *other where dimension d has an unknown code. */
static void vg_cmp_count(vg_cmp_counts counts, unsigned *other, const veilig_municipality *m,
                         int side) {
    const vg_measure_brief *b = m->briefs;
    for (uint32_t k = 0; k < m->measures.n; k++) {
        vg_cmp_one(counts, other, 0, side, b[k].category);
        vg_cmp_one(counts, other, 1, side, b[k].approach);
        vg_cmp_set(counts, other, 2, side, b[k].target_groups);
        vg_cmp_set(counts, other, 3, side, b[k].settings);
    }
    for (uint32_t i = 0; i < m->stakeholders.n; i++) {
        const veilig_stakeholder *s = m->stakeholders.v[i];
        vg_cmp_one(counts, other, 4, side, s->kind);
    }
}

/* Whether the unknown term l->v[i] came earlier in l (a measure counts once
   per code). */
static int vg_cmp_repeated(const vg_terms *l, uint32_t i) {
    for (uint32_t j = 0; j < i; j++)
        if (l->v[j] == l->v[i])
            return 1;
    return 0;
}

/* Counts the unknown codes of dimension d of m into side of the rows from
   first on (rare: only where vg_cmp_count found one). */
static int vg_cmp_unknown(veilig_comparison *c, size_t first, size_t d,
                          const veilig_municipality *m, int side) {
    const veilig_registry *reg = m->owner.reg;
    veilig_vocab dim = vg_cmp_dims[d];
    int rc = VEILIG_OK;
    if (dim == VEILIG_VOCAB_STAKEHOLDER_TYPE) {
        for (uint32_t i = 0; i < m->stakeholders.n && !rc; i++) {
            vg_term t = ((const veilig_stakeholder *)m->stakeholders.v[i])->kind;
            if (t & VG_TERM_UNKNOWN)
                rc = vg_cmp_add(c, first, dim, reg, t, side, 1);
        }
        return rc;
    }
    for (uint32_t k = 0; k < m->measures.n && !rc; k++) {
        const veilig_measure *ms = m->measures.v[k];
        if (dim == VEILIG_VOCAB_CATEGORY || dim == VEILIG_VOCAB_APPROACH) {
            vg_term t = dim == VEILIG_VOCAB_CATEGORY ? ms->category : vg_measure_approach_term(ms);
            if (t & VG_TERM_UNKNOWN)
                rc = vg_cmp_add(c, first, dim, reg, t, side, 1);
            continue;
        }
        const vg_terms *l = dim == VEILIG_VOCAB_TARGET_GROUP ? &ms->target_groups : &ms->settings;
        for (uint32_t g = 0; g < l->n && !rc; g++)
            if ((l->v[g] & VG_TERM_UNKNOWN) && !vg_cmp_repeated(l, g))
                rc = vg_cmp_add(c, first, dim, reg, l->v[g], side, 1);
    }
    return rc;
}

/* Puts the rows of the known codes counted (known[side][value]) at first, in
   the vocabulary's order, before the other codes' rows of the dimension. */
static int vg_cmp_known(veilig_comparison *c, size_t first, veilig_vocab dim,
                        unsigned known[2][VG_CMP_KNOWN]) {
    /* the vocabulary's values, each with a code (every known term is one) */
    int size = veilig_vocab_size(dim);
    if (size >= VG_CMP_KNOWN)
        size = VG_CMP_KNOWN - 1;
    size_t k = 0;
    for (int v = 1; v <= size; v++)
        k += known[0][v] || known[1][v];
    if (!k)
        return VEILIG_OK;
    if (vg_grow((void **)&c->rows, &c->cap, c->count + k, sizeof *c->rows))
        return VEILIG_ENOMEM;
    memmove(c->rows + first + k, c->rows + first, (c->count - first) * sizeof *c->rows);
    size_t at = first;
    for (int v = 1; v <= size; v++) {
        if (!known[0][v] && !known[1][v])
            continue;
        vg_cmp_row row = {dim, veilig_vocab_code(dim, v), v, known[0][v], known[1][v]};
        c->rows[at++] = row;
    }
    c->count += k;
    return VEILIG_OK;
}

int veilig_compare(veilig_comparison **out, const veilig_municipality *a,
                   const veilig_municipality *b) {
    if (out)
        *out = NULL;
    if (!out || !a || !b)
        return VEILIG_EINVAL;
    veilig_comparison *c = vg_calloc(1, sizeof *c);
    if (!c)
        return VEILIG_ENOMEM;
    c->ma = a;
    c->mb = b;
    vg_cmp_counts counts;
    memset(counts, 0, sizeof counts);
    unsigned other = 0;
    vg_cmp_count(counts, &other, a, 0);
    vg_cmp_count(counts, &other, b, 1);
    int rc = VEILIG_OK;
    /* one dimension after the other, so that each one's rows stay together */
    for (size_t d = 0; d < VG_CMP_DIMS && !rc; d++) {
        size_t first = c->count;
        if (other & (1u << d)) {
            rc = vg_cmp_unknown(c, first, d, a, 0);
            if (!rc)
                rc = vg_cmp_unknown(c, first, d, b, 1);
        }
        if (!rc)
            rc = vg_cmp_known(c, first, vg_cmp_dims[d], counts[d]);
    }
    if (rc) {
        veilig_comparison_free(c);
        return rc;
    }
    *out = c;
    return VEILIG_OK;
}

const veilig_municipality *veilig_comparison_municipality(const veilig_comparison *c, int which) {
    if (!c || (which != 0 && which != 1))
        return NULL;
    return which ? c->mb : c->ma;
}

size_t veilig_comparison_count(const veilig_comparison *c) {
    return c ? c->count : 0;
}

veilig_vocab veilig_comparison_vocab(const veilig_comparison *c, size_t i) {
    return c && i < c->count ? c->rows[i].vocab : (veilig_vocab)0;
}

const char *veilig_comparison_code(const veilig_comparison *c, size_t i) {
    return c && i < c->count ? c->rows[i].code : NULL;
}

unsigned veilig_comparison_a(const veilig_comparison *c, size_t i) {
    return c && i < c->count ? c->rows[i].a : 0;
}

unsigned veilig_comparison_b(const veilig_comparison *c, size_t i) {
    return c && i < c->count ? c->rows[i].b : 0;
}

int veilig_comparison_to_json(char **out, size_t *len, const veilig_comparison *c) {
    if (out)
        *out = NULL;
    if (!out || !c)
        return VEILIG_EINVAL;
    vg_jwriter w;
    vg_buf b;
    vg_render_begin(&w, &b);
    vg_jw_begin_object(&w);
    vg_jw_key(&w, "a");
    vg_jw_cstring(&w, c->ma->code);
    vg_jw_key(&w, "b");
    vg_jw_cstring(&w, c->mb->code);
    vg_jw_key(&w, "rows");
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < c->count; i++) {
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "dimension");
        vg_jw_cstring(&w, veilig_vocab_name(c->rows[i].vocab));
        vg_jw_key(&w, "code");
        vg_jw_cstring(&w, c->rows[i].code);
        vg_jw_key(&w, "a");
        vg_jw_int(&w, c->rows[i].a);
        vg_jw_key(&w, "b");
        vg_jw_int(&w, c->rows[i].b);
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_jw_end_object(&w);
    return vg_render_finish(out, len, &b);
}
