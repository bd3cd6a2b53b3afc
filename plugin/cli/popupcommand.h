#ifndef POPUPCOMMAND_H
#define POPUPCOMMAND_H

#include "pendulumcommand.h"

//! `pendulum popup`: a feature's popup, exactly as QGIS's map tip shows it.
class PopupCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "popup" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QStringList positionalNames() const override { return { QStringLiteral( "feature-id" ) }; }
  QString checkOptions( const QCommandLineParser &parser ) const override;
  int run( const QCommandLineParser &parser ) override;
};

#endif // POPUPCOMMAND_H
