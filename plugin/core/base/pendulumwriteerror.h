#ifndef PENDULUMWRITEERROR_H
#define PENDULUMWRITEERROR_H

#include <QString>

class QSaveFile;

/**
 * Why a file could not be written, in words a user acts on. A full disk is
 * said as "disk full" (the system's "No space left on device", GDAL's
 * "database or disk is full" and QGIS's bare "file error" all mean it), with
 * what room is left, instead of an exporter's "Unknown error".
 */
class PendulumWriteError
{
public:
  //! "disk full: 12 KB free in /folder" when the disk of \a path is full (less than 64 KiB free, or
  //! \a detail says so), else \a detail.
  static QString reason( const QString &path, const QString &detail );

  /**
   * Commits \a file (opened for writing) only if every byte reached the disk:
   * QSaveFile buffers its writes and Qt 5 commits a file cut short by a full
   * disk, so the buffer is flushed and its error checked first. On failure the
   * file is discarded and \a error says why (cannotWrite()).
   */
  static bool commit( QSaveFile &file, QString *error );

  //! "<path>: cannot write (<reason()>)", the one line every writer gives.
  static QString cannotWrite( const QString &path, const QString &detail );
};

#endif // PENDULUMWRITEERROR_H
