#ifndef PENDULUMLAYOUTTEXT_H
#define PENDULUMLAYOUTTEXT_H

#include <QDate>
#include <QString>

/**
 * The words Pendulum prints on its layouts (print maps and the events
 * atlas) in English, Japanese and Russian: the map title, the date line with
 * the calendars a reader of that time would have used, headings and the data
 * credits. Kept in one place so that both layouts say the same thing.
 */
class PendulumLayoutText
{
public:
  //! "North-East Asia on 1 January 1910".
  static QString mapTitle( const QDate &date, const QString &language );

  /**
   * The day in the language, with the Japanese era year (from 1868) and the
   * Julian "Old Style" date that Russian sources used (before 14 February 1918):
   * "1 January 1910 · Meiji 43 · 19 December 1909 O.S.". With a \a precision
   * of "month" or "year" only the day as known, without the Old Style date.
   */
  static QString dateLine( const QDate &date, const QString &language,
                           const QString &precision = QStringLiteral( "day" ) );

  static QString legendTitle( const QString &language );
  static QString sourcesHeading( const QString &language );
  static QString changesHeading( const QString &language );
  static QString begins( const QString &language );
  static QString ends( const QString &language );

  //! Data credits: Pendulum and its sources, Natural Earth, the projection.
  static QString credits( const QString &language );
};

#endif // PENDULUMLAYOUTTEXT_H
