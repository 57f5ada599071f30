/**
 * @file
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

/** Version of veilig_load_options this header knows (2 added max_size, 3 the
    list of every schema error). */
#define VEILIG_LOAD_OPTIONS_VERSION 3
/** Version of veilig_save_options this header knows. */
#define VEILIG_SAVE_OPTIONS_VERSION 1

/* Default limits of loading (see docs/format.md, "Limits"). */
#define VEILIG_DEFAULT_MAX_DEPTH          64                /**< nesting of arrays and objects */
#define VEILIG_DEFAULT_MAX_STRING         ((size_t)1 << 24) /**< bytes of one string (16 MiB) */
#define VEILIG_DEFAULT_MAX_MUNICIPALITIES ((size_t)1 << 20) /**< municipalities of one document */
/** Bytes of a document's text: 4 GiB (where size_t holds it; else SIZE_MAX). */
#define VEILIG_DEFAULT_MAX_SIZE                                                                    \
    ((size_t)-1 / 2 > (size_t)0xFFFFFFFFu ? (size_t)0x100000000ull : (size_t)-1)

/** Options for loading. Zero for a limit means its default. */
typedef struct veilig_load_options {
    unsigned version;          /**< VEILIG_LOAD_OPTIONS_VERSION */
    unsigned flags;            /**< none defined yet: 0 */
    const char *source;        /**< name for error records; NULL: the path, or "<string>" */
    size_t max_depth;          /**< deepest nesting allowed (at most 256: VEILIG_EINVAL above) */
    size_t max_string;         /**< longest string allowed, in bytes */
    size_t max_municipalities; /**< most municipalities allowed */
    /** Version 2: most bytes of a document's text (VEILIG_ELIMIT beyond it, found
        before they are all read when the file says its size). */
    size_t max_size;
    /** Version 3: where every schema error of the document goes, not only the
        first. With errors set, a load that meets a schema error
        (VEILIG_ESCHEMA) goes on past it and records each one (source, line,
        column, pointer, message) in errors[0], errors[1], ... until
        max_errors are recorded, where it stops; err gets the first, as
        without the list. NULL (the default): the load stops at the first. The
        records are the caller's (max_errors of them). */
    veilig_error *errors;
    size_t max_errors; /**< Version 3: how many records errors has room for */
    /** Version 3: receives how many schema errors were recorded (0 when the
        load succeeds or fails for another reason first); may be NULL. */
    size_t *error_count;
} veilig_load_options;

/** The defaults of veilig_load_options, as an initialiser. */
#define VEILIG_LOAD_OPTIONS_INIT                                                                   \
    { VEILIG_LOAD_OPTIONS_VERSION, 0, NULL, 0, 0, 0, 0, NULL, 0, NULL }

/**
 * Fills opts with the defaults (VEILIG_LOAD_OPTIONS_INIT); only the fields of
 * the version given are written.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  the version the caller's header was written for
 *                 (VEILIG_LOAD_OPTIONS_VERSION): 1, 2 (added max_size) or 3
 *                 (added errors, max_errors and error_count).
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for a
 *         version this library does not know.
 */
VEILIG_API int veilig_load_options_init(veilig_load_options *opts, unsigned version);

/** Flags of veilig_save_options. */
enum {
    VEILIG_SAVE_OMIT_PERSONAL = 1u << 0, /**< leave out contacts marked personal: true */
    VEILIG_SAVE_COMPACT = 1u << 1,       /**< no indentation or newlines (not canonical) */
    VEILIG_SAVE_ASCII = 1u << 2          /**< escape every non-ASCII character as `\uXXXX` */
};

/** Options for writing. */
typedef struct veilig_save_options {
    unsigned version; /**< VEILIG_SAVE_OPTIONS_VERSION */
    unsigned flags;   /**< VEILIG_SAVE_* flags */
} veilig_save_options;

/** The defaults of veilig_save_options (the canonical form), as an initialiser. */
#define VEILIG_SAVE_OPTIONS_INIT                                                                   \
    { VEILIG_SAVE_OPTIONS_VERSION, 0 }

/**
 * Fills opts with the defaults (VEILIG_SAVE_OPTIONS_INIT).
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  VEILIG_SAVE_OPTIONS_VERSION, the one this header was written for.
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for
 *         another version.
 */
VEILIG_API int veilig_save_options_init(veilig_save_options *opts, unsigned version);

/**
 * Loads a document from a file.
 *
 * A regular file is read a part at a time through a small window, never whole
 * in memory (docs/format.md, "Limits"); a pipe or a device is read whole first,
 * bounded as veilig_document_read_fd says.
 *
 * @param out   receives the new registry (veilig_registry_free); NULL on failure.
 * @param path  the file's name (borrowed).
 * @param opts  limits and the error records' source name; NULL for the defaults.
 * @param err   what went wrong and where, or NULL.
 * @return VEILIG_OK; VEILIG_EIO (with the OS's reason) when the file cannot be
 *         read; VEILIG_EPARSE, VEILIG_ESCHEMA, VEILIG_EVERSION (a format other
 *         than "veilig" or a version other than 1, or an unknown options
 *         version), VEILIG_ELIMIT, VEILIG_ENOMEM, VEILIG_EINVAL (NULL out or path).
 */
VEILIG_API int veilig_registry_load_file(veilig_registry **out, const char *path,
                                         const veilig_load_options *opts, veilig_error *err);

/**
 * Loads a document from len bytes of UTF-8 text.
 *
 * @param out   receives the new registry (veilig_registry_free); NULL on failure.
 * @param json  the text (borrowed); need not be NUL-terminated, and a NUL
 *              byte inside is an error.
 * @param len   the length of the text in bytes.
 * @param opts  limits and the error records' source name (default
 *              "<string>"); NULL for the defaults.
 * @param err   what went wrong and where, or NULL.
 * @return as veilig_registry_load_file, without VEILIG_EIO.
 */
VEILIG_API int veilig_registry_load_string(veilig_registry **out, const char *json, size_t len,
                                           const veilig_load_options *opts, veilig_error *err);

/**
 * Loads the bundled Veilige Steden dataset (compiled into the library).
 *
 * @param out  receives the new registry (veilig_registry_free); NULL on failure.
 * @param err  what went wrong, or NULL.
 * @return VEILIG_OK, VEILIG_ENOMEM, or VEILIG_EINVAL for a NULL out.
 */
VEILIG_API int veilig_registry_load_builtin(veilig_registry **out, veilig_error *err);

/**
 * The bundled dataset's JSON text.
 *
 * @param len  receives its length in bytes; may be NULL.
 * @return the text, in static storage.
 */
VEILIG_API const char *veilig_builtin_json(size_t *len);

/**
 * Writes the registry as JSON into a new NUL-terminated string.
 *
 * @param out   receives the text (veilig_free); NULL on failure.
 * @param len   receives its length without the NUL; may be NULL.
 * @param reg   the registry (borrowed).
 * @param opts  VEILIG_SAVE_* flags; NULL for the canonical form.
 * @param err   what went wrong, or NULL.
 * @return VEILIG_OK, VEILIG_ENOMEM, VEILIG_EINVAL (NULL out or reg),
 *         VEILIG_EVERSION (an unknown options version).
 */
VEILIG_API int veilig_registry_dump(char **out, size_t *len, const veilig_registry *reg,
                                    const veilig_save_options *opts, veilig_error *err);

/**
 * Writes the registry to a file, atomically: a temporary file in the same
 * folder is written, flushed to disk and renamed over path. On any failure
 * the old file is untouched and no temporary file is left. A new file gets
 * mode 0666 less the umask; an existing file keeps its mode.
 *
 * @param reg   the registry (borrowed).
 * @param path  the file's name (borrowed).
 * @param opts  VEILIG_SAVE_* flags; NULL for the canonical form.
 * @param err   what went wrong, or NULL.
 * @return VEILIG_OK, VEILIG_EIO (with the OS's reason), VEILIG_ENOMEM,
 *         VEILIG_EINVAL (NULL reg or path), VEILIG_EVERSION (options).
 */
VEILIG_API int veilig_registry_save_file(const veilig_registry *reg, const char *path,
                                         const veilig_save_options *opts, veilig_error *err);

/**
 * Writes len bytes of data (a report, a rendering) to path as
 * veilig_registry_save_file writes a document: atomically, through a
 * temporary file with a unique name in the same folder; an existing file
 * keeps its mode; on failure the old file is untouched.
 *
 * @param path  the file to write.
 * @param data  the bytes (borrowed).
 * @param len   how many.
 * @param err   what went wrong (its source the path), or NULL.
 * @return VEILIG_OK; VEILIG_EIO with the OS's reason; VEILIG_EINVAL without a
 *         path (or data NULL with len > 0); VEILIG_ENOMEM.
 */
VEILIG_API int veilig_save_text(const char *path, const char *data, size_t len, veilig_error *err);

/**
 * One municipality as a JSON object, as in a dump.
 *
 * @param out   receives the text (veilig_free); NULL on failure.
 * @param len   receives its length without the NUL; may be NULL.
 * @param m     the municipality (borrowed).
 * @param opts  VEILIG_SAVE_* flags; NULL for the canonical form.
 * @param err   what went wrong, or NULL.
 * @return as veilig_registry_dump.
 */
VEILIG_API int veilig_municipality_to_json(char **out, size_t *len, const veilig_municipality *m,
                                           const veilig_save_options *opts, veilig_error *err);
/**
 * One measure as a JSON object, as in a dump.
 *
 * @param out   receives the text (veilig_free); NULL on failure.
 * @param len   receives its length without the NUL; may be NULL.
 * @param ms    the measure (borrowed).
 * @param opts  VEILIG_SAVE_* flags; NULL for the canonical form.
 * @param err   what went wrong, or NULL.
 * @return as veilig_registry_dump.
 */
VEILIG_API int veilig_measure_to_json(char **out, size_t *len, const veilig_measure *ms,
                                      const veilig_save_options *opts, veilig_error *err);

/** Flags of the _add_json functions. */
enum {
    VEILIG_ADD_REPLACE = 1u << 0, /**< replace (in place) an object with the same code or id */
    /** accept what loading a document accepts (an unknown vocabulary code, a
        code that is not a CBS code) and leave it to validation, as merging
        documents does; without it the _add_json functions build, and refuse
        such input at once (docs/format.md, "Building and loading") */
    VEILIG_ADD_AS_LOADED = 1u << 1
};

/**
 * Adds a municipality given as a JSON object (as in a document's
 * "municipalities" list). With VEILIG_ADD_REPLACE an existing municipality of
 * the same code is replaced where it stands. On failure the registry is
 * unchanged.
 *
 * Building refuses at once (docs/format.md, "Building and loading"): an
 * unknown vocabulary code (err names the field, the code and "did you mean",
 * else the known codes) or a code that is not a CBS code is VEILIG_EINVAL,
 * with the pointer and line:column of the value in err. With
 * VEILIG_ADD_AS_LOADED the function accepts them as loading does.
 *
 * @param out    receives the municipality, borrowed from reg; may be NULL.
 * @param reg    the registry.
 * @param json   the object's text (borrowed).
 * @param len    its length in bytes.
 * @param flags  VEILIG_ADD_REPLACE, VEILIG_ADD_AS_LOADED (or both), or 0.
 * @param err    what went wrong and where (pointers relative to the text), or NULL.
 * @return VEILIG_OK; VEILIG_EEXISTS when the code is taken without
 *         VEILIG_ADD_REPLACE; VEILIG_EINVAL for a NULL reg, an unknown
 *         vocabulary code or a code that is not a CBS code (without
 *         VEILIG_ADD_AS_LOADED); otherwise the errors of loading.
 */
VEILIG_API int veilig_registry_add_json(veilig_municipality **out, veilig_registry *reg,
                                        const char *json, size_t len, unsigned flags,
                                        veilig_error *err);

/**
 * Adds a measure given as a JSON object to a municipality (an existing one
 * matched by id). On failure the municipality is unchanged. An unknown
 * vocabulary code is refused as by veilig_registry_add_json, unless flags
 * hold VEILIG_ADD_AS_LOADED.
 *
 * @param out    receives the measure, borrowed from m; may be NULL.
 * @param m      the municipality.
 * @param json   the object's text (borrowed).
 * @param len    its length in bytes.
 * @param flags  VEILIG_ADD_REPLACE to replace a measure with the same id,
 *               VEILIG_ADD_AS_LOADED (or both), or 0.
 * @param err    what went wrong and where (pointers relative to the text), or NULL.
 * @return as veilig_registry_add_json (VEILIG_EINVAL for a NULL m).
 */
VEILIG_API int veilig_municipality_add_measure_json(veilig_measure **out, veilig_municipality *m,
                                                    const char *json, size_t len, unsigned flags,
                                                    veilig_error *err);

/**
 * Reads a document's text from an open file descriptor, as loading a file
 * does: to its end, but no further than can still be a document. Reading
 * stops at the first byte that cannot start or continue a JSON text (a NUL,
 * another control character, a byte no UTF-8 holds, or a first character
 * that starts no JSON value): `veilig -f /dev/zero` fails at once instead of
 * reading for ever. And it stops at opts->max_size bytes (version 2; default
 * VEILIG_DEFAULT_MAX_SIZE), before reading when the file says its size.
 *
 * @param out   receives a new buffer (veilig_free) of *len bytes and a NUL;
 *              NULL on failure.
 * @param len   receives the number of bytes read (0 on failure).
 * @param fd    an open descriptor, read from where it stands; it stays open.
 * @param opts  NULL or options: source names the text in errors (default
 *              "<fd>"), max_size bounds it; the other limits apply to the
 *              parse that names an early stop.
 * @param err   NULL or the error record.
 * @return VEILIG_OK; VEILIG_EPARSE when reading stopped early (err has the
 *         parser's message, line and column, as loading the whole text would
 *         give); VEILIG_ELIMIT beyond max_size; VEILIG_EIO with the OS's
 *         reason; VEILIG_ENOMEM; VEILIG_EVERSION for unknown options;
 *         VEILIG_EINVAL (out or len NULL, fd negative).
 */
VEILIG_API int veilig_document_read_fd(char **out, size_t *len, int fd,
                                       const veilig_load_options *opts, veilig_error *err);

/**
 * Finds where the value at an RFC 6901 pointer starts in a JSON text, for
 * messages about values read from it (validation diagnostics, say). Does not
 * allocate.
 *
 * @param err      receives the place: line, column and position (and nothing else).
 * @param json     the text (borrowed).
 * @param len      its length in bytes.
 * @param pointer  the RFC 6901 pointer, e.g. "/municipalities/0/name".
 * @return VEILIG_OK, VEILIG_ENOTFOUND when the pointer names no value,
 *         VEILIG_EPARSE when the text is not JSON, VEILIG_EINVAL for NULL
 *         arguments.
 */
VEILIG_API int veilig_json_locate(veilig_error *err, const char *json, size_t len,
                                  const char *pointer);

/**
 * veilig_json_locate for many pointers at once: reads the text once, so that
 * n pointers cost one parse instead of n scans (the tool's `validate` uses it
 * for every diagnostic of a file). Walks the text without building a tree of
 * it: memory is the n pointers sorted, not the size of the text.
 *
 * @param errs      n records (caller-allocated): errs[i] gets the line, column
 *                  and position where the value at pointers[i] starts (and
 *                  nothing else), or 0 for all three when that pointer names
 *                  no value.
 * @param json      the text (borrowed).
 * @param len       its length in bytes.
 * @param pointers  n RFC 6901 pointers (borrowed).
 * @param n         how many.
 * @return VEILIG_OK; VEILIG_EPARSE when the text is not JSON and VEILIG_ELIMIT
 *         when it nests deeper than 256 levels (errs untouched); VEILIG_ENOMEM;
 *         VEILIG_EINVAL for NULL arguments (errs or pointers NULL with n > 0,
 *         a NULL pointer among them, or json NULL).
 */
VEILIG_API int veilig_json_locate_many(veilig_error *errs, const char *json, size_t len,
                                       const char *const *pointers, size_t n);

#ifdef __cplusplus
}
#endif

#endif
