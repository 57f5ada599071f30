/*
 * libveilig Lua binding: the small part of the Lua C API that differs
 * between Lua 5.1 (and LuaJIT 2.x, which speaks 5.1's API with a few 5.2
 * additions), 5.2, 5.3 and 5.4. The binding is written against the 5.3/5.4
 * API; this header fills in what the older versions lack, and hides the
 * three ways of tying a Lua value to a full userdata:
 *
 *   5.1, LuaJIT  the environment table (lua_getfenv / lua_setfenv: a table)
 *   5.2, 5.3     the user value (lua_getuservalue / lua_setuservalue)
 *   5.4          the first of n user values (lua_getiuservalue, ..., 1)
 *
 * The binding only ever stores a table there, which all of them accept.
 *
 * Written for libveilig; everything here is static (inline) and prefixed
 * vlc_, so that it cannot clash with another compatibility layer linked into
 * the same program (lua-compat-5.3, say).
 */
#ifndef VEILIG_LUA_COMPAT_H
#define VEILIG_LUA_COMPAT_H

#include <math.h>
#include <stddef.h>

#include <lua.h>
#include <lauxlib.h>

#if !defined(LUA_VERSION_NUM) || LUA_VERSION_NUM < 501
#error "the veilig Lua module needs Lua 5.1 or later (or LuaJIT)"
#endif

#ifndef LUA_OK
#define LUA_OK 0
#endif

/* ---- Lua 5.1 and LuaJIT ---- */
#if LUA_VERSION_NUM == 501

/* 5.2's luaL_setfuncs (LuaJIT 2.1 has it, plain 5.1 does not: use ours for both). */
static inline void vlc_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
    luaL_checkstack(L, nup + 1, "too many upvalues");
    for (; l->name != NULL; l++) {
        int i;
        for (i = 0; i < nup; i++)
            lua_pushvalue(L, -nup);
        lua_pushcclosure(L, l->func, nup);
        lua_setfield(L, -(nup + 2), l->name);
    }
    lua_pop(L, nup);
}
#undef luaL_setfuncs
#define luaL_setfuncs vlc_setfuncs

#undef luaL_newlibtable
#undef luaL_newlib
#define luaL_newlibtable(L, l) lua_createtable(L, 0, (int)(sizeof(l) / sizeof((l)[0]) - 1))
#define luaL_newlib(L, l)      (luaL_newlibtable(L, l), luaL_setfuncs(L, l, 0))

#define lua_rawlen(L, i) lua_objlen(L, i)

#define lua_absindex(L, i) ((i) > 0 || (i) <= LUA_REGISTRYINDEX ? (i) : lua_gettop(L) + (i) + 1)

/* 5.2's luaL_testudata: the userdata at ud if its metatable is tname's, else NULL. */
static inline void *vlc_testudata(lua_State *L, int ud, const char *tname) {
    void *p = lua_touserdata(L, ud);
    if (p == NULL || !lua_getmetatable(L, ud))
        return NULL;
    lua_getfield(L, LUA_REGISTRYINDEX, tname);
    if (!lua_rawequal(L, -1, -2))
        p = NULL;
    lua_pop(L, 2);
    return p;
}
#undef luaL_testudata
#define luaL_testudata vlc_testudata

/* A full userdata that can carry one Lua value (its environment). */
#define vlc_newuserdata(L, size) lua_newuserdata(L, size)
/* Pushes the value tied to the userdata at idx. */
#define vlc_getuservalue(L, idx) lua_getfenv(L, idx)
/* Pops a table and ties it to the userdata at idx. */
#define vlc_setuservalue(L, idx) ((void)lua_setfenv(L, idx))

/* ---- Lua 5.2 and 5.3 ---- */
#elif LUA_VERSION_NUM == 502 || LUA_VERSION_NUM == 503

#define vlc_newuserdata(L, size) lua_newuserdata(L, size)
#define vlc_getuservalue(L, idx) ((void)lua_getuservalue(L, idx))
#define vlc_setuservalue(L, idx) lua_setuservalue(L, idx)

/* ---- Lua 5.4 and later ---- */
#else

#define vlc_newuserdata(L, size) lua_newuserdatauv(L, size, 1)
#define vlc_getuservalue(L, idx) ((void)lua_getiuservalue(L, idx, 1))
#define vlc_setuservalue(L, idx) ((void)lua_setiuservalue(L, idx, 1))

#endif

/*
 * Integers. lua_Integer is ptrdiff_t in 5.1 and LuaJIT, where every number is
 * a double: there "an integer" means a number with an integral value that a
 * double holds exactly. 5.3 and later have a separate integer subtype.
 */
#if LUA_VERSION_NUM >= 503
#define vlc_isinteger(L, idx) lua_isinteger(L, idx)
#define VLC_HAS_INTEGERS      1
#else
static inline int vlc_isinteger(lua_State *L, int idx) {
    if (lua_type(L, idx) != LUA_TNUMBER)
        return 0;
    lua_Number n = lua_tonumber(L, idx);
    return n == floor(n) && fabs(n) <= 9007199254740992.0; /* 2^53 */
}
#define VLC_HAS_INTEGERS 0
#endif

/* Raises "bad argument #arg to 'f' (tname expected, got <type>)" unless cond (5.4's
 * luaL_argexpected). */
static inline void vlc_argexpected(lua_State *L, int cond, int arg, const char *tname) {
    if (!cond)
        luaL_argerror(L, arg,
                      lua_pushfstring(L, "%s expected, got %s", tname, luaL_typename(L, arg)));
}

#endif
