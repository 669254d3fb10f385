/*
 * cmd_report.c: `orgraph report SNAPSHOT... -o OUT.html`: one self-contained
 * HTML page about the snapshots (og_report_html).
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

const char usage_report[] =
    "usage: orgraph report [--transition T]... [--title TEXT] -o OUT SNAPSHOT...\n"
    "\n"
    "Write one HTML page about one or more snapshots of an organization, in\n"
    "the order given (the first is 'before', the last 'after'): key figures of\n"
    "each and the change from the first to the last; changes by kind; the\n"
    "level schema charts and the diff chart, with pan and zoom; plots of chain\n"
    "lengths, span bands and a timeline; dual subordination, bottleneck and\n"
    "widest-span tables; the models' sources; and a search over every unit\n"
    "(accents optional) that shows its chain of command on each line, in\n"
    "every snapshot. The page is one file: it fetches nothing, runs no script\n"
    "but its own, and opens offline in any browser.\n"
    "\n"
    "Units are followed from one snapshot to the next by id, or through a\n"
    "transition T (CSV old_id,new_id,operation,share, as written by 'orgraph\n"
    "restructure'); each T is used for the pair of consecutive snapshots whose\n"
    "units it names.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT    the file to write (required; - for standard output)\n"
    "  --transition T      match units through T (may be repeated)\n"
    "  --title TEXT        the page's title (default: the last snapshot's)\n"
    "  --search-max N      leave the search out when the snapshots hold more\n"
    "                      than N units in all (default 1000000; 0: no limit).\n"
    "                      The search holds about 50 bytes a unit.\n";

/* The pair of consecutive snapshots that transition t fits best, or -1. */
static int best_pair(const og_transition *t, og_model **m, int n)
{
    int best = -1;
    size_t best_fit = 0;
    for (int p = 0; p + 1 < n; p++) {
        size_t fit = og_transition_fit(t, m[p], m[p + 1]);
        if (fit > best_fit)
            best = p, best_fit = fit;
    }
    return best;
}

static int load_transitions(char **tpaths, int nt, og_model **m, int n,
                            og_transition **by_pair, const char **names)
{
    for (int i = 0; i < nt; i++) {
        og_transition *t = NULL;
        og_diags *diags = og_diags_new();
        og_status st = diags ? og_transition_load(tpaths[i], &t, diags) : OG_ENOMEM;
        cli_print_diags(stderr, diags, 20);
        og_diags_free(diags);
        if (st != OG_OK) {
            og_transition_free(t);
            return cli_status_exit(st, tpaths[i]);
        }
        int p = best_pair(t, m, n);
        if (p < 0 || by_pair[p]) {
            og_transition_free(t);
            cli_error(p < 0 ? "transition '%s' names no unit of two consecutive snapshots"
                            : "transition '%s' is for the same snapshots as another",
                      tpaths[i]);
            return EXIT_USAGE;
        }
        by_pair[p] = t;
        names[p] = tpaths[i];
    }
    return EXIT_OK;
}

int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, 0, 'o'},
                                         {"transition", required_argument, 0, 't'},
                                         {"title", required_argument, 0, 'T'},
                                         {"search-max", required_argument, 0, 'S'},
                                         {0, 0, 0, 0}};
    const char *out = NULL;
    og_report_options ro = {NULL, NULL, 0};
    char **tpaths = calloc((size_t)argc + 1, sizeof *tpaths);
    int nt = 0, c;
    if (!tpaths)
        return cli_status_exit(OG_ENOMEM, "report");
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        if (c == 'o')
            out = optarg;
        else if (c == 't')
            tpaths[nt++] = optarg;
        else if (c == 'T')
            ro.title = optarg;
        else if (c == 'S') {
            char *end;
            ro.search_max = strtol(optarg, &end, 10);
            if (*end || end == optarg || ro.search_max < 0) {
                free(tpaths);
                return cli_usage_error("report", "--search-max wants a count of units, not '%s'",
                                       optarg);
            }
            if (ro.search_max == 0)
                ro.search_max = -1;
        }
        else {
            free(tpaths);
            return cli_usage_error("report", NULL);
        }
    }
    int n = argc - optind;
    if (!out || n < 1) {
        free(tpaths);
        return cli_usage_error("report", !out ? "-o OUT is required (- for standard output)"
                                              : "no snapshot given");
    }
    if (nt > 0 && n < 2) {
        free(tpaths);
        return cli_usage_error("report", "--transition needs two snapshots or more");
    }
    og_model **m = calloc((size_t)n, sizeof *m);
    og_transition **tr = calloc((size_t)n, sizeof *tr);
    const char **names = calloc((size_t)n, sizeof *names);
    int code = m && tr && names ? EXIT_OK : cli_status_exit(OG_ENOMEM, "report");
    for (int i = 0; i < n && code == EXIT_OK; i++)
        code = cli_load_model(argv[optind + i], &m[i]);
    if (code == EXIT_OK)
        code = load_transitions(tpaths, nt, m, n, tr, names);
    if (code == EXIT_OK) {
        ro.transitions = names;
        og_diags *diags = og_diags_new();
        og_buf b;
        og_buf_init(&b);
        og_status st = diags ? og_report_html(m, (size_t)n, (const og_transition *const *)tr,
                                              &ro, &b, diags)
                             : OG_ENOMEM;
        cli_print_diags(stderr, diags, 20);
        if (st == OG_OK && !strcmp(out, "-"))
            code = cli_write_stdout(&b);
        else {
            if (st == OG_OK)
                st = og_write_file_atomic(out, b.data, b.len);
            if (st == OG_EIO)
                cli_error("cannot write '%s'", out);
            code = st == OG_EIO ? EXIT_INPUT : cli_status_exit(st, out);
        }
        og_buf_free(&b);
        og_diags_free(diags);
    }
    for (int i = 0; m && tr && i < n; i++)
        og_model_free(m[i]), og_transition_free(tr[i]);
    free(m), free(tr), free(names), free(tpaths);
    return code;
}
