#include "cli.h"
const char usage_compare[] = "x\n";
int cmd_compare(int argc, char **argv) { (void)argc; (void)argv; return 2; }
