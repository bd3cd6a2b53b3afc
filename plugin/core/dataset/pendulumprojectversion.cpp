#include "pendulumprojectversion.h"

#include "pendulumprojectrecord.h"

#include <QVersionNumber>

#include "qgsproject.h"

namespace
{
const QString sScope = QStringLiteral( "Pendulum" );
const QString sKey = QStringLiteral( "/version" );
} // namespace

QString PendulumProjectVersion::current()
{
  return QStringLiteral( PENDULUM_VERSION );
}

void PendulumProjectVersion::stamp( QgsProject *project )
{
  project->writeEntry( sScope, sKey, current() );
}

QString PendulumProjectVersion::stored( const QgsProject *project )
{
  return project->readEntry( sScope, sKey );
}

QString PendulumProjectVersion::check( const QgsProject *project )
{
  if ( PendulumProjectRecord::layers( project ).isEmpty() )
    return QString();
  const QString saved = stored( project );
  const QVersionNumber savedVersion = QVersionNumber::fromString( saved );
  const QVersionNumber currentVersion = QVersionNumber::fromString( current() );
  static const QString sRedo =
      QStringLiteral( "Remove the Pendulum group from the Layers panel and choose Plugins ▸ Pendulum ▸ Add "
                      "Historical Layers to get them as this Pendulum makes them." );
  if ( saved.isEmpty() || savedVersion.isNull() )
    return QStringLiteral( "This project's historical layers were added by an older Pendulum (before %1); "
                           "their map tips, forms and timeline settings may be out of date. %2" )
        .arg( current(), sRedo );
  if ( savedVersion < currentVersion )
    return QStringLiteral( "This project's historical layers were added by Pendulum %1, older than this "
                           "Pendulum %2; their map tips, forms and timeline settings may be out of date. %3" )
        .arg( saved, current(), sRedo );
  if ( savedVersion > currentVersion )
    return QStringLiteral(
               "This project's historical layers were added by Pendulum %1, newer than this "
               "Pendulum %2; some of their settings may not work here. Update the Pendulum plugin." )
        .arg( saved, current() );
  return QString();
}
