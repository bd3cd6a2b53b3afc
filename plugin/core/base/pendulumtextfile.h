#ifndef PENDULUMTEXTFILE_H
#define PENDULUMTEXTFILE_H

#include <QByteArray>
#include <QString>

/**
 * Reads one text file of the record (a layer, catalog.json, sources.json) as
 * a historian's editor may have left it. Before reading, refuses what is not
 * a regular file (a folder, a FIFO, /dev/zero) and a file far larger than any
 * the record has, so that a 2 GB file costs no memory; after reading, refuses
 * text that is not UTF-8 (naming the line), which Qt's JSON parser would reject
 * with a bare byte offset or read wrongly. A UTF-8 byte order mark, as some
 * Windows editors write, is dropped.
 */
class PendulumTextFile
{
public:
  /**
   * Largest file accepted. The record's largest file (states.geojson) is
   * 3 MB; Qt 5's JSON parser gives up at about 128 MB anyway.
   */
  static constexpr qint64 MAX_SIZE = 64 * 1024 * 1024;

  /**
   * Reads \a path into \a data. Returns false with \a error set to one line
   * "<file name>: <problem>" when the file cannot be used.
   */
  static bool read( const QString &path, QByteArray *data, QString *error );

  /**
   * Checks \a data as text: UTF-8 (RFC 3629: no overlong forms, no
   * surrogates, nothing above U+10FFFF). Returns false with \a error set to
   * "line N: …" for the first offending byte.
   */
  static bool checkText( QByteArray *data, QString *error );

  //! The byte offset of the first byte of \a data that is not well-formed UTF-8, or -1.
  static int invalidUtf8Offset( const QByteArray &data );

  //! The 1-based line of byte \a offset of \a data.
  static int lineAt( const QByteArray &data, int offset );
};

#endif // PENDULUMTEXTFILE_H
