/* libveilig: peers: the municipalities most like one, by weighted Jaccard
   similarity (docs/analysis.md, "Peers and similarity"). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "analysis_internal.h"

/* What a municipality is compared on: measures per category (counts), and the
   sets of target groups, settings and stakeholder kinds it has (bitmasks of
   known values; unknown codes do not take part). */
#define VG_NCAT 16 /* room for the categories (13 today) */
typedef char vg_check_ncat[VEILIG_CATEGORY_RESEARCH <= VG_NCAT && VG_NCAT % 8 == 0
                               ? 1
                               : -1]; /* grow VG_NCAT with them, by 8 (vg_min_sum) */
typedef struct vg_features {
    uint16_t cat[VG_NCAT];
    uint32_t cat_total; /* sum of cat[] */
    uint32_t groups, settings, kinds;
    uint8_t ngroups, nsettings, nkinds; /* bits set in each */
} vg_features;

/* Bits set in x; inline, so that it does not become a libgcc call on
   machines without a popcount instruction. */
static inline unsigned vg_popcount(uint32_t x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}

/* The loop over all pairs (vg_pairs_part) is made twice on x86-64 with GCC
   or clang, with and without the popcount instruction, and the one for the
   processor is chosen when the library loads (target_clones; not under the
   sanitizers, whose runtimes start after the choice is made); what it
   calls is inlined into each (VG_INLINE), where vg_popcount_fast is the
   instruction in one and vg_popcount in the other. */
#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define VG_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define VG_SANITIZED 1
#endif
#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) && !defined(__POPCNT__) &&        \
    (!defined(__clang__) || __clang_major__ >= 14) && !defined(VG_SANITIZED)
#define VG_PAIRS_CLONES __attribute__((target_clones("popcnt", "default")))
#define VG_INLINE       static inline __attribute__((always_inline))
#if defined(__clang__)
#define vg_popcount_fast(x) vg_popcount(x)
#else
#define vg_popcount_fast(x) ((unsigned)__builtin_popcount(x))
#endif
#else
#define VG_PAIRS_CLONES
#define VG_INLINE           static inline
#define vg_popcount_fast(x) vg_popcount(x)
#endif

/* Weights of the four parts; a part both municipalities are empty in is left
   out and the others count for more. */
#define VG_W_CATEGORY 0.4
#define VG_W_GROUPS   0.2
#define VG_W_SETTINGS 0.2
#define VG_W_KINDS    0.2

static void vg_features_of(vg_features *f, const veilig_municipality *m) {
    memset(f, 0, sizeof *f);
    f->groups = vg_terms_set(&m->target_groups) & ~VG_BRIEF_OTHER;
    f->settings = vg_terms_set(&m->settings) & ~VG_BRIEF_OTHER;
    /* from the measures' briefs, whose sets hold every known value */
    for (uint32_t k = 0; k < m->measures.n; k++) {
        const vg_measure_brief *b = &m->briefs[k];
        int c = VG_KNOWN(b->category);
        if (c > 0 && c <= VG_NCAT && f->cat[c - 1] < UINT16_MAX) {
            f->cat[c - 1]++;
            f->cat_total++;
        }
        f->groups |= b->target_groups & ~VG_BRIEF_OTHER;
        f->settings |= b->settings & ~VG_BRIEF_OTHER;
    }
    for (uint32_t i = 0; i < m->stakeholders.n; i++) {
        int v = VG_KNOWN(((const veilig_stakeholder *)m->stakeholders.v[i])->kind);
        if (v > 0 && v <= 32)
            f->kinds |= 1u << (v - 1);
    }
    f->ngroups = (uint8_t)vg_popcount(f->groups);
    f->nsettings = (uint8_t)vg_popcount(f->settings);
    f->nkinds = (uint8_t)vg_popcount(f->kinds);
}

/* The Jaccard index of two sets of na and nb members: |a & b| / |a | b|. */
static void vg_part_set(double *num, double *den, double w, uint32_t a, uint32_t b, unsigned na,
                        unsigned nb) {
    if (!(a | b))
        return;
    unsigned both = vg_popcount(a & b);
    *num += w * (double)both / (double)(na + nb - both);
    *den += w;
}

/* The sum over the categories of the smaller of two counts. */
VG_INLINE uint32_t vg_min_sum(const uint16_t *a, const uint16_t *b) {
#if defined(__SSE2__)
    /* min(x, y) = x - (x -sat y) on unsigned 16-bit lanes (SSE2 has no
       unsigned 16-bit min), widened to 32 bits and added */
    const __m128i z = _mm_setzero_si128();
    __m128i sum = z;
    for (int i = 0; i < VG_NCAT; i += 8) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(a + i));
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
        __m128i m = _mm_sub_epi16(x, _mm_subs_epu16(x, y));
        sum = _mm_add_epi32(sum, _mm_unpacklo_epi16(m, z));
        sum = _mm_add_epi32(sum, _mm_unpackhi_epi16(m, z));
    }
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, _MM_SHUFFLE(1, 0, 3, 2)));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, _MM_SHUFFLE(2, 3, 0, 1)));
    return (uint32_t)_mm_cvtsi128_si32(sum);
#else
    uint32_t mins = 0;
    for (int i = 0; i < VG_NCAT; i++)
        mins += a[i] < b[i] ? a[i] : b[i];
    return mins;
#endif
}

static double vg_similarity(const vg_features *a, const vg_features *b) {
    double num = 0, den = 0;
    if (a->cat_total || b->cat_total) {
        /* weighted Jaccard over counts: sum of minima over sum of maxima;
           sum(max) = sum(a) + sum(b) - sum(min) */
        uint32_t mins = vg_min_sum(a->cat, b->cat);
        num += VG_W_CATEGORY * (double)mins / (double)(a->cat_total + b->cat_total - mins);
        den += VG_W_CATEGORY;
    }
    vg_part_set(&num, &den, VG_W_GROUPS, a->groups, b->groups, a->ngroups, b->ngroups);
    vg_part_set(&num, &den, VG_W_SETTINGS, a->settings, b->settings, a->nsettings, b->nsettings);
    vg_part_set(&num, &den, VG_W_KINDS, a->kinds, b->kinds, a->nkinds, b->nkinds);
    return den > 0 ? num / den : 0.0;
}

/* What vg_similarity_near computes with: the reciprocals of the
   denominators it meets (the sets' are below 100, the categories' below
   VG_NRECIP on any but a giant registry), and of the sums of the weights of
   the parts present (bit 0 categories, 1 groups, 2 settings, 3 kinds). */
#define VG_NRECIP 4096
typedef struct vg_near {
    double recip[VG_NRECIP];
    double wrecip[16];
} vg_near;

static void vg_near_init(vg_near *x) {
    x->recip[0] = 0;
    for (int d = 1; d < VG_NRECIP; d++)
        x->recip[d] = 1.0 / d;
    for (unsigned mask = 0; mask < 16; mask++) {
        double w = (mask & 1 ? VG_W_CATEGORY : 0) + (mask & 2 ? VG_W_GROUPS : 0) +
                   (mask & 4 ? VG_W_SETTINGS : 0) + (mask & 8 ? VG_W_KINDS : 0);
        x->wrecip[mask] = w > 0 ? 1.0 / w : 0;
    }
}

VG_INLINE double vg_near_div(const vg_near *x, uint32_t n, uint32_t d) {
    return d < VG_NRECIP ? n * x->recip[d] : (double)n / (double)d;
}

/* vg_part_set without its division; bit marks the part as present. */
VG_INLINE void vg_near_set(const vg_near *x, double *num, unsigned *mask, unsigned bit, double w,
                           uint32_t a, uint32_t b, unsigned na, unsigned nb) {
    if (!(a | b))
        return;
    unsigned both = vg_popcount_fast(a & b);
    *num += w * vg_near_div(x, both, na + nb - both);
    *mask |= bit;
}

/* How far vg_similarity_near may be from vg_similarity: a few roundings of
   numbers no greater than 1 are some 1e-15; this is far above that. */
#define VG_NEAR_SLACK 1e-9

/* vg_similarity without its divisions (multiplied by reciprocals instead),
   so within VG_NEAR_SLACK of it: enough to turn away the pairs that cannot
   be among either one's peers, which are nearly all of them. */
VG_INLINE double vg_similarity_near(const vg_near *x, const vg_features *a, const vg_features *b) {
    double num = 0;
    unsigned mask = 0;
    if (a->cat_total || b->cat_total) {
        uint32_t mins = vg_min_sum(a->cat, b->cat);
        num += VG_W_CATEGORY * vg_near_div(x, mins, a->cat_total + b->cat_total - mins);
        mask |= 1;
    }
    vg_near_set(x, &num, &mask, 2, VG_W_GROUPS, a->groups, b->groups, a->ngroups, b->ngroups);
    vg_near_set(x, &num, &mask, 4, VG_W_SETTINGS, a->settings, b->settings, a->nsettings,
                b->nsettings);
    vg_near_set(x, &num, &mask, 8, VG_W_KINDS, a->kinds, b->kinds, a->nkinds, b->nkinds);
    return num * x->wrecip[mask];
}

double veilig_similarity(const veilig_municipality *a, const veilig_municipality *b) {
    if (!a || !b)
        return 0.0;
    vg_features fa, fb;
    vg_features_of(&fa, a);
    vg_features_of(&fb, b);
    return vg_similarity(&fa, &fb);
}

/* ---- peers ---- */

typedef struct vg_peer_row {
    const veilig_municipality *subject, *peer;
    size_t rank;
    double similarity;
    size_t first_suggestion, nsuggestions; /* in the result's suggestions block */
} vg_peer_row;

struct veilig_peers_result {
    vg_peer_row *rows;
    size_t count, cap;
    const veilig_measure **suggestions; /* the suggestions of all rows, one block */
    size_t nsuggestions, cap_suggestions;
};

int veilig_peers_options_init(veilig_peers_options *opts, unsigned version) {
    if (!opts)
        return VEILIG_EINVAL;
    if (version != VEILIG_PEERS_OPTIONS_VERSION)
        return vg_fail_version("peers options", version, VEILIG_PEERS_OPTIONS_VERSION);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return VEILIG_OK;
}

void veilig_peers_free(veilig_peers_result *p) {
    if (!p)
        return;
    vg_free(p->rows);
    vg_free(p->suggestions);
    vg_free(p);
}

/* Whether candidate (similarity s, code rank c) ranks before (t, d): the
   more similar first, then the code first in byte order (ranks of the
   codes in that order, equal for equal codes: vg_code_ranks). */
static int vg_before(double s, size_t c, double t, size_t d) {
    if (s != t)
        return s > t;
    return c < d;
}

typedef struct vg_coded {
    const char *code;
    size_t i;
} vg_coded;

static int vg_coded_cmp(const void *x, const void *y) {
    const vg_coded *a = x, *b = y;
    int c = strcmp(a->code, b->code);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* rank[i]: the place of the code of the registry's municipality i among the
   distinct codes in byte order, so that comparing ranks compares codes (one
   sort instead of a strcmp per pair). */
static int vg_code_ranks(size_t *rank, const veilig_registry *reg) {
    size_t n = reg->count;
    vg_coded *order = vg_calloc(n ? n : 1, sizeof *order);
    if (!order)
        return VEILIG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        order[i].code = reg->municipalities[i]->code;
        order[i].i = i;
    }
    qsort(order, n, sizeof *order, vg_coded_cmp);
    size_t r = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(order[i].code, order[i - 1].code))
            r++;
        rank[order[i].i] = r;
    }
    vg_free(order);
    return VEILIG_OK;
}

/* Appends the suggestions of row: peer's measures in categories the subject lacks. */
static int vg_suggest(veilig_peers_result *p, vg_peer_row *row, const vg_features *subject) {
    size_t start = p->nsuggestions;
    const veilig_municipality *peer = row->peer;
    for (uint32_t k = 0; k < peer->measures.n; k++) {
        const veilig_measure *ms = peer->measures.v[k];
        int c = VG_KNOWN(ms->category);
        if (c <= 0 || c > VG_NCAT || subject->cat[c - 1])
            continue;
        if (vg_grow((void **)&p->suggestions, &p->cap_suggestions, p->nsuggestions + 1,
                    sizeof *p->suggestions))
            return VEILIG_ENOMEM;
        p->suggestions[p->nsuggestions++] = ms;
    }
    row->first_suggestion = start;
    row->nsuggestions = p->nsuggestions - start;
    return VEILIG_OK;
}

/* The k best candidates of one subject, kept sorted (insertion: k is small). */
typedef struct vg_top {
    size_t *idx;
    double *sim;
    size_t have;
} vg_top;

/* The tops of n subjects, k places each, in three blocks (vg_tops_free). */
typedef struct vg_tops {
    vg_top *top;
    size_t *idx;
    double *sim;
} vg_tops;

static int vg_tops_init(vg_tops *t, size_t n, size_t k) {
    size_t slots = n * k > 0 ? n * k : 1;
    t->top = vg_calloc(n ? n : 1, sizeof *t->top);
    t->idx = vg_calloc(slots, sizeof *t->idx);
    t->sim = vg_calloc(slots, sizeof *t->sim);
    if (!t->top || !t->idx || !t->sim)
        return VEILIG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        t->top[i].idx = t->idx + i * k;
        t->top[i].sim = t->sim + i * k;
    }
    return VEILIG_OK;
}

static void vg_tops_free(vg_tops *t) {
    vg_free(t->top);
    vg_free(t->idx);
    vg_free(t->sim);
}

static void vg_top_offer(vg_top *t, size_t k, double s, size_t cand, const size_t *rank) {
    if (t->have == k && s < t->sim[k - 1])
        return; /* the usual case, decided without the ranks */
    size_t c = rank[cand];
    if (t->have == k && !vg_before(s, c, t->sim[k - 1], rank[t->idx[k - 1]]))
        return;
    size_t at = t->have < k ? t->have++ : k - 1;
    while (at > 0 && vg_before(s, c, t->sim[at - 1], rank[t->idx[at - 1]])) {
        t->idx[at] = t->idx[at - 1];
        t->sim[at] = t->sim[at - 1];
        at--;
    }
    t->idx[at] = cand;
    t->sim[at] = s;
}

/* Every pair of live municipalities (those with measures), each compared
   once and offered to both: the rows a of live[] with a % parts == part,
   against the rows after them, into top (one per municipality of the
   registry). Pairs of the same code are no candidates (vg_candidate, by the
   codes' ranks); a pair whose bound is below the last of both full tops is
   not worked out: neither would take it. */
typedef struct vg_pairs {
    const vg_features *f;
    const size_t *rank, *live;
    size_t nlive, k, parts;
    const vg_near *near;
} vg_pairs;

/* The similarity a candidate must reach to enter a top: its last one's
   when it is full, else -1 (any). */
VG_INLINE double vg_top_floor(const vg_top *t, size_t k) {
    return t->have == k ? t->sim[k - 1] : -1.0;
}

VG_PAIRS_CLONES
static int vg_pairs_part(const vg_pairs *x, size_t part, vg_top *top, size_t n) {
    const vg_features *f = x->f;
    const size_t *rank = x->rank, *live = x->live, k = x->k;
    /* floor[j]: vg_top_floor of top[j], kept beside the features so that a
       pair costs two loads and the bound */
    double *floor = vg_malloc((n ? n : 1) * sizeof *floor);
    if (!floor)
        return VEILIG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        floor[i] = vg_top_floor(&top[i], k);
    for (size_t a = part; a < x->nlive; a += x->parts) {
        size_t i = live[a];
        for (size_t b = a + 1; b < x->nlive; b++) {
            size_t j = live[b];
            double t = floor[i] < floor[j] ? floor[i] : floor[j];
            /* below the last of both full tops: neither takes it */
            if (vg_similarity_near(x->near, &f[i], &f[j]) + VG_NEAR_SLACK < t || rank[i] == rank[j])
                continue;
            double s = vg_similarity(&f[i], &f[j]);
            vg_top_offer(&top[i], k, s, j, rank);
            vg_top_offer(&top[j], k, s, i, rank);
            floor[i] = vg_top_floor(&top[i], k);
            floor[j] = vg_top_floor(&top[j], k);
        }
    }
    vg_free(floor);
    return VEILIG_OK;
}

/* A part of the pairs in a thread of its own: its tops, n of them. */
typedef struct vg_pairs_thread {
    const vg_pairs *x;
    size_t part, n;
    vg_tops tops;
    pthread_t tid;
    int started;
    int rc;
} vg_pairs_thread;

static void *vg_pairs_run(void *arg) {
    vg_pairs_thread *t = arg;
    t->rc = vg_pairs_part(t->x, t->part, t->tops.top, t->n);
    return NULL;
}

/* The pairs in parts: part 0 by the calling thread into top, the others in
   threads of their own (at most VG_PAIRS_MAX_PARTS; a part whose thread
   cannot start is done by the calling thread) into tops of their own, then
   offered to top. Each pair is in one part, and a part keeps the best k of
   what it saw for each municipality, so the best k of all are among them:
   the result does not depend on the parts. */
#define VG_PAIRS_MAX_PARTS 16

static int vg_pairs_all(vg_pairs *x, vg_top *top, size_t n, size_t parts) {
    if (parts > VG_PAIRS_MAX_PARTS)
        parts = VG_PAIRS_MAX_PARTS;
    if (parts < 1 || x->nlive < 64)
        parts = 1;
    x->parts = parts;
    vg_pairs_thread th[VG_PAIRS_MAX_PARTS];
    memset(th, 0, sizeof th);
    int rc = VEILIG_OK;
    for (size_t p = 1; p < parts && !rc; p++) {
        vg_pairs_thread *t = &th[p];
        t->x = x;
        t->part = p;
        t->n = n;
        if ((rc = vg_tops_init(&t->tops, n, x->k)) != VEILIG_OK)
            break;
        t->started = pthread_create(&t->tid, NULL, vg_pairs_run, t) == 0;
    }
    if (!rc)
        rc = vg_pairs_part(x, 0, top, n);
    for (size_t p = 1; p < parts; p++) {
        vg_pairs_thread *t = &th[p];
        const vg_top *tt = t->tops.top;
        if (t->started)
            pthread_join(t->tid, NULL);
        else if (!rc && tt)
            t->rc = vg_pairs_part(x, p, t->tops.top, n);
        if (!rc)
            rc = t->rc;
        for (size_t i = 0; !rc && tt && i < n; i++)
            for (size_t r = 0; r < tt[i].have; r++)
                vg_top_offer(&top[i], x->k, tt[i].sim[r], tt[i].idx[r], x->rank);
        vg_tops_free(&t->tops);
    }
    return rc;
}

/* Whether candidate c of the registry can be a peer of subject m: it has
   measures, and it is neither m nor another version of m (the same code). */
static int vg_candidate(const veilig_municipality *c, const veilig_municipality *m) {
    return c->measures.n > 0 && c != m && strcmp(c->code, m->code) != 0;
}

int veilig_peers(veilig_peers_result **out, const veilig_registry *reg,
                 const veilig_municipality *m, const veilig_peers_options *opts) {
    if (out)
        *out = NULL;
    if (!out || !reg)
        return VEILIG_EINVAL;
    size_t k = 5;
    if (opts) {
        if (opts->version != VEILIG_PEERS_OPTIONS_VERSION)
            return vg_fail_version("peers options", opts->version, VEILIG_PEERS_OPTIONS_VERSION);
        if (opts->k)
            k = opts->k;
    }
    return vg_peers_in_parts(out, reg, m, k, 1);
}

int vg_peers_in_parts(veilig_peers_result **out, const veilig_registry *reg,
                      const veilig_municipality *m, size_t k, size_t parts) {
    *out = NULL;
    size_t n = reg->count;
    if (k > n)
        k = n;
    size_t nsub = m ? 1 : n; /* subjects */
    veilig_peers_result *p = vg_calloc(1, sizeof *p);
    vg_features *f = vg_calloc(n + 1, sizeof *f); /* f[n]: the subject m */
    vg_tops tops;
    int rc = vg_tops_init(&tops, nsub, k);
    vg_top *top = tops.top;
    size_t *rank = vg_calloc(n ? n : 1, sizeof *rank); /* of the codes: vg_code_ranks */
    if (!rc && !(p && f && rank))
        rc = VEILIG_ENOMEM;
    if (!rc)
        rc = vg_code_ranks(rank, reg);
    for (size_t i = 0; i < n && !rc; i++)
        vg_features_of(&f[i], reg->municipalities[i]);
    if (!rc && m)
        vg_features_of(&f[n], m);
    /* a subject without measures has no basis for a comparison: no rows */
    if (!rc && k) {
        if (m) {
            for (size_t j = 0; j < n && m->measures.n; j++)
                if (vg_candidate(reg->municipalities[j], m))
                    vg_top_offer(&top[0], k, vg_similarity(&f[n], &f[j]), j, rank);
        } else {
            /* similarity is symmetric: each pair once, offered to both */
            size_t nlive = 0; /* live[]: the municipalities with measures */
            size_t *live = vg_calloc(n ? n : 1, sizeof *live);
            vg_near *near = vg_malloc(sizeof *near);
            if (live && near)
                vg_near_init(near);
            else
                rc = VEILIG_ENOMEM;
            for (size_t i = 0; i < n && !rc; i++)
                if (reg->municipalities[i]->measures.n)
                    live[nlive++] = i;
            vg_pairs x = {f, rank, live, nlive, k, 1, near};
            if (!rc)
                rc = vg_pairs_all(&x, top, n, parts);
            vg_free(live);
            vg_free(near);
        }
    }
    for (size_t t = 0; t < nsub && !rc; t++) {
        const vg_features *fs = m ? &f[n] : &f[t];
        for (size_t r = 0; r < top[t].have && !rc; r++) {
            if (vg_grow((void **)&p->rows, &p->cap, p->count + 1, sizeof *p->rows)) {
                rc = VEILIG_ENOMEM;
                break;
            }
            vg_peer_row *row = &p->rows[p->count++];
            row->subject = m ? m : reg->municipalities[t];
            row->peer = reg->municipalities[top[t].idx[r]];
            row->rank = r + 1;
            row->similarity = top[t].sim[r];
            rc = vg_suggest(p, row, fs);
        }
    }
    vg_free(f);
    vg_tops_free(&tops);
    vg_free(rank);
    if (rc) {
        veilig_peers_free(p);
        return rc;
    }
    *out = p;
    return VEILIG_OK;
}

size_t veilig_peers_count(const veilig_peers_result *p) {
    return p ? p->count : 0;
}

const veilig_municipality *veilig_peers_subject(const veilig_peers_result *p, size_t i) {
    return p && i < p->count ? p->rows[i].subject : NULL;
}

size_t veilig_peers_rank(const veilig_peers_result *p, size_t i) {
    return p && i < p->count ? p->rows[i].rank : 0;
}

const veilig_municipality *veilig_peers_peer(const veilig_peers_result *p, size_t i) {
    return p && i < p->count ? p->rows[i].peer : NULL;
}

double veilig_peers_similarity(const veilig_peers_result *p, size_t i) {
    return p && i < p->count ? p->rows[i].similarity : 0.0;
}

size_t veilig_peers_suggestion_count(const veilig_peers_result *p, size_t i) {
    return p && i < p->count ? p->rows[i].nsuggestions : 0;
}

const veilig_measure *veilig_peers_suggestion(const veilig_peers_result *p, size_t i, size_t s) {
    return p && i < p->count && s < p->rows[i].nsuggestions
               ? p->suggestions[p->rows[i].first_suggestion + s]
               : NULL;
}

int veilig_peers_to_json(char **out, size_t *len, const veilig_peers_result *p) {
    if (out)
        *out = NULL;
    if (!out || !p)
        return VEILIG_EINVAL;
    vg_jwriter w;
    vg_buf b;
    vg_render_begin(&w, &b);
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < p->count; i++) {
        const vg_peer_row *row = &p->rows[i];
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "subject");
        vg_jw_cstring(&w, row->subject->code);
        vg_jw_key(&w, "rank");
        vg_jw_int(&w, (int64_t)row->rank);
        vg_jw_key(&w, "peer");
        vg_jw_cstring(&w, row->peer->code);
        vg_jw_key(&w, "peer_name");
        vg_jw_cstring(&w, row->peer->name);
        vg_jw_key(&w, "similarity");
        vg_jw_double(&w, (double)(int64_t)(row->similarity * 10000 + 0.5) / 10000);
        vg_jw_key(&w, "suggestions");
        vg_jw_begin_array(&w);
        for (size_t s = 0; s < row->nsuggestions; s++) {
            const veilig_measure *ms = p->suggestions[row->first_suggestion + s];
            vg_jw_begin_object(&w);
            vg_jw_key(&w, "measure");
            vg_jw_cstring(&w, ms->id);
            vg_jw_key(&w, "name");
            vg_jw_cstring(&w, ms->name);
            vg_render_term(&w, "category", row->peer->owner.reg, VEILIG_VOCAB_CATEGORY,
                           ms->category);
            vg_jw_end_object(&w);
        }
        vg_jw_end_array(&w);
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    return vg_render_finish(out, len, &b);
}
