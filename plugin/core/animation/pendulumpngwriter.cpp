#include "pendulumpngwriter.h"

#include <QFile>
#include <cstdio>
#include <png.h>
#include <zlib.h>

bool PendulumPngWriter::write( const QImage &image, const QString &path, QString *error )
{
  const QImage rgb = image.convertToFormat( QImage::Format_RGB888 );
  FILE *file = std::fopen( QFile::encodeName( path ).constData(), "wb" );
  if ( !file )
  {
    *error = QStringLiteral( "cannot write %1" ).arg( path );
    return false;
  }
  png_structp png = png_create_write_struct( PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr );
  png_infop info = png ? png_create_info_struct( png ) : nullptr;
  if ( !png || !info || setjmp( png_jmpbuf( png ) ) )
  {
    // libpng reports errors (e.g. a full disk) by longjmp-ing back here.
    png_destroy_write_struct( &png, &info );
    std::fclose( file );
    *error = QStringLiteral( "cannot write %1 (PNG encoding failed)" ).arg( path );
    return false;
  }
  png_init_io( png, file );
  png_set_IHDR( png, info, rgb.width(), rgb.height(), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT );
  png_set_pHYs( png, info, rgb.dotsPerMeterX(), rgb.dotsPerMeterY(), PNG_RESOLUTION_METER );
  png_set_filter( png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE );
  png_set_compression_level( png, 1 );
  png_write_info( png, info );
  for ( int y = 0; y < rgb.height(); ++y )
    png_write_row( png, const_cast<png_bytep>( rgb.constScanLine( y ) ) );
  png_write_end( png, info );
  png_destroy_write_struct( &png, &info );
  if ( std::fclose( file ) != 0 )
  {
    *error = QStringLiteral( "cannot write %1" ).arg( path );
    return false;
  }
  return true;
}
