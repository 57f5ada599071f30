/*
 * libveilig: writing a workbook (.xlsx) with libxlsxwriter: a first sheet
 * that explains every column, one sheet per table with a styled, frozen
 * header row, columns as wide as their text, drop-down lists of the
 * vocabularies (kept on a hidden sheet), dates as dates and budgets as
 * currency. Written to a temporary file next to the target and renamed over
 * it: never a half-written workbook.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "sheet_internal.h"

#define VG_XLSX_MAX_WIDTH  60
#define VG_XLSX_VALID_ROWS 5000 /* rows below the data that get the drop-downs */
#define VG_XLSX_MAX_STRING 32767

typedef struct vg_xlsx {
    vg_sink sink;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *date, *money, *wrap;
    double width[32];
    int too_long;    /* a text longer than a cell may hold */
    lxw_error error; /* the first error of libxlsxwriter (out of memory, mostly) */
    vg_buf tmp;
} vg_xlsx;

/* Keeps the first error of a libxlsxwriter call: the workbook is then not written. */
static void vg_lxw(vg_xlsx *x, lxw_error e) {
    if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
        x->error = e;
}

/* A worksheet, or NULL with the workbook failed (libxlsxwriter ran out of memory). */
static lxw_worksheet *vg_add_sheet(vg_xlsx *x, const char *name) {
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    if (!ws)
        vg_lxw(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return ws;
}

static const char *vg_l(const char *lang, const char *nl, const char *en) {
    return lang && lang[0] == 'e' ? en : nl;
}

static void vg_fit(vg_xlsx *x, size_t col, const char *s) {
    size_t n = 0, line = 0;
    for (; *s; s++) {
        if (*s == '\n')
            line = 0;
        else if (((unsigned char)*s & 0xC0) != 0x80 && ++line > n)
            n = line;
    }
    double w = (double)n + 2;
    if (w > VG_XLSX_MAX_WIDTH)
        w = VG_XLSX_MAX_WIDTH;
    if (col < 32 && w > x->width[col])
        x->width[col] = w;
}

static void vg_put_string(vg_xlsx *x, size_t row, size_t col, const char *s) {
    if (!s || !*s)
        return;
    if (strlen(s) > VG_XLSX_MAX_STRING) {
        x->too_long = 1;
        return;
    }
    vg_lxw(x, worksheet_write_string(x->ws, (lxw_row_t)row, (lxw_col_t)col, s, NULL));
    vg_fit(x, col, s);
}

static void vg_xlsx_cell(vg_sink *sk, size_t row, size_t col, const vg_column *c, const vg_jnode *v,
                         const char *link) {
    vg_xlsx *x = (vg_xlsx *)sk;
    if (link) {
        vg_put_string(x, row, col, link);
        return;
    }
    if (!v)
        return;
    switch (v->type) {
        case VG_JSTRING: {
            veilig_date d;
            if (c->type == VG_C_DATE && veilig_date_parse(&d, v->u.str) == VEILIG_OK && d.day &&
                d.year >= 1900) {
                lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0};
                vg_lxw(x, worksheet_write_datetime(x->ws, (lxw_row_t)row, (lxw_col_t)col, &dt,
                                                   x->date));
                vg_fit(x, col, "2021-12-31");
            } else {
                vg_put_string(x, row, col, vg_sheet_term(sk->lang, c, v->u.str));
            }
            break;
        }
        case VG_JNUMBER: {
            double d = vg_json_number_to_double(v->u.str, v->len);
            vg_lxw(x, worksheet_write_number(x->ws, (lxw_row_t)row, (lxw_col_t)col, d,
                                             c->type == VG_C_AMOUNT ? x->money : NULL));
            vg_fit(x, col, v->u.str);
            break;
        }
        case VG_JTRUE:
        case VG_JFALSE:
            vg_lxw(x, worksheet_write_boolean(x->ws, (lxw_row_t)row, (lxw_col_t)col,
                                              v->type == VG_JTRUE, NULL));
            break;
        case VG_JARRAY:
            x->tmp.len = 0;
            if (vg_sheet_join(&x->tmp, sk->lang, c, v) == VEILIG_OK)
                vg_put_string(x, row, col, x->tmp.data);
            break;
        default:
            break;
    }
}

static void vg_xlsx_end_row(vg_sink *sk, size_t row) {
    (void)sk;
    (void)row;
}

/* The hidden sheet of the vocabularies: one column per vocabulary, its labels (or codes). */
static void vg_lists(vg_xlsx *x, const char *lang, const char *name) {
    lxw_worksheet *ws = vg_add_sheet(x, name);
    if (!ws)
        return;
    for (int v = 1; v <= VEILIG_VOCAB_DAYPART; v++) {
        vg_lxw(x, worksheet_write_string(ws, 0, (lxw_col_t)(v - 1),
                                         veilig_vocab_name((veilig_vocab)v), NULL));
        for (int k = 1; k <= veilig_vocab_size((veilig_vocab)v); k++)
            vg_lxw(x, worksheet_write_string(ws, (lxw_row_t)k, (lxw_col_t)(v - 1),
                                             lang ? veilig_vocab_label((veilig_vocab)v, k, lang)
                                                  : veilig_vocab_code((veilig_vocab)v, k),
                                             NULL));
    }
    worksheet_hide(ws);
}

/* Drop-downs for the columns of codes: a list of the hidden sheet's column. */
static void vg_validations(vg_xlsx *x, lxw_worksheet *ws, const vg_sheet_def *d, size_t rows,
                           const char *lists, const char *lang) {
    char formula[96];
    for (size_t j = 0; j < d->ncols; j++) {
        const vg_column *c = &d->cols[j];
        if (!c->vocab)
            continue;
        int n = veilig_vocab_size((veilig_vocab)c->vocab);
        char col[4];
        int v = c->vocab - 1; /* the lists' column: A.. */
        snprintf(col, sizeof col, "%c", 'A' + v);
        snprintf(formula, sizeof formula, "'%s'!$%s$2:$%s$%d", lists, col, col, n + 1);
        lxw_data_validation dv;
        memset(&dv, 0, sizeof dv);
        const char *items[32];
        size_t total = 0;
        for (int k = 1; k <= n && k < 32; k++) {
            items[k - 1] = lang ? veilig_vocab_label((veilig_vocab)c->vocab, k, lang)
                                : veilig_vocab_code((veilig_vocab)c->vocab, k);
            total += strlen(items[k - 1]) + 1;
        }
        items[n < 32 ? n : 31] = NULL;
        if (total < 250) {
            dv.validate = LXW_VALIDATION_TYPE_LIST;
            dv.value_list = (char **)(uintptr_t)items;
        } else {
            dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            dv.value_formula = formula;
        }
        if (c->type == VG_C_CODES) {
            /* several values in one cell: the list helps, it does not forbid */
            dv.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
            dv.show_error = LXW_VALIDATION_OFF;
        } else {
            dv.error_title = (char *)(uintptr_t)vg_l(lang, "Onbekende waarde", "Unknown value");
            dv.error_message = (char *)(uintptr_t)vg_l(lang, "Kies een waarde uit de lijst.",
                                                       "Pick a value from the list.");
        }
        vg_lxw(x, worksheet_data_validation_range(ws, 1, (lxw_col_t)j,
                                                  (lxw_row_t)(rows + VG_XLSX_VALID_ROWS),
                                                  (lxw_col_t)j, &dv));
    }
}

/* The first sheet: what the workbook is and what every column holds. */
static void vg_explanation(vg_xlsx *x, const char *lang, lxw_format *bold, lxw_format *title) {
    lxw_worksheet *ws = vg_add_sheet(x, vg_l(lang, "uitleg", "explanation"));
    if (!ws)
        return;
    vg_lxw(x,
           worksheet_write_string(
               ws, 0, 0, vg_l(lang, "Uw aanpak beschrijven", "Describing your approach"), title));
    vg_lxw(
        x,
        worksheet_write_string(
            ws, 1, 0,
            vg_l(
                lang,
                "Vul per blad één regel per gemeente, maatregel, partij, indicator, ... in. De "
                "eerste "
                "regel van elk blad zijn de kolomnamen: laat die staan. Lees het met: veilig "
                "import "
                "plan.xlsx -o plan.json. Zie docs/handleiding.md.",
                "Fill in one row per municipality, measure, stakeholder, indicator, ... on each "
                "sheet. The first row of each sheet holds the column names: keep it. Read it with: "
                "veilig import plan.xlsx -o plan.json. See docs/spreadsheets.md."),
            x->wrap));
    static const char *const head_nl[] = {"Blad", "Kolom", "Sleutel", "Uitleg", "Waarden"};
    static const char *const head_en[] = {"Sheet", "Column", "Key", "Explanation", "Values"};
    for (int k = 0; k < 5; k++)
        vg_lxw(x, worksheet_write_string(ws, 3, (lxw_col_t)k, vg_l(lang, head_nl[k], head_en[k]),
                                         bold));
    lxw_row_t r = 4;
    vg_buf vals;
    vg_buf_init(&vals);
    for (int s = 1; s <= VG_NSHEETS; s++) {
        const vg_sheet_def *d = vg_sheet_def_get(s);
        for (size_t j = 0; j < d->ncols; j++, r++) {
            const vg_column *c = &d->cols[j];
            vg_lxw(x,
                   worksheet_write_string(ws, r, 0, lang && lang[0] == 'e' ? d->en : d->nl, NULL));
            vg_lxw(x,
                   worksheet_write_string(ws, r, 1, lang && lang[0] == 'e' ? c->en : c->nl, NULL));
            vg_lxw(x, worksheet_write_string(ws, r, 2, c->key, NULL));
            vg_lxw(x, worksheet_write_string(
                          ws, r, 3, lang && lang[0] == 'e' ? c->help_en : c->help_nl, x->wrap));
            if (c->vocab) {
                vals.len = 0;
                for (int v = 1; v <= veilig_vocab_size((veilig_vocab)c->vocab); v++) {
                    if (v > 1)
                        vg_buf_puts(&vals, "; ");
                    vg_buf_puts(&vals,
                                veilig_vocab_label((veilig_vocab)c->vocab, v, lang ? lang : "nl"));
                }
                vg_buf_putc(&vals, '\0');
                if (!vals.failed)
                    vg_lxw(x, worksheet_write_string(ws, r, 4, vals.data, x->wrap));
            }
        }
    }
    vg_buf_free(&vals);
    vg_lxw(x, worksheet_set_column(ws, 0, 0, 16, NULL));
    vg_lxw(x, worksheet_set_column(ws, 1, 1, 24, NULL));
    vg_lxw(x, worksheet_set_column(ws, 2, 2, 20, NULL));
    vg_lxw(x, worksheet_set_column(ws, 3, 4, 60, NULL));
    worksheet_freeze_panes(ws, 4, 0);
}

int veilig_sheet_save_xlsx(const veilig_registry *reg, const char *path,
                           const veilig_sheet_options *opts, veilig_error *err) {
    vg_error_clear(err);
    vg_error_set_source(err, path ? path : "");
    veilig_sheet_options o = VEILIG_SHEET_OPTIONS_INIT;
    if (opts) {
        if (opts->version != VEILIG_SHEET_OPTIONS_VERSION)
            return vg_error_set(err, VEILIG_EVERSION, "unknown options version %u", opts->version);
        o = *opts;
    }
    if (!path || !*path || (o.lang && !veilig_sheet_name(VEILIG_SHEET_MEASURES, o.lang)))
        return vg_error_set(err, VEILIG_EINVAL, "no path, or a language other than nl and en");
    vg_doc doc;
    memset(&doc, 0, sizeof doc);
    int rc = reg ? vg_doc_open(&doc, reg, o.flags) : VEILIG_OK;
    size_t tsize = strlen(path) + 16;
    char *tmp = rc == VEILIG_OK ? vg_malloc(tsize) : NULL;
    if (rc != VEILIG_OK || !tmp) {
        if (reg)
            vg_doc_close(&doc);
        vg_free(tmp);
        return vg_error_set(err, VEILIG_ENOMEM, "out of memory");
    }
    int fd = vg_open_temp(tmp, tsize, path);
    if (fd < 0) {
        rc = vg_error_set(err, VEILIG_EIO, "cannot create a temporary file next to %s: %s", path,
                          strerror(errno));
        goto done;
    }
    close(fd);
    vg_xlsx x;
    memset(&x, 0, sizeof x);
    vg_buf_init(&x.tmp);
    x.sink.cell = vg_xlsx_cell;
    x.sink.end_row = vg_xlsx_end_row;
    x.sink.lang = o.lang;
    x.wb = workbook_new(tmp);
    if (!x.wb) {
        rc = vg_error_set(err, VEILIG_EIO, "cannot write %s", tmp);
        unlink(tmp);
        goto done;
    }
    lxw_format *head = workbook_add_format(x.wb);
    lxw_format *title = workbook_add_format(x.wb);
    x.date = workbook_add_format(x.wb);
    x.money = workbook_add_format(x.wb);
    x.wrap = workbook_add_format(x.wb);
    if (!head || !title || !x.date || !x.money || !x.wrap) {
        workbook_close(x.wb);
        unlink(tmp);
        rc = vg_error_set(err, VEILIG_ENOMEM, "out of memory");
        goto done;
    }
    format_set_bold(head);
    format_set_bg_color(head, 0xD9E2F3);
    format_set_bottom(head, LXW_BORDER_THIN);
    format_set_bold(title);
    format_set_font_size(title, 14);
    format_set_num_format(x.date, "yyyy-mm-dd");
    format_set_num_format(x.money, "[$\xE2\x82\xAC-413] #,##0.00");
    format_set_text_wrap(x.wrap);
    format_set_align(x.wrap, LXW_ALIGN_VERTICAL_TOP);
    const char *lists = vg_l(o.lang, "lijsten", "lists");

    vg_explanation(&x, o.lang ? o.lang : "nl", head, title);
    for (int s = 1; s <= VG_NSHEETS; s++) {
        const vg_sheet_def *d = vg_sheet_def_get(s);
        x.ws = vg_add_sheet(&x, veilig_sheet_name((veilig_sheet)s, o.lang));
        if (!x.ws)
            break;
        memset(x.width, 0, sizeof x.width);
        for (size_t j = 0; j < d->ncols; j++) {
            const char *h = veilig_sheet_column_name((veilig_sheet)s, j, o.lang);
            vg_lxw(&x, worksheet_write_string(x.ws, 0, (lxw_col_t)j, h, head));
            vg_fit(&x, j, h);
            x.width[j] += 2; /* room for the filter button */
        }
        x.sink.rows = 0;
        if (reg)
            vg_sheet_walk(&x.sink, s, doc.root);
        for (size_t j = 0; j < d->ncols && j < 32; j++)
            vg_lxw(&x, worksheet_set_column(x.ws, (lxw_col_t)j, (lxw_col_t)j,
                                            x.width[j] < 8 ? 8 : x.width[j], NULL));
        worksheet_freeze_panes(x.ws, 1, 0);
        vg_lxw(&x,
               worksheet_autofilter(x.ws, 0, 0, (lxw_row_t)x.sink.rows, (lxw_col_t)(d->ncols - 1)));
        vg_validations(&x, x.ws, d, x.sink.rows, lists, o.lang);
    }
    vg_lists(&x, o.lang, lists);
    lxw_error le = workbook_close(x.wb);
    int failed = x.tmp.failed;
    vg_buf_free(&x.tmp);
    if (le == LXW_NO_ERROR)
        le = x.error; /* a cell, a sheet or a list that was not written */
    if (le != LXW_NO_ERROR || x.too_long || failed) {
        unlink(tmp);
        rc = failed || le == LXW_ERROR_MEMORY_MALLOC_FAILED
                 ? vg_error_set(err, VEILIG_ENOMEM, "out of memory")
             : x.too_long
                 ? vg_error_set(err, VEILIG_EINVAL,
                                "a text is longer than a cell may hold (32,767 characters)")
                 : vg_error_set(err, VEILIG_EIO, "cannot write %s: %s", path, lxw_strerror(le));
        goto done;
    }
    /* to disk, with the mode of the file it replaces, then in its place */
    struct stat st;
    fd = open(tmp, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (stat(path, &st) == 0)
            fchmod(fd, st.st_mode & 07777);
        fsync(fd);
        close(fd);
    }
    if (rename(tmp, path) != 0) {
        rc = vg_error_set(err, VEILIG_EIO, "cannot rename over %s: %s (the old file is untouched)",
                          path, strerror(errno));
        unlink(tmp);
    } else {
        vg_sync_dir(path);
    }
done:
    vg_free(tmp);
    if (reg)
        vg_doc_close(&doc);
    return rc;
}
