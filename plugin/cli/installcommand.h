#ifndef INSTALLCOMMAND_H
#define INSTALLCOMMAND_H

#include "pendulumcommand.h"

//! `pendulum install`: the desktop plugin into a QGIS profile.
class InstallCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "install" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QString checkOptions( const QCommandLineParser &parser ) const override;
  int run( const QCommandLineParser &parser ) override;
  bool needsQgis() const override { return false; }
};

#endif // INSTALLCOMMAND_H
