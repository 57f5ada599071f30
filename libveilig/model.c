/* libveilig: the model: objects, getters, setters and the builder API. */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "model_internal.h"

/* ---- small helpers ---- */

void vg_obj_init(vg_obj *h, vg_owner *own, void *parent) {
    h->own = own;
    h->parent = parent;
    h->x.m = NULL;
    h->x.n = 0;
}

int vg_date_from_public(vg_date *out, const veilig_date *d) {
    if (!d || !vg_date_ok(d))
        return VEILIG_EINVAL;
    out->year = (int16_t)d->year;
    out->month = (uint8_t)d->month;
    out->day = (uint8_t)d->day;
    return VEILIG_OK;
}

veilig_date vg_date_to_public(vg_date d) {
    veilig_date r = {d.year, d.month, d.day};
    return r;
}

static int vg_grow_arena(vg_arena *a, void **v, uint32_t *cap, uint32_t need, size_t elem) {
    if (need <= *cap)
        return VEILIG_OK;
    if (need > UINT32_MAX / 2)
        return VEILIG_ELIMIT;
    uint32_t ncap = *cap ? *cap * 2 : 4;
    while (ncap < need)
        ncap *= 2;
    void *p = vg_arena_alloc(a, (size_t)ncap * elem);
    if (!p)
        return VEILIG_ENOMEM;
    if (*cap)
        memcpy(p, *v, (size_t)*cap * elem);
    *v = p;
    *cap = ncap;
    return VEILIG_OK;
}

int vg_list_push(vg_arena *a, vg_list *l, void *item) {
    int rc = vg_grow_arena(a, (void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
    if (rc)
        return rc;
    l->v[l->n++] = item;
    return VEILIG_OK;
}

int vg_terms_push(vg_arena *a, vg_terms *l, vg_term t) {
    int rc = vg_grow_arena(a, (void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
    if (rc)
        return rc;
    l->v[l->n++] = t;
    return VEILIG_OK;
}

int vg_strs_push(vg_arena *a, vg_strs *l, const char *s) {
    int rc = vg_grow_arena(a, (void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
    if (rc)
        return rc;
    l->v[l->n++] = s;
    return VEILIG_OK;
}

/* Removes item index of an array of n elements of size elem. */
static void vg_array_remove(void *v, uint32_t *n, size_t index, size_t elem) {
    char *base = v;
    memmove(base + index * elem, base + (index + 1) * elem, (*n - index - 1) * elem);
    (*n)--;
}

/* Copies a string given to a setter into the object's arena; what names the
   field in the message of a failure ("measure name"). */
static int vg_copy_str(const char **out, vg_obj *h, const char *value, int required,
                       const char *what) {
    if (!value) {
        if (required)
            return vg_fail(VEILIG_EINVAL, "%s is required", what);
        *out = NULL;
        return VEILIG_OK;
    }
    size_t len = strlen(value);
    if (required && len == 0)
        return vg_fail(VEILIG_EINVAL, "%s is empty", what);
    if (!vg_utf8_valid(value, len))
        return vg_fail(VEILIG_EINVAL, "%s is not valid UTF-8", what);
    char *p = vg_arena_strndup(h->own->arena, value, len);
    if (!p)
        return vg_fail_oom();
    *out = p;
    return VEILIG_OK;
}

/* Checks a required text argument before anything is allocated for it. */
static int vg_need_text(const char *value, const char *what) {
    if (!value)
        return vg_fail(VEILIG_EINVAL, "%s is required", what);
    return *value ? VEILIG_OK : vg_fail(VEILIG_EINVAL, "%s is empty", what);
}

/* ---- what building refuses (docs/format.md, "Building refuses at once") ---- */

int vg_is_cbs_code(const char *code) {
    if (!code || strlen(code) != 6 || code[0] != 'G' || code[1] != 'M')
        return 0;
    for (int i = 2; i < 6; i++)
        if (code[i] < '0' || code[i] > '9')
            return 0;
    return 1;
}

static int vg_need_cbs_code(const char *code) {
    int rc = vg_need_text(code, "municipality code");
    if (rc || !code || vg_is_cbs_code(code))
        return rc; /* !code: vg_need_text refused it (said for gcc -O3) */
    return vg_fail(VEILIG_EINVAL,
                   "municipality code \"%s\" is not a CBS code: write GM and four digits "
                   "(Enschede is GM0153)",
                   code);
}

void vg_unknown_code_text(vg_buf *b, veilig_vocab vocab, const char *field, const char *code) {
    vg_buf_printf(b, "%s: \"%s\" is not a %s code; ", field, code, veilig_vocab_name(vocab));
    const char *hint = veilig_vocab_suggest(vocab, code);
    if (hint) {
        vg_buf_printf(b, "did you mean \"%s\"?", hint);
        return;
    }
    vg_buf_puts(b, "known codes: ");
    for (int i = 1; i <= veilig_vocab_size(vocab); i++)
        vg_buf_printf(b, "%s%s", i > 1 ? ", " : "", veilig_vocab_code(vocab, i));
}

/* ---- vocabulary terms ---- */

const char *vg_term_code(const veilig_registry *reg, veilig_vocab vocab, vg_term t) {
    if (t == 0)
        return NULL;
    if (t & VG_TERM_UNKNOWN) {
        size_t i = t & VG_TERM_MAX_UNKNOWN;
        return reg && i < reg->nterms ? reg->terms[i] : NULL;
    }
    return veilig_vocab_code(vocab, t);
}

static const char *vg_term_key(const void *ctx, size_t pos) {
    return ((const veilig_registry *)ctx)->terms[pos];
}

int vg_term_from_code(vg_term *out, veilig_registry *reg, veilig_vocab vocab, const char *code) {
    int v = vg_vocab_find_code(vocab, code); /* a document's text */
    if (v > 0) {
        *out = (vg_term)v;
        return VEILIG_OK;
    }
    size_t i = vg_index_find(&reg->ix_terms, code, vg_term_key, reg);
    if (i == (size_t)-1) {
        if (reg->nterms >= VG_TERM_MAX_UNKNOWN)
            return VEILIG_ELIMIT;
        int rc =
            vg_grow((void **)&reg->terms, &reg->terms_cap, reg->nterms + 1, sizeof *reg->terms);
        if (rc)
            return rc;
        const char *copy = vg_arena_strdup(&reg->arena, code);
        if (!copy)
            return VEILIG_ENOMEM;
        reg->terms[reg->nterms] = copy;
        rc = vg_index_add(&reg->ix_terms, reg->nterms, vg_term_key, reg);
        if (rc)
            return rc;
        i = reg->nterms++;
    }
    *out = (vg_term)(VG_TERM_UNKNOWN | i);
    return VEILIG_OK;
}

/* The failure of a value that is not one of vocab's (lowest is 0 or 1). */
static int vg_fail_value(const char *what, veilig_vocab vocab, int value, int lowest) {
    return vg_fail(VEILIG_EINVAL, "%s: %d is not a value of the %s vocabulary (%d to %d)", what,
                   value, veilig_vocab_name(vocab), lowest, veilig_vocab_size(vocab));
}

/* The failure of a date that is not one. */
static int vg_fail_date(const char *what, const veilig_date *d) {
    return vg_fail(
        VEILIG_EINVAL,
        "%s: %d-%02d-%02d is not a date (year 1-9999, month 0-12, day 0 or a day of the month)",
        what, d->year, d->month, d->day);
}

/* vg_date_from_public, with the reason of a failure. */
static int vg_date_in(vg_date *out, const veilig_date *d, const char *what) {
    return vg_date_from_public(out, d) ? vg_fail_date(what, d) : VEILIG_OK;
}

/* The failure of an index past the n entries of a list. */
static int vg_fail_index(const char *what, size_t index, size_t n) {
    return vg_fail(VEILIG_ENOTFOUND, "%s: no entry %zu (there are %zu)", what, index, n);
}

static int vg_term_set(vg_term *slot, veilig_vocab vocab, int value, const char *what) {
    if (value == 0) {
        *slot = 0;
        return VEILIG_OK;
    }
    if (value < 0 || value > veilig_vocab_size(vocab))
        return vg_fail_value(what, vocab, value, 0);
    *slot = (vg_term)value;
    return VEILIG_OK;
}

static int vg_terms_add(vg_obj *h, vg_terms *l, veilig_vocab vocab, int value, const char *what) {
    if (value <= 0 || value > veilig_vocab_size(vocab))
        return vg_fail_value(what, vocab, value, 1);
    for (uint32_t i = 0; i < l->n; i++)
        if (l->v[i] == value)
            return vg_fail(VEILIG_EEXISTS, "%s: %s is there already", what,
                           veilig_vocab_code(vocab, value));
    return vg_terms_push(h->own->arena, l, (vg_term)value);
}

static int vg_terms_remove(vg_terms *l, size_t index, const char *what) {
    if (index >= l->n)
        return vg_fail_index(what, index, l->n);
    vg_array_remove(l->v, &l->n, index, sizeof *l->v);
    return VEILIG_OK;
}

/* Keep the measures' briefs and folded text true after a change (below). */
static void vg_measure_text_refresh(veilig_measure *ms);
static void vg_municipality_text_refresh(veilig_municipality *m);

/* ---- accessor generators ---- */

/* A string field; AFTER runs when the setter has changed it (o is the object). */
#define VG_STR_X(T, f, member, required, AFTER)                                                    \
    const char *veilig_##T##_##f(const veilig_##T *o) {                                            \
        return o ? o->member : NULL;                                                               \
    }                                                                                              \
    int veilig_##T##_set_##f(veilig_##T *o, const char *value) {                                   \
        if (!o)                                                                                    \
            return VEILIG_EINVAL;                                                                  \
        int rc = vg_copy_str(&o->member, &o->h, value, required, #T " " #f);                       \
        if (!rc)                                                                                   \
            AFTER;                                                                                 \
        return rc;                                                                                 \
    }
#define VG_STR(T, f, member)     VG_STR_X(T, f, member, 0, (void)0)
#define VG_STR_REQ(T, f, member) VG_STR_X(T, f, member, 1, (void)0)

/* AFTER runs when a setter has changed the field (o is the object). */
#define VG_DATE_X(T, f, member, required, AFTER)                                                   \
    int veilig_##T##_##f(veilig_date *out, const veilig_##T *o) {                                  \
        if (!out || !o)                                                                            \
            return VEILIG_EINVAL;                                                                  \
        if (!o->member.year)                                                                       \
            return VEILIG_ENOTFOUND;                                                               \
        *out = vg_date_to_public(o->member);                                                       \
        return VEILIG_OK;                                                                          \
    }                                                                                              \
    int veilig_##T##_set_##f(veilig_##T *o, const veilig_date *value) {                            \
        if (!o || (required && !value))                                                            \
            return VEILIG_EINVAL;                                                                  \
        int rc = VEILIG_OK;                                                                        \
        if (!value)                                                                                \
            o->member.year = 0;                                                                    \
        else                                                                                       \
            rc = vg_date_in(&o->member, value, #T " " #f);                                         \
        if (!rc)                                                                                   \
            AFTER;                                                                                 \
        return rc;                                                                                 \
    }
#define VG_DATE(T, f, member, required) VG_DATE_X(T, f, member, required, (void)0)

#define VG_NUM(T, f, member)                                                                       \
    int veilig_##T##_##f(double *out, const veilig_##T *o) {                                       \
        if (!out || !o)                                                                            \
            return VEILIG_EINVAL;                                                                  \
        if (isnan(o->member))                                                                      \
            return VEILIG_ENOTFOUND;                                                               \
        *out = o->member;                                                                          \
        return VEILIG_OK;                                                                          \
    }                                                                                              \
    int veilig_##T##_set_##f(veilig_##T *o, double value) {                                        \
        if (!o)                                                                                    \
            return VEILIG_EINVAL;                                                                  \
        if (!isfinite(value))                                                                      \
            return vg_fail(VEILIG_EINVAL, #T " " #f ": not a finite number");                      \
        o->member = value;                                                                         \
        return VEILIG_OK;                                                                          \
    }

#define VG_NUM_CLEAR(T, f, member)                                                                 \
    void veilig_##T##_clear_##f(veilig_##T *o) {                                                   \
        if (o)                                                                                     \
            o->member = NAN;                                                                       \
    }

#define VG_ENUM_X(T, f, member, V, VOCAB, AFTER)                                                   \
    veilig_##V veilig_##T##_##f(const veilig_##T *o) {                                             \
        return (veilig_##V)(o ? vg_term_known(o->member) : 0);                                     \
    }                                                                                              \
    const char *veilig_##T##_##f##_code(const veilig_##T *o) {                                     \
        return o ? vg_term_code(o->h.own->reg, VEILIG_VOCAB_##VOCAB, o->member) : NULL;            \
    }                                                                                              \
    int veilig_##T##_set_##f(veilig_##T *o, veilig_##V value) {                                    \
        if (!o)                                                                                    \
            return VEILIG_EINVAL;                                                                  \
        int rc = vg_term_set(&o->member, VEILIG_VOCAB_##VOCAB, (int)value, #T " " #f);             \
        if (!rc)                                                                                   \
            AFTER;                                                                                 \
        return rc;                                                                                 \
    }
#define VG_ENUM(T, f, member, V, VOCAB) VG_ENUM_X(T, f, member, V, VOCAB, (void)0)

#define VG_TERMS_X(T, f, member, V, VOCAB, AFTER)                                                  \
    size_t veilig_##T##_##f##_count(const veilig_##T *o) {                                         \
        return o ? o->member.n : 0;                                                                \
    }                                                                                              \
    veilig_##V veilig_##T##_##f(const veilig_##T *o, size_t index) {                               \
        return (veilig_##V)(o && index < o->member.n ? vg_term_known(o->member.v[index]) : 0);     \
    }                                                                                              \
    const char *veilig_##T##_##f##_code(const veilig_##T *o, size_t index) {                       \
        return o && index < o->member.n                                                            \
                   ? vg_term_code(o->h.own->reg, VEILIG_VOCAB_##VOCAB, o->member.v[index])         \
                   : NULL;                                                                         \
    }                                                                                              \
    int veilig_##T##_add_##f(veilig_##T *o, veilig_##V value) {                                    \
        if (!o)                                                                                    \
            return VEILIG_EINVAL;                                                                  \
        int rc = vg_terms_add(&o->h, &o->member, VEILIG_VOCAB_##VOCAB, (int)value, #T " " #f);     \
        if (!rc)                                                                                   \
            AFTER;                                                                                 \
        return rc;                                                                                 \
    }                                                                                              \
    int veilig_##T##_remove_##f(veilig_##T *o, size_t index) {                                     \
        if (!o)                                                                                    \
            return VEILIG_EINVAL;                                                                  \
        int rc = vg_terms_remove(&o->member, index, #T " " #f);                                    \
        if (!rc)                                                                                   \
            AFTER;                                                                                 \
        return rc;                                                                                 \
    }
#define VG_TERMS(T, f, member, V, VOCAB) VG_TERMS_X(T, f, member, V, VOCAB, (void)0)

/* Read access to a list of children: count, get, get for changing, remove. */
#define VG_LIST(T, f, member, C, AFTER_REMOVE)                                                     \
    size_t veilig_##T##_##f##_count(const veilig_##T *o) {                                         \
        return o ? o->member.n : 0;                                                                \
    }                                                                                              \
    const veilig_##C *veilig_##T##_##f(const veilig_##T *o, size_t index) {                        \
        return o && index < o->member.n ? (const veilig_##C *)o->member.v[index] : NULL;           \
    }                                                                                              \
    veilig_##C *veilig_##T##_##f##_mut(veilig_##T *o, size_t index) {                              \
        return o && index < o->member.n ? (veilig_##C *)o->member.v[index] : NULL;                 \
    }                                                                                              \
    int veilig_##T##_remove_##f(veilig_##T *o, size_t index) {                                     \
        if (!o)                                                                                    \
            return VEILIG_EINVAL;                                                                  \
        if (index >= o->member.n)                                                                  \
            return vg_fail_index(#T " " #f, index, o->member.n);                                   \
        vg_array_remove(o->member.v, &o->member.n, index, sizeof *o->member.v);                    \
        AFTER_REMOVE;                                                                              \
        return VEILIG_OK;                                                                          \
    }

/* Allocates a child object of type C in o's arena, with header set. */
#define VG_NEW_CHILD(C, o)                                                                         \
    veilig_##C *child = vg_arena_calloc((o)->h.own->arena, 1, sizeof *child);                      \
    if (!child)                                                                                    \
        return vg_fail_oom();                                                                      \
    vg_obj_init(&child->h, (o)->h.own, (o))

/* ---- programme ---- */

VG_STR(programme, name, name)
VG_STR(programme, operator, operator_)
VG_LIST(programme, source, sources, source, (void)0)

const veilig_contact *veilig_programme_contact(const veilig_programme *p) {
    return p ? p->contact : NULL;
}

veilig_contact *veilig_programme_contact_mut(veilig_programme *p) {
    return p ? p->contact : NULL;
}

int veilig_programme_set_contact(veilig_contact **out, veilig_programme *p) {
    if (out)
        *out = NULL;
    if (!p)
        return VEILIG_EINVAL;
    VG_NEW_CHILD(contact, p);
    p->contact = child;
    if (out)
        *out = child;
    return VEILIG_OK;
}

void veilig_programme_clear_contact(veilig_programme *p) {
    if (p)
        p->contact = NULL;
}

int veilig_programme_add_source(veilig_source **out, veilig_programme *p, const char *title) {
    if (out)
        *out = NULL;
    if (!p)
        return VEILIG_EINVAL;
    VG_NEW_CHILD(source, p);
    int rc = vg_copy_str(&child->title, &child->h, title, 1, "source title");
    if (!rc)
        rc = vg_list_push(p->h.own->arena, &p->sources, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

/* ---- contact, source, exclusion, policy link, partner ---- */

VG_STR(contact, stakeholder, stakeholder)
VG_ENUM(contact, role, role, role, ROLE)
VG_STR(contact, name, name)
VG_STR(contact, phone, phone)
VG_STR(contact, email, email)

int veilig_contact_personal(const veilig_contact *c) {
    return c ? c->personal : 0;
}

int veilig_contact_set_personal(veilig_contact *c, int value) {
    if (!c)
        return VEILIG_EINVAL;
    c->personal = value != 0;
    return VEILIG_OK;
}

VG_STR_REQ(source, title, title)
VG_STR(source, publisher, publisher)
VG_STR(source, url, url)
VG_DATE(source, retrieved, retrieved, 0)

VG_ENUM(exclusion, approach, approach, approach, APPROACH)
VG_STR(exclusion, reason, reason)

VG_STR_REQ(policy_link, name, name)
VG_ENUM(policy_link, kind, kind, link_kind, LINK_KIND)
VG_ENUM(policy_link, relation, relation, link_relation, LINK_RELATION)
VG_STR(policy_link, note, note)

VG_STR_X(partner, stakeholder, stakeholder, 1, vg_measure_text_refresh(o->h.parent))
VG_ENUM(partner, role, role, role, ROLE)
VG_STR(partner, note, note)

/* ---- stakeholder ---- */

static const char *vg_stakeholder_key(const void *ctx, size_t pos) {
    const veilig_municipality *m = ctx;
    return ((const veilig_stakeholder *)m->stakeholders.v[pos])->id;
}

static const char *vg_measure_key(const void *ctx, size_t pos) {
    const veilig_municipality *m = ctx;
    return ((const veilig_measure *)m->measures.v[pos])->id;
}

static const char *vg_indicator_key(const void *ctx, size_t pos) {
    const veilig_municipality *m = ctx;
    return ((const veilig_indicator *)m->indicators.v[pos])->id;
}

size_t vg_measure_index(const veilig_municipality *m, const char *id) {
    return vg_index_find(&m->ix_measures, id, vg_measure_key, m);
}

size_t vg_stakeholder_index(const veilig_municipality *m, const char *id) {
    return vg_index_find(&m->ix_stakeholders, id, vg_stakeholder_key, m);
}

size_t vg_indicator_index(const veilig_municipality *m, const char *id) {
    return vg_index_find(&m->ix_indicators, id, vg_indicator_key, m);
}

int vg_has_executing_stakeholder(const veilig_municipality *m) {
    for (uint32_t i = 0; i < m->stakeholders.n; i++) {
        const veilig_stakeholder *s = m->stakeholders.v[i];
        for (uint32_t k = 0; k < s->roles.n; k++)
            if (s->roles.v[k] == VEILIG_ROLE_EXECUTING)
                return 1;
    }
    return 0;
}

int vg_measure_has_executing(const veilig_measure *ms, int municipality_executes) {
    if (municipality_executes)
        return 1;
    for (uint32_t i = 0; i < ms->partners.n; i++)
        if (((const veilig_partner *)ms->partners.v[i])->role == VEILIG_ROLE_EXECUTING)
            return 1;
    return 0;
}

/* Makes room for n briefs (no allocation when there is room). */
static int vg_briefs_reserve(veilig_municipality *m, size_t n) {
    return n <= m->briefs_cap ? VEILIG_OK
                              : vg_grow((void **)&m->briefs, &m->briefs_cap, n, sizeof *m->briefs);
}

/* Every known target group and setting has a bit of its own below VG_BRIEF_OTHER. */
typedef char
    vg_check_sets[VEILIG_TARGET_GROUP_ENTREPRENEURS < 32 && VEILIG_SETTING_WORK < 32 ? 1 : -1];

uint32_t vg_terms_set(const vg_terms *l) {
    uint32_t set = 0;
    for (uint32_t i = 0; i < l->n; i++) {
        vg_term v = vg_term_known(l->v[i]);
        set |= v && v < 32 ? UINT32_C(1) << (v - 1) : VG_BRIEF_OTHER;
    }
    return set;
}

static void vg_brief_fill(vg_measure_brief *b, const veilig_measure *ms) {
    b->category = ms->category;
    b->approach = vg_measure_approach_term(ms);
    b->status = ms->status;
    b->own_approach = ms->approach;
    b->target_groups = vg_terms_set(&ms->target_groups);
    b->settings = vg_terms_set(&ms->settings);
    b->period_start = ms->period_start;
    b->period_end = ms->period_end;
}

/* Appends a child that the municipality indexes by id. */
static int vg_add_indexed(veilig_municipality *m, vg_list *list, vg_index *ix,
                          vg_index_key_fn key_fn, void *child) {
    int rc = vg_list_push(&m->arena, list, child);
    if (rc)
        return rc;
    rc = vg_index_add(ix, list->n - 1, key_fn, m);
    if (rc)
        list->n--;
    return rc;
}

/* The measure's place in its municipality, or NULL when it is no longer
   there (removed, or replaced): then there is no brief to keep. */
static vg_measure_brief *vg_measure_brief_of(const veilig_measure *ms) {
    const veilig_municipality *m = ms->h.parent;
    return ms->slot < m->measures.n && m->measures.v[ms->slot] == ms ? &m->briefs[ms->slot] : NULL;
}

/* After a change to a field a brief holds. */
static void vg_measure_refresh(veilig_measure *ms) {
    vg_measure_brief *b = vg_measure_brief_of(ms);
    if (b)
        vg_brief_fill(b, ms);
}

int vg_measure_texts(const veilig_municipality *m, const veilig_measure *ms,
                     int (*fn)(void *ctx, const char *text), void *ctx) {
    const char *const own[] = {ms->id, ms->name, ms->description, ms->area_name, ms->area_note};
    for (size_t i = 0; i < sizeof own / sizeof *own; i++)
        if (own[i] && fn(ctx, own[i]))
            return 1;
    for (uint32_t i = 0; i < ms->windows.n; i++) {
        const char *note = ((const veilig_window *)ms->windows.v[i])->note;
        if (note && fn(ctx, note))
            return 1;
    }
    for (uint32_t i = 0; i < ms->partners.n; i++) {
        const veilig_partner *p = ms->partners.v[i];
        if (fn(ctx, p->stakeholder))
            return 1;
        size_t s = vg_stakeholder_index(m, p->stakeholder);
        if (s != (size_t)-1 && fn(ctx, ((const veilig_stakeholder *)m->stakeholders.v[s])->name))
            return 1;
    }
    return 0;
}

static int vg_text_put(void *ctx, const char *s) {
    vg_fold(ctx, s, strlen(s));
    vg_buf_putc(ctx, '\0');
    return 0;
}

/* Appends the folded text of ms to m's text and points b at it. */
static int vg_text_append(veilig_municipality *m, const veilig_measure *ms, vg_measure_brief *b) {
    vg_buf *t = &m->text;
    size_t at = t->len;
    vg_measure_texts(m, ms, vg_text_put, t);
    if (t->failed || t->len > UINT32_MAX) {
        t->len = at;
        t->failed = 0;
        return VEILIG_ENOMEM;
    }
    b->text_at = (uint32_t)at;
    b->text_len = (uint32_t)(t->len - at);
    return VEILIG_OK;
}

/* Drops the text: state VG_TEXT_NONE after a change (the next query by text
   folds it anew, vg_municipality_text_ready), VG_TEXT_FAILED when memory ran
   out while folding it (queries fold as they go until the next change). */
static void vg_text_drop(veilig_municipality *m, int state) {
    vg_buf_free(&m->text);
    vg_buf_init(&m->text);
    m->text_live = 0;
    __atomic_store_n(&m->text_ok, state, __ATOMIC_RELEASE);
}

static void vg_text_off(veilig_municipality *m) {
    vg_text_drop(m, VG_TEXT_NONE);
}

static int vg_text_count(void *ctx, const char *s) {
    *(size_t *)ctx += strlen(s) + 1;
    return 0;
}

/* Folds the text of every measure of m again (briefs must be in place). */
static void vg_text_rebuild(veilig_municipality *m) {
    m->text.len = 0;
    m->text_live = 0;
    /* room for all of it at once (folding never lengthens a text): no
       copying as it grows */
    size_t need = 0;
    for (uint32_t k = 0; k < m->measures.n; k++)
        vg_measure_texts(m, m->measures.v[k], vg_text_count, &need);
    if (need && vg_buf_reserve(&m->text, need)) {
        vg_text_drop(m, VG_TEXT_FAILED);
        return;
    }
    for (uint32_t k = 0; k < m->measures.n; k++) {
        if (vg_text_append(m, m->measures.v[k], &m->briefs[k])) {
            vg_text_drop(m, VG_TEXT_FAILED);
            return;
        }
        m->text_live += m->briefs[k].text_len;
    }
    /* published: queries in other threads read it without the lock */
    __atomic_store_n(&m->text_ok, VG_TEXT_READY, __ATOMIC_RELEASE);
}

/* Drops what changes left behind once it outweighs what is in use. */
static void vg_text_compact(veilig_municipality *m) {
    if (m->text.len - m->text_live <= m->text_live || m->text.len < 4096)
        return;
    vg_buf fresh;
    vg_buf_init(&fresh);
    if (vg_buf_reserve(&fresh, m->text_live + 1))
        return; /* no room: keep the garbage */
    for (uint32_t k = 0; k < m->measures.n; k++) {
        vg_measure_brief *b = &m->briefs[k];
        size_t at = fresh.len;
        vg_buf_put(&fresh, m->text.data + b->text_at, b->text_len);
        b->text_at = (uint32_t)at;
    }
    vg_buf_free(&m->text);
    m->text = fresh;
}

/* Whether a change is to be written into the text as well: only when it is
   there (a text that could not be folded is tried again after a change). */
static int vg_text_kept(veilig_municipality *m) {
    if (m->text_ok == VG_TEXT_READY)
        return 1;
    m->text_ok = VG_TEXT_NONE;
    return 0;
}

/* After a change to the text of a measure: its new text is appended. */
static void vg_measure_text_refresh(veilig_measure *ms) {
    veilig_municipality *m = ms->h.parent;
    vg_measure_brief *b = vg_measure_brief_of(ms);
    if (!b || !vg_text_kept(m))
        return;
    size_t old = b->text_len;
    if (vg_text_append(m, ms, b)) {
        vg_text_off(m);
        return;
    }
    m->text_live += b->text_len - old;
    vg_text_compact(m);
}

/* After a change to a stakeholder's id or name, or a new one: the text of
   every measure that names it changes; folded anew when next asked for. */
static void vg_municipality_text_refresh(veilig_municipality *m) {
    if (m && m->text_ok != VG_TEXT_NONE)
        vg_text_off(m);
}

int vg_municipality_text_ready(const veilig_municipality *cm) {
    int state = __atomic_load_n(&cm->text_ok, __ATOMIC_ACQUIRE);
    if (state != VG_TEXT_NONE)
        return state == VG_TEXT_READY;
    /* the text is a cache, logically const: built under the registry's lock,
       as a query on a const registry may run in many threads at once */
    veilig_municipality *m = (veilig_municipality *)(uintptr_t)cm;
    pthread_mutex_t *lock = &m->owner.reg->text_lock;
    pthread_mutex_lock(lock);
    if (m->text_ok == VG_TEXT_NONE)
        vg_text_rebuild(m);
    int ok = m->text_ok == VG_TEXT_READY;
    pthread_mutex_unlock(lock);
    return ok;
}

int vg_municipality_attach_measure(veilig_municipality *m, veilig_measure *ms) {
    int rc = vg_briefs_reserve(m, (size_t)m->measures.n + 1);
    if (!rc)
        rc = vg_add_indexed(m, &m->measures, &m->ix_measures, vg_measure_key, ms);
    if (rc)
        return rc;
    ms->slot = m->measures.n - 1;
    vg_measure_brief *b = &m->briefs[ms->slot];
    vg_brief_fill(b, ms);
    b->text_len = 0;
    if (vg_text_kept(m)) {
        if (vg_text_append(m, ms, b))
            vg_text_off(m);
        else
            m->text_live += b->text_len;
    }
    return VEILIG_OK;
}

void vg_municipality_replace_measure(veilig_municipality *m, size_t index, veilig_measure *ms) {
    /* the same id at the same place: the index stays true */
    vg_measure_brief *b = &m->briefs[index];
    size_t old = b->text_len;
    m->measures.v[index] = ms;
    ms->slot = (uint32_t)index;
    vg_brief_fill(b, ms);
    if (vg_text_kept(m)) {
        if (vg_text_append(m, ms, b)) {
            vg_text_off(m);
            return;
        }
        m->text_live += b->text_len - old;
        vg_text_compact(m);
    }
}

int vg_municipality_reindex(veilig_municipality *m) {
    int rc = vg_briefs_reserve(m, m->measures.n);
    if (rc)
        return rc;
    for (uint32_t k = 0; k < m->measures.n; k++) {
        veilig_measure *ms = m->measures.v[k];
        ms->slot = k;
        vg_brief_fill(&m->briefs[k], ms);
    }
    rc = vg_index_rebuild(&m->ix_measures, m->measures.n, vg_measure_key, m);
    if (!rc)
        rc = vg_index_rebuild(&m->ix_stakeholders, m->stakeholders.n, vg_stakeholder_key, m);
    if (!rc)
        rc = vg_index_rebuild(&m->ix_indicators, m->indicators.n, vg_indicator_key, m);
    if (!rc && m->text_ok != VG_TEXT_NONE)
        vg_text_off(m); /* folded anew when a query asks for it */
    return rc;
}

/* Sets the id of a child that a municipality indexes: unique, required. */
static int vg_set_id(veilig_municipality *m, const char **slot, vg_obj *h, const char *value,
                     vg_index *ix, vg_index_key_fn key_fn, const char *what) {
    if (!value || !*value)
        return vg_fail(VEILIG_EINVAL, "%s is empty", what);
    if (*slot && strcmp(*slot, value) == 0)
        return VEILIG_OK;
    if (m && vg_index_find(ix, value, key_fn, m) != (size_t)-1)
        return vg_fail(VEILIG_EEXISTS, "%s \"%s\" is taken: the municipality has one already", what,
                       value);
    const char *copy;
    int rc = vg_copy_str(&copy, h, value, 1, what);
    if (rc)
        return rc;
    *slot = copy;
    return m ? vg_municipality_reindex(m) : VEILIG_OK;
}

const char *veilig_stakeholder_id(const veilig_stakeholder *s) {
    return s ? s->id : NULL;
}

int veilig_stakeholder_set_id(veilig_stakeholder *s, const char *value) {
    if (!s)
        return VEILIG_EINVAL;
    veilig_municipality *m = s->h.parent;
    return vg_set_id(m, &s->id, &s->h, value, &m->ix_stakeholders, vg_stakeholder_key,
                     "stakeholder id");
}

VG_STR_X(stakeholder, name, name, 1, vg_municipality_text_refresh(o->h.parent))
VG_ENUM(stakeholder, kind, kind, stakeholder_type, STAKEHOLDER_TYPE)
VG_TERMS(stakeholder, role, roles, role, ROLE)
VG_STR(stakeholder, parent, parent)
VG_STR(stakeholder, note, note)

/* ---- window ---- */

void vg_window_init(veilig_window *w) {
    w->from = w->to = -1;
}

VG_TERMS(window, day, days, day, DAY)
VG_TERMS(window, daypart, dayparts, daypart, DAYPART)
VG_STR_X(window, note, note, 0, vg_measure_text_refresh(o->h.parent))

int veilig_window_from(const veilig_window *w) {
    return w ? w->from : -1;
}

int veilig_window_to(const veilig_window *w) {
    return w ? w->to : -1;
}

int veilig_window_set_hours(veilig_window *w, int from, int to) {
    if (!w)
        return VEILIG_EINVAL;
    if (from == -1 && to == -1) {
        w->from = w->to = -1;
        return VEILIG_OK;
    }
    if (from < 0 || from > 1439 || to < 0 || to > 1440)
        return vg_fail(VEILIG_EINVAL,
                       "window hours: from %d, to %d: give minutes after midnight (from 0-1439, "
                       "to 0-1440), or -1 and -1 for none",
                       from, to);
    w->from = (int16_t)from;
    w->to = (int16_t)to;
    return VEILIG_OK;
}

/* ---- observation, indicator ---- */

void vg_observation_init(veilig_observation *o) {
    o->value = NAN;
}

VG_DATE(observation, date, date, 1)
VG_NUM(observation, value, value)
VG_STR(observation, source, source)
VG_STR(observation, note, note)

void vg_indicator_init(veilig_indicator *i) {
    i->baseline_value = NAN;
    i->target_value = NAN;
}

const char *veilig_indicator_id(const veilig_indicator *i) {
    return i ? i->id : NULL;
}

int veilig_indicator_set_id(veilig_indicator *i, const char *value) {
    if (!i)
        return VEILIG_EINVAL;
    veilig_municipality *m = i->h.parent;
    return vg_set_id(m, &i->id, &i->h, value, &m->ix_indicators, vg_indicator_key, "indicator id");
}

VG_STR_REQ(indicator, name, name)
VG_ENUM(indicator, level, level, result_level, RESULT_LEVEL)
VG_ENUM(indicator, unit, unit, unit, UNIT)
VG_ENUM(indicator, direction, direction, direction, DIRECTION)
VG_DATE(indicator, baseline_date, baseline_date, 0)
VG_NUM(indicator, baseline_value, baseline_value)
VG_NUM_CLEAR(indicator, baseline_value, baseline_value)
VG_STR(indicator, baseline_note, baseline_note)
VG_DATE(indicator, target_date, target_date, 0)
VG_NUM(indicator, target_value, target_value)
VG_NUM_CLEAR(indicator, target_value, target_value)
VG_LIST(indicator, observation, observations, observation, (void)0)

int veilig_indicator_add_observation(veilig_observation **out, veilig_indicator *i,
                                     const veilig_date *date, double value) {
    if (out)
        *out = NULL;
    if (!i || !date)
        return VEILIG_EINVAL;
    if (!isfinite(value))
        return vg_fail(VEILIG_EINVAL, "observation value: not a finite number");
    VG_NEW_CHILD(observation, i);
    vg_observation_init(child);
    int rc = vg_date_in(&child->date, date, "observation date");
    if (rc)
        return rc;
    child->value = value;
    rc = vg_list_push(i->h.own->arena, &i->observations, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

const veilig_municipality *veilig_indicator_municipality(const veilig_indicator *i) {
    return i ? i->h.parent : NULL;
}

/* ---- measure ---- */

void vg_measure_init(veilig_measure *ms) {
    ms->budget_cents = -1;
    ms->slot = UINT32_MAX; /* not in a municipality yet */
}

const char *veilig_measure_id(const veilig_measure *ms) {
    return ms ? ms->id : NULL;
}

int veilig_measure_set_id(veilig_measure *ms, const char *value) {
    if (!ms)
        return VEILIG_EINVAL;
    veilig_municipality *m = ms->h.parent;
    return vg_set_id(m, &ms->id, &ms->h, value, &m->ix_measures, vg_measure_key, "measure id");
}

VG_STR_X(measure, name, name, 1, vg_measure_text_refresh(o))
VG_STR_X(measure, description, description, 0, vg_measure_text_refresh(o))
VG_ENUM_X(measure, category, category, category, CATEGORY, vg_measure_refresh(o))
VG_TERMS_X(measure, target_group, target_groups, target_group, TARGET_GROUP, vg_measure_refresh(o))
VG_TERMS_X(measure, setting, settings, setting, SETTING, vg_measure_refresh(o))
VG_STR_X(measure, area_name, area_name, 0, vg_measure_text_refresh(o))
VG_STR_X(measure, area_note, area_note, 0, vg_measure_text_refresh(o))
VG_LIST(measure, window, windows, window, vg_measure_text_refresh(o))
VG_LIST(measure, partner, partners, partner, vg_measure_text_refresh(o))
VG_ENUM_X(measure, status, status, measure_state, MEASURE_STATE, vg_measure_refresh(o))
VG_DATE_X(measure, period_start, period_start, 0, vg_measure_refresh(o))
VG_DATE_X(measure, period_end, period_end, 0, vg_measure_refresh(o))
VG_ENUM(measure, evidence, evidence, evidence, EVIDENCE)

veilig_approach veilig_measure_approach(const veilig_measure *ms) {
    if (!ms)
        return VEILIG_APPROACH_OTHER;
    if (ms->approach)
        return (veilig_approach)vg_term_known(ms->approach);
    return veilig_category_approach((veilig_category)vg_term_known(ms->category));
}

const char *veilig_measure_approach_code(const veilig_measure *ms) {
    return ms ? vg_term_code(ms->h.own->reg, VEILIG_VOCAB_APPROACH, ms->approach) : NULL;
}

int veilig_measure_set_approach(veilig_measure *ms, veilig_approach value) {
    if (!ms)
        return VEILIG_EINVAL;
    int rc = vg_term_set(&ms->approach, VEILIG_VOCAB_APPROACH, (int)value, "measure approach");
    if (!rc)
        vg_measure_refresh(ms);
    return rc;
}

vg_term vg_measure_approach_term(const veilig_measure *ms) {
    return ms->approach ? ms->approach : (vg_term)veilig_measure_approach(ms);
}

int veilig_measure_add_window(veilig_window **out, veilig_measure *ms) {
    if (out)
        *out = NULL;
    if (!ms)
        return VEILIG_EINVAL;
    VG_NEW_CHILD(window, ms);
    vg_window_init(child);
    int rc = vg_list_push(ms->h.own->arena, &ms->windows, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

int veilig_measure_add_partner(veilig_partner **out, veilig_measure *ms, const char *stakeholder,
                               veilig_role role) {
    if (out)
        *out = NULL;
    if (!ms)
        return VEILIG_EINVAL;
    if ((int)role < 0 || (int)role > veilig_vocab_size(VEILIG_VOCAB_ROLE))
        return vg_fail_value("partner role", VEILIG_VOCAB_ROLE, (int)role, 0);
    VG_NEW_CHILD(partner, ms);
    int rc = vg_copy_str(&child->stakeholder, &child->h, stakeholder, 1, "partner stakeholder");
    if (rc)
        return rc;
    child->role = (vg_term)role;
    rc = vg_list_push(ms->h.own->arena, &ms->partners, child);
    if (rc)
        return rc;
    vg_measure_text_refresh(ms);
    if (out)
        *out = child;
    return VEILIG_OK;
}

int veilig_measure_budget_cents(int64_t *out, const veilig_measure *ms) {
    if (!out || !ms)
        return VEILIG_EINVAL;
    if (ms->budget_cents < 0)
        return VEILIG_ENOTFOUND;
    *out = ms->budget_cents;
    return VEILIG_OK;
}

const char *veilig_measure_budget_currency(const veilig_measure *ms) {
    return ms && ms->budget_cents >= 0 ? ms->budget_currency : NULL;
}

int veilig_measure_budget_start(veilig_date *out, const veilig_measure *ms) {
    if (!out || !ms)
        return VEILIG_EINVAL;
    if (ms->budget_cents < 0 || !ms->budget_start.year)
        return VEILIG_ENOTFOUND;
    *out = vg_date_to_public(ms->budget_start);
    return VEILIG_OK;
}

int veilig_measure_budget_end(veilig_date *out, const veilig_measure *ms) {
    if (!out || !ms)
        return VEILIG_EINVAL;
    if (ms->budget_cents < 0 || !ms->budget_end.year)
        return VEILIG_ENOTFOUND;
    *out = vg_date_to_public(ms->budget_end);
    return VEILIG_OK;
}

int veilig_measure_set_budget(veilig_measure *ms, int64_t cents, const char *currency) {
    if (!ms)
        return VEILIG_EINVAL;
    if (cents < 0 || cents >= VG_MAX_CENTS)
        return vg_fail(VEILIG_EINVAL, "measure budget: %lld cents is out of range (0 to %lld)",
                       (long long)cents, (long long)VG_MAX_CENTS - 1);
    if (!currency)
        currency = "EUR";
    int letters = strlen(currency) == 3;
    for (int k = 0; k < 3 && letters; k++)
        letters = currency[k] >= 'A' && currency[k] <= 'Z';
    if (!letters)
        return vg_fail(VEILIG_EINVAL,
                       "measure budget: currency \"%s\" is not three capital letters (ISO 4217, "
                       "such as EUR)",
                       currency);
    const char *copy = NULL;
    int rc = vg_copy_str(&copy, &ms->h, currency, 1, "measure budget currency");
    if (rc)
        return rc;
    ms->budget_cents = cents;
    ms->budget_currency = copy;
    return VEILIG_OK;
}

int veilig_measure_set_budget_period(veilig_measure *ms, const veilig_date *start,
                                     const veilig_date *end) {
    if (!ms)
        return VEILIG_EINVAL;
    if (ms->budget_cents < 0)
        return vg_fail(VEILIG_ENOTFOUND,
                       "measure budget period: the measure has no budget (set one first)");
    vg_date s = {0, 0, 0}, e = {0, 0, 0};
    int rc = start ? vg_date_in(&s, start, "measure budget start") : VEILIG_OK;
    if (!rc && end)
        rc = vg_date_in(&e, end, "measure budget end");
    if (rc)
        return rc;
    ms->budget_start = s;
    ms->budget_end = e;
    return VEILIG_OK;
}

void veilig_measure_clear_budget(veilig_measure *ms) {
    if (!ms)
        return;
    ms->budget_cents = -1;
    ms->budget_currency = NULL;
    ms->budget_start.year = ms->budget_end.year = 0;
    ms->x_budget.n = ms->x_budget_period.n = 0;
}

size_t veilig_measure_indicator_count(const veilig_measure *ms) {
    return ms ? ms->indicators.n : 0;
}

const char *veilig_measure_indicator(const veilig_measure *ms, size_t index) {
    return ms && index < ms->indicators.n ? ms->indicators.v[index] : NULL;
}

int veilig_measure_add_indicator(veilig_measure *ms, const char *id) {
    if (!ms || !id)
        return VEILIG_EINVAL;
    if (!*id)
        return vg_fail(VEILIG_EINVAL, "measure indicator is empty");
    for (uint32_t i = 0; i < ms->indicators.n; i++)
        if (strcmp(ms->indicators.v[i], id) == 0)
            return vg_fail(VEILIG_EEXISTS, "measure indicator \"%s\" is there already", id);
    const char *copy;
    int rc = vg_copy_str(&copy, &ms->h, id, 1, "measure indicator");
    return rc ? rc : vg_strs_push(ms->h.own->arena, &ms->indicators, copy);
}

int veilig_measure_remove_indicator(veilig_measure *ms, size_t index) {
    if (!ms)
        return VEILIG_EINVAL;
    if (index >= ms->indicators.n)
        return vg_fail_index("measure indicator", index, ms->indicators.n);
    vg_array_remove(ms->indicators.v, &ms->indicators.n, index, sizeof *ms->indicators.v);
    return VEILIG_OK;
}

const veilig_municipality *veilig_measure_municipality(const veilig_measure *ms) {
    return ms ? ms->h.parent : NULL;
}

const veilig_municipality *veilig_stakeholder_municipality(const veilig_stakeholder *s) {
    return s ? s->h.parent : NULL;
}

/* ---- municipality ---- */

static const char *vg_code_key(const void *ctx, size_t pos) {
    return ((const veilig_registry *)ctx)->municipalities[pos]->code;
}

static const char *vg_name_key(const void *ctx, size_t pos) {
    return ((const veilig_registry *)ctx)->municipalities[pos]->name;
}

static const char *vg_official_key(const void *ctx, size_t pos) {
    return ((const veilig_registry *)ctx)->municipalities[pos]->official_name;
}

int vg_registry_reindex(veilig_registry *reg) {
    int rc = vg_index_rebuild(&reg->ix_code, reg->count, vg_code_key, reg);
    if (!rc)
        rc = vg_index_rebuild(&reg->ix_name, reg->count, vg_name_key, reg);
    if (!rc)
        rc = vg_index_rebuild(&reg->ix_official, reg->count, vg_official_key, reg);
    return rc;
}

veilig_municipality *vg_municipality_new(veilig_registry *reg) {
    veilig_municipality *m = vg_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    vg_arena_init_pooled(&m->arena, 1024, &reg->pool);
    m->owner.reg = reg;
    m->owner.arena = &m->arena;
    vg_obj_init(&m->h, &m->owner, reg);
    vg_index_init(&m->ix_measures, 0);
    vg_index_init(&m->ix_stakeholders, 0);
    vg_index_init(&m->ix_indicators, 0);
    vg_buf_init(&m->text);
    m->text_ok = VG_TEXT_NONE; /* folded when a query first asks for it */
    return m;
}

void vg_municipality_free(veilig_municipality *m) {
    if (!m)
        return;
    vg_index_free(&m->ix_measures);
    vg_index_free(&m->ix_stakeholders);
    vg_index_free(&m->ix_indicators);
    vg_free(m->briefs);
    vg_buf_free(&m->text);
    vg_arena_free(&m->arena);
    vg_free(m);
}

const char *veilig_municipality_code(const veilig_municipality *m) {
    return m ? m->code : NULL;
}

const char *veilig_municipality_name(const veilig_municipality *m) {
    return m ? m->name : NULL;
}

const char *veilig_municipality_official_name(const veilig_municipality *m) {
    return m ? m->official_name : NULL;
}

/* Sets one of the fields the registry indexes, then reindexes. */
static int vg_set_indexed(veilig_municipality *m, const char **slot, const char *value,
                          int required, const char *what) {
    const char *copy = NULL;
    int rc = vg_copy_str(&copy, &m->h, value, required, what);
    if (rc)
        return rc;
    const char *old = *slot;
    *slot = copy;
    veilig_registry *reg = m->owner.reg;
    if (reg && veilig_registry_index_of(reg, m) != (size_t)-1) {
        rc = vg_registry_reindex(reg);
        if (rc) {
            *slot = old;
            vg_registry_reindex(reg);
        }
    }
    return rc;
}

int veilig_municipality_set_code(veilig_municipality *m, const char *value) {
    if (!m)
        return VEILIG_EINVAL;
    int rc = vg_need_text(value, "municipality code");
    if (rc)
        return rc;
    const veilig_municipality *other = veilig_registry_find(m->owner.reg, value);
    if (other && other != m && vg_strieq(other->code, value))
        return vg_fail(VEILIG_EEXISTS,
                       "municipality code %s: the registry has a municipality "
                       "with that code already",
                       value);
    rc = vg_need_cbs_code(value);
    if (rc)
        return rc;
    return vg_set_indexed(m, &m->code, value, 1, "municipality code");
}

int veilig_municipality_set_name(veilig_municipality *m, const char *value) {
    return m ? vg_set_indexed(m, &m->name, value, 1, "municipality name") : VEILIG_EINVAL;
}

int veilig_municipality_set_official_name(veilig_municipality *m, const char *value) {
    return m ? vg_set_indexed(m, &m->official_name, value, 0, "municipality official name")
             : VEILIG_EINVAL;
}

VG_STR(municipality, province, province)
VG_DATE(municipality, membership_joined, joined, 0)
VG_DATE(municipality, membership_start, membership_start, 0)
VG_DATE(municipality, membership_end, membership_end, 0)
VG_ENUM(municipality, membership_status, membership_status, membership_status, MEMBERSHIP_STATUS)
VG_STR(municipality, membership_note, membership_note)
VG_STR(municipality, summary, summary)
VG_STR(municipality, ambition, ambition)
VG_TERMS(municipality, target_group, target_groups, target_group, TARGET_GROUP)
VG_TERMS(municipality, setting, settings, setting, SETTING)
VG_TERMS(municipality, focus, focus, approach, APPROACH)
VG_LIST(municipality, exclusion, exclusions, exclusion, (void)0)
VG_LIST(municipality, policy_link, policy_links, policy_link, (void)0)
VG_LIST(municipality, stakeholder, stakeholders, stakeholder, vg_municipality_reindex(o))
VG_LIST(municipality, contact, contacts, contact, (void)0)
VG_LIST(municipality, measure, measures, measure, vg_municipality_reindex(o))
VG_LIST(municipality, indicator, indicators, indicator, vg_municipality_reindex(o))
VG_LIST(municipality, source, sources, source, (void)0)

int veilig_municipality_add_exclusion(veilig_exclusion **out, veilig_municipality *m,
                                      veilig_approach approach, const char *reason) {
    if (out)
        *out = NULL;
    if (!m)
        return VEILIG_EINVAL;
    if ((int)approach <= 0 || (int)approach > veilig_vocab_size(VEILIG_VOCAB_APPROACH))
        return vg_fail_value("exclusion approach", VEILIG_VOCAB_APPROACH, (int)approach, 1);
    VG_NEW_CHILD(exclusion, m);
    child->approach = (vg_term)approach;
    int rc = vg_copy_str(&child->reason, &child->h, reason, 0, "exclusion reason");
    if (!rc)
        rc = vg_list_push(&m->arena, &m->exclusions, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

int veilig_municipality_add_policy_link(veilig_policy_link **out, veilig_municipality *m,
                                        const char *name) {
    if (out)
        *out = NULL;
    if (!m)
        return VEILIG_EINVAL;
    VG_NEW_CHILD(policy_link, m);
    int rc = vg_copy_str(&child->name, &child->h, name, 1, "policy link name");
    if (!rc)
        rc = vg_list_push(&m->arena, &m->policy_links, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

int veilig_municipality_add_stakeholder(veilig_stakeholder **out, veilig_municipality *m,
                                        const char *id, const char *name,
                                        veilig_stakeholder_type kind) {
    if (out)
        *out = NULL;
    if (!m)
        return VEILIG_EINVAL;
    if ((int)kind < 0 || (int)kind > veilig_vocab_size(VEILIG_VOCAB_STAKEHOLDER_TYPE))
        return vg_fail_value("stakeholder kind", VEILIG_VOCAB_STAKEHOLDER_TYPE, (int)kind, 0);
    int rc = vg_need_text(id, "stakeholder id");
    if (!rc)
        rc = vg_need_text(name, "stakeholder name");
    if (rc)
        return rc;
    if (veilig_municipality_find_stakeholder(m, id))
        return vg_fail(VEILIG_EEXISTS,
                       "stakeholder id \"%s\" is taken: the municipality has one "
                       "already",
                       id);
    VG_NEW_CHILD(stakeholder, m);
    child->kind = (vg_term)kind;
    rc = vg_copy_str(&child->id, &child->h, id, 1, "stakeholder id");
    if (!rc)
        rc = vg_copy_str(&child->name, &child->h, name, 1, "stakeholder name");
    if (!rc)
        rc = vg_add_indexed(m, &m->stakeholders, &m->ix_stakeholders, vg_stakeholder_key, child);
    if (rc)
        return rc;
    vg_municipality_text_refresh(m);
    if (out)
        *out = child;
    return VEILIG_OK;
}

int veilig_municipality_add_contact(veilig_contact **out, veilig_municipality *m) {
    if (out)
        *out = NULL;
    if (!m)
        return VEILIG_EINVAL;
    VG_NEW_CHILD(contact, m);
    int rc = vg_list_push(&m->arena, &m->contacts, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

int veilig_municipality_add_measure(veilig_measure **out, veilig_municipality *m, const char *id,
                                    const char *name, veilig_category category) {
    if (out)
        *out = NULL;
    if (!m)
        return VEILIG_EINVAL;
    if ((int)category <= 0 || (int)category > veilig_vocab_size(VEILIG_VOCAB_CATEGORY))
        return vg_fail_value("measure category", VEILIG_VOCAB_CATEGORY, (int)category, 1);
    int rc = vg_need_text(id, "measure id");
    if (!rc)
        rc = vg_need_text(name, "measure name");
    if (rc)
        return rc;
    if (veilig_municipality_find_measure(m, id))
        return vg_fail(VEILIG_EEXISTS,
                       "measure id \"%s\" is taken: the municipality has one "
                       "already",
                       id);
    VG_NEW_CHILD(measure, m);
    vg_measure_init(child);
    child->category = (vg_term)category;
    rc = vg_copy_str(&child->id, &child->h, id, 1, "measure id");
    if (!rc)
        rc = vg_copy_str(&child->name, &child->h, name, 1, "measure name");
    if (!rc)
        rc = vg_municipality_attach_measure(m, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

int veilig_municipality_add_indicator(veilig_indicator **out, veilig_municipality *m,
                                      const char *id, const char *name) {
    if (out)
        *out = NULL;
    if (!m)
        return VEILIG_EINVAL;
    int rc = vg_need_text(id, "indicator id");
    if (!rc)
        rc = vg_need_text(name, "indicator name");
    if (rc)
        return rc;
    if (veilig_municipality_find_indicator(m, id))
        return vg_fail(VEILIG_EEXISTS,
                       "indicator id \"%s\" is taken: the municipality has one "
                       "already",
                       id);
    VG_NEW_CHILD(indicator, m);
    vg_indicator_init(child);
    rc = vg_copy_str(&child->id, &child->h, id, 1, "indicator id");
    if (!rc)
        rc = vg_copy_str(&child->name, &child->h, name, 1, "indicator name");
    if (!rc)
        rc = vg_add_indexed(m, &m->indicators, &m->ix_indicators, vg_indicator_key, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

int veilig_municipality_add_source(veilig_source **out, veilig_municipality *m, const char *title) {
    if (out)
        *out = NULL;
    if (!m)
        return VEILIG_EINVAL;
    VG_NEW_CHILD(source, m);
    int rc = vg_copy_str(&child->title, &child->h, title, 1, "source title");
    if (!rc)
        rc = vg_list_push(&m->arena, &m->sources, child);
    if (rc)
        return rc;
    if (out)
        *out = child;
    return VEILIG_OK;
}

const veilig_registry *veilig_municipality_registry(const veilig_municipality *m) {
    return m ? m->owner.reg : NULL;
}

const veilig_measure *veilig_municipality_find_measure(const veilig_municipality *m,
                                                       const char *id) {
    if (!m)
        return NULL;
    size_t i = vg_index_find(&m->ix_measures, id, vg_measure_key, m);
    return i == (size_t)-1 ? NULL : m->measures.v[i];
}

const veilig_stakeholder *veilig_municipality_find_stakeholder(const veilig_municipality *m,
                                                               const char *id) {
    if (!m)
        return NULL;
    size_t i = vg_index_find(&m->ix_stakeholders, id, vg_stakeholder_key, m);
    return i == (size_t)-1 ? NULL : m->stakeholders.v[i];
}

const veilig_indicator *veilig_municipality_find_indicator(const veilig_municipality *m,
                                                           const char *id) {
    if (!m)
        return NULL;
    size_t i = vg_index_find(&m->ix_indicators, id, vg_indicator_key, m);
    return i == (size_t)-1 ? NULL : m->indicators.v[i];
}

/* ---- registry ---- */

int veilig_registry_new(veilig_registry **out) {
    if (!out)
        return VEILIG_EINVAL;
    *out = NULL;
    veilig_registry *reg = vg_calloc(1, sizeof *reg);
    if (!reg)
        return VEILIG_ENOMEM;
    if (pthread_mutex_init(&reg->text_lock, NULL)) {
        vg_free(reg);
        return vg_fail(VEILIG_ENOMEM, "out of resources for a lock");
    }
    vg_pool_init(&reg->pool);
    vg_arena_init_pooled(&reg->arena, 512, &reg->pool);
    reg->owner.reg = reg;
    reg->owner.arena = &reg->arena;
    vg_obj_init(&reg->h, &reg->owner, NULL);
    vg_index_init(&reg->ix_code, 1);
    vg_index_init(&reg->ix_name, 1);
    vg_index_init(&reg->ix_official, 1);
    vg_index_init(&reg->ix_terms, 0);
    *out = reg;
    return VEILIG_OK;
}

void veilig_registry_free(veilig_registry *reg) {
    if (!reg)
        return;
    for (size_t i = 0; i < reg->count; i++)
        vg_municipality_free(reg->municipalities[i]);
    vg_free(reg->municipalities);
    vg_index_free(&reg->ix_code);
    vg_index_free(&reg->ix_name);
    vg_index_free(&reg->ix_official);
    vg_index_free(&reg->ix_terms);
    vg_free(reg->terms);
    vg_arena_free(&reg->arena);
    vg_pool_free(&reg->pool);
    pthread_mutex_destroy(&reg->text_lock);
    vg_free(reg);
}

int veilig_registry_version(const veilig_registry *reg) {
    return reg ? 1 : 0;
}

size_t veilig_registry_count(const veilig_registry *reg) {
    return reg ? reg->count : 0;
}

const veilig_municipality *veilig_registry_get(const veilig_registry *reg, size_t index) {
    return reg && index < reg->count ? reg->municipalities[index] : NULL;
}

veilig_municipality *veilig_registry_get_mut(veilig_registry *reg, size_t index) {
    return reg && index < reg->count ? reg->municipalities[index] : NULL;
}

const veilig_municipality *veilig_registry_find(const veilig_registry *reg,
                                                const char *code_or_name) {
    if (!reg || !code_or_name)
        return NULL;
    size_t i = vg_index_find(&reg->ix_code, code_or_name, vg_code_key, reg);
    if (i == (size_t)-1)
        i = vg_index_find(&reg->ix_name, code_or_name, vg_name_key, reg);
    if (i == (size_t)-1)
        i = vg_index_find(&reg->ix_official, code_or_name, vg_official_key, reg);
    return i == (size_t)-1 ? NULL : reg->municipalities[i];
}

veilig_municipality *veilig_registry_find_mut(veilig_registry *reg, const char *code_or_name) {
    return (veilig_municipality *)veilig_registry_find(reg, code_or_name);
}

size_t veilig_registry_index_of(const veilig_registry *reg, const veilig_municipality *m) {
    if (!reg || !m)
        return (size_t)-1;
    /* the code index finds it in O(1) unless codes are duplicated */
    size_t i = vg_index_find(&reg->ix_code, m->code, vg_code_key, reg);
    if (i != (size_t)-1 && reg->municipalities[i] == m)
        return i;
    for (i = 0; i < reg->count; i++)
        if (reg->municipalities[i] == m)
            return i;
    return (size_t)-1;
}

int vg_registry_attach(veilig_registry *reg, veilig_municipality *m, size_t replace_index) {
    if (replace_index != (size_t)-1) {
        veilig_municipality *old = reg->municipalities[replace_index];
        reg->municipalities[replace_index] = m;
        int rc = vg_registry_reindex(reg);
        if (rc) {
            reg->municipalities[replace_index] = old;
            vg_registry_reindex(reg);
            return rc;
        }
        vg_municipality_free(old);
        return VEILIG_OK;
    }
    int rc = vg_grow((void **)&reg->municipalities, &reg->cap, reg->count + 1,
                     sizeof *reg->municipalities);
    if (rc)
        return rc;
    reg->municipalities[reg->count] = m;
    rc = vg_index_add(&reg->ix_code, reg->count, vg_code_key, reg);
    if (!rc)
        rc = vg_index_add(&reg->ix_name, reg->count, vg_name_key, reg);
    if (!rc)
        rc = vg_index_add(&reg->ix_official, reg->count, vg_official_key, reg);
    if (rc) {
        vg_registry_reindex(reg);
        return rc;
    }
    reg->count++;
    return VEILIG_OK;
}

int veilig_registry_add(veilig_municipality **out, veilig_registry *reg, const char *code,
                        const char *name) {
    if (out)
        *out = NULL;
    if (!reg)
        return VEILIG_EINVAL;
    int rc = vg_need_text(code, "municipality code");
    if (!rc)
        rc = vg_need_text(name, "municipality name");
    if (rc)
        return rc;
    if (vg_index_find(&reg->ix_code, code, vg_code_key, reg) != (size_t)-1)
        return vg_fail(VEILIG_EEXISTS,
                       "municipality code %s: the registry has a municipality "
                       "with that code already",
                       code);
    rc = vg_need_cbs_code(code);
    if (rc)
        return rc;
    veilig_municipality *m = vg_municipality_new(reg);
    if (!m)
        return VEILIG_ENOMEM;
    rc = vg_copy_str(&m->code, &m->h, code, 1, "municipality code");
    if (!rc)
        rc = vg_copy_str(&m->name, &m->h, name, 1, "municipality name");
    if (!rc)
        rc = vg_registry_attach(reg, m, (size_t)-1);
    if (rc) {
        vg_municipality_free(m);
        return rc;
    }
    if (out)
        *out = m;
    return VEILIG_OK;
}

int veilig_registry_remove(veilig_registry *reg, size_t index) {
    if (!reg)
        return VEILIG_EINVAL;
    if (index >= reg->count)
        return vg_fail_index("registry municipality", index, reg->count);
    vg_municipality_free(reg->municipalities[index]);
    memmove(reg->municipalities + index, reg->municipalities + index + 1,
            (reg->count - index - 1) * sizeof *reg->municipalities);
    reg->count--;
    return vg_registry_reindex(reg); /* fewer entries: reuses the slots, cannot fail */
}

const veilig_programme *veilig_registry_programme(const veilig_registry *reg) {
    return reg ? reg->programme : NULL;
}

veilig_programme *veilig_registry_programme_mut(veilig_registry *reg) {
    return reg ? reg->programme : NULL;
}

int veilig_registry_set_programme(veilig_programme **out, veilig_registry *reg) {
    if (out)
        *out = NULL;
    if (!reg)
        return VEILIG_EINVAL;
    if (!reg->programme) {
        veilig_programme *p = vg_arena_calloc(&reg->arena, 1, sizeof *p);
        if (!p)
            return VEILIG_ENOMEM;
        vg_obj_init(&p->h, &reg->owner, reg);
        reg->programme = p;
    }
    if (out)
        *out = reg->programme;
    return VEILIG_OK;
}

void veilig_registry_clear_programme(veilig_registry *reg) {
    if (reg)
        reg->programme = NULL;
}
