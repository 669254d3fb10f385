/*
 * cmd_restructure.c: `orgraph restructure BEFORE PLAN -o AFTER`: applies a
 * restructuring plan and writes the new snapshot and its transition. Nothing
 * is written when the plan has a problem.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

const char usage_restructure[] =
    "usage: orgraph restructure BEFORE PLAN -o AFTER [--transition-out FILE]\n"
    "\n"
    "Apply the operations of PLAN (abolish, merge, split, transfer, rename,\n"
    "attr, add, remove, link, unlink, set, meta, unset, transition; see\n"
    "docs/restructure.md) to the model BEFORE, in order, and write the new\n"
    "snapshot AFTER (its format follows its path, as for convert) and its\n"
    "transition old_id,new_id,operation,share: AFTER/transition.csv when AFTER\n"
    "is a directory, else AFTER's name with .transition.csv.\n"
    "\n"
    "Options:\n"
    "  -o, --output AFTER         the new snapshot (required)\n"
    "  -t, --transition-out FILE  where to write the transition\n"
    "\n"
    "Every problem of the plan is reported as PLAN:LINE: error: ...; then the\n"
    "exit status is 3 and nothing is written.\n";

/* The default transition path beside AFTER; malloc'd. */
static char *transition_path(const char *after, og_format format)
{
    if (format == OG_FORMAT_CSV_DIR)
        return cli_path_join(after, "transition.csv");
    const char *dot = strrchr(after, '.'), *slash = strrchr(after, '/');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - after) : strlen(after);
    char *p = malloc(stem + sizeof ".transition.csv");
    if (p) {
        memcpy(p, after, stem);
        strcpy(p + stem, ".transition.csv");
    }
    return p;
}

static int write_outputs(og_model *after, const og_transition *t,
                         const char *out, const char *tout)
{
    og_format format = og_format_for_output(out);
    if (format == OG_FORMAT_UNKNOWN)
        return cli_usage_error("restructure", "cannot tell the format of '%s'", out);
    char *tpath = tout ? strdup(tout) : transition_path(out, format);
    og_diags *diags = og_diags_new();
    og_buf b;
    og_buf_init(&b);
    og_status st = tpath && diags ? og_model_save(after, out, format, diags) : OG_ENOMEM;
    if (st == OG_OK)
        st = og_transition_csv(t, &b);
    if (st == OG_OK)
        st = og_write_file_atomic(tpath, b.data, b.len);
    cli_print_diags(stderr, diags, 0);
    int code = st == OG_EIO ? EXIT_INPUT : cli_status_exit(st, tpath ? tpath : out);
    if (st == OG_EIO && !og_diags_count(diags))
        cli_error("cannot write '%s'", tpath);
    og_buf_free(&b);
    og_diags_free(diags);
    free(tpath);
    return code;
}

int cmd_restructure(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, 0, 'o'},
                                         {"transition-out", required_argument, 0, 't'},
                                         {0, 0, 0, 0}};
    const char *out = NULL, *tout = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:t:", opts, NULL)) != -1) {
        if (c == 'o')
            out = optarg;
        else if (c == 't')
            tout = optarg;
        else
            return cli_usage_error("restructure", "unknown option");
    }
    if (argc - optind != 2 || !out)
        return cli_usage_error("restructure", "expected BEFORE PLAN -o AFTER");
    og_model *before;
    int code = cli_load_model(argv[optind], &before);
    if (code != EXIT_OK)
        return code;
    og_diags *diags = og_diags_new();
    og_plan *plan = NULL;
    og_model *after = NULL;
    og_transition *t = NULL;
    og_status st = diags ? og_plan_load(argv[optind + 1], &plan, diags) : OG_ENOMEM;
    if (st == OG_OK || (st == OG_EFORMAT && plan)) {
        /* with syntax errors, still apply what parsed, to report every problem */
        og_status applied = og_plan_apply(plan, before, &after, &t, diags);
        if (st == OG_OK)
            st = applied;
    }
    og_diags_sort(diags);
    cli_print_diags(stderr, diags, 0);
    if (st == OG_EFORMAT || st == OG_EIO)
        cli_error("'%s' was not applied; nothing written", argv[optind + 1]);
    code = st == OG_OK ? write_outputs(after, t, out, tout) : cli_status_exit(st, "restructure");
    og_transition_free(t);
    og_model_free(after);
    og_plan_free(plan);
    og_diags_free(diags);
    og_model_free(before);
    return code;
}
