/*
 * libveilig: renderings of differences, with personal contacts
 * filtered out of the values,
 * as text, Markdown, CSV and JSON (report.h; render.h has the shared layers).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* ---- differences, with personal contacts filtered out of the values ---- */

/* What a diff row's value may hold of contacts, by its pointer. */
enum {
    VG_DV_PLAIN,        /* no contacts */
    VG_DV_MUNICIPALITY, /* a whole municipality: filter its "contacts" */
    VG_DV_CONTACTS,     /* the contacts list: filter it */
    VG_DV_CONTACT,      /* one contact: left out when personal */
    VG_DV_FIELD,        /* a field of a contact that may be personal: left out */
    VG_DV_PROGRAMME     /* the whole programme block: its "contact" left out when personal */
};

/* Member key of object o, or NULL. */
static const vg_jnode *vg_jget(const vg_jnode *o, const char *key) {
    const vg_jmember *mb = o && o->type == VG_JOBJECT ? vg_json_get(o, key) : NULL;
    return mb ? &mb->value : NULL;
}

/* The kind of a contact's field: plain for the fields that never hold
   personal data, else one to leave out. */
static int vg_dv_contact_field(const char *key, size_t len) {
    static const char *const safe[] = {"stakeholder", "role", "personal"};
    for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
        if (len == strlen(safe[i]) && strncmp(key, safe[i], len) == 0)
            return VG_DV_PLAIN;
    return VG_DV_FIELD;
}

/* The kind of value at pointer (into a document: /programme/..., /municipalities/N/...). */
static int vg_dv_kind(const char *pointer) {
    const char *seg[6];
    size_t segl[6], n = 0;
    const char *p = pointer ? pointer : "";
    while (*p == '/' && n < 6) {
        const char *s = ++p;
        while (*p && *p != '/')
            p++;
        seg[n] = s;
        segl[n++] = (size_t)(p - s);
    }
    /* the programme's one contact: /programme/contact[/field] */
    if (n >= 1 && segl[0] == 9 && strncmp(seg[0], "programme", 9) == 0) {
        if (n == 1)
            return VG_DV_PROGRAMME;
        if (segl[1] != 7 || strncmp(seg[1], "contact", 7) != 0)
            return VG_DV_PLAIN;
        return n == 2 ? VG_DV_CONTACT : vg_dv_contact_field(seg[2], segl[2]);
    }
    if (n < 2 || segl[0] != 14 || strncmp(seg[0], "municipalities", 14) != 0)
        return VG_DV_PLAIN;
    if (n == 2)
        return VG_DV_MUNICIPALITY;
    if (segl[2] != 8 || strncmp(seg[2], "contacts", 8) != 0)
        return VG_DV_PLAIN;
    if (n == 3)
        return VG_DV_CONTACTS;
    if (n == 4)
        return VG_DV_CONTACT;
    return n == 5 ? vg_dv_contact_field(seg[4], segl[4]) : VG_DV_FIELD;
}

static int vg_is_personal(const vg_jnode *n) {
    const vg_jnode *v = vg_jget(n, "personal");
    return v && v->type == VG_JTRUE;
}

/* Writes node without personal contacts (kind: VG_DV_MUNICIPALITY,
   VG_DV_CONTACTS or VG_DV_PROGRAMME). */
static void vg_jw_redacted(vg_jwriter *w, const vg_jnode *n, int kind) {
    if (kind == VG_DV_PROGRAMME && n->type == VG_JOBJECT) {
        vg_jw_begin_object(w);
        for (uint32_t i = 0; i < n->len; i++) {
            const vg_jmember *mb = &n->u.members[i];
            if (strcmp(mb->key, "contact") == 0 && vg_is_personal(&mb->value))
                continue;
            vg_jw_key(w, mb->key);
            vg_jw_node(w, &mb->value);
        }
        vg_jw_end_object(w);
    } else if (kind == VG_DV_MUNICIPALITY && n->type == VG_JOBJECT) {
        vg_jw_begin_object(w);
        for (uint32_t i = 0; i < n->len; i++) {
            const vg_jmember *mb = &n->u.members[i];
            vg_jw_key(w, mb->key);
            vg_jw_redacted(w, &mb->value,
                           strcmp(mb->key, "contacts") == 0 ? VG_DV_CONTACTS : VG_DV_PLAIN);
        }
        vg_jw_end_object(w);
    } else if (kind == VG_DV_CONTACTS && n->type == VG_JARRAY) {
        vg_jw_begin_array(w);
        for (uint32_t i = 0; i < n->len; i++)
            if (!vg_is_personal(&n->u.items[i]))
                vg_jw_node(w, &n->u.items[i]);
        vg_jw_end_array(w);
    } else {
        vg_jw_node(w, n);
    }
}

/* A diff value as it may be shown. */
typedef struct vg_dval {
    const char *text;     /* the value to show (compact JSON), or NULL */
    int left_out;         /* 0, or 1 (a personal contact) or 2 (a contact's field) */
    const vg_jnode *node; /* parsed, when parsed */
} vg_dval;

/* Decides how value text (at pointer) is shown; a rewritten text goes to arena. */
static int vg_dval_get(vg_dval *dv, vg_arena *arena, const char *pointer, const char *text,
                       int keep_personal) {
    dv->text = text;
    dv->left_out = 0;
    dv->node = NULL;
    if (!text || keep_personal)
        return VEILIG_OK;
    int kind = vg_dv_kind(pointer);
    if (kind == VG_DV_PLAIN)
        return VEILIG_OK;
    if (kind == VG_DV_FIELD) {
        dv->text = NULL;
        dv->left_out = 2;
        return VEILIG_OK;
    }
    vg_jnode *root = NULL;
    int rc = vg_json_parse(&root, arena, text, strlen(text), NULL, NULL);
    if (rc == VEILIG_ENOMEM)
        return rc;
    if (rc != VEILIG_OK) { /* cannot tell: leave it out */
        dv->text = NULL;
        dv->left_out = 2;
        return VEILIG_OK;
    }
    dv->node = root;
    if (kind == VG_DV_CONTACT) {
        if (vg_is_personal(root)) {
            dv->text = NULL;
            dv->left_out = 1;
        }
        return VEILIG_OK;
    }
    if (!strstr(text, "\"personal\""))
        return VEILIG_OK;
    vg_buf b;
    vg_jwriter w;
    vg_buf_init(&b);
    vg_jw_init(&w, &b, VG_JW_COMPACT);
    vg_jw_redacted(&w, root, kind);
    const char *s = vg_cstr(&b);
    dv->text = b.failed ? NULL : vg_arena_strdup(arena, s);
    vg_buf_free(&b);
    return dv->text ? VEILIG_OK : VEILIG_ENOMEM;
}

static const char *vg_left_out_text(const vg_rc *c, int why) {
    return why == 1 ? VG_L(&c->o, "[persoonsgegevens weggelaten]", "[personal data left out]")
                    : VG_L(&c->o, "[contactgegevens weggelaten]", "[contact details left out]");
}

static const char *vg_change_code(veilig_change ch) {
    return ch == VEILIG_CHANGE_ADDED     ? "added"
           : ch == VEILIG_CHANGE_REMOVED ? "removed"
                                         : "changed";
}

/* The JSON of a diff with personal contacts left out: veilig_diff_to_json's layout,
   and "left_out": "personal_data" / "contact_details" instead of a value left out. */
static int vg_diff_json(const veilig_diff_result *df, char **out, size_t *len) {
    vg_arena arena;
    vg_arena_init(&arena, 4096);
    vg_buf b;
    vg_jwriter w;
    vg_buf_init(&b);
    vg_jw_init(&w, &b, 0);
    vg_jw_begin_array(&w);
    int rc = VEILIG_OK;
    for (size_t i = 0; i < veilig_diff_count(df) && rc == VEILIG_OK; i++) {
        const char *ptr = veilig_diff_pointer(df, i);
        const char *texts[2] = {veilig_diff_old(df, i), veilig_diff_new(df, i)};
        static const char *const keys[2] = {"old", "new"};
        vg_dval dv[2];
        for (int k = 0; k < 2 && rc == VEILIG_OK; k++)
            rc = vg_dval_get(&dv[k], &arena, ptr, texts[k], 0);
        if (rc != VEILIG_OK)
            break;
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "change");
        vg_jw_cstring(&w, vg_change_code(veilig_diff_change(df, i)));
        vg_jw_key(&w, "municipality");
        vg_jw_cstring(&w, veilig_diff_municipality(df, i));
        if (veilig_diff_measure(df, i)) {
            vg_jw_key(&w, "measure");
            vg_jw_cstring(&w, veilig_diff_measure(df, i));
        }
        vg_jw_key(&w, "pointer");
        vg_jw_cstring(&w, ptr);
        int left_out = 0;
        for (int k = 0; k < 2; k++) {
            if (!texts[k])
                continue;
            if (dv[k].left_out) {
                left_out = dv[k].left_out;
                continue;
            }
            const vg_jnode *node = dv[k].node;
            vg_jnode *parsed = NULL;
            if (dv[k].text != texts[k] || !node) {
                rc = vg_json_parse(&parsed, &arena, dv[k].text, strlen(dv[k].text), NULL, NULL);
                if (rc != VEILIG_OK) {
                    rc = rc == VEILIG_ENOMEM ? rc : VEILIG_EINVAL;
                    break;
                }
                node = parsed;
            }
            vg_jw_key(&w, keys[k]);
            vg_jw_node(&w, node);
        }
        if (left_out) {
            vg_jw_key(&w, "left_out");
            vg_jw_cstring(&w, left_out == 1 ? "personal_data" : "contact_details");
        }
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_buf_putc(&b, '\n');
    vg_arena_free(&arena);
    if (rc != VEILIG_OK) {
        vg_buf_free(&b);
        return rc;
    }
    return vg_finish_buf(&b, out, len);
}

/* Whether a row of the diff has a value to leave out or filter. */
static int vg_diff_touches_contacts(const veilig_diff_result *df) {
    for (size_t i = 0; i < veilig_diff_count(df); i++) {
        int kind = vg_dv_kind(veilig_diff_pointer(df, i));
        const char *o = veilig_diff_old(df, i), *n = veilig_diff_new(df, i);
        if (kind == VG_DV_FIELD || kind == VG_DV_CONTACT)
            return 1;
        if (kind != VG_DV_PLAIN &&
            ((o && strstr(o, "\"personal\"")) || (n && strstr(n, "\"personal\""))))
            return 1;
    }
    return 0;
}

int veilig_render_diff(char **out, size_t *len, const veilig_diff_result *df,
                       const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, df, opts);
    if (rc != VEILIG_OK)
        return rc;
    int keep = (c.o.flags & VEILIG_REPORT_INCLUDE_PERSONAL) != 0;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return keep || !vg_diff_touches_contacts(df) ? veilig_diff_to_json(out, len, df)
                                                     : vg_diff_json(df, out, len);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 6) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "change", "Wijziging", "Change", 0);
    vg_tb_col(&tb, "municipality", "Gemeente", "Municipality", 0);
    vg_tb_col(&tb, "measure", "Maatregel", "Measure", 0);
    vg_tb_col(&tb, "pointer", "Pointer", "Pointer", 0);
    vg_tb_col(&tb, "old", "Oud", "Old", 0);
    vg_tb_col(&tb, "new", "Nieuw", "New", 0);
    vg_arena arena;
    vg_arena_init(&arena, 4096);
    for (size_t i = 0; i < veilig_diff_count(df) && rc == VEILIG_OK; i++) {
        veilig_change ch = veilig_diff_change(df, i);
        const char *ptr = veilig_diff_pointer(df, i);
        vg_tb_row(&tb);
        if (c.mach)
            vg_tb_cell(&tb, vg_change_code(ch));
        else
            vg_tb_cell(&tb, ch == VEILIG_CHANGE_ADDED     ? VG_L(&c.o, "toegevoegd", "added")
                            : ch == VEILIG_CHANGE_REMOVED ? VG_L(&c.o, "verwijderd", "removed")
                                                          : VG_L(&c.o, "gewijzigd", "changed"));
        vg_tb_cell(&tb, veilig_diff_municipality(df, i));
        vg_tb_cell(&tb, veilig_diff_measure(df, i));
        vg_tb_cell(&tb, ptr);
        const char *texts[2] = {veilig_diff_old(df, i), veilig_diff_new(df, i)};
        for (int k = 0; k < 2; k++) {
            vg_dval dv;
            rc = vg_dval_get(&dv, &arena, ptr, texts[k], keep);
            if (rc != VEILIG_OK)
                break;
            const char *s = dv.left_out ? vg_left_out_text(&c, dv.left_out) : dv.text;
            if (s && c.o.format == VEILIG_FORMAT_TEXT) {
                vg_put_cut(vg_tb_buf(&tb), s, 60);
                vg_tb_put(&tb);
            } else {
                vg_tb_cell(&tb, s);
            }
        }
        vg_arena_free(&arena);
        vg_arena_init(&arena, 4096);
    }
    vg_arena_free(&arena);
    if (rc != VEILIG_OK) {
        vg_tb_free(&tb);
        return rc;
    }
    return vg_tb_finish(&tb, out, len);
}
