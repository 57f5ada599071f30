/*
 * libveilig internals: renderings of registries, analyses and diagnostics as text,
 * Markdown, CSV and JSON (report.h); docs/reports.md documents them.
 *
 * Every table goes through vg_table (table.c). Two kinds of output:
 * - for people (text, Markdown): column headers and vocabulary values as
 *   labels in the report's language, names rather than ids, numbers written
 *   the Dutch or the English way ("€ 12.500,50", "EUR 12,500.50");
 * - for machines (CSV, JSON): stable snake_case keys, codes and ids, plain
 *   numbers ("12500.50"), lists joined with ";".
 * Some columns exist only for one kind (VG_HUMAN, VG_MACHINE): a person
 * reads "40 (2021)" where a spreadsheet gets a date and a value column.
 *
 * JSON renderings of analyses are the analyses' own JSON. Personal contact
 * data (contacts marked personal) never appears unless the caller sets
 * VEILIG_REPORT_INCLUDE_PERSONAL: the municipality page leaves such contacts
 * out, and the difference rendering filters them out of its values.
 *
 * Output is deterministic: document order or the analysis's order, no
 * dates of today, no addresses; numbers are formatted without the C locale.
 *
 * The layers shared by the renderings: the rendering context and the formatting of numbers, dates
 * and vocabulary values (format.c), tables with columns for people, for machines or both (table.c,
 * over vg_table), and the text/Markdown document writer (doc.c). One render_*.c per subject writes
 * on top of them.
 */
#ifndef VG_REPORT_RENDER_H
#define VG_REPORT_RENDER_H

#include "report_internal.h"

typedef struct vg_rc {
    vg_ropts o;
    int mach; /* CSV or JSON: codes, ids and plain numbers */
} vg_rc;

enum {
    VG_HUMAN = 1u << 8,  /* a column only text and Markdown show */
    VG_MACHINE = 1u << 9 /* a column only CSV and JSON show */
};

#define VG_MAXCOLS 40

typedef struct vg_tb {
    vg_table t;
    const vg_rc *c;
    size_t max;  /* columns allocated */
    size_t nlog; /* logical columns defined */
    size_t lcol; /* next logical column of the current row */
    unsigned char shown[VG_MAXCOLS];
    vg_buf s; /* scratch for composing cells */
} vg_tb;

#define VG_WIDTH 80 /* text lines are wrapped at this width */

#define VG_LABEL_W 16 /* "Label:" padded to this width */

typedef struct vg_doc {
    vg_buf *b;
    const vg_rc *c;
    int md;
    vg_buf t; /* scratch */
} vg_doc;

int vg_begin(vg_rc *c, char **out, size_t *len, const void *subject,
             const veilig_report_options *opts);
const char *vg_cstr(vg_buf *b);
int vg_finish_buf(vg_buf *b, char **out, size_t *len);
void vg_put_cut(vg_buf *b, const char *s, size_t max);
void vg_put_fixed(vg_buf *b, const vg_rc *c, double v, int decimals);
void vg_put_value(vg_buf *b, const vg_rc *c, double v);
void vg_put_money(vg_buf *b, const vg_rc *c, int64_t cents, const char *currency);
void vg_put_percent(vg_buf *b, const vg_rc *c, double fraction);
void vg_put_date(vg_buf *b, const veilig_date *d);
void vg_put_time(vg_buf *b, int minutes);
void vg_put_term(vg_buf *b, const vg_rc *c, veilig_vocab vocab, const char *code);
void vg_put_sep(vg_buf *b, const vg_rc *c);
const char *vg_province(const vg_rc *c, const char *code);
const char *vg_day(const vg_rc *c, const char *code);
void vg_put_schedule(vg_buf *b, const vg_rc *c, const veilig_measure *ms);
void vg_put_partners(vg_buf *b, const vg_rc *c, const veilig_measure *ms);
void vg_put_measure_indicators(vg_buf *b, const vg_rc *c, const veilig_measure *ms);
void vg_put_period(vg_buf *b, const vg_rc *c, const veilig_date *start, const veilig_date *end);
void vg_put_membership(vg_buf *b, const vg_rc *c, const veilig_municipality *m);
int vg_tb_init(vg_tb *tb, const vg_rc *c, size_t max);
void vg_tb_free(vg_tb *tb);
void vg_tb_col(vg_tb *tb, const char *key, const char *header_nl, const char *header_en,
               unsigned flags);
void vg_tb_col_copy(vg_tb *tb, const char *key, const char *header, unsigned flags);
void vg_tb_row(vg_tb *tb);
void vg_tb_cell(vg_tb *tb, const char *s);
void vg_tb_int(vg_tb *tb, long long v);
vg_buf *vg_tb_buf(vg_tb *tb);
void vg_tb_put(vg_tb *tb);
void vg_tb_term(vg_tb *tb, veilig_vocab vocab, const char *code);
void vg_tb_date(vg_tb *tb, int found, const veilig_date *d);
int vg_tb_finish(vg_tb *tb, char **out, size_t *len);
void vg_wrap(vg_buf *b, const char *s, size_t indent, size_t col);
void vg_d_heading(vg_doc *d, int level, const char *text);
void vg_d_para(vg_doc *d, const char *text, size_t indent);
void vg_d_field(vg_doc *d, size_t indent, const char *label_nl, const char *label_en,
                const char *value);
void vg_d_field_t(vg_doc *d, size_t indent, const char *label_nl, const char *label_en);
void vg_d_item(vg_doc *d, const char *text);
vg_buf *vg_d_t(vg_doc *d);
void vg_d_table(vg_doc *d, vg_tb *tb);
int vg_doc_finish(vg_doc *d, char **out, size_t *len);
void vg_put_dated(vg_buf *b, const vg_rc *c, int has_value, double value, int has_date,
                  const veilig_date *date);

#endif
