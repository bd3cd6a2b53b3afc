#include "pendulumfilekind.h"

#include <QDir>
#include <QFileInfo>
#include <sys/stat.h>

namespace
{
//! The canonical form of \a path, or of its folder joined to its name where it does not exist yet.
QString canonical( const QString &path )
{
  const QFileInfo info( path );
  if ( info.exists() )
    return info.canonicalFilePath();
  const QString folder = QFileInfo( info.absolutePath() ).canonicalFilePath();
  return folder.isEmpty() ? info.absoluteFilePath() : QDir( folder ).filePath( info.fileName() );
}
} // namespace

QString PendulumFileKind::irregular( const QString &path )
{
  // QFileInfo says only "not a file" of a FIFO, a socket or a device; stat(2) says which.
  const QByteArray name = QFile::encodeName( path );
  struct stat link;
  if ( ::lstat( name.constData(), &link ) != 0 )
    return QString();
  struct stat target;
  if ( ::stat( name.constData(), &target ) != 0 )
    return S_ISLNK( link.st_mode ) ? QStringLiteral( "a symbolic link to nothing" ) : QString();
  if ( S_ISREG( target.st_mode ) )
    return QString();
  if ( S_ISDIR( target.st_mode ) )
    return QStringLiteral( "a folder" );
  if ( S_ISFIFO( target.st_mode ) )
    return QStringLiteral( "a FIFO" );
  if ( S_ISCHR( target.st_mode ) )
    return QStringLiteral( "a character device" );
  if ( S_ISBLK( target.st_mode ) )
    return QStringLiteral( "a block device" );
  if ( S_ISSOCK( target.st_mode ) )
    return QStringLiteral( "a socket" );
  return QStringLiteral( "not a regular file" );
}

QString PendulumFileKind::checkInput( const QString &path )
{
  const QString kind = irregular( path );
  if ( !kind.isEmpty() )
    return QStringLiteral( "%1: is %2, not a file" ).arg( path, kind );
  if ( !QFileInfo::exists( path ) )
    return QStringLiteral( "%1: no such file" ).arg( path );
  return QString();
}

QString PendulumFileKind::checkOutput( const QString &path, const QStringList &inputs )
{
  const QString kind = irregular( path );
  if ( !kind.isEmpty() )
    return QStringLiteral( "%1 is %2, not a file: nothing was written" ).arg( path, kind );
  const QString target = canonical( path );
  for ( const QString &input : inputs )
  {
    if ( input.isEmpty() || !QFileInfo::exists( input ) )
      continue;
    const QString read = canonical( input );
    if ( target == read )
      return QStringLiteral( "%1 is an input of this run (%2): it is never overwritten" ).arg( path, input );
    // In a folder of the record, its data (layers, catalog, bibliography, styles, templates) is
    // protected; other files, such as the CHRONOLOGY.md written from it, are not.
    static const QStringList sRecordSuffixes = { QStringLiteral( "geojson" ), QStringLiteral( "json" ),
                                                 QStringLiteral( "qml" ), QStringLiteral( "qpt" ),
                                                 QStringLiteral( "gpkg" ) };
    if ( QFileInfo( read ).isDir() && target.startsWith( read + QLatin1Char( '/' ) ) &&
         sRecordSuffixes.contains( QFileInfo( target ).suffix().toLower() ) )
      return QStringLiteral( "%1 lies in %2, a folder this run reads: write it elsewhere" )
          .arg( path, input );
  }
  return QString();
}

QString PendulumFileKind::writeTarget( const QString &path )
{
  const QFileInfo info( path );
  return info.isSymLink() && info.exists() ? info.canonicalFilePath() : path;
}
