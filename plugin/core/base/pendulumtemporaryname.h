#ifndef PENDULUMTEMPORARYNAME_H
#define PENDULUMTEMPORARYNAME_H

#include <QString>
#include <QStringList>

/**
 * Names of the temporary files and folders Pendulum writes beside an output
 * (a GeoPackage being built, a layout's staging folder, an animation's
 * partial video or frames): ".pendulum-tmp-<host>-<pid>-<name>-<random>".
 *
 * A run that is killed (SIGKILL, a power cut) cannot remove them; the next
 * run writing in that folder recognises them by name and removes those whose
 * process is gone on this machine. It never touches a file without that
 * prefix, one of another machine sharing the folder, nor one of a process
 * still running (another export in progress).
 */
class PendulumTemporaryName
{
public:
  //! ".pendulum-tmp-<host>-<pid>-": what every temporary of this process starts with.
  static QString prefix();

  /**
   * A QTemporaryDir or QTemporaryFile template in \a folder for a temporary
   * of \a name: "<folder>/.pendulum-tmp-<host>-<pid>-<name>-XXXXXX<suffix>".
   */
  static QString pattern( const QString &folder, const QString &name, const QString &suffix = QString() );

  //! A new unique path of that form, for files created by other means (GDAL).
  static QString unique( const QString &folder, const QString &name, const QString &suffix = QString() );

  //! Whether \a fileName (no folder) is a temporary of this machine whose process has ended.
  static bool isStale( const QString &fileName );

  //! Removes the stale temporaries (isStale()) in \a folder; returns the names removed.
  static QStringList removeStale( const QString &folder );
};

#endif // PENDULUMTEMPORARYNAME_H
