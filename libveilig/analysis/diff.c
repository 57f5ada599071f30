/* libveilig: differences between two versions of a registry (docs/analysis.md,
   "Differences").

   How it works: each municipality of both registries is written as canonical
   JSON (veilig_municipality_to_json), and the two texts are compared; equal
   texts give no rows and are not looked at further. Otherwise both texts are
   parsed into a temporary arena and the two trees are walked side by side:

   - municipalities are matched by code (ASCII case ignored);
   - object members are matched by key and visited in the order of the new
     object; a key only in old is a removal, reported where it stood in old;
   - the municipality's "measures", "stakeholders" and "indicators" are
     matched by "id" (the k-th use of an id in new with the k-th in old, so
     that a duplicated id still pairs up); an element only in new is one
     ADDED row with the whole element, only in old one REMOVED row; a list
     that is absent on one side counts as empty, so adding a first measure is
     still one ADDED row for the measure. The order of these lists is not
     compared: a list that is only reordered gives no rows;
   - every other array is compared by position when both have the same length
     (element by element, recursively), and as a whole when the lengths
     differ (one CHANGED row with both arrays);
   - strings and numbers are compared by their JSON text, objects recursed,
     values of different types give one CHANGED row.

   Rows come in document order of new; a removed thing comes right after the
   thing that preceded it in old (or first, when nothing did). Pointers are
   RFC 6901 pointers into the new document, into the old one for removals.
   Matching uses hash indexes: linear in the size of the documents.

   The programme block is compared first (when no one municipality is asked
   for), as one value at "/programme" walked the same way; its rows have no
   municipality. Unknown top-level keys are not compared. Contacts marked
   personal are compared like everything else. */
#include <string.h>

#include "analysis_internal.h"

typedef struct vg_diff_row {
    veilig_change change;
    const char *municipality, *measure, *pointer;
    const char *old_text, *new_text;     /* compact JSON, or NULL */
    const vg_jnode *old_node, *new_node; /* the same values as trees, or NULL */
} vg_diff_row;

struct veilig_diff_result {
    vg_arena arena; /* every string and tree of the rows */
    vg_diff_row *rows;
    size_t count, cap;
};

/* ---- matching two lists of keys ---- */

enum { VG_STEP_PAIR, VG_STEP_ADD, VG_STEP_REMOVE };

typedef struct vg_step {
    int kind;
    size_t n, o; /* position in new (PAIR, ADD) and in old (PAIR, REMOVE) */
} vg_step;

#define VG_NONE ((size_t)-1)

static const char *vg_key_at(const void *ctx, size_t pos) {
    return ((const char *const *)ctx)[pos];
}

static int vg_key_eq(const char *a, const char *b, int fold) {
    if (!a || !b)
        return !a && !b;
    return fold ? vg_strieq(a, b) : strcmp(a, b) == 0;
}

/*
 * Plans the walk over a new list (nn items, keys nk) and an old one (no
 * items, keys ok); a NULL key is an item without a key. The k-th item of new
 * with a key is paired with the k-th item of old with the same key (items
 * without a key pair up in order too). *out (vg_free) receives the steps:
 * new items in order, each followed by the old items that came right after
 * its old partner and have no partner themselves; old items without partner
 * before the first paired one come first.
 */
static int vg_plan(vg_step **out, size_t *nsteps, size_t nn, const char *const *nk, size_t no,
                   const char *const *ok, int fold) {
    *out = NULL;
    *nsteps = 0;
    vg_step *steps = vg_calloc(nn + no + 1, sizeof *steps);
    if (!steps)
        return VEILIG_ENOMEM;
    size_t k = 0;
    /* the common case: the same keys in the same order */
    int same = nn == no;
    for (size_t i = 0; same && i < nn; i++)
        same = vg_key_eq(nk[i], ok[i], fold);
    if (same) {
        for (size_t i = 0; i < nn; i++) {
            steps[k].kind = VG_STEP_PAIR;
            steps[k].n = steps[k].o = i;
            k++;
        }
        *out = steps;
        *nsteps = k;
        return VEILIG_OK;
    }

    int rc = VEILIG_ENOMEM;
    vg_index ix;
    vg_index_init(&ix, fold);
    /* next[i]: the next old item with the same key as i; cur[f]: the next
       unpaired old item of the group whose first item is f */
    size_t *next = vg_malloc((no + 1) * sizeof *next);
    size_t *last = vg_malloc((no + 1) * sizeof *last);
    size_t *cur = vg_malloc((no + 1) * sizeof *cur);
    size_t *partner = vg_malloc((nn + 1) * sizeof *partner);
    unsigned char *paired = vg_calloc(no + 1, 1);
    if (!next || !last || !cur || !partner || !paired)
        goto done;
    for (size_t i = 0; i < no; i++)
        if ((rc = vg_index_add(&ix, i, vg_key_at, ok)) != VEILIG_OK)
            goto done;
    size_t first_keyless = VG_NONE;
    for (size_t i = 0; i < no; i++) {
        next[i] = last[i] = VG_NONE;
        cur[i] = i;
    }
    for (size_t i = 0; i < no; i++) {
        size_t f = ok[i] ? vg_index_find(&ix, ok[i], vg_key_at, ok) : first_keyless;
        if (f == VG_NONE) /* the first item without a key */
            f = first_keyless = i;
        if (f != i)
            next[last[f]] = i;
        last[f] = i;
    }
    for (size_t j = 0; j < nn; j++) {
        size_t f = nk[j] ? vg_index_find(&ix, nk[j], vg_key_at, ok) : first_keyless;
        partner[j] = VG_NONE;
        if (f != VG_NONE && cur[f] != VG_NONE) {
            partner[j] = cur[f];
            paired[cur[f]] = 1;
            cur[f] = next[cur[f]];
        }
    }
    size_t i = 0;
    for (; i < no && !paired[i]; i++) {
        steps[k].kind = VG_STEP_REMOVE;
        steps[k++].o = i;
    }
    for (size_t j = 0; j < nn; j++) {
        steps[k].n = j;
        if (partner[j] == VG_NONE) {
            steps[k++].kind = VG_STEP_ADD;
            continue;
        }
        steps[k].kind = VG_STEP_PAIR;
        steps[k++].o = partner[j];
        for (i = partner[j] + 1; i < no && !paired[i]; i++) {
            steps[k].kind = VG_STEP_REMOVE;
            steps[k++].o = i;
        }
    }
    *out = steps;
    *nsteps = k;
    steps = NULL;
    rc = VEILIG_OK;
done:
    vg_free(steps);
    vg_free(next);
    vg_free(last);
    vg_free(cur);
    vg_free(partner);
    vg_free(paired);
    vg_index_free(&ix);
    return rc;
}

/* ---- the walk ---- */

typedef struct vg_diffctx {
    veilig_diff_result *d;
    vg_buf np, op;            /* pointers into new and old */
    vg_buf tmp;               /* rendering of values */
    const char *municipality; /* code, in d->arena */
    const char *measure;      /* id of the measure being compared, or NULL */
    /* the municipalities being compared, when both are there: their renderings
       hold their measures as a mark (vg_municipality_head_to_json), and the
       measures are compared in the model (vg_diff_measures) */
    const veilig_municipality *om, *nm;
} vg_diffctx;

/* What a value is, for the rules of comparison. */
enum { VG_K_PLAIN, VG_K_MUNICIPALITY, VG_K_MEASURES, VG_K_IDLIST };

static const char *vg_text_of(vg_diffctx *c, const vg_jnode *node) {
    vg_jwriter w;
    c->tmp.len = 0;
    vg_jw_init(&w, &c->tmp, VG_JW_COMPACT);
    vg_jw_node(&w, node);
    if (c->tmp.failed)
        return NULL;
    return vg_arena_strndup(&c->d->arena, c->tmp.data, c->tmp.len);
}

/* A row; the pointer is np, or op for removals. */
static int vg_row(vg_diffctx *c, veilig_change change, const vg_jnode *o, const vg_jnode *n) {
    veilig_diff_result *d = c->d;
    const vg_buf *p = change == VEILIG_CHANGE_REMOVED ? &c->op : &c->np;
    if (c->np.failed || c->op.failed)
        return VEILIG_ENOMEM;
    if (vg_grow((void **)&d->rows, &d->cap, d->count + 1, sizeof *d->rows) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_diff_row *r = &d->rows[d->count];
    memset(r, 0, sizeof *r);
    r->change = change;
    r->municipality = c->municipality;
    if (c->measure && !(r->measure = vg_arena_strdup(&d->arena, c->measure)))
        return VEILIG_ENOMEM;
    if (!(r->pointer = vg_arena_strndup(&d->arena, p->data ? p->data : "", p->len)))
        return VEILIG_ENOMEM;
    if (o && (!(r->old_text = vg_text_of(c, o)) || !(r->old_node = vg_json_copy(&d->arena, o))))
        return VEILIG_ENOMEM;
    if (n && (!(r->new_text = vg_text_of(c, n)) || !(r->new_node = vg_json_copy(&d->arena, n))))
        return VEILIG_ENOMEM;
    d->count++;
    return VEILIG_OK;
}

static void vg_push_key(vg_buf *b, const char *key, size_t len) {
    vg_json_pointer_append(b, key, len);
}

static void vg_push_index(vg_buf *b, size_t i) {
    vg_buf_printf(b, "/%zu", i);
}

/* The "id" of an element of an id list, or NULL. */
static const char *vg_id_of(const vg_jnode *node) {
    const vg_jmember *m = vg_json_get(node, "id");
    return m && m->value.type == VG_JSTRING ? m->value.u.str : NULL;
}

static int vg_diff_value(vg_diffctx *c, const vg_jnode *o, const vg_jnode *n, int kind);
static int vg_diff_measures(vg_diffctx *c);

/* An id list, stakeholders or indicators (o or n may be NULL: absent, as if
   empty); the measures go through vg_diff_measures. */
static int vg_diff_idlist(vg_diffctx *c, const vg_jnode *o, const vg_jnode *n) {
    size_t nn = n ? n->len : 0, no = o ? o->len : 0;
    const char **nk = vg_malloc((nn + 1) * sizeof *nk);
    const char **ok = vg_malloc((no + 1) * sizeof *ok);
    vg_step *steps = NULL;
    size_t nsteps = 0;
    int rc = VEILIG_ENOMEM;
    if (!nk || !ok)
        goto done;
    for (size_t j = 0; j < nn; j++)
        nk[j] = vg_id_of(&n->u.items[j]);
    for (size_t i = 0; i < no; i++)
        ok[i] = vg_id_of(&o->u.items[i]);
    if ((rc = vg_plan(&steps, &nsteps, nn, nk, no, ok, 0)) != VEILIG_OK)
        goto done;
    size_t nlen = c->np.len, olen = c->op.len;
    for (size_t s = 0; s < nsteps && rc == VEILIG_OK; s++) {
        const vg_step *st = &steps[s];
        const vg_jnode *ni = st->kind != VG_STEP_REMOVE ? &n->u.items[st->n] : NULL;
        const vg_jnode *oi = st->kind != VG_STEP_ADD ? &o->u.items[st->o] : NULL;
        if (ni)
            vg_push_index(&c->np, st->n);
        if (oi)
            vg_push_index(&c->op, st->o);
        if (st->kind == VG_STEP_PAIR)
            rc = vg_diff_value(c, oi, ni, VG_K_PLAIN);
        else if (st->kind == VG_STEP_ADD)
            rc = vg_row(c, VEILIG_CHANGE_ADDED, NULL, ni);
        else
            rc = vg_row(c, VEILIG_CHANGE_REMOVED, oi, NULL);
        c->np.len = nlen;
        c->op.len = olen;
    }
done:
    vg_free(nk);
    vg_free(ok);
    vg_free(steps);
    return rc;
}

/* The kind of a member's value: id lists of a municipality are special. */
static int vg_member_kind(int parent_kind, const char *key) {
    if (parent_kind != VG_K_MUNICIPALITY)
        return VG_K_PLAIN;
    if (strcmp(key, "measures") == 0)
        return VG_K_MEASURES;
    if (strcmp(key, "stakeholders") == 0 || strcmp(key, "indicators") == 0)
        return VG_K_IDLIST;
    return VG_K_PLAIN;
}

static int vg_diff_object(vg_diffctx *c, const vg_jnode *o, const vg_jnode *n, int kind) {
    size_t nn = n->len, no = o->len;
    const char **nk = vg_malloc((nn + 1) * sizeof *nk);
    const char **ok = vg_malloc((no + 1) * sizeof *ok);
    vg_step *steps = NULL;
    size_t nsteps = 0;
    int rc = VEILIG_ENOMEM;
    if (!nk || !ok)
        goto done;
    for (size_t j = 0; j < nn; j++)
        nk[j] = n->u.members[j].key;
    for (size_t i = 0; i < no; i++)
        ok[i] = o->u.members[i].key;
    if ((rc = vg_plan(&steps, &nsteps, nn, nk, no, ok, 0)) != VEILIG_OK)
        goto done;
    size_t nlen = c->np.len, olen = c->op.len;
    for (size_t s = 0; s < nsteps && rc == VEILIG_OK; s++) {
        const vg_step *st = &steps[s];
        const vg_jmember *nm = st->kind != VG_STEP_REMOVE ? &n->u.members[st->n] : NULL;
        const vg_jmember *om = st->kind != VG_STEP_ADD ? &o->u.members[st->o] : NULL;
        const vg_jmember *any = nm ? nm : om;
        int mk = vg_member_kind(kind, any->key);
        vg_push_key(&c->np, any->key, any->key_len);
        vg_push_key(&c->op, any->key, any->key_len);
        if (mk == VG_K_MEASURES) {
            /* the mark of measures held back (a municipality is walked as a
               tree only when both versions have it: c->om, c->nm set) */
            rc = vg_diff_measures(c);
        } else if (st->kind == VG_STEP_PAIR) {
            rc = vg_diff_value(c, &om->value, &nm->value, mk);
        } else if (mk != VG_K_PLAIN && any->value.type == VG_JARRAY) {
            /* an id list only on one side: one row per element */
            rc = vg_diff_idlist(c, om ? &om->value : NULL, nm ? &nm->value : NULL);
        } else if (st->kind == VG_STEP_ADD) {
            rc = vg_row(c, VEILIG_CHANGE_ADDED, NULL, &nm->value);
        } else {
            rc = vg_row(c, VEILIG_CHANGE_REMOVED, &om->value, NULL);
        }
        c->np.len = nlen;
        c->op.len = olen;
    }
done:
    vg_free(nk);
    vg_free(ok);
    vg_free(steps);
    return rc;
}

/* Compares two values at the current pointers. */
static int vg_diff_value(vg_diffctx *c, const vg_jnode *o, const vg_jnode *n, int kind) {
    if (o->type != n->type)
        return vg_row(c, VEILIG_CHANGE_CHANGED, o, n);
    switch (o->type) {
        case VG_JOBJECT:
            return vg_diff_object(c, o, n, kind);
        case VG_JARRAY: {
            if (kind == VG_K_IDLIST)
                return vg_diff_idlist(c, o, n);
            if (o->len != n->len)
                return vg_row(c, VEILIG_CHANGE_CHANGED, o, n);
            size_t nlen = c->np.len, olen = c->op.len;
            int rc = VEILIG_OK;
            for (uint32_t i = 0; i < n->len && rc == VEILIG_OK; i++) {
                vg_push_index(&c->np, i);
                vg_push_index(&c->op, i);
                rc = vg_diff_value(c, &o->u.items[i], &n->u.items[i], VG_K_PLAIN);
                c->np.len = nlen;
                c->op.len = olen;
            }
            return rc;
        }
        case VG_JSTRING:
        case VG_JNUMBER:
            if (o->len == n->len && memcmp(o->u.str, n->u.str, o->len) == 0)
                return VEILIG_OK;
            return vg_row(c, VEILIG_CHANGE_CHANGED, o, n);
        default: /* null, true, false: equal types are equal values */
            return VEILIG_OK;
    }
}

/* ---- municipalities ---- */

/* A municipality as compact canonical JSON (veilig_free). */
static int vg_render_municipality(char **out, size_t *len, const veilig_municipality *m) {
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = VEILIG_SAVE_COMPACT;
    return veilig_municipality_to_json(out, len, m, &so, NULL);
}

/* Parses a rendering of ours (the tree's strings stay in it: the rows copy
   what they keep). */
static int vg_parse(vg_jnode **out, vg_arena *a, char *text, size_t len) {
    vg_jlimits lim;
    lim.max_depth = VG_JW_MAX_DEPTH;
    lim.max_string = (size_t)-1;
    int rc = vg_json_parse_insitu(out, a, text, len, &lim, NULL);
    return rc == VEILIG_ENOMEM || rc == VEILIG_OK ? rc : VEILIG_EINVAL;
}

/* The rows of one block (a municipality, the programme) from its renderings
   in old and new (NULL where it is absent; not both), the pointers to it set
   in c->op and c->np: field by field when in both, else one row. */
static int vg_diff_rendered(vg_diffctx *c, char *otext, size_t olen, char *ntext, size_t nlen,
                            int kind) {
    vg_arena tmp;
    vg_jnode *on = NULL, *nn = NULL;
    int rc = VEILIG_OK;
    vg_arena_init(&tmp, 4096);
    if (otext)
        rc = vg_parse(&on, &tmp, otext, olen);
    if (!rc && ntext)
        rc = vg_parse(&nn, &tmp, ntext, nlen);
    if (!rc)
        rc = on && nn ? vg_diff_value(c, on, nn, kind)
                      : vg_row(c, nn ? VEILIG_CHANGE_ADDED : VEILIG_CHANGE_REMOVED, on, nn);
    vg_arena_free(&tmp);
    return rc;
}

/* Whether two renderings (NULL: absent) are the same. */
static int vg_same_text(const char *a, size_t alen, const char *b, size_t blen) {
    return a && b ? alen == blen && memcmp(a, b, alen) == 0 : a == b;
}

static const char *vg_measure_id_at(const vg_list *l, size_t i) {
    return ((const veilig_measure *)l->v[i])->id;
}

/* A measure as a tree in tmp (NULL: none), from its compact rendering. */
static int vg_measure_tree(vg_jnode **out, vg_arena *tmp, const veilig_measure *ms) {
    *out = NULL;
    if (!ms)
        return VEILIG_OK;
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = VEILIG_SAVE_COMPACT;
    char *text = NULL;
    size_t len = 0;
    int rc = veilig_measure_to_json(&text, &len, ms, &so, NULL);
    if (rc)
        return rc;
    /* the tree's strings stay in the text: kept with the arena */
    char *kept = vg_arena_alloc(tmp, len + 1);
    if (kept)
        memcpy(kept, text, len + 1);
    veilig_free(text);
    return kept ? vg_parse(out, tmp, kept, len) : VEILIG_ENOMEM;
}

/* The measures of c->om and c->nm, matched by id as in vg_diff_idlist, at
   the current pointers: a pair the model shows written alike is passed over
   without rendering it; the others are rendered and compared as trees, as
   every other value is. */
static int vg_diff_measures(vg_diffctx *c) {
    const vg_list *ol = &c->om->measures, *nl = &c->nm->measures;
    const char **nk = vg_malloc((nl->n + 1) * sizeof *nk);
    const char **ok = vg_malloc((ol->n + 1) * sizeof *ok);
    vg_step *steps = NULL;
    size_t nsteps = 0;
    int rc = VEILIG_ENOMEM;
    if (!nk || !ok)
        goto done;
    for (uint32_t j = 0; j < nl->n; j++)
        nk[j] = vg_measure_id_at(nl, j);
    for (uint32_t i = 0; i < ol->n; i++)
        ok[i] = vg_measure_id_at(ol, i);
    if ((rc = vg_plan(&steps, &nsteps, nl->n, nk, ol->n, ok, 0)) != VEILIG_OK)
        goto done;
    size_t nlen = c->np.len, olen = c->op.len;
    vg_arena tmp;
    vg_arena_init(&tmp, 4096);
    for (size_t s = 0; s < nsteps && rc == VEILIG_OK; s++) {
        const vg_step *st = &steps[s];
        const veilig_measure *nms = st->kind != VG_STEP_REMOVE ? nl->v[st->n] : NULL;
        const veilig_measure *oms = st->kind != VG_STEP_ADD ? ol->v[st->o] : NULL;
        if (nms && oms && vg_measures_same(oms, nms))
            continue;
        vg_jnode *on = NULL, *nn = NULL;
        vg_arena_reset(&tmp);
        rc = vg_measure_tree(&on, &tmp, oms);
        if (!rc)
            rc = vg_measure_tree(&nn, &tmp, nms);
        if (rc)
            break;
        if (nn)
            vg_push_index(&c->np, st->n);
        if (on)
            vg_push_index(&c->op, st->o);
        c->measure = nms ? nk[st->n] : ok[st->o];
        if (on && nn)
            rc = vg_diff_value(c, on, nn, VG_K_PLAIN);
        else
            rc = vg_row(c, nn ? VEILIG_CHANGE_ADDED : VEILIG_CHANGE_REMOVED, on, nn);
        c->measure = NULL;
        c->np.len = nlen;
        c->op.len = olen;
    }
    vg_arena_free(&tmp);
done:
    vg_free(nk);
    vg_free(ok);
    vg_free(steps);
    return rc;
}

/* Whether two municipalities' measures are all written alike, in order. */
static int vg_measures_all_same(const veilig_municipality *om, const veilig_municipality *nm) {
    if (om->measures.n != nm->measures.n)
        return 0;
    for (uint32_t k = 0; k < om->measures.n; k++)
        if (!vg_measures_same(om->measures.v[k], nm->measures.v[k]))
            return 0;
    return 1;
}

/* One step of the walk over municipalities: om (old, at oi) and/or nm (new,
   at ni). When both are there, their renderings leave the measures out
   (they are compared in the model, vg_diff_measures); else a whole one is
   one row. */
static int vg_diff_municipality(vg_diffctx *c, const veilig_municipality *om, size_t oi,
                                const veilig_municipality *nm, size_t ni) {
    char *otext = NULL, *ntext = NULL;
    size_t olen = 0, nlen = 0;
    int both = om && nm;
    /* the model says at once when all but the measures is the same (most
       municipalities of two versions): then nothing is rendered but the
       measures that differ */
    int heads_same = both && vg_municipality_heads_same(om, nm);
    if (heads_same && vg_measures_all_same(om, nm))
        return VEILIG_OK;
    int rc = VEILIG_OK;
    if (!heads_same) {
        int (*render)(char **, size_t *, const veilig_municipality *) =
            both ? vg_municipality_head_to_json : vg_render_municipality;
        if (om && (rc = render(&otext, &olen, om)) != VEILIG_OK)
            goto done;
        if (nm && (rc = render(&ntext, &nlen, nm)) != VEILIG_OK)
            goto done;
        if (vg_same_text(otext, olen, ntext, nlen) && (!both || vg_measures_all_same(om, nm)))
            goto done;
    }
    c->measure = NULL;
    c->municipality = vg_arena_strdup(&c->d->arena, nm ? nm->code : om->code);
    if (!c->municipality) {
        rc = VEILIG_ENOMEM;
        goto done;
    }
    c->np.len = c->op.len = 0;
    vg_buf_puts(&c->np, "/municipalities");
    vg_buf_puts(&c->op, "/municipalities");
    if (nm)
        vg_push_index(&c->np, ni);
    if (om)
        vg_push_index(&c->op, oi);
    c->om = both ? om : NULL;
    c->nm = both ? nm : NULL;
    if (heads_same) {
        /* no rows but the measures' */
        vg_push_key(&c->np, "measures", 8);
        vg_push_key(&c->op, "measures", 8);
        rc = vg_diff_measures(c);
    } else {
        rc = vg_diff_rendered(c, otext, olen, ntext, nlen, VG_K_MUNICIPALITY);
    }
    c->om = c->nm = NULL;
done:
    veilig_free(otext);
    veilig_free(ntext);
    return rc;
}

/* The programme blocks of o and n (either may have none); rows without a municipality. */
static int vg_diff_programme(vg_diffctx *c, const veilig_registry *o, const veilig_registry *n) {
    char *otext = NULL, *ntext = NULL;
    size_t olen = 0, nlen = 0;
    int rc = VEILIG_OK;
    if (o->programme && (rc = vg_programme_to_json(&otext, &olen, o)) != VEILIG_OK)
        goto done;
    if (n->programme && (rc = vg_programme_to_json(&ntext, &nlen, n)) != VEILIG_OK)
        goto done;
    if (vg_same_text(otext, olen, ntext, nlen))
        goto done;
    c->measure = NULL;
    c->municipality = NULL;
    c->np.len = c->op.len = 0;
    vg_buf_puts(&c->np, "/programme");
    vg_buf_puts(&c->op, "/programme");
    rc = vg_diff_rendered(c, otext, olen, ntext, nlen, VG_K_PLAIN);
done:
    vg_free(otext);
    vg_free(ntext);
    return rc;
}

static const char *vg_code_at(const void *ctx, size_t pos) {
    return ((const veilig_registry *)ctx)->municipalities[pos]->code;
}

/* The position of the municipality with code (ASCII case ignored), or VG_NONE. */
static size_t vg_find_code(const veilig_registry *reg, const char *code) {
    for (size_t i = 0; i < reg->count; i++)
        if (vg_strieq(reg->municipalities[i]->code, code))
            return i;
    return VG_NONE;
}

static int vg_diff_all(vg_diffctx *c, const veilig_registry *o, const veilig_registry *n) {
    size_t nn = n->count, no = o->count;
    const char **nk = vg_malloc((nn + 1) * sizeof *nk);
    const char **ok = vg_malloc((no + 1) * sizeof *ok);
    vg_step *steps = NULL;
    size_t nsteps = 0;
    int rc = VEILIG_ENOMEM;
    if (!nk || !ok)
        goto done;
    for (size_t j = 0; j < nn; j++)
        nk[j] = vg_code_at(n, j);
    for (size_t i = 0; i < no; i++)
        ok[i] = vg_code_at(o, i);
    if ((rc = vg_plan(&steps, &nsteps, nn, nk, no, ok, 1)) != VEILIG_OK)
        goto done;
    for (size_t s = 0; s < nsteps && rc == VEILIG_OK; s++) {
        const vg_step *st = &steps[s];
        rc = vg_diff_municipality(
            c, st->kind != VG_STEP_ADD ? o->municipalities[st->o] : NULL, st->o,
            st->kind != VG_STEP_REMOVE ? n->municipalities[st->n] : NULL, st->n);
    }
done:
    vg_free(nk);
    vg_free(ok);
    vg_free(steps);
    return rc;
}

void veilig_diff_free(veilig_diff_result *d) {
    if (!d)
        return;
    vg_free(d->rows);
    vg_arena_free(&d->arena);
    vg_free(d);
}

int veilig_diff(veilig_diff_result **out, const veilig_registry *old_reg,
                const veilig_registry *new_reg, const char *code) {
    if (out)
        *out = NULL;
    if (!out || !old_reg || !new_reg)
        return VEILIG_EINVAL;
    size_t oi = VG_NONE, ni = VG_NONE;
    if (code) {
        oi = vg_find_code(old_reg, code);
        ni = vg_find_code(new_reg, code);
        if (oi == VG_NONE && ni == VG_NONE)
            return vg_fail(VEILIG_ENOTFOUND, "diff: no municipality %s in either registry", code);
    }
    veilig_diff_result *d = vg_calloc(1, sizeof *d);
    if (!d)
        return VEILIG_ENOMEM;
    vg_arena_init(&d->arena, 1024);
    vg_diffctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    vg_buf_init(&c.np);
    vg_buf_init(&c.op);
    vg_buf_init(&c.tmp);
    int rc;
    if (code)
        rc = vg_diff_municipality(&c, oi != VG_NONE ? old_reg->municipalities[oi] : NULL, oi,
                                  ni != VG_NONE ? new_reg->municipalities[ni] : NULL, ni);
    else if ((rc = vg_diff_programme(&c, old_reg, new_reg)) == VEILIG_OK)
        rc = vg_diff_all(&c, old_reg, new_reg);
    vg_buf_free(&c.np);
    vg_buf_free(&c.op);
    vg_buf_free(&c.tmp);
    if (rc != VEILIG_OK) {
        veilig_diff_free(d);
        return rc;
    }
    *out = d;
    return VEILIG_OK;
}

size_t veilig_diff_count(const veilig_diff_result *d) {
    return d ? d->count : 0;
}

veilig_change veilig_diff_change(const veilig_diff_result *d, size_t i) {
    return d && i < d->count ? d->rows[i].change : (veilig_change)0;
}

const char *veilig_diff_municipality(const veilig_diff_result *d, size_t i) {
    return d && i < d->count ? d->rows[i].municipality : NULL;
}

const char *veilig_diff_measure(const veilig_diff_result *d, size_t i) {
    return d && i < d->count ? d->rows[i].measure : NULL;
}

const char *veilig_diff_pointer(const veilig_diff_result *d, size_t i) {
    return d && i < d->count ? d->rows[i].pointer : NULL;
}

const char *veilig_diff_old(const veilig_diff_result *d, size_t i) {
    return d && i < d->count ? d->rows[i].old_text : NULL;
}

const char *veilig_diff_new(const veilig_diff_result *d, size_t i) {
    return d && i < d->count ? d->rows[i].new_text : NULL;
}

static const char *vg_change_name(veilig_change change) {
    switch (change) {
        case VEILIG_CHANGE_ADDED:
            return "added";
        case VEILIG_CHANGE_REMOVED:
            return "removed";
        default:
            return "changed";
    }
}

int veilig_diff_to_json(char **out, size_t *len, const veilig_diff_result *d) {
    if (out)
        *out = NULL;
    if (!out || !d)
        return VEILIG_EINVAL;
    vg_jwriter w;
    vg_buf b;
    vg_render_begin(&w, &b);
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < d->count; i++) {
        const vg_diff_row *r = &d->rows[i];
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "change");
        vg_jw_cstring(&w, vg_change_name(r->change));
        vg_jw_key(&w, "municipality");
        vg_jw_cstring(&w, r->municipality);
        if (r->measure) {
            vg_jw_key(&w, "measure");
            vg_jw_cstring(&w, r->measure);
        }
        vg_jw_key(&w, "pointer");
        vg_jw_cstring(&w, r->pointer);
        if (r->old_node) {
            vg_jw_key(&w, "old");
            vg_jw_node(&w, r->old_node);
        }
        if (r->new_node) {
            vg_jw_key(&w, "new");
            vg_jw_node(&w, r->new_node);
        }
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    return vg_render_finish(out, len, &b);
}
