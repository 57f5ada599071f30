/*
 * The documented limits of loading (docs/format.md, "Limits"; issue 8.5):
 * nesting depth, string length and number of municipalities, at their
 * defaults and set through veilig_load_options. A document at a limit
 * loads; one past it fails with VEILIG_ELIMIT, *out NULL, a message that
 * names the limit, and the line, column and byte position where the
 * offending value starts.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"

static int failures;

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
fail(const char *fmt, ...);

static void fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("reliability_limits: FAIL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    failures++;
}

/* A growing text. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n) {
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 1024;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *p = realloc(t->s, cap);
        if (!p) {
            perror("realloc");
            exit(1);
        }
        t->s = p;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void puts_(text *t, const char *s) {
    put(t, s, strlen(s));
}

static void repeat(text *t, const char *s, size_t times) {
    for (size_t i = 0; i < times; i++)
        puts_(t, s);
}

#define HEAD "{\"format\": \"veilig\", \"version\": 1, "

/* A document whose "x" holds arrays nested depth levels deep (the document is level 1). */
static text nested_arrays(size_t depth) {
    text t = {NULL, 0, 0};
    puts_(&t, HEAD "\"x\": ");
    repeat(&t, "[", depth - 1);
    repeat(&t, "]", depth - 1);
    puts_(&t, "}");
    return t;
}

/* The same with objects: {"x": {"a": {"a": ... {}}}}. */
static text nested_objects(size_t depth) {
    text t = {NULL, 0, 0};
    puts_(&t, HEAD "\"x\": ");
    repeat(&t, "{\"a\": ", depth - 2);
    puts_(&t, "{}");
    repeat(&t, "}", depth - 2);
    puts_(&t, "}");
    return t;
}

/* A document with a string of n bytes (after decoding; each unit is unit_bytes long). */
static text long_string(size_t units, const char *unit) {
    text t = {NULL, 0, 0};
    puts_(&t, HEAD "\"programme\": {\"name\": \"");
    repeat(&t, unit, units);
    puts_(&t, "\"}}");
    return t;
}

static text municipalities(size_t n, int bare) {
    text t = {NULL, 0, 0};
    puts_(&t, HEAD "\"municipalities\": [");
    for (size_t i = 0; i < n; i++) {
        char m[64];
        if (bare)
            snprintf(m, sizeof m, "%s{}", i ? "," : "");
        else
            snprintf(m, sizeof m, "%s{\"code\": \"GM%04zu\", \"name\": \"G\"}", i ? ", " : "",
                     i % 10000);
        puts_(&t, m);
    }
    puts_(&t, "]}");
    return t;
}

static veilig_load_options options(size_t depth, size_t string, size_t munis) {
    veilig_load_options o = VEILIG_LOAD_OPTIONS_INIT;
    o.max_depth = depth;
    o.max_string = string;
    o.max_municipalities = munis;
    return o;
}

static void expect_ok(const char *what, const text *t, const veilig_load_options *o) {
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_string(&reg, t->s, t->len, o, &err);
    if (rc != VEILIG_OK)
        fail("%s: %s (%d:%d %s), expected it to load", what, veilig_strerror(rc), err.line,
             err.column, err.message);
    else
        printf("  %-58s loads\n", what);
    veilig_registry_free(reg);
}

/* Must fail with VEILIG_ELIMIT at byte at (line 1 unless the text has newlines), with a
   message that contains words. */
static void expect_limit(const char *what, const text *t, const veilig_load_options *o, size_t at,
                         const char *words, const char *pointer) {
    veilig_registry *reg = (veilig_registry *)&failures;
    veilig_error err;
    memset(&err, 0x55, sizeof err);
    int rc = veilig_registry_load_string(&reg, t->s, t->len, o, &err);
    if (reg != NULL) {
        fail("%s: *out is not NULL", what);
        if (rc == VEILIG_OK)
            veilig_registry_free(reg);
        return;
    }
    if (rc != VEILIG_ELIMIT || err.code != rc) {
        fail("%s: %s (%d:%d %s), expected %s", what, veilig_strerror(rc), err.line, err.column,
             err.message, veilig_strerror(VEILIG_ELIMIT));
        return;
    }
    if (!memchr(err.message, '\0', sizeof err.message) || !strstr(err.message, words))
        fail("%s: the message \"%.255s\" does not say \"%s\"", what, err.message, words);
    if (err.position != at || err.line != 1 || err.column != (int)at + 1)
        fail("%s: the error is at %d:%d (byte %zu), expected 1:%zu (byte %zu)", what, err.line,
             err.column, err.position, at + 1, at);
    if (pointer && strcmp(err.pointer, pointer) != 0)
        fail("%s: pointer \"%s\", expected \"%s\"", what, err.pointer, pointer);
    printf("  %-58s %s at %d:%d: %s\n", what, veilig_strerror(rc), err.line, err.column,
           err.message);
}

static void expect_code(const char *what, int rc, int code) {
    if (rc != code)
        fail("%s: %s, expected %s", what, veilig_strerror(rc), veilig_strerror(code));
    else
        printf("  %-58s %s\n", what, veilig_strerror(rc));
}

static void done(text *t) {
    free(t->s);
    t->s = NULL;
}

int main(void) {
    const size_t head = strlen(HEAD "\"x\": ");
    veilig_load_options o;
    text t;

    printf("nesting:\n");
    t = nested_arrays(VEILIG_DEFAULT_MAX_DEPTH);
    expect_ok("arrays 64 levels deep (the default)", &t, NULL);
    done(&t);
    t = nested_arrays(VEILIG_DEFAULT_MAX_DEPTH + 1);
    expect_limit("arrays 65 levels deep", &t, NULL, head + 63, "nesting deeper than 64 levels",
                 NULL);
    done(&t);
    t = nested_objects(VEILIG_DEFAULT_MAX_DEPTH + 1);
    expect_limit("objects 65 levels deep", &t, NULL, head + 6 * 63, "nesting deeper than 64 levels",
                 NULL);
    done(&t);
    o = options(10, 0, 0);
    t = nested_arrays(10);
    expect_ok("arrays 10 levels deep, max_depth 10", &t, &o);
    done(&t);
    t = nested_arrays(11);
    expect_limit("arrays 11 levels deep, max_depth 10", &t, &o, head + 9,
                 "nesting deeper than 10 levels", NULL);
    done(&t);
    o = options(256, 0, 0);
    t = nested_arrays(256);
    expect_ok("arrays 256 levels deep, max_depth 256 (the most)", &t, &o);
    done(&t);
    t = nested_arrays(100000);
    expect_limit("arrays 100000 levels deep, max_depth 256", &t, &o, head + 255,
                 "nesting deeper than 256 levels", NULL);
    done(&t);
    {
        o = options(257, 0, 0);
        veilig_registry *reg = NULL;
        veilig_error err;
        t = nested_arrays(2);
        expect_code("max_depth 257", veilig_registry_load_string(&reg, t.s, t.len, &o, &err),
                    VEILIG_EINVAL);
        if (reg)
            fail("max_depth 257: *out is not NULL");
        done(&t);
    }

    printf("strings:\n");
    const size_t shead = strlen(HEAD "\"programme\": {\"name\": ");
    o = options(0, 100, 0);
    t = long_string(100, "a");
    expect_ok("a string of 100 bytes, max_string 100", &t, &o);
    done(&t);
    t = long_string(101, "a");
    expect_limit("a string of 101 bytes, max_string 100", &t, &o, shead,
                 "string longer than 100 bytes", NULL);
    done(&t);
    t = long_string(50, "\\u00e9");
    expect_ok("50 escaped 2-byte characters, max_string 100", &t, &o);
    done(&t);
    t = long_string(51, "\\u00e9");
    expect_limit("51 escaped 2-byte characters, max_string 100", &t, &o, shead,
                 "string longer than 100 bytes", NULL);
    done(&t);
    {
        text k = {NULL, 0, 0};
        puts_(&k, HEAD "\"");
        repeat(&k, "k", 101);
        puts_(&k, "\": 1}");
        expect_limit("a key of 101 bytes, max_string 100", &k, &o, strlen(HEAD),
                     "string longer than 100 bytes", NULL);
        done(&k);
    }
    t = long_string(VEILIG_DEFAULT_MAX_STRING, "a");
    expect_ok("a string of 16 MiB (the default)", &t, NULL);
    done(&t);
    t = long_string(VEILIG_DEFAULT_MAX_STRING + 1, "a");
    expect_limit("a string of 16 MiB + 1 byte", &t, NULL, shead,
                 "string longer than 16777216 bytes", NULL);
    done(&t);

    printf("municipalities:\n");
    const size_t mhead = strlen(HEAD "\"municipalities\": ");
    o = options(0, 0, 5);
    t = municipalities(5, 0);
    expect_ok("5 municipalities, max_municipalities 5", &t, &o);
    done(&t);
    t = municipalities(6, 0);
    expect_limit("6 municipalities, max_municipalities 5", &t, &o, mhead,
                 "6 municipalities: at most 5 allowed", "/municipalities");
    done(&t);
    t = municipalities(VEILIG_DEFAULT_MAX_MUNICIPALITIES + 1, 1);
    expect_limit("1048577 municipalities (the default is 1048576)", &t, NULL, mhead,
                 "1048577 municipalities: at most 1048576 allowed", "/municipalities");
    done(&t);

    printf("options:\n");
    {
        veilig_load_options bad = VEILIG_LOAD_OPTIONS_INIT;
        bad.version = 99;
        veilig_registry *reg = NULL;
        expect_code("options version 99", veilig_registry_load_string(&reg, "{}", 2, &bad, NULL),
                    VEILIG_EVERSION);
        veilig_load_options init;
        memset(&init, 0x55, sizeof init);
        expect_code("veilig_load_options_init",
                    veilig_load_options_init(&init, VEILIG_LOAD_OPTIONS_VERSION), VEILIG_OK);
        if (init.max_depth || init.max_string || init.max_municipalities || init.flags ||
            init.source)
            fail("veilig_load_options_init: the limits are not 0 (the defaults)");
    }

    printf("reliability_limits: %s\n", failures ? "FAILED" : "passed");
    return failures ? 1 : 0;
}
