#include "popupcommand.h"

#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumlanguage.h"
#include "pendulumpopup.h"
#include "pendulumqgiscompat.h"

#include <QTextStream>
#include <memory>

#include "qgsexpression.h"
#include "qgsfeatureiterator.h"
#include "qgsfeaturerequest.h"
#include "qgsvectorlayer.h"

QString PopupCommand::summary() const
{
  return QStringLiteral( "Print a feature's popup (the HTML its map tip and Identify form show)." );
}

QString PopupCommand::details() const
{
  return QStringLiteral(
      "Print the popup of the feature with the record id <feature-id> (e.g. karafuto-1905): the HTML that\n"
      "QGIS's map tip and Identify form show for it, evaluated from the layer's own map tip template,\n"
      "or with --text the same content as plain text." );
}

QList<QCommandLineOption> PopupCommand::options() const
{
  return {
      { QStringLiteral( "lang" ), QStringLiteral( "Language: en, ja or ru (default en)." ),
        QStringLiteral( "LANG" ), QStringLiteral( "en" ) },
      { QStringLiteral( "text" ), QStringLiteral( "Plain text instead of HTML." ) },
      dataOption(),
  };
}

QString PopupCommand::checkOptions( const QCommandLineParser &parser ) const
{
  if ( parser.positionalArguments().isEmpty() )
    return QStringLiteral( "a feature id is required (e.g. pendulum popup karafuto-1905)" );
  const QString language = parser.value( QStringLiteral( "lang" ) );
  if ( !PendulumLanguage::isValid( language ) )
    return QStringLiteral( "--lang: '%1' is not one of %2" )
        .arg( language, PendulumLanguage::codes().join( QStringLiteral( ", " ) ) );
  return QString();
}

int PopupCommand::run( const QCommandLineParser &parser )
{
  const QString id = parser.positionalArguments().first();
  const QString language = parser.value( QStringLiteral( "lang" ) );
  std::unique_ptr<PendulumDataset> dataset = openDataset( parser );
  if ( !dataset )
    return Failure;
  QString error;

  for ( const PendulumLayerInfo &info : dataset->catalog().layers() )
  {
    std::unique_ptr<QgsVectorLayer> layer( dataset->createLayer( info, language, &error ) );
    if ( !layer )
    {
      printError( error );
      return Failure;
    }
    if ( layer->fields().lookupField( QStringLiteral( "id" ) ) < 0 )
      continue;
    QgsFeatureRequest request;
    request.setFilterExpression( QStringLiteral( "\"id\" = %1" ).arg( QgsExpression::quotedString( id ) ) );
    request.setFlags( PendulumQgis::FeatureRequestFlag::NoGeometry );
    QgsFeature feature;
    if ( !layer->getFeatures( request ).nextFeature( feature ) )
      continue;

    QString out;
    if ( parser.isSet( QStringLiteral( "text" ) ) )
    {
      PendulumBibliography bibliography;
      if ( !bibliography.fromJson( dataset->sources(), &error ) )
      {
        printError( QStringLiteral( "%1: %2" ).arg( dataset->path(), error ) );
        return Failure;
      }
      out = PendulumPopup( bibliography ).text( feature, info.id, language );
    }
    else
    {
      out = PendulumPopup::mapTip( layer.get(), feature );
    }
    if ( out.isEmpty() )
    {
      printError( QStringLiteral( "%1: layer '%2' has no popups; rebuild it with `pendulum build`" )
                      .arg( dataset->path(), info.id ) );
      return Failure;
    }
    QTextStream( stdout ) << out << Qt::endl;
    return Success;
  }
  printError( QStringLiteral( "no feature with id '%1' in %2" ).arg( id, dataset->path() ) );
  return Failure;
}
