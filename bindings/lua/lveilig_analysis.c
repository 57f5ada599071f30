/*
 * libveilig Lua binding: analyses and renderings (include/veilig/query.h,
 * analysis.h, report.h).
 *
 * Every analysis comes to Lua the same way. A method reads its options
 * (raising on bad ones), calls vl_analysis_begin, which allocates everything
 * the rest of the call needs, takes its C pointers, runs the analysis into
 * the box begin gave it and hands the status to vl_analysis_end. That renders
 * the result as JSON (veilig_<x>_to_json), decodes it into plain tables and
 * lets the analysis add what the JSON only names by code or id (the objects,
 * as userdata, under keys ending in "_object") or rounds (a peer's
 * similarity). Decoding and adding allocate, and an allocation may run a
 * __gc metamethod while the result still points into the registries it was
 * computed from: that part runs with those registries busy (lveilig.h), under
 * lua_pcall, so that no finalizer can free what the result points at.
 *
 * Renderings (reg:render_list, m:render, reg:export, reg:report_html,
 * reg:save_report) render into a box allocated before the C pointers are
 * taken, and return the text.
 *
 * Options are tables read raw; an unknown option, a value of the wrong type
 * and a value that is not a value of its kind (a date that is not a date, a
 * day that is not a day, a format a rendering does not offer) raise. What
 * goes wrong while running (a municipality that is not there, a file that
 * cannot be written) comes back as nil, message, details.
 *
 * Layer: on top (over core, JSON and the model); it calls nothing of a layer above it. The
 * layers are listed in lveilig.h and bindings/lua/README.md.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lveilig.h"

/* ---- running an analysis ---- */

/* How vl_analysis_end makes tables of a result. */
typedef struct vl_analysis {
    void (*free)(void *res);
    /* the result as JSON; NULL: the table starts empty and extra fills it */
    int (*to_json)(char **out, size_t *len, const void *res);
    /*
     * Adds to the table at t what the JSON leaves out (NULL: nothing); a and
     * b are the userdata (registries or objects) whose registries the
     * result's objects belong to. Runs with those registries busy.
     */
    void (*extra)(lua_State *L, const void *res, int t, int a, int b);
} vl_analysis;

/*
 * Runs with the registries busy, under lua_pcall: (analysis, result box,
 * JSON box, a, b) -> the table, or nil, message, details.
 */
static int l_analysis_finish(lua_State *L) {
    const vl_analysis *an = (const vl_analysis *)lua_touserdata(L, 1);
    vl_box *res = (vl_box *)lua_touserdata(L, 2);
    vl_box *json = (vl_box *)lua_touserdata(L, 3);
    if (an->to_json != NULL) {
        char *text = NULL;
        int rc = an->to_json(&text, &json->len, res->p);
        json->p = text;
        if (rc != VEILIG_OK || text == NULL) {
            vl_box_clear(res);
            vl_box_clear(json);
            return vl_push_error(L, rc != VEILIG_OK ? rc : VEILIG_ENOMEM, NULL, NULL);
        }
        vl_json_decode(L, text, json->len);
        vl_box_clear(json);
    } else {
        lua_newtable(L);
    }
    if (an->extra != NULL)
        an->extra(L, res->p, lua_gettop(L), 4, 5);
    vl_box_clear(res);
    return 1;
}

/*
 * Pushes what vl_analysis_end needs (the function it calls, the boxes, the
 * owners a and b: stack indices of the userdata whose registries the result
 * will point into, 0 for none) and returns the box for the result. Call it
 * after the last Lua allocation of the method, before taking C pointers.
 */
static vl_box *vl_analysis_begin(lua_State *L, const vl_analysis *an, int a, int b) {
    vl_box *res;
    a = a != 0 ? lua_absindex(L, a) : 0;
    b = b != 0 ? lua_absindex(L, b) : 0;
    luaL_checkstack(L, 8, NULL);
    lua_pushcfunction(L, l_analysis_finish);
    lua_pushlightuserdata(L, (void *)an);
    res = vl_box_new(L, an->free);
    vl_box_new(L, veilig_free);
    if (a != 0)
        lua_pushvalue(L, a);
    else
        lua_pushnil(L);
    if (b != 0)
        lua_pushvalue(L, b);
    else
        lua_pushnil(L);
    return res;
}

/* The registry of the userdata at idx, or NULL (nil, or collected). */
static vl_registry *owner_registry(lua_State *L, int idx) {
    return lua_isnil(L, idx) ? NULL : vl_registry_of(L, idx);
}

/*
 * Finishes what vl_analysis_begin started, after the analysis ran with
 * status rc into its box: the result as tables, or nil, message (what, or
 * the status's), details. Returns the number of results.
 */
static int vl_analysis_end(lua_State *L, int rc, const char *what) {
    int fn = lua_gettop(L) - 5, status;
    vl_registry *Ra, *Rb;
    if (rc == VEILIG_EINVAL)
        return vl_refuse(L, 0, vl_reason(rc, what));
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, what);
    /* the owners are arguments of the method too: they outlive the call */
    Ra = owner_registry(L, fn + 4);
    Rb = owner_registry(L, fn + 5);
    if (Ra != NULL)
        Ra->busy++;
    if (Rb != NULL)
        Rb->busy++;
    status = lua_pcall(L, 5, LUA_MULTRET, 0);
    if (Ra != NULL)
        Ra->busy--;
    if (Rb != NULL)
        Rb->busy--;
    if (status != LUA_OK)
        return lua_error(L);
    return lua_gettop(L) - fn + 1;
}

/* ---- adding objects to the tables ---- */

/* t[k] = the object ptr (of kind, in municipality muni), of the registry of the userdata at owner.
 */
static void set_object(lua_State *L, int t, const char *k, int owner, int kind, const void *ptr,
                       const void *muni) {
    if (ptr == NULL)
        return;
    lua_pushstring(L, k);
    vl_push_handle(L, owner, kind, (void *)ptr, (void *)muni);
    lua_rawset(L, t);
}

/* Pushes t[k] (raw) and returns its index when it is a table; else pops it and returns 0. */
static int push_table_field(lua_State *L, int t, const char *k) {
    lua_pushstring(L, k);
    lua_rawget(L, t);
    if (lua_istable(L, -1))
        return lua_gettop(L);
    lua_pop(L, 1);
    return 0;
}

/* Pushes the i-th (0-based) element of the array at t and returns its index when it is a table;
 * else pops it and returns 0. */
static int push_row(lua_State *L, int t, size_t i) {
    lua_rawgeti(L, t, (int)i + 1);
    if (lua_istable(L, -1))
        return lua_gettop(L);
    lua_pop(L, 1);
    return 0;
}

static void query_extra(lua_State *L, const void *res, int t, int a, int b) {
    const veilig_query_result *r = (const veilig_query_result *)res;
    size_t i, n = veilig_query_result_count(r);
    (void)b;
    for (i = 0; i < n; i++) {
        const veilig_municipality *m = veilig_query_result_municipality(r, i);
        lua_createtable(L, 0, 2);
        set_object(L, lua_gettop(L), "municipality", a, VL_MUNICIPALITY, m, m);
        set_object(L, lua_gettop(L), "measure", a, VL_MEASURE, veilig_query_result_measure(r, i),
                   m);
        lua_rawseti(L, t, (int)i + 1);
    }
}

/* Keys the array t[k] (one number per column) by the columns' codes too:
   counts.bystander beside counts[6], as in Python. */
static void keyed_by_code(lua_State *L, int t, const char *k, const veilig_coverage_result *c) {
    int list = push_table_field(L, t, k);
    size_t j, n = veilig_coverage_columns(c);
    if (list == 0)
        return;
    for (j = 0; j < n; j++) {
        lua_pushstring(L, veilig_coverage_column_code(c, j));
        lua_rawgeti(L, list, (int)j + 1);
        lua_rawset(L, list);
    }
    lua_pop(L, 1);
}

static void coverage_extra(lua_State *L, const void *res, int t, int a, int b) {
    const veilig_coverage_result *c = (const veilig_coverage_result *)res;
    int rows = push_table_field(L, t, "rows"), row;
    size_t i, n = veilig_coverage_rows(c);
    (void)b;
    for (i = 0; rows != 0 && i < n; i++) {
        if ((row = push_row(L, rows, i)) == 0)
            continue;
        set_object(L, row, "municipality_object", a, VL_MUNICIPALITY, veilig_coverage_row(c, i),
                   veilig_coverage_row(c, i));
        keyed_by_code(L, row, "counts", c);
        lua_pop(L, 1);
    }
    if (rows != 0) {
        lua_pop(L, 1);
        keyed_by_code(L, t, "column_totals", c);
    }
}

static void profile_extra(lua_State *L, const void *res, int t, int a, int b) {
    const veilig_profile_result *p = (const veilig_profile_result *)res;
    const veilig_municipality *m = veilig_profile_municipality(p);
    int list, row;
    size_t i, n;
    (void)b;
    if ((list = push_table_field(L, t, "stakeholders")) != 0) {
        n = veilig_profile_stakeholder_count(p);
        for (i = 0; i < n; i++) {
            if ((row = push_row(L, list, i)) == 0)
                continue;
            set_object(L, row, "stakeholder_object", a, VL_STAKEHOLDER,
                       veilig_profile_stakeholder(p, i), m);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if ((list = push_table_field(L, t, "gaps")) != 0) {
        n = veilig_profile_gap_count(p);
        for (i = 0; i < n; i++) {
            if ((row = push_row(L, list, i)) == 0)
                continue;
            set_object(L, row, "measure_object", a, VL_MEASURE, veilig_profile_gap_measure(p, i),
                       m);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
}

static void comparison_extra(lua_State *L, const void *res, int t, int a, int b) {
    const veilig_comparison *c = (const veilig_comparison *)res;
    set_object(L, t, "a_object", a, VL_MUNICIPALITY, veilig_comparison_municipality(c, 0),
               veilig_comparison_municipality(c, 0));
    set_object(L, t, "b_object", b, VL_MUNICIPALITY, veilig_comparison_municipality(c, 1),
               veilig_comparison_municipality(c, 1));
}

static void peers_extra(lua_State *L, const void *res, int t, int a, int b) {
    const veilig_peers_result *p = (const veilig_peers_result *)res;
    size_t i, s, n = veilig_peers_count(p);
    int row, list, sug;
    int subject_owner = lua_isnil(L, b) ? a : b; /* b: a subject of another registry */
    for (i = 0; i < n; i++) {
        const veilig_municipality *peer = veilig_peers_peer(p, i);
        if ((row = push_row(L, t, i)) == 0)
            continue;
        set_object(L, row, "subject_object", subject_owner, VL_MUNICIPALITY,
                   veilig_peers_subject(p, i), veilig_peers_subject(p, i));
        set_object(L, row, "peer_object", a, VL_MUNICIPALITY, peer, peer);
        lua_pushliteral(L, "similarity"); /* the JSON rounds it to 4 decimals */
        lua_pushnumber(L, (lua_Number)veilig_peers_similarity(p, i));
        lua_rawset(L, row);
        if ((list = push_table_field(L, row, "suggestions")) != 0) {
            for (s = 0; s < veilig_peers_suggestion_count(p, i); s++) {
                if ((sug = push_row(L, list, s)) == 0)
                    continue;
                set_object(L, sug, "measure_object", a, VL_MEASURE,
                           veilig_peers_suggestion(p, i, s), peer);
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
}

static void progress_extra(lua_State *L, const void *res, int t, int a, int b) {
    const veilig_progress_result *p = (const veilig_progress_result *)res;
    int list = push_table_field(L, t, "indicators"), row;
    size_t i, n = veilig_progress_count(p);
    (void)b;
    for (i = 0; list != 0 && i < n; i++) {
        if ((row = push_row(L, list, i)) == 0)
            continue;
        set_object(L, row, "indicator_object", a, VL_INDICATOR, veilig_progress_indicator(p, i),
                   veilig_progress_municipality(p));
        lua_pop(L, 1);
    }
    if (list != 0)
        lua_pop(L, 1);
}

/* The analyses: free and to_json of result type T (functions F_free and F_to_json), and extra. */
/* Says which document each row's pointer is into: "old" for a removal (the
   value is gone from the new one), "new" for the others (docs/analysis.md);
   a row of the programme block has no municipality (nil, not veilig.null). */
static void diff_extra(lua_State *L, const void *res, int t, int a, int b) {
    const veilig_diff_result *d = (const veilig_diff_result *)res;
    size_t i, n = veilig_diff_count(d);
    int row;
    (void)a;
    (void)b;
    for (i = 0; i < n; i++) {
        if ((row = push_row(L, t, i)) == 0)
            continue;
        lua_pushstring(L, veilig_diff_change(d, i) == VEILIG_CHANGE_REMOVED ? "old" : "new");
        lua_setfield(L, row, "document");
        if (!veilig_diff_municipality(d, i)) {
            lua_pushnil(L);
            lua_setfield(L, row, "municipality");
        }
        lua_pop(L, 1);
    }
}

#define VL_ANALYSIS(name, T, F, extra)                                                             \
    static void name##_free(void *p) {                                                             \
        F##_free((T *)p);                                                                          \
    }                                                                                              \
    static int name##_json(char **out, size_t *len, const void *p) {                               \
        return F##_to_json(out, len, (const T *)p);                                                \
    }                                                                                              \
    static const vl_analysis name = {name##_free, name##_json, extra}

VL_ANALYSIS(vl_coverage, veilig_coverage_result, veilig_coverage, coverage_extra);
VL_ANALYSIS(vl_profile, veilig_profile_result, veilig_profile, profile_extra);
VL_ANALYSIS(vl_comparison, veilig_comparison, veilig_comparison, comparison_extra);
VL_ANALYSIS(vl_peers, veilig_peers_result, veilig_peers, peers_extra);
VL_ANALYSIS(vl_diff, veilig_diff_result, veilig_diff, diff_extra);
VL_ANALYSIS(vl_schedule, veilig_schedule_result, veilig_schedule, NULL);
VL_ANALYSIS(vl_progress, veilig_progress_result, veilig_progress, progress_extra);

static void vl_query_result_free(void *p) {
    veilig_query_result_free((veilig_query_result *)p);
}
static const vl_analysis vl_query = {vl_query_result_free, NULL, query_extra};

static void vl_query_free(void *p) {
    veilig_query_free((veilig_query *)p);
}

/* ---- options ---- */

/*
 * Whether the options argument at idx is a table (nil or none: no options,
 * 0); raises for another type and for a key that is not in keys
 * (NULL-terminated).
 */
static int vl_options(lua_State *L, int idx, const char *const *keys) {
    if (lua_isnoneornil(L, idx))
        return 0;
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        size_t i, used = 0;
        int known = 0;
        char list[256];
        for (i = 0; k != NULL && keys[i] != NULL && !known; i++)
            known = strcmp(k, keys[i]) == 0;
        if (!known) {
            list[0] = '\0';
            for (i = 0; keys[i] != NULL && used < sizeof list; i++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                         keys[i]);
            luaL_argerror(L, idx,
                          lua_pushfstring(L, "unknown option '%s' (%s)", k ? k : "?", list));
        }
        lua_pop(L, 1);
    }
    return 1;
}

/* Raises "option 'k' must be <what>" for the options at idx. */
static void opt_fail(lua_State *L, int idx, const char *k, const char *what) {
    luaL_argerror(L, idx, lua_pushfstring(L, "option '%s' must be %s", k, what));
}

/* Option k of the table at idx as a string, or NULL when absent (the table keeps it alive). */
static const char *opt_string(lua_State *L, int idx, const char *k) {
    const char *s = NULL;
    vl_raw_field(L, idx, k);
    if (lua_type(L, -1) == LUA_TSTRING)
        s = lua_tostring(L, -1);
    else if (!lua_isnil(L, -1))
        opt_fail(L, idx, k, "a string");
    lua_pop(L, 1);
    return s;
}

static int opt_boolean(lua_State *L, int idx, const char *k) {
    int b = 0;
    vl_raw_field(L, idx, k);
    if (lua_isboolean(L, -1))
        b = lua_toboolean(L, -1);
    else if (!lua_isnil(L, -1))
        opt_fail(L, idx, k, "a boolean");
    lua_pop(L, 1);
    return b;
}

static size_t opt_count(lua_State *L, int idx, const char *k) {
    size_t n = 0;
    vl_raw_field(L, idx, k);
    if (vlc_isinteger(L, -1) && lua_tointeger(L, -1) >= 0)
        n = (size_t)lua_tointeger(L, -1);
    else if (!lua_isnil(L, -1))
        opt_fail(L, idx, k, "a non-negative integer");
    lua_pop(L, 1);
    return n;
}

/* Option k as a date into *d (left as it is when absent). */
static void opt_date(lua_State *L, int idx, const char *k, veilig_date *d) {
    const char *s = opt_string(L, idx, k);
    if (s != NULL && veilig_date_parse(d, s) != VEILIG_OK)
        opt_fail(L, idx, k, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

/* Option k as "HH:MM" in minutes (up to "24:00" when end), or def when absent. */
static int opt_time(lua_State *L, int idx, const char *k, int def, int end) {
    const char *s = opt_string(L, idx, k);
    int h, m;
    if (s == NULL)
        return def;
    if (strlen(s) != 5 || s[2] != ':' || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' ||
        s[3] < '0' || s[3] > '5' || s[4] < '0' || s[4] > '9')
        opt_fail(L, idx, k, "a time \"HH:MM\"");
    h = (s[0] - '0') * 10 + (s[1] - '0');
    m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h * 60 + m > (end ? 24 * 60 : 24 * 60 - 1))
        opt_fail(L, idx, k,
                 end ? "a time from \"00:00\" to \"24:00\"" : "a time from \"00:00\" to \"23:59\"");
    return h * 60 + m;
}

/* Option "days": a day code or an array of them, as the bits of veilig_schedule_options. */
static unsigned opt_days(lua_State *L, int idx) {
    static const char *const what = "a day (\"mon\", ..., \"sun\") or a non-empty array of days";
    unsigned days = 0;
    int list, n, i, d;
    vl_raw_field(L, idx, "days");
    list = lua_gettop(L);
    n = lua_type(L, list) == LUA_TSTRING ? 1
        : lua_istable(L, list)           ? (int)lua_rawlen(L, list)
        : lua_isnil(L, list)             ? 0
                                         : -1;
    if (n < 0 || (n == 0 && !lua_isnil(L, list)))
        opt_fail(L, idx, "days", what);
    for (i = 1; i <= n; i++) {
        if (lua_istable(L, list))
            lua_rawgeti(L, list, i);
        else
            lua_pushvalue(L, list);
        d = lua_type(L, -1) == LUA_TSTRING
                ? veilig_vocab_from_code(VEILIG_VOCAB_DAY, lua_tostring(L, -1))
                : 0;
        if (d < VEILIG_DAY_MON || d > VEILIG_DAY_SUN)
            opt_fail(L, idx, "days", what);
        days |= 1u << (d - 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return days;
}

/* Checks option "municipality" (a code, a name or a municipality) and pushes it (nil when
 * absent); returns its index. */
static int opt_municipality(lua_State *L, int idx, int have_options) {
    if (!have_options)
        lua_pushnil(L);
    else
        vl_raw_field(L, idx, "municipality");
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING &&
        luaL_testudata(L, -1, VL_TMUNICIPALITY) == NULL)
        opt_fail(L, idx, "municipality", "a code, a name or a " VL_TMUNICIPALITY);
    return lua_gettop(L);
}

/*
 * The municipality named by the value at v (from opt_municipality) in the
 * registry R, into *m (NULL for nil): VEILIG_OK, or VEILIG_ENOTFOUND when
 * R has no such municipality. Takes C pointers: call it after the last
 * allocation.
 */
static int find_municipality(lua_State *L, const vl_registry *R, int v,
                             const veilig_municipality **m) {
    *m = NULL;
    if (lua_isnil(L, v))
        return VEILIG_OK;
    if (lua_type(L, v) == LUA_TSTRING)
        *m = veilig_registry_find(R->reg, lua_tostring(L, v));
    else if ((*m = (const veilig_municipality *)vl_check_handle(L, v, VL_MUNICIPALITY)->ptr) !=
                 NULL &&
             veilig_registry_index_of(R->reg, *m) == (size_t)-1)
        *m = NULL; /* a municipality of another registry */
    return *m != NULL ? VEILIG_OK : VEILIG_ENOTFOUND;
}

#define VL_NO_SUCH_MUNICIPALITY "no such municipality in the registry"

/* The live municipality behind the handle at idx. */
static const veilig_municipality *check_municipality(lua_State *L, int idx) {
    return (const veilig_municipality *)vl_check_handle(L, idx, VL_MUNICIPALITY)->ptr;
}

/* ---- query ---- */

/* Adds value s to filter f of q; raises, with the library's reason (an unknown
   code: the known ones and what was meant), when the filter does not take it. */
static void query_add(lua_State *L, int idx, veilig_query *q, veilig_filter f, const char *s) {
    int rc = veilig_query_add(q, f, s);
    const veilig_error *e = veilig_error_last();
    if (rc == VEILIG_EINVAL)
        luaL_argerror(L, idx,
                      e != NULL && e->code == rc
                          ? lua_pushfstring(L, "%s", e->message)
                          : lua_pushfstring(L, "filter '%s' does not take the value '%s'",
                                            veilig_filter_name(f), s));
    else if (rc != VEILIG_OK)
        luaL_error(L, "veilig: %s", veilig_strerror(rc));
}

/* Adds the filters of the table at t (its string keys) to q's current group;
   idx is the argument, for messages. Returns the number of values added. */
static int query_group(lua_State *L, int idx, int t, veilig_query *q) {
    int added = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        veilig_filter f;
        int i, n;
        if (lua_type(L, -2) != LUA_TSTRING) { /* a group (the caller's), or not a filter */
            lua_pop(L, 1);
            continue;
        }
        f = veilig_filter_from_name(lua_tostring(L, -2));
        if (f == 0) {
            char list[256];
            size_t used = 0;
            const char *name;
            list[0] = '\0';
            for (i = 1; (name = veilig_filter_name((veilig_filter)i)) != NULL && used < sizeof list;
                 i++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i > 1 ? ", " : "",
                                         name);
            luaL_argerror(
                L, idx, lua_pushfstring(L, "unknown filter '%s' (%s)", lua_tostring(L, -2), list));
        }
        if (lua_type(L, -1) == LUA_TSTRING) {
            query_add(L, idx, q, f, lua_tostring(L, -1));
            added++;
        } else if (lua_istable(L, -1) && (n = (int)lua_rawlen(L, -1)) > 0) {
            for (i = 1; i <= n; i++) {
                lua_rawgeti(L, -1, i);
                if (lua_type(L, -1) != LUA_TSTRING)
                    luaL_argerror(L, idx,
                                  lua_pushfstring(L,
                                                  "filter '%s' must be a string or an array "
                                                  "of strings",
                                                  veilig_filter_name(f)));
                query_add(L, idx, q, f, lua_tostring(L, -1));
                added++;
                lua_pop(L, 1);
            }
        } else {
            luaL_argerror(L, idx,
                          lua_pushfstring(L,
                                          "filter '%s' must be a string or a non-empty array "
                                          "of strings",
                                          veilig_filter_name(f)));
        }
        lua_pop(L, 1);
    }
    return added;
}

/*
 * The query of the filters at idx (nil: every measure), in a box (pushed):
 * the table's filters, then each table of its array part as another group
 * (OR); or where = "expression" alone (veilig_query_parse).
 */
static vl_box *check_query(lua_State *L, int idx) {
    vl_box *box = vl_box_new(L, vl_query_free);
    veilig_query *q = NULL;
    int i, n, added;
    if (!lua_isnoneornil(L, idx))
        luaL_checktype(L, idx, LUA_TTABLE);
    if (!lua_isnoneornil(L, idx)) {
        lua_pushliteral(L, "where");
        lua_rawget(L, idx);
        if (!lua_isnil(L, -1)) {
            veilig_error err;
            int rc;
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_argerror(L, idx, "'where' must be a string");
            lua_pushnil(L);
            for (n = 0; lua_next(L, idx); n++)
                lua_pop(L, 1);
            if (n > 1)
                luaL_argerror(L, idx, "give 'where' alone, or filters");
            rc = veilig_query_parse(&q, lua_tostring(L, -1), &err);
            if (rc == VEILIG_ENOMEM)
                luaL_error(L, "veilig: %s", veilig_strerror(rc));
            if (rc != VEILIG_OK)
                luaL_argerror(L, idx,
                              lua_pushfstring(L, "where, column %d: %s", err.column, err.message));
            box->p = q;
            lua_pop(L, 1);
            return box;
        }
        lua_pop(L, 1);
    }
    if (veilig_query_new(&q) != VEILIG_OK)
        luaL_error(L, "veilig: %s", veilig_strerror(VEILIG_ENOMEM));
    box->p = q;
    if (lua_isnoneornil(L, idx))
        return box;
    added = query_group(L, idx, idx, q);
    n = (int)lua_rawlen(L, idx);
    for (i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        if (!lua_istable(L, -1))
            luaL_argerror(L, idx,
                          lua_pushfstring(L, "item %d must be a table of filters (a group)", i));
        if (added > 0 && veilig_query_or(q) != VEILIG_OK)
            luaL_error(L, "veilig: %s", veilig_strerror(VEILIG_EINVAL));
        if (query_group(L, idx, lua_gettop(L), q) > 0)
            added = 1;
        lua_pop(L, 1);
    }
    return box;
}

/* reg:query{filter = value | {values}, ...}: an array of {municipality =, measure =}. */
int l_registry_query(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    vl_box *q, *box;
    lua_settop(L, 2); /* the boxes go above the filters, present or not */
    q = check_query(L, 2);
    box = vl_analysis_begin(L, &vl_query, 1, 0);
    veilig_query_result *res = NULL;
    int rc, n;
    R = vl_check_registry(L, 1); /* again, after the allocations */
    rc = veilig_query_run(&res, (const veilig_query *)q->p, R->reg);
    box->p = res;
    n = vl_analysis_end(L, rc, NULL);
    vl_box_clear(q);
    return n;
}

/* Iterator of each_match: upvalues the rows of a query and the index of the last one. */
static int l_match_iter(lua_State *L) {
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2)) + 1;
    lua_rawgeti(L, lua_upvalueindex(1), (int)i);
    if (!lua_istable(L, -1))
        return 0;
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(2));
    lua_pushliteral(L, "municipality");
    lua_rawget(L, -2);
    lua_pushliteral(L, "measure");
    lua_rawget(L, -3);
    return 2;
}

/* for m, ms in reg:each_match{...} do: reg:query's matches; raises where reg:query gives nil. */
int l_registry_each_match(lua_State *L) {
    int n = l_registry_query(L);
    if (n != 1 || !lua_istable(L, -1))
        return luaL_error(L, "veilig: query: %s", lua_tostring(L, -n + 1));
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, l_match_iter, 2);
    return 1;
}

/* ---- the analyses ---- */

/* reg:coverage{axis =, active_on =, all_measures = (or all =)}: municipalities x a vocabulary. */
int l_registry_coverage(lua_State *L) {
    static const char *const keys[] = {"axis", "active_on", "all_measures", "all", NULL};
    veilig_coverage_options o;
    veilig_coverage_result *res = NULL;
    vl_box *box;
    int rc;
    vl_check_registry(L, 1);
    veilig_coverage_options_init(&o, VEILIG_COVERAGE_OPTIONS_VERSION);
    if (vl_options(L, 2, keys)) {
        const char *axis = opt_string(L, 2, "axis");
        if (axis != NULL && (o.axis = veilig_vocab_from_name(axis)) != VEILIG_VOCAB_CATEGORY &&
            o.axis != VEILIG_VOCAB_APPROACH && o.axis != VEILIG_VOCAB_TARGET_GROUP)
            opt_fail(L, 2, "axis", "\"category\", \"approach\" or \"target_group\"");
        opt_date(L, 2, "active_on", &o.active_on);
        o.all_measures = opt_boolean(L, 2, "all_measures") | opt_boolean(L, 2, "all");
    }
    box = vl_analysis_begin(L, &vl_coverage, 1, 0);
    rc = veilig_coverage(&res, vl_check_registry(L, 1)->reg, &o);
    box->p = res;
    return vl_analysis_end(L, rc, NULL);
}

/* m:profile(): what the municipality does, by approach, category, target group, ..., and gaps. */
int l_profile(lua_State *L) {
    veilig_profile_result *res = NULL;
    vl_box *box;
    int rc;
    check_municipality(L, 1);
    box = vl_analysis_begin(L, &vl_profile, 1, 0);
    rc = veilig_profile(&res, check_municipality(L, 1));
    box->p = res;
    return vl_analysis_end(L, rc, NULL);
}

/* veilig.compare(a, b) and a:compare(b): two municipalities (of any registries) side by side. */
int l_compare(lua_State *L) {
    veilig_comparison *res = NULL;
    vl_box *box;
    int rc;
    check_municipality(L, 1);
    check_municipality(L, 2);
    box = vl_analysis_begin(L, &vl_comparison, 1, 2);
    rc = veilig_compare(&res, check_municipality(L, 1), check_municipality(L, 2));
    box->p = res;
    return vl_analysis_end(L, rc, NULL);
}

/*
 * Peers of m (NULL: of every municipality), k from the options at 2. v == 0:
 * m:peers, m at 1, the candidates in the registry at against (0: m's own).
 * Else reg:peers, the registry at 1 and the municipality's value at v (from
 * opt_municipality): a code or a name of it, or an object of any registry.
 */
static int peers(lua_State *L, int v, int against) {
    veilig_peers_options o;
    veilig_peers_result *res = NULL;
    const veilig_municipality *m = NULL;
    vl_registry *R;
    vl_box *box;
    int rc;
    veilig_peers_options_init(&o, VEILIG_PEERS_OPTIONS_VERSION);
    if (!lua_isnoneornil(L, 2))
        o.k = opt_count(L, 2, "k");
    if (v == 0) {
        box = vl_analysis_begin(L, &vl_peers, against != 0 ? against : 1, against != 0 ? 1 : 0);
        m = check_municipality(L, 1);
        R = against != 0 ? vl_check_registry(L, against) : vl_registry_of(L, 1);
    } else if (lua_type(L, v) == LUA_TUSERDATA) {
        box = vl_analysis_begin(L, &vl_peers, 1, v);
        R = vl_check_registry(L, 1);
        m = check_municipality(L, v);
    } else {
        box = vl_analysis_begin(L, &vl_peers, 1, 0);
        if (find_municipality(L, R = vl_check_registry(L, 1), v, &m) != VEILIG_OK)
            return vl_analysis_end(L, VEILIG_ENOTFOUND, VL_NO_SUCH_MUNICIPALITY);
    }
    rc = veilig_peers(&res, R->reg, m, &o);
    box->p = res;
    return vl_analysis_end(L, rc, NULL);
}

/* reg:peers{municipality =, k =}: the k most similar municipalities of one (a code or a name of
 * reg, or a municipality of any registry), or of each. */
int l_registry_peers(lua_State *L) {
    static const char *const keys[] = {"municipality", "k", NULL};
    int v;
    vl_check_registry(L, 1);
    v = opt_municipality(L, 2, vl_options(L, 2, keys));
    vl_check_registry(L, 1);
    return peers(L, v, 0);
}

/* m:peers{k =, against =}: the k municipalities of its registry (or of the registry against)
 * most similar to m. */
int l_municipality_peers(lua_State *L) {
    static const char *const keys[] = {"k", "against", NULL};
    int against = 0;
    check_municipality(L, 1);
    if (vl_options(L, 2, keys)) {
        vl_raw_field(L, 2, "against");
        if (lua_isnil(L, -1))
            lua_pop(L, 1);
        else if (luaL_testudata(L, -1, VL_TREGISTRY) == NULL)
            opt_fail(L, 2, "against", "a " VL_TREGISTRY);
        else
            against = lua_gettop(L);
    }
    return peers(L, 0, against);
}

/* veilig.similarity(a, b): how alike two municipalities are, from 0 to 1. */
int l_similarity(lua_State *L) {
    const veilig_municipality *a = check_municipality(L, 1);
    const veilig_municipality *b = check_municipality(L, 2);
    a = check_municipality(L, 1); /* again: checking b may have run Lua code */
    lua_pushnumber(L, (lua_Number)veilig_similarity(a, b));
    return 1;
}

/* veilig.diff(old, new [, code]): what changed from registry old to new, as rows. */
int l_diff(lua_State *L) {
    const char *code = luaL_optstring(L, 3, NULL);
    veilig_diff_result *res = NULL;
    vl_box *box;
    int rc;
    vl_check_registry(L, 1);
    vl_check_registry(L, 2);
    box = vl_analysis_begin(L, &vl_diff, 1, 2);
    rc = veilig_diff(&res, vl_check_registry(L, 1)->reg, vl_check_registry(L, 2)->reg, code);
    box->p = res;
    return vl_analysis_end(
        L, rc, rc == VEILIG_ENOTFOUND ? "no municipality with that code in either registry" : NULL);
}

/* m:schedule{days =, from =, to =, active_on =}: the hours of a week, and a window's share. */
int l_schedule(lua_State *L) {
    static const char *const keys[] = {"days", "from", "to", "active_on", NULL};
    veilig_schedule_options o;
    veilig_schedule_result *res = NULL;
    vl_box *box;
    int rc;
    check_municipality(L, 1);
    veilig_schedule_options_init(&o, VEILIG_SCHEDULE_OPTIONS_VERSION);
    if (vl_options(L, 2, keys)) {
        o.days = opt_days(L, 2);
        o.from = opt_time(L, 2, "from", 22 * 60, 0);
        o.to = opt_time(L, 2, "to", 4 * 60, 1);
        if (o.from == o.to)
            luaL_argerror(L, 2, "options 'from' and 'to' must differ");
        opt_date(L, 2, "active_on", &o.active_on);
    }
    box = vl_analysis_begin(L, &vl_schedule, 1, 0);
    rc = veilig_schedule(&res, check_municipality(L, 1), &o);
    box->p = res;
    return vl_analysis_end(L, rc, NULL);
}

/* m:progress{as_of =}: how far each indicator has come towards its target. */
int l_progress(lua_State *L) {
    static const char *const keys[] = {"as_of", NULL};
    veilig_progress_options o;
    veilig_progress_result *res = NULL;
    vl_box *box;
    int rc;
    check_municipality(L, 1);
    veilig_progress_options_init(&o, VEILIG_PROGRESS_OPTIONS_VERSION);
    if (vl_options(L, 2, keys))
        opt_date(L, 2, "as_of", &o.as_of);
    box = vl_analysis_begin(L, &vl_progress, 1, 0);
    rc = veilig_progress(&res, check_municipality(L, 1), &o);
    box->p = res;
    return vl_analysis_end(L, rc, NULL);
}

/* ---- renderings ---- */

/*
 * Reads the rendering options at idx (keys: those allowed) into o, format
 * def unless given; returns whether there was an options table.
 */
static int report_options(lua_State *L, int idx, const char *const *keys, veilig_report_options *o,
                          veilig_format def) {
    const char *s;
    veilig_report_options_init(o, VEILIG_REPORT_OPTIONS_VERSION);
    o->format = def;
    if (!vl_options(L, idx, keys))
        return 0;
    if ((s = opt_string(L, idx, "format")) != NULL && (o->format = veilig_format_from_name(s)) == 0)
        opt_fail(L, idx, "format", "\"text\", \"json\", \"csv\", \"markdown\" or \"html\"");
    if ((s = opt_string(L, idx, "lang")) != NULL && strcmp(s, "nl") != 0 && strcmp(s, "en") != 0)
        opt_fail(L, idx, "lang", "\"nl\" or \"en\"");
    o->lang = s; /* the options table keeps it alive */
    if (opt_boolean(L, idx, "include_personal"))
        o->flags |= VEILIG_REPORT_INCLUDE_PERSONAL;
    if (opt_boolean(L, idx, "raw")) /* only where keys allow it */
        o->flags |= VEILIG_REPORT_RAW;
    o->peers = opt_count(L, idx, "peers");
    return 1;
}

/* The text a rendering wrote into box (status rc), or nil, message, details. */
static int return_text(lua_State *L, vl_box *box, int rc, const veilig_report_options *o) {
    const char *what = NULL;
    if (rc == VEILIG_OK && box->p != NULL) {
        lua_pushlstring(L, (const char *)box->p, box->len);
        vl_box_clear(box);
        return 1;
    }
    vl_box_clear(box);
    if (rc == VEILIG_OK)
        rc = VEILIG_ENOMEM;
    if (rc == VEILIG_ENOTFOUND)
        what = VL_NO_SUCH_MUNICIPALITY;
    else if (rc == VEILIG_EINVAL && o->format != 0)
        what = lua_pushfstring(L, "this rendering does not offer the format '%s'",
                               veilig_format_name(o->format));
    if (rc == VEILIG_EINVAL)
        return vl_refuse(L, 0, vl_reason(rc, what));
    return vl_push_error(L, rc, NULL, what);
}

static const char *const list_keys[] = {"format", "lang", "include_personal", NULL};

/* reg:render_list{format =, lang =, include_personal =}: the municipalities, one row each. */
int l_render_list(lua_State *L) {
    veilig_report_options o;
    vl_box *box;
    char *out = NULL;
    int rc;
    vl_check_registry(L, 1);
    report_options(L, 2, list_keys, &o, VEILIG_FORMAT_TEXT);
    box = vl_box_new(L, veilig_free);
    rc = veilig_render_list(&out, &box->len, vl_check_registry(L, 1)->reg, &o);
    box->p = out;
    return return_text(L, box, rc, &o);
}

/* m:render{format =, lang =, include_personal =}: the municipality's whole approach. */
int l_render(lua_State *L) {
    veilig_report_options o;
    vl_box *box;
    char *out = NULL;
    int rc;
    check_municipality(L, 1);
    report_options(L, 2, list_keys, &o, VEILIG_FORMAT_TEXT);
    box = vl_box_new(L, veilig_free);
    rc = veilig_render_municipality(&out, &box->len, check_municipality(L, 1), &o);
    box->p = out;
    return return_text(L, box, rc, &o);
}

/* reg:export{table =, format =, lang =, include_personal =, raw =}: a flat table (CSV by
   default); raw: CSV cells without the leading ' of the formula guard. */
int l_export(lua_State *L) {
    static const char *const keys[] = {"table", "format", "lang", "include_personal", "raw", NULL};
    veilig_report_options o;
    veilig_table table = VEILIG_TABLE_MEASURES;
    vl_box *box;
    char *out = NULL;
    int rc;
    vl_check_registry(L, 1);
    if (report_options(L, 2, keys, &o, VEILIG_FORMAT_CSV)) {
        const char *s = opt_string(L, 2, "table");
        if (s != NULL && (table = veilig_table_from_name(s)) == 0)
            opt_fail(L, 2, "table", "\"measures\", \"stakeholders\" or \"indicators\"");
    }
    box = vl_box_new(L, veilig_free);
    rc = veilig_export(&out, &box->len, vl_check_registry(L, 1)->reg, table, &o);
    box->p = out;
    return return_text(L, box, rc, &o);
}

/*
 * The HTML report of the registry at 1 with the options at idx
 * (municipality, lang, include_personal, peers), into a new box (pushed, in
 * *boxp); returns the status.
 */
static int report_html(lua_State *L, int idx, veilig_report_options *o, vl_box **boxp) {
    static const char *const keys[] = {"municipality", "lang", "include_personal", "peers", NULL};
    const veilig_municipality *m = NULL;
    char *out = NULL;
    vl_registry *R;
    int v, rc;
    vl_check_registry(L, 1);
    v = opt_municipality(L, idx, report_options(L, idx, keys, o, VEILIG_FORMAT_HTML));
    *boxp = vl_box_new(L, veilig_free);
    R = vl_check_registry(L, 1);
    rc = find_municipality(L, R, v, &m);
    if (rc == VEILIG_OK)
        rc = veilig_report_html(&out, &(*boxp)->len, R->reg, m, o);
    (*boxp)->p = out;
    return rc;
}

/* reg:report_html{municipality =, lang =, include_personal =, peers =}: a standalone page. */
int l_report_html(lua_State *L) {
    veilig_report_options o;
    vl_box *box;
    int rc = report_html(L, 2, &o, &box);
    return return_text(L, box, rc, &o);
}

/*
 * reg:save_report(path [, opts]): writes report_html's page to path; true.
 * The writing is the library's own atomic save (veilig_save_text, over the
 * utility layer's one atomic writer, libveilig/util): a unique temporary
 * file in the target's folder, the old mode kept, flushed, renamed over the
 * target. The module reaches it through the public API, as it reaches
 * everything of the library (it links libveilig.so and sees only its
 * exported symbols).
 */
int l_save_report(lua_State *L) {
    const char *path = luaL_checkstring(L, 2);
    veilig_report_options o;
    veilig_error err;
    vl_box *box;
    int rc = report_html(L, 3, &o, &box);
    if (rc != VEILIG_OK || box->p == NULL)
        return return_text(L, box, rc, &o);
    rc = veilig_save_text(path, (const char *)box->p, box->len, &err);
    vl_box_clear(box);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    lua_pushboolean(L, 1);
    return 1;
}
