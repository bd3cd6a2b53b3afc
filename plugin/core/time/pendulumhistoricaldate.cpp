#include "pendulumhistoricaldate.h"

#include "pendulumlanguage.h"

#include <QCalendar>
#include <QLocale>

#include <memory>
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

namespace
{
enum class Precision
{
  Day,
  Month,
  Year
};

Precision precisionOf( const QString &precision )
{
  if ( precision == QLatin1String( "year" ) )
    return Precision::Year;
  if ( precision == QLatin1String( "month" ) )
    return Precision::Month;
  return Precision::Day;
}

/**
 * Formats a day of any calendar: QLocale gives the month names (genitive
 * in Russian for day dates: "5 сентября"), the rest is each language's
 * usual order.
 */
QString formatParts( int year, int month, int day, const QCalendar &calendar, Precision precision,
                     const QString &language, PendulumHistoricalDate::Length length )
{
  const QString lang = PendulumLanguage::normalised( language );
  if ( lang == QLatin1String( "ja" ) )
  {
    // Japanese writes numbers; year, month and day with their counters.
    switch ( precision )
    {
    case Precision::Year:
      return QStringLiteral( "%1年" ).arg( year );
    case Precision::Month:
      return QStringLiteral( "%1年%2月" ).arg( year ).arg( month );
    case Precision::Day:
      return QStringLiteral( "%1年%2月%3日" ).arg( year ).arg( month ).arg( day );
    }
  }
  const QLocale locale( lang == QLatin1String( "ru" ) ? QLocale::Russian : QLocale::English,
                        lang == QLatin1String( "ru" ) ? QLocale::Russia
                                                      : QLocale::UnitedStates ); // en_GB abbreviates "Sept"
  const QLocale::FormatType format =
      length == PendulumHistoricalDate::Length::Long ? QLocale::LongFormat : QLocale::ShortFormat;
  if ( lang == QLatin1String( "ru" ) )
  {
    switch ( precision )
    {
    case Precision::Year:
      return QStringLiteral( "%1 г." ).arg( year );
    case Precision::Month:
      // Standalone (nominative) name, capitalised as a heading would be: "Сентябрь 1905 г."
      return QStringLiteral( "%1 %2 г." )
          .arg( locale.standaloneMonthName( month, format ).toLower(), QString::number( year ) );
    case Precision::Day:
      return QStringLiteral( "%1 %2 %3 г." )
          .arg( day )
          .arg( calendar.monthName( locale, month, year, format ) )
          .arg( year );
    }
  }
  switch ( precision )
  {
  case Precision::Year:
    return QString::number( year );
  case Precision::Month:
    return QStringLiteral( "%1 %2" ).arg( calendar.monthName( locale, month, year, format ) ).arg( year );
  case Precision::Day:
    return QStringLiteral( "%1 %2 %3" )
        .arg( day )
        .arg( calendar.monthName( locale, month, year, format ) )
        .arg( year );
  }
  return QString();
}
} // namespace

QString PendulumHistoricalDate::format( const QDate &date, const QString &precision, const QString &language,
                                        Length length )
{
  if ( !date.isValid() )
    return QString();
  const QCalendar gregorian;
  return formatParts( date.year(), date.month(), date.day(), gregorian, precisionOf( precision ), language,
                      length );
}

QString PendulumHistoricalDate::oldStyle( const QDate &date, const QString &language )
{
  if ( !date.isValid() )
    return QString();
  const QCalendar julian( QCalendar::System::Julian );
  const QCalendar::YearMonthDay parts = julian.partsFromDate( date );
  const QString day =
      formatParts( parts.year, parts.month, parts.day, julian, Precision::Day, language, Length::Long );
  const QString lang = PendulumLanguage::normalised( language );
  if ( lang == QLatin1String( "ja" ) )
    return QStringLiteral( "ユリウス暦%1" ).arg( day );
  if ( lang == QLatin1String( "ru" ) )
    return QStringLiteral( "%1 (ст. ст.)" ).arg( day );
  return QStringLiteral( "%1 O.S." ).arg( day );
}

bool PendulumHistoricalDate::usesOldStyle( const QString &holder, const QDate &date )
{
  // Soviet Russia moved to the Gregorian calendar by the decree of 24 January
  // 1918: 31 January 1918 was followed by 14 February.
  static const QDate sReform( 1918, 2, 14 );
  return date.isValid() && date < sReform &&
         ( holder == QLatin1String( "RU" ) || holder == QLatin1String( "SU" ) ||
           holder == QLatin1String( "JOINT" ) );
}

QString PendulumHistoricalDate::japaneseEra( const QDate &date, const QString &language )
{
  // ICU knows the eras back to Taika (645), but before the Meiji calendar
  // reform (1873) Japan dated by the lunisolar calendar and era names
  // changed mid-year by decree; an era year computed from a Gregorian date
  // would be wrong around new year. The record's era years are about modern
  // Japan, so nothing is shown before 1868, the year the Meiji era began.
  // (Until the calendar reform of 1 January 1873, Meiji 6, ICU's era year,
  // which counts Gregorian years, can differ by one around new year.)
  if ( !date.isValid() || date < QDate( 1868, 1, 1 ) )
    return QString();

  const QString lang = PendulumLanguage::normalised( language );
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale( "ja_JP@calendar=japanese" );
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance( icu::TimeZone::getGMT()->clone(), locale, status ) );
  if ( U_FAILURE( status ) || !calendar )
    return QString();
  // Fields set on a Japanese calendar are era fields, so the day goes in as
  // an instant: milliseconds since 1970 (UTC, noon so no rounding moves the day).
  const UDate instant =
      ( static_cast<double>( QDate( 1970, 1, 1 ).daysTo( date ) ) * 86400.0 + 43200.0 ) * 1000.0;
  calendar->setTime( instant, status );
  const int era = calendar->get( UCAL_ERA, status );
  const int year = calendar->get( UCAL_YEAR, status );
  if ( U_FAILURE( status ) )
    return QString();

  // Eras of modern Japan by ICU's era index (ICU's japanese calendar numbers
  // every era since Taika; Meiji is 232). ICU's own era names (via
  // DateFormatSymbols) come abbreviated or in kanji only, so the romanised
  // and Russian names are listed here; the numbers come from ICU.
  struct Era
  {
    int index;
    const char *en;
    const char *ja;
    const char *ru;
  };
  static const Era sEras[] = {
      { 232, "Meiji", "明治", "Мэйдзи" }, { 233, "Taishō", "大正", "Тайсё" },
      { 234, "Shōwa", "昭和", "Сёва" },   { 235, "Heisei", "平成", "Хэйсэй" },
      { 236, "Reiwa", "令和", "Рэйва" },
  };
  for ( const Era &known : sEras )
  {
    if ( known.index != era )
      continue;
    if ( lang == QLatin1String( "ja" ) )
      return year == 1 ? QStringLiteral( "%1元年" ).arg( QString::fromUtf8( known.ja ) )
                       : QStringLiteral( "%1%2年" ).arg( QString::fromUtf8( known.ja ) ).arg( year );
    if ( lang == QLatin1String( "ru" ) )
      return QStringLiteral( "%1 %2 г." ).arg( QString::fromUtf8( known.ru ) ).arg( year );
    return QStringLiteral( "%1 %2" ).arg( QString::fromUtf8( known.en ) ).arg( year );
  }
  return QString();
}

QString PendulumHistoricalDate::period( const QDate &from, const QString &fromPrecision, const QDate &to,
                                        const QString &toPrecision, const QString &language )
{
  const QString lang = PendulumLanguage::normalised( language );
  const QString start = format( from, fromPrecision, lang, Length::Short );
  const QString end = format( to, toPrecision, lang, Length::Short );
  if ( end.isEmpty() )
  {
    if ( lang == QLatin1String( "ja" ) )
      return QStringLiteral( "%1以降" ).arg( start );
    if ( lang == QLatin1String( "ru" ) )
      return QStringLiteral( "с %1" ).arg( start );
    return QStringLiteral( "since %1" ).arg( start );
  }
  if ( start.isEmpty() )
  {
    if ( lang == QLatin1String( "ja" ) )
      return QStringLiteral( "%1まで" ).arg( end );
    if ( lang == QLatin1String( "ru" ) )
      return QStringLiteral( "до %1" ).arg( end );
    return QStringLiteral( "until %1" ).arg( end );
  }
  return QStringLiteral( "%1 – %2" ).arg( start, end );
}
