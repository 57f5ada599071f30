/*
 * libveilig: importing sheets. Rows become records (their cells parsed and
 * checked, every error kept); veilig_import_finish merges the records into
 * the base document's JSON tree, writes the merged document as JSON and
 * loads it with the codec, so the result is exactly what loading that JSON
 * gives, and the base is never touched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sheet_internal.h"

typedef struct vg_rec {
    int sheet;
    int line;
    const char *source;  /* the file */
    const char *muni;    /* the municipality's code; NULL for the programme's rows */
    const char *parent;  /* the measure's or indicator's id, or NULL */
    const char *key;     /* the own code or id, or NULL */
    size_t order;        /* position among all records */
    vg_value *vals;      /* one per column of the sheet; json 0: empty */
    uint32_t present;    /* bit per column: the file has the column */
    const int *colno;    /* per column: its number in the file (1 is A) */
    const char **header; /* per column: its header as written */
    int used;
} vg_rec;

struct veilig_import {
    const veilig_registry *base;
    size_t max_errors;
    char *encoding;
    vg_arena arena;
    vg_rec *recs;
    size_t nrecs, cap;
    veilig_error *errs;
    size_t nerrs, errcap;
    int full;  /* max_errors reached */
    int nomem; /* an allocation failed */
    int sheet_rows[VG_NSHEETS + 1];
};

int veilig_import_options_init(veilig_import_options *opts, unsigned version) {
    if (!opts)
        return VEILIG_EINVAL;
    if (version != VEILIG_IMPORT_OPTIONS_VERSION)
        return VEILIG_EVERSION;
    veilig_import_options init = VEILIG_IMPORT_OPTIONS_INIT;
    *opts = init;
    return VEILIG_OK;
}

int veilig_import_new(veilig_import **out, const veilig_registry *base,
                      const veilig_import_options *opts) {
    if (!out)
        return VEILIG_EINVAL;
    *out = NULL;
    if (opts && opts->version != VEILIG_IMPORT_OPTIONS_VERSION)
        return VEILIG_EVERSION;
    veilig_import *imp = vg_calloc(1, sizeof *imp);
    if (!imp)
        return VEILIG_ENOMEM;
    imp->base = base;
    imp->max_errors =
        opts && opts->max_errors ? opts->max_errors : VEILIG_IMPORT_DEFAULT_MAX_ERRORS;
    vg_arena_init(&imp->arena, 1u << 16);
    if (opts && opts->encoding && !(imp->encoding = vg_arena_strdup(&imp->arena, opts->encoding))) {
        veilig_import_free(imp);
        return VEILIG_ENOMEM;
    }
    *out = imp;
    return VEILIG_OK;
}

void veilig_import_free(veilig_import *imp) {
    if (!imp)
        return;
    vg_arena_free(&imp->arena);
    vg_free(imp->recs);
    vg_free(imp->errs);
    vg_free(imp);
}

size_t veilig_import_error_count(const veilig_import *imp) {
    return imp ? imp->nerrs : 0;
}

const veilig_error *veilig_import_error(const veilig_import *imp, size_t index) {
    return imp && index < imp->nerrs ? &imp->errs[index] : NULL;
}

void vg_import_error(veilig_import *imp, const char *source, int line, int column, const char *fmt,
                     ...) {
    if (imp->nerrs >= imp->max_errors) {
        imp->full = 1;
        return;
    }
    if (vg_grow((void **)&imp->errs, &imp->errcap, imp->nerrs + 1, sizeof *imp->errs)) {
        imp->nomem = 1;
        return;
    }
    veilig_error *e = &imp->errs[imp->nerrs++];
    char text[VEILIG_ERROR_MESSAGE_LENGTH * 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    vg_error_clear(e);
    e->code = VEILIG_ESCHEMA;
    e->line = line;
    e->column = column;
    vg_error_set_source(e, source);
    vg_strlcpy_utf8(e->message, text, sizeof e->message);
}

/* ---- reading rows ---- */

/* The column of a sheet a header names (key or label), or -1. */
static int vg_find_column(const vg_sheet_def *d, const char *h) {
    char want[128], have[128];
    if (vg_sheet_norm(want, sizeof want, h, strlen(h)) == 0)
        return -1;
    for (size_t j = 0; j < d->ncols; j++) {
        const char *names[3] = {d->cols[j].key, d->cols[j].nl, d->cols[j].en};
        for (int k = 0; k < 3; k++) {
            vg_sheet_norm(have, sizeof have, names[k], strlen(names[k]));
            if (strcmp(want, have) == 0)
                return (int)j;
        }
    }
    return -1;
}

/* The sheet the headers fit best: the most headers recognised; 0 when none fits, and then
 *other the second best when two fit equally well. */
static int vg_detect_sheet(const vg_rows *t, int *other) {
    int best = 0;
    size_t best_hits = 0;
    *other = 0;
    for (int s = 1; s <= VG_NSHEETS; s++) {
        const vg_sheet_def *d = vg_sheet_def_get(s);
        size_t hits = 0;
        for (size_t j = 0; j < t->ncols; j++)
            hits += vg_find_column(d, t->header[j]) >= 0;
        if (hits > best_hits) {
            best = s;
            best_hits = hits;
            *other = 0;
        } else if (hits == best_hits && hits) {
            *other = s;
        }
    }
    return best_hits ? best : 0;
}

/* The name of a file without folders and extension: "maatregelen" of "plan/maatregelen.csv". */
static veilig_sheet vg_sheet_of_file(const char *name) {
    if (!name)
        return (veilig_sheet)0;
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    char buf[64];
    size_t n = strcspn(b, ".");
    if (n >= sizeof buf)
        return (veilig_sheet)0;
    memcpy(buf, b, n);
    buf[n] = '\0';
    return veilig_sheet_from_name(buf);
}

void vg_column_letters(char *buf, int n) {
    char tmp[8];
    int k = 0;
    while (n > 0 && k < 7) {
        tmp[k++] = (char)('A' + (n - 1) % 26);
        n = (n - 1) / 26;
    }
    for (int i = 0; i < k; i++)
        buf[i] = tmp[k - 1 - i];
    buf[k] = '\0';
}

/* A near header for an unknown one, or NULL. */
static const char *vg_near_column(const vg_sheet_def *d, const char *h) {
    char want[128], have[128];
    size_t wl = vg_sheet_norm(want, sizeof want, h, strlen(h));
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    for (size_t j = 0; j < d->ncols; j++) {
        const char *names[3] = {d->cols[j].key, d->cols[j].nl, d->cols[j].en};
        for (int k = 0; k < 3; k++) {
            vg_sheet_norm(have, sizeof have, names[k], strlen(names[k]));
            size_t dist = vg_edit_distance(want, have);
            if (dist < bestd) {
                bestd = dist;
                best = names[k];
            }
        }
    }
    return bestd <= 2 || (bestd <= 3 && wl >= 8) ? best : NULL;
}

/* The municipality code of a cell: a CBS code in capitals, or the code of a municipality of the
   base named so. */
static const char *vg_muni_code(veilig_import *imp, const char *s) {
    if ((s[0] == 'g' || s[0] == 'G') && (s[1] == 'm' || s[1] == 'M') && strlen(s) == 6 &&
        strspn(s + 2, "0123456789") == 4) {
        char *c = vg_arena_strdup(&imp->arena, s);
        if (c)
            c[0] = 'G', c[1] = 'M';
        return c;
    }
    const veilig_municipality *m = imp->base ? veilig_registry_find(imp->base, s) : NULL;
    return m ? veilig_municipality_code(m) : s;
}

static int vg_add_rec(veilig_import *imp, vg_rec *r) {
    if (vg_grow((void **)&imp->recs, &imp->cap, imp->nrecs + 1, sizeof *imp->recs))
        return VEILIG_ENOMEM;
    r->order = imp->nrecs;
    imp->recs[imp->nrecs++] = *r;
    return VEILIG_OK;
}

/* Whether t has a column whose header is, normalized, norm. */
static int vg_has_header(const vg_rows *t, const char *norm) {
    char h[32];
    for (size_t j = 0; j < t->ncols; j++)
        if (vg_sheet_norm(h, sizeof h, t->header[j], strlen(t->header[j])) && strcmp(h, norm) == 0)
            return 1;
    return 0;
}

/* The table of `veilig export --table` (a report: one row per measure,
   stakeholder or observation, with names beside codes) whose columns t has,
   or NULL. Each is told by columns no sheet has. */
static const char *vg_export_table_of(const vg_rows *t) {
    if (vg_has_header(t, "municipalityname") || vg_has_header(t, "budgeteur"))
        return "measures";
    if (vg_has_header(t, "observationdate"))
        return "indicators";
    if (vg_has_header(t, "stakeholder") && vg_has_header(t, "measures"))
        return "stakeholders";
    return NULL;
}

int vg_import_rows(veilig_import *imp, const char *name, const vg_rows *t, int sheet) {
    size_t nerrs0 = imp->nerrs;
    const char *src = vg_arena_strdup(&imp->arena, name ? name : "<csv>");
    if (!src)
        return VEILIG_ENOMEM;
    const char *table = vg_export_table_of(t);
    if (table) {
        vg_import_error(imp, src, t->header_line, 0,
                        "the %s table of 'veilig export --table' (a report), not a sheet; "
                        "export the sheets with 'veilig export --sheet all -o FOLDER' (or "
                        "--format xlsx) and import those",
                        table);
        return VEILIG_ESCHEMA;
    }
    if (!sheet)
        sheet = (int)vg_sheet_of_file(name);
    int other = 0;
    if (!sheet && (sheet = vg_detect_sheet(t, &other)) != 0 && other) {
        vg_import_error(
            imp, src, t->header_line, 0,
            "these columns fit sheet '%s' as well as '%s'; name the file after its sheet "
            "(%s.csv) or give the sheet",
            vg_sheet_def_get(sheet)->name, vg_sheet_def_get(other)->name,
            vg_sheet_def_get(sheet)->name);
        return VEILIG_ESCHEMA;
    }
    if (!sheet) {
        vg_import_error(imp, src, t->header_line, 0,
                        "no sheet has these columns; the first row must hold the headers "
                        "(docs/spreadsheets.md)");
        return VEILIG_ESCHEMA;
    }
    const vg_sheet_def *d = vg_sheet_def_get(sheet);
    /* the file's columns: which of the sheet each one is */
    int *map = vg_arena_alloc(&imp->arena, (t->ncols + 1) * sizeof *map);
    int *colno = vg_arena_calloc(&imp->arena, d->ncols, sizeof *colno);
    const char **hdr = vg_arena_calloc(&imp->arena, d->ncols, sizeof *hdr);
    if (!map || !colno || !hdr)
        return VEILIG_ENOMEM;
    uint32_t present = 0;
    for (size_t j = 0; j < t->ncols; j++) {
        const char *h = t->header[j];
        char letters[8];
        vg_column_letters(letters, (int)j + 1);
        int c = vg_find_column(d, h);
        map[j] = c;
        if (c < 0) {
            char norm[8];
            int empty_col = 1;
            for (size_t r = 0; r < t->nrows && empty_col; r++)
                empty_col = j >= t->widths[r] || t->cells[r][j][0] == '\0';
            if (vg_sheet_norm(norm, sizeof norm, h, strlen(h)) == 0 && empty_col)
                continue; /* an empty column without a header: a spreadsheet's trailing columns */
            const char *near = vg_near_column(d, h);
            if (vg_sheet_norm(norm, sizeof norm, h, strlen(h)) == 0)
                vg_import_error(imp, src, t->header_line, (int)j + 1,
                                "column %s has no header; sheet '%s' has no use for it", letters,
                                d->name);
            else if (near)
                vg_import_error(imp, src, t->header_line, (int)j + 1,
                                "column %s: '%.60s' is not a column of sheet '%s'; did you mean "
                                "'%s'?",
                                letters, h, d->name, near);
            else
                vg_import_error(imp, src, t->header_line, (int)j + 1,
                                "column %s: '%.60s' is not a column of sheet '%s'", letters, h,
                                d->name);
        } else if (present & (1u << c)) {
            vg_import_error(imp, src, t->header_line, (int)j + 1,
                            "column %s: '%.60s' is there twice (also column %d)", letters, h,
                            colno[c]);
        } else {
            present |= 1u << c;
            colno[c] = (int)j + 1;
            if (!(hdr[c] = vg_arena_strdup(&imp->arena, h)))
                return VEILIG_ENOMEM;
        }
    }
    for (size_t c = 0; c < d->ncols; c++) {
        vg_ctype ty = (vg_ctype)d->cols[c].type;
        int link = ty == VG_C_KEY || ty == VG_C_PARENT || (ty == VG_C_MUNI && d->cols[c].flags);
        if (link && !(present & (1u << c)))
            vg_import_error(imp, src, t->header_line, 0,
                            "sheet '%s' needs a column '%s' (or '%s', '%s')", d->name,
                            d->cols[c].key, d->cols[c].nl, d->cols[c].en);
    }
    if (imp->nerrs > nerrs0)
        return imp->full ? VEILIG_ELIMIT : VEILIG_ESCHEMA;

    vg_cellctx cx = {&imp->arena, t->separator == ';' ? ',' : '.'};
    if (t->xlsx)
        cx.decimal = '.';
    char msg[VEILIG_ERROR_MESSAGE_LENGTH];
    for (size_t r = 0; r < t->nrows && !imp->full; r++) {
        int line = t->lines[r];
        vg_rec rec;
        memset(&rec, 0, sizeof rec);
        rec.sheet = sheet;
        rec.line = line;
        rec.source = src;
        rec.present = present;
        rec.colno = colno;
        rec.header = hdr;
        rec.vals = vg_arena_calloc(&imp->arena, d->ncols, sizeof *rec.vals);
        if (!rec.vals)
            return VEILIG_ENOMEM;
        int bad = 0;
        for (size_t j = t->ncols; j < t->widths[r]; j++) {
            if (t->cells[r][j][0] != '\0') {
                vg_import_error(imp, src, line, (int)j + 1,
                                "this row has %zu cells but the header %zu (a separator other than "
                                "'%c' in this row?)",
                                t->widths[r], t->ncols, t->separator == '\t' ? 't' : t->separator);
                bad = 1;
                break;
            }
        }
        for (size_t j = 0; j < t->ncols && j < t->widths[r]; j++) {
            int c = map[j];
            if (c < 0)
                continue;
            const char *s = t->cells[r][j];
            char num[64];
            if (t->xlsx && s[0] == '\x01')
                s = vg_xlsx_number(num, sizeof num, &d->cols[c], s + 1, t->date1904);
            else if (!t->xlsx && s[0] == '\'' && vg_csv_needs_guard(s + 1))
                s++; /* the formula guard of export */
            int rc = vg_cell_parse(&rec.vals[c], &cx, &d->cols[c], s, strlen(s), msg, sizeof msg);
            if (rc == VEILIG_ENOMEM)
                return VEILIG_ENOMEM;
            if (rc == VEILIG_EINVAL) {
                vg_import_error(imp, src, line, (int)j + 1, "column '%.60s': %s", hdr[c], msg);
                bad = 1;
            }
        }
        if (bad)
            continue;
        if (d->muni_col >= 0 && rec.vals[d->muni_col].json)
            rec.muni = vg_muni_code(imp, rec.vals[d->muni_col].text);
        if (d->parent_col >= 0)
            rec.parent = rec.vals[d->parent_col].json ? rec.vals[d->parent_col].text : NULL;
        if (d->key_col >= 0)
            rec.key = rec.vals[d->key_col].json ? rec.vals[d->key_col].text : NULL;
        if (sheet == VEILIG_SHEET_MUNICIPALITIES && rec.key) {
            rec.key = rec.muni = vg_muni_code(imp, rec.key);
            rec.vals[d->key_col].text = rec.key;
        }
        if (!rec.muni && !rec.key && imp->nomem)
            return VEILIG_ENOMEM;
        for (size_t c = 0; c < d->ncols; c++) {
            vg_ctype ty = (vg_ctype)d->cols[c].type;
            int link = ty == VG_C_KEY || ty == VG_C_PARENT || ty == VG_C_MUNI;
            if (link && d->cols[c].flags && !rec.vals[c].json) {
                vg_import_error(imp, src, line, colno[c], "column '%.60s' is empty; %s", hdr[c],
                                ty == VG_C_MUNI ? "give the municipality's CBS code (GM0153)"
                                                : "every row needs it");
                bad = 1;
            }
        }
        if (sheet == VEILIG_SHEET_PROGRAMME && imp->sheet_rows[sheet]) {
            vg_import_error(imp, src, line, 0, "sheet 'programme' has one row; this is another");
            bad = 1;
        }
        if (bad)
            continue;
        imp->sheet_rows[sheet]++;
        if (vg_add_rec(imp, &rec) != VEILIG_OK)
            return VEILIG_ENOMEM;
    }
    if (imp->nomem)
        return VEILIG_ENOMEM;
    if (imp->full)
        return VEILIG_ELIMIT;
    return imp->nerrs > nerrs0 ? VEILIG_ESCHEMA : VEILIG_OK;
}

int veilig_import_add_csv(veilig_import *imp, const char *name, const char *data, size_t len,
                          veilig_sheet sheet) {
    if (!imp || (!data && len) || (sheet && !vg_sheet_def_get((int)sheet)))
        return VEILIG_EINVAL;
    if (imp->full)
        return VEILIG_ELIMIT;
    vg_rows t;
    vg_rows_init(&t);
    veilig_error err;
    vg_error_clear(&err);
    int rc = vg_csv_read(&t, data ? data : "", len, imp->encoding, &err);
    if (rc == VEILIG_EPARSE || rc == VEILIG_EINVAL) {
        vg_import_error(imp, name ? name : "<csv>", err.line, err.column, "%s", err.message);
        rc = imp->full ? VEILIG_ELIMIT : VEILIG_ESCHEMA;
    } else if (rc == VEILIG_OK) {
        rc = vg_import_rows(imp, name, &t, (int)sheet);
    }
    vg_rows_free(&t);
    if (rc == VEILIG_OK && imp->nomem)
        rc = VEILIG_ENOMEM;
    return rc;
}

/* ---- merging ---- */

static int vg_strcmp0(const char *a, const char *b) {
    return strcmp(a ? a : "", b ? b : "");
}

static int vg_rec_cmp(const void *pa, const void *pb) {
    const vg_rec *a = pa, *b = pb;
    int c;
    if (a->sheet != b->sheet)
        return a->sheet < b->sheet ? -1 : 1;
    if ((c = vg_strcmp0(a->muni, b->muni)) != 0 || (c = vg_strcmp0(a->parent, b->parent)) != 0 ||
        (c = vg_strcmp0(a->key, b->key)) != 0)
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

typedef struct vg_merge {
    veilig_import *imp;
    vg_jwriter w;
    vg_buf out;
} vg_merge;

/* The records of sheet under (muni, parent): [*first, *first + count). */
static size_t vg_range(const veilig_import *imp, int sheet, const char *muni, const char *parent,
                       size_t *first) {
    size_t lo = 0, hi = imp->nrecs;
    vg_rec probe;
    memset(&probe, 0, sizeof probe);
    probe.sheet = sheet;
    probe.muni = muni;
    probe.parent = parent;
    while (lo < hi) { /* the first record not before (sheet, muni, parent) */
        size_t mid = lo + (hi - lo) / 2;
        const vg_rec *r = &imp->recs[mid];
        int c = r->sheet != sheet           ? (r->sheet < sheet ? -1 : 1)
                : vg_strcmp0(r->muni, muni) ? vg_strcmp0(r->muni, muni)
                                            : vg_strcmp0(r->parent, parent);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < imp->nrecs && imp->recs[lo + n].sheet == sheet &&
           !vg_strcmp0(imp->recs[lo + n].muni, muni) &&
           !vg_strcmp0(imp->recs[lo + n].parent, parent))
        n++;
    *first = lo;
    return n;
}

/* The segment of path after prefix (plen bytes) when path starts with it: its length, or 0. */
static size_t vg_segment(const char *path, const char *prefix, size_t plen, const char **seg) {
    if (!path || strncmp(path, prefix, plen) != 0)
        return 0;
    *seg = path + plen;
    return strcspn(*seg, ".");
}

static int vg_seg_is(const char *seg, size_t n, const char *key) {
    return strlen(key) == n && memcmp(seg, key, n) == 0;
}

/* The sheets whose lists an object of sheet s holds (the programme: its sources). */
static int vg_children(int s, int *out) {
    int n = 0;
    if (s == VEILIG_SHEET_PROGRAMME) {
        out[n++] = VEILIG_SHEET_SOURCES;
        return n;
    }
    for (int c = 1; c <= VG_NSHEETS; c++)
        if (vg_sheet_def_get(c)->parent == s && s)
            out[n++] = c;
    return n;
}

/* Where the records of child sheet c of an object of sheet s are. */
static size_t vg_child_range(const veilig_import *imp, int c, int s, const char *muni,
                             const char *own, size_t *first) {
    if (s == VEILIG_SHEET_PROGRAMME)
        return vg_range(imp, c, NULL, NULL, first);
    if (s == VEILIG_SHEET_MUNICIPALITIES)
        return vg_range(imp, c, own, NULL, first);
    return vg_range(imp, c, muni, own, first);
}

static void vg_write_value(vg_jwriter *w, const vg_value *v) {
    switch (v->json) {
        case VG_JSTRING:
            vg_jw_cstring(w, v->text);
            break;
        case VG_JNUMBER:
            vg_jw_number_literal(w, v->text, strlen(v->text));
            break;
        case VG_JTRUE:
        case VG_JFALSE:
            vg_jw_bool(w, v->json == VG_JTRUE);
            break;
        default: {
            const char *p = v->text;
            vg_jw_begin_array(w);
            for (size_t i = 0; i < v->n; i++, p += strlen(p) + 1)
                vg_jw_cstring(w, p);
            vg_jw_end_array(w);
        }
    }
}

static int vg_has_content(const vg_jnode *e, const vg_sheet_def *d, const vg_rec *rec,
                          const char *prefix, size_t plen);

/* Whether member key of e (the object at prefix) is touched by rec: 1 leaf column j, 2 nested. */
static int vg_touch(const vg_sheet_def *d, const vg_rec *rec, const char *prefix, size_t plen,
                    const char *key, size_t *col) {
    if (!rec)
        return 0;
    for (size_t j = 0; j < d->ncols; j++) {
        const char *seg;
        size_t n = vg_segment(d->cols[j].path, prefix, plen, &seg);
        if (!(rec->present & (1u << j)) || !n || !vg_seg_is(seg, n, key))
            continue;
        *col = j;
        return seg[n] == '\0' ? 1 : 2;
    }
    return 0;
}

static int vg_has_content(const vg_jnode *e, const vg_sheet_def *d, const vg_rec *rec,
                          const char *prefix, size_t plen) {
    char sub[128];
    size_t j;
    for (uint32_t i = 0; e && e->type == VG_JOBJECT && i < e->len; i++) {
        const vg_jmember *m = &e->u.members[i];
        int t = vg_touch(d, rec, prefix, plen, m->key, &j);
        if (t == 0 || (t == 1 && rec->vals[j].json))
            return 1;
        if (t == 2 && plen + m->key_len + 2 < sizeof sub) {
            snprintf(sub, sizeof sub, "%.*s%s.", (int)plen, prefix, m->key);
            if (vg_has_content(&m->value, d, rec, sub, strlen(sub)))
                return 1;
        }
    }
    for (j = 0; rec && j < d->ncols; j++) {
        const char *seg;
        size_t n = vg_segment(d->cols[j].path, prefix, plen, &seg);
        if (n && (rec->present & (1u << j)) && rec->vals[j].json)
            return 1;
    }
    return 0;
}

static void vg_write_object(vg_merge *mg, const vg_jnode *e, int s, const vg_rec *rec,
                            const char *muni, const char *own, const char *prefix, size_t plen);

static int vg_order_cmp(const void *pa, const void *pb) {
    const vg_rec *a = *(const vg_rec *const *)pa, *b = *(const vg_rec *const *)pb;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Writes the list of child sheet c of an object (e: its list in the base, or NULL). */
static void vg_write_list(vg_merge *mg, const vg_jnode *e, int c, size_t first, size_t count,
                          const char *muni) {
    veilig_import *imp = mg->imp;
    const vg_sheet_def *d = vg_sheet_def_get(c);
    vg_jwriter *w = &mg->w;
    vg_jw_begin_array(w);
    if (d->key_col < 0) { /* a list without ids: the rows replace it */
        for (size_t i = 0; i < count; i++) {
            vg_rec *r = &imp->recs[first + i];
            r->used = 1;
            vg_write_object(mg, NULL, c, r, muni, NULL, "", 0);
        }
        vg_jw_end_array(w);
        return;
    }
    const char *keypath = d->cols[d->key_col].path;
    for (uint32_t i = 0; e && e->type == VG_JARRAY && i < e->len; i++) {
        const vg_jnode *item = &e->u.items[i];
        const vg_jmember *k = vg_json_get(item, keypath);
        const char *id = k && k->value.type == VG_JSTRING ? k->value.u.str : NULL;
        vg_rec *match = NULL;
        for (size_t lo = 0, hi = count; id && lo < hi;) {
            size_t mid = lo + (hi - lo) / 2;
            int cmp = vg_strcmp0(imp->recs[first + mid].key, id);
            if (cmp == 0) {
                match = &imp->recs[first + mid];
                break;
            }
            if (cmp < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (match)
            match->used = 1;
        vg_write_object(mg, item, c, match, c == VEILIG_SHEET_MUNICIPALITIES ? id : muni, id, "",
                        0);
    }
    /* new objects, in the order of the rows */
    vg_rec **fresh = count ? vg_malloc(count * sizeof *fresh) : NULL;
    size_t nf = 0;
    if (count && !fresh) {
        imp->nomem = 1;
    } else {
        for (size_t i = 0; i < count; i++)
            if (!imp->recs[first + i].used)
                fresh[nf++] = &imp->recs[first + i];
        if (nf > 1)
            qsort(fresh, nf, sizeof *fresh, vg_order_cmp);
    }
    for (size_t i = 0; i < nf; i++) {
        fresh[i]->used = 1;
        vg_write_object(mg, NULL, c, fresh[i],
                        c == VEILIG_SHEET_MUNICIPALITIES ? fresh[i]->key : muni, fresh[i]->key, "",
                        0);
    }
    vg_free(fresh);
    vg_jw_end_array(w);
}

static const char *vg_what(int s) {
    static const char *const what[] = {
        "",        "programme", "municipality", "exclusion", "policy link", "stakeholder",
        "contact", "measure",   "time window",  "partner",   "indicator",   "observation",
        "source"};
    return s >= 1 && s <= VG_NSHEETS ? what[s] : "";
}

/* Checks the required columns of a record: an empty one, or one a new object lacks. */
static void vg_check_required(veilig_import *imp, const vg_sheet_def *d, int s, const vg_jnode *e,
                              const vg_rec *rec, const char *prefix, size_t plen) {
    for (size_t j = 0; j < d->ncols; j++) {
        const vg_column *c = &d->cols[j];
        const char *seg;
        size_t n = vg_segment(c->path, prefix, plen, &seg);
        if (!(c->flags & VG_COL_REQUIRED) || !n || seg[n] != '\0' ||
            ((c->flags & VG_COL_IN_OBJECT) != 0) != (plen > 0))
            continue;
        int in_file = (rec->present & (1u << j)) != 0;
        if (in_file && rec->vals[j].json)
            continue;
        if (!in_file && e && vg_json_get(e, seg))
            continue;
        if (in_file)
            vg_import_error(imp, rec->source, rec->line, rec->colno[j],
                            "column '%.60s' is empty; every %s needs one", rec->header[j],
                            vg_what(s));
        else
            vg_import_error(imp, rec->source, rec->line, 0,
                            "a new %s needs column '%s' (or '%s')%s", vg_what(s), c->key, c->nl,
                            plen ? " when the other budget columns are filled in" : "");
    }
}

static void vg_write_object(vg_merge *mg, const vg_jnode *e, int s, const vg_rec *rec,
                            const char *muni, const char *own, const char *prefix, size_t plen) {
    veilig_import *imp = mg->imp;
    const vg_sheet_def *d = vg_sheet_def_get(s);
    vg_jwriter *w = &mg->w;
    int kids[VG_NSHEETS], nkids = plen ? 0 : vg_children(s, kids);
    int done[VG_NSHEETS] = {0};
    char sub[128];
    size_t j;
    if (e && e->type != VG_JOBJECT)
        e = NULL;
    if (rec)
        vg_check_required(imp, d, s, e, rec, prefix, plen);
    vg_jw_begin_object(w);
    for (uint32_t i = 0; e && i < e->len; i++) {
        const vg_jmember *m = &e->u.members[i];
        int handled = 0;
        for (int k = 0; k < nkids && !handled; k++) {
            size_t first, count;
            if (strcmp(m->key, vg_sheet_def_get(kids[k])->list_key) != 0)
                continue;
            done[k] = 1;
            count = vg_child_range(imp, kids[k], s, muni, own, &first);
            if (count) {
                vg_jw_key(w, m->key);
                vg_write_list(mg, &m->value, kids[k], first, count, muni);
                handled = 1;
            }
        }
        if (handled)
            continue;
        int t = vg_touch(d, rec, prefix, plen, m->key, &j);
        if (t == 1) {
            if (rec->vals[j].json) {
                vg_jw_key(w, m->key);
                vg_write_value(w, &rec->vals[j]);
            }
        } else if (t == 2 && plen + m->key_len + 2 < sizeof sub) {
            snprintf(sub, sizeof sub, "%.*s%s.", (int)plen, prefix, m->key);
            if (vg_has_content(&m->value, d, rec, sub, strlen(sub))) {
                vg_jw_key(w, m->key);
                vg_write_object(mg, &m->value, s, rec, muni, own, sub, strlen(sub));
            }
        } else {
            vg_jw_key(w, m->key);
            vg_jw_node(w, &m->value);
        }
    }
    /* the record's fields the base object does not have, in column order */
    for (j = 0; rec && j < d->ncols; j++) {
        const char *seg;
        size_t n = vg_segment(d->cols[j].path, prefix, plen, &seg);
        if (!n || !(rec->present & (1u << j)) || n + 1 > sizeof sub)
            continue;
        memcpy(sub, seg, n);
        sub[n] = '\0';
        int seen = e && vg_json_get(e, sub) != NULL;
        for (size_t k = 0; k < j && !seen; k++) { /* a nested object is written once */
            const char *seg2;
            size_t n2 = vg_segment(d->cols[k].path, prefix, plen, &seg2);
            seen = n2 == n && (rec->present & (1u << k)) && memcmp(seg, seg2, n) == 0;
        }
        if (seen)
            continue;
        if (seg[n] == '\0') {
            if (rec->vals[j].json) {
                vg_jw_key(w, sub);
                vg_write_value(w, &rec->vals[j]);
            }
        } else if (plen + n + 2 < sizeof sub) {
            char key[sizeof sub]; /* the key alone; sub becomes prefix + key + '.' */
            memcpy(key, sub, n + 1);
            memcpy(sub, prefix, plen);
            memcpy(sub + plen, key, n);
            sub[plen + n] = '.';
            sub[plen + n + 1] = '\0';
            if (vg_has_content(NULL, d, rec, sub, strlen(sub))) {
                vg_jw_key(w, key);
                vg_write_object(mg, NULL, s, rec, muni, own, sub, strlen(sub));
            }
        }
    }
    for (int k = 0; k < nkids; k++) {
        size_t first, count;
        if (done[k] || !(count = vg_child_range(imp, kids[k], s, muni, own, &first)))
            continue;
        vg_jw_key(w, vg_sheet_def_get(kids[k])->list_key);
        vg_write_list(mg, NULL, kids[k], first, count, muni);
    }
    vg_jw_end_object(w);
}

/* The document: the base's members, with the programme and the municipalities merged. */
static void vg_write_document(vg_merge *mg, const vg_jnode *root) {
    veilig_import *imp = mg->imp;
    vg_jwriter *w = &mg->w;
    size_t pfirst, pcount = vg_range(imp, VEILIG_SHEET_PROGRAMME, NULL, NULL, &pfirst);
    size_t sfirst, scount = vg_range(imp, VEILIG_SHEET_SOURCES, NULL, NULL, &sfirst);
    size_t mfirst = 0, mcount = 0;
    for (size_t i = 0; i < imp->nrecs; i++) /* the municipalities' rows */
        if (imp->recs[i].sheet == VEILIG_SHEET_MUNICIPALITIES) {
            mfirst = i;
            while (i + mcount < imp->nrecs &&
                   imp->recs[i + mcount].sheet == VEILIG_SHEET_MUNICIPALITIES)
                mcount++;
            break;
        }
    vg_rec *prec = pcount ? &imp->recs[pfirst] : NULL;
    int wrote_prog = 0, wrote_munis = 0;
    vg_jw_begin_object(w);
    if (!root) {
        vg_jw_key(w, "format");
        vg_jw_cstring(w, "veilig");
        vg_jw_key(w, "version");
        vg_jw_int(w, 1);
    }
    for (uint32_t i = 0; root && i < root->len; i++) {
        const vg_jmember *m = &root->u.members[i];
        vg_jw_key(w, m->key);
        if (strcmp(m->key, "programme") == 0 && (pcount || scount)) {
            wrote_prog = 1;
            if (prec)
                prec->used = 1;
            vg_write_object(mg, &m->value, VEILIG_SHEET_PROGRAMME, prec, NULL, NULL, "", 0);
        } else if (strcmp(m->key, "municipalities") == 0) {
            wrote_munis = 1;
            vg_write_list(mg, &m->value, VEILIG_SHEET_MUNICIPALITIES, mfirst, mcount, NULL);
        } else {
            vg_jw_node(w, &m->value);
        }
    }
    if (!wrote_prog && (pcount || scount)) {
        if (prec)
            prec->used = 1;
        vg_jw_key(w, "programme");
        vg_write_object(mg, NULL, VEILIG_SHEET_PROGRAMME, prec, NULL, NULL, "", 0);
    }
    if (!wrote_munis && mcount) {
        vg_jw_key(w, "municipalities");
        vg_write_list(mg, NULL, VEILIG_SHEET_MUNICIPALITIES, mfirst, mcount, NULL);
    }
    vg_jw_end_object(w);
}

/* Errors for rows whose parent is nowhere. */
static void vg_unused(veilig_import *imp) {
    for (size_t i = 0; i < imp->nrecs; i++) {
        const vg_rec *r = &imp->recs[i];
        if (r->used)
            continue;
        const vg_sheet_def *d = vg_sheet_def_get(r->sheet);
        int pcol = d->parent_col;
        if (pcol >= 0)
            vg_import_error(imp, r->source, r->line, r->colno[pcol],
                            "column '%.60s': %s '%.60s' of %s is neither in the plan nor in "
                            "sheet '%s'",
                            r->header[pcol], vg_what(d->parent), r->parent, r->muni,
                            vg_sheet_def_get(d->parent)->name);
        else if (d->muni_col >= 0)
            vg_import_error(imp, r->source, r->line, r->colno[d->muni_col],
                            "column '%.60s': municipality '%.60s' is neither in the plan nor in "
                            "sheet 'municipalities'",
                            r->header[d->muni_col], r->muni);
    }
}

/* Errors for two rows of one object (the same id twice). */
static void vg_duplicates(veilig_import *imp) {
    for (size_t i = 1; i < imp->nrecs; i++) {
        const vg_rec *a = &imp->recs[i - 1], *b = &imp->recs[i];
        if (a->sheet != b->sheet || !a->key || vg_strcmp0(a->muni, b->muni) ||
            vg_strcmp0(a->key, b->key))
            continue;
        const vg_sheet_def *d = vg_sheet_def_get(b->sheet);
        const vg_rec *later = a->order < b->order ? b : a, *earlier = later == a ? b : a;
        vg_import_error(imp, later->source, later->line, later->colno[d->key_col],
                        "column '%.60s': %s '%.60s' is already on line %d%s%s",
                        later->header[d->key_col], vg_what(b->sheet), b->key, earlier->line,
                        strcmp(earlier->source, later->source) ? " of " : "",
                        strcmp(earlier->source, later->source) ? earlier->source : "");
    }
}

int veilig_import_finish(veilig_registry **out, veilig_import *imp) {
    if (!out || !imp)
        return VEILIG_EINVAL;
    *out = NULL;
    if (imp->nomem)
        return VEILIG_ENOMEM;
    if (imp->nerrs)
        return VEILIG_ESCHEMA;
    if (imp->nrecs > 1)
        qsort(imp->recs, imp->nrecs, sizeof *imp->recs, vg_rec_cmp);
    vg_duplicates(imp);
    if (imp->nerrs)
        return VEILIG_ESCHEMA;
    for (size_t i = 0; i < imp->nrecs; i++)
        imp->recs[i].used = 0;

    int rc = VEILIG_OK;
    char *base_json = NULL;
    size_t base_len = 0;
    vg_arena tree;
    vg_arena_init(&tree, 1u << 16);
    vg_jnode *root = NULL;
    veilig_error err;
    vg_error_clear(&err);
    if (imp->base) {
        rc = veilig_registry_dump(&base_json, &base_len, imp->base, NULL, &err);
        if (rc == VEILIG_OK) {
            vg_jlimits lim = {VG_JW_MAX_DEPTH, (size_t)-1};
            rc = vg_json_parse(&root, &tree, base_json, base_len, &lim, &err);
        }
    }
    vg_merge mg;
    mg.imp = imp;
    vg_buf_init(&mg.out);
    vg_jw_init(&mg.w, &mg.out, VG_JW_COMPACT);
    if (rc == VEILIG_OK) {
        vg_write_document(&mg, root);
        vg_unused(imp);
        if (mg.out.failed || imp->nomem)
            rc = VEILIG_ENOMEM;
        else if (imp->nerrs)
            rc = VEILIG_ESCHEMA;
    }
    veilig_free(base_json);
    vg_arena_free(&tree);
    if (rc == VEILIG_OK) {
        veilig_load_options lo = VEILIG_LOAD_OPTIONS_INIT;
        lo.source = "<import>";
        rc = veilig_registry_load_string(out, mg.out.data, mg.out.len, &lo, &err);
        if (rc != VEILIG_OK && rc != VEILIG_ENOMEM) {
            vg_import_error(imp, "<import>", 0, 0, "the result is not a valid document: %s (at %s)",
                            err.message, err.pointer);
            rc = VEILIG_ESCHEMA;
        }
    }
    vg_buf_free(&mg.out);
    return rc;
}

int veilig_import_csv(veilig_registry **out, const veilig_registry *base, const char *name,
                      const char *data, size_t len, const veilig_import_options *opts,
                      veilig_error *err) {
    vg_error_clear(err);
    if (!out)
        return vg_error_set(err, VEILIG_EINVAL, "out is NULL");
    *out = NULL;
    veilig_import *imp = NULL;
    int rc = veilig_import_new(&imp, base, opts);
    if (rc == VEILIG_OK) {
        rc = veilig_import_add_csv(imp, name, data, len, (veilig_sheet)0);
        if (rc == VEILIG_OK || rc == VEILIG_ESCHEMA || rc == VEILIG_ELIMIT) {
            int frc = veilig_import_finish(out, imp);
            rc = rc == VEILIG_OK ? frc : rc;
        }
    }
    if (rc != VEILIG_OK && err) {
        const veilig_error *e = veilig_import_error(imp, 0);
        if (e)
            *err = *e;
        else
            vg_error_set(err, rc, "%s", veilig_strerror(rc));
        err->code = rc;
    }
    veilig_import_free(imp);
    return rc;
}
