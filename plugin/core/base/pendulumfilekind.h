#ifndef PENDULUMFILEKIND_H
#define PENDULUMFILEKIND_H

#include <QString>
#include <QStringList>

/**
 * What a path names, checked before Pendulum opens it: every file it reads or
 * writes is a regular file (or a symbolic link to one). A FIFO would hang a
 * reader; a device node, a FIFO or a socket would be replaced by a regular
 * file if written to through a rename, and a folder is not a file at all.
 *
 * Writing through a symbolic link behaves as `cp` does: the file the link
 * points to gets the new content (replaced whole, atomically, beside it) and
 * the link stays a link.
 */
class PendulumFileKind
{
public:
  /**
   * What \a path is when it exists and is not a regular file, in words:
   * "a folder", "a FIFO", "a character device", "a block device", "a socket",
   * "a symbolic link to nothing"; empty for a regular file, a link to one, or
   * nothing at all.
   */
  static QString irregular( const QString &path );

  /**
   * For a file to read: empty if \a path is a regular file (or a link to
   * one); else one line "<path>: no such file" or "<path>: is a FIFO, not a file".
   */
  static QString checkInput( const QString &path );

  /**
   * For a file to write at \a path: empty if it may be written; else one line
   * saying why not: it exists and is not a regular file, or it is (or leads
   * to) one of \a inputs, or it is a data file (.geojson, .json, .qml, .qpt,
   * .gpkg) inside an input folder: a run never replaces what it reads, nor a
   * file of the record.
   */
  static QString checkOutput( const QString &path, const QStringList &inputs );

  /**
   * The file to replace when writing \a path: the file a symbolic link points
   * to (absolute), else \a path itself.
   */
  static QString writeTarget( const QString &path );
};

#endif // PENDULUMFILEKIND_H
