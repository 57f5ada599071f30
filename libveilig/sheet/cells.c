/*
 * libveilig: the values of spreadsheet cells: dates, times, numbers and
 * budgets, yes and no, provinces, and vocabulary codes given as codes or as
 * Dutch or English labels, with a suggestion for a near miss.
 */
#include <stdio.h>
#include <string.h>

#include "sheet_internal.h"

/* Spaces around a value: ASCII blanks and the no-break space (U+00A0) spreadsheets write. */
static void vg_trim(const char **s, size_t *len) {
    const char *p = *s;
    size_t n = *len;
    for (;;) {
        if (n && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++, n--;
        else if (n >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
            p += 2, n -= 2;
        else
            break;
    }
    for (;;) {
        if (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\n'))
            n--;
        else if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 && (unsigned char)p[n - 1] == 0xA0)
            n -= 2;
        else
            break;
    }
    *s = p;
    *len = n;
}

/* A cell's text as it may be quoted in a message: at most 60 bytes, cut at a character. */
static void vg_quote(char *buf, size_t size, const char *s, size_t len) {
    size_t n = len < 60 ? len : 60;
    while (n < len && n && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    snprintf(buf, size, "%.*s%s", (int)n, s, n < len ? "..." : "");
}

/* ---- dates ---- */

static const char *const vg_months[][4] = {
    {"jan", "januari", "january", NULL}, {"feb", "februari", "february", NULL},
    {"mrt", "maart", "march", "mar"},    {"apr", "april", NULL, NULL},
    {"mei", "may", NULL, NULL},          {"jun", "juni", "june", NULL},
    {"jul", "juli", "july", NULL},       {"aug", "augustus", "august", NULL},
    {"sep", "september", "sept", NULL},  {"okt", "oktober", "october", "oct"},
    {"nov", "november", NULL, NULL},     {"dec", "december", NULL, NULL}};

static int vg_month_name(const char *s, size_t len) {
    char w[16];
    if (len == 0 || len >= sizeof w)
        return 0;
    for (size_t i = 0; i < len; i++)
        w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    w[len] = '\0';
    if (len > 1 && w[len - 1] == '.')
        w[--len] = '\0';
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 4 && vg_months[m][k]; k++)
            if (strcmp(w, vg_months[m][k]) == 0)
                return m + 1;
    return 0;
}

/* Splits s into at most 3 parts at '-', '/', '.', ' ' (runs of them); the parts' spans. */
static int vg_parts(const char *s, size_t len, const char **p, size_t *n) {
    int k = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == '-' || s[i] == '/' || s[i] == ' ' || s[i] == '.'))
            i++;
        if (i >= len)
            break;
        if (k == 3)
            return -1;
        size_t st = i;
        while (i < len && s[i] != '-' && s[i] != '/' && s[i] != ' ' && !(s[i] == '.' && i > st))
            i++;
        /* a month name may end in '.' ("nov.") */
        if (i < len && s[i] == '.' && !(s[st] >= '0' && s[st] <= '9'))
            i++;
        p[k] = s + st;
        n[k] = i - st;
        k++;
    }
    return k;
}

static int vg_digits(const char *s, size_t len, int *out) {
    if (len == 0 || len > 4)
        return 0;
    int v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int vg_cell_date(veilig_date *out, const char *s, size_t len) {
    const char *p[3];
    size_t n[3];
    vg_trim(&s, &len);
    int k = vg_parts(s, len, p, n);
    int a[3] = {0, 0, 0}, num[3] = {0, 0, 0};
    veilig_date d = {0, 0, 0};
    if (k <= 0)
        return VEILIG_EINVAL;
    for (int i = 0; i < k; i++) {
        num[i] = vg_digits(p[i], n[i], &a[i]);
        if (!num[i] && !(a[i] = vg_month_name(p[i], n[i])))
            return VEILIG_EINVAL;
    }
    if (k == 1 && num[0] && n[0] == 4) {
        d.year = a[0]; /* 2021 */
    } else if (k == 2 && num[0] && n[0] == 4 && num[1]) {
        d.year = a[0], d.month = a[1]; /* 2021-11 */
    } else if (k == 2 && n[1] == 4 && num[1] && (!num[0] || n[0] <= 2)) {
        d.year = a[1], d.month = a[0]; /* nov 2021, 11-2021 */
    } else if (k == 3 && num[0] && n[0] == 4 && num[1] && num[2]) {
        d.year = a[0], d.month = a[1], d.day = a[2]; /* 2021-11-01 */
    } else if (k == 3 && num[0] && n[0] <= 2 && num[2] && n[2] == 4) {
        d.year = a[2], d.month = a[1], d.day = a[0]; /* 1-11-2021, 1 nov 2021 (day first) */
    } else {
        return VEILIG_EINVAL;
    }
    if (!vg_date_ok(&d))
        return VEILIG_EINVAL;
    *out = d;
    return VEILIG_OK;
}

/* ---- times ---- */

int vg_cell_time(const char *s, size_t len) {
    vg_trim(&s, &len);
    int h = 0, m = 0, sec = 0;
    size_t i = 0, nd = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9' && nd < 2)
        h = h * 10 + (s[i++] - '0'), nd++;
    if (nd == 0 || i >= len || (s[i] != ':' && s[i] != '.' && s[i] != 'u'))
        return -1;
    i++;
    nd = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9' && nd < 2)
        m = m * 10 + (s[i++] - '0'), nd++;
    if (nd != 2)
        return -1;
    if (i < len && s[i] == ':') { /* seconds, as spreadsheets write times: 23:00:00 */
        i++;
        nd = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && nd < 2)
            sec = sec * 10 + (s[i++] - '0'), nd++;
        if (nd != 2 || sec != 0)
            return -1;
    }
    if (i != len || m > 59 || h > 24 || (h == 24 && m != 0))
        return -1;
    return h * 60 + m;
}

/* ---- numbers ---- */

int vg_cell_number(char *buf, size_t size, const char *s, size_t len, char decimal) {
    vg_trim(&s, &len);
    /* a currency in front or behind: €, EUR */
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x82 &&
        (unsigned char)s[2] == 0xAC)
        s += 3, len -= 3;
    else if (len >= 3 && (s[0] == 'E' || s[0] == 'e') && (s[1] == 'U' || s[1] == 'u') &&
             (s[2] == 'R' || s[2] == 'r'))
        s += 3, len -= 3;
    vg_trim(&s, &len);
    if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x82 &&
        (unsigned char)s[len - 1] == 0xAC)
        len -= 3;
    vg_trim(&s, &len);
    if (len == 0 || len + 2 > size)
        return VEILIG_EINVAL;
    size_t i = 0, o = 0;
    if (s[0] == '-' || s[0] == '+') {
        if (s[0] == '-')
            buf[o++] = '-';
        i++;
    }
    /* which mark is the decimal one: the last of both; of one kind only, the table's mark
       when it occurs once, else thousands separators */
    size_t ndot = 0, ncomma = 0, last = len;
    size_t exp = len;
    for (size_t j = i; j < len; j++) {
        if (s[j] == '.')
            ndot++, last = j;
        else if (s[j] == ',')
            ncomma++, last = j;
        else if ((s[j] == 'e' || s[j] == 'E') && exp == len)
            exp = j;
    }
    char dec = 0;
    if (ndot && ncomma) {
        dec = s[last];
    } else if (ndot + ncomma == 1) {
        /* one mark: decimal unless exactly three digits follow ("1.250"); then the table's
           convention decides */
        size_t after = exp - last - 1;
        if (after != 3 || s[last] == decimal || exp < len)
            dec = s[last];
    }
    int digits = 0, seen_dec = 0;
    size_t group = 0; /* digits since the last thousands separator */
    int grouped = 0;
    for (; i < exp; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            buf[o++] = c;
            digits++;
            group++;
        } else if (c == dec && !seen_dec) {
            if (grouped && group != 3)
                return VEILIG_EINVAL;
            seen_dec = 1;
            grouped = 0;
            if (!digits)
                buf[o++] = '0';
            buf[o++] = '.';
            group = 0;
        } else if ((c == '.' || c == ',' || c == ' ') && !seen_dec && digits &&
                   (grouped ? group == 3 : group <= 3)) {
            grouped = 1; /* a thousands separator: 1.250 or 1,250 or 1 250 */
            group = 0;
        } else {
            return VEILIG_EINVAL;
        }
    }
    if (grouped && group != 3)
        return VEILIG_EINVAL;
    if (!digits || buf[o - 1] == '.')
        return VEILIG_EINVAL;
    if (exp < len) {
        buf[o++] = 'e';
        i = exp + 1;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            buf[o++] = s[i++];
        if (i >= len)
            return VEILIG_EINVAL;
        for (; i < len; i++) {
            if (s[i] < '0' || s[i] > '9')
                return VEILIG_EINVAL;
            buf[o++] = s[i];
        }
    }
    buf[o] = '\0';
    /* JSON: no leading zeros ("007" -> "7") */
    char *d = buf + (buf[0] == '-');
    size_t z = 0;
    while (d[z] == '0' && d[z + 1] >= '0' && d[z + 1] <= '9')
        z++;
    if (z)
        memmove(d, d + z, strlen(d + z) + 1);
    return VEILIG_OK;
}

/* ---- vocabularies ---- */

/* The value of a code or label (0 when none) and, when none, the nearest text for a
   suggestion (NULL when nothing is near). */
static int vg_vocab_match(veilig_vocab vocab, const char *s, size_t len, const char **near) {
    char want[128], have[128];
    size_t best = (size_t)-1;
    *near = NULL;
    if (vg_sheet_norm(want, sizeof want, s, len) == 0)
        return 0;
    for (int pass = 0; pass < 3; pass++) {
        for (int v = 1; v <= veilig_vocab_size(vocab); v++) {
            const char *t = pass == 0   ? veilig_vocab_code(vocab, v)
                            : pass == 1 ? veilig_vocab_label(vocab, v, "nl")
                                        : veilig_vocab_label(vocab, v, "en");
            vg_sheet_norm(have, sizeof have, t, strlen(t));
            if (strcmp(want, have) == 0)
                return v;
            size_t d = vg_edit_distance(want, have);
            if (d < best) {
                best = d;
                *near = t;
            }
        }
    }
    size_t wl = strlen(want);
    if (best > 3 || best * 3 > wl)
        *near = NULL;
    return 0;
}

/* "a category", "an evidence level", from the vocabulary's name. */
static void vg_vocab_what(char *buf, size_t size, veilig_vocab vocab) {
    const char *name = veilig_vocab_name(vocab);
    if (vocab == VEILIG_VOCAB_EVIDENCE)
        name = "evidence_level";
    else if (vocab == VEILIG_VOCAB_MEASURE_STATE)
        name = "status";
    const char *an = strchr("aeiou", name[0]) ? "an" : "a";
    int n = snprintf(buf, size, "%s %s", an, name);
    for (int i = 0; i < n && (size_t)i < size; i++)
        if (buf[i] == '_')
            buf[i] = ' ';
}

static int vg_code(const char **out, veilig_vocab vocab, const char *s, size_t len, char *msg,
                   size_t size) {
    const char *near = NULL;
    int v = vg_vocab_match(vocab, s, len, &near);
    if (v) {
        *out = veilig_vocab_code(vocab, v);
        return VEILIG_OK;
    }
    char what[48], q[80];
    vg_vocab_what(what, sizeof what, vocab);
    vg_quote(q, sizeof q, s, len);
    if (near)
        snprintf(msg, size, "'%s' is not %s; did you mean '%s'?", q, what, near);
    else
        snprintf(msg, size, "'%s' is not %s (see the codes in docs/spreadsheets.md)", q, what);
    return VEILIG_EINVAL;
}

/* ---- lists ---- */

/* Splits a list cell at ';', ',' and line breaks into items (trimmed, empty ones dropped);
   calls fn for each. */
static int vg_split(const char *s, size_t len, int (*fn)(void *, const char *, size_t), void *ctx) {
    size_t st = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == ';' || s[i] == ',' || s[i] == '\n' || s[i] == '\r') {
            const char *p = s + st;
            size_t n = i - st;
            vg_trim(&p, &n);
            if (n) {
                int rc = fn(ctx, p, n);
                if (rc != VEILIG_OK)
                    return rc;
            }
            st = i + 1;
        }
    }
    return VEILIG_OK;
}

typedef struct vg_list {
    vg_buf items;
    size_t n;
    const vg_column *col;
    char *msg;
    size_t size;
} vg_list;

static int vg_list_item(void *ctx, const char *s, size_t len) {
    vg_list *l = ctx;
    const char *code = NULL;
    size_t clen = len;
    if (l->col->type == VG_C_CODES) {
        int rc = vg_code(&code, (veilig_vocab)l->col->vocab, s, len, l->msg, l->size);
        if (rc != VEILIG_OK)
            return rc;
        clen = strlen(code);
        /* a code given twice is kept once, as the model's setters do */
        const char *p = l->items.data;
        for (size_t i = 0; i < l->n; i++, p += strlen(p) + 1)
            if (strcmp(p, code) == 0)
                return VEILIG_OK;
    } else {
        code = s;
    }
    vg_buf_put(&l->items, code, clen);
    vg_buf_putc(&l->items, '\0');
    l->n++;
    return l->items.failed ? VEILIG_ENOMEM : VEILIG_OK;
}

/* ---- one cell ---- */

static int vg_bool(int *out, const char *s, size_t len) {
    static const char *const yes[] = {"ja", "yes", "true", "waar", "j", "y", "1", "x"};
    static const char *const no[] = {"nee", "no", "false", "onwaar", "n", "0"};
    char w[16];
    if (vg_sheet_norm(w, sizeof w, s, len) == 0)
        return VEILIG_EINVAL;
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (strcmp(w, yes[i]) == 0)
            return *out = 1, VEILIG_OK;
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (strcmp(w, no[i]) == 0)
            return *out = 0, VEILIG_OK;
    return VEILIG_EINVAL;
}

static const char *vg_province(const char *s, size_t len) {
    char want[64], have[64];
    vg_sheet_norm(want, sizeof want, s, len);
    for (size_t i = 0; i < veilig_province_count(); i++) {
        const char *code = veilig_province_code(i);
        const char *names[3] = {code, veilig_province_name(code, "nl"),
                                veilig_province_name(code, "en")};
        for (int k = 0; k < 3; k++) {
            vg_sheet_norm(have, sizeof have, names[k], strlen(names[k]));
            if (strcmp(want, have) == 0)
                return code;
        }
    }
    return NULL;
}

static int vg_set_text(vg_value *out, const vg_cellctx *cx, const char *s, size_t len) {
    char *t = vg_arena_strndup(cx->arena, s, len);
    if (!t)
        return VEILIG_ENOMEM;
    out->json = VG_JSTRING;
    out->text = t;
    return VEILIG_OK;
}

int vg_cell_parse(vg_value *out, const vg_cellctx *cx, const vg_column *col, const char *s,
                  size_t len, char *msg, size_t size) {
    const char *t = s;
    size_t tl = len;
    char q[80], num[96];
    vg_trim(&t, &tl);
    if (tl == 0)
        return VEILIG_ENOTFOUND;
    vg_quote(q, sizeof q, t, tl);
    switch ((vg_ctype)col->type) {
        case VG_C_TEXT:
            return vg_set_text(out, cx, s, len); /* text keeps its spaces */
        case VG_C_MUNI:
        case VG_C_PARENT:
        case VG_C_KEY:
            return vg_set_text(out, cx, t, tl);
        case VG_C_DATE: {
            veilig_date d;
            char buf[VEILIG_DATE_BUFSIZE];
            if (vg_cell_date(&d, t, tl) != VEILIG_OK || veilig_date_format(buf, sizeof buf, &d))
                return snprintf(msg, size,
                                "'%s' is not a date (write 2021, 2021-11, 2021-11-01, nov 2021 "
                                "or 1-11-2021)",
                                q),
                       VEILIG_EINVAL;
            return vg_set_text(out, cx, buf, strlen(buf));
        }
        case VG_C_TIME: {
            int m = vg_cell_time(t, tl);
            if (m < 0)
                return snprintf(msg, size, "'%s' is not a time (write 23:00 or 04:30)", q),
                       VEILIG_EINVAL;
            snprintf(num, sizeof num, "%02d:%02d", m / 60, m % 60);
            return vg_set_text(out, cx, num, 5);
        }
        case VG_C_CODE: {
            const char *code = NULL;
            int rc = vg_code(&code, (veilig_vocab)col->vocab, t, tl, msg, size);
            if (rc != VEILIG_OK)
                return rc;
            out->json = VG_JSTRING;
            out->text = code; /* static */
            return VEILIG_OK;
        }
        case VG_C_PROVINCE: {
            const char *code = vg_province(t, tl);
            if (!code)
                return snprintf(msg, size, "'%s' is not a province (write NL-OV or Overijssel)", q),
                       VEILIG_EINVAL;
            out->json = VG_JSTRING;
            out->text = code;
            return VEILIG_OK;
        }
        case VG_C_CODES:
        case VG_C_IDS: {
            vg_list l = {{NULL, 0, 0, 0, NULL}, 0, col, msg, size};
            vg_buf_init(&l.items);
            int rc = vg_split(t, tl, vg_list_item, &l);
            if (rc == VEILIG_OK && l.n == 0)
                rc = VEILIG_ENOTFOUND;
            if (rc == VEILIG_OK) {
                char *items = vg_arena_alloc(cx->arena, l.items.len);
                if (!items) {
                    rc = VEILIG_ENOMEM;
                } else {
                    memcpy(items, l.items.data, l.items.len);
                    out->json = VG_JARRAY;
                    out->text = items;
                    out->n = l.n;
                }
            }
            vg_buf_free(&l.items);
            return rc;
        }
        case VG_C_NUMBER:
        case VG_C_AMOUNT: {
            if (vg_cell_number(num, sizeof num, t, tl, cx->decimal) != VEILIG_OK)
                return snprintf(msg, size, "'%s' is not a number", q), VEILIG_EINVAL;
            if (col->type == VG_C_AMOUNT) {
                const char *dot = strchr(num, '.');
                if (num[0] == '-' || strchr(num, 'e') || (dot && strlen(dot + 1) > 2))
                    return snprintf(msg, size,
                                    "'%s' is not an amount (not negative, at most two decimals: "
                                    "1250.50 or 1.250,50)",
                                    q),
                           VEILIG_EINVAL;
            }
            char *lit = vg_arena_strdup(cx->arena, num);
            if (!lit)
                return VEILIG_ENOMEM;
            out->json = VG_JNUMBER;
            out->text = lit;
            return VEILIG_OK;
        }
        case VG_C_BOOL: {
            int b;
            if (vg_bool(&b, t, tl) != VEILIG_OK)
                return snprintf(msg, size, "'%s' is not yes or no (write ja or nee)", q),
                       VEILIG_EINVAL;
            out->json = b ? VG_JTRUE : VG_JFALSE;
            out->text = NULL;
            return VEILIG_OK;
        }
    }
    return VEILIG_EINVAL;
}
