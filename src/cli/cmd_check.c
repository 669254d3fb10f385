/*
 * cmd_check.c: `orgraph check MODEL...`: every problem of each model in one
 * run (loader problems and structural ones), sorted by file and line.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

const char usage_check[] =
    "usage: orgraph check [--format text|json] MODEL...\n"
    "\n"
    "Report every problem of each MODEL in one run, each as\n"
    "FILE:LINE: error: ... or FILE:LINE: warning: ..., then a summary line.\n"
    "\n"
    "Errors: syntax and quoting errors, missing columns, invalid UTF-8, NUL\n"
    "bytes, empty or duplicate ids, links naming unknown units or lines,\n"
    "self-links, cycles on a ranking line (printed as a -> b -> a), units that\n"
    "reach no apex. Warnings: repeated links, units with no link at all.\n"
    "\n"
    "Options:\n"
    "  --format text|json   output format (default text; json schema in\n"
    "                       docs/json.md)\n"
    "\n"
    "Exit status: 0 no errors (warnings allowed); 1 errors found; 2 usage;\n"
    "3 a MODEL could not be read as a model at all; 4 internal error.\n";

/* Checks one model; returns its exit code. */
static int check_one(const char *path, cli_format format)
{
    og_diags *diags = og_diags_new();
    if (!diags)
        return cli_status_exit(OG_ENOMEM, path);
    og_model *m = NULL;
    og_status st = og_model_load(path, &m, diags);
    if (st == OG_OK)
        st = og_model_check(m, diags);
    og_diags_sort(diags);
    int code = EXIT_OK;
    if (format == FORMAT_JSON) {
        og_buf b;
        og_buf_init(&b);
        og_status js = og_diags_json(diags, &b);
        code = js == OG_OK ? cli_write_stdout(&b) : cli_status_exit(js, path);
        og_buf_free(&b);
    } else {
        cli_print_diags(stdout, diags, 0);
    }
    size_t errors = og_diags_count_severity(diags, OG_ERROR);
    size_t warnings = og_diags_count_severity(diags, OG_WARNING);
    if (format == FORMAT_TEXT) {
        if (m)
            printf("%s: %zu error%s, %zu warning%s (%ld unit%s, %ld link%s)\n",
                   path, errors, errors == 1 ? "" : "s", warnings,
                   warnings == 1 ? "" : "s", (long)og_model_unit_count(m),
                   og_model_unit_count(m) == 1 ? "" : "s",
                   (long)og_model_link_count(m),
                   og_model_link_count(m) == 1 ? "" : "s");
        else
            printf("%s: %zu error%s, %zu warning%s (not read as a model)\n",
                   path, errors, errors == 1 ? "" : "s", warnings,
                   warnings == 1 ? "" : "s");
    }
    if (code == EXIT_OK) {
        if (st != OG_OK)
            code = cli_status_exit(st, path);
        else if (errors > 0)
            code = EXIT_PROBLEMS;
    }
    og_model_free(m);
    og_diags_free(diags);
    return code;
}

int cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                         {0, 0, 0, 0}};
    cli_format format = FORMAT_TEXT;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
        switch (c) {
        case 'f': {
            int f = cli_parse_format(optarg, 1u << FORMAT_TEXT | 1u << FORMAT_JSON);
            if (f < 0)
                return cli_usage_error("check", "unknown format '%s' (text or json)", optarg);
            format = (cli_format)f;
            break;
        }
        default:
            return cli_usage_error("check", "unknown option");
        }
    }
    if (optind >= argc)
        return cli_usage_error("check", "no model given");
    int worst = EXIT_OK;
    for (int i = optind; i < argc; i++) {
        int code = check_one(argv[i], format);
        if (code > worst)
            worst = code;
    }
    return worst;
}
