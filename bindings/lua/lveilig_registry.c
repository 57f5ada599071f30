/*
 * libveilig Lua binding, model: registries. Making them (veilig.load,
 * loads, builtin, new), their methods (reg:get, find, add, add_json, remove,
 * validate, dump, to_table, save, close, ...), their metamethods (#reg,
 * pairs, ipairs, __gc, __close, __tostring), and the vocabularies
 * (veilig.label, codes, vocabularies).
 *
 * Layer: model (over core, JSON and the fields); it calls nothing of a layer above it. The
 * layers are listed in lveilig.h and bindings/lua/README.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lveilig.h"

static void vl_free_diagnostics(void *p) {
    veilig_diagnostics_free((veilig_diagnostics *)p);
}

/* ---- module functions: making registries ---- */

/* How many schema errors of one document load and loads report (details.errors). */
#define VL_LOAD_ERRORS 50

/* A load's records: the first error and room for every schema error. */
typedef struct vl_loading {
    veilig_load_options o;
    veilig_error err, errs[VL_LOAD_ERRORS];
    size_t n;
} vl_loading;

static void vl_loading_init(lua_State *L, int idx, vl_loading *ld) {
    vl_load_options(L, idx, &ld->o);
    ld->o.errors = ld->errs;
    ld->o.max_errors = VL_LOAD_ERRORS;
    ld->o.error_count = &ld->n;
    ld->n = 0;
}

/* nil, message, details for a failed load; details.errors lists every schema
   error (each a details table), or the one error that stopped the load. */
static int vl_load_failed(lua_State *L, int rc, const vl_loading *ld) {
    int nret = vl_push_error(L, rc, &ld->err, NULL);
    lua_createtable(L, ld->n ? (int)ld->n : 1, 0);
    for (size_t i = 0; i < ld->n; i++) {
        vl_push_error_details(L, ld->errs[i].code, &ld->errs[i], NULL);
        lua_rawseti(L, -2, (int)i + 1);
    }
    if (!ld->n) {
        vl_push_error_details(L, rc, &ld->err, NULL);
        lua_rawseti(L, -2, 1);
    }
    lua_setfield(L, -2, "errors");
    return nret;
}

int l_load(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    lua_settop(L, 2);                                /* the options, or nil, at 2 */
    vl_loading *ld = lua_newuserdata(L, sizeof *ld); /* large: not on the C stack */
    vl_registry *R;
    int rc;
    vl_loading_init(L, 2, ld);
    R = vl_registry_push_new(L);
    rc = veilig_registry_load_file(&R->reg, path, &ld->o, &ld->err);
    if (rc != VEILIG_OK)
        return vl_load_failed(L, rc, ld);
    return 1;
}

int l_loads(lua_State *L) {
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    lua_settop(L, 2);
    vl_loading *ld = lua_newuserdata(L, sizeof *ld);
    vl_registry *R;
    int rc;
    vl_loading_init(L, 2, ld);
    R = vl_registry_push_new(L);
    rc = veilig_registry_load_string(&R->reg, text, len, &ld->o, &ld->err);
    if (rc != VEILIG_OK)
        return vl_load_failed(L, rc, ld);
    return 1;
}

int l_builtin(lua_State *L) {
    veilig_error err;
    vl_registry *R = vl_registry_push_new(L);
    int rc = veilig_registry_load_builtin(&R->reg, &err);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    return 1;
}

int l_new(lua_State *L) {
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
int l_label(lua_State *L) {
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
int l_codes(lua_State *L) {
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
int l_vocabularies(lua_State *L) {
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

int l_registry_get(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    lua_Integer i = luaL_checkinteger(L, 2);
    veilig_municipality *m = NULL;
    if (i >= 1 && (lua_Integer)(size_t)i == i)
        m = veilig_registry_get_mut(R->reg, (size_t)(i - 1));
    vl_push_handle(L, 1, VL_MUNICIPALITY, m, m);
    return 1;
}

int l_registry_find(lua_State *L) {
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
int l_registry_municipalities(lua_State *L) {
    vl_check_registry(L, 1);
    lua_settop(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, l_registry_iter, 2);
    return 1;
}

/* reg:add(code, name): a new municipality; nil, message, details when the code is taken. */
int l_registry_add(lua_State *L) {
    const char *code = luaL_checkstring(L, 2);
    const char *name = luaL_checkstring(L, 3);
    vl_registry *R = vl_check_registry_mut(L, 1);
    veilig_municipality *m = NULL;
    int rc = veilig_registry_add(&m, R->reg, code, name);
    if (rc == VEILIG_EEXISTS)
        return vl_push_error(L, rc, NULL,
                             lua_pushfstring(L, "a municipality with code %s exists", code));
    if (rc == VEILIG_EINVAL) {
        const veilig_error *e = veilig_error_last();
        return vl_refuse(L, 2,
                         e != NULL && e->code == rc && e->message[0] != '\0'
                             ? e->message
                             : "a municipality needs a code and a name (valid UTF-8, not empty)");
    }
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, NULL);
    vl_push_handle(L, 1, VL_MUNICIPALITY, m, m);
    return 1;
}

int l_registry_add_json(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    unsigned flags = vl_opt_add_flags(L, 3);
    int replace = (flags & VEILIG_ADD_REPLACE) != 0;
    size_t len = 0;
    const char *json = vl_json_arg(L, 2, &len);
    int live = vl_sweep_prepare(L, 1);
    veilig_municipality *m = NULL;
    veilig_error err;
    int rc;
    R = vl_check_registry_mut(L, 1); /* again: the allocations above may have run Lua code */
    rc = veilig_registry_add_json(&m, R->reg, json, len, flags, &err);
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
int l_registry_remove(lua_State *L) {
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
int l_registry_validate(lua_State *L) {
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
int l_registry_dump(lua_State *L) {
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
int l_registry_to_table(lua_State *L) {
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
int l_registry_save(lua_State *L) {
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
int l_registry_close(lua_State *L) {
    vl_registry *R = (vl_registry *)luaL_checkudata(L, 1, VL_TREGISTRY);
    vl_check_idle(L, R);
    if (R->reg != NULL) {
        veilig_registry_free(R->reg);
        R->reg = NULL;
        R->gen++;
    }
    return 0;
}

int l_registry_closed(lua_State *L) {
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

/* Sets the metamethods of registries in the metatable on the top. */
void vl_registry_metamethods(lua_State *L) {
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
}
