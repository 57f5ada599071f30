/* The hand-made fixture of the analysis tests (tests/data/analysis/fixture.json). */
#ifndef VG_ANALYSIS_FIXTURE_H
#define VG_ANALYSIS_FIXTURE_H

#include <veilig.h>

#include "testutil.h"

/* Loads the fixture; aborts the test on failure. Free with veilig_registry_free. */
static inline veilig_registry *vg_fixture(void) {
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_file(&reg, vg_test_data("analysis/fixture.json"), NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "fixture: %s:%d:%d %s", err.source, err.line, err.column,
                  err.message);
    return reg;
}

#endif
