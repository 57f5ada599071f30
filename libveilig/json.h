/*
 * libveilig internals: a strict JSON (RFC 8259) reader into a compact tree
 * kept in an arena, and a canonical JSON writer. The codec maps this tree to
 * the model; the tree also holds the values of keys the model does not know,
 * so that they are written back unchanged.
 *
 * Why our own reader and not jansson's: every value needs the position it
 * came from (errors and diagnostics name line and column), numbers must stay
 * exact (budgets in cents, unknown numbers written back as written), every
 * allocation must go through veilig_set_allocator's functions without
 * touching jansson's process-wide allocator, and a load must not hold a
 * general-purpose tree next to the model.
 */
#ifndef VG_JSON_H
#define VG_JSON_H

#include "internal.h"

typedef enum vg_jtype {
    VG_JNULL = 0,
    VG_JFALSE,
    VG_JTRUE,
    VG_JNUMBER,
    VG_JSTRING,
    VG_JARRAY,
    VG_JOBJECT
} vg_jtype;

typedef struct vg_jnode vg_jnode;
typedef struct vg_jmember vg_jmember;

struct vg_jnode {
    uint8_t type; /* vg_jtype */
    uint32_t len; /* STRING: bytes; NUMBER: literal bytes; ARRAY: items; OBJECT: members */
    size_t pos;   /* byte offset of the value's first character in the text */
    union {
        const char *str;     /* STRING: decoded UTF-8, NUL-terminated, no NUL inside;
                                NUMBER: the literal as written, NUL-terminated */
        vg_jnode *items;     /* ARRAY */
        vg_jmember *members; /* OBJECT, in document order */
    } u;
};

struct vg_jmember {
    const char *key; /* decoded, NUL-terminated, no NUL inside */
    uint32_t key_len;
    size_t key_pos; /* byte offset of the key's opening quote */
    vg_jnode value;
};

typedef struct vg_jlimits {
    size_t max_depth;  /* arrays and objects nested deeper fail with VEILIG_ELIMIT */
    size_t max_string; /* longer strings (decoded bytes) fail with VEILIG_ELIMIT */
} vg_jlimits;

/*
 * Parses text[0..len) into a tree allocated from arena; *out points to the
 * root. A UTF-8 byte order mark at the start is skipped. Returns:
 * - VEILIG_OK;
 * - VEILIG_EPARSE: not JSON (syntax, invalid UTF-8, lone or broken surrogate
 *   escapes, control characters in strings, trailing garbage, empty text);
 *   err gets message, line, column and position (vg_error_set_position);
 * - VEILIG_ESCHEMA: valid JSON that a document may not hold: a key twice in
 *   one object, or a NUL character (\u0000) in a string or key; err gets the
 *   message, the position and the RFC 6901 pointer of the offending value
 *   (for a duplicate key: the pointer of the second value, e.g. "/a/0/b");
 * - VEILIG_ELIMIT: nesting deeper than lim->max_depth or a string longer than
 *   lim->max_string, with position and the pointer of the value (of the
 *   object, for a key too long);
 * - VEILIG_ENOMEM.
 * err may be NULL; err->source is not touched. Never recurses deeper than
 * max_depth, so hostile input cannot overflow the stack. On failure, what was
 * allocated stays in the arena (the caller frees the arena).
 */
int vg_json_parse(vg_jnode **out, vg_arena *arena, const char *text, size_t len,
                  const vg_jlimits *lim, veilig_error *err);

/* vg_json_parse, with the values' strings that hold no escape left in text
   (their closing quote overwritten by a NUL) instead of copied into the
   arena: for a text that is the caller's own and outlives the tree. Keys,
   numbers and strings with escapes are in the arena as before. Line, column
   and position of errors, on this text afterwards too, are as for
   vg_json_parse (a NUL counts as the quote it replaces). Saves a copy of
   most of a document's strings (a third of a large document's text). */
int vg_json_parse_insitu(vg_jnode **out, vg_arena *arena, char *text, size_t len,
                         const vg_jlimits *lim, veilig_error *err);

/* Scratch memory that a series of vg_json_parse_part calls share: the
   stack of the open containers and the table of interned keys, kept from one
   call to the next instead of allocated and freed by each (a streamed load
   parses thousands of parts). Zeroed to begin; vg_jscratch_free at the end. */
typedef struct vg_jscratch {
    char *stack;
    size_t cap;
    struct vg_jkey *keys; /* cleared at the start of a call that finds it used */
    int keys_used;
} vg_jscratch;

void vg_jscratch_free(vg_jscratch *s);

/*
 * Parses the one value that starts at text[*pos] (no whitespace before it)
 * of a larger text, for reading a document a part at a time: depth is how
 * many containers hold the value in its document, so that max_depth counts
 * from the document's root. On VEILIG_OK *out is the value (its positions
 * offsets in text) and *pos is just after it. Any failure returns its code
 * (VEILIG_EPARSE, VEILIG_ESCHEMA for a duplicate key or a NUL, VEILIG_ELIMIT,
 * VEILIG_ENOMEM) without a message: a part that fails is read again whole
 * by vg_json_parse, which says what and where. A failure may also come from
 * text ending inside the value (read more and try again: see
 * vg_json_extent_closed); so may a number that ends at len.
 */
int vg_json_parse_part(vg_jnode *out, vg_arena *arena, const char *text, size_t len, size_t *pos,
                       size_t depth, const vg_jlimits *lim, vg_jscratch *scratch);

/*
 * Whether the value starting at text[pos] ends well within text[0..len),
 * judged by its brackets and quotes alone (nothing checked): when it does, a
 * failure of vg_json_parse_part on it is not for want of text.
 */
int vg_json_extent_closed(const char *text, size_t len, size_t pos);

/* Deep copy of a tree into another arena (positions kept). NULL on ENOMEM. */
vg_jnode *vg_json_copy(vg_arena *arena, const vg_jnode *node);

/* The member of an object with that key, or NULL. */
const vg_jmember *vg_json_get(const vg_jnode *object, const char *key);

/* One level of the path from a tree's root to a value, for error pointers:
   kept on the C stack of whoever walks the tree (the parser, the bridge). */
typedef struct vg_jlevel {
    const struct vg_jlevel *parent; /* NULL: a child of the root */
    const char *key;                /* the current member's key; NULL in an array */
    size_t n;                       /* key length, or the current item's index */
} vg_jlevel;

/*
 * Writes the RFC 6901 pointer of the levels from the root down to l (NULL:
 * the root itself, "") into out (size bytes), cut at a character boundary. A
 * NUL in a key (which a C string cannot hold) is written as the six
 * characters \u0000.
 */
void vg_json_pointer_of(char *out, size_t size, const vg_jlevel *l);

/*
 * Appends the RFC 6901 escaped form of a key ("~" -> "~0", "/" -> "~1") to b,
 * preceded by "/".
 */
void vg_json_pointer_append(vg_buf *b, const char *key, size_t len);

/*
 * Finds where the value at an RFC 6901 pointer starts in text, without
 * allocating: the implementation of veilig_json_locate.
 */
int vg_json_locate(size_t *pos, const char *text, size_t len, const char *pointer);

/* ---- writer ---- */

enum {
    VG_JW_COMPACT = 1u << 0, /* no whitespace at all */
    VG_JW_ASCII = 1u << 1    /* escape non-ASCII as \uXXXX (surrogate pairs above U+FFFF) */
};

#define VG_JW_MAX_DEPTH 256

/*
 * Canonical writer: by default two-space indent, "key": value, one member or
 * item per line, empty containers as {} and [], no final newline (the caller
 * adds it). Strings escape '"', '\\' and control characters (\b \f \n \r \t,
 * others as \u00XX, lower-case hex); '/' and non-ASCII are written as they are
 * unless VG_JW_ASCII. Errors (out of memory) stick in buf->failed.
 */
typedef struct vg_jwriter {
    vg_buf *buf;
    unsigned flags;
    int depth;
    unsigned char has_items[VG_JW_MAX_DEPTH]; /* per open container: written anything yet */
    int after_key;                            /* a key was written, its value comes next */
} vg_jwriter;

void vg_jw_init(vg_jwriter *w, vg_buf *buf, unsigned flags);
void vg_jw_begin_object(vg_jwriter *w);
void vg_jw_end_object(vg_jwriter *w);
void vg_jw_begin_array(vg_jwriter *w);
void vg_jw_end_array(vg_jwriter *w);
void vg_jw_key(vg_jwriter *w, const char *key);
void vg_jw_string(vg_jwriter *w, const char *s, size_t len);
void vg_jw_cstring(vg_jwriter *w, const char *s); /* NULL writes null */
void vg_jw_int(vg_jwriter *w, int64_t v);
/* Shortest text that reads back as the same double, independent of the C
   locale: integral values up to 2^53 without a fraction ("12"), others as
   %.15g..%.17g, whichever first round-trips. NaN and infinity write null. */
void vg_jw_double(vg_jwriter *w, double v);
/* A number literal written as it is (must be valid JSON number text). */
void vg_jw_number_literal(vg_jwriter *w, const char *lit, size_t len);
void vg_jw_bool(vg_jwriter *w, int v);
void vg_jw_null(vg_jwriter *w);
/* Writes a parsed tree (object members in their order). */
void vg_jw_node(vg_jwriter *w, const vg_jnode *node);

/* Room for vg_json_format_double's text, with its NUL. */
#define VG_JSON_DOUBLE_BUFSIZE 40

/* The text vg_jw_double writes for v (into buf, VG_JSON_DOUBLE_BUFSIZE bytes);
   returns its length, or 0 (buf "") for NaN and infinity. */
size_t vg_json_format_double(char *buf, double v);

/* Locale-independent conversion of a JSON number literal to double
   (strtod in the "C" locale); out of range gives +-HUGE_VAL or 0. */
double vg_json_number_to_double(const char *lit, size_t len);
/* The same for a NUL-terminated literal (a NUMBER node's u.str); never allocates. */
double vg_json_strtod(const char *lit);

#endif
