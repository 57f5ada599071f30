/*
 * The Lua binding: the website. veilig.site(reg, dir [, opts]) writes the
 * programme as a static website into the folder dir (veilig_site_write);
 * reg may be the path of a document instead: it is loaded and its site
 * written at once, the pages begun while it loads (veilig_site_write_file;
 * a document that does not load gives its error and writes nothing);
 * opts: lang ("nl", "en" or "both", the default), include_personal, force
 * (write into a folder that is not empty and holds no earlier site), peers
 * (comparison pages per municipality; 0: 3), threads (how many threads write
 * the pages; 0: one per processor). Returns true, or nil, a message
 * and the error table, as every call that can fail on its input does.
 */
#include <string.h>

#include "lveilig.h"

/* A mistake of the call raises (the module's rule): an option it does not know too. */
static void site_check_keys(lua_State *L, int t) {
    static const char *const known[] = {"lang",  "include_personal", "force",
                                        "peers", "threads",          NULL};
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        size_t i = 0;
        while (known[i] && strcmp(known[i], k) != 0)
            i++;
        if (!known[i])
            luaL_argerror(L, t,
                          lua_pushfstring(L,
                                          "unknown option '%s' (lang, include_personal, force, "
                                          "peers, threads)",
                                          k));
        lua_pop(L, 1);
    }
}

int l_site(lua_State *L) {
    /* a path (a string), or a registry */
    const char *path = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
    vl_registry *R = path ? NULL : vl_check_registry(L, 1);
    const char *dir = luaL_checkstring(L, 2);
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.lang = "both";
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        site_check_keys(L, 3);
        lua_getfield(L, 3, "lang");
        if (!lua_isnil(L, -1)) {
            const char *lang = luaL_checkstring(L, -1);
            if (strcmp(lang, "nl") && strcmp(lang, "en") && strcmp(lang, "both"))
                luaL_argerror(L, 3, "option 'lang' must be \"nl\", \"en\" or \"both\"");
            o.lang = lang[0] == 'n' ? "nl" : lang[0] == 'e' ? "en" : "both";
        }
        lua_getfield(L, 3, "include_personal");
        if (lua_toboolean(L, -1))
            o.flags |= VEILIG_SITE_INCLUDE_PERSONAL;
        lua_getfield(L, 3, "force");
        if (lua_toboolean(L, -1))
            o.flags |= VEILIG_SITE_FORCE;
        lua_getfield(L, 3, "peers");
        if (!lua_isnil(L, -1)) {
            lua_Integer k = luaL_checkinteger(L, -1);
            if (k < 0 || k > 100)
                luaL_argerror(L, 3, "option 'peers' must be 0 to 100");
            o.peers = (size_t)k;
        }
        lua_getfield(L, 3, "threads");
        if (!lua_isnil(L, -1)) {
            lua_Integer n = luaL_checkinteger(L, -1);
            if (n < 0 || n > 256)
                luaL_argerror(L, 3, "option 'threads' must be 0 to 256");
            o.threads = (unsigned)n;
        }
        lua_pop(L, 5);
    }
    veilig_error err;
    int rc = path ? veilig_site_write_file(NULL, path, NULL, dir, &o, &err)
                  : veilig_site_write(R->reg, dir, &o, &err);
    if (rc != VEILIG_OK)
        return vl_push_error(L, rc, &err, NULL);
    lua_pushboolean(L, 1);
    return 1;
}
