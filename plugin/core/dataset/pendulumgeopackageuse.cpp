#include "pendulumgeopackageuse.h"

#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <unistd.h>

namespace
{
// SQLite's lock bytes (src/os.h): PENDING_BYTE, RESERVED_BYTE, then the
// 510-byte SHARED range, at 1 GiB whatever the size of the file.
constexpr off_t SQLITE_PENDING_BYTE = 0x40000000;
constexpr off_t SQLITE_LOCK_BYTES = 2 + 510;

//! Whether another process holds a write lock (RESERVED, PENDING or EXCLUSIVE) on \a path.
bool writeLocked( const QString &path )
{
  const int fd = ::open( QFile::encodeName( path ).constData(), O_RDONLY | O_CLOEXEC );
  if ( fd < 0 )
    return false;
  // A read lock conflicts only with write locks: readers (SHARED) do not count.
  struct flock lock = {};
  lock.l_type = F_RDLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = SQLITE_PENDING_BYTE;
  lock.l_len = SQLITE_LOCK_BYTES;
  const bool locked = ::fcntl( fd, F_GETLK, &lock ) == 0 && lock.l_type != F_UNLCK;
  ::close( fd );
  return locked;
}
} // namespace

QString PendulumGeoPackageUse::inUse( const QString &path )
{
  const QFileInfo info( path );
  for ( const char *suffix : { "-journal", "-wal" } )
  {
    const QString beside = info.absoluteFilePath() + QLatin1String( suffix );
    if ( QFileInfo::exists( beside ) )
      return QStringLiteral( "%1 is beside it" ).arg( beside );
  }
  if ( info.isFile() && writeLocked( info.absoluteFilePath() ) )
    return QStringLiteral( "another program is writing to it" );
  return QString();
}

QString PendulumGeoPackageUse::check( const QString &path )
{
  const QString why = inUse( path );
  return why.isEmpty() ? QString() : QStringLiteral( "%1: in use by another program (%2)" ).arg( path, why );
}
