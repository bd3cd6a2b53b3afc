#ifndef MAPCOMMAND_H
#define MAPCOMMAND_H

#include "pendulumcommand.h"

//! `pendulum map`: the region as it stood on a date, as an image.
class MapCommand : public PendulumCommand
{
  public:
    QString name() const override { return QStringLiteral( "map" ); }
    QString summary() const override;
    QString details() const override;

  protected:
    QList<QCommandLineOption> options() const override;
    QString checkOptions( const QCommandLineParser &parser ) const override;
    int run( const QCommandLineParser &parser ) override;
};

#endif // MAPCOMMAND_H
