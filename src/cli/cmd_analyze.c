/*
 * cmd_analyze.c: `orgraph analyze MODEL`: chains and layers, spans of
 * control, dual subordination, bottlenecks and the most central units of
 * the coordination network, as aligned tables, JSON or CSV; or one row per
 * unit with --per-unit. The figures come from og_analyze.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

const char usage_analyze[] =
    "usage: orgraph analyze [--line command|party|guidance|all] [--per-unit]\n"
    "                       [--format text|json|csv] MODEL\n"
    "\n"
    "Measure a model on a ranking line (command by default; all: each of\n"
    "command, party and guidance in turn):\n"
    "  chains and layers   hops from each unit up to its apex (shortest and\n"
    "                      longest when it has several superiors); layer =\n"
    "                      longest chain + 1; units per layer; by kind, level\n"
    "  spans of control    direct subordinates, in the bands 1, 2-3, 4-7,\n"
    "                      8-12, 13-16, 17+, overall and by kind and level\n"
    "  dual subordination  units with superiors on several lines, or several\n"
    "                      superiors on one\n"
    "  bottlenecks         units that every chain of many others passes\n"
    "                      through (dominators), with how many they carry\n"
    "  coordination        the most central units (betweenness)\n"
    "Units on or below a cycle have no chain and are listed.\n"
    "\n"
    "Options:\n"
    "  --line LINE             command (default), party, guidance or all\n"
    "  --per-unit              one row per unit and line instead of the\n"
    "                          summary (csv or json; text prints csv)\n"
    "  --format text|json|csv  output format (default text). Schemas in\n"
    "                          docs/analyses.md\n";

#define TEXT_LISTED 10  /* units named in a text list */

static const char *shown(const char *s) { return s && *s ? s : "(none)"; }

static void print_ids(og_buf *b, const og_model *m, const igraph_integer_t *u,
                      igraph_integer_t n)
{
    for (igraph_integer_t i = 0; i < n && i < TEXT_LISTED; i++)
        og_buf_printf(b, "%s%s", i ? ", " : ": ", og_unit_id(m, u[i]));
    og_buf_puts(b, n > TEXT_LISTED ? ", ...\n" : "\n");
}

static void print_group_header(og_buf *b, const char *what)
{
    og_buf_printf(b, "  %-22s %7s %7s %6s %5s %8s %6s %5s", what, "units",
                  "chained", "mean", "max", "managers", "mean", "max");
    for (int k = 0; k < OG_SPAN_BANDS; k++)
        og_buf_printf(b, " %6s", og_span_band_name(k));
    og_buf_puts(b, "\n");
}

static void print_group(og_buf *b, const og_group_figures *g)
{
    og_buf_printf(b, "  %-22s %7ld %7ld", g->name ? shown(g->name) : "all units",
                  (long)g->units, (long)g->chained);
    if (g->chained)
        og_buf_printf(b, " %6.2f %5ld", g->chain_mean, (long)g->chain_max);
    else
        og_buf_printf(b, " %6s %5s", "-", "-");
    og_buf_printf(b, " %8ld", (long)g->managers);
    if (g->managers)
        og_buf_printf(b, " %6.2f %5ld", (double)g->subordinates / (double)g->managers,
                      (long)g->span_max);
    else
        og_buf_printf(b, " %6s %5s", "-", "-");
    for (int k = 0; k < OG_SPAN_BANDS; k++)
        og_buf_printf(b, " %6ld", (long)g->bands[k]);
    og_buf_puts(b, "\n");
}

static void print_groups(og_buf *b, const char *what, const og_group_figures *g,
                         size_t n)
{
    print_group_header(b, what);
    for (size_t i = 0; i < n; i++)
        print_group(b, &g[i]);
}

static void print_ranked(og_buf *b, const og_model *m, const char *title,
                         const og_ranked *r, size_t n, int decimals)
{
    og_buf_printf(b, "\n  %s\n", title);
    if (!n)
        og_buf_puts(b, "    (none)\n");
    for (size_t i = 0; i < n; i++) {
        og_buf_printf(b, "    %8.*f", decimals, r[i].value);
        og_buf_printf(b, "  %s (%s)\n", og_unit_id(m, r[i].unit),
                      shown(og_unit_name(m, r[i].unit)));
    }
}

static void print_line(og_buf *b, const og_model *m, const og_line_analysis *la)
{
    og_buf_printf(b, "\n%s line: %ld unit%s, %ld apex%s", og_line_name(la->line),
                  (long)la->units, la->units == 1 ? "" : "s", (long)la->n_apexes,
                  la->n_apexes == 1 ? "" : "es");
    print_ids(b, m, la->apexes, la->n_apexes);
    og_buf_printf(b, "  max layers %ld\n", (long)la->layers);
    og_buf_printf(b, "  no chain (on or below a cycle) %ld", (long)la->n_no_chain);
    if (la->n_no_chain)
        print_ids(b, m, la->no_chain, la->n_no_chain);
    else
        og_buf_puts(b, "\n");
    og_buf_printf(b, "\n  %-7s %9s\n", "layer", "units");
    for (igraph_integer_t i = 0; i < la->layers; i++)
        og_buf_printf(b, "  %-7ld %9ld\n", (long)i + 1, (long)la->per_layer[i]);
    og_buf_puts(b, "\n  chains (shortest: mean; longest: max) and spans of control\n");
    print_group_header(b, "");
    print_group(b, &la->overall);
    og_buf_puts(b, "\n");
    print_groups(b, "by kind", la->by_kind, la->n_kinds);
    og_buf_puts(b, "\n");
    print_groups(b, "by level", la->by_level, la->n_levels);
    print_ranked(b, m, "widest spans", la->widest, la->n_widest, 0);
    print_ranked(b, m, "bottlenecks (units carried: every chain of them passes through)",
                 la->bottlenecks, la->n_bottlenecks, 0);
}

static void print_dual(og_buf *b, const og_model *m, const og_analysis *a)
{
    og_buf_printf(b, "\ndual subordination: %ld unit%s (%ld across lines, %ld within a line)\n",
                  (long)a->n_dual, a->n_dual == 1 ? "" : "s", (long)a->n_dual_across,
                  (long)a->n_dual_within);
    for (igraph_integer_t k = 0; k < a->n_dual && k < TEXT_LISTED; k++) {
        og_buf_printf(b, "  %s (%s):", og_unit_id(m, a->dual[k]),
                      shown(og_unit_name(m, a->dual[k])));
        int last = -1;
        for (igraph_integer_t i = a->dual_start[k]; i < a->dual_start[k + 1]; i++) {
            if (a->dual_line[i] != last)
                og_buf_printf(b, "%s %s ", last < 0 ? "" : ";",
                              og_line_name((og_line)a->dual_line[i]));
            else
                og_buf_puts(b, ", ");
            og_buf_puts(b, og_unit_id(m, a->dual_sup[i]));
            last = a->dual_line[i];
        }
        og_buf_puts(b, "\n");
    }
    if (a->n_dual > TEXT_LISTED)
        og_buf_printf(b, "  ... %ld more (--per-unit lists every unit)\n",
                      (long)(a->n_dual - TEXT_LISTED));
}

static void print_text(og_buf *b, const og_model *m, const og_analysis *a)
{
    og_buf_printf(b, "model   %s\nunits   %ld\n", shown(og_model_path(m)), (long)a->units);
    for (int l = 0; l < OG_LINE_COUNT; l++)
        if (a->lines & (1u << l))
            print_line(b, m, &a->line[l]);
    print_dual(b, m, a);
    og_buf_printf(b, "\ncoordination network: %ld unit%s, %ld link%s; betweenness %s",
                  (long)a->coord_units, a->coord_units == 1 ? "" : "s",
                  (long)a->coord_links, a->coord_links == 1 ? "" : "s",
                  a->betweenness_cutoff ? "approximate" : "exact");
    if (a->betweenness_cutoff)
        og_buf_printf(b, " (over %d units: paths up to %d hops only)",
                      OG_BETWEENNESS_EXACT_MAX, a->betweenness_cutoff);
    og_buf_puts(b, "\n");
    print_ranked(b, m, "most central units (betweenness)", a->central, a->n_central, 2);
}

/* The summary as CSV: section,line,name,figure,value rows. */
static void csv_group(og_buf *b, const char *section, const char *line,
                      const og_group_figures *g)
{
    const char *name = g->name ? g->name : "all";
    double span_mean = g->managers ? (double)g->subordinates / (double)g->managers : 0;
    const char *keys[] = {"units", "with_chain", "chain_max", "managers", "span_max"};
    long vals[] = {(long)g->units, (long)g->chained, (long)g->chain_max,
                   (long)g->managers, (long)g->span_max};
    for (int i = 0; i < 5; i++) {
        og_buf_printf(b, "%s,%s,", section, line);
        og_buf_csv_field(b, name, 1);
        og_buf_printf(b, ",%s,%ld\n", keys[i], vals[i]);
    }
    og_buf_printf(b, "%s,%s,", section, line);
    og_buf_csv_field(b, name, 1);
    og_buf_printf(b, ",chain_mean,%.6g\n%s,%s,", g->chain_mean, section, line);
    og_buf_csv_field(b, name, 1);
    og_buf_printf(b, ",span_mean,%.6g\n", span_mean);
    for (int k = 0; k < OG_SPAN_BANDS; k++) {
        og_buf_printf(b, "%s,%s,", section, line);
        og_buf_csv_field(b, name, 1);
        og_buf_printf(b, ",span_band:%s,%ld\n", og_span_band_name(k), (long)g->bands[k]);
    }
}

static void csv_ranked(og_buf *b, const og_model *m, const char *section,
                       const char *line, const og_ranked *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        og_buf_printf(b, "%s,%s,", section, line);
        og_buf_csv_field(b, og_unit_id(m, r[i].unit), 1);
        og_buf_printf(b, ",value,%.6g\n", r[i].value);
    }
}

static void print_csv(og_buf *b, const og_model *m, const og_analysis *a)
{
    og_buf_puts(b, "section,line,name,figure,value\n");
    for (int l = 0; l < OG_LINE_COUNT; l++) {
        if (!(a->lines & (1u << l)))
            continue;
        const og_line_analysis *la = &a->line[l];
        const char *ln = og_line_name(la->line);
        og_buf_printf(b, "line,%s,,units,%ld\nline,%s,,apexes,%ld\n"
                      "line,%s,,max_layers,%ld\nline,%s,,no_chain,%ld\n",
                      ln, (long)la->units, ln, (long)la->n_apexes, ln,
                      (long)la->layers, ln, (long)la->n_no_chain);
        for (igraph_integer_t i = 0; i < la->layers; i++)
            og_buf_printf(b, "layer,%s,%ld,units,%ld\n", ln, (long)i + 1,
                          (long)la->per_layer[i]);
        csv_group(b, "overall", ln, &la->overall);
        for (size_t i = 0; i < la->n_kinds; i++)
            csv_group(b, "kind", ln, &la->by_kind[i]);
        for (size_t i = 0; i < la->n_levels; i++)
            csv_group(b, "level", ln, &la->by_level[i]);
        csv_ranked(b, m, "widest_span", ln, la->widest, la->n_widest);
        csv_ranked(b, m, "bottleneck", ln, la->bottlenecks, la->n_bottlenecks);
    }
    og_buf_printf(b, "dual,,,count,%ld\ndual,,,across_lines,%ld\ndual,,,within_a_line,%ld\n",
                  (long)a->n_dual, (long)a->n_dual_across, (long)a->n_dual_within);
    og_buf_printf(b, "coordination,,,units,%ld\ncoordination,,,links,%ld\n"
                  "coordination,,,cutoff,%d\n", (long)a->coord_units,
                  (long)a->coord_links, a->betweenness_cutoff);
    csv_ranked(b, m, "central", "coordination", a->central, a->n_central);
}

static int parse_args(int argc, char **argv, unsigned *lines, int *per_unit,
                      cli_format *format)
{
    static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                         {"line", required_argument, 0, 'l'},
                                         {"per-unit", no_argument, 0, 'u'},
                                         {0, 0, 0, 0}};
    int c, f;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:l:u", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if ((f = cli_parse_format(optarg, 7u)) < 0)
                return cli_usage_error("analyze", "unknown format '%s' (text, json or csv)", optarg);
            *format = (cli_format)f;
            break;
        case 'l':
            if (!(*lines = cli_parse_lines(optarg)))
                return cli_usage_error("analyze", "unknown line '%s' (command, party, "
                                       "guidance or all)", optarg);
            break;
        case 'u':
            *per_unit = 1;
            break;
        default:
            return cli_usage_error("analyze", "unknown option");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("analyze", optind >= argc ? "no model given"
                                                         : "one model at a time");
    return EXIT_OK;
}

int cmd_analyze(int argc, char **argv)
{
    unsigned lines = 1u << OG_LINE_COMMAND;
    int per_unit = 0;
    cli_format format = FORMAT_TEXT;
    int code = parse_args(argc, argv, &lines, &per_unit, &format);
    if (code != EXIT_OK)
        return code;
    og_model *m;
    if ((code = cli_load_model(argv[optind], &m)) != EXIT_OK)
        return code;
    og_analysis a;
    og_status st = og_analyze(m, lines, &a);
    if (st != OG_OK) {
        og_model_free(m);
        return cli_status_exit(st, argv[optind]);
    }
    og_buf b;
    og_buf_init(&b);
    if (per_unit)
        st = format == FORMAT_JSON ? og_analysis_units_json(&a, m, &b)
                                   : og_analysis_units_csv(&a, m, &b);
    else if (format == FORMAT_JSON)
        st = og_analysis_json(&a, m, &b);
    else if (format == FORMAT_CSV)
        print_csv(&b, m, &a);
    else
        print_text(&b, m, &a);
    code = st == OG_OK ? cli_write_stdout(&b) : cli_status_exit(st, "analyze");
    og_buf_free(&b);
    og_analysis_destroy(&a);
    og_model_free(m);
    return code;
}
