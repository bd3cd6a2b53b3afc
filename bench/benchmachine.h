#ifndef BENCHMACHINE_H
#define BENCHMACHINE_H

#include <QString>

//! What the figures were measured on: CPU, cores, memory, QGIS, Qt, GDAL, GEOS, PROJ and ffmpeg.
class BenchMachine
{
public:
  //! Markdown bullet lines.
  static QString describe();

  //! Cores the benchmark may use.
  static int cores();
};

#endif // BENCHMACHINE_H
