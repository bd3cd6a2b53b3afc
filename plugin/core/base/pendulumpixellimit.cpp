#include "pendulumpixellimit.h"

#include <algorithm>
#include <cmath>

namespace
{
constexpr double MM_PER_INCH = 25.4;
}

bool PendulumPixelLimit::allows( double width, double height )
{
  return width <= MAX_SIDE && height <= MAX_SIDE && width * height <= double( MAX_PIXELS );
}

QString PendulumPixelLimit::text()
{
  return QStringLiteral( "%1x%1 pixels and %2 Mpx" ).arg( MAX_SIDE ).arg( MAX_PIXELS / 1000000 );
}

QSizeF PendulumPixelLimit::pagePixels( const QSizeF &millimetres, double dpi )
{
  // As QgsLayoutExporter sizes the image: the page in inches times the resolution.
  return QSizeF( std::ceil( millimetres.width() / MM_PER_INCH * dpi ),
                 std::ceil( millimetres.height() / MM_PER_INCH * dpi ) );
}

int PendulumPixelLimit::maxDpi( const QSizeF &millimetres )
{
  const double widthIn = millimetres.width() / MM_PER_INCH;
  const double heightIn = millimetres.height() / MM_PER_INCH;
  int dpi = int( std::floor( std::min( { MAX_SIDE / widthIn, MAX_SIDE / heightIn,
                                         std::sqrt( double( MAX_PIXELS ) / ( widthIn * heightIn ) ) } ) ) );
  while ( dpi > 0 &&
          !allows( pagePixels( millimetres, dpi ).width(), pagePixels( millimetres, dpi ).height() ) )
    --dpi;
  return dpi;
}

QString PendulumPixelLimit::checkPage( const QSizeF &millimetres, int dpi )
{
  if ( !millimetres.isValid() || millimetres.isEmpty() )
    return QString();
  const QSizeF pixels = pagePixels( millimetres, dpi );
  if ( allows( pixels.width(), pixels.height() ) )
    return QString();
  return QStringLiteral(
             "a %1x%2 mm page at %3 dpi is %4x%5 pixels, more than the limit of %6; at most %7 dpi" )
      .arg( qRound( millimetres.width() ) )
      .arg( qRound( millimetres.height() ) )
      .arg( dpi )
      .arg( qint64( pixels.width() ) )
      .arg( qint64( pixels.height() ) )
      .arg( text() )
      .arg( maxDpi( millimetres ) );
}
