/* libveilig internals shared by the analyses. */
#ifndef VG_ANALYSIS_INTERNAL_H
#define VG_ANALYSIS_INTERNAL_H

#include "../model_internal.h"

/* Starts a JSON rendering into b (pretty, canonical layout). */
void vg_render_begin(vg_jwriter *w, vg_buf *b);
/* Ends it with a newline and hands the text to *out (VEILIG_ENOMEM if the buffer failed). */
int vg_render_finish(char **out, size_t *len, vg_buf *b);

/* The enum value of a term of a known vocabulary, 0 for unknown codes and absent. */
#define VG_KNOWN(t) ((int)vg_term_known(t))

/* Writes "key": code, with the code of a term (null when absent). */
void vg_render_term(vg_jwriter *w, const char *key, const veilig_registry *reg, veilig_vocab vocab,
                    vg_term t);

#endif
