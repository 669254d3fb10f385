/*
 * helpers.c: see helpers.h.
 */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

og_model *load_text(const char *text, og_format format, const char *name,
                    og_diags **diags, og_status *status)
{
    og_model *m = NULL;
    *diags = og_diags_new();
    og_status st = og_model_load_buffer(text, strlen(text), format, name, &m, *diags);
    if (status)
        *status = st;
    return m;
}

const og_diag *find_diag(const og_diags *diags, const char *code)
{
    for (size_t i = 0; i < og_diags_count(diags); i++)
        if (strcmp(og_diags_get(diags, i)->code, code) == 0)
            return og_diags_get(diags, i);
    return NULL;
}

size_t count_diag(const og_diags *diags, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < og_diags_count(diags); i++)
        n += strcmp(og_diags_get(diags, i)->code, code) == 0;
    return n;
}

og_model *load_path(const char *relpath)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", OG_SOURCE_DIR, relpath);
    og_diags *d = og_diags_new();
    og_model *m = NULL;
    og_status st = og_model_load(path, &m, d);
    ck_assert_msg(st == OG_OK, "loading %s: %s", relpath, og_status_string(st));
    ck_assert_msg(og_diags_lossy(d) == 0, "%s: %s", relpath,
                  og_diags_count(d) ? og_diags_get(d, 0)->message : "");
    og_diags_free(d);
    return m;
}
