#include "pendulumtextsanitiser.h"

namespace
{
//! Bidi embeddings and overrides (U+202A–202E) and isolates (U+2066–2069): they can make "Japan" read as
//! something else.
bool isBidiControl( ushort u )
{
  return ( u >= 0x202A && u <= 0x202E ) || ( u >= 0x2066 && u <= 0x2069 );
}
} // namespace

QString PendulumTextSanitiser::sanitised( const QString &text )
{
  QString out;
  out.reserve( text.size() );
  for ( const QChar c : text )
  {
    const ushort u = c.unicode();
    // C0/C1 controls have no place in a popup.
    if ( isBidiControl( u ) || ( c.category() == QChar::Other_Control && u != '\n' && u != '\t' ) )
      continue;
    out.append( c );
  }
  return out;
}

QString PendulumTextSanitiser::visible( const QString &text )
{
  QString out;
  out.reserve( text.size() );
  for ( const QChar c : text )
  {
    const ushort u = c.unicode();
    if ( c.category() == QChar::Other_Control )
      out += QStringLiteral( "\\x%1" ).arg( u, 2, 16, QLatin1Char( '0' ) );
    else if ( isBidiControl( u ) )
      out += QStringLiteral( "\\u%1" ).arg( u, 4, 16, QLatin1Char( '0' ) );
    else
      out.append( c );
  }
  return out;
}
