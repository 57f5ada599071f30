/**
 * @file
 * libveilig: semantic validation of a registry.
 *
 * Loading checks that a document is well-formed (types, required keys,
 * dates); veilig_validate checks what only the whole document can tell:
 * duplicates, references to things that do not exist, periods that end
 * before they start, unknown vocabulary codes, gaps in an approach. Each
 * finding is a diagnostic with a stable rule id (docs/rules.md lists them
 * with an example each), a severity, the RFC 6901 pointer of the value it is
 * about and a message a policy officer understands.
 *
 * To tell line and column of a diagnostic in the file it came from, pass the
 * file's text and the diagnostic's pointer to veilig_json_locate (codec.h).
 *
 * Errors: a failure of a validation call (not a finding: those are the
 * diagnostics) leaves its reason as the thread's last error,
 * veilig_error_last() (common.h).
 */
#ifndef VEILIG_VALIDATE_H
#define VEILIG_VALIDATE_H

#include "veilig/common.h"
#include "veilig/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How serious a finding is. */
typedef enum veilig_severity {
    VEILIG_SEVERITY_ERROR = 1,   /**< the document is wrong: fix it */
    VEILIG_SEVERITY_WARNING = 2, /**< probably wrong, or a gap worth a look */
    VEILIG_SEVERITY_INFO = 3     /**< worth knowing */
} veilig_severity;

/**
 * One finding. Read-only: the library owns it (it lives as long as the
 * veilig_diagnostics it came from); never allocate one yourself, as later
 * versions may append fields.
 */
typedef struct veilig_diagnostic {
    veilig_severity severity; /**< error, warning or info */
    const char *rule;         /**< stable id, "V001" */
    const char *pointer;      /**< RFC 6901 pointer of the value, "" for the document */
    const char *message;      /**< what is wrong, in plain English */
} veilig_diagnostic;

/** A list of diagnostics, ordered by pointer position in the document, then rule. */
typedef struct veilig_diagnostics veilig_diagnostics;

/**
 * Validates a registry.
 *
 * @param out  receives the new diagnostics (veilig_diagnostics_free), possibly
 *             empty; NULL on failure.
 * @param reg  the registry (borrowed).
 * @return VEILIG_OK whatever it finds (look at the diagnostics), VEILIG_EINVAL
 *         for NULL arguments, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_validate(veilig_diagnostics **out, const veilig_registry *reg);

/** Frees diagnostics. @param d  the diagnostics; NULL is a no-op. */
VEILIG_API void veilig_diagnostics_free(veilig_diagnostics *d);

/** The number of diagnostics. @param d  the diagnostics. @return their number (0 for NULL). */
VEILIG_API size_t veilig_diagnostics_count(const veilig_diagnostics *d);

/**
 * One diagnostic.
 *
 * @param d      the diagnostics.
 * @param index  0 .. veilig_diagnostics_count(d) - 1.
 * @return the diagnostic, borrowed from d; NULL when index is out of range.
 */
VEILIG_API const veilig_diagnostic *veilig_diagnostics_get(const veilig_diagnostics *d,
                                                           size_t index);

/**
 * The number of diagnostics of one severity.
 *
 * @param d         the diagnostics.
 * @param severity  the severity to count.
 * @return how many of d have it.
 */
VEILIG_API size_t veilig_diagnostics_count_severity(const veilig_diagnostics *d,
                                                    veilig_severity severity);

/**
 * The name of a severity.
 *
 * @param severity  a severity.
 * @return "error", "warning" or "info" (static); NULL for other values.
 */
VEILIG_API const char *veilig_severity_name(veilig_severity severity);

/**
 * The diagnostics as a JSON array of {"severity", "rule", "pointer",
 * "message"} objects.
 *
 * @param out  receives the text (veilig_free); NULL on failure.
 * @param len  receives its length without the NUL; may be NULL.
 * @param d    the diagnostics (borrowed).
 * @return VEILIG_OK, VEILIG_ENOMEM, VEILIG_EINVAL for a NULL out or d.
 */
VEILIG_API int veilig_diagnostics_to_json(char **out, size_t *len, const veilig_diagnostics *d);

/**
 * The rules the validator knows, for listing in tools and docs.
 * @return their number.
 */
VEILIG_API size_t veilig_rule_count(void);
/**
 * A rule's id. @param index  0 .. veilig_rule_count() - 1.
 * @return the id ("V001"), static; NULL when index is out of range.
 */
VEILIG_API const char *veilig_rule_id(size_t index);
/**
 * A rule's severity. @param index  0 .. veilig_rule_count() - 1.
 * @return the severity of its diagnostics (0 when index is out of range).
 */
VEILIG_API veilig_severity veilig_rule_severity(size_t index);
/**
 * A rule's one-line summary. @param index  0 .. veilig_rule_count() - 1.
 * @return the summary, static; NULL when index is out of range.
 */
VEILIG_API const char *veilig_rule_summary(size_t index);

#ifdef __cplusplus
}
#endif

#endif
