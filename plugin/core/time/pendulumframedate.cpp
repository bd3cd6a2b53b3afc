#include "pendulumframedate.h"

QString PendulumFrameDate::expression( const QString &language )
{
  // @map_start_time is the first moment of the frame the canvas or layout map shows.
  if ( language == QLatin1String( "ja" ) )
    return QStringLiteral( "format_date(@map_start_time, 'yyyy年M月d日', 'ja')" );
  if ( language == QLatin1String( "ru" ) )
    return QStringLiteral( "format_date(@map_start_time, 'd MMMM yyyy', 'ru') || ' г.'" );
  return QStringLiteral( "format_date(@map_start_time, 'd MMMM yyyy', 'en')" );
}

QString PendulumFrameDate::labelText( const QString &language )
{
  return QStringLiteral( "[% %1 %]" ).arg( expression( language ) );
}
