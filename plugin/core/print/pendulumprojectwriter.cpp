#include "pendulumprojectwriter.h"

#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumdatelabel.h"
#include "pendulumeventsatlas.h"
#include "pendulumframedate.h"
#include "pendulumlayerlanguage.h"
#include "pendulummaprenderer.h"
#include "pendulumprintlayout.h"
#include "pendulumprojectloader.h"
#include "pendulumregion.h"
#include "pendulumtimeline.h"
#include "pendulumwriteerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "qgslayertreegroup.h"
#include "qgslayoutmanager.h"
#include "qgsprintlayout.h"
#include "qgsproject.h"
#include "qgsprojectviewsettings.h"
#include "qgsreferencedgeometry.h"


bool PendulumProjectWriter::fill( QgsProject *project, const PendulumDataset &dataset,
                                  const QString &language, QString *error )
{
  QgsLayerTreeGroup *group = PendulumProjectLoader::load( project, dataset, language, error );
  if ( !group )
    return false;
  // The group's mark names the GeoPackage without its folder: no absolute path in a file that travels.
  group->setCustomProperty( PendulumProjectLoader::groupProperty(), QFileInfo( dataset.path() ).fileName() );
  PendulumLayerLanguage::toProject( project, language );
  // Paths relative to the project file: the project and the GeoPackage travel together.
  project->setFilePathStorage( Qgis::FilePathType::Relative );
  const QgsReferencedRectangle region( PendulumRegion::mapExtent(), PendulumRegion::mapCrs() );
  project->viewSettings()->setDefaultViewExtent( region );
  project->viewSettings()->setPresetFullExtent( region );
  project->setBackgroundColor( PendulumMapRenderer::backgroundColor() );
  // The speed the plugin sets, which the canvas keeps up with (measured: bench canvas_fps).
  PendulumTimeline::configure( project, PendulumTimeline::framesPerSecond() );
  PendulumDateLabel::writeDecoration( project, PendulumFrameDate::labelText( language ) );

  // The layouts users know from `pendulum map` and `pendulum atlas`, to restyle and print from QGIS.
  // The bibliography was checked when built; a bad one only loses the citations.
  PendulumBibliography bibliography;
  QString sourcesError;
  bibliography.fromJson( dataset.sources(), &sourcesError );
  PendulumPrintRequest print;
  print.date = PendulumTimeline::defaultDate();
  print.language = language;
  std::unique_ptr<QgsPrintLayout> layout = PendulumPrintLayout::create( project, bibliography, print, error );
  if ( !layout )
    return false;
  project->layoutManager()->addLayout( layout.release() );

  PendulumAtlasRequest atlasRequest;
  atlasRequest.language = language;
  PendulumEventsAtlas atlas( project, bibliography, atlasRequest );
  if ( !atlas.prepare( error ) )
    return false;
  // The atlas fills each page's texts from C++ as it turns; the project keeps its layout, coverage
  // and the map's data-defined day, which QGIS's own atlas runs.
  project->layoutManager()->addLayout( atlas.layout()->clone() );
  return true;
}

bool PendulumProjectWriter::write( const PendulumDataset &dataset, const QString &language,
                                   const QString &path, QString *error )
{
  const QFileInfo target( path );
  // Beside the target, so that the relative paths are the same; not hidden, as QGIS names the
  // project inside a .qgz after the file name up to its first dot.
  const QString temporary = target.absoluteDir().filePath(
      QStringLiteral( "%1.%2.tmp.%3" )
          .arg( target.completeBaseName(), QUuid::createUuid().toString( QUuid::Id128 ), target.suffix() ) );
  {
    QgsProject project;
    if ( !fill( &project, dataset, language, error ) )
      return false;
    if ( !project.write( temporary ) )
    {
      QFile::remove( temporary );
      *error = PendulumWriteError::cannotWrite( path, project.error() );
      return false;
    }
  }
  // rename() replaces the target atomically on POSIX: readers see the old or the new file, never half of one.
  if ( std::rename( QFile::encodeName( temporary ).constData(),
                    QFile::encodeName( target.absoluteFilePath() ).constData() ) != 0 )
  {
    *error = PendulumWriteError::cannotWrite( path, QString::fromLocal8Bit( strerror( errno ) ) );
    QFile::remove( temporary );
    return false;
  }
  return true;
}
