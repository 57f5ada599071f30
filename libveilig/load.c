/*
 * libveilig: loading a document's text into a registry.
 *
 * A document is read a part at a time: the top-level object member by member
 * and the list of municipalities item by item, each part parsed into a small
 * tree that is read into the registry and dropped before the next (a file
 * comes through a window that moves on with it). So a load holds the
 * registry and one municipality's tree, not a tree of the whole document
 * beside the registry, nor (for a file) the whole text.
 *
 * A load may tell a hook (vg_load_hook, model_internal.h) of each
 * municipality as it is read: the website begins its pages meanwhile
 * (site/from_file.c). The hook hears before a streamed registry is dropped.
 *
 * The streamed reading only has to succeed on a good document. When a part
 * fails for any reason other than memory, the document is read again whole
 * (vg_load_whole: one tree, then codec.c's reader), which finds every error
 * in the same order and with the same position as it always did. A bad
 * document costs two readings; a good one, one reading and no tree.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json.h"
#include "model_internal.h"

/* ---- whole ---- */

/* Parses text into a tree in arena, with the errors of a load; own: the same
   text when it is the caller's to change (the tree's strings then stay in
   it: vg_json_parse_insitu), else NULL. */
static int vg_parse(vg_jnode **root, vg_arena *arena, const char *text, char *own, size_t len,
                    const vg_limits *lim, veilig_error *err) {
    int rc = own ? vg_json_parse_insitu(root, arena, own, len, &lim->json, err)
                 : vg_json_parse(root, arena, text, len, &lim->json, err);
    if (rc == VEILIG_ENOMEM)
        vg_error_set(err, rc, "out of memory");
    return rc;
}

/* Loads text whole: parsed into one tree, then read (own as for vg_parse).
   Every error is found this way, with what and where. */
static int vg_load_whole(veilig_registry **out, const char *text, char *own, size_t len,
                         const vg_limits *lim, veilig_error *err) {
    vg_arena tmp;
    vg_arena_init(&tmp, len / 2 + 1024);
    vg_jnode *root = NULL;
    veilig_error local;
    veilig_error *perr = vg_limits_err(lim, err, &local);
    int rc = vg_parse(&root, &tmp, text, own, len, lim, perr);
    if (rc)
        vg_limits_note(lim, rc, perr);
    else
        rc = vg_load_tree(out, root, text, len, lim, err);
    vg_arena_free(&tmp);
    return rc;
}

/* ---- streaming ---- */

/* The first window over a file (1 MiB; tests make it small); it doubles when
   one part does not fit. */
size_t vg_load_window = (size_t)1 << 20;
/* Whether loads stream (tests compare them with loads read whole). */
int vg_load_streams = 1;

/* A part failed for another reason than memory: read the document whole. */
#define VG_WHOLE 1

/* The text at hand while a document is streamed: all of it (a string, eof
   set from the start), or a window over a file that moves on as it is read. */
typedef struct vg_stream {
    const char *text; /* text[0..len): the bytes at hand; pos: where reading is */
    size_t len, pos;
    char *buf; /* the window's memory (a file), else NULL */
    size_t cap;
    int fd;
    int eof;
    size_t total; /* bytes read from fd */
    const vg_limits *lim;
    const vg_load_hook *hook; /* told of each municipality, or NULL */
    vg_arena tmp;             /* the tree of the current part */
    /* what parsing one part after another reuses: the tree's chunks (a part
       larger than the last takes new ones, the rest are kept) and the
       parser's stack and key table */
    vg_pool pool;
    vg_jscratch scratch;
} vg_stream;

/* Reads more of the file behind what is at hand, dropping what lies before
   pos; the window grows when all of it is still needed. */
static int vg_stream_more(vg_stream *st) {
    size_t keep = st->len - st->pos;
    if (st->pos)
        memmove(st->buf, st->buf + st->pos, keep);
    st->len = keep;
    st->pos = 0;
    if (st->len == st->cap) {
        size_t ncap = st->cap ? st->cap * 2 : vg_load_window ? vg_load_window : 1;
        char *nb = ncap > st->cap ? vg_realloc(st->buf, ncap) : NULL;
        if (!nb)
            return VEILIG_ENOMEM;
        st->buf = nb;
        st->cap = ncap;
    }
    ssize_t got;
    do
        got = read(st->fd, st->buf + st->len, st->cap - st->len);
    while (got < 0 && errno == EINTR);
    if (got < 0)
        return VG_WHOLE; /* reading it whole says why */
    if (got == 0)
        st->eof = 1;
    st->len += (size_t)got;
    st->total += (size_t)got;
    st->text = st->buf;
    return st->total > st->lim->max_size ? VG_WHOLE : VEILIG_OK;
}

/* Moves pos to the next byte that is not whitespace: *c is that byte, or -1
   at the end of the text. */
static int vg_stream_peek(vg_stream *st, int *c) {
    for (;;) {
        while (st->pos < st->len && (st->text[st->pos] == ' ' || st->text[st->pos] == '\n' ||
                                     st->text[st->pos] == '\r' || st->text[st->pos] == '\t'))
            st->pos++;
        if (st->pos < st->len) {
            *c = (unsigned char)st->text[st->pos];
            return VEILIG_OK;
        }
        if (st->eof) {
            *c = -1;
            return VEILIG_OK;
        }
        int rc = vg_stream_more(st);
        if (rc)
            return rc;
    }
}

/* Parses the value at pos (depth: containers around it) into out, reading
   more of the file while it fails or may go on for want of text. */
static int vg_stream_value(vg_stream *st, size_t depth, vg_jnode *out) {
    for (;;) {
        size_t pos = st->pos;
        int rc = vg_json_parse_part(out, &st->tmp, st->text, st->len, &pos, depth, &st->lim->json,
                                    &st->scratch);
        if (rc == VEILIG_ENOMEM)
            return rc;
        int whole =
            st->eof ||
            (rc == VEILIG_OK ? pos < st->len : vg_json_extent_closed(st->text, st->len, st->pos));
        if (whole) {
            if (rc)
                return VG_WHOLE;
            st->pos = pos;
            return VEILIG_OK;
        }
        if ((rc = vg_stream_more(st)) != VEILIG_OK)
            return rc;
    }
}

/* The list of municipalities, at its '[': item by item. */
static int vg_stream_municipalities(vg_stream *st, vg_reader *d) {
    int c, rc = vg_reader_municipalities(d);
    if (rc)
        return rc;
    st->pos++;
    if ((rc = vg_stream_peek(st, &c)) != VEILIG_OK)
        return rc;
    if (c == ']') {
        st->pos++;
        return VEILIG_OK;
    }
    for (;;) {
        vg_jnode item;
        vg_arena_reset(&st->tmp);
        if ((rc = vg_stream_peek(st, &c)) != VEILIG_OK ||
            (rc = vg_stream_value(st, 2, &item)) != VEILIG_OK ||
            (rc = vg_reader_municipality(d, &item)) != VEILIG_OK ||
            (rc = vg_stream_peek(st, &c)) != VEILIG_OK)
            return rc;
        st->pos++;
        if (c == ']')
            return VEILIG_OK;
        if (c != ',')
            return VG_WHOLE;
    }
}

/* The document: its object member by member. */
static int vg_stream_document(vg_stream *st, vg_reader *d) {
    int c, rc;
    while (st->len < 3 && !st->eof)
        if ((rc = vg_stream_more(st)) != VEILIG_OK)
            return rc;
    if (st->len >= 3 && memcmp(st->text, "\xEF\xBB\xBF", 3) == 0)
        st->pos = 3; /* a byte order mark */
    if ((rc = vg_stream_peek(st, &c)) != VEILIG_OK)
        return rc;
    if (c != '{')
        return VG_WHOLE;
    st->pos++;
    for (size_t n = 0;; n++) {
        if ((rc = vg_stream_peek(st, &c)) != VEILIG_OK)
            return rc;
        if (c == '}' && n == 0)
            break;
        if (c != '"')
            return VG_WHOLE;
        vg_jnode key, value;
        vg_arena_reset(&st->tmp);
        if ((rc = vg_stream_value(st, 1, &key)) != VEILIG_OK ||
            (rc = vg_stream_peek(st, &c)) != VEILIG_OK)
            return rc;
        if (c != ':')
            return VG_WHOLE;
        st->pos++;
        if ((rc = vg_stream_peek(st, &c)) != VEILIG_OK)
            return rc;
        if (c == '[' && st->lim->json.max_depth >= 2 && key.len == 14 &&
            memcmp(key.u.str, "municipalities", 14) == 0)
            rc = vg_stream_municipalities(st, d);
        else if ((rc = vg_stream_value(st, 1, &value)) == VEILIG_OK)
            rc = vg_reader_member(d, key.u.str, key.len, &value);
        if (rc != VEILIG_OK || (rc = vg_stream_peek(st, &c)) != VEILIG_OK)
            return rc;
        st->pos++;
        if (c == '}')
            break;
        if (c != ',')
            return VG_WHOLE;
    }
    if ((rc = vg_stream_peek(st, &c)) != VEILIG_OK)
        return rc;
    return c == -1 ? VEILIG_OK : VG_WHOLE;
}

/* Streams st into a new registry: VEILIG_OK, VEILIG_ENOMEM, or VG_WHOLE. */
static int vg_stream_load(veilig_registry **out, vg_stream *st) {
    vg_reader *d = NULL;
    int rc = vg_reader_new(&d, st->lim);
    if (rc)
        return rc;
    vg_reader_set_hook(d, st->hook);
    vg_pool_init(&st->pool);
    vg_arena_init_pooled(&st->tmp, 64 * 1024, &st->pool);
    rc = vg_stream_document(st, d);
    vg_arena_free(&st->tmp);
    vg_pool_free(&st->pool);
    vg_jscratch_free(&st->scratch);
    if (rc == VEILIG_OK)
        rc = vg_reader_finish(d, out);
    if (rc != VEILIG_OK && st->hook && st->hook->dropped)
        st->hook->dropped(st->hook->ctx); /* before the registry it was told of goes */
    vg_reader_free(d);
    return rc == VEILIG_OK || rc == VEILIG_ENOMEM ? rc : VG_WHOLE;
}

/* Loads a text in memory: streamed, else whole (own: as for vg_parse). */
static int vg_load_text(veilig_registry **out, const char *text, char *own, size_t len,
                        const vg_limits *lim, veilig_error *err) {
    vg_stream st;
    memset(&st, 0, sizeof st);
    st.text = text;
    st.len = len;
    st.eof = 1;
    st.fd = -1;
    st.lim = lim;
    int rc = vg_load_streams ? vg_stream_load(out, &st) : VG_WHOLE;
    if (rc == VEILIG_ENOMEM)
        return vg_error_set(err, rc, "out of memory");
    return rc == VEILIG_OK ? rc : vg_load_whole(out, text, own, len, lim, err);
}

int veilig_registry_load_string(veilig_registry **out, const char *json, size_t len,
                                const veilig_load_options *opts, veilig_error *err) {
    const char *name = opts && opts->source ? opts->source : "<string>";
    vg_error_clear(err);
    vg_error_set_source(err, name);
    if (out)
        *out = NULL;
    if (!out || (!json && len))
        return vg_error_set(err, VEILIG_EINVAL, "no output pointer or no text given");
    vg_limits lim;
    int rc = vg_limits_from(&lim, opts, name, err);
    if (!rc && len > lim.max_size)
        rc = vg_error_set(err, VEILIG_ELIMIT,
                          "the text is %zu bytes, more than the %zu a document may have (max_size)",
                          len, lim.max_size);
    return rc ? rc : vg_load_text(out, json ? json : "", NULL, len, &lim, err);
}

/* ---- reading a document's text: bounded ---- */

/* Whether byte c can stand anywhere in a JSON text: C0 controls other than
   tab, line feed and carriage return, and bytes that no UTF-8 sequence holds
   (C0, C1, F5 to FF) cannot. */
static int vg_json_byte_ok(unsigned char c) {
    if (c < 0x20)
        return c == '\t' || c == '\n' || c == '\r';
    return c != 0xC0 && c != 0xC1 && c < 0xF5;
}

/* Whether the 8 bytes at b are all printable ASCII (0x20 to 0x7E and DEL):
   bytes that can stand anywhere in a JSON text, eight at a time. */
static int vg_word_printable(const unsigned char *b) {
    uint64_t w;
    memcpy(&w, b, sizeof w);
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    /* a byte below 0x20 borrows into its high bit; one of 0x80 or above has it */
    return ((w - 0x20 * ones) | w) & high ? 0 : 1;
}

/* Whether the text read so far (buf[0..n), of which [0..from) was looked at
   before) can still be the start of a JSON text; if not, *bad is the offset of
   the first byte that shows it. *started: whether a value has begun. The
   whole text passes here once, so it goes a word at a time where it can
   (printable ASCII: most of a document). */
static int vg_text_can_go_on(const char *buf, size_t from, size_t n, int *started, size_t *bad) {
    const unsigned char *b = (const unsigned char *)buf;
    size_t i = from;
    for (; i < n && !*started; i++) {
        unsigned char c = b[i];
        if (i < 3 && n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            continue; /* the byte order mark */
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (!strchr("{[\"-0123456789tfn", c) || c == '\0') {
            *bad = i;
            return 0;
        }
        *started = 1;
    }
    while (i < n) {
        if (n - i >= 8 && vg_word_printable(b + i)) {
            i += 8;
            continue;
        }
        size_t end = n - i < 8 ? n : i + 8;
        for (; i < end; i++) {
            if (!vg_json_byte_ok(b[i])) {
                *bad = i;
                return 0;
            }
        }
    }
    return 1;
}

/* The most read(2) asks for at once: the part then read is checked by
   vg_text_can_go_on while it is still in the cache (reading a large file
   whole and then checking it costs a second pass through memory). */
#define VG_READ_PART ((size_t)256 * 1024)

/* Reads a document's text from fd (see veilig_document_read_fd). */
static int vg_read_fd(char **out, size_t *len, int fd, const char *name, size_t max_size,
                      const vg_limits *lim, veilig_error *err) {
    struct stat st;
    size_t cap = 65536;
    /* A regular file ends (its size is bounded by max_size as it is read):
       the parser meets every byte of it anyway, and the check of what is
       read as it comes in (a pass through memory, about a tenth of a load)
       is only for what may not end: pipes, terminals, devices. */
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (regular && st.st_size > 0) {
        if ((uintmax_t)st.st_size > (uintmax_t)max_size)
            return vg_error_set(err, VEILIG_ELIMIT,
                                "%s is %jd bytes, more than the %zu a document may have (max_size)",
                                name, (intmax_t)st.st_size, max_size);
        cap = (size_t)st.st_size + 1;
    }
    char *buf = vg_malloc(cap);
    size_t n = 0, bad = 0;
    int started = 0, stopped = 0;
    int rc = buf ? VEILIG_OK : vg_error_set(err, VEILIG_ENOMEM, "out of memory");
    while (!rc) {
        if (n == cap) {
            size_t ncap = cap <= max_size / 2 ? cap * 2 : max_size + 1;
            char *nb = ncap > cap ? vg_realloc(buf, ncap) : NULL;
            if (!nb) {
                rc = vg_error_set(err, VEILIG_ENOMEM, "out of memory reading %s", name);
                break;
            }
            buf = nb;
            cap = ncap;
        }
        /* a part at a time, looked at while it is still in the cache */
        size_t want = cap - n < VG_READ_PART ? cap - n : VG_READ_PART;
        ssize_t got = read(fd, buf + n, want);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            rc = vg_error_set(err, VEILIG_EIO, "cannot read %s: %s", name, strerror(errno));
        } else if (got == 0) {
            break;
        } else {
            size_t from = n;
            n += (size_t)got;
            if (!regular && !vg_text_can_go_on(buf, from, n, &started, &bad)) {
                stopped = 1; /* nothing more can make it a document */
                break;
            }
            if (n > max_size)
                rc = vg_error_set(err, VEILIG_ELIMIT,
                                  "%s is more than the %zu bytes a document may have (max_size)",
                                  name, max_size);
        }
    }
    if (!rc && stopped) {
        /* the parser's own error at (or before) that byte, as if all were read */
        vg_arena tmp;
        vg_arena_init(&tmp, 4096);
        vg_jnode *root = NULL;
        rc = vg_json_parse(&root, &tmp, buf, bad + 1, &lim->json, err);
        vg_arena_free(&tmp);
        if (rc == VEILIG_OK || rc == VEILIG_ESCHEMA) /* cannot be: still not a document */
            rc = vg_error_set(err, VEILIG_EPARSE, "byte 0x%02x cannot stand in a JSON text",
                              (unsigned char)buf[bad]);
        if (rc == VEILIG_EPARSE && err && err->position > bad)
            vg_error_set_position(err, buf, n, bad);
    }
    if (!rc && n == cap) { /* room for the NUL */
        char *nb = vg_realloc(buf, cap + 1);
        if (nb)
            buf = nb;
        else
            rc = vg_error_set(err, VEILIG_ENOMEM, "out of memory reading %s", name);
    }
    if (rc) {
        vg_free(buf);
        return rc;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return VEILIG_OK;
}

int veilig_document_read_fd(char **out, size_t *len, int fd, const veilig_load_options *opts,
                            veilig_error *err) {
    vg_error_clear(err);
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    const char *name = opts && opts->source ? opts->source : "<fd>";
    vg_error_set_source(err, name);
    if (!out || !len || fd < 0)
        return vg_error_set(err, VEILIG_EINVAL, "no output pointers or no file descriptor given");
    vg_limits lim;
    int rc = vg_limits_from(&lim, opts, name, err);
    return rc ? rc : vg_read_fd(out, len, fd, name, lim.max_size, &lim, err);
}

int veilig_registry_load_file(veilig_registry **out, const char *path,
                              const veilig_load_options *opts, veilig_error *err) {
    return vg_registry_load_file_hooked(out, path, opts, NULL, err);
}

int vg_registry_load_file_hooked(veilig_registry **out, const char *path,
                                 const veilig_load_options *opts, const vg_load_hook *hook,
                                 veilig_error *err) {
    const char *name = opts && opts->source ? opts->source : path ? path : "";
    vg_error_clear(err);
    if (out)
        *out = NULL;
    vg_error_set_source(err, name);
    if (!out || !path)
        return vg_error_set(err, VEILIG_EINVAL, "no output pointer or no path given");
    vg_limits lim;
    int rc = vg_limits_from(&lim, opts, name, err);
    if (rc)
        return rc;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return vg_error_set(err, VEILIG_EIO, "cannot open %s: %s", path, strerror(errno));
    struct stat sb;
    int streamed = 0;
    if (vg_load_streams && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
        (uintmax_t)sb.st_size <= lim.max_size) {
        /* a file: through a window, never whole in memory */
        vg_stream st;
        memset(&st, 0, sizeof st);
        st.fd = fd;
        st.lim = &lim;
        st.hook = hook;
        rc = vg_stream_load(out, &st);
        vg_free(st.buf);
        if (rc != VG_WHOLE || lseek(fd, 0, SEEK_SET) != 0) {
            close(fd);
            if (rc == VEILIG_ENOMEM)
                return vg_error_set(err, rc, "out of memory");
            if (rc == VEILIG_OK)
                return rc;
            return vg_error_set(err, VEILIG_EIO, "cannot read %s again: %s", path, strerror(errno));
        }
        streamed = 1;
    }
    /* read whole: a pipe or a device, or a file that did not stream */
    char *text = NULL;
    size_t len = 0;
    rc = vg_read_fd(&text, &len, fd, path, lim.max_size, &lim, err);
    close(fd);
    if (rc)
        return rc;
    rc = streamed ? vg_load_whole(out, text, text, len, &lim, err)
                  : vg_load_text(out, text, text, len, &lim, err);
    vg_free(text);
    return rc;
}

extern const char vg_builtin_data[];
extern const size_t vg_builtin_data_len;

const char *veilig_builtin_json(size_t *len) {
    if (len)
        *len = vg_builtin_data_len;
    return vg_builtin_data;
}

int veilig_registry_load_builtin(veilig_registry **out, veilig_error *err) {
    veilig_load_options opts = VEILIG_LOAD_OPTIONS_INIT;
    opts.source = "<builtin>";
    return veilig_registry_load_string(out, vg_builtin_data, vg_builtin_data_len, &opts, err);
}
