/*
 * cmd_convert.c: `orgraph convert IN OUT`: a model from one format to
 * another, the output format chosen by OUT's path. Nothing is written unless
 * IN was read whole, and OUT appears whole or not at all.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

const char usage_convert[] =
    "usage: orgraph convert [--to dot|csv|csv-dir|graphml] IN OUT\n"
    "\n"
    "Convert the model IN to OUT. The format of OUT follows its path: .dot or\n"
    ".gv is DOT, .graphml GraphML, .csv a single units table (only when every\n"
    "link is a unit's one command parent), and a path ending in '/' or without\n"
    "an extension a directory with units.csv, links.csv and meta.csv.\n"
    "Every unit, link, attribute and metadata entry is kept.\n"
    "\n"
    "Options:\n"
    "  --to FORMAT   write FORMAT whatever OUT's extension\n"
    "\n"
    "Nothing is written when IN has errors (see 'orgraph check'); each output\n"
    "file is written to a temporary file and renamed into place.\n";

int cmd_convert(int argc, char **argv)
{
    static const struct option opts[] = {{"to", required_argument, 0, 't'},
                                         {0, 0, 0, 0}};
    og_format to = OG_FORMAT_UNKNOWN;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "t:", opts, NULL)) != -1) {
        if (c != 't')
            return cli_usage_error("convert", "unknown option");
        static const og_format all[] = {OG_FORMAT_DOT, OG_FORMAT_CSV_FILE,
                                        OG_FORMAT_CSV_DIR, OG_FORMAT_GRAPHML};
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
            if (strcmp(optarg, og_format_name(all[i])) == 0)
                to = all[i];
        if (to == OG_FORMAT_UNKNOWN)
            return cli_usage_error("convert", "unknown format '%s' (dot, csv, "
                                   "csv-dir or graphml)", optarg);
    }
    if (argc - optind != 2)
        return cli_usage_error("convert", "expected IN and OUT");
    const char *in = argv[optind], *out = argv[optind + 1];
    if (to == OG_FORMAT_UNKNOWN)
        to = og_format_for_output(out);
    if (to == OG_FORMAT_UNKNOWN)
        return cli_usage_error("convert", "cannot tell the format of '%s' "
                               "(use .dot, .gv, .csv, .graphml, a directory, or --to)",
                               out);
    og_model *m;
    int code = cli_load_model(in, &m);
    if (code != EXIT_OK)
        return code;
    og_diags *diags = og_diags_new();
    og_status st = diags ? og_model_save(m, out, to, diags) : OG_ENOMEM;
    cli_print_diags(stderr, diags, 0);
    if (st == OG_EINVAL)
        code = EXIT_USAGE;
    else if (st == OG_EIO)
        code = EXIT_INPUT;
    else
        code = cli_status_exit(st, out);
    og_diags_free(diags);
    og_model_free(m);
    return code;
}
