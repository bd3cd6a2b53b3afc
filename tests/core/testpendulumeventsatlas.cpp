#include "pendulumbibliography.h"
#include "pendulumeventsatlas.h"
#include "pendulumprojectloader.h"
#include "pendulumtemporal.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <QProcess>

#include "qgslayoutatlas.h"
#include "qgslayoutitemmap.h"
#include "qgslayoutreportcontext.h"
#include "qgsprintlayout.h"
#include "qgsproject.h"

/**
 * The events atlas as a reader pages through it: one PDF page per event of
 * the range, in date order, each with the event's texts, its citations,
 * what changed, and the map on the event's day.
 */
class TestPendulumEventsAtlas : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void init();
  void onePagePerEventInDateOrder();
  void mapFollowsEachEvent();
  void emptyRangeIsAClearError();

private:
  //! Event names and dates between \a from and \a to, read straight from the layer, by date.
  QList<QPair<QDate, QString>> eventsBetween( const QDate &from, const QDate &to ) const;
  static QString pdfText( const QString &pdf, int page );
  static int pdfPages( const QString &pdf );

  std::unique_ptr<PendulumDataset> mDataset;
  PendulumBibliography mBibliography;
  std::unique_ptr<QgsProject> mProject;
  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumEventsAtlas::initTestCase()
{
  mDataset = PendulumTestRecord::open();
  QVERIFY( mDataset );
  QString error;
  QVERIFY( mBibliography.fromJson( mDataset->sources(), &error ) );
}

void TestPendulumEventsAtlas::init()
{
  mDir = std::make_unique<QTemporaryDir>();
  mProject = std::make_unique<QgsProject>();
  QString error;
  QVERIFY2( PendulumProjectLoader::load( mProject.get(), *mDataset, QStringLiteral( "en" ), &error ),
            qPrintable( error ) );
}

QList<QPair<QDate, QString>> TestPendulumEventsAtlas::eventsBetween( const QDate &from,
                                                                     const QDate &to ) const
{
  QString error;
  std::unique_ptr<QgsVectorLayer> events( mDataset->createLayer(
      *mDataset->catalog().layer( QStringLiteral( "events" ) ), QStringLiteral( "en" ), &error ) );
  QList<QPair<QDate, QString>> list;
  QgsFeatureIterator it = events->getFeatures();
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
  {
    const QDate date = feature.attribute( QStringLiteral( "date" ) ).toDate();
    if ( date >= from && date <= to )
      list << qMakePair( date, feature.attribute( QStringLiteral( "name_en" ) ).toString() );
  }
  std::stable_sort( list.begin(), list.end(),
                    []( const auto &a, const auto &b ) { return a.first < b.first; } );
  return list;
}

QString TestPendulumEventsAtlas::pdfText( const QString &pdf, int page )
{
  QProcess process;
  process.start( QStringLiteral( "pdftotext" ),
                 { QStringLiteral( "-f" ), QString::number( page ), QStringLiteral( "-l" ),
                   QString::number( page ), pdf, QStringLiteral( "-" ) } );
  process.waitForFinished( 60000 );
  // NFKC undoes the ligatures (ﬁ) poppler extracts from the fonts.
  return QString::fromUtf8( process.readAllStandardOutput() )
      .normalized( QString::NormalizationForm_KC )
      .simplified();
}

int TestPendulumEventsAtlas::pdfPages( const QString &pdf )
{
  QProcess process;
  process.start( QStringLiteral( "pdfinfo" ), { pdf } );
  process.waitForFinished( 60000 );
  const QRegularExpressionMatch match = QRegularExpression( QStringLiteral( "Pages:\\s+(\\d+)" ) )
                                            .match( QString::fromUtf8( process.readAllStandardOutput() ) );
  return match.hasMatch() ? match.captured( 1 ).toInt() : -1;
}

void TestPendulumEventsAtlas::onePagePerEventInDateOrder()
{
  const QDate from( 1905, 1, 1 );
  const QDate to( 1910, 12, 31 );
  const QList<QPair<QDate, QString>> expected = eventsBetween( from, to );
  QVERIFY( expected.size() >= 5 );

  PendulumAtlasRequest request;
  request.from = from;
  request.to = to;
  PendulumEventsAtlas atlas( mProject.get(), mBibliography, request );
  QString error;
  QVERIFY2( atlas.prepare( &error ), qPrintable( error ) );
  QCOMPARE( atlas.pageCount(), expected.size() );
  const QString pdf = mDir->filePath( QStringLiteral( "atlas.pdf" ) );
  QVERIFY2( atlas.exportToPdf( pdf, 150, nullptr, &error ), qPrintable( error ) );
  QCOMPARE( pdfPages( pdf ), expected.size() );

  for ( int i = 0; i < expected.size(); ++i )
  {
    const QString text = pdfText( pdf, i + 1 );
    QVERIFY2( text.contains( expected.at( i ).second ),
              qPrintable( QStringLiteral( "page %1: %2" ).arg( i + 1 ).arg( expected.at( i ).second ) ) );
    QVERIFY( text.contains( QLatin1String( "Sources" ) ) );
    QVERIFY( text.contains( QLatin1String( "Natural Earth" ) ) );
  }

  // The Portsmouth page: its date in both calendars, its full citations and what it changed.
  int portsmouth = -1;
  for ( int i = 0; i < expected.size(); ++i )
  {
    if ( expected.at( i ).second == QLatin1String( "Treaty of Portsmouth in force" ) )
      portsmouth = i + 1;
  }
  QVERIFY( portsmouth > 0 );
  const QString text = pdfText( pdf, portsmouth );
  QVERIFY2( text.contains( QLatin1String( "15 October 1905" ) ), qPrintable( text ) );
  QVERIFY( text.contains( QLatin1String( "Meiji 38" ) ) );
  QVERIFY( text.contains( QLatin1String( "What changed" ) ) );
  QVERIFY( text.contains( QLatin1String( "Begins: The Portsmouth settlement 1905: Karafuto" ) ) );
  QVERIFY( text.contains( QLatin1String( "Treaty of Portsmouth" ) ) );
}

void TestPendulumEventsAtlas::mapFollowsEachEvent()
{
  PendulumAtlasRequest request;
  request.from = QDate( 1932, 1, 1 );
  request.to = QDate( 1932, 12, 31 );
  PendulumEventsAtlas atlas( mProject.get(), mBibliography, request );
  QString error;
  QVERIFY( atlas.prepare( &error ) );
  QgsLayoutAtlas *layoutAtlas = atlas.layout()->atlas();
  QVERIFY( layoutAtlas->beginRender() );
  QgsLayoutItemMap *map =
      qobject_cast<QgsLayoutItemMap *>( atlas.layout()->itemById( QStringLiteral( "map" ) ) );
  for ( int i = 0; i < layoutAtlas->count(); ++i )
  {
    QVERIFY( layoutAtlas->seekTo( i ) );
    const QDate date =
        layoutAtlas->layout()->reportContext().feature().attribute( QStringLiteral( "date" ) ).toDate();
    // The data-defined temporal range, as the map renders it.
    const QgsMapSettings settings = map->mapSettings( map->extent(), QSizeF( 100, 100 ), 96, false );
    QVERIFY( settings.isTemporal() );
    QCOMPARE( settings.temporalRange().begin(), QDateTime( date, QTime( 0, 0 ) ) );
    QCOMPARE( settings.temporalRange().end(), QDateTime( date.addDays( 1 ), QTime( 0, 0 ) ) );
  }
  layoutAtlas->endRender();
}

void TestPendulumEventsAtlas::emptyRangeIsAClearError()
{
  PendulumAtlasRequest request;
  request.from = QDate( 1856, 1, 1 );
  request.to = QDate( 1856, 1, 2 );
  PendulumEventsAtlas atlas( mProject.get(), mBibliography, request );
  QString error;
  QVERIFY( atlas.prepare( &error ) );
  QCOMPARE( atlas.pageCount(), 0 );
  const QString pdf = mDir->filePath( QStringLiteral( "empty.pdf" ) );
  QVERIFY( !atlas.exportToPdf( pdf, 150, nullptr, &error ) );
  QCOMPARE( error, QStringLiteral( "no events between 1856-01-01 and 1856-01-02" ) );
  QVERIFY( !QFileInfo::exists( pdf ) );
}

PENDULUM_TEST_MAIN( TestPendulumEventsAtlas )
#include "testpendulumeventsatlas.moc"
