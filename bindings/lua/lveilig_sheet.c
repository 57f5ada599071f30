/*
 * The Lua binding: spreadsheets. veilig.import_sheets(files [, opts]) reads
 * CSV files and workbooks into a new registry (or a copy of opts.base), all
 * or nothing; veilig.export_sheet(reg, sheet [, opts]) gives a sheet as CSV;
 * veilig.save_xlsx(reg | nil, path [, opts]) writes a workbook (nil: the
 * template); veilig.sheets() lists the sheets.
 *
 * Layer: on top (over core and the model); it calls nothing of a layer above it. The
 * layers are listed in lveilig.h and bindings/lua/README.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lveilig.h"

#define VL_MAX_ERRORS 1000

/* Reads the sheet options table at idx into o (lang and separator), raising on bad ones. */
static void vl_sheet_options(lua_State *L, int idx, veilig_sheet_options *o) {
    veilig_sheet_options init = VEILIG_SHEET_OPTIONS_INIT;
    *o = init;
    if (lua_isnoneornil(L, idx))
        return;
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_getfield(L, idx, "lang");
    if (!lua_isnil(L, -1)) {
        const char *lang = luaL_checkstring(L, -1);
        if (strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
            luaL_argerror(L, idx, "option 'lang' must be \"nl\" or \"en\"");
        o->lang = lang[0] == 'n' ? "nl" : "en";
    }
    lua_getfield(L, idx, "separator");
    if (!lua_isnil(L, -1)) {
        const char *sep = luaL_checkstring(L, -1);
        if (strcmp(sep, ",") != 0 && strcmp(sep, ";") != 0)
            luaL_argerror(L, idx, "option 'separator' must be \",\" or \";\"");
        o->separator = sep[0];
    }
    lua_getfield(L, idx, "include_personal");
    if (lua_toboolean(L, -1))
        o->flags |= VEILIG_SHEET_INCLUDE_PERSONAL;
    lua_pop(L, 3);
}

static veilig_sheet vl_check_sheet(lua_State *L, int idx) {
    const char *name = luaL_checkstring(L, idx);
    veilig_sheet s = veilig_sheet_from_name(name);
    if (!s)
        luaL_argerror(L, idx, lua_pushfstring(L, "unknown sheet '%s'", name));
    return s;
}

int l_sheets(lua_State *L) {
    int n = veilig_sheet_count();
    lua_createtable(L, n, 0);
    for (int i = 1; i <= n; i++) {
        lua_pushstring(L, veilig_sheet_name((veilig_sheet)i, NULL));
        lua_rawseti(L, -2, i);
    }
    return 1;
}

int l_export_sheet(lua_State *L) {
    vl_registry *R = vl_check_registry(L, 1);
    veilig_sheet sheet = vl_check_sheet(L, 2);
    veilig_sheet_options o;
    char *out = NULL;
    size_t len = 0;
    vl_sheet_options(L, 3, &o);
    int rc = veilig_sheet_export_csv(&out, &len, R->reg, sheet, &o);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, NULL, "exporting the sheet");
    lua_pushlstring(L, out, len); /* a memory error here would leak out: the strings are small */
    veilig_free(out);
    return 1;
}

int l_save_xlsx(lua_State *L) {
    vl_registry *R = lua_isnil(L, 1) ? NULL : vl_check_registry(L, 1);
    const char *path = luaL_checkstring(L, 2);
    veilig_sheet_options o;
    veilig_error err;
    vl_sheet_options(L, 3, &o);
    int rc = veilig_sheet_save_xlsx(R ? R->reg : NULL, path, &o, &err);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    lua_pushboolean(L, 1);
    return 1;
}

/* Pushes the contents of a file as a string, or raises an error that names it. */
static void vl_push_file(lua_State *L, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f)
        luaL_error(L, "%s: cannot open", path);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (;;) {
        char *p = luaL_prepbuffer(&b);
        size_t n = fread(p, 1, LUAL_BUFFERSIZE, f);
        luaL_addsize(&b, n);
        if (n < LUAL_BUFFERSIZE)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad)
        luaL_error(L, "%s: cannot read", path);
    luaL_pushresult(&b);
}

int l_import_sheets(lua_State *L) {
    veilig_import_options io = VEILIG_IMPORT_OPTIONS_INIT;
    vl_registry *base = NULL;
    luaL_checktype(L, 1, LUA_TTABLE);
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        lua_getfield(L, 2, "base");
        if (!lua_isnil(L, -1))
            base = vl_check_registry(L, -1);
        lua_getfield(L, 2, "encoding");
        if (!lua_isnil(L, -1))
            io.encoding = luaL_checkstring(L, -1);
        lua_getfield(L, 2, "max_errors");
        if (!lua_isnil(L, -1)) {
            lua_Integer m = luaL_checkinteger(L, -1);
            if (m < 1 || m > VL_MAX_ERRORS)
                luaL_argerror(L, 2, "option 'max_errors' must be from 1 to 1000");
            io.max_errors = (size_t)m;
        }
        lua_pop(L, 2); /* encoding and max_errors; base stays anchored on the stack */
    } else {
        lua_pushnil(L);
    }
    /* every input as (name, data) strings anchored in a table, before any C work */
    size_t n = lua_rawlen(L, 1);
    lua_createtable(L, (int)(2 * n), 0);
    int inputs = lua_gettop(L);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, (lua_Integer)i);
        if (lua_type(L, -1) == LUA_TSTRING) {
            lua_pushvalue(L, -1);
            vl_push_file(L, lua_tostring(L, -1));
            lua_remove(L, -2);
        } else if (lua_type(L, -1) == LUA_TTABLE) {
            lua_getfield(L, -1, "name");
            lua_getfield(L, -2, "data");
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
                luaL_argerror(L, 1, "each file is a path or a table {name = ..., data = ...}");
            lua_remove(L, -3);
        } else {
            luaL_argerror(L, 1, "each file is a path or a table {name = ..., data = ...}");
        }
        lua_rawseti(L, inputs, (lua_Integer)(2 * i));
        lua_rawseti(L, inputs, (lua_Integer)(2 * i - 1));
    }
    size_t max = io.max_errors ? io.max_errors : VEILIG_IMPORT_DEFAULT_MAX_ERRORS;
    veilig_error *errs = (veilig_error *)vlc_newuserdata(L, max * sizeof *errs);
    vl_registry *R = vl_registry_push_new(L);
    /* the C work: no Lua call from here until the import is freed */
    veilig_import *imp = NULL;
    size_t nerrs = 0;
    int rc = veilig_import_new(&imp, base ? base->reg : NULL, &io);
    for (size_t i = 1; rc == VEILIG_OK && i <= n; i++) {
        size_t len;
        lua_rawgeti(L, inputs, (lua_Integer)(2 * i - 1));
        lua_rawgeti(L, inputs, (lua_Integer)(2 * i));
        const char *name = lua_tostring(L, -2), *data = lua_tolstring(L, -1, &len);
        int r = len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0
                    ? veilig_import_add_xlsx(imp, name, data, len)
                    : veilig_import_add_csv(imp, name, data, len, (veilig_sheet)0);
        lua_pop(L, 2); /* the strings stay anchored in the inputs table */
        if (r == VEILIG_ENOMEM || r == VEILIG_EINVAL || r == VEILIG_ELIMIT)
            rc = r;
    }
    if (rc == VEILIG_OK)
        rc = veilig_import_finish(&R->reg, imp);
    if (imp != NULL) {
        nerrs = veilig_import_error_count(imp);
        for (size_t i = 0; i < nerrs && i < max; i++)
            errs[i] = *veilig_import_error(imp, i);
        if (rc == VEILIG_ELIMIT || (rc == VEILIG_OK && nerrs))
            rc = VEILIG_ESCHEMA;
        veilig_import_free(imp);
    }
    if (rc == VEILIG_OK)
        return 1;
    if (rc != VEILIG_ESCHEMA || nerrs == 0)
        return vl_push_error(L, rc, NULL, NULL);
    /* nil, "file:line: message (and N more)", {code =, message =, errors = {...}} */
    vl_push_error(L, rc, &errs[0], NULL);
    if (nerrs > 1) {
        lua_pushfstring(L, "%s (and %d more)", lua_tostring(L, -2), (int)(nerrs - 1));
        lua_replace(L, -3);
    }
    lua_createtable(L, (int)nerrs, 0);
    for (size_t i = 0; i < nerrs && i < max; i++) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, errs[i].source);
        lua_setfield(L, -2, "source");
        lua_pushinteger(L, errs[i].line);
        lua_setfield(L, -2, "line");
        lua_pushinteger(L, errs[i].column);
        lua_setfield(L, -2, "column");
        lua_pushstring(L, errs[i].message);
        lua_setfield(L, -2, "message");
        lua_rawseti(L, -2, (lua_Integer)(i + 1));
    }
    lua_setfield(L, -2, "errors");
    return 3;
}
