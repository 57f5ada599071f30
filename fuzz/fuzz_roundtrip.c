/*
 * Fuzz target: a document that loads must dump, load again and dump to the
 * same bytes (codec.h's promise), and its compact and ASCII-escaped dumps
 * must load back to the same canonical dump. abort() otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"
#include "fuzz.h"

static void fail(const char *what, const veilig_error *err) {
    fprintf(stderr, "fuzz_roundtrip: %s", what);
    if (err)
        fprintf(stderr, ": %s:%d:%d %s %s", err->source, err->line, err->column, err->pointer,
                err->message);
    fputc('\n', stderr);
    abort();
}

static char *dump(size_t *len, const veilig_registry *reg, unsigned flags) {
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = flags;
    char *text = NULL;
    veilig_error err;
    if (veilig_registry_dump(&text, len, reg, &so, &err) != VEILIG_OK)
        fail("a loaded document does not dump", &err);
    return text;
}

/* Loads text (a dump) and returns its canonical dump. */
static char *reload(size_t *len, const char *text, size_t n, const char *what) {
    veilig_registry *reg = NULL;
    veilig_error err;
    if (veilig_registry_load_string(&reg, text, n, NULL, &err) != VEILIG_OK) {
        fprintf(stderr, "fuzz_roundtrip: the dump that does not load:\n%.*s\n", (int)n, text);
        fail(what, &err);
    }
    char *out = dump(len, reg, 0);
    veilig_registry_free(reg);
    return out;
}

static void same(const char *a, size_t alen, const char *b, size_t blen, const char *what) {
    if (alen == blen && memcmp(a, b, alen) == 0)
        return;
    fprintf(stderr, "fuzz_roundtrip: first:\n%.*s\nsecond:\n%.*s\n", (int)alen, a, (int)blen, b);
    fail(what, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    veilig_registry *reg = NULL;
    if (veilig_registry_load_string(&reg, (const char *)data, size, NULL, NULL) != VEILIG_OK)
        return 0;
    size_t n1 = 0, n2 = 0, nc = 0, na = 0, n3 = 0, n4 = 0;
    char *d1 = dump(&n1, reg, 0);
    char *dc = dump(&nc, reg, VEILIG_SAVE_COMPACT);
    char *da = dump(&na, reg, VEILIG_SAVE_ASCII);
    veilig_registry_free(reg);

    char *d2 = reload(&n2, d1, n1, "the canonical dump does not load");
    same(d1, n1, d2, n2, "load(dump(doc)) dumps differently from doc");
    char *d3 = reload(&n3, dc, nc, "the compact dump does not load");
    same(d1, n1, d3, n3, "the compact dump loads to a different document");
    char *d4 = reload(&n4, da, na, "the ASCII dump does not load");
    same(d1, n1, d4, n4, "the ASCII dump loads to a different document");
    for (size_t i = 0; i < na; i++)
        if ((unsigned char)da[i] >= 0x80)
            fail("the ASCII dump has a non-ASCII byte", NULL);

    veilig_free(d1);
    veilig_free(d2);
    veilig_free(d3);
    veilig_free(d4);
    veilig_free(dc);
    veilig_free(da);
    return 0;
}
