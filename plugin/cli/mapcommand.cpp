#include "mapcommand.h"

#include "pendulumdataset.h"
#include "pendulumdate.h"
#include "pendulummaprenderer.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QRegularExpression>
#include <QTextStream>

#include "qgsvectorlayer.h"

namespace
{
  const QDate sRecordStart( 1855, 1, 1 );
  constexpr int MAX_SIDE = 20000;
  constexpr qint64 MAX_PIXELS = 200'000'000; // a 40 cm square at 600 dpi is ~90 Mpx

  QSize parseSize( const QString &text )
  {
    static const QRegularExpression sPattern( QStringLiteral( "^(\\d{1,6})x(\\d{1,6})$" ) );
    const QRegularExpressionMatch match = sPattern.match( text );
    return match.hasMatch() ? QSize( match.captured( 1 ).toInt(), match.captured( 2 ).toInt() ) : QSize();
  }
} // namespace

QString MapCommand::summary() const
{
  return QStringLiteral( "Render the map of North-East Asia as it stood on a date." );
}

QString MapCommand::details() const
{
  return QStringLiteral( "Render the map of North-East Asia as it stood on a date (the temporal layers filtered\n"
                         "by QGIS's temporal machinery) into an image; PNG, JPEG and TIFF by the file suffix." );
}

QList<QCommandLineOption> MapCommand::options() const
{
  return {
    { QStringLiteral( "date" ), QStringLiteral( "The day to show, YYYY-MM-DD (1855-01-01 to today)." ), QStringLiteral( "DATE" ) },
    { QStringLiteral( "out" ), QStringLiteral( "Image file to write (.png, .jpg, .tif)." ), QStringLiteral( "FILE" ) },
    { QStringLiteral( "size" ), QStringLiteral( "Image size in pixels (default 1600x1200)." ), QStringLiteral( "WxH" ),
                      QStringLiteral( "1600x1200" ) },
    { QStringLiteral( "dpi" ), QStringLiteral( "Resolution, for symbol sizes and the file's DPI tag (default 96)." ),
                      QStringLiteral( "N" ), QStringLiteral( "96" ) },
    { QStringLiteral( "no-label" ), QStringLiteral( "Leave the date label out." ) },
    dataOption(),
  };
}

QString MapCommand::checkOptions( const QCommandLineParser &parser ) const
{
  if ( !parser.isSet( QStringLiteral( "date" ) ) )
    return QStringLiteral( "--date is required (e.g. --date 1910-01-01)" );
  if ( !parser.isSet( QStringLiteral( "out" ) ) )
    return QStringLiteral( "--out is required (e.g. --out map.png)" );

  QString error;
  const QDate date = PendulumDate::parse( parser.value( QStringLiteral( "date" ) ), &error );
  if ( !date.isValid() )
    return QStringLiteral( "--date: %1" ).arg( error );
  if ( date < sRecordStart || date > QDate::currentDate() )
    return QStringLiteral( "--date: %1 is outside the record (%2 to today)" ).arg( date.toString( Qt::ISODate ), sRecordStart.toString( Qt::ISODate ) );

  const QSize size = parseSize( parser.value( QStringLiteral( "size" ) ) );
  if ( !size.isValid() || size.width() < 16 || size.height() < 16 || size.width() > MAX_SIDE || size.height() > MAX_SIDE
       || qint64( size.width() ) * size.height() > MAX_PIXELS )
    return QStringLiteral( "--size: '%1' is not a size from 16x16 to %2x%2 pixels (and at most %3 Mpx)" )
      .arg( parser.value( QStringLiteral( "size" ) ) )
      .arg( MAX_SIDE )
      .arg( MAX_PIXELS / 1000000 );

  bool ok = false;
  const int dpi = parser.value( QStringLiteral( "dpi" ) ).toInt( &ok );
  if ( !ok || dpi < 24 || dpi > 2400 )
    return QStringLiteral( "--dpi: '%1' is not a resolution from 24 to 2400" ).arg( parser.value( QStringLiteral( "dpi" ) ) );

  const QString out = parser.value( QStringLiteral( "out" ) );
  const QByteArray format = QFileInfo( out ).suffix().toLower().toLatin1();
  if ( !QImageWriter::supportedImageFormats().contains( format ) || format == "svg" || format == "pdf" )
    return QStringLiteral( "--out: '%1' is not an image type this command writes (.png, .jpg, .tif)" ).arg( out );
  const QFileInfo outDir( QFileInfo( out ).absolutePath() );
  if ( !outDir.isDir() )
    return QStringLiteral( "--out: the folder %1 does not exist" ).arg( outDir.filePath() );
  if ( !outDir.isWritable() )
    return QStringLiteral( "--out: the folder %1 is not writable" ).arg( outDir.filePath() );
  return QString();
}

int MapCommand::run( const QCommandLineParser &parser )
{
  QString error;
  std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( parser.value( QStringLiteral( "data" ) ), &error );
  if ( !dataset )
  {
    printError( error );
    return Failure;
  }
  const QList<QgsVectorLayer *> layers = dataset->createLayers( QStringLiteral( "en" ), &error );
  if ( layers.isEmpty() )
  {
    printError( error );
    return Failure;
  }

  PendulumMapRequest request;
  request.date = PendulumDate::parse( parser.value( QStringLiteral( "date" ) ) );
  request.size = parseSize( parser.value( QStringLiteral( "size" ) ) );
  request.dpi = parser.value( QStringLiteral( "dpi" ) ).toInt();
  request.dateLabel = !parser.isSet( QStringLiteral( "no-label" ) );

  QList<QgsMapLayer *> mapLayers;
  for ( QgsVectorLayer *layer : layers )
    mapLayers << layer;
  const PendulumMapRenderer renderer( mapLayers );
  const QImage image = renderer.render( request );
  qDeleteAll( layers );

  const QString out = parser.value( QStringLiteral( "out" ) );
  if ( !PendulumMapRenderer::save( image, out, request.dpi, &error ) )
  {
    printError( error );
    return Failure;
  }
  QTextStream( stdout ) << QStringLiteral( "wrote %1 (%2x%3, %4)" )
                             .arg( QDir::toNativeSeparators( out ) )
                             .arg( image.width() )
                             .arg( image.height() )
                             .arg( PendulumDate::toDisplayString( request.date ) )
                        << Qt::endl;
  return Success;
}
