#include "benchstatistics.h"

#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <sys/resource.h>

double BenchStatistics::median( QList<double> values )
{
  if ( values.isEmpty() )
    return 0;
  std::sort( values.begin(), values.end() );
  const int middle = values.size() / 2;
  return values.size() % 2 ? values.at( middle ) : ( values.at( middle - 1 ) + values.at( middle ) ) / 2;
}

double BenchStatistics::milliseconds( const std::function<void()> &work )
{
  QElapsedTimer timer;
  timer.start();
  work();
  return timer.nsecsElapsed() / 1e6;
}

double BenchStatistics::childCpuSeconds()
{
  struct rusage usage = {};
  getrusage( RUSAGE_CHILDREN, &usage );
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         ( usage.ru_utime.tv_usec + usage.ru_stime.tv_usec ) / 1e6;
}

double BenchStatistics::peakMemoryMiB()
{
  QFile status( QStringLiteral( "/proc/self/status" ) );
  if ( !status.open( QIODevice::ReadOnly ) )
    return 0;
  for ( const QByteArray &line : status.readAll().split( '\n' ) )
  {
    // "VmHWM:   123456 kB": the high-water mark of the resident set.
    if ( line.startsWith( "VmHWM:" ) )
      return line.mid( 6 ).trimmed().split( ' ' ).first().toDouble() / 1024;
  }
  return 0;
}
