/**
 * @file
 * libveilig: querying measures across a registry.
 *
 * A query is a set of filters; a measure matches when it passes every filter
 * given (AND across filters), and a filter given several values passes a
 * measure that has any of them (OR within a filter). veilig_query_or starts
 * another group of filters: then a measure matches when it passes every
 * filter of at least one group ("category=bystander OR approach=prevention";
 * AND binds before OR). veilig_query_parse reads that as text. Results
 * iterate as (municipality, measure) pairs in document order, whatever the
 * groups: municipalities as in the registry, measures as in each
 * municipality, each measure once.
 *
 * Free text (VEILIG_FILTER_TEXT) is looked for, folded as veilig_text_fold
 * folds (no case, no accents), in the measure's id, name, description, area
 * name and note, the notes of its schedule; the code and the Dutch and
 * English labels of its category, of its own approach (not the one its
 * category implies) and of each target group; and for each partner the
 * stakeholder id it names and, when the municipality has that stakeholder,
 * its name. A text never spans two of these.
 *
 * Cost: one pass over the measures. For the category, approach, target
 * group, setting, status, date and free-text filters it reads a compact
 * record of each measure that the library keeps up to date beside the
 * measures (the free text already folded), not the measure itself.
 *
 *     veilig_query *q = NULL;
 *     veilig_query_new(&q);
 *     veilig_query_add(q, VEILIG_FILTER_CATEGORY, "bystander");
 *     veilig_query_add(q, VEILIG_FILTER_TARGET_GROUP, "lgbtiq");
 *     veilig_query_result *r = NULL;
 *     if (veilig_query_run(&r, q, reg) == VEILIG_OK)
 *         for (size_t i = 0; i < veilig_query_result_count(r); i++)
 *             printf("%s: %s\n", veilig_municipality_name(veilig_query_result_municipality(r, i)),
 *                    veilig_measure_name(veilig_query_result_measure(r, i)));
 *     veilig_query_result_free(r);
 *     veilig_query_free(q);
 *
 * Errors: veilig_query_add and veilig_query_run leave the reason of a failure
 * as the thread's last error, veilig_error_last() (common.h).
 */
#ifndef VEILIG_QUERY_H
#define VEILIG_QUERY_H

#include "veilig/common.h"
#include "veilig/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Whether a measure is active: unless its status is "ended" or "planned"
 * and, given a reference date, unless its period starts after or ends before
 * that date (a partial date covers its whole year or month).
 *
 * @param ms  the measure (borrowed).
 * @param on  the reference date, or NULL for none.
 * @return 1 when active, 0 when not (and for a NULL measure).
 */
VEILIG_API int veilig_measure_is_active(const veilig_measure *ms, const veilig_date *on);

/** What a filter looks at. Vocabulary filters take codes ("bystander"). */
typedef enum veilig_filter {
    VEILIG_FILTER_CATEGORY = 1,     /**< the measure's category */
    VEILIG_FILTER_APPROACH,         /**< the measure's approach (explicit or its category's) */
    VEILIG_FILTER_TARGET_GROUP,     /**< a target group of the measure */
    VEILIG_FILTER_SETTING,          /**< a setting of the measure */
    VEILIG_FILTER_STAKEHOLDER_KIND, /**< the kind of a stakeholder carrying it (a partner) */
    VEILIG_FILTER_STAKEHOLDER,      /**< text in a partner's name or id (as VEILIG_FILTER_TEXT) */
    VEILIG_FILTER_STATUS,      /**< the measure's status ("active"; absent matches "unknown") */
    VEILIG_FILTER_EVIDENCE,    /**< at least this evidence level ("well_founded") */
    VEILIG_FILTER_PROVINCE,    /**< the municipality's province ("NL-OV") */
    VEILIG_FILTER_ACTIVE_ON,   /**< active on a date ("2023-06-01"): see docs/analysis.md */
    VEILIG_FILTER_TEXT,        /**< free text, case- and accent-insensitive */
    VEILIG_FILTER_MUNICIPALITY /**< the municipality's code or name */
} veilig_filter;

/** A query: a set of filters. */
typedef struct veilig_query veilig_query;

/** A query's result: (municipality, measure) pairs. */
typedef struct veilig_query_result veilig_query_result;

/**
 * Makes an empty query (matches every measure).
 *
 * @param out  receives the new query (veilig_query_free); NULL on failure.
 * @return VEILIG_OK, VEILIG_ENOMEM, VEILIG_EINVAL for a NULL out.
 */
VEILIG_API int veilig_query_new(veilig_query **out);

/** Frees a query. @param q  the query; NULL is a no-op. */
VEILIG_API void veilig_query_free(veilig_query *q);

/**
 * Adds a value to a filter of the query's current group.
 *
 * @param q       the query.
 * @param filter  the filter.
 * @param value   the value (copied), UTF-8.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL query, an unknown filter, an
 *         empty value or one that is not UTF-8, a date that is not a date, an
 *         evidence level that is not one, and a code its vocabulary (or the
 *         provinces) does not know: then veilig_error_last() (common.h) says
 *         so with the known codes and, when one is close, a "did you mean"
 *         ("query: unknown category \"bystandr\"; did you mean
 *         \"bystander\"?; known: ..."); VEILIG_ENOMEM (q unchanged).
 */
VEILIG_API int veilig_query_add(veilig_query *q, veilig_filter filter, const char *value);

/**
 * Starts another group of filters (OR): the filters added after it form a
 * group of their own, and a measure matches when it passes every filter of
 * any group. A group left empty at the end adds nothing.
 *
 * @param q  the query.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL query or when the current group
 *         has no filter yet; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_query_or(veilig_query *q);

/**
 * Makes a query from an expression: filters as NAME=VALUE (or NAME:VALUE;
 * names as veilig_filter_name gives them, "-" for "_"; a value with spaces in
 * double quotes, with its quotes and backslashes escaped by a backslash),
 * joined by AND (or only spaces) and OR (any case); AND binds before OR:
 *
 *     category=bystander OR approach=prevention target_group=lgbtiq
 *     text="veilig uitgaan" AND province=NL-OV
 *
 * @param out   receives a new query (veilig_query_free); NULL on failure.
 * @param text  the expression, UTF-8.
 * @param err   NULL or what went wrong, with the column.
 * @return VEILIG_OK; VEILIG_EPARSE for an expression that is not one;
 *         VEILIG_EINVAL for an unknown filter or a value veilig_query_add
 *         refuses, each with a "did you mean" when a known name or code is
 *         close; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_query_parse(veilig_query **out, const char *text, veilig_error *err);

/**
 * A filter's name, as the tool and the bindings spell it.
 * @param filter  the filter.
 * @return the name ("target_group"), static; NULL for an unknown filter.
 */
VEILIG_API const char *veilig_filter_name(veilig_filter filter);

/**
 * Looks a filter up by name.
 * @param name  "target_group", "stakeholder_kind", ...
 * @return the filter; 0 when the name is unknown (or NULL).
 */
VEILIG_API veilig_filter veilig_filter_from_name(const char *name);

/**
 * Runs a query over a registry. Linear in the number of measures.
 *
 * @param out  receives the new result (veilig_query_result_free); it borrows
 *             from reg, which must outlive it and not change meanwhile. NULL
 *             on failure.
 * @param q    the query (borrowed).
 * @param reg  the registry (borrowed).
 * @return VEILIG_OK, VEILIG_ENOMEM, VEILIG_EINVAL for NULL arguments.
 */
VEILIG_API int veilig_query_run(veilig_query_result **out, const veilig_query *q,
                                const veilig_registry *reg);

/** Frees a result. @param r  the result; NULL is a no-op. */
VEILIG_API void veilig_query_result_free(veilig_query_result *r);

/** The number of matches. @param r  the result. @return the number (0 for NULL). */
VEILIG_API size_t veilig_query_result_count(const veilig_query_result *r);

/**
 * The municipality of a match.
 *
 * @param r      the result.
 * @param index  0 .. veilig_query_result_count(r) - 1.
 * @return the municipality, borrowed from the registry; NULL when out of range.
 */
VEILIG_API const veilig_municipality *veilig_query_result_municipality(const veilig_query_result *r,
                                                                       size_t index);
/**
 * The measure of a match.
 *
 * @param r      the result.
 * @param index  0 .. veilig_query_result_count(r) - 1.
 * @return the measure, borrowed from the registry; NULL when out of range.
 */
VEILIG_API const veilig_measure *veilig_query_result_measure(const veilig_query_result *r,
                                                             size_t index);

/**
 * The matches as a JSON array of {"municipality": code, "municipality_name",
 * "measure": id, "name", "category", "approach"} objects.
 *
 * @param out  receives the text (veilig_free); NULL on failure.
 * @param len  receives its length without the NUL; may be NULL.
 * @param r    the result (borrowed).
 * @return VEILIG_OK, VEILIG_ENOMEM, VEILIG_EINVAL for a NULL out or r.
 */
VEILIG_API int veilig_query_result_to_json(char **out, size_t *len, const veilig_query_result *r);

/**
 * Folds text for comparison: lower case, accents and diacritics removed
 * ("LHBTI+" -> "lhbti+", "Geïntensiveerd" -> "geintensiveerd"), other
 * characters kept. This is how VEILIG_FILTER_TEXT compares.
 *
 * @param out   receives the folded text (veilig_free); NULL on failure.
 * @param text  the text (borrowed), NUL-terminated.
 * @return VEILIG_OK, VEILIG_ENOMEM, VEILIG_EINVAL for a NULL out or text.
 */
VEILIG_API int veilig_text_fold(char **out, const char *text);

#ifdef __cplusplus
}
#endif

#endif
