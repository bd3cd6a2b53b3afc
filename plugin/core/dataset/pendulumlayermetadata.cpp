#include "pendulumlayermetadata.h"

#include "pendulumbibliography.h"
#include "pendulumlanguage.h"
#include "pendulumlayersummary.h"
#include "pendulumqgiscompat.h"
#include "qgsvectorlayer.h"

QString PendulumLayerMetadata::licence()
{
  return QStringLiteral( "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)" );
}

QString PendulumLayerMetadata::rights()
{
  return QStringLiteral(
      "Data: the Pendulum contributors, CC BY 4.0; cite the works listed for each feature. "
      "Coastlines: Natural Earth 1:10m Admin 0 v4.1.0 (public domain)." );
}

QgsLayerMetadata PendulumLayerMetadata::create( QgsVectorLayer *layer, const PendulumLayerInfo &info,
                                                const PendulumBibliography &bibliography,
                                                const QString &language )
{
  return create( layer, info, bibliography, language, PendulumLayerSummary::scan( layer ) );
}

QgsLayerMetadata PendulumLayerMetadata::create( QgsVectorLayer *layer, const PendulumLayerInfo &info,
                                                const PendulumBibliography &bibliography,
                                                const QString &language, const PendulumLayerSummary &summary )
{
  QgsLayerMetadata metadata;
  metadata.setIdentifier( QStringLiteral( "pendulum:%1" ).arg( info.id ) );
  metadata.setParentIdentifier( QStringLiteral( "pendulum" ) );
  metadata.setType( QStringLiteral( "dataset" ) );
  metadata.setTitle( info.title( language ) );
  metadata.setAbstract( info.abstract );
  metadata.setLanguage( PendulumLanguage::normalised( language ) );
  metadata.addKeywords( QStringLiteral( "Pendulum" ),
                        { QStringLiteral( "historical boundaries" ), QStringLiteral( "North-East Asia" ),
                          QStringLiteral( "Russo-Japanese relations" ), info.id } );
  metadata.setLicenses( { licence() } );
  metadata.setRights( { rights() } );
  metadata.setCrs( layer->crs() );

  // The works the features cite (in first-cited order) and the period they cover.
  const QStringList &ids = summary.citedIds;
  const QDateTime first = summary.first.startOfDay();
  const QDateTime last = summary.last.startOfDay();
  const bool openEnded = summary.openEnded;

  QgsLayerMetadata::Extent extent;
  QgsLayerMetadata::SpatialExtent spatial;
  spatial.extentCrs = layer->crs();
  spatial.bounds = QgsBox3D( layer->extent() );
  extent.setSpatialExtents( { spatial } );
  if ( first.isValid() )
    // valid_to is exclusive: the range ends before the last end date; null when still true today.
    extent.setTemporalExtents( { QgsDateTimeRange( first, openEnded ? QDateTime() : last, true, false ) } );
  metadata.setExtent( extent );

  // Lineage: every work cited, as a full reference; links for those with a DOI or URL.
  QStringList history;
  for ( const QString &id : std::as_const( ids ) )
  {
    if ( !bibliography.contains( id ) )
      continue;
    history << bibliography.reference( id, PendulumBibliography::Format::Text );
    const QString link = bibliography.link( id );
    if ( link.isEmpty() )
      continue;
    QgsAbstractMetadataBase::Link metadataLink( bibliography.authorDate( id ), QStringLiteral( "WWW:LINK" ),
                                                link );
    metadataLink.description = bibliography.reference( id, PendulumBibliography::Format::Text );
    metadata.addLink( metadataLink );
  }
  metadata.setHistory( history );
  return metadata;
}
