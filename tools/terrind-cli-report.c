#include "config.h"
#include "terrind-cli.h"
int terrind_cli_report (TerrindCli *cli, int argc, char **argv) { return 0; }
