/**
 * @file
 * libveilig: analyses of a registry: coverage, profile, comparison, peers,
 * differences between versions, schedule coverage and indicator progress.
 *
 * Each analysis returns an opaque result (*out is new: free it with its
 * _free function; NULL is a no-op) with typed accessors, and renders as JSON
 * (`veilig_<result>_to_json`: *out is new, free it with veilig_free), which is
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

#define VEILIG_COVERAGE_OPTIONS_VERSION 1

typedef struct veilig_coverage_options {
    unsigned version;      /**< VEILIG_COVERAGE_OPTIONS_VERSION */
    veilig_vocab axis;     /**< VEILIG_VOCAB_CATEGORY (default, 0), _APPROACH or _TARGET_GROUP */
    veilig_date active_on; /**< reference date; year 0: none */
    int all_measures;      /**< 1: count every measure, active or not */
} veilig_coverage_options;

#define VEILIG_COVERAGE_OPTIONS_INIT                                                               \
    { VEILIG_COVERAGE_OPTIONS_VERSION, (veilig_vocab)0, {0, 0, 0}, 0 }

/**
 * Fills opts with the defaults (VEILIG_COVERAGE_OPTIONS_INIT); version must be
 * VEILIG_COVERAGE_OPTIONS_VERSION, the one this header was written for. Returns
 * VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_coverage_options_init(veilig_coverage_options *opts, unsigned version);

typedef struct veilig_coverage_result veilig_coverage_result;

/**
 * Counts, for every municipality (rows, document order) and every value of
 * the axis vocabulary (columns, in enum order), the active measures that
 * have that value; a last column "other" counts unknown codes when there
 * are any. opts may be NULL. VEILIG_EINVAL for another axis.
 */
VEILIG_API int veilig_coverage(veilig_coverage_result **out, const veilig_registry *reg,
                               const veilig_coverage_options *opts);
VEILIG_API void veilig_coverage_free(veilig_coverage_result *c);
VEILIG_API veilig_vocab veilig_coverage_axis(const veilig_coverage_result *c);
VEILIG_API size_t veilig_coverage_rows(const veilig_coverage_result *c);
VEILIG_API size_t veilig_coverage_columns(const veilig_coverage_result *c);
/** The municipality of a row; borrowed. */
VEILIG_API const veilig_municipality *veilig_coverage_row(const veilig_coverage_result *c,
                                                          size_t row);
/** The vocabulary value of a column (0 for the "other" column). */
VEILIG_API int veilig_coverage_column(const veilig_coverage_result *c, size_t column);
/** The code of a column ("other" for the other column); static. */
VEILIG_API const char *veilig_coverage_column_code(const veilig_coverage_result *c, size_t column);
VEILIG_API unsigned veilig_coverage_count(const veilig_coverage_result *c, size_t row,
                                          size_t column);
VEILIG_API unsigned veilig_coverage_row_total(const veilig_coverage_result *c, size_t row);
VEILIG_API unsigned veilig_coverage_column_total(const veilig_coverage_result *c, size_t column);
VEILIG_API unsigned veilig_coverage_total(const veilig_coverage_result *c);
/** {"axis", "columns": [codes], "rows": [{"code","name","counts":[...],"total"}], "column_totals",
 * "total"} */
VEILIG_API int veilig_coverage_to_json(char **out, size_t *len, const veilig_coverage_result *c);

/* ---- profile of one municipality ---- */

typedef struct veilig_profile_result veilig_profile_result;

/** Kinds of gaps a profile reports. */
typedef enum veilig_gap_kind {
    VEILIG_GAP_CATEGORY = 1,      /**< a category the municipality has no measure of */
    VEILIG_GAP_TARGET_GROUP,      /**< a scope target group no measure serves */
    VEILIG_GAP_NO_INDICATOR,      /**< a measure without indicators */
    VEILIG_GAP_NO_EXECUTING_PARTY /**< a measure without an executing party */
} veilig_gap_kind;

/** "category", "target_group", "no_indicator" or "no_executing_party"; NULL for others. Static. */
VEILIG_API const char *veilig_gap_kind_name(veilig_gap_kind kind);

/** Profiles municipality m (of any registry). Counts every measure, active or not. */
VEILIG_API int veilig_profile(veilig_profile_result **out, const veilig_municipality *m);
VEILIG_API void veilig_profile_free(veilig_profile_result *p);
VEILIG_API const veilig_municipality *veilig_profile_municipality(const veilig_profile_result *p);
/** Measures per approach and per category (by value; 0 counts unknown codes). */
VEILIG_API unsigned veilig_profile_approach_count(const veilig_profile_result *p,
                                                  veilig_approach a);
VEILIG_API unsigned veilig_profile_category_count(const veilig_profile_result *p,
                                                  veilig_category c);
/** Budget total of a category's measures, in cents (measures in EUR or without currency). */
VEILIG_API int64_t veilig_profile_category_budget(const veilig_profile_result *p,
                                                  veilig_category c);
/** Target groups: those of the scope first (scope order), then others measures name. */
VEILIG_API size_t veilig_profile_target_group_count(const veilig_profile_result *p);
VEILIG_API const char *veilig_profile_target_group_code(const veilig_profile_result *p, size_t i);
VEILIG_API int veilig_profile_target_group_in_scope(const veilig_profile_result *p, size_t i);
/** Number of measures that name target group i. */
VEILIG_API unsigned veilig_profile_target_group_measures(const veilig_profile_result *p, size_t i);
/** Stakeholders in document order, with the number of measures each carries as a partner. */
VEILIG_API size_t veilig_profile_stakeholder_count(const veilig_profile_result *p);
VEILIG_API const veilig_stakeholder *veilig_profile_stakeholder(const veilig_profile_result *p,
                                                                size_t i);
VEILIG_API unsigned veilig_profile_stakeholder_measures(const veilig_profile_result *p, size_t i);
/** Stakeholders per kind (0 counts unknown kinds). */
VEILIG_API unsigned veilig_profile_kind_count(const veilig_profile_result *p,
                                              veilig_stakeholder_type k);
/** Gaps, in the order of veilig_gap_kind, then document order. */
VEILIG_API size_t veilig_profile_gap_count(const veilig_profile_result *p);
VEILIG_API veilig_gap_kind veilig_profile_gap_kind(const veilig_profile_result *p, size_t i);
/** The category or target group code of a gap; NULL for measure gaps. */
VEILIG_API const char *veilig_profile_gap_code(const veilig_profile_result *p, size_t i);
/** The measure of a measure gap; NULL for the others. */
VEILIG_API const veilig_measure *veilig_profile_gap_measure(const veilig_profile_result *p,
                                                            size_t i);
VEILIG_API int veilig_profile_to_json(char **out, size_t *len, const veilig_profile_result *p);

/* ---- comparison of two municipalities ---- */

typedef struct veilig_comparison veilig_comparison;

/**
 * Compares a and b (of any registries) side by side: for each category,
 * approach, target group, setting and stakeholder kind that either has, the
 * number of measures (stakeholders for kinds) of each. Rows are ordered by
 * dimension (that order), then by enum value.
 */
VEILIG_API int veilig_compare(veilig_comparison **out, const veilig_municipality *a,
                              const veilig_municipality *b);
VEILIG_API void veilig_comparison_free(veilig_comparison *c);
/** The municipalities compared: which 0 gives a, 1 gives b; borrowed, NULL for other values. */
VEILIG_API const veilig_municipality *veilig_comparison_municipality(const veilig_comparison *c,
                                                                     int which);
VEILIG_API size_t veilig_comparison_count(const veilig_comparison *c);
/** The vocabulary of row i (VEILIG_VOCAB_CATEGORY, ...), its code, and the two counts. */
VEILIG_API veilig_vocab veilig_comparison_vocab(const veilig_comparison *c, size_t i);
VEILIG_API const char *veilig_comparison_code(const veilig_comparison *c, size_t i);
VEILIG_API unsigned veilig_comparison_a(const veilig_comparison *c, size_t i);
VEILIG_API unsigned veilig_comparison_b(const veilig_comparison *c, size_t i);
VEILIG_API int veilig_comparison_to_json(char **out, size_t *len, const veilig_comparison *c);

/* ---- peers: the most similar municipalities ---- */

#define VEILIG_PEERS_OPTIONS_VERSION 1

typedef struct veilig_peers_options {
    unsigned version; /**< VEILIG_PEERS_OPTIONS_VERSION */
    size_t k;         /**< peers per municipality; 0: 5 */
} veilig_peers_options;

#define VEILIG_PEERS_OPTIONS_INIT                                                                  \
    { VEILIG_PEERS_OPTIONS_VERSION, 0 }

/**
 * Fills opts with the defaults (VEILIG_PEERS_OPTIONS_INIT); version must be
 * VEILIG_PEERS_OPTIONS_VERSION, the one this header was written for. Returns
 * VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_peers_options_init(veilig_peers_options *opts, unsigned version);

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
 */
VEILIG_API int veilig_peers(veilig_peers_result **out, const veilig_registry *reg,
                            const veilig_municipality *m, const veilig_peers_options *opts);
VEILIG_API void veilig_peers_free(veilig_peers_result *p);
VEILIG_API size_t veilig_peers_count(const veilig_peers_result *p);
VEILIG_API const veilig_municipality *veilig_peers_subject(const veilig_peers_result *p, size_t i);
VEILIG_API size_t veilig_peers_rank(const veilig_peers_result *p, size_t i);
VEILIG_API const veilig_municipality *veilig_peers_peer(const veilig_peers_result *p, size_t i);
/** Similarity in [0, 1]. */
VEILIG_API double veilig_peers_similarity(const veilig_peers_result *p, size_t i);
VEILIG_API size_t veilig_peers_suggestion_count(const veilig_peers_result *p, size_t i);
VEILIG_API const veilig_measure *veilig_peers_suggestion(const veilig_peers_result *p, size_t i,
                                                         size_t s);
VEILIG_API int veilig_peers_to_json(char **out, size_t *len, const veilig_peers_result *p);

/**
 * The similarity of two municipalities (of any registries), as peers
 * computes it: 1 for identical profiles, 0 for nothing in common.
 */
VEILIG_API double veilig_similarity(const veilig_municipality *a, const veilig_municipality *b);

/* ---- differences between two versions ---- */

typedef struct veilig_diff_result veilig_diff_result;

typedef enum veilig_change {
    VEILIG_CHANGE_ADDED = 1,
    VEILIG_CHANGE_REMOVED,
    VEILIG_CHANGE_CHANGED
} veilig_change;

/**
 * Differences from old to new (the whole registries, or only the
 * municipality with code when code is not NULL). Municipalities are matched
 * by code, measures (and stakeholders and indicators) by id; other values by
 * position. Each row is a change at a JSON pointer into the new document
 * (the old one for removals) with the old and the new value as JSON text
 * (NULL where there is none). Rows come in document order of new, removals
 * where the removed thing stood in old.
 */
VEILIG_API int veilig_diff(veilig_diff_result **out, const veilig_registry *old_reg,
                           const veilig_registry *new_reg, const char *code);
VEILIG_API void veilig_diff_free(veilig_diff_result *d);
VEILIG_API size_t veilig_diff_count(const veilig_diff_result *d);
VEILIG_API veilig_change veilig_diff_change(const veilig_diff_result *d, size_t i);
/** The code of the municipality the change is in. */
VEILIG_API const char *veilig_diff_municipality(const veilig_diff_result *d, size_t i);
/** The id of the measure the change is in, or NULL. */
VEILIG_API const char *veilig_diff_measure(const veilig_diff_result *d, size_t i);
/**
 * The RFC 6901 pointer of change i, valid until veilig_diff_free. Which document it is into follows
 * from veilig_diff_change: the OLD document for VEILIG_CHANGE_REMOVED (the value is gone from the
 * new one), the NEW document for VEILIG_CHANGE_ADDED and VEILIG_CHANGE_CHANGED. Resolve it with
 * veilig_json_locate against that document's text.
 *
 * @param d  the result (borrowed).
 * @param i  the row, from 0.
 * @return the pointer (borrowed), or NULL when d is NULL or i out of range.
 */
VEILIG_API const char *veilig_diff_pointer(const veilig_diff_result *d, size_t i);
VEILIG_API const char *veilig_diff_old(const veilig_diff_result *d, size_t i);
VEILIG_API const char *veilig_diff_new(const veilig_diff_result *d, size_t i);
VEILIG_API int veilig_diff_to_json(char **out, size_t *len, const veilig_diff_result *d);

/* ---- schedule: the hours of a week ---- */

#define VEILIG_SCHEDULE_OPTIONS_VERSION 1

typedef struct veilig_schedule_options {
    unsigned version;      /**< VEILIG_SCHEDULE_OPTIONS_VERSION */
    unsigned days;         /**< bit d-1 for veilig_day d (Monday bit 0); 0: Friday and Saturday */
    int from, to;          /**< minutes after midnight; from == to == 0: 22:00 to 04:00 */
    veilig_date active_on; /**< reference date; year 0: none */
} veilig_schedule_options;

#define VEILIG_SCHEDULE_OPTIONS_INIT                                                               \
    {                                                                                              \
        VEILIG_SCHEDULE_OPTIONS_VERSION, 0, 0, 0, {                                                \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/**
 * Fills opts with the defaults (VEILIG_SCHEDULE_OPTIONS_INIT); version must be
 * VEILIG_SCHEDULE_OPTIONS_VERSION, the one this header was written for. Returns
 * VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_schedule_options_init(veilig_schedule_options *opts, unsigned version);

typedef struct veilig_schedule_result veilig_schedule_result;

/**
 * Lays the schedules of m's active measures over the 168 hours of a week:
 * for each slot (day, hour) the number of measures that run at some time in
 * it, by category; a window without days runs every day; a window whose to
 * is before its from runs past midnight into the next day (Sunday into
 * Monday). Also the share of the given window (default Friday and Saturday
 * 22:00-04:00) that at least one measure covers, by the minute.
 */
VEILIG_API int veilig_schedule(veilig_schedule_result **out, const veilig_municipality *m,
                               const veilig_schedule_options *opts);
VEILIG_API void veilig_schedule_free(veilig_schedule_result *s);
/** The municipality laid out; borrowed. */
VEILIG_API const veilig_municipality *veilig_schedule_municipality(const veilig_schedule_result *s);
/**
 * The window whose share was measured, defaults applied: days as in the
 * options, from and to in minutes (any out-parameter may be NULL).
 */
VEILIG_API int veilig_schedule_window(unsigned *days, int *from, int *to,
                                      const veilig_schedule_result *s);
/** Measures running in the slot (day 1..7 as veilig_day, hour 0..23). */
VEILIG_API unsigned veilig_schedule_slot(const veilig_schedule_result *s, veilig_day day, int hour);
/** The same for one category (0: unknown categories). */
VEILIG_API unsigned veilig_schedule_slot_category(const veilig_schedule_result *s, veilig_day day,
                                                  int hour, veilig_category c);
/** Share of the window covered, 0..1; minutes of the window and covered minutes. */
VEILIG_API double veilig_schedule_window_share(const veilig_schedule_result *s);
VEILIG_API unsigned veilig_schedule_window_minutes(const veilig_schedule_result *s);
VEILIG_API unsigned veilig_schedule_covered_minutes(const veilig_schedule_result *s);
/** Measures with a schedule that took part. */
VEILIG_API size_t veilig_schedule_measure_count(const veilig_schedule_result *s);
VEILIG_API int veilig_schedule_to_json(char **out, size_t *len, const veilig_schedule_result *s);

/* ---- indicators: progress towards targets ---- */

#define VEILIG_PROGRESS_OPTIONS_VERSION 1

typedef struct veilig_progress_options {
    unsigned version;  /**< VEILIG_PROGRESS_OPTIONS_VERSION */
    veilig_date as_of; /**< observations after it are ignored; year 0: all */
} veilig_progress_options;

#define VEILIG_PROGRESS_OPTIONS_INIT                                                               \
    {                                                                                              \
        VEILIG_PROGRESS_OPTIONS_VERSION, {                                                         \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/**
 * Fills opts with the defaults (VEILIG_PROGRESS_OPTIONS_INIT); version must be
 * VEILIG_PROGRESS_OPTIONS_VERSION, the one this header was written for. Returns
 * VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_progress_options_init(veilig_progress_options *opts, unsigned version);

typedef enum veilig_track {
    VEILIG_TRACK_UNKNOWN = 0, /**< too little data: no target, or fewer than two points */
    VEILIG_TRACK_ACHIEVED,    /**< the latest observation reaches the target */
    VEILIG_TRACK_ON_TRACK,    /**< the straight line through the points reaches it in time */
    VEILIG_TRACK_OFF_TRACK    /**< it does not */
} veilig_track;

/** "unknown", "achieved", "on_track" or "off_track"; static. */
VEILIG_API const char *veilig_track_name(veilig_track t);

typedef struct veilig_progress_result veilig_progress_result;

/** Progress of every indicator of m, in document order. */
VEILIG_API int veilig_progress(veilig_progress_result **out, const veilig_municipality *m,
                               const veilig_progress_options *opts);
VEILIG_API void veilig_progress_free(veilig_progress_result *p);
/** The municipality whose indicators these are; borrowed. */
VEILIG_API const veilig_municipality *veilig_progress_municipality(const veilig_progress_result *p);
VEILIG_API size_t veilig_progress_count(const veilig_progress_result *p);
VEILIG_API const veilig_indicator *veilig_progress_indicator(const veilig_progress_result *p,
                                                             size_t i);
/** The latest observation: VEILIG_OK, or VEILIG_ENOTFOUND when there is none. */
VEILIG_API int veilig_progress_latest(double *value, veilig_date *date,
                                      const veilig_progress_result *p, size_t i);
/**
 * Progress from baseline to target as a fraction (0 at the baseline, 1 at
 * the target, beyond 1 past it, negative when moving away): VEILIG_OK, or
 * VEILIG_ENOTFOUND without baseline, target or observation.
 */
VEILIG_API int veilig_progress_fraction(double *out, const veilig_progress_result *p, size_t i);
VEILIG_API veilig_track veilig_progress_track(const veilig_progress_result *p, size_t i);
/** The value the straight line projects for the target date: VEILIG_OK or VEILIG_ENOTFOUND. */
VEILIG_API int veilig_progress_projection(double *out, const veilig_progress_result *p, size_t i);
VEILIG_API int veilig_progress_to_json(char **out, size_t *len, const veilig_progress_result *p);

#ifdef __cplusplus
}
#endif

#endif
