/*
 * info.c: summary figures of a model (units by kind and level, links by
 * line, apexes per line) and their JSON form. JSON documents are built with
 * jansson, which escapes every string, and dumped in insertion order, so output is deterministic.
 */
#include "internal.h"
#include "lineview.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static og_status counts(og_model *m, int by_kind, og_count **out, size_t *n_out)
{
    size_t n = by_kind ? og_model_kind_count(m) : og_model_level_count(m);
    igraph_integer_t *c = calloc(n ? n : 1, sizeof *c);
    if (!c)
        return OG_ENOMEM;
    for (igraph_integer_t u = 0; u < og_model_unit_count(m); u++)
        c[by_kind ? og_unit_kind_index(m, u) : og_unit_level_index(m, u)]++;
    og_count *list = calloc(n ? n : 1, sizeof *list);
    if (!list) {
        free(c);
        return OG_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!c[i])
            continue;
        list[k].name = by_kind ? og_model_kind_name(m, i) : og_model_level_name(m, i);
        list[k].count = c[i];
        k++;
    }
    free(c);
    *out = list;
    *n_out = k;
    return OG_OK;
}

og_status og_info_compute(og_model *m, og_info *info)
{
    memset(info, 0, sizeof *info);
    info->path = og_model_path(m);
    info->title = og_model_meta_get(m, "title");
    info->date = og_model_meta_get(m, "date");
    info->units = og_model_unit_count(m);
    info->links = og_model_link_count(m);
    og_status st = counts(m, 1, &info->kinds, &info->n_kinds);
    if (st == OG_OK)
        st = counts(m, 0, &info->levels, &info->n_levels);
    for (int l = 0; l < OG_LINE_COUNT; l++)
        info->lines[l].name = og_line_name((og_line)l);
    for (igraph_integer_t e = 0; e < info->links; e++)
        info->lines[og_link_line(m, e)].count++;
    /* a unit with no link at all is an apex of the command line, so that a
     * one-unit organization has its one apex */
    unsigned char *linked = calloc((size_t)info->units + 1, 1);
    if (!linked)
        st = OG_ENOMEM;
    for (igraph_integer_t e = 0; st == OG_OK && e < info->links; e++) {
        linked[og_link_from(m, e)] = 1;
        linked[og_link_to(m, e)] = 1;
    }
    for (int l = 0; l < OG_LINE_COUNT && st == OG_OK; l++) {
        if (!og_line_ranks((og_line)l))
            continue;
        og_i_lineview v;
        st = og_i_lineview_build(m, (og_line)l, &v);
        if (st != OG_OK)
            break;
        info->apexes[l] = malloc(((size_t)info->units + 1) * sizeof **info->apexes);
        if (!info->apexes[l]) {
            og_i_lineview_free(&v);
            st = OG_ENOMEM;
            break;
        }
        for (igraph_integer_t u = 0; u < info->units; u++) {
            int on_line = v.sub_start[u + 1] > v.sub_start[u];
            int has_sup = v.sup_start[u + 1] > v.sup_start[u];
            if (!has_sup && (on_line || (l == OG_LINE_COMMAND && !linked[u])))
                info->apexes[l][info->n_apexes[l]++] = u;
        }
        og_i_lineview_free(&v);
    }
    free(linked);
    if (st != OG_OK)
        og_info_destroy(info);
    return st;
}

void og_info_destroy(og_info *info)
{
    free(info->kinds);
    free(info->levels);
    for (int l = 0; l < OG_LINE_COUNT; l++)
        free(info->apexes[l]);
    memset(info, 0, sizeof *info);
}

/* ----------------------------------------------------------------- JSON */

/* jansson refuses invalid UTF-8; loaders already replaced such bytes, so a
 * NULL here means out of memory. Shared with the other JSON writers. */
int og_i_json_set(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new(obj, key, value) : -1;
}

json_t *og_i_json_str(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* Dumps doc (indented, keys in insertion order, reals to 6 significant
 * digits so output does not show binary noise) to buf and frees it. */
og_status og_i_json_dump(json_t *doc, og_buf *buf)
{
    char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                     JSON_REAL_PRECISION(6));
    json_decref(doc);
    if (!text)
        return OG_ENOMEM;
    og_buf_puts(buf, text);
    og_buf_puts(buf, "\n");
    free(text);
    return buf->failed ? OG_ENOMEM : OG_OK;
}

og_status og_info_json(const og_info *info, const og_model *m, og_buf *buf)
{
    json_t *doc = json_object();
    json_t *kinds = json_object(), *levels = json_object(), *lines = json_object();
    json_t *apexes = json_object();
    int bad = !doc || !kinds || !levels || !lines || !apexes;
    bad |= og_i_json_set(doc, "path", og_i_json_str(info->path));
    bad |= og_i_json_set(doc, "title", og_i_json_str(info->title));
    bad |= og_i_json_set(doc, "date", og_i_json_str(info->date));
    bad |= og_i_json_set(doc, "units", json_integer(info->units));
    bad |= og_i_json_set(doc, "links", json_integer(info->links));
    for (size_t i = 0; i < info->n_kinds; i++)
        bad |= og_i_json_set(kinds, info->kinds[i].name, json_integer(info->kinds[i].count));
    for (size_t i = 0; i < info->n_levels; i++)
        bad |= og_i_json_set(levels, info->levels[i].name, json_integer(info->levels[i].count));
    for (int l = 0; l < OG_LINE_COUNT; l++)
        bad |= og_i_json_set(lines, info->lines[l].name, json_integer(info->lines[l].count));
    for (int l = 0; l < OG_LINE_COUNT; l++) {
        if (!og_line_ranks((og_line)l))
            continue;
        json_t *list = json_array();
        bad |= !list;
        for (igraph_integer_t i = 0; list && i < info->n_apexes[l]; i++)
            bad |= json_array_append_new(list, json_string(og_unit_id(m, info->apexes[l][i])));
        bad |= og_i_json_set(apexes, og_line_name((og_line)l), list);
    }
    bad |= og_i_json_set(doc, "units_by_kind", kinds);
    bad |= og_i_json_set(doc, "units_by_level", levels);
    bad |= og_i_json_set(doc, "links_by_line", lines);
    bad |= og_i_json_set(doc, "apexes", apexes);
    if (bad) {
        json_decref(doc);
        return OG_ENOMEM;
    }
    return og_i_json_dump(doc, buf);
}

og_status og_diags_json(const og_diags *diags, og_buf *buf)
{
    json_t *doc = json_object(), *list = json_array();
    int bad = !doc || !list;
    for (size_t i = 0; !bad && i < og_diags_count(diags); i++) {
        const og_diag *d = og_diags_get(diags, i);
        json_t *o = json_object();
        bad |= !o;
        bad |= og_i_json_set(o, "severity", json_string(og_severity_name(d->severity)));
        bad |= og_i_json_set(o, "file", og_i_json_str(d->file));
        bad |= og_i_json_set(o, "line", d->line ? json_integer(d->line) : json_null());
        bad |= og_i_json_set(o, "code", json_string(d->code));
        bad |= og_i_json_set(o, "message", json_string(d->message));
        bad |= json_array_append_new(list, o);
    }
    bad |= og_i_json_set(doc, "diagnostics", list);
    bad |= og_i_json_set(doc, "errors", json_integer((json_int_t)og_diags_count_severity(diags, OG_ERROR)));
    bad |= og_i_json_set(doc, "warnings", json_integer((json_int_t)og_diags_count_severity(diags, OG_WARNING)));
    if (bad) {
        json_decref(doc);
        return OG_ENOMEM;
    }
    return og_i_json_dump(doc, buf);
}
