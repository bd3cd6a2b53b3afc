#include "benchreport.h"

#include <QDateTime>

void BenchReport::setKey( const QString &key, double value )
{
  for ( QPair<QString, double> &entry : mKeys )
  {
    if ( entry.first == key )
    {
      entry.second = value;
      return;
    }
  }
  mKeys << qMakePair( key, value );
}

QString BenchReport::duration( double milliseconds )
{
  if ( milliseconds < 1000 )
    return QStringLiteral( "%1 ms" ).arg( milliseconds, 0, 'f',
                                          milliseconds < 10    ? 2
                                          : milliseconds < 100 ? 1
                                                               : 0 );
  return QStringLiteral( "%1 s" ).arg( milliseconds / 1000, 0, 'f', milliseconds < 100000 ? 2 : 1 );
}

QString BenchReport::times( double ratio )
{
  return QStringLiteral( "%1×" ).arg( ratio, 0, 'f', ratio < 10 ? 2 : 1 );
}

QString BenchReport::table() const
{
  QString text =
      QStringLiteral( "| Measure | Pendulum | Compared with | Ratio (same run) | Target | Met | Median of |\n"
                      "| --- | ---: | ---: | ---: | --- | :---: | --- |\n" );
  for ( const Row &row : mRows )
  {
    text +=
        QStringLiteral( "| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n" )
            .arg( row.measure, row.pendulum, row.reference.isEmpty() ? QStringLiteral( "—" ) : row.reference,
                  row.ratio.isEmpty() ? QStringLiteral( "—" ) : row.ratio,
                  row.target.isEmpty() ? QStringLiteral( "—" ) : row.target,
                  row.met.isEmpty() ? QStringLiteral( "—" ) : row.met, row.runs );
  }
  return text;
}

QString BenchReport::keys() const
{
  QString text;
  for ( const QPair<QString, double> &entry : mKeys )
    text += QStringLiteral( "%1: %2\n" )
                .arg( entry.first )
                .arg( entry.second, 0, 'f', entry.second < 10 ? 3 : 1 );
  return text;
}

QString BenchReport::markdown( const QString &machine, double totalSeconds ) const
{
  QString text =
      QStringLiteral( "# Pendulum benchmarks\n\n"
                      "Written by `./run.sh bench` (`bench/pendulum_bench`) on %1, in %2 min. "
                      "Every ratio compares figures measured side by side in this one run.\n\n"
                      "## Machine\n\n%3\n## Results\n\n%4\n## How each figure was measured\n\n" )
          .arg( QDateTime::currentDateTimeUtc().toString( QStringLiteral( "yyyy-MM-dd HH:mm 'UTC'" ) ) )
          .arg( totalSeconds / 60, 0, 'f', 1 )
          .arg( machine, table() );
  for ( const QString &note : mNotes )
    text += QStringLiteral( "- %1\n" ).arg( note );
  text += QStringLiteral( "\n## Headline figures\n\n```\n%1```\n" ).arg( keys() );
  return text;
}
