/*
 * fuzz_dot.c: libFuzzer target for the DOT loader (our recogniser, then
 * cgraph for what it accepts). Run by scripts/fuzz.sh; replayed on
 * tests/fuzz/regressions/dot by the replay test.
 *
 * Besides crashes it checks two promises of load_dot.c, and aborts when one
 * is broken, so that the fuzzer reports the input:
 *  - the recogniser accepts nothing that cgraph refuses (cgraph 2.42
 *    corrupts its heap on the read after a syntax error, so a disagreement
 *    is a memory bug waiting for the next load);
 *  - the recogniser decodes names as cgraph does, so every unit has the
 *    line of its first mention.
 */
#include "fuzz_common.h"

#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    og_diags *diags = og_diags_new();
    og_model *m = NULL;
    og_status st = og_model_load_buffer((const char *)data, size,
                                        OG_FORMAT_DOT, "fuzz.dot", &m, diags);
    for (size_t i = 0; i < og_diags_count(diags); i++) {
        const og_diag *d = og_diags_get(diags, i);
        if (strncmp(d->message, "cgraph could not read", 21) == 0) {
            fprintf(stderr, "fuzz_dot: recogniser accepted, cgraph refused: "
                            "%s\n", d->message);
            abort();
        }
    }
    if (st == OG_OK && m) {
        for (igraph_integer_t u = 0; u < og_model_unit_count(m); u++) {
            const char *file;
            long line;
            og_model_origin(m, OG_UNIT, u, &file, &line);
            if (line <= 0) {
                fprintf(stderr, "fuzz_dot: unit '%s' has no line: the "
                                "recogniser decoded its name differently\n",
                        og_unit_id(m, u));
                abort();
            }
        }
        fuzz_exercise(m, diags);
    }
    og_diags_sort(diags);
    og_model_free(m);
    og_diags_free(diags);
    return 0;
}
