#ifndef PENDULUMVALIDATOR_H
#define PENDULUMVALIDATOR_H

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include "qgsgeometry.h"

class PendulumRecordReader;
struct PendulumFeature;
struct PendulumLayerInfo;

/**
 * Checks everything the data schema (shared/design/data-schema.md) promises:
 * fields, codes, dates and their order, links to events, citations, geometry
 * validity (GEOS) and that on no date any land of `states` is held twice or
 * by nobody. Every problem is one line "file: feature-id: problem".
 */
class PendulumValidator
{
public:
  //! Tolerances of the states topology check, in square degrees (slivers from coastline rounding pass).
  static constexpr double OVERLAP_TOLERANCE = 1e-4;
  static constexpr double GAP_TOLERANCE = 1e-3;

  //! Validates \a record; returns true when there is no problem.
  bool validate( const PendulumRecordReader &record );

  const QStringList &problems() const { return mProblems; }

  //! Number of dates at which the states topology was checked.
  int topologyDatesChecked() const { return mTopologyDates; }

private:
  void checkFeature( const PendulumLayerInfo &info, const PendulumFeature &feature,
                     const PendulumRecordReader &record );
  void checkGeometry( const PendulumLayerInfo &info, const PendulumFeature &feature );
  void checkStatesTopology( const QString &fileName );
  void problem( const QString &file, const QString &featureId, const QString &message );

  QStringList mProblems;
  QHash<QString, QString> mIdFiles; //!< feature id → file that defines it
  QStringList mEventIds;
  QList<QPair<QString, QString>> mEventLinks; //!< (file: id, event id) to resolve at the end

  struct StatesPiece
  {
    QString id;
    QDate from;
    QDate to;
    bool disputed = false;
    QgsGeometry geometry;
  };
  QList<StatesPiece> mStates;
  int mTopologyDates = 0;
};

#endif // PENDULUMVALIDATOR_H
