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
    VEILIG_SHEET_PROGRAMME = 1,
    VEILIG_SHEET_MUNICIPALITIES,
    VEILIG_SHEET_EXCLUSIONS,
    VEILIG_SHEET_POLICY_LINKS,
    VEILIG_SHEET_STAKEHOLDERS,
    VEILIG_SHEET_CONTACTS,
    VEILIG_SHEET_MEASURES,
    VEILIG_SHEET_SCHEDULE,
    VEILIG_SHEET_PARTNERS,
    VEILIG_SHEET_INDICATORS,
    VEILIG_SHEET_OBSERVATIONS,
    VEILIG_SHEET_SOURCES
} veilig_sheet;

/** The number of sheets (they are 1..veilig_sheet_count()). */
VEILIG_API int veilig_sheet_count(void);
/** The sheet's name ("measures"), or its label in "nl" ("maatregelen") or "en" when lang is
 * given; static, NULL for an unknown sheet or language. */
VEILIG_API const char *veilig_sheet_name(veilig_sheet sheet, const char *lang);
/** The sheet of a name or of its Dutch or English label (case ignored); 0 when none. */
VEILIG_API veilig_sheet veilig_sheet_from_name(const char *name);

/** The number of columns of a sheet (0 for an unknown sheet). */
VEILIG_API size_t veilig_sheet_column_count(veilig_sheet sheet);
/** A column's key ("budget_amount") or, with lang "nl" or "en", its header label ("Budget");
 * static, NULL when out of range. */
VEILIG_API const char *veilig_sheet_column_name(veilig_sheet sheet, size_t index, const char *lang);
/** What a column holds, in one sentence in "nl" or "en" (for a template's explanation); static,
 * NULL when out of range. */
VEILIG_API const char *veilig_sheet_column_help(veilig_sheet sheet, size_t index, const char *lang);
/** The vocabulary of a column of codes, or 0 when the column holds no codes. */
VEILIG_API veilig_vocab veilig_sheet_column_vocab(veilig_sheet sheet, size_t index);

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

#define VEILIG_SHEET_OPTIONS_INIT                                                                  \
    { VEILIG_SHEET_OPTIONS_VERSION, 0, NULL, 0 }

/**
 * Fills opts with the defaults (VEILIG_SHEET_OPTIONS_INIT); version must be
 * VEILIG_SHEET_OPTIONS_VERSION. Returns VEILIG_OK, VEILIG_EINVAL when opts is
 * NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_sheet_options_init(veilig_sheet_options *opts, unsigned version);

/**
 * Writes one sheet of reg as CSV (RFC 4180, a header row, "\r\n" line ends
 * as spreadsheets write them) into a new string *out (veilig_free); *len
 * (may be NULL) gets its length. A cell whose text begins with = + - @ TAB,
 * CR or ' gets one ' in front, so that no spreadsheet reads it as a formula
 * (the import takes it off again). Personal contacts are left out unless
 * VEILIG_SHEET_INCLUDE_PERSONAL. Returns VEILIG_OK, VEILIG_EINVAL (NULL
 * arguments, an unknown sheet, language or separator), VEILIG_EVERSION
 * (options version) or VEILIG_ENOMEM; on failure *out is NULL.
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
 */
VEILIG_API int veilig_sheet_save_xlsx(const veilig_registry *reg, const char *path,
                                      const veilig_sheet_options *opts, veilig_error *err);

/* ---- import ---- */

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

#define VEILIG_IMPORT_OPTIONS_INIT                                                                 \
    { VEILIG_IMPORT_OPTIONS_VERSION, 0, NULL, 0 }

/**
 * Fills opts with the defaults (VEILIG_IMPORT_OPTIONS_INIT); version must be
 * VEILIG_IMPORT_OPTIONS_VERSION. Returns VEILIG_OK, VEILIG_EINVAL when opts
 * is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_import_options_init(veilig_import_options *opts, unsigned version);

/** An import in progress: the rows read so far and the errors found. */
typedef struct veilig_import veilig_import;

/**
 * Starts an import into a copy of base (NULL: a new, empty document). base
 * is borrowed: it must stay unchanged until veilig_import_finish. *out is new
 * (veilig_import_free). Returns VEILIG_OK, VEILIG_EINVAL (NULL out),
 * VEILIG_EVERSION (options version) or VEILIG_ENOMEM.
 */
VEILIG_API int veilig_import_new(veilig_import **out, const veilig_registry *base,
                                 const veilig_import_options *opts);

/** Frees an import. NULL is a no-op. */
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
 */
VEILIG_API int veilig_import_finish(veilig_registry **out, veilig_import *imp);

/** The number of errors found so far. */
VEILIG_API size_t veilig_import_error_count(const veilig_import *imp);
/**
 * An error, borrowed from the import; NULL when out of range. source is the
 * file, line its line (1-based; 0 for errors of the whole import), column
 * the column's number (1 is A), message says what (with the column's header)
 * and pointer is "".
 */
VEILIG_API const veilig_error *veilig_import_error(const veilig_import *imp, size_t index);

/**
 * One CSV table, all at once: veilig_import_new, _add_csv and _finish. On
 * failure *out is NULL and err holds the first error.
 */
VEILIG_API int veilig_import_csv(veilig_registry **out, const veilig_registry *base,
                                 const char *name, const char *data, size_t len,
                                 const veilig_import_options *opts, veilig_error *err);

#ifdef __cplusplus
}
#endif

#endif
