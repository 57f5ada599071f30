/*
 * libveilig internals: the in-memory model.
 *
 * Memory: each municipality owns an arena that holds it and everything in it
 * (strings, measures, lists); the registry's own arena holds the programme
 * block, the top-level unknown keys and the table of unknown vocabulary
 * codes. Removing a municipality frees its arena; memory of values replaced
 * inside a municipality is reclaimed when the municipality goes.
 *
 * Every object starts with a vg_obj header: where to allocate (owner), its
 * parent, and the keys of its JSON object that the library does not know.
 *
 * The layout of every object type is also described by a field table
 * (vg_type, in codec.c): the codec reads and writes documents from those
 * tables, in the canonical key order.
 */
#ifndef VG_MODEL_INTERNAL_H
#define VG_MODEL_INTERNAL_H

#include <pthread.h>

#include "internal.h"
#include "json.h"

/* A vocabulary value: 0 absent; 1..0x7fff a known value of the field's
   vocabulary; 0x8000 | i the i-th unknown code of the registry. */
typedef uint16_t vg_term;
#define VG_TERM_UNKNOWN     0x8000u
#define VG_TERM_MAX_UNKNOWN 0x7fffu

/* The enum value of a term: 0 (_OTHER) for an unknown code. */
static inline vg_term vg_term_known(vg_term t) {
    return (t & VG_TERM_UNKNOWN) ? 0 : t;
}

/* Budgets are below 10^18 cents (10^16 euros): what the reader accepts. */
#define VG_MAX_CENTS INT64_C(1000000000000000000)

typedef struct vg_terms {
    vg_term *v;
    uint32_t n, cap;
} vg_terms;

typedef struct vg_strs {
    const char **v;
    uint32_t n, cap;
} vg_strs;

typedef struct vg_list {
    void **v;
    uint32_t n, cap;
} vg_list;

/* A partial date; year 0 = absent. */
typedef struct vg_date {
    int16_t year;
    uint8_t month, day;
} vg_date;

/* Unknown keys of an object, with their values, in document order. */
typedef struct vg_extras {
    vg_jmember *m;
    uint32_t n;
} vg_extras;

typedef struct vg_owner {
    veilig_registry *reg;
    vg_arena *arena;
} vg_owner;

typedef struct vg_obj {
    vg_owner *own;
    void *parent;
    vg_extras x;
} vg_obj;

struct veilig_contact {
    vg_obj h;
    const char *stakeholder;
    vg_term role;
    const char *name, *phone, *email;
    uint8_t personal;
};

struct veilig_source {
    vg_obj h;
    const char *title, *publisher, *url;
    vg_date retrieved;
};

struct veilig_programme {
    vg_obj h;
    const char *name, *operator_;
    veilig_contact *contact;
    vg_list sources;
};

struct veilig_exclusion {
    vg_obj h;
    vg_term approach;
    const char *reason;
};

struct veilig_policy_link {
    vg_obj h;
    const char *name;
    vg_term kind, relation;
    const char *note;
};

struct veilig_stakeholder {
    vg_obj h;
    const char *id, *name;
    vg_term kind;
    vg_terms roles;
    const char *parent, *note;
};

struct veilig_window {
    vg_obj h;
    vg_terms days, dayparts;
    int16_t from, to; /* minutes after midnight; -1 absent */
    const char *note;
};

struct veilig_partner {
    vg_obj h;
    const char *stakeholder;
    vg_term role;
    const char *note;
};

struct veilig_observation {
    vg_obj h;
    vg_date date;
    double value; /* NaN: absent */
    const char *source, *note;
};

struct veilig_indicator {
    vg_obj h;
    const char *id, *name;
    vg_term level, unit, direction;
    vg_date baseline_date;
    double baseline_value;
    const char *baseline_note;
    vg_extras x_baseline;
    vg_date target_date;
    double target_value;
    vg_extras x_target;
    vg_list observations;
};

struct veilig_measure {
    vg_obj h; /* first, as in every object */
    /* what the analyses read of every measure comes next, in the header's
       cache line (the order of the document is in codec.c's tables) */
    vg_term category, approach, status, evidence;
    vg_date period_start, period_end;
    uint32_t slot; /* its position in the parent's measures (and briefs) */
    const char *id, *name, *description;
    vg_terms target_groups, settings;
    const char *area_name, *area_note;
    vg_extras x_area;
    vg_list windows, partners;
    vg_extras x_period;
    int64_t budget_cents; /* -1: no budget */
    const char *budget_currency;
    vg_date budget_start, budget_end;
    vg_extras x_budget, x_budget_period;
    vg_strs indicators;
};

/* What passes over every measure (coverage, the text query) read of a
   measure, kept by the municipality in one contiguous array parallel to its
   measures: the measures themselves lie apart in the arena, one cache miss
   each. */
/* The state of a municipality's folded text (text_ok). */
enum { VG_TEXT_FAILED = -1, VG_TEXT_NONE = 0, VG_TEXT_READY = 1 };

typedef struct vg_measure_brief {
    vg_term category;
    vg_term approach; /* the effective one: vg_measure_approach_term */
    vg_term status;
    vg_term own_approach; /* the measure's own (0 when absent) */
    vg_date period_start, period_end;
    /* target groups and settings as sets: bit v-1 for each known value v
       (all of them: the vocabularies have fewer than 32), and VG_BRIEF_OTHER
       as well when the list holds an unknown code (to count those, read the
       list) */
    uint32_t target_groups, settings;
    /* the measure's text folded (vg_fold), in the municipality's text: its id,
       name, description, area name and note, window notes, and for each
       partner the stakeholder it names and that stakeholder's name; each
       followed by a NUL */
    uint32_t text_at, text_len;
} vg_measure_brief;

#define VG_BRIEF_OTHER (UINT32_C(1) << 31)

/* The set (as in vg_measure_brief) of a list of terms. */
uint32_t vg_terms_set(const vg_terms *l);

struct veilig_municipality {
    vg_obj h;
    vg_owner owner; /* h.own points here */
    vg_arena arena;
    const char *code, *name, *official_name, *province;
    vg_date joined, membership_start, membership_end;
    vg_term membership_status;
    const char *membership_note;
    vg_extras x_membership, x_membership_period;
    const char *summary, *ambition;
    vg_terms target_groups, settings;
    vg_extras x_scope;
    vg_terms focus;
    vg_list exclusions, policy_links, stakeholders, contacts, measures, indicators, sources;
    vg_index ix_measures, ix_stakeholders, ix_indicators;
    /* briefs[k] describes measures.v[k], and measures.v[k]->slot == k, for
       k < measures.n: kept by vg_municipality_reindex, the adders and the
       setters of the fields a brief holds */
    vg_measure_brief *briefs;
    size_t briefs_cap;
    /* the measures' folded text (see vg_measure_brief), valid when text_ok
       is VG_TEXT_READY: folded when a query by text first needs it
       (vg_municipality_text_ready; a load does not fold), kept up by later
       changes or dropped by them to be folded anew (VG_TEXT_NONE); after a
       failed allocation VG_TEXT_FAILED, and queries fold as they go; text_live: bytes that briefs
       point to, the rest is what changes left behind, dropped when it outgrows the live part */
    vg_buf text;
    size_t text_live;
    int text_ok;
};

struct veilig_registry {
    vg_obj h;
    vg_owner owner;
    /* the chunks of its arena and its municipalities' (freed last) */
    vg_pool pool;
    /* held while a municipality's folded text is built for a reader */
    pthread_mutex_t text_lock;
    vg_arena arena;
    veilig_programme *programme;
    veilig_municipality **municipalities;
    size_t count, cap;
    vg_index ix_code, ix_name, ix_official;
    /* unknown vocabulary codes, interned */
    const char **terms;
    size_t nterms, terms_cap;
    vg_index ix_terms;
};

/* ---- used by the codec ---- */

/* The code a term stands for in vocabulary vocab (NULL when absent). */
const char *vg_term_code(const veilig_registry *reg, veilig_vocab vocab, vg_term t);
/* The term for a code: the known value, or an interned unknown code. */
int vg_term_from_code(vg_term *out, veilig_registry *reg, veilig_vocab vocab, const char *code);
/* Whether code is a CBS municipality code: GM and four digits. */
int vg_is_cbs_code(const char *code);
/* Why building refuses code for field (a path such as "measure category"):
   the field, the code and "did you mean" from veilig_vocab_suggest, else the
   vocabulary's codes. Appended to b. */
void vg_unknown_code_text(vg_buf *b, veilig_vocab vocab, const char *field, const char *code);

/* Appends to lists allocated in an arena. */
int vg_list_push(vg_arena *a, vg_list *l, void *item);
int vg_terms_push(vg_arena *a, vg_terms *l, vg_term t);
int vg_strs_push(vg_arena *a, vg_strs *l, const char *s);

/* A new, empty municipality with its own arena, whose chunks come from the
   registry's pool (code and name unset). */
veilig_municipality *vg_municipality_new(veilig_registry *reg);
void vg_municipality_free(veilig_municipality *m);
/* Whether m's folded text (vg_measure_brief) is there to read: built now
   when it is not, under the registry's lock (readers of one registry may run
   in many threads). 0 when it cannot be built for want of memory: then fold
   as you go. */
int vg_municipality_text_ready(const veilig_municipality *m);
/* Positions of a municipality's children by id (the first, when an id is
   used twice), or (size_t)-1. O(1). */
size_t vg_measure_index(const veilig_municipality *m, const char *id);
size_t vg_stakeholder_index(const veilig_municipality *m, const char *id);
size_t vg_indicator_index(const veilig_municipality *m, const char *id);
/* Whether a stakeholder of m has the role "executing" (it executes the whole approach). */
int vg_has_executing_stakeholder(const veilig_municipality *m);
/* Whether a measure has an executing party: a partner with role "executing",
   or (municipality_executes) a stakeholder that executes the whole approach. */
int vg_measure_has_executing(const veilig_measure *ms, int municipality_executes);
/* The measure's effective approach as a term (its own, or its category's usual one). */
vg_term vg_measure_approach_term(const veilig_measure *ms);
/* Calls fn with each text of ms that the free-text filter looks at (query.h):
   its id, name, description, area name and note, window notes, and for each
   partner the stakeholder id it names and that stakeholder's name; stops
   and returns 1 when fn does, else returns 0. The folded text of a
   municipality is made of these. */
int vg_measure_texts(const veilig_municipality *m, const veilig_measure *ms,
                     int (*fn)(void *ctx, const char *text), void *ctx);
/* Appends a new measure (its id unused) to m: list, index, brief and text. */
int vg_municipality_attach_measure(veilig_municipality *m, veilig_measure *ms);
/* Puts ms in the place of the measure at index (same id), as the codec's
   replace does. Cannot fail. */
void vg_municipality_replace_measure(veilig_municipality *m, size_t index, veilig_measure *ms);
/* Rebuilds a municipality's id indexes, its measures' briefs and their text. */
int vg_municipality_reindex(veilig_municipality *m);
/* Appends m (built elsewhere) to the registry, or replaces the one at index. */
int vg_registry_attach(veilig_registry *reg, veilig_municipality *m, size_t replace_index);
/* Rebuilds the registry's indexes. */
int vg_registry_reindex(veilig_registry *reg);

/* Initialises the header and empty fields of a new object of each type. */
void vg_obj_init(vg_obj *h, vg_owner *own, void *parent);
void vg_measure_init(veilig_measure *ms);
void vg_window_init(veilig_window *w);
void vg_indicator_init(veilig_indicator *i);
void vg_observation_init(veilig_observation *o);

/* Where a text stands in the canonical document: a chain of keys and
   indexes (codec.c), valid during the call that hands it out. */
typedef struct vg_tpath vg_tpath;
/* Appends the RFC 6901 pointer of p to b ("/municipalities/0/name"). */
void vg_tpath_format(vg_buf *b, const vg_tpath *p);
/* Called for a text (is_key: a key the library does not know, else a value)
   at p; a non-zero return stops the walk. */
typedef int (*vg_text_fn)(void *ctx, const vg_tpath *p, const char *text, size_t len, int is_key);
/* Calls fn for every string the canonical document of reg holds (string
   fields, ids, unknown vocabulary codes, unknown keys and their values;
   personal contacts too), in document order. Allocates nothing. Returns what
   the call that stopped it returned, else 0. */
int vg_registry_each_text(const veilig_registry *reg, vg_text_fn fn, void *ctx);
/* Called for a key at p that an object of a known kind (type: "measure",
   "schedule window", ...) holds but the library does not know; near is the
   known key of that kind a letter or two off, or NULL. Non-zero stops. */
typedef int (*vg_key_fn)(void *ctx, const vg_tpath *p, const char *key, const char *type,
                         const char *near);
/* Calls fn for every such key of reg (not those inside unknown values, nor
   the document's own), in document order. Allocates nothing. */
int vg_registry_each_unknown_key(const veilig_registry *reg, vg_key_fn fn, void *ctx);

/* Compares two RFC 6901 pointers into a document by where their values stand
   in the canonical dump: negative, 0 or positive (codec.c knows the order). */
int vg_pointer_compare(const char *a, const char *b);

/* Whether a measure with this status and period is active (on a date, when
   on is given): what veilig_measure_is_active says (query.c). */
int vg_measure_active(vg_term status, vg_date start, vg_date end, const veilig_date *on);

/* ---- reading a parsed tree (codec.c): shared by the text loader and the jansson bridge ---- */

typedef struct vg_limits {
    vg_jlimits json;
    size_t max_municipalities;
    size_t max_size; /* bytes of a document's text */
    /* every schema error, not only the first (load options version 3) */
    veilig_error *errors;
    size_t max_errors;
    size_t *error_count;
    const char *source; /* the records' source when there is no err to take it from */
} vg_limits;

/* The limits of a load: the defaults, with what opts (may be NULL) sets;
   source (borrowed) names the document in the records of every schema error.
   VEILIG_EVERSION for an unknown options version, VEILIG_EINVAL for a depth
   above what can be saved; err gets the message. */
int vg_limits_from(vg_limits *lim, const veilig_load_options *opts, const char *source,
                   veilig_error *err);
/* The record a load reports into before its tree is read: err, or local
   (cleared, with the load's source) when err is NULL and the load collects
   every schema error, so that a schema error found while parsing (a duplicate
   key, a NUL character) can be listed too. */
veilig_error *vg_limits_err(const vg_limits *lim, veilig_error *err, veilig_error *local);
/* After a failure rc before the tree was read: a schema error in err becomes
   the list's one record (when the load collects them). */
void vg_limits_note(const vg_limits *lim, int rc, const veilig_error *err);

/*
 * Reads a document tree into a new registry (*out, only on success), with
 * every rule of a load (errors: VEILIG_ESCHEMA, VEILIG_EVERSION, VEILIG_ELIMIT,
 * VEILIG_ENOMEM, with the value's pointer). text and len are what the tree
 * was parsed from, for the line and column of errors; with text NULL (a tree
 * that never was text) they stay 0. The tree is not kept.
 */
int vg_load_tree(veilig_registry **out, const vg_jnode *root, const char *text, size_t len,
                 const vg_limits *lim, veilig_error *err);

/*
 * A document read a part at a time (load.c): the top-level members one by
 * one, the municipalities one by one, each a small tree. Any failure other
 * than VEILIG_ENOMEM says only that the part cannot be read so: no message
 * (the loader then reads the document whole with vg_load_tree, which says
 * what and where).
 */
typedef struct vg_reader vg_reader;

/* A new reader with an empty registry, for a load with these limits. */
int vg_reader_new(vg_reader **out, const vg_limits *lim);

/*
 * What a load tells about its progress (vg_registry_load_file_hooked): the
 * website writes a municipality's page while the next ones are read.
 * loaded: a municipality was read, the i-th of the registry being made (reg,
 *   borrowed, still growing: only m and what reg held before it may be read,
 *   and only in the loading thread; m stays as it is from now on).
 * dropped: the registry read so far is about to be freed (the document is
 *   then read again whole, without the hook, or the load failed): nothing
 *   given to loaded may be touched after it returns.
 */
typedef struct vg_load_hook {
    void (*loaded)(void *ctx, const veilig_registry *reg, const veilig_municipality *m, size_t i);
    void (*dropped)(void *ctx);
    void *ctx;
} vg_load_hook;
/* The reader calls hook (borrowed; NULL: none) after each municipality. */
void vg_reader_set_hook(vg_reader *d, const vg_load_hook *hook);
/* veilig_registry_load_file with a hook (NULL: none). */
int vg_registry_load_file_hooked(veilig_registry **out, const char *path,
                                 const veilig_load_options *opts, const vg_load_hook *hook,
                                 veilig_error *err);
/* A top-level member other than a streamed list of municipalities. */
int vg_reader_member(vg_reader *d, const char *key, size_t key_len, const vg_jnode *value);
/* The list of municipalities begins (it may come once). */
int vg_reader_municipalities(vg_reader *d);
/* The list's next municipality. */
int vg_reader_municipality(vg_reader *d, const vg_jnode *item);
/* At the end of the document: the registry (*out, the caller's) when the
   document had all it needs. */
int vg_reader_finish(vg_reader *d, veilig_registry **out);
/* Frees the reader and, unless vg_reader_finish gave it out, its registry. */
void vg_reader_free(vg_reader *d);

/* For tests only (load.c): the size of the first window over a file, and
   whether loads stream at all (0: every load reads its document whole). */
extern size_t vg_load_window;
extern int vg_load_streams;

/* The programme block of reg as compact JSON (*out: vg_free), as a dump writes
   it; VEILIG_ENOTFOUND when reg has none. */
int vg_programme_to_json(char **out, size_t *len, const veilig_registry *reg);
/* A municipality as compact JSON (*out: vg_free) with its measures left out:
   in their place "measures": 0 when it has any. For the diff, which compares
   measures one by one. */
int vg_municipality_head_to_json(char **out, size_t *len, const veilig_municipality *m);
/* 1 when two measures (of any registries) are written alike, 0 when they may
   not be: a 0 for measures with unknown members or numbers written alike is
   possible, so compare their JSON then. No allocation. */
int vg_measures_same(const veilig_measure *a, const veilig_measure *b);
/* As vg_measures_same, for two municipalities without their measures: 1
   when vg_municipality_head_to_json would write them alike. */
int vg_municipality_heads_same(const veilig_municipality *a, const veilig_municipality *b);

/* What veilig_registry_add_json does once its text is a tree (text as for
   vg_load_tree). reg must not be NULL. */
int vg_registry_add_tree(veilig_municipality **out, veilig_registry *reg, const vg_jnode *root,
                         const char *text, size_t len, unsigned flags, veilig_error *err);

/* Dates */
int vg_date_from_public(vg_date *out, const veilig_date *d);
veilig_date vg_date_to_public(vg_date d);

#endif
