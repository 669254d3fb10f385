/*
 * load_csv.c: the CSV inputs. A directory holds units.csv (id, name, kind,
 * level, parent, and any extra columns), optionally links.csv (from, to,
 * line, extra columns) and meta.csv (key, value); a single .csv file is a
 * units table alone.
 *
 * The RFC 4180 reader here is our own, parsing the file's bytes in place
 * (fields are unquoted and NUL-terminated where they stand). It replaced
 * libcsv after a measurement: on a million-unit table libcsv's csv_parse
 * and its field copies took a fifth of the load time, and libcsv reports
 * records, not positions, while every problem here must name FILE:LINE
 * (docs/performance.md). Quoting rules: a field may be quoted with '"', a
 * quote inside is doubled, quoted fields may hold commas and line breaks;
 * a quote inside an unquoted field, or text after a closing quote, is an
 * error that skips the record; records end with LF, CRLF or CR.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef int (*record_fn)(void *ctx, char **fields, size_t n, long line);

typedef struct fieldvec {
    char **items;
    size_t n, cap;
} fieldvec;

static int fields_push(fieldvec *v, char *field)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        char **items = realloc(v->items, cap * sizeof *items);
        if (!items)
            return 0;
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = field;
    return 1;
}

/* Skips to the start of the next line; returns the new position. */
static char *skip_line(char *p, char *end, long *line)
{
    while (p < end && *p != '\n' && *p != '\r')
        p++;
    if (p < end && *p == '\r')
        p++;
    if (p < end && *p == '\n')
        p++;
    (*line)++;
    return p;
}

/* Reads a quoted field starting at p (on the opening quote), unquoting it in
 * place. Returns the position after the closing quote, or NULL when the
 * quote is never closed. Counts the line breaks inside. */
static char *read_quoted(char *p, char *end, char **field, long *line)
{
    char *w = p, *r = p + 1;
    *field = w;
    for (;;) {
        char *q = memchr(r, '"', (size_t)(end - r));
        if (!q)
            return NULL;
        for (char *nl = r; (nl = memchr(nl, '\n', (size_t)(q - nl))); nl++)
            (*line)++;
        memmove(w, r, (size_t)(q - r));
        w += q - r;
        if (q + 1 < end && q[1] == '"') {
            *w++ = '"';
            r = q + 2;
            continue;
        }
        *w = '\0';
        return q + 1;
    }
}

/* Reads a CSV buffer in place (data must be writable and end with a NUL),
 * calling fn once per record with the line it started on. A malformed
 * record is reported and skipped; parsing goes on at the next line.
 * Returns OG_ENOMEM, or OG_OK (problems went to diags). O(size). */
static og_status csv_read(char *data, size_t size, const char *file,
                          og_diags *diags, record_fn fn, void *ctx)
{
    char *p = data, *end = data + size;
    if (size >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a UTF-8 byte-order mark, as spreadsheets write */
    fieldvec v = {0};
    long line = 1;
    og_status st = OG_OK;
    while (p < end) {
        long start = line;
        v.n = 0;
        int bad = 0, quoted_any = 0;
        for (;;) {
            char *field;
            if (p < end && *p == '"') {
                long qline = line;
                char *after = read_quoted(p, end, &field, &line);
                if (!after) {
                    og_diags_add(diags, OG_ERROR, file, qline, "csv-quoting", 1,
                                 "quoted field never closed (unbalanced "
                                 "quotes); record skipped");
                    p = end;
                    bad = 1;
                    break;
                }
                p = after;
                quoted_any = 1;
                if (p < end && *p != ',' && *p != '\n' && *p != '\r') {
                    og_diags_add(diags, OG_ERROR, file, line, "csv-quoting", 1,
                                 "text after a closing quote; record skipped");
                    p = skip_line(p, end, &line);
                    bad = 1;
                    break;
                }
            } else {
                field = p;
                while (p < end && *p != ',' && *p != '\n' && *p != '\r' && *p != '"')
                    p++;
                if (p < end && *p == '"') {
                    og_diags_add(diags, OG_ERROR, file, line, "csv-quoting", 1,
                                 "a quote inside an unquoted field (quote the "
                                 "whole field and double the quote); record "
                                 "skipped");
                    p = skip_line(p, end, &line);
                    bad = 1;
                    break;
                }
            }
            char delim = p < end ? *p : '\n';
            if (p < end)
                *p++ = '\0';
            else
                *end = '\0';
            if (!fields_push(&v, field)) {
                st = OG_ENOMEM;
                break;
            }
            if (delim == ',')
                continue;
            if (delim == '\r' && p < end && *p == '\n')
                p++;
            line++;
            break;
        }
        if (st != OG_OK)
            break;
        if (bad)
            continue;
        if (v.n == 1 && !quoted_any && v.items[0][0] == '\0')
            continue; /* a blank line */
        if (fn(ctx, v.items, v.n, start) != 0)
            break;
    }
    free(v.items);
    return st;
}

/* ------------------------------------------------------------ header map */

#define MAX_WANTED 8

typedef struct header {
    long col[MAX_WANTED];   /* CSV column of each wanted field, -1 if absent */
    long *attr;             /* model attribute column per CSV column, or -1 */
    size_t n;               /* columns in the header */
} header;

/* Maps a header row: wanted[] names the field columns; every other column
 * becomes an attribute column of `object`, created in header order so that
 * writing the model back keeps the columns' order. Sets *bad on duplicate or
 * empty names. */
static og_status header_read(header *h, char **fields, size_t n,
                             const char *const *wanted, og_model *m,
                             og_object object, const char *file, long line,
                             og_diags *diags, int *bad)
{
    *bad = 0;
    h->n = n;
    for (size_t w = 0; w < MAX_WANTED; w++)
        h->col[w] = -1;
    h->attr = malloc((n ? n : 1) * sizeof *h->attr);
    if (!h->attr)
        return OG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        h->attr[i] = -1;
        const char *name = fields[i];
        if (!*name) {
            og_diags_add(diags, OG_ERROR, file, line, "csv-header", 1,
                         "column %zu has an empty name", i + 1);
            *bad = 1;
            continue;
        }
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            dup |= strcmp(fields[j], name) == 0;
        if (dup) {
            og_diags_add(diags, OG_ERROR, file, line, "csv-header", 1,
                         "column '%s' appears twice", name);
            *bad = 1;
            continue;
        }
        int is_field = 0;
        for (size_t w = 0; wanted[w]; w++)
            if (strcmp(wanted[w], name) == 0) {
                h->col[w] = (long)i;
                is_field = 1;
            }
        if (!is_field && m) {
            h->attr[i] = og_i_model_attr_column(m, object, name);
            if (h->attr[i] < 0)
                return OG_ENOMEM;
        }
    }
    return OG_OK;
}

static void header_free(header *h)
{
    free(h->attr);
    h->attr = NULL;
}

static const char *field_at(const header *h, char **fields, size_t n, int w)
{
    long c = h->col[w];
    return c >= 0 && (size_t)c < n ? fields[c] : "";
}

static og_status set_attrs(og_model *m, og_object object, igraph_integer_t idx,
                           const header *h, char **fields, size_t n)
{
    for (size_t i = 0; i < n && i < h->n; i++) {
        if (h->attr[i] < 0 || !fields[i][0])
            continue; /* an empty cell is an unset attribute */
        og_status st = og_i_model_set_attr_column(m, object, idx,
                                                  (size_t)h->attr[i], fields[i]);
        if (st != OG_OK)
            return st;
    }
    return OG_OK;
}

/* Reports a record whose field count differs from the header's. */
static int check_width(const header *h, size_t n, const char *file, long line,
                       og_diags *diags)
{
    if (n == h->n)
        return 1;
    og_diags_add(diags, OG_ERROR, file, line, n < h->n ? "csv-missing-fields"
                                                       : "csv-extra-fields", 1,
                 "record has %zu field%s, the header has %zu", n,
                 n == 1 ? "" : "s", h->n);
    return 0;
}

/* ------------------------------------------------------------- units.csv */

enum { U_ID, U_NAME, U_KIND, U_LEVEL, U_PARENT };
static const char *const unit_fields[] = {"id", "name", "kind", "level", "parent", NULL};

typedef struct units_ctx {
    og_model *m;
    const char *file;
    og_diags *diags;
    header h;
    int have_header, bad_header;
    og_status st;
    /* command superiors, resolved once every unit is known */
    const char **parent;    /* parent id per unit (arena string) or NULL */
    igraph_integer_t cap, first;
    og_i_arena strings;
} units_ctx;

static int units_record(void *vctx, char **f, size_t n, long line)
{
    units_ctx *c = vctx;
    if (!c->have_header) {
        c->have_header = 1;
        c->st = header_read(&c->h, f, n, unit_fields, c->m, OG_UNIT, c->file,
                            line, c->diags, &c->bad_header);
        if (c->st != OG_OK)
            return 1;
        if (c->h.col[U_ID] < 0) {
            og_diags_add(c->diags, OG_ERROR, c->file, line, "csv-header", 1,
                         "no 'id' column (expected a header such as "
                         "id,name,kind,level,parent)");
            c->bad_header = 1;
        }
        return c->bad_header; /* a broken header makes every row suspect */
    }
    if (n == 1 && f[0][0] == '\0')
        return 0; /* a line holding only spaces-free emptiness: skip */
    check_width(&c->h, n, c->file, line, c->diags);
    const char *id = field_at(&c->h, f, n, U_ID);
    if (!*id) {
        og_diags_add(c->diags, OG_ERROR, c->file, line, "empty-id", 1,
                     "unit with an empty id");
        return 0;
    }
    igraph_integer_t u;
    c->st = og_model_add_unit(c->m, id, field_at(&c->h, f, n, U_NAME),
                              field_at(&c->h, f, n, U_KIND),
                              field_at(&c->h, f, n, U_LEVEL), &u);
    if (c->st == OG_EINVAL) {
        /* the id is not empty, so it is taken */
        const char *pf;
        long pl;
        og_model_origin(c->m, OG_UNIT, og_model_find(c->m, id), &pf, &pl);
        og_diags_add(c->diags, OG_ERROR, c->file, line, "duplicate-id", 1,
                     "duplicate unit id '%s' (first defined at line %ld); "
                     "this row is left out", id, pl);
        c->st = OG_OK;
        return 0;
    }
    if (c->st == OG_OK)
        c->st = og_model_set_origin(c->m, OG_UNIT, u, c->file, line);
    if (c->st == OG_OK)
        c->st = set_attrs(c->m, OG_UNIT, u, &c->h, f, n);
    if (c->st != OG_OK)
        return 1;
    igraph_integer_t k = u - c->first;
    if (k >= c->cap) {
        igraph_integer_t cap = c->cap ? c->cap * 2 : 1024;
        const char **p = realloc(c->parent, (size_t)cap * sizeof *p);
        if (!p) { c->st = OG_ENOMEM; return 1; }
        c->parent = p;
        c->cap = cap;
    }
    const char *parent = field_at(&c->h, f, n, U_PARENT);
    c->parent[k] = NULL;
    if (*parent) {
        c->parent[k] = og_i_arena_strdup(&c->strings, parent);
        if (!c->parent[k]) { c->st = OG_ENOMEM; return 1; }
    }
    return 0;
}

og_status og_i_load_csv_units(og_model *m, char *data, size_t size,
                              const char *file, int allow_links,
                              og_diags *diags)
{
    (void)allow_links;
    units_ctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.file = og_i_model_file(m, file);
    c.diags = diags;
    og_i_arena_init(&c.strings);
    if (!c.file)
        return OG_ENOMEM;
    igraph_integer_t first = og_model_unit_count(m);
    c.first = first;
    /* one row a line at most: reserve once instead of growing by doubling */
    igraph_integer_t lines = 1;
    for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + size - p)));
         p++)
        lines++;
    og_status st = og_i_model_reserve(m, lines);
    c.parent = malloc((size_t)lines * sizeof *c.parent);
    c.cap = lines;
    if (st == OG_OK && !c.parent)
        st = OG_ENOMEM;
    if (st == OG_OK)
        st = csv_read(data, size, c.file, diags, units_record, &c);
    if (st == OG_OK)
        st = c.st;
    if (st == OG_OK && !c.have_header) {
        og_diags_add(diags, OG_ERROR, c.file, 1, "csv-empty", 1,
                     "empty file: expected a header such as "
                     "id,name,kind,level,parent");
        st = OG_EFORMAT;
    } else if (st == OG_OK && c.bad_header) {
        st = OG_EFORMAT;
    }
    /* parents may come after their children in the file: resolve now, all
     * at once */
    igraph_integer_t n = og_model_unit_count(m);
    igraph_integer_t *found = NULL;
    if (st == OG_OK) {
        found = malloc((size_t)(n - first + 1) * sizeof *found);
        st = found ? og_i_model_reserve_links(m, n - first) : OG_ENOMEM;
    }
    if (st == OG_OK)
        og_i_model_find_batch(m, c.parent, (size_t)(n - first), found);
    for (igraph_integer_t u = first; st == OG_OK && u < n; u++) {
        const char *pid = c.parent[u - first];
        if (!pid)
            continue;
        const char *uf;
        long line;
        og_model_origin(m, OG_UNIT, u, &uf, &line);
        igraph_integer_t p = found[u - first];
        if (p < 0) {
            og_diags_add(diags, OG_ERROR, c.file, line, "unknown-unit", 1,
                         "unit '%s' reports to unknown unit '%s'",
                         og_unit_id(m, u), pid);
            continue;
        }
        igraph_integer_t e;
        st = og_model_add_link(m, p, u, OG_LINE_COMMAND, &e);
        if (st == OG_OK)
            st = og_model_set_origin(m, OG_LINK, e, c.file, line);
    }
    free(found);
    header_free(&c.h);
    free(c.parent);
    og_i_arena_free(&c.strings);
    return st;
}

/* ------------------------------------------------------------- links.csv */

enum { L_FROM, L_TO, L_LINE };
static const char *const link_fields[] = {"from", "to", "line", NULL};

typedef struct links_ctx {
    og_model *m;
    const char *file;
    og_diags *diags;
    header h;
    int have_header, bad_header;
    og_status st;
} links_ctx;

static int links_record(void *vctx, char **f, size_t n, long line)
{
    links_ctx *c = vctx;
    if (!c->have_header) {
        c->have_header = 1;
        c->st = header_read(&c->h, f, n, link_fields, c->m, OG_LINK, c->file,
                            line, c->diags, &c->bad_header);
        if (c->st != OG_OK)
            return 1;
        if (c->h.col[L_FROM] < 0 || c->h.col[L_TO] < 0) {
            og_diags_add(c->diags, OG_ERROR, c->file, line, "csv-header", 1,
                         "no 'from' or 'to' column (expected a header such "
                         "as from,to,line)");
            c->bad_header = 1;
        }
        return c->bad_header;
    }
    if (n == 1 && f[0][0] == '\0')
        return 0;
    check_width(&c->h, n, c->file, line, c->diags);
    const char *from = field_at(&c->h, f, n, L_FROM);
    const char *to = field_at(&c->h, f, n, L_TO);
    const char *lname = field_at(&c->h, f, n, L_LINE);
    int ln = *lname ? og_line_parse(lname) : OG_LINE_COMMAND;
    if (ln < 0) {
        og_diags_add(c->diags, OG_ERROR, c->file, line, "unknown-line", 1,
                     "unknown line '%s' (expected command, party, guidance "
                     "or coordination)", lname);
        return 0;
    }
    igraph_integer_t a = og_model_find(c->m, from), b = og_model_find(c->m, to);
    if (!*from || !*to) {
        og_diags_add(c->diags, OG_ERROR, c->file, line, "empty-id", 1,
                     "link with an empty '%s'", !*from ? "from" : "to");
        return 0;
    }
    if (a < 0 || b < 0) {
        og_diags_add(c->diags, OG_ERROR, c->file, line, "unknown-unit", 1,
                     "%s link '%s' -> '%s' names unknown unit '%s'",
                     og_line_name((og_line)ln), from, to, a < 0 ? from : to);
        return 0;
    }
    igraph_integer_t e;
    c->st = og_model_add_link(c->m, a, b, (og_line)ln, &e);
    if (c->st == OG_OK)
        c->st = og_model_set_origin(c->m, OG_LINK, e, c->file, line);
    if (c->st == OG_OK)
        c->st = set_attrs(c->m, OG_LINK, e, &c->h, f, n);
    return c->st != OG_OK;
}

og_status og_i_load_csv_links(og_model *m, char *data, size_t size,
                              const char *file, og_diags *diags)
{
    links_ctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.file = og_i_model_file(m, file);
    c.diags = diags;
    if (!c.file)
        return OG_ENOMEM;
    og_status st = csv_read(data, size, c.file, diags, links_record, &c);
    if (st == OG_OK)
        st = c.st;
    if (st == OG_OK && !c.have_header)
        og_diags_add(diags, OG_WARNING, c.file, 1, "csv-empty", 0,
                     "empty links file");
    else if (st == OG_OK && c.bad_header)
        st = OG_EFORMAT;
    header_free(&c.h);
    return st;
}

/* -------------------------------------------------------------- meta.csv */

static const char *const meta_fields[] = {"key", "value", NULL};

typedef struct meta_ctx {
    og_model *m;
    const char *file;
    og_diags *diags;
    header h;
    int have_header, bad_header;
    og_status st;
} meta_ctx;

static int meta_record(void *vctx, char **f, size_t n, long line)
{
    meta_ctx *c = vctx;
    if (!c->have_header) {
        c->have_header = 1;
        c->st = header_read(&c->h, f, n, meta_fields, NULL, OG_UNIT, c->file,
                            line, c->diags, &c->bad_header);
        if (c->st == OG_OK && (c->h.col[0] < 0 || c->h.col[1] < 0)) {
            og_diags_add(c->diags, OG_ERROR, c->file, line, "csv-header", 1,
                         "expected the header key,value");
            c->bad_header = 1;
        }
        return c->st != OG_OK || c->bad_header;
    }
    if (n == 1 && f[0][0] == '\0')
        return 0;
    check_width(&c->h, n, c->file, line, c->diags);
    const char *key = field_at(&c->h, f, n, 0);
    if (!*key) {
        og_diags_add(c->diags, OG_ERROR, c->file, line, "empty-id", 1,
                     "metadata entry with an empty key");
        return 0;
    }
    c->st = og_model_add_meta(c->m, key, field_at(&c->h, f, n, 1));
    return c->st != OG_OK;
}

og_status og_i_csv_read(char *data, size_t size, const char *file,
                        og_diags *diags, og_i_record_fn fn, void *ctx)
{
    return csv_read(data, size, file, diags, fn, ctx);
}

og_status og_i_load_csv_meta(og_model *m, char *data, size_t size,
                             const char *file, og_diags *diags)
{
    meta_ctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.file = og_i_model_file(m, file);
    c.diags = diags;
    if (!c.file)
        return OG_ENOMEM;
    og_status st = csv_read(data, size, c.file, diags, meta_record, &c);
    if (st == OG_OK)
        st = c.st;
    if (st == OG_OK && c.bad_header)
        st = OG_EFORMAT;
    header_free(&c.h);
    return st;
}
