/**
 * @file
 * libveilig: spreadsheets: a document as tables (sheets) of rows and
 * columns, written as CSV and read back from CSV.
 *
 * A document is kept in twelve sheets (docs/spreadsheets.md lists their
 * columns): programme, municipalities, exclusions, policy_links,
 * stakeholders, contacts, measures, schedule, partners, indicators,
 * observations and sources. A row of a child sheet names its parent by the
 * municipality's CBS code and, for schedule, partners and observations, the
 * measure's or indicator's id. Together the sheets hold every field of the
 * format (only keys the library does not know are not exported), so that
 * export and import give back the same document.
 *
 * Import is all-or-nothing: rows are read into an import (veilig_import),
 * merged into a copy of a base document (municipalities matched by CBS code;
 * measures, stakeholders and indicators by id; the lists of a child sheet
 * replace the parent's list), and the result is built through the library's
 * own JSON codec, so it is exactly the document loading the equivalent JSON
 * gives. On any error nothing is built and every error (up to a limit) is
 * kept, each with the file, the line, the column number and a message that
 * names the column ("measures.csv:14: column 'categorie': 'omstaanders' is
 * not a category; did you mean 'omstanders'?").
 */
#ifndef VEILIG_SHEET_H
#define VEILIG_SHEET_H

#include "veilig/common.h"
#include "veilig/model.h"
#include "veilig/vocab.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The sheets, in the order a workbook holds them (parents before children). */
typedef enum veilig_sheet {
    VEILIG_SHEET_PROGRAMME = 1,  /**< "programme" (programma): the programme, one row */
    VEILIG_SHEET_MUNICIPALITIES, /**< "municipalities" (gemeenten): a row per municipality */
    VEILIG_SHEET_EXCLUSIONS,     /**< "exclusions" (uitgesloten): approaches not pursued now */
    VEILIG_SHEET_POLICY_LINKS,   /**< "policy_links" (beleid): links to other policy */
    VEILIG_SHEET_STAKEHOLDERS,   /**< "stakeholders" (partijen) */
    VEILIG_SHEET_CONTACTS,       /**< "contacts" (contacten) */
    VEILIG_SHEET_MEASURES,       /**< "measures" (maatregelen) */
    VEILIG_SHEET_SCHEDULE,       /**< "schedule" (rooster): time windows of measures */
    VEILIG_SHEET_PARTNERS,       /**< "partners" (uitvoering): partners of measures */
    VEILIG_SHEET_INDICATORS,     /**< "indicators" (indicatoren) */
    VEILIG_SHEET_OBSERVATIONS,   /**< "observations" (metingen): of indicators */
    VEILIG_SHEET_SOURCES         /**< "sources" (bronnen): of a municipality or the programme */
} veilig_sheet;

/**
 * The number of sheets (they are 1..veilig_sheet_count()).
 *
 * @return the number of sheets (12).
 */
VEILIG_API int veilig_sheet_count(void);
/**
 * The sheet's name ("measures"), or its label in "nl" ("maatregelen") or "en" when lang is
 * given; static, NULL for an unknown sheet or language.
 *
 * @param sheet  the sheet.
 * @param lang   NULL for the name; "nl" or "en" for the label (borrowed).
 * @return the name or label (static); NULL for a value that is no sheet or
 *         another language.
 */
VEILIG_API const char *veilig_sheet_name(veilig_sheet sheet, const char *lang);
/**
 * The sheet of a name or of its Dutch or English label (case ignored); 0 when none.
 *
 * @param name  the name or label (borrowed), or NULL.
 * @return the sheet; 0 when name is NULL or names no sheet.
 */
VEILIG_API veilig_sheet veilig_sheet_from_name(const char *name);

/**
 * The number of columns of a sheet (0 for an unknown sheet).
 *
 * @param sheet  the sheet.
 * @return the number of columns; 0 for a value that is no sheet.
 */
VEILIG_API size_t veilig_sheet_column_count(veilig_sheet sheet);
/**
 * A column's key ("budget_amount") or, with lang "nl" or "en", its header label ("Budget");
 * static, NULL when out of range.
 *
 * @param sheet  the sheet.
 * @param index  the column, from 0 to veilig_sheet_column_count(sheet) - 1.
 * @param lang   NULL for the key; "nl" or "en" for the label (borrowed).
 * @return the key or label (static); NULL for an unknown sheet, an index out
 *         of range or another language.
 */
VEILIG_API const char *veilig_sheet_column_name(veilig_sheet sheet, size_t index, const char *lang);
/**
 * What a column holds, in one sentence in "nl" or "en" (for a template's explanation); static,
 * NULL when out of range.
 *
 * @param sheet  the sheet.
 * @param index  the column, from 0 to veilig_sheet_column_count(sheet) - 1.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the sentence (static); NULL for an unknown sheet, an index out of
 *         range or another language.
 */
VEILIG_API const char *veilig_sheet_column_help(veilig_sheet sheet, size_t index, const char *lang);
/**
 * The vocabulary of a column of codes, or 0 when the column holds no codes.
 *
 * @param sheet  the sheet.
 * @param index  the column, from 0 to veilig_sheet_column_count(sheet) - 1.
 * @return the vocabulary; 0 when the column holds no codes, for an unknown
 *         sheet or an index out of range.
 */
VEILIG_API veilig_vocab veilig_sheet_column_vocab(veilig_sheet sheet, size_t index);

/** Version of veilig_sheet_options this header knows. */
#define VEILIG_SHEET_OPTIONS_VERSION 1

/** Flags of veilig_sheet_options. */
enum {
    VEILIG_SHEET_INCLUDE_PERSONAL = 1u << 0 /**< export contacts marked personal: true */
};

/** Options of writing sheets. */
typedef struct veilig_sheet_options {
    unsigned version; /**< VEILIG_SHEET_OPTIONS_VERSION */
    unsigned flags;   /**< VEILIG_SHEET_* */
    const char *lang; /**< NULL: keys and codes; "nl" or "en": header and code labels */
    char separator;   /**< 0 or ',': commas; ';': semicolons, and decimal commas in numbers */
} veilig_sheet_options;

/** The defaults of veilig_sheet_options (keys and codes, commas), as an initialiser. */
#define VEILIG_SHEET_OPTIONS_INIT                                                                  \
    { VEILIG_SHEET_OPTIONS_VERSION, 0, NULL, 0 }

/**
 * Fills opts with the defaults (VEILIG_SHEET_OPTIONS_INIT); version must be
 * VEILIG_SHEET_OPTIONS_VERSION.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  VEILIG_SHEET_OPTIONS_VERSION.
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_sheet_options_init(veilig_sheet_options *opts, unsigned version);

/**
 * Writes one sheet of reg as CSV (RFC 4180, a header row, CR LF line ends
 * as spreadsheets write them) into a new string *out (veilig_free); *len
 * (may be NULL) gets its length. A cell whose text begins with = + - @ TAB,
 * CR or ' gets one ' in front, so that no spreadsheet reads it as a formula
 * (the import takes it off again). Personal contacts are left out unless
 * VEILIG_SHEET_INCLUDE_PERSONAL. Returns VEILIG_OK, VEILIG_EINVAL (NULL
 * arguments, an unknown sheet, language or separator), VEILIG_EVERSION
 * (options version) or VEILIG_ENOMEM; on failure *out is NULL.
 *
 * @param out    receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len    receives the text's length in bytes, or NULL.
 * @param reg    the registry (borrowed).
 * @param sheet  which sheet.
 * @param opts   language, separator and flags; NULL for the defaults.
 * @return VEILIG_OK; VEILIG_EINVAL when out or reg is NULL, sheet is no
 *         sheet, the language is not "nl" or "en" or the separator not ',' or
 *         ';'; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_sheet_export_csv(char **out, size_t *len, const veilig_registry *reg,
                                       veilig_sheet sheet, const veilig_sheet_options *opts);

/**
 * Writes a workbook (.xlsx) to path, atomically (a temporary file next to it,
 * renamed over it; on failure the old file is untouched): a first sheet that
 * explains every column, then one sheet per table (named in opts->lang, or by
 * key) with a styled, frozen header row, fitting column widths, drop-down
 * lists of the vocabularies, full dates as dates and budgets as currency.
 * reg NULL writes the template: the same sheets without rows. opts->separator
 * is ignored. Returns VEILIG_OK, VEILIG_EINVAL (no path, an unknown language,
 * a text longer than a cell may hold), VEILIG_EVERSION, VEILIG_EIO (with the
 * reason), VEILIG_ENOMEM.
 *
 * @param reg   the registry (borrowed), or NULL for the template.
 * @param path  the file to write (borrowed).
 * @param opts  language and flags; NULL for the defaults (keys and codes).
 * @param err   what went wrong, with path as its source, or NULL.
 * @return VEILIG_OK; VEILIG_EINVAL when path is NULL or empty, the language
 *         is not "nl" or "en" or a text is longer than a cell may hold;
 *         VEILIG_EVERSION for an unknown options version; VEILIG_EIO;
 *         VEILIG_ENOMEM.
 */
VEILIG_API int veilig_sheet_save_xlsx(const veilig_registry *reg, const char *path,
                                      const veilig_sheet_options *opts, veilig_error *err);

/* ---- import ---- */

/** Version of veilig_import_options this header knows. */
#define VEILIG_IMPORT_OPTIONS_VERSION 1
/** Errors kept by default before an import stops looking for more. */
#define VEILIG_IMPORT_DEFAULT_MAX_ERRORS 50

/** Options of an import. */
typedef struct veilig_import_options {
    unsigned version;     /**< VEILIG_IMPORT_OPTIONS_VERSION */
    unsigned flags;       /**< none defined yet: 0 */
    const char *encoding; /**< NULL: detected (UTF-8 with or without BOM, UTF-16 with BOM, else
                               Windows-1252); or a name iconv knows ("windows-1252", "utf-8") */
    size_t max_errors;    /**< errors kept; 0: VEILIG_IMPORT_DEFAULT_MAX_ERRORS */
} veilig_import_options;

/** The defaults of veilig_import_options (encoding detected, 50 errors), as an initialiser. */
#define VEILIG_IMPORT_OPTIONS_INIT                                                                 \
    { VEILIG_IMPORT_OPTIONS_VERSION, 0, NULL, 0 }

/**
 * Fills opts with the defaults (VEILIG_IMPORT_OPTIONS_INIT); version must be
 * VEILIG_IMPORT_OPTIONS_VERSION.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  VEILIG_IMPORT_OPTIONS_VERSION.
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_import_options_init(veilig_import_options *opts, unsigned version);

/** An import in progress: the rows read so far and the errors found. */
typedef struct veilig_import veilig_import;

/**
 * Starts an import into a copy of base (NULL: a new, empty document). base
 * is borrowed: it must stay unchanged until veilig_import_finish. *out is new
 * (veilig_import_free). Returns VEILIG_OK, VEILIG_EINVAL (NULL out),
 * VEILIG_EVERSION (options version) or VEILIG_ENOMEM.
 *
 * @param out   receives the new import (veilig_import_free); NULL on failure.
 * @param base  the document to merge into (borrowed), or NULL for an empty one.
 * @param opts  encoding and error limit (copied); NULL for the defaults.
 * @return VEILIG_OK, VEILIG_EINVAL when out is NULL, VEILIG_EVERSION for an
 *         unknown options version, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_import_new(veilig_import **out, const veilig_registry *base,
                                 const veilig_import_options *opts);

/**
 * Frees an import. NULL is a no-op.
 *
 * @param imp  the import (from veilig_import_new()), or NULL.
 */
VEILIG_API void veilig_import_free(veilig_import *imp);

/**
 * Reads one sheet from len bytes of CSV. name names the file in errors (NULL:
 * "<csv>"). The separator (comma, semicolon or tab) is detected from the
 * header row, the encoding as the options say; the sheet is found from the
 * headers (keys or Dutch or English labels, in any order), or is the one
 * given (0: detect). Errors are kept in the import. Returns VEILIG_OK when
 * this table had no error, VEILIG_ESCHEMA when it had (see
 * veilig_import_error), VEILIG_ELIMIT when max_errors were reached,
 * VEILIG_EINVAL for NULL arguments or an unknown sheet, VEILIG_ENOMEM.
 *
 * @param imp    the import.
 * @param name   the file's name for errors (borrowed), or NULL for "<csv>".
 * @param data   the CSV's bytes (borrowed; need not be NUL-terminated); NULL only when len is 0.
 * @param len    the number of bytes.
 * @param sheet  the sheet the table is, or 0 to detect it from the headers.
 * @return VEILIG_OK; VEILIG_ESCHEMA when the table had an error;
 *         VEILIG_ELIMIT when max_errors were reached; VEILIG_EINVAL when imp
 *         is NULL, data is NULL with len not 0, or sheet is no sheet; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_import_add_csv(veilig_import *imp, const char *name, const char *data,
                                     size_t len, veilig_sheet sheet);

/**
 * Reads a workbook (.xlsx: len bytes) into the import: every sheet named
 * after a sheet (in keys or in Dutch or English: "maatregelen", "measures"),
 * or, when no sheet is, every sheet by its headers. Other sheets (the
 * explanation, the lists of a workbook veilig wrote) are skipped. Errors name
 * "NAME:SHEET", the row and the column. Returns as veilig_import_add_csv;
 * a file that is not a workbook (a damaged zip, parts that are not XML) is
 * VEILIG_ESCHEMA with an error that says so.
 *
 * @param imp   the import.
 * @param name  the file's name for errors (borrowed), or NULL for "<xlsx>".
 * @param data  the workbook's bytes (borrowed).
 * @param len   the number of bytes.
 * @return VEILIG_OK; VEILIG_ESCHEMA when a sheet had an error or data is no
 *         workbook; VEILIG_ELIMIT when max_errors were reached; VEILIG_EINVAL
 *         when imp or data is NULL; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_import_add_xlsx(veilig_import *imp, const char *name, const char *data,
                                      size_t len);

/**
 * Builds the document: a copy of the base with every row merged in. *out is
 * new (veilig_registry_free). When any table had an error, or the merge finds
 * one (a row whose municipality or measure is nowhere, a new measure without
 * a category, ...), *out is NULL, VEILIG_ESCHEMA is returned and the errors
 * are in the import. Also VEILIG_EINVAL (NULL arguments), VEILIG_ENOMEM. The
 * result is not validated: see veilig_validate.
 *
 * @param out  receives the new registry (veilig_registry_free); NULL on failure.
 * @param imp  the import (still the caller's: free it with veilig_import_free).
 * @return VEILIG_OK; VEILIG_ESCHEMA when a table or the merge had an error
 *         (see veilig_import_error); VEILIG_EINVAL when out or imp is NULL;
 *         VEILIG_ENOMEM.
 */
VEILIG_API int veilig_import_finish(veilig_registry **out, veilig_import *imp);

/**
 * The number of errors found so far.
 *
 * @param imp  the import, or NULL.
 * @return the number of errors kept; 0 when imp is NULL.
 */
VEILIG_API size_t veilig_import_error_count(const veilig_import *imp);
/**
 * An error, borrowed from the import; NULL when out of range. source is the
 * file, line its line (1-based; 0 for errors of the whole import), column
 * the column's number (1 is A), message says what (with the column's header)
 * and pointer is "".
 *
 * @param imp    the import, or NULL.
 * @param index  the error, from 0 to veilig_import_error_count() - 1.
 * @return the error (borrowed from the import: valid until more is added to it or it is freed);
 *         NULL when imp is NULL or index is out of range.
 */
VEILIG_API const veilig_error *veilig_import_error(const veilig_import *imp, size_t index);

/**
 * One CSV table, all at once: veilig_import_new, _add_csv and _finish. On
 * failure *out is NULL and err holds the first error.
 *
 * @param out   receives the new registry (veilig_registry_free); NULL on failure.
 * @param base  the document to merge into (borrowed), or NULL for an empty one.
 * @param name  the file's name for errors (borrowed), or NULL for "<csv>".
 * @param data  the CSV's bytes (borrowed); NULL only when len is 0.
 * @param len   the number of bytes.
 * @param opts  encoding and error limit; NULL for the defaults.
 * @param err   the first error (file, line, column, message), or NULL.
 * @return as veilig_import_new(), veilig_import_add_csv() and
 *         veilig_import_finish(): VEILIG_OK, VEILIG_ESCHEMA, VEILIG_ELIMIT,
 *         VEILIG_EINVAL, VEILIG_EVERSION or VEILIG_ENOMEM.
 */
VEILIG_API int veilig_import_csv(veilig_registry **out, const veilig_registry *base,
                                 const char *name, const char *data, size_t len,
                                 const veilig_import_options *opts, veilig_error *err);

#ifdef __cplusplus
}
#endif

#endif
