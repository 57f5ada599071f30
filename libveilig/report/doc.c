/*
 * libveilig: the text and Markdown document writer of the renderings
 * (render.h): headings, wrapped paragraphs, fields, items and tables.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* ---- documents: headings, paragraphs and fields in text or Markdown ---- */

static void vg_spaces(vg_buf *b, size_t n) {
    while (n--)
        vg_buf_putc(b, ' ');
}

static int vg_is_space(char ch) {
    return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
}

/* Writes s word by word, wrapped at VG_WIDTH; the cursor is at column col;
   continuation lines start with indent spaces. Runs of white space become one;
   control characters are escaped (escape.h). */
void vg_wrap(vg_buf *b, const char *s, size_t indent, size_t col) {
    int fresh = 1; /* nothing written on this line since the indent */
    while (s && *s) {
        while (vg_is_space(*s))
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && !vg_is_space(*e))
            e++;
        size_t ww = vg_term_width(s, (size_t)(e - s));
        if (!fresh && col + 1 + ww > VG_WIDTH) {
            vg_buf_putc(b, '\n');
            vg_spaces(b, indent);
            col = indent;
            fresh = 1;
        }
        if (!fresh) {
            vg_buf_putc(b, ' ');
            col++;
        }
        vg_term_put(b, s, (size_t)(e - s), VG_TERM_SPACES);
        col += ww;
        fresh = 0;
        s = e;
    }
}

void vg_d_heading(vg_doc *d, int level, const char *text) {
    if (d->md) {
        for (int i = 0; i < level; i++)
            vg_buf_putc(d->b, '#');
        vg_buf_putc(d->b, ' ');
        vg_md_put(d->b, text, 0);
        vg_buf_puts(d->b, "\n\n");
        return;
    }
    size_t start = d->b->len;
    vg_term_puts(d->b, text, VG_TERM_SPACES);
    size_t w = d->b->failed ? 0 : vg_term_width(d->b->data + start, d->b->len - start);
    vg_buf_putc(d->b, '\n');
    if (level <= 2) {
        for (size_t i = 0; i < w; i++)
            vg_buf_putc(d->b, level == 1 ? '=' : '-');
        vg_buf_putc(d->b, '\n');
    }
    vg_buf_putc(d->b, '\n');
}

/* A paragraph, indented by indent in text. */
void vg_d_para(vg_doc *d, const char *text, size_t indent) {
    if (!text)
        return;
    if (d->md) {
        vg_md_put(d->b, text, 1);
    } else {
        vg_spaces(d->b, indent);
        vg_wrap(d->b, text, indent, indent);
    }
    vg_buf_puts(d->b, "\n\n");
}

/* "Label:   value" (text, at indent) or "- **Label:** value" (Markdown); nothing for an empty
 * value. */
void vg_d_field(vg_doc *d, size_t indent, const char *label_nl, const char *label_en,
                const char *value) {
    if (!value || !*value)
        return;
    const char *label = VG_L(&d->c->o, label_nl, label_en);
    if (d->md) {
        vg_buf_puts(d->b, "- **");
        vg_md_put(d->b, label, 0);
        vg_buf_puts(d->b, ":** ");
        vg_md_put(d->b, value, 0);
    } else {
        vg_spaces(d->b, indent);
        vg_buf_puts(d->b, label);
        vg_buf_putc(d->b, ':');
        size_t w = vg_term_widths(label) + 1;
        size_t pad = w < VG_LABEL_W ? VG_LABEL_W - w : 1;
        vg_spaces(d->b, pad);
        vg_wrap(d->b, value, indent + w + pad, indent + w + pad);
    }
    vg_buf_putc(d->b, '\n');
}

/* The same with the value composed in d->t. */
void vg_d_field_t(vg_doc *d, size_t indent, const char *label_nl, const char *label_en) {
    if (d->t.len)
        vg_d_field(d, indent, label_nl, label_en, vg_cstr(&d->t));
    d->t.len = 0;
}

/* A list item ("- text"), wrapped in text. */
void vg_d_item(vg_doc *d, const char *text) {
    vg_buf_puts(d->b, "- ");
    if (d->md) /* an item's text begins a line of its own ("- 1. x" would nest a list) */
        vg_md_put(d->b, text, 1);
    else
        vg_wrap(d->b, text, 2, 2);
    vg_buf_putc(d->b, '\n');
}

/* Empties d->t for composing. */
vg_buf *vg_d_t(vg_doc *d) {
    d->t.len = 0;
    return &d->t;
}

/* Writes a table (text or Markdown) into the document, followed by a blank line, and frees it. */
void vg_d_table(vg_doc *d, vg_tb *tb) {
    if (tb->t.failed || tb->s.failed)
        d->b->failed = 1;
    else
        vg_table_write(&tb->t, d->b, d->c->o.format);
    vg_buf_putc(d->b, '\n');
    vg_tb_free(tb);
}

int vg_doc_finish(vg_doc *d, char **out, size_t *len) {
    if (d->t.failed)
        d->b->failed = 1;
    vg_buf_free(&d->t);
    while (!d->b->failed && d->b->len >= 2 && d->b->data[d->b->len - 1] == '\n' &&
           d->b->data[d->b->len - 2] == '\n')
        d->b->len--;
    return vg_finish_buf(d->b, out, len);
}
