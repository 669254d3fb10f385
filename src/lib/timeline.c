/*
 * timeline.c: figures of several snapshots side by side, in date order:
 * units, layers, units per level, mean and maximum chain, span bands (all
 * on the command line). The figures come from og_info and og_analyze; this
 * file lays them out as a table (text, CSV) or a JSON list.
 */
#include "internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* One snapshot's figures. */
typedef struct tl_snap {
    og_model *m;
    size_t order;         /* position on the command line, for ties */
    og_info info;
    og_analysis an;
} tl_snap;

/* A table: row labels and one value per snapshot. */
typedef struct tl_table {
    char **label;
    double *value;        /* rows x snapshots */
    size_t rows, cap, cols;
} tl_table;

static int date_cmp(const void *x, const void *y)
{
    const tl_snap *a = x, *b = y;
    const char *da = a->info.date ? a->info.date : "", *db = b->info.date ? b->info.date : "";
    int d = strcmp(da, db);
    return d ? d : (a->order > b->order) - (a->order < b->order);
}

static double *table_row(tl_table *t, const char *label)
{
    for (size_t r = 0; r < t->rows; r++)
        if (!strcmp(t->label[r], label))
            return &t->value[r * t->cols];
    if (t->rows == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 32;
        char **l = realloc(t->label, cap * sizeof *l);
        if (l)
            t->label = l;
        double *v = l ? realloc(t->value, cap * t->cols * sizeof *v) : NULL;
        if (!v)
            return NULL;
        t->value = v;
        t->cap = cap;
    }
    t->label[t->rows] = strdup(label);
    if (!t->label[t->rows])
        return NULL;
    double *v = &t->value[t->rows++ * t->cols];
    for (size_t c = 0; c < t->cols; c++)
        v[c] = 0;
    return v;
}

static int table_set(tl_table *t, const char *prefix, const char *name, size_t col,
                     double value)
{
    char label[256];
    snprintf(label, sizeof label, "%s%s", prefix, name ? name : "");
    double *v = table_row(t, label);
    if (!v)
        return 0;
    v[col] = value;
    return 1;
}

static int fill_column(tl_table *t, const tl_snap *s, size_t col)
{
    const og_line_analysis *l = &s->an.line[OG_LINE_COMMAND];
    const og_group_figures *g = &l->overall;
    int ok = table_set(t, "units", NULL, col, (double)s->info.units)
          && table_set(t, "links", NULL, col, (double)s->info.links)
          && table_set(t, "layers", NULL, col, (double)l->layers)
          && table_set(t, "chain mean", NULL, col, g->chain_mean)
          && table_set(t, "chain max", NULL, col, (double)g->chain_max)
          && table_set(t, "dual subordination", NULL, col, (double)s->an.n_dual);
    for (size_t i = 0; ok && i < s->info.n_levels; i++)
        ok = table_set(t, "units at level ", s->info.levels[i].name, col,
                       (double)s->info.levels[i].count);
    for (int k = 0; ok && k < OG_SPAN_BANDS; k++)
        ok = table_set(t, "managers with span ", og_span_band_name(k), col,
                       (double)g->bands[k]);
    return ok;
}

static void table_free(tl_table *t)
{
    for (size_t r = 0; r < t->rows; r++)
        free(t->label[r]);
    free(t->label);
    free(t->value);
}

static const char *snap_label(const tl_snap *s)
{
    return s->info.date ? s->info.date : s->info.path ? s->info.path : "(model)";
}

/* ---------------------------------------------------------------- writers */

static void write_text(og_buf *b, const tl_snap *s, const tl_table *t)
{
    og_buf_printf(b, "%-30s", "snapshot");
    for (size_t c = 0; c < t->cols; c++)
        og_buf_printf(b, " %12s", snap_label(&s[c]));
    og_buf_puts(b, "\n");
    for (size_t r = 0; r < t->rows; r++) {
        og_buf_printf(b, "%-30s", t->label[r]);
        for (size_t c = 0; c < t->cols; c++) {
            double v = t->value[r * t->cols + c];
            og_buf_printf(b, (long)v == v ? " %12.0f" : " %12.2f", v);
        }
        og_buf_puts(b, "\n");
    }
}

static void write_csv(og_buf *b, const tl_snap *s, const tl_table *t)
{
    og_buf_puts(b, "figure");
    for (size_t c = 0; c < t->cols; c++) {
        og_buf_puts(b, ",");
        og_buf_csv_field(b, snap_label(&s[c]), 1);
    }
    og_buf_puts(b, "\n");
    for (size_t r = 0; r < t->rows; r++) {
        og_buf_csv_field(b, t->label[r], 1);
        for (size_t c = 0; c < t->cols; c++) {
            double v = t->value[r * t->cols + c];
            og_buf_printf(b, (long)v == v ? ",%.0f" : ",%.3f", v);
        }
        og_buf_puts(b, "\n");
    }
}

static og_status write_json(og_buf *b, const tl_snap *s, const tl_table *t)
{
    json_t *doc = json_object(), *list = json_array();
    int bad = !doc || !list || og_i_json_set(doc, "timeline", list);
    for (size_t c = 0; !bad && c < t->cols; c++) {
        json_t *o = json_object();
        bad |= !o || json_array_append_new(list, o)
               || og_i_json_set(o, "path", og_i_json_str(s[c].info.path))
               || og_i_json_set(o, "title", og_i_json_str(s[c].info.title))
               || og_i_json_set(o, "date", og_i_json_str(s[c].info.date));
        for (size_t r = 0; !bad && r < t->rows; r++) {
            double v = t->value[r * t->cols + c];
            bad |= og_i_json_set(o, t->label[r], (long)v == v ? json_integer((json_int_t)v)
                                                              : json_real(v));
        }
    }
    if (bad) {
        json_decref(doc);
        return OG_ENOMEM;
    }
    return og_i_json_dump(doc, b);
}

/* Computes every snapshot's figures, sorts by date, and writes one form
 * (0 text, 1 json, 2 csv). */
static og_status timeline(og_model *const *models, size_t n, int form, og_buf *b)
{
    og_init();
    tl_snap *s = calloc(n + 1, sizeof *s);
    tl_table t = {0};
    t.cols = n;
    og_status st = s ? OG_OK : OG_ENOMEM;
    size_t done = 0;
    for (; st == OG_OK && done < n; done++) {
        s[done].m = models[done];
        s[done].order = done;
        st = og_info_compute(models[done], &s[done].info);
        if (st == OG_OK)
            st = og_analyze(models[done], 1u << OG_LINE_COMMAND, &s[done].an);
    }
    if (st == OG_OK)
        qsort(s, n, sizeof *s, date_cmp);
    for (size_t c = 0; st == OG_OK && c < n; c++)
        if (!fill_column(&t, &s[c], c))
            st = OG_ENOMEM;
    if (st == OG_OK && form == 1)
        st = write_json(b, s, &t);
    else if (st == OG_OK)
        (form ? write_csv : write_text)(b, s, &t);
    for (size_t c = 0; s && c < done; c++) {
        og_info_destroy(&s[c].info);
        og_analysis_destroy(&s[c].an);
    }
    table_free(&t);
    free(s);
    return st == OG_OK && b->failed ? OG_ENOMEM : st;
}

og_status og_timeline_text(og_model *const *models, size_t n, og_buf *buf)
{
    return timeline(models, n, 0, buf);
}

og_status og_timeline_json(og_model *const *models, size_t n, og_buf *buf)
{
    return timeline(models, n, 1, buf);
}

og_status og_timeline_csv(og_model *const *models, size_t n, og_buf *buf)
{
    return timeline(models, n, 2, buf);
}
