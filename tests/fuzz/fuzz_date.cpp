// libFuzzer target: PendulumDate::parse, the parser of every date in the record and on the command line.
#include "pendulumdate.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput( const uint8_t *data, size_t size )
{
  const QString text = QString::fromUtf8( reinterpret_cast<const char *>( data ), int( size ) );
  QString error;
  const QDate date = PendulumDate::parse( text, &error );
  if ( date.isValid() )
  {
    // What is accepted is exactly one real day, written the one way the record writes it.
    if ( date.toString( Qt::ISODate ) != text || !error.isEmpty() )
      std::abort();
    PendulumDate::toDisplayString( date );
  }
  else if ( error.isEmpty() )
  {
    std::abort(); // a refusal always says why
  }
  return 0;
}
