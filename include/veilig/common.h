/**
 * @file
 * libveilig: common definitions: status codes, the error record, dates,
 * memory and version functions.
 *
 * Conventions used by every header of libveilig:
 *
 * - Functions that can fail return int: VEILIG_OK (0) or a negative
 *   veilig_status code. Functions that read text take an optional trailing
 *   veilig_error *err (caller-allocated, may be NULL) that says what and where.
 * - Out-parameters come first and are named out. What a function hands out
 *   through out is owned by the caller ("new"), who frees it with the matching
 *   _free function (every _free(NULL) is a no-op); on failure *out is set to
 *   NULL (or left untouched where the comment says so).
 * - What a getter returns is "borrowed": it belongs to its parent object and
 *   stays valid until the parent is freed or changed.
 * - Strings the library allocates for the caller are freed with veilig_free().
 * - Every failure also leaves its code and message as the calling thread's
 *   last error, veilig_error_last(), in the style of libgit2's
 *   git_error_last(): functions without a veilig_error parameter (setters,
 *   analyses, renderings) tell the reason there. It is per thread, so the
 *   library stays reentrant: distinct registries may be used from distinct
 *   threads; one registry may be read from many threads at once; changing it
 *   needs the caller's exclusion.
 * - The library starts threads of its own in one place only: the website
 *   (veilig_site_write(), veilig_site_options.threads) writes its pages with
 *   several, which call the allocator hook (veilig_set_allocator()) too.
 */
#ifndef VEILIG_COMMON_H
#define VEILIG_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "veilig/export.h"
#include "veilig/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes. VEILIG_OK is 0; every error is negative. */
typedef enum veilig_status {
    VEILIG_OK = 0,
    VEILIG_ENOMEM = -1,    /**< an allocation failed */
    VEILIG_EIO = -2,       /**< a file could not be read or written */
    VEILIG_EPARSE = -3,    /**< the text is not valid JSON */
    VEILIG_ESCHEMA = -4,   /**< valid JSON, but not a valid veilig document */
    VEILIG_EINVAL = -5,    /**< an invalid argument */
    VEILIG_ENOTFOUND = -6, /**< no such object, or a field is absent */
    VEILIG_EEXISTS = -7,   /**< an object with that code or id exists */
    VEILIG_EVERSION = -8,  /**< unsupported format or options version */
    VEILIG_ELIMIT = -9     /**< a documented limit was exceeded */
} veilig_status;

/** Size of veilig_error.source, including the final NUL. */
#define VEILIG_ERROR_SOURCE_LENGTH 256
/** Size of veilig_error.pointer, including the final NUL. */
#define VEILIG_ERROR_POINTER_LENGTH 256
/** Size of veilig_error.message, including the final NUL. */
#define VEILIG_ERROR_MESSAGE_LENGTH 256

/**
 * What went wrong and where. Caller-allocated (on the stack, typically);
 * filled in by any function that takes one when it fails. Text fields are
 * always NUL-terminated; overlong texts are cut at a UTF-8 character boundary.
 */
typedef struct veilig_error {
    int code;                                /**< the veilig_status returned */
    int line;                                /**< 1-based line, or 0 when unknown */
    int column;                              /**< 1-based column in characters, or 0 when unknown */
    size_t position;                         /**< 0-based byte offset into the text */
    char source[VEILIG_ERROR_SOURCE_LENGTH]; /**< file name or "<string>" */
    char pointer[VEILIG_ERROR_POINTER_LENGTH]; /**< RFC 6901 pointer, or "" */
    char message[VEILIG_ERROR_MESSAGE_LENGTH]; /**< what went wrong */
} veilig_error;

/**
 * The last error of the calling thread: the code and the message of the
 * latest failure of a call of the library in this thread (line, column,
 * source and pointer stay empty: functions that take a veilig_error fill
 * those there). Borrowed, thread-local storage; NULL when no call of this
 * thread has failed since it started or since veilig_error_clear(). A call
 * that succeeds leaves it as it was, so read it right after a call returned
 * a negative status, before the next call of the library.
 *
 * @return the thread's last error (borrowed), or NULL.
 */
VEILIG_API const veilig_error *veilig_error_last(void);

/** Forgets the calling thread's last error: veilig_error_last() gives NULL. */
VEILIG_API void veilig_error_clear(void);

/**
 * A partial ISO date: "2021", "2021-12" or "2021-12-01". month and day are 0
 * when the date does not give them.
 */
typedef struct veilig_date {
    int year;  /**< 1..9999 */
    int month; /**< 1..12, or 0 */
    int day;   /**< 1..31, or 0 (only when month is set) */
} veilig_date;

/** Longest text veilig_date_format writes, with its NUL ("2021-12-01"). */
#define VEILIG_DATE_BUFSIZE 11

/**
 * Parses a partial ISO date ("2021", "2021-12", "2021-12-01") into *out.
 *
 * @param out   receives the date (caller-allocated); untouched on failure.
 * @param text  the date as text (borrowed).
 * @return VEILIG_OK, or VEILIG_EINVAL when text is NULL or not a real date
 *         (month 13, 31 April and 29 February of a common year included).
 */
VEILIG_API int veilig_date_parse(veilig_date *out, const char *text);

/**
 * Writes date as text ("2021", "2021-12" or "2021-12-01") into buf.
 *
 * @param buf   receives the text, NUL-terminated (caller-allocated).
 * @param size  the size of buf: at least VEILIG_DATE_BUFSIZE bytes.
 * @param date  the date (borrowed).
 * @return VEILIG_OK, or VEILIG_EINVAL when date is not valid or buf too small.
 */
VEILIG_API int veilig_date_format(char *buf, size_t size, const veilig_date *date);

/**
 * Compares two dates as the first day they cover ("2021" is 2021-01-01).
 *
 * @param a  a date (borrowed).
 * @param b  another date (borrowed).
 * @return negative when a is earlier, 0 when the same day, positive when later.
 */
VEILIG_API int veilig_date_compare(const veilig_date *a, const veilig_date *b);

/** The runtime version. @return "MAJOR.MINOR.PATCH", in static storage. */
VEILIG_API const char *veilig_version(void);

/** The runtime version as a number. @return 0xMMmmpp, as VEILIG_VERSION_HEX encodes it. */
VEILIG_API unsigned veilig_version_number(void);

/** The ABI major number. @return the N of the library's SONAME, libveilig.so.N. */
VEILIG_API int veilig_abi_version(void);

/**
 * A short English name for a status code.
 *
 * @param code  a veilig_status value (or any int).
 * @return the name ("out of memory"), in static storage; never NULL (an
 *         unknown code gives "unknown error").
 */
VEILIG_API const char *veilig_strerror(int code);

/**
 * Frees memory the library handed to the caller (strings).
 *
 * @param ptr  what a function of the library handed out as new; NULL is a no-op.
 */
VEILIG_API void veilig_free(void *ptr);

/** An allocation function for veilig_set_allocator, as malloc. */
typedef void *(*veilig_malloc_fn)(size_t size);
/** A reallocation function for veilig_set_allocator, as realloc. */
typedef void *(*veilig_realloc_fn)(void *ptr, size_t size);
/** A deallocation function for veilig_set_allocator, as free. */
typedef void (*veilig_free_fn)(void *ptr);

/**
 * Routes every allocation of the library through these functions, for the
 * whole process. Call it before any other call of the library, while no
 * registry or result exists; memory allocated with one set of functions must
 * be freed with the same set. Passing three NULLs restores the C library's
 * malloc, realloc and free. The functions are called from every thread that
 * calls the library, and from the website's writer threads
 * (veilig_site_write() with veilig_site_options.threads other than 1): they
 * must be thread-safe where those are used.
 *
 * @param malloc_fn   the allocation function, or NULL.
 * @param realloc_fn  the reallocation function, or NULL.
 * @param free_fn     the deallocation function, or NULL.
 * @return VEILIG_OK, or VEILIG_EINVAL when some but not all of the functions
 *         are NULL.
 */
VEILIG_API int veilig_set_allocator(veilig_malloc_fn malloc_fn, veilig_realloc_fn realloc_fn,
                                    veilig_free_fn free_fn);

#ifdef __cplusplus
}
#endif

#endif
