#include "pendulumtextsanitiser.h"

QString PendulumTextSanitiser::sanitised( const QString &text )
{
  QString out;
  out.reserve( text.size() );
  for ( const QChar c : text )
  {
    const ushort u = c.unicode();
    // Bidi embeddings and overrides (U+202A–202E) and isolates (U+2066–2069)
    // can make "Japan" read as something else; C0/C1 controls have no place
    // in a popup.
    if ( ( u >= 0x202A && u <= 0x202E ) || ( u >= 0x2066 && u <= 0x2069 ) )
      continue;
    if ( c.category() == QChar::Other_Control && u != '\n' && u != '\t' )
      continue;
    out.append( c );
  }
  return out;
}
