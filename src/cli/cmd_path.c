/*
 * cmd_path.c: `orgraph path MODEL A B`: the chain of command between two
 * units on each ranking line (up from A to the nearest common superior,
 * down to B), and the shortest route across all lines. The search is
 * og_path_find's; this file parses and prints.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

const char usage_path[] =
    "usage: orgraph path [--line command|party|guidance|all] [--format text|json]\n"
    "                    MODEL A B\n"
    "\n"
    "Print the chain between units A and B (ids): on each ranking line, up from\n"
    "A to the nearest common superior (fewest hops in all) and down to B; then\n"
    "the shortest route across all lines, using links in either direction.\n"
    "Exit status 1 when no line and no route joins them.\n"
    "\n"
    "Options:\n"
    "  --line LINE        command, party, guidance or all (default all)\n"
    "  --format text|json output format (default text); schema in\n"
    "                     docs/analyses.md\n";

static void print_chain(og_buf *b, const og_model *m, const og_path *p, og_line l)
{
    og_buf_printf(b, "%-13s", og_line_name(l));
    if (!p->chain[l]) {
        og_buf_printf(b, "none: '%s' and '%s' have no common superior on this line\n",
                      og_unit_id(m, p->from), og_unit_id(m, p->to));
        return;
    }
    igraph_integer_t top = p->top[l], len = p->chain_len[l];
    og_buf_printf(b, "%ld up, %ld down, common superior %s\n", (long)top,
                  (long)(len - 1 - top), og_unit_id(m, p->chain[l][top]));
    og_buf_puts(b, "  ");
    for (igraph_integer_t i = 0; i < len; i++)
        og_buf_printf(b, "%s%s", i == 0 ? "" : i <= top ? " ^ " : " v ",
                      og_unit_id(m, p->chain[l][i]));
    og_buf_puts(b, "\n");
}

static void print_route(og_buf *b, const og_model *m, const og_path *p)
{
    if (!p->route) {
        og_buf_printf(b, "all lines    none: no link joins '%s' to '%s' in any direction\n",
                      og_unit_id(m, p->from), og_unit_id(m, p->to));
        return;
    }
    og_buf_printf(b, "all lines    %ld hop%s\n  %s", (long)p->route_len - 1,
                  p->route_len == 2 ? "" : "s", og_unit_id(m, p->route[0]));
    for (igraph_integer_t i = 0; i + 1 < p->route_len; i++)
        og_buf_printf(b, " -[%s %s]-> %s",
                      og_line_name(og_link_line(m, p->route_link[i])),
                      og_path_step_direction(p, m, i), og_unit_id(m, p->route[i + 1]));
    og_buf_puts(b, "\n");
}

static int parse_args(int argc, char **argv, unsigned *lines, cli_format *format)
{
    static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                         {"line", required_argument, 0, 'l'},
                                         {0, 0, 0, 0}};
    int c, f;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:l:", opts, NULL)) != -1) {
        if (c == 'f' && (f = cli_parse_format(optarg, 3u)) >= 0)
            *format = (cli_format)f;
        else if (c == 'f')
            return cli_usage_error("path", "unknown format '%s' (text or json)", optarg);
        else if (c == 'l' && !(*lines = cli_parse_lines(optarg)))
            return cli_usage_error("path", "unknown line '%s' (command, party, "
                                   "guidance or all)", optarg);
        else if (c != 'l')
            return cli_usage_error("path", "unknown option");
    }
    if (argc - optind != 3)
        return cli_usage_error("path", "expected MODEL A B");
    return EXIT_OK;
}

static int find_unit(const og_model *m, const char *id, const char *path)
{
    igraph_integer_t u = og_model_find(m, id);
    if (u < 0)
        cli_error("no unit '%s' in '%s'", id, path);
    return (int)(u < 0 ? -1 : 0);
}

int cmd_path(int argc, char **argv)
{
    unsigned lines = 7u;
    cli_format format = FORMAT_TEXT;
    int code = parse_args(argc, argv, &lines, &format);
    if (code != EXIT_OK)
        return code;
    const char *path = argv[optind], *ida = argv[optind + 1], *idb = argv[optind + 2];
    og_model *m;
    if ((code = cli_load_model(path, &m)) != EXIT_OK)
        return code;
    if (find_unit(m, ida, path) < 0 || find_unit(m, idb, path) < 0) {
        og_model_free(m);
        return EXIT_USAGE;
    }
    og_path p;
    og_status st = og_path_find(m, og_model_find(m, ida), og_model_find(m, idb), lines, &p);
    if (st != OG_OK) {
        og_model_free(m);
        return cli_status_exit(st, path);
    }
    og_buf b;
    og_buf_init(&b);
    if (format == FORMAT_JSON) {
        st = og_path_json(&p, m, &b);
    } else {
        og_buf_printf(&b, "from %s (%s)\nto   %s (%s)\n\n", ida, og_unit_name(m, p.from),
                      idb, og_unit_name(m, p.to));
        for (int l = 0; l < OG_LINE_COUNT; l++)
            if (lines & (1u << l))
                print_chain(&b, m, &p, (og_line)l);
        print_route(&b, m, &p);
    }
    code = st == OG_OK ? cli_write_stdout(&b) : cli_status_exit(st, "path");
    if (code == EXIT_OK && !p.route)
        code = EXIT_PROBLEMS;
    og_buf_free(&b);
    og_path_destroy(&p);
    og_model_free(m);
    return code;
}
