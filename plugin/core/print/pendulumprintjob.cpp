#include "pendulumprintjob.h"

#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumlayoutexporter.h"
#include "pendulumprojectloader.h"

#include "qgsexpressioncontextutils.h"
#include "qgsfeedback.h"
#include "qgsprintlayout.h"
#include "qgsproject.h"

PendulumPrintJob::PendulumPrintJob( const QString &dataPath, const PendulumPrintRequest &request,
                                    const QString &outPath, int dpi )
    : mDataPath( dataPath ), mRequest( request ), mOutPath( outPath ), mDpi( dpi )
{
}

bool PendulumPrintJob::run( QgsFeedback *feedback )
{
  const auto progress = [feedback]( double percent )
  {
    if ( feedback )
      feedback->setProgress( percent );
    return !feedback || !feedback->isCanceled();
  };
  const auto cancelled = [this]()
  {
    mError = QStringLiteral( "%1: the export was cancelled" ).arg( mOutPath );
    return false;
  };

  std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( mDataPath, &mError );
  if ( !dataset )
    return false;
  PendulumBibliography bibliography;
  if ( !bibliography.fromJson( dataset->sources(), &mError ) )
  {
    mError = QStringLiteral( "%1: %2" ).arg( mDataPath, mError );
    return false;
  }
  if ( !progress( 10 ) )
    return cancelled();

  // A private project: the layout's legend follows its layer tree, and the
  // user's own project (if any) is never touched.
  QgsProject project;
  if ( !PendulumProjectLoader::load( &project, *dataset, mRequest.language, &mError ) )
    return false;
  if ( !progress( 25 ) )
    return cancelled();

  std::unique_ptr<QgsPrintLayout> layout =
      PendulumPrintLayout::create( &project, bibliography, mRequest, &mError );
  if ( !layout )
    return false;
  const std::unique_ptr<QgsExpressionContextScope> scope(
      QgsExpressionContextUtils::layoutScope( layout.get() ) );
  mSourceCount = scope->variable( QStringLiteral( "pendulum_source_count" ) ).toInt();
  if ( !progress( 40 ) )
    return cancelled();

  mWritten = PendulumLayoutExporter::exportLayout( layout.get(), mOutPath, mDpi, &mError, feedback );
  if ( mWritten.isEmpty() )
    return false;
  progress( 100 );
  return true;
}
