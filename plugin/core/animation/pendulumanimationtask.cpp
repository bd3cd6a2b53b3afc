#include "pendulumanimationtask.h"

#include "pendulumchangeindex.h"
#include "pendulumdataset.h"
#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"

#include <QFileInfo>

#include "qgsvectorlayer.h"

PendulumAnimationTask::PendulumAnimationTask( const Settings &settings )
    : QgsTask( tr( "Pendulum: animation %1" ).arg( QFileInfo( settings.output.out ).fileName() ),
               QgsTask::CanCancel ),
      mSettings( settings )
{
}

bool PendulumAnimationTask::run()
{
  const PendulumAnimationEncoder::Result result = execute(
      mSettings, [this]( double value ) { setProgress( 100.0 * value ); }, [this] { return isCanceled(); },
      &mError, &mStatistics );
  if ( result == PendulumAnimationEncoder::Result::Canceled )
    mError.clear();
  return result == PendulumAnimationEncoder::Result::Done;
}

PendulumAnimationEncoder::Result
PendulumAnimationTask::execute( const Settings &settings, const std::function<void( double )> &progress,
                                const std::function<bool()> &canceled, QString *error,
                                PendulumAnimationExporter::Statistics *statistics )
{
  const std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( settings.dataPath, error );
  if ( !dataset )
    return PendulumAnimationEncoder::Result::Failed;
  const QString language = PendulumLanguage::normalised( settings.plan.language );
  const QList<QgsVectorLayer *> layers = dataset->createLayers( language, error );
  if ( layers.isEmpty() )
    return PendulumAnimationEncoder::Result::Failed;
  QList<QgsMapLayer *> mapLayers;
  for ( QgsVectorLayer *layer : layers )
  {
    // Labels in the animation's language, as the plugin shows them.
    if ( const PendulumLayerInfo *info = dataset->catalog().layer(
             layer->customProperty( PendulumDataset::layerIdProperty() ).toString() ) )
      PendulumLayerLanguage::apply( layer, *info, language );
    mapLayers << layer;
  }

  PendulumAnimationPlan::Settings planSettings = settings.plan;
  planSettings.language = language;
  const PendulumAnimationPlan plan =
      PendulumAnimationPlan::create( planSettings, PendulumChangeIndex( layers ).dates() );
  const PendulumMapRenderer renderer( mapLayers );
  PendulumAnimationExporter exporter( renderer, plan, settings.output );
  exporter.setProgressCallback( progress );
  exporter.setCancelCheck( canceled );
  const PendulumAnimationEncoder::Result result = exporter.run();
  *error = exporter.error();
  if ( statistics )
    *statistics = exporter.statistics();
  qDeleteAll( layers );
  return result;
}
