/*
 * libveilig Lua binding: the module `veilig` (Lua 5.1, 5.2, 5.3, 5.4 and
 * LuaJIT from one source; compat.h bridges the differences).
 *
 * This file: the module table, registries, handles and their lifetimes (see
 * lveilig.h), errors, boxes, vocabularies. lveilig_model.c has the fields
 * and methods of the model's objects, lveilig_json.c the JSON encoder and
 * decoder.
 *
 * Analyses and renderings (reg:query, reg:coverage, m:profile, ...,
 * reg:report_html) are in lveilig_analysis.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lveilig.h"

VL_EXPORT int luaopen_veilig(lua_State *L);

static const char *const vl_tnames[VL_NKINDS] = {VL_TREGISTRY, VL_TMUNICIPALITY, VL_TMEASURE,
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
    b->cap = 0;
    b->free = free_fn;
    luaL_getmetatable(L, VL_TBOX);
    lua_setmetatable(L, -2);
    return b;
}

void vl_box_clear(vl_box *b) {
    if (b->p != NULL && b->free != NULL)
        b->free(b->p);
    b->p = NULL;
    b->len = 0;
    b->cap = 0;
}

static void vl_free_diagnostics(void *p) {
    veilig_diagnostics_free((veilig_diagnostics *)p);
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
    return vl_push_error(L, rc, err, NULL);
}

int vl_return_json(lua_State *L, int box_idx, int rc, const veilig_error *err) {
    box_idx = lua_absindex(L, box_idx);
    vl_box *b = (vl_box *)luaL_checkudata(L, box_idx, VL_TBOX);
    if (rc != VEILIG_OK || b->p == NULL) {
        vl_box_clear(b);
        lua_remove(L, box_idx);
        return vl_push_error(L, rc != VEILIG_OK ? rc : VEILIG_ENOMEM, err, NULL);
    }
    vl_json_decode(L, (const char *)b->p, b->len);
    vl_box_clear(b);
    lua_remove(L, box_idx);
    return 1;
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
static void vl_check_idle(lua_State *L, const vl_registry *R) {
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

/* Reads the load options table at idx into o; raises on bad ones. */
static void vl_load_options(lua_State *L, int idx, veilig_load_options *o) {
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

/* ---- module functions: making registries ---- */

static int l_load(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    veilig_load_options o;
    veilig_error err;
    vl_registry *R;
    int rc;
    vl_load_options(L, 2, &o);
    R = vl_registry_push_new(L);
    rc = veilig_registry_load_file(&R->reg, path, &o, &err);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    return 1;
}

static int l_loads(lua_State *L) {
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    veilig_load_options o;
    veilig_error err;
    vl_registry *R;
    int rc;
    vl_load_options(L, 2, &o);
    R = vl_registry_push_new(L);
    rc = veilig_registry_load_string(&R->reg, text, len, &o, &err);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    return 1;
}

static int l_builtin(lua_State *L) {
    veilig_error err;
    vl_registry *R = vl_registry_push_new(L);
    int rc = veilig_registry_load_builtin(&R->reg, &err);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    return 1;
}

static int l_new(lua_State *L) {
    vl_registry *R = vl_registry_push_new(L);
    int rc = veilig_registry_new(&R->reg);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, NULL);
    return 1;
}

/* ---- module functions: vocabularies ---- */

static veilig_vocab vl_check_vocab(lua_State *L, int idx) {
    const char *name = luaL_checkstring(L, idx);
    veilig_vocab v = veilig_vocab_from_name(name);
    if (v == 0)
        luaL_argerror(L, idx, lua_pushfstring(L, "unknown vocabulary '%s'", name));
    return v;
}

static const char *vl_check_lang(lua_State *L, int idx) {
    const char *lang = luaL_optstring(L, idx, "nl");
    if (strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
        luaL_argerror(L, idx, lua_pushfstring(L, "unknown language '%s' (nl, en)", lang));
    return lang;
}

/*
 * veilig.label(code [, lang]) or veilig.label(vocab, code, lang): the label
 * of a code. With two arguments or fewer the first vocabulary (in
 * veilig.vocabularies() order) that has the code decides; with three the
 * vocabulary is given (lang may be nil there).
 */
static int l_label(lua_State *L) {
    int three = lua_gettop(L) >= 3;
    veilig_vocab vocab = three ? vl_check_vocab(L, 1) : (veilig_vocab)0;
    const char *code = luaL_checkstring(L, three ? 2 : 1);
    const char *lang = vl_check_lang(L, three ? 3 : 2);
    int v = 0;
    if (three) {
        v = veilig_vocab_from_code(vocab, code);
    } else {
        int i;
        for (i = 1; veilig_vocab_name((veilig_vocab)i) != NULL; i++) {
            v = veilig_vocab_from_code((veilig_vocab)i, code);
            if (v != 0) {
                vocab = (veilig_vocab)i;
                break;
            }
        }
    }
    if (v == 0) {
        lua_pushnil(L);
        if (three)
            lua_pushfstring(L, "unknown %s code '%s'", veilig_vocab_name(vocab), code);
        else
            lua_pushfstring(L, "unknown code '%s'", code);
        return 2;
    }
    lua_pushstring(L, veilig_vocab_label(vocab, v, lang));
    return 1;
}

/* veilig.codes(vocab): the codes of a vocabulary, in order. */
static int l_codes(lua_State *L) {
    veilig_vocab vocab = vl_check_vocab(L, 1);
    int i, n = veilig_vocab_size(vocab);
    lua_createtable(L, n, 0);
    for (i = 1; i <= n; i++) {
        lua_pushstring(L, veilig_vocab_code(vocab, i));
        lua_rawseti(L, -2, i);
    }
    return 1;
}

/* veilig.vocabularies(): the names of the vocabularies, in order. */
static int l_vocabularies(lua_State *L) {
    int i;
    lua_newtable(L);
    for (i = 1; veilig_vocab_name((veilig_vocab)i) != NULL; i++) {
        lua_pushstring(L, veilig_vocab_name((veilig_vocab)i));
        lua_rawseti(L, -2, i);
    }
    return 1;
}

/* ---- registry methods ---- */

static int l_registry_len(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    lua_pushinteger(L, (lua_Integer)veilig_registry_count(R->reg));
    return 1;
}

static int l_registry_get(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    lua_Integer i = luaL_checkinteger(L, 2);
    veilig_municipality *m = NULL;
    if (i >= 1 && (lua_Integer)(size_t)i == i)
        m = veilig_registry_get_mut(R->reg, (size_t)(i - 1));
    vl_push_handle(L, 1, VL_MUNICIPALITY, m, m);
    return 1;
}

static int l_registry_find(lua_State *L) {
    const char *key = luaL_checkstring(L, 2);
    vl_registry *R = vl_check_registry(L, 1);
    veilig_municipality *m = veilig_registry_find_mut(R->reg, key);
    vl_push_handle(L, 1, VL_MUNICIPALITY, m, m);
    return 1;
}

static int l_registry_iter(lua_State *L) {
    vl_registry *R = vl_check_registry(L, lua_upvalueindex(1));
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    veilig_municipality *m = veilig_registry_get_mut(R->reg, (size_t)i);
    if (m == NULL)
        return 0;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(2));
    vl_push_handle(L, lua_upvalueindex(1), VL_MUNICIPALITY, m, m);
    return 1;
}

/* for m in reg:municipalities() do ... end */
static int l_registry_municipalities(lua_State *L) {
    vl_check_registry(L, 1);
    lua_settop(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, l_registry_iter, 2);
    return 1;
}

/* reg:add(code, name): a new municipality, or nil, message, details. */
static int l_registry_add(lua_State *L) {
    const char *code = luaL_checkstring(L, 2);
    const char *name = luaL_checkstring(L, 3);
    vl_registry *R = vl_check_registry_mut(L, 1);
    veilig_municipality *m = NULL;
    int rc = veilig_registry_add(&m, R->reg, code, name);
    if (rc == VEILIG_EEXISTS)
        return vl_push_error(L, rc, NULL,
                             lua_pushfstring(L, "a municipality with code %s exists", code));
    if (rc == VEILIG_EINVAL)
        return vl_push_error(L, rc, NULL,
                             "a municipality needs a code and a name (valid UTF-8, not empty)");
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, NULL);
    vl_push_handle(L, 1, VL_MUNICIPALITY, m, m);
    return 1;
}

const char *vl_json_arg(lua_State *L, int idx, size_t *len) {
    vl_box *b;
    vl_why why;
    if (lua_type(L, idx) == LUA_TSTRING) {
        lua_pushvalue(L, idx);
        return lua_tolstring(L, -1, len);
    }
    vlc_argexpected(L, lua_type(L, idx) == LUA_TTABLE, idx, "string or table");
    b = vl_box_new(L, free);
    if (vl_json_encode(L, idx, b, &why) != 0)
        luaL_argerror(L, idx, why.msg);
    *len = b->len;
    return (const char *)b->p;
}

int vl_opt_replace(lua_State *L, int idx) {
    if (lua_isnoneornil(L, idx))
        return 0;
    luaL_checktype(L, idx, LUA_TBOOLEAN);
    return lua_toboolean(L, idx);
}

/* reg:add_json(text_or_table [, replace]): the municipality added (or replaced). */
static int l_registry_add_json(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    int replace = vl_opt_replace(L, 3);
    size_t len = 0;
    const char *json = vl_json_arg(L, 2, &len);
    int live = vl_sweep_prepare(L, 1);
    veilig_municipality *m = NULL;
    veilig_error err;
    int rc;
    R = vl_check_registry_mut(L, 1); /* again: the allocations above may have run Lua code */
    rc = veilig_registry_add_json(&m, R->reg, json, len, replace ? VEILIG_ADD_REPLACE : 0u, &err);
    if (rc != VEILIG_OK)
        return vl_push_json_error(L, rc, &err, 2);
    if (replace)
        vl_sweep(L, 1, NULL, live);
    vl_push_handle(L, 1, VL_MUNICIPALITY, m, m);
    return 1;
}

/* The 0-based index of the municipality argument at idx (index, code or name, or handle), or -1. */
static size_t vl_municipality_index(lua_State *L, vl_registry *R, int idx) {
    size_t n = veilig_registry_count(R->reg);
    if (lua_type(L, idx) == LUA_TNUMBER) {
        lua_Integer i = luaL_checkinteger(L, idx);
        return i >= 1 && (lua_Integer)(size_t)i == i && (size_t)i <= n ? (size_t)(i - 1)
                                                                       : (size_t)-1;
    }
    if (lua_type(L, idx) == LUA_TSTRING) {
        const veilig_municipality *m = veilig_registry_find(R->reg, lua_tostring(L, idx));
        return m != NULL ? veilig_registry_index_of(R->reg, m) : (size_t)-1;
    }
    if (luaL_testudata(L, idx, VL_TMUNICIPALITY) != NULL) {
        vl_handle *h = vl_check_handle(L, idx, VL_MUNICIPALITY);
        size_t i;
        for (i = 0; i < n; i++) /* the handle may belong to another registry */
            if ((const void *)veilig_registry_get(R->reg, i) == h->ptr)
                return i;
        return (size_t)-1;
    }
    vlc_argexpected(L, 0, idx, "index, code, name or " VL_TMUNICIPALITY);
    return (size_t)-1;
}

/* reg:remove(i | code | name | municipality): true, or nil, message, details. */
static int l_registry_remove(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    int live = vl_sweep_prepare(L, 1);
    size_t i;
    int rc;
    R = vl_check_registry_mut(L, 1);
    i = vl_municipality_index(L, R, 2);
    rc = i == (size_t)-1 ? VEILIG_ENOTFOUND : veilig_registry_remove(R->reg, i);
    if (rc != VEILIG_OK)
        return vl_push_error(
            L, rc, NULL, rc == VEILIG_ENOTFOUND ? "no such municipality in the registry" : NULL);
    vl_sweep(L, 1, NULL, live);
    lua_pushboolean(L, 1);
    return 1;
}

/* reg:validate(): an array of {severity, rule, pointer, message}. */
static int l_registry_validate(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    vl_box *box = vl_box_new(L, vl_free_diagnostics);
    veilig_diagnostics *d = NULL;
    size_t i, n;
    int rc;
    R = vl_check_registry(L, 1);
    rc = veilig_validate(&d, R->reg); /* the diagnostics own their text */
    box->p = d;
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, NULL);
    n = veilig_diagnostics_count(d);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        const veilig_diagnostic *g = veilig_diagnostics_get(d, i);
        lua_createtable(L, 0, 4);
        lua_pushstring(L, veilig_severity_name(g->severity));
        lua_setfield(L, -2, "severity");
        lua_pushstring(L, g->rule);
        lua_setfield(L, -2, "rule");
        lua_pushstring(L, g->pointer);
        lua_setfield(L, -2, "pointer");
        lua_pushstring(L, g->message);
        lua_setfield(L, -2, "message");
        lua_rawseti(L, -2, (int)i + 1);
    }
    vl_box_clear(box);
    return 1;
}

/* reg:dump([opts]): the document as JSON text. */
static int l_registry_dump(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    veilig_save_options o;
    veilig_error err;
    vl_box *box;
    char *out = NULL;
    size_t len = 0;
    int rc;
    vl_save_options(L, 2, &o);
    box = vl_box_new(L, veilig_free);
    R = vl_check_registry(L, 1);
    rc = veilig_registry_dump(&out, &len, R->reg, &o, &err);
    box->p = out;
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    lua_pushlstring(L, out, len);
    vl_box_clear(box);
    return 1;
}

/* reg:to_table([opts]): the document as Lua tables (JSON's shape). */
static int l_registry_to_table(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    veilig_save_options o;
    veilig_error err;
    vl_box *box;
    char *out = NULL;
    int rc;
    vl_save_options(L, 2, &o);
    o.flags |= VEILIG_SAVE_COMPACT;
    box = vl_box_new(L, veilig_free);
    R = vl_check_registry(L, 1);
    rc = veilig_registry_dump(&out, &box->len, R->reg, &o, &err);
    box->p = out;
    return vl_return_json(L, -1, rc, &err);
}

/* reg:save(path [, opts]): true, or nil, message, details. */
static int l_registry_save(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    const char *path = luaL_checkstring(L, 2);
    veilig_save_options o;
    veilig_error err;
    int rc;
    vl_save_options(L, 3, &o);
    R = vl_check_registry(L, 1);
    rc = veilig_registry_save_file(R->reg, path, &o, &err);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    lua_pushboolean(L, 1);
    return 1;
}

/* __gc: frees the registry (nothing can be reading it: it is unreachable). */
static int l_registry_gc(lua_State *L) {
    vl_registry *R = (vl_registry *)luaL_checkudata(L, 1, VL_TREGISTRY);
    if (R->reg != NULL && R->busy == 0) {
        veilig_registry_free(R->reg);
        R->reg = NULL;
        R->gen++;
    }
    return 0;
}

/* reg:close() and __close: frees the registry now; its objects become unusable. Idempotent. */
static int l_registry_close(lua_State *L) {
    vl_registry *R = (vl_registry *)luaL_checkudata(L, 1, VL_TREGISTRY);
    vl_check_idle(L, R);
    if (R->reg != NULL) {
        veilig_registry_free(R->reg);
        R->reg = NULL;
        R->gen++;
    }
    return 0;
}

static int l_registry_closed(lua_State *L) {
    vl_registry *R = (vl_registry *)luaL_checkudata(L, 1, VL_TREGISTRY);
    lua_pushboolean(L, R->reg == NULL);
    return 1;
}

static int l_registry_tostring(lua_State *L) {
    vl_registry *R = (vl_registry *)luaL_checkudata(L, 1, VL_TREGISTRY);
    if (R->reg == NULL)
        lua_pushstring(L, VL_TREGISTRY " (closed)");
    else
        lua_pushfstring(L, VL_TREGISTRY " (%d municipalities)", (int)veilig_registry_count(R->reg));
    return 1;
}

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
static int l_registry_next(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    lua_Integer i = lua_isnil(L, 2) ? 0 : luaL_checkinteger(L, 2);
    veilig_municipality *m = i >= 0 ? veilig_registry_get_mut(R->reg, (size_t)i) : NULL;
    if (m == NULL)
        return 0;
    lua_pushinteger(L, i + 1);
    vl_push_handle(L, 1, VL_MUNICIPALITY, m, m);
    return 2;
}

/* __pairs and __ipairs of a registry (Lua 5.2 to 5.4): its municipalities, 1 to #reg. */
static int l_registry_pairs(lua_State *L) {
    vl_check_registry(L, 1);
    lua_pushcfunction(L, l_registry_next);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    return 3;
}

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

/* obj:set(name, value): obj, or nil, message, details. */
static int l_set(lua_State *L) {
    int kind = (int)lua_tointeger(L, lua_upvalueindex(1));
    void *obj = vl_check_object(L, 1, kind);
    const char *name = luaL_checkstring(L, 2);
    vl_why why;
    int rc;
    const vl_field *f = vl_find_field(kind, name, strlen(name));
    if (f == NULL || f->set == NULL)
        return luaL_argerror(
            L, 2, lua_pushfstring(L, "no settable field '%s' in %s", name, vl_tnames[kind]));
    luaL_checkany(L, 3);
    obj = vl_check_object_mut(L, 1, kind); /* again, after the argument conversions */
    rc = f->set(L, obj, 3, &why);          /* setters neither allocate nor run Lua code */
    if (rc == VL_ETYPE)
        return luaL_argerror(L, 3, why.msg);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, lua_pushfstring(L, "%s: %s", name, why.msg));
    lua_settop(L, 1);
    return 1;
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

static const luaL_Reg registry_methods[] = {{"get", l_registry_get},
                                            {"find", l_registry_find},
                                            {"municipalities", l_registry_municipalities},
                                            {"add", l_registry_add},
                                            {"add_json", l_registry_add_json},
                                            {"remove", l_registry_remove},
                                            {"validate", l_registry_validate},
                                            {"dump", l_registry_dump},
                                            {"to_table", l_registry_to_table},
                                            {"save", l_registry_save},
                                            {"close", l_registry_close},
                                            {"is_closed", l_registry_closed},
                                            {NULL, NULL}};

/* Pushes the metatable of kind, with __index, __newindex and the set method; methods from fill. */
static void vl_new_metatable(lua_State *L, int kind, const luaL_Reg *methods) {
    luaL_newmetatable(L, vl_tnames[kind]); /* mt */
    lua_newtable(L);                       /* mt methods */
    if (methods != NULL)
        luaL_setfuncs(L, methods, 0);
    if (kind != VL_REGISTRY)
        vl_model_methods(L, kind);
    vl_analysis_methods(L, kind);
    lua_pushinteger(L, kind);
    lua_pushcclosure(L, l_set, 1);
    lua_setfield(L, -2, "set");
    lua_pushinteger(L, kind);
    lua_pushcclosure(L, l_index, 2); /* mt __index(methods, kind) */
    lua_setfield(L, -2, "__index");
    lua_pushinteger(L, kind);
    lua_pushcclosure(L, l_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, vl_tnames[kind]);
    lua_setfield(L, -2, "__name");
}

static const luaL_Reg module_functions[] = {
    {"load", l_load},   {"loads", l_loads}, {"builtin", l_builtin},           {"new", l_new},
    {"label", l_label}, {"codes", l_codes}, {"vocabularies", l_vocabularies}, {NULL, NULL}};

int luaopen_veilig(lua_State *L) {
    int kind;

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

    vl_new_metatable(L, VL_REGISTRY, registry_methods);
    lua_pushcfunction(L, l_registry_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, l_registry_close);
    lua_setfield(L, -2, "__close");
    lua_pushcfunction(L, l_registry_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushcfunction(L, l_registry_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, l_registry_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushcfunction(L, l_registry_pairs);
    lua_setfield(L, -2, "__ipairs");
    lua_pop(L, 1);

    for (kind = VL_MUNICIPALITY; kind < VL_NKINDS; kind++) {
        vl_new_metatable(L, kind, NULL);
        lua_pushcfunction(L, l_handle_tostring);
        lua_setfield(L, -2, "__tostring");
        lua_pushcfunction(L, l_handle_eq);
        lua_setfield(L, -2, "__eq");
        if (kind == VL_MUNICIPALITY) {
            lua_pushcfunction(L, l_municipality_len);
            lua_setfield(L, -2, "__len");
        }
        lua_pop(L, 1);
    }

    luaL_newlib(L, module_functions);
    vl_analysis_functions(L);
    vl_sheet_functions(L);
    lua_pushliteral(L, "veilig");
    lua_setfield(L, -2, "_NAME");
    lua_pushstring(L, veilig_version());
    lua_setfield(L, -2, "_VERSION");
    vl_push_null(L);
    lua_setfield(L, -2, "null");
    luaL_getmetatable(L, VL_TOBJECT);
    lua_setfield(L, -2, "object_mt");
    return 1;
}
