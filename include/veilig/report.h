/**
 * @file
 * libveilig: reports and renderings.
 *
 * Renders registries, analyses and diagnostics as text (aligned tables for a
 * terminal), Markdown, CSV (RFC 4180, one header row) and JSON (the
 * analyses' own JSON renderings), and writes standalone HTML reports: one
 * file, no network, no script, charts as inline SVG drawn by the library.
 * Labels are Dutch ("nl", the default) or English ("en").
 *
 * Personal contact data (contacts marked personal: true) is left out of
 * every rendering unless VEILIG_REPORT_INCLUDE_PERSONAL is set.
 *
 * A document is untrusted: every string from it is written so that it can
 * only be read as text in the format (docs/security.md). Text escapes
 * control characters and bidirectional controls visibly (a backslash and x1b, u202e);
 * Markdown escapes HTML and Markdown syntax; a CSV cell that begins with
 * = + - @ TAB CR or ' gets one leading ' (unless VEILIG_REPORT_RAW); JSON
 * and HTML are escaped as their syntax requires.
 *
 * Every function here writes a new NUL-terminated string into *out (free it
 * with veilig_free) and its length into *len (may be NULL); on failure *out
 * is NULL. They return VEILIG_OK, VEILIG_EINVAL (NULL arguments, a format
 * the rendering does not offer, a language other than "nl" or "en"),
 * VEILIG_EVERSION (options version) or VEILIG_ENOMEM.
 *
 * Errors: a rendering that fails (an options version or language the library
 * does not know, a format the rendering does not offer) leaves the reason as
 * the thread's last error, veilig_error_last() (common.h).
 */
#ifndef VEILIG_REPORT_H
#define VEILIG_REPORT_H

#include "veilig/analysis.h"
#include "veilig/common.h"
#include "veilig/model.h"
#include "veilig/query.h"
#include "veilig/validate.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The output formats of the renderings. */
typedef enum veilig_format {
    VEILIG_FORMAT_TEXT = 1, /**< "text": aligned tables for a terminal */
    VEILIG_FORMAT_JSON,     /**< "json": the analyses' own JSON renderings */
    VEILIG_FORMAT_CSV,      /**< "csv": RFC 4180, one header row */
    VEILIG_FORMAT_MARKDOWN, /**< "markdown": Markdown tables and text */
    VEILIG_FORMAT_HTML      /**< "html": standalone reports (veilig_report_html() only) */
} veilig_format;

/**
 * "text", "json", "csv", "markdown", "html"; NULL for others. Static.
 *
 * @param format  the format.
 * @return the name (static); NULL for a value that is no format.
 */
VEILIG_API const char *veilig_format_name(veilig_format format);
/**
 * The format of a name; 0 when unknown.
 *
 * @param name  the name, as veilig_format_name() gives it (borrowed), or NULL.
 * @return the format; 0 when name is NULL or no format's name.
 */
VEILIG_API veilig_format veilig_format_from_name(const char *name);

/** Flags of veilig_report_options. */
enum {
    VEILIG_REPORT_INCLUDE_PERSONAL = 1u << 0, /**< show contacts marked personal: true */
    /** CSV: write every cell as it is, without the leading ' that keeps a
        spreadsheet from reading a cell that begins with = + - @ TAB CR or '
        as a formula (docs/security.md). Other formats ignore it. */
    VEILIG_REPORT_RAW = 1u << 1
};

/** Version of veilig_report_options this header knows. */
#define VEILIG_REPORT_OPTIONS_VERSION 1

/** Options of the renderings and reports. */
typedef struct veilig_report_options {
    unsigned version;     /**< VEILIG_REPORT_OPTIONS_VERSION */
    veilig_format format; /**< 0: text */
    const char *lang;     /**< "nl" (NULL) or "en" */
    unsigned flags;       /**< VEILIG_REPORT_* */
    size_t peers;         /**< peers shown in an HTML report; 0: 5 */
} veilig_report_options;

/** The defaults of veilig_report_options (text, "nl", no flags), as an initialiser. */
#define VEILIG_REPORT_OPTIONS_INIT                                                                 \
    { VEILIG_REPORT_OPTIONS_VERSION, (veilig_format)0, NULL, 0, 0 }

/**
 * Fills opts with the defaults (VEILIG_REPORT_OPTIONS_INIT); version must be
 * VEILIG_REPORT_OPTIONS_VERSION, the one this header was written for.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  VEILIG_REPORT_OPTIONS_VERSION.
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_report_options_init(veilig_report_options *opts, unsigned version);

/**
 * The standalone HTML report of the whole programme (m == NULL: coverage
 * heat map, measures per approach and category, every municipality in
 * short, sources) or of one municipality of reg (its approach, measures per
 * approach and category as bar charts, the weekly schedule as a 7x24 grid,
 * indicator progress, peers and suggestions, stakeholders, contacts,
 * sources). opts->format is ignored (always HTML).
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param reg   the registry (borrowed).
 * @param m     a municipality of reg (borrowed), or NULL for the programme report.
 * @param opts  the language, flags and number of peers; NULL for the defaults.
 * @return VEILIG_OK; VEILIG_EINVAL when out or reg is NULL, m is not of reg,
 *         or the language is not "nl" or "en"; VEILIG_EVERSION for an unknown
 *         options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_report_html(char **out, size_t *len, const veilig_registry *reg,
                                  const veilig_municipality *m, const veilig_report_options *opts);

/**
 * The municipalities of a registry, one row each: code, name, province, measures, summary.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param reg   the registry (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or reg is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_list(char **out, size_t *len, const veilig_registry *reg,
                                  const veilig_report_options *opts);

/**
 * One municipality's whole approach, readable (text, Markdown) or as JSON (its document object).
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param m     the municipality (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or m is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_municipality(char **out, size_t *len, const veilig_municipality *m,
                                          const veilig_report_options *opts);

/**
 * Tables of the analyses and of validation, in any format but HTML; this
 * one of the rows of a query.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param r     the query result (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or r is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_query(char **out, size_t *len, const veilig_query_result *r,
                                   const veilig_report_options *opts);
/**
 * The coverage table (municipalities by the axis's values), in any format but HTML.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param c     the coverage (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or c is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_coverage(char **out, size_t *len, const veilig_coverage_result *c,
                                      const veilig_report_options *opts);
/**
 * A municipality's profile: counts, target groups, stakeholders and gaps, in any format but HTML.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param p     the profile (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or p is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_profile(char **out, size_t *len, const veilig_profile_result *p,
                                     const veilig_report_options *opts);
/**
 * Two municipalities side by side, in any format but HTML.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param c     the comparison (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or c is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_comparison(char **out, size_t *len, const veilig_comparison *c,
                                        const veilig_report_options *opts);
/**
 * Each subject's peers and their suggestions, in any format but HTML.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param p     the peers result (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or p is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_peers(char **out, size_t *len, const veilig_peers_result *p,
                                   const veilig_report_options *opts);
/**
 * The changes between two versions, in any format but HTML.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param d     the diff result (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or d is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_diff(char **out, size_t *len, const veilig_diff_result *d,
                                  const veilig_report_options *opts);
/**
 * The weekly schedule (7x24 slots) and the window's share, in any format but HTML.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param s     the schedule (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or s is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_schedule(char **out, size_t *len, const veilig_schedule_result *s,
                                      const veilig_report_options *opts);
/**
 * The indicators' progress towards their targets, in any format but HTML.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param p     the progress result (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or p is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_progress(char **out, size_t *len, const veilig_progress_result *p,
                                      const veilig_report_options *opts);
/**
 * Validation's diagnostics, in any format but HTML.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param d     the diagnostics (borrowed).
 * @param opts  the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or d is NULL, for
 *         VEILIG_FORMAT_HTML or a format that does not exist, or a language other
 *         than "nl" or "en"; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_render_diagnostics(char **out, size_t *len, const veilig_diagnostics *d,
                                         const veilig_report_options *opts);

/**
 * Writes text (a string from a document, say) as one field of format, so
 * that it can only be read as text there, the way the renderings write
 * every string (docs/security.md):
 * - VEILIG_FORMAT_TEXT: for a terminal, on one line: control characters
 *   (C0, DEL, C1; line feed, carriage return and tab as a backslash and n,
 *   r or t), the bidirectional controls U+202A..U+202E and U+2066..U+2069 and
 *   bytes that are not UTF-8 written as visible escapes (a backslash and
 *   x1b, u202e, xff);
 * - VEILIG_FORMAT_MARKDOWN: inline Markdown text, safe in a table cell:
 *   & < > | as entities, Markdown punctuation backslash-escaped, line
 *   breaks as spaces, control characters as for TEXT;
 * - VEILIG_FORMAT_CSV: one CSV field (RFC 4180), with one leading ' when
 *   text begins with = + - @ TAB CR or ' unless flags has VEILIG_REPORT_RAW;
 * - VEILIG_FORMAT_JSON: a JSON string, with its quotes;
 * - VEILIG_FORMAT_HTML: HTML text and attribute value (& < > " ' as
 *   entities, characters XML does not allow left out).
 *
 * @param out     receives a new string (veilig_free); NULL on failure.
 * @param len     NULL or receives its length in bytes.
 * @param text    the text, UTF-8 (borrowed).
 * @param format  the output format it goes into.
 * @param flags   VEILIG_REPORT_RAW (CSV without the formula guard) or 0.
 * @return VEILIG_OK, VEILIG_EINVAL (out or text NULL, a format that does not
 *         exist) or VEILIG_ENOMEM.
 */
VEILIG_API int veilig_escape(char **out, size_t *len, const char *text, veilig_format format,
                             unsigned flags);

/** Flat tables for spreadsheets and pandas. */
typedef enum veilig_table {
    VEILIG_TABLE_MEASURES = 1, /**< one row per measure */
    VEILIG_TABLE_STAKEHOLDERS, /**< one row per stakeholder */
    VEILIG_TABLE_INDICATORS    /**< one row per indicator observation (or indicator without) */
} veilig_table;

/**
 * "measures", "stakeholders", "indicators"; NULL for others.
 *
 * @param table  the table.
 * @return the name (static); NULL for a value that is no table.
 */
VEILIG_API const char *veilig_table_name(veilig_table table);
/**
 * The table of a name.
 *
 * @param name  the name, as veilig_table_name() gives it (borrowed), or NULL.
 * @return the table; 0 when name is NULL or no table's name.
 */
VEILIG_API veilig_table veilig_table_from_name(const char *name);

/**
 * A flat table of a registry in CSV, JSON (an array of flat objects),
 * Markdown or text. Columns are fixed and documented in docs/reports.md;
 * list values are joined with ";". Rows in document order.
 *
 * @param out   receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len   receives the text's length in bytes, or NULL.
 * @param reg    the registry (borrowed).
 * @param table  which table.
 * @param opts   the format (not HTML), language and flags; NULL for the defaults (text, "nl").
 * @return VEILIG_OK; VEILIG_EINVAL when out or reg is NULL, table is no
 *         table, for VEILIG_FORMAT_HTML or a format that does not exist, or a
 *         language other than "nl" or "en"; VEILIG_EVERSION for an unknown
 *         options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_export(char **out, size_t *len, const veilig_registry *reg,
                             veilig_table table, const veilig_report_options *opts);

#ifdef __cplusplus
}
#endif

#endif
