/*
 * load_csv.c: the CSV inputs. A directory holds units.csv (id, name, kind,
 * level, parent, and any extra columns), optionally links.csv (from, to,
 * line, extra columns) and meta.csv (key, value); a single .csv file is a
 * units table alone. Parsing is libcsv's (RFC 4180, strict quoting); this file
 * adds what libcsv lacks: the line each record starts on, so every problem
 * names FILE:LINE, and recovery after a bad record so one run reports all.
 *
 * libcsv reports records, not positions, so we feed it one physical line at a
 * time and note where each record began: when the parser is between records
 * at the start of a line, the next record starts on that line.
 */
#include "internal.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* libcsv's state "between records" (ROW_NOT_BEGUN in libcsv.c; the field is
 * public in csv.h but the constant is not). */
#define CSV_I_ROW_NOT_BEGUN 0

typedef int (*record_fn)(void *ctx, char **fields, size_t n, long line);

typedef struct reader {
    char *scratch;          /* fields of the current record, NUL-separated */
    size_t len, cap;
    size_t *offsets;        /* start of each field in scratch */
    size_t n_fields, cap_fields;
    char **fields;
    int oom;
    record_fn fn;
    void *ctx;
    long line;              /* line the current record started on */
    int stop;
} reader;

static void on_field(void *s, size_t n, void *data)
{
    reader *r = data;
    if (r->oom || r->stop)
        return;
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap ? r->cap : 256;
        while (cap < r->len + n + 1)
            cap *= 2;
        char *p = realloc(r->scratch, cap);
        if (!p) { r->oom = 1; return; }
        r->scratch = p;
        r->cap = cap;
    }
    if (r->n_fields == r->cap_fields) {
        size_t cap = r->cap_fields ? r->cap_fields * 2 : 16;
        size_t *o = realloc(r->offsets, cap * sizeof *o);
        if (!o) { r->oom = 1; return; }
        r->offsets = o;
        char **f = realloc(r->fields, cap * sizeof *f);
        if (!f) { r->oom = 1; return; }
        r->fields = f;
        r->cap_fields = cap;
    }
    r->offsets[r->n_fields++] = r->len;
    if (n)
        memcpy(r->scratch + r->len, s, n);
    r->scratch[r->len + n] = '\0';
    r->len += n + 1;
}

static void on_record(int c, void *data)
{
    (void)c;
    reader *r = data;
    if (!r->oom && !r->stop) {
        for (size_t i = 0; i < r->n_fields; i++)
            r->fields[i] = r->scratch + r->offsets[i];
        if (r->fn(r->ctx, r->fields, r->n_fields, r->line) != 0)
            r->stop = 1;
    }
    r->len = 0;
    r->n_fields = 0;
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0; /* keep spaces: a name's own spaces are data */
}

static int csv_start(struct csv_parser *p)
{
    if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return -1;
    csv_set_space_func(p, no_space);
    return 0;
}

/* Reads a CSV buffer, calling fn once per record with the line it started
 * on. Malformed quoting is reported and parsing resumes at the next line.
 * Returns OG_ENOMEM, or OG_OK (problems went to diags). */
static og_status csv_read(const char *data, size_t size, const char *file,
                          og_diags *diags, record_fn fn, void *ctx)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.fn = fn;
    r.ctx = ctx;
    struct csv_parser p;
    if (csv_start(&p) != 0)
        return OG_ENOMEM;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3; /* a UTF-8 byte-order mark, as spreadsheets write */
        size -= 3;
    }
    const char *pos = data, *end = data + size;
    long line = 1, quote_line = 0;
    og_status st = OG_OK;
    while (pos < end && !r.stop) {
        const char *nl = memchr(pos, '\n', (size_t)(end - pos));
        const char *next = nl ? nl + 1 : end;
        if (p.pstate == CSV_I_ROW_NOT_BEGUN) {
            r.line = line;
            quote_line = line;
        }
        size_t want = (size_t)(next - pos);
        if (csv_parse(&p, pos, want, on_field, on_record, &r) != want) {
            if (csv_error(&p) == CSV_ENOMEM) { st = OG_ENOMEM; break; }
            og_diags_add(diags, OG_ERROR, file, line, "csv-quoting", 1,
                         "malformed quoting (a quote inside an unquoted field, "
                         "or text after a closing quote); record skipped");
            csv_free(&p);
            if (csv_start(&p) != 0) { st = OG_ENOMEM; break; }
            r.len = 0;
            r.n_fields = 0;
        }
        if (r.oom) { st = OG_ENOMEM; break; }
        pos = next;
        line++;
    }
    if (st == OG_OK && !r.stop) {
        if (csv_fini(&p, on_field, on_record, &r) != 0)
            og_diags_add(diags, OG_ERROR, file, quote_line, "csv-quoting", 1,
                         "quoted field never closed (unbalanced quotes); "
                         "record skipped");
        if (r.oom)
            st = OG_ENOMEM;
    }
    csv_free(&p);
    free(r.scratch);
    free(r.offsets);
    free(r.fields);
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
    igraph_integer_t prev = og_model_find(c->m, id);
    if (prev >= 0) {
        const char *pf;
        long pl;
        og_model_origin(c->m, OG_UNIT, prev, &pf, &pl);
        og_diags_add(c->diags, OG_ERROR, c->file, line, "duplicate-id", 1,
                     "duplicate unit id '%s' (first defined at line %ld); "
                     "this row is left out", id, pl);
        return 0;
    }
    igraph_integer_t u;
    c->st = og_model_add_unit(c->m, id, field_at(&c->h, f, n, U_NAME),
                              field_at(&c->h, f, n, U_KIND),
                              field_at(&c->h, f, n, U_LEVEL), &u);
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

og_status og_i_load_csv_units(og_model *m, const char *data, size_t size,
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
    og_status st = csv_read(data, size, c.file, diags, units_record, &c);
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
    /* parents may come after their children in the file: resolve now */
    igraph_integer_t n = og_model_unit_count(m);
    for (igraph_integer_t u = first; st == OG_OK && u < n; u++) {
        const char *pid = c.parent[u - first];
        if (!pid)
            continue;
        const char *uf;
        long line;
        og_model_origin(m, OG_UNIT, u, &uf, &line);
        igraph_integer_t p = og_model_find(m, pid);
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

og_status og_i_load_csv_links(og_model *m, const char *data, size_t size,
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

og_status og_i_load_csv_meta(og_model *m, const char *data, size_t size,
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
