/*
 * libveilig: reading a workbook (.xlsx): a zip (libzip) of XML parts
 * (expat). The workbook part lists the sheets; its relationships say which
 * part holds each; the shared strings hold the texts. Every sheet named
 * after a table (maatregelen, measures, ...) becomes rows for the import,
 * each row with its row number: cells in the shared strings, inline, as
 * numbers (dates and times are numbers: the column's type tells), booleans,
 * the cached values of formulas; merged cells give their value to every
 * cell they cover. Damaged zips, parts that are not XML, formula errors and
 * formulas without a value are errors, never a crash.
 */
#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "sheet_internal.h"

#define VG_XLSX_MAX_PART  ((zip_uint64_t)512 << 20) /* bytes of one XML part */
#define VG_XLSX_MAX_ROWS  1048576                   /* Excel's own limits */
#define VG_XLSX_MAX_COLS  16384
#define VG_XLSX_MAX_MERGE 1000000 /* cells one merged range may fill */

/* ---- parts ---- */

/* Reads a part of the zip into a new buffer (vg_free); VEILIG_ENOTFOUND when there is none. */
static int vg_part(char **out, size_t *len, zip_t *za, const char *name, char *msg, size_t size) {
    *out = NULL;
    if (name[0] == '/')
        name++;
    zip_int64_t i = zip_name_locate(za, name, ZIP_FL_NOCASE);
    if (i < 0)
        return VEILIG_ENOTFOUND;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
        snprintf(msg, size, "part %s: damaged zip", name);
        return VEILIG_EPARSE;
    }
    if (st.size > VG_XLSX_MAX_PART) {
        snprintf(msg, size, "part %s is larger than %u MiB", name,
                 (unsigned)(VG_XLSX_MAX_PART >> 20));
        return VEILIG_ELIMIT;
    }
    char *buf = vg_malloc((size_t)st.size + 1);
    if (!buf)
        return VEILIG_ENOMEM;
    zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
    zip_int64_t got = f ? zip_fread(f, buf, st.size) : -1;
    /* libzip out of memory is no damage */
    int nomem = zip_error_code_zip(f ? zip_file_get_error(f) : zip_get_error(za)) == ZIP_ER_MEMORY;
    if (f)
        zip_fclose(f);
    if (got < 0 || (zip_uint64_t)got != st.size) {
        vg_free(buf);
        if (nomem)
            return VEILIG_ENOMEM;
        snprintf(msg, size, "part %s: damaged zip (cannot decompress)", name);
        return VEILIG_EPARSE;
    }
    buf[st.size] = '\0';
    *out = buf;
    *len = (size_t)st.size;
    return VEILIG_OK;
}

/* ---- XML ---- */

static void *vg_xml_malloc(size_t n) {
    return vg_malloc(n);
}
static void *vg_xml_realloc(void *p, size_t n) {
    return vg_realloc(p, n);
}
static void vg_xml_free(void *p) {
    vg_free(p);
}
static const XML_Memory_Handling_Suite vg_xml_mem = {vg_xml_malloc, vg_xml_realloc, vg_xml_free};

/* An element's name without its namespace prefix. */
static const char *vg_local(const char *name) {
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static const char *vg_attr(const char **atts, const char *name) {
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(vg_local(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* Parses text with the handlers; VEILIG_EPARSE with the line in msg. */
static int vg_xml(const char *part, const char *text, size_t len, void *ud,
                  XML_StartElementHandler start, XML_EndElementHandler end,
                  XML_CharacterDataHandler chars, int *nomem, char *msg, size_t size) {
    XML_Parser p = XML_ParserCreate_MM(NULL, &vg_xml_mem, NULL);
    if (!p)
        return VEILIG_ENOMEM;
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, start, end);
    if (chars)
        XML_SetCharacterDataHandler(p, chars);
    int rc = VEILIG_OK;
    if (XML_Parse(p, text, (int)len, 1) != XML_STATUS_OK) {
        enum XML_Error e = XML_GetErrorCode(p);
        if (e == XML_ERROR_NO_MEMORY) {
            rc = VEILIG_ENOMEM;
        } else if (!*nomem) {
            snprintf(msg, size, "part %s, line %lu: not XML (%s): a damaged workbook", part,
                     (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(e));
            rc = VEILIG_EPARSE;
        }
    }
    XML_ParserFree(p);
    return *nomem ? VEILIG_ENOMEM : rc;
}

/* ---- workbook, relationships, shared strings ---- */

typedef struct vg_wbsheet {
    char *name, *rid, *target;
} vg_wbsheet;

typedef struct vg_book {
    vg_arena *arena;
    vg_wbsheet *sheets;
    size_t n, cap;
    int date1904;
    int nomem;
    /* shared strings */
    char **strings;
    size_t nstrings, scap;
    vg_buf text;
    int in_si, in_t, in_rph;
} vg_book;

static char *vg_adup(vg_book *b, const char *s) {
    char *d = s ? vg_arena_strdup(b->arena, s) : NULL;
    if (s && !d)
        b->nomem = 1;
    return d;
}

static void vg_wb_start(void *ud, const char *el, const char **atts) {
    vg_book *b = ud;
    el = vg_local(el);
    if (strcmp(el, "workbookPr") == 0) {
        const char *d = vg_attr(atts, "date1904");
        b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (strcmp(el, "sheet") == 0) {
        if (vg_grow((void **)&b->sheets, &b->cap, b->n + 1, sizeof *b->sheets)) {
            b->nomem = 1;
            return;
        }
        vg_wbsheet *s = &b->sheets[b->n++];
        s->name = vg_adup(b, vg_attr(atts, "name"));
        s->rid = vg_adup(b, vg_attr(atts, "id"));
        s->target = NULL;
    }
}

static void vg_end_nothing(void *ud, const char *el) {
    (void)ud;
    (void)el;
}

static void vg_rels_start(void *ud, const char *el, const char **atts) {
    vg_book *b = ud;
    if (strcmp(vg_local(el), "Relationship") != 0)
        return;
    const char *id = vg_attr(atts, "Id"), *target = vg_attr(atts, "Target");
    for (size_t i = 0; id && target && i < b->n; i++)
        if (b->sheets[i].rid && strcmp(b->sheets[i].rid, id) == 0) {
            /* relative to xl/, or absolute in the zip */
            vg_buf p;
            vg_buf_init(&p);
            if (target[0] != '/')
                vg_buf_puts(&p, "xl/");
            vg_buf_puts(&p, target[0] == '/' ? target + 1 : target);
            vg_buf_putc(&p, '\0');
            b->sheets[i].target = p.failed ? NULL : vg_adup(b, p.data);
            b->nomem |= p.failed;
            vg_buf_free(&p);
        }
}

static void vg_ss_start(void *ud, const char *el, const char **atts) {
    vg_book *b = ud;
    (void)atts;
    el = vg_local(el);
    if (strcmp(el, "si") == 0) {
        b->in_si = 1;
        b->text.len = 0;
    } else if (strcmp(el, "t") == 0) {
        b->in_t = 1;
    } else if (strcmp(el, "rPh") == 0) {
        b->in_rph = 1; /* phonetic hints: not part of the text */
    }
}

static void vg_ss_end(void *ud, const char *el) {
    vg_book *b = ud;
    el = vg_local(el);
    if (strcmp(el, "t") == 0) {
        b->in_t = 0;
    } else if (strcmp(el, "rPh") == 0) {
        b->in_rph = 0;
    } else if (strcmp(el, "si") == 0) {
        b->in_si = 0;
        if (vg_grow((void **)&b->strings, &b->scap, b->nstrings + 1, sizeof *b->strings)) {
            b->nomem = 1;
            return;
        }
        char *s = vg_arena_strndup(b->arena, b->text.data ? b->text.data : "", b->text.len);
        b->nomem |= !s || b->text.failed;
        b->strings[b->nstrings++] = s;
    }
}

static void vg_ss_chars(void *ud, const char *s, int len) {
    vg_book *b = ud;
    if (b->in_si && b->in_t && !b->in_rph)
        vg_buf_put(&b->text, s, (size_t)len);
}

/* ---- a sheet ---- */

typedef struct vg_xcell {
    uint32_t row, col; /* 1-based */
    char *text;        /* a number starts with \x01 */
} vg_xcell;

typedef struct vg_sheetx {
    vg_book *book;
    vg_arena *arena;
    vg_xcell *cells;
    size_t n, cap;
    uint32_t row, col, maxcol;
    char type[16];
    int in_v, in_t, in_is, in_f, has_f;
    vg_buf v;
    /* merged ranges */
    uint32_t (*merges)[4];
    size_t nmerges, mcap;
    /* the first problem: an error cell, a formula without a value, a bad reference */
    int bad;
    uint32_t bad_row, bad_col;
    char bad_text[96];
    int nomem;
} vg_sheetx;

/* "B12" -> column 2, row 12; 0 when it is not a reference. */
static int vg_ref(const char *s, uint32_t *col, uint32_t *row) {
    uint32_t c = 0, r = 0;
    size_t i = 0;
    while (s[i] >= 'A' && s[i] <= 'Z' && i < 3)
        c = c * 26 + (uint32_t)(s[i++] - 'A' + 1);
    size_t d = i;
    while (s[i] >= '0' && s[i] <= '9' && i - d < 7)
        r = r * 10 + (uint32_t)(s[i++] - '0');
    if (s[i] || (c && (c > VG_XLSX_MAX_COLS)) || (i > d && (r == 0 || r > VG_XLSX_MAX_ROWS)))
        return 0;
    *col = c;
    *row = r;
    return 1;
}

static void vg_sx_problem(vg_sheetx *x, const char *what) {
    if (x->bad)
        return;
    x->bad = 1;
    x->bad_row = x->row;
    x->bad_col = x->col;
    snprintf(x->bad_text, sizeof x->bad_text, "%s", what);
}

static void vg_sx_start(void *ud, const char *el, const char **atts) {
    vg_sheetx *x = ud;
    el = vg_local(el);
    if (strcmp(el, "row") == 0) {
        const char *r = vg_attr(atts, "r");
        uint32_t c0, r0;
        if (r && vg_ref(r, &c0, &r0) && r0 && !c0)
            x->row = r0;
        else if (r)
            vg_sx_problem(x, "a row with a bad number");
        else
            x->row++;
        x->col = 0;
    } else if (strcmp(el, "c") == 0) {
        const char *r = vg_attr(atts, "r"), *t = vg_attr(atts, "t");
        uint32_t c0 = 0, r0 = 0;
        if (r && vg_ref(r, &c0, &r0) && c0) {
            x->col = c0;
            if (r0)
                x->row = r0;
        } else if (r) {
            vg_sx_problem(x, "a cell with a bad reference");
        } else {
            x->col++;
        }
        snprintf(x->type, sizeof x->type, "%s", t ? t : "n");
        x->v.len = 0;
        x->has_f = 0;
        x->in_v = x->in_t = x->in_is = 0;
    } else if (strcmp(el, "v") == 0) {
        x->in_v = 1;
    } else if (strcmp(el, "f") == 0) {
        x->has_f = 1;
        x->in_f = 1;
    } else if (strcmp(el, "is") == 0) {
        x->in_is = 1;
    } else if (strcmp(el, "t") == 0 && x->in_is) {
        x->in_t = 1;
    } else if (strcmp(el, "mergeCell") == 0) {
        const char *ref = vg_attr(atts, "ref");
        char a[16], b[16];
        const char *colon = ref ? strchr(ref, ':') : NULL;
        uint32_t c1, r1, c2, r2;
        if (!colon || (size_t)(colon - ref) >= sizeof a || strlen(colon + 1) >= sizeof b)
            return;
        memcpy(a, ref, (size_t)(colon - ref));
        a[colon - ref] = '\0';
        snprintf(b, sizeof b, "%s", colon + 1);
        if (!vg_ref(a, &c1, &r1) || !vg_ref(b, &c2, &r2) || !c1 || !r1 || c2 < c1 || r2 < r1)
            return;
        if (vg_grow((void **)&x->merges, &x->mcap, x->nmerges + 1, sizeof *x->merges)) {
            x->nomem = 1;
            return;
        }
        uint32_t *m = x->merges[x->nmerges++];
        m[0] = r1, m[1] = c1, m[2] = r2, m[3] = c2;
    }
}

static int vg_sx_add(vg_sheetx *x, uint32_t row, uint32_t col, const char *text, size_t len,
                     int number) {
    if (vg_grow((void **)&x->cells, &x->cap, x->n + 1, sizeof *x->cells))
        return x->nomem = 1, VEILIG_ENOMEM;
    char *t = vg_arena_alloc(x->arena, len + 2);
    if (!t)
        return x->nomem = 1, VEILIG_ENOMEM;
    size_t o = 0;
    if (number)
        t[o++] = '\x01';
    memcpy(t + o, text, len);
    t[o + len] = '\0';
    x->cells[x->n].row = row;
    x->cells[x->n].col = col;
    x->cells[x->n].text = t;
    x->n++;
    if (col > x->maxcol)
        x->maxcol = col;
    return VEILIG_OK;
}

static void vg_sx_end(void *ud, const char *el) {
    vg_sheetx *x = ud;
    el = vg_local(el);
    if (strcmp(el, "v") == 0) {
        x->in_v = 0;
    } else if (strcmp(el, "f") == 0) {
        x->in_f = 0;
    } else if (strcmp(el, "t") == 0) {
        x->in_t = 0;
    } else if (strcmp(el, "is") == 0) {
        x->in_is = 0;
    } else if (strcmp(el, "c") == 0) {
        vg_buf_putc(&x->v, '\0');
        if (x->v.failed) {
            x->nomem = 1;
            return;
        }
        const char *v = x->v.data;
        size_t len = x->v.len - 1;
        const char *t = x->type;
        if (x->has_f && len == 0 && strcmp(t, "inlineStr") != 0) {
            vg_sx_problem(x, "a formula without a computed value (open the workbook in a "
                             "spreadsheet and save it again)");
        } else if (strcmp(t, "s") == 0) {
            char *end = NULL;
            unsigned long i = strtoul(v, &end, 10);
            if (len == 0 || *end || i >= x->book->nstrings)
                vg_sx_problem(x, "a cell that refers to a text that is not there");
            else
                vg_sx_add(x, x->row, x->col, x->book->strings[i], strlen(x->book->strings[i]), 0);
        } else if (strcmp(t, "e") == 0) {
            char what[64];
            snprintf(what, sizeof what, "a formula error (%.20s)", v);
            vg_sx_problem(x, what);
        } else if (strcmp(t, "n") == 0) {
            if (len)
                vg_sx_add(x, x->row, x->col, v, len, 1);
        } else if (strcmp(t, "d") == 0 && len > 10 && v[10] == 'T') {
            vg_sx_add(x, x->row, x->col, v, 10, 0); /* an ISO date and time: the date */
        } else if (len) {                           /* str, inlineStr, b, d (an ISO date as text) */
            vg_sx_add(x, x->row, x->col, v, len, 0);
        }
    }
}

static void vg_sx_chars(void *ud, const char *s, int len) {
    vg_sheetx *x = ud;
    if (x->in_v || (x->in_is && x->in_t))
        vg_buf_put(&x->v, s, (size_t)len);
}

static int vg_cell_cmp(const void *pa, const void *pb) {
    const vg_xcell *a = pa, *b = pb;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    return a->col < b->col ? -1 : a->col > b->col;
}

/* The cells of a sheet as rows: the first row that holds anything is the header. */
static int vg_to_rows(vg_rows *t, vg_sheetx *x) {
    /* merged ranges: the top-left value fills the range */
    for (size_t m = 0; m < x->nmerges; m++) {
        uint32_t *g = x->merges[m];
        if ((uint64_t)(g[2] - g[0] + 1) * (g[3] - g[1] + 1) > VG_XLSX_MAX_MERGE)
            continue;
        const char *top = NULL;
        for (size_t i = 0; i < x->n && !top; i++)
            if (x->cells[i].row == g[0] && x->cells[i].col == g[1])
                top = x->cells[i].text;
        if (!top)
            continue;
        int number = top[0] == '\x01';
        for (uint32_t r = g[0]; r <= g[2]; r++)
            for (uint32_t c = g[1]; c <= g[3]; c++)
                if ((r != g[0] || c != g[1]) &&
                    vg_sx_add(x, r, c, top + number, strlen(top + number), number) != VEILIG_OK)
                    return VEILIG_ENOMEM;
    }
    if (x->n > 1)
        qsort(x->cells, x->n, sizeof *x->cells, vg_cell_cmp);
    size_t width = x->maxcol;
    char **row = width ? vg_calloc(width, sizeof *row) : NULL;
    if (width && !row)
        return VEILIG_ENOMEM;
    int rc = VEILIG_OK;
    int have_header = 0;
    for (size_t i = 0; i < x->n && rc == VEILIG_OK;) {
        uint32_t r = x->cells[i].row;
        for (size_t c = 0; c < width; c++)
            row[c] = "";
        int any = 0;
        for (; i < x->n && x->cells[i].row == r; i++) {
            row[x->cells[i].col - 1] = x->cells[i].text; /* a later duplicate wins */
            any |= x->cells[i].text[0] != '\0';
        }
        if (!any)
            continue;
        if (!have_header) {
            t->header = vg_arena_alloc(&t->arena, width * sizeof *t->header);
            if (!t->header) {
                rc = VEILIG_ENOMEM;
                break;
            }
            for (size_t c = 0; c < width; c++) /* a number as a header: its text */
                t->header[c] = row[c][0] == '\x01' ? row[c] + 1 : row[c];
            t->ncols = width;
            t->header_line = (int)r;
            have_header = 1;
        } else {
            rc = vg_rows_add(t, (int)r, row, width);
        }
    }
    vg_free(row);
    if (rc == VEILIG_OK && !have_header)
        rc = VEILIG_ENOTFOUND; /* an empty sheet */
    return rc;
}

/* ---- numbers as the column wants them ---- */

/* Days since 1970-01-01 to a civil date (the well-known days-to-civil algorithm). */
static void vg_civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

const char *vg_xlsx_number(char *buf, size_t size, const vg_column *c, const char *num,
                           int date1904) {
    double v = vg_json_number_to_double(num, strlen(num));
    if (!isfinite(v))
        return num;
    if (c->type == VG_C_DATE) {
        if (v == floor(v) && v >= 1900 && v <= 2200) { /* a year typed as a number */
            snprintf(buf, size, "%d", (int)v);
            return buf;
        }
        if (v < 1 || v > 2958465)
            return num;
        /* serial days since 1899-12-30 (1904: since 1904-01-01); Excel's 1900-02-29 aside */
        long days = (long)floor(v);
        if (!date1904 && days < 61)
            days += 1;
        days += date1904 ? 1462 : 0;
        int y, m, d;
        vg_civil(days - 25569, &y, &m, &d); /* 25569: the serial of 1970-01-01 */
        snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
        return buf;
    }
    if (c->type == VG_C_TIME) {
        if (v < 0 || v > 1)
            return num;
        long mins = lround(v * 1440);
        snprintf(buf, size, "%02ld:%02ld", mins / 60, mins % 60);
        return buf;
    }
    if (c->type == VG_C_AMOUNT && v >= 0 && v < 1e15) {
        /* binary noise (1250.5000000000002) off: the nearest cent when that close */
        double cents = floor(v * 100 + 0.5);
        if (fabs(v * 100 - cents) < 1e-6) {
            long long k = (long long)cents;
            snprintf(buf, size, "%lld.%02lld", k / 100, k % 100);
            return buf;
        }
    }
    return num;
}

/* ---- the workbook ---- */

/* Reads one sheet's part into rows and hands them to the import. */
static int vg_read_sheet(veilig_import *imp, const char *name, vg_book *b, zip_t *za,
                         const vg_wbsheet *ws, int sheet, char *msg, size_t size) {
    char *text = NULL;
    size_t len = 0;
    char src[VEILIG_ERROR_SOURCE_LENGTH];
    snprintf(src, sizeof src, "%s:%s", name, ws->name);
    int rc = ws->target ? vg_part(&text, &len, za, ws->target, msg, size) : VEILIG_ENOTFOUND;
    if (rc == VEILIG_ENOTFOUND) {
        snprintf(msg, size, "sheet '%s' has no part in the workbook: a damaged workbook", ws->name);
        rc = VEILIG_EPARSE;
    }
    if (rc != VEILIG_OK) {
        if (rc != VEILIG_ENOMEM)
            vg_import_error(imp, src, 0, 0, "%s", msg);
        return rc == VEILIG_ENOMEM ? rc : VEILIG_ESCHEMA;
    }
    vg_rows t;
    vg_rows_init(&t);
    t.xlsx = 1;
    t.date1904 = b->date1904;
    t.separator = ',';
    vg_sheetx x;
    memset(&x, 0, sizeof x);
    x.book = b;
    x.arena = &t.arena;
    vg_buf_init(&x.v);
    rc =
        vg_xml(ws->target, text, len, &x, vg_sx_start, vg_sx_end, vg_sx_chars, &x.nomem, msg, size);
    vg_free(text);
    if (rc == VEILIG_OK && x.bad) {
        char letters[8];
        vg_column_letters(letters, (int)x.bad_col);
        vg_import_error(imp, src, (int)x.bad_row, (int)x.bad_col, "cell %s%u: %s", letters,
                        x.bad_row, x.bad_text);
        rc = VEILIG_ESCHEMA;
    } else if (rc == VEILIG_OK) {
        rc = vg_to_rows(&t, &x);
        if (rc == VEILIG_OK)
            rc = vg_import_rows(imp, src, &t, sheet);
        else if (rc == VEILIG_ENOTFOUND)
            rc = VEILIG_OK; /* an empty sheet: nothing to import */
    } else if (rc == VEILIG_EPARSE) {
        vg_import_error(imp, src, 0, 0, "%s", msg);
        rc = VEILIG_ESCHEMA;
    }
    vg_buf_free(&x.v);
    vg_free(x.cells);
    vg_free(x.merges);
    vg_rows_free(&t);
    return rc;
}

int veilig_import_add_xlsx(veilig_import *imp, const char *name, const char *data, size_t len) {
    if (!imp || !data)
        return VEILIG_EINVAL;
    if (!name)
        name = "<xlsx>";
    char msg[VEILIG_ERROR_MESSAGE_LENGTH];
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *zs = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *za = zs ? zip_open_from_source(zs, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!za && (!zs || zip_error_code_zip(&ze) == ZIP_ER_MEMORY)) {
        zip_error_fini(&ze);
        if (zs)
            zip_source_free(zs);
        return VEILIG_ENOMEM;
    }
    if (!za) {
        vg_import_error(imp, name, 0, 0, "not a workbook (.xlsx): %s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        if (zs)
            zip_source_free(zs);
        return VEILIG_ESCHEMA;
    }
    zip_error_fini(&ze);
    vg_arena arena;
    vg_arena_init(&arena, 1u << 14);
    vg_book b;
    memset(&b, 0, sizeof b);
    b.arena = &arena;
    vg_buf_init(&b.text);
    char *text = NULL;
    size_t tlen = 0;
    int rc = vg_part(&text, &tlen, za, "xl/workbook.xml", msg, sizeof msg);
    if (rc == VEILIG_ENOTFOUND) {
        snprintf(msg, sizeof msg, "not a workbook (.xlsx): no xl/workbook.xml");
        rc = VEILIG_EPARSE;
    }
    if (rc == VEILIG_OK) {
        rc = vg_xml("xl/workbook.xml", text, tlen, &b, vg_wb_start, vg_end_nothing, NULL, &b.nomem,
                    msg, sizeof msg);
        vg_free(text);
    }
    if (rc == VEILIG_OK && (rc = vg_part(&text, &tlen, za, "xl/_rels/workbook.xml.rels", msg,
                                         sizeof msg)) == VEILIG_OK) {
        rc = vg_xml("xl/_rels/workbook.xml.rels", text, tlen, &b, vg_rels_start, vg_end_nothing,
                    NULL, &b.nomem, msg, sizeof msg);
        vg_free(text);
    } else if (rc == VEILIG_ENOTFOUND) {
        snprintf(msg, sizeof msg, "not a workbook (.xlsx): no xl/_rels/workbook.xml.rels");
    }
    if (rc == VEILIG_OK) {
        rc = vg_part(&text, &tlen, za, "xl/sharedStrings.xml", msg, sizeof msg);
        if (rc == VEILIG_OK) {
            rc = vg_xml("xl/sharedStrings.xml", text, tlen, &b, vg_ss_start, vg_ss_end, vg_ss_chars,
                        &b.nomem, msg, sizeof msg);
            vg_free(text);
        } else if (rc == VEILIG_ENOTFOUND) {
            rc = VEILIG_OK; /* a workbook without texts */
        }
    }
    if (rc == VEILIG_OK && b.nomem)
        rc = VEILIG_ENOMEM;
    if (rc != VEILIG_OK && rc != VEILIG_ENOMEM) {
        vg_import_error(imp, name, 0, 0, "%s", msg);
        rc = VEILIG_ESCHEMA;
    }
    /* the sheets named after a table; when none is, every sheet by its headers */
    size_t named = 0;
    for (size_t i = 0; rc == VEILIG_OK && i < b.n; i++)
        named += b.sheets[i].name && veilig_sheet_from_name(b.sheets[i].name) != 0;
    int worst = VEILIG_OK;
    for (size_t i = 0; rc == VEILIG_OK && i < b.n; i++) {
        vg_wbsheet *ws = &b.sheets[i];
        int sheet = ws->name ? (int)veilig_sheet_from_name(ws->name) : 0;
        if (!ws->name || (named && !sheet))
            continue;
        int r = vg_read_sheet(imp, name, &b, za, ws, sheet, msg, sizeof msg);
        if (r == VEILIG_ENOMEM || r == VEILIG_ELIMIT)
            rc = r;
        else if (r != VEILIG_OK)
            worst = r;
    }
    if (rc == VEILIG_OK && b.n == 0) {
        vg_import_error(imp, name, 0, 0, "the workbook has no sheets");
        rc = VEILIG_ESCHEMA;
    }
    zip_discard(za);
    vg_buf_free(&b.text);
    vg_free(b.sheets);
    vg_free(b.strings);
    vg_arena_free(&arena);
    return rc == VEILIG_OK ? worst : rc;
}
