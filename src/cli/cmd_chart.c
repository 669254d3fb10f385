/*
 * cmd_chart.c: `orgraph chart MODEL -o OUT`: an org chart or the level
 * schema of a model, drawn in-process by Graphviz, in the format of OUT's
 * extension. OUT is written only once the drawing succeeded, whole.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

const char usage_chart[] =
    "usage: orgraph chart MODEL -o OUT [--root ID] [--depth N] [--line LINES]\n"
    "                     [--collapse LEVEL] [--schema]\n"
    "                     [--layout auto|dot|compact] [--format svg|png|pdf|dot]\n"
    "       orgraph chart --diff BEFORE AFTER -o OUT [--transition T]\n"
    "                     [--root ID] [--depth N] [--format svg|png|pdf|dot]\n"
    "\n"
    "Draw MODEL as an org chart: shape and colour by kind, one style per line\n"
    "(command solid, party red, guidance dotted, coordination dashed and never\n"
    "ranking), a legend, and the model's title and date. The format follows\n"
    "OUT's extension (.svg, .png, .pdf, .dot or .gv) unless --format is given.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT     the file to write (required)\n"
    "  --root ID            only unit ID and the units under it\n"
    "  --depth N            only N layers below the top (0: the top alone)\n"
    "  --line LINES         comma-separated lines to draw (command, party,\n"
    "                       guidance, coordination); default all. Units with\n"
    "                       links, but none on these lines, are left out\n"
    "  --collapse LEVEL     units at LEVEL become one summary node per superior\n"
    "                       and kind (\"98 commune-police units\")\n"
    "  --schema             the level schema: one node per level and kind with\n"
    "                       unit counts, link counts on the arrows\n"
    "  --layout L           dot (Graphviz), compact (linear org-chart layout for\n"
    "                       large charts) or auto (default: dot up to 400 nodes)\n"
    "  --format F           svg, png, pdf or dot whatever OUT's extension\n"
    "  --diff               draw what changed from BEFORE to AFTER (matched by\n"
    "                       id, or through --transition T as in 'compare'):\n"
    "                       removed, added, merged, split, moved and renamed\n"
    "                       units in distinct colours; the level schema of both,\n"
    "                       or with --root the subtree, gone units included\n"
    "  --transition T       with --diff: the transition CSV\n"
    "\n"
    "The chart is built from units' ids, names, kinds and levels only: no\n"
    "attribute of the model file is passed to Graphviz. See docs/charts.md.\n";

typedef struct chart_args {
    og_chart_options o;
    const char *out, *format, *transition;
    int diff;
} chart_args;

static int parse_lines(const char *s, unsigned *mask)
{
    char *copy = strdup(s), *save = NULL;
    int ok = copy != NULL;
    *mask = 0;
    for (char *t = copy ? strtok_r(copy, ",", &save) : NULL; t && ok;
         t = strtok_r(NULL, ",", &save)) {
        int l = og_line_parse(t);
        ok = l >= 0;
        if (ok)
            *mask |= 1u << l;
    }
    free(copy);
    return ok && *mask;
}

static const char *format_of(const char *path)
{
    static const char *const exts[][2] = {{".svg", "svg"}, {".png", "png"},
                                          {".pdf", "pdf"}, {".dot", "dot"},
                                          {".gv", "dot"}};
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t k = strlen(exts[i][0]);
        if (n > k && strcmp(path + n - k, exts[i][0]) == 0)
            return exts[i][1];
    }
    return NULL;
}

static int parse_option(int c, chart_args *a)
{
    char *end;
    switch (c) {
    case 'o': a->out = optarg; return 0;
    case 'r': a->o.root = optarg; return 0;
    case 'c': a->o.collapse = optarg; return 0;
    case 's': a->o.view = OG_CHART_SCHEMA; return 0;
    case 'f': a->format = optarg; return 0;
    case 'D': a->diff = 1; return 0;
    case 't': a->transition = optarg; return 0;
    case 'd':
        a->o.depth = (int)strtol(optarg, &end, 10);
        if (*optarg && !*end && a->o.depth >= 0)
            return 0;
        return cli_usage_error("chart", "--depth needs a number >= 0, not '%s'", optarg);
    case 'l':
        if (parse_lines(optarg, &a->o.lines))
            return 0;
        return cli_usage_error("chart", "unknown line in '%s' (command, party, "
                               "guidance, coordination)", optarg);
    case 'L':
        if (strcmp(optarg, "auto") == 0 || strcmp(optarg, "dot") == 0 ||
            strcmp(optarg, "compact") == 0) {
            a->o.layout = optarg[0] == 'a' ? OG_LAYOUT_AUTO
                          : optarg[0] == 'd' ? OG_LAYOUT_DOT : OG_LAYOUT_COMPACT;
            return 0;
        }
        return cli_usage_error("chart", "unknown layout '%s' (auto, dot or compact)", optarg);
    default:
        return cli_usage_error("chart", "unknown option");
    }
}

static int parse_args(int argc, char **argv, chart_args *a)
{
    static const struct option opts[] = {
        {"output", required_argument, 0, 'o'}, {"root", required_argument, 0, 'r'},
        {"depth", required_argument, 0, 'd'},  {"line", required_argument, 0, 'l'},
        {"collapse", required_argument, 0, 'c'}, {"schema", no_argument, 0, 's'},
        {"layout", required_argument, 0, 'L'}, {"format", required_argument, 0, 'f'},
        {"diff", no_argument, 0, 'D'}, {"transition", required_argument, 0, 't'},
        {0, 0, 0, 0}};
    int c, code;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1)
        if ((code = parse_option(c, a)) != 0)
            return code;
    if (a->diff && optind != argc - 2)
        return cli_usage_error("chart", "--diff wants BEFORE and AFTER");
    if (!a->diff && optind != argc - 1)
        return cli_usage_error("chart", optind >= argc ? "no model given"
                                                       : "one model at a time");
    if (!a->diff && a->transition)
        return cli_usage_error("chart", "--transition goes with --diff");
    if (!a->out)
        return cli_usage_error("chart", "no output file given (-o OUT)");
    if (!a->format && !(a->format = format_of(a->out)))
        return cli_usage_error("chart", "cannot tell the format of '%s' (use .svg, "
                               ".png, .pdf, .dot or --format)", a->out);
    return EXIT_OK;
}

/* Renders the chart (or the diff chart) of the loaded models. */
static og_status render(const chart_args *a, og_model **m, og_buf *b, og_diags *diags)
{
    if (!a->diff)
        return og_chart_render(m[0], &a->o, a->format, b, diags);
    og_transition *t = NULL;
    og_status st = a->transition ? og_transition_load(a->transition, &t, diags) : OG_OK;
    if (st == OG_OK)
        st = og_chart_render_diff(m[0], m[1], t, &a->o, a->format, b, diags);
    og_transition_free(t);
    return st;
}

int cmd_chart(int argc, char **argv)
{
    chart_args a = {.out = NULL, .format = NULL};
    og_chart_options_init(&a.o);
    int code = parse_args(argc, argv, &a);
    if (code != EXIT_OK)
        return code;
    og_model *m[2] = {NULL, NULL};
    if ((code = cli_load_model(argv[optind], &m[0])) != EXIT_OK)
        return code;
    if (a.diff && (code = cli_load_model(argv[optind + 1], &m[1])) != EXIT_OK) {
        og_model_free(m[0]);
        return code;
    }
    og_diags *diags = og_diags_new();
    og_buf b;
    og_buf_init(&b);
    og_status st = diags ? render(&a, m, &b, diags) : OG_ENOMEM;
    cli_print_diags(stderr, diags, 0);
    if (st == OG_OK)
        st = og_write_file_atomic(a.out, b.data, b.len);
    if (st == OG_EIO)
        cli_error("cannot write '%s'", a.out);
    code = st == OG_EIO ? EXIT_INPUT : cli_status_exit(st, a.out);
    og_buf_free(&b);
    og_diags_free(diags);
    og_model_free(m[0]);
    og_model_free(m[1]);
    return code;
}
