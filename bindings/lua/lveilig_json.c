/*
 * libveilig Lua binding: JSON to Lua values and back.
 *
 * The decoder turns the JSON the C library renders (documents, municipalities,
 * measures; later every analysis result, through its veilig_<x>_to_json) into
 * plain tables: objects become tables with string keys (an empty object gets
 * the metatable veilig.object_mt, so that it encodes back as {}), arrays
 * sequences, null veilig.null (a light userdata), numbers integers where
 * the Lua version has them and the text has no fraction or exponent.
 *
 * The encoder turns a Lua table into JSON text for the library's
 * add_json functions: a table with keys 1..n is an array, one with string
 * keys an object, an empty one [] (or {} with veilig.object_mt); it refuses
 * mixed or sparse tables, non-finite numbers, functions and the like, and
 * cycles (by depth). Numbers are written so that they read back exactly, and
 * always with a '.', whatever the C locale. vl_json_arg and vl_return_json
 * are the two ways the model and the analyses use it.
 *
 * Layer: JSON (over core); it calls nothing of a layer above it. The
 * layers are listed in lveilig.h and bindings/lua/README.md.
 */
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lveilig.h"

#define VL_JSON_MAX_DEPTH 200

/* The C locale's decimal point (Lua may run in a host that called setlocale). */
static char vl_decimal_point(void) {
    const char *dp = localeconv()->decimal_point;
    return dp != NULL && dp[0] != '\0' ? dp[0] : '.';
}

/* ---- encoding ---- */

typedef struct vl_enc {
    lua_State *L;
    vg_buf *b;
    vl_why *why;
} vl_enc;

static int enc_fail(vl_enc *e, const char *what) {
    snprintf(e->why->msg, sizeof e->why->msg, "%s", what);
    return -1;
}

static int enc_add(vl_enc *e, const char *s, size_t n) {
    vg_buf_put(e->b, s, n);
    if (e->b->failed)
        return enc_fail(e, "out of memory");
    return 0;
}

static int enc_string(vl_enc *e, const char *s, size_t n) {
    size_t i, run = 0;
    if (enc_add(e, "\"", 1) != 0)
        return -1;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        const char *rep = NULL;
        size_t rlen = 2;
        switch (c) {
            case '"':
                rep = "\\\"";
                break;
            case '\\':
                rep = "\\\\";
                break;
            case '\b':
                rep = "\\b";
                break;
            case '\f':
                rep = "\\f";
                break;
            case '\n':
                rep = "\\n";
                break;
            case '\r':
                rep = "\\r";
                break;
            case '\t':
                rep = "\\t";
                break;
            default:
                if (c < 0x20) {
                    snprintf(esc, sizeof esc, "\\u%04x", c);
                    rep = esc;
                    rlen = 6;
                }
                break;
        }
        if (rep == NULL) {
            run++;
            continue;
        }
        if (enc_add(e, s + i - run, run) != 0 || enc_add(e, rep, rlen) != 0)
            return -1;
        run = 0;
    }
    if (enc_add(e, s + n - run, run) != 0)
        return -1;
    return enc_add(e, "\"", 1);
}

static int enc_number(vl_enc *e, int idx) {
    char buf[64];
    char dp = vl_decimal_point();
    char *p;
    if (vlc_isinteger(e->L, idx)) {
#if VLC_HAS_INTEGERS
        snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(e->L, idx));
#else
        snprintf(buf, sizeof buf, "%.0f", (double)lua_tonumber(e->L, idx));
#endif
        return enc_add(e, buf, strlen(buf));
    }
    {
        double x = (double)lua_tonumber(e->L, idx);
        if (!isfinite(x))
            return enc_fail(e, "JSON cannot hold inf or nan");
        snprintf(buf, sizeof buf, "%.15g", x);
        if (strtod(buf, NULL) != x)
            snprintf(buf, sizeof buf, "%.17g", x);
    }
    if (dp != '.')
        for (p = buf; *p != '\0'; p++)
            if (*p == dp)
                *p = '.';
    return enc_add(e, buf, strlen(buf));
}

static int enc_value(vl_enc *e, int idx, int depth);

static int enc_table(vl_enc *e, int idx, int depth) {
    lua_State *L = e->L;
    size_t n = lua_rawlen(L, idx), count = 0, strings = 0, i;
    int first = 1, object_mt = 0;
    if (depth > VL_JSON_MAX_DEPTH)
        return enc_fail(e, "tables nested too deeply (a cycle?)");
    if (!lua_checkstack(L, 6))
        return enc_fail(e, "out of Lua stack");
    /* what kind of table: keys 1..n (array) or strings (object) */
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
        if (lua_type(L, -1) == LUA_TSTRING) {
            strings++;
        } else if (!vlc_isinteger(L, -1) || lua_tointeger(L, -1) < 1) {
            lua_pop(L, 1);
            return enc_fail(e, "a table for JSON has keys 1..n (an array) or strings (an object)");
        } else if ((size_t)lua_tointeger(L, -1) > n) {
            lua_pop(L, 1);
            return enc_fail(e, "an array for JSON cannot have holes");
        }
    }
    if (strings != 0 && strings != count)
        return enc_fail(e, "a table for JSON cannot mix array items and string keys");
    if (strings == 0 && count != n)
        return enc_fail(e, "an array for JSON cannot have holes");
    if (count == 0 && lua_getmetatable(L, idx)) {
        luaL_getmetatable(L, VL_TOBJECT);
        object_mt = lua_rawequal(L, -1, -2);
        lua_pop(L, 2);
    }
    if (strings == 0 && !object_mt) {
        if (enc_add(e, "[", 1) != 0)
            return -1;
        for (i = 1; i <= n; i++) {
            int rc;
            lua_rawgeti(L, idx, (int)i);
            rc = (i > 1 ? enc_add(e, ",", 1) : 0) || enc_value(e, lua_gettop(L), depth + 1);
            lua_pop(L, 1);
            if (rc != 0)
                return -1;
        }
        return enc_add(e, "]", 1);
    }
    if (enc_add(e, "{", 1) != 0)
        return -1;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        size_t klen;
        const char *k = lua_tolstring(L, -2, &klen); /* a string: no conversion */
        if ((!first && enc_add(e, ",", 1) != 0) || enc_string(e, k, klen) != 0 ||
            enc_add(e, ":", 1) != 0 || enc_value(e, lua_gettop(L), depth + 1) != 0) {
            lua_pop(L, 2);
            return -1;
        }
        first = 0;
        lua_pop(L, 1);
    }
    return enc_add(e, "}", 1);
}

static int enc_value(vl_enc *e, int idx, int depth) {
    lua_State *L = e->L;
    switch (lua_type(L, idx)) {
        case LUA_TNIL:
            return enc_add(e, "null", 4);
        case LUA_TBOOLEAN:
            return lua_toboolean(L, idx) ? enc_add(e, "true", 4) : enc_add(e, "false", 5);
        case LUA_TNUMBER:
            return enc_number(e, idx);
        case LUA_TSTRING: {
            size_t n;
            const char *s = lua_tolstring(L, idx, &n);
            return enc_string(e, s, n);
        }
        case LUA_TLIGHTUSERDATA:
            if (lua_touserdata(L, idx) == NULL)
                return enc_add(e, "null", 4);
            return enc_fail(e, "JSON cannot hold a light userdata (but veilig.null)");
        case LUA_TTABLE:
            return enc_table(e, idx, depth);
        default:
            snprintf(e->why->msg, sizeof e->why->msg, "JSON cannot hold a %s",
                     luaL_typename(L, idx));
            return -1;
    }
}

int vl_json_encode(lua_State *L, int idx, vg_buf *b, vl_why *why) {
    vl_enc e;
    e.L = L;
    e.b = b;
    e.why = why;
    return enc_value(&e, lua_absindex(L, idx), 0);
}

/* ---- decoding ---- */

typedef struct vl_dec {
    lua_State *L;
    const char *start, *p, *end;
} vl_dec;

static void dec_fail(vl_dec *d, const char *what) {
    luaL_error(d->L, "veilig: malformed JSON at byte %d: %s", (int)(d->p - d->start), what);
}

static void dec_ws(vl_dec *d) {
    while (d->p < d->end && (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' || *d->p == '\r'))
        d->p++;
}

static int dec_hex4(vl_dec *d, const char *p) {
    int i, v = 0;
    if (d->end - p < 4)
        dec_fail(d, "short \\u escape");
    for (i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            dec_fail(d, "bad \\u escape");
    }
    return v;
}

static void dec_add_utf8(luaL_Buffer *B, unsigned long cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    luaL_addlstring(B, u, n);
}

/* Pushes the string starting at the opening quote. */
static void dec_string(vl_dec *d) {
    const char *s = ++d->p, *q = s;
    luaL_Buffer B;
    while (q < d->end && *q != '"' && *q != '\\')
        q++;
    if (q >= d->end)
        dec_fail(d, "unterminated string");
    if (*q == '"') { /* no escapes: the common case */
        lua_pushlstring(d->L, s, (size_t)(q - s));
        d->p = q + 1;
        return;
    }
    luaL_buffinit(d->L, &B);
    luaL_addlstring(&B, s, (size_t)(q - s));
    d->p = q;
    while (d->p < d->end && *d->p != '"') {
        unsigned char c = (unsigned char)*d->p;
        if (c < 0x20)
            dec_fail(d, "control character in a string");
        if (c != '\\') {
            luaL_addchar(&B, (char)c);
            d->p++;
            continue;
        }
        if (d->end - d->p < 2)
            dec_fail(d, "unterminated string");
        switch (d->p[1]) {
            case '"':
            case '\\':
            case '/':
                luaL_addchar(&B, d->p[1]);
                break;
            case 'b':
                luaL_addchar(&B, '\b');
                break;
            case 'f':
                luaL_addchar(&B, '\f');
                break;
            case 'n':
                luaL_addchar(&B, '\n');
                break;
            case 'r':
                luaL_addchar(&B, '\r');
                break;
            case 't':
                luaL_addchar(&B, '\t');
                break;
            case 'u': {
                unsigned long cp = (unsigned long)dec_hex4(d, d->p + 2);
                if (cp >= 0xD800 && cp < 0xDC00 && d->end - d->p >= 12 && d->p[6] == '\\' &&
                    d->p[7] == 'u') {
                    unsigned long lo = (unsigned long)dec_hex4(d, d->p + 8);
                    if (lo >= 0xDC00 && lo < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        d->p += 6;
                    }
                }
                if (cp >= 0xD800 && cp < 0xE000)
                    cp = 0xFFFD; /* a lone surrogate */
                dec_add_utf8(&B, cp);
                d->p += 4;
                break;
            }
            default:
                dec_fail(d, "bad escape");
        }
        d->p += 2;
    }
    if (d->p >= d->end)
        dec_fail(d, "unterminated string");
    d->p++;
    luaL_pushresult(&B);
}

static void dec_number(vl_dec *d) {
    const char *s = d->p;
    int is_int = 1;
    char buf[128];
    size_t n;
    char *p;
    if (d->p < d->end && *d->p == '-')
        d->p++;
    if (d->p >= d->end || *d->p < '0' || *d->p > '9')
        dec_fail(d, "bad number");
    while (d->p < d->end && *d->p >= '0' && *d->p <= '9')
        d->p++;
    if (d->p < d->end && *d->p == '.') {
        is_int = 0;
        d->p++;
        if (d->p >= d->end || *d->p < '0' || *d->p > '9')
            dec_fail(d, "bad number");
        while (d->p < d->end && *d->p >= '0' && *d->p <= '9')
            d->p++;
    }
    if (d->p < d->end && (*d->p == 'e' || *d->p == 'E')) {
        is_int = 0;
        d->p++;
        if (d->p < d->end && (*d->p == '+' || *d->p == '-'))
            d->p++;
        if (d->p >= d->end || *d->p < '0' || *d->p > '9')
            dec_fail(d, "bad number");
        while (d->p < d->end && *d->p >= '0' && *d->p <= '9')
            d->p++;
    }
    n = (size_t)(d->p - s);
    if (n >= sizeof buf)
        dec_fail(d, "number too long");
    memcpy(buf, s, n);
    buf[n] = '\0';
#if VLC_HAS_INTEGERS
    if (is_int) {
        char *endp;
        long long v;
        v = strtoll(buf, &endp, 10);
        if (v != LLONG_MAX && v != LLONG_MIN && (lua_Integer)v == v) {
            lua_pushinteger(d->L, (lua_Integer)v);
            return;
        }
    }
#else
    (void)is_int;
#endif
    {
        char dp = vl_decimal_point();
        if (dp != '.')
            for (p = buf; *p != '\0'; p++)
                if (*p == '.')
                    *p = dp;
    }
    lua_pushnumber(d->L, (lua_Number)strtod(buf, NULL));
}

static void dec_value(vl_dec *d, int depth);

static void dec_literal(vl_dec *d, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(d->end - d->p) < n || memcmp(d->p, word, n) != 0)
        dec_fail(d, "unexpected character");
    d->p += n;
}

static void dec_value(vl_dec *d, int depth) {
    lua_State *L = d->L;
    if (depth > VL_JSON_MAX_DEPTH)
        dec_fail(d, "nested too deeply");
    luaL_checkstack(L, 4, "JSON nested too deeply");
    dec_ws(d);
    if (d->p >= d->end)
        dec_fail(d, "unexpected end");
    switch (*d->p) {
        case '{': {
            d->p++;
            lua_newtable(L);
            dec_ws(d);
            if (d->p < d->end && *d->p == '}') {
                d->p++;
                luaL_getmetatable(L, VL_TOBJECT);
                lua_setmetatable(L, -2);
                return;
            }
            for (;;) {
                dec_ws(d);
                if (d->p >= d->end || *d->p != '"')
                    dec_fail(d, "expected a key");
                dec_string(d);
                dec_ws(d);
                if (d->p >= d->end || *d->p != ':')
                    dec_fail(d, "expected ':'");
                d->p++;
                dec_value(d, depth + 1);
                lua_rawset(L, -3);
                dec_ws(d);
                if (d->p < d->end && *d->p == ',') {
                    d->p++;
                    continue;
                }
                if (d->p < d->end && *d->p == '}') {
                    d->p++;
                    break;
                }
                dec_fail(d, "expected ',' or '}'");
            }
            return;
        }
        case '[': {
            int i = 0;
            d->p++;
            lua_newtable(L);
            dec_ws(d);
            if (d->p < d->end && *d->p == ']') {
                d->p++;
                return;
            }
            for (;;) {
                dec_value(d, depth + 1);
                lua_rawseti(L, -2, ++i);
                dec_ws(d);
                if (d->p < d->end && *d->p == ',') {
                    d->p++;
                    continue;
                }
                if (d->p < d->end && *d->p == ']') {
                    d->p++;
                    break;
                }
                dec_fail(d, "expected ',' or ']'");
            }
            return;
        }
        case '"':
            dec_string(d);
            return;
        case 't':
            dec_literal(d, "true");
            lua_pushboolean(L, 1);
            return;
        case 'f':
            dec_literal(d, "false");
            lua_pushboolean(L, 0);
            return;
        case 'n':
            dec_literal(d, "null");
            vl_push_null(L);
            return;
        default:
            dec_number(d);
            return;
    }
}

void vl_json_decode(lua_State *L, const char *text, size_t len) {
    vl_dec d;
    d.L = L;
    d.start = d.p = text;
    d.end = text + len;
    dec_value(&d, 0);
    dec_ws(&d);
    if (d.p != d.end)
        dec_fail(&d, "text after the value");
}

/* ---- arguments and results ---- */

const char *vl_json_arg(lua_State *L, int idx, size_t *len) {
    vl_box *b;
    vl_why why;
    if (lua_type(L, idx) == LUA_TSTRING) {
        lua_pushvalue(L, idx);
        return lua_tolstring(L, -1, len);
    }
    vlc_argexpected(L, lua_type(L, idx) == LUA_TTABLE, idx, "string or table");
    b = vl_box_new(L, NULL);
    if (vl_json_encode(L, idx, &b->buf, &why) != 0)
        luaL_argerror(L, idx, why.msg);
    *len = b->buf.len;
    return b->buf.data;
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
