/*
 * diag.c: lists of diagnostics, the library's way of telling the caller what
 * is wrong with an input or a model without printing anything.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct og_diags {
    og_diag *items;
    size_t *order;      /* addition order, kept for a stable sort */
    size_t count, cap;
    og_i_arena strings;
    og_i_vocab files;   /* file names interned once */
};

og_diags *og_diags_new(void)
{
    og_diags *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    og_i_arena_init(&d->strings);
    og_i_vocab_init(&d->files);
    return d;
}

void og_diags_free(og_diags *d)
{
    if (!d)
        return;
    free(d->items);
    free(d->order);
    og_i_arena_free(&d->strings);
    og_i_vocab_free(&d->files);
    free(d);
}

size_t og_diags_count(const og_diags *d) { return d ? d->count : 0; }

const og_diag *og_diags_get(const og_diags *d, size_t i)
{
    return i < d->count ? &d->items[i] : NULL;
}

size_t og_diags_count_severity(const og_diags *d, og_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; d && i < d->count; i++)
        n += d->items[i].severity == severity;
    return n;
}

size_t og_diags_lossy(const og_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; d && i < d->count; i++)
        n += d->items[i].lossy != 0;
    return n;
}

og_status og_diags_add(og_diags *d, og_severity severity, const char *file,
                       long line, const char *code, int lossy,
                       const char *fmt, ...)
{
    if (!d)
        return OG_OK;
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        og_diag *items = realloc(d->items, cap * sizeof *items);
        if (!items)
            return OG_ENOMEM;
        d->items = items;
        size_t *order = realloc(d->order, cap * sizeof *order);
        if (!order)
            return OG_ENOMEM;
        d->order = order;
        d->cap = cap;
    }
    char small[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return OG_EINTERNAL;
    char *msg;
    if ((size_t)n < sizeof small) {
        msg = og_i_arena_strndup(&d->strings, small, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (!big)
            return OG_ENOMEM;
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        msg = og_i_arena_strndup(&d->strings, big, (size_t)n);
        free(big);
    }
    const char *fname = NULL;
    if (file) {
        long fi = og_i_vocab_intern(&d->files, file);
        if (fi < 0)
            return OG_ENOMEM;
        fname = d->files.names[fi];
    }
    const char *c = og_i_arena_strdup(&d->strings, code ? code : "");
    if (!msg || !c)
        return OG_ENOMEM;
    og_diag *g = &d->items[d->count];
    g->severity = severity;
    g->file = fname;
    g->line = line;
    g->code = c;
    g->message = msg;
    g->lossy = lossy;
    d->order[d->count] = d->count;
    d->count++;
    return OG_OK;
}

/* A merge sort over (file, line, addition order): stable without relying on
 * qsort, and O(n log n) even for the 200,000 diagnostics a hostile file can
 * produce. */
static int diag_before(const og_diag *a, size_t ia, const og_diag *b, size_t ib)
{
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c != 0)
        return c < 0;
    if (a->line != b->line)
        return a->line < b->line;
    return ia < ib;
}

void og_diags_sort(og_diags *d)
{
    if (!d || d->count < 2)
        return;
    size_t n = d->count;
    og_diag *tmp = malloc(n * sizeof *tmp);
    size_t *tord = malloc(n * sizeof *tord);
    if (!tmp || !tord) {
        free(tmp);
        free(tord);
        return; /* unsorted output is still correct output */
    }
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (diag_before(&d->items[j], d->order[j], &d->items[i], d->order[i])) {
                    tmp[k] = d->items[j]; tord[k++] = d->order[j++];
                } else {
                    tmp[k] = d->items[i]; tord[k++] = d->order[i++];
                }
            }
            while (i < mid) { tmp[k] = d->items[i]; tord[k++] = d->order[i++]; }
            while (j < hi) { tmp[k] = d->items[j]; tord[k++] = d->order[j++]; }
        }
        memcpy(d->items, tmp, n * sizeof *tmp);
        memcpy(d->order, tord, n * sizeof *tord);
    }
    free(tmp);
    free(tord);
}

const char *og_severity_name(og_severity severity)
{
    switch (severity) {
    case OG_NOTE: return "note";
    case OG_WARNING: return "warning";
    case OG_ERROR: return "error";
    }
    return "error";
}
