#include "pendulumdate.h"

#include <QLocale>
#include <QRegularExpression>

QDate PendulumDate::parse( const QString &text, QString *error )
{
  // [0-9], not \d: \d also matches other scripts' digits, which toInt() then reads as 0. Anchored
  // to the very end: "$" alone also matches before a final newline (found by fuzz_date).
  static const QRegularExpression sIso(
      QRegularExpression::anchoredPattern( QStringLiteral( "([0-9]{4})-([0-9]{2})-([0-9]{2})" ) ) );
  const QRegularExpressionMatch match = sIso.match( text );
  if ( !match.hasMatch() )
  {
    if ( error )
      *error = QStringLiteral( "'%1' is not a date in the form YYYY-MM-DD" ).arg( text );
    return QDate();
  }
  const int year = match.captured( 1 ).toInt();
  const int month = match.captured( 2 ).toInt();
  const int day = match.captured( 3 ).toInt();
  if ( month < 1 || month > 12 )
  {
    if ( error )
      *error = QStringLiteral( "'%1' has no month %2" ).arg( text ).arg( month );
    return QDate();
  }
  const int daysInMonth = QDate( year, month, 1 ).daysInMonth();
  if ( day < 1 || day > daysInMonth )
  {
    if ( error )
      *error =
          QStringLiteral( "'%1' is not a real date: %2 has %3 days" )
              .arg( text, QLocale::c().toString( QDate( year, month, 1 ), QStringLiteral( "MMMM yyyy" ) ) )
              .arg( daysInMonth );
    return QDate();
  }
  return QDate( year, month, day );
}

QString PendulumDate::toDisplayString( const QDate &date )
{
  return QLocale::c().toString( date, QStringLiteral( "d MMMM yyyy" ) );
}
