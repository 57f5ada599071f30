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

typedef enum veilig_format {
    VEILIG_FORMAT_TEXT = 1,
    VEILIG_FORMAT_JSON,
    VEILIG_FORMAT_CSV,
    VEILIG_FORMAT_MARKDOWN,
    VEILIG_FORMAT_HTML
} veilig_format;

/** "text", "json", "csv", "markdown", "html"; NULL for others. Static. */
VEILIG_API const char *veilig_format_name(veilig_format format);
/** The format of a name; 0 when unknown. */
VEILIG_API veilig_format veilig_format_from_name(const char *name);

/** Flags of veilig_report_options. */
enum {
    VEILIG_REPORT_INCLUDE_PERSONAL = 1u << 0, /**< show contacts marked personal: true */
    /** CSV: write every cell as it is, without the leading ' that keeps a
        spreadsheet from reading a cell that begins with = + - @ TAB CR or '
        as a formula (docs/security.md). Other formats ignore it. */
    VEILIG_REPORT_RAW = 1u << 1
};

#define VEILIG_REPORT_OPTIONS_VERSION 1

typedef struct veilig_report_options {
    unsigned version;     /**< VEILIG_REPORT_OPTIONS_VERSION */
    veilig_format format; /**< 0: text */
    const char *lang;     /**< "nl" (NULL) or "en" */
    unsigned flags;       /**< VEILIG_REPORT_* */
    size_t peers;         /**< peers shown in an HTML report; 0: 5 */
} veilig_report_options;

#define VEILIG_REPORT_OPTIONS_INIT                                                                 \
    { VEILIG_REPORT_OPTIONS_VERSION, (veilig_format)0, NULL, 0, 0 }

/**
 * Fills opts with the defaults (VEILIG_REPORT_OPTIONS_INIT); version must be
 * VEILIG_REPORT_OPTIONS_VERSION, the one this header was written for. Returns
 * VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_report_options_init(veilig_report_options *opts, unsigned version);

/**
 * The standalone HTML report of the whole programme (m == NULL: coverage
 * heat map, measures per approach and category, every municipality in
 * short, sources) or of one municipality of reg (its approach, measures per
 * approach and category as bar charts, the weekly schedule as a 7x24 grid,
 * indicator progress, peers and suggestions, stakeholders, contacts,
 * sources). opts->format is ignored (always HTML).
 */
VEILIG_API int veilig_report_html(char **out, size_t *len, const veilig_registry *reg,
                                  const veilig_municipality *m, const veilig_report_options *opts);

/** The municipalities of a registry, one row each: code, name, province, measures, summary. */
VEILIG_API int veilig_render_list(char **out, size_t *len, const veilig_registry *reg,
                                  const veilig_report_options *opts);

/** One municipality's whole approach, readable (text, Markdown) or as JSON (its document object).
 */
VEILIG_API int veilig_render_municipality(char **out, size_t *len, const veilig_municipality *m,
                                          const veilig_report_options *opts);

/** Tables of the analyses and of validation, in any format but HTML. */
VEILIG_API int veilig_render_query(char **out, size_t *len, const veilig_query_result *r,
                                   const veilig_report_options *opts);
VEILIG_API int veilig_render_coverage(char **out, size_t *len, const veilig_coverage_result *c,
                                      const veilig_report_options *opts);
VEILIG_API int veilig_render_profile(char **out, size_t *len, const veilig_profile_result *p,
                                     const veilig_report_options *opts);
VEILIG_API int veilig_render_comparison(char **out, size_t *len, const veilig_comparison *c,
                                        const veilig_report_options *opts);
VEILIG_API int veilig_render_peers(char **out, size_t *len, const veilig_peers_result *p,
                                   const veilig_report_options *opts);
VEILIG_API int veilig_render_diff(char **out, size_t *len, const veilig_diff_result *d,
                                  const veilig_report_options *opts);
VEILIG_API int veilig_render_schedule(char **out, size_t *len, const veilig_schedule_result *s,
                                      const veilig_report_options *opts);
VEILIG_API int veilig_render_progress(char **out, size_t *len, const veilig_progress_result *p,
                                      const veilig_report_options *opts);
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

/** "measures", "stakeholders", "indicators"; NULL for others. */
VEILIG_API const char *veilig_table_name(veilig_table table);
VEILIG_API veilig_table veilig_table_from_name(const char *name);

/**
 * A flat table of a registry in CSV, JSON (an array of flat objects),
 * Markdown or text. Columns are fixed and documented in docs/reports.md;
 * list values are joined with ";". Rows in document order.
 */
VEILIG_API int veilig_export(char **out, size_t *len, const veilig_registry *reg,
                             veilig_table table, const veilig_report_options *opts);

#ifdef __cplusplus
}
#endif

#endif
