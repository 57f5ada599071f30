/*
 * libveilig: writing sheets. The registry is written as canonical JSON and
 * read back as a tree, and every sheet is a walk over that tree, so a sheet
 * holds exactly what the document holds (keys the library does not know
 * aside).
 */
#include <string.h>

#include "sheet_internal.h"

int vg_doc_open(vg_doc *d, const veilig_registry *reg, unsigned flags) {
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    size_t len = 0;
    vg_jnode *root = NULL;
    so.flags = flags & VEILIG_SHEET_INCLUDE_PERSONAL ? 0 : VEILIG_SAVE_OMIT_PERSONAL;
    vg_arena_init(&d->arena, 1u << 16);
    d->json = NULL;
    d->root = NULL;
    int rc = veilig_registry_dump(&d->json, &len, reg, &so, NULL);
    if (rc == VEILIG_OK) {
        vg_jlimits lim = {VG_JW_MAX_DEPTH, (size_t)-1};
        rc = vg_json_parse(&root, &d->arena, d->json, len, &lim, NULL);
        d->root = root;
    }
    return rc == VEILIG_OK ? rc : VEILIG_ENOMEM; /* the library's own JSON always parses */
}

void vg_doc_close(vg_doc *d) {
    veilig_free(d->json);
    vg_arena_free(&d->arena);
}

/* The value at a dotted path in an object, or NULL. */
static const vg_jnode *vg_at(const vg_jnode *o, const char *path) {
    char key[64];
    while (o && o->type == VG_JOBJECT && path) {
        size_t n = strcspn(path, ".");
        if (n >= sizeof key)
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        const vg_jmember *m = vg_json_get(o, key);
        if (!m)
            return NULL;
        if (path[n] == '\0')
            return &m->value;
        o = &m->value;
        path += n + 1;
    }
    return NULL;
}

static const char *vg_str(const vg_jnode *o, const char *key) {
    const vg_jnode *v = vg_at(o, key);
    return v && v->type == VG_JSTRING ? v->u.str : NULL;
}

/* The items of a list member, and their number. */
static uint32_t vg_items(const vg_jnode *o, const char *key, const vg_jnode **items) {
    const vg_jnode *v = vg_at(o, key);
    if (!v || v->type != VG_JARRAY)
        return 0;
    *items = v->u.items;
    return v->len;
}

const char *vg_sheet_term(const char *lang, const vg_column *c, const char *code) {
    if (c->type == VG_C_PROVINCE)
        return lang && veilig_province_name(code, lang) ? veilig_province_name(code, lang) : code;
    if (!lang || !c->vocab)
        return code;
    int v = veilig_vocab_from_code((veilig_vocab)c->vocab, code);
    return v ? veilig_vocab_label((veilig_vocab)c->vocab, v, lang) : code;
}

int vg_sheet_join(vg_buf *b, const char *lang, const vg_column *c, const vg_jnode *v) {
    size_t start = b->len;
    for (uint32_t i = 0; i < v->len; i++) {
        const vg_jnode *x = &v->u.items[i];
        if (x->type != VG_JSTRING)
            continue;
        if (b->len > start)
            vg_buf_puts(b, lang ? "; " : ";");
        vg_buf_puts(b, c->type == VG_C_CODES ? vg_sheet_term(lang, c, x->u.str) : x->u.str);
    }
    vg_buf_putc(b, '\0');
    return b->failed ? VEILIG_ENOMEM : VEILIG_OK;
}

const char *vg_sheet_bool(const char *lang, int t) {
    return !lang            ? (t ? "true" : "false")
           : lang[0] == 'n' ? (t ? "ja" : "nee")
                            : (t ? "yes" : "no");
}

/* The CSV sink. */
typedef struct vg_out {
    vg_sink sink;
    vg_buf b;
    char sep;
} vg_out;

static void vg_csv_cell(vg_sink *sk, size_t row, size_t col, const vg_column *c, const vg_jnode *v,
                        const char *link) {
    vg_out *o = (vg_out *)sk;
    vg_buf *b = &o->b;
    (void)row;
    if (col)
        vg_buf_putc(b, o->sep);
    if (link) {
        vg_csv_field_sep(b, link, o->sep, 1);
        return;
    }
    if (!v)
        return;
    switch (v->type) {
        case VG_JSTRING:
            vg_csv_field_sep(b, vg_sheet_term(sk->lang, c, v->u.str), o->sep, 1);
            break;
        case VG_JNUMBER:
            for (const char *p = v->u.str; *p; p++)
                vg_buf_putc(b, *p == '.' && o->sep == ';' ? ',' : *p);
            break;
        case VG_JTRUE:
        case VG_JFALSE:
            vg_buf_puts(b, vg_sheet_bool(sk->lang, v->type == VG_JTRUE));
            break;
        case VG_JARRAY: {
            vg_buf item;
            vg_buf_init(&item);
            if (vg_sheet_join(&item, sk->lang, c, v) != VEILIG_OK)
                b->failed = 1;
            else
                vg_csv_field_sep(b, item.data, o->sep, 1);
            vg_buf_free(&item);
            break;
        }
        default:
            break;
    }
}

static void vg_csv_end_row(vg_sink *sk, size_t row) {
    (void)row;
    vg_buf_puts(&((vg_out *)sk)->b, "\r\n");
}

/* One row: the object obj of the municipality muni (code) under the parent id. */
static void vg_row(vg_sink *o, const vg_sheet_def *d, const char *muni, const char *parent,
                   const vg_jnode *obj) {
    o->rows++;
    for (size_t j = 0; j < d->ncols; j++) {
        const vg_column *c = &d->cols[j];
        if (c->type == VG_C_MUNI)
            o->cell(o, o->rows, j, c, NULL, muni ? muni : "");
        else if (c->type == VG_C_PARENT)
            o->cell(o, o->rows, j, c, NULL, parent ? parent : "");
        else
            o->cell(o, o->rows, j, c, vg_at(obj, c->path), NULL);
    }
    o->end_row(o, o->rows);
}

void vg_sheet_walk(vg_sink *o, int sheet, const vg_jnode *root) {
    const vg_sheet_def *d = vg_sheet_def_get(sheet);
    const vg_jnode *ms = NULL, *items = NULL, *sub = NULL;
    if (sheet == VEILIG_SHEET_PROGRAMME) {
        const vg_jnode *p = vg_at(root, "programme");
        if (p)
            vg_row(o, d, NULL, NULL, p);
        return;
    }
    if (sheet == VEILIG_SHEET_SOURCES) {
        uint32_t n = vg_items(root, "programme.sources", &items);
        for (uint32_t i = 0; i < n; i++)
            vg_row(o, d, NULL, NULL, &items[i]);
    }
    uint32_t nm = vg_items(root, "municipalities", &ms);
    for (uint32_t i = 0; i < nm; i++) {
        const vg_jnode *m = &ms[i];
        const char *code = vg_str(m, "code");
        if (sheet == VEILIG_SHEET_MUNICIPALITIES) {
            vg_row(o, d, code, NULL, m);
            continue;
        }
        if (d->parent == VEILIG_SHEET_MUNICIPALITIES) {
            uint32_t n = vg_items(m, d->list_key, &items);
            for (uint32_t k = 0; k < n; k++)
                vg_row(o, d, code, NULL, &items[k]);
            continue;
        }
        const vg_sheet_def *pd = vg_sheet_def_get(d->parent);
        uint32_t np = vg_items(m, pd->list_key, &items);
        for (uint32_t k = 0; k < np; k++) {
            const char *pid = vg_str(&items[k], "id");
            uint32_t n = vg_items(&items[k], d->list_key, &sub);
            for (uint32_t x = 0; x < n; x++)
                vg_row(o, d, code, pid, &sub[x]);
        }
    }
}

int veilig_sheet_export_csv(char **out, size_t *len, const veilig_registry *reg, veilig_sheet sheet,
                            const veilig_sheet_options *opts) {
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    veilig_sheet_options o = VEILIG_SHEET_OPTIONS_INIT;
    if (opts) {
        if (opts->version != VEILIG_SHEET_OPTIONS_VERSION)
            return VEILIG_EVERSION;
        o = *opts;
    }
    const vg_sheet_def *d = vg_sheet_def_get((int)sheet);
    if (!out || !reg || !d || (o.lang && !veilig_sheet_name(sheet, o.lang)) ||
        (o.separator && o.separator != ',' && o.separator != ';'))
        return VEILIG_EINVAL;
    vg_out w;
    memset(&w, 0, sizeof w);
    vg_buf_init(&w.b);
    w.sink.cell = vg_csv_cell;
    w.sink.end_row = vg_csv_end_row;
    w.sink.lang = o.lang;
    w.sep = o.separator ? o.separator : ',';
    for (size_t j = 0; j < d->ncols; j++) {
        if (j)
            vg_buf_putc(&w.b, w.sep);
        vg_csv_field_sep(&w.b, veilig_sheet_column_name(sheet, j, o.lang), w.sep, 1);
    }
    vg_buf_puts(&w.b, "\r\n");
    vg_doc doc;
    int rc = vg_doc_open(&doc, reg, o.flags);
    if (rc == VEILIG_OK)
        vg_sheet_walk(&w.sink, (int)sheet, doc.root);
    vg_doc_close(&doc);
    if (rc == VEILIG_OK && w.b.failed)
        rc = VEILIG_ENOMEM;
    if (rc != VEILIG_OK) {
        vg_buf_free(&w.b);
        return rc;
    }
    *out = vg_buf_finish(&w.b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}
