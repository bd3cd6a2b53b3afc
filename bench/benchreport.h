#ifndef BENCHREPORT_H
#define BENCHREPORT_H

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

/**
 * The benchmark's results: one Markdown table of every measure (Pendulum,
 * what it is compared with, the ratio measured in the same run, the target),
 * notes on how each was measured, and the headline figures as `key: value`
 * lines for scripts.
 */
class BenchReport
{
public:
  struct Row
  {
    QString measure;   //!< what was timed
    QString pendulum;  //!< Pendulum's figure, with unit
    QString reference; //!< QGIS's (or the floor's) figure, with unit; empty: none
    QString ratio;     //!< how the two compare, e.g. "14.2× faster"
    QString target;    //!< the issue's target, empty: none
    QString met;       //!< "yes", "no" or empty
    QString runs;      //!< what each figure is the median of
  };

  void addRow( const Row &row ) { mRows << row; }
  void addNote( const QString &note ) { mNotes << note; }
  void setKey( const QString &key, double value );

  //! Formats a duration: "850 ms" or "12.3 s".
  static QString duration( double milliseconds );
  //! "14.2×"
  static QString times( double ratio );

  //! The table alone, as printed while the benchmark runs.
  QString table() const;
  //! The `key: value` lines.
  QString keys() const;
  //! The whole RESULTS.md: title, machine, table, notes, keys.
  QString markdown( const QString &machine, double totalSeconds ) const;

private:
  QList<Row> mRows;
  QStringList mNotes;
  QList<QPair<QString, double>> mKeys;
};

#endif // BENCHREPORT_H
