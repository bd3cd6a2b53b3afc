#ifndef QUERYCOMMAND_H
#define QUERYCOMMAND_H

#include "pendulumcommand.h"

class PendulumBibliography;
struct PendulumPlaceRecord;

/**
 * `pendulum query`: who held a place on a day, or the place's whole history,
 * with the sources of each answer; as text or as JSON lines.
 */
class QueryCommand : public PendulumCommand
{
public:
  QString name() const override { return QStringLiteral( "query" ); }
  QString summary() const override;
  QString details() const override;

protected:
  QList<QCommandLineOption> options() const override;
  QString checkOptions( const QCommandLineParser &parser ) const override;
  QList<IgnoredOption> ignoredOptions() const override;
  int run( const QCommandLineParser &parser ) override;

private:
  //! One line for people: period, holder, status, layer/id, name, citations.
  static QString textLine( const PendulumPlaceRecord &record, const PendulumBibliography &bibliography,
                           const QString &language );
  //! One JSON object with the schema's field names, plus "layer" and "citations".
  static QByteArray jsonLine( const PendulumPlaceRecord &record, const PendulumBibliography &bibliography );
  static QStringList citations( const PendulumPlaceRecord &record, const PendulumBibliography &bibliography );
};

#endif // QUERYCOMMAND_H
