/**
 * @file
 * libveilig: analyses of a registry: coverage, profile, comparison, peers,
 * differences between versions, schedule coverage and indicator progress.
 *
 * Each analysis returns an opaque result (*out is new: free it with its
 * _free function; NULL is a no-op) with typed accessors, and renders as JSON
 * (the `veilig_..._to_json` functions: *out is new, free it with veilig_free), which is
 * what the bindings and the tool use. Results borrow from the registry they
 * were computed from: it must outlive them and not change meanwhile. Every
 * result has a defined order, the same on every run.
 *
 * docs/analysis.md explains every measure (activity, similarity, progress)
 * in plain words.
 *
 * "Active" is as veilig_measure_is_active (query.h) says.
 *
 * Errors: an analysis that fails for a reason beyond a NULL argument (an
 * options version this library does not know, an axis or a window that is
 * not one, a code in neither registry) leaves the reason as the thread's
 * last error: veilig_error_last() (common.h).
 */
#ifndef VEILIG_ANALYSIS_H
#define VEILIG_ANALYSIS_H

#include "veilig/common.h"
#include "veilig/model.h"
#include "veilig/query.h"
#include "veilig/vocab.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- coverage: municipalities x a vocabulary ---- */

/** Version of veilig_coverage_options this header knows. */
#define VEILIG_COVERAGE_OPTIONS_VERSION 1

/** Options of veilig_coverage(). */
typedef struct veilig_coverage_options {
    unsigned version;      /**< VEILIG_COVERAGE_OPTIONS_VERSION */
    veilig_vocab axis;     /**< VEILIG_VOCAB_CATEGORY (default, 0), _APPROACH or _TARGET_GROUP */
    veilig_date active_on; /**< reference date; year 0: none */
    int all_measures;      /**< 1: count every measure, active or not */
} veilig_coverage_options;

/** The defaults of veilig_coverage_options (categories, no reference date), as an initialiser. */
#define VEILIG_COVERAGE_OPTIONS_INIT                                                               \
    { VEILIG_COVERAGE_OPTIONS_VERSION, (veilig_vocab)0, {0, 0, 0}, 0 }

/**
 * Fills opts with the defaults (VEILIG_COVERAGE_OPTIONS_INIT); version must be
 * VEILIG_COVERAGE_OPTIONS_VERSION, the one this header was written for.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  VEILIG_COVERAGE_OPTIONS_VERSION.
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_coverage_options_init(veilig_coverage_options *opts, unsigned version);

/** The result of veilig_coverage() (opaque): a table of municipalities by vocabulary values. */
typedef struct veilig_coverage_result veilig_coverage_result;

/**
 * Counts, for every municipality (rows, document order) and every value of
 * the axis vocabulary (columns, in enum order), the active measures that
 * have that value; a last column "other" counts unknown codes when there
 * are any. opts may be NULL. VEILIG_EINVAL for another axis.
 *
 * @param out   receives the new result (veilig_coverage_free); NULL on failure.
 * @param reg   the registry (borrowed: it must outlive the result).
 * @param opts  the axis, the reference date and which measures count; NULL for the defaults.
 * @return VEILIG_OK; VEILIG_EINVAL when out or reg is NULL or the axis is not
 *         category, approach or target group; VEILIG_EVERSION for an unknown
 *         options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_coverage(veilig_coverage_result **out, const veilig_registry *reg,
                               const veilig_coverage_options *opts);
/**
 * Frees a coverage result.
 *
 * @param c  the result (from veilig_coverage()), or NULL (a no-op).
 */
VEILIG_API void veilig_coverage_free(veilig_coverage_result *c);
/**
 * The vocabulary of the columns.
 *
 * @param c  the result (borrowed), or NULL.
 * @return VEILIG_VOCAB_CATEGORY, _APPROACH or _TARGET_GROUP; 0 when c is NULL.
 */
VEILIG_API veilig_vocab veilig_coverage_axis(const veilig_coverage_result *c);
/**
 * The number of rows: the registry's municipalities.
 *
 * @param c  the result (borrowed), or NULL.
 * @return the number of rows; 0 when c is NULL.
 */
VEILIG_API size_t veilig_coverage_rows(const veilig_coverage_result *c);
/**
 * The number of columns: the axis's values, and "other" when there are unknown codes.
 *
 * @param c  the result (borrowed), or NULL.
 * @return the number of columns; 0 when c is NULL.
 */
VEILIG_API size_t veilig_coverage_columns(const veilig_coverage_result *c);
/**
 * The municipality of a row; borrowed.
 *
 * @param c    the result (borrowed), or NULL.
 * @param row  the row, from 0.
 * @return the municipality (borrowed from the registry); NULL when c is NULL
 *         or row is out of range.
 */
VEILIG_API const veilig_municipality *veilig_coverage_row(const veilig_coverage_result *c,
                                                          size_t row);
/**
 * The vocabulary value of a column (0 for the "other" column).
 *
 * @param c       the result (borrowed), or NULL.
 * @param column  the column, from 0.
 * @return the enum value of the axis's vocabulary; 0 for the "other" column,
 *         when c is NULL or column is out of range.
 */
VEILIG_API int veilig_coverage_column(const veilig_coverage_result *c, size_t column);
/**
 * The code of a column ("other" for the other column); static.
 *
 * @param c       the result (borrowed), or NULL.
 * @param column  the column, from 0.
 * @return the code (static); NULL when c is NULL or column is out of range.
 */
VEILIG_API const char *veilig_coverage_column_code(const veilig_coverage_result *c, size_t column);
/**
 * The number of measures of a row's municipality with a column's value.
 *
 * @param c       the result (borrowed), or NULL.
 * @param row     the row, from 0.
 * @param column  the column, from 0.
 * @return the count; 0 when c is NULL or row or column is out of range.
 */
VEILIG_API unsigned veilig_coverage_count(const veilig_coverage_result *c, size_t row,
                                          size_t column);
/**
 * The sum of a row's counts (a measure with two values counts twice).
 *
 * @param c    the result (borrowed), or NULL.
 * @param row  the row, from 0.
 * @return the total; 0 when c is NULL or row is out of range.
 */
VEILIG_API unsigned veilig_coverage_row_total(const veilig_coverage_result *c, size_t row);
/**
 * The sum of a column's counts over all municipalities.
 *
 * @param c       the result (borrowed), or NULL.
 * @param column  the column, from 0.
 * @return the total; 0 when c is NULL or column is out of range.
 */
VEILIG_API unsigned veilig_coverage_column_total(const veilig_coverage_result *c, size_t column);
/**
 * The sum of all counts.
 *
 * @param c  the result (borrowed), or NULL.
 * @return the total; 0 when c is NULL.
 */
VEILIG_API unsigned veilig_coverage_total(const veilig_coverage_result *c);
/**
 * Renders the table as JSON: {"axis", "columns": [codes], "rows":
 * [{"code","name","counts":[...],"total"}], "column_totals", "total"}.
 *
 * @param out  receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len  receives the text's length in bytes, or NULL.
 * @param c    the result (borrowed).
 * @return VEILIG_OK, VEILIG_EINVAL when out or c is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_coverage_to_json(char **out, size_t *len, const veilig_coverage_result *c);

/* ---- profile of one municipality ---- */

/** The result of veilig_profile() (opaque): counts, target groups, stakeholders and gaps. */
typedef struct veilig_profile_result veilig_profile_result;

/** Kinds of gaps a profile reports. */
typedef enum veilig_gap_kind {
    VEILIG_GAP_CATEGORY = 1,      /**< a category the municipality has no measure of */
    VEILIG_GAP_TARGET_GROUP,      /**< a scope target group no measure serves */
    VEILIG_GAP_NO_INDICATOR,      /**< a measure without indicators */
    VEILIG_GAP_NO_EXECUTING_PARTY /**< a measure without an executing party */
} veilig_gap_kind;

/**
 * "category", "target_group", "no_indicator" or "no_executing_party"; NULL for others. Static.
 *
 * @param kind  the kind of gap.
 * @return the name (static); NULL for a value that is no veilig_gap_kind.
 */
VEILIG_API const char *veilig_gap_kind_name(veilig_gap_kind kind);

/**
 * Profiles municipality m (of any registry). Counts every measure, active or not.
 *
 * @param out  receives the new result (veilig_profile_free); NULL on failure.
 * @param m    the municipality (borrowed: its registry must outlive the result).
 * @return VEILIG_OK, VEILIG_EINVAL when out or m is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_profile(veilig_profile_result **out, const veilig_municipality *m);
/**
 * Frees a profile.
 *
 * @param p  the result (from veilig_profile()), or NULL (a no-op).
 */
VEILIG_API void veilig_profile_free(veilig_profile_result *p);
/**
 * The municipality profiled.
 *
 * @param p  the result (borrowed), or NULL.
 * @return the municipality (borrowed from its registry); NULL when p is NULL.
 */
VEILIG_API const veilig_municipality *veilig_profile_municipality(const veilig_profile_result *p);
/**
 * Measures per approach (by value; 0 counts unknown codes).
 *
 * @param p  the result (borrowed), or NULL.
 * @param a  the approach, or 0 for unknown codes.
 * @return the number of measures; 0 when p is NULL or a is no approach.
 */
VEILIG_API unsigned veilig_profile_approach_count(const veilig_profile_result *p,
                                                  veilig_approach a);
/**
 * Measures per category (by value; 0 counts unknown codes).
 *
 * @param p  the result (borrowed), or NULL.
 * @param c  the category, or 0 for unknown codes.
 * @return the number of measures; 0 when p is NULL or c is no category.
 */
VEILIG_API unsigned veilig_profile_category_count(const veilig_profile_result *p,
                                                  veilig_category c);
/**
 * Budget total of a category's measures, in cents (measures in EUR or without currency).
 *
 * @param p  the result (borrowed), or NULL.
 * @param c  the category, or 0 for unknown codes.
 * @return the total in cents; 0 when p is NULL or c is no category.
 */
VEILIG_API int64_t veilig_profile_category_budget(const veilig_profile_result *p,
                                                  veilig_category c);
/**
 * Target groups: those of the scope first (scope order), then others measures name.
 *
 * @param p  the result (borrowed), or NULL.
 * @return the number of target groups; 0 when p is NULL.
 */
VEILIG_API size_t veilig_profile_target_group_count(const veilig_profile_result *p);
/**
 * The code of target group i.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the target group, from 0.
 * @return the code (borrowed from the registry); NULL when p is NULL or i is out of range.
 */
VEILIG_API const char *veilig_profile_target_group_code(const veilig_profile_result *p, size_t i);
/**
 * Whether target group i is one of the municipality's scope.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the target group, from 0.
 * @return 1 when it is in the scope; 0 when not, when p is NULL or i is out of range.
 */
VEILIG_API int veilig_profile_target_group_in_scope(const veilig_profile_result *p, size_t i);
/**
 * Number of measures that name target group i.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the target group, from 0.
 * @return the number of measures; 0 when p is NULL or i is out of range.
 */
VEILIG_API unsigned veilig_profile_target_group_measures(const veilig_profile_result *p, size_t i);
/**
 * Stakeholders in document order, with the number of measures each carries as a partner.
 *
 * @param p  the result (borrowed), or NULL.
 * @return the number of stakeholders of the municipality; 0 when p is NULL.
 */
VEILIG_API size_t veilig_profile_stakeholder_count(const veilig_profile_result *p);
/**
 * Stakeholder i of the municipality.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the stakeholder, from 0.
 * @return the stakeholder (borrowed from the registry); NULL when p is NULL or
 *         i is out of range.
 */
VEILIG_API const veilig_stakeholder *veilig_profile_stakeholder(const veilig_profile_result *p,
                                                                size_t i);
/**
 * The number of measures stakeholder i is a partner of.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the stakeholder, from 0.
 * @return the number of measures; 0 when p is NULL or i is out of range.
 */
VEILIG_API unsigned veilig_profile_stakeholder_measures(const veilig_profile_result *p, size_t i);
/**
 * Stakeholders per kind (0 counts unknown kinds).
 *
 * @param p  the result (borrowed), or NULL.
 * @param k  the kind, or 0 for unknown kinds.
 * @return the number of stakeholders; 0 when p is NULL or k is no kind.
 */
VEILIG_API unsigned veilig_profile_kind_count(const veilig_profile_result *p,
                                              veilig_stakeholder_type k);
/**
 * Gaps, in the order of veilig_gap_kind, then document order.
 *
 * @param p  the result (borrowed), or NULL.
 * @return the number of gaps; 0 when p is NULL.
 */
VEILIG_API size_t veilig_profile_gap_count(const veilig_profile_result *p);
/**
 * The kind of gap i.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the gap, from 0.
 * @return the kind; 0 when p is NULL or i is out of range.
 */
VEILIG_API veilig_gap_kind veilig_profile_gap_kind(const veilig_profile_result *p, size_t i);
/**
 * The category or target group code of a gap; NULL for measure gaps.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the gap, from 0.
 * @return the code (borrowed from the result or the registry); NULL for a
 *         measure gap, when p is NULL or i is out of range.
 */
VEILIG_API const char *veilig_profile_gap_code(const veilig_profile_result *p, size_t i);
/**
 * The measure of a measure gap; NULL for the others.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the gap, from 0.
 * @return the measure (borrowed from the registry); NULL for a category or
 *         target group gap, when p is NULL or i is out of range.
 */
VEILIG_API const veilig_measure *veilig_profile_gap_measure(const veilig_profile_result *p,
                                                            size_t i);
/**
 * Renders the profile as JSON.
 *
 * @param out  receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len  receives the text's length in bytes, or NULL.
 * @param p    the result (borrowed).
 * @return VEILIG_OK, VEILIG_EINVAL when out or p is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_profile_to_json(char **out, size_t *len, const veilig_profile_result *p);

/* ---- comparison of two municipalities ---- */

/** The result of veilig_compare() (opaque): rows of two counts side by side. */
typedef struct veilig_comparison veilig_comparison;

/**
 * Compares a and b (of any registries) side by side: for each category,
 * approach, target group, setting and stakeholder kind that either has, the
 * number of measures (stakeholders for kinds) of each; a measure counts once
 * for a code however often its list names it. Rows are ordered by dimension
 * (that order), then by enum value, then unknown codes by code.
 *
 * @param out  receives the new result (veilig_comparison_free); NULL on failure.
 * @param a    the first municipality (borrowed: its registry must outlive the result).
 * @param b    the second municipality (borrowed: its registry must outlive the result).
 * @return VEILIG_OK, VEILIG_EINVAL when out, a or b is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_compare(veilig_comparison **out, const veilig_municipality *a,
                              const veilig_municipality *b);
/**
 * Frees a comparison.
 *
 * @param c  the result (from veilig_compare()), or NULL (a no-op).
 */
VEILIG_API void veilig_comparison_free(veilig_comparison *c);
/**
 * The municipalities compared: which 0 gives a, 1 gives b; borrowed, NULL for other values.
 *
 * @param c      the result (borrowed), or NULL.
 * @param which  0 for a, 1 for b.
 * @return the municipality (borrowed from its registry); NULL when c is NULL
 *         or which is neither 0 nor 1.
 */
VEILIG_API const veilig_municipality *veilig_comparison_municipality(const veilig_comparison *c,
                                                                     int which);
/**
 * The number of rows.
 *
 * @param c  the result (borrowed), or NULL.
 * @return the number of rows; 0 when c is NULL.
 */
VEILIG_API size_t veilig_comparison_count(const veilig_comparison *c);
/**
 * The vocabulary of row i (VEILIG_VOCAB_CATEGORY, ...).
 *
 * @param c  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the vocabulary; 0 when c is NULL or i is out of range.
 */
VEILIG_API veilig_vocab veilig_comparison_vocab(const veilig_comparison *c, size_t i);
/**
 * The code of row i.
 *
 * @param c  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the code (borrowed from the result or a registry); NULL when c is
 *         NULL or i is out of range.
 */
VEILIG_API const char *veilig_comparison_code(const veilig_comparison *c, size_t i);
/**
 * The count of row i for a.
 *
 * @param c  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the number of measures (stakeholders for kinds) of a; 0 when c is
 *         NULL or i is out of range.
 */
VEILIG_API unsigned veilig_comparison_a(const veilig_comparison *c, size_t i);
/**
 * The count of row i for b.
 *
 * @param c  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the number of measures (stakeholders for kinds) of b; 0 when c is
 *         NULL or i is out of range.
 */
VEILIG_API unsigned veilig_comparison_b(const veilig_comparison *c, size_t i);
/**
 * Renders the comparison as JSON.
 *
 * @param out  receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len  receives the text's length in bytes, or NULL.
 * @param c    the result (borrowed).
 * @return VEILIG_OK, VEILIG_EINVAL when out or c is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_comparison_to_json(char **out, size_t *len, const veilig_comparison *c);

/* ---- peers: the most similar municipalities ---- */

/** Version of veilig_peers_options this header knows. */
#define VEILIG_PEERS_OPTIONS_VERSION 1

/** Options of veilig_peers(). */
typedef struct veilig_peers_options {
    unsigned version; /**< VEILIG_PEERS_OPTIONS_VERSION */
    size_t k;         /**< peers per municipality; 0: 5 */
} veilig_peers_options;

/** The defaults of veilig_peers_options (5 peers), as an initialiser. */
#define VEILIG_PEERS_OPTIONS_INIT                                                                  \
    { VEILIG_PEERS_OPTIONS_VERSION, 0 }

/**
 * Fills opts with the defaults (VEILIG_PEERS_OPTIONS_INIT); version must be
 * VEILIG_PEERS_OPTIONS_VERSION, the one this header was written for.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  VEILIG_PEERS_OPTIONS_VERSION.
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_peers_options_init(veilig_peers_options *opts, unsigned version);

/** The result of veilig_peers() (opaque): rows of subject, rank and peer. */
typedef struct veilig_peers_result veilig_peers_result;

/**
 * Finds, for m (or for every municipality of reg when m is NULL), the k most
 * similar other municipalities of reg, by the weighted Jaccard similarity of
 * docs/analysis.md over categories, target groups, settings and stakeholder
 * kinds; ties go to the lower CBS code. m may belong to another registry
 * (your own plan against the programme's dataset); then the municipality of
 * reg with m's code, another version of m, is no peer either. Municipalities
 * without measures give no basis for a comparison: they are no peers, and a
 * subject without measures has none (no rows, VEILIG_OK). For each peer, the
 * suggestions are its measures in categories the subject has none of. The
 * result is a flat list of rows (subject, rank, peer), subjects in document
 * order, ranks from 1; subjects and suggestions borrow from their own
 * registries. Quadratic in the number of municipalities when m is NULL.
 *
 * @param out   receives the new result (veilig_peers_free); NULL on failure.
 * @param reg   the registry the peers come from (borrowed: it must outlive the result).
 * @param m     the subject (borrowed, of any registry, which must outlive the
 *              result), or NULL for every municipality of reg.
 * @param opts  the number of peers; NULL for the defaults.
 * @return VEILIG_OK; VEILIG_EINVAL when out or reg is NULL; VEILIG_EVERSION
 *         for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_peers(veilig_peers_result **out, const veilig_registry *reg,
                            const veilig_municipality *m, const veilig_peers_options *opts);
/**
 * Frees a peers result.
 *
 * @param p  the result (from veilig_peers()), or NULL (a no-op).
 */
VEILIG_API void veilig_peers_free(veilig_peers_result *p);
/**
 * The number of rows (subject, rank, peer).
 *
 * @param p  the result (borrowed), or NULL.
 * @return the number of rows; 0 when p is NULL.
 */
VEILIG_API size_t veilig_peers_count(const veilig_peers_result *p);
/**
 * The subject of row i.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the municipality (borrowed from its registry); NULL when p is NULL
 *         or i is out of range.
 */
VEILIG_API const veilig_municipality *veilig_peers_subject(const veilig_peers_result *p, size_t i);
/**
 * The rank of row i's peer among its subject's peers.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the rank, from 1 (the most similar); 0 when p is NULL or i is out of range.
 */
VEILIG_API size_t veilig_peers_rank(const veilig_peers_result *p, size_t i);
/**
 * The peer of row i.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the municipality (borrowed from reg); NULL when p is NULL or i is out of range.
 */
VEILIG_API const veilig_municipality *veilig_peers_peer(const veilig_peers_result *p, size_t i);
/**
 * Similarity in [0, 1].
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the similarity of row i's subject and peer; 0 when p is NULL or i
 *         is out of range.
 */
VEILIG_API double veilig_peers_similarity(const veilig_peers_result *p, size_t i);
/**
 * The number of suggestions of row i: the peer's measures in categories the subject has none of.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the number of suggestions; 0 when p is NULL or i is out of range.
 */
VEILIG_API size_t veilig_peers_suggestion_count(const veilig_peers_result *p, size_t i);
/**
 * Suggestion s of row i.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @param s  the suggestion, from 0.
 * @return the peer's measure (borrowed from reg); NULL when p is NULL or i or
 *         s is out of range.
 */
VEILIG_API const veilig_measure *veilig_peers_suggestion(const veilig_peers_result *p, size_t i,
                                                         size_t s);
/**
 * Renders the peers as JSON.
 *
 * @param out  receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len  receives the text's length in bytes, or NULL.
 * @param p    the result (borrowed).
 * @return VEILIG_OK, VEILIG_EINVAL when out or p is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_peers_to_json(char **out, size_t *len, const veilig_peers_result *p);

/**
 * The similarity of two municipalities (of any registries), as peers
 * computes it: 1 for identical profiles, 0 for nothing in common.
 *
 * @param a  a municipality (borrowed).
 * @param b  another (borrowed).
 * @return the similarity in [0, 1]; 0 when a or b is NULL.
 */
VEILIG_API double veilig_similarity(const veilig_municipality *a, const veilig_municipality *b);

/* ---- differences between two versions ---- */

/** The result of veilig_diff() (opaque): rows of changes. */
typedef struct veilig_diff_result veilig_diff_result;

/** What happened to a value between two versions. */
typedef enum veilig_change {
    VEILIG_CHANGE_ADDED = 1, /**< in the new version only */
    VEILIG_CHANGE_REMOVED,   /**< in the old version only */
    VEILIG_CHANGE_CHANGED    /**< in both, with another value */
} veilig_change;

/**
 * Differences from old to new (the whole registries: the programme block
 * first, then the municipalities; or only the municipality with code when
 * code is not NULL). Municipalities are matched by code, measures (and
 * stakeholders and indicators) by id; other values by position. Each row is a change at a JSON
 * pointer into the new document (the old one for removals) with the old and the new value as JSON
 * text (NULL where there is none). Rows come in document order of new, removals where the removed
 * thing stood in old.
 *
 * @param out      receives the new result (veilig_diff_free); NULL on failure.
 * @param old_reg  the old version (borrowed: it must outlive the result).
 * @param new_reg  the new version (borrowed: it must outlive the result).
 * @param code     the CBS code of the one municipality to compare (borrowed),
 *                 or NULL for all.
 * @return VEILIG_OK; VEILIG_EINVAL when out, old_reg or new_reg is NULL;
 *         VEILIG_ENOTFOUND when code is in neither registry; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_diff(veilig_diff_result **out, const veilig_registry *old_reg,
                           const veilig_registry *new_reg, const char *code);
/**
 * Frees a diff result.
 *
 * @param d  the result (from veilig_diff()), or NULL (a no-op).
 */
VEILIG_API void veilig_diff_free(veilig_diff_result *d);
/**
 * The number of changes.
 *
 * @param d  the result (borrowed), or NULL.
 * @return the number of rows; 0 when d is NULL (and when the versions are equal).
 */
VEILIG_API size_t veilig_diff_count(const veilig_diff_result *d);
/**
 * What change row i is.
 *
 * @param d  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the change; 0 when d is NULL or i is out of range.
 */
VEILIG_API veilig_change veilig_diff_change(const veilig_diff_result *d, size_t i);
/**
 * The code of the municipality the change is in.
 *
 * @param d  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the code (borrowed from the result or a registry); NULL for a change
 *         in the programme block (its pointer starts with "/programme"), when
 *         d is NULL or i is out of range.
 */
VEILIG_API const char *veilig_diff_municipality(const veilig_diff_result *d, size_t i);
/**
 * The id of the measure the change is in, or NULL.
 *
 * @param d  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the id (borrowed from the result or a registry); NULL for a change
 *         outside measures, when d is NULL or i is out of range.
 */
VEILIG_API const char *veilig_diff_measure(const veilig_diff_result *d, size_t i);
/**
 * The RFC 6901 JSON pointer of change i. Which document it is into follows
 * from veilig_diff_change: the OLD document for VEILIG_CHANGE_REMOVED (the
 * value is gone from the new one), the NEW document for VEILIG_CHANGE_ADDED
 * and VEILIG_CHANGE_CHANGED. Resolve it with veilig_json_locate against that
 * document's text.
 *
 * @param d  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the pointer (borrowed from the result, valid until veilig_diff_free);
 *         NULL when d is NULL or i is out of range.
 */
VEILIG_API const char *veilig_diff_pointer(const veilig_diff_result *d, size_t i);
/**
 * The old value as JSON text.
 *
 * @param d  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the text (borrowed from the result); NULL for an addition, when d
 *         is NULL or i is out of range.
 */
VEILIG_API const char *veilig_diff_old(const veilig_diff_result *d, size_t i);
/**
 * The new value as JSON text.
 *
 * @param d  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the text (borrowed from the result); NULL for a removal, when d is
 *         NULL or i is out of range.
 */
VEILIG_API const char *veilig_diff_new(const veilig_diff_result *d, size_t i);
/**
 * Renders the changes as JSON: a list of objects {"change", "municipality",
 * "measure", "pointer", "old", "new"} (docs/analysis.md).
 *
 * @param out  receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len  receives the text's length in bytes, or NULL.
 * @param d    the result (borrowed).
 * @return VEILIG_OK, VEILIG_EINVAL when out or d is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_diff_to_json(char **out, size_t *len, const veilig_diff_result *d);

/* ---- schedule: the hours of a week ---- */

/** Version of veilig_schedule_options this header knows. */
#define VEILIG_SCHEDULE_OPTIONS_VERSION 1

/** Options of veilig_schedule(): the window whose coverage is measured. */
typedef struct veilig_schedule_options {
    unsigned version;      /**< VEILIG_SCHEDULE_OPTIONS_VERSION */
    unsigned days;         /**< bit d-1 for veilig_day d (Monday bit 0); 0: Friday and Saturday */
    int from, to;          /**< minutes after midnight; from == to == 0: 22:00 to 04:00 */
    veilig_date active_on; /**< reference date; year 0: none */
} veilig_schedule_options;
/**
 * @var veilig_schedule_options::from
 * The start of the window, in minutes after midnight; from == to == 0: 22:00 to 04:00.
 */

/** The defaults of veilig_schedule_options (Friday and Saturday 22:00-04:00), as an initialiser. */
#define VEILIG_SCHEDULE_OPTIONS_INIT                                                               \
    {                                                                                              \
        VEILIG_SCHEDULE_OPTIONS_VERSION, 0, 0, 0, {                                                \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/**
 * Fills opts with the defaults (VEILIG_SCHEDULE_OPTIONS_INIT); version must be
 * VEILIG_SCHEDULE_OPTIONS_VERSION, the one this header was written for.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  VEILIG_SCHEDULE_OPTIONS_VERSION.
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_schedule_options_init(veilig_schedule_options *opts, unsigned version);

/** The result of veilig_schedule() (opaque): the 168 hourly slots of a week and the window's share.
 */
typedef struct veilig_schedule_result veilig_schedule_result;

/**
 * Lays the schedules of m's active measures over the 168 hours of a week:
 * for each slot (day, hour) the number of measures that run at some time in
 * it, by category; a window without days runs every day; a window whose to
 * is before its from runs past midnight into the next day (Sunday into
 * Monday). Also the share of the given window (default Friday and Saturday
 * 22:00-04:00) that at least one measure covers, by the minute.
 *
 * @param out   receives the new result (veilig_schedule_free); NULL on failure.
 * @param m     the municipality (borrowed: its registry must outlive the result).
 * @param opts  the window and the reference date; NULL for the defaults.
 * @return VEILIG_OK; VEILIG_EINVAL when out or m is NULL, the window is not one or
 *         active_on no date; VEILIG_EVERSION for an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_schedule(veilig_schedule_result **out, const veilig_municipality *m,
                               const veilig_schedule_options *opts);
/**
 * Frees a schedule result.
 *
 * @param s  the result (from veilig_schedule()), or NULL (a no-op).
 */
VEILIG_API void veilig_schedule_free(veilig_schedule_result *s);
/**
 * The municipality laid out; borrowed.
 *
 * @param s  the result (borrowed), or NULL.
 * @return the municipality (borrowed from its registry); NULL when s is NULL.
 */
VEILIG_API const veilig_municipality *veilig_schedule_municipality(const veilig_schedule_result *s);
/**
 * The window whose share was measured, defaults applied: days as in the
 * options, from and to in minutes (any out-parameter may be NULL).
 *
 * @param days  receives the days (bit d-1 for veilig_day d), or NULL.
 * @param from  receives the start in minutes after midnight, or NULL.
 * @param to    receives the end in minutes after midnight, or NULL.
 * @param s     the result (borrowed).
 * @return VEILIG_OK, VEILIG_EINVAL when s is NULL (nothing written).
 */
VEILIG_API int veilig_schedule_window(unsigned *days, int *from, int *to,
                                      const veilig_schedule_result *s);
/**
 * Measures running in the slot (day 1..7 as veilig_day, hour 0..23).
 *
 * @param s     the result (borrowed), or NULL.
 * @param day   the day, VEILIG_DAY_MON to VEILIG_DAY_SUN.
 * @param hour  the hour, 0 to 23.
 * @return the number of measures; 0 when s is NULL or day or hour is out of range.
 */
VEILIG_API unsigned veilig_schedule_slot(const veilig_schedule_result *s, veilig_day day, int hour);
/**
 * The same for one category (0: unknown categories).
 *
 * @param s     the result (borrowed), or NULL.
 * @param day   the day, VEILIG_DAY_MON to VEILIG_DAY_SUN.
 * @param hour  the hour, 0 to 23.
 * @param c     the category, or 0 for unknown codes.
 * @return the number of measures of that category; 0 when s is NULL or day,
 *         hour or c is out of range.
 */
VEILIG_API unsigned veilig_schedule_slot_category(const veilig_schedule_result *s, veilig_day day,
                                                  int hour, veilig_category c);
/**
 * Share of the window covered, 0..1.
 *
 * @param s  the result (borrowed), or NULL.
 * @return covered minutes over the window's minutes; 0 when s is NULL or the
 *         window has no minutes.
 */
VEILIG_API double veilig_schedule_window_share(const veilig_schedule_result *s);
/**
 * Minutes of the window in a week.
 *
 * @param s  the result (borrowed), or NULL.
 * @return the minutes; 0 when s is NULL.
 */
VEILIG_API unsigned veilig_schedule_window_minutes(const veilig_schedule_result *s);
/**
 * Minutes of the window that at least one measure covers.
 *
 * @param s  the result (borrowed), or NULL.
 * @return the minutes; 0 when s is NULL.
 */
VEILIG_API unsigned veilig_schedule_covered_minutes(const veilig_schedule_result *s);
/**
 * Measures with a schedule that took part.
 *
 * @param s  the result (borrowed), or NULL.
 * @return the number of measures; 0 when s is NULL.
 */
VEILIG_API size_t veilig_schedule_measure_count(const veilig_schedule_result *s);
/**
 * Renders the schedule as JSON.
 *
 * @param out  receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len  receives the text's length in bytes, or NULL.
 * @param s    the result (borrowed).
 * @return VEILIG_OK, VEILIG_EINVAL when out or s is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_schedule_to_json(char **out, size_t *len, const veilig_schedule_result *s);

/* ---- indicators: progress towards targets ---- */

/** Version of veilig_progress_options this header knows. */
#define VEILIG_PROGRESS_OPTIONS_VERSION 1

/** Options of veilig_progress(). */
typedef struct veilig_progress_options {
    unsigned version;  /**< VEILIG_PROGRESS_OPTIONS_VERSION */
    veilig_date as_of; /**< observations after it are ignored; year 0: all */
} veilig_progress_options;

/** The defaults of veilig_progress_options (every observation), as an initialiser. */
#define VEILIG_PROGRESS_OPTIONS_INIT                                                               \
    {                                                                                              \
        VEILIG_PROGRESS_OPTIONS_VERSION, {                                                         \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/**
 * Fills opts with the defaults (VEILIG_PROGRESS_OPTIONS_INIT); version must be
 * VEILIG_PROGRESS_OPTIONS_VERSION, the one this header was written for.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  VEILIG_PROGRESS_OPTIONS_VERSION.
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_progress_options_init(veilig_progress_options *opts, unsigned version);

/** How an indicator stands towards its target. */
typedef enum veilig_track {
    VEILIG_TRACK_UNKNOWN = 0, /**< too little data: no target, or fewer than two points */
    VEILIG_TRACK_ACHIEVED,    /**< the latest observation reaches the target */
    VEILIG_TRACK_ON_TRACK,    /**< the straight line through the points reaches it in time */
    VEILIG_TRACK_OFF_TRACK    /**< it does not */
} veilig_track;

/**
 * "unknown", "achieved", "on_track" or "off_track"; static.
 *
 * @param t  the track.
 * @return the name (static); NULL for a value that is no veilig_track.
 */
VEILIG_API const char *veilig_track_name(veilig_track t);

/** The result of veilig_progress() (opaque): a row per indicator. */
typedef struct veilig_progress_result veilig_progress_result;

/**
 * Progress of every indicator of m, in document order.
 *
 * @param out   receives the new result (veilig_progress_free); NULL on failure.
 * @param m     the municipality (borrowed: its registry must outlive the result).
 * @param opts  the date of the data; NULL for the defaults.
 * @return VEILIG_OK; VEILIG_EINVAL when out or m is NULL; VEILIG_EVERSION for
 *         an unknown options version; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_progress(veilig_progress_result **out, const veilig_municipality *m,
                               const veilig_progress_options *opts);
/**
 * Frees a progress result.
 *
 * @param p  the result (from veilig_progress()), or NULL (a no-op).
 */
VEILIG_API void veilig_progress_free(veilig_progress_result *p);
/**
 * The municipality whose indicators these are; borrowed.
 *
 * @param p  the result (borrowed), or NULL.
 * @return the municipality (borrowed from its registry); NULL when p is NULL.
 */
VEILIG_API const veilig_municipality *veilig_progress_municipality(const veilig_progress_result *p);
/**
 * The number of rows: the municipality's indicators.
 *
 * @param p  the result (borrowed), or NULL.
 * @return the number of rows; 0 when p is NULL.
 */
VEILIG_API size_t veilig_progress_count(const veilig_progress_result *p);
/**
 * The indicator of row i.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the indicator (borrowed from the registry); NULL when p is NULL or
 *         i is out of range.
 */
VEILIG_API const veilig_indicator *veilig_progress_indicator(const veilig_progress_result *p,
                                                             size_t i);
/**
 * The latest observation: VEILIG_OK, or VEILIG_ENOTFOUND when there is none.
 *
 * @param value  receives the observed value, or NULL.
 * @param date   receives the observation's date, or NULL.
 * @param p      the result (borrowed).
 * @param i      the row, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when the indicator has no observation
 *         (as of the options' date); VEILIG_EINVAL when p is NULL or i is out of range.
 */
VEILIG_API int veilig_progress_latest(double *value, veilig_date *date,
                                      const veilig_progress_result *p, size_t i);
/**
 * Progress from baseline to target as a fraction (0 at the baseline, 1 at
 * the target, beyond 1 past it, negative when moving away): VEILIG_OK, or
 * VEILIG_ENOTFOUND without baseline, target or observation.
 *
 * @param out  receives the fraction.
 * @param p    the result (borrowed).
 * @param i    the row, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND without baseline, target or
 *         observation; VEILIG_EINVAL when out or p is NULL or i is out of range.
 */
VEILIG_API int veilig_progress_fraction(double *out, const veilig_progress_result *p, size_t i);
/**
 * How row i's indicator stands towards its target.
 *
 * @param p  the result (borrowed), or NULL.
 * @param i  the row, from 0.
 * @return the track; VEILIG_TRACK_UNKNOWN when p is NULL or i is out of range.
 */
VEILIG_API veilig_track veilig_progress_track(const veilig_progress_result *p, size_t i);
/**
 * The value the straight line projects for the target date: VEILIG_OK or VEILIG_ENOTFOUND.
 *
 * @param out  receives the projected value.
 * @param p    the result (borrowed).
 * @param i    the row, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when there is no line (no target date or
 *         too few points); VEILIG_EINVAL when out or p is NULL or i is out of range.
 */
VEILIG_API int veilig_progress_projection(double *out, const veilig_progress_result *p, size_t i);
/**
 * Renders the progress as JSON.
 *
 * @param out  receives the new text, NUL-terminated (veilig_free); NULL on failure.
 * @param len  receives the text's length in bytes, or NULL.
 * @param p    the result (borrowed).
 * @return VEILIG_OK, VEILIG_EINVAL when out or p is NULL, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_progress_to_json(char **out, size_t *len, const veilig_progress_result *p);

#ifdef __cplusplus
}
#endif

#endif
