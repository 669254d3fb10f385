/*
 * transition.c: a transition between two snapshots (old unit -> new units,
 * with the operation and the share), as rows; reading and writing it as CSV
 * old_id,new_id,operation,share (docs/restructure.md).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct og_transition {
    og_transition_row *rows;
    size_t n, cap;
    og_i_arena strings;
};

og_transition *og_transition_new(void)
{
    og_transition *t = calloc(1, sizeof *t);
    if (t)
        og_i_arena_init(&t->strings);
    return t;
}

void og_transition_free(og_transition *t)
{
    if (!t)
        return;
    og_i_arena_free(&t->strings);
    free(t->rows);
    free(t);
}

size_t og_transition_count(const og_transition *t)
{
    return t ? t->n : 0;
}

const og_transition_row *og_transition_get(const og_transition *t, size_t i)
{
    return i < t->n ? &t->rows[i] : NULL;
}

og_status og_transition_add(og_transition *t, const char *old_id,
                            const char *new_id, const char *operation,
                            const char *share, long line)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        og_transition_row *r = realloc(t->rows, cap * sizeof *r);
        if (!r)
            return OG_ENOMEM;
        t->rows = r;
        t->cap = cap;
    }
    og_transition_row *r = &t->rows[t->n];
    r->old_id = og_i_arena_strdup(&t->strings, old_id ? old_id : "");
    r->new_id = og_i_arena_strdup(&t->strings, new_id ? new_id : "");
    r->operation = og_i_arena_strdup(&t->strings, operation ? operation : "");
    r->share = og_i_arena_strdup(&t->strings, share ? share : "");
    r->line = line;
    if (!r->old_id || !r->new_id || !r->operation || !r->share)
        return OG_ENOMEM;
    t->n++;
    return OG_OK;
}

typedef struct read_ctx {
    og_transition *t;
    const char *file;
    og_diags *diags;
    int col[4];         /* old_id, new_id, operation, share; -1 absent */
    int have_header, errors;
    og_status st;
} read_ctx;

static const char *const columns[4] = {"old_id", "new_id", "operation", "share"};

static int read_header(read_ctx *c, char **f, size_t n, long line)
{
    c->have_header = 1;
    for (int k = 0; k < 4; k++) {
        c->col[k] = -1;
        for (size_t i = 0; i < n; i++)
            if (strcmp(f[i], columns[k]) == 0)
                c->col[k] = (int)i;
    }
    if (c->col[0] < 0 || c->col[1] < 0) {
        og_diags_add(c->diags, OG_ERROR, c->file, line, "csv-header", 1,
                     "expected the header old_id,new_id,operation,share");
        c->errors++;
        return 1;
    }
    return 0;
}

static int read_record(void *vctx, char **f, size_t n, long line)
{
    read_ctx *c = vctx;
    if (!c->have_header)
        return read_header(c, f, n, line);
    if (n == 1 && f[0][0] == '\0')
        return 0;
    const char *v[4];
    for (int k = 0; k < 4; k++)
        v[k] = c->col[k] >= 0 && (size_t)c->col[k] < n ? f[c->col[k]] : "";
    if (!*v[0] && !*v[1]) {
        og_diags_add(c->diags, OG_ERROR, c->file, line, "empty-id", 1,
                     "a transition row with neither old_id nor new_id");
        c->errors++;
        return 0;
    }
    c->st = og_transition_add(c->t, v[0], v[1], v[2], v[3], line);
    return c->st != OG_OK;
}

og_status og_i_transition_parse(char *data, size_t size, const char *name,
                                og_transition **out, og_diags *diags)
{
    *out = NULL;
    read_ctx c = {0};
    c.t = og_transition_new();
    c.file = name;
    c.diags = diags;
    size_t before = og_diags_count_severity(diags, OG_ERROR);
    /* as in a model file: NUL bytes and invalid UTF-8 are errors, read as '?'
     * so that every other problem is reported too */
    if (og_i_check_encoding(data, size, name, diags, 100) != 0)
        size = og_i_sanitize_utf8(data, size);
    og_status st = c.t ? og_i_csv_read(data, size, name, diags, read_record, &c)
                       : OG_ENOMEM;
    if (st == OG_OK)
        st = c.st;
    if (st == OG_OK && !c.have_header) {
        og_diags_add(diags, OG_ERROR, name, 0, "empty", 1, "empty transition file");
        c.errors++;
    }
    if (st == OG_OK && (c.errors || og_diags_count_severity(diags, OG_ERROR) > before))
        st = OG_EFORMAT;
    if (st != OG_OK)
        og_transition_free(c.t);
    else
        *out = c.t;
    return st;
}

og_status og_transition_load(const char *path, og_transition **out,
                             og_diags *diags)
{
    *out = NULL;
    char *data;
    size_t size;
    og_status st = og_i_read_file(path, &data, &size, diags);
    if (st != OG_OK)
        return st;
    st = og_i_transition_parse(data, size, path, out, diags);
    free(data);
    return st;
}

og_status og_transition_csv(const og_transition *t, og_buf *buf)
{
    og_buf_puts(buf, "old_id,new_id,operation,share\n");
    for (size_t i = 0; i < t->n; i++) {
        const og_transition_row *r = &t->rows[i];
        og_buf_csv_field(buf, r->old_id, 1);
        og_buf_puts(buf, ",");
        og_buf_csv_field(buf, r->new_id, 1);
        og_buf_puts(buf, ",");
        og_buf_csv_field(buf, r->operation, 1);
        og_buf_puts(buf, ",");
        og_buf_csv_field(buf, r->share, 1);
        og_buf_puts(buf, "\n");
    }
    return buf->failed ? OG_ENOMEM : OG_OK;
}
