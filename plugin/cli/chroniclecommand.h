#ifndef CHRONICLECOMMAND_H
#define CHRONICLECOMMAND_H

#include "pendulumcommand.h"

//! `pendulum chronicle`: the record as a dated Markdown chronology with citations.
class ChronicleCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "chronicle" ); }
  QString summary() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QString checkOptions( const QCommandLineParser &parser ) const override;
  int run( const QCommandLineParser &parser ) override;
  bool needsQgis() const override { return false; }
};

#endif // CHRONICLECOMMAND_H
