#ifndef BUILDCOMMAND_H
#define BUILDCOMMAND_H

#include "pendulumcommand.h"

//! `pendulum build`: layers/ (GeoJSON, catalog, sources) and styles/ into one GeoPackage.
class BuildCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "build" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QString checkOptions( const QCommandLineParser &parser ) const override;
  int run( const QCommandLineParser &parser ) override;
  bool interruptible() const override { return true; }
};

#endif // BUILDCOMMAND_H
