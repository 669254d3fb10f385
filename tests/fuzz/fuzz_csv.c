/*
 * fuzz_csv.c: libFuzzer target for the CSV model loaders. The input is split
 * at form feeds ('\f') into up to three parts, loaded as a CSV directory's
 * units.csv, links.csv and meta.csv would be (same calls, same order, same
 * encoding scan); an input without a form feed is a units table alone.
 * Run by scripts/fuzz.sh; replayed on tests/fuzz/regressions/csv.
 */
#include "fuzz_common.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef og_status (*part_fn)(og_model *, char *, size_t, const char *,
                             og_diags *);

static og_status units_part(og_model *m, char *d, size_t n, const char *f,
                            og_diags *g)
{
    return og_i_load_csv_units(m, d, n, f, 1, g);
}

/* Loads one part from a writable, NUL-terminated copy, as load.c does. */
static og_status load_part(og_model *m, const uint8_t *data, size_t size,
                           const char *name, part_fn fn, og_diags *diags)
{
    char *copy = malloc(size + 1);
    if (!copy)
        return OG_ENOMEM;
    memcpy(copy, data, size);
    copy[size] = '\0';
    if (og_i_check_encoding(copy, size, name, diags, 100) != 0)
        size = og_i_sanitize_utf8(copy, size);
    og_status st = fn(m, copy, size, name, diags);
    free(copy);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"units.csv", "links.csv", "meta.csv"};
    static const part_fn fns[] = {units_part, og_i_load_csv_links,
                                  og_i_load_csv_meta};
    og_diags *diags = og_diags_new();
    og_model *m = og_model_new();
    og_status st = OG_OK;
    size_t start = 0;
    for (int part = 0; part < 3 && st == OG_OK && start <= size; part++) {
        const uint8_t *ff = part < 2 && start < size
                                ? memchr(data + start, '\f', size - start)
                                : NULL;
        size_t end = ff ? (size_t)(ff - data) : size;
        if (part > 0 && start == size && !ff)
            break; /* no such part */
        st = load_part(m, data + start, end - start, names[part], fns[part],
                       diags);
        if (!ff)
            break;
        start = end + 1;
    }
    if (st == OG_OK)
        fuzz_exercise(m, diags);
    og_diags_sort(diags);
    og_model_free(m);
    og_diags_free(diags);
    return 0;
}
