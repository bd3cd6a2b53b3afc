#include "pendulumlayoutexporter.h"

#include "pendulumgdalmessagefilter.h"
#include "pendulumpixellimit.h"
#include "pendulumtemporaryname.h"
#include "pendulumwriteerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "qgsfeedback.h"
#include "qgslayout.h"
#include "qgslayoutatlas.h"
#include "qgslayoutexporter.h"
#include "qgslayoutitempage.h"
#include "qgslayoutmeasurement.h"
#include "qgslayoutpagecollection.h"
#include "qgslayoutrendercontext.h"

namespace
{
QString describe( QgsLayoutExporter::ExportResult result, const QString &detail )
{
  switch ( result )
  {
  case QgsLayoutExporter::Success:
    return QString();
  case QgsLayoutExporter::Canceled:
    return QStringLiteral( "the export was cancelled" );
  case QgsLayoutExporter::MemoryError:
    return QStringLiteral( "not enough memory for the page at this resolution (try a lower --dpi)" );
  case QgsLayoutExporter::FileError:
    return detail.isEmpty() ? QStringLiteral( "cannot write the file" ) : detail;
  case QgsLayoutExporter::PrintError:
  case QgsLayoutExporter::SvgLayerError:
  case QgsLayoutExporter::IteratorError:
    break;
  }
  return detail.isEmpty() ? QStringLiteral( "the export failed" ) : detail;
}

/**
 * A folder beside \a target (same file system, so that the final rename is
 * atomic) in which the exporter writes; removed with everything left in it.
 */
std::unique_ptr<QTemporaryDir> stagingDir( const QString &target, QString *error )
{
  const QFileInfo info( target );
  auto dir = std::make_unique<QTemporaryDir>(
      PendulumTemporaryName::pattern( info.absolutePath(), info.fileName() ) );
  if ( !dir->isValid() )
  {
    *error = QStringLiteral( "%1: cannot write in %2 (%3)" )
                 .arg( target, info.absolutePath(), dir->errorString() );
    return nullptr;
  }
  return dir;
}

/**
 * Why \a file is not complete (empty if it is): QGIS's exporters report success on a full disk
 * (Qt's PDF and SVG writers do not check their writes), so each staged file is
 * read back before it may replace anything: a PDF ends with its %%EOF marker,
 * an SVG parses to its end, an image decodes.
 */
QString incompleteness( const QString &file )
{
  const QString suffix = QFileInfo( file ).suffix().toLower();
  QFile in( file );
  if ( !in.open( QIODevice::ReadOnly ) || in.size() == 0 )
    return QStringLiteral( "is empty" );
  if ( suffix == QLatin1String( "pdf" ) )
  {
    in.seek( std::max<qint64>( 0, in.size() - 1024 ) );
    return in.readAll().contains( "%%EOF" ) ? QString() : QStringLiteral( "is cut off (no %%EOF)" );
  }
  if ( suffix == QLatin1String( "svg" ) )
  {
    QXmlStreamReader xml( &in );
    while ( !xml.atEnd() )
      xml.readNext();
    return xml.hasError() ? QStringLiteral( "is not well-formed XML (line %1: %2)" )
                                .arg( xml.lineNumber() )
                                .arg( xml.errorString() )
                          : QString();
  }
  QImageReader reader( &in );
  return reader.canRead() && !reader.read().isNull() ? QString()
                                                     : QStringLiteral( "does not decode as an image" );
}

//! Checks every file of \a staging (incompleteness()); \a error names the first incomplete one and why.
bool verify( const QTemporaryDir &staging, const QString &target, QString *error )
{
  const QStringList names = QDir( staging.path() ).entryList( QDir::Files, QDir::Name );
  for ( const QString &name : names )
  {
    const QString problem = incompleteness( QDir( staging.path() ).filePath( name ) );
    if ( !problem.isEmpty() )
    {
      *error = QStringLiteral( "%1: %2; nothing was replaced" )
                   .arg( target, PendulumWriteError::reason(
                                     target, QStringLiteral( "the exported %1 %2" ).arg( name, problem ) ) );
      return false;
    }
  }
  return true;
}

//! Moves every file of \a staging into \a targetDir, replacing files of the same name.
QStringList publish( const QTemporaryDir &staging, const QString &targetDir, QString *error )
{
  QStringList written;
  const QStringList names = QDir( staging.path() ).entryList( QDir::Files, QDir::Name );
  for ( const QString &name : names )
  {
    const QString from = QDir( staging.path() ).filePath( name );
    const QString to = QDir( targetDir ).filePath( name );
    // rename(2) replaces an existing file atomically; QFile::rename refuses to.
    if ( std::rename( QFile::encodeName( from ).constData(), QFile::encodeName( to ).constData() ) != 0 )
    {
      *error = PendulumWriteError::cannotWrite( to, QString::fromLocal8Bit( strerror( errno ) ) );
      return {};
    }
    written << to;
  }
  return written;
}
} // namespace

PendulumLayoutExporter::Format PendulumLayoutExporter::format( const QString &path )
{
  const QString suffix = QFileInfo( path ).suffix().toLower();
  if ( suffix == QLatin1String( "pdf" ) )
    return Format::Pdf;
  if ( suffix == QLatin1String( "svg" ) )
    return Format::Svg;
  if ( suffix == QLatin1String( "png" ) )
    return Format::Png;
  if ( suffix == QLatin1String( "tif" ) || suffix == QLatin1String( "tiff" ) )
    return Format::Tiff;
  return Format::Unknown;
}

QStringList PendulumLayoutExporter::exportLayout( QgsLayout *layout, const QString &path, int dpi,
                                                  QString *error, QgsFeedback *feedback )
{
  const Format fileFormat = format( path );
  if ( fileFormat == Format::Unknown )
  {
    *error = QStringLiteral( "%1: not a file type a layout exports to (.pdf, .svg, .png, .tif)" ).arg( path );
    return {};
  }
  std::unique_ptr<QTemporaryDir> staging = stagingDir( path, error );
  if ( !staging )
    return {};
  const QString stagedPath = QDir( staging->path() ).filePath( QFileInfo( path ).fileName() );

  QgsLayoutExporter exporter( layout );
  QgsLayoutExporter::ExportResult result = QgsLayoutExporter::Success;
  const auto flags = layout->renderContext().flags(); // Qgis::LayoutRenderFlags since 3.44
  switch ( fileFormat )
  {
  case Format::Pdf:
  {
    QgsLayoutExporter::PdfExportSettings settings;
    settings.dpi = dpi;
    settings.flags = flags;
    settings.forceVectorOutput = true; // no page rasterised behind the reader's back
    settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText; // real, searchable text
    settings.simplifyGeometries = false;                            // keep every Kuril islet
    result = exporter.exportToPdf( stagedPath, settings );
    break;
  }
  case Format::Svg:
  {
    QgsLayoutExporter::SvgExportSettings settings;
    settings.dpi = dpi;
    settings.flags = flags;
    settings.forceVectorOutput = true;
    settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
    settings.simplifyGeometries = false;
    result = exporter.exportToSvg( stagedPath, settings );
    break;
  }
  case Format::Png:
  case Format::Tiff:
  {
    // The rule of `map --size`, for any template: refused before QGIS allocates the page.
    const double millimetre = layout->convertToLayoutUnits( QgsLayoutMeasurement( 1.0 ) );
    for ( int page = 0; page < layout->pageCollection()->pageCount(); ++page )
    {
      const QRectF rect = layout->pageCollection()->page( page )->rect();
      const QString tooLarge = PendulumPixelLimit::checkPage(
          QSizeF( rect.width() / millimetre, rect.height() / millimetre ), dpi );
      if ( !tooLarge.isEmpty() )
      {
        *error = QStringLiteral( "%1: %2" ).arg( path, tooLarge );
        return {};
      }
    }
    QgsLayoutExporter::ImageExportSettings settings;
    settings.dpi = dpi;
    settings.flags = flags;
    // QGIS georeferences the page of the reference map by opening the image with GDAL for
    // update: right for GeoTIFF; PNG cannot be updated and GDAL says "ERROR 6" although the
    // image is complete (and checked below). That message alone is dropped.
    std::unique_ptr<PendulumGdalMessageFilter> pngGeoreference;
    if ( fileFormat == Format::Png )
      pngGeoreference =
          std::make_unique<PendulumGdalMessageFilter>( CPLE_NotSupported, "does not support update access" );
    result = exporter.exportToImage( stagedPath, settings );
    break;
  }
  case Format::Unknown:
    break;
  }
  if ( result != QgsLayoutExporter::Success )
  {
    *error = QStringLiteral( "%1: %2" )
                 .arg( path, PendulumWriteError::reason(
                                 path, describe( result, exporter.errorFile().isEmpty()
                                                             ? QString()
                                                             : QStringLiteral( "cannot write %1" )
                                                                   .arg( exporter.errorFile() ) ) ) );
    return {};
  }
  // QGIS 3.22 cannot stop a single layout's export midway: a cancel during it is honoured here,
  // before anything reaches the final name (the staging folder goes with its contents).
  if ( feedback && feedback->isCanceled() )
  {
    *error = QStringLiteral( "%1: %2" ).arg( path, describe( QgsLayoutExporter::Canceled, QString() ) );
    return {};
  }
  if ( !verify( *staging, path, error ) )
    return {};
  return publish( *staging, QFileInfo( path ).absolutePath(), error );
}

bool PendulumLayoutExporter::exportAtlasToPdf( QgsLayoutAtlas *atlas, const QString &path, int dpi,
                                               QgsFeedback *feedback, QString *error )
{
  std::unique_ptr<QTemporaryDir> staging = stagingDir( path, error );
  if ( !staging )
    return false;
  QgsLayoutExporter::PdfExportSettings settings;
  settings.dpi = dpi;
  settings.flags = atlas->layout()->renderContext().flags();
  settings.forceVectorOutput = true;
  settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
  settings.simplifyGeometries = false;
  QString detail;
  const QgsLayoutExporter::ExportResult result = QgsLayoutExporter::exportToPdf(
      atlas, QDir( staging->path() ).filePath( QFileInfo( path ).fileName() ), settings, detail, feedback );
  if ( result != QgsLayoutExporter::Success )
  {
    *error = QStringLiteral( "%1: %2" )
                 .arg( path, PendulumWriteError::reason( path, describe( result, detail ) ) );
    return false;
  }
  if ( !verify( *staging, path, error ) )
    return false;
  return !publish( *staging, QFileInfo( path ).absolutePath(), error ).isEmpty();
}
