/*
 * libveilig: the jansson bridge (include/veilig/jansson.h).
 *
 * No second copy of the format's rules: a json_t is turned into the tree
 * the library's own JSON reader makes (libveilig/json.h), with the reader's
 * limits and its "valid JSON, not a document" errors, and the codec reads
 * that tree as it reads a parsed text (vg_load_tree, vg_registry_add_tree).
 * The other way, the canonical dump is parsed by the library's reader and
 * that tree is turned into json_t values, so the result is the dump's by
 * construction. The trees live in a scratch arena, freed before returning.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "model_internal.h"
#include "veilig/jansson.h"

/* ---- json_t to the reader's tree ---- */

typedef struct vg_jt {
    vg_arena *arena;
    size_t max_depth;
    size_t max_string;
    size_t depth;
    veilig_error *err;
    int pending; /* a recorded VEILIG_ESCHEMA (a NUL character), or 0 */
} vg_jt;

/* Fails with code about the value whose path ends at level l. */
static int vg_jt_fail(vg_jt *c, int code, const vg_jlevel *l, const char *fmt, ...) VG_PRINTF(4, 5);
static int vg_jt_fail(vg_jt *c, int code, const vg_jlevel *l, const char *fmt, ...) {
    if (!c->err)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vg_error_vset(c->err, code, fmt, ap);
    va_end(ap);
    vg_json_pointer_of(c->err->pointer, sizeof c->err->pointer, l);
    return code;
}

static int vg_jt_nomem(vg_jt *c) {
    if (c->err) {
        vg_error_set(c->err, VEILIG_ENOMEM, "out of memory");
        c->err->pointer[0] = '\0';
    }
    return VEILIG_ENOMEM;
}

/*
 * Checks a string or key as the text reader would, in its order: not UTF-8
 * stops (VEILIG_EPARSE), too long stops (VEILIG_ELIMIT, at limit_at), a NUL
 * is recorded (the first VEILIG_ESCHEMA, at l) and the walk goes on. Then
 * copies it, NUL-terminated, into the arena.
 */
static int vg_jt_string(vg_jt *c, const char *s, size_t len, const vg_jlevel *l,
                        const vg_jlevel *limit_at, const char *what, const char **out) {
    if (!vg_utf8_valid(s, len))
        return vg_jt_fail(c, VEILIG_EPARSE, l, "invalid UTF-8 in %s", what);
    size_t limit = c->max_string < UINT32_MAX ? c->max_string : UINT32_MAX;
    if (len > limit)
        return vg_jt_fail(c, VEILIG_ELIMIT, limit_at, "string longer than %zu bytes", limit);
    if (!c->pending && memchr(s, '\0', len)) {
        c->pending = VEILIG_ESCHEMA;
        vg_jt_fail(c, VEILIG_ESCHEMA, l, "NUL character (\\u0000) in %s", what);
    }
    char *d = vg_arena_strndup(c->arena, s, len);
    if (!d)
        return vg_jt_nomem(c);
    *out = d;
    return VEILIG_OK;
}

/* A real as a number literal that reads back as the same double and as a
   real: "12.0", not "12". */
static int vg_jt_real(vg_jt *c, double v, vg_jnode *out) {
    char buf[VG_JSON_DOUBLE_BUFSIZE + 2];
    size_t n = vg_json_format_double(buf, v); /* jansson holds no NaN or infinity */
    if (!strpbrk(buf, ".eE")) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    out->u.str = vg_arena_strndup(c->arena, buf, n);
    out->len = (uint32_t)n;
    return out->u.str ? VEILIG_OK : vg_jt_nomem(c);
}

static int vg_jt_integer(vg_jt *c, json_int_t v, vg_jnode *out) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, v);
    out->u.str = vg_arena_strndup(c->arena, buf, (size_t)n);
    out->len = (uint32_t)n;
    return out->u.str ? VEILIG_OK : vg_jt_nomem(c);
}

static int vg_jt_value(vg_jt *c, const json_t *v, const vg_jlevel *top, vg_jnode *out);

static int vg_jt_object(vg_jt *c, const json_t *v, const vg_jlevel *top, vg_jnode *out) {
    size_t n = json_object_size(v);
    vg_jmember *members = NULL;
    if (n > 0) {
        members = vg_arena_calloc(c->arena, n, sizeof *members);
        if (!members)
            return vg_jt_nomem(c);
    }
    vg_jlevel lvl = {top, "", 0};
    size_t i = 0;
    /* json_object_iter takes a json_t *, but only reads through it */
    for (void *it = json_object_iter((json_t *)(uintptr_t)v); it && i < n;
         it = json_object_iter_next((json_t *)(uintptr_t)v, it), i++) {
        const char *key = json_object_iter_key(it);
        size_t key_len = json_object_iter_key_len(it);
        vg_jmember *m = &members[i];
        lvl.key = key;
        lvl.n = key_len;
        /* a key too long is named by its object; a bad key by the member */
        int rc = vg_jt_string(c, key, key_len, &lvl, top, "key", &m->key);
        if (rc == VEILIG_OK)
            rc = vg_jt_value(c, json_object_iter_value(it), &lvl, &m->value);
        if (rc != VEILIG_OK)
            return rc;
        m->key_len = (uint32_t)key_len;
    }
    out->type = VG_JOBJECT;
    out->len = (uint32_t)i;
    out->u.members = members;
    return VEILIG_OK;
}

static int vg_jt_array(vg_jt *c, const json_t *v, const vg_jlevel *top, vg_jnode *out) {
    size_t n = json_array_size(v);
    if (n > UINT32_MAX)
        return vg_jt_fail(c, VEILIG_ELIMIT, top, "array with more than %u items",
                          (unsigned)UINT32_MAX);
    vg_jnode *items = NULL;
    if (n > 0) {
        items = vg_arena_calloc(c->arena, n, sizeof *items);
        if (!items)
            return vg_jt_nomem(c);
    }
    vg_jlevel lvl = {top, NULL, 0};
    for (size_t i = 0; i < n; i++) {
        lvl.n = i;
        int rc = vg_jt_value(c, json_array_get(v, i), &lvl, &items[i]);
        if (rc != VEILIG_OK)
            return rc;
    }
    out->type = VG_JARRAY;
    out->len = (uint32_t)n;
    out->u.items = items;
    return VEILIG_OK;
}

/* Converts v, the value the path top leads to, into out. */
static int vg_jt_value(vg_jt *c, const json_t *v, const vg_jlevel *top, vg_jnode *out) {
    out->pos = 0;
    out->len = 0;
    out->u.str = NULL;
    switch (json_typeof(v)) {
        case JSON_OBJECT:
        case JSON_ARRAY: {
            /* also what stops a json_t that contains itself */
            if (++c->depth > c->max_depth)
                return vg_jt_fail(c, VEILIG_ELIMIT, top, "nesting deeper than %zu levels",
                                  c->max_depth);
            int rc = json_is_object(v) ? vg_jt_object(c, v, top, out) : vg_jt_array(c, v, top, out);
            c->depth--;
            return rc;
        }
        case JSON_STRING:
            out->type = VG_JSTRING;
            out->len = (uint32_t)json_string_length(v);
            return vg_jt_string(c, json_string_value(v), json_string_length(v), top, top, "string",
                                &out->u.str);
        case JSON_INTEGER:
            out->type = VG_JNUMBER;
            return vg_jt_integer(c, json_integer_value(v), out);
        case JSON_REAL:
            out->type = VG_JNUMBER;
            return vg_jt_real(c, json_real_value(v), out);
        case JSON_TRUE:
            out->type = VG_JTRUE;
            return VEILIG_OK;
        case JSON_FALSE:
            out->type = VG_JFALSE;
            return VEILIG_OK;
        default:
            out->type = VG_JNULL;
            return VEILIG_OK;
    }
}

/* The reader's tree of v in arena (*out), with the reader's limits and errors. */
static int vg_jt_tree(vg_jnode *out, vg_arena *arena, const json_t *v, const vg_jlimits *lim,
                      veilig_error *err) {
    vg_jt c = {arena, lim->max_depth, lim->max_string, 0, err, 0};
    int rc = vg_jt_value(&c, v, NULL, out);
    return rc ? rc : c.pending;
}

int veilig_registry_from_jansson(veilig_registry **out, const json_t *root,
                                 const veilig_load_options *opts, veilig_error *err) {
    const char *name = opts && opts->source ? opts->source : "<jansson>";
    vg_error_clear(err);
    vg_error_set_source(err, name);
    if (out)
        *out = NULL;
    if (!out || !root)
        return vg_error_set(err, VEILIG_EINVAL, "no output pointer or no document given");
    vg_limits lim;
    int rc = vg_limits_from(&lim, opts, name, err);
    if (rc)
        return rc;
    vg_arena tmp;
    vg_arena_init(&tmp, 4096);
    vg_jnode tree;
    veilig_error local;
    veilig_error *terr = vg_limits_err(&lim, err, &local);
    rc = vg_jt_tree(&tree, &tmp, root, &lim.json, terr);
    if (rc)
        vg_limits_note(&lim, rc, terr);
    else
        rc = vg_load_tree(out, &tree, NULL, 0, &lim, err);
    vg_arena_free(&tmp);
    return rc;
}

int veilig_municipality_from_jansson(veilig_municipality **out, veilig_registry *reg,
                                     const json_t *obj, unsigned flags, veilig_error *err) {
    vg_error_clear(err);
    vg_error_set_source(err, "<jansson>");
    if (out)
        *out = NULL;
    if (!reg || !obj)
        return vg_error_set(err, VEILIG_EINVAL, "no registry or no municipality given");
    vg_limits lim;
    vg_limits_from(&lim, NULL, "<jansson>", NULL);
    vg_arena tmp;
    vg_arena_init(&tmp, 1024);
    vg_jnode tree;
    int rc = vg_jt_tree(&tree, &tmp, obj, &lim.json, err);
    if (!rc)
        rc = vg_registry_add_tree(out, reg, &tree, NULL, 0, flags, err);
    vg_arena_free(&tmp);
    return rc;
}

/* ---- the reader's tree to json_t ---- */

/* A number literal as jansson's own reader would hold it: an integer literal
   that fits as json_integer, any other as json_real. *out NULL: ENOMEM. */
static int vg_jt_make_number(json_t **out, const vg_jnode *n, const vg_jlevel *top,
                             veilig_error *err) {
    const char *lit = n->u.str;
    if (!strpbrk(lit, ".eE")) {
        errno = 0;
        char *end;
        long long v = strtoll(lit, &end, 10);
        if (errno != ERANGE && *end == '\0' && (long long)(json_int_t)v == v) {
            *out = json_integer((json_int_t)v);
            return VEILIG_OK;
        }
        /* beyond json_int_t: the nearest double, as documented */
    }
    double d = vg_json_strtod(lit);
    if (isinf(d)) {
        if (err) {
            vg_error_set(err, VEILIG_ELIMIT,
                         "number %.40s is beyond the range of a double: jansson cannot hold it",
                         lit);
            vg_json_pointer_of(err->pointer, sizeof err->pointer, top);
        }
        *out = NULL;
        return VEILIG_ELIMIT;
    }
    *out = json_real(d);
    return VEILIG_OK;
}

/* The json_t of n (the value the path top leads to), a new reference. */
static int vg_jt_make(json_t **out, const vg_jnode *n, const vg_jlevel *top, veilig_error *err) {
    int rc = VEILIG_OK;
    json_t *v = NULL;
    switch (n->type) {
        case VG_JOBJECT: {
            v = json_object();
            vg_jlevel lvl = {top, "", 0};
            for (uint32_t i = 0; v && !rc && i < n->len; i++) {
                const vg_jmember *m = &n->u.members[i];
                json_t *child = NULL;
                lvl.key = m->key;
                lvl.n = m->key_len;
                rc = vg_jt_make(&child, &m->value, &lvl, err);
                /* json_object_setn_new_nocheck: the tree's keys are UTF-8; it
                   releases child when it fails */
                if (!rc && json_object_setn_new_nocheck(v, m->key, m->key_len, child) != 0)
                    rc = VEILIG_ENOMEM;
            }
            break;
        }
        case VG_JARRAY: {
            v = json_array();
            vg_jlevel lvl = {top, NULL, 0};
            for (uint32_t i = 0; v && !rc && i < n->len; i++) {
                json_t *child = NULL;
                lvl.n = i;
                rc = vg_jt_make(&child, &n->u.items[i], &lvl, err);
                if (!rc && json_array_append_new(v, child) != 0)
                    rc = VEILIG_ENOMEM;
            }
            break;
        }
        case VG_JSTRING:
            v = json_stringn_nocheck(n->u.str, n->len);
            break;
        case VG_JNUMBER:
            rc = vg_jt_make_number(&v, n, top, err);
            break;
        case VG_JTRUE:
            v = json_true();
            break;
        case VG_JFALSE:
            v = json_false();
            break;
        default:
            v = json_null();
            break;
    }
    if (!rc && !v)
        rc = VEILIG_ENOMEM;
    if (rc) {
        json_decref(v);
        if (rc == VEILIG_ENOMEM)
            vg_error_set(err, rc, "out of memory");
        return rc;
    }
    *out = v;
    return VEILIG_OK;
}

/* The json_t of a JSON text the library wrote (a compact dump). */
static int vg_jt_from_dump(json_t **out, const char *text, size_t len, veilig_error *err) {
    vg_arena tmp;
    vg_arena_init(&tmp, len + 1024);
    vg_jnode *root = NULL;
    /* what the library writes, it reads: no limit can apply but the writer's */
    vg_jlimits lim = {VG_JW_MAX_DEPTH, SIZE_MAX};
    int rc = vg_json_parse(&root, &tmp, text, len, &lim, err);
    if (rc == VEILIG_ENOMEM)
        vg_error_set(err, rc, "out of memory");
    if (!rc)
        rc = vg_jt_make(out, root, NULL, err);
    vg_arena_free(&tmp);
    return rc;
}

/* The compact dump's options for opts: its personal-data flag only. */
static int vg_jt_save_options(veilig_save_options *so, const veilig_save_options *opts,
                              veilig_error *err) {
    veilig_save_options_init(so, VEILIG_SAVE_OPTIONS_VERSION);
    if (opts && opts->version != VEILIG_SAVE_OPTIONS_VERSION)
        return vg_error_set(err, VEILIG_EVERSION, "unknown save options version %u", opts->version);
    so->flags = VEILIG_SAVE_COMPACT | (opts ? opts->flags & VEILIG_SAVE_OMIT_PERSONAL : 0);
    return VEILIG_OK;
}

int veilig_registry_to_jansson(json_t **out, const veilig_registry *reg,
                               const veilig_save_options *opts, veilig_error *err) {
    vg_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !reg)
        return vg_error_set(err, VEILIG_EINVAL, "no output pointer or no registry given");
    veilig_save_options so;
    int rc = vg_jt_save_options(&so, opts, err);
    char *text = NULL;
    size_t len = 0;
    if (!rc)
        rc = veilig_registry_dump(&text, &len, reg, &so, err);
    if (!rc)
        rc = vg_jt_from_dump(out, text, len, err);
    veilig_free(text);
    return rc;
}

int veilig_municipality_to_jansson(json_t **out, const veilig_municipality *m,
                                   const veilig_save_options *opts, veilig_error *err) {
    vg_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !m)
        return vg_error_set(err, VEILIG_EINVAL, "no output pointer or no municipality given");
    veilig_save_options so;
    int rc = vg_jt_save_options(&so, opts, err);
    char *text = NULL;
    size_t len = 0;
    if (!rc)
        rc = veilig_municipality_to_json(&text, &len, m, &so, err);
    if (!rc)
        rc = vg_jt_from_dump(out, text, len, err);
    veilig_free(text);
    return rc;
}
