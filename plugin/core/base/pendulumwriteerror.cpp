#include "pendulumwriteerror.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

namespace
{
//! Less than this free is a full disk for any file Pendulum writes.
constexpr qint64 FULL_BELOW_BYTES = 64 * 1024;
} // namespace

QString PendulumWriteError::reason( const QString &path, const QString &detail )
{
  const QString folder = QFileInfo( path ).absolutePath();
  const QStorageInfo storage( folder );
  const bool full = detail.contains( QLatin1String( "No space left" ), Qt::CaseInsensitive ) ||
                    detail.contains( QLatin1String( "disk is full" ), Qt::CaseInsensitive ) ||
                    ( storage.isValid() && storage.bytesAvailable() < FULL_BELOW_BYTES );
  if ( !full )
    return detail;
  return QStringLiteral( "disk full: %1 KB free in %2" ).arg( storage.bytesAvailable() / 1024 ).arg( folder );
}

QString PendulumWriteError::cannotWrite( const QString &path, const QString &detail )
{
  return QStringLiteral( "%1: cannot write (%2)" ).arg( path, reason( path, detail ) );
}

bool PendulumWriteError::commit( QSaveFile &file, QString *error )
{
  if ( !file.flush() || file.error() != QFileDevice::NoError )
  {
    *error = cannotWrite( file.fileName(), file.errorString() );
    file.cancelWriting();
    return false;
  }
  if ( !file.commit() )
  {
    *error = cannotWrite( file.fileName(), file.errorString() );
    return false;
  }
  return true;
}
