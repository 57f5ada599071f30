/* libveilig internals shared by the renderings: a table of text cells that
   writes itself as text, Markdown, CSV or JSON, and report options. */
#ifndef VG_REPORT_INTERNAL_H
#define VG_REPORT_INTERNAL_H

#include "../util/escape.h"
#include "../model_internal.h"

/* Resolved report options: format, language (0 nl, 1 en), flags. */
typedef struct vg_ropts {
    veilig_format format;
    int en;
    unsigned flags;
    size_t peers;
} vg_ropts;

/* Checks and resolves opts (NULL: defaults, text, Dutch). */
int vg_ropts_get(vg_ropts *o, const veilig_report_options *opts);

/* Picks the Dutch or the English text. */
#define VG_L(o, text_nl, text_en) ((o)->en ? (text_en) : (text_nl))

/* Column flags */
enum {
    VG_COL_NUMBER = 1u << 0 /* cells are numbers: right-aligned, JSON numbers */
};

typedef struct vg_table {
    vg_arena arena;
    size_t ncols;
    const char **keys;    /* JSON keys */
    const char **headers; /* header texts */
    unsigned *flags;
    const char **cells; /* nrows x ncols, NULL for empty */
    size_t nrows, cap;
    size_t col;  /* next column of the row being filled */
    int csv_raw; /* CSV: no formula guard (VEILIG_REPORT_RAW) */
    int failed;
} vg_table;

/* A table with ncols columns; then vg_table_column for each, in order. */
int vg_table_init(vg_table *t, size_t ncols);
void vg_table_free(vg_table *t);
void vg_table_column(vg_table *t, size_t i, const char *key, const char *header, unsigned flags);
/* Starts a new row; then one vg_table_cell* per column. */
void vg_table_row(vg_table *t);
void vg_table_cell(vg_table *t, const char *text); /* copied; NULL: empty */
void vg_table_cellf(vg_table *t, const char *fmt, ...) VG_PRINTF(2, 3);
void vg_table_cell_int(vg_table *t, long long v);
/* Writes the table in format (not HTML) into b. */
void vg_table_write(const vg_table *t, vg_buf *b, veilig_format format);
/* The table as a new string (the usual ending of a rendering). */
int vg_table_finish(vg_table *t, char **out, size_t *len, veilig_format format);

/* The label of a vocabulary code in the report's language; the code itself
   when the vocabulary does not know it; "" for NULL. */
const char *vg_label(const vg_ropts *o, veilig_vocab vocab, const char *code);
/* The name of a vocabulary as a heading in the report's language
   ("Doelgroep", "Target group"); the vocabulary's own name for one without. */
const char *vg_vocab_title(const vg_ropts *o, veilig_vocab vocab);

/* ---- numbers and words shared by every output (format.c) ---- */

/* Writes a decimal number given as an integer scaled by 10^decimals
   (scaled 1234, decimals 1: "123.4"), with point as decimal separator and
   group (0: none) between thousands; strip drops a fractional part that is
   zero. Locale-independent. */
void vg_format_scaled(char *buf, size_t size, long long scaled, int decimals, char point,
                      char group, int strip);
/* Rounds v * 10^decimals half away from zero into *out: 0 when v is NaN,
   infinite or too large, else 1. */
int vg_scale_round(long long *out, double v, int decimals);

/* The effective approach's code of a measure (its own, else its category's usual one). */
const char *vg_measure_approach(const veilig_measure *ms);

/* The short name of day d (1 Monday .. 7 Sunday): "ma" (nl), "Mon" (en); NULL out of range. */
const char *vg_day_short(int en, int d);

#endif
