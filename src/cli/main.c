/*
 * main.c: the orgraph command: its table of subcommands, and dispatch.
 * Every subcommand lives in its own file (cmd_NAME.c) and has one row here;
 * `orgraph help CMD` prints the same text as `orgraph CMD --help`.
 */
#include "cli.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>

const cli_command cli_commands[] = {
    {"check", cmd_check, "report every problem of a model, with file and line", usage_check},
    {"info", cmd_info, "units by kind and level, links by line, apexes", usage_info},
    {"analyze", cmd_analyze, "chains, layers, spans, dual subordination, bottlenecks", usage_analyze},
    {"path", cmd_path, "the chain of command between two units", usage_path},
    {"convert", cmd_convert, "convert a model between DOT, CSV and GraphML", usage_convert},
    {"chart", cmd_chart, "draw an org chart or the level schema (svg, png, pdf, dot)", usage_chart},
    {"restructure", cmd_restructure, "apply a restructuring plan: new snapshot and transition", usage_restructure},
    {"compare", cmd_compare, "what a restructuring changed; a timeline of snapshots", usage_compare},
    {"report", cmd_report, "one HTML page: figures, charts, plots, tables, unit search", usage_report},
    {"help", cmd_help, "show help for a command", usage_help},
    {NULL, NULL, NULL, NULL}};

const cli_command *cli_find_command(const char *name)
{
    for (const cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

static void main_usage(FILE *out)
{
    fprintf(out,
            "usage: orgraph COMMAND [OPTIONS] MODEL...\n"
            "       orgraph --version | --help | help COMMAND\n"
            "\n"
            "Model organizations as units and typed links (command, party,\n"
            "guidance, coordination); check, measure, draw, compare and\n"
            "report on them.\n"
            "\n"
            "Commands:\n");
    for (const cli_command *c = cli_commands; c->name; c++)
        fprintf(out, "  %-12s %s\n", c->name, c->summary);
    fprintf(out,
            "\n"
            "A MODEL is a DOT file (.dot, .gv), a directory holding units.csv\n"
            "(and optionally links.csv and meta.csv), a units table (.csv), or\n"
            "a GraphML file (.graphml). See docs/formats.md.\n"
            "\n"
            "Exit status: 0 ok; 1 problems found (check); 2 usage error;\n"
            "3 an input could not be read as a model; 4 internal error.\n");
}

int main(int argc, char **argv)
{
    /* A run allocates and frees large arrays (one set per line of authority);
     * glibc would hand each back to the kernel and fault it in again. Keep
     * freed memory for reuse instead; page faults were a fifth of a
     * million-unit check in perf (docs/performance.md). The process is
     * short-lived. */
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    og_init();
    if (argc < 2) {
        main_usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        main_usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("orgraph %s (igraph %s)\n", OG_VERSION, IGRAPH_VERSION);
        return EXIT_OK;
    }
    const cli_command *c = cli_find_command(name);
    if (!c) {
        fprintf(stderr, "%s: '%s' is not a command; see '%s --help'\n",
                cli_program, name, cli_program);
        return EXIT_USAGE;
    }
    if (cli_wants_help(argc - 1, argv + 1)) {
        fputs(c->usage, stdout);
        return EXIT_OK;
    }
    int code = c->run(argc - 1, argv + 1);
    if (fflush(stdout) != 0 && code == EXIT_OK) {
        cli_error("cannot write to standard output");
        code = EXIT_INTERNAL;
    }
    return code;
}
