#ifndef BENCHSTATISTICS_H
#define BENCHSTATISTICS_H

#include <QList>
#include <functional>

/**
 * The few measurements the benchmark makes: wall time, the median of
 * several runs, CPU time of finished child processes (ffmpeg), and the peak
 * resident memory of this process.
 */
class BenchStatistics
{
public:
  //! The median of \a values (the mean of the middle two for an even count); 0 for none.
  static double median( QList<double> values );

  //! Wall time of \a work in milliseconds.
  static double milliseconds( const std::function<void()> &work );

  //! CPU seconds (user + system) used so far by the child processes this one has waited for.
  static double childCpuSeconds();

  //! This process's peak resident memory (VmHWM) in MiB.
  static double peakMemoryMiB();
};

#endif // BENCHSTATISTICS_H
