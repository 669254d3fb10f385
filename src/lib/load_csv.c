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

typedef og_i_record_fn record_fn;

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

/* Bytes that end an unquoted field's run: NUL (the end of the buffer, or a
 * NUL byte within it), comma, line breaks and the quote. */
static const unsigned char field_stop[256] = {
    [0] = 1, [','] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1};

/* The first byte from p on that ends an unquoted field's run (see
 * field_stop); the buffer's closing NUL stops it at the end. Eight bytes at a
 * time while eight remain: a byte equal to c is a zero byte of w ^ (c * ones),
 * and the lowest flagged byte of the classic zero-byte test is exact. */
static char *field_end(char *p, const char *end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
#define ZERO_BYTES(x) (((x) - ones) & ~(x) & highs)
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        uint64_t a = w ^ (ones * ','), b = w ^ (ones * '\n'), c = w ^ (ones * '\r'),
                 d = w ^ (ones * '"');
        uint64_t hit = ZERO_BYTES(a) | ZERO_BYTES(b) | ZERO_BYTES(c) |
                       ZERO_BYTES(d) | ZERO_BYTES(w);
        if (hit)
            return p + (__builtin_ctzll(hit) >> 3);
        p += 8;
    }
#undef ZERO_BYTES
#else
    (void)end;
#endif
    while (!field_stop[(unsigned char)*p])
        p++;
    return p;
}

/* Reads a CSV buffer in place (data must be writable and end with a NUL),
 * calling fn once per record with the line it started on. A malformed
 * record is reported and skipped; parsing goes on at the next line. When
 * flush is not NULL it is called before each problem is reported, so that
 * a caller holding records back can handle them first and keep the
 * diagnostics in file order; a non-zero return stops the reading, as fn's
 * does. Returns OG_ENOMEM, or OG_OK (problems went to diags). O(size). */
static og_status csv_read(char *data, size_t size, const char *file,
                          og_diags *diags, record_fn fn,
                          int (*flush)(void *ctx), void *ctx)
{
    char *p = data, *end = data + size;
    if (size >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a UTF-8 byte-order mark, as spreadsheets write */
    fieldvec v = {0};
    long line = 1;
    og_status st = OG_OK;
#define FLUSH_OR_STOP()                                                       \
    do {                                                                      \
        if (flush && flush(ctx) != 0)                                         \
            goto out;                                                         \
    } while (0)
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
                    FLUSH_OR_STOP();
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
                    FLUSH_OR_STOP();
                    og_diags_add(diags, OG_ERROR, file, line, "csv-quoting", 1,
                                 "text after a closing quote; record skipped");
                    p = skip_line(p, end, &line);
                    bad = 1;
                    break;
                }
            } else {
                field = p;
                for (;;) { /* a NUL byte before the end is field text */
                    p = field_end(p, end);
                    if (*p || p >= end)
                        break;
                    p++;
                }
                if (p < end && *p == '"') {
                    FLUSH_OR_STOP();
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
#undef FLUSH_OR_STOP
out:
    free(v.items);
    return st;
}

/* ------------------------------------------------------------ header map */

#define MAX_WANTED 8

typedef struct header {
    long col[MAX_WANTED];   /* CSV column of each wanted field, -1 if absent */
    long *attr;             /* model attribute column per CSV column, or -1 */
    size_t n;               /* columns in the header */
    size_t n_attr;          /* how many are attribute columns */
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
    h->n_attr = 0;
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
            h->n_attr++;
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
    if (h->n_attr == 0)
        return OG_OK;
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

/* ---------------------------------------------------------------- tables */

/* What distinguishes units.csv, links.csv and meta.csv: their field columns,
 * which of them the header must have, where extra columns go, and what one
 * row does. Header handling and row-width checks are shared. */
typedef struct table table;
typedef struct table_spec {
    const char *const *fields;  /* NULL-terminated field column names */
    int n_required;             /* the first n_required fields are required */
    int attrs;                  /* og_object of extra columns, -1: none */
    const char *example;        /* the header to suggest in messages */
    /* what one row does; t->cur is its place in the chunk */
    int (*row)(table *t, char **f, size_t n, long line);
    /* optional: runs over a chunk of rows before their row calls */
    void (*prepare)(table *t);
} table_spec;

/* Rows are held back and handled a chunk at a time, so that a chunk's
 * look-ups in the id hash can be started together (see units_prepare): one
 * by one, each waits for its own cache miss. Rows are still handled in file
 * order, and a problem the reader reports flushes the chunk first, so the
 * diagnostics come in the order they would one row at a time. */
#define CHUNK 64

typedef struct held {
    char **fields;              /* the rows' fields, one row after another */
    size_t n_fields, cap_fields;
    size_t start[CHUNK + 1];    /* row k: fields[start[k] .. start[k + 1]) */
    long line[CHUNK];
    uint32_t hash[CHUNK];       /* for prepare and row */
    igraph_integer_t found[2 * CHUNK];
    size_t count;
} held;

struct table {
    const table_spec *spec;
    og_model *m;
    const char *file;
    og_diags *diags;
    header h;
    int have_header, bad_header, stopped;
    og_status st;
    void *extra;                /* the row function's own state */
    held rows;
    size_t cur;                 /* the row being handled, in rows */
};

static int table_header(table *t, char **f, size_t n, long line)
{
    const table_spec *sp = t->spec;
    t->have_header = 1;
    t->st = header_read(&t->h, f, n, sp->fields, sp->attrs < 0 ? NULL : t->m,
                        sp->attrs < 0 ? OG_UNIT : (og_object)sp->attrs, t->file,
                        line, t->diags, &t->bad_header);
    if (t->st != OG_OK)
        return 1;
    for (int w = 0; w < sp->n_required && !t->bad_header; w++) {
        if (t->h.col[w] >= 0)
            continue;
        og_diags_add(t->diags, OG_ERROR, t->file, line, "csv-header", 1,
                     "no '%s' column (expected a header such as %s)",
                     sp->fields[w], sp->example);
        t->bad_header = 1;
    }
    return t->bad_header; /* a broken header makes every row suspect */
}

/* Handles the rows held back, in order. Non-zero stops the reading. */
static int table_flush(void *vctx)
{
    table *t = vctx;
    held *r = &t->rows;
    if (t->stopped)
        return 1;
    if (r->count && t->spec->prepare)
        t->spec->prepare(t);
    for (size_t k = 0; k < r->count; k++) {
        char **f = r->fields + r->start[k];
        size_t n = r->start[k + 1] - r->start[k];
        t->cur = k;
        check_width(&t->h, n, t->file, r->line[k], t->diags);
        if (t->spec->row(t, f, n, r->line[k]) != 0) {
            t->stopped = 1;
            break;
        }
    }
    r->count = 0;
    r->n_fields = 0;
    return t->stopped;
}

static int table_record(void *vctx, char **f, size_t n, long line)
{
    table *t = vctx;
    if (!t->have_header) {
        t->stopped = table_header(t, f, n, line);
        return t->stopped;
    }
    held *r = &t->rows;
    if (r->n_fields + n > r->cap_fields) {
        size_t cap = r->cap_fields ? r->cap_fields : 16 * CHUNK;
        while (cap < r->n_fields + n)
            cap *= 2;
        char **p = realloc(r->fields, cap * sizeof *p);
        if (!p) {
            t->st = OG_ENOMEM;
            t->stopped = 1;
            return 1;
        }
        r->fields = p;
        r->cap_fields = cap;
    }
    memcpy(r->fields + r->n_fields, f, n * sizeof *f);
    r->start[r->count] = r->n_fields;
    r->line[r->count] = line;
    r->n_fields += n;
    r->start[++r->count] = r->n_fields;
    return r->count == CHUNK ? table_flush(t) : 0;
}

/* Reads one table into t (whose spec, m and diags are set). Returns the
 * first failure: out of memory, or OG_EFORMAT for a broken header. */
static og_status table_read(table *t, char *data, size_t size, const char *file)
{
    t->file = og_i_model_file(t->m, file);
    if (!t->file)
        return OG_ENOMEM;
    og_status st = csv_read(data, size, t->file, t->diags, table_record,
                            table_flush, t);
    if (st == OG_OK)
        table_flush(t);
    free(t->rows.fields);
    t->rows.fields = NULL;
    if (st == OG_OK)
        st = t->st;
    if (st == OG_OK && t->bad_header)
        st = OG_EFORMAT;
    return st;
}

/* ------------------------------------------------------------- units.csv */

enum { U_ID, U_NAME, U_KIND, U_LEVEL, U_PARENT };
static const char *const unit_fields[] = {"id", "name", "kind", "level", "parent", NULL};

/* Command superiors by id, resolved once every unit is known. The strings
 * point into the file's buffer, alive until the load returns. */
typedef struct parents {
    const char **id;
    igraph_integer_t cap, first;
} parents;

static int units_row(table *t, char **f, size_t n, long line)
{
    parents *ps = t->extra;
    const char *id = field_at(&t->h, f, n, U_ID);
    if (!*id) {
        og_diags_add(t->diags, OG_ERROR, t->file, line, "empty-id", 1,
                     "unit with an empty id");
        return 0;
    }
    igraph_integer_t u;
    t->st = og_i_model_add_unit_h(t->m, id, t->rows.hash[t->cur],
                                  field_at(&t->h, f, n, U_NAME),
                                  field_at(&t->h, f, n, U_KIND),
                                  field_at(&t->h, f, n, U_LEVEL), &u);
    if (t->st == OG_EINVAL) {
        /* the id is not empty, so it is taken */
        const char *pf;
        long pl;
        og_model_origin(t->m, OG_UNIT, og_model_find(t->m, id), &pf, &pl);
        og_diags_add(t->diags, OG_ERROR, t->file, line, "duplicate-id", 1,
                     "duplicate unit id '%s' (first defined at line %ld); "
                     "this row is left out", id, pl);
        t->st = OG_OK;
        return 0;
    }
    if (t->st == OG_OK)
        t->st = og_model_set_origin(t->m, OG_UNIT, u, t->file, line);
    if (t->st == OG_OK)
        t->st = set_attrs(t->m, OG_UNIT, u, &t->h, f, n);
    if (t->st != OG_OK)
        return 1;
    igraph_integer_t k = u - ps->first;
    if (k >= ps->cap) {
        igraph_integer_t cap = ps->cap ? ps->cap * 2 : 1024;
        const char **p = realloc(ps->id, (size_t)cap * sizeof *p);
        if (!p) {
            t->st = OG_ENOMEM;
            return 1;
        }
        ps->id = p;
        ps->cap = cap;
    }
    const char *parent = field_at(&t->h, f, n, U_PARENT);
    ps->id[k] = *parent ? parent : NULL;
    return 0;
}

/* Hashes the ids of a chunk of rows and asks for their slots in the id
 * hash, so that the chunk's cache misses overlap. */
static void units_prepare(table *t)
{
    held *r = &t->rows;
    for (size_t k = 0; k < r->count; k++) {
        const char *id = field_at(&t->h, r->fields + r->start[k],
                                  r->start[k + 1] - r->start[k], U_ID);
        r->hash[k] = og_i_hash(id, strlen(id));
        og_i_model_prefetch_id(t->m, r->hash[k]);
    }
}

static const table_spec units_spec = {unit_fields, 1, OG_UNIT,
                                      "id,name,kind,level,parent", units_row,
                                      units_prepare};

/* Adds the command link of every unit loaded from rows first.. that named a
 * parent, looking all parents up in one batch. */
static og_status resolve_parents(og_model *m, const parents *ps,
                                 const char *file, og_diags *diags)
{
    igraph_integer_t first = ps->first, n = og_model_unit_count(m);
    igraph_integer_t *found = malloc((size_t)(n - first + 1) * sizeof *found);
    og_status st = found ? og_i_model_reserve_links(m, n - first) : OG_ENOMEM;
    if (st == OG_OK)
        og_i_model_find_batch(m, ps->id, (size_t)(n - first), found);
    for (igraph_integer_t u = first; st == OG_OK && u < n; u++) {
        const char *pid = ps->id[u - first];
        if (!pid || found[u - first] >= 0)
            continue;
        const char *uf;
        long line;
        og_model_origin(m, OG_UNIT, u, &uf, &line);
        st = og_diags_add(diags, OG_ERROR, file, line, "unknown-unit", 1,
                          "unit '%s' reports to unknown unit '%s'",
                          og_unit_id(m, u), pid);
    }
    if (st == OG_OK)
        st = og_i_model_add_superior_links(m, first, found, file);
    free(found);
    return st;
}

og_status og_i_load_csv_units(og_model *m, char *data, size_t size,
                              const char *file, int allow_links,
                              og_diags *diags)
{
    (void)allow_links;
    parents ps = {NULL, 0, og_model_unit_count(m)};
    table t = {.spec = &units_spec, .m = m, .diags = diags, .extra = &ps};
    /* one row a line at most: reserve once instead of growing by doubling */
    igraph_integer_t lines = 1;
    for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + size - p))); p++)
        lines++;
    og_status st = og_i_model_reserve(m, lines);
    ps.id = malloc((size_t)lines * sizeof *ps.id);
    ps.cap = lines;
    if (st == OG_OK && !ps.id)
        st = OG_ENOMEM;
    if (st == OG_OK)
        st = table_read(&t, data, size, file);
    if (st == OG_OK && !t.have_header) {
        og_diags_add(diags, OG_ERROR, t.file, 1, "csv-empty", 1,
                     "empty file: expected a header such as %s",
                     units_spec.example);
        st = OG_EFORMAT;
    }
    if (st == OG_OK)
        st = resolve_parents(m, &ps, t.file, diags);
    header_free(&t.h);
    free(ps.id);
    return st;
}

/* ------------------------------------------------------------- links.csv */

enum { L_FROM, L_TO, L_LINE };
static const char *const link_fields[] = {"from", "to", "line", NULL};

static int links_row(table *t, char **f, size_t n, long line)
{
    const char *from = field_at(&t->h, f, n, L_FROM);
    const char *to = field_at(&t->h, f, n, L_TO);
    const char *lname = field_at(&t->h, f, n, L_LINE);
    int ln = *lname ? og_line_parse(lname) : OG_LINE_COMMAND;
    if (ln < 0) {
        og_diags_add(t->diags, OG_ERROR, t->file, line, "unknown-line", 1,
                     "unknown line '%s' (expected command, party, guidance "
                     "or coordination)", lname);
        return 0;
    }
    if (!*from || !*to) {
        og_diags_add(t->diags, OG_ERROR, t->file, line, "empty-id", 1,
                     "link with an empty '%s'", !*from ? "from" : "to");
        return 0;
    }
    igraph_integer_t a = t->rows.found[2 * t->cur], b = t->rows.found[2 * t->cur + 1];
    if (a < 0 || b < 0) {
        og_diags_add(t->diags, OG_ERROR, t->file, line, "unknown-unit", 1,
                     "%s link '%s' -> '%s' names unknown unit '%s'",
                     og_line_name((og_line)ln), from, to, a < 0 ? from : to);
        return 0;
    }
    igraph_integer_t e;
    t->st = og_model_add_link(t->m, a, b, (og_line)ln, &e);
    if (t->st == OG_OK)
        t->st = og_model_set_origin(t->m, OG_LINK, e, t->file, line);
    if (t->st == OG_OK)
        t->st = set_attrs(t->m, OG_LINK, e, &t->h, f, n);
    return t->st != OG_OK;
}

/* Looks up the ends of a chunk of links in one batch (see
 * og_i_strmap_get_batch); adding links adds no unit, so the answers hold. */
static void links_prepare(table *t)
{
    held *r = &t->rows;
    const char *ends[2 * CHUNK];
    for (size_t k = 0; k < r->count; k++) {
        char **f = r->fields + r->start[k];
        size_t n = r->start[k + 1] - r->start[k];
        const char *from = field_at(&t->h, f, n, L_FROM);
        const char *to = field_at(&t->h, f, n, L_TO);
        ends[2 * k] = *from ? from : NULL;
        ends[2 * k + 1] = *to ? to : NULL;
    }
    og_i_model_find_batch(t->m, ends, 2 * r->count, r->found);
}

static const table_spec links_spec = {link_fields, 2, OG_LINK, "from,to,line",
                                      links_row, links_prepare};

og_status og_i_load_csv_links(og_model *m, char *data, size_t size,
                              const char *file, og_diags *diags)
{
    table t = {.spec = &links_spec, .m = m, .diags = diags};
    og_status st = table_read(&t, data, size, file);
    if (st == OG_OK && !t.have_header)
        og_diags_add(diags, OG_WARNING, t.file, 1, "csv-empty", 0,
                     "empty links file");
    header_free(&t.h);
    return st;
}

/* -------------------------------------------------------------- meta.csv */

static const char *const meta_fields[] = {"key", "value", NULL};

static int meta_row(table *t, char **f, size_t n, long line)
{
    const char *key = field_at(&t->h, f, n, 0);
    if (!*key) {
        og_diags_add(t->diags, OG_ERROR, t->file, line, "empty-id", 1,
                     "metadata entry with an empty key");
        return 0;
    }
    t->st = og_model_add_meta(t->m, key, field_at(&t->h, f, n, 1));
    return t->st != OG_OK;
}

static const table_spec meta_spec = {meta_fields, 2, -1, "key,value", meta_row,
                                     NULL};

og_status og_i_csv_read(char *data, size_t size, const char *file,
                        og_diags *diags, og_i_record_fn fn, void *ctx)
{
    return csv_read(data, size, file, diags, fn, NULL, ctx);
}

og_status og_i_load_csv_meta(og_model *m, char *data, size_t size,
                             const char *file, og_diags *diags)
{
    table t = {.spec = &meta_spec, .m = m, .diags = diags};
    og_status st = table_read(&t, data, size, file);
    header_free(&t.h);
    return st;
}
