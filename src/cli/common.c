/*
 * common.c: helpers the subcommands share: printing diagnostics, loading a
 * model with its problems reported, parsing --format, writing to stdout.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *cli_program = "orgraph";

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: error: ", cli_program);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s %s: ", cli_program, cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s %s --help'.\n", cli_program, cmd);
    return EXIT_USAGE;
}

void cli_print_diags(FILE *out, const og_diags *diags, size_t max)
{
    size_t n = og_diags_count(diags);
    size_t shown = max && n > max ? max : n;
    for (size_t i = 0; i < shown; i++) {
        const og_diag *d = og_diags_get(diags, i);
        if (d->file && d->line > 0)
            fprintf(out, "%s:%ld: ", d->file, d->line);
        else if (d->file)
            fprintf(out, "%s: ", d->file);
        else
            fprintf(out, "%s: ", cli_program);
        fprintf(out, "%s: %s\n", og_severity_name(d->severity), d->message);
    }
    if (shown < n)
        fprintf(out, "%s: note: %zu more not shown\n", cli_program, n - shown);
}

int cli_status_exit(og_status st, const char *what)
{
    switch (st) {
    case OG_OK:
        return EXIT_OK;
    case OG_EIO:
    case OG_EFORMAT:
        return EXIT_INPUT;
    case OG_EINVAL:
        return EXIT_USAGE;
    default:
        cli_error("%s: %s", what, og_status_string(st));
        return EXIT_INTERNAL;
    }
}

int cli_load_model(const char *path, og_model **model)
{
    og_diags *diags = og_diags_new();
    if (!diags)
        return cli_status_exit(OG_ENOMEM, path);
    og_status st = og_model_load(path, model, diags);
    og_diags_sort(diags);
    cli_print_diags(stderr, diags, 20);
    int code = cli_status_exit(st, path);
    if (code == EXIT_OK && og_diags_lossy(diags) > 0) {
        cli_error("'%s' was not read whole (%zu error%s); run '%s check %s'",
                  path, og_diags_lossy(diags),
                  og_diags_lossy(diags) == 1 ? "" : "s", cli_program, path);
        og_model_free(*model);
        *model = NULL;
        code = EXIT_INPUT;
    }
    og_diags_free(diags);
    return code;
}

int cli_parse_format(const char *s, unsigned allowed)
{
    static const char *const names[] = {"text", "json", "csv"};
    for (int i = 0; i < 3; i++)
        if (strcmp(s, names[i]) == 0 && (allowed & (1u << i)))
            return i;
    return -1;
}

unsigned cli_parse_lines(const char *s)
{
    if (strcmp(s, "all") == 0)
        return (1u << OG_LINE_COMMAND) | (1u << OG_LINE_PARTY) | (1u << OG_LINE_GUIDANCE);
    int l = og_line_parse(s);
    return l >= 0 && og_line_ranks((og_line)l) ? 1u << l : 0;
}

int cli_write_stdout(const og_buf *buf)
{
    if (buf->failed)
        return cli_status_exit(OG_ENOMEM, "output");
    if (buf->len && fwrite(buf->data, 1, buf->len, stdout) != buf->len) {
        cli_error("cannot write to standard output");
        return EXIT_INTERNAL;
    }
    return EXIT_OK;
}

int cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return 1;
    }
    return 0;
}

char *cli_path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    size_t k = a;
    if (a && dir[a - 1] != '/')
        p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}
