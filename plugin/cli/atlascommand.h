#ifndef ATLASCOMMAND_H
#define ATLASCOMMAND_H

#include "pendulumcommand.h"

//! `pendulum atlas`: one PDF page per event (PendulumEventsAtlas), a booklet of the story.
class AtlasCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "atlas" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QString checkOptions( const QCommandLineParser &parser ) const override;
  int run( const QCommandLineParser &parser ) override;
  bool interruptible() const override { return true; }
};

#endif // ATLASCOMMAND_H
