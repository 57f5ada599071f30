/*
 * libveilig Lua binding, model: the fields of registries, municipalities,
 * measures, stakeholders and indicators, each with its getter and setter,
 * and every lookup of a field by name (vl_find_field, vl_apply_table).
 *
 * Field names are those of the JSON format (m.code, ms.category,
 * ms.schedule); a nested value that has a setter of its own has a dotted name
 * ("membership.joined", "area.name", "baseline.value"). Vocabulary values are
 * their codes (strings), dates are strings ("2021-12"), times "HH:MM",
 * amounts numbers of euros (and ms.budget_cents an integer). Lists are always
 * tables (empty when there is nothing); an absent optional value is nil. The
 * small records (contacts, sources, policy links, exclusions, schedule
 * windows, partners, observations, the programme) are plain tables, made
 * afresh on every access.
 *
 * Layer: model (over core, JSON and lveilig_values.c); it calls nothing of a layer above it. The
 * layers are listed in lveilig.h and bindings/lua/README.md.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lveilig.h"

/* ---- pushing values ---- */

static void push_str(lua_State *L, const char *s) {
    if (s != NULL)
        lua_pushstring(L, s);
    else
        lua_pushnil(L);
}

/* Pushes a date (when rc is VEILIG_OK) as text, else nil. */
static void push_date(lua_State *L, int rc, const veilig_date *d) {
    char buf[VEILIG_DATE_BUFSIZE];
    if (rc == VEILIG_OK && veilig_date_format(buf, sizeof buf, d) == VEILIG_OK)
        lua_pushstring(L, buf);
    else
        lua_pushnil(L);
}

/* t[k] = s for the table on top, when s is not NULL. */
static void tset_str(lua_State *L, const char *k, const char *s) {
    if (s != NULL) {
        lua_pushstring(L, s);
        lua_setfield(L, -2, k);
    }
}

static void tset_date(lua_State *L, const char *k, int rc, const veilig_date *d) {
    push_date(L, rc, d);
    lua_setfield(L, -2, k);
}

/* t[k] = "HH:MM" for the table on top, when minutes >= 0. */
static void tset_time(lua_State *L, const char *k, int minutes) {
    char buf[16];
    if (minutes < 0)
        return;
    snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    lua_pushstring(L, buf);
    lua_setfield(L, -2, k);
}

/* t[k] = {start, end} for the table on top, when either date is present. */
static void tset_period(lua_State *L, const char *k, int rs, const veilig_date *start, int re,
                        const veilig_date *end) {
    if (rs != VEILIG_OK && re != VEILIG_OK)
        return;
    lua_createtable(L, 0, 2);
    tset_date(L, "start", rs, start);
    tset_date(L, "end", re, end);
    lua_setfield(L, -2, k);
}

/* A list of codes (or strings): count and code of index. */
typedef struct vl_list {
    veilig_vocab vocab; /* 0 for a list of plain strings */
    size_t (*count)(const void *o);
    const char *(*code)(const void *o, size_t i);
    int (*add_value)(void *o, int value);      /* codes */
    int (*add_string)(void *o, const char *s); /* strings */
    int (*remove)(void *o, size_t i);
} vl_list;

static void push_list(lua_State *L, const void *o, const vl_list *l) {
    size_t i, n = l->count(o);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        push_str(L, l->code(o, i));
        lua_rawseti(L, -2, (int)i + 1);
    }
}

static int euros_to_cents(double euros, int64_t *cents, vl_why *why) {
    double c = euros * 100.0;
    double r = floor(c + 0.5);
    if (!isfinite(c) || c < 0 || r > 9.0e17)
        return vl_fail(why, VEILIG_EINVAL, "an amount must be a finite number of euros, >= 0");
    if (fabs(c - r) > 1e-6 * (r > 1.0 ? r : 1.0))
        return vl_fail(why, VEILIG_EINVAL, "an amount has at most two decimals (whole cents)");
    *cents = (int64_t)r;
    return VEILIG_OK;
}

/* Replaces a list with the strings (codes) of the table at v (nil: empty). */
static int set_list(lua_State *L, void *o, int v, const vl_list *l, vl_why *why) {
    int values[64];
    size_t i, n = 0;
    int rc;
    if (!lua_isnil(L, v) && !lua_istable(L, v))
        return vl_type_fail(L, v, why, "table (a list of strings) or nil");
    if (!lua_isnil(L, v))
        n = lua_rawlen(L, v);
    /* check everything first, so that a bad list changes nothing */
    for (i = 1; i <= n; i++) {
        const char *s;
        size_t j;
        lua_rawgeti(L, v, (int)i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            rc = vl_type_fail(L, -1, why, "list of strings");
            lua_pop(L, 1);
            return rc;
        }
        s = lua_tostring(L, -1);
        if (*s == '\0')
            rc = vl_fail(why, VEILIG_EINVAL, "empty string in the list");
        else
            rc = VEILIG_OK;
        for (j = 1; j < i && rc == VEILIG_OK; j++) {
            lua_rawgeti(L, v, (int)j);
            if (strcmp(lua_tostring(L, -1), s) == 0)
                rc = vl_fail(why, VEILIG_EINVAL, "'%s' is in the list twice", s);
            lua_pop(L, 1);
        }
        if (rc == VEILIG_OK && l->vocab != 0) {
            values[i - 1] = veilig_vocab_from_code(l->vocab, s);
            if (values[i - 1] == 0)
                rc = vl_fail_unknown_code(why, l->vocab, s);
        }
        lua_pop(L, 1);
        if (rc != VEILIG_OK)
            return rc;
        if (i >= sizeof values / sizeof values[0] && l->vocab != 0)
            return vl_fail(why, VEILIG_EINVAL, "too many codes");
    }
    while (l->count(o) > 0) {
        rc = l->remove(o, l->count(o) - 1);
        if (rc != VEILIG_OK)
            return vl_check_status(rc, why);
    }
    for (i = 1; i <= n; i++) {
        if (l->vocab != 0) {
            rc = l->add_value(o, values[i - 1]);
        } else {
            lua_rawgeti(L, v, (int)i);
            rc = l->add_string(o, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        if (rc != VEILIG_OK)
            return vl_check_status(rc, why);
    }
    return VEILIG_OK;
}

/* ---- field generators ---- */

/* A text field: veilig_T_f and veilig_T_set_f. */
#define VL_STR(T, f)                                                                               \
    static void get_##T##_##f(lua_State *L, const void *o, int self) {                             \
        (void)self;                                                                                \
        push_str(L, veilig_##T##_##f((const veilig_##T *)o));                                      \
    }                                                                                              \
    static int set_##T##_##f(lua_State *L, void *o, int v, vl_why *why) {                          \
        const char *s;                                                                             \
        int rc = vl_opt_string(L, v, &s, why);                                                     \
        return rc != VEILIG_OK ? rc                                                                \
                               : vl_check_status(veilig_##T##_set_##f((veilig_##T *)o, s), why);   \
    }

/* A vocabulary field: veilig_T_f_code and veilig_T_set_f (enum E). */
#define VL_CODE(T, f, vocab, E)                                                                    \
    static void get_##T##_##f(lua_State *L, const void *o, int self) {                             \
        (void)self;                                                                                \
        push_str(L, veilig_##T##_##f##_code((const veilig_##T *)o));                               \
    }                                                                                              \
    static int set_##T##_##f(lua_State *L, void *o, int v, vl_why *why) {                          \
        int x = 0;                                                                                 \
        int rc = vl_opt_code(L, v, vocab, &x, why);                                                \
        return rc != VEILIG_OK                                                                     \
                   ? rc                                                                            \
                   : vl_check_status(veilig_##T##_set_##f((veilig_##T *)o, (E)x), why);            \
    }

/* A date field: veilig_T_f(&d, o) and veilig_T_set_f(o, &d or NULL). */
#define VL_DATE(T, f)                                                                              \
    static void get_##T##_##f(lua_State *L, const void *o, int self) {                             \
        veilig_date d;                                                                             \
        int rc = veilig_##T##_##f(&d, (const veilig_##T *)o);                                      \
        (void)self;                                                                                \
        push_date(L, rc, &d);                                                                      \
    }                                                                                              \
    static int set_##T##_##f(lua_State *L, void *o, int v, vl_why *why) {                          \
        veilig_date d;                                                                             \
        const veilig_date *p;                                                                      \
        int rc = vl_opt_date(L, v, &d, &p, why);                                                   \
        return rc != VEILIG_OK ? rc                                                                \
                               : vl_check_status(veilig_##T##_set_##f((veilig_##T *)o, p), why);   \
    }

/* A number field: veilig_T_f(&x, o), veilig_T_set_f(o, x), veilig_T_clear_f(o). */
#define VL_NUMBER(T, f)                                                                            \
    static void get_##T##_##f(lua_State *L, const void *o, int self) {                             \
        double x;                                                                                  \
        (void)self;                                                                                \
        if (veilig_##T##_##f(&x, (const veilig_##T *)o) == VEILIG_OK)                              \
            lua_pushnumber(L, (lua_Number)x);                                                      \
        else                                                                                       \
            lua_pushnil(L);                                                                        \
    }                                                                                              \
    static int set_##T##_##f(lua_State *L, void *o, int v, vl_why *why) {                          \
        double x = 0;                                                                              \
        int present;                                                                               \
        int rc = vl_opt_number(L, v, &x, &present, why);                                           \
        if (rc != VEILIG_OK)                                                                       \
            return rc;                                                                             \
        if (!present) {                                                                            \
            veilig_##T##_clear_##f((veilig_##T *)o);                                               \
            return VEILIG_OK;                                                                      \
        }                                                                                          \
        return vl_check_status(veilig_##T##_set_##f((veilig_##T *)o, x), why);                     \
    }

/* A list of codes: veilig_T_f_count, _f_code, veilig_T_add_f, veilig_T_remove_f. */
#define VL_CODES(T, f, vocab, E)                                                                   \
    static size_t count_##T##_##f(const void *o) {                                                 \
        return veilig_##T##_##f##_count((const veilig_##T *)o);                                    \
    }                                                                                              \
    static const char *code_##T##_##f(const void *o, size_t i) {                                   \
        return veilig_##T##_##f##_code((const veilig_##T *)o, i);                                  \
    }                                                                                              \
    static int add_##T##_##f(void *o, int x) {                                                     \
        return veilig_##T##_add_##f((veilig_##T *)o, (E)x);                                        \
    }                                                                                              \
    static int remove_##T##_##f(void *o, size_t i) {                                               \
        return veilig_##T##_remove_##f((veilig_##T *)o, i);                                        \
    }                                                                                              \
    static const vl_list list_##T##_##f = {vocab, count_##T##_##f, code_##T##_##f, add_##T##_##f,  \
                                           NULL,  remove_##T##_##f};                               \
    static void get_##T##_##f(lua_State *L, const void *o, int self) {                             \
        (void)self;                                                                                \
        push_list(L, o, &list_##T##_##f);                                                          \
    }                                                                                              \
    static int set_##T##_##f(lua_State *L, void *o, int v, vl_why *why) {                          \
        return set_list(L, o, v, &list_##T##_##f, why);                                            \
    }

#define VL_FIELD(name, T, f)                                                                       \
    { name, get_##T##_##f, set_##T##_##f }
#define VL_GETTER(name, fn)                                                                        \
    { name, fn, NULL }

/* ---- records ---- */

static void push_contact(lua_State *L, const veilig_contact *c) {
    lua_createtable(L, 0, 6);
    tset_str(L, "stakeholder", veilig_contact_stakeholder(c));
    tset_str(L, "role", veilig_contact_role_code(c));
    tset_str(L, "name", veilig_contact_name(c));
    tset_str(L, "phone", veilig_contact_phone(c));
    tset_str(L, "email", veilig_contact_email(c));
    lua_pushboolean(L, veilig_contact_personal(c));
    lua_setfield(L, -2, "personal");
}

static void push_source(lua_State *L, const veilig_source *r) {
    veilig_date d;
    int rc = veilig_source_retrieved(&d, r);
    lua_createtable(L, 0, 4);
    tset_str(L, "title", veilig_source_title(r));
    tset_str(L, "publisher", veilig_source_publisher(r));
    tset_str(L, "url", veilig_source_url(r));
    tset_date(L, "retrieved", rc, &d);
}

static void push_exclusion(lua_State *L, const veilig_exclusion *x) {
    lua_createtable(L, 0, 2);
    tset_str(L, "approach", veilig_exclusion_approach_code(x));
    tset_str(L, "reason", veilig_exclusion_reason(x));
}

static void push_policy_link(lua_State *L, const veilig_policy_link *l) {
    lua_createtable(L, 0, 4);
    tset_str(L, "name", veilig_policy_link_name(l));
    tset_str(L, "kind", veilig_policy_link_kind_code(l));
    tset_str(L, "relation", veilig_policy_link_relation_code(l));
    tset_str(L, "note", veilig_policy_link_note(l));
}

static void push_window(lua_State *L, const veilig_window *w) {
    size_t i, n;
    lua_createtable(L, 0, 5);
    n = veilig_window_day_count(w);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        push_str(L, veilig_window_day_code(w, i));
        lua_rawseti(L, -2, (int)i + 1);
    }
    lua_setfield(L, -2, "days");
    n = veilig_window_daypart_count(w);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        push_str(L, veilig_window_daypart_code(w, i));
        lua_rawseti(L, -2, (int)i + 1);
    }
    lua_setfield(L, -2, "dayparts");
    tset_time(L, "from", veilig_window_from(w));
    tset_time(L, "to", veilig_window_to(w));
    tset_str(L, "note", veilig_window_note(w));
}

static void push_partner(lua_State *L, const veilig_partner *p) {
    lua_createtable(L, 0, 3);
    tset_str(L, "stakeholder", veilig_partner_stakeholder(p));
    tset_str(L, "role", veilig_partner_role_code(p));
    tset_str(L, "note", veilig_partner_note(p));
}

static void push_observation(lua_State *L, const veilig_observation *o) {
    veilig_date d;
    double x;
    int rc = veilig_observation_date(&d, o);
    lua_createtable(L, 0, 4);
    tset_date(L, "date", rc, &d);
    if (veilig_observation_value(&x, o) == VEILIG_OK) {
        lua_pushnumber(L, (lua_Number)x);
        lua_setfield(L, -2, "value");
    }
    tset_str(L, "source", veilig_observation_source(o));
    tset_str(L, "note", veilig_observation_note(o));
}

/* Generates a getter for a list of records: get_T_f pushes {push(child(o, 0)), ...}. */
#define VL_RECORDS(T, f, count_fn, child_fn, push_fn)                                              \
    static void get_##T##_##f(lua_State *L, const void *o, int self) {                             \
        size_t i, n = count_fn((const veilig_##T *)o);                                             \
        (void)self;                                                                                \
        lua_createtable(L, (int)n, 0);                                                             \
        for (i = 0; i < n; i++) {                                                                  \
            push_fn(L, child_fn((const veilig_##T *)o, i));                                        \
            lua_rawseti(L, -2, (int)i + 1);                                                        \
        }                                                                                          \
    }

void vl_push_programme(lua_State *L, const veilig_registry *reg) {
    const veilig_programme *p = veilig_registry_programme(reg);
    const veilig_contact *c;
    size_t i, n;
    if (p == NULL) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 4);
    tset_str(L, "name", veilig_programme_name(p));
    tset_str(L, "operator", veilig_programme_operator(p));
    c = veilig_programme_contact(p);
    if (c != NULL) {
        push_contact(L, c);
        lua_setfield(L, -2, "contact");
    }
    n = veilig_programme_source_count(p);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        push_source(L, veilig_programme_source(p, i));
        lua_rawseti(L, -2, (int)i + 1);
    }
    lua_setfield(L, -2, "sources");
}

/* ---- registry ---- */

static void get_registry_version(lua_State *L, const void *o, int self) {
    (void)self;
    lua_pushinteger(L, veilig_registry_version((const veilig_registry *)o));
}

static void get_registry_programme(lua_State *L, const void *o, int self) {
    (void)self;
    vl_push_programme(L, (const veilig_registry *)o);
}

static void get_registry_programme_name(lua_State *L, const void *o, int self) {
    (void)self;
    push_str(L, veilig_programme_name(veilig_registry_programme((const veilig_registry *)o)));
}

static void get_registry_programme_operator(lua_State *L, const void *o, int self) {
    (void)self;
    push_str(L, veilig_programme_operator(veilig_registry_programme((const veilig_registry *)o)));
}

/* Sets programme.name or .operator, making the programme block when needed. */
static int set_programme_text(lua_State *L, void *o, int v, vl_why *why, int operator_) {
    veilig_programme *p = veilig_registry_programme_mut((veilig_registry *)o);
    const char *s;
    int rc = vl_opt_string(L, v, &s, why);
    if (rc != VEILIG_OK)
        return rc;
    if (p == NULL && s == NULL)
        return VEILIG_OK;
    if (p == NULL && (rc = veilig_registry_set_programme(&p, (veilig_registry *)o)) != VEILIG_OK)
        return vl_check_status(rc, why);
    return vl_check_status(
        operator_ ? veilig_programme_set_operator(p, s) : veilig_programme_set_name(p, s), why);
}

static int set_registry_programme_name(lua_State *L, void *o, int v, vl_why *why) {
    return set_programme_text(L, o, v, why, 0);
}

static int set_registry_programme_operator(lua_State *L, void *o, int v, vl_why *why) {
    return set_programme_text(L, o, v, why, 1);
}

static const vl_field registry_fields[] = {
    VL_GETTER("version", get_registry_version),
    VL_GETTER("programme", get_registry_programme),
    VL_FIELD("programme.name", registry, programme_name),
    VL_FIELD("programme.operator", registry, programme_operator),
    {NULL, NULL, NULL}};

/* ---- municipality ---- */

VL_STR(municipality, code)
VL_STR(municipality, name)
VL_STR(municipality, official_name)
VL_STR(municipality, province)
VL_DATE(municipality, membership_joined)
VL_DATE(municipality, membership_start)
VL_DATE(municipality, membership_end)
VL_CODE(municipality, membership_status, VEILIG_VOCAB_MEMBERSHIP_STATUS, veilig_membership_status)
VL_STR(municipality, membership_note)
VL_STR(municipality, summary)
VL_STR(municipality, ambition)
VL_CODES(municipality, target_group, VEILIG_VOCAB_TARGET_GROUP, veilig_target_group)
VL_CODES(municipality, setting, VEILIG_VOCAB_SETTING, veilig_setting)
VL_CODES(municipality, focus, VEILIG_VOCAB_APPROACH, veilig_approach)
VL_RECORDS(municipality, excluded, veilig_municipality_exclusion_count,
           veilig_municipality_exclusion, push_exclusion)
VL_RECORDS(municipality, policy_links, veilig_municipality_policy_link_count,
           veilig_municipality_policy_link, push_policy_link)
VL_RECORDS(municipality, contacts, veilig_municipality_contact_count, veilig_municipality_contact,
           push_contact)
VL_RECORDS(municipality, sources, veilig_municipality_source_count, veilig_municipality_source,
           push_source)

static void get_municipality_membership(lua_State *L, const void *o, int self) {
    const veilig_municipality *m = (const veilig_municipality *)o;
    veilig_date joined, start, end;
    int rj = veilig_municipality_membership_joined(&joined, m);
    int rs = veilig_municipality_membership_start(&start, m);
    int re = veilig_municipality_membership_end(&end, m);
    const char *status = veilig_municipality_membership_status_code(m);
    const char *note = veilig_municipality_membership_note(m);
    (void)self;
    if (rj != VEILIG_OK && rs != VEILIG_OK && re != VEILIG_OK && status == NULL && note == NULL) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 4);
    tset_date(L, "joined", rj, &joined);
    tset_period(L, "period", rs, &start, re, &end);
    tset_str(L, "status", status);
    tset_str(L, "note", note);
}

static void get_municipality_scope(lua_State *L, const void *o, int self) {
    (void)self;
    lua_createtable(L, 0, 2);
    push_list(L, o, &list_municipality_target_group);
    lua_setfield(L, -2, "target_groups");
    push_list(L, o, &list_municipality_setting);
    lua_setfield(L, -2, "settings");
}

static void get_municipality_registry(lua_State *L, const void *o, int self) {
    (void)o;
    vl_push_registry(L, self);
}

static void get_municipality_index(lua_State *L, const void *o, int self) {
    const veilig_municipality *m = (const veilig_municipality *)o;
    (void)self;
    lua_pushinteger(L,
                    (lua_Integer)veilig_registry_index_of(veilig_municipality_registry(m), m) + 1);
}

static void get_municipality_measure_count(lua_State *L, const void *o, int self) {
    (void)self;
    lua_pushinteger(L,
                    (lua_Integer)veilig_municipality_measure_count((const veilig_municipality *)o));
}

static void get_municipality_stakeholder_count(lua_State *L, const void *o, int self) {
    (void)self;
    lua_pushinteger(
        L, (lua_Integer)veilig_municipality_stakeholder_count((const veilig_municipality *)o));
}

static void get_municipality_indicator_count(lua_State *L, const void *o, int self) {
    (void)self;
    lua_pushinteger(
        L, (lua_Integer)veilig_municipality_indicator_count((const veilig_municipality *)o));
}

static const vl_field municipality_fields[] = {
    VL_FIELD("code", municipality, code),
    VL_FIELD("name", municipality, name),
    VL_FIELD("official_name", municipality, official_name),
    VL_FIELD("province", municipality, province),
    VL_GETTER("membership", get_municipality_membership),
    VL_FIELD("membership.joined", municipality, membership_joined),
    VL_FIELD("membership.period.start", municipality, membership_start),
    VL_FIELD("membership.period.end", municipality, membership_end),
    VL_FIELD("membership.status", municipality, membership_status),
    VL_FIELD("membership.note", municipality, membership_note),
    VL_FIELD("summary", municipality, summary),
    VL_FIELD("ambition", municipality, ambition),
    VL_GETTER("scope", get_municipality_scope),
    VL_FIELD("scope.target_groups", municipality, target_group),
    VL_FIELD("scope.settings", municipality, setting),
    VL_FIELD("focus", municipality, focus),
    VL_GETTER("excluded", get_municipality_excluded),
    VL_GETTER("policy_links", get_municipality_policy_links),
    VL_GETTER("contacts", get_municipality_contacts),
    VL_GETTER("sources", get_municipality_sources),
    VL_GETTER("measure_count", get_municipality_measure_count),
    VL_GETTER("stakeholder_count", get_municipality_stakeholder_count),
    VL_GETTER("indicator_count", get_municipality_indicator_count),
    VL_GETTER("registry", get_municipality_registry),
    VL_GETTER("index", get_municipality_index),
    {NULL, NULL, NULL}};

/* ---- measure ---- */

VL_STR(measure, id)
VL_STR(measure, name)
VL_STR(measure, description)
VL_CODE(measure, category, VEILIG_VOCAB_CATEGORY, veilig_category)
VL_CODES(measure, target_group, VEILIG_VOCAB_TARGET_GROUP, veilig_target_group)
VL_CODES(measure, setting, VEILIG_VOCAB_SETTING, veilig_setting)
VL_STR(measure, area_name)
VL_STR(measure, area_note)
VL_CODE(measure, status, VEILIG_VOCAB_MEASURE_STATE, veilig_measure_state)
VL_DATE(measure, period_start)
VL_DATE(measure, period_end)
VL_CODE(measure, evidence, VEILIG_VOCAB_EVIDENCE, veilig_evidence)
VL_RECORDS(measure, schedule, veilig_measure_window_count, veilig_measure_window, push_window)
VL_RECORDS(measure, partners, veilig_measure_partner_count, veilig_measure_partner, push_partner)

/* The approach: as stored, or the category's usual one when the document gives none. */
static void get_measure_approach(lua_State *L, const void *o, int self) {
    const veilig_measure *ms = (const veilig_measure *)o;
    const char *code = veilig_measure_approach_code(ms);
    (void)self;
    push_str(L, code != NULL ? code : veilig_approach_code(veilig_measure_approach(ms)));
}

static int set_measure_approach(lua_State *L, void *o, int v, vl_why *why) {
    int x = 0;
    int rc = vl_opt_code(L, v, VEILIG_VOCAB_APPROACH, &x, why);
    return rc != VEILIG_OK
               ? rc
               : vl_check_status(
                     veilig_measure_set_approach((veilig_measure *)o, (veilig_approach)x), why);
}

static size_t count_measure_indicators(const void *o) {
    return veilig_measure_indicator_count((const veilig_measure *)o);
}
static const char *string_measure_indicators(const void *o, size_t i) {
    return veilig_measure_indicator((const veilig_measure *)o, i);
}
static int add_measure_indicators(void *o, const char *s) {
    return veilig_measure_add_indicator((veilig_measure *)o, s);
}
static int remove_measure_indicators(void *o, size_t i) {
    return veilig_measure_remove_indicator((veilig_measure *)o, i);
}
static const vl_list list_measure_indicators = {
    0,    count_measure_indicators, string_measure_indicators,
    NULL, add_measure_indicators,   remove_measure_indicators};

static void get_measure_indicators(lua_State *L, const void *o, int self) {
    (void)self;
    push_list(L, o, &list_measure_indicators);
}

static int set_measure_indicators(lua_State *L, void *o, int v, vl_why *why) {
    return set_list(L, o, v, &list_measure_indicators, why);
}

static void get_measure_area(lua_State *L, const void *o, int self) {
    const veilig_measure *ms = (const veilig_measure *)o;
    const char *name = veilig_measure_area_name(ms), *note = veilig_measure_area_note(ms);
    (void)self;
    if (name == NULL && note == NULL) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 2);
    tset_str(L, "name", name);
    tset_str(L, "note", note);
}

static void get_measure_period(lua_State *L, const void *o, int self) {
    const veilig_measure *ms = (const veilig_measure *)o;
    veilig_date start, end;
    int rs = veilig_measure_period_start(&start, ms);
    int re = veilig_measure_period_end(&end, ms);
    (void)self;
    if (rs != VEILIG_OK && re != VEILIG_OK) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 2);
    tset_date(L, "start", rs, &start);
    tset_date(L, "end", re, &end);
}

static void get_measure_budget(lua_State *L, const void *o, int self) {
    const veilig_measure *ms = (const veilig_measure *)o;
    veilig_date start, end;
    int64_t cents;
    int rs, re;
    (void)self;
    if (veilig_measure_budget_cents(&cents, ms) != VEILIG_OK) {
        lua_pushnil(L);
        return;
    }
    rs = veilig_measure_budget_start(&start, ms);
    re = veilig_measure_budget_end(&end, ms);
    lua_createtable(L, 0, 3);
    lua_pushnumber(L, (lua_Number)cents / 100);
    lua_setfield(L, -2, "amount");
    tset_str(L, "currency", veilig_measure_budget_currency(ms));
    tset_period(L, "period", rs, &start, re, &end);
}

static void get_measure_budget_cents(lua_State *L, const void *o, int self) {
    int64_t cents;
    (void)self;
    if (veilig_measure_budget_cents(&cents, (const veilig_measure *)o) == VEILIG_OK)
        lua_pushinteger(L, (lua_Integer)cents);
    else
        lua_pushnil(L);
}

static void get_measure_budget_amount(lua_State *L, const void *o, int self) {
    int64_t cents;
    (void)self;
    if (veilig_measure_budget_cents(&cents, (const veilig_measure *)o) == VEILIG_OK)
        lua_pushnumber(L, (lua_Number)cents / 100);
    else
        lua_pushnil(L);
}

static void get_measure_budget_currency(lua_State *L, const void *o, int self) {
    (void)self;
    push_str(L, veilig_measure_budget_currency((const veilig_measure *)o));
}

static void get_measure_budget_start(lua_State *L, const void *o, int self) {
    veilig_date d;
    int rc = veilig_measure_budget_start(&d, (const veilig_measure *)o);
    (void)self;
    push_date(L, rc, &d);
}

static void get_measure_budget_end(lua_State *L, const void *o, int self) {
    veilig_date d;
    int rc = veilig_measure_budget_end(&d, (const veilig_measure *)o);
    (void)self;
    push_date(L, rc, &d);
}

/*
 * Sets the budget to cents (keeping its currency, or currency when not
 * NULL; "EUR" for a new budget without one). The current currency is copied
 * first: the setter replaces the string it would be borrowed from.
 */
static int set_budget(veilig_measure *ms, int64_t cents, const char *currency, vl_why *why) {
    char keep[64];
    if (currency == NULL) {
        const char *cur = veilig_measure_budget_currency(ms);
        if (cur != NULL && strlen(cur) < sizeof keep) {
            memcpy(keep, cur, strlen(cur) + 1);
            currency = keep;
        }
    }
    if (cents < 0)
        return vl_fail(why, VEILIG_EINVAL, "an amount cannot be negative");
    return vl_check_status(veilig_measure_set_budget(ms, cents, currency), why);
}

/* budget = {amount = euros | cents = n, currency = "EUR", period = {start =, end =}} or nil. */
static int set_measure_budget(lua_State *L, void *o, int v, vl_why *why) {
    veilig_measure *ms = (veilig_measure *)o;
    veilig_date ds, de;
    const veilig_date *ps = NULL, *pe = NULL;
    const char *currency = NULL;
    int64_t cents = 0;
    int rc = VEILIG_OK, top = lua_gettop(L);
    if (lua_isnil(L, v)) {
        veilig_measure_clear_budget(ms);
        return VEILIG_OK;
    }
    if (!lua_istable(L, v))
        return vl_type_fail(L, v, why, "table {amount, currency, period} or nil");
    vl_raw_field(L, v, "amount");
    vl_raw_field(L, v, "cents");
    vl_raw_field(L, v, "currency");
    vl_raw_field(L, v, "period");
    if (lua_isnil(L, top + 1) == lua_isnil(L, top + 2))
        rc = vl_fail(why, VL_ETYPE, "a budget needs an amount (euros) or cents, not both");
    else if (!lua_isnil(L, top + 1) && lua_type(L, top + 1) != LUA_TNUMBER)
        rc = vl_type_fail(L, top + 1, why, "number (amount)");
    else if (!lua_isnil(L, top + 1))
        rc = euros_to_cents((double)lua_tonumber(L, top + 1), &cents, why);
    else if (!vlc_isinteger(L, top + 2))
        rc = vl_type_fail(L, top + 2, why, "integer (cents)");
    else
        cents = (int64_t)lua_tointeger(L, top + 2);
    if (rc == VEILIG_OK)
        rc = vl_opt_string(L, top + 3, &currency, why);
    if (rc == VEILIG_OK && !lua_isnil(L, top + 4)) {
        if (!lua_istable(L, top + 4)) {
            rc = vl_type_fail(L, top + 4, why, "table {start, end} (period)");
        } else {
            vl_raw_field(L, top + 4, "start");
            vl_raw_field(L, top + 4, "end");
            rc = vl_opt_date(L, top + 5, &ds, &ps, why);
            if (rc == VEILIG_OK)
                rc = vl_opt_date(L, top + 6, &de, &pe, why);
        }
    }
    if (rc == VEILIG_OK)
        rc = cents < 0 ? vl_fail(why, VEILIG_EINVAL, "an amount cannot be negative")
                       : vl_check_status(veilig_measure_set_budget(ms, cents, currency), why);
    if (rc == VEILIG_OK)
        rc = vl_check_status(veilig_measure_set_budget_period(ms, ps, pe), why);
    lua_settop(L, top);
    return rc;
}

static int set_measure_budget_cents(lua_State *L, void *o, int v, vl_why *why) {
    if (lua_isnil(L, v)) {
        veilig_measure_clear_budget((veilig_measure *)o);
        return VEILIG_OK;
    }
    if (!vlc_isinteger(L, v))
        return vl_type_fail(L, v, why, "integer or nil");
    return set_budget((veilig_measure *)o, (int64_t)lua_tointeger(L, v), NULL, why);
}

static int set_measure_budget_amount(lua_State *L, void *o, int v, vl_why *why) {
    double x = 0;
    int64_t cents = 0;
    int present;
    int rc = vl_opt_number(L, v, &x, &present, why);
    if (rc != VEILIG_OK)
        return rc;
    if (!present) {
        veilig_measure_clear_budget((veilig_measure *)o);
        return VEILIG_OK;
    }
    rc = euros_to_cents(x, &cents, why);
    return rc != VEILIG_OK ? rc : set_budget((veilig_measure *)o, cents, NULL, why);
}

static int set_measure_budget_currency(lua_State *L, void *o, int v, vl_why *why) {
    veilig_measure *ms = (veilig_measure *)o;
    const char *s;
    int64_t cents;
    int rc = vl_opt_string(L, v, &s, why);
    if (rc != VEILIG_OK)
        return rc;
    if (veilig_measure_budget_cents(&cents, ms) != VEILIG_OK)
        return vl_fail(why, VEILIG_ENOTFOUND, "the measure has no budget (set budget first)");
    return vl_check_status(veilig_measure_set_budget(ms, cents, s), why);
}

/* budget.period.start and .end: the other end is kept. */
static int set_budget_period_end(lua_State *L, void *o, int v, vl_why *why, int end) {
    veilig_measure *ms = (veilig_measure *)o;
    veilig_date d, other;
    const veilig_date *p;
    int has_other;
    int rc = vl_opt_date(L, v, &d, &p, why);
    if (rc != VEILIG_OK)
        return rc;
    has_other = (end ? veilig_measure_budget_start(&other, ms)
                     : veilig_measure_budget_end(&other, ms)) == VEILIG_OK;
    rc = end ? veilig_measure_set_budget_period(ms, has_other ? &other : NULL, p)
             : veilig_measure_set_budget_period(ms, p, has_other ? &other : NULL);
    if (rc == VEILIG_ENOTFOUND)
        return vl_fail(why, rc, "the measure has no budget (set budget first)");
    return vl_check_status(rc, why);
}

static int set_measure_budget_start(lua_State *L, void *o, int v, vl_why *why) {
    return set_budget_period_end(L, o, v, why, 0);
}

static int set_measure_budget_end(lua_State *L, void *o, int v, vl_why *why) {
    return set_budget_period_end(L, o, v, why, 1);
}

static void get_measure_municipality(lua_State *L, const void *o, int self) {
    void *m = (void *)veilig_measure_municipality((const veilig_measure *)o);
    vl_push_handle(L, self, VL_MUNICIPALITY, m, m);
}

static const vl_field measure_fields[] = {VL_FIELD("id", measure, id),
                                          VL_FIELD("name", measure, name),
                                          VL_FIELD("description", measure, description),
                                          VL_FIELD("category", measure, category),
                                          VL_FIELD("approach", measure, approach),
                                          VL_FIELD("target_groups", measure, target_group),
                                          VL_FIELD("settings", measure, setting),
                                          VL_GETTER("area", get_measure_area),
                                          VL_FIELD("area.name", measure, area_name),
                                          VL_FIELD("area.note", measure, area_note),
                                          VL_GETTER("schedule", get_measure_schedule),
                                          VL_GETTER("partners", get_measure_partners),
                                          VL_FIELD("status", measure, status),
                                          VL_GETTER("period", get_measure_period),
                                          VL_FIELD("period.start", measure, period_start),
                                          VL_FIELD("period.end", measure, period_end),
                                          VL_FIELD("budget", measure, budget),
                                          VL_FIELD("budget_cents", measure, budget_cents),
                                          VL_FIELD("budget.amount", measure, budget_amount),
                                          VL_FIELD("budget.currency", measure, budget_currency),
                                          VL_FIELD("budget.period.start", measure, budget_start),
                                          VL_FIELD("budget.period.end", measure, budget_end),
                                          VL_FIELD("evidence", measure, evidence),
                                          VL_FIELD("indicators", measure, indicators),
                                          VL_GETTER("municipality", get_measure_municipality),
                                          {NULL, NULL, NULL}};

/* ---- stakeholder ---- */

VL_STR(stakeholder, id)
VL_STR(stakeholder, name)
VL_CODE(stakeholder, kind, VEILIG_VOCAB_STAKEHOLDER_TYPE, veilig_stakeholder_type)
VL_CODES(stakeholder, role, VEILIG_VOCAB_ROLE, veilig_role)
VL_STR(stakeholder, parent)
VL_STR(stakeholder, note)

static void get_stakeholder_municipality(lua_State *L, const void *o, int self) {
    void *m = (void *)veilig_stakeholder_municipality((const veilig_stakeholder *)o);
    vl_push_handle(L, self, VL_MUNICIPALITY, m, m);
}

static const vl_field stakeholder_fields[] = {
    VL_FIELD("id", stakeholder, id),
    VL_FIELD("name", stakeholder, name),
    VL_FIELD("kind", stakeholder, kind),
    VL_FIELD("roles", stakeholder, role),
    VL_FIELD("parent", stakeholder, parent),
    VL_FIELD("note", stakeholder, note),
    VL_GETTER("municipality", get_stakeholder_municipality),
    {NULL, NULL, NULL}};

/* ---- indicator ---- */

VL_STR(indicator, id)
VL_STR(indicator, name)
VL_CODE(indicator, level, VEILIG_VOCAB_RESULT_LEVEL, veilig_result_level)
VL_CODE(indicator, unit, VEILIG_VOCAB_UNIT, veilig_unit)
VL_CODE(indicator, direction, VEILIG_VOCAB_DIRECTION, veilig_direction)
VL_DATE(indicator, baseline_date)
VL_NUMBER(indicator, baseline_value)
VL_STR(indicator, baseline_note)
VL_DATE(indicator, target_date)
VL_NUMBER(indicator, target_value)
VL_RECORDS(indicator, observations, veilig_indicator_observation_count,
           veilig_indicator_observation, push_observation)

static void get_indicator_baseline(lua_State *L, const void *o, int self) {
    const veilig_indicator *ind = (const veilig_indicator *)o;
    veilig_date d;
    double x;
    int rd = veilig_indicator_baseline_date(&d, ind);
    int rv = veilig_indicator_baseline_value(&x, ind);
    const char *note = veilig_indicator_baseline_note(ind);
    (void)self;
    if (rd != VEILIG_OK && rv != VEILIG_OK && note == NULL) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 3);
    tset_date(L, "date", rd, &d);
    if (rv == VEILIG_OK) {
        lua_pushnumber(L, (lua_Number)x);
        lua_setfield(L, -2, "value");
    }
    tset_str(L, "note", note);
}

static void get_indicator_target(lua_State *L, const void *o, int self) {
    const veilig_indicator *ind = (const veilig_indicator *)o;
    veilig_date d;
    double x;
    int rd = veilig_indicator_target_date(&d, ind);
    int rv = veilig_indicator_target_value(&x, ind);
    (void)self;
    if (rd != VEILIG_OK && rv != VEILIG_OK) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 2);
    tset_date(L, "date", rd, &d);
    if (rv == VEILIG_OK) {
        lua_pushnumber(L, (lua_Number)x);
        lua_setfield(L, -2, "value");
    }
}

static void get_indicator_municipality(lua_State *L, const void *o, int self) {
    void *m = (void *)veilig_indicator_municipality((const veilig_indicator *)o);
    vl_push_handle(L, self, VL_MUNICIPALITY, m, m);
}

static const vl_field indicator_fields[] = {VL_FIELD("id", indicator, id),
                                            VL_FIELD("name", indicator, name),
                                            VL_FIELD("level", indicator, level),
                                            VL_FIELD("unit", indicator, unit),
                                            VL_FIELD("direction", indicator, direction),
                                            VL_GETTER("baseline", get_indicator_baseline),
                                            VL_FIELD("baseline.date", indicator, baseline_date),
                                            VL_FIELD("baseline.value", indicator, baseline_value),
                                            VL_FIELD("baseline.note", indicator, baseline_note),
                                            VL_GETTER("target", get_indicator_target),
                                            VL_FIELD("target.date", indicator, target_date),
                                            VL_FIELD("target.value", indicator, target_value),
                                            VL_GETTER("observations", get_indicator_observations),
                                            VL_GETTER("municipality", get_indicator_municipality),
                                            {NULL, NULL, NULL}};

/* ---- looking fields up ---- */

const vl_field *vl_fields(int kind) {
    switch (kind) {
        case VL_REGISTRY:
            return registry_fields;
        case VL_MUNICIPALITY:
            return municipality_fields;
        case VL_MEASURE:
            return measure_fields;
        case VL_STAKEHOLDER:
            return stakeholder_fields;
        default:
            return indicator_fields;
    }
}

const vl_field *vl_find_field(int kind, const char *name, size_t len) {
    const vl_field *f;
    for (f = vl_fields(kind); f->name != NULL; f++)
        if (strlen(f->name) == len && memcmp(f->name, name, len) == 0)
            return f;
    return NULL;
}

int vl_has_subfields(int kind, const char *prefix, size_t len) {
    const vl_field *f;
    for (f = vl_fields(kind); f->name != NULL; f++)
        if (strncmp(f->name, prefix, len) == 0 && f->name[len] == '.' && f->set != NULL)
            return 1;
    return 0;
}

static int apply_table(lua_State *L, int kind, void *obj, int t, const char *prefix,
                       const char *const *skip, vl_why *why) {
    lua_pushnil(L);
    while (lua_next(L, t)) {
        char name[128];
        const char *key;
        const vl_field *f;
        const char *const *s;
        int rc = VEILIG_OK, skipped = 0;
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 2);
            return vl_fail(why, VL_ETYPE, "field names must be strings");
        }
        key = lua_tostring(L, -2);
        for (s = skip; s != NULL && *s != NULL; s++)
            skipped |= strcmp(*s, key) == 0;
        if (skipped) {
            lua_pop(L, 1);
            continue;
        }
        if ((size_t)snprintf(name, sizeof name, "%s%s%s", prefix, *prefix ? "." : "", key) >=
            sizeof name) {
            lua_pop(L, 2);
            return vl_fail(why, VL_ETYPE, "unknown field '%s'", key);
        }
        f = vl_find_field(kind, name, strlen(name));
        if (f != NULL && f->set != NULL)
            rc = f->set(L, obj, lua_gettop(L), why);
        else if (lua_istable(L, -1) && vl_has_subfields(kind, name, strlen(name)))
            rc = apply_table(L, kind, obj, lua_gettop(L), name, NULL, why);
        else
            rc = vl_fail(why, VL_ETYPE, "unknown field '%s'", name);
        if (rc != VEILIG_OK) {
            if (f != NULL && f->set != NULL) {
                char reason[sizeof why->msg];
                memcpy(reason, why->msg, sizeof reason);
                snprintf(why->msg, sizeof why->msg, "%.60s: %.420s", name, reason);
            }
            lua_pop(L, 2);
            return rc;
        }
        lua_pop(L, 1);
    }
    return VEILIG_OK;
}

int vl_apply_table(lua_State *L, int kind, void *obj, int t, const char *const *skip, vl_why *why) {
    return apply_table(L, kind, obj, lua_absindex(L, t), "", skip, why);
}
