/*
 * cmd_compare.c: `orgraph compare BEFORE AFTER [--transition T]`: what a
 * restructuring changed; with more than two snapshots, a timeline.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>

const char usage_compare[] =
    "usage: orgraph compare [--transition T] [--format text|json|csv] [--list N]\n"
    "                       BEFORE AFTER\n"
    "       orgraph compare [--format text|json|csv] A B C...\n"
    "\n"
    "Compare two snapshots of an organization. Units are matched by the\n"
    "transition T (CSV old_id,new_id,operation,share, as written by\n"
    "'orgraph restructure') where it names them, else by id. Reported: units\n"
    "added, removed, merged, split, moved (command superior changed) and\n"
    "renamed, by kind and by level, and listed; layers and units per layer on\n"
    "each ranking line; the chain of every old unit against the chain of the\n"
    "unit it went into, by kind; spans of control by level and by kind, in the\n"
    "bands 1, 2-3, 4-7, 8-12, 13-16, 17+; links per line; dual subordination.\n"
    "\n"
    "With three or more snapshots, print a timeline in date order (meta\n"
    "'date'): units, layers, units per level, mean and maximum chain, span\n"
    "bands.\n"
    "\n"
    "Options:\n"
    "  --transition T   match units through T (two snapshots only)\n"
    "  --format F       text (default), json or csv (docs/restructure.md)\n"
    "  --list N         text: list at most N units per change (default 10)\n";

static int load_all(char **paths, int n, og_model **models)
{
    for (int i = 0; i < n; i++) {
        int code = cli_load_model(paths[i], &models[i]);
        if (code != EXIT_OK) {
            for (int k = 0; k < i; k++)
                og_model_free(models[k]);
            return code;
        }
    }
    return EXIT_OK;
}

static og_status write_pair(og_model **m, const char *tpath, cli_format format,
                            size_t listed, og_buf *b)
{
    og_transition *t = NULL;
    og_comparison *c = NULL;
    og_diags *diags = og_diags_new();
    og_status st = diags ? OG_OK : OG_ENOMEM;
    if (st == OG_OK && tpath)
        st = og_transition_load(tpath, &t, diags);
    if (st == OG_OK)
        st = og_compare(m[0], m[1], t, &c, diags);
    cli_print_diags(stderr, diags, 20);
    if (st == OG_OK)
        st = format == FORMAT_JSON  ? og_comparison_json(c, b)
             : format == FORMAT_CSV ? og_comparison_csv(c, b)
                                    : og_comparison_text(c, listed, b);
    og_comparison_free(c);
    og_transition_free(t);
    og_diags_free(diags);
    return st;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {{"transition", required_argument, 0, 't'},
                                         {"format", required_argument, 0, 'f'},
                                         {"list", required_argument, 0, 'l'},
                                         {0, 0, 0, 0}};
    const char *tpath = NULL;
    cli_format format = FORMAT_TEXT;
    long listed = 10;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "t:f:l:", opts, NULL)) != -1) {
        if (c == 't')
            tpath = optarg;
        else if (c == 'f') {
            int f = cli_parse_format(optarg, 7u);
            if (f < 0)
                return cli_usage_error("compare", "unknown format '%s' (text, json or csv)", optarg);
            format = (cli_format)f;
        } else if (c == 'l') {
            char *end;
            listed = strtol(optarg, &end, 10);
            if (*end || listed < 0)
                return cli_usage_error("compare", "--list wants a number, not '%s'", optarg);
        } else
            return cli_usage_error("compare", "unknown option");
    }
    int n = argc - optind;
    if (n < 2)
        return cli_usage_error("compare", "expected two snapshots or more");
    if (n > 2 && tpath)
        return cli_usage_error("compare", "--transition compares two snapshots only");
    og_model **m = calloc((size_t)n, sizeof *m);
    if (!m)
        return cli_status_exit(OG_ENOMEM, "compare");
    int code = load_all(argv + optind, n, m);
    if (code != EXIT_OK) {
        free(m);
        return code;
    }
    og_buf b;
    og_buf_init(&b);
    og_status st = n > 2 ? (format == FORMAT_JSON  ? og_timeline_json(m, (size_t)n, &b)
                            : format == FORMAT_CSV ? og_timeline_csv(m, (size_t)n, &b)
                                                   : og_timeline_text(m, (size_t)n, &b))
                         : write_pair(m, tpath, format, (size_t)listed, &b);
    code = st == OG_OK ? cli_write_stdout(&b) : cli_status_exit(st, "compare");
    og_buf_free(&b);
    for (int i = 0; i < n; i++)
        og_model_free(m[i]);
    free(m);
    return code;
}
