#include "pendulumprojectloader.h"

#include "pendulumdataset.h"
#include "pendulumprojectversion.h"
#include "pendulumqgiscompat.h"
#include "pendulumregion.h"

#include "qgslayertree.h"
#include "qgslayertreegroup.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"

QgsLayerTreeGroup *PendulumProjectLoader::load( QgsProject *project, const PendulumDataset &dataset,
                                                const QString &language, QString *error, bool *alreadyLoaded )
{
  if ( QgsLayerTreeGroup *existing = findGroup( project ) )
  {
    if ( alreadyLoaded )
      *alreadyLoaded = true;
    return existing;
  }
  if ( alreadyLoaded )
    *alreadyLoaded = false;

  const QList<QgsVectorLayer *> layers = dataset.createLayers( language, error );
  if ( layers.isEmpty() )
    return nullptr;

  QgsLayerTreeGroup *group = project->layerTreeRoot()->insertGroup( 0, QStringLiteral( "Pendulum" ) );
  group->setCustomProperty( groupProperty(), dataset.path() );
  // The layer tree lists the top layer first; the catalog lists the bottom one first.
  for ( QgsVectorLayer *layer : layers )
  {
    project->addMapLayer( layer, false );
    group->insertLayer( 0, layer );
  }
  project->setCrs( PendulumRegion::mapCrs() );
  QgsLabelingEngineSettings labeling = project->labelingEngineSettings();
  labeling.setFlag( PendulumQgis::LabelingFlag::UsePartialCandidates, false );
  project->setLabelingEngineSettings( labeling );
  PendulumProjectVersion::stamp( project ); // a later Pendulum can tell these layers are ours
  return group;
}

QgsLayerTreeGroup *PendulumProjectLoader::findGroup( QgsProject *project )
{
  const QList<QgsLayerTreeGroup *> groups = project->layerTreeRoot()->findGroups();
  for ( QgsLayerTreeGroup *group : groups )
  {
    if ( group->customProperty( groupProperty() ).isValid() )
      return group;
  }
  return nullptr;
}
