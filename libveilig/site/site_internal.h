/* libveilig internals of the website (veilig_site_write): the writer of one
   page tree (one language) and its pages. site.c holds the folder and file
   handling and the driver, pages.c the pages, catalogue.c the measures
   catalogue. */
#ifndef VG_SITE_INTERNAL_H
#define VG_SITE_INTERNAL_H

#include "veilig/site.h"

#include "../report/html.h"
#include "../util/atomic.h"

/* A page longer than vg_site_chunk (1 MiB) is written to its (temporary)
   file a part at a time as it is made (vg_site_page_flush): the catalogue.
   A category page's rows made while the document loads go to their
   temporary file vg_site_rows_chunk (256 KiB) at a time. Variables for the
   tests only, which make them small. */
extern size_t vg_site_chunk, vg_site_rows_chunk;
#define VG_SITE_CHUNK vg_site_chunk

/* A measure and its municipality (the category pages' lists). */
typedef struct vg_site_entry {
    const veilig_municipality *m;
    const veilig_measure *ms;
} vg_site_entry;

/* The script of the catalogue (site.js; NUL-terminated). */
extern const char vg_site_js[];
extern const size_t vg_site_js_len;

/* A municipality and its place in the registry. */
typedef struct vg_site_placed {
    const veilig_municipality *m;
    size_t i;
} vg_site_placed;

/* A municipality's page begun while its document loaded
   (veilig_site_write_file): the page up to its peers (vg_html_mun_body_first)
   in a temporary file set aside, which vg_site_municipality takes up again
   for the rest. */
typedef struct vg_site_early {
    char *full, *tmp; /* the page's file and the temporary file (NULL: none) */
    int hidden;       /* a personal contact was left out */
} vg_site_early;

/* Room for the folders vg_site_prepare records (the site's, its parents'
   and its trees': a deeper path is made but not recorded). */
#define VG_SITE_MADE 32

/* Room for the categories (13 today). */
#define VG_SITE_NCAT 32

/* The state of a site being written. The driver fills it; each writer
   (thread) works on its own copy, with its own page buffer, error record and
   tree: the rest (registry, peers, category lists) is shared and only read
   while the writers run. */
typedef struct vg_site {
    const veilig_registry *reg;
    const veilig_programme *prog; /* the registry's (in every page's title) */
    const char *dir;              /* the site's folder */
    veilig_error *err;
    unsigned flags;   /* VEILIG_SITE_* */
    size_t peers;     /* comparison pages per municipality */
    size_t writers;   /* the threads writing pages (vg_site_pages) */
    int en;           /* the language of the tree being written */
    int both;         /* both languages: a switch on every page */
    const char *tree; /* the tree's folder under dir: "" or "en/" */
    /* the peers of every municipality, computed once for the whole site (its
       rows grouped by subject in registry order) */
    veilig_peers_result *all_peers;
    /* by the registry's order: the first of its rows in all_peers and their
       number, and the registry's municipalities sorted by address, to find
       one's place (vg_site_place) */
    size_t *peers_first, *peers_n;
    vg_site_placed *by_address;
    /* the measures of each category (1 .. the vocabulary's size) in the
       registry's order, gathered in one pass for every category page */
    vg_site_entry *cat_entries[VG_SITE_NCAT + 1];
    size_t cat_count[VG_SITE_NCAT + 1];
    vg_buf page; /* the page buffer between pages (vg_site_page_begin, _finish) */
    /* the municipalities' pages begun while the document loaded, by tree
       (Dutch, English) and place in the registry; NULL: none */
    vg_site_early *early[2];
    /* the catalogues and the category pages' rows begun while the document
       loaded, by tree (NULL: none); the catalogue's task ends its catalogue,
       vg_site_free frees both */
    struct vg_site_cat *cats[2];
    struct vg_site_cats *catpages[2];
    int prepared; /* vg_site_prepare checked the folder (it holds temporary files now) */
    /* the folders vg_site_prepare made (they were not there), parents first,
       so that they can go again when the document does not load */
    char *made[VG_SITE_MADE];
    size_t nmade;
    int recording; /* vg_site_prepare is making folders */
} vg_site;

/* The Dutch or the English text, by the language of the tree being written. */
#define VG_NL_EN(site, text_nl, text_en) ((site)->en ? (text_en) : (text_nl))

/* One page being written: its address in the tree ("gemeenten/GM0153.html"),
   its depth there (0 or 1) and the writer. */
typedef struct vg_site_page {
    vg_site *site;
    const char *tree; /* the tree's folder (the site's, when the page began) */
    const char *path;
    int depth;
    vg_html h;
    /* a page written a part at a time (vg_site_page_flush): its file (fd
       -1 until the first part), its full name and the temporary file's; rc:
       how the writing failed; written: the file is done with */
    vg_atomic_file file;
    char *full, *tmp;
    int rc, written;
} vg_site_page;

/* Starts a page of the tree at path (depth 0 or 1) with title, opens its
   header with the site's navigation and the kicker and heading given. */
void vg_site_page_begin(vg_site_page *p, vg_site *s, const char *path, int depth, const char *title,
                        const char *kicker, const char *heading);
/* Writes what the page holds so far to its temporary file when that is
   VG_SITE_CHUNK or more (the first time: makes the file) and empties the
   writer's buffer: a long page never whole in memory. A failure is kept
   (p->rc, the page's buffer failed) and reported by vg_site_page_finish. */
void vg_site_page_flush(vg_site_page *p);
/* Writes what the page holds to its temporary file and sets that aside in e
   (vg_atomic_suspend) instead of finishing the page; frees the writer.
   Returns VEILIG_OK or the error, set in s->err (then nothing is kept). */
int vg_site_page_set_aside(vg_site_page *p, vg_site_early *e);
/* Makes p the writer of a page set aside in e, to write its rest at its end
   and finish it (vg_site_page_finish); e gives its files up to p. A failure
   to open the file again is reported by vg_site_page_finish. */
void vg_site_page_resume(vg_site_page *p, vg_site *s, const char *path, int depth,
                         vg_site_early *e);
/* Gives a page up: its temporary file (if any) removed, the writer freed. */
void vg_site_page_drop(vg_site_page *p);
/* Removes a page set aside and not taken up (the site failed). */
void vg_site_early_discard(vg_site_early *e);
/* Writes what the page holds to its file (made now if need be), then the
   whole content of the file fd after it (a part made elsewhere); a failure
   is reported by vg_site_page_finish. */
void vg_site_page_put_fd(vg_site_page *p, int fd);
/* Writes "../" depth times (the way to the tree's top). */
void vg_site_up(vg_site_page *p);
/* Closes the page and writes it to its file (atomically); frees the writer.
   Returns VEILIG_OK or the error, set in s->err. */
int vg_site_page_finish(vg_site_page *p, int had_personal);

/* The place of m in the registry (via s->by_address); (size_t)-1 when it is
   not there. */
size_t vg_site_place(const vg_site *s, const veilig_municipality *m);

/* 1 when code can be a file name of the site (letters, digits, - and _). */
int vg_site_safe_name(const char *code);

/* Pieces of pages (pages.c): a table wide enough to need its own scrolling
   on a phone (a focusable region, so that a keyboard can scroll it, named
   label); the vocabulary's labels of a measure's codes, comma-separated (n
   codes, the i-th from at), or a dash for none; at for target groups and
   settings. */
void vg_site_wide_begin(vg_html *h, const char *label);
void vg_site_wide_end(vg_html *h);
void vg_site_codes(vg_html *h, veilig_vocab vocab, const veilig_measure *ms, size_t n,
                   const char *(*at)(const veilig_measure *, size_t));
const char *vg_site_m_group(const veilig_measure *ms, size_t i);
const char *vg_site_m_setting(const veilig_measure *ms, size_t i);

/* The driver (site.c), for veilig_site_write and veilig_site_write_file
   (from_file.c). vg_site_setup: s made empty and given the options (opts
   may be NULL), the trees to write in *nl and *en, the writers asked for in
   *threads. vg_site_prepare: checks s's folder (as vg_site_write_all would) and
   makes the folders where the municipalities' pages go, nothing more; those
   it made are in s->made (vg_site_unmake removes them again, when empty).
   vg_site_write_all: writes the site of s->reg (the pages in s->early finished).
   vg_site_free: frees what s holds; pages set aside and not finished are
   removed. */
int vg_site_setup(vg_site *s, const char *dir, const veilig_site_options *opts, veilig_error *error,
                  int *nl, int *en, unsigned *threads);
int vg_site_prepare(vg_site *s);
void vg_site_unmake(vg_site *s);
int vg_site_write_all(vg_site *s, int nl, int en, unsigned threads);
void vg_site_free(vg_site *s);
/* How many writers vg_site_write_all uses for ntasks pages when threads are
   asked for (0: one per processor). */
size_t vg_site_writers(unsigned threads, size_t ntasks);

/* For tests only (from_file.c): with vg_site_feed_lockstep set, the load
   of veilig_site_write_file reads the next municipality only when the pages
   of the last are begun (so that every page is begun while loading); with
   vg_site_feed_limit (0: none) the feed begins no more than that many;
   after each call vg_site_feed_kept is the number of municipalities whose
   pages were begun while loading and kept. */
extern int vg_site_feed_lockstep;
extern size_t vg_site_feed_limit;
extern size_t vg_site_feed_kept;

/* The pages of one tree (pages.c; the catalogue: catalogue.c). */
int vg_site_index(vg_site *s);
int vg_site_municipality(vg_site *s, size_t i); /* the registry's i-th */
/* The first part of m's page (up to its peers), set aside in e while the
   document still loads. */
int vg_site_municipality_first(vg_site *s, const veilig_municipality *m, vg_site_early *e);
int vg_site_catalogue(vg_site *s);
/* The catalogue a municipality at a time (catalogue.c), for a catalogue
   begun while the document loads: vg_site_cat_begin (its head; NULL: out
   of memory, in s->err), vg_site_cat_add for each municipality in the
   registry's order (by the writer c->p.site, whose error record takes a
   failure), then vg_site_cat_end (the rest; VEILIG_OK or the error), and
   vg_site_cat_free (drop: a page not ended given up, its file removed;
   an ended one is untouched). vg_site_catalogue does the same at once, or
   ends the one begun (s->cats). */
typedef struct vg_site_cat vg_site_cat;
vg_site_cat *vg_site_cat_begin(vg_site *s);
void vg_site_cat_add(vg_site_cat *c, const veilig_municipality *m);
int vg_site_cat_end(vg_site_cat *c);
void vg_site_cat_free(vg_site_cat *c, int drop);
int vg_site_category(vg_site *s, int category);
/* The category pages' rows while the document loads (categories.c):
   vg_site_cats_begin (NULL: out of memory), vg_site_cats_add for each
   municipality in the registry's order; vg_site_cats_failed says whether
   they can be used; vg_site_category makes the pages around them (those of
   s->catpages), vg_site_cats_free removes them. */
typedef struct vg_site_cats vg_site_cats;
vg_site_cats *vg_site_cats_begin(vg_site *s);
void vg_site_cats_add(vg_site_cats *cs, const veilig_municipality *m);
int vg_site_cats_failed(const vg_site_cats *cs);
void vg_site_cats_free(vg_site_cats *cs);
/* Gathers s->cat_entries (one pass over the measures). */
int vg_site_categories_gather(vg_site *s);

#endif
