/*
 * veilig-bench: the benchmark harness of issue 9 (`make bench`).
 *
 *     veilig-bench --data DIR --gen VEILIG-GEN [--lua LUA_BASELINE.lua] [--sizes S,M,L]
 *                  [--no-complexity] [--quick]
 *
 * Generates the synthetic registries into DIR when they are missing (with
 * veilig-gen), then, for each of S (342 x 50), M (342 x 500) and L (10,000 x
 * 50), times every operation as the median of repeated runs in this one
 * process and prints a table:
 *
 * - load (file -> registry) against jansson's json_load_file on the same file;
 * - dump and save against jansson's json_dumps / json_dump_file of the tree
 *   jansson read from that file (two-space indent, like the canonical form);
 * - validate, three queries, coverage, profile of every municipality, peers of
 *   every municipality (k = 5), diff against "version 2" of the file;
 * - memory of the loaded registry and the peak during load, against jansson's
 *   tree, counted by a counting allocator (veilig_set_allocator for libveilig,
 *   json_set_alloc_funcs for jansson, each installed only while it counts);
 * - on S and M, the first load in a fresh process (veilig-bench --cold), where
 *   the page faults of fresh memory count;
 * - on M, the same load and a coverage count in Lua with lua-cjson (LuaJIT and
 *   Lua 5.4), as reference rows;
 *
 * and checks the targets of issue 9.4. Then the complexity check of issue 9.5:
 * the same operations on 342 x 100 and 342 x 400 measures, with the ratio of
 * the times (linear: about 4; quadratic: about 16).
 *
 * Timing: the CPU time of the thread around the operation only (the wall
 * clock beside it); setup and freeing are outside. Memory counts every block
 * as malloc_usable_size() plus one header word (glibc's chunk overhead),
 * current and peak. bench/RESULTS.md says why and what came out.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "veilig.h"

/* ---- clocks and medians ---- */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Wall-clock and CPU time (of this thread: every operation is
   single-threaded). The ratios use CPU time, which other processes on a
   busy machine disturb far less than the wall clock; the wall clock is
   printed beside it (and is what counts for the saves, which wait for the
   disk). */
typedef struct span {
    double wall, cpu; /* seconds */
} span;

static span clk(void) {
    struct timespec ts;
    span s;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    s.wall = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    s.cpu = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
    return s;
}

static span span_sub(span a, span b) {
    span d = {a.wall - b.wall, a.cpu - b.cpu};
    return d;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* An operation: does its work on ctx and returns the time of the part that
   is measured (setup and freeing stay outside). */
typedef span (*op_fn)(void *ctx);

typedef struct timing {
    double median; /* seconds of CPU time */
    double wall;   /* seconds of wall-clock time (its own median) */
    int runs;
} timing;

/* How hard to try: at least min runs, then more until budget seconds of CPU
   time have gone by, at most max runs. */
typedef struct effort {
    int min, max;
    double budget;
} effort;

#define MAX_RUNS 64

static double median_of(double *t, int n) {
    qsort(t, (size_t)n, sizeof t[0], cmp_double);
    return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

static timing measure(op_fn fn, void *ctx, const effort *e) {
    double cpu[MAX_RUNS], wall[MAX_RUNS], total = 0;
    int n = 0;
    while (n < e->max && n < MAX_RUNS && (n < e->min || total < e->budget)) {
        span s = fn(ctx);
        cpu[n] = s.cpu;
        wall[n] = s.wall;
        total += s.cpu;
        n++;
    }
    timing r;
    r.median = median_of(cpu, n);
    r.wall = median_of(wall, n);
    r.runs = n;
    return r;
}

/* ---- failing loudly ---- */

static void die(const char *what, const char *why) {
    fprintf(stderr, "veilig-bench: %s: %s\n", what, why);
    exit(1);
}

static void check(int rc, const char *what) {
    if (rc != VEILIG_OK)
        die(what, veilig_strerror(rc));
}

/* ---- the counting allocator ---- */

static size_t mem_cur, mem_peak;

static size_t block_size(void *p) {
    return malloc_usable_size(p) + sizeof(size_t);
}

static void *count_malloc(size_t n) {
    void *p = malloc(n);
    if (p) {
        mem_cur += block_size(p);
        if (mem_cur > mem_peak)
            mem_peak = mem_cur;
    }
    return p;
}

static void *count_realloc(void *p, size_t n) {
    size_t old = p ? block_size(p) : 0;
    void *q = realloc(p, n);
    if (q) {
        mem_cur = mem_cur - old + block_size(q);
        if (mem_cur > mem_peak)
            mem_peak = mem_cur;
    }
    return q;
}

static void count_free(void *p) {
    if (p) {
        mem_cur -= block_size(p);
        free(p);
    }
}

static void count_reset(void) {
    mem_cur = mem_peak = 0;
}

/* ---- the data sets ---- */

typedef struct dataset {
    const char *name;
    unsigned municipalities, measures;
    char path[1024], path2[1024]; /* the file and its version 2 */
} dataset;

static dataset datasets[] = {
    {"S", 342, 50, "", ""},     {"M", 342, 500, "", ""},    {"L", 10000, 50, "", ""},
    {"C100", 342, 100, "", ""}, {"C400", 342, 400, "", ""},
};
#define NDATASETS (sizeof datasets / sizeof datasets[0])

static int exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

static double file_mib(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (double)st.st_size / (1024.0 * 1024.0) : 0;
}

static void prepare(dataset *d, const char *dir, const char *gen) {
    snprintf(d->path, sizeof d->path, "%s/%s-%ux%u.json", dir, d->name, d->municipalities,
             d->measures);
    snprintf(d->path2, sizeof d->path2, "%s/%s-%ux%u-v2.json", dir, d->name, d->municipalities,
             d->measures);
    if (exists(d->path) && exists(d->path2))
        return;
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' -n %u -k %u -s 9 -p 3 '%s' '%s'", gen, d->municipalities,
             d->measures, d->path, d->path2);
    printf("generating %s (%u x %u) ...\n", d->name, d->municipalities, d->measures);
    fflush(stdout);
    double t0 = now();
    if (system(cmd) != 0)
        die(cmd, "the generator failed");
    printf("  %s: %.1f MiB in %.1f s\n", d->path, file_mib(d->path), now() - t0);
}

/* ---- the operations ---- */

typedef struct ctx {
    const dataset *d;
    const char *tmp; /* where saves go */
    veilig_registry *reg, *reg2;
    json_t *tree;
    veilig_query *query;
    char *text; /* the file's text, for the loads from memory */
    size_t text_len;
    size_t rows; /* what the last run found, for the table */
} ctx;

static span op_jansson_load(void *p) {
    ctx *c = p;
    json_error_t err;
    span t0 = clk();
    json_t *t = json_load_file(c->d->path, 0, &err);
    span t1 = clk();
    if (!t)
        die(c->d->path, err.text);
    json_decref(t);
    return span_sub(t1, t0);
}

static span op_jansson_loadb(void *p) {
    ctx *c = p;
    json_error_t err;
    span t0 = clk();
    json_t *t = json_loadb(c->text, c->text_len, 0, &err);
    span t1 = clk();
    if (!t)
        die(c->d->path, err.text);
    json_decref(t);
    return span_sub(t1, t0);
}

static span op_load_string(void *p) {
    ctx *c = p;
    veilig_registry *r = NULL;
    veilig_error err;
    span t0 = clk();
    int rc = veilig_registry_load_string(&r, c->text, c->text_len, NULL, &err);
    span t1 = clk();
    if (rc)
        die(c->d->path, err.message);
    veilig_registry_free(r);
    return span_sub(t1, t0);
}

static span op_load(void *p) {
    ctx *c = p;
    veilig_registry *r = NULL;
    veilig_error err;
    span t0 = clk();
    int rc = veilig_registry_load_file(&r, c->d->path, NULL, &err);
    span t1 = clk();
    if (rc)
        die(c->d->path, err.message);
    c->rows = veilig_registry_count(r);
    veilig_registry_free(r);
    return span_sub(t1, t0);
}

static span op_jansson_dumps(void *p) {
    ctx *c = p;
    span t0 = clk();
    char *s = json_dumps(c->tree, JSON_INDENT(2));
    span t1 = clk();
    if (!s)
        die("json_dumps", "failed");
    c->rows = strlen(s);
    json_free_t jfree = free;
    json_get_alloc_funcs(NULL, &jfree);
    jfree(s);
    return span_sub(t1, t0);
}

static span op_dump(void *p) {
    ctx *c = p;
    char *s = NULL;
    size_t len = 0;
    span t0 = clk();
    int rc = veilig_registry_dump(&s, &len, c->reg, NULL, NULL);
    span t1 = clk();
    check(rc, "veilig_registry_dump");
    c->rows = len;
    veilig_free(s);
    return span_sub(t1, t0);
}

static span op_jansson_dump_file(void *p) {
    ctx *c = p;
    span t0 = clk();
    int rc = json_dump_file(c->tree, c->tmp, JSON_INDENT(2));
    span t1 = clk();
    if (rc)
        die("json_dump_file", c->tmp);
    return span_sub(t1, t0);
}

/* json_dump_file, then fsync: what the library's atomic save also does. */
static span op_jansson_dump_file_sync(void *p) {
    ctx *c = p;
    span t0 = clk();
    int rc = json_dump_file(c->tree, c->tmp, JSON_INDENT(2));
    int fd = open(c->tmp, O_RDONLY);
    if (rc || fd < 0 || fsync(fd) != 0)
        die("json_dump_file + fsync", strerror(errno));
    close(fd);
    return span_sub(clk(), t0);
}

static span op_save(void *p) {
    ctx *c = p;
    veilig_error err;
    span t0 = clk();
    int rc = veilig_registry_save_file(c->reg, c->tmp, NULL, &err);
    span t1 = clk();
    if (rc)
        die(c->tmp, err.message);
    return span_sub(t1, t0);
}

static span op_validate(void *p) {
    ctx *c = p;
    veilig_diagnostics *d = NULL;
    span t0 = clk();
    check(veilig_validate(&d, c->reg), "veilig_validate");
    span t1 = clk();
    c->rows = veilig_diagnostics_count(d);
    veilig_diagnostics_free(d);
    return span_sub(t1, t0);
}

static span op_query(void *p) {
    ctx *c = p;
    veilig_query_result *r = NULL;
    span t0 = clk();
    check(veilig_query_run(&r, c->query, c->reg), "veilig_query_run");
    span t1 = clk();
    c->rows = veilig_query_result_count(r);
    veilig_query_result_free(r);
    return span_sub(t1, t0);
}

static span op_coverage(void *p) {
    ctx *c = p;
    veilig_coverage_result *r = NULL;
    span t0 = clk();
    check(veilig_coverage(&r, c->reg, NULL), "veilig_coverage");
    span t1 = clk();
    c->rows = veilig_coverage_total(r);
    veilig_coverage_free(r);
    return span_sub(t1, t0);
}

static span op_profile(void *p) {
    ctx *c = p;
    size_t gaps = 0;
    span total = {0, 0};
    for (size_t i = 0; i < veilig_registry_count(c->reg); i++) {
        veilig_profile_result *r = NULL;
        span t0 = clk();
        check(veilig_profile(&r, veilig_registry_get(c->reg, i)), "veilig_profile");
        span t1 = clk();
        total.wall += t1.wall - t0.wall;
        total.cpu += t1.cpu - t0.cpu;
        gaps += veilig_profile_gap_count(r);
        veilig_profile_free(r);
    }
    c->rows = gaps;
    return total;
}

static span op_peers(void *p) {
    ctx *c = p;
    veilig_peers_options o = VEILIG_PEERS_OPTIONS_INIT;
    o.k = 5;
    veilig_peers_result *r = NULL;
    span t0 = clk();
    check(veilig_peers(&r, c->reg, NULL, &o), "veilig_peers");
    span t1 = clk();
    c->rows = veilig_peers_count(r);
    veilig_peers_free(r);
    return span_sub(t1, t0);
}

static span op_diff(void *p) {
    ctx *c = p;
    veilig_diff_result *r = NULL;
    span t0 = clk();
    check(veilig_diff(&r, c->reg, c->reg2, NULL), "veilig_diff");
    span t1 = clk();
    c->rows = veilig_diff_count(r);
    veilig_diff_free(r);
    return span_sub(t1, t0);
}

/* Every municipality found by its code, and every measure by its id. */
static span op_find(void *p) {
    ctx *c = p;
    size_t found = 0, n = veilig_registry_count(c->reg);
    span t0 = clk();
    for (size_t i = 0; i < n; i++) {
        const veilig_municipality *m = veilig_registry_get(c->reg, i);
        found += veilig_registry_find(c->reg, veilig_municipality_code(m)) == m;
        size_t k = veilig_municipality_measure_count(m);
        for (size_t j = 0; j < k; j++) {
            const veilig_measure *ms = veilig_municipality_measure(m, j);
            found += veilig_municipality_find_measure(m, veilig_measure_id(ms)) == ms;
        }
    }
    span t1 = clk();
    c->rows = found;
    return span_sub(t1, t0);
}

/* The three typical filters of issue 9. */
typedef struct query_spec {
    const char *label;
    veilig_filter f1;
    const char *v1;
    veilig_filter f2;
    const char *v2;
} query_spec;

static const query_spec queries[] = {
    {"query category=bystander", VEILIG_FILTER_CATEGORY, "bystander", (veilig_filter)0, NULL},
    {"query target_group=lgbtiq+setting=nightlife", VEILIG_FILTER_TARGET_GROUP, "lgbtiq",
     VEILIG_FILTER_SETTING, "nightlife"},
    {"query text=toezicht", VEILIG_FILTER_TEXT, "toezicht", (veilig_filter)0, NULL},
};
#define NQUERIES (sizeof queries / sizeof queries[0])

static veilig_query *make_query(const query_spec *q) {
    veilig_query *v = NULL;
    check(veilig_query_new(&v), "veilig_query_new");
    check(veilig_query_add(v, q->f1, q->v1), "veilig_query_add");
    if (q->f2)
        check(veilig_query_add(v, q->f2, q->v2), "veilig_query_add");
    return v;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0)
        die(path, strerror(errno));
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size)
        die(path, "cannot read");
    fclose(f);
    buf[st.st_size] = '\0';
    *len = (size_t)st.st_size;
    return buf;
}

static veilig_registry *load(const char *path) {
    veilig_registry *r = NULL;
    veilig_error err;
    if (veilig_registry_load_file(&r, path, NULL, &err) != VEILIG_OK)
        die(path, err.message);
    return r;
}

/* ---- output ---- */

#define WIDTH 124

static void rule(void) {
    for (int i = 0; i < WIDTH; i++)
        putchar('-');
    putchar('\n');
}

static void header(void) {
    printf("  %-44s %9s %9s %4s %10s  %-23s %8s  %s\n", "operation", "cpu ms", "wall ms", "runs",
           "result", "compared with (cpu)", "ratio", "target");
}

static void row(const char *op, timing t, size_t rows, const char *vs, double ratio,
                const char *target) {
    printf("  %-44s %9.2f", op, t.median * 1e3);
    if (t.wall >= 0)
        printf(" %9.2f %4d", t.wall * 1e3, t.runs);
    else
        printf(" %9s %4d", "-", t.runs);
    if (rows)
        printf(" %10zu", rows);
    else
        printf(" %10s", "");
    if (vs)
        printf("  %-23s %7.3fx", vs, ratio);
    else
        printf("  %-23s %8s", "", "");
    if (target)
        printf("  %s", target);
    printf("\n");
}

/* "<= 1.5x: met" and the like; the counters of missed targets. */
static int targets_met, targets_missed;

static const char *verdict(char *buf, size_t size, const char *what, int ok) {
    snprintf(buf, size, "%s: %s", what, ok ? "met" : "MISSED");
    if (ok)
        targets_met++;
    else
        targets_missed++;
    return buf;
}

/* ---- Lua reference rows ---- */

static int have_program(const char *name) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

static void lua_rows(const char *script, const char *path, double vload, double vcoverage,
                     unsigned vtotal, int reps) {
    static const char *const interpreters[] = {"luajit", "lua5.4"};
    for (size_t i = 0; i < 2; i++) {
        const char *lua = interpreters[i];
        if (!have_program(lua)) {
            printf("  %s: not installed, no reference row\n", lua);
            continue;
        }
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "%s '%s' '%s' %d 2>&1", lua, script, path, reps);
        FILE *f = popen(cmd, "r");
        if (!f)
            die(cmd, strerror(errno));
        char line[512];
        double lload = -1, lcov = -1, wload = -1, wcov = -1;
        long active = -1;
        while (fgets(line, sizeof line, f)) {
            if (sscanf(line, "load_ms %lf %lf", &lload, &wload) >= 1 ||
                sscanf(line, "coverage_ms %lf %lf", &lcov, &wcov) >= 1 ||
                sscanf(line, "active %ld", &active) == 1)
                continue;
            printf("  %s: %s", lua, line);
        }
        pclose(f);
        if (lload < 0 || lcov < 0) {
            printf("  %s: lua-cjson missing or the script failed: no reference row\n", lua);
            continue;
        }
        char label[96];
        timing t = {lload / 1e3, wload / 1e3, reps};
        snprintf(label, sizeof label, "%s + lua-cjson: load", lua);
        row(label, t, 0, "libveilig load", lload / 1e3 / vload, "(reference)");
        t.median = lcov / 1e3;
        t.wall = wcov / 1e3;
        snprintf(label, sizeof label, "%s + lua-cjson: coverage count", lua);
        row(label, t, (size_t)active, "veilig_coverage", lcov / 1e3 / vcoverage,
            active == (long)vtotal ? "(reference; same count as C)"
                                   : "(reference; COUNT DIFFERS from C)");
    }
}

/* ---- the first load of a process ----

   veilig-bench --cold veilig|jansson FILE loads FILE once, in a process of
   its own with the C library's default malloc settings, and prints the CPU
   time it took (user and system) and the page faults: what a command-line
   tool or a script pays, the kernel's work for fresh memory included. */

static int cold_load(const char *which, const char *path) {
    struct rusage r0, r1;
    getrusage(RUSAGE_SELF, &r0);
    if (strcmp(which, "jansson") == 0) {
        json_error_t err;
        json_t *t = json_load_file(path, 0, &err);
        if (!t)
            die(path, err.text);
        getrusage(RUSAGE_SELF, &r1);
        json_decref(t);
    } else {
        veilig_registry *reg = load(path);
        getrusage(RUSAGE_SELF, &r1);
        veilig_registry_free(reg);
    }
    printf("cold %.3f %.3f %ld\n",
           (double)(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) * 1e3 +
               (double)(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e3,
           (double)(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) * 1e3 +
               (double)(r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e3,
           r1.ru_minflt - r0.ru_minflt);
    return 0;
}

typedef struct cold {
    double user, sys; /* ms */
    long faults;
} cold;

static const char *self_path;

static cold run_cold(const char *which, const char *path) {
    char cmd[2048], line[256];
    snprintf(cmd, sizeof cmd, "'%s' --cold %s '%s'", self_path, which, path);
    cold c = {-1, -1, -1};
    FILE *f = popen(cmd, "r");
    if (!f)
        die(cmd, strerror(errno));
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "cold %lf %lf %ld", &c.user, &c.sys, &c.faults) != 3)
            fputs(line, stdout);
    if (pclose(f) != 0 || c.user < 0)
        die(cmd, "failed");
    return c;
}

static void cold_rows(const dataset *d) {
    cold j = run_cold("jansson", d->path), v = run_cold("veilig", d->path);
    printf("  first load in a fresh process (default malloc: the page faults of fresh memory "
           "count)\n");
    printf("  %-44s %9.2f  (user %.0f + system %.0f ms, %ld page faults)\n",
           "jansson json_load_file, cold", j.user + j.sys, j.user, j.sys, j.faults);
    printf("  %-44s %9.2f  (user %.0f + system %.0f ms, %ld page faults)  %.3fx jansson\n",
           "veilig_registry_load_file, cold", v.user + v.sys, v.user, v.sys, v.faults,
           (v.user + v.sys) / (j.user + j.sys));
}

/* ---- one data set ---- */

static int is_large(const dataset *d) {
    return d->municipalities * d->measures > 400000;
}

static effort effort_for(const dataset *d, int quick) {
    effort e = {5, 15, 0.5};
    if (d->municipalities * d->measures > 100000) {
        e.min = 3;
        e.max = 5;
        e.budget = 1.0;
    }
    if (is_large(d)) {
        e.min = 3;
        e.max = 3;
        e.budget = 0;
    }
    if (quick) {
        e.min = 1;
        e.max = 1;
        e.budget = 0;
    }
    return e;
}

static void mib_row(const char *what, size_t bytes, const char *vs, double ratio,
                    const char *target) {
    printf("  %-44s %9.1f MiB", what, (double)bytes / 1048576.0);
    if (vs)
        printf("  %-23s %7.3fx", vs, ratio);
    if (target)
        printf("  %s", target);
    printf("\n");
}

static void run_dataset(dataset *d, const char *dir, const char *lua_script, int quick) {
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s/.save-%s.json", dir, d->name);
    ctx c = {d, tmp, NULL, NULL, NULL, NULL, NULL, 0, 0};
    effort e = effort_for(d, quick);
    char buf[128];
    int m_size = d->measures == 500 && d->municipalities == 342;
    int s_size = d->measures == 50 && d->municipalities == 342;
    /* jansson on L takes long (8 s a load, 9 s a dump to a file): the floor
       is taken from one run there, which the runs column shows */
    effort floor = e;
    if (is_large(d) && !quick)
        floor.min = floor.max = 1;

    printf("\n%s: %u municipalities x %u measures, %.1f MiB (%s)\n", d->name, d->municipalities,
           d->measures, file_mib(d->path), d->path);
    rule();
    header();
    rule();

    /* memory, with the counting allocators installed only while they count;
       jansson's tree stays (freed through the same functions) for the dumps */
    check(veilig_set_allocator(count_malloc, count_realloc, count_free), "set allocator");
    count_reset();
    c.reg = load(d->path);
    size_t v_mem = mem_cur, v_peak = mem_peak;
    veilig_registry_free(c.reg);
    c.reg = NULL;
    size_t v_left = mem_cur;
    check(veilig_set_allocator(NULL, NULL, NULL), "reset allocator");
    json_set_alloc_funcs(count_malloc, count_free);
    count_reset();
    json_error_t jerr;
    c.tree = json_load_file(d->path, 0, &jerr);
    if (!c.tree)
        die(d->path, jerr.text);
    size_t j_mem = mem_cur, j_peak = mem_peak;

    /* dump and save, against jansson's tree of the same file */
    timing jd = measure(op_jansson_dumps, &c, &floor);
    size_t jlen = c.rows;
    timing jf = measure(op_jansson_dump_file, &c, &floor);
    timing jfs = {0, 0, 0};
    if (s_size)
        jfs = measure(op_jansson_dump_file_sync, &c, &e);
    json_decref(c.tree);
    c.tree = NULL;
    if (mem_cur)
        printf("  (jansson did not return %zu bytes)\n", mem_cur);
    json_set_alloc_funcs(malloc, free);
    if (v_left)
        printf("  (libveilig did not return %zu bytes)\n", v_left);

    /* load */
    timing jl = measure(op_jansson_load, &c, &floor);
    row("jansson json_load_file", jl, 0, NULL, 0, NULL);
    timing vl = measure(op_load, &c, &e);
    row("veilig_registry_load_file", vl, c.rows, "jansson json_load_file", vl.median / jl.median,
        verdict(buf, sizeof buf, "<= 1.5x", vl.median <= 1.5 * jl.median));
    if (s_size) {
        /* the same from the text in memory: the parsers without the file reading */
        c.text = read_file(d->path, &c.text_len);
        timing jb = measure(op_jansson_loadb, &c, &e);
        row("jansson json_loadb (text in memory)", jb, 0, NULL, 0, NULL);
        timing vb = measure(op_load_string, &c, &e);
        row("veilig_registry_load_string (text in memory)", vb, 0, "jansson json_loadb",
            vb.median / jb.median, NULL);
        free(c.text);
        c.text = NULL;
    }

    c.reg = load(d->path);
    row("jansson json_dumps (indent 2)", jd, jlen, NULL, 0, NULL);
    timing vd = measure(op_dump, &c, &e);
    row("veilig_registry_dump", vd, c.rows, "jansson json_dumps", vd.median / jd.median,
        verdict(buf, sizeof buf, "<= 1.5x", vd.median <= 1.5 * jd.median));
    row("jansson json_dump_file (indent 2)", jf, 0, NULL, 0, NULL);
    if (jfs.runs)
        row("jansson json_dump_file + fsync", jfs, 0, NULL, 0, NULL);
    timing vs = measure(op_save, &c, &e);
    row("veilig_registry_save_file (atomic: fsync)", vs, 0, "jansson json_dump_file",
        vs.median / jf.median, NULL);
    if (jfs.runs)
        printf("  %-44s %9s %9s %4s %10s  %-23s %7.3fx\n", "", "", "", "", "",
               "dump_file+fsync (wall)", vs.wall / jfs.wall);
    unlink(tmp);

    /* analyses */
    timing vv = measure(op_validate, &c, &e);
    row("veilig_validate (diagnostics)", vv, c.rows, "load", vv.median / vl.median, NULL);
    for (size_t q = 0; q < NQUERIES; q++) {
        c.query = make_query(&queries[q]);
        timing tq = measure(op_query, &c, &e);
        row(queries[q].label, tq, c.rows, "load", tq.median / vl.median,
            m_size ? verdict(buf, sizeof buf, "< 5% of load", tq.median < 0.05 * vl.median) : NULL);
        veilig_query_free(c.query);
        c.query = NULL;
    }
    timing tc = measure(op_coverage, &c, &e);
    unsigned cov_total = (unsigned)c.rows;
    row("veilig_coverage (total)", tc, c.rows, "load", tc.median / vl.median,
        m_size ? verdict(buf, sizeof buf, "< 5% of load", tc.median < 0.05 * vl.median) : NULL);
    timing tp = measure(op_profile, &c, &e);
    row("veilig_profile, every municipality (gaps)", tp, c.rows, "load", tp.median / vl.median,
        NULL);
    timing tpe = measure(op_peers, &c, &e);
    row("veilig_peers, all, k=5 (rows)", tpe, c.rows, "load", tpe.median / vl.median,
        d->municipalities == 10000 ? verdict(buf, sizeof buf, "< 2 s", tpe.median < 2.0) : NULL);
    c.reg2 = load(d->path2);
    timing td = measure(op_diff, &c, &e);
    row("veilig_diff v1 -> v2 (rows)", td, c.rows, "load", td.median / vl.median, NULL);
    veilig_registry_free(c.reg2);
    c.reg2 = NULL;
    timing tf = measure(op_find, &c, &e);
    size_t lookups = veilig_registry_count(c.reg) * (1 + d->measures);
    snprintf(buf, sizeof buf, "(%.0f ns a lookup)", tf.median * 1e9 / (double)lookups);
    row("find every code and measure id (found)", tf, c.rows, NULL, 0, buf);

    /* memory */
    printf("  memory (every block counted as malloc_usable_size + 8)\n");
    mib_row("jansson tree of the file", j_mem, "file size",
            (double)j_mem / 1048576.0 / file_mib(d->path), NULL);
    mib_row("  peak during json_load_file", j_peak, "jansson tree", (double)j_peak / (double)j_mem,
            NULL);
    mib_row("registry after load", v_mem, "jansson tree", (double)v_mem / (double)j_mem,
            verdict(buf, sizeof buf, "<= 0.5x", (double)v_mem <= 0.5 * (double)j_mem));
    mib_row("peak during veilig_registry_load_file", v_peak, "jansson tree",
            (double)v_peak / (double)j_mem,
            verdict(buf, sizeof buf, "<= 1.2x", (double)v_peak <= 1.2 * (double)j_mem));

    if (!is_large(d) && !quick)
        cold_rows(d);
    if (lua_script && m_size) {
        printf("  Lua reference rows (lua-cjson; CPU time by os.clock)\n");
        lua_rows(lua_script, d->path, vl.median, tc.median, cov_total, quick ? 1 : 3);
    }
    rule();
    veilig_registry_free(c.reg);
}

/* ---- complexity: 4x the measures should take about 4x the time ---- */

typedef struct complexity_op {
    const char *label;
    op_fn fn;
    int query; /* index + 1 into queries, or 0 */
    int needs_reg2;
} complexity_op;

/* The complexity runs flush the caches before every run (by writing over a
   buffer larger than the last-level cache), so that the small registry does
   not have the advantage of fitting in the cache where the big one does not:
   both then run from memory, and the ratio shows the work, not the cache. */
#define FLUSH_BYTES ((size_t)128 << 20)
static unsigned char *flush_buffer;
static op_fn flushed_op;

static span op_flushed(void *p) {
    for (size_t i = 0; i < FLUSH_BYTES; i += 64)
        flush_buffer[i]++;
    return flushed_op(p);
}

static void run_complexity(dataset *small, dataset *big, int quick) {
    static const complexity_op ops[] = {
        {"load", op_load, 0, 0},
        {"validate", op_validate, 0, 0},
        {"coverage", op_coverage, 0, 0},
        {"profile (every municipality)", op_profile, 0, 0},
        {"query category=bystander", op_query, 1, 0},
        {"query target_group=lgbtiq+setting=nightlife", op_query, 2, 0},
        {"query text=toezicht", op_query, 3, 0},
        {"diff v1 -> v2", op_diff, 0, 1},
        {"dump", op_dump, 0, 0},
        {"peers (all, k=5)", op_peers, 0, 0},
    };
    printf("\nComplexity (issue 9.5): %u x %u against %u x %u measures (4x the measures; caches "
           "flushed before every run)\n",
           small->municipalities, small->measures, big->municipalities, big->measures);
    rule();
    printf("  %-44s %12s %12s %8s  %s\n", "operation", "x100 cpu ms", "x400 cpu ms", "ratio",
           "verdict (linear ~4, quadratic ~16)");
    rule();
    effort e = {3, 15, 0.5};
    if (quick) {
        e.min = 1;
        e.max = 1;
        e.budget = 0;
    }
    flush_buffer = calloc(FLUSH_BYTES, 1);
    if (!flush_buffer)
        die("flush buffer", "out of memory");
    ctx cs = {small, NULL, load(small->path), load(small->path2), NULL, NULL, NULL, 0, 0};
    ctx cb = {big, NULL, load(big->path), load(big->path2), NULL, NULL, NULL, 0, 0};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        const complexity_op *o = &ops[i];
        if (o->query) {
            cs.query = make_query(&queries[o->query - 1]);
            cb.query = make_query(&queries[o->query - 1]);
        }
        flushed_op = o->fn;
        timing a = measure(op_flushed, &cs, &e), b = measure(op_flushed, &cb, &e);
        double ratio = b.median / a.median;
        const char *v = ratio < 6.5 ? "linear" : ratio < 11 ? "superlinear?" : "QUADRATIC";
        printf("  %-44s %12.3f %12.3f %7.2fx  %s\n", o->label, a.median * 1e3, b.median * 1e3,
               ratio, v);
        veilig_query_free(cs.query);
        veilig_query_free(cb.query);
        cs.query = cb.query = NULL;
    }
    rule();
    veilig_registry_free(cs.reg);
    veilig_registry_free(cs.reg2);
    veilig_registry_free(cb.reg);
    veilig_registry_free(cb.reg2);
    free(flush_buffer);
    flush_buffer = NULL;
}

static void usage(void) {
    fprintf(stderr, "usage: veilig-bench --data DIR --gen VEILIG-GEN [--lua SCRIPT] "
                    "[--sizes S,M,L] [--no-complexity] [--quick]\n");
    exit(2);
}

int main(int argc, char **argv) {
    const char *dir = NULL, *gen = NULL, *lua = NULL, *sizes = "S,M,L";
    int complexity = 1, quick = 0;
    self_path = argv[0];
    if (argc == 4 && strcmp(argv[1], "--cold") == 0)
        return cold_load(argv[2], argv[3]);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--gen") == 0 && i + 1 < argc)
            gen = argv[++i];
        else if (strcmp(argv[i], "--lua") == 0 && i + 1 < argc)
            lua = argv[++i];
        else if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc)
            sizes = argv[++i];
        else if (strcmp(argv[i], "--no-complexity") == 0)
            complexity = 0;
        else if (strcmp(argv[i], "--quick") == 0)
            quick = 1;
        else
            usage();
    }
    if (!dir || !gen)
        usage();
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        die(dir, strerror(errno));

    /* Freed memory stays in the process: no mmap'ed blocks, no trimming.
       Otherwise every run of an operation that allocates a lot pays the
       kernel's page faults for fresh memory again, which on a virtual
       machine costs more than the parsing itself and varies from run to run
       (the first load of a process pays them once; see RESULTS.md). */
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, -1);

    printf("libveilig %s, jansson %s; median of repeated runs in one process, CPU time of the "
           "thread (wall clock beside it)\n",
           veilig_version(), JANSSON_VERSION);
    double t0 = now();
    for (size_t i = 0; i < NDATASETS; i++) {
        dataset *d = &datasets[i];
        int wanted = d->name[0] == 'C' ? complexity : strstr(sizes, d->name) != NULL;
        if (wanted)
            prepare(d, dir, gen);
    }
    for (size_t i = 0; i < 3; i++)
        if (strstr(sizes, datasets[i].name))
            run_dataset(&datasets[i], dir, lua, quick);
    if (complexity)
        run_complexity(&datasets[3], &datasets[4], quick);
    printf("\ntargets met: %d, missed: %d; %.0f s in all\n", targets_met, targets_missed,
           now() - t0);
    return 0;
}
