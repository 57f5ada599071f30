/* libveilig: documents (JSON, format "veilig" version 1) to the model and back. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "model_internal.h"

/* ---- the field tables: what each object holds, in canonical key order ---- */

typedef enum vg_kind {
    VG_F_STR,    /* const char * */
    VG_F_DATE,   /* vg_date */
    VG_F_TERM,   /* vg_term of vocabulary `vocab` */
    VG_F_TERMS,  /* vg_terms of vocabulary `vocab` */
    VG_F_BOOL,   /* uint8_t, written only when true */
    VG_F_TIME,   /* int16_t minutes, -1 absent, "HH:MM" */
    VG_F_NUM,    /* double, NaN absent */
    VG_F_CENTS,  /* int64_t cents, -1 absent, written as an amount */
    VG_F_IDS,    /* vg_strs */
    VG_F_INLINE, /* a JSON object whose fields live in the same struct */
    VG_F_LIST,   /* vg_list of child objects */
    VG_F_ONE     /* pointer to one child object */
} vg_kind;

#define VG_REQUIRED 1u

typedef struct vg_type vg_type;

typedef struct vg_field {
    const char *key;
    uint8_t kind;
    uint8_t flags;
    uint8_t vocab;
    uint16_t offset;       /* of the value in the struct */
    uint16_t extra_offset; /* VG_F_INLINE: of its vg_extras */
    const vg_type *sub;    /* VG_F_INLINE, VG_F_LIST, VG_F_ONE */
} vg_field;

typedef struct vg_cv vg_cv;

struct vg_type {
    const char *name;
    size_t size;
    const vg_field *fields;
    size_t nfields;
    void (*init)(void *obj);
    int (*check)(vg_cv *cv, void *obj, const vg_jnode *node);
    int personal; /* a contact: may be left out of output */
};

#define VG_FIELDS(t) t, sizeof t / sizeof t[0]
#define F(key, kind, T, member)                                                                    \
    { key, kind, 0, 0, offsetof(T, member), 0, NULL }
#define FR(key, kind, T, member)                                                                   \
    { key, kind, VG_REQUIRED, 0, offsetof(T, member), 0, NULL }
#define FV(key, kind, T, member, V)                                                                \
    { key, kind, 0, VEILIG_VOCAB_##V, offsetof(T, member), 0, NULL }
#define FVR(key, kind, T, member, V)                                                               \
    { key, kind, VG_REQUIRED, VEILIG_VOCAB_##V, offsetof(T, member), 0, NULL }
#define FIN(key, T, xmember, sub)                                                                  \
    { key, VG_F_INLINE, 0, 0, 0, offsetof(T, xmember), sub }
#define FL(key, T, member, sub)                                                                    \
    { key, VG_F_LIST, 0, 0, offsetof(T, member), 0, sub }
#define FONE(key, T, member, sub)                                                                  \
    { key, VG_F_ONE, 0, 0, offsetof(T, member), 0, sub }

static int vg_window_check(vg_cv *cv, void *obj, const vg_jnode *node);

static void vg_init_measure(void *p) {
    vg_measure_init(p);
}
static void vg_init_window(void *p) {
    vg_window_init(p);
}
static void vg_init_indicator(void *p) {
    vg_indicator_init(p);
}
static void vg_init_observation(void *p) {
    vg_observation_init(p);
}

static const vg_field vg_contact_fields[] = {
    F("stakeholder", VG_F_STR, veilig_contact, stakeholder),
    FV("role", VG_F_TERM, veilig_contact, role, ROLE),
    F("name", VG_F_STR, veilig_contact, name),
    F("phone", VG_F_STR, veilig_contact, phone),
    F("email", VG_F_STR, veilig_contact, email),
    F("personal", VG_F_BOOL, veilig_contact, personal),
};
static const vg_type vg_contact_type = {
    "contact", sizeof(veilig_contact), VG_FIELDS(vg_contact_fields), NULL, NULL, 1};

static const vg_field vg_source_fields[] = {
    FR("title", VG_F_STR, veilig_source, title),
    F("publisher", VG_F_STR, veilig_source, publisher),
    F("url", VG_F_STR, veilig_source, url),
    F("retrieved", VG_F_DATE, veilig_source, retrieved),
};
static const vg_type vg_source_type = {
    "source", sizeof(veilig_source), VG_FIELDS(vg_source_fields), NULL, NULL, 0};

static const vg_field vg_programme_fields[] = {
    F("name", VG_F_STR, veilig_programme, name),
    F("operator", VG_F_STR, veilig_programme, operator_),
    FONE("contact", veilig_programme, contact, &vg_contact_type),
    FL("sources", veilig_programme, sources, &vg_source_type),
};
static const vg_type vg_programme_type = {
    "programme", sizeof(veilig_programme), VG_FIELDS(vg_programme_fields), NULL, NULL, 0};

static const vg_field vg_exclusion_fields[] = {
    FVR("approach", VG_F_TERM, veilig_exclusion, approach, APPROACH),
    F("reason", VG_F_STR, veilig_exclusion, reason),
};
static const vg_type vg_exclusion_type = {
    "exclusion", sizeof(veilig_exclusion), VG_FIELDS(vg_exclusion_fields), NULL, NULL, 0};

static const vg_field vg_policy_link_fields[] = {
    FR("name", VG_F_STR, veilig_policy_link, name),
    FV("kind", VG_F_TERM, veilig_policy_link, kind, LINK_KIND),
    FV("relation", VG_F_TERM, veilig_policy_link, relation, LINK_RELATION),
    F("note", VG_F_STR, veilig_policy_link, note),
};
static const vg_type vg_policy_link_type = {
    "policy link", sizeof(veilig_policy_link), VG_FIELDS(vg_policy_link_fields), NULL, NULL, 0};

static const vg_field vg_stakeholder_fields[] = {
    FR("id", VG_F_STR, veilig_stakeholder, id),
    FR("name", VG_F_STR, veilig_stakeholder, name),
    FV("kind", VG_F_TERM, veilig_stakeholder, kind, STAKEHOLDER_TYPE),
    FV("roles", VG_F_TERMS, veilig_stakeholder, roles, ROLE),
    F("parent", VG_F_STR, veilig_stakeholder, parent),
    F("note", VG_F_STR, veilig_stakeholder, note),
};
static const vg_type vg_stakeholder_type = {
    "stakeholder", sizeof(veilig_stakeholder), VG_FIELDS(vg_stakeholder_fields), NULL, NULL, 0};

static const vg_field vg_window_fields[] = {
    FV("days", VG_F_TERMS, veilig_window, days, DAY),
    FV("dayparts", VG_F_TERMS, veilig_window, dayparts, DAYPART),
    F("from", VG_F_TIME, veilig_window, from),
    F("to", VG_F_TIME, veilig_window, to),
    F("note", VG_F_STR, veilig_window, note),
};
static const vg_type vg_window_type = {
    "schedule window", sizeof(veilig_window), VG_FIELDS(vg_window_fields),
    vg_init_window,    vg_window_check,       0};

static const vg_field vg_partner_fields[] = {
    FR("stakeholder", VG_F_STR, veilig_partner, stakeholder),
    FV("role", VG_F_TERM, veilig_partner, role, ROLE),
    F("note", VG_F_STR, veilig_partner, note),
};
static const vg_type vg_partner_type = {
    "partner", sizeof(veilig_partner), VG_FIELDS(vg_partner_fields), NULL, NULL, 0};

static const vg_field vg_area_fields[] = {
    F("name", VG_F_STR, veilig_measure, area_name),
    F("note", VG_F_STR, veilig_measure, area_note),
};
static const vg_type vg_area_type = {"area", 0, VG_FIELDS(vg_area_fields), NULL, NULL, 0};

static const vg_field vg_period_fields[] = {
    F("start", VG_F_DATE, veilig_measure, period_start),
    F("end", VG_F_DATE, veilig_measure, period_end),
};
static const vg_type vg_period_type = {"period", 0, VG_FIELDS(vg_period_fields), NULL, NULL, 0};

static const vg_field vg_budget_period_fields[] = {
    F("start", VG_F_DATE, veilig_measure, budget_start),
    F("end", VG_F_DATE, veilig_measure, budget_end),
};
static const vg_type vg_budget_period_type = {"period", 0,    VG_FIELDS(vg_budget_period_fields),
                                              NULL,     NULL, 0};

static const vg_field vg_budget_fields[] = {
    FR("amount", VG_F_CENTS, veilig_measure, budget_cents),
    F("currency", VG_F_STR, veilig_measure, budget_currency),
    FIN("period", veilig_measure, x_budget_period, &vg_budget_period_type),
};
static const vg_type vg_budget_type = {"budget", 0, VG_FIELDS(vg_budget_fields), NULL, NULL, 0};

static const vg_field vg_measure_fields[] = {
    FR("id", VG_F_STR, veilig_measure, id),
    FR("name", VG_F_STR, veilig_measure, name),
    F("description", VG_F_STR, veilig_measure, description),
    FVR("category", VG_F_TERM, veilig_measure, category, CATEGORY),
    FV("approach", VG_F_TERM, veilig_measure, approach, APPROACH),
    FV("target_groups", VG_F_TERMS, veilig_measure, target_groups, TARGET_GROUP),
    FV("settings", VG_F_TERMS, veilig_measure, settings, SETTING),
    FIN("area", veilig_measure, x_area, &vg_area_type),
    FL("schedule", veilig_measure, windows, &vg_window_type),
    FL("partners", veilig_measure, partners, &vg_partner_type),
    FV("status", VG_F_TERM, veilig_measure, status, MEASURE_STATE),
    FIN("period", veilig_measure, x_period, &vg_period_type),
    FIN("budget", veilig_measure, x_budget, &vg_budget_type),
    FV("evidence", VG_F_TERM, veilig_measure, evidence, EVIDENCE),
    F("indicators", VG_F_IDS, veilig_measure, indicators),
};
static const vg_type vg_measure_type = {
    "measure", sizeof(veilig_measure), VG_FIELDS(vg_measure_fields), vg_init_measure, NULL, 0};

static const vg_field vg_observation_fields[] = {
    FR("date", VG_F_DATE, veilig_observation, date),
    FR("value", VG_F_NUM, veilig_observation, value),
    F("source", VG_F_STR, veilig_observation, source),
    F("note", VG_F_STR, veilig_observation, note),
};
static const vg_type vg_observation_type = {"observation",
                                            sizeof(veilig_observation),
                                            VG_FIELDS(vg_observation_fields),
                                            vg_init_observation,
                                            NULL,
                                            0};

static const vg_field vg_baseline_fields[] = {
    F("date", VG_F_DATE, veilig_indicator, baseline_date),
    F("value", VG_F_NUM, veilig_indicator, baseline_value),
    F("note", VG_F_STR, veilig_indicator, baseline_note),
};
static const vg_type vg_baseline_type = {"baseline", 0,    VG_FIELDS(vg_baseline_fields),
                                         NULL,       NULL, 0};

static const vg_field vg_target_fields[] = {
    F("date", VG_F_DATE, veilig_indicator, target_date),
    F("value", VG_F_NUM, veilig_indicator, target_value),
};
static const vg_type vg_target_type = {"target", 0, VG_FIELDS(vg_target_fields), NULL, NULL, 0};

static const vg_field vg_indicator_fields[] = {
    FR("id", VG_F_STR, veilig_indicator, id),
    FR("name", VG_F_STR, veilig_indicator, name),
    FV("level", VG_F_TERM, veilig_indicator, level, RESULT_LEVEL),
    FV("unit", VG_F_TERM, veilig_indicator, unit, UNIT),
    FV("direction", VG_F_TERM, veilig_indicator, direction, DIRECTION),
    FIN("baseline", veilig_indicator, x_baseline, &vg_baseline_type),
    FIN("target", veilig_indicator, x_target, &vg_target_type),
    FL("observations", veilig_indicator, observations, &vg_observation_type),
};
static const vg_type vg_indicator_type = {"indicator",
                                          sizeof(veilig_indicator),
                                          VG_FIELDS(vg_indicator_fields),
                                          vg_init_indicator,
                                          NULL,
                                          0};

static const vg_field vg_membership_period_fields[] = {
    F("start", VG_F_DATE, veilig_municipality, membership_start),
    F("end", VG_F_DATE, veilig_municipality, membership_end),
};
static const vg_type vg_membership_period_type = {
    "period", 0, VG_FIELDS(vg_membership_period_fields), NULL, NULL, 0};

static const vg_field vg_membership_fields[] = {
    F("joined", VG_F_DATE, veilig_municipality, joined),
    FIN("period", veilig_municipality, x_membership_period, &vg_membership_period_type),
    FV("status", VG_F_TERM, veilig_municipality, membership_status, MEMBERSHIP_STATUS),
    F("note", VG_F_STR, veilig_municipality, membership_note),
};
static const vg_type vg_membership_type = {"membership", 0,    VG_FIELDS(vg_membership_fields),
                                           NULL,         NULL, 0};

static const vg_field vg_scope_fields[] = {
    FV("target_groups", VG_F_TERMS, veilig_municipality, target_groups, TARGET_GROUP),
    FV("settings", VG_F_TERMS, veilig_municipality, settings, SETTING),
};
static const vg_type vg_scope_type = {"scope", 0, VG_FIELDS(vg_scope_fields), NULL, NULL, 0};

static const vg_field vg_municipality_fields[] = {
    FR("code", VG_F_STR, veilig_municipality, code),
    FR("name", VG_F_STR, veilig_municipality, name),
    F("official_name", VG_F_STR, veilig_municipality, official_name),
    F("province", VG_F_STR, veilig_municipality, province),
    FIN("membership", veilig_municipality, x_membership, &vg_membership_type),
    F("summary", VG_F_STR, veilig_municipality, summary),
    F("ambition", VG_F_STR, veilig_municipality, ambition),
    FIN("scope", veilig_municipality, x_scope, &vg_scope_type),
    FV("focus", VG_F_TERMS, veilig_municipality, focus, APPROACH),
    FL("excluded", veilig_municipality, exclusions, &vg_exclusion_type),
    FL("policy_links", veilig_municipality, policy_links, &vg_policy_link_type),
    FL("stakeholders", veilig_municipality, stakeholders, &vg_stakeholder_type),
    FL("contacts", veilig_municipality, contacts, &vg_contact_type),
    FL("measures", veilig_municipality, measures, &vg_measure_type),
    FL("indicators", veilig_municipality, indicators, &vg_indicator_type),
    FL("sources", veilig_municipality, sources, &vg_source_type),
};
static const vg_type vg_municipality_type = {
    "municipality", sizeof(veilig_municipality), VG_FIELDS(vg_municipality_fields), NULL, NULL, 0};

#define VG_AT(obj, off, T)  ((T *)((char *)(obj) + (off)))
#define VG_CAT(obj, off, T) ((const T *)((const char *)(obj) + (off)))

/* ---- canonical order of pointers ---- */

/* The next token of an RFC 6901 pointer at *p (unescaped into tok); 0 at the end. */
static int vg_next_token(const char **p, char *tok, size_t size) {
    if (**p != '/')
        return 0;
    size_t n = 0;
    for ((*p)++; **p && **p != '/'; (*p)++) {
        char c = **p;
        if (c == '~' && ((*p)[1] == '0' || (*p)[1] == '1'))
            c = *++(*p) == '0' ? '~' : '/';
        if (n + 1 < size)
            tok[n++] = c;
    }
    tok[n] = '\0';
    return 1;
}

static int vg_token_index(const char *tok, size_t *out) {
    if (!*tok)
        return 0;
    size_t v = 0;
    for (const char *s = tok; *s; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        v = v * 10 + (size_t)(*s - '0');
    }
    *out = v;
    return 1;
}

/* The rank of a key among the fields of type: known keys in canonical order,
   unknown keys after them. */
static size_t vg_key_rank(const vg_type *type, const char *key) {
    for (size_t i = 0; type && i < type->nfields; i++)
        if (strcmp(type->fields[i].key, key) == 0)
            return i;
    return (size_t)-1;
}

static const vg_field *vg_key_field(const vg_type *type, const char *key) {
    size_t i = vg_key_rank(type, key);
    return i == (size_t)-1 ? NULL : &type->fields[i];
}

int vg_pointer_compare(const char *a, const char *b) {
    static const vg_field top_fields[] = {
        {"format", VG_F_STR, 0, 0, 0, 0, NULL},
        {"version", VG_F_STR, 0, 0, 0, 0, NULL},
        {"programme", VG_F_ONE, 0, 0, 0, 0, &vg_programme_type},
        {"municipalities", VG_F_LIST, 0, 0, 0, 0, &vg_municipality_type},
    };
    static const vg_type top = {"document", 0, VG_FIELDS(top_fields), NULL, NULL, 0};
    const vg_type *type = &top; /* the object type at this level, NULL when unknown */
    int in_list = 0;            /* the level is an array of type */
    char ta[VEILIG_ERROR_POINTER_LENGTH], tb[VEILIG_ERROR_POINTER_LENGTH];
    for (;;) {
        int ha = vg_next_token(&a, ta, sizeof ta), hb = vg_next_token(&b, tb, sizeof tb);
        if (!ha || !hb)
            return ha - hb; /* a parent comes before what it holds */
        if (strcmp(ta, tb) != 0) {
            size_t ia, ib;
            if (in_list || !type) {
                int na = vg_token_index(ta, &ia), nb = vg_token_index(tb, &ib);
                if (na && nb)
                    return ia < ib ? -1 : 1;
                return strcmp(ta, tb) < 0 ? -1 : 1;
            }
            size_t ra = vg_key_rank(type, ta), rb = vg_key_rank(type, tb);
            if (ra != rb)
                return ra < rb ? -1 : 1;
            return strcmp(ta, tb) < 0 ? -1 : 1;
        }
        /* the same token: go one level down */
        if (in_list) {
            in_list = 0;
            continue;
        }
        const vg_field *f = vg_key_field(type, ta);
        if (!f || !f->sub) {
            type = NULL; /* a scalar, a list of scalars, or an unknown key */
            in_list = f != NULL;
            continue;
        }
        in_list = f->kind == VG_F_LIST;
        type = f->sub;
    }
}

/* ---- reading ---- */

#define VG_MAX_PATH 32

struct vg_cv {
    veilig_registry *reg;
    vg_owner *own;    /* where the objects being read are allocated */
    const char *text; /* what the tree was parsed from, for positions; NULL: none */
    size_t len;
    veilig_error *err;
    size_t depth;
    struct {
        const char *key; /* NULL: an array index */
        size_t index;
    } path[VG_MAX_PATH];
    int strict; /* building: an unknown code is refused (docs/format.md) */
    /* collecting every schema error (load options version 3): the records,
       their room and how many are filled; NULL errs: stop at the first */
    veilig_error *errs;
    size_t max_errs, n_errs;
    const char *source;
};

static const char *vg_type_word(const vg_jnode *n) {
    switch (n->type) {
        case VG_JNULL:
            return "null";
        case VG_JFALSE:
        case VG_JTRUE:
            return "a boolean";
        case VG_JNUMBER:
            return "a number";
        case VG_JSTRING:
            return "a string";
        case VG_JARRAY:
            return "an array";
        default:
            return "an object";
    }
}

static void vg_cv_push_key(vg_cv *cv, const char *key) {
    if (cv->depth < VG_MAX_PATH) {
        cv->path[cv->depth].key = key;
        cv->path[cv->depth].index = 0;
    }
    cv->depth++;
}

static void vg_cv_push_index(vg_cv *cv, size_t index) {
    if (cv->depth < VG_MAX_PATH) {
        cv->path[cv->depth].key = NULL;
        cv->path[cv->depth].index = index;
    }
    cv->depth++;
}

static void vg_cv_pop(vg_cv *cv) {
    cv->depth--;
}

/* Fails with code at node (its position), with the current path as pointer. */
static int vg_cv_fail(vg_cv *cv, const vg_jnode *node, int code, const char *fmt, ...)
    VG_PRINTF(4, 5);

static int vg_cv_fail(vg_cv *cv, const vg_jnode *node, int code, const char *fmt, ...) {
    /* a schema error, when collecting, goes into the next record (and the
       first also into err); every other error into err */
    int collect = code == VEILIG_ESCHEMA && cv->errs && cv->n_errs < cv->max_errs;
    veilig_error *err = collect ? &cv->errs[cv->n_errs] : cv->err;
    if (!err)
        return code;
    if (collect) {
        vg_error_clear(err);
        vg_error_set_source(err, cv->source);
    }
    char text[VEILIG_ERROR_MESSAGE_LENGTH * 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    vg_error_set(err, code, "%s", text);
    /* the pointer, escaped as RFC 6901 wants */
    char *p = err->pointer;
    size_t room = sizeof err->pointer;
    size_t used = 0;
    p[0] = '\0';
    for (size_t i = 0; i < cv->depth && i < VG_MAX_PATH; i++) {
        char tok[VEILIG_ERROR_POINTER_LENGTH];
        if (cv->path[i].key) {
            size_t k = 0;
            for (const char *s = cv->path[i].key; *s && k + 3 < sizeof tok; s++) {
                if (*s == '~' || *s == '/') {
                    tok[k++] = '~';
                    tok[k++] = *s == '~' ? '0' : '1';
                } else {
                    tok[k++] = *s;
                }
            }
            tok[k] = '\0';
        } else {
            snprintf(tok, sizeof tok, "%zu", cv->path[i].index);
        }
        int n = snprintf(p + used, room - used, "/%s", tok);
        if (n < 0 || (size_t)n >= room - used) {
            /* cut, at a character boundary */
            size_t end = strlen(p), lead = end;
            while (lead > 0 && ((unsigned char)p[lead - 1] & 0xC0) == 0x80)
                lead--;
            if (lead > 0) {
                unsigned char c = (unsigned char)p[lead - 1];
                size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
                if (lead - 1 + need > end)
                    p[lead - 1] = '\0';
            }
            break;
        }
        used += (size_t)n;
    }
    if (node)
        vg_error_set_position(err, cv->text, cv->len, node->pos);
    if (collect && cv->n_errs++ == 0 && cv->err)
        *cv->err = *err;
    return code;
}

/* Whether reading goes on past rc: a schema error while collecting, with room
   for more records (the value that failed is left out; the load fails at the
   end). Returns VEILIG_OK to go on, else rc. */
static int vg_cv_recover(vg_cv *cv, int rc) {
    return rc == VEILIG_ESCHEMA && cv->errs && cv->n_errs < cv->max_errs ? VEILIG_OK : rc;
}

static int vg_cv_expect(vg_cv *cv, const vg_jnode *n, vg_jtype type, const char *what) {
    if (n->type == type)
        return VEILIG_OK;
    return vg_cv_fail(cv, n, VEILIG_ESCHEMA, "expected %s, found %s", what, vg_type_word(n));
}

static int vg_cv_nomem(vg_cv *cv) {
    return vg_cv_fail(cv, NULL, VEILIG_ENOMEM, "out of memory");
}

static int vg_read_string(vg_cv *cv, const vg_jnode *n, const char **out, int required) {
    int rc = vg_cv_expect(cv, n, VG_JSTRING, "a string");
    if (rc)
        return rc;
    if (required && n->len == 0)
        return vg_cv_fail(cv, n, VEILIG_ESCHEMA, "must not be empty");
    char *s = vg_arena_strndup(cv->own->arena, n->u.str, n->len);
    if (!s)
        return vg_cv_nomem(cv);
    *out = s;
    return VEILIG_OK;
}

static int vg_read_date(vg_cv *cv, const vg_jnode *n, vg_date *out) {
    int rc = vg_cv_expect(cv, n, VG_JSTRING, "a date string (YYYY, YYYY-MM or YYYY-MM-DD)");
    if (rc)
        return rc;
    veilig_date d;
    if (veilig_date_parse(&d, n->u.str) != VEILIG_OK)
        return vg_cv_fail(cv, n, VEILIG_ESCHEMA,
                          "bad date \"%.40s\": write YYYY, YYYY-MM or YYYY-MM-DD with a real month "
                          "and day",
                          n->u.str);
    return vg_date_from_public(out, &d) ? vg_cv_nomem(cv) : VEILIG_OK;
}

/* Building's refusal of an unknown code n: the field (the key, or the key of
   the list it is in), the code and "did you mean". */
static int vg_cv_fail_code(vg_cv *cv, const vg_jnode *n, veilig_vocab vocab) {
    const char *field = "code";
    for (size_t i = cv->depth; i-- > 0 && i < VG_MAX_PATH;)
        if (cv->path[i].key) {
            field = cv->path[i].key;
            break;
        }
    vg_buf b;
    vg_buf_init(&b);
    vg_unknown_code_text(&b, vocab, field, n->u.str);
    vg_buf_putc(&b, '\0');
    int rc = b.failed ? vg_cv_nomem(cv) : vg_cv_fail(cv, n, VEILIG_EINVAL, "%s", b.data);
    vg_buf_free(&b);
    return rc;
}

static int vg_read_term(vg_cv *cv, const vg_jnode *n, int vocab, vg_term *out) {
    int rc = vg_cv_expect(cv, n, VG_JSTRING, "a string (a code)");
    if (rc)
        return rc;
    if (n->len == 0)
        return vg_cv_fail(cv, n, VEILIG_ESCHEMA, "a code must not be empty");
    if (cv->strict && !vg_vocab_find_code((veilig_vocab)vocab, n->u.str))
        return vg_cv_fail_code(cv, n, (veilig_vocab)vocab);
    rc = vg_term_from_code(out, cv->reg, (veilig_vocab)vocab, n->u.str);
    if (rc == VEILIG_ELIMIT)
        return vg_cv_fail(cv, n, rc, "too many unknown codes (at most %u)", VG_TERM_MAX_UNKNOWN);
    return rc ? vg_cv_nomem(cv) : VEILIG_OK;
}

static int vg_read_time(vg_cv *cv, const vg_jnode *n, int16_t *out, int is_end) {
    int rc = vg_cv_expect(cv, n, VG_JSTRING, "a time string (HH:MM)");
    if (rc)
        return rc;
    const char *s = n->u.str;
    int ok = n->len == 5 && s[2] == ':';
    for (int i = 0; ok && i < 5; i++)
        if (i != 2 && (s[i] < '0' || s[i] > '9'))
            ok = 0;
    int h = ok ? (s[0] - '0') * 10 + (s[1] - '0') : 0;
    int m = ok ? (s[3] - '0') * 10 + (s[4] - '0') : 0;
    if (ok && (m > 59 || h > 24 || (h == 24 && (m != 0 || !is_end))))
        ok = 0;
    if (!ok)
        return vg_cv_fail(cv, n, VEILIG_ESCHEMA,
                          "bad time \"%.40s\": write HH:MM from 00:00 to 23:59 (24:00 only as an "
                          "end)",
                          s);
    *out = (int16_t)(h * 60 + m);
    return VEILIG_OK;
}

/* An amount (a JSON number literal) as whole cents, exactly. */
static int vg_read_cents(vg_cv *cv, const vg_jnode *n, int64_t *out) {
    int rc = vg_cv_expect(cv, n, VG_JNUMBER, "a number (an amount)");
    if (rc)
        return rc;
    const char *s = n->u.str;
    int negative = 0;
    char digits[32];
    size_t nd = 0;
    long e10 = 2; /* cents */
    int overflow = 0;
    if (*s == '-') {
        negative = 1;
        s++;
    }
    for (; *s >= '0' && *s <= '9'; s++) {
        if (nd == 0 && *s == '0')
            continue;
        if (nd < sizeof digits)
            digits[nd++] = *s;
        else
            e10++, overflow = 1;
    }
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++) {
            if (nd == 0 && *s == '0') {
                e10--;
                continue;
            }
            if (nd < sizeof digits) {
                digits[nd++] = *s;
                e10--;
            } else if (*s != '0') {
                overflow = 1;
            }
        }
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        int eneg = *s == '-';
        if (*s == '-' || *s == '+')
            s++;
        long e = 0;
        for (; *s >= '0' && *s <= '9'; s++)
            if (e < 100000)
                e = e * 10 + (*s - '0');
        e10 += eneg ? -e : e;
    }
    while (nd > 0 && digits[nd - 1] == '0') {
        nd--;
        e10++;
    }
    if (nd == 0) {
        *out = 0;
        return VEILIG_OK;
    }
    if (negative)
        return vg_cv_fail(cv, n, VEILIG_ESCHEMA, "an amount must not be negative");
    if (e10 < 0)
        return vg_cv_fail(cv, n, VEILIG_ESCHEMA,
                          "amount %.40s has more than two decimals (amounts are whole cents)",
                          n->u.str);
    if (overflow || (long)nd + e10 > 18)
        return vg_cv_fail(cv, n, VEILIG_ESCHEMA, "amount %.40s is out of range", n->u.str);
    int64_t v = 0;
    for (size_t i = 0; i < nd; i++)
        v = v * 10 + (digits[i] - '0');
    for (long i = 0; i < e10; i++)
        v *= 10;
    *out = v;
    return VEILIG_OK;
}

static int vg_read_object(vg_cv *cv, const vg_jnode *n, const vg_type *type, void *obj,
                          vg_extras *extras);

static int vg_read_child(vg_cv *cv, const vg_jnode *n, const vg_type *type, void *parent,
                         void **out) {
    int rc = vg_cv_expect(cv, n, VG_JOBJECT, "an object");
    if (rc)
        return rc;
    vg_obj *child = vg_arena_calloc(cv->own->arena, 1, type->size);
    if (!child)
        return vg_cv_nomem(cv);
    vg_obj_init(child, cv->own, parent);
    if (type->init)
        type->init(child);
    rc = vg_read_object(cv, n, type, child, &child->x);
    if (rc)
        return rc;
    *out = child;
    return VEILIG_OK;
}

static int vg_read_value(vg_cv *cv, const vg_jnode *n, const vg_field *f, void *obj) {
    int rc;
    switch ((vg_kind)f->kind) {
        case VG_F_STR:
            return vg_read_string(cv, n, VG_AT(obj, f->offset, const char *),
                                  f->flags & VG_REQUIRED);
        case VG_F_DATE:
            return vg_read_date(cv, n, VG_AT(obj, f->offset, vg_date));
        case VG_F_TERM:
            return vg_read_term(cv, n, f->vocab, VG_AT(obj, f->offset, vg_term));
        case VG_F_TIME:
            return vg_read_time(cv, n, VG_AT(obj, f->offset, int16_t), strcmp(f->key, "to") == 0);
        case VG_F_CENTS:
            return vg_read_cents(cv, n, VG_AT(obj, f->offset, int64_t));
        case VG_F_BOOL:
            if (n->type != VG_JTRUE && n->type != VG_JFALSE)
                return vg_cv_fail(cv, n, VEILIG_ESCHEMA, "expected true or false, found %s",
                                  vg_type_word(n));
            *VG_AT(obj, f->offset, uint8_t) = n->type == VG_JTRUE;
            return VEILIG_OK;
        case VG_F_NUM: {
            rc = vg_cv_expect(cv, n, VG_JNUMBER, "a number");
            if (rc)
                return rc;
            double v = vg_json_number_to_double(n->u.str, n->len);
            if (!isfinite(v))
                return vg_cv_fail(cv, n, VEILIG_ESCHEMA, "number %.40s is out of range", n->u.str);
            *VG_AT(obj, f->offset, double) = v;
            return VEILIG_OK;
        }
        case VG_F_TERMS:
        case VG_F_IDS:
        case VG_F_LIST: {
            rc = vg_cv_expect(cv, n, VG_JARRAY, "an array");
            if (rc)
                return rc;
            for (uint32_t i = 0; i < n->len && !rc; i++) {
                const vg_jnode *item = &n->u.items[i];
                vg_cv_push_index(cv, i);
                if (f->kind == VG_F_TERMS) {
                    vg_term t = 0;
                    rc = vg_read_term(cv, item, f->vocab, &t);
                    if (!rc && vg_terms_push(cv->own->arena, VG_AT(obj, f->offset, vg_terms), t))
                        rc = vg_cv_nomem(cv);
                } else if (f->kind == VG_F_IDS) {
                    const char *s = NULL;
                    rc = vg_read_string(cv, item, &s, 1);
                    if (!rc && vg_strs_push(cv->own->arena, VG_AT(obj, f->offset, vg_strs), s))
                        rc = vg_cv_nomem(cv);
                } else {
                    void *child = NULL;
                    rc = vg_read_child(cv, item, f->sub, obj, &child);
                    if (!rc && vg_list_push(cv->own->arena, VG_AT(obj, f->offset, vg_list), child))
                        rc = vg_cv_nomem(cv);
                }
                vg_cv_pop(cv);
                rc = vg_cv_recover(cv, rc);
            }
            return rc;
        }
        case VG_F_ONE:
            return vg_read_child(cv, n, f->sub, obj, VG_AT(obj, f->offset, void *));
        case VG_F_INLINE:
            rc = vg_cv_expect(cv, n, VG_JOBJECT, "an object");
            return rc ? rc
                      : vg_read_object(cv, n, f->sub, obj, VG_AT(obj, f->extra_offset, vg_extras));
    }
    return VEILIG_OK;
}

static int vg_field_is_set(const vg_field *f, const void *obj) {
    switch ((vg_kind)f->kind) {
        case VG_F_STR:
            return *VG_CAT(obj, f->offset, char *) != NULL;
        case VG_F_DATE:
            return VG_CAT(obj, f->offset, vg_date)->year != 0;
        case VG_F_TERM:
            return *VG_CAT(obj, f->offset, vg_term) != 0;
        case VG_F_NUM:
            return !isnan(*VG_CAT(obj, f->offset, double));
        case VG_F_CENTS:
            return *VG_CAT(obj, f->offset, int64_t) >= 0;
        default:
            return 1;
    }
}

static const vg_field *vg_find_field(const vg_type *type, const char *key) {
    for (size_t i = 0; i < type->nfields; i++)
        if (strcmp(type->fields[i].key, key) == 0)
            return &type->fields[i];
    return NULL;
}

/* Keeps an unknown member (key and value, copied into the owner's arena) in
   extras; room is how many members may still come, for the first allocation. */
static int vg_keep_extra(vg_cv *cv, vg_extras *extras, size_t room, const vg_jmember *mem) {
    vg_arena *a = cv->own->arena;
    if (!extras->m) {
        extras->m = vg_arena_alloc(a, room * sizeof *extras->m);
        if (!extras->m)
            return VEILIG_ENOMEM;
    }
    vg_jmember *x = &extras->m[extras->n];
    x->key = vg_arena_strndup(a, mem->key, mem->key_len);
    x->key_len = mem->key_len;
    x->key_pos = mem->key_pos;
    vg_jnode *copy = vg_json_copy(a, &mem->value);
    if (!x->key || !copy)
        return VEILIG_ENOMEM;
    x->value = *copy;
    extras->n++;
    return VEILIG_OK;
}

static int vg_read_object(vg_cv *cv, const vg_jnode *n, const vg_type *type, void *obj,
                          vg_extras *extras) {
    int rc = VEILIG_OK;
    uint64_t failed = 0; /* the fields whose value was refused (when collecting) */
    size_t errs_before = cv->n_errs;
    for (uint32_t i = 0; i < n->len && !rc; i++) {
        const vg_jmember *mem = &n->u.members[i];
        const vg_field *f = vg_find_field(type, mem->key);
        if (!f) {
            /* a key the library does not know: kept as it is */
            if (vg_keep_extra(cv, extras, n->len - i, mem))
                return vg_cv_nomem(cv);
            continue;
        }
        vg_cv_push_key(cv, mem->key);
        rc = vg_read_value(cv, &mem->value, f, obj);
        vg_cv_pop(cv);
        if (rc == VEILIG_ESCHEMA && f - type->fields < 64)
            failed |= (uint64_t)1 << (f - type->fields);
        rc = vg_cv_recover(cv, rc);
    }
    if (rc)
        return rc;
    for (size_t i = 0; i < type->nfields && !rc; i++) {
        const vg_field *f = &type->fields[i];
        if (!(f->flags & VG_REQUIRED) || vg_field_is_set(f, obj) || (i < 64 && (failed >> i & 1)))
            continue;
        /* a key the library does not know, a letter or two off: a typo, most likely */
        const char *typo = NULL;
        for (uint32_t k = 0; k < n->len && !typo; k++) {
            const char *key = n->u.members[k].key;
            size_t d = vg_find_field(type, key) ? (size_t)-1 : vg_edit_distance(key, f->key);
            if (d <= 2 && d < strlen(f->key))
                typo = key;
        }
        if (typo)
            rc = vg_cv_fail(cv, n, VEILIG_ESCHEMA,
                            "a %s needs \"%s\" (missing; did you mean it by \"%s\"?)", type->name,
                            f->key, typo);
        else
            rc = vg_cv_fail(cv, n, VEILIG_ESCHEMA, "a %s needs \"%s\" (missing)", type->name,
                            f->key);
        rc = vg_cv_recover(cv, rc);
    }
    /* the object's own check reads its fields: only when they all were read */
    if (rc || cv->n_errs != errs_before || !type->check)
        return rc;
    return type->check(cv, obj, n);
}

static int vg_window_check(vg_cv *cv, void *obj, const vg_jnode *node) {
    const veilig_window *w = obj;
    if ((w->from < 0) != (w->to < 0))
        return vg_cv_fail(cv, node, VEILIG_ESCHEMA,
                          "a schedule window with hours needs both \"from\" and \"to\"");
    return VEILIG_OK;
}

/* ---- loading ---- */

/* The size of a veilig_load_options of each version (a caller built against
   older headers passes a smaller struct: read only the fields it has). */
static size_t vg_load_options_size(unsigned version) {
    switch (version) {
        case 1:
            return offsetof(veilig_load_options, max_size);
        case 2:
            return offsetof(veilig_load_options, errors);
        case 3:
            return sizeof(veilig_load_options);
        default:
            return 0;
    }
}

int vg_limits_from(vg_limits *lim, const veilig_load_options *opts, const char *source,
                   veilig_error *err) {
    lim->json.max_depth = VEILIG_DEFAULT_MAX_DEPTH;
    lim->json.max_string = VEILIG_DEFAULT_MAX_STRING;
    lim->max_municipalities = VEILIG_DEFAULT_MAX_MUNICIPALITIES;
    lim->max_size = VEILIG_DEFAULT_MAX_SIZE;
    lim->errors = NULL;
    lim->max_errors = 0;
    lim->error_count = NULL;
    lim->source = source ? source : "";
    if (!opts)
        return VEILIG_OK;
    if (!vg_load_options_size(opts->version))
        return vg_error_set(err, VEILIG_EVERSION, "unknown load options version %u", opts->version);
    if (opts->max_depth > VG_JW_MAX_DEPTH)
        return vg_error_set(err, VEILIG_EINVAL,
                            "max_depth %zu is above what documents may nest (%d): what loads "
                            "must also save",
                            opts->max_depth, VG_JW_MAX_DEPTH);
    if (opts->max_depth)
        lim->json.max_depth = opts->max_depth;
    if (opts->max_string)
        lim->json.max_string = opts->max_string;
    if (opts->max_municipalities)
        lim->max_municipalities = opts->max_municipalities;
    if (opts->version >= 2 && opts->max_size)
        lim->max_size = opts->max_size;
    if (opts->version >= 3) {
        if (opts->error_count)
            *opts->error_count = 0;
        if (opts->max_errors && !opts->errors)
            return vg_error_set(err, VEILIG_EINVAL, "max_errors %zu but no errors to fill",
                                opts->max_errors);
        lim->errors = opts->max_errors ? opts->errors : NULL;
        lim->max_errors = opts->max_errors;
        lim->error_count = opts->error_count;
    }
    return VEILIG_OK;
}

veilig_error *vg_limits_err(const vg_limits *lim, veilig_error *err, veilig_error *local) {
    if (err || !lim->errors)
        return err;
    vg_error_clear(local);
    vg_error_set_source(local, lim->source);
    return local;
}

void vg_limits_note(const vg_limits *lim, int rc, const veilig_error *err) {
    if (rc != VEILIG_ESCHEMA || !lim->errors || !err)
        return;
    lim->errors[0] = *err;
    if (lim->error_count)
        *lim->error_count = 1;
}

int veilig_load_options_init(veilig_load_options *opts, unsigned version) {
    size_t size = vg_load_options_size(version);
    if (!opts || !size)
        return opts ? VEILIG_EVERSION : VEILIG_EINVAL;
    memset(opts, 0, size);
    opts->version = version;
    return VEILIG_OK;
}

int veilig_save_options_init(veilig_save_options *opts, unsigned version) {
    if (!opts || version != VEILIG_SAVE_OPTIONS_VERSION)
        return opts ? VEILIG_EVERSION : VEILIG_EINVAL;
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return VEILIG_OK;
}

static int vg_read_municipality(vg_cv *cv, const vg_jnode *n, veilig_municipality **out) {
    int rc = vg_cv_expect(cv, n, VG_JOBJECT, "an object (a municipality)");
    if (rc)
        return rc;
    veilig_municipality *m = vg_municipality_new(cv->reg);
    if (!m)
        return vg_cv_nomem(cv);
    vg_owner *saved = cv->own;
    size_t errs_before = cv->n_errs;
    cv->own = &m->owner;
    rc = vg_read_object(cv, n, &vg_municipality_type, m, &m->h.x);
    cv->own = saved;
    if (!rc && cv->n_errs != errs_before)
        rc = VEILIG_ESCHEMA; /* recorded already: not indexed, not kept */
    if (!rc && vg_municipality_reindex(m))
        rc = vg_cv_nomem(cv);
    if (rc) {
        vg_municipality_free(m);
        return rc;
    }
    *out = m;
    return VEILIG_OK;
}

/* Reads a whole document (root) into reg. */
static int vg_read_document(vg_cv *cv, const vg_jnode *root, const vg_limits *lim) {
    veilig_registry *reg = cv->reg;
    if (root->type != VG_JOBJECT)
        return vg_cv_fail(cv, root, VEILIG_ESCHEMA, "a veilig document is a JSON object, not %s",
                          vg_type_word(root));
    const vg_jmember *fmt = vg_json_get(root, "format");
    const vg_jmember *ver = vg_json_get(root, "version");
    if (!fmt)
        return vg_cv_fail(cv, root, VEILIG_ESCHEMA,
                          "missing \"format\": a veilig document starts with "
                          "\"format\": \"veilig\", \"version\": 1");
    vg_cv_push_key(cv, "format");
    if (fmt->value.type != VG_JSTRING || strcmp(fmt->value.u.str, "veilig") != 0)
        return vg_cv_fail(cv, &fmt->value,
                          fmt->value.type == VG_JSTRING ? VEILIG_EVERSION : VEILIG_ESCHEMA,
                          "the format must be \"veilig\"");
    vg_cv_pop(cv);
    if (!ver)
        return vg_cv_fail(cv, root, VEILIG_ESCHEMA, "missing \"version\" (1)");
    vg_cv_push_key(cv, "version");
    if (ver->value.type != VG_JNUMBER)
        return vg_cv_fail(cv, &ver->value, VEILIG_ESCHEMA, "expected a number, found %s",
                          vg_type_word(&ver->value));
    if (vg_json_number_to_double(ver->value.u.str, ver->value.len) != 1.0)
        return vg_cv_fail(cv, &ver->value, VEILIG_EVERSION,
                          "format version %.20s: this library reads version 1", ver->value.u.str);
    vg_cv_pop(cv);

    int rc = VEILIG_OK;
    for (uint32_t i = 0; i < root->len && !rc; i++) {
        const vg_jmember *mem = &root->u.members[i];
        const vg_jnode *v = &mem->value;
        if (strcmp(mem->key, "format") == 0 || strcmp(mem->key, "version") == 0)
            continue;
        vg_cv_push_key(cv, mem->key);
        if (strcmp(mem->key, "programme") == 0) {
            void *p = NULL;
            rc = vg_cv_recover(cv, vg_read_child(cv, v, &vg_programme_type, reg, &p));
            reg->programme = p;
        } else if (strcmp(mem->key, "municipalities") == 0) {
            rc = vg_cv_expect(cv, v, VG_JARRAY, "an array (of municipalities)");
            if (!rc && v->len > lim->max_municipalities)
                rc = vg_cv_fail(cv, v, VEILIG_ELIMIT, "%u municipalities: at most %zu allowed",
                                v->len, lim->max_municipalities);
            for (uint32_t k = 0; k < v->len && !rc; k++) {
                veilig_municipality *m = NULL;
                vg_cv_push_index(cv, k);
                rc = vg_read_municipality(cv, &v->u.items[k], &m);
                vg_cv_pop(cv);
                if (!rc && vg_registry_attach(reg, m, (size_t)-1)) {
                    vg_municipality_free(m);
                    rc = vg_cv_nomem(cv);
                }
                rc = vg_cv_recover(cv, rc);
            }
        } else {
            if (vg_keep_extra(cv, &reg->h.x, root->len - i, mem))
                rc = vg_cv_nomem(cv);
        }
        vg_cv_pop(cv);
    }
    return rc;
}

int vg_load_tree(veilig_registry **out, const vg_jnode *root, const char *text, size_t len,
                 const vg_limits *lim, veilig_error *err) {
    veilig_registry *reg = NULL;
    int rc = veilig_registry_new(&reg);
    if (rc)
        return vg_error_set(err, rc, "out of memory");
    vg_cv cv = {reg,         &reg->owner,     text, len,        err, 0, {{NULL, 0}}, 0,
                lim->errors, lim->max_errors, 0,    lim->source};
    rc = vg_read_document(&cv, root, lim);
    if (!rc && cv.n_errs)
        rc = VEILIG_ESCHEMA; /* every schema error is recorded; err has the first */
    if (lim->error_count)
        *lim->error_count = rc == VEILIG_ESCHEMA ? cv.n_errs : 0;
    if (rc) {
        veilig_registry_free(reg);
        return rc;
    }
    *out = reg;
    return VEILIG_OK;
}

/* ---- a document read a part at a time (load.c) ---- */

/* The known top-level keys, as bits of vg_reader.seen. */
enum {
    VG_READER_FORMAT = 1,
    VG_READER_VERSION = 2,
    VG_READER_PROGRAMME = 4,
    VG_READER_MUNICIPALITIES = 8
};

struct vg_reader {
    vg_cv cv;
    veilig_error err; /* what stopped a part (load.c reads the document whole then) */
    const vg_limits *lim;
    size_t count;       /* municipalities read */
    unsigned seen;      /* VG_READER_* */
    vg_jmember *extras; /* unknown top-level members, copied into the registry's arena */
    size_t n_extras, cap_extras;
    const vg_load_hook *hook; /* told of each municipality read, or NULL */
};

void vg_reader_set_hook(vg_reader *d, const vg_load_hook *hook) {
    d->hook = hook;
}

int vg_reader_new(vg_reader **out, const vg_limits *lim) {
    vg_reader *d = vg_calloc(1, sizeof *d);
    veilig_registry *reg = NULL;
    if (!d || veilig_registry_new(&reg) != VEILIG_OK) {
        vg_free(d);
        return VEILIG_ENOMEM;
    }
    d->lim = lim;
    d->cv.reg = reg;
    d->cv.own = &reg->owner;
    d->cv.err = &d->err;
    d->cv.source = lim->source;
    *out = d;
    return VEILIG_OK;
}

void vg_reader_free(vg_reader *d) {
    if (!d)
        return;
    veilig_registry_free(d->cv.reg);
    vg_free(d->extras);
    vg_free(d);
}

/* Whether key[0..len) is the NUL-terminated name. */
static int vg_key_is(const char *key, size_t len, const char *name) {
    return strlen(name) == len && memcmp(key, name, len) == 0;
}

/* Marks a known key as read; VEILIG_ESCHEMA when it was read before. */
static int vg_reader_once(vg_reader *d, unsigned bit) {
    if (d->seen & bit)
        return VEILIG_ESCHEMA;
    d->seen |= bit;
    return VEILIG_OK;
}

int vg_reader_municipality(vg_reader *d, const vg_jnode *item) {
    vg_cv *cv = &d->cv;
    if (d->count >= d->lim->max_municipalities)
        return VEILIG_ELIMIT;
    veilig_municipality *m = NULL;
    vg_cv_push_key(cv, "municipalities");
    vg_cv_push_index(cv, d->count);
    int rc = vg_read_municipality(cv, item, &m);
    cv->depth = 0;
    if (!rc && vg_registry_attach(cv->reg, m, (size_t)-1)) {
        vg_municipality_free(m);
        rc = VEILIG_ENOMEM;
    }
    if (!rc && d->hook && d->hook->loaded)
        d->hook->loaded(d->hook->ctx, cv->reg, m, d->count);
    d->count++;
    return rc;
}

int vg_reader_member(vg_reader *d, const char *key, size_t key_len, const vg_jnode *v) {
    vg_cv *cv = &d->cv;
    if (vg_key_is(key, key_len, "format")) {
        if (v->type != VG_JSTRING || strcmp(v->u.str, "veilig") != 0)
            return VEILIG_ESCHEMA;
        return vg_reader_once(d, VG_READER_FORMAT);
    }
    if (vg_key_is(key, key_len, "version")) {
        if (v->type != VG_JNUMBER || vg_json_number_to_double(v->u.str, v->len) != 1.0)
            return VEILIG_ESCHEMA;
        return vg_reader_once(d, VG_READER_VERSION);
    }
    if (vg_key_is(key, key_len, "programme")) {
        if (vg_reader_once(d, VG_READER_PROGRAMME))
            return VEILIG_ESCHEMA;
        void *p = NULL;
        vg_cv_push_key(cv, "programme");
        int rc = vg_read_child(cv, v, &vg_programme_type, cv->reg, &p);
        cv->depth = 0;
        cv->reg->programme = p;
        return rc;
    }
    if (vg_key_is(key, key_len, "municipalities")) {
        /* a list given whole (load.c streams the usual one item by item) */
        int rc = vg_reader_municipalities(d);
        if (rc || v->type != VG_JARRAY)
            return rc ? rc : VEILIG_ESCHEMA;
        for (uint32_t k = 0; k < v->len && !rc; k++)
            rc = vg_reader_municipality(d, &v->u.items[k]);
        return rc;
    }
    if (vg_grow((void **)&d->extras, &d->cap_extras, d->n_extras + 1, sizeof *d->extras))
        return VEILIG_ENOMEM;
    vg_arena *a = cv->reg->owner.arena;
    vg_jmember *x = &d->extras[d->n_extras];
    x->key = vg_arena_strndup(a, key, key_len);
    x->key_len = (uint32_t)key_len;
    x->key_pos = 0;
    vg_jnode *copy = vg_json_copy(a, v);
    if (!x->key || !copy)
        return VEILIG_ENOMEM;
    x->value = *copy;
    d->n_extras++;
    return VEILIG_OK;
}

int vg_reader_municipalities(vg_reader *d) {
    return vg_reader_once(d, VG_READER_MUNICIPALITIES);
}

static int vg_member_cmp(const void *a, const void *b) {
    const vg_jmember *x = *(const vg_jmember *const *)a, *y = *(const vg_jmember *const *)b;
    if (x->key_len != y->key_len)
        return x->key_len < y->key_len ? -1 : 1;
    return memcmp(x->key, y->key, x->key_len);
}

int vg_reader_finish(vg_reader *d, veilig_registry **out) {
    if ((d->seen & (VG_READER_FORMAT | VG_READER_VERSION)) !=
        (VG_READER_FORMAT | VG_READER_VERSION))
        return VEILIG_ESCHEMA;
    veilig_registry *reg = d->cv.reg;
    if (d->n_extras) {
        /* a key twice among the unknown ones: read whole, it is reported */
        const vg_jmember **sorted = vg_malloc(d->n_extras * sizeof *sorted);
        if (!sorted)
            return VEILIG_ENOMEM;
        for (size_t i = 0; i < d->n_extras; i++)
            sorted[i] = &d->extras[i];
        qsort(sorted, d->n_extras, sizeof *sorted, vg_member_cmp);
        int twice = 0;
        for (size_t i = 1; i < d->n_extras && !twice; i++)
            twice = vg_member_cmp(&sorted[i - 1], &sorted[i]) == 0;
        vg_free(sorted);
        if (twice)
            return VEILIG_ESCHEMA;
        reg->h.x.m = vg_arena_alloc(reg->owner.arena, d->n_extras * sizeof *reg->h.x.m);
        if (!reg->h.x.m)
            return VEILIG_ENOMEM;
        memcpy(reg->h.x.m, d->extras, d->n_extras * sizeof *reg->h.x.m);
        reg->h.x.n = (uint32_t)d->n_extras;
    }
    *out = reg;
    d->cv.reg = NULL;
    return VEILIG_OK;
}

/* ---- fragments ---- */

/* Parses a fragment that must be one JSON object. */
static int vg_parse_fragment(vg_jnode **root, vg_arena *tmp, const char *json, size_t len,
                             veilig_error *err) {
    vg_error_clear(err);
    vg_error_set_source(err, "<string>");
    if (!json && len)
        return vg_error_set(err, VEILIG_EINVAL, "no text given");
    vg_limits lim;
    vg_limits_from(&lim, NULL, "<string>", NULL);
    int rc = vg_json_parse(root, tmp, json ? json : "", len, &lim.json, err);
    if (rc == VEILIG_ENOMEM)
        vg_error_set(err, rc, "out of memory");
    return rc;
}

int veilig_registry_add_json(veilig_municipality **out, veilig_registry *reg, const char *json,
                             size_t len, unsigned flags, veilig_error *err) {
    if (out)
        *out = NULL;
    if (!reg)
        return vg_error_set(err, VEILIG_EINVAL, "no registry given");
    vg_arena tmp;
    vg_arena_init(&tmp, len + 256);
    vg_jnode *root = NULL;
    int rc = vg_parse_fragment(&root, &tmp, json, len, err);
    if (!rc)
        rc = vg_registry_add_tree(out, reg, root, json, len, flags, err);
    vg_arena_free(&tmp);
    return rc;
}

int vg_registry_add_tree(veilig_municipality **out, veilig_registry *reg, const vg_jnode *root,
                         const char *text, size_t len, unsigned flags, veilig_error *err) {
    veilig_municipality *m = NULL;
    vg_cv cv = {reg,  &reg->owner, text, len, err, 0, {{NULL, 0}}, !(flags & VEILIG_ADD_AS_LOADED),
                NULL, 0,           0,    NULL};
    int rc = vg_read_municipality(&cv, root, &m);
    if (rc)
        return rc;
    size_t at = (size_t)-1;
    for (size_t i = 0; i < reg->count; i++)
        if (vg_strieq(reg->municipalities[i]->code, m->code)) {
            at = i;
            break;
        }
    if (at != (size_t)-1 && !(flags & VEILIG_ADD_REPLACE)) {
        vg_municipality_free(m);
        vg_error_set(err, VEILIG_EEXISTS, "municipality %s exists (use VEILIG_ADD_REPLACE)",
                     reg->municipalities[at]->code);
        return VEILIG_EEXISTS;
    }
    if (cv.strict && !vg_is_cbs_code(m->code)) {
        vg_error_set(err, VEILIG_EINVAL,
                     "code: \"%s\" is not a CBS municipality code: write GM and four digits "
                     "(Enschede is GM0153)",
                     m->code);
        if (err)
            snprintf(err->pointer, sizeof err->pointer, "/code");
        vg_municipality_free(m);
        return VEILIG_EINVAL;
    }
    rc = vg_registry_attach(reg, m, at);
    if (rc) {
        vg_municipality_free(m);
        return vg_error_set(err, rc, "out of memory");
    }
    if (out)
        *out = m;
    return VEILIG_OK;
}

int veilig_municipality_add_measure_json(veilig_measure **out, veilig_municipality *m,
                                         const char *json, size_t len, unsigned flags,
                                         veilig_error *err) {
    if (out)
        *out = NULL;
    if (!m)
        return vg_error_set(err, VEILIG_EINVAL, "no municipality given");
    vg_arena tmp;
    vg_arena_init(&tmp, len + 256);
    vg_jnode *root = NULL;
    int rc = vg_parse_fragment(&root, &tmp, json, len, err);
    void *child = NULL;
    if (!rc) {
        vg_cv cv = {m->owner.reg, &m->owner, json,        len,
                    err,          0,         {{NULL, 0}}, !(flags & VEILIG_ADD_AS_LOADED),
                    NULL,         0,         0,           NULL};
        rc = vg_read_child(&cv, root, &vg_measure_type, m, &child);
    }
    vg_arena_free(&tmp);
    if (rc)
        return rc;
    veilig_measure *ms = child;
    const veilig_measure *old = veilig_municipality_find_measure(m, ms->id);
    if (old) {
        if (!(flags & VEILIG_ADD_REPLACE))
            return vg_error_set(err, VEILIG_EEXISTS, "measure %s exists (use VEILIG_ADD_REPLACE)",
                                ms->id);
        vg_municipality_replace_measure(m, old->slot, ms);
    } else {
        rc = vg_municipality_attach_measure(m, ms);
        if (rc)
            return vg_error_set(err, rc, "out of memory");
    }
    if (out)
        *out = ms;
    return VEILIG_OK;
}

/* ---- writing ---- */

typedef struct vg_out {
    vg_jwriter w;
    const veilig_registry *reg;
    unsigned flags; /* VEILIG_SAVE_*, and VG_OUT_MEASURES_HELD */
    /* when set, the text goes to this file a municipality at a time
       (vg_out_spill), so that a save never holds the whole document; the
       first failure to write it (errno value, step), after which the rest
       stays in the buffer */
    vg_atomic_file *file;
    int file_err;
    const char *file_step;
} vg_out;

/* What the buffer of a save to a file may hold before it goes to the file
   (its capacity grows to twice that and a municipality at most). */
#define VG_OUT_SPILL ((size_t)256 << 10)

/* A municipality's measures written as the number 0 (when it has any):
   vg_municipality_head_to_json. */
#define VG_OUT_MEASURES_HELD (1u << 30)

static void vg_write_object(vg_out *o, const vg_type *type, const void *obj,
                            const vg_extras *extras);

static void vg_write_term(vg_out *o, int vocab, vg_term t) {
    vg_jw_cstring(&o->w, vg_term_code(o->reg, (veilig_vocab)vocab, t));
}

static void vg_write_date(vg_out *o, vg_date d) {
    char buf[VEILIG_DATE_BUFSIZE];
    veilig_date pd = vg_date_to_public(d);
    if (veilig_date_format(buf, sizeof buf, &pd) != VEILIG_OK)
        buf[0] = '\0';
    vg_jw_cstring(&o->w, buf);
}

static void vg_write_cents(vg_out *o, int64_t cents) {
    char buf[32];
    int n;
    if (cents % 100 == 0)
        n = snprintf(buf, sizeof buf, "%lld", (long long)(cents / 100));
    else if (cents % 10 == 0)
        n = snprintf(buf, sizeof buf, "%lld.%lld", (long long)(cents / 100),
                     (long long)(cents % 100 / 10));
    else
        n = snprintf(buf, sizeof buf, "%lld.%02lld", (long long)(cents / 100),
                     (long long)(cents % 100));
    vg_jw_number_literal(&o->w, buf, (size_t)n);
}

/* Whether an inline sub-object has anything to write. */
static int vg_inline_has(const vg_type *sub, const void *obj, const vg_extras *x) {
    if (x->n)
        return 1;
    for (size_t i = 0; i < sub->nfields; i++) {
        const vg_field *f = &sub->fields[i];
        if (f->kind == VG_F_INLINE) {
            if (vg_inline_has(f->sub, obj, VG_CAT(obj, f->extra_offset, vg_extras)))
                return 1;
        } else if (f->kind == VG_F_TERMS) {
            if (VG_CAT(obj, f->offset, vg_terms)->n)
                return 1;
        } else if (vg_field_is_set(f, obj)) {
            return 1;
        }
    }
    return 0;
}

static int vg_skip_child(const vg_out *o, const vg_type *type, const void *child) {
    return type->personal && (o->flags & VEILIG_SAVE_OMIT_PERSONAL) &&
           ((const veilig_contact *)child)->personal;
}

static void vg_write_field(vg_out *o, const vg_field *f, const void *obj) {
    vg_jwriter *w = &o->w;
    switch ((vg_kind)f->kind) {
        case VG_F_STR: {
            const char *s = *VG_CAT(obj, f->offset, char *);
            if (s) {
                vg_jw_key(w, f->key);
                vg_jw_cstring(w, s);
            }
            return;
        }
        case VG_F_DATE:
            if (VG_CAT(obj, f->offset, vg_date)->year) {
                vg_jw_key(w, f->key);
                vg_write_date(o, *VG_CAT(obj, f->offset, vg_date));
            }
            return;
        case VG_F_TERM:
            if (*VG_CAT(obj, f->offset, vg_term)) {
                vg_jw_key(w, f->key);
                vg_write_term(o, f->vocab, *VG_CAT(obj, f->offset, vg_term));
            }
            return;
        case VG_F_BOOL:
            if (*VG_CAT(obj, f->offset, uint8_t)) {
                vg_jw_key(w, f->key);
                vg_jw_bool(w, 1);
            }
            return;
        case VG_F_TIME: {
            int t = *VG_CAT(obj, f->offset, int16_t);
            if (t >= 0) {
                char buf[8];
                snprintf(buf, sizeof buf, "%02d:%02d", t / 60 % 100, t % 60);
                vg_jw_key(w, f->key);
                vg_jw_cstring(w, buf);
            }
            return;
        }
        case VG_F_NUM: {
            double v = *VG_CAT(obj, f->offset, double);
            if (!isnan(v)) {
                vg_jw_key(w, f->key);
                vg_jw_double(w, v);
            }
            return;
        }
        case VG_F_CENTS: {
            int64_t c = *VG_CAT(obj, f->offset, int64_t);
            if (c >= 0) {
                vg_jw_key(w, f->key);
                vg_write_cents(o, c);
            }
            return;
        }
        case VG_F_TERMS: {
            const vg_terms *l = VG_CAT(obj, f->offset, vg_terms);
            if (l->n) {
                vg_jw_key(w, f->key);
                vg_jw_begin_array(w);
                for (uint32_t i = 0; i < l->n; i++)
                    vg_write_term(o, f->vocab, l->v[i]);
                vg_jw_end_array(w);
            }
            return;
        }
        case VG_F_IDS: {
            const vg_strs *l = VG_CAT(obj, f->offset, vg_strs);
            if (l->n) {
                vg_jw_key(w, f->key);
                vg_jw_begin_array(w);
                for (uint32_t i = 0; i < l->n; i++)
                    vg_jw_cstring(w, l->v[i]);
                vg_jw_end_array(w);
            }
            return;
        }
        case VG_F_LIST: {
            const vg_list *l = VG_CAT(obj, f->offset, vg_list);
            if (f->sub == &vg_measure_type && (o->flags & VG_OUT_MEASURES_HELD)) {
                if (l->n) { /* in their place, a mark that they are there */
                    vg_jw_key(w, f->key);
                    vg_jw_int(w, 0);
                }
                return;
            }
            uint32_t shown = 0;
            for (uint32_t i = 0; i < l->n; i++)
                shown += !vg_skip_child(o, f->sub, l->v[i]);
            if (shown) {
                vg_jw_key(w, f->key);
                vg_jw_begin_array(w);
                for (uint32_t i = 0; i < l->n; i++)
                    if (!vg_skip_child(o, f->sub, l->v[i]))
                        vg_write_object(o, f->sub, l->v[i], &((const vg_obj *)l->v[i])->x);
                vg_jw_end_array(w);
            }
            return;
        }
        case VG_F_ONE: {
            const void *child = *VG_CAT(obj, f->offset, void *);
            if (child && !vg_skip_child(o, f->sub, child)) {
                vg_jw_key(w, f->key);
                vg_write_object(o, f->sub, child, &((const vg_obj *)child)->x);
            }
            return;
        }
        case VG_F_INLINE: {
            const vg_extras *x = VG_CAT(obj, f->extra_offset, vg_extras);
            if (vg_inline_has(f->sub, obj, x)) {
                vg_jw_key(w, f->key);
                vg_write_object(o, f->sub, obj, x);
            }
            return;
        }
    }
}

static void vg_write_extras(vg_out *o, const vg_extras *x) {
    for (uint32_t i = 0; i < x->n; i++) {
        vg_jw_key(&o->w, x->m[i].key);
        vg_jw_node(&o->w, &x->m[i].value);
    }
}

static void vg_write_object(vg_out *o, const vg_type *type, const void *obj,
                            const vg_extras *extras) {
    vg_jw_begin_object(&o->w);
    for (size_t i = 0; i < type->nfields; i++)
        vg_write_field(o, &type->fields[i], obj);
    vg_write_extras(o, extras);
    vg_jw_end_object(&o->w);
}

static int vg_out_begin(vg_out *o, vg_buf *buf, const veilig_registry *reg,
                        const veilig_save_options *opts, veilig_error *err) {
    vg_error_clear(err);
    unsigned flags = 0;
    if (opts) {
        if (opts->version != VEILIG_SAVE_OPTIONS_VERSION)
            return vg_error_set(err, VEILIG_EVERSION, "unknown save options version %u",
                                opts->version);
        flags = opts->flags;
    }
    vg_buf_init(buf);
    unsigned wf = 0;
    if (flags & VEILIG_SAVE_COMPACT)
        wf |= VG_JW_COMPACT;
    if (flags & VEILIG_SAVE_ASCII)
        wf |= VG_JW_ASCII;
    vg_jw_init(&o->w, buf, wf);
    o->reg = reg;
    o->flags = flags;
    o->file = NULL;
    o->file_err = 0;
    o->file_step = NULL;
    return VEILIG_OK;
}

static int vg_out_finish(char **out, size_t *len, vg_buf *buf, veilig_error *err) {
    vg_buf_putc(buf, '\n');
    *out = vg_buf_finish(buf, len);
    if (!*out)
        return vg_error_set(err, VEILIG_ENOMEM, "out of memory");
    return VEILIG_OK;
}

/* Sends what the buffer holds to o->file once it is large (the writer reads
   nothing back from the buffer: it may start again empty). */
static void vg_out_spill(vg_out *o) {
    vg_buf *b = o->w.buf;
    if (!o->file || o->file_err || b->failed || b->len < VG_OUT_SPILL)
        return;
    o->file_err = vg_atomic_put(o->file, b->data, b->len, &o->file_step);
    b->len = 0;
    b->data[0] = '\0';
}

/* Writes the whole document into buf (and o->file when set). */
static void vg_write_document(vg_out *o, const veilig_registry *reg) {
    vg_jwriter *w = &o->w;
    vg_jw_begin_object(w);
    vg_jw_key(w, "format");
    vg_jw_cstring(w, "veilig");
    vg_jw_key(w, "version");
    vg_jw_int(w, 1);
    if (reg->programme) {
        vg_jw_key(w, "programme");
        vg_write_object(o, &vg_programme_type, reg->programme, &reg->programme->h.x);
    }
    if (reg->count) {
        vg_jw_key(w, "municipalities");
        vg_jw_begin_array(w);
        for (size_t i = 0; i < reg->count; i++) {
            vg_write_object(o, &vg_municipality_type, reg->municipalities[i],
                            &reg->municipalities[i]->h.x);
            vg_out_spill(o);
        }
        vg_jw_end_array(w);
    }
    vg_write_extras(o, &reg->h.x);
    vg_jw_end_object(w);
}

int veilig_registry_dump(char **out, size_t *len, const veilig_registry *reg,
                         const veilig_save_options *opts, veilig_error *err) {
    if (out)
        *out = NULL;
    if (!out || !reg)
        return vg_error_set(err, VEILIG_EINVAL, "no output pointer or no registry given");
    vg_out o;
    vg_buf buf;
    int rc = vg_out_begin(&o, &buf, reg, opts, err);
    if (rc)
        return rc;
    vg_write_document(&o, reg);
    return vg_out_finish(out, len, &buf, err);
}

int veilig_municipality_to_json(char **out, size_t *len, const veilig_municipality *m,
                                const veilig_save_options *opts, veilig_error *err) {
    if (out)
        *out = NULL;
    if (!out || !m)
        return vg_error_set(err, VEILIG_EINVAL, "no output pointer or no municipality given");
    vg_out o;
    vg_buf buf;
    int rc = vg_out_begin(&o, &buf, m->owner.reg, opts, err);
    if (rc)
        return rc;
    vg_write_object(&o, &vg_municipality_type, m, &m->h.x);
    return vg_out_finish(out, len, &buf, err);
}

int vg_programme_to_json(char **out, size_t *len, const veilig_registry *reg) {
    *out = NULL;
    if (!reg->programme)
        return VEILIG_ENOTFOUND;
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = VEILIG_SAVE_COMPACT;
    vg_out o;
    vg_buf buf;
    int rc = vg_out_begin(&o, &buf, reg, &so, NULL);
    if (rc)
        return rc;
    vg_write_object(&o, &vg_programme_type, reg->programme, &reg->programme->h.x);
    return vg_out_finish(out, len, &buf, NULL);
}

int vg_municipality_head_to_json(char **out, size_t *len, const veilig_municipality *m) {
    *out = NULL;
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = VEILIG_SAVE_COMPACT;
    vg_out o;
    vg_buf buf;
    int rc = vg_out_begin(&o, &buf, m->owner.reg, &so, NULL);
    if (rc)
        return rc;
    o.flags |= VG_OUT_MEASURES_HELD;
    vg_write_object(&o, &vg_municipality_type, m, &m->h.x);
    return vg_out_finish(out, len, &buf, NULL);
}

/* ---- whether two objects are written alike, without writing them ---- */

static int vg_str_same(const char *a, const char *b) {
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Terms by their codes: the registries number unknown codes each their own way. */
static int vg_term_same(const veilig_registry *ra, const veilig_registry *rb, int vocab, vg_term a,
                        vg_term b) {
    if (ra == rb && a == b)
        return 1;
    return vg_str_same(vg_term_code(ra, (veilig_vocab)vocab, a),
                       vg_term_code(rb, (veilig_vocab)vocab, b));
}

static int vg_object_same(const vg_type *type, const void *a, const veilig_registry *ra,
                          const vg_extras *xa, const void *b, const veilig_registry *rb,
                          const vg_extras *xb);

/* Whether field f is written alike for a and b (a "no" may be wrong; a "yes"
   is not). */
static int vg_field_same(const vg_field *f, const void *a, const veilig_registry *ra, const void *b,
                         const veilig_registry *rb) {
    switch ((vg_kind)f->kind) {
        case VG_F_STR:
            return vg_str_same(*VG_CAT(a, f->offset, char *), *VG_CAT(b, f->offset, char *));
        case VG_F_DATE: {
            const vg_date *x = VG_CAT(a, f->offset, vg_date), *y = VG_CAT(b, f->offset, vg_date);
            return x->year == y->year && x->month == y->month && x->day == y->day;
        }
        case VG_F_TERM:
            return vg_term_same(ra, rb, f->vocab, *VG_CAT(a, f->offset, vg_term),
                                *VG_CAT(b, f->offset, vg_term));
        case VG_F_BOOL:
            return *VG_CAT(a, f->offset, uint8_t) == *VG_CAT(b, f->offset, uint8_t);
        case VG_F_TIME:
            return *VG_CAT(a, f->offset, int16_t) == *VG_CAT(b, f->offset, int16_t);
        case VG_F_NUM: {
            double x = *VG_CAT(a, f->offset, double), y = *VG_CAT(b, f->offset, double);
            return (isnan(x) && isnan(y)) || memcmp(&x, &y, sizeof x) == 0;
        }
        case VG_F_CENTS:
            return *VG_CAT(a, f->offset, int64_t) == *VG_CAT(b, f->offset, int64_t);
        case VG_F_TERMS: {
            const vg_terms *x = VG_CAT(a, f->offset, vg_terms), *y = VG_CAT(b, f->offset, vg_terms);
            if (x->n != y->n)
                return 0;
            for (uint32_t i = 0; i < x->n; i++)
                if (!vg_term_same(ra, rb, f->vocab, x->v[i], y->v[i]))
                    return 0;
            return 1;
        }
        case VG_F_IDS: {
            const vg_strs *x = VG_CAT(a, f->offset, vg_strs), *y = VG_CAT(b, f->offset, vg_strs);
            if (x->n != y->n)
                return 0;
            for (uint32_t i = 0; i < x->n; i++)
                if (!vg_str_same(x->v[i], y->v[i]))
                    return 0;
            return 1;
        }
        case VG_F_LIST: {
            const vg_list *x = VG_CAT(a, f->offset, vg_list), *y = VG_CAT(b, f->offset, vg_list);
            if (x->n != y->n)
                return 0;
            for (uint32_t i = 0; i < x->n; i++)
                if (!vg_object_same(f->sub, x->v[i], ra, &((const vg_obj *)x->v[i])->x, y->v[i], rb,
                                    &((const vg_obj *)y->v[i])->x))
                    return 0;
            return 1;
        }
        case VG_F_ONE: {
            const void *x = *VG_CAT(a, f->offset, void *), *y = *VG_CAT(b, f->offset, void *);
            if (!x || !y)
                return x == y;
            return vg_object_same(f->sub, x, ra, &((const vg_obj *)x)->x, y, rb,
                                  &((const vg_obj *)y)->x);
        }
        case VG_F_INLINE:
            return vg_object_same(f->sub, a, ra, VG_CAT(a, f->extra_offset, vg_extras), b, rb,
                                  VG_CAT(b, f->extra_offset, vg_extras));
    }
    return 0;
}

static int vg_object_same(const vg_type *type, const void *a, const veilig_registry *ra,
                          const vg_extras *xa, const void *b, const veilig_registry *rb,
                          const vg_extras *xb) {
    if (xa->n || xb->n)
        return 0; /* unknown members: left to the writer */
    for (size_t i = 0; i < type->nfields; i++)
        if (!vg_field_same(&type->fields[i], a, ra, b, rb))
            return 0;
    return 1;
}

int vg_municipality_heads_same(const veilig_municipality *a, const veilig_municipality *b) {
    const veilig_registry *ra = a->owner.reg, *rb = b->owner.reg;
    if (a->h.x.n || b->h.x.n)
        return 0;
    for (size_t i = 0; i < vg_municipality_type.nfields; i++) {
        const vg_field *f = &vg_municipality_type.fields[i];
        if (f->sub != &vg_measure_type && !vg_field_same(f, a, ra, b, rb))
            return 0;
    }
    return 1;
}

int vg_measures_same(const veilig_measure *a, const veilig_measure *b) {
    return vg_object_same(&vg_measure_type, a, a->h.own->reg, &a->h.x, b, b->h.own->reg, &b->h.x);
}

int veilig_measure_to_json(char **out, size_t *len, const veilig_measure *ms,
                           const veilig_save_options *opts, veilig_error *err) {
    if (out)
        *out = NULL;
    if (!out || !ms)
        return vg_error_set(err, VEILIG_EINVAL, "no output pointer or no measure given");
    vg_out o;
    vg_buf buf;
    int rc = vg_out_begin(&o, &buf, ms->h.own->reg, opts, err);
    if (rc)
        return rc;
    vg_write_object(&o, &vg_measure_type, ms, &ms->h.x);
    return vg_out_finish(out, len, &buf, err);
}

/* ---- the texts of a registry, with where they stand ---- */

/* Walks what the writer writes (vg_write_*), personal contacts included,
   calling k->fn for each string; the pointer is a chain of frames on the C
   stack, written out only when asked (vg_tpath_format). */

struct vg_tpath {
    const vg_tpath *up;
    const char *key; /* NULL: an array index */
    size_t n;        /* the key's length, or the index */
};

typedef struct vg_walk {
    const veilig_registry *reg;
    vg_text_fn fn;
    void *ctx;
    int stop;
    vg_key_fn key_fn; /* vg_registry_each_unknown_key: instead of fn */
} vg_walk;

void vg_tpath_format(vg_buf *b, const vg_tpath *p) {
    if (!p)
        return;
    vg_tpath_format(b, p->up);
    if (p->key)
        vg_json_pointer_append(b, p->key, p->n);
    else
        vg_buf_printf(b, "/%zu", p->n);
}

static void vg_walk_text(vg_walk *k, const vg_tpath *p, const char *s, size_t len, int key) {
    if (!k->stop && s && k->fn)
        k->stop = k->fn(k->ctx, p, s, len, key);
}

static void vg_walk_node(vg_walk *k, const vg_tpath *p, const vg_jnode *n);

static void vg_walk_members(vg_walk *k, const vg_tpath *p, const vg_jmember *m, uint32_t n) {
    for (uint32_t i = 0; i < n && !k->stop; i++) {
        vg_tpath c = {p, m[i].key, m[i].key_len};
        vg_walk_text(k, &c, m[i].key, m[i].key_len, 1);
        vg_walk_node(k, &c, &m[i].value);
    }
}

static void vg_walk_node(vg_walk *k, const vg_tpath *p, const vg_jnode *n) {
    if (n->type == VG_JSTRING) {
        vg_walk_text(k, p, n->u.str, n->len, 0);
    } else if (n->type == VG_JARRAY) {
        for (uint32_t i = 0; i < n->len && !k->stop; i++) {
            vg_tpath c = {p, NULL, i};
            vg_walk_node(k, &c, &n->u.items[i]);
        }
    } else if (n->type == VG_JOBJECT) {
        vg_walk_members(k, p, n->u.members, n->len);
    }
}

/* An unknown vocabulary code is a text of the document; a known one is the library's. */
static void vg_walk_term(vg_walk *k, const vg_tpath *p, int vocab, vg_term t) {
    if (t & VG_TERM_UNKNOWN) {
        const char *code = vg_term_code(k->reg, (veilig_vocab)vocab, t);
        vg_walk_text(k, p, code, code ? strlen(code) : 0, 0);
    }
}

static void vg_walk_object(vg_walk *k, const vg_tpath *p, const vg_type *type, const void *obj,
                           const vg_extras *x);

static void vg_walk_field(vg_walk *k, const vg_tpath *p, const vg_field *f, const void *obj) {
    vg_tpath c = {p, f->key, strlen(f->key)};
    switch ((vg_kind)f->kind) {
        case VG_F_STR: {
            const char *s = *VG_CAT(obj, f->offset, char *);
            vg_walk_text(k, &c, s, s ? strlen(s) : 0, 0);
            return;
        }
        case VG_F_TERM:
            vg_walk_term(k, &c, f->vocab, *VG_CAT(obj, f->offset, vg_term));
            return;
        case VG_F_TERMS: {
            const vg_terms *l = VG_CAT(obj, f->offset, vg_terms);
            for (uint32_t i = 0; i < l->n; i++) {
                vg_tpath e = {&c, NULL, i};
                vg_walk_term(k, &e, f->vocab, l->v[i]);
            }
            return;
        }
        case VG_F_IDS: {
            const vg_strs *l = VG_CAT(obj, f->offset, vg_strs);
            for (uint32_t i = 0; i < l->n; i++) {
                vg_tpath e = {&c, NULL, i};
                vg_walk_text(k, &e, l->v[i], strlen(l->v[i]), 0);
            }
            return;
        }
        case VG_F_LIST: {
            const vg_list *l = VG_CAT(obj, f->offset, vg_list);
            for (uint32_t i = 0; i < l->n && !k->stop; i++) {
                vg_tpath e = {&c, NULL, i};
                vg_walk_object(k, &e, f->sub, l->v[i], &((const vg_obj *)l->v[i])->x);
            }
            return;
        }
        case VG_F_ONE: {
            const void *child = *VG_CAT(obj, f->offset, void *);
            if (child)
                vg_walk_object(k, &c, f->sub, child, &((const vg_obj *)child)->x);
            return;
        }
        case VG_F_INLINE:
            vg_walk_object(k, &c, f->sub, obj, VG_CAT(obj, f->extra_offset, vg_extras));
            return;
        default: /* dates, times, numbers, amounts, booleans: written by the library */
            return;
    }
}

/* The known key of type nearest to key, a letter or two off (a typo, most
   likely: the criterion of a missing required key's "did you mean"); NULL
   when none is. */
static const char *vg_nearest_key(const vg_type *type, const char *key) {
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < type->nfields; i++) {
        const char *known = type->fields[i].key;
        size_t d = vg_edit_distance(key, known);
        if (d < best_d && d < strlen(known)) {
            best_d = d;
            best = known;
        }
    }
    return best;
}

static void vg_walk_object(vg_walk *k, const vg_tpath *p, const vg_type *type, const void *obj,
                           const vg_extras *x) {
    for (size_t i = 0; i < type->nfields && !k->stop; i++)
        vg_walk_field(k, p, &type->fields[i], obj);
    if (k->key_fn) {
        for (uint32_t i = 0; i < x->n && !k->stop; i++) {
            vg_tpath c = {p, x->m[i].key, x->m[i].key_len};
            k->stop =
                k->key_fn(k->ctx, &c, x->m[i].key, type->name, vg_nearest_key(type, x->m[i].key));
        }
        return;
    }
    vg_walk_members(k, p, x->m, x->n);
}

/* The walk over the objects of reg, after the programme and the municipalities. */
static int vg_walk_registry(vg_walk *k, const veilig_registry *reg) {
    if (reg->programme) {
        vg_tpath c = {NULL, "programme", 9};
        vg_walk_object(k, &c, &vg_programme_type, reg->programme, &reg->programme->h.x);
    }
    vg_tpath ms = {NULL, "municipalities", 14};
    for (size_t i = 0; i < reg->count && !k->stop; i++) {
        vg_tpath c = {&ms, NULL, i};
        vg_walk_object(k, &c, &vg_municipality_type, reg->municipalities[i],
                       &reg->municipalities[i]->h.x);
    }
    if (!k->key_fn)
        vg_walk_members(k, NULL, reg->h.x.m, reg->h.x.n);
    return k->stop;
}

int vg_registry_each_text(const veilig_registry *reg, vg_text_fn fn, void *ctx) {
    vg_walk k = {reg, fn, ctx, 0, NULL};
    return vg_walk_registry(&k, reg);
}

int vg_registry_each_unknown_key(const veilig_registry *reg, vg_key_fn fn, void *ctx) {
    vg_walk k = {reg, NULL, ctx, 0, fn};
    return vg_walk_registry(&k, reg);
}

/* ---- atomic save ---- */

/* The message of a failed atomic write (e: errno value, step as
   vg_atomic_write's), err's source path. */
static int vg_save_failed(veilig_error *err, const char *path, const char *tmp, const char *step,
                          int e) {
    if (strncmp(step, "create", 6) == 0)
        return vg_error_set(err, VEILIG_EIO, "cannot %s %s: %s", step, path, strerror(e));
    return vg_error_set(err, VEILIG_EIO, "cannot %s %s: %s (the old file is untouched)", step,
                        strcmp(step, "rename over") == 0 ? path : tmp, strerror(e));
}

/* Writes data to path atomically (veilig_save_text), through the utility layer's one writer
   (util/atomic.h); err's source is path. */
static int vg_save_atomic(const char *path, const char *data, size_t len, veilig_error *err) {
    vg_error_set_source(err, path);
    size_t tsize = strlen(path) + VG_ATOMIC_TMP_EXTRA;
    char *tmp = vg_malloc(tsize);
    if (!tmp)
        return vg_error_set(err, VEILIG_ENOMEM, "out of memory");
    const char *step = NULL;
    int e = vg_atomic_write(path, tmp, tsize, data, len, NULL, 0, 0, &step);
    int rc = e ? vg_save_failed(err, path, tmp, step, e) : VEILIG_OK;
    vg_free(tmp);
    return rc;
}

/* The document written to path as it is made (256 KiB at a time), into a
   temporary file renamed over path at the end: the whole text is never in
   memory, and a failure leaves path as it was. */
int veilig_registry_save_file(const veilig_registry *reg, const char *path,
                              const veilig_save_options *opts, veilig_error *err) {
    vg_error_clear(err);
    vg_error_set_source(err, path ? path : "");
    if (!reg || !path || !*path)
        return vg_error_set(err, VEILIG_EINVAL, "no registry or no path given");
    vg_out o;
    vg_buf buf;
    int rc = vg_out_begin(&o, &buf, reg, opts, err);
    vg_error_set_source(err, path); /* vg_out_begin cleared it */
    if (rc)
        return rc;
    size_t tsize = strlen(path) + VG_ATOMIC_TMP_EXTRA;
    char *tmp = vg_malloc(tsize);
    if (!tmp)
        return vg_error_set(err, VEILIG_ENOMEM, "out of memory");
    vg_atomic_file f;
    const char *step = NULL;
    int e = vg_atomic_open(&f, path, tmp, tsize, &step);
    if (!e) {
        o.file = &f;
        vg_write_document(&o, reg);
        vg_buf_putc(&buf, '\n');
        if (o.file_err) {
            e = o.file_err;
            step = o.file_step;
        } else if (buf.failed) {
            rc = vg_error_set(err, VEILIG_ENOMEM, "out of memory");
        } else {
            e = vg_atomic_put(&f, buf.data, buf.len, &step);
            if (!e)
                e = vg_atomic_commit(&f, 0, &step);
        }
        vg_atomic_abort(&f); /* removes the temporary file unless committed */
    }
    if (e)
        rc = vg_save_failed(err, path, tmp, step, e);
    vg_buf_free(&buf);
    vg_free(tmp);
    return rc;
}

int veilig_save_text(const char *path, const char *data, size_t len, veilig_error *err) {
    vg_error_clear(err);
    vg_error_set_source(err, path ? path : "");
    if (!path || !*path || (!data && len))
        return vg_error_set(err, VEILIG_EINVAL, "no path or no data given");
    return vg_save_atomic(path, data ? data : "", len, err);
}
