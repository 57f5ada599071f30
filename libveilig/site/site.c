/*
 * libveilig: the programme as a static website (veilig_site_write).
 *
 * This file holds the folder and file handling and the driver: each page is
 * rendered into memory, written to a temporary file beside its place and
 * renamed into place, so memory stays bounded by the registry and an
 * interrupted run leaves every page whole; a page that grows past
 * VG_SITE_CHUNK (the catalogue) goes to its temporary file a part at a time
 * as it is made. What every tree needs is made once for the site: the
 * measures of each category (one pass) and the folders before any page, the
 * peers of every municipality (each pair compared once) by the calling
 * thread while the first pages are written. The pages are tasks in one list
 * that the writers (threads, each with its own copy of the site's state and
 * its own page buffer) take in turn until the list is done or one fails;
 * each page depends on the registry only, so the bytes are the same
 * whatever the number of writers. The pages themselves
 * (pages.c, catalogue.c) are made of the HTML reports' page frame and
 * section renderers (report/html.h) and share their style sheet, written
 * once as style.css.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "site_internal.h"
#include "../analysis/analysis_internal.h"

size_t vg_site_chunk = (size_t)1 << 20;

/* The file that marks a folder as a site of libveilig. */
#define VG_SITE_MARKER ".veilig-site"

/* The size of veilig_site_options of a version; 0 for one this library
   does not know. */
static size_t vg_site_options_size(unsigned version) {
    switch (version) {
        case 1:
            return offsetof(veilig_site_options, threads);
        case 2:
            return sizeof(veilig_site_options);
        default:
            return 0;
    }
}

int veilig_site_options_init(veilig_site_options *opts, unsigned version) {
    if (!opts)
        return vg_fail(VEILIG_EINVAL, "site options: NULL");
    size_t size = vg_site_options_size(version);
    if (!size)
        return vg_fail_version("site options", version, VEILIG_SITE_OPTIONS_VERSION);
    veilig_site_options def = VEILIG_SITE_OPTIONS_INIT;
    def.version = version;
    memcpy(opts, &def, size);
    return VEILIG_OK;
}

int vg_site_safe_name(const char *code) {
    if (!code || !*code || strlen(code) > 64)
        return 0;
    for (const char *c = code; *c; c++)
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '_'))
            return 0;
    return 1;
}

/* dir/rel as a new string. */
static char *vg_site_join(const char *dir, const char *rel) {
    vg_buf b;
    vg_buf_init(&b);
    vg_buf_puts(&b, dir);
    if (*rel && b.len && b.data[b.len - 1] != '/')
        vg_buf_putc(&b, '/');
    vg_buf_puts(&b, rel);
    return vg_buf_finish(&b, NULL);
}

/* Makes the folder path and its parents (like mkdir -p). */
static int vg_site_mkdirs(vg_site *s, const char *path) {
    char *copy = vg_site_join(path, "");
    if (!copy)
        return vg_error_set(s->err, VEILIG_ENOMEM, "out of memory");
    size_t n = strlen(copy);
    for (size_t i = 1; i <= n; i++) {
        if (copy[i] != '/' && copy[i] != '\0')
            continue;
        char c = copy[i];
        copy[i] = '\0';
        if (mkdir(copy, 0777) == 0) {
            /* made now: recorded while preparing (vg_site_prepare) */
            char *rec = s->recording && s->nmade < VG_SITE_MADE ? vg_site_join(copy, "") : NULL;
            if (rec)
                s->made[s->nmade++] = rec;
        } else if (errno != EEXIST) {
            int e = errno;
            vg_error_set(s->err, VEILIG_EIO, "site: cannot make the folder %s: %s", copy,
                         strerror(e));
            vg_free(copy);
            return VEILIG_EIO;
        }
        copy[i] = c;
    }
    struct stat st;
    int ok = stat(copy, &st) == 0 && S_ISDIR(st.st_mode);
    if (!ok)
        vg_error_set(s->err, VEILIG_EIO, "site: %s is not a folder", copy);
    vg_free(copy);
    return ok ? VEILIG_OK : VEILIG_EIO;
}

/* Writes data to dir/rel atomically (libveilig/util's writer: a unique
   temporary file renamed into place, the mode of a file there kept; not
   flushed one by one: a site is many files, written again as a whole); its
   folder is there (vg_site_folders). */
static int vg_site_write_file(vg_site *s, const char *rel, const char *data, size_t len) {
    char *path = vg_site_join(s->dir, rel);
    size_t tsize = path ? strlen(path) + VG_ATOMIC_TMP_EXTRA : 0;
    char *tmp = path ? vg_malloc(tsize) : NULL;
    int rc = VEILIG_OK;
    if (!tmp) {
        rc = vg_error_set(s->err, VEILIG_ENOMEM, "out of memory");
    } else {
        const char *step = NULL;
        int e = vg_atomic_write(path, tmp, tsize, data, len, NULL, 0, VG_ATOMIC_NO_SYNC, &step);
        if (e)
            rc = vg_error_set(s->err, VEILIG_EIO, "site: cannot %s %s: %s", step ? step : "write",
                              path, strerror(e));
    }
    vg_free(tmp);
    vg_free(path);
    return rc;
}

/* Refuses a folder that holds something but no previous site. */
static int vg_site_check_dir(vg_site *s) {
    DIR *d = opendir(s->dir);
    if (!d)
        return VEILIG_OK; /* made by vg_site_mkdirs, which says what is wrong */
    int used = 0, marked = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        used = 1;
        if (!strcmp(e->d_name, VG_SITE_MARKER))
            marked = 1;
    }
    closedir(d);
    if (used && !marked && !(s->flags & VEILIG_SITE_FORCE))
        return vg_error_set(s->err, VEILIG_EIO,
                            "site: %s is not empty and holds no site of libveilig (no %s); "
                            "give an empty or new folder, or force",
                            s->dir, VG_SITE_MARKER);
    return VEILIG_OK;
}

/* ---- pages ---- */

void vg_site_up(vg_site_page *p) {
    for (int i = 0; i < p->depth; i++)
        vg_html_put(&p->h, "../");
}

/* The way from this page's folder to the site's top (style sheet, script). */
static void vg_site_root(vg_buf *b, const vg_site_page *p) {
    for (int i = 0; i < p->depth; i++)
        vg_buf_puts(b, "../");
    if (p->tree[0])
        vg_buf_puts(b, "../");
}

/* Makes p a writer of the page at path (depth 0 or 1) of s's tree, with
   nothing written yet. */
static void vg_site_page_init(vg_site_page *p, vg_site *s, const char *path, int depth) {
    vg_ropts o;
    memset(&o, 0, sizeof o);
    o.format = VEILIG_FORMAT_HTML;
    o.en = s->en;
    o.flags = (s->flags & VEILIG_SITE_INCLUDE_PERSONAL) ? VEILIG_REPORT_INCLUDE_PERSONAL : 0;
    o.peers = s->peers;
    p->site = s;
    p->tree = s->tree;
    p->path = path;
    p->depth = depth;
    p->file.fd = -1;
    p->full = p->tmp = NULL;
    p->rc = VEILIG_OK;
    p->written = 0;
    vg_html_init(&p->h, s->reg, &o);
    /* the page is written into the site's one page buffer, taken over here and
       given back (emptied, its room kept) by vg_site_page_finish: a page of
       some 100 KB then costs no growing and no fresh memory each time */
    if (s->page.data) {
        p->h.b = s->page;
        p->h.b.len = 0;
        vg_buf_init(&s->page);
    }
}

void vg_site_page_begin(vg_site_page *p, vg_site *s, const char *path, int depth, const char *title,
                        const char *kicker, const char *heading) {
    vg_site_page_init(p, s, path, depth);
    vg_html *h = &p->h;

    vg_buf css, js;
    vg_buf_init(&css);
    vg_buf_init(&js);
    vg_site_root(&css, p);
    vg_site_root(&js, p);
    vg_buf_puts(&css, "style.css");
    vg_buf_puts(&js, "site.js");
    char *css_s = vg_buf_finish(&css, NULL), *js_s = vg_buf_finish(&js, NULL);
    vg_html_page page = {0};
    page.title = title;
    page.title2 = s->prog ? veilig_programme_name(s->prog) : NULL;
    page.stylesheet = css_s ? css_s : "style.css";
    page.csp = 1;
    page.script = js_s ? js_s : "site.js";
    vg_html_page_begin(h, &page);
    if (!css_s || !js_s)
        h->b.failed = 1; /* the page would link the wrong files: fail it */
    vg_free(css_s);
    vg_free(js_s);

    /* the site's navigation and the language switch */
    vg_buf_printf(&h->b, "<nav class=\"site\" aria-label=\"%s\">\n<ul>\n", VG_T(h, "Site", "Site"));
    static const struct {
        const char *href, *nl, *en;
    } items[] = {{"index.html", "Start", "Home"},
                 {"index.html#municipalities", "Gemeenten", "Municipalities"},
                 {"maatregelen.html", "Maatregelen", "Measures"},
                 {"index.html#categories", "Categorie\xC3\xABn", "Categories"}};
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        vg_html_put(h, "<li><a href=\"");
        vg_site_up(p);
        vg_buf_printf(&h->b, "%s\">%s</a></li>\n", items[i].href,
                      VG_T(h, items[i].nl, items[i].en));
    }
    if (s->both) {
        vg_html_put(h, "<li class=\"lang\"><a href=\"");
        vg_site_up(p);
        vg_html_put(h, s->en ? "../" : "en/");
        vg_html_text(h, path);
        vg_buf_printf(&h->b, "\" hreflang=\"%s\" lang=\"%s\">%s</a></li>\n", s->en ? "nl" : "en",
                      s->en ? "nl" : "en", s->en ? "Nederlands" : "English");
    }
    vg_html_put(h, "</ul>\n</nav>\n<header class=\"top\">\n");
    if (kicker) {
        vg_html_put(h, "<p class=\"kicker\">");
        vg_html_text(h, kicker);
        vg_html_put(h, "</p>\n");
    }
    vg_html_put(h, "<h1>");
    vg_html_text(h, heading);
    vg_html_put(h, "</h1>\n");
}

/* The page's name in the site's folder: its tree's folder and its address
   (new string; NULL: out of memory). */
static char *vg_site_page_rel(const vg_site_page *p) {
    vg_buf b;
    vg_buf_init(&b);
    vg_buf_puts(&b, p->tree);
    vg_buf_puts(&b, p->path);
    return vg_buf_finish(&b, NULL);
}

/* The page's file name: the site's folder and vg_site_page_rel (new string;
   NULL: out of memory). */
static char *vg_site_page_file(const vg_site_page *p) {
    char *rel = vg_site_page_rel(p);
    char *full = rel ? vg_site_join(p->site->dir, rel) : NULL;
    vg_free(rel);
    return full;
}

/* Appends what the buffer holds to the page's file (made the first time)
   and empties the buffer; a failure goes to p->rc. */
static void vg_site_page_out(vg_site_page *p) {
    vg_buf *b = &p->h.b;
    const char *step = NULL;
    int e = 0;
    if (p->rc != VEILIG_OK || b->failed)
        return;
    if (p->file.fd < 0) {
        p->full = vg_site_page_file(p);
        size_t tsize = p->full ? strlen(p->full) + VG_ATOMIC_TMP_EXTRA : 0;
        p->tmp = p->full ? vg_malloc(tsize) : NULL;
        if (!p->tmp) {
            b->failed = 1; /* out of memory */
            return;
        }
        e = vg_atomic_open(&p->file, p->full, p->tmp, tsize, &step);
    }
    if (!e)
        e = vg_atomic_put(&p->file, b->data ? b->data : "", b->len, &step);
    if (e) {
        p->rc = vg_error_set(p->site->err, VEILIG_EIO, "site: cannot %s %s: %s",
                             step ? step : "write", p->full, strerror(e));
        b->failed = 1; /* nothing more to write */
        return;
    }
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void vg_site_page_put_fd(vg_site_page *p, int fd) {
    vg_site_page_out(p);
    if (p->rc != VEILIG_OK || p->h.b.failed)
        return;
    const char *step = NULL;
    int e = vg_atomic_put_fd(&p->file, fd, &step);
    if (e) {
        p->rc = vg_error_set(p->site->err, VEILIG_EIO, "site: cannot %s %s: %s",
                             step ? step : "write", p->full, strerror(e));
        p->h.b.failed = 1; /* nothing more to write */
    }
}

void vg_site_page_flush(vg_site_page *p) {
    if (p->h.b.len >= VG_SITE_CHUNK)
        vg_site_page_out(p);
}

/* Gives the page's buffer back to the site for the next page. */
static void vg_site_page_give_back(vg_site_page *p) {
    vg_buf_free(&p->site->page);
    p->site->page = p->h.b;
    vg_buf_init(&p->h.b);
}

int vg_site_page_set_aside(vg_site_page *p, vg_site_early *e) {
    vg_site_page_out(p);
    if (p->rc == VEILIG_OK && p->h.b.failed)
        p->rc = vg_error_set(p->site->err, VEILIG_ENOMEM, "out of memory");
    if (p->rc == VEILIG_OK) {
        const char *step = NULL;
        int err = vg_atomic_suspend(&p->file, &step);
        if (err)
            p->rc = vg_error_set(p->site->err, VEILIG_EIO, "site: cannot %s %s: %s", step, p->tmp,
                                 strerror(err));
    }
    if (p->rc != VEILIG_OK) {
        vg_site_page_drop(p);
        return p->rc;
    }
    e->full = p->full;
    e->tmp = p->tmp;
    p->full = p->tmp = NULL;
    vg_site_page_give_back(p);
    return VEILIG_OK;
}

void vg_site_page_resume(vg_site_page *p, vg_site *s, const char *path, int depth,
                         vg_site_early *e) {
    vg_site_page_init(p, s, path, depth);
    p->full = e->full;
    p->tmp = e->tmp;
    e->full = e->tmp = NULL;
    p->file.path = p->full;
    p->file.tmp = p->tmp;
    const char *step = NULL;
    int err = vg_atomic_resume(&p->file, &step);
    if (err) {
        p->rc =
            vg_error_set(s->err, VEILIG_EIO, "site: cannot %s %s: %s", step, p->tmp, strerror(err));
        p->h.b.failed = 1; /* nothing more to write */
    }
}

void vg_site_page_drop(vg_site_page *p) {
    vg_atomic_abort(&p->file);
    vg_free(p->full);
    vg_free(p->tmp);
    p->full = p->tmp = NULL;
    vg_buf_free(&p->h.b);
}

void vg_site_early_discard(vg_site_early *e) {
    if (e->tmp) {
        vg_atomic_file f = {-1, e->full, e->tmp};
        vg_atomic_discard(&f);
    }
    vg_free(e->full);
    vg_free(e->tmp);
    e->full = e->tmp = NULL;
}

int vg_site_page_finish(vg_site_page *p, int had_personal) {
    vg_html_put(&p->h, "</main>\n");
    vg_html_page_end(&p->h, had_personal);
    vg_buf *b = &p->h.b;
    if (p->file.fd >= 0) {
        /* a page written a part at a time: the rest, then into place */
        vg_site_page_out(p);
        if (p->rc == VEILIG_OK && !b->failed) {
            const char *step = NULL;
            int e = vg_atomic_commit(&p->file, VG_ATOMIC_NO_SYNC, &step);
            if (e)
                p->rc = vg_error_set(p->site->err, VEILIG_EIO, "site: cannot %s %s: %s",
                                     step ? step : "write", p->full, strerror(e));
        }
        vg_atomic_abort(&p->file); /* removes the temporary file unless committed */
        p->written = 1;
    }
    vg_free(p->full);
    vg_free(p->tmp);
    p->full = p->tmp = NULL;
    int rc = p->rc;
    if (rc == VEILIG_OK && b->failed)
        rc = vg_error_set(p->site->err, VEILIG_ENOMEM, "out of memory");
    if (rc != VEILIG_OK) {
        vg_buf_free(b);
        return rc;
    }
    if (!p->written) {
        /* a page held whole: written at once */
        char *rel_s = vg_site_page_rel(p);
        rc = rel_s ? vg_site_write_file(p->site, rel_s, b->data ? b->data : "", b->len)
                   : vg_error_set(p->site->err, VEILIG_ENOMEM, "out of memory");
        vg_free(rel_s);
    }
    vg_site_page_give_back(p);
    return rc;
}

/* ---- the writers ---- */

/* The pages of the site as one list of tasks. First those that need no
   peers, for each tree (language): the catalogues (the longest pages:
   started first, they do not hold the others up at the end), then the start
   pages and the category pages; then each municipality's page (with its
   comparison pages) in each tree. The peers are computed by the calling
   thread while the other writers start on the first part; a writer that
   reaches a municipality before they are ready waits for them. */
typedef struct vg_site_run {
    vg_site base;         /* what each writer copies (taken before the peers) */
    vg_site *site;        /* the site the peers go into (read after ready) */
    int trees;            /* 1 or 2 (both languages: Dutch, then English) */
    int en;               /* the language of a single tree */
    size_t first_part;    /* tasks that need no peers */
    size_t ntasks;        /* all tasks */
    size_t next;          /* the next task to take (atomic) */
    int stop;             /* set when a task failed: no more are taken (atomic) */
    pthread_mutex_t lock; /* guards what follows */
    pthread_cond_t ready; /* signalled when the peers are computed or failed */
    int peers_done;       /* 1: computed (or failed: then rc is set) */
    int rc;               /* the first failure */
    veilig_error err;     /* and its record */
} vg_site_run;

/* Records a failure (the first one is kept) and stops the writers. */
static void vg_site_failed(vg_site_run *run, int rc, const veilig_error *err) {
    pthread_mutex_lock(&run->lock);
    if (run->rc == VEILIG_OK) {
        run->rc = rc;
        run->err = *err;
    }
    pthread_mutex_unlock(&run->lock);
    __atomic_store_n(&run->stop, 1, __ATOMIC_RELEASE);
}

/* Waits until the peers are computed; 0 when they failed. */
static int vg_site_wait_peers(vg_site_run *run) {
    pthread_mutex_lock(&run->lock);
    while (!run->peers_done)
        pthread_cond_wait(&run->ready, &run->lock);
    int ok = run->rc == VEILIG_OK;
    pthread_mutex_unlock(&run->lock);
    return ok;
}

/* Task t, for the writer w: each part's tasks go through the trees in turn
   (the tree set here), k counting within the part. */
static int vg_site_task(vg_site_run *run, vg_site *w, size_t t) {
    int peers_part = t >= run->first_part;
    size_t u = peers_part ? t - run->first_part : t;
    size_t tree = u % (size_t)run->trees, k = u / (size_t)run->trees;
    w->en = run->trees == 2 ? (int)tree : run->en;
    w->tree = run->trees == 2 && tree == 1 ? "en/" : "";
    if (peers_part)
        return vg_site_municipality(w, k);
    if (k == 0)
        return vg_site_catalogue(w);
    if (k == 1)
        return vg_site_index(w);
    return vg_site_category(w, (int)(k - 1));
}

/* One writer: takes tasks until none is left or one failed, with its own
   copy of the site's state (page buffer, error, tree). */
static void *vg_site_writer(void *arg) {
    vg_site_run *run = arg;
    vg_site w = run->base;
    veilig_error err;
    vg_error_clear(&err);
    w.err = &err;
    vg_buf_init(&w.page);
    int have_peers = 0;
    for (;;) {
        if (__atomic_load_n(&run->stop, __ATOMIC_ACQUIRE))
            break;
        size_t t = __atomic_fetch_add(&run->next, 1, __ATOMIC_RELAXED);
        if (t >= run->ntasks)
            break;
        if (t >= run->first_part && !have_peers) {
            if (!vg_site_wait_peers(run))
                break;
            /* the peers, made after this copy was taken */
            w.all_peers = run->site->all_peers;
            w.peers_first = run->site->peers_first;
            w.peers_n = run->site->peers_n;
            w.by_address = run->site->by_address;
            have_peers = 1;
        }
        int rc = vg_site_task(run, &w, t);
        if (rc != VEILIG_OK) {
            vg_site_failed(run, rc, &err);
            break;
        }
    }
    vg_buf_free(&w.page);
    return NULL;
}

/* How many writers: threads as asked, or one per online processor (at most
   VG_SITE_MAX_THREADS), never more than there are tasks. */
#define VG_SITE_MAX_THREADS 16

size_t vg_site_writers(unsigned threads, size_t ntasks) {
    size_t n = threads;
    if (!n) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = cpus > 0 ? (size_t)cpus : 1;
    }
    if (n > VG_SITE_MAX_THREADS)
        n = VG_SITE_MAX_THREADS;
    if (n > ntasks)
        n = ntasks;
    return n ? n : 1;
}

static int vg_site_peers(vg_site *s);
static int vg_site_folder(vg_site *s, const char *tree, const char *sub);

/* The peers and the comparison pages' folders (made by the calling thread
   while the others write); then the waiting writers go on. */
static void vg_site_peers_part(vg_site_run *run, int nl, int en) {
    vg_site *s = run->site;
    veilig_error err, *caller = s->err;
    vg_error_clear(&err);
    s->err = &err;
    int rc = vg_site_peers(s);
    if (rc == VEILIG_OK && veilig_peers_count(s->all_peers) &&
        (rc = vg_site_folder(s, "", "vergelijk")) == VEILIG_OK && nl && en)
        rc = vg_site_folder(s, "en/", "vergelijk");
    s->err = caller;
    if (rc != VEILIG_OK)
        vg_site_failed(run, rc, &err);
    pthread_mutex_lock(&run->lock);
    run->peers_done = 1;
    pthread_cond_broadcast(&run->ready);
    pthread_mutex_unlock(&run->lock);
}

/* Writes every page of the site's trees with the writers: the calling
   thread (after the peers) and threads - 1 more (fewer when the system gives
   fewer: then the others do their share). Returns the first failure (in
   s->err). */
static int vg_site_pages(vg_site *s, int nl, int en, unsigned threads) {
    vg_site_run run;
    memset(&run, 0, sizeof run);
    run.base = *s;
    run.site = s;
    run.trees = nl + en;
    run.en = !nl;
    run.first_part = (size_t)run.trees * (2 + (size_t)veilig_vocab_size(VEILIG_VOCAB_CATEGORY));
    run.ntasks = run.first_part + (size_t)run.trees * veilig_registry_count(s->reg);
    if (pthread_mutex_init(&run.lock, NULL) != 0)
        return vg_error_set(s->err, VEILIG_ENOMEM, "site: cannot start the writers");
    if (pthread_cond_init(&run.ready, NULL) != 0) {
        pthread_mutex_destroy(&run.lock);
        return vg_error_set(s->err, VEILIG_ENOMEM, "site: cannot start the writers");
    }
    size_t n = vg_site_writers(threads, run.ntasks);
    s->writers = n;
    pthread_t tid[VG_SITE_MAX_THREADS];
    size_t started = 0;
    while (started + 1 < n && pthread_create(&tid[started], NULL, vg_site_writer, &run) == 0)
        started++;
    vg_site_peers_part(&run, nl, en);
    vg_site_writer(&run);
    for (size_t i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    pthread_cond_destroy(&run.ready);
    pthread_mutex_destroy(&run.lock);
    if (run.rc != VEILIG_OK)
        vg_error_take(s->err, &run.err); /* the caller's and the thread's last error */
    return run.rc;
}

/* Makes the folder sub of a tree ("" or "en/"). */
static int vg_site_folder(vg_site *s, const char *tree, const char *sub) {
    vg_buf rel;
    vg_buf_init(&rel);
    vg_buf_puts(&rel, tree);
    vg_buf_puts(&rel, sub);
    char *rel_s = vg_buf_finish(&rel, NULL);
    char *path = rel_s ? vg_site_join(s->dir, rel_s) : NULL;
    int rc = path ? vg_site_mkdirs(s, path) : vg_error_set(s->err, VEILIG_ENOMEM, "out of memory");
    vg_free(path);
    vg_free(rel_s);
    return rc;
}

/* Makes the folders of a tree that hold pages before the peers:
   categorieen/ always, gemeenten/ when municipalities is set (vergelijk/ is
   made with the peers, when any municipality has some). */
static int vg_site_folders(vg_site *s, const char *tree, int municipalities) {
    int rc = vg_site_folder(s, tree, "categorieen");
    if (rc == VEILIG_OK && municipalities)
        rc = vg_site_folder(s, tree, "gemeenten");
    return rc;
}

static int vg_site_address_cmp(const void *x, const void *y) {
    uintptr_t a = (uintptr_t)((const vg_site_placed *)x)->m;
    uintptr_t b = (uintptr_t)((const vg_site_placed *)y)->m;
    return (a > b) - (a < b);
}

size_t vg_site_place(const vg_site *s, const veilig_municipality *m) {
    vg_site_placed key = {m, 0};
    const vg_site_placed *at = bsearch(&key, s->by_address, veilig_registry_count(s->reg),
                                       sizeof *s->by_address, vg_site_address_cmp);
    return at ? at->i : (size_t)-1;
}

/* The peers of every municipality (each pair compared once for the whole
   site), where each one's rows are (peers_first, peers_n), and the
   registry's municipalities by address (vg_site_place). Made while the
   first writers write (vg_site_pages). */
static int vg_site_peers(vg_site *s) {
    const veilig_registry *reg = s->reg;
    size_t n = veilig_registry_count(reg);
    /* in as many parts as there are writers: they wait for the peers */
    int rc = vg_peers_in_parts(&s->all_peers, reg, NULL, s->peers, s->writers);
    if (rc != VEILIG_OK)
        return vg_error_set(s->err, rc, "site: peers: %s", veilig_strerror(rc));
    s->peers_first = vg_calloc(n + 1, sizeof *s->peers_first);
    s->peers_n = vg_calloc(n + 1, sizeof *s->peers_n);
    s->by_address = vg_calloc(n + 1, sizeof *s->by_address);
    if (!s->peers_first || !s->peers_n || !s->by_address)
        return vg_error_set(s->err, VEILIG_ENOMEM, "out of memory");
    /* the rows come grouped by subject in the registry's order */
    size_t row = 0, rows = veilig_peers_count(s->all_peers);
    for (size_t i = 0; i < n; i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        s->peers_first[i] = row;
        while (row < rows && veilig_peers_subject(s->all_peers, row) == m)
            row++;
        s->peers_n[i] = row - s->peers_first[i];
        s->by_address[i].m = m;
        s->by_address[i].i = i;
    }
    qsort(s->by_address, n, sizeof *s->by_address, vg_site_address_cmp);
    return VEILIG_OK;
}

int vg_site_setup(vg_site *s, const char *dir, const veilig_site_options *opts, veilig_error *error,
                  int *nl, int *en, unsigned *threads) {
    memset(s, 0, sizeof *s);
    *nl = *en = 1;
    *threads = 0;
    vg_buf_init(&s->page);
    s->err = error;
    if (error)
        memset(error, 0, sizeof *error);
    if (!dir || !*dir)
        return vg_error_set(error, VEILIG_EINVAL, "site: no folder");
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    if (opts) {
        size_t size = vg_site_options_size(opts->version);
        if (!size)
            return vg_error_set(error, VEILIG_EVERSION,
                                "site options: version %u, this library knows %u", opts->version,
                                VEILIG_SITE_OPTIONS_VERSION);
        memcpy(&o, opts, size); /* an older version's fields; the rest default */
    }
    if (o.lang && !strcmp(o.lang, "nl"))
        *en = 0;
    else if (o.lang && !strcmp(o.lang, "en"))
        *nl = 0;
    else if (o.lang && strcmp(o.lang, "both"))
        return vg_error_set(error, VEILIG_EINVAL, "site: language '%s': give nl, en or both",
                            o.lang);
    s->dir = dir;
    s->flags = o.flags;
    s->peers = o.peers ? o.peers : 3;
    s->both = *nl && *en;
    *threads = o.threads;
    return VEILIG_OK;
}

int vg_site_prepare(vg_site *s) {
    /* the folders the municipalities' pages go into, for their temporary
       files; nothing else is written */
    int rc = vg_site_check_dir(s);
    s->recording = 1;
    if (rc == VEILIG_OK && (rc = vg_site_mkdirs(s, s->dir)) == VEILIG_OK &&
        (rc = vg_site_folders(s, "", 1)) == VEILIG_OK && s->both)
        rc = vg_site_folders(s, "en/", 1);
    s->recording = 0;
    s->prepared = rc == VEILIG_OK; /* checked: the run does not look again */
    return rc;
}

void vg_site_unmake(vg_site *s) {
    while (s->nmade) {
        char *path = s->made[--s->nmade];
        rmdir(path); /* deepest first; a folder that is not empty stays */
        vg_free(path);
    }
}

void vg_site_free(vg_site *s) {
    size_t n = s->reg ? veilig_registry_count(s->reg) : 0;
    for (int t = 0; t < 2; t++) {
        for (size_t i = 0; s->early[t] && i < n; i++)
            vg_site_early_discard(&s->early[t][i]);
        vg_free(s->early[t]);
        s->early[t] = NULL;
        vg_site_cat_free(s->cats[t], 1);
        s->cats[t] = NULL;
        vg_site_cats_free(s->catpages[t]);
        s->catpages[t] = NULL;
    }
    veilig_peers_free(s->all_peers);
    vg_free(s->peers_first);
    vg_free(s->peers_n);
    vg_free(s->by_address);
    for (size_t c = 0; c <= VG_SITE_NCAT; c++)
        vg_free(s->cat_entries[c]);
    vg_buf_free(&s->page);
    for (size_t i = 0; i < s->nmade; i++)
        vg_free(s->made[i]);
    memset(s, 0, sizeof *s);
}

int vg_site_write_all(vg_site *s, int nl, int en, unsigned threads) {
    const veilig_registry *reg = s->reg;
    veilig_error *error = s->err;
    s->prog = veilig_registry_programme(reg);
    /* every code that names a file must be a plain name */
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        const char *code = veilig_municipality_code(veilig_registry_get(reg, i));
        if (!vg_site_safe_name(code)) {
            vg_error_set(error, VEILIG_EINVAL,
                         "site: municipality %zu: its code cannot name a file (letters, digits, "
                         "- and _ only)",
                         i + 1);
            if (error)
                snprintf(error->pointer, sizeof error->pointer, "/municipalities/%zu/code", i);
            return VEILIG_EINVAL;
        }
    }
    int rc;
    if ((!s->prepared && (rc = vg_site_check_dir(s)) != VEILIG_OK) ||
        (rc = vg_site_mkdirs(s, s->dir)) != VEILIG_OK)
        return rc;
    static const char marker[] = "This folder is a website written by libveilig (veilig site).\n";
    if ((rc = vg_site_write_file(s, VG_SITE_MARKER, marker, sizeof marker - 1)) == VEILIG_OK &&
        (rc = vg_site_write_file(s, "style.css", vg_html_css, vg_html_css_len)) == VEILIG_OK)
        rc = vg_site_write_file(s, "site.js", vg_site_js, vg_site_js_len);
    /* the measures of each category, once for the whole site (the peers:
       vg_site_pages) */
    if (rc == VEILIG_OK && !s->catpages[0] && !s->catpages[1])
        rc = vg_site_categories_gather(s);
    int municipalities = veilig_registry_count(reg) > 0;
    if (rc == VEILIG_OK && (rc = vg_site_folders(s, "", municipalities)) == VEILIG_OK && nl && en)
        rc = vg_site_folders(s, "en/", municipalities);
    if (rc == VEILIG_OK)
        rc = vg_site_pages(s, nl, en, threads);
    return rc;
}

int veilig_site_write(const veilig_registry *reg, const char *dir, const veilig_site_options *opts,
                      veilig_error *error) {
    vg_site s;
    int nl = 1, en = 1;
    unsigned threads = 0;
    int rc = vg_site_setup(&s, dir, opts, error, &nl, &en, &threads);
    if (rc == VEILIG_OK && !reg)
        rc = vg_error_set(error, VEILIG_EINVAL, "site: no registry");
    if (rc == VEILIG_OK) {
        s.reg = reg;
        rc = vg_site_write_all(&s, nl, en, threads);
    }
    vg_site_free(&s);
    return rc;
}
