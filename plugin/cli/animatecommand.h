#ifndef ANIMATECOMMAND_H
#define ANIMATECOMMAND_H

#include "pendulumcommand.h"

/**
 * `pendulum animate`: the map through a span of dates as PNG frames, a GIF,
 * an MP4 or a WebM, with a progress bar and a clean stop on Ctrl+C.
 */
class AnimateCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "animate" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QString checkOptions( const QCommandLineParser &parser ) const override;
  QList<IgnoredOption> ignoredOptions() const override;
  int run( const QCommandLineParser &parser ) override;
  bool interruptible() const override { return true; }
};

#endif // ANIMATECOMMAND_H
