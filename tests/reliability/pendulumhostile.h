#ifndef PENDULUMHOSTILE_H
#define PENDULUMHOSTILE_H

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

/**
 * Helpers for the hostile-input tests: broken copies of the small test
 * record (tests/data/mini), file fingerprints, and what a folder holds.
 */
namespace PendulumHostile
{
//! The small valid record the defects are made in.
inline QString miniDir()
{
  return QStringLiteral( PENDULUM_TEST_DATA "/mini" );
}

/**
 * Copies the mini record into \a dir with \a from replaced by \a to in
 * \a file (nothing replaced if \a file is empty). Returns an error text, or
 * empty on success (also when \a from is not in \a file: the test is wrong then).
 */
inline QString copyMini( const QString &dir, const QString &file = QString(), const QByteArray &from = {},
                         const QByteArray &to = {} )
{
  const QDir mini( miniDir() );
  for ( const QString &name : mini.entryList( QDir::Files ) )
  {
    QFile in( mini.filePath( name ) );
    if ( !in.open( QIODevice::ReadOnly ) )
      return QStringLiteral( "cannot read %1" ).arg( in.fileName() );
    QByteArray content = in.readAll();
    if ( name == file )
    {
      if ( !content.contains( from ) )
        return QStringLiteral( "test error: '%1' is not in %2" ).arg( QString::fromUtf8( from ), file );
      content.replace( from, to );
    }
    QFile out( QDir( dir ).filePath( name ) );
    if ( !out.open( QIODevice::WriteOnly ) || out.write( content ) != content.size() )
      return QStringLiteral( "cannot write %1" ).arg( out.fileName() );
  }
  return QString();
}

//! Writes \a content to \a path, replacing it.
inline bool write( const QString &path, const QByteArray &content )
{
  QFile::remove( path );
  QFile file( path );
  return file.open( QIODevice::WriteOnly ) && file.write( content ) == content.size();
}

//! SHA-256 of the file at \a path (empty if it cannot be read).
inline QByteArray sha256( const QString &path )
{
  QFile file( path );
  if ( !file.open( QIODevice::ReadOnly ) )
    return QByteArray();
  QCryptographicHash hash( QCryptographicHash::Sha256 );
  hash.addData( &file );
  return hash.result().toHex();
}

//! Every entry of \a dir, hidden ones (temporary files) included.
inline QStringList entries( const QString &dir )
{
  return QDir( dir ).entryList( QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                QDir::Name );
}

//! The non-empty lines of \a text.
inline QStringList lines( const QString &text )
{
  return text.split( QLatin1Char( '\n' ), Qt::SkipEmptyParts );
}
} // namespace PendulumHostile

#endif // PENDULUMHOSTILE_H
