/*
 * veilig-gen: a deterministic generator of synthetic, valid veilig registries
 * for the benchmarks (issue 9).
 *
 *     veilig-gen [-n MUNICIPALITIES] [-k MEASURES] [-s SEED] [-p PERCENT] OUT.json [OUT-v2.json]
 *
 * writes a registry of n municipalities (at most 10,000: CBS codes are GM and
 * four digits) with k measures each, stakeholders, contacts, policy links,
 * schedules, partners, budgets, and three indicators with 60 monthly
 * observations each. Every field is drawn from the real vocabularies with
 * weights that look like the programme's pages (more supervision and
 * education than enforcement, schedules on the evening and night measures,
 * partners among the municipality's own stakeholders, ...). The documents are
 * built with the library's builder API and written with
 * veilig_registry_save_file, so they are canonical and valid by construction
 * (the generator also validates them and fails on any error).
 *
 * With a second path it also writes "version 2": the same registry with
 * about PERCENT % (default 3) of the measures changed, PERCENT/3 % removed and
 * PERCENT/3 % added, for the diff benchmark.
 *
 * The same arguments always give the same bytes: one xoshiro-style generator
 * seeded from SEED and the municipality's index, no clocks, no addresses.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"

/* ---- random numbers: splitmix64 seeding a xorshift64* stream ---- */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed, uint64_t stream) {
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
    r->s = splitmix64(&x) | 1;
}

static uint64_t rng_next(rng *r) {
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545F4914F6CDD1Dull;
}

/* Uniform in [0, n). */
static unsigned rng_below(rng *r, unsigned n) {
    return n ? (unsigned)((rng_next(r) >> 32) % n) : 0;
}

/* 1 with probability percent / 100. */
static int rng_chance(rng *r, unsigned percent) {
    return rng_below(r, 100) < percent;
}

static double rng_unit(rng *r) {
    return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

/* An index drawn with the given weights. */
static unsigned rng_weighted(rng *r, const unsigned *w, unsigned n) {
    unsigned total = 0;
    for (unsigned i = 0; i < n; i++)
        total += w[i];
    unsigned x = rng_below(r, total);
    for (unsigned i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

#define COUNT(a)   (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[rng_below((r), (unsigned)COUNT(a))])

/* ---- failing loudly: a generator that writes an invalid file is no use ---- */

static void check(int rc, const char *what) {
    if (rc != VEILIG_OK) {
        fprintf(stderr, "veilig-gen: %s: %s\n", what, veilig_strerror(rc));
        exit(1);
    }
}

/* ---- vocabulary of the texts ---- */

static const char *const name_first[] = {
    "Noord", "Zuid",  "Oost", "West", "Groot", "Klein", "Nieuw", "Oud", "Hoog",
    "Laag",  "Sint-", "Ter ", "Den ", "Ven",   "Ber",   "Brou",  "Dal", "Hel",
    "Lin",   "Mar",   "Ros",  "Wal",  "Zee",   "Vel",   "Har"};
static const char *const name_mid[] = {"",   "a",   "e",   "en",  "er", "ster", "kel", "mon",
                                       "lo", "wer", "den", "hui", "ij", "oe",   "ri",  "ten"};
static const char *const name_last[] = {
    "dam",   "veen",  "wijk",  "berg",  "horst",  "bergen", "dijk", "burg", "zijl",
    "hoven", "broek", "sloot", "land",  "drecht", "woude",  "stad", "lo",   "haar",
    "gen",   "rade",  "voort", "wolde", "hem",    "mond",   "kerk"};

static const char *const provinces[] = {"NL-DR", "NL-FL", "NL-FR", "NL-GE", "NL-GR", "NL-LI",
                                        "NL-NB", "NL-NH", "NL-OV", "NL-UT", "NL-ZE", "NL-ZH"};

static const char *const areas[] = {
    "binnenstad",    "stationsgebied", "uitgaansgebied",  "Oude Markt",  "havengebied",
    "centrum",       "campus",         "wijk Zuid",       "fietsroutes", "parken",
    "winkelcentrum", "Grote Markt",    "stadshart",       "de Kade",     "Stationsplein",
    "Korenmarkt",    "wijk Oost",      "bedrijventerrein"};

static const char *const sentences[] = {
    "In samenwerking met partners in de stad.",
    "De aanpak wordt jaarlijks geëvalueerd en waar nodig bijgesteld.",
    "Het accent ligt op preventie: voorkomen is beter dan genezen.",
    "Ervaringen van inwoners en bezoekers worden actief opgehaald.",
    "Dit sluit aan bij het integrale veiligheidsbeleid van de gemeente.",
    "De inzet is geïntensiveerd in de weekenden en rond evenementen.",
    "Medewerkers zijn getraind in het herkennen van grensoverschrijdend gedrag.",
    "Na een pilot in 2022 is de maatregel structureel gemaakt.",
    "Jongeren denken mee over de vorm en de boodschap.",
    "De coördinatie ligt bij het team Veiligheid.",
    "Signalen worden gedeeld met politie en handhaving.",
    "Café's en clubs in het centrum doen mee."};

/* Per category: names, a description, the target groups and settings it
   usually has, whether it runs at set times, and its usual roles. */
typedef struct category_info {
    veilig_category category;
    unsigned weight;
    const char *slug;
    const char *names[4];
    const char *description;
    veilig_target_group groups[4];
    veilig_setting settings[2];
    int scheduled;
} category_info;

static const category_info categories[] = {
    {VEILIG_CATEGORY_DEESCALATION,
     7,
     "deescalatie",
     {"PUB-ploeg", "De-escalatieteam", "Straatcoaches", "Nachtteam"},
     "Een team dat in het uitgaansgebied aanwezig is en spanningen de-escaleert voordat ze uit de "
     "hand lopen.",
     {VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS, VEILIG_TARGET_GROUP_YOUTH,
      VEILIG_TARGET_GROUP_EVERYONE, VEILIG_TARGET_GROUP_WOMEN_GIRLS},
     {VEILIG_SETTING_NIGHTLIFE, VEILIG_SETTING_PUBLIC_SPACE},
     1},
    {VEILIG_CATEGORY_SUPERVISION,
     14,
     "toezicht",
     {"Toezichthouders", "Extra toezicht", "Boa-inzet", "Hosts"},
     "Zichtbaar toezicht door boa's en hosts op plekken waar vrouwen en meisjes zich onveilig "
     "voelen; toezichthouders spreken plegers direct aan.",
     {VEILIG_TARGET_GROUP_EVERYONE, VEILIG_TARGET_GROUP_WOMEN_GIRLS, VEILIG_TARGET_GROUP_VISITORS,
      VEILIG_TARGET_GROUP_RESIDENTS},
     {VEILIG_SETTING_PUBLIC_SPACE, VEILIG_SETTING_NIGHTLIFE},
     1},
    {VEILIG_CATEGORY_CAMERA_SURVEILLANCE,
     6,
     "camera",
     {"Cameratoezicht", "Mobiele camera's", "Cameraroom", "Live meekijken"},
     "Camera's in het uitgaansgebied; centralisten letten ook op straatintimidatie en sturen "
     "handhaving aan.",
     {VEILIG_TARGET_GROUP_EVERYONE, VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS,
      VEILIG_TARGET_GROUP_VISITORS, VEILIG_TARGET_GROUP_OTHER},
     {VEILIG_SETTING_PUBLIC_SPACE, VEILIG_SETTING_NIGHTLIFE},
     1},
    {VEILIG_CATEGORY_CAMPAIGN,
     12,
     "campagne",
     {"Campagne Wat zeg je?", "Social-normcampagne", "Rolmodellen", "Posters en online"},
     "Een campagne die de norm zet: straatintimidatie is niet normaal. Rolmodellen laten zien "
     "wat je kunt doen.",
     {VEILIG_TARGET_GROUP_EVERYONE, VEILIG_TARGET_GROUP_YOUTH, VEILIG_TARGET_GROUP_MEN_BOYS,
      VEILIG_TARGET_GROUP_WOMEN_GIRLS},
     {VEILIG_SETTING_PUBLIC_SPACE, VEILIG_SETTING_ONLINE},
     0},
    {VEILIG_CATEGORY_EDUCATION,
     14,
     "voorlichting",
     {"Voorlichting op scholen", "Deskundigheidsbevordering", "Gastlessen", "Bewustwording"},
     "Voorlichting en gastlessen over grenzen, respect en wat straatintimidatie met je doet; "
     "deskundigheidsbevordering voor professionals.",
     {VEILIG_TARGET_GROUP_PUPILS, VEILIG_TARGET_GROUP_STUDENTS, VEILIG_TARGET_GROUP_PROFESSIONALS,
      VEILIG_TARGET_GROUP_YOUTH},
     {VEILIG_SETTING_EDUCATION, VEILIG_SETTING_OTHER},
     0},
    {VEILIG_CATEGORY_BYSTANDER,
     10,
     "omstanders",
     {"Omstanderstraining", "Handelingsperspectief", "Active bystander", "Grijp in"},
     "Training en handelingsperspectief voor omstanders: hoe grijp je veilig in als je "
     "straatintimidatie ziet?",
     {VEILIG_TARGET_GROUP_BYSTANDERS, VEILIG_TARGET_GROUP_STUDENTS,
      VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS, VEILIG_TARGET_GROUP_EVERYONE},
     {VEILIG_SETTING_PUBLIC_SPACE, VEILIG_SETTING_NIGHTLIFE},
     0},
    {VEILIG_CATEGORY_VICTIM_SUPPORT,
     4,
     "opvang",
     {"Slachtofferhulp", "Zorgroute", "Nazorg", "Luisterlijn"},
     "Wie straatintimidatie meemaakt kan terecht voor een gesprek, nazorg en hulp bij het doen "
     "van aangifte.",
     {VEILIG_TARGET_GROUP_WOMEN_GIRLS, VEILIG_TARGET_GROUP_LGBTIQ, VEILIG_TARGET_GROUP_EVERYONE,
      VEILIG_TARGET_GROUP_OTHER},
     {VEILIG_SETTING_OTHER, VEILIG_SETTING_OTHER},
     0},
    {VEILIG_CATEGORY_REPORTING,
     8,
     "melden",
     {"Meldpunt", "Meld-app", "Anoniem melden", "Meldknop"},
     "Een laagdrempelig meldpunt en een app waarmee je straatintimidatie meldt, ook anoniem; "
     "meldingen geven zicht op plekken en tijden.",
     {VEILIG_TARGET_GROUP_EVERYONE, VEILIG_TARGET_GROUP_WOMEN_GIRLS, VEILIG_TARGET_GROUP_LGBTIQ,
      VEILIG_TARGET_GROUP_BYSTANDERS},
     {VEILIG_SETTING_ONLINE, VEILIG_SETTING_PUBLIC_SPACE},
     0},
    {VEILIG_CATEGORY_ENFORCEMENT,
     3,
     "handhaving",
     {"Verbod in de APV", "Undercover boa's", "Gebiedsverbod", "Lik-op-stuk"},
     "Handhaving op straatintimidatie: boa's in burger, het verbod in de APV en "
     "gebiedsverboden voor veelplegers.",
     {VEILIG_TARGET_GROUP_PERPETRATORS, VEILIG_TARGET_GROUP_MEN_BOYS, VEILIG_TARGET_GROUP_OTHER,
      VEILIG_TARGET_GROUP_OTHER},
     {VEILIG_SETTING_PUBLIC_SPACE, VEILIG_SETTING_NIGHTLIFE},
     1},
    {VEILIG_CATEGORY_LGBTI,
     6,
     "lhbti",
     {"Regenboogstad-aanpak", "Roze in Blauw", "LHBTIQ+-spreekuur", "Veilige ontmoetingsplek"},
     "De LHBTIQ+-aanpak van de Regenboogstad: zichtbaarheid, een aanspreekpunt bij de politie "
     "en veilige plekken.",
     {VEILIG_TARGET_GROUP_LGBTIQ, VEILIG_TARGET_GROUP_YOUTH, VEILIG_TARGET_GROUP_OTHER,
      VEILIG_TARGET_GROUP_OTHER},
     {VEILIG_SETTING_PUBLIC_SPACE, VEILIG_SETTING_NIGHTLIFE},
     0},
    {VEILIG_CATEGORY_PUBLIC_SPACE,
     8,
     "openbare-ruimte",
     {"Veiligheidsschouw", "Verlichting", "Herinrichting", "Veilige looproutes"},
     "Met vrouwen en meisjes lopen we schouwen langs plekken die onveilig voelen; verlichting "
     "en inrichting worden aangepast.",
     {VEILIG_TARGET_GROUP_WOMEN_GIRLS, VEILIG_TARGET_GROUP_RESIDENTS, VEILIG_TARGET_GROUP_EVERYONE,
      VEILIG_TARGET_GROUP_DISABILITY},
     {VEILIG_SETTING_PUBLIC_SPACE, VEILIG_SETTING_OTHER},
     0},
    {VEILIG_CATEGORY_NIGHTLIFE,
     7,
     "uitgaan",
     {"Veilig Uitgaan", "Training horecapersoneel", "Ask for Angela", "Keurmerk"},
     "Afspraken met de horeca in het kader van Veilig Uitgaan: getraind personeel, een "
     "aanspreekpunt in elke zaak en ruimte voor toezicht.",
     {VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS, VEILIG_TARGET_GROUP_WORKERS,
      VEILIG_TARGET_GROUP_ENTREPRENEURS, VEILIG_TARGET_GROUP_WOMEN_GIRLS},
     {VEILIG_SETTING_NIGHTLIFE, VEILIG_SETTING_WORK},
     1},
    {VEILIG_CATEGORY_RESEARCH,
     5,
     "onderzoek",
     {"Monitor straatintimidatie", "Belevingsonderzoek", "Veiligheidsmonitor", "Hotspotanalyse"},
     "Onderzoek naar omvang en plekken van straatintimidatie, met een enquête onder inwoners en "
     "bezoekers.",
     {VEILIG_TARGET_GROUP_RESIDENTS, VEILIG_TARGET_GROUP_STUDENTS, VEILIG_TARGET_GROUP_EVERYONE,
      VEILIG_TARGET_GROUP_OTHER},
     {VEILIG_SETTING_PUBLIC_SPACE, VEILIG_SETTING_OTHER},
     0},
};

/* The stakeholders a municipality draws from. */
typedef struct stakeholder_info {
    const char *id, *name;
    veilig_stakeholder_type kind;
    unsigned percent; /* how often a municipality has it */
    const char *parent;
} stakeholder_info;

static const stakeholder_info stakeholders[] = {
    {"team-veiligheid", "Team Veiligheid", VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT, 100, NULL},
    {"politie", "Politie", VEILIG_STAKEHOLDER_TYPE_POLICE, 100, NULL},
    {"handhaving", "Team Handhaving (boa's)", VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT, 70,
     "team-veiligheid"},
    {"ggd", "GGD", VEILIG_STAKEHOLDER_TYPE_PUBLIC_HEALTH, 60, NULL},
    {"hogeschool", "Hogeschool", VEILIG_STAKEHOLDER_TYPE_KNOWLEDGE_INSTITUTION, 40, NULL},
    {"mbo-college", "Mbo-college", VEILIG_STAKEHOLDER_TYPE_SCHOOL, 50, NULL},
    {"coc", "COC", VEILIG_STAKEHOLDER_TYPE_CIVIL_SOCIETY, 45, NULL},
    {"khn", "Koninklijke Horeca Nederland", VEILIG_STAKEHOLDER_TYPE_BUSINESS, 55, NULL},
    {"studentenvereniging", "Studentenvereniging", VEILIG_STAKEHOLDER_TYPE_STUDENT_ASSOCIATION, 25,
     NULL},
    {"gemeenteraad", "Gemeenteraad", VEILIG_STAKEHOLDER_TYPE_COUNCIL, 30, NULL},
    {"movisie", "Movisie", VEILIG_STAKEHOLDER_TYPE_NATIONAL_BODY, 35, NULL},
    {"rutgers", "Rutgers", VEILIG_STAKEHOLDER_TYPE_EXPERTISE_CENTRE, 20, NULL},
    {"slachtofferhulp", "Slachtofferhulp Nederland", VEILIG_STAKEHOLDER_TYPE_CIVIL_SOCIETY, 40,
     NULL},
    {"jongerenwerk", "Jongerenwerk", VEILIG_STAKEHOLDER_TYPE_CIVIL_SOCIETY, 45, NULL},
    {"ns", "NS", VEILIG_STAKEHOLDER_TYPE_BUSINESS, 20, NULL},
    {"emancipator", "Emancipator", VEILIG_STAKEHOLDER_TYPE_EXPERTISE_CENTRE, 15, NULL},
    {"buurtteam", "Buurtteam", VEILIG_STAKEHOLDER_TYPE_OTHER_KIND, 15, NULL},
};

typedef struct indicator_info {
    const char *id, *name;
    veilig_result_level level;
    veilig_unit unit;
    veilig_direction direction;
    double base, target, noise;
} indicator_info;

static const indicator_info indicators[] = {
    {"meldingen", "Meldingen van straatintimidatie", VEILIG_RESULT_LEVEL_OUTPUT, VEILIG_UNIT_COUNT,
     VEILIG_DIRECTION_INCREASE, 40, 90, 8},
    {"onveiligheidsgevoel", "Aandeel inwoners dat zich 's avonds onveilig voelt in het centrum",
     VEILIG_RESULT_LEVEL_OUTCOME, VEILIG_UNIT_PERCENT, VEILIG_DIRECTION_DECREASE, 38, 25, 2.5},
    {"trainingen", "Gegeven omstanderstrainingen", VEILIG_RESULT_LEVEL_OUTPUT, VEILIG_UNIT_COUNT,
     VEILIG_DIRECTION_INCREASE, 2, 30, 2},
};

#define OBSERVATIONS 60

/* ---- building ---- */

static veilig_date date_of(int year, int month, int day) {
    veilig_date d = {year, month, day};
    return d;
}

static void name_of(char *buf, size_t size, size_t index) {
    /* every index < 25 * 16 * 25 gets its own name: a mixed-radix number
       after a fixed permutation, so that neighbours do not look alike */
    size_t x = (index * 7919u + 13u) % (COUNT(name_first) * COUNT(name_mid) * COUNT(name_last));
    size_t a = x % COUNT(name_first), b = x / COUNT(name_first) % COUNT(name_mid),
           c = x / COUNT(name_first) / COUNT(name_mid) % COUNT(name_last);
    snprintf(buf, size, "%s%s%s", name_first[a], name_mid[b], name_last[c]);
    if (index >= COUNT(name_first) * COUNT(name_mid) * COUNT(name_last))
        snprintf(buf + strlen(buf), size - strlen(buf), " %zu", index);
}

static void add_window(rng *r, veilig_measure *ms) {
    veilig_window *w = NULL;
    check(veilig_measure_add_window(&w, ms), "add window");
    if (veilig_measure_window_count(ms) > 1) {
        /* a second window: daytime on the weekend, or a market day */
        check(veilig_window_add_day(w, rng_chance(r, 50) ? VEILIG_DAY_SAT : VEILIG_DAY_WED),
              "add day");
        check(veilig_window_set_hours(w, 10 * 60 + 30 * (int)rng_below(r, 4), 17 * 60),
              "set hours");
        return;
    }
    static const veilig_day weekend[] = {VEILIG_DAY_THU, VEILIG_DAY_FRI, VEILIG_DAY_SAT};
    unsigned first = rng_below(r, 3);
    for (unsigned d = first; d < 3; d++)
        check(veilig_window_add_day(w, weekend[d]), "add day");
    if (rng_chance(r, 15))
        check(veilig_window_add_day(w, VEILIG_DAY_SUN), "add day");
    if (rng_chance(r, 70)) {
        static const int from[] = {18 * 60, 20 * 60, 21 * 60, 22 * 60, 23 * 60};
        static const int to[] = {2 * 60, 3 * 60, 4 * 60, 5 * 60, 6 * 60, 24 * 60};
        check(veilig_window_set_hours(w, PICK(r, from), PICK(r, to)), "set hours");
    } else {
        check(veilig_window_add_daypart(w, VEILIG_DAYPART_EVENING), "add daypart");
        check(veilig_window_add_daypart(w, VEILIG_DAYPART_NIGHT), "add daypart");
    }
    if (rng_chance(r, 20))
        check(veilig_window_set_note(w, "in de weekenden 's avonds en 's nachts"), "window note");
}

typedef struct muni_ctx {
    const stakeholder_info *have[COUNT(stakeholders)];
    unsigned nhave;
} muni_ctx;

/* Fills in measure ms (its id, name and category are set). */
static void fill_measure(rng *r, const muni_ctx *mc, veilig_measure *ms, const category_info *ci) {
    char text[512];
    if (rng_chance(r, 40))
        snprintf(text, sizeof text, "%s %s", ci->description, PICK(r, sentences));
    else
        snprintf(text, sizeof text, "%s", ci->description);
    check(veilig_measure_set_description(ms, text), "description");
    /* the approach: mostly left to the category's usual one */
    if (rng_chance(r, 30))
        check(veilig_measure_set_approach(ms, veilig_measure_approach(ms)), "approach");
    else if (rng_chance(r, 5))
        check(veilig_measure_set_approach(ms, VEILIG_APPROACH_SIGNALLING), "approach");
    /* target groups and settings from the category's usual ones */
    unsigned ng = rng_below(r, 4);
    for (unsigned i = 0; i < ng; i++) {
        veilig_target_group g = ci->groups[rng_below(r, 4)];
        if (rng_chance(r, 12))
            g = (veilig_target_group)(1 + rng_below(r, 16));
        int rc = g ? veilig_measure_add_target_group(ms, g) : VEILIG_EEXISTS;
        if (rc != VEILIG_EEXISTS)
            check(rc, "target group");
    }
    unsigned ns = rng_below(r, 3);
    for (unsigned i = 0; i < ns; i++) {
        veilig_setting s = ci->settings[rng_below(r, 2)];
        int rc = s ? veilig_measure_add_setting(ms, s) : VEILIG_EEXISTS;
        if (rc != VEILIG_EEXISTS)
            check(rc, "setting");
    }
    if (rng_chance(r, 20)) {
        check(veilig_measure_set_area_name(ms, PICK(r, areas)), "area");
        if (rng_chance(r, 30))
            check(veilig_measure_set_area_note(ms, "en de aanlooproutes"), "area note");
    }
    if (ci->scheduled && rng_chance(r, 75)) {
        add_window(r, ms);
        if (rng_chance(r, 25))
            add_window(r, ms);
    }
    /* partners: one that executes, mostly; others around it */
    unsigned np = 1 + rng_below(r, 2) + rng_chance(r, 15), used = 0;
    for (unsigned i = 0; i < np && i < mc->nhave; i++) {
        /* the municipality's own departments and the police carry most */
        unsigned pick = i == 0 && rng_chance(r, 60) ? rng_below(r, 2) : rng_below(r, mc->nhave);
        while (used & (1u << pick))
            pick = (pick + 1) % mc->nhave;
        used |= 1u << pick;
        const stakeholder_info *s = mc->have[pick];
        veilig_role role = i == 0 && rng_chance(r, 85) ? VEILIG_ROLE_EXECUTING
                           : rng_chance(r, 50)         ? VEILIG_ROLE_PARTNER
                                                       : (veilig_role)(2 + rng_below(r, 6));
        veilig_partner *pa = NULL;
        check(veilig_measure_add_partner(&pa, ms, s->id, role), "partner");
        if (rng_chance(r, 10))
            check(veilig_partner_set_note(pa, "levert menskracht en kennis"), "partner note");
    }
    static const unsigned status_w[] = {60, 25, 10, 5};
    static const veilig_measure_state status_v[] = {
        VEILIG_MEASURE_STATE_OTHER, VEILIG_MEASURE_STATE_ACTIVE, VEILIG_MEASURE_STATE_ENDED,
        VEILIG_MEASURE_STATE_PLANNED};
    veilig_measure_state st = status_v[rng_weighted(r, status_w, 4)];
    if (st)
        check(veilig_measure_set_status(ms, st), "status");
    if (rng_chance(r, 25)) {
        int y = 2018 + (int)rng_below(r, 6);
        veilig_date start = date_of(y, (int)rng_below(r, 13), 0);
        check(veilig_measure_set_period_start(ms, &start), "period start");
        if (st == VEILIG_MEASURE_STATE_ENDED || rng_chance(r, 30)) {
            veilig_date end = date_of(y + 1 + (int)rng_below(r, 3), 0, 0);
            check(veilig_measure_set_period_end(ms, &end), "period end");
        }
    }
    if (rng_chance(r, 30)) {
        int64_t cents = (int64_t)(500 + rng_below(r, 250000)) * 100;
        if (rng_chance(r, 20))
            cents += rng_below(r, 100);
        check(veilig_measure_set_budget(ms, cents, "EUR"), "budget");
        if (rng_chance(r, 30)) {
            int y = 2020 + (int)rng_below(r, 5);
            veilig_date s = date_of(y, 0, 0), e = date_of(y, 12, 31);
            check(veilig_measure_set_budget_period(ms, &s, &e), "budget period");
        }
    }
    if (rng_chance(r, 20))
        check(veilig_measure_set_evidence(ms, (veilig_evidence)(1 + rng_below(r, 6))), "evidence");
    unsigned ni = rng_below(r, 3) / 2 + rng_chance(r, 10);
    for (unsigned i = 0; i < ni; i++) {
        int rc = veilig_measure_add_indicator(ms, indicators[rng_below(r, 3)].id);
        if (rc != VEILIG_EEXISTS)
            check(rc, "measure indicator");
    }
}

static const category_info *pick_category(rng *r) {
    unsigned w[COUNT(categories)];
    for (size_t i = 0; i < COUNT(categories); i++)
        w[i] = categories[i].weight;
    return &categories[rng_weighted(r, w, (unsigned)COUNT(categories))];
}

/* Adds a measure with a fresh id (seq is the next free number). */
static veilig_measure *new_measure(rng *r, const muni_ctx *mc, veilig_municipality *m,
                                   unsigned seq) {
    const category_info *ci = pick_category(r);
    char id[64], name[160];
    snprintf(id, sizeof id, "%s-%u", ci->slug, seq);
    const char *base = ci->names[rng_below(r, 4)];
    if (rng_chance(r, 50))
        snprintf(name, sizeof name, "%s %s", base, PICK(r, areas));
    else
        snprintf(name, sizeof name, "%s", base);
    veilig_measure *ms = NULL;
    check(veilig_municipality_add_measure(&ms, m, id, name, ci->category), "add measure");
    fill_measure(r, mc, ms, ci);
    return ms;
}

static void fill_municipality(rng *r, muni_ctx *mc, veilig_municipality *m, size_t index,
                              unsigned nmeasures) {
    char text[1024], name[64];
    check(veilig_municipality_set_province(m, PICK(r, provinces)), "province");
    veilig_date joined = date_of(2019 + (int)rng_below(r, 5), 1 + (int)rng_below(r, 12), 0);
    check(veilig_municipality_set_membership_joined(m, &joined), "joined");
    check(veilig_municipality_set_membership_status(m, rng_chance(r, 92)
                                                           ? VEILIG_MEMBERSHIP_STATUS_ACTIVE
                                                           : VEILIG_MEMBERSHIP_STATUS_FORMER),
          "membership status");
    name_of(name, sizeof name, index);
    snprintf(text, sizeof text,
             "De gemeente %s is sinds %d aangesloten bij Veilige Steden en kiest voor een brede "
             "aanpak.",
             name, joined.year);
    check(veilig_municipality_set_membership_note(m, text), "membership note");
    check(veilig_municipality_set_summary(m, text), "summary");
    snprintf(text, sizeof text,
             "%s wil dat iedereen zich veilig voelt op straat, in het uitgaansgebied en online, "
             "en de ruimte krijgt zichzelf te zijn. %s %s",
             name, PICK(r, sentences), PICK(r, sentences));
    check(veilig_municipality_set_ambition(m, text), "ambition");

    /* scope */
    check(veilig_municipality_add_target_group(m, VEILIG_TARGET_GROUP_WOMEN_GIRLS), "scope");
    unsigned ng = 1 + rng_below(r, 4);
    for (unsigned i = 0; i < ng; i++) {
        static const veilig_target_group usual[] = {VEILIG_TARGET_GROUP_LGBTIQ,
                                                    VEILIG_TARGET_GROUP_EVERYONE,
                                                    VEILIG_TARGET_GROUP_YOUTH,
                                                    VEILIG_TARGET_GROUP_STUDENTS,
                                                    VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS,
                                                    VEILIG_TARGET_GROUP_DISABILITY};
        int rc = veilig_municipality_add_target_group(m, PICK(r, usual));
        if (rc != VEILIG_EEXISTS)
            check(rc, "scope target group");
    }
    check(veilig_municipality_add_setting(m, VEILIG_SETTING_PUBLIC_SPACE), "scope setting");
    if (rng_chance(r, 80))
        check(veilig_municipality_add_setting(m, VEILIG_SETTING_NIGHTLIFE), "scope setting");
    if (rng_chance(r, 25))
        check(veilig_municipality_add_setting(m, VEILIG_SETTING_ONLINE), "scope setting");
    check(veilig_municipality_add_focus(m, VEILIG_APPROACH_PREVENTION), "focus");
    if (rng_chance(r, 30))
        check(veilig_municipality_add_focus(m, VEILIG_APPROACH_SIGNALLING), "focus");
    if (rng_chance(r, 25))
        check(veilig_municipality_add_exclusion(
                  NULL, m, VEILIG_APPROACH_ENFORCEMENT,
                  "Een repressieve aanpak is strafrechtelijk nog niet mogelijk."),
              "exclusion");

    /* policy links */
    veilig_policy_link *pl = NULL;
    check(veilig_municipality_add_policy_link(&pl, m, "Integraal Veiligheidsbeleid"), "link");
    check(veilig_policy_link_set_kind(pl, VEILIG_LINK_KIND_POLICY), "link kind");
    check(veilig_policy_link_set_relation(pl, VEILIG_LINK_RELATION_EMBEDDED_IN), "link relation");
    if (rng_chance(r, 50)) {
        check(veilig_municipality_add_policy_link(&pl, m, "Regenboogsteden"), "link");
        check(veilig_policy_link_set_kind(pl, VEILIG_LINK_KIND_PROGRAMME), "link kind");
        check(veilig_policy_link_set_relation(pl, VEILIG_LINK_RELATION_ALIGNED_WITH), "link");
        check(veilig_policy_link_set_note(pl, "Aansluiten bij de bestaande aanpak."), "link");
    }

    /* stakeholders */
    mc->nhave = 0;
    for (size_t i = 0; i < COUNT(stakeholders); i++) {
        const stakeholder_info *si = &stakeholders[i];
        if (!rng_chance(r, si->percent))
            continue;
        veilig_stakeholder *s = NULL;
        if (si->kind == VEILIG_STAKEHOLDER_TYPE_POLICE)
            snprintf(text, sizeof text, "%s %s", si->name, name);
        else
            snprintf(text, sizeof text, "%s", si->name);
        check(veilig_municipality_add_stakeholder(&s, m, si->id, text, si->kind), "stakeholder");
        if (i == 0) {
            check(veilig_stakeholder_add_role(s, VEILIG_ROLE_ACCOUNTABLE), "role");
            if (rng_chance(r, 50))
                check(veilig_stakeholder_add_role(s, VEILIG_ROLE_EXECUTING), "role");
        } else {
            check(veilig_stakeholder_add_role(s, rng_chance(r, 60) ? VEILIG_ROLE_PARTNER
                                                                   : VEILIG_ROLE_INVOLVED),
                  "role");
        }
        if (si->parent && mc->nhave && mc->have[0] == &stakeholders[0])
            check(veilig_stakeholder_set_parent(s, si->parent), "parent");
        mc->have[mc->nhave++] = si;
    }

    /* contacts: the desk, and a person marked personal */
    veilig_contact *c = NULL;
    check(veilig_municipality_add_contact(&c, m), "contact");
    check(veilig_contact_set_stakeholder(c, "team-veiligheid"), "contact");
    check(veilig_contact_set_role(c, VEILIG_ROLE_CONTACT_POINT), "contact");
    check(veilig_contact_set_email(c, "veiligheid@gemeente.example"), "contact");
    if (rng_chance(r, 50)) {
        check(veilig_municipality_add_contact(&c, m), "contact");
        check(veilig_contact_set_stakeholder(c, "team-veiligheid"), "contact");
        check(veilig_contact_set_name(c, "Anne de Vries"), "contact");
        check(veilig_contact_set_phone(c, "053 - 481 00 00"), "contact");
        check(veilig_contact_set_personal(c, 1), "contact");
    }

    /* measures */
    for (unsigned k = 0; k < nmeasures; k++)
        new_measure(r, mc, m, k + 1);

    /* indicators, 60 monthly observations each */
    for (size_t i = 0; i < COUNT(indicators); i++) {
        const indicator_info *ii = &indicators[i];
        veilig_indicator *ind = NULL;
        check(veilig_municipality_add_indicator(&ind, m, ii->id, ii->name), "indicator");
        check(veilig_indicator_set_level(ind, ii->level), "level");
        check(veilig_indicator_set_unit(ind, ii->unit), "unit");
        check(veilig_indicator_set_direction(ind, ii->direction), "direction");
        double scale = 0.5 + rng_unit(r);
        veilig_date bd = date_of(2018, 12, 0), td = date_of(2026, 0, 0);
        check(veilig_indicator_set_baseline_date(ind, &bd), "baseline date");
        check(veilig_indicator_set_baseline_value(ind, (double)(long)(ii->base * scale * 10) / 10),
              "baseline value");
        check(veilig_indicator_set_target_date(ind, &td), "target date");
        check(veilig_indicator_set_target_value(ind, (double)(long)(ii->target * scale * 10) / 10),
              "target value");
        double pace = 0.3 + rng_unit(r) * 0.9; /* some on track, some not */
        for (int o = 0; o < OBSERVATIONS; o++) {
            double t = (double)(o + 1) / 84.0; /* 2019-01 .. 2023-12 of 2019..2025 */
            double v = ii->base + (ii->target - ii->base) * t * pace;
            v = v * scale + (rng_unit(r) - 0.5) * ii->noise;
            if (v < 0)
                v = 0;
            veilig_date d = date_of(2019 + o / 12, 1 + o % 12, 0);
            veilig_observation *ob = NULL;
            check(veilig_indicator_add_observation(&ob, ind, &d, (double)(long)(v * 10) / 10),
                  "observation");
            if (o % 12 == 11)
                check(veilig_observation_set_source(ob, "Veiligheidsmonitor"), "obs source");
        }
    }

    veilig_source *src = NULL;
    snprintf(text, sizeof text, "De aanpak van gemeente %s", name);
    check(veilig_municipality_add_source(&src, m, text), "source");
    check(veilig_source_set_publisher(src, "Movisie (programma Veilige Steden)"), "publisher");
    check(veilig_source_set_url(src, "https://www.programmaveiligesteden.nl/gemeenten/"), "url");
    veilig_date ret = date_of(2024, 3, 1);
    check(veilig_source_set_retrieved(src, &ret), "retrieved");
}

/* Version 2: about pct % of the measures changed, pct/3 % removed, pct/3 % added. */
static void make_version2(veilig_registry *reg, uint64_t seed, unsigned pct) {
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        veilig_municipality *m = veilig_registry_get_mut(reg, i);
        rng r;
        rng_seed(&r, seed ^ 0x5eed2ull, i);
        muni_ctx mc = {{NULL}, 0};
        for (size_t s = 0; s < veilig_municipality_stakeholder_count(m); s++) {
            const char *id = veilig_stakeholder_id(veilig_municipality_stakeholder(m, s));
            for (size_t k = 0; k < COUNT(stakeholders); k++)
                if (strcmp(stakeholders[k].id, id) == 0)
                    mc.have[mc.nhave++] = &stakeholders[k];
        }
        size_t n = veilig_municipality_measure_count(m);
        unsigned next = (unsigned)n + 1000;
        /* removals first, from the back so indexes stay put */
        for (size_t k = n; k-- > 0;)
            if (rng_below(&r, 300) < pct)
                check(veilig_municipality_remove_measure(m, k), "remove measure");
        n = veilig_municipality_measure_count(m);
        for (size_t k = 0; k < n; k++) {
            if (rng_below(&r, 100) >= pct)
                continue;
            veilig_measure *ms = veilig_municipality_measure_mut(m, k);
            switch (rng_below(&r, 4)) {
                case 0: {
                    char name[200];
                    snprintf(name, sizeof name, "%s (vernieuwd)", veilig_measure_name(ms));
                    check(veilig_measure_set_name(ms, name), "rename");
                    break;
                }
                case 1:
                    check(veilig_measure_set_status(ms, VEILIG_MEASURE_STATE_ENDED), "status");
                    break;
                case 2:
                    check(veilig_measure_set_budget(
                              ms, (int64_t)(1000 + rng_below(&r, 90000)) * 100, "EUR"),
                          "budget");
                    break;
                default: {
                    int rc = veilig_measure_add_target_group(ms, VEILIG_TARGET_GROUP_BYSTANDERS);
                    if (rc != VEILIG_EEXISTS)
                        check(rc, "target group");
                    break;
                }
            }
        }
        for (size_t k = 0; k < n; k++)
            if (rng_below(&r, 300) < pct)
                new_measure(&r, &mc, m, next++);
    }
}

static void save(const veilig_registry *reg, const char *path) {
    veilig_error err;
    int rc = veilig_registry_save_file(reg, path, NULL, &err);
    if (rc != VEILIG_OK) {
        fprintf(stderr, "veilig-gen: %s: %s\n", path, err.message);
        exit(1);
    }
}

static void validate(const veilig_registry *reg, const char *what) {
    veilig_diagnostics *d = NULL;
    check(veilig_validate(&d, reg), "validate");
    size_t errors = veilig_diagnostics_count_severity(d, VEILIG_SEVERITY_ERROR);
    for (size_t i = 0; i < veilig_diagnostics_count(d) && errors; i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(d, i);
        if (x->severity == VEILIG_SEVERITY_ERROR) {
            fprintf(stderr, "veilig-gen: %s: [%s] %s: %s\n", what, x->rule, x->pointer, x->message);
            break;
        }
    }
    veilig_diagnostics_free(d);
    if (errors) {
        fprintf(stderr, "veilig-gen: %s: %zu validation errors\n", what, errors);
        exit(1);
    }
}

static void usage(void) {
    fprintf(stderr, "usage: veilig-gen [-n MUNICIPALITIES] [-k MEASURES] [-s SEED] [-p PERCENT] "
                    "OUT.json [OUT-v2.json]\n");
    exit(2);
}

int main(int argc, char **argv) {
    unsigned long n = 342, k = 50, pct = 3;
    unsigned long long seed = 9;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i += 2) {
        if (i + 1 >= argc)
            usage();
        char *end = NULL;
        unsigned long long v = strtoull(argv[i + 1], &end, 10);
        if (!end || *end)
            usage();
        switch (argv[i][1]) {
            case 'n':
                n = (unsigned long)v;
                break;
            case 'k':
                k = (unsigned long)v;
                break;
            case 's':
                seed = v;
                break;
            case 'p':
                pct = (unsigned long)v;
                break;
            default:
                usage();
        }
    }
    if (i >= argc || argc - i > 2 || n == 0 || n > 10000 || k > 100000 || pct > 100)
        usage();
    const char *out = argv[i], *out2 = i + 1 < argc ? argv[i + 1] : NULL;

    veilig_registry *reg = NULL;
    check(veilig_registry_new(&reg), "registry");
    veilig_programme *p = NULL;
    check(veilig_registry_set_programme(&p, reg), "programme");
    check(veilig_programme_set_name(p, "Veilige Steden"), "programme name");
    check(veilig_programme_set_operator(p, "Movisie"), "programme operator");
    veilig_source *src = NULL;
    check(veilig_programme_add_source(&src, p, "Programma Veilige Steden (synthetisch)"), "src");
    check(veilig_source_set_url(src, "https://www.programmaveiligesteden.nl/"), "url");

    for (size_t m = 0; m < n; m++) {
        rng r;
        rng_seed(&r, seed, m);
        char code[16], name[64];
        /* GM0001.. for up to 9,999 municipalities, GM0000.. for 10,000 */
        snprintf(code, sizeof code, "GM%04zu", n < 10000 ? m + 1 : m);
        name_of(name, sizeof name, m);
        veilig_municipality *mu = NULL;
        check(veilig_registry_add(&mu, reg, code, name), "add municipality");
        if (rng_chance(&r, 20)) {
            char official[80];
            snprintf(official, sizeof official, "Gemeente %s", name);
            check(veilig_municipality_set_official_name(mu, official), "official name");
        }
        muni_ctx mc;
        fill_municipality(&r, &mc, mu, m, (unsigned)k);
    }
    validate(reg, out);
    save(reg, out);
    if (out2) {
        make_version2(reg, seed, (unsigned)pct);
        validate(reg, out2);
        save(reg, out2);
    }
    veilig_registry_free(reg);
    return 0;
}
