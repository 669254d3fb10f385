/*
 * fuzz_common.h: what every fuzz target does with a model it managed to
 * load: check it, analyse every ranking line and write it in every format
 * into memory, so that the fuzzers reach the code that consumes loaded
 * models, not only the parsers. Header-only, shared by tests/fuzz/fuzz_*.c.
 */
#ifndef ORGRAPH_FUZZ_COMMON_H
#define ORGRAPH_FUZZ_COMMON_H

#include "internal.h"

#include <stdint.h>
#include <stdlib.h>

static void fuzz_exercise(og_model *m, og_diags *diags)
{
    og_model_check(m, diags);
    og_analysis a;
    if (og_analyze(m, (1u << OG_LINE_COMMAND) | (1u << OG_LINE_PARTY) |
                          (1u << OG_LINE_GUIDANCE), &a) == OG_OK) {
        og_buf b;
        og_buf_init(&b);
        og_analysis_json(&a, m, &b);
        og_analysis_units_csv(&a, m, &b);
        og_buf_free(&b);
        og_analysis_destroy(&a);
    }
    og_buf b;
    og_buf_init(&b);
    og_i_write_dot(m, &b);
    og_i_write_csv_units(m, &b);
    og_i_write_csv_links(m, &b);
    og_i_write_csv_meta(m, &b);
    og_i_write_graphml(m, &b);
    og_diags_json(diags, &b);
    og_buf_free(&b);
}

/* Loads data in one format through the public entry point and exercises
 * whatever model comes out. */
static int fuzz_load(const uint8_t *data, size_t size, og_format format,
                     const char *name)
{
    og_diags *diags = og_diags_new();
    og_model *m = NULL;
    og_status st = og_model_load_buffer((const char *)data, size, format, name,
                                        &m, diags);
    if (st == OG_OK && m)
        fuzz_exercise(m, diags);
    og_diags_sort(diags);
    og_model_free(m);
    og_diags_free(diags);
    return 0;
}

#endif
