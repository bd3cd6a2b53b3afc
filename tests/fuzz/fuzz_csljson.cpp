// libFuzzer target: the CSL-JSON reader (a colleague's bibliography) and every format made from it.
#include "pendulumbibliography.h"

#include <QRegularExpression>
#include <cstdint>
#include <cstdlib>

namespace
{
//! The only markup a reference may carry: italics and links to web addresses.
bool onlyAllowedMarkup( const QString &html )
{
  static const QRegularExpression sTag( QStringLiteral( "<[^>]*>" ) );
  static const QRegularExpression sAllowed(
      QStringLiteral( "^(<i>|</i>|</a>|<a href=\"https?://[^\"<>]*\">)$" ) );
  QRegularExpressionMatchIterator it = sTag.globalMatch( html );
  while ( it.hasNext() )
  {
    if ( !sAllowed.match( it.next().captured( 0 ) ).hasMatch() )
      return false;
  }
  return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput( const uint8_t *data, size_t size )
{
  const QByteArray json( reinterpret_cast<const char *>( data ), int( size ) );
  PendulumBibliography bibliography;
  QString error;
  if ( bibliography.fromJson( json, &error ) )
  {
    for ( const QString &id : bibliography.ids() )
    {
      bibliography.authorDate( id );
      bibliography.reference( id, PendulumBibliography::Format::Text );
      bibliography.bibtex( id );
      const QString link = bibliography.link( id );
      if ( !link.isEmpty() && !link.startsWith( QLatin1String( "https://" ) ) &&
           !link.startsWith( QLatin1String( "http://" ) ) )
        std::abort(); // never a javascript: or data: link
      if ( !onlyAllowedMarkup( bibliography.reference( id, PendulumBibliography::Format::Html ) ) )
        std::abort(); // no markup from the bibliography's text
    }
  }
  else if ( error.isEmpty() )
  {
    std::abort();
  }
  // The same bytes as a feature's `sources` field.
  PendulumBibliography::parseCitations( QString::fromUtf8( json ) );
  return 0;
}
