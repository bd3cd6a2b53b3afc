#ifndef PENDULUMGEOPACKAGEUSE_H
#define PENDULUMGEOPACKAGEUSE_H

#include <QString>

/**
 * Whether another program is using a GeoPackage (an SQLite file) right now.
 *
 * A GeoPackage being written has a rollback journal (X.gpkg-journal) or a
 * write-ahead log (X.gpkg-wal) beside it, and its writer holds an SQLite
 * lock on it. Replacing such a file leaves the old journal beside the new
 * one, and the next open rolls that journal into the new file: "database
 * disk image is malformed". Reading it while it is locked fails in ways
 * that look like damage.
 */
class PendulumGeoPackageUse
{
public:
  /**
   * Why \a path is in use by another program, in words ("another program is
   * writing to it", "X.gpkg-journal is beside it"); empty if it is not (or
   * does not exist).
   *
   * The lock is tested with fcntl(F_GETLK), which never takes a lock; call
   * it while this process has no SQLite connection to \a path open: closing
   * the descriptor it uses releases this process's own POSIX locks on the file.
   */
  static QString inUse( const QString &path );

  //! "<path>: in use by another program (<why>)", or empty if not in use.
  static QString check( const QString &path );
};

#endif // PENDULUMGEOPACKAGEUSE_H
