#include "pendulumdatacopy.h"

#include "pendulumdataset.h"
#include "pendulumprojectloader.h"
#include "pendulumprojectrecord.h"
#include "pendulumwriteerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

#include "qgslayertreegroup.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"

namespace
{
QString systemError()
{
  return QString::fromLocal8Bit( strerror( errno ) );
}
} // namespace

bool PendulumDataCopy::copy( const QString &source, const QString &target, Existing existing, QString *error )
{
  const QFileInfo from( source );
  const QFileInfo to( target );
  if ( to.suffix().compare( QLatin1String( "gpkg" ), Qt::CaseInsensitive ) != 0 )
  {
    *error = QStringLiteral( "%1: a copy of the record must be a .gpkg file" ).arg( target );
    return false;
  }
  if ( to.exists() && to.canonicalFilePath() == from.canonicalFilePath() )
  {
    *error = QStringLiteral( "%1: is the record itself; choose another file for the copy" ).arg( target );
    return false;
  }
  if ( to.isDir() )
  {
    *error = QStringLiteral( "%1: is a folder" ).arg( target );
    return false;
  }
  if ( to.exists() && existing == Existing::Keep )
  {
    *error = QStringLiteral( "%1: already exists and was left as it is; choose another name" ).arg( target );
    return false;
  }
  if ( !to.absoluteDir().exists() )
  {
    *error = QStringLiteral( "%1: the folder %2 does not exist" ).arg( target, to.absolutePath() );
    return false;
  }
  QString sourceError;
  if ( !PendulumDataset::open( source, &sourceError ) )
  {
    *error = QStringLiteral( "cannot copy the record: %1" ).arg( sourceError );
    return false;
  }

  QFile in( source );
  if ( !in.open( QIODevice::ReadOnly ) )
  {
    *error = QStringLiteral( "%1: cannot read (%2)" ).arg( source, in.errorString() );
    return false;
  }
  // Beside the target (same file system, so that putting it in place is one rename), removed on failure.
  QTemporaryFile out(
      to.absoluteDir().filePath( QStringLiteral( ".%1-XXXXXX.gpkg" ).arg( to.completeBaseName() ) ) );
  if ( !out.open() )
  {
    *error =
        QStringLiteral( "%1: cannot write in %2 (%3)" ).arg( target, to.absolutePath(), out.errorString() );
    return false;
  }
  constexpr qint64 chunk = 1 << 20;
  while ( !in.atEnd() )
  {
    const QByteArray data = in.read( chunk );
    if ( data.isEmpty() && in.error() != QFileDevice::NoError )
    {
      *error = QStringLiteral( "%1: cannot read (%2)" ).arg( source, in.errorString() );
      return false;
    }
    if ( out.write( data ) != data.size() )
    {
      *error = PendulumWriteError::cannotWrite( target, out.errorString() );
      return false;
    }
  }
  if ( !out.flush() || fsync( out.handle() ) != 0 )
  {
    *error = PendulumWriteError::cannotWrite( target, out.errorString() );
    return false;
  }
  out.close();
  if ( !PendulumDataset::open( out.fileName(), &sourceError ) )
  {
    *error = QStringLiteral( "%1: the copy does not read back (%2)" ).arg( target, sourceError );
    return false;
  }

  const QByteArray temporary = QFile::encodeName( out.fileName() );
  const QByteArray final = QFile::encodeName( to.absoluteFilePath() );
  if ( existing == Existing::Keep )
  {
    // link(2) fails if the target appeared meanwhile: never replace a file nobody agreed to lose.
    if ( ::link( temporary.constData(), final.constData() ) != 0 )
    {
      *error = errno == EEXIST
                   ? QStringLiteral( "%1: already exists and was left as it is; choose another name" )
                         .arg( target )
                   : PendulumWriteError::cannotWrite( target, systemError() );
      return false;
    }
    return true; // the temporary name goes with `out`
  }
  if ( std::rename( temporary.constData(), final.constData() ) != 0 )
  {
    *error = PendulumWriteError::cannotWrite( target, systemError() );
    return false;
  }
  out.setAutoRemove( false ); // renamed: nothing left to remove
  return true;
}

int PendulumDataCopy::repoint( QgsProject *project, const QString &target, QString *error )
{
  const QString path = QFileInfo( target ).absoluteFilePath();
  const QList<QgsVectorLayer *> layers = PendulumProjectRecord::layers( project );
  for ( QgsVectorLayer *layer : layers )
  {
    const QString table = layer->customProperty( PendulumDataset::layerIdProperty() ).toString();
    QgsDataProvider::ProviderOptions options;
    options.transformContext = project->transformContext();
    // Styles, map tips, forms and temporal settings stay: only where the features come from changes.
    layer->setDataSource( QStringLiteral( "%1|layername=%2" ).arg( path, table ), layer->name(),
                          QStringLiteral( "ogr" ), options, false );
    if ( !layer->isValid() )
    {
      *error = QStringLiteral( "%1: layer '%2' cannot be opened" ).arg( path, table );
      return -1;
    }
    layer->setReadOnly( false );
  }
  if ( QgsLayerTreeGroup *group = PendulumProjectLoader::findGroup( project ) )
    group->setCustomProperty( PendulumProjectLoader::groupProperty(), path );
  return layers.size();
}
