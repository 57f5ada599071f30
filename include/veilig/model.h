/**
 * @file
 * libveilig: the model: a registry of municipalities and their approaches,
 * with getters for every field and a builder API to change them.
 *
 * A registry owns all the memory of everything in it. Pointers returned by
 * getters (objects and strings) are borrowed: they stay valid until the
 * registry is freed or the object they belong to is changed or removed.
 * Getters accept NULL for the object and then return NULL, 0 or _OTHER (or
 * VEILIG_EINVAL for the out-parameter forms).
 *
 * Setters copy what they are given. A setter fails with VEILIG_EINVAL for a
 * NULL object, a string that is not valid UTF-8, a value out of range, or an
 * empty required field; with VEILIG_ENOMEM when memory runs out, leaving the
 * object as it was. Changing a registry needs the caller's exclusion; reading
 * it from many threads at once is safe.
 *
 * Lists follow one pattern: `veilig_<parent>_<child>_count(parent)` and
 * `veilig_<parent>_<child>(parent, index)` to read; `veilig_<parent>_add_<child>`
 * and `veilig_<parent>_remove_<child>` to change.
 *
 * Errors: a setter or builder that fails for a reason beyond a NULL argument
 * (an empty or non-UTF-8 text, a value outside its vocabulary, an id that is
 * taken, an index past the end) leaves the reason as the thread's last
 * error: veilig_error_last() (common.h), e.g. "measure name is empty".
 */
#ifndef VEILIG_MODEL_H
#define VEILIG_MODEL_H

#include "veilig/common.h"
#include "veilig/vocab.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A registry: a whole document (the programme and its municipalities). */
typedef struct veilig_registry veilig_registry;
/** The programme block: the national programme the municipalities take part in (owned by the
 * registry). */
typedef struct veilig_programme veilig_programme;
/** A municipality and its approach (owned by its registry). */
typedef struct veilig_municipality veilig_municipality;
/** An approach a municipality says it does not pursue now, with the reason. */
typedef struct veilig_exclusion veilig_exclusion;
/** A link to other policy, a programme, a network or a law. */
typedef struct veilig_policy_link veilig_policy_link;
/** A department or organisation involved in a municipality's approach. */
typedef struct veilig_stakeholder veilig_stakeholder;
/** A contact (a person or desk) of the programme or of a municipality. */
typedef struct veilig_contact veilig_contact;
/** Where facts come from: a page or document. */
typedef struct veilig_source veilig_source;
/** A measure: an activity of a municipality's approach. */
typedef struct veilig_measure veilig_measure;
/** A time window of a measure's schedule. */
typedef struct veilig_window veilig_window;
/** A stakeholder that carries a measure, with its role. */
typedef struct veilig_partner veilig_partner;
/** An indicator of a municipality (after the IATI results model). */
typedef struct veilig_indicator veilig_indicator;
/** An observation of an indicator: a value at a date. */
typedef struct veilig_observation veilig_observation;

/* ---- programme: the programme block: the national programme the municipalities take part in ----
 */

/**
 * The programme's name ("Veilige Steden"); borrowed, NULL when absent.
 *
 * @param p  the programme (borrowed); NULL gives NULL.
 * @return the text, borrowed from the programme; NULL when absent or for a NULL p.
 */
VEILIG_API const char *veilig_programme_name(const veilig_programme *p);
/**
 * Sets name (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param p      the programme to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL p or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the programme is unchanged on failure).
 */
VEILIG_API int veilig_programme_set_name(veilig_programme *p, const char *value);

/**
 * The organisation that runs it ("Movisie"); borrowed, NULL when absent.
 *
 * @param p  the programme (borrowed); NULL gives NULL.
 * @return the text, borrowed from the programme; NULL when absent or for a NULL p.
 */
VEILIG_API const char *veilig_programme_operator(const veilig_programme *p);
/**
 * Sets operator (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param p      the programme to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL p or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the programme is unchanged on failure).
 */
VEILIG_API int veilig_programme_set_operator(veilig_programme *p, const char *value);

/**
 * The programme's public contact; borrowed, NULL when absent.
 *
 * @param p  the programme (borrowed); NULL gives NULL.
 * @return the contact, borrowed from the programme; NULL when there is none or for a NULL p.
 */
VEILIG_API const veilig_contact *veilig_programme_contact(const veilig_programme *p);
/**
 * The same, for changing it.
 *
 * @param p  the programme (borrowed); NULL gives NULL.
 * @return the contact, borrowed from the programme; NULL when there is none or for a NULL p.
 */
VEILIG_API veilig_contact *veilig_programme_contact_mut(veilig_programme *p);
/**
 * Gives it a new, empty contact (replacing any), borrowed through out (may be NULL).
 *
 * @param out  receives the new contact, borrowed from the programme; NULL on failure. May be NULL.
 * @param p    the programme to change (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL p; VEILIG_ENOMEM (the programme is unchanged on
 *         failure).
 */
VEILIG_API int veilig_programme_set_contact(veilig_contact **out, veilig_programme *p);
/**
 * Removes it.
 *
 * @param p  the programme to change (borrowed); NULL is a no-op.
 */
VEILIG_API void veilig_programme_clear_contact(veilig_programme *p);

/**
 * Where the facts about the programme come from: their number, and each one (borrowed; NULL when
 * index is out of range).
 *
 * @param p  the programme (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL p.
 */
VEILIG_API size_t veilig_programme_source_count(const veilig_programme *p);
/**
 * The one at index of the list veilig_programme_source_count() counts (borrowed; NULL when index is
 * out of range).
 *
 * @param p      the programme (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the source at index, borrowed from the programme; NULL when index is out of range or for
 *         a NULL p.
 */
VEILIG_API const veilig_source *veilig_programme_source(const veilig_programme *p, size_t index);
/**
 * The same, for changing it.
 *
 * @param p      the programme (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the source at index, borrowed from the programme (for changing it); NULL when index is
 *         out of range or for a NULL p.
 */
VEILIG_API veilig_source *veilig_programme_source_mut(veilig_programme *p, size_t index);
/**
 * Appends a new source; out (may be NULL) receives it, borrowed from the programme. The arguments
 * are copied; VEILIG_EINVAL when a required one is NULL, "" or _OTHER.
 *
 * @param out    receives the new source, borrowed from the programme; NULL on failure. May be NULL.
 * @param p      the programme to change (borrowed); NULL is VEILIG_EINVAL.
 * @param title  the source's title (copied); required: not NULL or "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL p, a title that is NULL, "" or not valid UTF-8;
 *         VEILIG_ENOMEM (the programme is unchanged on failure).
 */
VEILIG_API int veilig_programme_add_source(veilig_source **out, veilig_programme *p,
                                           const char *title);
/**
 * Removes the source at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of range.
 *
 * @param p      the programme to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL p.
 */
VEILIG_API int veilig_programme_remove_source(veilig_programme *p, size_t index);

/* ---- municipality: a municipality and its approach ---- */

/**
 * The CBS municipality code, "GM" and four digits ("GM0153"); borrowed, never NULL in a valid
 * object.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the text, borrowed from the municipality; never NULL in a valid object; NULL for a NULL
 *         m.
 */
VEILIG_API const char *veilig_municipality_code(const veilig_municipality *m);
/**
 * Sets code (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 * VEILIG_EEXISTS when another object of the parent has it. A value that is not a CBS code (GM
 * and four digits) is refused at once (docs/format.md "Building and loading"; the reason is in
 * veilig_error_last()).
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new CBS code (copied); not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m, a NULL, empty, non-UTF-8 or non-CBS value;
 * VEILIG_EEXISTS when another object of the parent has it; VEILIG_ENOMEM (the municipality is
 * unchanged on failure).
 */
VEILIG_API int veilig_municipality_set_code(veilig_municipality *m, const char *value);

/**
 * The common name ("Enschede"); borrowed, never NULL in a valid object.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the text, borrowed from the municipality; never NULL in a valid object; NULL for a NULL
 *         m.
 */
VEILIG_API const char *veilig_municipality_name(const veilig_municipality *m);
/**
 * Sets name (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m, a NULL, empty or non-UTF-8 value; VEILIG_ENOMEM
 *         (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_set_name(veilig_municipality *m, const char *value);

/**
 * The official name ("'s-Gravenhage"); borrowed, NULL when absent.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the text, borrowed from the municipality; NULL when absent or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_official_name(const veilig_municipality *m);
/**
 * Sets official name (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_set_official_name(veilig_municipality *m, const char *value);

/**
 * The province as ISO 3166-2 code ("NL-OV"); borrowed, NULL when absent.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the text, borrowed from the municipality; NULL when absent or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_province(const veilig_municipality *m);
/**
 * Sets province (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_set_province(veilig_municipality *m, const char *value);

/**
 * When it joined the programme: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param m    the municipality (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or m.
 */
VEILIG_API int veilig_municipality_membership_joined(veilig_date *out,
                                                     const veilig_municipality *m);
/**
 * Sets membership joined (copied); NULL removes it; VEILIG_EINVAL for an invalid date.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not a date.
 */
VEILIG_API int veilig_municipality_set_membership_joined(veilig_municipality *m,
                                                         const veilig_date *value);

/**
 * The start of its programme period: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param m    the municipality (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or m.
 */
VEILIG_API int veilig_municipality_membership_start(veilig_date *out, const veilig_municipality *m);
/**
 * Sets membership start (copied); NULL removes it; VEILIG_EINVAL for an invalid date.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not a date.
 */
VEILIG_API int veilig_municipality_set_membership_start(veilig_municipality *m,
                                                        const veilig_date *value);

/**
 * The end of its programme period: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param m    the municipality (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or m.
 */
VEILIG_API int veilig_municipality_membership_end(veilig_date *out, const veilig_municipality *m);
/**
 * Sets membership end (copied); NULL removes it; VEILIG_EINVAL for an invalid date.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not a date.
 */
VEILIG_API int veilig_municipality_set_membership_end(veilig_municipality *m,
                                                      const veilig_date *value);

/**
 * Its membership state. VEILIG_MEMBERSHIP_STATUS_OTHER when absent or unknown.
 *
 * @param m  the municipality (borrowed); NULL gives VEILIG_MEMBERSHIP_STATUS_OTHER.
 * @return the value; VEILIG_MEMBERSHIP_STATUS_OTHER when absent, for a code the library does not
 *         know (see the _code getter) or a NULL m.
 */
VEILIG_API veilig_membership_status
veilig_municipality_membership_status(const veilig_municipality *m);
/**
 * The membership status as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_membership_status_code(const veilig_municipality *m);
/**
 * Sets membership status; VEILIG_MEMBERSHIP_STATUS_OTHER removes it; VEILIG_EINVAL for a value out
 * of range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_MEMBERSHIP_STATUS_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not one of
 *         veilig_membership_status.
 */
VEILIG_API int veilig_municipality_set_membership_status(veilig_municipality *m,
                                                         veilig_membership_status value);

/**
 * The source's own words about its membership; borrowed, NULL when absent.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the text, borrowed from the municipality; NULL when absent or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_membership_note(const veilig_municipality *m);
/**
 * Sets membership note (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_set_membership_note(veilig_municipality *m, const char *value);

/**
 * The one-line summary, as on the programme's overview; borrowed, NULL when absent.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the text, borrowed from the municipality; NULL when absent or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_summary(const veilig_municipality *m);
/**
 * Sets summary (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_set_summary(veilig_municipality *m, const char *value);

/**
 * The ambition text; borrowed, NULL when absent.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the text, borrowed from the municipality; NULL when absent or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_ambition(const veilig_municipality *m);
/**
 * Sets ambition (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_set_ambition(veilig_municipality *m, const char *value);

/**
 * The target groups of its scope: their number, each value (VEILIG_TARGET_GROUP_OTHER for an
 * unknown code) and each code as stored (borrowed or static).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_target_group_count(const veilig_municipality *m);
/**
 * The value at index of the list veilig_municipality_target_group_count() counts.
 *
 * @param m      the municipality (borrowed); NULL gives VEILIG_TARGET_GROUP_OTHER.
 * @param index  the position in the list, from 0.
 * @return the value at index; VEILIG_TARGET_GROUP_OTHER for a code the library does not know (see
 *         the _code getter), an index out of range or a NULL m.
 */
VEILIG_API veilig_target_group veilig_municipality_target_group(const veilig_municipality *m,
                                                                size_t index);
/**
 * The code as stored of the value at index of the list veilig_municipality_target_group_count()
 * counts (borrowed or static).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the code at index: static for a code of the vocabulary, borrowed from the registry for an
 *         unknown one kept from the document; NULL when index is out of range or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_target_group_code(const veilig_municipality *m,
                                                             size_t index);
/**
 * Appends a value; VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for _OTHER or out of
 * range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the value to append: one of veilig_target_group, not VEILIG_TARGET_GROUP_OTHER.
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL m,
 *         VEILIG_TARGET_GROUP_OTHER or a value out of range; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_municipality_add_target_group(veilig_municipality *m,
                                                    veilig_target_group value);
/**
 * Removes the value at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_target_group(veilig_municipality *m, size_t index);

/**
 * The settings of its scope: their number, each value (VEILIG_SETTING_OTHER for an unknown code)
 * and each code as stored (borrowed or static).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_setting_count(const veilig_municipality *m);
/**
 * The value at index of the list veilig_municipality_setting_count() counts.
 *
 * @param m      the municipality (borrowed); NULL gives VEILIG_SETTING_OTHER.
 * @param index  the position in the list, from 0.
 * @return the value at index; VEILIG_SETTING_OTHER for a code the library does not know (see the
 *         _code getter), an index out of range or a NULL m.
 */
VEILIG_API veilig_setting veilig_municipality_setting(const veilig_municipality *m, size_t index);
/**
 * The code as stored of the value at index of the list veilig_municipality_setting_count() counts
 * (borrowed or static).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the code at index: static for a code of the vocabulary, borrowed from the registry for an
 *         unknown one kept from the document; NULL when index is out of range or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_setting_code(const veilig_municipality *m, size_t index);
/**
 * Appends a value; VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for _OTHER or out of
 * range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the value to append: one of veilig_setting, not VEILIG_SETTING_OTHER.
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL m,
 *         VEILIG_SETTING_OTHER or a value out of range; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_municipality_add_setting(veilig_municipality *m, veilig_setting value);
/**
 * Removes the value at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_setting(veilig_municipality *m, size_t index);

/**
 * The approaches it puts first: their number, each value (VEILIG_APPROACH_OTHER for an unknown
 * code) and each code as stored (borrowed or static).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_focus_count(const veilig_municipality *m);
/**
 * The value at index of the list veilig_municipality_focus_count() counts.
 *
 * @param m      the municipality (borrowed); NULL gives VEILIG_APPROACH_OTHER.
 * @param index  the position in the list, from 0.
 * @return the value at index; VEILIG_APPROACH_OTHER for a code the library does not know (see the
 *         _code getter), an index out of range or a NULL m.
 */
VEILIG_API veilig_approach veilig_municipality_focus(const veilig_municipality *m, size_t index);
/**
 * The code as stored of the value at index of the list veilig_municipality_focus_count() counts
 * (borrowed or static).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the code at index: static for a code of the vocabulary, borrowed from the registry for an
 *         unknown one kept from the document; NULL when index is out of range or for a NULL m.
 */
VEILIG_API const char *veilig_municipality_focus_code(const veilig_municipality *m, size_t index);
/**
 * Appends a value; VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for _OTHER or out of
 * range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the value to append: one of veilig_approach, not VEILIG_APPROACH_OTHER.
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL m,
 *         VEILIG_APPROACH_OTHER or a value out of range; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_municipality_add_focus(veilig_municipality *m, veilig_approach value);
/**
 * Removes the value at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_focus(veilig_municipality *m, size_t index);

/**
 * Approaches it says it does not pursue now, with the reason: their number, and each one (borrowed;
 * NULL when index is out of range).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_exclusion_count(const veilig_municipality *m);
/**
 * The one at index of the list veilig_municipality_exclusion_count() counts (borrowed; NULL when
 * index is out of range).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the exclusion at index, borrowed from the municipality; NULL when index is out of range
 *         or for a NULL m.
 */
VEILIG_API const veilig_exclusion *veilig_municipality_exclusion(const veilig_municipality *m,
                                                                 size_t index);
/**
 * The same, for changing it.
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the exclusion at index, borrowed from the municipality (for changing it); NULL when index
 *         is out of range or for a NULL m.
 */
VEILIG_API veilig_exclusion *veilig_municipality_exclusion_mut(veilig_municipality *m,
                                                               size_t index);
/**
 * Appends a new exclusion; out (may be NULL) receives it, borrowed from the municipality. The
 * arguments are copied; VEILIG_EINVAL when a required one is NULL, "" or _OTHER.
 *
 * @param out       receives the new exclusion, borrowed from the municipality; NULL on failure. May
 *                  be NULL.
 * @param m         the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param approach  the approach not pursued; not VEILIG_APPROACH_OTHER.
 * @param reason    why not (copied; valid UTF-8), or NULL for none.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m, an approach that is VEILIG_APPROACH_OTHER or out
 *         of range, or a reason that is not valid UTF-8; VEILIG_ENOMEM (the municipality is
 *         unchanged on failure).
 */
VEILIG_API int veilig_municipality_add_exclusion(veilig_exclusion **out, veilig_municipality *m,
                                                 veilig_approach approach, const char *reason);
/**
 * Removes the exclusion at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of
 * range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_exclusion(veilig_municipality *m, size_t index);

/**
 * Links to other policy, programmes, networks and laws: their number, and each one (borrowed; NULL
 * when index is out of range).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_policy_link_count(const veilig_municipality *m);
/**
 * The one at index of the list veilig_municipality_policy_link_count() counts (borrowed; NULL when
 * index is out of range).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the policy link at index, borrowed from the municipality; NULL when index is out of range
 *         or for a NULL m.
 */
VEILIG_API const veilig_policy_link *veilig_municipality_policy_link(const veilig_municipality *m,
                                                                     size_t index);
/**
 * The same, for changing it.
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the policy link at index, borrowed from the municipality (for changing it); NULL when
 *         index is out of range or for a NULL m.
 */
VEILIG_API veilig_policy_link *veilig_municipality_policy_link_mut(veilig_municipality *m,
                                                                   size_t index);
/**
 * Appends a new policy link; out (may be NULL) receives it, borrowed from the municipality. The
 * arguments are copied; VEILIG_EINVAL when a required one is NULL, "" or _OTHER.
 *
 * @param out   receives the new policy link, borrowed from the municipality; NULL on failure. May
 *              be NULL.
 * @param m     the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param name  the policy, programme, network or law (copied); required: not NULL or "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m, a name that is NULL, "" or not valid UTF-8;
 *         VEILIG_ENOMEM (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_add_policy_link(veilig_policy_link **out, veilig_municipality *m,
                                                   const char *name);
/**
 * Removes the policy link at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of
 * range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_policy_link(veilig_municipality *m, size_t index);

/**
 * The departments and organisations involved: their number, and each one (borrowed; NULL when index
 * is out of range).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_stakeholder_count(const veilig_municipality *m);
/**
 * The one at index of the list veilig_municipality_stakeholder_count() counts (borrowed; NULL when
 * index is out of range).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the stakeholder at index, borrowed from the municipality; NULL when index is out of range
 *         or for a NULL m.
 */
VEILIG_API const veilig_stakeholder *veilig_municipality_stakeholder(const veilig_municipality *m,
                                                                     size_t index);
/**
 * The same, for changing it.
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the stakeholder at index, borrowed from the municipality (for changing it); NULL when
 *         index is out of range or for a NULL m.
 */
VEILIG_API veilig_stakeholder *veilig_municipality_stakeholder_mut(veilig_municipality *m,
                                                                   size_t index);
/**
 * Appends a new stakeholder; out (may be NULL) receives it, borrowed from the municipality. The
 * arguments are copied; VEILIG_EINVAL when a required one is NULL, "" or _OTHER. VEILIG_EEXISTS
 * when the id is taken.
 *
 * @param out   receives the new stakeholder, borrowed from the municipality; NULL on failure. May
 *              be NULL.
 * @param m     the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param id    its id, unique within the municipality (copied); required: not NULL or "".
 * @param name  its name (copied); required: not NULL or "".
 * @param kind  its kind, or VEILIG_STAKEHOLDER_TYPE_OTHER for none.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m, an id or name that is NULL, "" or not valid UTF-8,
 *         or a kind out of range; VEILIG_EEXISTS when the municipality has a stakeholder with that
 *         id; VEILIG_ENOMEM (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_add_stakeholder(veilig_stakeholder **out, veilig_municipality *m,
                                                   const char *id, const char *name,
                                                   veilig_stakeholder_type kind);
/**
 * Removes the stakeholder at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of
 * range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_stakeholder(veilig_municipality *m, size_t index);

/**
 * The contacts: their number, and each one (borrowed; NULL when index is out of range).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_contact_count(const veilig_municipality *m);
/**
 * The one at index of the list veilig_municipality_contact_count() counts (borrowed; NULL when
 * index is out of range).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the contact at index, borrowed from the municipality; NULL when index is out of range or
 *         for a NULL m.
 */
VEILIG_API const veilig_contact *veilig_municipality_contact(const veilig_municipality *m,
                                                             size_t index);
/**
 * The same, for changing it.
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the contact at index, borrowed from the municipality (for changing it); NULL when index
 *         is out of range or for a NULL m.
 */
VEILIG_API veilig_contact *veilig_municipality_contact_mut(veilig_municipality *m, size_t index);
/**
 * Appends a new contact; out (may be NULL) receives it, borrowed from the municipality.
 *
 * @param out  receives the new contact, borrowed from the municipality; NULL on failure. May be
 *             NULL.
 * @param m    the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m; VEILIG_ENOMEM (the municipality is unchanged on
 *         failure).
 */
VEILIG_API int veilig_municipality_add_contact(veilig_contact **out, veilig_municipality *m);
/**
 * Removes the contact at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_contact(veilig_municipality *m, size_t index);

/**
 * The measures: their number, and each one (borrowed; NULL when index is out of range).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_measure_count(const veilig_municipality *m);
/**
 * The one at index of the list veilig_municipality_measure_count() counts (borrowed; NULL when
 * index is out of range).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the measure at index, borrowed from the municipality; NULL when index is out of range or
 *         for a NULL m.
 */
VEILIG_API const veilig_measure *veilig_municipality_measure(const veilig_municipality *m,
                                                             size_t index);
/**
 * The same, for changing it.
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the measure at index, borrowed from the municipality (for changing it); NULL when index
 *         is out of range or for a NULL m.
 */
VEILIG_API veilig_measure *veilig_municipality_measure_mut(veilig_municipality *m, size_t index);
/**
 * Appends a new measure; out (may be NULL) receives it, borrowed from the municipality. The
 * arguments are copied; VEILIG_EINVAL when a required one is NULL, "" or _OTHER. VEILIG_EEXISTS
 * when the id is taken.
 *
 * @param out       receives the new measure, borrowed from the municipality; NULL on failure. May
 *                  be NULL.
 * @param m         the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param id        its id, unique within the municipality (copied); required: not NULL or "".
 * @param name      its name (copied); required: not NULL or "".
 * @param category  its category; not VEILIG_CATEGORY_OTHER.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m, an id or name that is NULL, "" or not valid UTF-8,
 *         or a category that is VEILIG_CATEGORY_OTHER or out of range; VEILIG_EEXISTS when the
 *         municipality has a measure with that id; VEILIG_ENOMEM (the municipality is unchanged on
 *         failure).
 */
VEILIG_API int veilig_municipality_add_measure(veilig_measure **out, veilig_municipality *m,
                                               const char *id, const char *name,
                                               veilig_category category);
/**
 * Removes the measure at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_measure(veilig_municipality *m, size_t index);

/**
 * The indicators: their number, and each one (borrowed; NULL when index is out of range).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_indicator_count(const veilig_municipality *m);
/**
 * The one at index of the list veilig_municipality_indicator_count() counts (borrowed; NULL when
 * index is out of range).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the indicator at index, borrowed from the municipality; NULL when index is out of range
 *         or for a NULL m.
 */
VEILIG_API const veilig_indicator *veilig_municipality_indicator(const veilig_municipality *m,
                                                                 size_t index);
/**
 * The same, for changing it.
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the indicator at index, borrowed from the municipality (for changing it); NULL when index
 *         is out of range or for a NULL m.
 */
VEILIG_API veilig_indicator *veilig_municipality_indicator_mut(veilig_municipality *m,
                                                               size_t index);
/**
 * Appends a new indicator; out (may be NULL) receives it, borrowed from the municipality. The
 * arguments are copied; VEILIG_EINVAL when a required one is NULL, "" or _OTHER. VEILIG_EEXISTS
 * when the id is taken.
 *
 * @param out   receives the new indicator, borrowed from the municipality; NULL on failure. May be
 *              NULL.
 * @param m     the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param id    its id, unique within the municipality (copied); required: not NULL or "".
 * @param name  what it measures (copied); required: not NULL or "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m, an id or name that is NULL, "" or not valid UTF-8;
 *         VEILIG_EEXISTS when the municipality has a indicator with that id; VEILIG_ENOMEM (the
 *         municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_add_indicator(veilig_indicator **out, veilig_municipality *m,
                                                 const char *id, const char *name);
/**
 * Removes the indicator at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of
 * range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_indicator(veilig_municipality *m, size_t index);

/**
 * Where the facts come from: their number, and each one (borrowed; NULL when index is out of
 * range).
 *
 * @param m  the municipality (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL m.
 */
VEILIG_API size_t veilig_municipality_source_count(const veilig_municipality *m);
/**
 * The one at index of the list veilig_municipality_source_count() counts (borrowed; NULL when index
 * is out of range).
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the source at index, borrowed from the municipality; NULL when index is out of range or
 *         for a NULL m.
 */
VEILIG_API const veilig_source *veilig_municipality_source(const veilig_municipality *m,
                                                           size_t index);
/**
 * The same, for changing it.
 *
 * @param m      the municipality (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the source at index, borrowed from the municipality (for changing it); NULL when index is
 *         out of range or for a NULL m.
 */
VEILIG_API veilig_source *veilig_municipality_source_mut(veilig_municipality *m, size_t index);
/**
 * Appends a new source; out (may be NULL) receives it, borrowed from the municipality. The
 * arguments are copied; VEILIG_EINVAL when a required one is NULL, "" or _OTHER.
 *
 * @param out    receives the new source, borrowed from the municipality; NULL on failure. May be
 *               NULL.
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param title  the source's title (copied); required: not NULL or "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL m, a title that is NULL, "" or not valid UTF-8;
 *         VEILIG_ENOMEM (the municipality is unchanged on failure).
 */
VEILIG_API int veilig_municipality_add_source(veilig_source **out, veilig_municipality *m,
                                              const char *title);
/**
 * Removes the source at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of range.
 *
 * @param m      the municipality to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL m.
 */
VEILIG_API int veilig_municipality_remove_source(veilig_municipality *m, size_t index);

/* ---- exclusion: an approach a municipality says it does not pursue now ---- */

/**
 * The approach. VEILIG_APPROACH_OTHER when absent or unknown.
 *
 * @param x  the exclusion (borrowed); NULL gives VEILIG_APPROACH_OTHER.
 * @return the value; VEILIG_APPROACH_OTHER when absent, for a code the library does not know (see
 *         the _code getter) or a NULL x.
 */
VEILIG_API veilig_approach veilig_exclusion_approach(const veilig_exclusion *x);
/**
 * The approach as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param x  the exclusion (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL x.
 */
VEILIG_API const char *veilig_exclusion_approach_code(const veilig_exclusion *x);
/**
 * Sets approach; VEILIG_APPROACH_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param x      the exclusion to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_APPROACH_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL x or a value that is not one of veilig_approach.
 */
VEILIG_API int veilig_exclusion_set_approach(veilig_exclusion *x, veilig_approach value);

/**
 * Why not; borrowed, NULL when absent.
 *
 * @param x  the exclusion (borrowed); NULL gives NULL.
 * @return the text, borrowed from the exclusion; NULL when absent or for a NULL x.
 */
VEILIG_API const char *veilig_exclusion_reason(const veilig_exclusion *x);
/**
 * Sets reason (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param x      the exclusion to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL x or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the exclusion is unchanged on failure).
 */
VEILIG_API int veilig_exclusion_set_reason(veilig_exclusion *x, const char *value);

/* ---- policy_link: a link to other policy ---- */

/**
 * The policy, programme, network or law ("Integraal Veiligheidsbeleid"); borrowed, never NULL in a
 * valid object.
 *
 * @param l  the policy link (borrowed); NULL gives NULL.
 * @return the text, borrowed from the policy link; never NULL in a valid object; NULL for a NULL l.
 */
VEILIG_API const char *veilig_policy_link_name(const veilig_policy_link *l);
/**
 * Sets name (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 *
 * @param l      the policy link to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL l, a NULL, empty or non-UTF-8 value; VEILIG_ENOMEM
 *         (the policy link is unchanged on failure).
 */
VEILIG_API int veilig_policy_link_set_name(veilig_policy_link *l, const char *value);

/**
 * What it is. VEILIG_LINK_KIND_OTHER when absent or unknown.
 *
 * @param l  the policy link (borrowed); NULL gives VEILIG_LINK_KIND_OTHER.
 * @return the value; VEILIG_LINK_KIND_OTHER when absent, for a code the library does not know (see
 *         the _code getter) or a NULL l.
 */
VEILIG_API veilig_link_kind veilig_policy_link_kind(const veilig_policy_link *l);
/**
 * The kind as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param l  the policy link (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL l.
 */
VEILIG_API const char *veilig_policy_link_kind_code(const veilig_policy_link *l);
/**
 * Sets kind; VEILIG_LINK_KIND_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param l      the policy link to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_LINK_KIND_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL l or a value that is not one of veilig_link_kind.
 */
VEILIG_API int veilig_policy_link_set_kind(veilig_policy_link *l, veilig_link_kind value);

/**
 * How the approach relates to it. VEILIG_LINK_RELATION_OTHER when absent or unknown.
 *
 * @param l  the policy link (borrowed); NULL gives VEILIG_LINK_RELATION_OTHER.
 * @return the value; VEILIG_LINK_RELATION_OTHER when absent, for a code the library does not know
 *         (see the _code getter) or a NULL l.
 */
VEILIG_API veilig_link_relation veilig_policy_link_relation(const veilig_policy_link *l);
/**
 * The relation as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param l  the policy link (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL l.
 */
VEILIG_API const char *veilig_policy_link_relation_code(const veilig_policy_link *l);
/**
 * Sets relation; VEILIG_LINK_RELATION_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param l      the policy link to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_LINK_RELATION_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL l or a value that is not one of veilig_link_relation.
 */
VEILIG_API int veilig_policy_link_set_relation(veilig_policy_link *l, veilig_link_relation value);

/**
 * The source's own words; borrowed, NULL when absent.
 *
 * @param l  the policy link (borrowed); NULL gives NULL.
 * @return the text, borrowed from the policy link; NULL when absent or for a NULL l.
 */
VEILIG_API const char *veilig_policy_link_note(const veilig_policy_link *l);
/**
 * Sets note (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param l      the policy link to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL l or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the policy link is unchanged on failure).
 */
VEILIG_API int veilig_policy_link_set_note(veilig_policy_link *l, const char *value);

/* ---- stakeholder: a department or organisation involved ---- */

/**
 * The id, unique within the municipality ("team-veiligheid"); borrowed, never NULL in a valid
 * object.
 *
 * @param s  the stakeholder (borrowed); NULL gives NULL.
 * @return the text, borrowed from the stakeholder; never NULL in a valid object; NULL for a NULL s.
 */
VEILIG_API const char *veilig_stakeholder_id(const veilig_stakeholder *s);
/**
 * Sets id (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 * VEILIG_EEXISTS when another object of the parent has it.
 *
 * @param s      the stakeholder to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL s, a NULL, empty or non-UTF-8 value; VEILIG_EEXISTS
 *         when another object of the parent has it; VEILIG_ENOMEM (the stakeholder is unchanged on
 *         failure).
 */
VEILIG_API int veilig_stakeholder_set_id(veilig_stakeholder *s, const char *value);

/**
 * The name; borrowed, never NULL in a valid object.
 *
 * @param s  the stakeholder (borrowed); NULL gives NULL.
 * @return the text, borrowed from the stakeholder; never NULL in a valid object; NULL for a NULL s.
 */
VEILIG_API const char *veilig_stakeholder_name(const veilig_stakeholder *s);
/**
 * Sets name (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 *
 * @param s      the stakeholder to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL s, a NULL, empty or non-UTF-8 value; VEILIG_ENOMEM
 *         (the stakeholder is unchanged on failure).
 */
VEILIG_API int veilig_stakeholder_set_name(veilig_stakeholder *s, const char *value);

/**
 * The kind. VEILIG_STAKEHOLDER_TYPE_OTHER when absent or unknown.
 *
 * @param s  the stakeholder (borrowed); NULL gives VEILIG_STAKEHOLDER_TYPE_OTHER.
 * @return the value; VEILIG_STAKEHOLDER_TYPE_OTHER when absent, for a code the library does not
 *         know (see the _code getter) or a NULL s.
 */
VEILIG_API veilig_stakeholder_type veilig_stakeholder_kind(const veilig_stakeholder *s);
/**
 * The kind as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param s  the stakeholder (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL s.
 */
VEILIG_API const char *veilig_stakeholder_kind_code(const veilig_stakeholder *s);
/**
 * Sets kind; VEILIG_STAKEHOLDER_TYPE_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param s      the stakeholder to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_STAKEHOLDER_TYPE_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL s or a value that is not one of
 *         veilig_stakeholder_type.
 */
VEILIG_API int veilig_stakeholder_set_kind(veilig_stakeholder *s, veilig_stakeholder_type value);

/**
 * Its roles in the approach: their number, each value (VEILIG_ROLE_OTHER for an unknown code) and
 * each code as stored (borrowed or static).
 *
 * @param s  the stakeholder (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL s.
 */
VEILIG_API size_t veilig_stakeholder_role_count(const veilig_stakeholder *s);
/**
 * The value at index of the list veilig_stakeholder_role_count() counts.
 *
 * @param s      the stakeholder (borrowed); NULL gives VEILIG_ROLE_OTHER.
 * @param index  the position in the list, from 0.
 * @return the value at index; VEILIG_ROLE_OTHER for a code the library does not know (see the _code
 *         getter), an index out of range or a NULL s.
 */
VEILIG_API veilig_role veilig_stakeholder_role(const veilig_stakeholder *s, size_t index);
/**
 * The code as stored of the value at index of the list veilig_stakeholder_role_count() counts
 * (borrowed or static).
 *
 * @param s      the stakeholder (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the code at index: static for a code of the vocabulary, borrowed from the registry for an
 *         unknown one kept from the document; NULL when index is out of range or for a NULL s.
 */
VEILIG_API const char *veilig_stakeholder_role_code(const veilig_stakeholder *s, size_t index);
/**
 * Appends a value; VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for _OTHER or out of
 * range.
 *
 * @param s      the stakeholder to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the value to append: one of veilig_role, not VEILIG_ROLE_OTHER.
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL s,
 *         VEILIG_ROLE_OTHER or a value out of range; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_stakeholder_add_role(veilig_stakeholder *s, veilig_role value);
/**
 * Removes the value at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param s      the stakeholder to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL s.
 */
VEILIG_API int veilig_stakeholder_remove_role(veilig_stakeholder *s, size_t index);

/**
 * The id of the stakeholder it is part of; borrowed, NULL when absent.
 *
 * @param s  the stakeholder (borrowed); NULL gives NULL.
 * @return the text, borrowed from the stakeholder; NULL when absent or for a NULL s.
 */
VEILIG_API const char *veilig_stakeholder_parent(const veilig_stakeholder *s);
/**
 * Sets parent (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param s      the stakeholder to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL s or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the stakeholder is unchanged on failure).
 */
VEILIG_API int veilig_stakeholder_set_parent(veilig_stakeholder *s, const char *value);

/**
 * The source's own words; borrowed, NULL when absent.
 *
 * @param s  the stakeholder (borrowed); NULL gives NULL.
 * @return the text, borrowed from the stakeholder; NULL when absent or for a NULL s.
 */
VEILIG_API const char *veilig_stakeholder_note(const veilig_stakeholder *s);
/**
 * Sets note (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param s      the stakeholder to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL s or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the stakeholder is unchanged on failure).
 */
VEILIG_API int veilig_stakeholder_set_note(veilig_stakeholder *s, const char *value);

/* ---- contact: a contact ---- */

/**
 * The id of the stakeholder the contact belongs to; borrowed, NULL when absent.
 *
 * @param c  the contact (borrowed); NULL gives NULL.
 * @return the text, borrowed from the contact; NULL when absent or for a NULL c.
 */
VEILIG_API const char *veilig_contact_stakeholder(const veilig_contact *c);
/**
 * Sets stakeholder (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param c      the contact to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL c or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the contact is unchanged on failure).
 */
VEILIG_API int veilig_contact_set_stakeholder(veilig_contact *c, const char *value);

/**
 * The contact's role. VEILIG_ROLE_OTHER when absent or unknown.
 *
 * @param c  the contact (borrowed); NULL gives VEILIG_ROLE_OTHER.
 * @return the value; VEILIG_ROLE_OTHER when absent, for a code the library does not know (see the
 *         _code getter) or a NULL c.
 */
VEILIG_API veilig_role veilig_contact_role(const veilig_contact *c);
/**
 * The role as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param c  the contact (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL c.
 */
VEILIG_API const char *veilig_contact_role_code(const veilig_contact *c);
/**
 * Sets role; VEILIG_ROLE_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param c      the contact to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_ROLE_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL c or a value that is not one of veilig_role.
 */
VEILIG_API int veilig_contact_set_role(veilig_contact *c, veilig_role value);

/**
 * The name of the person or desk; borrowed, NULL when absent.
 *
 * @param c  the contact (borrowed); NULL gives NULL.
 * @return the text, borrowed from the contact; NULL when absent or for a NULL c.
 */
VEILIG_API const char *veilig_contact_name(const veilig_contact *c);
/**
 * Sets name (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param c      the contact to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL c or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the contact is unchanged on failure).
 */
VEILIG_API int veilig_contact_set_name(veilig_contact *c, const char *value);

/**
 * The phone number, as written; borrowed, NULL when absent.
 *
 * @param c  the contact (borrowed); NULL gives NULL.
 * @return the text, borrowed from the contact; NULL when absent or for a NULL c.
 */
VEILIG_API const char *veilig_contact_phone(const veilig_contact *c);
/**
 * Sets phone (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param c      the contact to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL c or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the contact is unchanged on failure).
 */
VEILIG_API int veilig_contact_set_phone(veilig_contact *c, const char *value);

/**
 * The e-mail address; borrowed, NULL when absent.
 *
 * @param c  the contact (borrowed); NULL gives NULL.
 * @return the text, borrowed from the contact; NULL when absent or for a NULL c.
 */
VEILIG_API const char *veilig_contact_email(const veilig_contact *c);
/**
 * Sets email (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param c      the contact to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL c or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the contact is unchanged on failure).
 */
VEILIG_API int veilig_contact_set_email(veilig_contact *c, const char *value);

/**
 * Whether this is data about a natural person (reports leave it out unless asked): 1 or 0 (absent).
 *
 * @param c  the contact (borrowed); NULL gives 0.
 * @return 1 when marked personal, else 0 (also for a NULL c).
 */
VEILIG_API int veilig_contact_personal(const veilig_contact *c);
/**
 * Sets it; 0 removes it.
 *
 * @param c      the contact to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  nonzero: personal data; 0: not (removes the mark).
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL c.
 */
VEILIG_API int veilig_contact_set_personal(veilig_contact *c, int value);

/* ---- source: where facts come from ---- */

/**
 * The title of the page or document; borrowed, never NULL in a valid object.
 *
 * @param r  the source (borrowed); NULL gives NULL.
 * @return the text, borrowed from the source; never NULL in a valid object; NULL for a NULL r.
 */
VEILIG_API const char *veilig_source_title(const veilig_source *r);
/**
 * Sets title (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 *
 * @param r      the source to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL r, a NULL, empty or non-UTF-8 value; VEILIG_ENOMEM
 *         (the source is unchanged on failure).
 */
VEILIG_API int veilig_source_set_title(veilig_source *r, const char *value);

/**
 * Who published it; borrowed, NULL when absent.
 *
 * @param r  the source (borrowed); NULL gives NULL.
 * @return the text, borrowed from the source; NULL when absent or for a NULL r.
 */
VEILIG_API const char *veilig_source_publisher(const veilig_source *r);
/**
 * Sets publisher (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param r      the source to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL r or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the source is unchanged on failure).
 */
VEILIG_API int veilig_source_set_publisher(veilig_source *r, const char *value);

/**
 * Its address; borrowed, NULL when absent.
 *
 * @param r  the source (borrowed); NULL gives NULL.
 * @return the text, borrowed from the source; NULL when absent or for a NULL r.
 */
VEILIG_API const char *veilig_source_url(const veilig_source *r);
/**
 * Sets url (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param r      the source to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL r or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the source is unchanged on failure).
 */
VEILIG_API int veilig_source_set_url(veilig_source *r, const char *value);

/**
 * When it was read: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param r    the source (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or r.
 */
VEILIG_API int veilig_source_retrieved(veilig_date *out, const veilig_source *r);
/**
 * Sets retrieved (copied); NULL removes it; VEILIG_EINVAL for an invalid date.
 *
 * @param r      the source to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL r or a value that is not a date.
 */
VEILIG_API int veilig_source_set_retrieved(veilig_source *r, const veilig_date *value);

/* ---- measure: a measure: an activity of the approach ---- */

/**
 * The id, unique within the municipality, [a-z0-9-]+ ("pub-ploeg"); borrowed, never NULL in a valid
 * object.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the text, borrowed from the measure; never NULL in a valid object; NULL for a NULL ms.
 */
VEILIG_API const char *veilig_measure_id(const veilig_measure *ms);
/**
 * Sets id (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 * VEILIG_EEXISTS when another object of the parent has it.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms, a NULL, empty or non-UTF-8 value; VEILIG_EEXISTS
 *         when another object of the parent has it; VEILIG_ENOMEM (the measure is unchanged on
 *         failure).
 */
VEILIG_API int veilig_measure_set_id(veilig_measure *ms, const char *value);

/**
 * The name; borrowed, never NULL in a valid object.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the text, borrowed from the measure; never NULL in a valid object; NULL for a NULL ms.
 */
VEILIG_API const char *veilig_measure_name(const veilig_measure *ms);
/**
 * Sets name (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms, a NULL, empty or non-UTF-8 value; VEILIG_ENOMEM
 *         (the measure is unchanged on failure).
 */
VEILIG_API int veilig_measure_set_name(veilig_measure *ms, const char *value);

/**
 * What it does; borrowed, NULL when absent.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the text, borrowed from the measure; NULL when absent or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_description(const veilig_measure *ms);
/**
 * Sets description (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the measure is unchanged on failure).
 */
VEILIG_API int veilig_measure_set_description(veilig_measure *ms, const char *value);

/**
 * The category (required in a document). VEILIG_CATEGORY_OTHER when absent or unknown.
 *
 * @param ms  the measure (borrowed); NULL gives VEILIG_CATEGORY_OTHER.
 * @return the value; VEILIG_CATEGORY_OTHER when absent, for a code the library does not know (see
 *         the _code getter) or a NULL ms.
 */
VEILIG_API veilig_category veilig_measure_category(const veilig_measure *ms);
/**
 * The category as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_category_code(const veilig_measure *ms);
/**
 * Sets category; VEILIG_CATEGORY_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_CATEGORY_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not one of veilig_category.
 */
VEILIG_API int veilig_measure_set_category(veilig_measure *ms, veilig_category value);

/**
 * The approach: the stored one, or the category's usual approach when absent (the _code getter
 * returns NULL then). VEILIG_APPROACH_OTHER when absent or unknown.
 *
 * @param ms  the measure (borrowed); NULL gives VEILIG_APPROACH_OTHER.
 * @return the approach stored, or else the usual approach of the measure's category;
 *         VEILIG_APPROACH_OTHER when neither is known or for a NULL ms.
 */
VEILIG_API veilig_approach veilig_measure_approach(const veilig_measure *ms);
/**
 * The approach as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_approach_code(const veilig_measure *ms);
/**
 * Sets approach; VEILIG_APPROACH_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_APPROACH_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not one of veilig_approach.
 */
VEILIG_API int veilig_measure_set_approach(veilig_measure *ms, veilig_approach value);

/**
 * The target groups it serves: their number, each value (VEILIG_TARGET_GROUP_OTHER for an unknown
 * code) and each code as stored (borrowed or static).
 *
 * @param ms  the measure (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL ms.
 */
VEILIG_API size_t veilig_measure_target_group_count(const veilig_measure *ms);
/**
 * The value at index of the list veilig_measure_target_group_count() counts.
 *
 * @param ms     the measure (borrowed); NULL gives VEILIG_TARGET_GROUP_OTHER.
 * @param index  the position in the list, from 0.
 * @return the value at index; VEILIG_TARGET_GROUP_OTHER for a code the library does not know (see
 *         the _code getter), an index out of range or a NULL ms.
 */
VEILIG_API veilig_target_group veilig_measure_target_group(const veilig_measure *ms, size_t index);
/**
 * The code as stored of the value at index of the list veilig_measure_target_group_count() counts
 * (borrowed or static).
 *
 * @param ms     the measure (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the code at index: static for a code of the vocabulary, borrowed from the registry for an
 *         unknown one kept from the document; NULL when index is out of range or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_target_group_code(const veilig_measure *ms, size_t index);
/**
 * Appends a value; VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for _OTHER or out of
 * range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the value to append: one of veilig_target_group, not VEILIG_TARGET_GROUP_OTHER.
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL ms,
 *         VEILIG_TARGET_GROUP_OTHER or a value out of range; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_measure_add_target_group(veilig_measure *ms, veilig_target_group value);
/**
 * Removes the value at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL ms.
 */
VEILIG_API int veilig_measure_remove_target_group(veilig_measure *ms, size_t index);

/**
 * The settings it works in: their number, each value (VEILIG_SETTING_OTHER for an unknown code) and
 * each code as stored (borrowed or static).
 *
 * @param ms  the measure (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL ms.
 */
VEILIG_API size_t veilig_measure_setting_count(const veilig_measure *ms);
/**
 * The value at index of the list veilig_measure_setting_count() counts.
 *
 * @param ms     the measure (borrowed); NULL gives VEILIG_SETTING_OTHER.
 * @param index  the position in the list, from 0.
 * @return the value at index; VEILIG_SETTING_OTHER for a code the library does not know (see the
 *         _code getter), an index out of range or a NULL ms.
 */
VEILIG_API veilig_setting veilig_measure_setting(const veilig_measure *ms, size_t index);
/**
 * The code as stored of the value at index of the list veilig_measure_setting_count() counts
 * (borrowed or static).
 *
 * @param ms     the measure (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the code at index: static for a code of the vocabulary, borrowed from the registry for an
 *         unknown one kept from the document; NULL when index is out of range or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_setting_code(const veilig_measure *ms, size_t index);
/**
 * Appends a value; VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for _OTHER or out of
 * range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the value to append: one of veilig_setting, not VEILIG_SETTING_OTHER.
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL ms,
 *         VEILIG_SETTING_OTHER or a value out of range; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_measure_add_setting(veilig_measure *ms, veilig_setting value);
/**
 * Removes the value at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL ms.
 */
VEILIG_API int veilig_measure_remove_setting(veilig_measure *ms, size_t index);

/**
 * The area it works in ("binnenstad"); borrowed, NULL when absent.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the text, borrowed from the measure; NULL when absent or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_area_name(const veilig_measure *ms);
/**
 * Sets area name (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the measure is unchanged on failure).
 */
VEILIG_API int veilig_measure_set_area_name(veilig_measure *ms, const char *value);

/**
 * The source's own words about the area; borrowed, NULL when absent.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the text, borrowed from the measure; NULL when absent or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_area_note(const veilig_measure *ms);
/**
 * Sets area note (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the measure is unchanged on failure).
 */
VEILIG_API int veilig_measure_set_area_note(veilig_measure *ms, const char *value);

/**
 * The schedule: when it runs: their number, and each one (borrowed; NULL when index is out of
 * range).
 *
 * @param ms  the measure (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL ms.
 */
VEILIG_API size_t veilig_measure_window_count(const veilig_measure *ms);
/**
 * The one at index of the list veilig_measure_window_count() counts (borrowed; NULL when index is
 * out of range).
 *
 * @param ms     the measure (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the window at index, borrowed from the measure; NULL when index is out of range or for a
 *         NULL ms.
 */
VEILIG_API const veilig_window *veilig_measure_window(const veilig_measure *ms, size_t index);
/**
 * The same, for changing it.
 *
 * @param ms     the measure (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the window at index, borrowed from the measure (for changing it); NULL when index is out
 *         of range or for a NULL ms.
 */
VEILIG_API veilig_window *veilig_measure_window_mut(veilig_measure *ms, size_t index);
/**
 * Appends a new window; out (may be NULL) receives it, borrowed from the measure.
 *
 * @param out  receives the new window, borrowed from the measure; NULL on failure. May be NULL.
 * @param ms   the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms; VEILIG_ENOMEM (the measure is unchanged on
 *         failure).
 */
VEILIG_API int veilig_measure_add_window(veilig_window **out, veilig_measure *ms);
/**
 * Removes the window at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL ms.
 */
VEILIG_API int veilig_measure_remove_window(veilig_measure *ms, size_t index);

/**
 * The stakeholders that carry it, with their roles: their number, and each one (borrowed; NULL when
 * index is out of range).
 *
 * @param ms  the measure (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL ms.
 */
VEILIG_API size_t veilig_measure_partner_count(const veilig_measure *ms);
/**
 * The one at index of the list veilig_measure_partner_count() counts (borrowed; NULL when index is
 * out of range).
 *
 * @param ms     the measure (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the partner at index, borrowed from the measure; NULL when index is out of range or for a
 *         NULL ms.
 */
VEILIG_API const veilig_partner *veilig_measure_partner(const veilig_measure *ms, size_t index);
/**
 * The same, for changing it.
 *
 * @param ms     the measure (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the partner at index, borrowed from the measure (for changing it); NULL when index is out
 *         of range or for a NULL ms.
 */
VEILIG_API veilig_partner *veilig_measure_partner_mut(veilig_measure *ms, size_t index);
/**
 * Appends a new partner; out (may be NULL) receives it, borrowed from the measure. The stakeholder
 * id is copied (VEILIG_EINVAL when NULL or ""); role VEILIG_ROLE_OTHER gives a partner without a
 * role.
 *
 * @param out          receives the new partner, borrowed from the measure; NULL on failure. May be
 *                     NULL.
 * @param ms           the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param stakeholder  the id of the stakeholder (copied); required: not NULL or "".
 * @param role         its role in the measure, or VEILIG_ROLE_OTHER for none.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms, a stakeholder id that is NULL, "" or not valid
 *         UTF-8, or a role out of range; VEILIG_ENOMEM (the measure is unchanged on failure).
 */
VEILIG_API int veilig_measure_add_partner(veilig_partner **out, veilig_measure *ms,
                                          const char *stakeholder, veilig_role role);
/**
 * Removes the partner at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL ms.
 */
VEILIG_API int veilig_measure_remove_partner(veilig_measure *ms, size_t index);

/**
 * Its state. VEILIG_MEASURE_STATE_OTHER when absent or unknown.
 *
 * @param ms  the measure (borrowed); NULL gives VEILIG_MEASURE_STATE_OTHER.
 * @return the value; VEILIG_MEASURE_STATE_OTHER when absent, for a code the library does not know
 *         (see the _code getter) or a NULL ms.
 */
VEILIG_API veilig_measure_state veilig_measure_status(const veilig_measure *ms);
/**
 * The status as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_status_code(const veilig_measure *ms);
/**
 * Sets status; VEILIG_MEASURE_STATE_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_MEASURE_STATE_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not one of
 *         veilig_measure_state.
 */
VEILIG_API int veilig_measure_set_status(veilig_measure *ms, veilig_measure_state value);

/**
 * When it started: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param ms   the measure (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or
 *         ms.
 */
VEILIG_API int veilig_measure_period_start(veilig_date *out, const veilig_measure *ms);
/**
 * Sets period start (copied); NULL removes it; VEILIG_EINVAL for an invalid date.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not a date.
 */
VEILIG_API int veilig_measure_set_period_start(veilig_measure *ms, const veilig_date *value);

/**
 * When it ends or ended: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param ms   the measure (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or
 *         ms.
 */
VEILIG_API int veilig_measure_period_end(veilig_date *out, const veilig_measure *ms);
/**
 * Sets period end (copied); NULL removes it; VEILIG_EINVAL for an invalid date.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not a date.
 */
VEILIG_API int veilig_measure_set_period_end(veilig_measure *ms, const veilig_date *value);

/**
 * The budget in whole cents: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when there is none.
 *
 * @param out  receives the amount in cents; untouched unless VEILIG_OK; not NULL.
 * @param ms   the measure (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when there is no budget; VEILIG_EINVAL for a
 *         NULL out or ms.
 */
VEILIG_API int veilig_measure_budget_cents(int64_t *out, const veilig_measure *ms);
/**
 * The budget's currency (ISO 4217, "EUR"); borrowed, NULL when absent.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the code, borrowed from the measure; NULL when there is no budget or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_budget_currency(const veilig_measure *ms);
/**
 * The start of the period the budget covers: VEILIG_OK and *out set, or VEILIG_ENOTFOUND.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param ms   the measure (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when there is no budget or it has no start;
 *         VEILIG_EINVAL for a NULL out or ms.
 */
VEILIG_API int veilig_measure_budget_start(veilig_date *out, const veilig_measure *ms);
/**
 * The end of the period the budget covers: VEILIG_OK and *out set, or VEILIG_ENOTFOUND.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param ms   the measure (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when there is no budget or it has no end;
 *         VEILIG_EINVAL for a NULL out or ms.
 */
VEILIG_API int veilig_measure_budget_end(veilig_date *out, const veilig_measure *ms);
/**
 * Sets the budget: 0 <= cents < 10^18 (VEILIG_EINVAL otherwise), currency copied (three letters
 * A-Z; NULL means "EUR"). The budget period is kept.
 *
 * @param ms        the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param cents     the amount in whole cents: 0 <= cents < 10^18.
 * @param currency  the ISO 4217 code, three capital letters (copied); NULL means "EUR".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms, cents out of range or a currency that is not
 *         three capital letters; VEILIG_ENOMEM (the measure is unchanged on failure).
 */
VEILIG_API int veilig_measure_set_budget(veilig_measure *ms, int64_t cents, const char *currency);
/**
 * Sets the period the budget covers (either may be NULL); VEILIG_ENOTFOUND without a budget.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param start  the first day of the period (copied), or NULL for none.
 * @param end    the last day of the period (copied), or NULL for none.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when the measure has no budget; VEILIG_EINVAL for a NULL ms
 *         or a start or end that is not a date (the measure is unchanged on failure).
 */
VEILIG_API int veilig_measure_set_budget_period(veilig_measure *ms, const veilig_date *start,
                                                const veilig_date *end);
/**
 * Removes the budget and its period.
 *
 * @param ms  the measure to change (borrowed); NULL is a no-op.
 */
VEILIG_API void veilig_measure_clear_budget(veilig_measure *ms);

/**
 * Its evidence level. VEILIG_EVIDENCE_OTHER when absent or unknown.
 *
 * @param ms  the measure (borrowed); NULL gives VEILIG_EVIDENCE_OTHER.
 * @return the value; VEILIG_EVIDENCE_OTHER when absent, for a code the library does not know (see
 *         the _code getter) or a NULL ms.
 */
VEILIG_API veilig_evidence veilig_measure_evidence(const veilig_measure *ms);
/**
 * The evidence as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL ms.
 */
VEILIG_API const char *veilig_measure_evidence_code(const veilig_measure *ms);
/**
 * Sets evidence; VEILIG_EVIDENCE_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_EVIDENCE_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL ms or a value that is not one of veilig_evidence.
 */
VEILIG_API int veilig_measure_set_evidence(veilig_measure *ms, veilig_evidence value);

/**
 * The ids of the municipality's indicators it serves: their number and each id (borrowed).
 *
 * @param ms  the measure (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL ms.
 */
VEILIG_API size_t veilig_measure_indicator_count(const veilig_measure *ms);
/**
 * The id at index of the list veilig_measure_indicator_count() counts (borrowed).
 *
 * @param ms     the measure (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the id at index, borrowed from the measure; NULL when index is out of range or for a NULL
 *         ms.
 */
VEILIG_API const char *veilig_measure_indicator(const veilig_measure *ms, size_t index);
/**
 * Appends an id (copied); VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for NULL or "".
 *
 * @param ms  the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param id  the id of an indicator of the municipality (copied); not NULL or "".
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL ms, a NULL
 *         or empty id or one that is not valid UTF-8; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_measure_add_indicator(veilig_measure *ms, const char *id);
/**
 * Removes the id at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param ms     the measure to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL ms.
 */
VEILIG_API int veilig_measure_remove_indicator(veilig_measure *ms, size_t index);

/* ---- window: a time window of a schedule ---- */

/**
 * The days of the week: their number, each value (VEILIG_DAY_OTHER for an unknown code) and each
 * code as stored (borrowed or static).
 *
 * @param w  the window (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL w.
 */
VEILIG_API size_t veilig_window_day_count(const veilig_window *w);
/**
 * The value at index of the list veilig_window_day_count() counts.
 *
 * @param w      the window (borrowed); NULL gives VEILIG_DAY_OTHER.
 * @param index  the position in the list, from 0.
 * @return the value at index; VEILIG_DAY_OTHER for a code the library does not know (see the _code
 *         getter), an index out of range or a NULL w.
 */
VEILIG_API veilig_day veilig_window_day(const veilig_window *w, size_t index);
/**
 * The code as stored of the value at index of the list veilig_window_day_count() counts (borrowed
 * or static).
 *
 * @param w      the window (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the code at index: static for a code of the vocabulary, borrowed from the registry for an
 *         unknown one kept from the document; NULL when index is out of range or for a NULL w.
 */
VEILIG_API const char *veilig_window_day_code(const veilig_window *w, size_t index);
/**
 * Appends a value; VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for _OTHER or out of
 * range.
 *
 * @param w      the window to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the value to append: one of veilig_day, not VEILIG_DAY_OTHER.
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL w,
 *         VEILIG_DAY_OTHER or a value out of range; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_window_add_day(veilig_window *w, veilig_day value);
/**
 * Removes the value at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param w      the window to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL w.
 */
VEILIG_API int veilig_window_remove_day(veilig_window *w, size_t index);

/**
 * The parts of the day (morning 06-12, afternoon 12-18, evening 18-24, night 00-06): their number,
 * each value (VEILIG_DAYPART_OTHER for an unknown code) and each code as stored (borrowed or
 * static).
 *
 * @param w  the window (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL w.
 */
VEILIG_API size_t veilig_window_daypart_count(const veilig_window *w);
/**
 * The value at index of the list veilig_window_daypart_count() counts.
 *
 * @param w      the window (borrowed); NULL gives VEILIG_DAYPART_OTHER.
 * @param index  the position in the list, from 0.
 * @return the value at index; VEILIG_DAYPART_OTHER for a code the library does not know (see the
 *         _code getter), an index out of range or a NULL w.
 */
VEILIG_API veilig_daypart veilig_window_daypart(const veilig_window *w, size_t index);
/**
 * The code as stored of the value at index of the list veilig_window_daypart_count() counts
 * (borrowed or static).
 *
 * @param w      the window (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the code at index: static for a code of the vocabulary, borrowed from the registry for an
 *         unknown one kept from the document; NULL when index is out of range or for a NULL w.
 */
VEILIG_API const char *veilig_window_daypart_code(const veilig_window *w, size_t index);
/**
 * Appends a value; VEILIG_EEXISTS when it is there already, VEILIG_EINVAL for _OTHER or out of
 * range.
 *
 * @param w      the window to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the value to append: one of veilig_daypart, not VEILIG_DAYPART_OTHER.
 * @return VEILIG_OK; VEILIG_EEXISTS when it is there already; VEILIG_EINVAL for a NULL w,
 *         VEILIG_DAYPART_OTHER or a value out of range; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_window_add_daypart(veilig_window *w, veilig_daypart value);
/**
 * Removes the value at index; VEILIG_ENOTFOUND when index is out of range.
 *
 * @param w      the window to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL w.
 */
VEILIG_API int veilig_window_remove_daypart(veilig_window *w, size_t index);

/**
 * The start, in minutes after midnight, or -1 when the window has no hours (dayparts instead).
 *
 * @param w  the window (borrowed); NULL gives -1.
 * @return minutes after midnight (0..1439); -1 when the window has no hours or for a NULL w.
 */
VEILIG_API int veilig_window_from(const veilig_window *w);

/**
 * The end, in minutes after midnight; before from when the window runs past midnight, or -1 when
 * the window has no hours (dayparts instead).
 *
 * @param w  the window (borrowed); NULL gives -1.
 * @return minutes after midnight (0..1440); -1 when the window has no hours or for a NULL w.
 */
VEILIG_API int veilig_window_to(const veilig_window *w);
/**
 * Sets the hours of the window, in minutes after midnight (0..1439; to may also be 1440, midnight
 * at the end of the day); from == -1 and to == -1 remove them. VEILIG_EINVAL for other values.
 *
 * @param w     the window to change (borrowed); NULL is VEILIG_EINVAL.
 * @param from  the start, 0..1439 minutes after midnight, or -1 (with to -1) for none.
 * @param to    the end, 0..1440 minutes after midnight (before from: past midnight), or -1 (with
 *              from -1) for none.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL w or hours out of range (the window is unchanged on
 *         failure).
 */
VEILIG_API int veilig_window_set_hours(veilig_window *w, int from, int to);

/**
 * The source's own words ("in de weekenden 's avonds en 's nachts"); borrowed, NULL when absent.
 *
 * @param w  the window (borrowed); NULL gives NULL.
 * @return the text, borrowed from the window; NULL when absent or for a NULL w.
 */
VEILIG_API const char *veilig_window_note(const veilig_window *w);
/**
 * Sets note (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param w      the window to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL w or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the window is unchanged on failure).
 */
VEILIG_API int veilig_window_set_note(veilig_window *w, const char *value);

/* ---- partner: a stakeholder that carries a measure ---- */

/**
 * The stakeholder's id; borrowed, never NULL in a valid object.
 *
 * @param pa  the partner (borrowed); NULL gives NULL.
 * @return the text, borrowed from the partner; never NULL in a valid object; NULL for a NULL pa.
 */
VEILIG_API const char *veilig_partner_stakeholder(const veilig_partner *pa);
/**
 * Sets stakeholder (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 *
 * @param pa     the partner to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL pa, a NULL, empty or non-UTF-8 value; VEILIG_ENOMEM
 *         (the partner is unchanged on failure).
 */
VEILIG_API int veilig_partner_set_stakeholder(veilig_partner *pa, const char *value);

/**
 * Its role in the measure. VEILIG_ROLE_OTHER when absent or unknown.
 *
 * @param pa  the partner (borrowed); NULL gives VEILIG_ROLE_OTHER.
 * @return the value; VEILIG_ROLE_OTHER when absent, for a code the library does not know (see the
 *         _code getter) or a NULL pa.
 */
VEILIG_API veilig_role veilig_partner_role(const veilig_partner *pa);
/**
 * The role as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param pa  the partner (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL pa.
 */
VEILIG_API const char *veilig_partner_role_code(const veilig_partner *pa);
/**
 * Sets role; VEILIG_ROLE_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param pa     the partner to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_ROLE_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL pa or a value that is not one of veilig_role.
 */
VEILIG_API int veilig_partner_set_role(veilig_partner *pa, veilig_role value);

/**
 * The source's own words; borrowed, NULL when absent.
 *
 * @param pa  the partner (borrowed); NULL gives NULL.
 * @return the text, borrowed from the partner; NULL when absent or for a NULL pa.
 */
VEILIG_API const char *veilig_partner_note(const veilig_partner *pa);
/**
 * Sets note (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param pa     the partner to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL pa or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the partner is unchanged on failure).
 */
VEILIG_API int veilig_partner_set_note(veilig_partner *pa, const char *value);

/* ---- indicator: an indicator (after the IATI results model) ---- */

/**
 * The id, unique within the municipality; borrowed, never NULL in a valid object.
 *
 * @param i  the indicator (borrowed); NULL gives NULL.
 * @return the text, borrowed from the indicator; never NULL in a valid object; NULL for a NULL i.
 */
VEILIG_API const char *veilig_indicator_id(const veilig_indicator *i);
/**
 * Sets id (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 * VEILIG_EEXISTS when another object of the parent has it.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i, a NULL, empty or non-UTF-8 value; VEILIG_EEXISTS
 *         when another object of the parent has it; VEILIG_ENOMEM (the indicator is unchanged on
 *         failure).
 */
VEILIG_API int veilig_indicator_set_id(veilig_indicator *i, const char *value);

/**
 * What it measures; borrowed, never NULL in a valid object.
 *
 * @param i  the indicator (borrowed); NULL gives NULL.
 * @return the text, borrowed from the indicator; never NULL in a valid object; NULL for a NULL i.
 */
VEILIG_API const char *veilig_indicator_name(const veilig_indicator *i);
/**
 * Sets name (copied; valid UTF-8, else VEILIG_EINVAL) Required: NULL or "" is VEILIG_EINVAL.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied); must be valid UTF-8, not NULL and not "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i, a NULL, empty or non-UTF-8 value; VEILIG_ENOMEM
 *         (the indicator is unchanged on failure).
 */
VEILIG_API int veilig_indicator_set_name(veilig_indicator *i, const char *value);

/**
 * Output, outcome or impact. VEILIG_RESULT_LEVEL_OTHER when absent or unknown.
 *
 * @param i  the indicator (borrowed); NULL gives VEILIG_RESULT_LEVEL_OTHER.
 * @return the value; VEILIG_RESULT_LEVEL_OTHER when absent, for a code the library does not know
 *         (see the _code getter) or a NULL i.
 */
VEILIG_API veilig_result_level veilig_indicator_level(const veilig_indicator *i);
/**
 * The level as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param i  the indicator (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL i.
 */
VEILIG_API const char *veilig_indicator_level_code(const veilig_indicator *i);
/**
 * Sets level; VEILIG_RESULT_LEVEL_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_RESULT_LEVEL_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i or a value that is not one of veilig_result_level.
 */
VEILIG_API int veilig_indicator_set_level(veilig_indicator *i, veilig_result_level value);

/**
 * The unit of its values. VEILIG_UNIT_OTHER when absent or unknown.
 *
 * @param i  the indicator (borrowed); NULL gives VEILIG_UNIT_OTHER.
 * @return the value; VEILIG_UNIT_OTHER when absent, for a code the library does not know (see the
 *         _code getter) or a NULL i.
 */
VEILIG_API veilig_unit veilig_indicator_unit(const veilig_indicator *i);
/**
 * The unit as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param i  the indicator (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL i.
 */
VEILIG_API const char *veilig_indicator_unit_code(const veilig_indicator *i);
/**
 * Sets unit; VEILIG_UNIT_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_UNIT_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i or a value that is not one of veilig_unit.
 */
VEILIG_API int veilig_indicator_set_unit(veilig_indicator *i, veilig_unit value);

/**
 * Which way is better. VEILIG_DIRECTION_OTHER when absent or unknown.
 *
 * @param i  the indicator (borrowed); NULL gives VEILIG_DIRECTION_OTHER.
 * @return the value; VEILIG_DIRECTION_OTHER when absent, for a code the library does not know (see
 *         the _code getter) or a NULL i.
 */
VEILIG_API veilig_direction veilig_indicator_direction(const veilig_indicator *i);
/**
 * The direction as stored (an unknown code included); borrowed or static, NULL when absent.
 *
 * @param i  the indicator (borrowed); NULL gives NULL.
 * @return the code: static for a code of the vocabulary, borrowed from the registry for an unknown
 *         one kept from the document; NULL when absent or for a NULL i.
 */
VEILIG_API const char *veilig_indicator_direction_code(const veilig_indicator *i);
/**
 * Sets direction; VEILIG_DIRECTION_OTHER removes it; VEILIG_EINVAL for a value out of range.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value, or VEILIG_DIRECTION_OTHER to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i or a value that is not one of veilig_direction.
 */
VEILIG_API int veilig_indicator_set_direction(veilig_indicator *i, veilig_direction value);

/**
 * The date of the baseline: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param i    the indicator (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or i.
 */
VEILIG_API int veilig_indicator_baseline_date(veilig_date *out, const veilig_indicator *i);
/**
 * Sets baseline date (copied); NULL removes it; VEILIG_EINVAL for an invalid date.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i or a value that is not a date.
 */
VEILIG_API int veilig_indicator_set_baseline_date(veilig_indicator *i, const veilig_date *value);

/**
 * The baseline value: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the value; untouched unless VEILIG_OK; not NULL.
 * @param i    the indicator (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or i.
 */
VEILIG_API int veilig_indicator_baseline_value(double *out, const veilig_indicator *i);
/**
 * Sets baseline value; VEILIG_EINVAL for NaN or infinity.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value; a finite number.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i, NaN or an infinity.
 */
VEILIG_API int veilig_indicator_set_baseline_value(veilig_indicator *i, double value);
/**
 * Removes baseline value.
 *
 * @param i  the indicator to change (borrowed); NULL is a no-op.
 */
VEILIG_API void veilig_indicator_clear_baseline_value(veilig_indicator *i);

/**
 * About the baseline; borrowed, NULL when absent.
 *
 * @param i  the indicator (borrowed); NULL gives NULL.
 * @return the text, borrowed from the indicator; NULL when absent or for a NULL i.
 */
VEILIG_API const char *veilig_indicator_baseline_note(const veilig_indicator *i);
/**
 * Sets baseline note (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the indicator is unchanged on failure).
 */
VEILIG_API int veilig_indicator_set_baseline_note(veilig_indicator *i, const char *value);

/**
 * The date the target should be reached by: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when
 * absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param i    the indicator (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or i.
 */
VEILIG_API int veilig_indicator_target_date(veilig_date *out, const veilig_indicator *i);
/**
 * Sets target date (copied); NULL removes it; VEILIG_EINVAL for an invalid date.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i or a value that is not a date.
 */
VEILIG_API int veilig_indicator_set_target_date(veilig_indicator *i, const veilig_date *value);

/**
 * The target value: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the value; untouched unless VEILIG_OK; not NULL.
 * @param i    the indicator (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or i.
 */
VEILIG_API int veilig_indicator_target_value(double *out, const veilig_indicator *i);
/**
 * Sets target value; VEILIG_EINVAL for NaN or infinity.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value; a finite number.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i, NaN or an infinity.
 */
VEILIG_API int veilig_indicator_set_target_value(veilig_indicator *i, double value);
/**
 * Removes target value.
 *
 * @param i  the indicator to change (borrowed); NULL is a no-op.
 */
VEILIG_API void veilig_indicator_clear_target_value(veilig_indicator *i);

/**
 * The observations, in document order: their number, and each one (borrowed; NULL when index is out
 * of range).
 *
 * @param i  the indicator (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL i.
 */
VEILIG_API size_t veilig_indicator_observation_count(const veilig_indicator *i);
/**
 * The one at index of the list veilig_indicator_observation_count() counts (borrowed; NULL when
 * index is out of range).
 *
 * @param i      the indicator (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the observation at index, borrowed from the indicator; NULL when index is out of range or
 *         for a NULL i.
 */
VEILIG_API const veilig_observation *veilig_indicator_observation(const veilig_indicator *i,
                                                                  size_t index);
/**
 * The same, for changing it.
 *
 * @param i      the indicator (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the observation at index, borrowed from the indicator (for changing it); NULL when index
 *         is out of range or for a NULL i.
 */
VEILIG_API veilig_observation *veilig_indicator_observation_mut(veilig_indicator *i, size_t index);
/**
 * Appends a new observation; out (may be NULL) receives it, borrowed from the indicator. The
 * arguments are copied; VEILIG_EINVAL when a required one is NULL, "" or _OTHER.
 *
 * @param out    receives the new observation, borrowed from the indicator; NULL on failure. May be
 *               NULL.
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param date   when it was observed (copied); not NULL.
 * @param value  the value observed; a finite number.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL i or date, a date that is not one, NaN or an
 *         infinity; VEILIG_ENOMEM (the indicator is unchanged on failure).
 */
VEILIG_API int veilig_indicator_add_observation(veilig_observation **out, veilig_indicator *i,
                                                const veilig_date *date, double value);
/**
 * Removes the observation at index (pointers to it become invalid); VEILIG_ENOTFOUND when out of
 * range.
 *
 * @param i      the indicator to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL i.
 */
VEILIG_API int veilig_indicator_remove_observation(veilig_indicator *i, size_t index);

/* ---- observation: an observation of an indicator ---- */

/**
 * When: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the date; untouched unless VEILIG_OK; not NULL.
 * @param o    the observation (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or o.
 */
VEILIG_API int veilig_observation_date(veilig_date *out, const veilig_observation *o);
/**
 * Sets date (copied); VEILIG_EINVAL for an invalid date.
 *
 * @param o      the observation to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new date (copied); not NULL.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL o or value, or a value that is not a date.
 */
VEILIG_API int veilig_observation_set_date(veilig_observation *o, const veilig_date *value);

/**
 * The value observed: VEILIG_OK and *out set, or VEILIG_ENOTFOUND when absent.
 *
 * @param out  receives the value; untouched unless VEILIG_OK; not NULL.
 * @param o    the observation (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK with *out set; VEILIG_ENOTFOUND when absent; VEILIG_EINVAL for a NULL out or o.
 */
VEILIG_API int veilig_observation_value(double *out, const veilig_observation *o);
/**
 * Sets value; VEILIG_EINVAL for NaN or infinity.
 *
 * @param o      the observation to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new value; a finite number.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL o, NaN or an infinity.
 */
VEILIG_API int veilig_observation_set_value(veilig_observation *o, double value);

/**
 * Where it comes from; borrowed, NULL when absent.
 *
 * @param o  the observation (borrowed); NULL gives NULL.
 * @return the text, borrowed from the observation; NULL when absent or for a NULL o.
 */
VEILIG_API const char *veilig_observation_source(const veilig_observation *o);
/**
 * Sets source (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param o      the observation to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL o or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the observation is unchanged on failure).
 */
VEILIG_API int veilig_observation_set_source(veilig_observation *o, const char *value);

/**
 * A note; borrowed, NULL when absent.
 *
 * @param o  the observation (borrowed); NULL gives NULL.
 * @return the text, borrowed from the observation; NULL when absent or for a NULL o.
 */
VEILIG_API const char *veilig_observation_note(const veilig_observation *o);
/**
 * Sets note (copied; valid UTF-8, else VEILIG_EINVAL); NULL removes it.
 *
 * @param o      the observation to change (borrowed); NULL is VEILIG_EINVAL.
 * @param value  the new text (copied; valid UTF-8), or NULL to remove it.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL o or a value that is not valid UTF-8; VEILIG_ENOMEM
 *         (the observation is unchanged on failure).
 */
VEILIG_API int veilig_observation_set_note(veilig_observation *o, const char *value);

/* ---- registry ---- */

/**
 * Makes a new, empty registry (format version 1). *out is new: free it with veilig_registry_free.
 *
 * @param out  receives the new registry (veilig_registry_free); NULL on failure.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL out; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_registry_new(veilig_registry **out);

/**
 * Frees a registry and everything in it. NULL is a no-op.
 *
 * @param reg  the registry to free, or NULL.
 */
VEILIG_API void veilig_registry_free(veilig_registry *reg);

/**
 * The format version of the document (1).
 *
 * @param reg  the registry (borrowed); NULL gives 0.
 * @return 1 (the only version there is); 0 for a NULL reg.
 */
VEILIG_API int veilig_registry_version(const veilig_registry *reg);

/**
 * The number of municipalities.
 *
 * @param reg  the registry (borrowed); NULL gives 0.
 * @return how many there are; 0 for a NULL reg.
 */
VEILIG_API size_t veilig_registry_count(const veilig_registry *reg);

/**
 * The municipality at index (document order); borrowed, NULL when out of range.
 *
 * @param reg    the registry (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the municipality at index, borrowed from the registry; NULL when index is out of range or
 *         for a NULL reg.
 */
VEILIG_API const veilig_municipality *veilig_registry_get(const veilig_registry *reg, size_t index);

/**
 * Finds a municipality by CBS code ("GM0153", any case), then by name, then by official name (ASCII
 * letters compared without case). Borrowed; NULL when there is none. Uses an index: O(1).
 *
 * @param reg           the registry (borrowed); NULL gives NULL.
 * @param code_or_name  the CBS code or the (official) name to look for (borrowed); NULL gives NULL.
 * @return the municipality, borrowed from the registry; NULL when there is none or for a NULL reg.
 */
VEILIG_API const veilig_municipality *veilig_registry_find(const veilig_registry *reg,
                                                           const char *code_or_name);

/**
 * The same as veilig_registry_get, for changing the municipality.
 *
 * @param reg    the registry (borrowed); NULL gives NULL.
 * @param index  the position in the list, from 0.
 * @return the municipality at index, borrowed from the registry (for changing it); NULL when index
 *         is out of range or for a NULL reg.
 */
VEILIG_API veilig_municipality *veilig_registry_get_mut(veilig_registry *reg, size_t index);
/**
 * The same as veilig_registry_find, for changing the municipality.
 *
 * @param reg           the registry (borrowed); NULL gives NULL.
 * @param code_or_name  the CBS code or the (official) name to look for (borrowed); NULL gives NULL.
 * @return the municipality, borrowed from the registry (for changing it); NULL when there is none
 *         or for a NULL reg.
 */
VEILIG_API veilig_municipality *veilig_registry_find_mut(veilig_registry *reg,
                                                         const char *code_or_name);

/**
 * The index of a municipality of this registry in document order, or (size_t)-1.
 *
 * @param reg  the registry (borrowed); NULL gives (size_t)-1.
 * @param m    the municipality to look for (borrowed); NULL gives (size_t)-1.
 * @return its index, from 0; (size_t)-1 when it is not in this registry.
 */
VEILIG_API size_t veilig_registry_index_of(const veilig_registry *reg,
                                           const veilig_municipality *m);

/**
 * Appends a new municipality with code and name (copied). out (may be NULL) receives it, borrowed
 * from the registry. VEILIG_EINVAL when code or name is NULL or "", or code is not a CBS code
 * (GM and four digits; building refuses at once, docs/format.md "Building and loading"; the
 * reason is in veilig_error_last()), VEILIG_EEXISTS when a municipality has that code.
 *
 * @param out   receives the new municipality, borrowed from the registry; NULL on failure. May be
 *              NULL.
 * @param reg   the registry (borrowed); NULL is VEILIG_EINVAL.
 * @param code  the CBS code ("GM0153") (copied); required: not NULL or "".
 * @param name  the common name (copied); required: not NULL or "".
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL reg, or a code or name that is NULL, "" or not valid
 *         UTF-8, or a code that is not a CBS code; VEILIG_EEXISTS when a municipality has that code
 *         (of any case); VEILIG_ENOMEM (the registry is
 *         unchanged on failure).
 */
VEILIG_API int veilig_registry_add(veilig_municipality **out, veilig_registry *reg,
                                   const char *code, const char *name);

/**
 * Removes (and frees) the municipality at index; VEILIG_ENOTFOUND when out of range.
 *
 * @param reg    the registry to change (borrowed); NULL is VEILIG_EINVAL.
 * @param index  the position in the list, from 0.
 * @return VEILIG_OK; VEILIG_ENOTFOUND when index is out of range; VEILIG_EINVAL for a NULL reg.
 */
VEILIG_API int veilig_registry_remove(veilig_registry *reg, size_t index);

/**
 * The programme block; borrowed, NULL when the document has none.
 *
 * @param reg  the registry (borrowed); NULL gives NULL.
 * @return the programme, borrowed from the registry; NULL when there is none or for a NULL reg.
 */
VEILIG_API const veilig_programme *veilig_registry_programme(const veilig_registry *reg);
/**
 * The same, for changing it.
 *
 * @param reg  the registry (borrowed); NULL gives NULL.
 * @return the programme, borrowed from the registry; NULL when there is none or for a NULL reg.
 */
VEILIG_API veilig_programme *veilig_registry_programme_mut(veilig_registry *reg);

/**
 * Gives the registry a programme block if it has none; out (may be NULL) receives it (the existing
 * one, or the new, empty one), borrowed.
 *
 * @param out  receives the programme block, borrowed from the registry; NULL on failure. May be
 *             NULL.
 * @param reg  the registry to change (borrowed); NULL is VEILIG_EINVAL.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL reg; VEILIG_ENOMEM.
 */
VEILIG_API int veilig_registry_set_programme(veilig_programme **out, veilig_registry *reg);

/**
 * Removes the programme block.
 *
 * @param reg  the registry to change (borrowed); NULL is a no-op.
 */
VEILIG_API void veilig_registry_clear_programme(veilig_registry *reg);

/* ---- navigation and look-up ---- */

/**
 * The registry a municipality belongs to; borrowed.
 *
 * @param m  the municipality (borrowed); NULL gives NULL.
 * @return the registry, borrowed; NULL for a NULL m.
 */
VEILIG_API const veilig_registry *veilig_municipality_registry(const veilig_municipality *m);

/**
 * The municipality a measure belongs to; borrowed.
 *
 * @param ms  the measure (borrowed); NULL gives NULL.
 * @return the municipality, borrowed; NULL for a NULL ms.
 */
VEILIG_API const veilig_municipality *veilig_measure_municipality(const veilig_measure *ms);
/**
 * The municipality a stakeholder belongs to; borrowed.
 *
 * @param s  the stakeholder (borrowed); NULL gives NULL.
 * @return the municipality, borrowed; NULL for a NULL s.
 */
VEILIG_API const veilig_municipality *veilig_stakeholder_municipality(const veilig_stakeholder *s);
/**
 * The municipality an indicator belongs to; borrowed.
 *
 * @param i  the indicator (borrowed); NULL gives NULL.
 * @return the municipality, borrowed; NULL for a NULL i.
 */
VEILIG_API const veilig_municipality *veilig_indicator_municipality(const veilig_indicator *i);

/**
 * Finds a measure of a municipality by id (exact match); borrowed, NULL when none. O(1).
 *
 * @param m   the municipality (borrowed); NULL gives NULL.
 * @param id  the id to look for (borrowed); NULL gives NULL.
 * @return the measure, borrowed from the municipality; NULL when there is none or for a NULL m.
 */
VEILIG_API const veilig_measure *veilig_municipality_find_measure(const veilig_municipality *m,
                                                                  const char *id);
/**
 * Finds a stakeholder of a municipality by id (exact match); borrowed, NULL when none. O(1).
 *
 * @param m   the municipality (borrowed); NULL gives NULL.
 * @param id  the id to look for (borrowed); NULL gives NULL.
 * @return the stakeholder, borrowed from the municipality; NULL when there is none or for a NULL m.
 */
VEILIG_API const veilig_stakeholder *
veilig_municipality_find_stakeholder(const veilig_municipality *m, const char *id);
/**
 * Finds an indicator of a municipality by id (exact match); borrowed, NULL when none. O(1).
 *
 * @param m   the municipality (borrowed); NULL gives NULL.
 * @param id  the id to look for (borrowed); NULL gives NULL.
 * @return the indicator, borrowed from the municipality; NULL when there is none or for a NULL m.
 */
VEILIG_API const veilig_indicator *veilig_municipality_find_indicator(const veilig_municipality *m,
                                                                      const char *id);

#ifdef __cplusplus
}
#endif

#endif
