/*
 * cmd_help.c: `orgraph help [COMMAND]`, the same text as `COMMAND --help`.
 */
#include "cli.h"

#include <stdio.h>

const char usage_help[] =
    "usage: orgraph help [COMMAND]\n"
    "\n"
    "Show the help of COMMAND (the same as 'orgraph COMMAND --help'), or the\n"
    "list of commands.\n";

int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        printf("commands:\n");
        for (const cli_command *c = cli_commands; c->name; c++)
            printf("  %-12s %s\n", c->name, c->summary);
        printf("\nRun 'orgraph help COMMAND' for one command's options.\n");
        return EXIT_OK;
    }
    if (argc > 2)
        return cli_usage_error("help", "too many arguments");
    const cli_command *c = cli_find_command(argv[1]);
    if (!c)
        return cli_usage_error("help", "'%s' is not a command", argv[1]);
    fputs(c->usage, stdout);
    return EXIT_OK;
}
