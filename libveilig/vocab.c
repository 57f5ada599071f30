/* libveilig: the controlled vocabularies (vocab.def is the one table). */
#include <string.h>

#include "internal.h"

typedef struct vg_term_info {
    const char *code;
    const char *nl;
    const char *en;
} vg_term_info;

/* One array per vocabulary; index 0 is _OTHER. */
#define VG_VOCAB(P, type, name)     static const vg_term_info vg_terms_##type[] = {{NULL, NULL, NULL},
#define VG_TERM(P, C, code, nl, en) {code, nl, en},
#define VG_END(P)                                                                                  \
    }                                                                                              \
    ;
#include "vocab.def"
#undef VG_VOCAB
#undef VG_TERM
#undef VG_END

typedef struct vg_vocab_info {
    const char *name;
    const vg_term_info *terms;
    int size;
} vg_vocab_info;

static const vg_vocab_info vg_vocabs[] = {
    {NULL, NULL, 0},
#define VG_VOCAB(P, type, name)                                                                    \
    {name, vg_terms_##type, (int)(sizeof vg_terms_##type / sizeof vg_terms_##type[0]) - 1},
#define VG_TERM(P, C, code, nl, en)
#define VG_END(P)
#include "vocab.def"
#undef VG_VOCAB
#undef VG_TERM
#undef VG_END
};

#define VG_NVOCABS ((int)(sizeof vg_vocabs / sizeof vg_vocabs[0]))

static const vg_vocab_info *vg_vocab_get(veilig_vocab vocab) {
    return (int)vocab > 0 && (int)vocab < VG_NVOCABS ? &vg_vocabs[vocab] : NULL;
}

const char *veilig_vocab_name(veilig_vocab vocab) {
    const vg_vocab_info *v = vg_vocab_get(vocab);
    return v ? v->name : NULL;
}

veilig_vocab veilig_vocab_from_name(const char *name) {
    if (name)
        for (int i = 1; i < VG_NVOCABS; i++)
            if (strcmp(vg_vocabs[i].name, name) == 0)
                return (veilig_vocab)i;
    return (veilig_vocab)0;
}

int veilig_vocab_size(veilig_vocab vocab) {
    const vg_vocab_info *v = vg_vocab_get(vocab);
    return v ? v->size : 0;
}

const char *veilig_vocab_code(veilig_vocab vocab, int value) {
    const vg_vocab_info *v = vg_vocab_get(vocab);
    return v && value > 0 && value <= v->size ? v->terms[value].code : NULL;
}

const char *veilig_vocab_label(veilig_vocab vocab, int value, const char *lang) {
    const vg_vocab_info *v = vg_vocab_get(vocab);
    if (!v || value <= 0 || value > v->size)
        return NULL;
    if (!lang || strcmp(lang, "nl") == 0)
        return v->terms[value].nl;
    if (strcmp(lang, "en") == 0)
        return v->terms[value].en;
    return NULL;
}

int vg_vocab_find_code(veilig_vocab vocab, const char *code) {
    const vg_vocab_info *v = vg_vocab_get(vocab);
    if (!v || !code)
        return 0;
    for (int i = 1; i <= v->size; i++)
        if (v->terms[i].code[0] == code[0] && strcmp(v->terms[i].code, code) == 0)
            return i;
    return 0;
}

int veilig_vocab_from_code(veilig_vocab vocab, const char *code) {
    const vg_vocab_info *v = vg_vocab_get(vocab);
    if (!v || !code)
        return 0;
    /* the model's accessors hand out the table's own strings: the
       renderers' labels find them by their address */
    for (int i = 1; i <= v->size; i++)
        if (v->terms[i].code == code)
            return i;
    return vg_vocab_find_code(vocab, code);
}

#define VG_VOCAB(P, type, name)                                                                    \
    const char *veilig_##type##_code(veilig_##type value) {                                        \
        return veilig_vocab_code(VEILIG_VOCAB_##P, (int)value);                                    \
    }                                                                                              \
    const char *veilig_##type##_label(veilig_##type value, const char *lang) {                     \
        return veilig_vocab_label(VEILIG_VOCAB_##P, (int)value, lang);                             \
    }                                                                                              \
    veilig_##type veilig_##type##_from_code(const char *code) {                                    \
        return (veilig_##type)veilig_vocab_from_code(VEILIG_VOCAB_##P, code);                      \
    }
#define VG_TERM(P, C, code, nl, en)
#define VG_END(P)
#include "vocab.def"
#undef VG_VOCAB
#undef VG_TERM
#undef VG_END

/* ---- suggestions ---- */

size_t vg_edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    size_t row[64];
    if (la > 63 || lb > 63)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *vg_nearest(const char *text, const char *const *cands, size_t n, size_t max) {
    const char *best = NULL;
    size_t best_d = max + 1;
    for (size_t i = 0; text && i < n; i++) {
        size_t d = cands[i] ? vg_edit_distance(text, cands[i]) : (size_t)-1;
        if (d == 0)
            return NULL;
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    return best;
}

/* Whether one of two folded texts starts with the other, over 4 characters at least. */
static int vg_prefix_match(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb;
    return n >= 4 && strncmp(a, b, n) == 0;
}

const char *veilig_suggest(const char *text, const char *const *candidates, size_t n) {
    return candidates ? vg_nearest(text, candidates, n, 2) : NULL;
}

const char *veilig_vocab_suggest(veilig_vocab vocab, const char *text) {
    const vg_vocab_info *v = vg_vocab_get(vocab);
    if (!v || !text || veilig_vocab_from_code(vocab, text))
        return NULL;
    vg_buf b;
    vg_buf_init(&b);
    vg_fold(&b, text, strlen(text));
    char *folded = vg_buf_finish(&b, NULL);
    if (!folded)
        return NULL;
    const char *found = NULL;
    /* a code or a label, without case and accents, or a long enough prefix */
    for (int i = 1; i <= v->size && !found; i++) {
        const char *cands[3] = {v->terms[i].code, v->terms[i].nl, v->terms[i].en};
        for (int c = 0; c < 3 && !found; c++) {
            vg_buf_init(&b);
            vg_fold(&b, cands[c], strlen(cands[c]));
            char *f = vg_buf_finish(&b, NULL);
            if (f && (strcmp(f, folded) == 0 || vg_prefix_match(f, folded)))
                found = v->terms[i].code;
            vg_free(f);
        }
    }
    /* else the nearest code: at most a third of its length away, and 2 */
    size_t best_d = (size_t)-1;
    for (int i = 1; i <= v->size && !found; i++) {
        size_t d = vg_edit_distance(folded, v->terms[i].code);
        size_t max = strlen(v->terms[i].code) / 3;
        if (d <= (max < 1 ? 1 : max > 2 ? 2 : max) && d < best_d)
            best_d = d;
    }
    for (int i = 1; i <= v->size && !found && best_d != (size_t)-1; i++)
        if (vg_edit_distance(folded, v->terms[i].code) == best_d)
            found = v->terms[i].code;
    vg_free(folded);
    return found;
}

veilig_approach veilig_category_approach(veilig_category category) {
    switch (category) {
        case VEILIG_CATEGORY_VICTIM_SUPPORT:
            return VEILIG_APPROACH_SUPPORT;
        case VEILIG_CATEGORY_REPORTING:
        case VEILIG_CATEGORY_RESEARCH:
            return VEILIG_APPROACH_SIGNALLING;
        case VEILIG_CATEGORY_ENFORCEMENT:
            return VEILIG_APPROACH_ENFORCEMENT;
        case VEILIG_CATEGORY_OTHER:
            return VEILIG_APPROACH_OTHER;
        default:
            return VEILIG_APPROACH_PREVENTION;
    }
}

/* ---- provinces (ISO 3166-2:NL) ---- */

static const struct {
    const char *code, *nl, *en;
} vg_provinces[] = {
    {"NL-BQ1", "Bonaire", "Bonaire"},
    {"NL-BQ2", "Saba", "Saba"},
    {"NL-BQ3", "Sint Eustatius", "Sint Eustatius"},
    {"NL-DR", "Drenthe", "Drenthe"},
    {"NL-FL", "Flevoland", "Flevoland"},
    {"NL-FR", "Fryslân", "Friesland"},
    {"NL-GE", "Gelderland", "Gelderland"},
    {"NL-GR", "Groningen", "Groningen"},
    {"NL-LI", "Limburg", "Limburg"},
    {"NL-NB", "Noord-Brabant", "North Brabant"},
    {"NL-NH", "Noord-Holland", "North Holland"},
    {"NL-OV", "Overijssel", "Overijssel"},
    {"NL-UT", "Utrecht", "Utrecht"},
    {"NL-ZE", "Zeeland", "Zeeland"},
    {"NL-ZH", "Zuid-Holland", "South Holland"},
};

#define VG_NPROVINCES (sizeof vg_provinces / sizeof vg_provinces[0])

size_t veilig_province_count(void) {
    return VG_NPROVINCES;
}

const char *veilig_province_code(size_t index) {
    return index < VG_NPROVINCES ? vg_provinces[index].code : NULL;
}

const char *veilig_province_name(const char *code, const char *lang) {
    if (!code)
        return NULL;
    for (size_t i = 0; i < VG_NPROVINCES; i++)
        if (strcmp(vg_provinces[i].code, code) == 0) {
            if (!lang || strcmp(lang, "nl") == 0)
                return vg_provinces[i].nl;
            return strcmp(lang, "en") == 0 ? vg_provinces[i].en : NULL;
        }
    return NULL;
}
