#ifndef PENDULUMEVENTSATLAS_H
#define PENDULUMEVENTSATLAS_H

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>

class PendulumBibliography;
class QgsFeature;
class QgsFeedback;
class QgsPrintLayout;
class QgsProject;
class QgsVectorLayer;

//! Which events the atlas covers, and how it speaks.
struct PendulumAtlasRequest
{
  QDate from; //!< first day (inclusive); null: the start of the record
  QDate to;   //!< last day (inclusive); null: today
  QString language = QStringLiteral( "en" );
  QString templatePath; //!< a restyled .qpt; empty: Pendulum's events atlas template
};

/**
 * The events atlas: QGIS's atlas (QgsLayoutAtlas) over the events layer,
 * filtered to a date range and sorted by date, one page per event with the
 * map on that day (the map item's data-defined temporal range follows the
 * atlas feature's `date`), the event's name, date, place and description,
 * what changed (the features the event begins and ends) and its full
 * citations. A reader pages through the whole story as a booklet.
 */
class PendulumEventsAtlas
{
public:
  /**
   * \a project must hold the record's layers (PendulumProjectLoader);
   * \a bibliography must outlive the atlas.
   */
  PendulumEventsAtlas( QgsProject *project, const PendulumBibliography &bibliography,
                       const PendulumAtlasRequest &request );
  ~PendulumEventsAtlas();

  //! Builds the layout and the atlas. Returns false with \a error set.
  bool prepare( QString *error );

  //! The atlas layout (after prepare()).
  QgsPrintLayout *layout() const { return mLayout.get(); }

  //! The number of pages: the events in the range.
  int pageCount() const;

  //! Writes the booklet to \a path (one PDF); reports per-page progress to \a feedback.
  bool exportToPdf( const QString &path, int dpi, QgsFeedback *feedback, QString *error );

private:
  //! Fills the texts, legend and map of the page for \a event.
  void preparePage( const QgsFeature &event );
  //! Indexes, per event id, the features it begins and ends.
  void indexChanges();
  QString localized( const QgsFeature &feature, const QString &field ) const;

  QgsProject *mProject = nullptr;
  const PendulumBibliography &mBibliography;
  PendulumAtlasRequest mRequest;
  std::unique_ptr<QgsPrintLayout> mLayout;
  QgsVectorLayer *mEvents = nullptr;
  QHash<QString, QStringList> mBegins; //!< event id → "layer: feature" lines
  QHash<QString, QStringList> mEnds;
};

#endif // PENDULUMEVENTSATLAS_H
