#include "pendulumdatelabel.h"
#include "pendulummaprenderer.h"
#include "pendulumpngframeencoder.h"
#include "pendulumpngwriter.h"
#include "pendulumtest.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>
#include <QThreadPool>
#include <cstring>

/**
 * PendulumPngFrameEncoder reuses the compressed rows of a map state for
 * every frame drawn on it: whatever it reuses, the PNG read back must hold
 * exactly the frame's pixels, the pixels the straightforward writer
 * (PendulumPngWriter) stores.
 */
class TestPendulumPngFrameEncoder : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void labelledFrameReadsBackExactly();
  void onlyTheLabelRowsAreCompressedAgain();
  void sameAsTheStraightforwardWriter();
  void translucentPixelsAsQtConvertsThem();
  void otherSizesAndFormats();
  void threadsShareTheBase();
  void writesFiles();

private:
  static QImage map( const QSize &size );
  static QImage labelled( const QImage &map, const QString &text );
  static QImage decode( const QByteArray &png );
  static QImage rgb( const QImage &image ) { return image.convertToFormat( QImage::Format_RGB32 ); }

  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumPngFrameEncoder::init()
{
  mDir = std::make_unique<QTemporaryDir>();
}

QImage TestPendulumPngFrameEncoder::map( const QSize &size )
{
  // Flat fills, antialiased edges and a gradient: what compresses well and what does not.
  QImage image( size, QImage::Format_ARGB32_Premultiplied );
  image.fill( QColor( 0xf7, 0xf9, 0xfb ) );
  QPainter painter( &image );
  painter.setRenderHint( QPainter::Antialiasing );
  QLinearGradient gradient( 0, 0, size.width(), size.height() );
  gradient.setColorAt( 0, QColor( 0xe6, 0x9f, 0x00 ) );
  gradient.setColorAt( 1, QColor( 0x56, 0xb4, 0xe9 ) );
  painter.setBrush( gradient );
  painter.setPen( QPen( QColor( 0x33, 0x33, 0x33 ), 1.3, Qt::DashLine ) );
  painter.drawEllipse(
      QRectF( size.width() * 0.1, size.height() * 0.2, size.width() * 0.7, size.height() * 0.7 ) );
  painter.setBrush( QColor( 0xd5, 0x5e, 0x00, 180 ) );
  painter.drawPolygon( QPolygonF( { QPointF( 5, size.height() - 3 ), QPointF( size.width() / 2.0, 7 ),
                                    QPointF( size.width() - 2, size.height() * 0.6 ) } ) );
  painter.end();
  image.setDotsPerMeterX( 3780 );
  image.setDotsPerMeterY( 3780 );
  return image;
}

QImage TestPendulumPngFrameEncoder::labelled( const QImage &map, const QString &text )
{
  QImage frame = map.copy();
  PendulumDateLabel::draw( frame, text, 96 );
  return frame;
}

QImage TestPendulumPngFrameEncoder::decode( const QByteArray &png )
{
  QByteArray data = png;
  QBuffer buffer( &data );
  QImageReader reader( &buffer, "png" );
  const QImage image = reader.read();
  if ( image.isNull() )
    qWarning() << reader.errorString();
  return image;
}

void TestPendulumPngFrameEncoder::labelledFrameReadsBackExactly()
{
  const QImage base = map( QSize( 640, 360 ) );
  const PendulumPngFrameEncoder encoder( base );
  for ( const QString &text : { QStringLiteral( "1 January 1910" ), QStringLiteral( "1910年1月1日" ),
                                QStringLiteral( "31 December 1956" ) } )
  {
    const QImage frame = labelled( base, text );
    const QImage read = decode( encoder.encode( frame ) );
    QCOMPARE( read.size(), frame.size() );
    QVERIFY2( rgb( read ) == rgb( frame ), qPrintable( text ) );
    QCOMPARE( read.dotsPerMeterX(), 3780 );
  }
  // The base itself, every band taken from the cache.
  QVERIFY( rgb( decode( encoder.encode( base ) ) ) == rgb( base ) );
}

void TestPendulumPngFrameEncoder::onlyTheLabelRowsAreCompressedAgain()
{
  const QImage base = map( QSize( 1280, 720 ) );
  const PendulumPngFrameEncoder encoder( base );
  int reused = -1;
  encoder.encode( base, &reused );
  QCOMPARE( reused, encoder.bandCount() );
  QCOMPARE( encoder.bandCount(), 45 );

  const QImage frame = labelled( base, QStringLiteral( "5 September 1905" ) );
  int changedRows = 0;
  for ( int y = 0; y < frame.height(); ++y )
    changedRows +=
        std::memcmp( frame.constScanLine( y ), base.constScanLine( y ), size_t( frame.bytesPerLine() ) ) != 0;
  QVERIFY( changedRows > 0 );
  encoder.encode( frame, &reused );
  // The label (top left) spans a few bands; all the others come from the base.
  const int changedBands = encoder.bandCount() - reused;
  QVERIFY2( changedBands >= 1 && changedBands <= changedRows / PendulumPngFrameEncoder::BAND_ROWS + 2,
            qPrintable( QStringLiteral( "%1 bands for %2 rows" ).arg( changedBands ).arg( changedRows ) ) );
}

void TestPendulumPngFrameEncoder::sameAsTheStraightforwardWriter()
{
  const QImage frame = labelled( map( QSize( 400, 300 ) ), QStringLiteral( "22 August 1875" ) );
  const QString path = mDir->filePath( QStringLiteral( "plain.png" ) );
  QString error;
  QVERIFY2( PendulumPngWriter::write( frame, path, &error ), qPrintable( error ) );
  const QImage plain = QImageReader( path ).read();
  const QImage banded = decode( PendulumPngFrameEncoder( map( QSize( 400, 300 ) ) ).encode( frame ) );
  QCOMPARE( banded.format(), plain.format() );
  QVERIFY( banded == plain );
}

void TestPendulumPngFrameEncoder::translucentPixelsAsQtConvertsThem()
{
  // Maps are opaque; should one not be, its rows are converted as the straightforward writer converts them.
  QImage base = map( QSize( 200, 100 ) );
  QImage frame = base.copy();
  {
    QPainter painter( &frame );
    painter.setCompositionMode( QPainter::CompositionMode_Source );
    painter.fillRect( QRect( 20, 40, 50, 20 ), QColor( 200, 10, 10, 90 ) );
  }
  const QString path = mDir->filePath( QStringLiteral( "translucent.png" ) );
  QString error;
  QVERIFY( PendulumPngWriter::write( frame, path, &error ) );
  QVERIFY( decode( PendulumPngFrameEncoder( base ).encode( frame ) ) == QImageReader( path ).read() );
}

void TestPendulumPngFrameEncoder::otherSizesAndFormats()
{
  const QImage base = map( QSize( 333, 101 ) ); // bands that do not divide the height
  const PendulumPngFrameEncoder encoder( base );
  const QImage frame = labelled( base, QStringLiteral( "1945" ) );
  QVERIFY( rgb( decode( encoder.encode( frame ) ) ) == rgb( frame ) );
  // A frame of another size or format than the base is encoded on its own.
  const QImage other = map( QSize( 64, 48 ) );
  QVERIFY( rgb( decode( encoder.encode( other ) ) ) == rgb( other ) );
  const QImage rgb888 = frame.convertToFormat( QImage::Format_RGB888 );
  QVERIFY( rgb( decode( encoder.encode( rgb888 ) ) ) == rgb( frame ) );
  // Formats of less than a byte a pixel (a 1-bit mask, 4-bit indexed) once recursed without end.
  for ( const QImage::Format format : { QImage::Format_Mono, QImage::Format_MonoLSB } )
  {
    const QImage mono = frame.convertToFormat( format );
    QVERIFY( rgb( decode( encoder.encode( mono ) ) ) == rgb( mono ) );
    const PendulumPngFrameEncoder monoBase( mono );
    QVERIFY( rgb( decode( monoBase.encode( mono ) ) ) == rgb( mono ) );
  }
}

void TestPendulumPngFrameEncoder::threadsShareTheBase()
{
  // As the exporter's pool uses it: many frames of one state at once, the base bands filled on first use.
  const QImage base = map( QSize( 640, 480 ) );
  const PendulumPngFrameEncoder encoder( base );
  QList<QImage> frames;
  for ( int day = 1; day <= 16; ++day )
    frames << labelled( base, QStringLiteral( "%1 May 1905" ).arg( day ) );
  QVector<QByteArray> pngs( frames.size() );
  QThreadPool pool;
  pool.setMaxThreadCount( 4 );
  for ( int i = 0; i < frames.size(); ++i )
    pool.start( QRunnable::create( [&, i] { pngs[i] = encoder.encode( frames.at( i ) ); } ) );
  pool.waitForDone();
  for ( int i = 0; i < frames.size(); ++i )
    QVERIFY( rgb( decode( pngs.at( i ) ) ) == rgb( frames.at( i ) ) );
}

void TestPendulumPngFrameEncoder::writesFiles()
{
  const QImage base = map( QSize( 320, 200 ) );
  const PendulumPngFrameEncoder encoder( base );
  const QString path = mDir->filePath( QStringLiteral( "frame.png" ) );
  QString error;
  QVERIFY2( encoder.write( base, path, &error ), qPrintable( error ) );
  QVERIFY( rgb( QImageReader( path ).read() ) == rgb( base ) );
  QVERIFY( !encoder.write( base, mDir->filePath( QStringLiteral( "missing/frame.png" ) ), &error ) );
  QVERIFY( error.contains( QLatin1String( "cannot write" ) ) );
  // A full device: the write is checked, and said in words.
  QVERIFY( !encoder.write( base, QStringLiteral( "/dev/full" ), &error ) );
  QVERIFY2( error.contains( QLatin1String( "No space left on device" ) ) ||
                error.contains( QLatin1String( "disk full" ) ),
            qPrintable( error ) );
}

PENDULUM_TEST_MAIN( TestPendulumPngFrameEncoder )
#include "testpendulumpngframeencoder.moc"
