/*
 * libveilig Lua binding: what the module's source files share. Not installed;
 * every name here is internal (prefix vl_) and hidden in the module.
 *
 * Layers: each file uses only the ones above it (no file includes or calls
 * a higher one):
 *   compat.h            the bridge between Lua 5.1, 5.2/5.3, 5.4 and LuaJIT
 *   util/buf.h          libveilig's growable buffer (libveilig/util/buf.c,
 *                       compiled into the module; vg_buf_init_std: malloc)
 *   lveilig_core.c      handles, registries' lifetimes, boxes, errors,
 *                       options, the naming trampoline of every function
 *   lveilig_json.c      Lua values to JSON text and back
 *   lveilig_values.c    model: reading Lua values for setters
 *   lveilig_fields.c    model: the fields of every object (all field lookup)
 *   lveilig_registry.c  model: making registries, their methods, vocabularies
 *   lveilig_model.c     model: reading and setting fields (__index, set), the
 *                       objects' methods, the metatables
 *   lveilig_analysis.c  analyses and renderings
 *   lveilig_sheet.c     spreadsheets
 *   lveilig_site.c      the website (veilig.site)
 *   lveilig.c           luaopen_veilig: the one luaL_Reg table of every function
 *
 * Objects and lifetimes
 * ---------------------
 * A registry is a full userdata (vl_registry) that owns its veilig_registry.
 * Municipalities, measures, stakeholders and indicators are full userdata
 * "handles" (vl_handle) holding a borrowed pointer into it. Every one of them
 * (the registry too) carries the same "anchor" table as its user value
 * (environment on 5.1/LuaJIT):
 *
 *   anchor[1]  the registry userdata (a strong reference: a handle keeps its
 *              registry alive, whatever the script does with the registry)
 *   anchor[2]  the handles of this registry, keyed by the object's address
 *              (light userdata), weak values: one handle per live object, so
 *              that the same object is always the same Lua value, and so that
 *              a mutation can find every handle it may have invalidated
 *
 * Staleness: the library frees objects when they are removed or replaced
 * (reg:remove, add_json with replace, m:remove_measure, ...). Every such call
 * goes through this binding (a registry userdata owns its veilig_registry;
 * nothing else can reach it), and after each one vl_sweep checks every handle
 * of the registry against the live model, using pointer comparisons only, and
 * marks those whose object is gone as removed (ptr = NULL). It also bumps the
 * registry's generation and stamps it on the survivors; a handle whose stamp
 * is old (one the sweep could not see: weak tables drop resurrected values on
 * 5.2+) is treated as removed as well. So a handle either points at a live
 * object of its registry or raises a clear error: never a dangling pointer.
 * A closed (or collected) registry has reg == NULL: its handles raise too.
 *
 * Re-entrancy: a __gc metamethod may run at any Lua allocation (on 5.1 even
 * inside lua_pushstring, before it copies its argument), and __index code of
 * a script's table at any lua_getfield. So:
 * - field reads run with the registry's busy count raised, under lua_pcall
 *   (the count comes back down whatever happens); every call that changes a
 *   registry (vl_check_registry_mut, vl_check_handle_mut) raises meanwhile;
 * - every method converts its arguments and allocates what it needs first,
 *   and only then takes its C pointers (validating the handle again), using
 *   them with no Lua allocation in between; tables of the script are read
 *   raw (vl_raw_field, lua_next, lua_rawgeti), never with metamethods;
 * - a sweep allocates its table before the change (vl_sweep_prepare);
 *   vl_push_handle stamps a new handle with the generation from before its
 *   own allocation.
 */
#ifndef VEILIG_LUA_LVEILIG_H
#define VEILIG_LUA_LVEILIG_H

#include <stddef.h>

#include <veilig.h>

#include "compat.h"
#include "util/buf.h" /* libveilig's growable buffer (libveilig/util/buf.c, compiled in) */

#if defined(__GNUC__) || defined(__clang__)
#define VL_HIDDEN __attribute__((visibility("hidden")))
#define VL_EXPORT __attribute__((visibility("default")))
#else
#define VL_HIDDEN
#define VL_EXPORT
#endif

/* Metatable names (also the type names in error messages). */
#define VL_TREGISTRY     "veilig.registry"
#define VL_TMUNICIPALITY "veilig.municipality"
#define VL_TMEASURE      "veilig.measure"
#define VL_TSTAKEHOLDER  "veilig.stakeholder"
#define VL_TINDICATOR    "veilig.indicator"
#define VL_TBOX          "veilig.box"
#define VL_TWEAK         "veilig.weak"
#define VL_TOBJECT       "veilig.object" /* marks an empty Lua table as a JSON object */

/* Kinds of objects with handles (the registry is kind 0). */
enum vl_kind { VL_REGISTRY = 0, VL_MUNICIPALITY, VL_MEASURE, VL_STAKEHOLDER, VL_INDICATOR };
#define VL_NKINDS 5

/* Slots of the anchor table. */
enum { VL_ANCHOR_REGISTRY = 1, VL_ANCHOR_HANDLES = 2 };

typedef struct vl_registry {
    veilig_registry *reg; /* NULL once closed or collected */
    unsigned long gen;    /* bumped by every sweep, and by closing */
    int busy;             /* field reads under way: no change allowed */
} vl_registry;

typedef struct vl_handle {
    int kind;          /* enum vl_kind */
    unsigned long gen; /* the registry's generation when last known live */
    void *ptr;         /* the object; NULL once removed */
    void *muni;        /* the municipality it belongs to (itself for one) */
} vl_handle;

/* Status for "the Lua value has the wrong type": raise, do not return nil, msg. */
#define VL_ETYPE 1

/* Why a setter failed: filled in for VL_ETYPE and for negative status codes. */
typedef struct vl_why {
    char msg[512];
} vl_why;

/*
 * A field of an object type, readable as obj.name and (with a setter)
 * writable with obj:set(name, value) and obj.name = value. get pushes one
 * value; self is the stack index of the object's userdata. set reads the
 * value at index v and returns VEILIG_OK, a negative veilig_status or
 * VL_ETYPE, filling why on failure; it never raises.
 */
typedef struct vl_field {
    const char *name;
    void (*get)(lua_State *L, const void *obj, int self);
    int (*set)(lua_State *L, void *obj, int v, vl_why *why);
} vl_field;

/* ---- lveilig_core.c ---- */

/* The metatable names of the kinds (vl_tnames[VL_MEASURE] is VL_TMEASURE). */
VL_HIDDEN extern const char *const vl_tnames[VL_NKINDS];
/* Makes the metatables of boxes, weak tables and empty JSON objects. */
VL_HIDDEN void vl_core_open(lua_State *L);
/*
 * Registers fns, each named "veilig.f" (a function of the module table at
 * module) or "kind:f" ("registry:add", "measure:to_json": a method in the
 * methods table of that kind, methods[kind + 1] of the table at methods).
 * Each becomes a closure that calls it and names it in argument errors,
 * also under pcall ("bad argument #2 to 'add_measure' (...)").
 */
VL_HIDDEN void vl_register(lua_State *L, const luaL_Reg *fns, int module, int methods);

/* The live object behind the handle at idx, of kind; raises when idx is no such handle, or stale.
 */
VL_HIDDEN vl_handle *vl_check_handle(lua_State *L, int idx, int kind);
/* The registry userdata at idx; raises when it is not one, or closed. */
VL_HIDDEN vl_registry *vl_check_registry(lua_State *L, int idx);
/* The same, for a call that changes the registry: raises while it is busy as well. */
VL_HIDDEN vl_registry *vl_check_registry_mut(lua_State *L, int idx);
VL_HIDDEN vl_handle *vl_check_handle_mut(lua_State *L, int idx, int kind);
/* Raises while field reads of R are under way (a __gc metamethod tries to change it). */
VL_HIDDEN void vl_check_idle(lua_State *L, const vl_registry *R);
/* Pushes a new, empty registry userdata (its reg NULL: the caller fills it in). */
VL_HIDDEN vl_registry *vl_registry_push_new(lua_State *L);
/* The registry behind any handle (or registry) at idx, or NULL when collected. */
VL_HIDDEN vl_registry *vl_registry_of(lua_State *L, int idx);
/* Pushes the handle of ptr (nil for NULL), sharing the registry of the userdata at owner. */
VL_HIDDEN void vl_push_handle(lua_State *L, int owner, int kind, void *ptr, void *muni);
/* Pushes the registry userdata of the handle at idx. */
VL_HIDDEN void vl_push_registry(lua_State *L, int idx);
/*
 * Before a change that may free municipalities: pushes the (empty) table
 * vl_sweep fills, and returns its index.
 */
VL_HIDDEN int vl_sweep_prepare(lua_State *L, int owner);
/*
 * After a change that may free objects: marks the handles of the dead ones.
 * only_muni: the change was within that municipality (live: 0); else live
 * is the index vl_sweep_prepare returned. Does not allocate.
 */
VL_HIDDEN void vl_sweep(lua_State *L, int owner, const void *only_muni, int live);
/* Pushes t[k] of the table at t (nil when absent), raw: no metamethods, no allocation. */
VL_HIDDEN void vl_raw_field(lua_State *L, int t, const char *k);
/* The details table of an error (code, number, message, line, column,
   position, pointer, source), pushed onto the stack. */
VL_HIDDEN void vl_push_error_details(lua_State *L, int rc, const veilig_error *err,
                                     const char *what);
/* Pushes nil, a message and a details table; returns 3. err may be NULL. */
VL_HIDDEN int vl_push_error(lua_State *L, int rc, const veilig_error *err, const char *what);
/*
 * Why a call failed with rc: what when given, else the reason the library
 * left in veilig_error_last() for rc, else veilig_strerror(rc).
 */
VL_HIDDEN const char *vl_reason(int rc, const char *what);
/*
 * Raises for a call that is wrong in itself (VEILIG_EINVAL, a bad value):
 * an argument error of argument arg ("bad argument #2 to 'add' (...)"), or
 * with arg 0, what alone. Does not return.
 */
VL_HIDDEN int vl_refuse(lua_State *L, int arg, const char *what);
/*
 * vl_push_error for what an add_json call (its JSON argument at arg) gives:
 * for a Lua table, the place is "<table>" and the pointer (the line and
 * column of the text made from the table mean nothing to the caller); a
 * replacement is asked for as the binding spells it (replace = true). A
 * refusal of the input in itself (VEILIG_EINVAL: an unknown vocabulary code)
 * raises, as an argument error of arg; the rest returns nil, message, details.
 */
VL_HIDDEN int vl_push_json_error(lua_State *L, int rc, veilig_error *err, int arg);
/* Reads the save options table at idx (nil or absent: the defaults); raises on bad ones. */
VL_HIDDEN void vl_save_options(lua_State *L, int idx, veilig_save_options *o);
/* Reads the load options table at idx (nil or absent: the defaults); raises on bad ones. */
VL_HIDDEN void vl_load_options(lua_State *L, int idx, veilig_load_options *o);
/* Reads the optional boolean "replace" argument at idx. */
VL_HIDDEN unsigned vl_opt_add_flags(lua_State *L, int idx);
/* The stable name of a status code ("schema"). */
VL_HIDDEN const char *vl_status_name(int rc);

/*
 * Boxes: memory the C library hands out, owned by a userdata with a __gc
 * until it is freed, so that nothing leaks when Lua raises meanwhile.
 */
typedef struct vl_box {
    void *p; /* what the C library handed out */
    size_t len;
    void (*free)(void *p);
    vg_buf buf; /* or text the module writes itself (vl_json_encode), on malloc */
} vl_box;
/* Pushes a new, empty box whose contents will be freed with free_fn (NULL:
   the box holds only buf). */
VL_HIDDEN vl_box *vl_box_new(lua_State *L, void (*free_fn)(void *));
/* Frees what the box holds now (p and buf). */
VL_HIDDEN void vl_box_clear(vl_box *b);

/* ---- lveilig_values.c ---- */

/* Fills why with the message; returns rc. */
VL_HIDDEN int vl_fail(vl_why *why, int rc, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Fails with VL_ETYPE: "<expected> expected, got <the type of the value at v>". */
VL_HIDDEN int vl_type_fail(lua_State *L, int v, vl_why *why, const char *expected);
/* Explains a status a setter of the C library returned (into why); returns it. */
VL_HIDDEN int vl_check_status(int rc, vl_why *why);
/* Readers of the value at v for setters (nil: absent); they fill why and never raise. */
VL_HIDDEN int vl_opt_string(lua_State *L, int v, const char **s, vl_why *why);
VL_HIDDEN int vl_opt_code(lua_State *L, int v, veilig_vocab vocab, int *value, vl_why *why);
/*
 * Fails (VEILIG_EINVAL) for code s that vocab does not have: the code and
 * what it likely meant (veilig_vocab_suggest), else the codes it has.
 */
VL_HIDDEN int vl_fail_unknown_code(vl_why *why, veilig_vocab vocab, const char *s);
VL_HIDDEN int vl_opt_date(lua_State *L, int v, veilig_date *d, const veilig_date **p, vl_why *why);
VL_HIDDEN int vl_opt_number(lua_State *L, int v, double *x, int *present, vl_why *why);

/* ---- lveilig_fields.c ---- */

/* The fields of each kind (terminated by a {NULL} entry). */
VL_HIDDEN const vl_field *vl_fields(int kind);
/* The field of kind named name, or NULL. */
VL_HIDDEN const vl_field *vl_find_field(int kind, const char *name, size_t len);
/* Whether some field of kind has a name that starts with prefix and a dot. */
VL_HIDDEN int vl_has_subfields(int kind, const char *prefix, size_t len);
/* Pushes the programme block of reg as a table, or nil. */
VL_HIDDEN void vl_push_programme(lua_State *L, const veilig_registry *reg);
/*
 * Sets the fields given in the table at t on obj (of kind), skipping the
 * keys in skip (NULL-terminated); nested tables set dotted fields
 * ("baseline" = {date = ...} sets "baseline.date"). Returns as a setter does.
 */
VL_HIDDEN int vl_apply_table(lua_State *L, int kind, void *obj, int t, const char *const *skip,
                             vl_why *why);

/* ---- lveilig_json.c ---- */

/*
 * Encodes the Lua value at idx as JSON into b (appending; the text is
 * NUL-terminated), a box's buf, so that nothing leaks when Lua raises. Returns 0, or -1 with why
 * filled in (a value JSON cannot hold, a table with mixed keys, nesting too deep). Does not raise
 * except for out of memory.
 */
VL_HIDDEN int vl_json_encode(lua_State *L, int idx, vg_buf *b, vl_why *why);
/* Decodes JSON text into a Lua value on the stack; raises on malformed text. */
VL_HIDDEN void vl_json_decode(lua_State *L, const char *text, size_t len);
/*
 * The JSON text of argument idx: a string as is, a table encoded; leaves the
 * text (a string or a box) on the stack. Raises for other types and for
 * tables JSON cannot hold.
 */
VL_HIDDEN const char *vl_json_arg(lua_State *L, int idx, size_t *len);
/*
 * Returns a JSON text in a box (on the stack at box_idx) as Lua tables, or
 * the error: the tail call of every method that renders a result as JSON.
 * Removes the box from the stack and frees its text. Returns the number of
 * results.
 */
VL_HIDDEN int vl_return_json(lua_State *L, int box_idx, int rc, const veilig_error *err);

/* Pushes veilig.null (the light userdata NULL), JSON's null. */
#define vl_push_null(L) lua_pushlightuserdata(L, NULL)

/* ---- lveilig_registry.c, lveilig_model.c ---- */

/* Sets the metamethods of registries (__gc, __close, __len, ...) in the metatable on the top. */
VL_HIDDEN void vl_registry_metamethods(lua_State *L);
/* Makes the metatable of kind, its __index finding methods in the table at methods. */
VL_HIDDEN void vl_model_metatable(lua_State *L, int kind, int methods);

/*
 * The functions of the module, registered by luaopen_veilig (lveilig.c) in
 * its one table; each is "veilig.f" or "kind:f" there.
 */
/* lveilig_model.c */
VL_HIDDEN int l_add_indicator(lua_State *L);
VL_HIDDEN int l_add_measure(lua_State *L);
VL_HIDDEN int l_add_observation(lua_State *L);
VL_HIDDEN int l_add_stakeholder(lua_State *L);
VL_HIDDEN int l_indicator(lua_State *L);
VL_HIDDEN int l_indicators(lua_State *L);
VL_HIDDEN int l_measure(lua_State *L);
VL_HIDDEN int l_measure_to_json(lua_State *L);
VL_HIDDEN int l_measure_to_table(lua_State *L);
VL_HIDDEN int l_measures(lua_State *L);
VL_HIDDEN int l_municipality_to_json(lua_State *L);
VL_HIDDEN int l_municipality_to_table(lua_State *L);
VL_HIDDEN int l_remove_indicator(lua_State *L);
VL_HIDDEN int l_remove_measure(lua_State *L);
VL_HIDDEN int l_remove_observation(lua_State *L);
VL_HIDDEN int l_remove_stakeholder(lua_State *L);
VL_HIDDEN int l_set(lua_State *L);
VL_HIDDEN int l_stakeholder(lua_State *L);
VL_HIDDEN int l_stakeholders(lua_State *L);
/* lveilig_registry.c */
VL_HIDDEN int l_builtin(lua_State *L);
VL_HIDDEN int l_codes(lua_State *L);
VL_HIDDEN int l_label(lua_State *L);
VL_HIDDEN int l_load(lua_State *L);
VL_HIDDEN int l_loads(lua_State *L);
VL_HIDDEN int l_new(lua_State *L);
VL_HIDDEN int l_registry_add(lua_State *L);
VL_HIDDEN int l_registry_add_json(lua_State *L);
VL_HIDDEN int l_registry_close(lua_State *L);
VL_HIDDEN int l_registry_closed(lua_State *L);
VL_HIDDEN int l_registry_dump(lua_State *L);
VL_HIDDEN int l_registry_find(lua_State *L);
VL_HIDDEN int l_registry_get(lua_State *L);
VL_HIDDEN int l_registry_municipalities(lua_State *L);
VL_HIDDEN int l_registry_remove(lua_State *L);
VL_HIDDEN int l_registry_save(lua_State *L);
VL_HIDDEN int l_registry_to_table(lua_State *L);
VL_HIDDEN int l_registry_validate(lua_State *L);
VL_HIDDEN int l_vocabularies(lua_State *L);
/* lveilig_analysis.c */
VL_HIDDEN int l_compare(lua_State *L);
VL_HIDDEN int l_diff(lua_State *L);
VL_HIDDEN int l_export(lua_State *L);
VL_HIDDEN int l_municipality_peers(lua_State *L);
VL_HIDDEN int l_profile(lua_State *L);
VL_HIDDEN int l_progress(lua_State *L);
VL_HIDDEN int l_registry_coverage(lua_State *L);
VL_HIDDEN int l_registry_each_match(lua_State *L);
VL_HIDDEN int l_registry_peers(lua_State *L);
VL_HIDDEN int l_registry_query(lua_State *L);
VL_HIDDEN int l_render(lua_State *L);
VL_HIDDEN int l_render_list(lua_State *L);
VL_HIDDEN int l_report_html(lua_State *L);
VL_HIDDEN int l_save_report(lua_State *L);
VL_HIDDEN int l_schedule(lua_State *L);
VL_HIDDEN int l_similarity(lua_State *L);
/* lveilig_sheet.c */
VL_HIDDEN int l_export_sheet(lua_State *L);
VL_HIDDEN int l_import_sheets(lua_State *L);
VL_HIDDEN int l_save_xlsx(lua_State *L);
VL_HIDDEN int l_sheets(lua_State *L);
/* lveilig_site.c */
VL_HIDDEN int l_site(lua_State *L);

#endif
