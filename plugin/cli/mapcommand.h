#ifndef MAPCOMMAND_H
#define MAPCOMMAND_H

#include "pendulumcommand.h"

/**
 * `pendulum map`: the region as it stood on a date, as a print layout
 * (PDF, SVG, PNG, TIFF through PendulumPrintJob) or, with --size, as a plain
 * map image (PendulumMapRenderer).
 */
class MapCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "map" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QString checkOptions( const QCommandLineParser &parser ) const override;
  QList<IgnoredOption> ignoredOptions() const override;
  int run( const QCommandLineParser &parser ) override;
  bool interruptible() const override { return true; }

private:
  int printLayout( const QCommandLineParser &parser );
  int renderImage( const QCommandLineParser &parser );
};

#endif // MAPCOMMAND_H
