/*
 * libveilig: the website of a document written while the document loads
 * (veilig_site_write_file).
 *
 * Loading a large document takes one processor for as long as it reads;
 * the pages wait for the whole registry only in their last part (a
 * municipality's peers need every other municipality). So while the loader
 * reads (the load's hook, vg_load_hook, tells of each municipality as it is
 * read), one writer (a thread: the feed) begins each municipality's page:
 * its head and every section up to the peers, written to the page's
 * temporary file, which is set aside (vg_site_page_set_aside); and it
 * writes the municipality's rows of the catalogue (vg_site_cat_add) and of
 * the category pages (vg_site_cats_add). When the load ends the feed stops,
 * and the site is written as veilig_site_write writes it
 * (vg_site_write_all): each municipality's page taken up where the feed
 * left it (vg_site_municipality), the catalogue and the category pages
 * finished with the municipalities the feed did not reach. The bytes are
 * those of veilig_site_write.
 *
 * Nothing is written where a reader can see it before the document has
 * loaded: the pages begun stay temporary files. When the load fails they
 * are removed, with the folders made for them, and the load's error is the
 * answer. When the pages begun cannot be kept (the document's programme
 * came after its municipalities, so their titles lack it; a code that
 * cannot name a file; the feed failed or ran out of memory; the load read
 * the document again whole), they are removed and every page is made after
 * the load, as veilig_site_write does. From the first municipality with a
 * code no vocabulary knows on, no page is begun: such codes are kept in a
 * list of the registry's own, which the load grows (and may move).
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "site_internal.h"
#include "../model_internal.h"

int vg_site_feed_lockstep = 0;
size_t vg_site_feed_limit = 0;
size_t vg_site_feed_kept = 0;

/* The feed: what the load has told (under lock) and what the writer has
   begun (the writer's own until it is joined). */
typedef struct vg_site_feed {
    vg_site *site; /* the site's options; its early pages go in early[] */
    int trees, en; /* 1 or 2 trees; the language of a single one */
    pthread_mutex_t lock;
    pthread_cond_t more;
    /* under lock */
    const veilig_municipality **ms; /* the municipalities read, in order */
    size_t n, cap;
    const veilig_registry *reg;   /* the registry being read */
    const veilig_programme *prog; /* its programme when the first came */
    int ended;                    /* the load has ended: no more come */
    int stop;                     /* the load drops its registry: stop now */
    int lost;                     /* the pages begun cannot be kept */
    int halted;                   /* no more are begun (those begun are kept) */
    size_t done;                  /* municipalities the writer is done with */
    /* the writer's */
    pthread_t thread;
    int started;
    size_t begun;            /* municipalities whose pages are begun */
    vg_site_early *early[2]; /* by tree as vg_site.early; begun entries used */
    size_t cap_early[2];
    vg_site_cat *cat[2];   /* the catalogues, by tree as vg_site.cats */
    vg_site_cats *cats[2]; /* the category pages' rows, by tree as vg_site.catpages */
} vg_site_feed;

static void vg_site_feed_lose(vg_site_feed *f) {
    pthread_mutex_lock(&f->lock);
    f->lost = 1;
    pthread_cond_broadcast(&f->more);
    pthread_mutex_unlock(&f->lock);
}

/* The feed's writer: begins the pages of the municipalities read, in order,
   until the load ends or stops, or a page fails. */
static void *vg_site_feed_writer(void *arg) {
    vg_site_feed *f = arg;
    veilig_error err;
    vg_error_clear(&err);
    vg_site w = *f->site;
    w.err = &err;
    vg_buf_init(&w.page);
    for (;;) {
        pthread_mutex_lock(&f->lock);
        int limited = vg_site_feed_limit && f->begun >= vg_site_feed_limit;
        while ((f->begun == f->n || limited) && !f->ended && !f->stop && !f->lost && !f->halted)
            pthread_cond_wait(&f->more, &f->lock);
        int go = !f->stop && !f->lost && !f->ended && !limited && f->begun < f->n;
        const veilig_municipality *m = go ? f->ms[f->begun] : NULL;
        w.reg = f->reg;
        w.prog = f->prog;
        pthread_mutex_unlock(&f->lock);
        if (!go)
            break;
        /* its entries (zeroed: nothing begun), then its pages */
        int grown = 0;
        while (grown < 2 && !vg_grow((void **)&f->early[grown], &f->cap_early[grown], f->begun + 1,
                                     sizeof *f->early[grown])) {
            memset(&f->early[grown][f->begun], 0, sizeof *f->early[grown]);
            grown++;
        }
        int ok = grown == 2 && vg_site_safe_name(veilig_municipality_code(m));
        for (int t = 0; t < f->trees && ok; t++) {
            w.en = f->trees == 2 ? t : f->en;
            w.tree = f->trees == 2 && t == 1 ? "en/" : "";
            /* its rows of the catalogue and the category pages (begun with
               the first), its page */
            if (!f->begun && (!(f->cat[w.en] = vg_site_cat_begin(&w)) ||
                              !(f->cats[w.en] = vg_site_cats_begin(&w))))
                ok = 0;
            if (ok) {
                vg_site_cat_add(f->cat[w.en], m);
                vg_site_cats_add(f->cats[w.en], m);
                ok = !vg_site_cats_failed(f->cats[w.en]);
            }
            ok = ok && vg_site_municipality_first(&w, m, &f->early[w.en][f->begun]) == VEILIG_OK;
        }
        if (!ok) {
            /* the pages made after the load (vg_site_write_all) say what is wrong */
            for (int t = 0; t < grown; t++)
                vg_site_early_discard(&f->early[t][f->begun]);
            vg_site_feed_lose(f);
            break;
        }
        f->begun++;
        if (vg_site_feed_lockstep) {
            pthread_mutex_lock(&f->lock);
            f->done = f->begun;
            pthread_cond_broadcast(&f->more);
            pthread_mutex_unlock(&f->lock);
        }
    }
    vg_buf_free(&w.page);
    return NULL;
}

/* The load's hook: a municipality was read (in the loading thread). */
static void vg_site_feed_loaded(void *ctx, const veilig_registry *reg, const veilig_municipality *m,
                                size_t i) {
    vg_site_feed *f = ctx;
    pthread_mutex_lock(&f->lock);
    if (!f->reg) {
        f->reg = reg;
        f->prog = veilig_registry_programme(reg);
    }
    if (!f->halted) { /* (halted: the feed takes no more) */
        if (reg != f->reg || i != f->n ||
            vg_grow((void **)&f->ms, &f->cap, f->n + 1, sizeof *f->ms))
            f->lost = 1;
        else if (reg->nterms)
            /* a code no vocabulary knows is kept in the registry's own list,
               which grows (and moves) as the load goes on: the feed begins
               no page that could read it (those begun are kept) */
            f->halted = 1;
        else
            f->ms[f->n++] = m;
    }
    pthread_cond_broadcast(&f->more);
    /* (tests) the next municipality is read when this one's pages are begun */
    while (vg_site_feed_lockstep && f->done < f->n &&
           !(vg_site_feed_limit && f->done >= vg_site_feed_limit) && !f->lost && !f->stop &&
           !f->halted)
        pthread_cond_wait(&f->more, &f->lock);
    pthread_mutex_unlock(&f->lock);
}

/* Waits for the writer to stop (after the page it is on). */
static void vg_site_feed_join(vg_site_feed *f) {
    if (f->started)
        pthread_join(f->thread, NULL);
    f->started = 0;
}

/* The load's hook: the registry read so far is dropped. */
static void vg_site_feed_dropped(void *ctx) {
    vg_site_feed *f = ctx;
    pthread_mutex_lock(&f->lock);
    f->stop = 1;
    f->lost = 1;
    pthread_cond_broadcast(&f->more);
    pthread_mutex_unlock(&f->lock);
    vg_site_feed_join(f);
}

/* Removes the pages begun (the writer joined). */
static void vg_site_feed_discard(vg_site_feed *f) {
    for (size_t i = 0; i < f->begun; i++)
        for (int t = 0; t < 2; t++)
            if (f->early[t])
                vg_site_early_discard(&f->early[t][i]);
    for (int t = 0; t < 2; t++) {
        vg_site_cat_free(f->cat[t], 1);
        f->cat[t] = NULL;
        vg_site_cats_free(f->cats[t]);
        f->cats[t] = NULL;
    }
    f->begun = 0;
}

/* Gives the pages begun to the site (reg loaded, the writer joined), as
   s->early of the registry's size; 0: out of memory (then discarded). */
static int vg_site_feed_give(vg_site_feed *f, vg_site *s, const veilig_registry *reg) {
    size_t n = veilig_registry_count(reg);
    vg_site_early *e[2] = {NULL, NULL};
    for (int t = 0; t < 2; t++) {
        if (f->early[t] && !(e[t] = vg_calloc(n + 1, sizeof *e[t]))) {
            vg_free(e[0]);
            vg_site_feed_discard(f);
            return 0;
        }
    }
    for (int t = 0; t < 2; t++) {
        if (e[t])
            memcpy(e[t], f->early[t], f->begun * sizeof *e[t]);
        s->early[t] = e[t];
        s->cats[t] = f->cat[t];
        f->cat[t] = NULL;
        s->catpages[t] = f->cats[t];
        f->cats[t] = NULL;
    }
    f->begun = 0;
    return 1;
}

int veilig_site_write_file(veilig_registry **out, const char *path,
                           const veilig_load_options *load_opts, const char *dir,
                           const veilig_site_options *opts, veilig_error *error) {
    if (out)
        *out = NULL;
    vg_site_feed_kept = 0;
    vg_site s;
    int nl = 1, en = 1;
    unsigned threads = 0;
    int rc = vg_site_setup(&s, dir, opts, error, &nl, &en, &threads);
    if (rc == VEILIG_OK && !path)
        rc = vg_error_set(error, VEILIG_EINVAL, "site: no document");
    if (rc != VEILIG_OK) {
        vg_site_free(&s);
        return rc;
    }
    vg_site_feed f;
    memset(&f, 0, sizeof f);
    f.site = &s;
    f.trees = nl + en;
    f.en = !nl;
    /* the feed takes one writer: with one asked for, the pages wait for the
       load; so they do when the folder is no site's (vg_site_write_all then says
       so, after the load, as veilig_site_write would) */
    int feed = vg_site_writers(threads, 2) > 1;
    if (feed) {
        veilig_error quiet;
        veilig_error *caller = s.err;
        s.err = &quiet;
        feed = vg_site_prepare(&s) == VEILIG_OK;
        s.err = caller;
    }
    if (feed && pthread_mutex_init(&f.lock, NULL) != 0)
        feed = 0;
    if (feed && pthread_cond_init(&f.more, NULL) != 0) {
        pthread_mutex_destroy(&f.lock);
        feed = 0;
    }
    if (feed)
        f.started = pthread_create(&f.thread, NULL, vg_site_feed_writer, &f) == 0;

    vg_load_hook hook = {vg_site_feed_loaded, vg_site_feed_dropped, &f};
    veilig_registry *reg = NULL;
    rc = vg_registry_load_file_hooked(&reg, path, load_opts, f.started ? &hook : NULL, error);

    if (feed) {
        pthread_mutex_lock(&f.lock);
        f.ended = 1;
        pthread_cond_broadcast(&f.more);
        pthread_mutex_unlock(&f.lock);
        vg_site_feed_join(&f);
        /* kept when they are this registry's and their titles right */
        int keep = rc == VEILIG_OK && !f.lost &&
                   (!f.reg || (f.reg == reg && f.prog == veilig_registry_programme(reg)));
        size_t begun = f.begun;
        if (!keep || !vg_site_feed_give(&f, &s, reg)) {
            vg_site_feed_discard(&f);
            begun = 0;
        }
        vg_site_feed_kept = begun;
        pthread_cond_destroy(&f.more);
        pthread_mutex_destroy(&f.lock);
    }
    vg_free(f.ms);
    vg_free(f.early[0]);
    vg_free(f.early[1]);
    /* the document did not load: the folders made for its pages go again;
       a registry without municipalities has no gemeenten/ (veilig_site_write
       makes none): one made for the pages goes again */
    if (rc != VEILIG_OK)
        vg_site_unmake(&s);
    for (size_t i = 0; rc == VEILIG_OK && !veilig_registry_count(reg) && i < s.nmade; i++) {
        size_t len = strlen(s.made[i]);
        if (len >= 10 && !strcmp(s.made[i] + len - 10, "/gemeenten"))
            rmdir(s.made[i]);
    }
    if (rc != VEILIG_OK) {
        vg_site_free(&s);
        return rc;
    }
    s.reg = reg;
    rc = vg_site_write_all(&s, nl, en, threads);
    vg_site_free(&s);
    if (out)
        *out = reg;
    else
        veilig_registry_free(reg);
    return rc;
}
