#include "mapcommand.h"

#include "pendulumdataset.h"
#include "pendulumdate.h"
#include "penduluminterrupt.h"
#include "pendulumlanguage.h"
#include "pendulumlayoutexporter.h"
#include "pendulummaprenderer.h"
#include "pendulumpixellimit.h"
#include "pendulumprintjob.h"
#include "pendulumprintlayout.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QRegularExpression>
#include <QTextStream>
#include <cmath>

#include "qgsfeedback.h"
#include "qgsvectorlayer.h"

namespace
{
constexpr int LAYOUT_DPI = 300; //!< --dpi of a layout export by default
// "WxH" sizes are parsed by PendulumCommand::parseSize, shared with `pendulum animate`.

//! "xmin,ymin,xmax,ymax" in degrees; an empty rectangle if malformed.
QgsRectangle parseExtent( const QString &text )
{
  const QStringList parts = text.split( QLatin1Char( ',' ) );
  if ( parts.size() != 4 )
    return QgsRectangle();
  double values[4];
  for ( int i = 0; i < 4; ++i )
  {
    bool ok = false;
    values[i] = parts.at( i ).trimmed().toDouble( &ok );
    // "nan" and "inf" parse, and NaN passes every comparison of the range check.
    if ( !ok || !std::isfinite( values[i] ) )
      return QgsRectangle();
  }
  return QgsRectangle( values[0], values[1], values[2], values[3], false );
}

//! Without --size the map is a print layout (legend, sources…); with it, a plain image.
bool isPlainImage( const QCommandLineParser &parser )
{
  return parser.isSet( QStringLiteral( "size" ) );
}
} // namespace

QString MapCommand::summary() const
{
  return QStringLiteral( "Render the map of North-East Asia as it stood on a date." );
}

QString MapCommand::details() const
{
  return QStringLiteral( "Print the map of North-East Asia as it stood on a date (the temporal layers "
                         "filtered by QGIS's temporal\n"
                         "machinery) through a QGIS print layout: title, the date (with the Japanese era and "
                         "the Russian Old Style\n"
                         "date where they apply), a legend of only what is shown that day, scale bar, north "
                         "arrow, graticule, the\n"
                         "numbered sources of every feature shown (page 2 lists them in full) and the data "
                         "credits. The file type\n"
                         "comes from the suffix: .pdf and .svg keep vector geometry and real text, .png and "
                         ".tif are rendered at\n"
                         "--dpi (one file a page: map.png, map_2.png). The layout comes from "
                         "styles/pendulum_<paper>_<orientation>.qpt;\n"
                         "--template uses one you restyled in QGIS's layout designer.\n"
                         "With --size the map alone is rendered into an image of that many pixels (.png, "
                         ".jpg, .tif), as before." );
}

QList<QCommandLineOption> MapCommand::options() const
{
  return {
      { QStringLiteral( "date" ), QStringLiteral( "The day to show, YYYY-MM-DD (1855-01-01 to today)." ),
        QStringLiteral( "DATE" ) },
      { QStringLiteral( "out" ),
        QStringLiteral( "File to write: .pdf, .svg, .png, .tif (and .jpg with --size)." ),
        QStringLiteral( "FILE" ) },
      { QStringLiteral( "paper" ), QStringLiteral( "Paper size: A4, A3 or letter (default A4)." ),
        QStringLiteral( "PAPER" ), QStringLiteral( "A4" ) },
      { QStringLiteral( "orientation" ), QStringLiteral( "landscape or portrait (default landscape)." ),
        QStringLiteral( "O" ), QStringLiteral( "landscape" ) },
      { QStringLiteral( "extent" ),
        QStringLiteral(
            "Map area in degrees of longitude and latitude, xmin,ymin,xmax,ymax (default 100,35,160,60);\n"
            "widened to the map frame's proportions, never cropped." ),
        QStringLiteral( "X0,Y0,X1,Y1" ) },
      { QStringLiteral( "lang" ), QStringLiteral( "Language of names and texts: en, ja or ru (default en)." ),
        QStringLiteral( "LANG" ), QStringLiteral( "en" ) },
      { QStringLiteral( "title" ), QStringLiteral( "Map title (default \"North-East Asia on <date>\")." ),
        QStringLiteral( "TEXT" ) },
      { QStringLiteral( "template" ),
        QStringLiteral( "A layout template (.qpt) to use instead of Pendulum's (ignores --paper and\n"
                        "--orientation)." ),
        QStringLiteral( "FILE" ) },
      { QStringLiteral( "dpi" ),
        QStringLiteral( "Resolution of raster output (default 300; 96 with --size)." ),
        QStringLiteral( "N" ) },
      { QStringLiteral( "size" ),
        QStringLiteral( "Render the map alone into an image of this many pixels (e.g. 1600x1200)." ),
        QStringLiteral( "WxH" ) },
      { QStringLiteral( "no-label" ), QStringLiteral( "With --size: leave the date label out." ) },
      dataOption(),
  };
}

QList<PendulumCommand::IgnoredOption> MapCommand::ignoredOptions() const
{
  const QString size = QStringLiteral( "size" );
  const QString plain = QStringLiteral( "the plain image has no layout" );
  return {
      { QStringLiteral( "extent" ), size, true, QStringLiteral( "the plain image shows the whole region" ) },
      { QStringLiteral( "lang" ), size, true, QStringLiteral( "the plain image names places in English" ) },
      { QStringLiteral( "title" ), size, true, plain },
      { QStringLiteral( "paper" ), size, true, plain },
      { QStringLiteral( "orientation" ), size, true, plain },
      { QStringLiteral( "template" ), size, true, plain },
      { QStringLiteral( "no-label" ), size, false, QStringLiteral( "the layout always shows the date" ) },
      { QStringLiteral( "paper" ), QStringLiteral( "template" ), true,
        QStringLiteral( "the template sets the page" ) },
      { QStringLiteral( "orientation" ), QStringLiteral( "template" ), true,
        QStringLiteral( "the template sets the page" ) },
  };
}

QString MapCommand::checkOptions( const QCommandLineParser &parser ) const
{
  if ( !parser.isSet( QStringLiteral( "date" ) ) )
    return QStringLiteral( "--date is required (e.g. --date 1910-01-01)" );
  if ( !parser.isSet( QStringLiteral( "out" ) ) )
    return QStringLiteral( "--out is required (e.g. --out map.png)" );

  QDate date;
  const QString dateError = checkRecordDate( parser, QStringLiteral( "date" ), &date );
  if ( !dateError.isEmpty() )
    return dateError;

  const QString printOptionsError = checkPrintOptions( parser );
  if ( !printOptionsError.isEmpty() )
    return printOptionsError;

  const QString out = parser.value( QStringLiteral( "out" ) );
  if ( isPlainImage( parser ) )
  {
    const QSize size = parseSize( parser.value( QStringLiteral( "size" ) ) );
    if ( !size.isValid() || size.width() < 16 || size.height() < 16 ||
         !PendulumPixelLimit::allows( size.width(), size.height() ) )
      return QStringLiteral( "--size: '%1' is not a size from 16x16 to %2x%2 pixels (and at most %3 Mpx)" )
          .arg( parser.value( QStringLiteral( "size" ) ) )
          .arg( PendulumPixelLimit::MAX_SIDE )
          .arg( PendulumPixelLimit::MAX_PIXELS / 1000000 );
    const QByteArray format = QFileInfo( out ).suffix().toLower().toLatin1();
    if ( !QImageWriter::supportedImageFormats().contains( format ) || format == "svg" || format == "pdf" )
      return QStringLiteral(
                 "--out: '%1' is not an image type this command writes with --size (.png, .jpg, .tif)" )
          .arg( out );
  }
  else
  {
    if ( PendulumLayoutExporter::format( out ) == PendulumLayoutExporter::Format::Unknown )
      return QStringLiteral( "--out: '%1' is not a file type this command writes (.pdf, .svg, .png, .tif; "
                             ".jpg with --size)" )
          .arg( out );
    if ( !PendulumPrintLayout::papers().contains( parser.value( QStringLiteral( "paper" ) ).toLower() ) )
      return QStringLiteral( "--paper: '%1' is not A4, A3 or letter" )
          .arg( parser.value( QStringLiteral( "paper" ) ) );
    if ( !PendulumPrintLayout::orientations().contains(
             parser.value( QStringLiteral( "orientation" ) ).toLower() ) )
      return QStringLiteral( "--orientation: '%1' is not landscape or portrait" )
          .arg( parser.value( QStringLiteral( "orientation" ) ) );
    if ( !PendulumLanguage::isValid( parser.value( QStringLiteral( "lang" ) ) ) )
      return QStringLiteral( "--lang: '%1' is not en, ja or ru" )
          .arg( parser.value( QStringLiteral( "lang" ) ) );
    // A raster page has the same limit as --size, checked before anything is allocated.
    const PendulumLayoutExporter::Format format = PendulumLayoutExporter::format( out );
    if ( format == PendulumLayoutExporter::Format::Png || format == PendulumLayoutExporter::Format::Tiff )
    {
      const QString layoutTemplate =
          parser.isSet( QStringLiteral( "template" ) )
              ? parser.value( QStringLiteral( "template" ) )
              : PendulumPrintLayout::builtInTemplate( parser.value( QStringLiteral( "paper" ) ),
                                                      parser.value( QStringLiteral( "orientation" ) ) );
      const int dpi = parser.isSet( QStringLiteral( "dpi" ) )
                          ? parser.value( QStringLiteral( "dpi" ) ).toInt()
                          : LAYOUT_DPI;
      const QString tooLarge =
          PendulumPixelLimit::checkPage( PendulumPrintLayout::templatePageSize( layoutTemplate ), dpi );
      if ( !tooLarge.isEmpty() )
        return QStringLiteral( "--dpi: %1" ).arg( tooLarge );
    }
    if ( parser.isSet( QStringLiteral( "extent" ) ) )
    {
      const QgsRectangle extent = parseExtent( parser.value( QStringLiteral( "extent" ) ) );
      if ( extent.isEmpty() || extent.xMinimum() >= extent.xMaximum() ||
           extent.yMinimum() >= extent.yMaximum() || extent.xMinimum() < 60 || extent.xMaximum() > 190 ||
           extent.yMinimum() < 5 || extent.yMaximum() > 85 )
        return QStringLiteral( "--extent: '%1' is not xmin,ymin,xmax,ymax in degrees within the region "
                               "(60–190°E, 5–85°N)" )
            .arg( parser.value( QStringLiteral( "extent" ) ) );
    }
  }
  return checkOutput( parser, out );
}

int MapCommand::run( const QCommandLineParser &parser )
{
  return isPlainImage( parser ) ? renderImage( parser ) : printLayout( parser );
}

int MapCommand::printLayout( const QCommandLineParser &parser )
{
  PendulumPrintRequest request;
  request.date = PendulumDate::parse( parser.value( QStringLiteral( "date" ) ) );
  request.paper = parser.value( QStringLiteral( "paper" ) ).toLower();
  request.orientation = parser.value( QStringLiteral( "orientation" ) ).toLower();
  request.language = parser.value( QStringLiteral( "lang" ) );
  request.title = parser.value( QStringLiteral( "title" ) );
  request.templatePath = parser.value( QStringLiteral( "template" ) );
  if ( parser.isSet( QStringLiteral( "extent" ) ) )
    request.lonLatExtent = parseExtent( parser.value( QStringLiteral( "extent" ) ) );
  const int dpi =
      parser.isSet( QStringLiteral( "dpi" ) ) ? parser.value( QStringLiteral( "dpi" ) ).toInt() : LAYOUT_DPI;

  const QString out = outputPath( parser );
  PendulumPrintJob job( parser.value( QStringLiteral( "data" ) ), request, out, dpi );
  const bool ok = job.run( interrupt()->feedback() );
  if ( !ok && interrupt()->requested() )
    return interrupted( out );
  if ( !ok )
  {
    printError( job.error() );
    return Failure;
  }
  QTextStream stream( stdout );
  for ( const QString &file : job.writtenFiles() )
    stream << QStringLiteral( "wrote %1" ).arg( QDir::toNativeSeparators( file ) ) << Qt::endl;
  stream << QStringLiteral( "%1, %2 works cited" )
                .arg( PendulumDate::toDisplayString( request.date ) )
                .arg( job.sourceCount() )
         << Qt::endl;
  return Success;
}

int MapCommand::renderImage( const QCommandLineParser &parser )
{
  std::unique_ptr<PendulumDataset> dataset = openDataset( parser );
  if ( !dataset )
    return Failure;
  QString error;
  const QList<QgsVectorLayer *> layers = dataset->createLayers( QStringLiteral( "en" ), &error );
  if ( layers.isEmpty() )
  {
    printError( error );
    return Failure;
  }

  PendulumMapRequest request;
  request.date = PendulumDate::parse( parser.value( QStringLiteral( "date" ) ) );
  request.size = parseSize( parser.value( QStringLiteral( "size" ) ) );
  request.dpi =
      parser.isSet( QStringLiteral( "dpi" ) ) ? parser.value( QStringLiteral( "dpi" ) ).toInt() : 96;
  request.dateLabel = !parser.isSet( QStringLiteral( "no-label" ) );

  QList<QgsMapLayer *> mapLayers;
  for ( QgsVectorLayer *layer : layers )
    mapLayers << layer;
  const PendulumMapRenderer renderer( mapLayers );
  const QImage image = renderer.render( request );
  qDeleteAll( layers );

  const QString out = outputPath( parser );
  if ( interrupt()->requested() )
    return interrupted( out );
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
