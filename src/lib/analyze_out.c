/*
 * analyze_out.c: the written forms of an analysis: the summary as a JSON
 * document (jansson; small whatever the model's size, since lists are
 * capped), and one row per unit as CSV or JSON, streamed into an og_buf
 * without a document tree so that a million rows cost only their bytes.
 * Schemas in docs/analyses.md.
 */
#include "internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ summary */

static json_t *unit_ref(const og_model *m, igraph_integer_t u)
{
    json_t *o = json_object();
    if (o && (og_i_json_set(o, "id", json_string(og_unit_id(m, u))) ||
              og_i_json_set(o, "name", json_string(og_unit_name(m, u))))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* [{"id":..,"name":..,key:value},...] of a ranked list. */
static json_t *ranked_json(const og_model *m, const og_ranked *r, size_t n,
                           const char *key, int integer)
{
    json_t *list = json_array();
    int bad = !list;
    for (size_t i = 0; !bad && i < n; i++) {
        json_t *o = unit_ref(m, r[i].unit);
        bad |= !o;
        bad |= og_i_json_set(o, key, integer ? json_integer((json_int_t)r[i].value)
                                             : json_real(r[i].value));
        bad |= json_array_append_new(list, o);
    }
    if (bad) {
        json_decref(list);
        return NULL;
    }
    return list;
}

/* Array of the ids of the first OG_ANALYSIS_LISTED units of a list. */
static json_t *ids_json(const og_model *m, const igraph_integer_t *units,
                        igraph_integer_t n)
{
    json_t *list = json_array();
    int bad = !list;
    for (igraph_integer_t i = 0; !bad && i < n && i < OG_ANALYSIS_LISTED; i++)
        bad |= json_array_append_new(list, json_string(og_unit_id(m, units[i])));
    if (bad) {
        json_decref(list);
        return NULL;
    }
    return list;
}

static json_t *bands_json(const igraph_integer_t *bands)
{
    json_t *o = json_object();
    int bad = !o;
    for (int b = 0; !bad && b < OG_SPAN_BANDS; b++)
        bad |= og_i_json_set(o, og_span_band_name(b), json_integer(bands[b]));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *group_json(const og_group_figures *g, const char *key)
{
    json_t *o = json_object();
    int bad = !o;
    if (key)
        bad |= og_i_json_set(o, key, json_string(g->name));
    bad |= og_i_json_set(o, "units", json_integer(g->units));
    bad |= og_i_json_set(o, "with_chain", json_integer(g->chained));
    bad |= og_i_json_set(o, "chain_mean", g->chained ? json_real(g->chain_mean) : json_null());
    bad |= og_i_json_set(o, "chain_max", g->chain_max >= 0 ? json_integer(g->chain_max) : json_null());
    bad |= og_i_json_set(o, "managers", json_integer(g->managers));
    bad |= og_i_json_set(o, "span_mean", g->managers ? json_real((double)g->subordinates /
                                                                 (double)g->managers)
                                                     : json_null());
    bad |= og_i_json_set(o, "span_max", json_integer(g->span_max));
    bad |= og_i_json_set(o, "span_bands", bands_json(g->bands));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *groups_json(const og_group_figures *g, size_t n, const char *key)
{
    json_t *list = json_array();
    int bad = !list;
    for (size_t i = 0; !bad && i < n; i++)
        bad |= json_array_append_new(list, group_json(&g[i], key));
    if (bad) {
        json_decref(list);
        return NULL;
    }
    return list;
}

static json_t *line_json(const og_line_analysis *la, const og_model *m)
{
    json_t *o = json_object(), *layers = json_array();
    int bad = !o || !layers;
    for (igraph_integer_t i = 0; !bad && i < la->layers; i++)
        bad |= json_array_append_new(layers, json_integer(la->per_layer[i]));
    bad |= og_i_json_set(o, "line", json_string(og_line_name(la->line)));
    bad |= og_i_json_set(o, "units", json_integer(la->units));
    bad |= og_i_json_set(o, "apex_count", json_integer(la->n_apexes));
    bad |= og_i_json_set(o, "apexes", ids_json(m, la->apexes, la->n_apexes));
    bad |= og_i_json_set(o, "max_layers", json_integer(la->layers));
    bad |= og_i_json_set(o, "units_per_layer", layers);
    bad |= og_i_json_set(o, "no_chain_count", json_integer(la->n_no_chain));
    bad |= og_i_json_set(o, "no_chain", ids_json(m, la->no_chain, la->n_no_chain));
    bad |= og_i_json_set(o, "overall", group_json(&la->overall, NULL));
    bad |= og_i_json_set(o, "by_kind", groups_json(la->by_kind, la->n_kinds, "kind"));
    bad |= og_i_json_set(o, "by_level", groups_json(la->by_level, la->n_levels, "level"));
    bad |= og_i_json_set(o, "widest_spans", ranked_json(m, la->widest, la->n_widest, "span", 1));
    bad |= og_i_json_set(o, "bottlenecks", ranked_json(m, la->bottlenecks,
                                                       la->n_bottlenecks, "carries", 1));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* {"command":[ids],"party":[ids]} of one dual-subordinated unit. */
static json_t *dual_unit_json(const og_analysis *a, const og_model *m,
                              igraph_integer_t k)
{
    json_t *o = unit_ref(m, a->dual[k]), *sup = json_object();
    int bad = !o || !sup;
    bad |= og_i_json_set(o, "kind", json_string(og_unit_kind(m, a->dual[k])));
    for (igraph_integer_t i = a->dual_start[k]; !bad && i < a->dual_start[k + 1]; i++) {
        const char *line = og_line_name((og_line)a->dual_line[i]);
        json_t *list = json_object_get(sup, line);
        if (!list)
            bad |= og_i_json_set(sup, line, list = json_array());
        bad |= !list || json_array_append_new(list, json_string(og_unit_id(m, a->dual_sup[i])));
    }
    bad |= og_i_json_set(o, "superiors", sup);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *dual_json(const og_analysis *a, const og_model *m)
{
    json_t *o = json_object(), *list = json_array();
    int bad = !o || !list;
    bad |= og_i_json_set(o, "count", json_integer(a->n_dual));
    bad |= og_i_json_set(o, "across_lines", json_integer(a->n_dual_across));
    bad |= og_i_json_set(o, "within_a_line", json_integer(a->n_dual_within));
    for (igraph_integer_t k = 0; !bad && k < a->n_dual && k < OG_ANALYSIS_LISTED; k++)
        bad |= json_array_append_new(list, dual_unit_json(a, m, k));
    bad |= og_i_json_set(o, "units", list);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *coordination_json(const og_analysis *a, const og_model *m)
{
    json_t *o = json_object();
    int bad = !o;
    bad |= og_i_json_set(o, "units", json_integer(a->coord_units));
    bad |= og_i_json_set(o, "links", json_integer(a->coord_links));
    bad |= og_i_json_set(o, "betweenness", json_string(a->betweenness_cutoff ? "cutoff" : "exact"));
    bad |= og_i_json_set(o, "cutoff", a->betweenness_cutoff ? json_integer(a->betweenness_cutoff)
                                                            : json_null());
    bad |= og_i_json_set(o, "central", ranked_json(m, a->central, a->n_central, "betweenness", 0));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* O(lines x (kinds + levels + layers) + listed units). */
og_status og_analysis_json(const og_analysis *a, const og_model *m, og_buf *buf)
{
    json_t *doc = json_object(), *lines = json_array();
    int bad = !doc || !lines;
    bad |= og_i_json_set(doc, "model", og_i_json_str(og_model_path(m)));
    bad |= og_i_json_set(doc, "units", json_integer(a->units));
    for (int l = 0; !bad && l < OG_LINE_COUNT; l++)
        if (a->lines & (1u << l))
            bad |= json_array_append_new(lines, line_json(&a->line[l], m));
    bad |= og_i_json_set(doc, "lines", lines);
    bad |= og_i_json_set(doc, "dual_subordination", dual_json(a, m));
    bad |= og_i_json_set(doc, "coordination", coordination_json(a, m));
    if (bad) {
        json_decref(doc);
        return OG_ENOMEM;
    }
    return og_i_json_dump(doc, buf);
}

/* ------------------------------------------------------------ per unit */

static const char *const unit_columns[] = {
    "line", "id", "name", "kind", "level", "position", "layer", "chain_min",
    "chain_max", "span", "superiors", "carries"};
#define N_UNIT_COLUMNS (sizeof unit_columns / sizeof *unit_columns)

/* The numeric cells of a row; -1 stands for none (CSV empty, JSON null). */
static void unit_numbers(const og_line_analysis *la, igraph_integer_t u,
                         igraph_integer_t *num)
{
    int on = la->position[u] != OG_POS_OFF_LINE;
    num[0] = la->chain_max[u] >= 0 ? la->chain_max[u] + 1 : -1;
    num[1] = la->chain_min[u];
    num[2] = la->chain_max[u];
    num[3] = on ? la->span[u] : -1;
    num[4] = on ? la->superiors[u] : -1;
    num[5] = on ? la->carries[u] : -1;
}

/* Calls row() for every analysed line and unit, in line then unit order. */
static og_status each_row(const og_analysis *a, const og_model *m, og_buf *buf,
                          void (*row)(og_buf *, const og_model *,
                                      const og_line_analysis *, igraph_integer_t,
                                      int first))
{
    int first = 1;
    for (int l = 0; l < OG_LINE_COUNT; l++) {
        if (!(a->lines & (1u << l)))
            continue;
        for (igraph_integer_t u = 0; u < a->units && !buf->failed; u++) {
            row(buf, m, &a->line[l], u, first);
            first = 0;
        }
    }
    return buf->failed ? OG_ENOMEM : OG_OK;
}

static void csv_row(og_buf *b, const og_model *m, const og_line_analysis *la,
                    igraph_integer_t u, int first)
{
    const char *text[] = {og_line_name(la->line), og_unit_id(m, u),
                          og_unit_name(m, u), og_unit_kind(m, u),
                          og_unit_level(m, u),
                          og_position_name((og_position)la->position[u])};
    igraph_integer_t num[6];
    unit_numbers(la, u, num);
    for (size_t i = 0; i < 6; i++) {
        og_buf_csv_field(b, text[i], 1);
        og_buf_append(b, ",", 1);
    }
    for (size_t i = 0; i < 6; i++) {
        if (num[i] >= 0)
            og_buf_printf(b, "%ld", (long)num[i]);
        og_buf_append(b, i < 5 ? "," : "\n", 1);
    }
    OG_I_UNUSED(first);
}

og_status og_analysis_units_csv(const og_analysis *a, const og_model *m, og_buf *buf)
{
    for (size_t i = 0; i < N_UNIT_COLUMNS; i++) {
        og_buf_puts(buf, unit_columns[i]);
        og_buf_puts(buf, i + 1 < N_UNIT_COLUMNS ? "," : "\n");
    }
    return each_row(a, m, buf, csv_row);
}

static void json_row(og_buf *b, const og_model *m, const og_line_analysis *la,
                     igraph_integer_t u, int first)
{
    const char *text[] = {og_line_name(la->line), og_unit_id(m, u),
                          og_unit_name(m, u), og_unit_kind(m, u),
                          og_unit_level(m, u),
                          og_position_name((og_position)la->position[u])};
    igraph_integer_t num[6];
    unit_numbers(la, u, num);
    og_buf_puts(b, first ? "\n  {" : ",\n  {");
    for (size_t i = 0; i < N_UNIT_COLUMNS; i++) {
        og_buf_printf(b, "%s\"%s\": ", i ? ", " : "", unit_columns[i]);
        if (i < 6)
            og_buf_json_string(b, text[i]);
        else if (num[i - 6] >= 0)
            og_buf_printf(b, "%ld", (long)num[i - 6]);
        else
            og_buf_puts(b, "null");
    }
    og_buf_puts(b, "}");
}

og_status og_analysis_units_json(const og_analysis *a, const og_model *m, og_buf *buf)
{
    og_buf_puts(buf, "{\"units\": [");
    og_status st = each_row(a, m, buf, json_row);
    og_buf_puts(buf, "\n]}\n");
    return buf->failed ? OG_ENOMEM : st;
}
