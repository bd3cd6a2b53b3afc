#ifndef PENDULUMCLI_H
#define PENDULUMCLI_H

#include "pendulumcommand.h"

#include <QStringList>
#include <memory>
#include <vector>

/**
 * The `pendulum` tool: finds the subcommand, prints help and version, and
 * starts QGIS (headless, with a throw-away profile) only when a subcommand
 * needs it.
 */
class PendulumCli
{
public:
  PendulumCli();

  //! Runs the tool on \a arguments (argv without the program name).
  int run( int &argc, char **argv );

private:
  PendulumCommand *command( const QString &name ) const;
  QString overview() const;
  QString versionText() const;

  std::vector<std::unique_ptr<PendulumCommand>> mCommands;
};

#endif // PENDULUMCLI_H
