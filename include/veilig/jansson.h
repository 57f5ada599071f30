/**
 * @file
 * libveilig: the jansson bridge: documents to and from jansson's json_t.
 *
 * For programs that already hold their JSON as jansson values (a municipality
 * inside a larger request, a tool that assembles documents): they hand the
 * json_t to libveilig directly instead of dumping it to text and loading that
 * again. This header is not included by veilig.h, so programs that do not
 * use jansson need no jansson headers; include it after (or instead of)
 * veilig.h and link jansson too (pkg-config and the CMake package do that).
 *
 * The bridge is part of libveilig only when jansson was found when the
 * library was built: VEILIG_HAVE_JANSSON (veilig/version.h) is then 1, and
 * including this header otherwise is an error. The pkg-config package says
 * so in its variable "jansson" (pkg-config --variable=jansson libveilig
 * prints 1 or 0) and the CMake package in veilig_HAVE_JANSSON.
 *
 * Reading a json_t follows exactly the rules, limits and error codes of
 * loading text (veilig_registry_load_string): the library turns the tree
 * into the tree its own reader makes and reads that with the same code. An
 * error's err->pointer is the RFC 6901 pointer of the offending value;
 * err->line, err->column and err->position are 0 (a tree has no text).
 * What a tree can hold and text cannot is an error there as well: a string or
 * key with a NUL character (VEILIG_ESCHEMA, as the text's `\u0000`) or one
 * that is not valid UTF-8 (VEILIG_EPARSE, as invalid UTF-8 in text). Nesting
 * deeper than the limit is VEILIG_ELIMIT, so a json_t that contains itself
 * fails instead of looping. The json_t is only read: not changed, not kept,
 * its reference count untouched.
 *
 * Writing gives a new json_t equal (json_equal) to what jansson's
 * json_loads makes of the canonical dump (veilig_registry_dump), unknown
 * keys included. Numbers are exact where jansson can hold them: an integer
 * literal becomes a json_integer; a number with a fraction or an exponent a
 * json_real (a double: "12.50" reads back as 12.5, and 0.1 is the double
 * nearest to it). An integer beyond json_int_t (kept from a document's
 * unknown keys) becomes the nearest json_real, where json_loads would fail;
 * a number beyond the range of a double cannot be held at all and is
 * VEILIG_ELIMIT with its pointer. Read back, a json_real that holds an
 * integral value stays a real ("12.0"), so a document survives the round
 * trip through jansson as jansson sees it.
 *
 * Memory: what libveilig allocates goes through veilig_set_allocator's
 * functions; the json_t values the bridge creates are jansson's, made with
 * jansson's allocator (json_set_alloc_funcs), and freed with json_decref.
 * Like the rest of libveilig, the bridge keeps no global state.
 */
#ifndef VEILIG_JANSSON_H
#define VEILIG_JANSSON_H

#include <jansson.h>

#include "veilig/codec.h"
#include "veilig/common.h"
#include "veilig/model.h"

#if !defined(VEILIG_HAVE_JANSSON) || !VEILIG_HAVE_JANSSON
#error "this libveilig was built without the jansson bridge (VEILIG_HAVE_JANSSON is 0)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Reads a whole document held as a jansson value, with the rules, limits and
 * errors of veilig_registry_load_string.
 *
 * @param out   receives the new registry (free it with veilig_registry_free);
 *              NULL on failure.
 * @param root  the document: a JSON object (borrowed: only read, not kept).
 * @param opts  limits and the error records' source name (default
 *              "<jansson>"); NULL for the defaults.
 * @param err   what went wrong and where (err->pointer), or NULL.
 * @return VEILIG_OK; VEILIG_ESCHEMA, VEILIG_EVERSION, VEILIG_ELIMIT or
 *         VEILIG_EPARSE (a string that is not UTF-8) for a bad document;
 *         VEILIG_ENOMEM; VEILIG_EINVAL for a NULL out or root or a bad
 *         option; VEILIG_EVERSION for an unknown options version.
 */
VEILIG_API int veilig_registry_from_jansson(veilig_registry **out, const json_t *root,
                                            const veilig_load_options *opts, veilig_error *err);

/**
 * Adds a municipality held as a jansson object (as an item of a document's
 * "municipalities" list) to a registry: veilig_registry_add_json for a
 * json_t. Pointers in err are relative to obj.
 *
 * @param out    receives the municipality, borrowed from reg; may be NULL.
 * @param reg    the registry to add to (changed only on success).
 * @param obj    the municipality object (borrowed: only read, not kept).
 * @param flags  VEILIG_ADD_REPLACE to replace (where it stands) a
 *               municipality with the same code; VEILIG_ADD_AS_LOADED to
 *               accept unknown vocabulary codes and a non-CBS code as
 *               loading does (building refuses them otherwise, as
 *               veilig_registry_add_json does); 0 otherwise.
 * @param err    what went wrong and where, or NULL.
 * @return VEILIG_OK; VEILIG_EEXISTS when the code is taken and flags lack
 *         VEILIG_ADD_REPLACE; VEILIG_EINVAL for a NULL reg or obj, an
 *         unknown vocabulary code or a non-CBS code (without
 *         VEILIG_ADD_AS_LOADED); the errors of veilig_registry_from_jansson
 *         otherwise.
 */
VEILIG_API int veilig_municipality_from_jansson(veilig_municipality **out, veilig_registry *reg,
                                                const json_t *obj, unsigned flags,
                                                veilig_error *err);

/**
 * A registry as a new jansson value: equal (json_equal) to what json_loads
 * makes of the canonical dump with the same options.
 *
 * @param out   receives a new reference (release it with json_decref); NULL
 *              on failure.
 * @param reg   the registry (borrowed).
 * @param opts  VEILIG_SAVE_OMIT_PERSONAL leaves out personal contacts; the
 *              other flags concern text and are ignored. NULL for none.
 * @param err   what went wrong, or NULL.
 * @return VEILIG_OK; VEILIG_ENOMEM (libveilig's or jansson's allocator);
 *         VEILIG_ELIMIT for a kept number beyond the range of a double;
 *         VEILIG_EINVAL for a NULL out or reg; VEILIG_EVERSION for an
 *         unknown options version.
 */
VEILIG_API int veilig_registry_to_jansson(json_t **out, const veilig_registry *reg,
                                          const veilig_save_options *opts, veilig_error *err);

/**
 * One municipality as a new jansson object, equal to what json_loads makes
 * of veilig_municipality_to_json's text.
 *
 * @param out   receives a new reference (release it with json_decref); NULL
 *              on failure.
 * @param m     the municipality (borrowed).
 * @param opts  as for veilig_registry_to_jansson; NULL for none.
 * @param err   what went wrong, or NULL.
 * @return as veilig_registry_to_jansson (VEILIG_EINVAL for a NULL out or m).
 */
VEILIG_API int veilig_municipality_to_jansson(json_t **out, const veilig_municipality *m,
                                              const veilig_save_options *opts, veilig_error *err);

#ifdef __cplusplus
}
#endif

#endif
