#ifndef PENDULUMHISTORICALDATE_H
#define PENDULUMHISTORICALDATE_H

#include <QDate>
#include <QString>

/**
 * Historical dates for people: a Gregorian date shown as precisely as it is
 * known (day, month or year) in English, Japanese or Russian, the Julian
 * ("Old Style") date that Russian sources before 1918 used, and the Japanese
 * era year. Calendars come from Qt's QCalendar (Julian) and ICU (Japanese
 * eras) rather than from hand-written tables.
 *
 * Languages are the codes "en", "ja" and "ru"; anything else is English.
 * Precisions are "day", "month" and "year"; anything else is "day".
 */
class PendulumHistoricalDate
{
public:
  //! How month names are written.
  enum class Length
  {
    Long,  //!< "5 September 1905"
    Short, //!< "5 Sep 1905" (the form used in periods)
  };

  /**
   * \a date as precisely as \a precision says: "5 September 1905" (day),
   * "September 1905" (month), "1905" (year); "1905年9月5日" in Japanese,
   * "5 сентября 1905 г." in Russian. Empty for a null date.
   */
  static QString format( const QDate &date, const QString &precision, const QString &language,
                         Length length = Length::Long );

  /**
   * The Julian-calendar (Old Style) date of the Gregorian \a date, e.g.
   * 1905-09-05 → "23 August 1905 O.S." ("23 августа 1905 г. (ст. ст.)",
   * "ユリウス暦1905年8月23日"). Empty for a null date.
   */
  static QString oldStyle( const QDate &date, const QString &language = QStringLiteral( "en" ) );

  /**
   * True if a source on the Russian side would have dated \a date in the
   * Julian calendar: \a holder is RU, SU or JOINT (in this record the
   * Russo-Japanese condominium of Sakhalin) and the date is before
   * 1918-02-14, the day Soviet Russia adopted the Gregorian calendar.
   */
  static bool usesOldStyle( const QString &holder, const QDate &date );

  /**
   * The Japanese era year of \a date through ICU's Japanese calendar:
   * "Meiji 38" / "明治38年" / "Мэйдзи 38" for 1905-09-05; the first year of
   * an era is "Taishō 1" / "大正元年". Empty before 1868-01-01 (see the
   * implementation for why) and for a null date.
   */
  static QString japaneseEra( const QDate &date, const QString &language );

  /**
   * The period from \a from to \a to, each as precisely as known and with
   * short month names: "5 Sep 1905 – 25 Aug 1945"; "since 26 Dec 1991"
   * when \a to is null. \a to is the record's `valid_to`, the first day the
   * feature is no longer true. It is shown as is, not as the day before:
   * the record's dates are the days control changed hands (the dates
   * readers know from the literature), so callers label the line "until"
   * rather than "to the end of".
   */
  static QString period( const QDate &from, const QString &fromPrecision, const QDate &to,
                         const QString &toPrecision, const QString &language );
};

#endif // PENDULUMHISTORICALDATE_H
