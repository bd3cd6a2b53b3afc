#ifndef PENDULUMPIXELLIMIT_H
#define PENDULUMPIXELLIMIT_H

#include <QSize>
#include <QSizeF>
#include <QString>

/**
 * The largest raster image Pendulum renders, one rule for every raster
 * output: `map --size`, a layout page exported to PNG or TIFF at --dpi.
 * QImage holds 4 bytes a pixel: 200 Mpx is 800 MB; A3 at 2400 dpi would be
 * 1.1 billion pixels, 4.5 GB, and QPainter clips beyond 32768 pixels a side.
 */
class PendulumPixelLimit
{
public:
  static constexpr int MAX_SIDE = 20000;
  static constexpr qint64 MAX_PIXELS = 200'000'000; // a 40 cm square at 600 dpi is ~90 Mpx

  //! Whether an image of \a width x \a height pixels is within the limit.
  static bool allows( double width, double height );

  //! The limit in words: "20000x20000 pixels and 200 Mpx".
  static QString text();

  //! The pixels of a page of \a millimetres at \a dpi.
  static QSizeF pagePixels( const QSizeF &millimetres, double dpi );

  //! The highest whole dpi at which a page of \a millimetres stays within the limit.
  static int maxDpi( const QSizeF &millimetres );

  /**
   * For a page of \a millimetres exported at \a dpi: empty if within the
   * limit, else one line giving the size, the limit and the highest dpi.
   */
  static QString checkPage( const QSizeF &millimetres, int dpi );
};

#endif // PENDULUMPIXELLIMIT_H
