/*
 * libveilig Lua binding, model: reading the Lua values setters are given
 * (strings, vocabulary codes, dates, numbers) into C, without raising: a
 * reader fills a vl_why and returns VL_ETYPE or a veilig_status, and its
 * caller decides (a setter's caller raises, lveilig_model.c).
 *
 * Layer: model (over core and JSON); it calls nothing of a layer above it. The
 * layers are listed in lveilig.h and bindings/lua/README.md.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lveilig.h"

int vl_fail(vl_why *why, int rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why->msg, sizeof why->msg, fmt, ap);
    va_end(ap);
    return rc;
}

int vl_type_fail(lua_State *L, int v, vl_why *why, const char *expected) {
    return vl_fail(why, VL_ETYPE, "%s expected, got %s", expected, luaL_typename(L, v));
}

/* Explains a status a setter of the C library returned: in the library's
 * own words (its thread's last error) when it gave them for this status. */
int vl_check_status(int rc, vl_why *why) {
    const veilig_error *last = rc < 0 ? veilig_error_last() : NULL;
    if (last && last->code == rc && last->message[0])
        return vl_fail(why, rc, "%s", last->message);
    switch (rc) {
        case VEILIG_OK:
            return rc;
        case VEILIG_EINVAL:
            return vl_fail(why, rc,
                           "invalid value (required fields cannot be empty, text must be UTF-8)");
        case VEILIG_EEXISTS:
            return vl_fail(why, rc, "another object already has this value");
        case VEILIG_ENOTFOUND:
            return vl_fail(why, rc, "not found");
        default:
            return vl_fail(why, rc, "%s", veilig_strerror(rc));
    }
}

/* A string or nil (*s = NULL). */
int vl_opt_string(lua_State *L, int v, const char **s, vl_why *why) {
    *s = NULL;
    if (lua_isnil(L, v))
        return VEILIG_OK;
    if (lua_type(L, v) != LUA_TSTRING)
        return vl_type_fail(L, v, why, "string or nil");
    *s = lua_tostring(L, v);
    return VEILIG_OK;
}

/*
 * Fails for a code vocab does not have, with VEILIG_EINVAL, naming the code
 * and what it likely meant (veilig_vocab_suggest), else the codes the
 * vocabulary has: building refuses at once (docs/format.md).
 */
int vl_fail_unknown_code(vl_why *why, veilig_vocab vocab, const char *s) {
    const char *hint = veilig_vocab_suggest(vocab, s);
    size_t used;
    int i;
    if (hint != NULL)
        return vl_fail(why, VEILIG_EINVAL, "unknown %s code \"%.60s\"; did you mean \"%s\"?",
                       veilig_vocab_name(vocab), s, hint);
    vl_fail(why, VEILIG_EINVAL, "unknown %s code \"%.60s\" (known:", veilig_vocab_name(vocab), s);
    used = strlen(why->msg);
    for (i = 1; i <= veilig_vocab_size(vocab) && used + 2 < sizeof why->msg; i++) {
        snprintf(why->msg + used, sizeof why->msg - used, "%s %s", i > 1 ? "," : "",
                 veilig_vocab_code(vocab, i));
        used += strlen(why->msg + used);
    }
    if (used + 2 < sizeof why->msg)
        snprintf(why->msg + used, sizeof why->msg - used, ")");
    return VEILIG_EINVAL;
}

/* A code of vocab or nil (*value = 0); an unknown code fails (vl_fail_unknown_code). */
int vl_opt_code(lua_State *L, int v, veilig_vocab vocab, int *value, vl_why *why) {
    const char *s;
    int rc = vl_opt_string(L, v, &s, why);
    if (rc != VEILIG_OK)
        return rc;
    *value = s != NULL ? veilig_vocab_from_code(vocab, s) : 0;
    if (s != NULL && *value == 0)
        return vl_fail_unknown_code(why, vocab, s);
    return VEILIG_OK;
}

int vl_opt_date(lua_State *L, int v, veilig_date *d, const veilig_date **p, vl_why *why) {
    const char *s;
    int rc = vl_opt_string(L, v, &s, why);
    *p = NULL;
    if (rc != VEILIG_OK || s == NULL)
        return rc;
    if (veilig_date_parse(d, s) != VEILIG_OK)
        return vl_fail(why, VEILIG_EINVAL, "invalid date '%s' (YYYY, YYYY-MM or YYYY-MM-DD)", s);
    *p = d;
    return VEILIG_OK;
}

/* A finite number or nil (*present = 0). */
int vl_opt_number(lua_State *L, int v, double *x, int *present, vl_why *why) {
    *present = 0;
    if (lua_isnil(L, v))
        return VEILIG_OK;
    if (lua_type(L, v) != LUA_TNUMBER)
        return vl_type_fail(L, v, why, "number or nil");
    *x = (double)lua_tonumber(L, v);
    if (!isfinite(*x))
        return vl_fail(why, VEILIG_EINVAL, "the number must be finite");
    *present = 1;
    return VEILIG_OK;
}

/* Euros (a number with at most two decimals) as cents. */
