/*
 * compare_out.c: the written forms of a comparison. One producer walks the
 * figures as rows (section, group, name, before, after, count); the text,
 * CSV and JSON writers each render those rows, so the three forms always
 * hold the same figures. Schemas in docs/restructure.md.
 */
#include "compare.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NONE NAN

typedef struct row {
    const char *section, *group, *name;
    double before, after, count;     /* NAN when not applicable */
} row;

typedef struct sink {
    void (*emit)(struct sink *s, const row *r);
    og_buf *buf;
    const char *last;      /* text: the last section printed */
    size_t listed, shown;  /* text: units listed per change */
    json_t *doc;           /* json */
    int bad;
} sink;

static void put(sink *s, const char *section, const char *group, const char *name,
                double before, double after, double count)
{
    row r = {section, group, name, before, after, count};
    s->emit(s, &r);
}

/* Pairs of counts under the same name, before's order then after's new ones. */
static void count_pairs(sink *s, const char *section, const char *group,
                        const og_count *b, size_t nb, const og_count *a, size_t na)
{
    for (size_t i = 0; i < nb; i++) {
        double after = 0;
        for (size_t k = 0; k < na; k++)
            if (!strcmp(a[k].name, b[i].name))
                after = (double)a[k].count;
        put(s, section, group, b[i].name, (double)b[i].count, after, NONE);
    }
    for (size_t k = 0; k < na; k++) {
        int seen = 0;
        for (size_t i = 0; i < nb; i++)
            seen |= !strcmp(a[k].name, b[i].name);
        if (!seen)
            put(s, section, group, a[k].name, 0, (double)a[k].count, NONE);
    }
}

static void units_rows(sink *s, const og_comparison *c)
{
    put(s, "units", "total", "units", (double)c->info[0].units, (double)c->info[1].units, NONE);
    count_pairs(s, "units", "kind", c->info[0].kinds, c->info[0].n_kinds,
                c->info[1].kinds, c->info[1].n_kinds);
    count_pairs(s, "units", "level", c->info[0].levels, c->info[0].n_levels,
                c->info[1].levels, c->info[1].n_levels);
}

/* Units of each change, by kind and by level of the model they belong to. */
static void change_rows(sink *s, const og_comparison *c)
{
    for (int ch = OG_CHANGE_ADDED; ch < OG_CHANGE_COUNT; ch++) {
        const og_model *m = c->m[ch == OG_CHANGE_ADDED];
        for (int by_level = 0; by_level < 2; by_level++) {
            size_t ng = by_level ? og_model_level_count(m) : og_model_kind_count(m);
            igraph_integer_t *n = calloc(ng + 1, sizeof *n);
            if (!n) {
                s->bad = 1;
                return;
            }
            for (igraph_integer_t u = 0; u < og_model_unit_count(m); u++)
                if (ch == OG_CHANGE_ADDED ? c->added[u] : og_i_change_has(c->flags[u], (og_change)ch))
                    n[by_level ? og_unit_level_index(m, u) : og_unit_kind_index(m, u)]++;
            for (size_t g = 0; g < ng; g++)
                if (n[g])
                    put(s, og_change_name((og_change)ch), by_level ? "level" : "kind",
                        by_level ? og_model_level_name(m, g) : og_model_kind_name(m, g),
                        NONE, NONE, (double)n[g]);
            free(n);
        }
    }
}

static void layer_rows(sink *s, const og_comparison *c)
{
    for (int l = 0; l < OG_LINE_COUNT; l++)
        if (og_line_ranks((og_line)l))
            put(s, "layers", og_line_name((og_line)l), "layers",
                (double)c->an[0].line[l].layers, (double)c->an[1].line[l].layers, NONE);
    for (int l = 0; l < OG_LINE_COUNT; l++) {
        if (!og_line_ranks((og_line)l))
            continue;
        const og_line_analysis *b = &c->an[0].line[l], *a = &c->an[1].line[l];
        igraph_integer_t n = b->layers > a->layers ? b->layers : a->layers;
        for (igraph_integer_t k = 0; k < n; k++) {
            char name[32];
            snprintf(name, sizeof name, "layer %ld", (long)k + 1);
            put(s, "units_per_layer", og_line_name((og_line)l), name,
                k < b->layers ? (double)b->per_layer[k] : 0,
                k < a->layers ? (double)a->per_layer[k] : 0, NONE);
        }
    }
}

static void chain_rows(sink *s, const og_comparison *c)
{
    for (size_t k = 0; k < c->n_shifts; k++) {
        const og_i_chain_shift *sh = &c->shifts[k];
        put(s, "chains", og_model_kind_name(c->m[0], sh->kind), "hops",
            (double)sh->before, (double)sh->after, (double)sh->units);
    }
}

static const og_group_figures *find_group(const og_group_figures *g, size_t n,
                                          const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (g[i].name && !strcmp(g[i].name, name))
            return &g[i];
    return NULL;
}

/* Span figures of one group (a level or a kind) before and after. */
static void span_group(sink *s, const char *section, const char *name,
                       const og_group_figures *b, const og_group_figures *a)
{
    static const og_group_figures none;
    if (!b)
        b = &none;
    if (!a)
        a = &none;
    if (!b->managers && !a->managers)
        return;
    put(s, section, name, "managers", (double)b->managers, (double)a->managers, NONE);
    put(s, section, name, "mean", b->managers ? (double)b->subordinates / (double)b->managers : 0,
        a->managers ? (double)a->subordinates / (double)a->managers : 0, NONE);
    put(s, section, name, "max", (double)b->span_max, (double)a->span_max, NONE);
    for (int k = 0; k < OG_SPAN_BANDS; k++)
        put(s, section, name, og_span_band_name(k), (double)b->bands[k], (double)a->bands[k], NONE);
}

static void span_rows(sink *s, const og_comparison *c, int by_level)
{
    const og_line_analysis *b = &c->an[0].line[OG_LINE_COMMAND], *a = &c->an[1].line[OG_LINE_COMMAND];
    const og_group_figures *gb = by_level ? b->by_level : b->by_kind;
    const og_group_figures *ga = by_level ? a->by_level : a->by_kind;
    size_t nb = by_level ? b->n_levels : b->n_kinds, na = by_level ? a->n_levels : a->n_kinds;
    const char *section = by_level ? "spans_by_level" : "spans_by_kind";
    for (size_t i = 0; i < nb; i++)
        span_group(s, section, gb[i].name, &gb[i], find_group(ga, na, gb[i].name));
    for (size_t i = 0; i < na; i++)
        if (!find_group(gb, nb, ga[i].name))
            span_group(s, section, ga[i].name, NULL, &ga[i]);
}

static void link_rows(sink *s, const og_comparison *c)
{
    for (int l = 0; l < OG_LINE_COUNT; l++)
        put(s, "links", "line", og_line_name((og_line)l), (double)c->info[0].lines[l].count,
            (double)c->info[1].lines[l].count, NONE);
    put(s, "dual", "units", "dual", (double)c->an[0].n_dual, (double)c->an[1].n_dual, NONE);
    put(s, "dual", "units", "across lines", (double)c->an[0].n_dual_across,
        (double)c->an[1].n_dual_across, NONE);
    put(s, "dual", "units", "within a line", (double)c->an[0].n_dual_within,
        (double)c->an[1].n_dual_within, NONE);
}

static void unit_rows(sink *s, const og_comparison *c)
{
    for (int ch = OG_CHANGE_ADDED; ch < OG_CHANGE_COUNT; ch++) {
        const og_model *m = c->m[ch == OG_CHANGE_ADDED];
        s->shown = 0;
        for (igraph_integer_t u = 0; u < og_model_unit_count(m); u++)
            if (ch == OG_CHANGE_ADDED ? c->added[u] : og_i_change_has(c->flags[u], (og_change)ch))
                put(s, "list", og_change_name((og_change)ch), og_unit_id(m, u), NONE, NONE, NONE);
    }
}

static void produce(sink *s, const og_comparison *c)
{
    units_rows(s, c);
    change_rows(s, c);
    layer_rows(s, c);
    chain_rows(s, c);
    span_rows(s, c, 1);
    span_rows(s, c, 0);
    link_rows(s, c);
    unit_rows(s, c);
}

/* ------------------------------------------------------------------ text */

static void text_num(og_buf *b, double v, int width)
{
    if (isnan(v))
        og_buf_printf(b, "%*s", width, "");
    else if (v == floor(v))
        og_buf_printf(b, "%*ld", width, (long)v);
    else
        og_buf_printf(b, "%*.1f", width, v);
}

static const char *text_title(const char *section)
{
    static const char *const titles[][2] = {
        {"units", "units                                         before      after"},
        {"layers", "layers                                        before      after"},
        {"units_per_layer", "units per layer                               before      after"},
        {"chains", "chains of old units (command line)      hops before  after      units"},
        {"spans_by_level", "spans of control by level (command)           before      after"},
        {"spans_by_kind", "spans of control by kind (command)            before      after"},
        {"links", "links                                         before      after"},
        {"dual", "dual subordination                            before      after"},
        {"list", "units"}};
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (!strcmp(titles[i][0], section))
            return titles[i][1];
    return NULL;
}

static void text_emit(sink *s, const row *r)
{
    og_buf *b = s->buf;
    int is_change = !isnan(r->count) && strcmp(r->section, "chains");
    const char *title = is_change ? "changes" : r->section;
    if (!s->last || strcmp(s->last, title)) {
        const char *t = text_title(title);
        og_buf_printf(b, "%s%s\n", s->last ? "\n" : "", t ? t : "changes (units)");
        s->last = title;
    }
    if (!strcmp(r->section, "list")) {
        if (s->shown++ < s->listed)
            og_buf_printf(b, "  %-10s %s\n", r->group, r->name);
        else if (s->shown == s->listed + 1)
            og_buf_printf(b, "  %-10s ... (all in --format csv or json)\n", r->group);
        return;
    }
    if (is_change) {
        og_buf_printf(b, "  %-9s %-6s %-28s", r->section, r->group, r->name);
        text_num(b, r->count, 10);
    } else {
        og_buf_printf(b, "  %-20s %-18s", r->group, r->name);
        text_num(b, r->before, 11);
        text_num(b, r->after, 11);
        if (!isnan(r->count))
            text_num(b, r->count, 11);
    }
    og_buf_puts(b, "\n");
}

static void header_text(og_buf *b, const og_comparison *c)
{
    for (int s = 0; s < 2; s++)
        og_buf_printf(b, "%-7s %s%s%s%s%s\n", s ? "after" : "before",
                      c->info[s].path ? c->info[s].path : "(model)",
                      c->info[s].title ? "  " : "", c->info[s].title ? c->info[s].title : "",
                      c->info[s].date ? "  " : "", c->info[s].date ? c->info[s].date : "");
    og_buf_printf(b, "matched by %s\n\n", c->by_transition ? "transition, then id" : "id");
}

og_status og_comparison_text(const og_comparison *c, size_t listed, og_buf *buf)
{
    sink s = {text_emit, buf, NULL, listed, 0, NULL, 0};
    header_text(buf, c);
    produce(&s, c);
    return s.bad || buf->failed ? OG_ENOMEM : OG_OK;
}

/* ------------------------------------------------------------------- CSV */

static void csv_num(og_buf *b, double v)
{
    og_buf_puts(b, ",");
    if (!isnan(v))
        og_buf_printf(b, v == floor(v) ? "%.0f" : "%.3f", v);
}

static void csv_emit(sink *s, const row *r)
{
    og_buf_puts(s->buf, r->section);
    og_buf_puts(s->buf, ",");
    og_buf_csv_field(s->buf, r->group, 1);
    og_buf_puts(s->buf, ",");
    og_buf_csv_field(s->buf, r->name, 1);
    csv_num(s->buf, r->before);
    csv_num(s->buf, r->after);
    csv_num(s->buf, r->count);
    og_buf_puts(s->buf, "\n");
}

og_status og_comparison_csv(const og_comparison *c, og_buf *buf)
{
    sink s = {csv_emit, buf, NULL, 0, 0, NULL, 0};
    og_buf_puts(buf, "section,group,name,before,after,count\n");
    produce(&s, c);
    return s.bad || buf->failed ? OG_ENOMEM : OG_OK;
}

/* ------------------------------------------------------------------ JSON */

static json_t *json_num(double v)
{
    if (isnan(v))
        return NULL;
    return v == floor(v) ? json_integer((json_int_t)v) : json_real(round(v * 1000) / 1000);
}

/* "list": {"removed": [ids...], ...}: plain strings, a million of them cost
 * little. */
static void json_list(sink *s, const row *r)
{
    json_t *lists = json_object_get(s->doc, "list");
    if (!lists) {
        lists = json_object();
        s->bad |= og_i_json_set(s->doc, "list", lists);
    }
    json_t *ids = lists ? json_object_get(lists, r->group) : NULL;
    if (lists && !ids) {
        ids = json_array();
        s->bad |= og_i_json_set(lists, r->group, ids);
    }
    s->bad |= !ids || json_array_append_new(ids, json_string(r->name));
}

static void json_emit(sink *s, const row *r)
{
    if (!strcmp(r->section, "list")) {
        json_list(s, r);
        return;
    }
    json_t *list = json_object_get(s->doc, r->section);
    if (!list) {
        list = json_array();
        s->bad |= og_i_json_set(s->doc, r->section, list);
    }
    json_t *o = json_object();
    s->bad |= !o || og_i_json_set(o, "group", json_string(r->group))
              || og_i_json_set(o, "name", json_string(r->name));
    const char *keys[3] = {"before", "after", "count"};
    double v[3] = {r->before, r->after, r->count};
    for (int k = 0; k < 3; k++)
        if (!isnan(v[k]))
            s->bad |= og_i_json_set(o, keys[k], json_num(v[k]));
    s->bad |= json_array_append_new(list, o);
}

static json_t *snapshot_json(const og_info *info)
{
    json_t *o = json_object();
    if (o && (og_i_json_set(o, "path", og_i_json_str(info->path))
              || og_i_json_set(o, "title", og_i_json_str(info->title))
              || og_i_json_set(o, "date", og_i_json_str(info->date)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

og_status og_comparison_json(const og_comparison *c, og_buf *buf)
{
    sink s = {json_emit, buf, NULL, 0, 0, json_object(), 0};
    if (!s.doc)
        return OG_ENOMEM;
    s.bad |= og_i_json_set(s.doc, "before", snapshot_json(&c->info[0]));
    s.bad |= og_i_json_set(s.doc, "after", snapshot_json(&c->info[1]));
    s.bad |= og_i_json_set(s.doc, "matched_by",
                           json_string(c->by_transition ? "transition" : "id"));
    produce(&s, c);
    if (s.bad) {
        json_decref(s.doc);
        return OG_ENOMEM;
    }
    return og_i_json_dump(s.doc, buf);
}
