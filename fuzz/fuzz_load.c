/*
 * Fuzz target: veilig_registry_load_string on any bytes.
 *
 * A failure must leave *out NULL and fill the error record with the code
 * returned and a message (a parse error also with a line and a column). A
 * document that loads is validated (each diagnostic located in the text),
 * dumped in every form and run through the analyses and every rendering (in
 * a format and a language picked from the input's size), all of which must
 * succeed. Any crash, sanitizer report, leak or abort() is a finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"
#include "fuzz.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_load: check failed at line %d: %s\n", __LINE__, #cond);          \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* An analysis's JSON rendering: must succeed and be text. */
#define JSON_OK(call)                                                                              \
    do {                                                                                           \
        char *j_ = NULL;                                                                           \
        size_t n_ = 0;                                                                             \
        CHECK((call) == VEILIG_OK);                                                                \
        CHECK(j_ != NULL && strlen(j_) == n_);                                                     \
        veilig_free(j_);                                                                           \
    } while (0)

/* A rendering: must succeed and be text of the length it says. */
#define RENDER_OK(call)                                                                            \
    do {                                                                                           \
        char *r_ = NULL;                                                                           \
        size_t n_ = 0;                                                                             \
        int rc_ = (call);                                                                          \
        if (rc_ != VEILIG_OK)                                                                      \
            fprintf(stderr, "fuzz_load: %s: %s\n", #call, veilig_strerror(rc_));                   \
        CHECK(rc_ == VEILIG_OK);                                                                   \
        CHECK(r_ != NULL && strlen(r_) == n_);                                                     \
        veilig_free(r_);                                                                           \
    } while (0)

/* The options of the renderings, set for each input. */
static veilig_report_options ro;

static void dump_all(const veilig_registry *reg) {
    static const unsigned flags[] = {0, VEILIG_SAVE_COMPACT, VEILIG_SAVE_ASCII,
                                     VEILIG_SAVE_OMIT_PERSONAL};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
        so.flags = flags[i];
        char *text = NULL;
        size_t len = 0;
        veilig_error err;
        int rc = veilig_registry_dump(&text, &len, reg, &so, &err);
        if (rc != VEILIG_OK)
            fprintf(stderr, "fuzz_load: dump (flags %u): %s\n", flags[i], err.message);
        CHECK(rc == VEILIG_OK);
        CHECK(text != NULL && strlen(text) == len);
        veilig_free(text);
    }
}

static void validate(const veilig_registry *reg, const char *text, size_t len) {
    veilig_diagnostics *d = NULL;
    CHECK(veilig_validate(&d, reg) == VEILIG_OK);
    CHECK(d != NULL);
    size_t n = veilig_diagnostics_count(d);
    for (size_t i = 0; i < n; i++) {
        const veilig_diagnostic *g = veilig_diagnostics_get(d, i);
        CHECK(g && g->rule && g->pointer && g->message);
        veilig_error where;
        int rc = veilig_json_locate(&where, text, len, g->pointer);
        CHECK(rc == VEILIG_OK || rc == VEILIG_ENOTFOUND);
    }
    CHECK(veilig_diagnostics_get(d, n) == NULL);
    JSON_OK(veilig_diagnostics_to_json(&j_, &n_, d));
    RENDER_OK(veilig_render_diagnostics(&r_, &n_, d, &ro));
    veilig_diagnostics_free(d);
}

static void analyse(const veilig_registry *reg) {
    veilig_query *q = NULL;
    CHECK(veilig_query_new(&q) == VEILIG_OK);
    CHECK(veilig_query_add(q, VEILIG_FILTER_APPROACH, "prevention") == VEILIG_OK);
    CHECK(veilig_query_add(q, VEILIG_FILTER_TEXT, "straat") == VEILIG_OK);
    veilig_query_result *qr = NULL;
    CHECK(veilig_query_run(&qr, q, reg) == VEILIG_OK);
    JSON_OK(veilig_query_result_to_json(&j_, &n_, qr));
    RENDER_OK(veilig_render_query(&r_, &n_, qr, &ro));
    veilig_query_result_free(qr);
    veilig_query_free(q);

    veilig_coverage_result *c = NULL;
    CHECK(veilig_coverage(&c, reg, NULL) == VEILIG_OK);
    JSON_OK(veilig_coverage_to_json(&j_, &n_, c));
    RENDER_OK(veilig_render_coverage(&r_, &n_, c, &ro));
    veilig_coverage_free(c);

    veilig_peers_result *pr = NULL;
    CHECK(veilig_peers(&pr, reg, NULL, NULL) == VEILIG_OK);
    JSON_OK(veilig_peers_to_json(&j_, &n_, pr));
    RENDER_OK(veilig_render_peers(&r_, &n_, pr, &ro));
    veilig_peers_free(pr);

    veilig_diff_result *df = NULL;
    CHECK(veilig_diff(&df, reg, reg, NULL) == VEILIG_OK);
    CHECK(veilig_diff_count(df) == 0);
    RENDER_OK(veilig_render_diff(&r_, &n_, df, &ro));
    veilig_diff_free(df);

    RENDER_OK(veilig_render_list(&r_, &n_, reg, &ro));
    RENDER_OK(veilig_export(&r_, &n_, reg, VEILIG_TABLE_MEASURES, &ro));
    RENDER_OK(veilig_export(&r_, &n_, reg, VEILIG_TABLE_STAKEHOLDERS, &ro));
    RENDER_OK(veilig_export(&r_, &n_, reg, VEILIG_TABLE_INDICATORS, &ro));
    RENDER_OK(veilig_report_html(&r_, &n_, reg, NULL, &ro));

    size_t n = veilig_registry_count(reg);
    for (size_t i = 0; i < n && i < 8; i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        CHECK(m != NULL);
        veilig_profile_result *p = NULL;
        CHECK(veilig_profile(&p, m) == VEILIG_OK);
        JSON_OK(veilig_profile_to_json(&j_, &n_, p));
        RENDER_OK(veilig_render_profile(&r_, &n_, p, &ro));
        veilig_profile_free(p);

        veilig_schedule_result *s = NULL;
        CHECK(veilig_schedule(&s, m, NULL) == VEILIG_OK);
        JSON_OK(veilig_schedule_to_json(&j_, &n_, s));
        RENDER_OK(veilig_render_schedule(&r_, &n_, s, &ro));
        veilig_schedule_free(s);

        veilig_progress_result *g = NULL;
        CHECK(veilig_progress(&g, m, NULL) == VEILIG_OK);
        JSON_OK(veilig_progress_to_json(&j_, &n_, g));
        RENDER_OK(veilig_render_progress(&r_, &n_, g, &ro));
        veilig_progress_free(g);

        veilig_comparison *cmp = NULL;
        CHECK(veilig_compare(&cmp, m, veilig_registry_get(reg, 0)) == VEILIG_OK);
        JSON_OK(veilig_comparison_to_json(&j_, &n_, cmp));
        RENDER_OK(veilig_render_comparison(&r_, &n_, cmp, &ro));
        veilig_comparison_free(cmp);

        JSON_OK(veilig_municipality_to_json(&j_, &n_, m, NULL, NULL));
        RENDER_OK(veilig_render_municipality(&r_, &n_, m, &ro));
        if (i == 0) /* the HTML report is slow: one municipality's */
            RENDER_OK(veilig_report_html(&r_, &n_, reg, m, &ro));
        const char *code = veilig_municipality_code(m);
        CHECK(code != NULL);
        CHECK(veilig_registry_find(reg, code) != NULL);
    }
}

/* A document refused for its schema, loaded again collecting every schema
   error (load options version 3): it fails as well, the first record is the
   error of the plain load, and every record is whole. */
static void every_error(const char *text, size_t size, const veilig_error *first) {
    veilig_load_options o = VEILIG_LOAD_OPTIONS_INIT;
    veilig_error err, errs[16];
    size_t n = 99;
    veilig_registry *reg = NULL;
    o.errors = errs;
    o.max_errors = 1 + size % 16;
    o.error_count = &n;
    int rc = veilig_registry_load_string(&reg, text, size, &o, &err);
    CHECK(reg == NULL);
    CHECK(rc == VEILIG_ESCHEMA || rc == VEILIG_ELIMIT);
    CHECK(n <= o.max_errors);
    if (rc == VEILIG_ESCHEMA) {
        CHECK(n >= 1);
        const veilig_error *e[] = {&errs[0], &err};
        for (int k = 0; k < 2; k++) {
            CHECK(e[k]->code == first->code && e[k]->line == first->line);
            CHECK(e[k]->column == first->column && e[k]->position == first->position);
            CHECK(strcmp(e[k]->source, first->source) == 0);
            CHECK(strcmp(e[k]->pointer, first->pointer) == 0);
            CHECK(strcmp(e[k]->message, first->message) == 0);
        }
    }
    for (size_t i = 0; i < n; i++) {
        CHECK(errs[i].code == VEILIG_ESCHEMA);
        CHECK(errs[i].message[0] != '\0');
        CHECK(memchr(errs[i].pointer, '\0', sizeof errs[i].pointer) != NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *text = (const char *)data;
    veilig_registry *reg = NULL;
    veilig_error err;
    memset(&err, 0x55, sizeof err);
    int rc = veilig_registry_load_string(&reg, text, size, NULL, &err);
    if (rc != VEILIG_OK) {
        CHECK(reg == NULL);
        CHECK(rc < 0);
        CHECK(err.code == rc);
        CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
        CHECK(memchr(err.pointer, '\0', sizeof err.pointer) != NULL);
        CHECK(err.message[0] != '\0');
        CHECK(rc == VEILIG_EPARSE || rc == VEILIG_ESCHEMA || rc == VEILIG_EVERSION ||
              rc == VEILIG_ELIMIT);
        if (rc == VEILIG_EPARSE)
            CHECK(err.line > 0 && err.column > 0 && err.position <= size);
        if (rc == VEILIG_ESCHEMA)
            every_error(text, size, &err);
        return 0;
    }
    CHECK(reg != NULL);
    /* a format and a language for the renderings, from the size */
    static const veilig_format formats[] = {VEILIG_FORMAT_TEXT, VEILIG_FORMAT_JSON,
                                            VEILIG_FORMAT_CSV, VEILIG_FORMAT_MARKDOWN};
    CHECK(veilig_report_options_init(&ro, VEILIG_REPORT_OPTIONS_VERSION) == VEILIG_OK);
    ro.format = formats[size % 4];
    ro.lang = size / 4 % 2 ? "en" : "nl";
    ro.flags = size / 8 % 2 ? VEILIG_REPORT_INCLUDE_PERSONAL : 0;
    validate(reg, text, size);
    dump_all(reg);
    analyse(reg);
    veilig_registry_free(reg);
    return 0;
}
