/*
 * helpers.h: small helpers shared by the unit tests: loading a model from a
 * string, and finding a diagnostic by code.
 */
#ifndef OG_TEST_HELPERS_H
#define OG_TEST_HELPERS_H

#include "orgraph.h"
#include <check.h>

/* Loads `text` as `format` named `name`; returns the model (or NULL) and
 * leaves problems in *diags (a new list the caller frees). */
og_model *load_text(const char *text, og_format format, const char *name,
                    og_diags **diags, og_status *status);
/* The first diagnostic with this code, or NULL. */
const og_diag *find_diag(const og_diags *diags, const char *code);
/* How many diagnostics have this code. */
size_t count_diag(const og_diags *diags, const char *code);
/* Loads a model from a path under the source tree; fails the test on error. */
og_model *load_path(const char *relpath);

#endif
