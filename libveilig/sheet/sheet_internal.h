/*
 * libveilig internals: spreadsheets. The sheets and their columns
 * (columns.c), the values of cells (cells.c), reading CSV into rows
 * (csv.c), writing sheets (export.c) and merging rows into a document
 * (import.c).
 */
#ifndef VG_SHEET_INTERNAL_H
#define VG_SHEET_INTERNAL_H

#include "../util/escape.h" /* the CSV field and its formula guard (vg_csv_needs_guard) */
#include "../internal.h"
#include "../json.h"
#include "veilig/sheet.h"

/* What a column holds. */
typedef enum vg_ctype {
    VG_C_MUNI = 1, /* the CBS code of the row's municipality (a link, not a field) */
    VG_C_PARENT,   /* the id of the row's measure or indicator (a link) */
    VG_C_KEY,      /* the object's own code or id */
    VG_C_TEXT,     /* a string */
    VG_C_DATE,     /* a partial date */
    VG_C_TIME,     /* "HH:MM" */
    VG_C_CODE,     /* a code of the column's vocabulary */
    VG_C_CODES,    /* a list of codes */
    VG_C_IDS,      /* a list of ids */
    VG_C_NUMBER,   /* a number */
    VG_C_AMOUNT,   /* a budget: at most two decimals, not negative */
    VG_C_BOOL,     /* true or false */
    VG_C_PROVINCE  /* an ISO 3166-2 province code */
} vg_ctype;

/* Column flags. */
enum {
    VG_COL_REQUIRED = 1u << 0, /* an object needs it (a new one; an existing one keeps it) */
    VG_COL_IN_OBJECT = 1u << 1 /* required only when its nested object is there */
};

typedef struct vg_column {
    const char *key;               /* "budget_amount" */
    const char *path;              /* "budget.amount": where in the object; NULL for links */
    uint8_t type;                  /* vg_ctype */
    uint8_t vocab;                 /* veilig_vocab of CODE and CODES, else 0 */
    uint8_t flags;                 /* VG_COL_* */
    const char *nl, *en;           /* header labels */
    const char *help_nl, *help_en; /* one sentence each */
} vg_column;

typedef struct vg_sheet_def {
    const char *name, *nl, *en;
    const char *list_key; /* the key of its list (or object) in the parent */
    int parent;           /* the parent sheet; 0: the document */
    int key_col;          /* index of the own key column, -1 for lists without ids */
    int muni_col;         /* index of the municipality link, -1 for none */
    int parent_col;       /* index of the measure or indicator link, -1 for none */
    const vg_column *cols;
    size_t ncols;
} vg_sheet_def;

#define VG_NSHEETS 12

/* The sheet's definition, or NULL. */
const vg_sheet_def *vg_sheet_def_get(int sheet);

/* A header as a key: lower case, accents folded, only letters and digits ("Budget (EUR)" ->
   "budgeteur"), into buf; its length. */
size_t vg_sheet_norm(char *buf, size_t size, const char *s, size_t len);

/* ---- cell values (cells.c) ---- */

/* The value of a cell, ready to write as JSON. */
typedef struct vg_value {
    uint8_t json;     /* VG_JSTRING, VG_JNUMBER (text is the literal), VG_JTRUE, VG_JFALSE,
                         VG_JARRAY (of strings) */
    const char *text; /* STRING, NUMBER; for ARRAY: n strings, each ending in NUL */
    size_t n;         /* ARRAY: number of items */
} vg_value;

/* Number conventions of a table: which mark is the decimal one when a number has only one. */
typedef struct vg_cellctx {
    vg_arena *arena;
    char decimal; /* '.' or ',' */
} vg_cellctx;

/*
 * Parses a cell (already UTF-8, the formula guard taken off) of column col
 * into *out, allocated in cx->arena. An empty cell (only spaces) gives
 * VEILIG_ENOTFOUND. Returns VEILIG_OK, VEILIG_EINVAL with a message in msg
 * (size bytes; "'omstaanders' is not a category; did you mean
 * 'omstanders'?") or VEILIG_ENOMEM.
 */
int vg_cell_parse(vg_value *out, const vg_cellctx *cx, const vg_column *col, const char *s,
                  size_t len, char *msg, size_t size);

/* A date cell ("2021-11", "nov 2021", "1-11-2021", "1 november 2021") as ISO; VEILIG_EINVAL. */
int vg_cell_date(veilig_date *out, const char *s, size_t len);
/* A time cell ("23:00", "9.30", "23:00:00") as minutes after midnight (0..1440); -1 when not. */
int vg_cell_time(const char *s, size_t len);
/* A number cell ("1.250,50", "€ 1250.50", "28,5") as a JSON literal in buf; VEILIG_EINVAL. */
int vg_cell_number(char *buf, size_t size, const char *s, size_t len, char decimal);

/* ---- rows (csv.c) ---- */

/* A table read from a file: the header and the rows, cells as UTF-8 strings. */
typedef struct vg_rows {
    vg_arena arena;
    size_t ncols; /* cells of the header row */
    size_t nrows; /* data rows */
    size_t cap;
    char ***cells; /* cells[r][c], c < widths[r] */
    size_t *widths;
    int *lines; /* each row's first line in the file (the header: line of row 0) */
    int header_line;
    char **header;
    char separator; /* ',', ';' or '\t' */
    int xlsx;       /* from a workbook: a cell that starts with \x01 is a number */
    int date1904;   /* the workbook counts days from 1904 */
} vg_rows;

void vg_rows_init(vg_rows *t);
void vg_rows_free(vg_rows *t);
/* Adds a row (cells copied); VEILIG_ENOMEM. */
int vg_rows_add(vg_rows *t, int line, char **cells, size_t n);

/*
 * Reads CSV text into t: the encoding converted to UTF-8 (encoding NULL:
 * detected), the separator detected from the first line, the header row
 * split off. Returns VEILIG_OK, or VEILIG_EPARSE with err's message and
 * line (a quote that does not close, bytes not in the encoding, ...),
 * VEILIG_ENOMEM.
 */
int vg_csv_read(vg_rows *t, const char *data, size_t len, const char *encoding, veilig_error *err);

/* ---- export (export.c) ---- */

/* The registry as a JSON tree, for walking sheets. */
typedef struct vg_doc {
    vg_arena arena;
    char *json;
    const vg_jnode *root;
} vg_doc;

/* Writes reg as JSON (personal contacts left out unless VEILIG_SHEET_INCLUDE_PERSONAL in flags)
   and reads it back; VEILIG_ENOMEM. vg_doc_close frees it (also after a failure). */
int vg_doc_open(vg_doc *d, const veilig_registry *reg, unsigned flags);
void vg_doc_close(vg_doc *d);

/* Where the rows of a sheet go: cell() per column (v: the value, NULL when absent; link: the
   text of a municipality or parent column, else NULL), end_row() after each row. Rows count
   from 1 (the header is row 0). */
typedef struct vg_sink vg_sink;
struct vg_sink {
    void (*cell)(vg_sink *s, size_t row, size_t col, const vg_column *c, const vg_jnode *v,
                 const char *link);
    void (*end_row)(vg_sink *s, size_t row);
    const char *lang; /* NULL: codes; "nl", "en": labels */
    size_t rows;
};

/* Every row of a sheet of the document root, in document order. */
void vg_sheet_walk(vg_sink *s, int sheet, const vg_jnode *root);
/* A code of a column as written in lang (NULL: the code); a province by name. */
const char *vg_sheet_term(const char *lang, const vg_column *c, const char *code);
/* A list value joined with ";" (codes) or "; " (labels), NUL-terminated, into b. */
int vg_sheet_join(vg_buf *b, const char *lang, const vg_column *c, const vg_jnode *v);
/* true/false, ja/nee or yes/no. */
const char *vg_sheet_bool(const char *lang, int t);

/* ---- import (import.c) ---- */

/* Reads the rows of a table (CSV or a workbook's sheet) of sheet (0: detect) into the import. */
int vg_import_rows(veilig_import *imp, const char *name, const vg_rows *t, int sheet);
/* Keeps an error of the import: source:line, column number (0: none), message. */
void vg_import_error(veilig_import *imp, const char *source, int line, int column, const char *fmt,
                     ...) VG_PRINTF(5, 6);
/* "A", ..., "Z", "AA": a spreadsheet's name of column n (1-based), into buf (8 bytes). */
void vg_column_letters(char *buf, int n);

/* ---- workbooks (xlsx_read.c) ---- */

/* A number from a workbook's cell as column c wants it: a date for a date column (a serial
   day, or a year), "HH:MM" for a time, cents for an amount; otherwise num itself. */
const char *vg_xlsx_number(char *buf, size_t size, const vg_column *c, const char *num,
                           int date1904);

#endif
