#include "pendulumtextfile.h"

#include "pendulumfilekind.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>

bool PendulumTextFile::read( const QString &path, QByteArray *data, QString *error )
{
  const QFileInfo info( path );
  const QString name = info.fileName();
  if ( !info.exists() )
  {
    *error = QStringLiteral( "%1: no such file (in %2)" ).arg( name, info.absolutePath() );
    return false;
  }
  const QString kind = PendulumFileKind::irregular( path );
  if ( !kind.isEmpty() )
  {
    *error = QStringLiteral( "%1: is %2, not a file" ).arg( name, kind );
    return false;
  }
  // Checked before anything is read: a 2 GB file is refused at once, not after filling memory.
  if ( info.size() > MAX_SIZE )
  {
    *error = QStringLiteral( "%1: file is %2 MB, more than any file of the record can be (limit %3 MB)" )
                 .arg( name, QString::number( info.size() / ( 1024 * 1024 ) ),
                       QString::number( MAX_SIZE / ( 1024 * 1024 ) ) );
    return false;
  }
  QFile file( path );
  if ( !file.open( QIODevice::ReadOnly ) )
  {
    *error = QStringLiteral( "%1: cannot read (%2)" ).arg( name, file.errorString() );
    return false;
  }
  // Read at most one byte more than allowed, in case the file grew since it was measured.
  *data = file.read( MAX_SIZE + 1 );
  if ( data->size() > MAX_SIZE )
  {
    *error = QStringLiteral( "%1: file is larger than any file of the record can be (limit %2 MB)" )
                 .arg( name, QString::number( MAX_SIZE / ( 1024 * 1024 ) ) );
    return false;
  }
  QString problem;
  if ( !checkText( data, &problem ) )
  {
    *error = QStringLiteral( "%1: %2" ).arg( name, problem );
    return false;
  }
  return true;
}

bool PendulumTextFile::checkText( QByteArray *data, QString *error )
{
  if ( data->startsWith( "\xEF\xBB\xBF" ) )
    data->remove( 0, 3 );
  if ( data->startsWith( "\xFF\xFE" ) || data->startsWith( "\xFE\xFF" ) )
  {
    *error = QStringLiteral( "UTF-16 text; save it as UTF-8, which GeoJSON and CSL-JSON require" );
    return false;
  }
  const int offset = invalidUtf8Offset( *data );
  if ( offset >= 0 )
  {
    *error = QStringLiteral( "line %1: not UTF-8 text (byte 0x%2); save it as UTF-8, which GeoJSON and "
                             "CSL-JSON require" )
                 .arg( lineAt( *data, offset ) )
                 .arg( uchar( data->at( offset ) ), 2, 16, QLatin1Char( '0' ) );
    return false;
  }
  return true;
}

int PendulumTextFile::invalidUtf8Offset( const QByteArray &data )
{
  const auto *bytes = reinterpret_cast<const unsigned char *>( data.constData() );
  const int size = data.size();
  int i = 0;
  while ( i < size )
  {
    const unsigned char lead = bytes[i];
    if ( lead < 0x80 )
    {
      ++i;
      continue;
    }
    int length = 0;
    unsigned char low = 0x80; // bounds of the second byte (RFC 3629, section 4)
    unsigned char high = 0xBF;
    if ( lead >= 0xC2 && lead <= 0xDF )
      length = 2;
    else if ( lead >= 0xE0 && lead <= 0xEF )
    {
      length = 3;
      if ( lead == 0xE0 )
        low = 0xA0; // no overlong forms
      else if ( lead == 0xED )
        high = 0x9F; // no surrogates
    }
    else if ( lead >= 0xF0 && lead <= 0xF4 )
    {
      length = 4;
      if ( lead == 0xF0 )
        low = 0x90;
      else if ( lead == 0xF4 )
        high = 0x8F; // nothing above U+10FFFF
    }
    else
      return i;
    if ( i + length > size )
      return i;
    if ( bytes[i + 1] < low || bytes[i + 1] > high )
      return i;
    for ( int k = 2; k < length; ++k )
    {
      if ( bytes[i + k] < 0x80 || bytes[i + k] > 0xBF )
        return i;
    }
    i += length;
  }
  return -1;
}

int PendulumTextFile::lineAt( const QByteArray &data, int offset )
{
  return int( std::count( data.constBegin(), data.constBegin() + std::min( offset, int( data.size() ) ),
                          '\n' ) ) +
         1;
}
