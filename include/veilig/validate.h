/*
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
    veilig_severity severity;
    const char *rule;    /**< stable id, "V001" */
    const char *pointer; /**< RFC 6901 pointer of the value, "" for the document */
    const char *message; /**< what is wrong, in plain English */
} veilig_diagnostic;

/** A list of diagnostics, ordered by pointer position in the document, then rule. */
typedef struct veilig_diagnostics veilig_diagnostics;

/**
 * Validates a registry. *out is new (veilig_diagnostics_free), possibly
 * empty, or NULL on failure. Returns VEILIG_OK whatever it finds (look at the
 * diagnostics), VEILIG_EINVAL for NULL arguments, VEILIG_ENOMEM.
 */
VEILIG_API int veilig_validate(veilig_diagnostics **out, const veilig_registry *reg);

/** Frees diagnostics. NULL is a no-op. */
VEILIG_API void veilig_diagnostics_free(veilig_diagnostics *d);

/** The number of diagnostics. */
VEILIG_API size_t veilig_diagnostics_count(const veilig_diagnostics *d);

/** The diagnostic at index; borrowed, NULL when out of range. */
VEILIG_API const veilig_diagnostic *veilig_diagnostics_get(const veilig_diagnostics *d,
                                                           size_t index);

/** The number of diagnostics of one severity. */
VEILIG_API size_t veilig_diagnostics_count_severity(const veilig_diagnostics *d,
                                                    veilig_severity severity);

/** "error", "warning" or "info"; NULL for other values. Static. */
VEILIG_API const char *veilig_severity_name(veilig_severity severity);

/**
 * The diagnostics as a JSON array of {"severity", "rule", "pointer",
 * "message"} objects. *out is new (veilig_free); *len (may be NULL) its length.
 */
VEILIG_API int veilig_diagnostics_to_json(char **out, size_t *len, const veilig_diagnostics *d);

/**
 * The rules the validator knows: their number, and for each its id, severity
 * and a one-line summary (static strings), for listing in tools and docs.
 */
VEILIG_API size_t veilig_rule_count(void);
VEILIG_API const char *veilig_rule_id(size_t index);
VEILIG_API veilig_severity veilig_rule_severity(size_t index);
VEILIG_API const char *veilig_rule_summary(size_t index);

#ifdef __cplusplus
}
#endif

#endif
