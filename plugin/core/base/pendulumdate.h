#ifndef PENDULUMDATE_H
#define PENDULUMDATE_H

#include <QDate>
#include <QString>

/**
 * Historical dates as the record writes them: strict ISO `YYYY-MM-DD` in the
 * proleptic Gregorian calendar. QDate::fromString() alone accepts too much
 * (and says nothing about *why* a date is wrong), so parsing is wrapped here
 * to give the user a message that names the problem.
 */
class PendulumDate
{
public:
  /**
   * Parses \a text as `YYYY-MM-DD`. Returns an invalid QDate and sets
   * \a error (if given) when the text is not a real calendar day.
   */
  static QDate parse( const QString &text, QString *error = nullptr );

  //! Formats \a date for people, e.g. "1 January 1910".
  static QString toDisplayString( const QDate &date );
};

#endif // PENDULUMDATE_H
