/*
 * libveilig: reading and writing documents (JSON, format "veilig" version 1).
 *
 * Loading never half-loads: on any failure *out is NULL and the error record
 * says what and where. Errors in the JSON text itself are VEILIG_EPARSE with
 * line, column and byte position; errors about a value (a wrong type, a
 * missing required key, a bad date or time, a budget with more than two
 * decimals) are VEILIG_ESCHEMA with the RFC 6901 pointer of the value and
 * the line and column where it starts. Keys and vocabulary codes the library
 * does not know are kept and written back unchanged.
 *
 * Writing is canonical: fixed key order, two-space indent, UTF-8, a final
 * newline; two dumps of the same registry are byte-identical, and a load of a
 * dump dumps to the same bytes.
 *
 * Errors: functions that take a veilig_error fill it with what and where; the
 * code and message are also the thread's last error, veilig_error_last()
 * (common.h), for the calls made with err NULL.
 */
#ifndef VEILIG_CODEC_H
#define VEILIG_CODEC_H

#include "veilig/common.h"
#include "veilig/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of veilig_load_options and veilig_save_options this header knows. */
#define VEILIG_LOAD_OPTIONS_VERSION 1
#define VEILIG_SAVE_OPTIONS_VERSION 1

/* Default limits of loading (see docs/format.md, "Limits"). */
#define VEILIG_DEFAULT_MAX_DEPTH          64                /**< nesting of arrays and objects */
#define VEILIG_DEFAULT_MAX_STRING         ((size_t)1 << 24) /**< bytes of one string (16 MiB) */
#define VEILIG_DEFAULT_MAX_MUNICIPALITIES ((size_t)1 << 20)

/** Options for loading. Zero for a limit means its default. */
typedef struct veilig_load_options {
    unsigned version;          /**< VEILIG_LOAD_OPTIONS_VERSION */
    unsigned flags;            /**< none defined yet: 0 */
    const char *source;        /**< name for error records; NULL: the path, or "<string>" */
    size_t max_depth;          /**< deepest nesting allowed (at most 256: VEILIG_EINVAL above) */
    size_t max_string;         /**< longest string allowed, in bytes */
    size_t max_municipalities; /**< most municipalities allowed */
} veilig_load_options;

#define VEILIG_LOAD_OPTIONS_INIT                                                                   \
    { VEILIG_LOAD_OPTIONS_VERSION, 0, NULL, 0, 0, 0 }

/**
 * Fills opts with the defaults (VEILIG_LOAD_OPTIONS_INIT); version must be
 * VEILIG_LOAD_OPTIONS_VERSION, the one this header was written for. Returns
 * VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_load_options_init(veilig_load_options *opts, unsigned version);

/** Flags of veilig_save_options. */
enum {
    VEILIG_SAVE_OMIT_PERSONAL = 1u << 0, /**< leave out contacts marked personal: true */
    VEILIG_SAVE_COMPACT = 1u << 1,       /**< no indentation or newlines (not canonical) */
    VEILIG_SAVE_ASCII = 1u << 2          /**< escape every non-ASCII character as \uXXXX */
};

/** Options for writing. */
typedef struct veilig_save_options {
    unsigned version; /**< VEILIG_SAVE_OPTIONS_VERSION */
    unsigned flags;   /**< VEILIG_SAVE_* flags */
} veilig_save_options;

#define VEILIG_SAVE_OPTIONS_INIT                                                                   \
    { VEILIG_SAVE_OPTIONS_VERSION, 0 }

/**
 * Fills opts with the defaults (VEILIG_SAVE_OPTIONS_INIT); version must be
 * VEILIG_SAVE_OPTIONS_VERSION, the one this header was written for. Returns
 * VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for another version.
 */
VEILIG_API int veilig_save_options_init(veilig_save_options *opts, unsigned version);

/**
 * Loads a document from a file. *out is new (veilig_registry_free), or NULL
 * on failure. VEILIG_EIO (with the OS's reason) when the file cannot be read;
 * VEILIG_EPARSE, VEILIG_ESCHEMA, VEILIG_EVERSION (a format other than
 * "veilig" or a version other than 1, or unknown options version),
 * VEILIG_ELIMIT, VEILIG_ENOMEM, VEILIG_EINVAL (NULL out or path).
 */
VEILIG_API int veilig_registry_load_file(veilig_registry **out, const char *path,
                                         const veilig_load_options *opts, veilig_error *err);

/**
 * Loads a document from len bytes of UTF-8 text (need not be NUL-terminated;
 * a NUL byte inside is an error). Otherwise as veilig_registry_load_file.
 */
VEILIG_API int veilig_registry_load_string(veilig_registry **out, const char *json, size_t len,
                                           const veilig_load_options *opts, veilig_error *err);

/** Loads the bundled Veilige Steden dataset (compiled into the library). *out is new. */
VEILIG_API int veilig_registry_load_builtin(veilig_registry **out, veilig_error *err);

/** The bundled dataset's JSON text; static, len (may be NULL) receives its length. */
VEILIG_API const char *veilig_builtin_json(size_t *len);

/**
 * Writes the registry as JSON into a new NUL-terminated string: *out is new
 * (veilig_free), *len (may be NULL) its length without the NUL. On failure
 * *out is NULL. opts may be NULL for the canonical form.
 */
VEILIG_API int veilig_registry_dump(char **out, size_t *len, const veilig_registry *reg,
                                    const veilig_save_options *opts, veilig_error *err);

/**
 * Writes the registry to a file, atomically: a temporary file in the same
 * folder is written, flushed to disk and renamed over path. On any failure
 * (VEILIG_EIO with the OS's reason, VEILIG_ENOMEM) the old file is untouched
 * and no temporary file is left. A new file gets mode 0666 less the umask;
 * an existing file keeps its mode.
 */
VEILIG_API int veilig_registry_save_file(const veilig_registry *reg, const char *path,
                                         const veilig_save_options *opts, veilig_error *err);

/**
 * Writes len bytes of data (a report, a rendering) to path as
 * veilig_registry_save_file writes a document: atomically, through a
 * temporary file with a unique name in the same folder; an existing file
 * keeps its mode; on failure (VEILIG_EIO with the OS's reason, err's source
 * the path) the old file is untouched. VEILIG_EINVAL without a path.
 */
VEILIG_API int veilig_save_text(const char *path, const char *data, size_t len, veilig_error *err);

/** One municipality or one measure as a JSON object, as in a dump. *out is new (veilig_free). */
VEILIG_API int veilig_municipality_to_json(char **out, size_t *len, const veilig_municipality *m,
                                           const veilig_save_options *opts, veilig_error *err);
VEILIG_API int veilig_measure_to_json(char **out, size_t *len, const veilig_measure *ms,
                                      const veilig_save_options *opts, veilig_error *err);

/** Flags of the _add_json functions. */
enum {
    VEILIG_ADD_REPLACE = 1u << 0 /**< replace (in place) an object with the same code or id */
};

/**
 * Adds a municipality given as a JSON object (as in a document's
 * "municipalities" list). With VEILIG_ADD_REPLACE an existing municipality of
 * the same code is replaced where it stands; otherwise that is VEILIG_EEXISTS.
 * out (may be NULL) receives it, borrowed. On failure the registry is
 * unchanged; errors as for loading, with pointers relative to the fragment.
 */
VEILIG_API int veilig_registry_add_json(veilig_municipality **out, veilig_registry *reg,
                                        const char *json, size_t len, unsigned flags,
                                        veilig_error *err);

/** The same for a measure of a municipality (matched by id). */
VEILIG_API int veilig_municipality_add_measure_json(veilig_measure **out, veilig_municipality *m,
                                                    const char *json, size_t len, unsigned flags,
                                                    veilig_error *err);

/**
 * Finds where the value at an RFC 6901 pointer starts in a JSON text, for
 * messages about values read from it (validation diagnostics, say). Fills
 * err->line, err->column and err->position (and nothing else). Returns
 * VEILIG_OK, VEILIG_ENOTFOUND when the pointer names no value, VEILIG_EPARSE
 * when the text is not JSON, VEILIG_EINVAL for NULL arguments. Does not
 * allocate.
 */
VEILIG_API int veilig_json_locate(veilig_error *err, const char *json, size_t len,
                                  const char *pointer);

#ifdef __cplusplus
}
#endif

#endif
