#include "benchmachine.h"

#include "pendulumanimationencoder.h"

#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QThread>

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#include "qgis.h"

namespace
{
QString procValue( const QString &file, const QByteArray &key )
{
  QFile info( file );
  if ( !info.open( QIODevice::ReadOnly ) )
    return QString();
  for ( const QByteArray &line : info.readAll().split( '\n' ) )
  {
    if ( line.startsWith( key ) )
      return QString::fromUtf8( line.mid( line.indexOf( ':' ) + 1 ) ).trimmed();
  }
  return QString();
}

QString ffmpegVersion()
{
  QProcess process;
  process.start( PendulumAnimationEncoder::ffmpeg(), { QStringLiteral( "-version" ) } );
  if ( !process.waitForFinished( 10000 ) )
    return QStringLiteral( "not found" );
  return QString::fromUtf8( process.readAllStandardOutput() ).section( '\n', 0, 0 ).section( ' ', 2, 2 );
}
} // namespace

int BenchMachine::cores()
{
  return QThread::idealThreadCount();
}

QString BenchMachine::describe()
{
  const double memoryGiB =
      procValue( QStringLiteral( "/proc/meminfo" ), "MemTotal" ).section( ' ', 0, 0 ).toDouble() / 1024 /
      1024;
  return QStringLiteral( "- CPU: %1, %2 cores\n"
                         "- Memory: %3 GiB\n"
                         "- System: %4\n"
                         "- QGIS %5, Qt %6, GDAL %7, GEOS %8, PROJ %9, ffmpeg %10\n" )
      .arg( procValue( QStringLiteral( "/proc/cpuinfo" ), "model name" ) )
      .arg( cores() )
      .arg( memoryGiB, 0, 'f', 1 )
      .arg( QSysInfo::prettyProductName() )
      .arg( Qgis::version(), QString::fromLatin1( qVersion() ),
            QString::fromLatin1( GDALVersionInfo( "RELEASE_NAME" ) ),
            QString::fromLatin1( GEOSversion() ).section( '-', 0, 0 ),
            QStringLiteral( "%1.%2.%3" )
                .arg( PROJ_VERSION_MAJOR )
                .arg( PROJ_VERSION_MINOR )
                .arg( PROJ_VERSION_PATCH ),
            ffmpegVersion() );
}
