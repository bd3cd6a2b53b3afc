#include "pendulumlayouttext.h"

#include "pendulumhistoricaldate.h"

#include <QStringList>

namespace
{
//! English, Japanese, Russian: the three languages of the record.
QString pick( const QString &language, const QString &en, const QString &ja, const QString &ru )
{
  if ( language == QLatin1String( "ja" ) )
    return ja;
  if ( language == QLatin1String( "ru" ) )
    return ru;
  return en;
}
} // namespace

QString PendulumLayoutText::mapTitle( const QDate &date, const QString &language )
{
  const QString day = PendulumHistoricalDate::format( date, QStringLiteral( "day" ), language );
  return pick( language, QStringLiteral( "North-East Asia on %1" ), QStringLiteral( "%1の北東アジア" ),
               QStringLiteral( "Северо-Восточная Азия на %1" ) )
      .arg( day );
}

QString PendulumLayoutText::dateLine( const QDate &date, const QString &language, const QString &precision )
{
  QStringList parts{ PendulumHistoricalDate::format( date, precision, language ) };
  const QString era = PendulumHistoricalDate::japaneseEra( date, language );
  if ( !era.isEmpty() )
    parts << era;
  // The map always shows Russia: its sources dated this day in the Julian calendar.
  if ( precision == QLatin1String( "day" ) &&
       PendulumHistoricalDate::usesOldStyle( QStringLiteral( "RU" ), date ) )
    parts << PendulumHistoricalDate::oldStyle( date, language );
  return parts.join( QStringLiteral( " · " ) );
}

QString PendulumLayoutText::legendTitle( const QString &language )
{
  return pick( language, QStringLiteral( "Legend" ), QStringLiteral( "凡例" ),
               QStringLiteral( "Условные обозначения" ) );
}

QString PendulumLayoutText::sourcesHeading( const QString &language )
{
  return pick( language, QStringLiteral( "Sources" ), QStringLiteral( "出典" ),
               QStringLiteral( "Источники" ) );
}

QString PendulumLayoutText::changesHeading( const QString &language )
{
  return pick( language, QStringLiteral( "What changed" ), QStringLiteral( "変化" ),
               QStringLiteral( "Что изменилось" ) );
}

QString PendulumLayoutText::begins( const QString &language )
{
  return pick( language, QStringLiteral( "Begins" ), QStringLiteral( "開始" ), QStringLiteral( "Начало" ) );
}

QString PendulumLayoutText::ends( const QString &language )
{
  return pick( language, QStringLiteral( "Ends" ), QStringLiteral( "終了" ), QStringLiteral( "Конец" ) );
}

QString PendulumLayoutText::credits( const QString &language )
{
  return pick( language,
               QStringLiteral(
                   "Map: Pendulum %1 (borders and spheres of influence in North-East Asia, each feature with "
                   "its sources). "
                   "Coastlines: Natural Earth 1:10m, public domain. Projection: Lambert Conformal Conic, "
                   "standard parallels 39.2°N and 55.8°N, central meridian 130°E." ),
               QStringLiteral(
                   "地図：Pendulum %1（北東アジアの国境と勢力範囲、各地物に出典付き）。海岸線：Natural Earth "
                   "1:10m（パブリックドメイン）。"
                   "投影法：ランベルト正角円錐図法（標準緯線 北緯39.2度・55.8度、中央経線 東経130度）。" ),
               QStringLiteral(
                   "Карта: Pendulum %1 (границы и сферы влияния в Северо-Восточной Азии, с источниками для "
                   "каждого объекта). "
                   "Береговая линия: Natural Earth 1:10m, общественное достояние. Проекция: коническая "
                   "равноугольная "
                   "Ламберта, стандартные параллели 39,2° и 55,8° с. ш., осевой меридиан 130° в. д." ) )
      .arg( QStringLiteral( PENDULUM_VERSION ) );
}
