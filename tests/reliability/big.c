/*
 * A document of about 100 MB (issue 8.5): generated here, deterministically,
 * into a file under the build folder; it must load, with the right counts.
 * Then copies of it cut at 10 points and copies with bytes changed at 10
 * points must fail cleanly: VEILIG_EPARSE or VEILIG_ESCHEMA as the change
 * calls for, *out NULL, and a line and column that match the byte position
 * of the error (for a changed byte: exactly where it was changed).
 *
 * Usage: reliability_big DIR [MUNICIPALITIES]   (the file is removed after)
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "veilig.h"

#define MEASURES    22 /* per municipality */
#define INDICATORS  2
#define STAKEHOLDER 4

static int failures;

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
fail(const char *fmt, ...);

static void fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("reliability_big: FAIL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    failures++;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A small deterministic generator (a 64-bit LCG, high bits). */
static unsigned long long lcg_state = 0x2545F4914F6CDD1DULL;

static unsigned rnd(unsigned n) {
    lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((lcg_state >> 33) % n);
}

static const char *const categories[] = {
    "deescalation",   "supervision", "camera_surveillance", "campaign", "education",    "bystander",
    "victim_support", "reporting",   "enforcement",         "lgbti",    "public_space", "nightlife",
    "research"};
static const char *const groups[] = {"everyone", "women_girls", "lgbtiq",  "students",
                                     "youth",    "residents",   "visitors"};
static const char *const statuses[] = {"active", "planned", "ended"};
static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const provinces[] = {"NL-OV", "NL-GE", "NL-UT", "NL-NH", "NL-ZH", "NL-NB"};
static const char *const kinds[] = {"municipal_department", "police", "business", "school"};

static void write_measure(FILE *f, unsigned i, unsigned k) {
    fprintf(f,
            "        {\n"
            "          \"id\": \"maatregel-%u\",\n"
            "          \"name\": \"Maatregel %u van gemeente %u: straatcoaches en gastvrouwen\",\n"
            "          \"description\": \"Een beschrijving met tekens als é, ï en € en een "
            "\\\"aanhaling\\\", lang genoeg om op een echte beschrijving te lijken: de ploeg "
            "loopt in het weekend door de binnenstad en spreekt mensen aan.\",\n"
            "          \"category\": \"%s\",\n"
            "          \"target_groups\": [\"%s\", \"%s\"],\n"
            "          \"settings\": [\"nightlife\", \"public_space\"],\n"
            "          \"area\": {\"name\": \"Binnenstad\"},\n"
            "          \"schedule\": [{\"days\": [\"%s\", \"%s\"], \"from\": \"%02u:00\", "
            "\"to\": \"%02u:30\"}],\n"
            "          \"partners\": [{\"stakeholder\": \"partij-%u\", \"role\": \"executing\"}],\n"
            "          \"status\": \"%s\",\n"
            "          \"period\": {\"start\": \"20%02u-%02u\"},\n"
            "          \"budget\": {\"amount\": %u.%02u, \"currency\": \"EUR\"},\n"
            "          \"evidence\": \"well_described\",\n"
            "          \"indicators\": [\"indicator-%u\"]\n"
            "        }",
            k, k, i, categories[rnd(13)], groups[rnd(7)], groups[rnd(7)], days[rnd(7)],
            days[rnd(7)], 18 + rnd(6), rnd(6), rnd(STAKEHOLDER), statuses[rnd(3)], 15 + rnd(10),
            1 + rnd(12), 1000 + rnd(100000), rnd(100), rnd(INDICATORS));
}

static void write_municipality(FILE *f, unsigned i) {
    fprintf(f,
            "    {\n"
            "      \"code\": \"GM%04u\",\n"
            "      \"name\": \"Gemeente %u\",\n"
            "      \"province\": \"%s\",\n"
            "      \"membership\": {\"joined\": \"2021-12\", \"status\": \"active\"},\n"
            "      \"summary\": \"Brede aanpak voor iedereen die zich niet veilig voelt in de "
            "openbare ruimte en tijdens het uitgaan (gemeente %u).\",\n"
            "      \"scope\": {\"target_groups\": [\"everyone\"], \"settings\": [\"public_space\", "
            "\"nightlife\"]},\n"
            "      \"focus\": [\"prevention\"],\n"
            "      \"stakeholders\": [\n",
            i, i, provinces[i % 6], i);
    for (unsigned s = 0; s < STAKEHOLDER; s++)
        fprintf(f,
                "        {\"id\": \"partij-%u\", \"name\": \"Partij %u\", \"kind\": \"%s\", "
                "\"roles\": [\"executing\"]}%s\n",
                s, s, kinds[s], s + 1 < STAKEHOLDER ? "," : "");
    fputs("      ],\n      \"measures\": [\n", f);
    for (unsigned k = 0; k < MEASURES; k++) {
        write_measure(f, i, k);
        fputs(k + 1 < MEASURES ? ",\n" : "\n", f);
    }
    fputs("      ],\n      \"indicators\": [\n", f);
    for (unsigned k = 0; k < INDICATORS; k++)
        fprintf(f,
                "        {\"id\": \"indicator-%u\", \"name\": \"Aandeel inwoners dat zich "
                "onveilig voelt\", \"level\": \"outcome\", \"unit\": \"percent\", \"direction\": "
                "\"decrease\", \"baseline\": {\"date\": \"2021\", \"value\": %u}, \"target\": "
                "{\"date\": \"2026\", \"value\": 20}, \"observations\": [{\"date\": \"2023\", "
                "\"value\": %u.5}]}%s\n",
                k, 25 + rnd(10), 20 + rnd(10), k + 1 < INDICATORS ? "," : "");
    fputs("      ]\n    }", f);
}

static int generate(const char *path, unsigned n) {
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return -1;
    }
    fputs("{\n  \"format\": \"veilig\",\n  \"version\": 1,\n  \"programme\": {\"name\": "
          "\"Veilige Steden\", \"operator\": \"Movisie\"},\n  \"municipalities\": [\n",
          f);
    for (unsigned i = 0; i < n; i++) {
        write_municipality(f, i);
        fputs(i + 1 < n ? ",\n" : "\n", f);
    }
    fputs("  ]\n}\n", f);
    if (fclose(f) != 0) {
        perror(path);
        return -1;
    }
    return 0;
}

/* Line and column (1-based, in UTF-8 characters) of byte offset pos of text. */
static void line_column(const char *text, size_t pos, int *line, int *column) {
    int l = 1, c = 1;
    for (size_t i = 0; i < pos; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

/* Loads len bytes of text that must fail with code (at byte at, unless at is -1). */
static void expect_failure(const char *what, const char *text, size_t len, int code, long at) {
    veilig_registry *reg = (veilig_registry *)&failures; /* must become NULL */
    veilig_error err;
    memset(&err, 0x55, sizeof err);
    double t0 = now();
    int rc = veilig_registry_load_string(&reg, text, len, NULL, &err);
    double dt = now() - t0;
    if (reg != NULL) {
        fail("%s: *out is not NULL (%s)", what, veilig_strerror(rc));
        if (rc == VEILIG_OK)
            veilig_registry_free(reg);
        return;
    }
    if (rc != code) {
        fail("%s: %s, expected %s (%d:%d %s)", what, veilig_strerror(rc), veilig_strerror(code),
             err.line, err.column, err.message);
        return;
    }
    if (err.code != rc || err.line <= 0 || err.column <= 0 || err.position > len ||
        !memchr(err.message, '\0', sizeof err.message) || err.message[0] == '\0') {
        fail("%s: an incomplete error record (code %d, %d:%d, position %zu)", what, err.code,
             err.line, err.column, err.position);
        return;
    }
    int line, column;
    line_column(text, err.position, &line, &column);
    if (line != err.line || column != err.column)
        fail("%s: the error is at %d:%d, but its position %zu is %d:%d", what, err.line, err.column,
             err.position, line, column);
    if (at >= 0 && err.position != (size_t)at)
        fail("%s: the error is at byte %zu, the change at %ld (%s)", what, err.position, at,
             err.message);
    if (code == VEILIG_ESCHEMA && strncmp(err.pointer, "/municipalities/", 16) != 0)
        fail("%s: no pointer to the value (\"%s\")", what, err.pointer);
    printf("  %-36s %-12s at %d:%d (%.2fs): %s%s%s\n", what, veilig_strerror(rc), err.line,
           err.column, dt, err.pointer[0] ? err.pointer : "", err.pointer[0] ? ": " : "",
           err.message);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: reliability_big DIR [MUNICIPALITIES]\n");
        return 2;
    }
    unsigned n = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 4700;
    if (n == 0 || n > 10000) {
        fprintf(stderr, "reliability_big: 1 to 10000 municipalities\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/reliability-big.json", argv[1]);

    double t0 = now();
    if (generate(path, n) != 0)
        return 1;
    double t1 = now();

    /* the whole document, from the file */
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_file(&reg, path, NULL, &err);
    double t2 = now();
    if (rc != VEILIG_OK) {
        fprintf(stderr, "reliability_big: FAIL: %s does not load: %s:%d:%d %s %s\n", path,
                err.source, err.line, err.column, err.pointer, err.message);
        unlink(path);
        return 1;
    }
    size_t measures = 0, indicators = 0;
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        measures += veilig_municipality_measure_count(m);
        indicators += veilig_municipality_indicator_count(m);
    }
    if (veilig_registry_count(reg) != n || measures != (size_t)n * MEASURES ||
        indicators != (size_t)n * INDICATORS)
        fail("counts: %zu municipalities, %zu measures, %zu indicators; expected %u, %u, %u",
             veilig_registry_count(reg), measures, indicators, n, n * MEASURES, n * INDICATORS);
    char code[16], name[32];
    snprintf(code, sizeof code, "GM%04u", n - 1);
    snprintf(name, sizeof name, "Gemeente %u", n - 1);
    const veilig_municipality *last = veilig_registry_find(reg, code);
    if (!last || strcmp(veilig_municipality_name(last), name) != 0)
        fail("%s is not found or not \"%s\"", code, name);
    else if (strcmp(veilig_measure_id(veilig_municipality_measure(last, MEASURES - 1)),
                    "maatregel-21") != 0)
        fail("the last measure of %s is not maatregel-21", code);
    veilig_registry_free(reg);

    char *text = NULL;
    size_t len = 0;
    {
        FILE *f = fopen(path, "rb");
        if (!f || fseek(f, 0, SEEK_END) != 0) {
            perror(path);
            return 1;
        }
        len = (size_t)ftell(f);
        rewind(f);
        text = malloc(len + 1);
        if (!text || fread(text, 1, len, f) != len) {
            perror(path);
            return 1;
        }
        text[len] = '\0';
        fclose(f);
    }
    unlink(path);
    printf("reliability_big: %.1f MB, %u municipalities, %zu measures: generated in %.2fs, "
           "loaded in %.2fs (%.0f MB/s)\n",
           (double)len / 1e6, n, measures, t1 - t0, t2 - t1, (double)len / 1e6 / (t2 - t1));

    /* cut at 10 points: never JSON */
    printf("truncated copies:\n");
    for (unsigned k = 0; k < 10; k++) {
        size_t cut = (size_t)((double)len * (k + 1) / 11.0) + rnd(4096);
        char what[64];
        snprintf(what, sizeof what, "cut at byte %zu", cut);
        expect_failure(what, text, cut, VEILIG_EPARSE, -1);
    }
    /* and at the very end: without its last "}\n" */
    expect_failure("cut before the final brace", text, len - 2, VEILIG_EPARSE, -1);

    /* bytes changed at 10 points: an invalid UTF-8 byte, a ',' for a key's ':', a number for
       a status string */
    printf("garbled copies:\n");
    for (unsigned k = 0; k < 10; k++) {
        size_t p = (size_t)((double)len * (k + 0.5) / 10.0) + rnd(4096);
        char what[64];
        if (k % 3 == 0) {
            while ((unsigned char)text[p] >= 0x80)
                p++;
            char saved = text[p];
            text[p] = (char)0xFF;
            snprintf(what, sizeof what, "byte %zu: 0xFF", p);
            expect_failure(what, text, len, VEILIG_EPARSE, (long)p);
            text[p] = saved;
        } else if (k % 3 == 1) {
            char *colon = strstr(text + p, "\": ");
            if (!colon) {
                fail("no key after byte %zu", p);
                continue;
            }
            size_t at = (size_t)(colon - text) + 1;
            text[at] = ',';
            snprintf(what, sizeof what, "byte %zu: ',' for ':'", at);
            expect_failure(what, text, len, VEILIG_EPARSE, (long)at);
            text[at] = ':';
        } else {
            char *key = strstr(text + p, "\"status\": \"");
            if (!key) {
                fail("no status after byte %zu", p);
                continue;
            }
            char *open = key + 10, *close = strchr(open + 1, '"');
            size_t n_bytes = (size_t)(close - open) + 1;
            char saved[16];
            memcpy(saved, open, n_bytes);
            memset(open, '0', n_bytes);
            open[0] = '1';
            snprintf(what, sizeof what, "byte %zu: a number for a status", (size_t)(open - text));
            expect_failure(what, text, len, VEILIG_ESCHEMA, (long)(open - text));
            memcpy(open, saved, n_bytes);
        }
    }
    /* after all that, the text is whole again */
    reg = NULL;
    if (veilig_registry_load_string(&reg, text, len, NULL, &err) != VEILIG_OK)
        fail("the restored text does not load: %s", err.message);
    veilig_registry_free(reg);
    free(text);
    printf("reliability_big: %s in %.1fs\n", failures ? "FAILED" : "passed", now() - t0);
    return failures ? 1 : 0;
}
