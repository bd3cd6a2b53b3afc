#ifndef PROJECTCOMMAND_H
#define PROJECTCOMMAND_H

#include "pendulumcommand.h"

//! `pendulum project`: a ready QGIS project for the record, for QGIS without the plugin.
class ProjectCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "project" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QString checkOptions( const QCommandLineParser &parser ) const override;
  int run( const QCommandLineParser &parser ) override;
};

#endif // PROJECTCOMMAND_H
