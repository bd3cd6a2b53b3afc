#ifndef VALIDATECOMMAND_H
#define VALIDATECOMMAND_H

#include "pendulumcommand.h"

//! `pendulum validate`: every problem of the record, one line each.
class ValidateCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "validate" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  int run( const QCommandLineParser &parser ) override;
};

#endif // VALIDATECOMMAND_H
