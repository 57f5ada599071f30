/*
 * libveilig Lua binding, model: reading and setting fields of the objects
 * (obj.name, obj.name = value, obj:set(name, value)), the methods of
 * municipalities, measures and indicators, and the metatables of every
 * kind of object.
 *
 * Layer: model, its top (over core, JSON, the values, the fields and the registries); it calls
 * nothing of a layer above it. The layers are listed in lveilig.h and bindings/lua/README.md.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lveilig.h"

/* ---- fields and the generic metamethods ---- */

/* Sets field name of obj (kind) from the value at v; returns as a setter does. */
static int vl_set_field(lua_State *L, int kind, void *obj, const char *name, int v, vl_why *why) {
    const vl_field *f = vl_find_field(kind, name, strlen(name));
    if (f == NULL || f->set == NULL) {
        snprintf(why->msg, sizeof why->msg, "no settable field of that name");
        return VL_ETYPE;
    }
    return f->set(L, obj, v, why);
}

/* The object behind the userdata at idx (of the kind in upvalue 2): a live handle or registry. */
static void *vl_check_object(lua_State *L, int idx, int kind) {
    if (kind == VL_REGISTRY)
        return vl_check_registry(L, idx)->reg;
    return vl_check_handle(L, idx, kind)->ptr;
}

/* The same, for changing it: raises while field reads are under way as well. */
static void *vl_check_object_mut(lua_State *L, int idx, int kind) {
    if (kind == VL_REGISTRY)
        return vl_check_registry_mut(L, idx)->reg;
    return vl_check_handle_mut(L, idx, kind)->ptr;
}

/* Runs a field's getter: (object userdata, field, object pointer). */
static int l_get_field(lua_State *L) {
    const vl_field *f = (const vl_field *)lua_touserdata(L, 2);
    f->get(L, lua_touserdata(L, 3), 1);
    return 1;
}

/*
 * Pushes field f of the object at index 1. The getter may allocate (and so
 * run __gc metamethods) while it reads the C object: it runs with the
 * registry busy, so that nothing can change the registry meanwhile, under
 * lua_pcall, so that the busy count comes back down whatever happens.
 */
static int vl_get_field(lua_State *L, int kind, const vl_field *f) {
    vl_registry *R;
    void *obj;
    int rc;
    lua_pushcfunction(L, l_get_field);
    lua_pushvalue(L, 1);
    lua_pushlightuserdata(L, (void *)f);
    obj = vl_check_object(L, 1, kind); /* after the allocations above */
    lua_pushlightuserdata(L, obj);
    R = vl_registry_of(L, 1);
    R->busy++;
    rc = lua_pcall(L, 3, 1, 0);
    R->busy--;
    if (rc != LUA_OK)
        return lua_error(L);
    return 1;
}

/*
 * __index(obj, key): a method, else a field; upvalues: methods, kind. A
 * registry also takes whole numbers: reg[i] is its i-th municipality (nil
 * past the end), so that ipairs works where it honours __index (Lua 5.3,
 * 5.4). Any other key raises: a misspelt field is an error, not nil.
 */
static int l_index(lua_State *L) {
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    size_t len;
    const char *key;
    const vl_field *f;
    luaL_checkudata(L, 1, vl_tnames[kind]);
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    if (kind == VL_REGISTRY && lua_type(L, 2) == LUA_TNUMBER) {
        lua_settop(L, 2);
        return l_registry_get(L);
    }
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "%s has no field [%s]", vl_tnames[kind], luaL_typename(L, 2));
    key = lua_tolstring(L, 2, &len);
    f = vl_find_field(kind, key, len);
    if (f == NULL || f->get == NULL)
        return luaL_error(L, "%s has no field '%s'", vl_tnames[kind], key);
    return vl_get_field(L, kind, f);
}

/* The iterator of pairs(reg) and ipairs(reg): (reg, i) -> i + 1, its municipality. */
/* __newindex(obj, key, value): obj:set(key, value), raising on any failure. */
static int l_newindex(lua_State *L) {
    int kind = (int)lua_tointeger(L, lua_upvalueindex(1));
    void *obj;
    vl_why why;
    int rc;
    const char *name = luaL_checkstring(L, 2);
    luaL_checkudata(L, 1, vl_tnames[kind]);
    obj = vl_check_object_mut(L, 1, kind); /* after the argument conversions */
    rc = vl_set_field(L, kind, obj, name, 3, &why);
    if (rc != VEILIG_OK)
        return luaL_error(L, "%s.%s: %s", vl_tnames[kind], lua_tostring(L, 2), why.msg);
    return 0;
}

/* The kind of the handle at idx, or -1 when it is no handle of this module. */
static int vl_handle_kind(lua_State *L, int idx) {
    int kind;
    for (kind = VL_MUNICIPALITY; kind < VL_NKINDS; kind++)
        if (luaL_testudata(L, idx, vl_tnames[kind]) != NULL)
            return kind;
    return -1;
}

/*
 * obj:set(name, value): obj. A value the field does not accept (a wrong type,
 * an unknown code, a date that does not parse) raises, as obj.name = value
 * does; what depends on the rest of the document (an id another object
 * already has) comes back as nil, message, details.
 */
int l_set(lua_State *L) {
    int kind = luaL_testudata(L, 1, VL_TREGISTRY) != NULL ? VL_REGISTRY : vl_handle_kind(L, 1);
    void *obj;
    const char *name;
    vl_why why;
    int rc;
    const vl_field *f;
    if (kind < 0)
        return luaL_argerror(L, 1, "veilig object expected");
    obj = vl_check_object(L, 1, kind);
    name = luaL_checkstring(L, 2);
    f = vl_find_field(kind, name, strlen(name));
    if (f == NULL || f->set == NULL)
        return luaL_argerror(
            L, 2, lua_pushfstring(L, "no settable field '%s' in %s", name, vl_tnames[kind]));
    luaL_checkany(L, 3);
    obj = vl_check_object_mut(L, 1, kind); /* again, after the argument conversions */
    rc = f->set(L, obj, 3, &why);          /* setters neither allocate nor run Lua code */
    (void)obj;
    if (rc == VL_ETYPE || rc == VEILIG_EINVAL)
        return luaL_argerror(L, 3, lua_pushfstring(L, "%s: %s", name, why.msg));
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, lua_pushfstring(L, "%s: %s", name, why.msg));
    lua_settop(L, 1);
    return 1;
}

/*
 * __tostring: "veilig.measure pub-ploeg (GM0153)". Formats into a C buffer
 * first: no Lua allocation (which may run a __gc metamethod) while it reads
 * the object.
 */
static int l_handle_tostring(lua_State *L) {
    int kind = vl_handle_kind(L, 1);
    vl_handle *h = (vl_handle *)lua_touserdata(L, 1);
    vl_registry *R;
    char buf[320];
    const char *id = NULL;
    if (kind < 0)
        return luaL_argerror(L, 1, "veilig object expected");
    R = vl_registry_of(L, 1);
    if (R == NULL || R->reg == NULL) {
        snprintf(buf, sizeof buf, "%s (registry closed)", vl_tnames[kind]);
    } else if (h->ptr == NULL || h->gen != R->gen) {
        snprintf(buf, sizeof buf, "%s (stale)", vl_tnames[kind]);
    } else {
        const veilig_municipality *m = (const veilig_municipality *)h->muni;
        switch (kind) {
            case VL_MUNICIPALITY:
                id = veilig_municipality_code(m);
                break;
            case VL_MEASURE:
                id = veilig_measure_id((const veilig_measure *)h->ptr);
                break;
            case VL_STAKEHOLDER:
                id = veilig_stakeholder_id((const veilig_stakeholder *)h->ptr);
                break;
            default:
                id = veilig_indicator_id((const veilig_indicator *)h->ptr);
                break;
        }
        snprintf(buf, sizeof buf, "%s %.120s (%.120s)", vl_tnames[kind], id ? id : "?",
                 kind == VL_MUNICIPALITY ? veilig_municipality_name(m)
                                         : veilig_municipality_code(m));
    }
    lua_pushstring(L, buf);
    return 1;
}

/* __eq: the same object (of a live registry). */
static int l_handle_eq(lua_State *L) {
    int ka = vl_handle_kind(L, 1), kb = vl_handle_kind(L, 2);
    const vl_handle *a = (const vl_handle *)lua_touserdata(L, 1);
    const vl_handle *b = (const vl_handle *)lua_touserdata(L, 2);
    lua_pushboolean(L, ka >= 0 && ka == kb && a->ptr != NULL && a->ptr == b->ptr);
    return 1;
}

/* #m: the number of measures of a municipality. */
static int l_municipality_len(lua_State *L) {
    vl_handle *h = vl_check_handle(L, 1, VL_MUNICIPALITY);
    lua_pushinteger(
        L, (lua_Integer)veilig_municipality_measure_count((const veilig_municipality *)h->ptr));
    return 1;
}

/* ---- municipality methods ---- */

static size_t child_count(int kind, const veilig_municipality *m) {
    return kind == VL_MEASURE       ? veilig_municipality_measure_count(m)
           : kind == VL_STAKEHOLDER ? veilig_municipality_stakeholder_count(m)
                                    : veilig_municipality_indicator_count(m);
}

static void *child_at(int kind, veilig_municipality *m, size_t i) {
    return kind == VL_MEASURE       ? (void *)veilig_municipality_measure_mut(m, i)
           : kind == VL_STAKEHOLDER ? (void *)veilig_municipality_stakeholder_mut(m, i)
                                    : (void *)veilig_municipality_indicator_mut(m, i);
}

/* The library's look-ups by id hand out const pointers to what this registry owns and may change.
 */
static void *child_find(int kind, const veilig_municipality *m, const char *id) {
    return kind == VL_MEASURE       ? (void *)veilig_municipality_find_measure(m, id)
           : kind == VL_STAKEHOLDER ? (void *)veilig_municipality_find_stakeholder(m, id)
                                    : (void *)veilig_municipality_find_indicator(m, id);
}

static int child_remove(int kind, veilig_municipality *m, size_t i) {
    return kind == VL_MEASURE       ? veilig_municipality_remove_measure(m, i)
           : kind == VL_STAKEHOLDER ? veilig_municipality_remove_stakeholder(m, i)
                                    : veilig_municipality_remove_indicator(m, i);
}

static const char *const child_names[VL_NKINDS] = {"", "", "measure", "stakeholder", "indicator"};
static const char *const child_tnames[VL_NKINDS] = {"", "", VL_TMEASURE, VL_TSTAKEHOLDER,
                                                    VL_TINDICATOR};

/* Iterator: upvalues municipality, kind, next index. */
static int l_children_iter(lua_State *L) {
    vl_handle *h = vl_check_handle(L, lua_upvalueindex(1), VL_MUNICIPALITY);
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));
    void *child = child_at(kind, (veilig_municipality *)h->ptr, (size_t)i);
    if (child == NULL)
        return 0;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(3));
    vl_push_handle(L, lua_upvalueindex(1), kind, child, h->ptr);
    return 1;
}

static int children_iterator(lua_State *L, int kind) {
    vl_check_handle(L, 1, VL_MUNICIPALITY);
    lua_settop(L, 1);
    lua_pushinteger(L, kind);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, l_children_iter, 3);
    return 1;
}

/* for ms in m:measures() do ... end, and the same for stakeholders and indicators. */
int l_measures(lua_State *L) {
    return children_iterator(L, VL_MEASURE);
}
int l_stakeholders(lua_State *L) {
    return children_iterator(L, VL_STAKEHOLDER);
}
int l_indicators(lua_State *L) {
    return children_iterator(L, VL_INDICATOR);
}

/* m:measure(i | id), and the same for stakeholder and indicator: the object, or nil. */
static int child_get(lua_State *L, int kind) {
    vl_handle *h = vl_check_handle(L, 1, VL_MUNICIPALITY);
    veilig_municipality *m = (veilig_municipality *)h->ptr;
    void *child = NULL;
    if (lua_type(L, 2) == LUA_TNUMBER) {
        lua_Integer i = luaL_checkinteger(L, 2);
        if (i >= 1 && (lua_Integer)(size_t)i == i)
            child = child_at(kind, m, (size_t)(i - 1));
    } else {
        vlc_argexpected(L, lua_type(L, 2) == LUA_TSTRING, 2, "index or id");
        child = child_find(kind, m, lua_tostring(L, 2));
    }
    vl_push_handle(L, 1, kind, child, m);
    return 1;
}
int l_measure(lua_State *L) {
    return child_get(L, VL_MEASURE);
}
int l_stakeholder(lua_State *L) {
    return child_get(L, VL_STAKEHOLDER);
}
int l_indicator(lua_State *L) {
    return child_get(L, VL_INDICATOR);
}

/* m:remove_measure(i | id | measure), and the same for stakeholders and indicators. */
static int child_remove_method(lua_State *L, int kind) {
    vl_handle *h = vl_check_handle_mut(L, 1, VL_MUNICIPALITY);
    veilig_municipality *m = (veilig_municipality *)h->ptr;
    size_t i, n = child_count(kind, m), at = (size_t)-1;
    const void *target = NULL;
    int rc;
    if (lua_type(L, 2) == LUA_TNUMBER) {
        lua_Integer x = luaL_checkinteger(L, 2);
        if (x >= 1 && (lua_Integer)(size_t)x == x && (size_t)x <= n)
            at = (size_t)(x - 1);
    } else if (lua_type(L, 2) == LUA_TSTRING) {
        target = child_find(kind, m, lua_tostring(L, 2));
    } else {
        if (luaL_testudata(L, 2, child_tnames[kind]) == NULL)
            return luaL_argerror(L, 2,
                                 lua_pushfstring(L, "index, id or %s expected, got %s",
                                                 child_tnames[kind], luaL_typename(L, 2)));
        target = vl_check_handle(L, 2, kind)->ptr;
    }
    for (i = 0; target != NULL && i < n; i++)
        if ((const void *)child_at(kind, m, i) == target)
            at = i;
    rc = at == (size_t)-1 ? VEILIG_ENOTFOUND : child_remove(kind, m, at);
    if (rc != VEILIG_OK) {
        char msg[200]; /* formatted before any Lua allocation */
        snprintf(msg, sizeof msg, "no such %s in %.120s", child_names[kind],
                 veilig_municipality_code(m));
        return vl_push_error(L, rc, NULL, msg);
    }
    vl_sweep(L, 1, m, 0);
    lua_pushboolean(L, 1);
    return 1;
}
int l_remove_measure(lua_State *L) {
    return child_remove_method(L, VL_MEASURE);
}
int l_remove_stakeholder(lua_State *L) {
    return child_remove_method(L, VL_STAKEHOLDER);
}
int l_remove_indicator(lua_State *L) {
    return child_remove_method(L, VL_INDICATOR);
}

/* m:add_measure(table_or_json [, replace]): the measure, or nil, message, details. */
int l_add_measure(lua_State *L) {
    vl_handle *h = vl_check_handle(L, 1, VL_MUNICIPALITY);
    unsigned flags = vl_opt_add_flags(L, 3);
    int replace = (flags & VEILIG_ADD_REPLACE) != 0;
    size_t len = 0;
    const char *json = vl_json_arg(L, 2, &len);
    veilig_measure *ms = NULL;
    veilig_error err;
    int rc;
    h = vl_check_handle_mut(L, 1, VL_MUNICIPALITY); /* again, after the allocations above */
    rc = veilig_municipality_add_measure_json(&ms, (veilig_municipality *)h->ptr, json, len, flags,
                                              &err);
    if (rc != VEILIG_OK)
        return vl_push_json_error(L, rc, &err, 2);
    if (replace)
        vl_sweep(L, 1, h->ptr, 0);
    vl_push_handle(L, 1, VL_MEASURE, ms, h->ptr);
    return 1;
}

/* The string field k of the table at t, read raw (required: raises when absent or not a string). */
static const char *table_string(lua_State *L, int t, const char *k, int required) {
    const char *s = NULL;
    vl_raw_field(L, t, k);
    if (lua_type(L, -1) == LUA_TSTRING)
        s = lua_tostring(L, -1);
    else if (required || !lua_isnil(L, -1))
        luaL_argerror(L, t, lua_pushfstring(L, "field '%s' must be a string", k));
    lua_pop(L, 1); /* the table keeps the string alive */
    return s;
}

/* Fails an add: raises for a bad value (VL_ETYPE, VEILIG_EINVAL), else nil, message, details. */
static int add_failed(lua_State *L, int t, int rc, const vl_why *why) {
    if (rc == VL_ETYPE || rc == VEILIG_EINVAL)
        return luaL_argerror(L, t, why->msg);
    return vl_push_error(L, rc, NULL, why->msg);
}

/* m:add_stakeholder{id =, name =, kind =, roles =, parent =, note =}. */
int l_add_stakeholder(lua_State *L) {
    static const char *const skip[] = {"id", "name", "kind", NULL};
    vl_handle *h = vl_check_handle(L, 1, VL_MUNICIPALITY);
    veilig_municipality *m;
    veilig_stakeholder *s = NULL;
    const char *id, *name;
    vl_why why;
    int kind = 0, rc;
    luaL_checktype(L, 2, LUA_TTABLE);
    id = table_string(L, 2, "id", 1);
    name = table_string(L, 2, "name", 1);
    vl_raw_field(L, 2, "kind");
    rc = vl_opt_code(L, -1, VEILIG_VOCAB_STAKEHOLDER_TYPE, &kind, &why);
    lua_pop(L, 1);
    if (rc != VEILIG_OK) { /* name the field, as the other fields' refusals do */
        char reason[sizeof why.msg];
        memcpy(reason, why.msg, sizeof reason);
        snprintf(why.msg, sizeof why.msg, "kind: %.420s", reason);
    }
    h = vl_check_handle_mut(L, 1, VL_MUNICIPALITY); /* from here on: no Lua allocation */
    m = (veilig_municipality *)h->ptr;
    if (rc != VEILIG_OK)
        return add_failed(L, 2, rc, &why);
    rc = veilig_municipality_add_stakeholder(&s, m, id, name, (veilig_stakeholder_type)kind);
    if (rc == VEILIG_EEXISTS)
        return vl_push_error(L, rc, NULL, lua_pushfstring(L, "stakeholder %s exists", id));
    if (rc != VEILIG_OK)
        return add_failed(L, 2, vl_check_status(rc, &why), &why);
    rc = vl_apply_table(L, VL_STAKEHOLDER, s, 2, skip, &why);
    if (rc != VEILIG_OK) {
        veilig_municipality_remove_stakeholder(m, veilig_municipality_stakeholder_count(m) - 1);
        return add_failed(L, 2, rc, &why);
    }
    vl_push_handle(L, 1, VL_STAKEHOLDER, s, m);
    return 1;
}

/* Adds an observation {date =, value =, source =, note =} (the table at t) to ind; all or nothing.
 */
static int add_observation(lua_State *L, veilig_indicator *ind, int t, vl_why *why) {
    veilig_observation *o = NULL;
    veilig_date d;
    const veilig_date *pd;
    const char *source = NULL, *note = NULL;
    double value = 0;
    int present = 0, rc, top = lua_gettop(L);
    if (!lua_istable(L, t))
        return vl_type_fail(L, t, why, "table {date, value, source, note}");
    vl_raw_field(L, t, "date");
    vl_raw_field(L, t, "value");
    vl_raw_field(L, t, "source");
    vl_raw_field(L, t, "note");
    rc = vl_opt_date(L, top + 1, &d, &pd, why);
    if (rc == VEILIG_OK)
        rc = vl_opt_number(L, top + 2, &value, &present, why);
    if (rc == VEILIG_OK)
        rc = vl_opt_string(L, top + 3, &source, why);
    if (rc == VEILIG_OK)
        rc = vl_opt_string(L, top + 4, &note, why);
    if (rc == VEILIG_OK && (pd == NULL || !present))
        rc = vl_fail(why, VL_ETYPE, "an observation needs a date and a value");
    if (rc == VEILIG_OK)
        rc = vl_check_status(veilig_indicator_add_observation(&o, ind, pd, value), why);
    if (rc == VEILIG_OK) {
        rc = vl_check_status(veilig_observation_set_source(o, source), why);
        if (rc == VEILIG_OK)
            rc = vl_check_status(veilig_observation_set_note(o, note), why);
        if (rc != VEILIG_OK)
            veilig_indicator_remove_observation(ind, veilig_indicator_observation_count(ind) - 1);
    }
    lua_settop(L, top);
    return rc;
}

/* m:add_indicator{id =, name =, level =, unit =, direction =, baseline =, target =, observations
 * =}. */
int l_add_indicator(lua_State *L) {
    static const char *const skip[] = {"id", "name", "observations", NULL};
    vl_handle *h = vl_check_handle(L, 1, VL_MUNICIPALITY);
    veilig_municipality *m;
    veilig_indicator *ind = NULL;
    const char *id, *name;
    vl_why why;
    int rc;
    luaL_checktype(L, 2, LUA_TTABLE);
    id = table_string(L, 2, "id", 1);
    name = table_string(L, 2, "name", 1);
    vl_raw_field(L, 2, "observations");
    h = vl_check_handle_mut(L, 1, VL_MUNICIPALITY); /* from here on: no Lua allocation */
    m = (veilig_municipality *)h->ptr;
    rc = veilig_municipality_add_indicator(&ind, m, id, name);
    if (rc == VEILIG_EEXISTS)
        return vl_push_error(L, rc, NULL, lua_pushfstring(L, "indicator %s exists", id));
    if (rc != VEILIG_OK)
        return add_failed(L, 2, vl_check_status(rc, &why), &why);
    rc = vl_apply_table(L, VL_INDICATOR, ind, 2, skip, &why);
    if (rc == VEILIG_OK && !lua_isnil(L, -1)) { /* the observations */
        size_t i, n;
        if (!lua_istable(L, -1)) {
            rc = vl_type_fail(L, -1, &why, "table (a list of observations)");
        } else {
            n = lua_rawlen(L, -1);
            for (i = 1; i <= n && rc == VEILIG_OK; i++) {
                lua_rawgeti(L, -1, (int)i);
                rc = add_observation(L, ind, lua_gettop(L), &why);
                lua_pop(L, 1);
            }
        }
    }
    lua_pop(L, 1);
    if (rc != VEILIG_OK) {
        veilig_municipality_remove_indicator(m, veilig_municipality_indicator_count(m) - 1);
        return add_failed(L, 2, rc, &why);
    }
    vl_push_handle(L, 1, VL_INDICATOR, ind, m);
    return 1;
}

/* m:to_json([opts]) and ms:to_json([opts]): the object as in a dump. */
static int to_json(lua_State *L, int kind, int as_table) {
    vl_handle *h = vl_check_handle(L, 1, kind);
    veilig_save_options o;
    veilig_error err;
    vl_box *box;
    char *out = NULL;
    int rc;
    vl_save_options(L, 2, &o);
    if (as_table)
        o.flags |= VEILIG_SAVE_COMPACT;
    box = vl_box_new(L, veilig_free);
    h = vl_check_handle(L, 1, kind); /* again, after the allocation */
    rc = kind == VL_MUNICIPALITY
             ? veilig_municipality_to_json(&out, &box->len, (const veilig_municipality *)h->ptr, &o,
                                           &err)
             : veilig_measure_to_json(&out, &box->len, (const veilig_measure *)h->ptr, &o, &err);
    box->p = out;
    if (as_table)
        return vl_return_json(L, -1, rc, &err);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    lua_pushlstring(L, out, box->len);
    vl_box_clear(box);
    return 1;
}
int l_municipality_to_json(lua_State *L) {
    return to_json(L, VL_MUNICIPALITY, 0);
}
int l_municipality_to_table(lua_State *L) {
    return to_json(L, VL_MUNICIPALITY, 1);
}
int l_measure_to_json(lua_State *L) {
    return to_json(L, VL_MEASURE, 0);
}
int l_measure_to_table(lua_State *L) {
    return to_json(L, VL_MEASURE, 1);
}

/* ind:add_observation{date =, value =, source =, note =}: the indicator, or nil, message, details.
 */
int l_add_observation(lua_State *L) {
    vl_handle *h;
    vl_why why;
    int rc;
    luaL_checktype(L, 2, LUA_TTABLE);
    h = vl_check_handle_mut(L, 1, VL_INDICATOR);
    rc = add_observation(L, (veilig_indicator *)h->ptr, 2, &why);
    if (rc != VEILIG_OK)
        return add_failed(L, 2, rc, &why);
    lua_settop(L, 1);
    return 1;
}

/* ind:remove_observation(i): true, or nil, message, details. */
int l_remove_observation(lua_State *L) {
    lua_Integer i = luaL_checkinteger(L, 2);
    vl_handle *h = vl_check_handle_mut(L, 1, VL_INDICATOR);
    veilig_indicator *ind = (veilig_indicator *)h->ptr;
    int rc = i >= 1 && (lua_Integer)(size_t)i == i
                 ? veilig_indicator_remove_observation(ind, (size_t)(i - 1))
                 : VEILIG_ENOTFOUND;
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, "no such observation");
    lua_pushboolean(L, 1);
    return 1;
}

/*
 * Makes the metatable of kind: __index (a method of the table at methods,
 * else a field), __newindex, __name, and the metamethods of the kind. The
 * methods themselves are registered by luaopen_veilig (lveilig.c).
 */
void vl_model_metatable(lua_State *L, int kind, int methods) {
    methods = lua_absindex(L, methods);
    luaL_newmetatable(L, vl_tnames[kind]); /* mt */
    lua_pushvalue(L, methods);
    lua_pushinteger(L, kind);
    lua_pushcclosure(L, l_index, 2); /* mt __index(methods, kind) */
    lua_setfield(L, -2, "__index");
    lua_pushinteger(L, kind);
    lua_pushcclosure(L, l_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, vl_tnames[kind]);
    lua_setfield(L, -2, "__name");
    if (kind == VL_REGISTRY) {
        vl_registry_metamethods(L);
    } else {
        lua_pushcfunction(L, l_handle_tostring);
        lua_setfield(L, -2, "__tostring");
        lua_pushcfunction(L, l_handle_eq);
        lua_setfield(L, -2, "__eq");
        if (kind == VL_MUNICIPALITY) {
            lua_pushcfunction(L, l_municipality_len);
            lua_setfield(L, -2, "__len");
        }
    }
    lua_pop(L, 1);
}
