#ifndef PENDULUMTESTRECORD_H
#define PENDULUMTESTRECORD_H

#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumtemporal.h"

#include <QtTest>

#include "qgsfeatureiterator.h"
#include "qgsfeaturerequest.h"
#include "qgsgeometry.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayertemporalproperties.h"

//! Helpers for tests that read the real record (built by the build_record CTest fixture).
namespace PendulumTestRecord
{
inline std::unique_ptr<PendulumDataset> open()
{
  QString error;
  std::unique_ptr<PendulumDataset> dataset =
      PendulumDataset::open( QStringLiteral( PENDULUM_TEST_RECORD ), &error );
  if ( !dataset )
    qWarning() << error;
  return dataset;
}

/**
 * The values of \a field of the features of \a layer that QGIS's own
 * temporal filter shows on \a date and that cover lon/lat \a point.
 */
inline QStringList shownAt( QgsVectorLayer *layer, const QDate &date, const QgsPointXY &point,
                            const QString &field = QStringLiteral( "holder" ) )
{
  QgsVectorLayerTemporalContext context;
  context.setLayer( layer );
  const QString filter = qobject_cast<QgsVectorLayerTemporalProperties *>( layer->temporalProperties() )
                             ->createFilterString( context, PendulumTemporal::dayRange( date ) );
  QgsFeatureRequest request;
  request.setFilterExpression( filter );
  request.setFilterRect(
      QgsRectangle( point.x() - 1e-6, point.y() - 1e-6, point.x() + 1e-6, point.y() + 1e-6 ) );
  const QgsGeometry pointGeometry = QgsGeometry::fromPointXY( point );
  QStringList values;
  QgsFeatureIterator it = layer->getFeatures( request );
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
  {
    if ( feature.geometry().intersects( pointGeometry ) )
      values << feature.attribute( field ).toString();
  }
  values.sort();
  return values;
}

//! The feature with record id \a featureId of \a layer (invalid if none).
inline QgsFeature feature( QgsVectorLayer *layer, const QString &featureId )
{
  QgsFeature found;
  if ( layer )
    layer
        ->getFeatures(
            QgsFeatureRequest().setFilterExpression( QStringLiteral( "\"id\" = '%1'" ).arg( featureId ) ) )
        .nextFeature( found );
  return found;
}

//! The layer with record id \a id among \a layers.
inline QgsVectorLayer *find( const QList<QgsVectorLayer *> &layers, const QString &id )
{
  for ( QgsVectorLayer *layer : layers )
  {
    if ( layer->customProperty( PendulumDataset::layerIdProperty() ).toString() == id )
      return layer;
  }
  return nullptr;
}

/**
 * The record's layers (English), dataset and bibliography as members of a test
 * class: `class TestX : public QObject, protected PendulumTestRecord::Fixture`,
 * and `QVERIFY( openRecord() );` in initTestCase(). The layers go with the test object.
 */
class Fixture
{
protected:
  ~Fixture() { qDeleteAll( mLayers ); }

  bool openRecord()
  {
    mDataset = open();
    QString error;
    if ( mDataset )
      mLayers = mDataset->createLayers( QStringLiteral( "en" ), &error );
    if ( mDataset && !mLayers.isEmpty() && mBibliography.fromJson( mDataset->sources(), &error ) )
      return true;
    qWarning() << "cannot open the test record:" << error;
    return false;
  }

  std::unique_ptr<PendulumDataset> mDataset;
  QList<QgsVectorLayer *> mLayers;
  PendulumBibliography mBibliography;
};
} // namespace PendulumTestRecord

#endif // PENDULUMTESTRECORD_H
