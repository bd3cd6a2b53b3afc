#include "pendulumcli.h"

int main( int argc, char **argv )
{
  PendulumCli cli;
  return cli.run( argc, argv );
}
