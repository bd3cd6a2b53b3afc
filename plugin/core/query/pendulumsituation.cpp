#include "pendulumsituation.h"

#include "pendulumhistoricaldate.h"
#include "pendulumpopup.h"

PendulumSituation::PendulumSituation( const PendulumBibliography &bibliography )
    : mBibliography( bibliography )
{
}

QString PendulumSituation::heading( const QDate &date, const QString &language )
{
  const QString day = PendulumHistoricalDate::format( date, QStringLiteral( "day" ), language );
  if ( language == QLatin1String( "ja" ) )
    return QStringLiteral( "%1のこの地点" ).arg( day );
  if ( language == QLatin1String( "ru" ) )
    return QStringLiteral( "Это место на %1" ).arg( day );
  return QStringLiteral( "At this place on %1" ).arg( day );
}

QString PendulumSituation::html( const PendulumPlaceRecord &clicked,
                                 const QList<PendulumPlaceRecord> &situation, const QDate &date,
                                 const QString &language ) const
{
  const PendulumPopup popup( mBibliography );
  QString html;
  const bool hasClicked = clicked.feature.isValid();
  if ( hasClicked )
    html += popup.html( clicked.feature, clicked.layerId, language );
  QString others;
  for ( const PendulumPlaceRecord &record : situation )
  {
    if ( hasClicked && record.layerId == clicked.layerId && record.featureId() == clicked.featureId() )
      continue;
    others += popup.html( record.feature, record.layerId, language );
  }
  if ( !others.isEmpty() || !hasClicked )
  {
    html += QStringLiteral( "<hr/><h3>%1</h3>" ).arg( PendulumPopup::escaped( heading( date, language ) ) );
    html += others.isEmpty() ? QStringLiteral( "<p>—</p>" ) : others;
  }
  return html;
}
