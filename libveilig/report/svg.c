/* libveilig: the SVG charts of the HTML reports (svg.h). */
#include <stdio.h>
#include <string.h>

#include "svg.h"

/* ---- text ---- */

/* Width of a character in hundredths of an em, for a common sans-serif. */
static int vg_char_em(const char *s, size_t n) {
    unsigned char c = (unsigned char)s[0];
    if (n > 1)
        return 62;
    switch (c) { /* (a switch: this runs for every character of every label) */
        case 'i':
        case 'j':
        case 'l':
        case '.':
        case ',':
        case ':':
        case ';':
        case '\'':
        case '|':
        case '!':
        case 'I':
            return 30;
        case 'f':
        case 't':
        case 'r':
        case ' ':
        case '(':
        case ')':
        case '-':
        case '/':
        case '[':
        case ']':
            return 40;
        case 'm':
        case 'w':
        case 'M':
        case 'W':
            return 92;
        default:
            break;
    }
    if (c >= 'A' && c <= 'Z')
        return 72;
    if (c >= '0' && c <= '9')
        return 64;
    return 60;
}

int vg_text_width(const char *s, size_t max, int font_px) {
    long em = 0;
    size_t chars = 0;
    int cut = vg_utf8_chars(s) > max;
    size_t keep = cut ? (max > 1 ? max - 1 : 0) : max;
    while (s && *s && chars < keep) {
        size_t n = vg_char_len(s);
        em += vg_char_em(s, n);
        s += n;
        chars++;
    }
    if (cut)
        em += 100;
    return (int)((em * font_px + 99) / 100);
}

/* ---- colours ---- */

static const char *const vg_fills[VG_SVG_LEVELS] = {"#eef1f5", "#d4e4f4", "#a9c8e8",
                                                    "#6fa3d6", "#2f6fad", "#123f6e"};
static const char *const vg_inks[VG_SVG_LEVELS] = {"#4b5563", "#0f2b46", "#0f2b46",
                                                   "#0b1f33", "#ffffff", "#ffffff"};
/* "4–5" (an en dash; the octal escape ends where the digit 5 begins) */
static const char *const vg_level_names[VG_SVG_LEVELS] = {"0", "1", "2", "3", "4\342\200\2235",
                                                          "6+"};

int vg_svg_level(unsigned count) {
    if (count >= 6)
        return 5;
    if (count >= 4)
        return 4;
    return (int)count;
}

const char *vg_svg_fill(int level) {
    return vg_fills[level < 0 ? 0 : level >= VG_SVG_LEVELS ? VG_SVG_LEVELS - 1 : level];
}

const char *vg_svg_ink(int level) {
    return vg_inks[level < 0 ? 0 : level >= VG_SVG_LEVELS ? VG_SVG_LEVELS - 1 : level];
}

#define VG_BAR_FILL   "#1d5c96"
#define VG_MUTED_FILL "#8c97a4"
#define VG_TRACK_FILL "#e8ecf1"
#define VG_INK        "#1f2933"
#define VG_INK_SOFT   "#4b5563"
#define VG_RULE       "#c5ccd5"
#define VG_MARK       "#c2410c"

/* Appends v in decimal: the charts' many coordinates without printf. */
static void vg_svg_int(vg_buf *b, long v) {
    char d[24];
    size_t i = sizeof d;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        d[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        d[--i] = '-';
    vg_buf_put(b, d + i, sizeof d - i);
}

/* Appends <text x="x" y="y">, the text's other attributes given by its group. */
static void vg_svg_text_at(vg_buf *b, int x, int y) {
    vg_buf_put(b, "<text x=\"", 9);
    vg_svg_int(b, x);
    vg_buf_put(b, "\" y=\"", 5);
    vg_svg_int(b, y);
    vg_buf_put(b, "\">", 2);
}

static int vg_max(int a, int b) {
    return a > b ? a : b;
}

static int vg_clamp(int v, int lo, int hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

/* <svg ...> with its size, viewBox, role and label, and a <title>. */
static void vg_svg_open(vg_buf *b, const char *cls, int w, int h, const char *title) {
    vg_buf_printf(b,
                  "<svg class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                  "role=\"img\" aria-label=\"",
                  cls, w, h, w, h);
    vg_xml_escape(b, title);
    vg_buf_puts(b, "\" font-size=\"12\"><title>");
    vg_xml_escape(b, title);
    vg_buf_puts(b, "</title>\n");
}

/* A text cut to max characters; the full text as a tooltip when cut. attrs
   are the <text> element's attributes. */
static void vg_svg_text_cut(vg_buf *b, const char *attrs, const char *s, size_t max) {
    int cut = vg_utf8_chars(s) > max;
    if (cut) {
        vg_buf_puts(b, "<g><title>");
        vg_xml_escape(b, s);
        vg_buf_puts(b, "</title>");
    }
    vg_buf_printf(b, "<text %s>", attrs);
    vg_xml_escape_cut(b, s, max);
    vg_buf_puts(b, "</text>");
    if (cut)
        vg_buf_puts(b, "</g>");
    vg_buf_putc(b, '\n');
}

/* A legend of the count scale at (x, y): swatches 0, 1, 2, 3, 4-5, 6+ and a
   text; returns the x after it. */
static int vg_svg_scale_legend(vg_buf *b, int x, int y, const char *label) {
    for (int l = 0; l < VG_SVG_LEVELS; l++) {
        vg_buf_printf(b,
                      "<rect x=\"%d\" y=\"%d\" width=\"16\" height=\"12\" rx=\"2\" fill=\"%s\" "
                      "stroke=\"%s\" stroke-width=\"0.5\"/>"
                      "<text x=\"%d\" y=\"%d\" fill=\"" VG_INK_SOFT "\">%s</text>",
                      x, y - 10, vg_fills[l], VG_RULE, x + 20, y, vg_level_names[l]);
        x += 20 + vg_text_width(vg_level_names[l], 8, 12) + 12;
    }
    if (label && *label) {
        char attrs[96];
        vg_format(attrs, sizeof attrs, "x=\"%d\" y=\"%d\" fill=\"" VG_INK_SOFT "\"", x + 4, y);
        vg_svg_text_cut(b, attrs, label, 80);
        x += 4 + vg_text_width(label, 80, 12);
    } else {
        vg_buf_putc(b, '\n');
    }
    return x;
}

/* ---- bar chart ---- */

#define VG_BARS_WIDTH     720
#define VG_BARS_ROW       26
#define VG_BARS_THICK     16
#define VG_BARS_LABEL_MAX 44

void vg_svg_bars(vg_buf *b, const char *title, const vg_svg_bar *bars, size_t n) {
    int label_w = 0, value_w = 0;
    unsigned max = 0;
    char num[32];
    for (size_t i = 0; i < n; i++) {
        label_w = vg_max(label_w, vg_text_width(bars[i].label, VG_BARS_LABEL_MAX, 13));
        vg_format(num, sizeof num, "%u", bars[i].value);
        value_w = vg_max(value_w, vg_text_width(num, 16, 13));
        if (bars[i].value > max)
            max = bars[i].value;
    }
    label_w = vg_clamp(label_w + 16, 120, 340);
    int area = VG_BARS_WIDTH - label_w - value_w - 16;
    int h = (int)n * VG_BARS_ROW + 12;
    if (n == 0)
        h = 32;
    vg_svg_open(b, "chart bars", VG_BARS_WIDTH, h, title);
    for (size_t i = 0; i < n; i++) {
        int y = 6 + (int)i * VG_BARS_ROW;
        int cy = y + VG_BARS_ROW / 2;
        int len = max ? (int)((long long)bars[i].value * area / max) : 0;
        if (bars[i].value && len < 2)
            len = 2;
        char attrs[128];
        vg_format(attrs, sizeof attrs,
                  "x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\" fill=\"%s\"",
                  label_w - 10, cy + 5, bars[i].muted ? VG_INK_SOFT : VG_INK);
        vg_svg_text_cut(b, attrs, bars[i].label, VG_BARS_LABEL_MAX);
        vg_buf_printf(b,
                      "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\" "
                      "fill=\"" VG_TRACK_FILL "\"/>",
                      label_w, cy - VG_BARS_THICK / 2, area, VG_BARS_THICK);
        if (len)
            vg_buf_printf(b,
                          "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\" "
                          "fill=\"%s\"/>",
                          label_w, cy - VG_BARS_THICK / 2, len, VG_BARS_THICK,
                          bars[i].muted ? VG_MUTED_FILL : VG_BAR_FILL);
        vg_buf_printf(b,
                      "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"600\" "
                      "fill=\"" VG_INK "\">%u</text>\n",
                      label_w + area + 8, cy + 5, bars[i].value);
    }
    if (n == 0)
        vg_buf_printf(b, "<text x=\"8\" y=\"20\" fill=\"" VG_INK_SOFT "\">\xE2\x80\x94</text>\n");
    vg_buf_puts(b, "</svg>");
}

/* ---- heat map ---- */

#define VG_HM_CW        40
#define VG_HM_CH        24
#define VG_HM_ROW_MAX   30
#define VG_HM_COL_MAX   30
#define VG_HM_TOTAL_GAP 10

/* A slanted column label whose foot is at (x, y): rising to the right
   (down 0), or hanging down to the right (down 1, under a long map). */
static void vg_svg_slanted(vg_buf *b, int x, int y, const char *s, int bold, int down) {
    char attrs[128];
    vg_format(attrs, sizeof attrs,
              "transform=\"translate(%d %d) rotate(%d)\" fill=\"" VG_INK "\"%s", x, y,
              down ? 45 : -45, bold ? " font-weight=\"700\"" : "");
    vg_svg_text_cut(b, attrs, s, VG_HM_COL_MAX);
}

/* Maps longer than this repeat their column labels under the totals. */
#define VG_HM_REPEAT_ROWS 30

void vg_svg_heatmap_write(vg_buf *b, const vg_svg_heatmap *h) {
    int totals = h->total_label != NULL;
    int label_w = 0;
    for (size_t r = 0; r < h->rows; r++)
        label_w = vg_max(label_w, vg_text_width(h->row_labels[r], VG_HM_ROW_MAX, 12));
    if (totals)
        label_w = vg_max(label_w, vg_text_width(h->total_label, VG_HM_ROW_MAX, 12));
    label_w = vg_clamp(label_w + 16, 90, 250);

    int x0 = label_w;
    int xt = x0 + (int)h->cols * VG_HM_CW + VG_HM_TOTAL_GAP; /* the totals column */
    int x_end = totals ? xt + VG_HM_CW : x0 + (int)h->cols * VG_HM_CW;
    /* slanted labels rise as far as they reach right: about 0.71 of their width */
    int rise = 0, right = x_end;
    for (size_t c = 0; c <= h->cols; c++) {
        const char *s = c < h->cols ? h->col_labels[c] : totals ? h->total_label : NULL;
        if (!s)
            continue;
        int cx = c < h->cols ? x0 + (int)c * VG_HM_CW + VG_HM_CW / 2 : xt + VG_HM_CW / 2;
        int reach = vg_text_width(s, VG_HM_COL_MAX, 12) * 71 / 100 + 6;
        rise = vg_max(rise, reach);
        right = vg_max(right, cx + reach);
    }
    int y0 = rise + 14; /* top of the first row */
    int rows_h = h->rows ? (int)h->rows * VG_HM_CH : VG_HM_CH + 8;
    int y_tot = y0 + rows_h + 8;                                     /* top of the totals row */
    int y_foot = totals && h->rows ? y_tot + VG_HM_CH : y0 + rows_h; /* under the grid */
    int repeat = h->rows > VG_HM_REPEAT_ROWS;
    int y_leg = y_foot + (repeat ? rise + 4 : 0) + 30;
    int height = y_leg + 12;
    int legend_end = x0 + 6 * 56 + vg_text_width(h->legend_label, 80, 12) + 8;
    int width = vg_max(vg_max(right, x_end), legend_end) + 12;

    vg_svg_open(b, "chart heatmap", width, height, h->title);
    for (size_t c = 0; c < h->cols; c++)
        vg_svg_slanted(b, x0 + (int)c * VG_HM_CW + VG_HM_CW / 2 - 2, y0 - 6, h->col_labels[c], 0,
                       0);
    if (totals)
        vg_svg_slanted(b, xt + VG_HM_CW / 2 - 2, y0 - 6, h->total_label, 1, 0);

    if (!h->rows) {
        vg_buf_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"" VG_INK_SOFT "\">", x0, y0 + 18);
        vg_xml_escape(b, h->empty_text);
        vg_buf_puts(b, "</text>\n");
    }
    for (size_t r = 0; r < h->rows; r++) {
        int y = y0 + (int)r * VG_HM_CH;
        unsigned total = 0;
        char attrs[96];
        if (r % 2 == 1)
            vg_buf_printf(b, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f6f8fa\"/>",
                          y, x_end, VG_HM_CH);
        vg_format(attrs, sizeof attrs, "x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"" VG_INK "\"",
                  x0 - 8, y + VG_HM_CH / 2 + 4);
        vg_svg_text_cut(b, attrs, h->row_labels[r], VG_HM_ROW_MAX);
        for (size_t c = 0; c < h->cols; c++) {
            unsigned v = h->cells[r * h->cols + c];
            int l = vg_svg_level(v);
            int x = x0 + (int)c * VG_HM_CW;
            total += v;
            vg_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                          x + 1, y + 1, VG_HM_CW - 2, VG_HM_CH - 2, vg_fills[l]);
            if (v)
                vg_buf_printf(b,
                              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" "
                              "fill=\"%s\">%u</text>",
                              x + VG_HM_CW / 2, y + VG_HM_CH / 2 + 4, vg_inks[l], v);
        }
        if (totals)
            vg_buf_printf(b,
                          "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"700\" "
                          "fill=\"" VG_INK "\">%u</text>",
                          xt + VG_HM_CW / 2, y + VG_HM_CH / 2 + 4, total);
        vg_buf_putc(b, '\n');
    }
    if (totals && h->rows) {
        unsigned grand = 0;
        vg_buf_printf(b,
                      "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" VG_RULE
                      "\" stroke-width=\"1\"/>\n",
                      y_tot - 4, x_end, y_tot - 4);
        char attrs[128];
        vg_format(attrs, sizeof attrs,
                  "x=\"%d\" y=\"%d\" text-anchor=\"end\" font-weight=\"700\" fill=\"" VG_INK "\"",
                  x0 - 8, y_tot + VG_HM_CH / 2 + 4);
        vg_svg_text_cut(b, attrs, h->total_label, VG_HM_ROW_MAX);
        for (size_t c = 0; c < h->cols; c++) {
            unsigned t = 0;
            for (size_t r = 0; r < h->rows; r++)
                t += h->cells[r * h->cols + c];
            grand += t;
            vg_buf_printf(b,
                          "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"700\" "
                          "fill=\"" VG_INK "\">%u</text>",
                          x0 + (int)c * VG_HM_CW + VG_HM_CW / 2, y_tot + VG_HM_CH / 2 + 4, t);
        }
        vg_buf_printf(b,
                      "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"700\" "
                      "fill=\"" VG_INK "\">%u</text>\n",
                      xt + VG_HM_CW / 2, y_tot + VG_HM_CH / 2 + 4, grand);
    }
    if (repeat) {
        for (size_t c = 0; c < h->cols; c++)
            vg_svg_slanted(b, x0 + (int)c * VG_HM_CW + VG_HM_CW / 2 - 4, y_foot + 10,
                           h->col_labels[c], 0, 1);
        if (totals)
            vg_svg_slanted(b, xt + VG_HM_CW / 2 - 4, y_foot + 10, h->total_label, 1, 1);
    }
    vg_svg_scale_legend(b, x0, y_leg, h->legend_label);
    vg_buf_puts(b, "</svg>");
}

/* ---- week grid ---- */

#define VG_WK_CW 32
#define VG_WK_CH 28

void vg_svg_week_write(vg_buf *b, const vg_svg_week *w) {
    int label_w = 0;
    for (int d = 0; d < 7; d++)
        label_w = vg_max(label_w, vg_text_width(w->day_labels[d], 16, 12));
    label_w = vg_clamp(label_w + 16, 60, 140);
    int x0 = label_w, y0 = 24;
    int x_end = x0 + 24 * VG_WK_CW;
    int y_leg = y0 + 7 * VG_WK_CH + 28;
    int y_mark = y_leg + 24;
    int height = (w->marked ? y_mark : y_leg) + 12;
    int legend_end = x0 + 6 * 56 + vg_text_width(w->legend_label, 80, 12) + 8;
    int mark_end = x0 + 40 + vg_text_width(w->marked_label, 100, 12) + 8;
    int width = vg_max(x_end, vg_max(legend_end, w->marked ? mark_end : 0)) + 12;

    vg_svg_open(b, "chart week", width, height, w->title);
    /* the hours over the grid, their shared attributes once */
    vg_buf_puts(b, "<g text-anchor=\"middle\" font-size=\"10\" fill=\"" VG_INK_SOFT "\">");
    for (int hr = 0; hr < 24; hr++) {
        vg_svg_text_at(b, x0 + hr * VG_WK_CW + VG_WK_CW / 2, y0 - 8);
        char two[2] = {(char)('0' + hr / 10), (char)('0' + hr % 10)};
        vg_buf_put(b, two, 2);
        vg_buf_puts(b, "</text>");
    }
    vg_buf_puts(b, "</g>\n");
    for (int d = 0; d < 7; d++) {
        char attrs[96];
        vg_format(attrs, sizeof attrs, "x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"" VG_INK "\"",
                  x0 - 8, y0 + d * VG_WK_CH + VG_WK_CH / 2 + 4);
        vg_svg_text_cut(b, attrs, w->day_labels[d], 16);
    }
    /* the slots: one path per colour (a square per slot of that level), then
       the numbers, one group per colour: the same picture as a rectangle
       and a text per slot, in a quarter of the bytes */
    char square[32]; /* a slot's square after its corner */
    int sq =
        vg_format(square, sizeof square, "h%dv%dh-%dz", VG_WK_CW - 2, VG_WK_CH - 2, VG_WK_CW - 2);
    for (int l = 0; l < VG_SVG_LEVELS; l++) {
        int any = 0;
        for (int s = 0; s < 7 * 24; s++) {
            if (vg_svg_level(w->slots[s]) != l)
                continue;
            if (!any)
                vg_buf_printf(b, "<path fill=\"%s\" d=\"", vg_fills[l]);
            any = 1;
            vg_buf_putc(b, 'M');
            vg_svg_int(b, x0 + s % 24 * VG_WK_CW + 1);
            vg_buf_putc(b, ' ');
            vg_svg_int(b, y0 + s / 24 * VG_WK_CH + 1);
            vg_buf_put(b, square, (size_t)sq);
        }
        if (any)
            vg_buf_puts(b, "\"/>\n");
    }
    for (int l = 1; l < VG_SVG_LEVELS; l++) {
        int any = 0;
        for (int s = 0; s < 7 * 24; s++) {
            unsigned v = w->slots[s];
            if (!v || vg_svg_level(v) != l)
                continue;
            if (!any)
                vg_buf_printf(b, "<g text-anchor=\"middle\" font-size=\"11\" fill=\"%s\">",
                              vg_inks[l]);
            any = 1;
            vg_svg_text_at(b, x0 + s % 24 * VG_WK_CW + VG_WK_CW / 2,
                           y0 + s / 24 * VG_WK_CH + VG_WK_CH / 2 + 4);
            vg_svg_int(b, (long)v);
            vg_buf_puts(b, "</text>");
        }
        if (any)
            vg_buf_puts(b, "</g>\n");
    }
    /* the marked window: one outline per run of marked hours in a day */
    if (w->marked) {
        for (int d = 0; d < 7; d++) {
            int hr = 0;
            while (hr < 24) {
                if (!w->marked[d * 24 + hr]) {
                    hr++;
                    continue;
                }
                int start = hr;
                while (hr < 24 && w->marked[d * 24 + hr])
                    hr++;
                vg_buf_printf(b,
                              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" "
                              "fill=\"none\" stroke=\"" VG_MARK "\" stroke-width=\"2.5\"/>",
                              x0 + start * VG_WK_CW, y0 + d * VG_WK_CH + 1, (hr - start) * VG_WK_CW,
                              VG_WK_CH - 2);
            }
        }
        vg_buf_putc(b, '\n');
    }
    vg_svg_scale_legend(b, x0, y_leg, w->legend_label);
    if (w->marked) {
        char attrs[96];
        vg_buf_printf(b,
                      "<rect x=\"%d\" y=\"%d\" width=\"28\" height=\"14\" rx=\"3\" fill=\"none\" "
                      "stroke=\"" VG_MARK "\" stroke-width=\"2.5\"/>",
                      x0, y_mark - 11);
        vg_format(attrs, sizeof attrs, "x=\"%d\" y=\"%d\" fill=\"" VG_INK_SOFT "\"", x0 + 38,
                  y_mark);
        vg_svg_text_cut(b, attrs, w->marked_label, 100);
    }
    vg_buf_puts(b, "</svg>");
}

/* ---- progress bars ---- */

#define VG_PG_MIN_WIDTH 600
#define VG_PG_VALUE_MAX 60
#define VG_PG_ROW       30
#define VG_PG_THICK     14
#define VG_PG_LABEL_MAX 40
#define VG_PG_AREA      300

static const char *vg_tone_fill(int tone) {
    switch (tone) {
        case VG_TONE_GOOD:
            return "#2e7d32";
        case VG_TONE_ON:
            return VG_BAR_FILL;
        case VG_TONE_OFF:
            return "#c05621";
        default:
            return VG_MUTED_FILL;
    }
}

void vg_svg_progress(vg_buf *b, const char *title, const char *target_label,
                     const vg_svg_progress_row *rows, size_t n) {
    int label_w = 0, value_w = 0;
    long scale = 1250; /* permille at the right end of the scale */
    for (size_t i = 0; i < n; i++) {
        label_w = vg_max(label_w, vg_text_width(rows[i].label, VG_PG_LABEL_MAX, 13));
        value_w = vg_max(value_w, vg_text_width(rows[i].value_text, VG_PG_VALUE_MAX, 13));
        if (rows[i].has_value && rows[i].permille > scale)
            scale = rows[i].permille;
    }
    if (scale > 2000)
        scale = 2000;
    scale = (scale + 249) / 250 * 250;
    label_w = vg_clamp(label_w + 16, 140, 320);
    int x0 = label_w, y0 = 30;
    int height = y0 + (int)n * VG_PG_ROW + 10;
    int x_target = x0 + (int)(1000L * VG_PG_AREA / scale);
    int width = vg_max(x0 + VG_PG_AREA + 12 + value_w + 12, VG_PG_MIN_WIDTH);

    vg_svg_open(b, "chart progress", width, height, title);
    /* the scale: ticks every 50 %, the target line at 100 % */
    for (long t = 0; t <= scale; t += 500) {
        int x = x0 + (int)(t * VG_PG_AREA / scale);
        vg_buf_printf(b,
                      "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" VG_RULE
                      "\" stroke-width=\"1\"/>"
                      "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" "
                      "fill=\"" VG_INK_SOFT "\">%ld%%</text>",
                      x, y0 - 4, x, height - 6, x, y0 - 8, t / 10);
    }
    vg_buf_putc(b, '\n');
    for (size_t i = 0; i < n; i++) {
        int y = y0 + (int)i * VG_PG_ROW;
        int cy = y + VG_PG_ROW / 2;
        char attrs[128];
        vg_format(attrs, sizeof attrs,
                  "x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\" fill=\"" VG_INK "\"",
                  x0 - 10, cy + 5);
        vg_svg_text_cut(b, attrs, rows[i].label, VG_PG_LABEL_MAX);
        vg_buf_printf(b,
                      "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" "
                      "fill=\"" VG_TRACK_FILL "\"/>",
                      x0, cy - VG_PG_THICK / 2, VG_PG_AREA, VG_PG_THICK);
        if (rows[i].has_value && rows[i].permille > 0) {
            long p = rows[i].permille > scale ? scale : rows[i].permille;
            int len = (int)(p * VG_PG_AREA / scale);
            if (len < 2)
                len = 2;
            vg_buf_printf(b,
                          "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" "
                          "fill=\"%s\"/>",
                          x0, cy - VG_PG_THICK / 2, len, VG_PG_THICK, vg_tone_fill(rows[i].tone));
        }
        vg_format(attrs, sizeof attrs, "x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"" VG_INK "\"",
                  x0 + VG_PG_AREA + 12, cy + 5);
        vg_svg_text_cut(b, attrs, rows[i].value_text, VG_PG_VALUE_MAX);
    }
    /* the target line over the bars */
    vg_buf_printf(b,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" VG_INK
                  "\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>",
                  x_target, y0 - 2, x_target, height - 6);
    vg_buf_printf(b,
                  "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" "
                  "font-weight=\"700\" fill=\"" VG_INK "\">",
                  x_target, 10);
    vg_xml_escape_cut(b, target_label, 20);
    vg_buf_puts(b, "</text>\n</svg>");
}
