#include "benchframe.h"

#include "benchreport.h"
#include "benchstatistics.h"
#include "pendulumdataset.h"
#include "pendulummaprenderer.h"

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QStringList>
#include <cstdio>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include "qgsexpressioncontext.h"
#include "qgsmaplayertemporalproperties.h"
#include "qgsmaprenderersequentialjob.h"
#include "qgsmapsettings.h"
#include "qgsrendercontext.h"
#include "qgsrenderedfeaturehandlerinterface.h"
#include "qgsvectorlayer.h"

namespace
{
const QDate DAY( 1910, 1, 1 );

QList<QgsMapLayer *> mapLayers( const QList<QgsVectorLayer *> &layers )
{
  QList<QgsMapLayer *> list;
  for ( QgsVectorLayer *layer : layers )
    list << layer;
  return list;
}

//! Collects the ids of the features a render draws, per layer, in the order it draws them.
class DrawOrder : public QgsRenderedFeatureHandlerInterface
{
public:
  void
  handleRenderedFeature( const QgsFeature &feature, const QgsGeometry &,
                         const QgsRenderedFeatureHandlerInterface::RenderedFeatureContext &context ) override
  {
    const QString layer =
        context.renderContext.expressionContext().variable( QStringLiteral( "layer_id" ) ).toString();
    QMutexLocker locker( &mMutex );
    QList<QgsFeatureId> &ids = mIds[layer];
    if ( !ids.contains( feature.id() ) )
      ids << feature.id();
  }
  QList<QgsFeatureId> ids( const QString &layer ) const { return mIds.value( layer ); }

private:
  QMutex mMutex;
  QHash<QString, QList<QgsFeatureId>> mIds;
};

/**
 * The floor: a GeoPackage holding, for each time-enabled layer, only the features
 * QGIS's temporal filter keeps on \a day, in the order QGIS draws them (\a order,
 * which follows SQLite's plan, not always the ids); other layers whole.
 */
bool writeFloor( const QString &record, const QString &floor, const QDate &day,
                 const QHash<QString, QList<QgsFeatureId>> &order, QString *error )
{
  QFile::remove( floor );
  GDALDatasetH source = GDALOpenEx( QFile::encodeName( record ).constData(),
                                    GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr );
  GDALDatasetH target = GDALCreate( GDALGetDriverByName( "GPKG" ), QFile::encodeName( floor ).constData(), 0,
                                    0, 0, GDT_Unknown, nullptr );
  bool ok = source && target;
  // QGIS's filter for the day's range (PendulumTemporal::dayRange), in SQL.
  const QString when =
      QStringLiteral( "(valid_from IS NULL OR valid_from <= '%1') AND (valid_to IS NULL OR valid_to > '%1')" )
          .arg( day.toString( Qt::ISODate ) );
  for ( int i = 0; ok && i < GDALDatasetGetLayerCount( source ); ++i )
  {
    OGRLayerH layer = GDALDatasetGetLayer( source, i );
    const QString name = QString::fromUtf8( OGR_L_GetName( layer ) );
    if ( OGR_L_GetGeomType( layer ) == wkbNone )
      continue;
    if ( !order.contains( name ) )
    {
      ok = GDALDatasetCopyLayer( target, layer, OGR_L_GetName( layer ), nullptr );
      continue;
    }
    // The day's features: those drawn in their drawn order, then any others (outside the view).
    QList<QgsFeatureId> ids = order.value( name );
    OGR_L_SetAttributeFilter( layer, when.toUtf8().constData() );
    QList<QgsFeatureId> others;
    OGR_L_ResetReading( layer );
    while ( OGRFeatureH feature = OGR_L_GetNextFeature( layer ) )
    {
      if ( !ids.contains( OGR_F_GetFID( feature ) ) )
        others << OGR_F_GetFID( feature );
      OGR_F_Destroy( feature );
    }
    OGR_L_SetAttributeFilter( layer, nullptr );
    std::sort( others.begin(), others.end() );
    ids << others;

    const char *options[] = { "GEOMETRY_NAME=geom", "FID=fid", nullptr };
    OGRLayerH copy = GDALDatasetCreateLayer( target, OGR_L_GetName( layer ), OGR_L_GetSpatialRef( layer ),
                                             OGR_L_GetGeomType( layer ), const_cast<char **>( options ) );
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn( layer );
    for ( int field = 0; ok && field < OGR_FD_GetFieldCount( definition ); ++field )
      ok = OGR_L_CreateField( copy, OGR_FD_GetFieldDefn( definition, field ), TRUE ) == OGRERR_NONE;
    for ( QgsFeatureId id : std::as_const( ids ) )
    {
      OGRFeatureH feature = OGR_L_GetFeature( layer, id );
      OGRFeatureH written = OGR_F_Create( OGR_L_GetLayerDefn( copy ) );
      OGR_F_SetFrom( written, feature, TRUE );
      OGR_F_SetFID( written, OGRNullFID );
      ok = ok && OGR_L_CreateFeature( copy, written ) == OGRERR_NONE;
      OGR_F_Destroy( written );
      OGR_F_Destroy( feature );
    }
  }
  if ( !ok )
    *error = QStringLiteral( "cannot write %1 (%2)" ).arg( floor, QString::fromUtf8( CPLGetLastErrorMsg() ) );
  if ( target )
    GDALClose( target );
  if ( source )
    GDALClose( source );
  return ok;
}

//! \a floor's layers, each styled as the record's layer of the same id (not time-enabled).
QList<QgsVectorLayer *> floorLayers( const QString &floor, const QList<QgsVectorLayer *> &dated )
{
  QList<QgsVectorLayer *> layers;
  for ( QgsVectorLayer *layer : dated )
  {
    const QString id = layer->customProperty( PendulumDataset::layerIdProperty() ).toString();
    auto *copy = new QgsVectorLayer( QStringLiteral( "%1|layername=%2" ).arg( floor, id ), id,
                                     QStringLiteral( "ogr" ) );
    QDomDocument style;
    QString message;
    layer->exportNamedStyle( style, message );
    copy->importNamedStyle( style, message );
    copy->temporalProperties()->setIsActive( false );
    layers << copy;
  }
  return layers;
}
} // namespace

BenchFrame::BenchFrame( const QString &record, const QString &work, int runs )
    : mRecord( record ), mWork( work ), mRuns( runs )
{
}

void BenchFrame::run( BenchReport &report )
{
  QString error;
  const std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( mRecord, &error );
  const QList<QgsVectorLayer *> dated = dataset->createLayers( QStringLiteral( "en" ), &error );
  const QString floorPath = QDir( mWork ).filePath( QStringLiteral( "floor.gpkg" ) );
  PendulumMapRequest request;
  request.date = DAY;
  request.size = QSize( 1280, 720 );
  request.dateLabel = false;
  {
    // The features QGIS draws on the day, in its order, for the floor to hold them in that order.
    DrawOrder order;
    QgsMapSettings settings = PendulumMapRenderer( mapLayers( dated ) ).mapSettings( request );
    settings.addRenderedFeatureHandler( &order );
    QgsMapRendererSequentialJob job( settings );
    job.start();
    job.waitForFinished();
    QHash<QString, QList<QgsFeatureId>> byTable;
    for ( QgsVectorLayer *layer : dated )
    {
      if ( layer->temporalProperties()->isActive() )
        byTable.insert( layer->customProperty( PendulumDataset::layerIdProperty() ).toString(),
                        order.ids( layer->id() ) );
    }
    if ( !writeFloor( mRecord, floorPath, DAY, byTable, &error ) )
      std::fprintf( stderr, "  %s\n", qPrintable( error ) );
  }
  const QList<QgsVectorLayer *> floor = floorLayers( floorPath, dated );
  const PendulumMapRenderer datedRenderer( mapLayers( dated ) );
  const PendulumMapRenderer floorRenderer( mapLayers( floor ) );

  // Warm both (fonts, providers, SQLite caches), then alternate so that both see the same machine.
  datedRenderer.render( request );
  floorRenderer.render( request );
  QList<double> datedRuns, floorRuns;
  for ( int run = 0; run < mRuns; ++run )
  {
    datedRuns << BenchStatistics::milliseconds( [&] { datedRenderer.render( request ); } );
    floorRuns << BenchStatistics::milliseconds( [&] { floorRenderer.render( request ); } );
  }
  // Same pixels? (Without layer labels, whose placement QGIS may settle differently from one render to the
  // next.)
  request.labels = false;
  const bool same = datedRenderer.render( request ) == floorRenderer.render( request );
  qDeleteAll( dated );
  qDeleteAll( floor );
  QFile::remove( floorPath );

  const double datedMs = BenchStatistics::median( datedRuns );
  const double floorMs = BenchStatistics::median( floorRuns );
  const double overhead = datedMs / floorMs;
  report.addRow(
      { QStringLiteral( "2. One frame of %1, 1280×720, against the same features unfiltered" )
            .arg( DAY.toString( Qt::ISODate ) ),
        BenchReport::duration( datedMs ), BenchReport::duration( floorMs ) + QStringLiteral( " (floor)" ),
        BenchReport::times( overhead ) + QStringLiteral( " the floor" ), QStringLiteral( "≤ 1.15×" ),
        overhead <= 1.15 ? QStringLiteral( "yes" ) : QStringLiteral( "no" ),
        QStringLiteral( "%1 runs, alternating" ).arg( mRuns ) } );
  report.setKey( QStringLiteral( "frame_overhead" ), overhead );
  report.addNote(
      QStringLiteral(
          "**One frame.** `PendulumMapRenderer::render` of the record on %1 (layer labels on, no date "
          "label), against the floor: a GeoPackage holding only that day's features of each "
          "time-enabled layer, in the order QGIS draws them, its layers styled as the record's and not "
          "time-enabled, drawn by the same renderer. Both warmed once, then %2 "
          "renders each, alternating. Identical pixels (layer labels off): %3." )
          .arg( DAY.toString( Qt::ISODate ) )
          .arg( mRuns )
          .arg( same ? QStringLiteral( "yes" ) : QStringLiteral( "**no**" ) ) );
}
