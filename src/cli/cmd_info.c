/*
 * cmd_info.c: `orgraph info MODEL`: units by kind and by level, links by
 * line, apexes per line, and where the model was read from.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

const char usage_info[] =
    "usage: orgraph info [--format text|json|csv] MODEL\n"
    "\n"
    "Print a model's summary: units by kind and by level (in order of first\n"
    "appearance), links by line, and the apexes of each ranking line (units\n"
    "with links on the line and no superior on it; a unit with no link at all\n"
    "is an apex of the command line).\n"
    "\n"
    "Options:\n"
    "  --format text|json|csv  output format (default text). CSV rows are\n"
    "                          section,name,count; JSON schema in docs/json.md\n";

static const char *shown(const char *s) { return s && *s ? s : "(none)"; }

static void print_text(const og_info *info, const og_model *m, og_buf *b)
{
    og_buf_printf(b, "model   %s\n", shown(info->path));
    if (info->title)
        og_buf_printf(b, "title   %s\n", info->title);
    if (info->date)
        og_buf_printf(b, "date    %s\n", info->date);
    og_buf_printf(b, "units   %ld\nlinks   %ld\n", (long)info->units, (long)info->links);
    og_buf_puts(b, "\nunits by kind\n");
    for (size_t i = 0; i < info->n_kinds; i++)
        og_buf_printf(b, "  %-24s %8ld\n", shown(info->kinds[i].name), (long)info->kinds[i].count);
    og_buf_puts(b, "\nunits by level\n");
    for (size_t i = 0; i < info->n_levels; i++)
        og_buf_printf(b, "  %-24s %8ld\n", shown(info->levels[i].name), (long)info->levels[i].count);
    og_buf_puts(b, "\nlinks by line\n");
    for (int l = 0; l < OG_LINE_COUNT; l++)
        og_buf_printf(b, "  %-24s %8ld\n", info->lines[l].name, (long)info->lines[l].count);
    og_buf_puts(b, "\napexes\n");
    for (int l = 0; l < OG_LINE_COUNT; l++) {
        if (!og_line_ranks((og_line)l))
            continue;
        igraph_integer_t n = info->n_apexes[l];
        og_buf_printf(b, "  %-10s %ld", og_line_name((og_line)l), (long)n);
        for (igraph_integer_t i = 0; i < n && i < 5; i++) {
            igraph_integer_t u = info->apexes[l][i];
            og_buf_printf(b, "%s%s", i ? ", " : ": ", og_unit_id(m, u));
            if (*og_unit_name(m, u))
                og_buf_printf(b, " (%s)", og_unit_name(m, u));
        }
        og_buf_puts(b, n > 5 ? ", ...\n" : "\n");
    }
}

static void csv_row(og_buf *b, const char *section, const char *name, long n)
{
    og_buf_puts(b, section);
    og_buf_puts(b, ",");
    og_buf_csv_field(b, name, 1);
    og_buf_printf(b, ",%ld\n", n);
}

static void print_csv(const og_info *info, const og_model *m, og_buf *b)
{
    og_buf_puts(b, "section,name,count\n");
    csv_row(b, "total", "units", (long)info->units);
    csv_row(b, "total", "links", (long)info->links);
    for (size_t i = 0; i < info->n_kinds; i++)
        csv_row(b, "kind", info->kinds[i].name, (long)info->kinds[i].count);
    for (size_t i = 0; i < info->n_levels; i++)
        csv_row(b, "level", info->levels[i].name, (long)info->levels[i].count);
    for (int l = 0; l < OG_LINE_COUNT; l++)
        csv_row(b, "line", info->lines[l].name, (long)info->lines[l].count);
    for (int l = 0; l < OG_LINE_COUNT; l++)
        for (igraph_integer_t i = 0; og_line_ranks((og_line)l) && i < info->n_apexes[l]; i++) {
            char section[32];
            snprintf(section, sizeof section, "apex:%s", og_line_name((og_line)l));
            csv_row(b, section, og_unit_id(m, info->apexes[l][i]), 1);
        }
}

int cmd_info(int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                         {0, 0, 0, 0}};
    cli_format format = FORMAT_TEXT;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
        if (c != 'f')
            return cli_usage_error("info", "unknown option");
        int f = cli_parse_format(optarg, 7u);
        if (f < 0)
            return cli_usage_error("info", "unknown format '%s' (text, json or csv)", optarg);
        format = (cli_format)f;
    }
    if (optind != argc - 1)
        return cli_usage_error("info", optind >= argc ? "no model given"
                                                      : "one model at a time");
    og_model *m;
    int code = cli_load_model(argv[optind], &m);
    if (code != EXIT_OK)
        return code;
    og_info info;
    og_status st = og_info_compute(m, &info);
    if (st != OG_OK) {
        og_model_free(m);
        return cli_status_exit(st, argv[optind]);
    }
    og_buf b;
    og_buf_init(&b);
    if (format == FORMAT_JSON)
        st = og_info_json(&info, m, &b);
    else if (format == FORMAT_CSV)
        print_csv(&info, m, &b);
    else
        print_text(&info, m, &b);
    code = st == OG_OK ? cli_write_stdout(&b) : cli_status_exit(st, "info");
    og_buf_free(&b);
    og_info_destroy(&info);
    og_model_free(m);
    return code;
}
