/*
 * libveilig Lua binding: the core. Boxes (C memory owned by a userdata),
 * errors (nil, message, details), registries' and handles' lifetimes (see
 * lveilig.h), sweeps after a change, reading option tables, and the naming
 * trampoline through which every function of the module is registered.
 *
 * Layer: core; it calls nothing of a layer above it. The
 * layers are listed in lveilig.h and bindings/lua/README.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lveilig.h"

const char *const vl_tnames[VL_NKINDS] = {VL_TREGISTRY, VL_TMUNICIPALITY, VL_TMEASURE,
                                          VL_TSTAKEHOLDER, VL_TINDICATOR};

/* ---- boxes ---- */

static int box_gc(lua_State *L) {
    vl_box *b = (vl_box *)luaL_checkudata(L, 1, VL_TBOX);
    vl_box_clear(b);
    return 0;
}

vl_box *vl_box_new(lua_State *L, void (*free_fn)(void *)) {
    vl_box *b = (vl_box *)lua_newuserdata(L, sizeof *b);
    b->p = NULL;
    b->len = 0;
    b->free = free_fn;
    vg_buf_init_std(&b->buf);
    luaL_getmetatable(L, VL_TBOX);
    lua_setmetatable(L, -2);
    return b;
}

void vl_box_clear(vl_box *b) {
    if (b->p != NULL && b->free != NULL)
        b->free(b->p);
    b->p = NULL;
    b->len = 0;
    vg_buf_free(&b->buf);
}

/* ---- errors ---- */

const char *vl_status_name(int rc) {
    switch (rc) {
        case VEILIG_OK:
            return "ok";
        case VEILIG_ENOMEM:
            return "nomem";
        case VEILIG_EIO:
            return "io";
        case VEILIG_EPARSE:
            return "parse";
        case VEILIG_ESCHEMA:
            return "schema";
        case VEILIG_EINVAL:
            return "inval";
        case VEILIG_ENOTFOUND:
            return "notfound";
        case VEILIG_EEXISTS:
            return "exists";
        case VEILIG_EVERSION:
            return "version";
        case VEILIG_ELIMIT:
            return "limit";
        default:
            return "unknown";
    }
}

void vl_push_error_details(lua_State *L, int rc, const veilig_error *err, const char *what) {
    const char *message = (err != NULL && err->message[0] != '\0') ? err->message
                          : (what != NULL)                         ? what
                                                                   : veilig_strerror(rc);
    lua_createtable(L, 0, 8);
    lua_pushstring(L, vl_status_name(rc));
    lua_setfield(L, -2, "code");
    lua_pushinteger(L, rc);
    lua_setfield(L, -2, "number");
    lua_pushstring(L, message);
    lua_setfield(L, -2, "message");
    lua_pushinteger(L, err != NULL ? err->line : 0);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, err != NULL ? err->column : 0);
    lua_setfield(L, -2, "column");
    lua_pushinteger(L, err != NULL ? (lua_Integer)err->position : 0);
    lua_setfield(L, -2, "position");
    lua_pushstring(L, err != NULL ? err->pointer : "");
    lua_setfield(L, -2, "pointer");
    lua_pushstring(L, err != NULL ? err->source : "");
    lua_setfield(L, -2, "source");
}

int vl_push_error(lua_State *L, int rc, const veilig_error *err, const char *what) {
    const char *message = (err != NULL && err->message[0] != '\0') ? err->message
                          : (what != NULL)                         ? what
                                                                   : veilig_strerror(rc);
    lua_pushnil(L);
    if (err != NULL && err->line > 0)
        lua_pushfstring(L, "%s:%d:%d: ", err->source[0] ? err->source : "<string>", err->line,
                        err->column);
    else if (err != NULL && err->source[0] != '\0')
        lua_pushfstring(L, "%s: ", err->source);
    else
        lua_pushliteral(L, "");
    if (err != NULL && err->pointer[0] != '\0')
        lua_pushfstring(L, "%s (at %s)", message, err->pointer);
    else
        lua_pushstring(L, message);
    lua_concat(L, 2);
    vl_push_error_details(L, rc, err, what);
    return 3;
}

int vl_push_json_error(lua_State *L, int rc, veilig_error *err, int arg) {
    static const char c_flag[] = " (use VEILIG_ADD_REPLACE)";
    char *at = strstr(err->message, c_flag);
    if (at != NULL) {
        size_t room = sizeof err->message - (size_t)(at - err->message);
        snprintf(at, room, " (give replace = true to replace it)");
    }
    if (lua_istable(L, arg)) {
        snprintf(err->source, sizeof err->source, "<table>");
        err->line = err->column = 0;
        err->position = 0;
    }
    vl_push_error(L, rc, err, NULL);
    if (rc == VEILIG_EINVAL) /* refused in itself (an unknown code): a mistake of the call */
        return luaL_argerror(L, arg, lua_tostring(L, -2));
    return 3;
}

const char *vl_reason(int rc, const char *what) {
    const veilig_error *e = veilig_error_last();
    if (what != NULL)
        return what;
    if (e != NULL && e->code == rc && e->message[0] != '\0')
        return e->message;
    return veilig_strerror(rc);
}

int vl_refuse(lua_State *L, int arg, const char *what) {
    char msg[512]; /* a copy first: pushing it may run a __gc that changes what it points at */
    snprintf(msg, sizeof msg, "%s", what);
    if (arg > 0)
        return luaL_argerror(L, arg, msg);
    return luaL_error(L, "%s", msg);
}

/* ---- registries and handles ---- */

vl_registry *vl_registry_of(lua_State *L, int idx) {
    vl_registry *R;
    vlc_getuservalue(L, idx);
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return NULL;
    }
    lua_rawgeti(L, -1, VL_ANCHOR_REGISTRY);
    R = (vl_registry *)luaL_testudata(L, -1, VL_TREGISTRY);
    lua_pop(L, 2);
    return R;
}

void vl_push_registry(lua_State *L, int idx) {
    vlc_getuservalue(L, idx);
    if (lua_istable(L, -1)) {
        lua_rawgeti(L, -1, VL_ANCHOR_REGISTRY);
        lua_remove(L, -2);
    } else {
        lua_pop(L, 1);
        lua_pushnil(L);
    }
}

vl_registry *vl_check_registry(lua_State *L, int idx) {
    vl_registry *R = (vl_registry *)luaL_checkudata(L, idx, VL_TREGISTRY);
    if (R->reg == NULL)
        luaL_error(L, VL_TREGISTRY ": the registry is closed");
    return R;
}

vl_handle *vl_check_handle(lua_State *L, int idx, int kind) {
    vl_handle *h = (vl_handle *)luaL_checkudata(L, idx, vl_tnames[kind]);
    vl_registry *R = vl_registry_of(L, idx);
    if (R == NULL || R->reg == NULL)
        luaL_error(L, "%s: its registry is closed", vl_tnames[kind]);
    if (h->ptr == NULL || h->gen != R->gen) {
        h->ptr = NULL;
        h->muni = NULL;
        luaL_error(
            L, "%s: stale object: it was removed from its registry or replaced (look it up again)",
            vl_tnames[kind]);
    }
    return h;
}

/* Raises when field reads of the module are under way (a __gc metamethod tries to change R). */
void vl_check_idle(lua_State *L, const vl_registry *R) {
    if (R->busy > 0)
        luaL_error(L, "veilig: a registry cannot change while the module reads it (from a __gc "
                      "metamethod?)");
}

vl_registry *vl_check_registry_mut(lua_State *L, int idx) {
    vl_registry *R = vl_check_registry(L, idx);
    vl_check_idle(L, R);
    return R;
}

vl_handle *vl_check_handle_mut(lua_State *L, int idx, int kind) {
    vl_handle *h = vl_check_handle(L, idx, kind);
    vl_check_idle(L, vl_registry_of(L, idx));
    return h;
}

void vl_raw_field(lua_State *L, int t, const char *k) {
    t = lua_absindex(L, t);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), k) == 0) {
            lua_remove(L, -2);
            return;
        }
        lua_pop(L, 1);
    }
    lua_pushnil(L);
}

/* Makes a registry userdata (with reg NULL) and its anchor table; pushes it. */
vl_registry *vl_registry_push_new(lua_State *L) {
    vl_registry *R = (vl_registry *)vlc_newuserdata(L, sizeof *R);
    R->reg = NULL;
    R->gen = 0;
    R->busy = 0;
    luaL_getmetatable(L, VL_TREGISTRY);
    lua_setmetatable(L, -2);
    lua_createtable(L, 2, 0); /* the anchor */
    lua_pushvalue(L, -2);
    lua_rawseti(L, -2, VL_ANCHOR_REGISTRY);
    lua_newtable(L); /* the handles, weak values */
    luaL_getmetatable(L, VL_TWEAK);
    lua_setmetatable(L, -2);
    lua_rawseti(L, -2, VL_ANCHOR_HANDLES);
    vlc_setuservalue(L, -2);
    return R;
}

void vl_push_handle(lua_State *L, int owner, int kind, void *ptr, void *muni) {
    vl_registry *R;
    vl_handle *h;
    unsigned long gen;
    if (ptr == NULL) {
        lua_pushnil(L);
        return;
    }
    owner = lua_absindex(L, owner);
    vlc_getuservalue(L, owner);            /* anchor */
    lua_rawgeti(L, -1, VL_ANCHOR_HANDLES); /* anchor handles */
    lua_pushlightuserdata(L, ptr);
    lua_rawget(L, -2); /* anchor handles h? */
    h = (vl_handle *)lua_touserdata(L, -1);
    if (h != NULL && h->kind == kind && h->ptr == ptr) {
        lua_replace(L, -3);
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    lua_rawgeti(L, -2, VL_ANCHOR_REGISTRY);
    R = (vl_registry *)lua_touserdata(L, -1);
    lua_pop(L, 1);
    /* the generation of now: if the allocation below runs a finalizer that changes the
       registry, the handle is born stale instead of holding a pointer that may be freed */
    gen = R != NULL ? R->gen : 0;
    h = (vl_handle *)vlc_newuserdata(L, sizeof *h); /* anchor handles h */
    h->kind = kind;
    h->ptr = ptr;
    h->muni = muni;
    h->gen = gen;
    luaL_getmetatable(L, vl_tnames[kind]);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -3);
    vlc_setuservalue(L, -2);
    lua_pushlightuserdata(L, ptr);
    lua_pushvalue(L, -2);
    lua_rawset(L, -4);
    lua_replace(L, -3);
    lua_pop(L, 1);
}

/* Whether ptr is still one of muni's objects of kind (pointer comparisons only). */
static int vl_contains(int kind, const veilig_municipality *m, const void *ptr) {
    size_t i, n;
    switch (kind) {
        case VL_MEASURE:
            n = veilig_municipality_measure_count(m);
            for (i = 0; i < n; i++)
                if ((const void *)veilig_municipality_measure(m, i) == ptr)
                    return 1;
            return 0;
        case VL_STAKEHOLDER:
            n = veilig_municipality_stakeholder_count(m);
            for (i = 0; i < n; i++)
                if ((const void *)veilig_municipality_stakeholder(m, i) == ptr)
                    return 1;
            return 0;
        case VL_INDICATOR:
            n = veilig_municipality_indicator_count(m);
            for (i = 0; i < n; i++)
                if ((const void *)veilig_municipality_indicator(m, i) == ptr)
                    return 1;
            return 0;
        default:
            return 0;
    }
}

int vl_sweep_prepare(lua_State *L, int owner) {
    vl_registry *R = vl_registry_of(L, owner);
    size_t n = R != NULL && R->reg != NULL ? veilig_registry_count(R->reg) + 1 : 1;
    lua_createtable(L, 0, (int)(n < 1u << 20 ? n : 1u << 20));
    return lua_gettop(L);
}

void vl_sweep(lua_State *L, int owner, const void *only_muni, int live) {
    vl_registry *R;
    int handles;
    size_t i, n;
    owner = lua_absindex(L, owner);
    R = vl_registry_of(L, owner);
    if (R == NULL || R->reg == NULL)
        return;
    R->gen++;
    /* the live municipalities, into the table made before the change: raw sets, no GC step */
    if (only_muni == NULL) {
        n = veilig_registry_count(R->reg);
        for (i = 0; i < n; i++) {
            lua_pushlightuserdata(L, (void *)veilig_registry_get(R->reg, i));
            lua_pushboolean(L, 1);
            lua_rawset(L, live);
        }
    }
    vlc_getuservalue(L, owner);
    lua_rawgeti(L, -1, VL_ANCHOR_HANDLES);
    handles = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, handles)) {
        vl_handle *h = (vl_handle *)lua_touserdata(L, -1);
        int alive = 0;
        if (h != NULL && h->ptr != NULL) {
            if (only_muni != NULL && h->muni != only_muni) {
                alive = 1;
            } else {
                int muni_alive = 1;
                if (only_muni == NULL) {
                    lua_pushlightuserdata(L, h->muni);
                    lua_rawget(L, live);
                    muni_alive = lua_toboolean(L, -1);
                    lua_pop(L, 1);
                }
                alive = muni_alive &&
                        (h->kind == VL_MUNICIPALITY ||
                         vl_contains(h->kind, (const veilig_municipality *)h->muni, h->ptr));
            }
        }
        if (alive) {
            h->gen = R->gen;
        } else {
            if (h != NULL) {
                h->ptr = NULL;
                h->muni = NULL;
            }
            lua_pushvalue(L, -2);
            lua_pushnil(L);
            lua_rawset(L, handles); /* clearing an existing field during lua_next is allowed */
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
}

/* ---- options ---- */

void vl_save_options(lua_State *L, int idx, veilig_save_options *o) {
    veilig_save_options_init(o, VEILIG_SAVE_OPTIONS_VERSION);
    if (lua_isnoneornil(L, idx))
        return;
    luaL_checktype(L, idx, LUA_TTABLE);
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
        unsigned flag = strcmp(k, "omit_personal") == 0 ? VEILIG_SAVE_OMIT_PERSONAL
                        : strcmp(k, "compact") == 0     ? VEILIG_SAVE_COMPACT
                        : strcmp(k, "ascii") == 0       ? VEILIG_SAVE_ASCII
                                                        : 0u;
        if (flag == 0)
            luaL_argerror(L, idx,
                          lua_pushfstring(L, "unknown option '%s' (omit_personal, compact, ascii)",
                                          lua_type(L, -2) == LUA_TSTRING ? k : "?"));
        if (!lua_isboolean(L, -1))
            luaL_argerror(L, idx, lua_pushfstring(L, "option '%s' must be a boolean", k));
        if (lua_toboolean(L, -1))
            o->flags |= flag;
        lua_pop(L, 1);
    }
}

void vl_load_options(lua_State *L, int idx, veilig_load_options *o) {
    veilig_load_options_init(o, VEILIG_LOAD_OPTIONS_VERSION);
    if (lua_isnoneornil(L, idx))
        return;
    luaL_checktype(L, idx, LUA_TTABLE);
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        size_t *limit = strcmp(k, "max_depth") == 0            ? &o->max_depth
                        : strcmp(k, "max_string") == 0         ? &o->max_string
                        : strcmp(k, "max_municipalities") == 0 ? &o->max_municipalities
                        : strcmp(k, "max_size") == 0           ? &o->max_size
                                                               : NULL;
        if (strcmp(k, "source") == 0) {
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_argerror(L, idx, "option 'source' must be a string");
            o->source = lua_tostring(L, -1); /* stays alive: the table holds it */
        } else if (limit != NULL) {
            if (!vlc_isinteger(L, -1) || lua_tointeger(L, -1) < 0)
                luaL_argerror(L, idx,
                              lua_pushfstring(L, "option '%s' must be a non-negative integer", k));
            *limit = (size_t)lua_tointeger(L, -1);
        } else {
            luaL_argerror(L, idx,
                          lua_pushfstring(L,
                                          "unknown option '%s' (source, max_depth, max_string, "
                                          "max_municipalities, max_size)",
                                          k));
        }
        lua_pop(L, 1);
    }
}

/* The flags of an add from JSON: nothing, `true` (replace) or a table
 * {replace = bool, as_loaded = bool}. */
unsigned vl_opt_add_flags(lua_State *L, int idx) {
    unsigned flags = 0;
    if (lua_isnoneornil(L, idx))
        return 0;
    if (lua_type(L, idx) == LUA_TBOOLEAN)
        return lua_toboolean(L, idx) ? VEILIG_ADD_REPLACE : 0u;
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        unsigned bit = strcmp(k, "replace") == 0     ? VEILIG_ADD_REPLACE
                       : strcmp(k, "as_loaded") == 0 ? VEILIG_ADD_AS_LOADED
                                                     : 0u;
        if (!bit)
            luaL_argerror(L, idx,
                          lua_pushfstring(L, "unknown option '%s' (replace, as_loaded)", k));
        if (lua_type(L, -1) != LUA_TBOOLEAN)
            luaL_argerror(L, idx, lua_pushfstring(L, "option '%s' must be a boolean", k));
        if (lua_toboolean(L, -1))
            flags |= bit;
        lua_pop(L, 1);
    }
    return flags;
}

/* reg:add_json(text_or_table [, replace]): the municipality added (or replaced). */

/* ---- registration: one name for every function ---- */

/*
 * Calls the C function in upvalue 1 with the arguments given. An argument
 * error it raises names the function (upvalue 2): luaL_argerror finds a name
 * only where the caller's call site gives one, and under pcall or
 * as a value passed around it says '?'. The argument numbers count self.
 */
static int vl_named_call(lua_State *L) {
    int n = lua_gettop(L);
    const char *msg, *to, *end;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, n, LUA_MULTRET, 0) == LUA_OK)
        return lua_gettop(L);
    msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (msg != NULL && strncmp(msg, "bad argument #", 14) == 0 &&
        (to = strstr(msg, " to '")) != NULL && (end = strstr(to + 5, "' (")) != NULL) {
        lua_pushlstring(L, msg, (size_t)(to - msg) + 5);
        lua_pushvalue(L, lua_upvalueindex(2));
        lua_pushstring(L, end);
        lua_concat(L, 3);
    }
    return lua_error(L);
}

static int vl_kind_of_prefix(const char *name, size_t n) {
    int kind;
    for (kind = 0; kind < VL_NKINDS; kind++)
        if (strlen(vl_tnames[kind]) == n + 7 && strncmp(vl_tnames[kind] + 7, name, n) == 0)
            return kind;
    return -1;
}

void vl_register(lua_State *L, const luaL_Reg *fns, int module, int methods) {
    module = lua_absindex(L, module);
    methods = lua_absindex(L, methods);
    for (; fns->name != NULL; fns++) {
        const char *colon = strchr(fns->name, ':');
        int kind = colon != NULL ? vl_kind_of_prefix(fns->name, (size_t)(colon - fns->name)) : -1;
        if (colon != NULL && kind < 0)
            luaL_error(L, "veilig: no kind of object for '%s'", fns->name);
        lua_pushcfunction(L, fns->func);
        lua_pushstring(L, colon != NULL ? colon + 1 : fns->name);
        lua_pushcclosure(L, vl_named_call, 2);
        if (colon == NULL) {
            lua_setfield(L, module, fns->name + 7); /* after "veilig." */
        } else {
            lua_rawgeti(L, methods, kind + 1);
            lua_insert(L, -2);
            lua_setfield(L, -2, colon + 1);
            lua_pop(L, 1);
        }
    }
}

void vl_core_open(lua_State *L) {
    luaL_newmetatable(L, VL_TBOX);
    lua_pushcfunction(L, box_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);

    luaL_newmetatable(L, VL_TWEAK);
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "__mode");
    lua_pop(L, 1);

    luaL_newmetatable(L, VL_TOBJECT);
    lua_pop(L, 1);
}
