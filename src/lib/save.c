/*
 * save.c: writing a model back out, as DOT, as a CSV directory (units.csv,
 * links.csv, meta.csv) or as GraphML, always atomically. Writers fill an
 * og_buf; og_model_save renames the finished bytes into place, so a failed
 * run never leaves a half-written file. Output is deterministic: units and
 * links in model order, attributes in column order.
 */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------- DOT */

/* A DOT string. In a quoted string cgraph unescapes only \" (every other
 * backslash stays as it stands), so a value ending in a backslash cannot be
 * quoted; such a value, when it holds no angle bracket, is written as an
 * HTML-like string <...>, which cgraph returns verbatim. */
static void dot_string(og_buf *b, const char *s)
{
    size_t total = strlen(s);
    if (total && s[total - 1] == '\\' && !strpbrk(s, "<>")) {
        og_buf_append(b, "<", 1);
        og_buf_append(b, s, total);
        og_buf_append(b, ">", 1);
        return;
    }
    og_buf_append(b, "\"", 1);
    const char *run = s;
    for (const char *p = s; *p; p++) {
        if (*p == '"') {
            og_buf_append(b, run, (size_t)(p - run));
            og_buf_append(b, "\\\"", 2);
            run = p + 1;
        }
    }
    og_buf_puts(b, run);
    og_buf_append(b, "\"", 1);
}

/* Metadata keys may repeat (several sources); DOT graph attributes may not,
 * so the Nth value of a key is written as key.N (N >= 2), which the DOT
 * loader folds back. */
static void dot_meta(const og_model *m, og_buf *b)
{
    size_t n = og_model_meta_count(m);
    for (size_t i = 0; i < n; i++) {
        const char *key = og_model_meta_key(m, i);
        size_t nth = 1;
        for (size_t j = 0; j < i; j++)
            nth += strcmp(og_model_meta_key(m, j), key) == 0;
        const char *dkey = strcmp(key, "title") == 0 ? "label" : key;
        og_buf_puts(b, "  ");
        if (nth == 1) {
            dot_string(b, dkey);
        } else {
            char k[512];
            snprintf(k, sizeof k, "%s.%zu", dkey, nth);
            dot_string(b, k);
        }
        og_buf_puts(b, " = ");
        dot_string(b, og_model_meta_value(m, i));
        og_buf_puts(b, ";\n");
    }
}

static void dot_attrs(const og_model *m, og_object object, igraph_integer_t i,
                      og_buf *b, int first)
{
    size_t nc = og_model_attr_count(m, object);
    for (size_t c = 0; c < nc; c++) {
        const char *v = og_model_attr(m, object, i, c);
        if (!v)
            continue;
        og_buf_puts(b, first ? "" : ", ");
        first = 0;
        dot_string(b, og_model_attr_name(m, object, c));
        og_buf_puts(b, "=");
        dot_string(b, v);
    }
}

og_status og_i_write_dot(const og_model *m, og_buf *b)
{
    og_buf_puts(b, "digraph orgraph {\n");
    dot_meta(m, b);
    igraph_integer_t n = og_model_unit_count(m);
    for (igraph_integer_t u = 0; u < n; u++) {
        og_buf_puts(b, "  ");
        dot_string(b, og_unit_id(m, u));
        og_buf_puts(b, " [label=");
        dot_string(b, og_unit_name(m, u));
        og_buf_puts(b, ", kind=");
        dot_string(b, og_unit_kind(m, u));
        og_buf_puts(b, ", level=");
        dot_string(b, og_unit_level(m, u));
        dot_attrs(m, OG_UNIT, u, b, 0);
        og_buf_puts(b, "];\n");
    }
    igraph_integer_t nl = og_model_link_count(m);
    for (igraph_integer_t e = 0; e < nl; e++) {
        og_buf_puts(b, "  ");
        dot_string(b, og_unit_id(m, og_link_from(m, e)));
        og_buf_puts(b, " -> ");
        dot_string(b, og_unit_id(m, og_link_to(m, e)));
        og_line line = og_link_line(m, e);
        size_t mark = b->len;
        og_buf_puts(b, " [");
        int first = 1;
        if (line != OG_LINE_COMMAND) {
            og_buf_printf(b, "line=%s", og_line_name(line));
            first = 0;
        }
        dot_attrs(m, OG_LINK, e, b, first);
        if (b->len == mark + 2) {
            b->len = mark; /* no attributes: drop the empty list */
            if (b->data)
                b->data[b->len] = '\0';
            og_buf_puts(b, ";\n");
        } else {
            og_buf_puts(b, "];\n");
        }
    }
    og_buf_puts(b, "}\n");
    return b->failed ? OG_ENOMEM : OG_OK;
}

/* ------------------------------------------------------------------- CSV */

/* Model files keep values exactly (no formula neutralising: that is for
 * reports meant for spreadsheets). */
static void csv_row_end(og_buf *b) { og_buf_append(b, "\n", 1); }

static void csv_attr_header(const og_model *m, og_object object, og_buf *b)
{
    size_t nc = og_model_attr_count(m, object);
    for (size_t c = 0; c < nc; c++) {
        og_buf_append(b, ",", 1);
        og_buf_csv_field(b, og_model_attr_name(m, object, c), 0);
    }
    csv_row_end(b);
}

static void csv_attr_cells(const og_model *m, og_object object,
                           igraph_integer_t i, og_buf *b)
{
    size_t nc = og_model_attr_count(m, object);
    for (size_t c = 0; c < nc; c++) {
        og_buf_append(b, ",", 1);
        og_buf_csv_field(b, og_model_attr(m, object, i, c), 0);
    }
    csv_row_end(b);
}

/* The first command superior of each unit goes in units.csv's parent column;
 * every other link in links.csv. Returns, per link, 1 when it is a parent. */
static unsigned char *parent_links(const og_model *m, igraph_integer_t **parent)
{
    igraph_integer_t n = og_model_unit_count(m), nl = og_model_link_count(m);
    unsigned char *is_parent = calloc(nl ? (size_t)nl : 1, 1);
    *parent = malloc((n ? (size_t)n : 1) * sizeof **parent);
    if (!is_parent || !*parent) {
        free(is_parent);
        free(*parent);
        *parent = NULL;
        return NULL;
    }
    for (igraph_integer_t u = 0; u < n; u++)
        (*parent)[u] = -1;
    for (igraph_integer_t e = 0; e < nl; e++) {
        igraph_integer_t to = og_link_to(m, e);
        /* a link with attributes of its own stays in links.csv, where its
         * attributes have columns */
        int has_attr = 0;
        for (size_t c = 0; c < og_model_attr_count(m, OG_LINK) && !has_attr; c++)
            has_attr = og_model_attr(m, OG_LINK, e, c) != NULL;
        if (og_link_line(m, e) == OG_LINE_COMMAND && (*parent)[to] < 0 &&
            !has_attr) {
            (*parent)[to] = e;
            is_parent[e] = 1;
        }
    }
    return is_parent;
}

og_status og_i_write_csv_units(const og_model *m, og_buf *b)
{
    igraph_integer_t *parent;
    unsigned char *is_parent = parent_links(m, &parent);
    if (!is_parent)
        return OG_ENOMEM;
    og_buf_puts(b, "id,name,kind,level,parent");
    csv_attr_header(m, OG_UNIT, b);
    igraph_integer_t n = og_model_unit_count(m);
    for (igraph_integer_t u = 0; u < n; u++) {
        og_buf_csv_field(b, og_unit_id(m, u), 0);
        og_buf_append(b, ",", 1);
        og_buf_csv_field(b, og_unit_name(m, u), 0);
        og_buf_append(b, ",", 1);
        og_buf_csv_field(b, og_unit_kind(m, u), 0);
        og_buf_append(b, ",", 1);
        og_buf_csv_field(b, og_unit_level(m, u), 0);
        og_buf_append(b, ",", 1);
        if (parent[u] >= 0)
            og_buf_csv_field(b, og_unit_id(m, og_link_from(m, parent[u])), 0);
        csv_attr_cells(m, OG_UNIT, u, b);
    }
    free(parent);
    free(is_parent);
    return b->failed ? OG_ENOMEM : OG_OK;
}

og_status og_i_write_csv_links(const og_model *m, og_buf *b)
{
    igraph_integer_t *parent;
    unsigned char *is_parent = parent_links(m, &parent);
    if (!is_parent)
        return OG_ENOMEM;
    og_buf_puts(b, "from,to,line");
    csv_attr_header(m, OG_LINK, b);
    igraph_integer_t nl = og_model_link_count(m);
    for (igraph_integer_t e = 0; e < nl; e++) {
        if (is_parent[e])
            continue;
        og_buf_csv_field(b, og_unit_id(m, og_link_from(m, e)), 0);
        og_buf_append(b, ",", 1);
        og_buf_csv_field(b, og_unit_id(m, og_link_to(m, e)), 0);
        og_buf_append(b, ",", 1);
        og_buf_puts(b, og_line_name(og_link_line(m, e)));
        csv_attr_cells(m, OG_LINK, e, b);
    }
    free(parent);
    free(is_parent);
    return b->failed ? OG_ENOMEM : OG_OK;
}

og_status og_i_write_csv_meta(const og_model *m, og_buf *b)
{
    og_buf_puts(b, "key,value\n");
    for (size_t i = 0; i < og_model_meta_count(m); i++) {
        og_buf_csv_field(b, og_model_meta_key(m, i), 0);
        og_buf_append(b, ",", 1);
        og_buf_csv_field(b, og_model_meta_value(m, i), 0);
        og_buf_append(b, "\n", 1);
    }
    return b->failed ? OG_ENOMEM : OG_OK;
}

/* ------------------------------------------------------------------ save */

static og_status save_one(og_model *m, const char *path,
                          og_status (*writer)(const og_model *, og_buf *),
                          og_diags *diags)
{
    og_buf b;
    og_buf_init(&b);
    og_status st = writer(m, &b);
    if (st == OG_OK)
        st = og_write_file_atomic(path, b.data ? b.data : "", b.len);
    if (st == OG_EIO)
        og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                     "cannot write: %s", strerror(errno));
    og_buf_free(&b);
    return st;
}

static og_status graphml_writer(const og_model *m, og_buf *b)
{
    return og_i_write_graphml((og_model *)m, b);
}

og_status og_model_save(og_model *m, const char *path, og_format format,
                        og_diags *diags)
{
    switch (format) {
    case OG_FORMAT_DOT:
        /* cgraph maps a node name that begins with '%' to an anonymous
         * node ("%a" reads back as "%5"): such a DOT file would not load
         * as the same model (found by fuzzing) */
        for (igraph_integer_t u = 0; u < og_model_unit_count(m); u++)
            if (og_unit_id(m, u)[0] == '%') {
                og_diags_add(diags, OG_ERROR, path, 0, "lossy-output", 0,
                             "unit id '%s' begins with '%%', which Graphviz's "
                             "DOT reader keeps for its own names: write CSV "
                             "or GraphML instead", og_unit_id(m, u));
                return OG_EINVAL;
            }
        return save_one(m, path, og_i_write_dot, diags);
    case OG_FORMAT_GRAPHML:
        return save_one(m, path, graphml_writer, diags);
    case OG_FORMAT_CSV_FILE:
        if (og_model_link_count(m) > 0) {
            /* a single table holds only the command parents */
            igraph_integer_t *parent;
            unsigned char *is_parent = parent_links(m, &parent);
            if (!is_parent)
                return OG_ENOMEM;
            igraph_integer_t lost = 0;
            for (igraph_integer_t e = 0; e < og_model_link_count(m); e++)
                lost += !is_parent[e];
            free(parent);
            free(is_parent);
            if (lost) {
                og_diags_add(diags, OG_ERROR, path, 0, "lossy-output", 0,
                             "a single CSV file holds only each unit's first "
                             "command superior; %ld other link%s would be "
                             "lost: write to a directory instead",
                             (long)lost, lost == 1 ? "" : "s");
                return OG_EINVAL;
            }
        }
        return save_one(m, path, og_i_write_csv_units, diags);
    case OG_FORMAT_CSV_DIR: {
        static const struct {
            const char *name;
            og_status (*writer)(const og_model *, og_buf *);
        } parts[] = {{"units.csv", og_i_write_csv_units},
                     {"links.csv", og_i_write_csv_links},
                     {"meta.csv", og_i_write_csv_meta}};
        /* every part is built before anything is written; the directory
         * is then replaced as a whole (og_i_write_dir_atomic), so a failure
         * leaves it as it was, never old and new files side by side */
        og_buf bufs[3];
        const char *names[3], *data[3];
        size_t sizes[3];
        og_status st = OG_OK;
        for (int i = 0; i < 3; i++) {
            og_buf_init(&bufs[i]);
            if (st == OG_OK)
                st = parts[i].writer(m, &bufs[i]);
            names[i] = parts[i].name;
            data[i] = bufs[i].data ? bufs[i].data : "";
            sizes[i] = bufs[i].len;
        }
        if (st == OG_OK)
            st = og_i_write_dir_atomic(path, names, data, sizes, 3, diags);
        for (int i = 0; i < 3; i++)
            og_buf_free(&bufs[i]);
        return st;
    }
    default:
        og_diags_add(diags, OG_ERROR, path, 0, "format", 0,
                     "unknown output format (use .dot, .gv, .csv, .graphml, or "
                     "a directory)");
        return OG_EINVAL;
    }
}
