#include "pendulumpngframeencoder.h"
#include "pendulumwriteerror.h"

#include <QFile>
#include <QtEndian>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <zlib.h>

namespace
{
const char PNG_SIGNATURE[] = "\x89PNG\r\n\x1a\n";
//! zlib stream header: deflate, 32 KiB window, "fastest" level hint.
const char ZLIB_HEADER[] = { 0x78, 0x01 };
//! An empty final block (fixed Huffman): ends the deflate stream after the flushed bands.
const char DEFLATE_END[] = { 0x03, 0x00 };
constexpr int DEFLATE_LEVEL = 1; // flat map colours: level 1 is as small as 6, five times faster

void appendBigEndian( QByteArray &out, quint32 value )
{
  char bytes[4];
  qToBigEndian( value, bytes );
  out.append( bytes, 4 );
}

void appendChunk( QByteArray &out, const char *type, const QByteArray &data )
{
  appendBigEndian( out, quint32( data.size() ) );
  const int start = out.size();
  out.append( type, 4 );
  out.append( data );
  const uLong crc =
      crc32( 0, reinterpret_cast<const Bytef *>( out.constData() + start ), uInt( data.size() + 4 ) );
  appendBigEndian( out, quint32( crc ) );
}

bool isOpaqueRgb32( QImage::Format format )
{
  return format == QImage::Format_RGB32 || format == QImage::Format_ARGB32 ||
         format == QImage::Format_ARGB32_Premultiplied;
}

/**
 * The PNG rows (filter byte 0, then R, G, B) of \a image from \a y0 to \a y1
 * (excluded), exactly as converting to QImage::Format_RGB888 gives them.
 */
QByteArray rawRows( const QImage &image, int y0, int y1 )
{
  const int width = image.width();
  const int stride = 3 * width + 1;
  QByteArray raw( ( y1 - y0 ) * stride, Qt::Uninitialized );
  unsigned char *out = reinterpret_cast<unsigned char *>( raw.data() );
  bool direct = isOpaqueRgb32( image.format() );
  for ( int y = y0; direct && y < y1; ++y )
  {
    const QRgb *pixel = reinterpret_cast<const QRgb *>( image.constScanLine( y ) );
    unsigned char *row = out + ( y - y0 ) * stride;
    row[0] = 0;
    for ( int x = 0; x < width; ++x )
    {
      const QRgb value = pixel[x];
      // A translucent pixel: let Qt convert, as the straightforward writer does.
      if ( image.format() != QImage::Format_RGB32 && qAlpha( value ) != 255 )
      {
        direct = false;
        break;
      }
      row[1 + 3 * x] = uchar( qRed( value ) );
      row[2 + 3 * x] = uchar( qGreen( value ) );
      row[3 + 3 * x] = uchar( qBlue( value ) );
    }
  }
  if ( direct )
    return raw;

  const QImage rgb = image.copy( 0, y0, width, y1 - y0 ).convertToFormat( QImage::Format_RGB888 );
  for ( int y = 0; y < rgb.height(); ++y )
  {
    unsigned char *row = out + y * stride;
    row[0] = 0;
    std::memcpy( row + 1, rgb.constScanLine( y ), size_t( 3 * width ) );
  }
  return raw;
}
} // namespace

struct PendulumPngFrameEncoder::Band
{
  std::once_flag once;
  QByteArray chunk;   //!< the IDAT chunk: length, type, deflated rows flushed to a byte boundary, CRC
  uLong adler = 1;    //!< Adler-32 of the raw rows
  z_off_t length = 0; //!< bytes of raw rows
};

PendulumPngFrameEncoder::PendulumPngFrameEncoder( const QImage &base ) : mBase( base )
{
  mBands.resize( size_t( bandCount() ) );
  for ( std::unique_ptr<Band> &band : mBands )
    band = std::make_unique<Band>();
}

PendulumPngFrameEncoder::~PendulumPngFrameEncoder() = default;

int PendulumPngFrameEncoder::bandCount() const
{
  return ( mBase.height() + BAND_ROWS - 1 ) / BAND_ROWS;
}

void PendulumPngFrameEncoder::compressBand( const QImage &image, int band, Band *out )
{
  const int y0 = band * BAND_ROWS;
  const int y1 = std::min( image.height(), y0 + BAND_ROWS );
  const QByteArray raw = rawRows( image, y0, y1 );
  out->adler = adler32( 1, reinterpret_cast<const Bytef *>( raw.constData() ), uInt( raw.size() ) );
  out->length = z_off_t( raw.size() );

  // A raw deflate stream of its own: nothing refers back into another band.
  z_stream stream = {};
  out->chunk.clear();
  if ( deflateInit2( &stream, DEFLATE_LEVEL, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY ) != Z_OK )
    return; // out of memory: an empty chunk, which encode() reports as a failure
  QByteArray data( int( deflateBound( &stream, uLong( raw.size() ) ) ) + 64, Qt::Uninitialized );
  stream.next_in = reinterpret_cast<Bytef *>( const_cast<char *>( raw.constData() ) );
  stream.avail_in = uInt( raw.size() );
  stream.next_out = reinterpret_cast<Bytef *>( data.data() );
  stream.avail_out = uInt( data.size() );
  // A sync flush ends on a byte boundary without a final block, so bands can follow each other.
  const int result = deflate( &stream, Z_SYNC_FLUSH );
  // The buffer holds deflateBound() bytes: everything must have gone in at once.
  const bool complete = result == Z_OK && stream.avail_in == 0;
  data.resize( int( stream.total_out ) );
  deflateEnd( &stream );
  if ( complete )
    appendChunk( out->chunk, "IDAT", data );
}

const PendulumPngFrameEncoder::Band &PendulumPngFrameEncoder::baseBand( int band ) const
{
  Band *entry = mBands.at( size_t( band ) ).get();
  std::call_once( entry->once, [&] { compressBand( mBase, band, entry ); } );
  return *entry;
}

bool PendulumPngFrameEncoder::sameRows( const QImage &frame, int band ) const
{
  if ( frame.format() != mBase.format() || frame.size() != mBase.size() )
    return false;
  const int y1 = std::min( frame.height(), ( band + 1 ) * BAND_ROWS );
  const size_t bytes = size_t( frame.width() ) * size_t( frame.depth() / 8 );
  for ( int y = band * BAND_ROWS; y < y1; ++y )
  {
    if ( std::memcmp( frame.constScanLine( y ), mBase.constScanLine( y ), bytes ) != 0 )
      return false;
  }
  return true;
}

QByteArray PendulumPngFrameEncoder::encode( const QImage &frame, int *reusedBands ) const
{
  if ( reusedBands )
    *reusedBands = 0;
  // Rows are compared byte for byte: a 1-bit or 4-bit image is compared (and encoded) as RGB32,
  // which also keeps the fresh encoder below from coming back here.
  if ( frame.depth() % 8 != 0 )
    return PendulumPngFrameEncoder( frame.convertToFormat( QImage::Format_RGB32 ) )
        .encode( frame.convertToFormat( QImage::Format_RGB32 ) );
  if ( frame.size() != mBase.size() )
    return PendulumPngFrameEncoder( frame ).encode( frame );

  QByteArray png( PNG_SIGNATURE, 8 );
  QByteArray header;
  appendBigEndian( header, quint32( frame.width() ) );
  appendBigEndian( header, quint32( frame.height() ) );
  header.append( char( 8 ) );    // bit depth
  header.append( char( 2 ) );    // colour type: RGB
  header.append( 3, char( 0 ) ); // deflate, adaptive filtering, no interlace
  appendChunk( png, "IHDR", header );
  if ( frame.dotsPerMeterX() > 0 && frame.dotsPerMeterY() > 0 )
  {
    QByteArray physical;
    appendBigEndian( physical, quint32( frame.dotsPerMeterX() ) );
    appendBigEndian( physical, quint32( frame.dotsPerMeterY() ) );
    physical.append( char( 1 ) ); // the unit is the metre
    appendChunk( png, "pHYs", physical );
  }
  appendChunk( png, "IDAT", QByteArray( ZLIB_HEADER, 2 ) );

  uLong adler = 1;
  Band own;
  for ( int band = 0; band < bandCount(); ++band )
  {
    const Band *part = nullptr;
    if ( sameRows( frame, band ) )
    {
      part = &baseBand( band );
      if ( reusedBands )
        ++*reusedBands;
    }
    else
    {
      compressBand( frame, band, &own );
      part = &own;
    }
    if ( part->chunk.isEmpty() )
      return QByteArray(); // deflate failed (out of memory)
    png.append( part->chunk );
    adler = adler32_combine( adler, part->adler, part->length );
  }

  QByteArray end( DEFLATE_END, 2 );
  appendBigEndian( end, quint32( adler ) );
  appendChunk( png, "IDAT", end );
  appendChunk( png, "IEND", QByteArray() );
  return png;
}

bool PendulumPngFrameEncoder::write( const QImage &frame, const QString &path, QString *error ) const
{
  const QByteArray png = encode( frame );
  if ( png.isEmpty() )
  {
    *error = QStringLiteral( "%1: cannot encode the frame (out of memory)" ).arg( path );
    return false;
  }
  FILE *file = std::fopen( QFile::encodeName( path ).constData(), "wb" );
  if ( !file )
  {
    *error = QStringLiteral( "cannot write %1" ).arg( path );
    return false;
  }
  const bool written = std::fwrite( png.constData(), 1, size_t( png.size() ), file ) == size_t( png.size() );
  const int writeErrno = written ? 0 : errno;
  if ( std::fclose( file ) != 0 || !written )
  {
    *error = PendulumWriteError::cannotWrite(
        path, QString::fromLocal8Bit( std::strerror( writeErrno ? writeErrno : errno ) ) );
    return false;
  }
  return true;
}
