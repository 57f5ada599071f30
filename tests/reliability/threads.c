/*
 * Threads (issue 8.6), built with -fsanitize=thread: 8 threads read one
 * registry at once (queries, analyses, validation, dumps, renderings, the
 * HTML reports) while 4 other threads load, change, dump and free
 * registries of their own, 50 rounds each. Every reader's outputs must equal
 * the ones made before the threads started, byte for byte; any report of
 * ThreadSanitizer fails the test (TSAN_OPTIONS=halt_on_error=1 exitcode=66).
 * Then the website of the registry is written by 4 writer threads and by
 * one (veilig_site_write), and while its document loads (three times,
 * veilig_site_write_file): the same files, byte for byte.
 *
 * Usage: reliability_threads CANONICAL_JSON [ROUNDS]
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"

#define READERS 8
#define WRITERS 4
#define OUTPUTS 32

static const veilig_registry *shared;
static const char *canonical_path;
static int rounds = 50;

/* What one thread found: written by the thread, read by main after pthread_join. */
typedef struct verdict {
    int failed;
    char what[256];
} verdict;

static void failed(verdict *v, const char *what, int rc) {
    if (v->failed++)
        return;
    snprintf(v->what, sizeof v->what, "%s: %s", what, veilig_strerror(rc));
}

/* ---- reading: every output in a fixed order ---- */

typedef struct outputs {
    char *text[OUTPUTS];
    const char *name[OUTPUTS];
    size_t n;
} outputs;

static void keep(outputs *o, verdict *v, const char *name, int rc, char *text) {
    if (rc != VEILIG_OK || !text) {
        failed(v, name, rc);
        veilig_free(text);
        text = NULL;
    }
    if (o->n < OUTPUTS) {
        o->name[o->n] = name;
        o->text[o->n++] = text;
    } else {
        veilig_free(text);
    }
}

static void render_options(veilig_report_options *ro, veilig_format format) {
    veilig_report_options_init(ro, VEILIG_REPORT_OPTIONS_VERSION);
    ro->format = format;
}

/* Runs every read-only operation over reg; the outputs go into o. */
static void read_all(const veilig_registry *reg, outputs *o, verdict *v) {
    char *t = NULL;
    int rc;
    veilig_report_options ro;
    const veilig_municipality *m = veilig_registry_find(reg, "GM0153");
    const veilig_municipality *other = veilig_registry_find(reg, "Hengelo");
    if (!m || !other || veilig_registry_find(reg, "enschede") != m) {
        failed(v, "find", VEILIG_ENOTFOUND);
        return;
    }

    rc = veilig_registry_dump(&t, NULL, reg, NULL, NULL);
    keep(o, v, "dump", rc, t);
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = VEILIG_SAVE_COMPACT | VEILIG_SAVE_ASCII | VEILIG_SAVE_OMIT_PERSONAL;
    rc = veilig_registry_dump(&t, NULL, reg, &so, NULL);
    keep(o, v, "dump compact", rc, t);
    rc = veilig_municipality_to_json(&t, NULL, m, NULL, NULL);
    keep(o, v, "municipality_to_json", rc, t);

    veilig_diagnostics *d = NULL;
    rc = veilig_validate(&d, reg);
    if (rc == VEILIG_OK) {
        rc = veilig_diagnostics_to_json(&t, NULL, d);
        keep(o, v, "validate", rc, t);
        render_options(&ro, VEILIG_FORMAT_TEXT);
        rc = veilig_render_diagnostics(&t, NULL, d, &ro);
        keep(o, v, "render_diagnostics", rc, t);
    } else {
        failed(v, "validate", rc);
    }
    veilig_diagnostics_free(d);

    veilig_query *q = NULL;
    veilig_query_result *qr = NULL;
    rc = veilig_query_new(&q);
    if (rc == VEILIG_OK)
        rc = veilig_query_add(q, VEILIG_FILTER_APPROACH, "prevention");
    if (rc == VEILIG_OK)
        rc = veilig_query_add(q, VEILIG_FILTER_TEXT, "binnenstad");
    if (rc == VEILIG_OK)
        rc = veilig_query_run(&qr, q, reg);
    if (rc == VEILIG_OK) {
        rc = veilig_query_result_to_json(&t, NULL, qr);
        keep(o, v, "query", rc, t);
        render_options(&ro, VEILIG_FORMAT_TEXT);
        rc = veilig_render_query(&t, NULL, qr, &ro);
        keep(o, v, "render_query", rc, t);
    } else {
        failed(v, "query", rc);
    }
    veilig_query_result_free(qr);
    veilig_query_free(q);

    veilig_coverage_result *c = NULL;
    rc = veilig_coverage(&c, reg, NULL);
    if (rc == VEILIG_OK) {
        rc = veilig_coverage_to_json(&t, NULL, c);
        keep(o, v, "coverage", rc, t);
        render_options(&ro, VEILIG_FORMAT_CSV);
        rc = veilig_render_coverage(&t, NULL, c, &ro);
        keep(o, v, "render_coverage", rc, t);
    } else {
        failed(v, "coverage", rc);
    }
    veilig_coverage_free(c);

    veilig_peers_result *pr = NULL;
    rc = veilig_peers(&pr, reg, NULL, NULL);
    if (rc == VEILIG_OK) {
        rc = veilig_peers_to_json(&t, NULL, pr);
        keep(o, v, "peers", rc, t);
        render_options(&ro, VEILIG_FORMAT_TEXT);
        rc = veilig_render_peers(&t, NULL, pr, &ro);
        keep(o, v, "render_peers", rc, t);
    } else {
        failed(v, "peers", rc);
    }
    veilig_peers_free(pr);

    veilig_profile_result *p = NULL;
    rc = veilig_profile(&p, m);
    if (rc == VEILIG_OK) {
        rc = veilig_profile_to_json(&t, NULL, p);
        keep(o, v, "profile", rc, t);
        render_options(&ro, VEILIG_FORMAT_MARKDOWN);
        rc = veilig_render_profile(&t, NULL, p, &ro);
        keep(o, v, "render_profile", rc, t);
    } else {
        failed(v, "profile", rc);
    }
    veilig_profile_free(p);

    veilig_comparison *cmp = NULL;
    rc = veilig_compare(&cmp, m, other);
    if (rc == VEILIG_OK) {
        rc = veilig_comparison_to_json(&t, NULL, cmp);
        keep(o, v, "compare", rc, t);
    } else {
        failed(v, "compare", rc);
    }
    veilig_comparison_free(cmp);

    veilig_schedule_result *s = NULL;
    rc = veilig_schedule(&s, m, NULL);
    if (rc == VEILIG_OK) {
        rc = veilig_schedule_to_json(&t, NULL, s);
        keep(o, v, "schedule", rc, t);
        render_options(&ro, VEILIG_FORMAT_TEXT);
        rc = veilig_render_schedule(&t, NULL, s, &ro);
        keep(o, v, "render_schedule", rc, t);
    } else {
        failed(v, "schedule", rc);
    }
    veilig_schedule_free(s);

    veilig_progress_result *g = NULL;
    rc = veilig_progress(&g, m, NULL);
    if (rc == VEILIG_OK) {
        rc = veilig_progress_to_json(&t, NULL, g);
        keep(o, v, "progress", rc, t);
    } else {
        failed(v, "progress", rc);
    }
    veilig_progress_free(g);

    veilig_diff_result *df = NULL;
    rc = veilig_diff(&df, reg, reg, NULL);
    if (rc == VEILIG_OK) {
        rc = veilig_diff_to_json(&t, NULL, df);
        keep(o, v, "diff", rc, t);
    } else {
        failed(v, "diff", rc);
    }
    veilig_diff_free(df);

    render_options(&ro, VEILIG_FORMAT_TEXT);
    rc = veilig_render_list(&t, NULL, reg, &ro);
    keep(o, v, "render_list", rc, t);
    rc = veilig_render_municipality(&t, NULL, m, &ro);
    keep(o, v, "render_municipality", rc, t);
    render_options(&ro, VEILIG_FORMAT_CSV);
    rc = veilig_export(&t, NULL, reg, VEILIG_TABLE_MEASURES, &ro);
    keep(o, v, "export measures", rc, t);
    render_options(&ro, VEILIG_FORMAT_JSON);
    rc = veilig_export(&t, NULL, reg, VEILIG_TABLE_STAKEHOLDERS, &ro);
    keep(o, v, "export stakeholders", rc, t);
    render_options(&ro, VEILIG_FORMAT_HTML);
    rc = veilig_report_html(&t, NULL, reg, NULL, &ro);
    keep(o, v, "report_html", rc, t);
    rc = veilig_report_html(&t, NULL, reg, m, &ro);
    keep(o, v, "report_html GM0153", rc, t);
}

static void free_outputs(outputs *o) {
    for (size_t i = 0; i < o->n; i++)
        veilig_free(o->text[i]);
    o->n = 0;
}

static outputs reference;

static void *reader(void *arg) {
    verdict *v = arg;
    for (int r = 0; r < rounds && !v->failed; r++) {
        outputs o;
        o.n = 0;
        read_all(shared, &o, v);
        if (o.n != reference.n && !v->failed++)
            snprintf(v->what, sizeof v->what, "round %d: %zu outputs, expected %zu", r, o.n,
                     reference.n);
        for (size_t i = 0; i < o.n && i < reference.n && !v->failed; i++)
            if (!o.text[i] || strcmp(o.text[i], reference.text[i]) != 0) {
                v->failed++;
                snprintf(v->what, sizeof v->what, "round %d: %s differs from the reference", r,
                         o.name[i]);
            }
        free_outputs(&o);
    }
    return NULL;
}

/* ---- writing registries of one's own ---- */

static void *writer(void *arg) {
    verdict *v = arg;
    for (int r = 0; r < rounds && !v->failed; r++) {
        veilig_registry *reg = NULL;
        veilig_error err;
        int rc = r % 2 ? veilig_registry_load_builtin(&reg, &err)
                       : veilig_registry_load_file(&reg, canonical_path, NULL, &err);
        if (rc != VEILIG_OK) {
            failed(v, "load", rc);
            break;
        }
        veilig_municipality *m = NULL;
        veilig_measure *ms = NULL;
        rc = veilig_registry_add(&m, reg, "GM0999", "Nieuwdorp");
        if (rc == VEILIG_OK)
            rc = veilig_municipality_add_measure(&ms, m, "straatcoaches", "Straatcoaches",
                                                 VEILIG_CATEGORY_SUPERVISION);
        if (rc == VEILIG_OK)
            rc = veilig_measure_set_budget(ms, 1250050, "EUR");
        if (rc == VEILIG_OK)
            rc = veilig_registry_remove(reg, 0);
        veilig_diagnostics *d = NULL;
        if (rc == VEILIG_OK)
            rc = veilig_validate(&d, reg);
        veilig_diagnostics_free(d);
        char *text = NULL;
        size_t len = 0;
        if (rc == VEILIG_OK)
            rc = veilig_registry_dump(&text, &len, reg, NULL, &err);
        veilig_registry_free(reg);
        reg = NULL;
        if (rc == VEILIG_OK)
            rc = veilig_registry_load_string(&reg, text, len, NULL, &err);
        if (rc == VEILIG_OK && !veilig_registry_find(reg, "GM0999"))
            rc = VEILIG_ENOTFOUND;
        veilig_registry_free(reg);
        veilig_free(text);
        if (rc != VEILIG_OK)
            failed(v, "change, dump and reload", rc);
    }
    return NULL;
}

/* The site of reg written by 4 threads and by 1: the same files (diff -r);
   the folders are removed. Returns 0 when they are. */
static int site_by_threads(const veilig_registry *reg) {
    char dir[64] = "/tmp/veilig-threads-XXXXXX", a[96], b[96], cmd[300];
    if (!mkdtemp(dir))
        return 1;
    snprintf(a, sizeof a, "%s/four", dir);
    snprintf(b, sizeof b, "%s/one", dir);
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    veilig_error err;
    int status = 0;
    o.threads = 4;
    if (veilig_site_write(reg, a, &o, &err) != VEILIG_OK) {
        fprintf(stderr, "reliability_threads: FAIL: site, 4 threads: %s\n", err.message);
        status = 1;
    }
    o.threads = 1;
    if (!status && veilig_site_write(reg, b, &o, &err) != VEILIG_OK) {
        fprintf(stderr, "reliability_threads: FAIL: site, 1 thread: %s\n", err.message);
        status = 1;
    }
    snprintf(cmd, sizeof cmd, "diff -r -q '%s' '%s' >&2", a, b);
    if (!status && system(cmd) != 0) {
        fprintf(stderr, "reliability_threads: FAIL: the sites of 4 threads and 1 differ\n");
        status = 1;
    }
    /* the same registry's document, its site written while it loads (a
       thread begins the pages as the loader reads): the same files */
    char doc[96], c[96];
    snprintf(doc, sizeof doc, "%s/doc.json", dir);
    snprintf(c, sizeof c, "%s/loading", dir);
    char *json = NULL;
    size_t len = 0;
    FILE *f = NULL;
    if (!status && (veilig_registry_dump(&json, &len, reg, NULL, &err) != VEILIG_OK ||
                    !(f = fopen(doc, "wb")) || fwrite(json, 1, len, f) != len)) {
        fprintf(stderr, "reliability_threads: FAIL: writing the document\n");
        status = 1;
    }
    if (f && fclose(f) != 0)
        status = 1;
    veilig_free(json);
    o.threads = 2;
    for (int round = 0; round < 3 && !status; round++) {
        if (veilig_site_write_file(NULL, doc, NULL, c, &o, &err) != VEILIG_OK) {
            fprintf(stderr, "reliability_threads: FAIL: site while loading: %s\n", err.message);
            status = 1;
        }
        snprintf(cmd, sizeof cmd, "diff -r -q '%s' '%s' >&2", c, b);
        if (!status && system(cmd) != 0) {
            fprintf(stderr, "reliability_threads: FAIL: the site written while loading differs\n");
            status = 1;
        }
    }
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        status = 1;
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: reliability_threads CANONICAL_JSON [ROUNDS]\n");
        return 2;
    }
    canonical_path = argv[1];
    if (argc > 2)
        rounds = atoi(argv[2]);
    veilig_registry *reg = NULL;
    veilig_error err;
    if (veilig_registry_load_builtin(&reg, &err) != VEILIG_OK) {
        fprintf(stderr, "reliability_threads: the bundled dataset: %s\n", err.message);
        return 1;
    }
    shared = reg;
    verdict main_verdict = {0, ""};
    read_all(shared, &reference, &main_verdict);
    if (main_verdict.failed) {
        fprintf(stderr, "reliability_threads: FAIL: before the threads: %s\n", main_verdict.what);
        return 1;
    }

    pthread_t threads[READERS + WRITERS];
    verdict verdicts[READERS + WRITERS];
    memset(verdicts, 0, sizeof verdicts);
    for (int i = 0; i < READERS + WRITERS; i++)
        if (pthread_create(&threads[i], NULL, i < READERS ? reader : writer, &verdicts[i]) != 0) {
            fprintf(stderr, "reliability_threads: pthread_create failed\n");
            return 1;
        }
    int failures = 0;
    for (int i = 0; i < READERS + WRITERS; i++) {
        pthread_join(threads[i], NULL);
        if (verdicts[i].failed) {
            failures++;
            fprintf(stderr, "reliability_threads: FAIL: %s %d: %s\n",
                    i < READERS ? "reader" : "writer", i, verdicts[i].what);
        }
    }
    failures += site_by_threads(shared);
    size_t n_outputs = reference.n;
    free_outputs(&reference);
    veilig_registry_free(reg);
    printf("reliability_threads: %d readers x %d rounds of %zu outputs on one registry, %d "
           "writers x %d rounds, a site by 4 threads: %s\n",
           READERS, rounds, n_outputs, WRITERS, rounds, failures ? "FAILED" : "passed");
    return failures ? 1 : 0;
}
