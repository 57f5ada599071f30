/*
 * libveilig: the category pages of the website ("who runs bystander
 * trainings?"): each category's measures with their municipalities, in the
 * registry's order, under the number of both.
 *
 * After a load (veilig_site_write) the measures of every category are
 * gathered in one pass (vg_site_categories_gather) and each page is made
 * whole. While a document loads (veilig_site_write_file) the rows are made
 * as the municipalities come (vg_site_cats_add), each category's into a
 * temporary file of its own beside its page; after the load the page is
 * made around them (its head needs their number) and the rows copied in.
 * The bytes are the same either way.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "site_internal.h"

size_t vg_site_rows_chunk = (size_t)256 << 10;

int vg_site_categories_gather(vg_site *s) {
    size_t cap[VG_SITE_NCAT + 1] = {0};
    int ncat = veilig_vocab_size(VEILIG_VOCAB_CATEGORY);
    if (ncat > VG_SITE_NCAT)
        return vg_error_set(s->err, VEILIG_EINVAL, "site: %d categories, room for %d", ncat,
                            VG_SITE_NCAT);
    for (size_t i = 0; i < veilig_registry_count(s->reg); i++) {
        const veilig_municipality *m = veilig_registry_get(s->reg, i);
        for (size_t k = 0; k < veilig_municipality_measure_count(m); k++) {
            const veilig_measure *ms = veilig_municipality_measure(m, k);
            /* a known category (an unknown code is no category's) */
            int c = (int)veilig_measure_category(ms);
            if (c < 1 || c > ncat)
                continue;
            if (vg_grow((void **)&s->cat_entries[c], &cap[c], s->cat_count[c] + 1,
                        sizeof *s->cat_entries[c]))
                return vg_error_set(s->err, VEILIG_ENOMEM, "out of memory");
            vg_site_entry e = {m, ms};
            s->cat_entries[c][s->cat_count[c]++] = e;
        }
    }
    return VEILIG_OK;
}

/* A row of a category page: the measure ms of m. */
static void vg_site_category_row(vg_html *h, const veilig_municipality *m,
                                 const veilig_measure *ms) {
    vg_html_put(h, "<tr><td>");
    vg_html_municipality_name(h, m);
    vg_html_put(h, "</td><td>");
    vg_html_text(h, veilig_measure_name(ms));
    vg_html_put(h, "</td><td>");
    vg_site_codes(h, VEILIG_VOCAB_TARGET_GROUP, ms, veilig_measure_target_group_count(ms),
                  vg_site_m_group);
    vg_html_put(h, "</td></tr>\n");
}

/* Begins the page of category (its address in path, its label): the head,
   the number of municipalities and measures, and the table's head when
   there are measures. */
static void vg_site_category_begin(vg_site_page *p, vg_site *s, int category, char *path,
                                   size_t size, size_t municipalities, size_t measures) {
    const char *code = veilig_vocab_code(VEILIG_VOCAB_CATEGORY, category);
    snprintf(path, size, "categorieen/%s.html", code);
    const char *label = veilig_vocab_label(VEILIG_VOCAB_CATEGORY, category, s->en ? "en" : "nl");
    vg_site_page_begin(p, s, path, 1, label, VG_NL_EN(s, "Categorie", "Category"), label);
    vg_html *h = &p->h;
    h->href_prefix = "../gemeenten/";
    h->href_suffix = ".html";
    vg_html_put(h, "</header>\n<main>\n<section id=\"who\">\n");
    vg_buf_printf(&h->b, "<p>%zu %s, %zu %s.</p>\n", municipalities,
                  VG_T(h, municipalities == 1 ? "gemeente" : "gemeenten",
                       municipalities == 1 ? "municipality" : "municipalities"),
                  measures,
                  VG_T(h, measures == 1 ? "maatregel" : "maatregelen",
                       measures == 1 ? "measure" : "measures"));
    if (measures) {
        vg_site_wide_begin(h, label);
        vg_buf_printf(&h->b,
                      "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                      VG_T(h, "Gemeente", "Municipality"), VG_T(h, "Maatregel", "Measure"),
                      VG_T(h, "Doelgroepen", "Target groups"));
    }
}

/* Ends the page begun by vg_site_category_begin. */
static int vg_site_category_end(vg_site_page *p, size_t measures) {
    vg_html *h = &p->h;
    if (measures) {
        vg_html_put(h, "</tbody>\n</table>\n");
        vg_site_wide_end(h);
    }
    vg_html_put(h, "</section>\n");
    return vg_site_page_finish(p, 0);
}

/* ---- the rows made while the document loads ---- */

/* One category's rows: those not yet in the temporary file (h.b, written
   with the tree's language and links), the file (fd -1: none yet, tmp its
   name beside the page at path) and the numbers of the page's head. */
typedef struct vg_site_rows {
    vg_html h;
    char *path, *tmp;
    int fd;
    int failed; /* an errno value: the rows cannot be used */
    size_t measures, municipalities;
    const veilig_municipality *last;
} vg_site_rows;

struct vg_site_cats {
    vg_site_rows r[VG_SITE_NCAT + 1];
    int ncat;
    size_t added; /* municipalities added (the registry's first ones) */
};

vg_site_cats *vg_site_cats_begin(vg_site *s) {
    vg_site_cats *cs = vg_calloc(1, sizeof *cs);
    int ncat = veilig_vocab_size(VEILIG_VOCAB_CATEGORY);
    if (!cs || ncat > VG_SITE_NCAT) {
        vg_free(cs);
        return NULL;
    }
    cs->ncat = ncat;
    vg_ropts o;
    memset(&o, 0, sizeof o);
    o.format = VEILIG_FORMAT_HTML;
    o.en = s->en;
    for (int c = 1; c <= ncat; c++) {
        vg_site_rows *r = &cs->r[c];
        vg_html_init(&r->h, s->reg, &o);
        r->h.href_prefix = "../gemeenten/";
        r->h.href_suffix = ".html";
        r->fd = -1;
        char rel[96];
        snprintf(rel, sizeof rel, "%scategorieen/%s.html", s->tree,
                 veilig_vocab_code(VEILIG_VOCAB_CATEGORY, c));
        size_t len = strlen(s->dir) + strlen(rel) + 2;
        r->path = vg_malloc(len);
        r->tmp = vg_malloc(len + VG_ATOMIC_TMP_EXTRA);
        if (!r->path || !r->tmp) {
            vg_site_cats_free(cs);
            return NULL;
        }
        snprintf(r->path, len, "%s/%s", s->dir, rel);
    }
    return cs;
}

/* Writes the rows held to the category's temporary file (made the first
   time); a failure goes to r->failed. */
static void vg_site_rows_out(vg_site_rows *r) {
    if (r->failed)
        return;
    if (r->h.b.failed) {
        r->failed = ENOMEM;
        return;
    }
    if (r->fd < 0 &&
        (r->fd = vg_open_temp(r->tmp, strlen(r->path) + VG_ATOMIC_TMP_EXTRA, r->path)) < 0) {
        r->failed = errno ? errno : EIO;
        return;
    }
    if (vg_write_all(r->fd, r->h.b.data ? r->h.b.data : "", r->h.b.len) != 0) {
        r->failed = errno ? errno : EIO;
        return;
    }
    r->h.b.len = 0;
}

/* The rows of m's measures in category c (all categories: 0). */
static void vg_site_rows_add(vg_site_cats *cs, const veilig_municipality *m, int only) {
    for (size_t k = 0; k < veilig_municipality_measure_count(m); k++) {
        const veilig_measure *ms = veilig_municipality_measure(m, k);
        int c = (int)veilig_measure_category(ms);
        if (c < 1 || c > cs->ncat || (only && c != only))
            continue;
        vg_site_rows *r = &cs->r[c];
        if (r->last != m)
            r->municipalities++;
        r->last = m;
        r->measures++;
        vg_site_category_row(&r->h, m, ms);
        if (r->h.b.len >= vg_site_rows_chunk)
            vg_site_rows_out(r);
    }
}

void vg_site_cats_add(vg_site_cats *cs, const veilig_municipality *m) {
    cs->added++;
    vg_site_rows_add(cs, m, 0);
}

int vg_site_cats_failed(const vg_site_cats *cs) {
    for (int c = 1; c <= cs->ncat; c++)
        if (cs->r[c].failed || cs->r[c].h.b.failed)
            return 1;
    return 0;
}

void vg_site_cats_free(vg_site_cats *cs) {
    if (!cs)
        return;
    for (int c = 1; c <= cs->ncat; c++) {
        vg_site_rows *r = &cs->r[c];
        if (r->fd >= 0) {
            close(r->fd);
            unlink(r->tmp);
        }
        vg_free(r->path);
        vg_free(r->tmp);
        vg_buf_free(&r->h.b);
    }
    vg_free(cs);
}

/* The page of category from the rows made while loading (and those of the
   municipalities the load read after the feed stopped). */
static int vg_site_category_fed(vg_site *s, vg_site_cats *cs, int category) {
    vg_site_rows *r = &cs->r[category];
    for (size_t i = cs->added; i < veilig_registry_count(s->reg); i++)
        vg_site_rows_add(cs, veilig_registry_get(s->reg, i), category);
    if (r->h.b.failed && !r->failed)
        r->failed = ENOMEM;
    if (r->failed)
        return vg_error_set(s->err, r->failed == ENOMEM ? VEILIG_ENOMEM : VEILIG_EIO,
                            "site: cannot write the rows of %s: %s", r->path, strerror(r->failed));
    vg_site_page p;
    char path[96];
    vg_site_category_begin(&p, s, category, path, sizeof path, r->municipalities, r->measures);
    if (r->fd >= 0) {
        /* the rows' file, for reading (it was made for writing) */
        int rfd = open(r->tmp, O_RDONLY | O_CLOEXEC);
        if (rfd < 0) {
            int e = errno;
            vg_site_page_drop(&p);
            return vg_error_set(s->err, VEILIG_EIO, "site: cannot open %s: %s", r->tmp,
                                strerror(e));
        }
        vg_site_page_put_fd(&p, rfd);
        close(rfd);
    }
    vg_buf_put(&p.h.b, r->h.b.data ? r->h.b.data : "", r->h.b.len);
    return vg_site_category_end(&p, r->measures);
}

int vg_site_category(vg_site *s, int category) {
    vg_site_cats *cs = s->catpages[s->en];
    if (cs)
        return vg_site_category_fed(s, cs, category);
    /* the measures of the category, in the registry's order (gathered once) */
    const vg_site_entry *e = s->cat_entries[category];
    size_t measures = s->cat_count[category], municipalities = 0;
    for (size_t i = 0; i < measures; i++)
        if (!i || e[i].m != e[i - 1].m)
            municipalities++;
    vg_site_page p;
    char path[96];
    vg_site_category_begin(&p, s, category, path, sizeof path, municipalities, measures);
    for (size_t i = 0; i < measures; i++)
        vg_site_category_row(&p.h, e[i].m, e[i].ms);
    return vg_site_category_end(&p, measures);
}
