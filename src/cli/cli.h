/*
 * cli.h: what the subcommands of the orgraph command share: the command
 * table's row type, the exit codes, and helpers that load a model and print
 * diagnostics. The CLI parses arguments, calls liborgraph and prints; it
 * computes nothing itself.
 */
#ifndef ORGRAPH_CLI_H
#define ORGRAPH_CLI_H

#include "orgraph.h"

#include <stdio.h>

/* Exit codes, documented in docs/orgraph.1 and `orgraph --help`. */
enum cli_exit {
    EXIT_OK = 0,        /* success */
    EXIT_PROBLEMS = 1,  /* check (or another test) found problems */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_INPUT = 3,     /* an input could not be read as a model, whole */
    EXIT_INTERNAL = 4   /* out of memory, or a bug */
};

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;     /* one line for `orgraph help` */
    const char *usage;       /* the full text of `orgraph CMD --help` */
} cli_command;

extern const char *cli_program;

/* Prints "orgraph: error: ..." to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Reports a usage error and returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints diagnostics as FILE:LINE: severity: message, at most `max` of them
 * (0 = all), then a line saying how many were not shown. */
void cli_print_diags(FILE *out, const og_diags *diags, size_t max);

/* Loads a model for a command that needs it whole: problems are printed to
 * stderr; returns EXIT_OK with *model set, or the exit code to return. */
int cli_load_model(const char *path, og_model **model);

/* Maps a library status to an exit code, printing the reason. */
int cli_status_exit(og_status st, const char *what);

/* Output formats of printed figures. */
typedef enum cli_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV } cli_format;
/* Parses --format's value; returns -1 for an unknown one. `allowed` is a
 * bit set of (1 << cli_format). */
int cli_parse_format(const char *s, unsigned allowed);

/* Parses --line's value for analyses: a ranking line, or "all" for the
 * three; returns a bit set (1 << og_line), 0 for an unknown name. */
unsigned cli_parse_lines(const char *s);

/* Writes a buffer to stdout; returns EXIT_OK or EXIT_INTERNAL. */
int cli_write_stdout(const og_buf *buf);

/* 1 when argv holds -h or --help before any "--". */
int cli_wants_help(int argc, char **argv);

/* The subcommands (one file each). */
int cmd_check(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_restructure(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_report(int argc, char **argv);

extern const char usage_check[], usage_info[], usage_convert[], usage_help[];
extern const char usage_analyze[], usage_path[], usage_chart[];
extern const char usage_restructure[], usage_compare[], usage_report[];

/* dir + "/" + name, malloc'd. */
char *cli_path_join(const char *dir, const char *name);

/* The table, in main.c. */
extern const cli_command cli_commands[];
const cli_command *cli_find_command(const char *name);

#endif
