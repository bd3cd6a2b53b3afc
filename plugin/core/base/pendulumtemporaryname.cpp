#include "pendulumtemporaryname.h"

#include <QDir>
#include <QFileInfo>
#include <QSysInfo>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace
{
const QString &hostPrefix()
{
  // The host too: a folder shared between machines holds other machines' processes' files.
  static const QString sPrefix =
      QStringLiteral( ".pendulum-tmp-%1-" )
          .arg( QSysInfo::machineHostName().replace( QLatin1Char( '/' ), QLatin1Char( '_' ) ) );
  return sPrefix;
}

bool alive( qint64 pid )
{
  // Signal 0 only asks: EPERM means a process of another user has that id.
  return pid > 0 && ( ::kill( pid_t( pid ), 0 ) == 0 || errno == EPERM );
}
} // namespace

QString PendulumTemporaryName::prefix()
{
  return hostPrefix() + QString::number( ::getpid() ) + QLatin1Char( '-' );
}

QString PendulumTemporaryName::pattern( const QString &folder, const QString &name, const QString &suffix )
{
  return QDir( folder ).filePath( prefix() + name + QStringLiteral( "-XXXXXX" ) + suffix );
}

QString PendulumTemporaryName::unique( const QString &folder, const QString &name, const QString &suffix )
{
  return QDir( folder ).filePath( prefix() + name + QLatin1Char( '-' ) +
                                  QUuid::createUuid().toString( QUuid::Id128 ) + suffix );
}

bool PendulumTemporaryName::isStale( const QString &fileName )
{
  if ( !fileName.startsWith( hostPrefix() ) )
    return false;
  const int end = fileName.indexOf( QLatin1Char( '-' ), hostPrefix().size() );
  if ( end <= hostPrefix().size() )
    return false;
  bool ok = false;
  const qint64 pid = fileName.mid( hostPrefix().size(), end - hostPrefix().size() ).toLongLong( &ok );
  return ok && pid != ::getpid() && !alive( pid );
}

QStringList PendulumTemporaryName::removeStale( const QString &folder )
{
  QStringList removed;
  const QDir dir( folder );
  const QStringList candidates =
      dir.entryList( { QStringLiteral( ".pendulum-tmp-*" ) },
                     QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot );
  for ( const QString &name : candidates )
  {
    if ( !isStale( name ) )
      continue;
    const QFileInfo info( dir.filePath( name ) );
    // A link is removed as a link (QDir::removeRecursively does not follow links either).
    const bool ok = info.isDir() && !info.isSymLink() ? QDir( info.filePath() ).removeRecursively()
                                                      : QFile::remove( info.filePath() );
    if ( ok )
      removed << name;
  }
  return removed;
}
