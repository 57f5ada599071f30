/* libveilig: helpers shared by the analyses. */
#include "analysis_internal.h"

void vg_render_begin(vg_jwriter *w, vg_buf *b) {
    vg_buf_init(b);
    vg_jw_init(w, b, 0);
}

int vg_render_finish(char **out, size_t *len, vg_buf *b) {
    vg_buf_putc(b, '\n');
    *out = vg_buf_finish(b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}

void vg_render_term(vg_jwriter *w, const char *key, const veilig_registry *reg, veilig_vocab vocab,
                    vg_term t) {
    vg_jw_key(w, key);
    vg_jw_cstring(w, vg_term_code(reg, vocab, t));
}
