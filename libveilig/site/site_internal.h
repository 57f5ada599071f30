/* libveilig internals of the website (veilig_site_write): the writer of one
   page tree (one language) and its pages. site.c holds the folder and file
   handling and the driver, pages.c the pages. */
#ifndef VG_SITE_INTERNAL_H
#define VG_SITE_INTERNAL_H

#include "veilig/site.h"

#include "../report/html.h"

/* The script of the catalogue (site.js; NUL-terminated). */
extern const char vg_site_js[];
extern const size_t vg_site_js_len;

typedef struct vg_site {
    const veilig_registry *reg;
    const char *dir; /* the site's folder */
    veilig_error *err;
    unsigned flags;   /* VEILIG_SITE_* */
    size_t peers;     /* comparison pages per municipality */
    int en;           /* the language of the tree being written */
    int both;         /* both languages: a switch on every page */
    const char *tree; /* the tree's folder under dir: "" or "en/" */
    /* the peers of every municipality, computed once for the whole site (its
       rows grouped by subject in registry order), and the first row of the
       municipality whose page comes next */
    veilig_peers_result *all_peers;
    size_t peers_cursor;
    vg_buf page; /* the page buffer between pages (vg_site_page_begin, _finish) */
} vg_site;

/* One page being written: its address in the tree ("gemeenten/GM0153.html"),
   its depth there (0 or 1) and the writer. */
typedef struct vg_site_page {
    vg_site *site;
    const char *path;
    int depth;
    vg_html h;
} vg_site_page;

/* Starts a page of the tree at path (depth 0 or 1) with title, opens its
   header with the site's navigation and the kicker and heading given. */
void vg_site_page_begin(vg_site_page *p, vg_site *s, const char *path, int depth, const char *title,
                        const char *kicker, const char *heading);
/* Writes "../" depth times (the way to the tree's top). */
void vg_site_up(vg_site_page *p);
/* Closes the page and writes it to its file (atomically); frees the writer.
   Returns VEILIG_OK or the error, set in s->err. */
int vg_site_page_finish(vg_site_page *p, int had_personal);

/* 1 when code can be a file name of the site (letters, digits, - and _). */
int vg_site_safe_name(const char *code);

/* The pages of one tree (pages.c). */
int vg_site_index(vg_site *s);
int vg_site_municipality(vg_site *s, const veilig_municipality *m);
int vg_site_catalogue(vg_site *s);
int vg_site_category(vg_site *s, int category);

#endif
