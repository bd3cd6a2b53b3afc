#include "pendulumeventsatlas.h"

#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumlayoutexporter.h"
#include "pendulumlayouttext.h"
#include "pendulumpopup.h"
#include "pendulumprintlayout.h"
#include "pendulumqgiscompat.h"
#include "pendulumregion.h"
#include "pendulumtextsanitiser.h"

#include "qgsexpressioncontextutils.h"
#include "qgsfeatureiterator.h"
#include "qgslayoutatlas.h"
#include "qgslayoutitemlegend.h"
#include "qgslayoutitemmap.h"
#include "qgsprintlayout.h"
#include "qgsproject.h"
#include "qgsproperty.h"
#include "qgsvectorlayer.h"

namespace
{
const QDate sRecordStart( 1855, 1, 1 );

QString builtInTemplate()
{
  return QStringLiteral( ":/pendulum/layouts/pendulum_atlas_a4_landscape.qpt" );
}

//! "Karafuto (Japanese southern Sakhalin) — Japan, sovereign".
QString describeFeature( const QgsFeature &feature, const QString &nameField )
{
  QString name = feature.attribute( nameField ).toString();
  if ( name.isEmpty() )
    name = feature.attribute( QStringLiteral( "name_en" ) ).toString();
  const QString holder = feature.attribute( QStringLiteral( "holder" ) ).toString();
  const QString status = feature.attribute( QStringLiteral( "status" ) ).toString();
  return holder.isEmpty() ? name : QStringLiteral( "%1 (%2, %3)" ).arg( name, holder, status );
}
} // namespace

PendulumEventsAtlas::PendulumEventsAtlas( QgsProject *project, const PendulumBibliography &bibliography,
                                          const PendulumAtlasRequest &request )
    : mProject( project ), mBibliography( bibliography ), mRequest( request )
{
}

PendulumEventsAtlas::~PendulumEventsAtlas() = default;

bool PendulumEventsAtlas::prepare( QString *error )
{
  for ( QgsMapLayer *layer : mProject->mapLayers() )
  {
    if ( layer->customProperty( PendulumDataset::layerIdProperty() ).toString() == QLatin1String( "events" ) )
      mEvents = qobject_cast<QgsVectorLayer *>( layer );
  }
  if ( !mEvents )
  {
    *error = QStringLiteral( "the record has no events layer" );
    return false;
  }
  mLayout = PendulumPrintLayout::fromTemplate(
      mProject, mRequest.templatePath.isEmpty() ? builtInTemplate() : mRequest.templatePath, error );
  if ( !mLayout )
    return false;
  mLayout->setName( QStringLiteral( "Pendulum events atlas" ) );
  indexChanges();

  QgsLayoutItemMap *map = qobject_cast<QgsLayoutItemMap *>( mLayout->itemById( QStringLiteral( "map" ) ) );
  map->setCrs( PendulumRegion::mapCrs() );
  map->setLayers( PendulumPrintLayout::recordLayers( mProject ) );
  map->setKeepLayerSet( true );
  PendulumPrintLayout::setMapExtent( map, PendulumRegion::lonLatExtent() );
  // The map shows the day of each page's event: QGIS's data-defined temporal
  // range, evaluated against the atlas feature (a designer user sees it there).
  map->setIsTemporal( true );
  map->dataDefinedProperties().setProperty(
      QgsLayoutObject::DataDefinedProperty::StartDateTime,
      QgsProperty::fromExpression( QStringLiteral( "to_datetime(\"date\")" ) ) );
  map->dataDefinedProperties().setProperty(
      QgsLayoutObject::DataDefinedProperty::EndDateTime,
      QgsProperty::fromExpression( QStringLiteral( "to_datetime(\"date\") + to_interval('1 day')" ) ) );

  QgsLayoutAtlas *atlas = mLayout->atlas();
  atlas->setCoverageLayer( mEvents );
  atlas->setEnabled( true );
  atlas->setHideCoverage( false ); // earlier events stay on the map as context
  const QDate from = mRequest.from.isValid() ? mRequest.from : sRecordStart;
  const QDate to = mRequest.to.isValid() ? mRequest.to : QDate::currentDate();
  atlas->setFilterFeatures( true );
  QString expressionError;
  if ( !atlas->setFilterExpression(
           QStringLiteral( "\"date\" >= to_date('%1') AND \"date\" <= to_date('%2')" )
               .arg( from.toString( Qt::ISODate ), to.toString( Qt::ISODate ) ),
           expressionError ) )
  {
    *error = expressionError;
    return false;
  }
  atlas->setSortFeatures( true );
  atlas->setSortAscending( true );
  atlas->setSortExpression( QStringLiteral( "\"date\"" ) );
  atlas->setPageNameExpression( QStringLiteral( "\"id\"" ) );
  QObject::connect( atlas, &QgsLayoutAtlas::featureChanged, mLayout.get(),
                    [this]( const QgsFeature &feature ) { preparePage( feature ); } );
  QgsExpressionContextUtils::setLayoutVariable( mLayout.get(), QStringLiteral( "pendulum_credits" ),
                                                PendulumLayoutText::credits( mRequest.language ) );
  return true;
}

int PendulumEventsAtlas::pageCount() const
{
  return mLayout ? mLayout->atlas()->updateFeatures() : 0;
}

void PendulumEventsAtlas::indexChanges()
{
  const QString nameField = QStringLiteral( "name_%1" ).arg( mRequest.language );
  for ( QgsMapLayer *mapLayer : PendulumPrintLayout::recordLayers( mProject ) )
  {
    QgsVectorLayer *layer = qobject_cast<QgsVectorLayer *>( mapLayer );
    if ( !layer || layer == mEvents || layer->fields().lookupField( QStringLiteral( "from_event" ) ) < 0 )
      continue;
    QgsFeatureRequest request;
    request.setFlags( PendulumQgis::FeatureRequestFlag::NoGeometry );
    QgsFeatureIterator it = layer->getFeatures( request );
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      const QString line =
          QStringLiteral( "%1: %2" ).arg( layer->name(), describeFeature( feature, nameField ) );
      const QString from = feature.attribute( QStringLiteral( "from_event" ) ).toString();
      const QString to = feature.attribute( QStringLiteral( "to_event" ) ).toString();
      if ( !from.isEmpty() )
        mBegins[from] << line;
      if ( !to.isEmpty() )
        mEnds[to] << line;
    }
  }
}

QString PendulumEventsAtlas::localized( const QgsFeature &feature, const QString &field ) const
{
  const QString value =
      feature.attribute( QStringLiteral( "%1_%2" ).arg( field, mRequest.language ) ).toString();
  return value.isEmpty() ? feature.attribute( QStringLiteral( "%1_en" ).arg( field ) ).toString() : value;
}

void PendulumEventsAtlas::preparePage( const QgsFeature &event )
{
  const QString language = mRequest.language;
  const QString id = event.attribute( QStringLiteral( "id" ) ).toString();
  const QDate date = event.attribute( QStringLiteral( "date" ) ).toDate();
  const auto set = [this]( const QString &name, const QString &value )
  {
    QgsExpressionContextUtils::setLayoutVariable( mLayout.get(), QStringLiteral( "pendulum_" ) + name,
                                                  PendulumTextSanitiser::sanitised( value ) );
  };
  set( QStringLiteral( "title" ), localized( event, QStringLiteral( "name" ) ) );
  set( QStringLiteral( "date" ),
       PendulumLayoutText::dateLine( date, language,
                                     event.attribute( QStringLiteral( "date_precision" ) ).toString() ) );
  set( QStringLiteral( "place" ), event.attribute( QStringLiteral( "place" ) ).toString() );
  set( QStringLiteral( "description" ), localized( event, QStringLiteral( "description" ) ) );

  QStringList changes{ PendulumLayoutText::changesHeading( language ) };
  for ( const QString &line : mBegins.value( id ) )
    changes << QStringLiteral( "+ %1: %2" ).arg( PendulumLayoutText::begins( language ), line );
  for ( const QString &line : mEnds.value( id ) )
    changes << QStringLiteral( "− %1: %2" ).arg( PendulumLayoutText::ends( language ), line );
  set( QStringLiteral( "changes" ), changes.size() > 1 ? changes.join( QLatin1Char( '\n' ) ) : QString() );

  QStringList citations{ PendulumLayoutText::sourcesHeading( language ) };
  int number = 0;
  for ( const PendulumCitation &citation :
        PendulumBibliography::citationsOf( event.attribute( QStringLiteral( "sources" ) ) ) )
  {
    citations << QStringLiteral( "[%1] %2" )
                     .arg( ++number )
                     .arg( mBibliography.fullCitation( citation, PendulumBibliography::Format::Text ) );
  }
  set( QStringLiteral( "citations" ), citations.join( QLatin1Char( '\n' ) ) );

  QgsLayoutItemMap *map = qobject_cast<QgsLayoutItemMap *>( mLayout->itemById( QStringLiteral( "map" ) ) );
  if ( QgsLayoutItemLegend *legend =
           qobject_cast<QgsLayoutItemLegend *>( mLayout->itemById( QStringLiteral( "legend" ) ) ) )
  {
    PendulumPrintLayout::filterLegend( legend, map, date, language );
    legend->setTitle( QString() );
  }
}

bool PendulumEventsAtlas::exportToPdf( const QString &path, int dpi, QgsFeedback *feedback, QString *error )
{
  if ( pageCount() == 0 )
  {
    *error =
        QStringLiteral( "no events between %1 and %2" )
            .arg( ( mRequest.from.isValid() ? mRequest.from : sRecordStart ).toString( Qt::ISODate ),
                  ( mRequest.to.isValid() ? mRequest.to : QDate::currentDate() ).toString( Qt::ISODate ) );
    return false;
  }
  return PendulumLayoutExporter::exportAtlasToPdf( mLayout->atlas(), path, dpi, feedback, error );
}
