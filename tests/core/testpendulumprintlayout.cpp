#include "pendulumbibliography.h"
#include "pendulumlayoutexporter.h"
#include "pendulummapcontent.h"
#include "pendulumprintjob.h"
#include "pendulumprintlayout.h"
#include "pendulumprinttask.h"
#include "pendulumprojectloader.h"
#include "pendulumregion.h"
#include "pendulumsourcelist.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QSignalSpy>

#include "qgslayoutitemlegend.h"
#include "qgslayoutitemmap.h"
#include "qgsprintlayout.h"
#include "qgsproject.h"

/**
 * Print maps as an author gets them: real PDF, SVG and PNG files of the real
 * record, read back with poppler-utils (pdftotext, pdfinfo) and Qt, checking
 * what a reader sees: the date, the legend entries, the map's labels and the
 * source list — and that what the map does not show that day is not there.
 */
class TestPendulumPrintLayout : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void init();
  void pdfHasTheDateLegendAndSources();
  void legendFollowsTheDay();
  void sourceListHoldsOnlyWhatIsShown();
  void svgKeepsVectorsAndText();
  void pngHasTheSizeAndResolution();
  void extentAndPaperAreHonoured();
  void badTemplateIsAClearError();
  void taskExportsInTheBackground();

private:
  //! Exports the map of \a date to \a fileName in the temporary folder; returns the files written.
  QStringList print( const QDate &date, const QString &fileName, int dpi = 150,
                     const PendulumPrintRequest &base = PendulumPrintRequest() );
  //! The text of \a page of \a pdf; only inside \a rect (points) if given.
  static QString pdfText( const QString &pdf, int page, const QRectF &rect = QRectF() );
  static int pdfPages( const QString &pdf );
  //! The legend's area on page 1 in PDF points, as the layout for \a date places it.
  QRectF legendRect( const QDate &date );
  //! The map extent (region CRS) the layout for \a date prints.
  QgsRectangle printedExtent( const QDate &date );

  std::unique_ptr<PendulumDataset> mDataset;
  PendulumBibliography mBibliography;
  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumPrintLayout::initTestCase()
{
  QVERIFY( QStandardPaths::findExecutable( QStringLiteral( "pdftotext" ) ).size() > 0 ); // poppler-utils
  mDataset = PendulumTestRecord::open();
  QVERIFY( mDataset );
  QString error;
  QVERIFY2( mBibliography.fromJson( mDataset->sources(), &error ), qPrintable( error ) );
}

void TestPendulumPrintLayout::init()
{
  mDir = std::make_unique<QTemporaryDir>();
}

QStringList TestPendulumPrintLayout::print( const QDate &date, const QString &fileName, int dpi,
                                            const PendulumPrintRequest &base )
{
  PendulumPrintRequest request = base;
  request.date = date;
  PendulumPrintJob job( mDataset->path(), request, mDir->filePath( fileName ), dpi );
  if ( !job.run() )
    qWarning() << job.error();
  return job.writtenFiles();
}

QString TestPendulumPrintLayout::pdfText( const QString &pdf, int page, const QRectF &rect )
{
  QStringList arguments{ QStringLiteral( "-f" ), QString::number( page ), QStringLiteral( "-l" ),
                         QString::number( page ) };
  if ( rect.isValid() )
    arguments << QStringLiteral( "-x" ) << QString::number( qFloor( rect.x() ) ) << QStringLiteral( "-y" )
              << QString::number( qFloor( rect.y() ) ) << QStringLiteral( "-W" )
              << QString::number( qCeil( rect.width() ) ) << QStringLiteral( "-H" )
              << QString::number( qCeil( rect.height() ) );
  arguments << pdf << QStringLiteral( "-" );
  QProcess process;
  process.start( QStringLiteral( "pdftotext" ), arguments );
  process.waitForFinished( 60000 );
  // Words broken over lines come back whole once line breaks are spaces; NFKC
  // undoes the ligatures (ﬁ) and CJK radicals (⽉) poppler extracts from the fonts.
  return QString::fromUtf8( process.readAllStandardOutput() )
      .normalized( QString::NormalizationForm_KC )
      .simplified();
}

int TestPendulumPrintLayout::pdfPages( const QString &pdf )
{
  QProcess process;
  process.start( QStringLiteral( "pdfinfo" ), { pdf } );
  process.waitForFinished( 60000 );
  const QString info = QString::fromUtf8( process.readAllStandardOutput() );
  const QRegularExpressionMatch match =
      QRegularExpression( QStringLiteral( "Pages:\\s+(\\d+)" ) ).match( info );
  return match.hasMatch() ? match.captured( 1 ).toInt() : -1;
}

QRectF TestPendulumPrintLayout::legendRect( const QDate &date )
{
  QgsProject project;
  QString error;
  PendulumProjectLoader::load( &project, *mDataset, QStringLiteral( "en" ), &error );
  PendulumPrintRequest request;
  request.date = date;
  std::unique_ptr<QgsPrintLayout> layout =
      PendulumPrintLayout::create( &project, mBibliography, request, &error );
  const QRectF mm = layout->itemById( QStringLiteral( "legend" ) )->sceneBoundingRect();
  const double pt = 72.0 / 25.4;
  return QRectF( mm.x() * pt, mm.y() * pt, mm.width() * pt, mm.height() * pt );
}

QgsRectangle TestPendulumPrintLayout::printedExtent( const QDate &date )
{
  QgsProject project;
  QString error;
  PendulumProjectLoader::load( &project, *mDataset, QStringLiteral( "en" ), &error );
  PendulumPrintRequest request;
  request.date = date;
  std::unique_ptr<QgsPrintLayout> layout =
      PendulumPrintLayout::create( &project, mBibliography, request, &error );
  return qobject_cast<QgsLayoutItemMap *>( layout->itemById( QStringLiteral( "map" ) ) )->extent();
}

void TestPendulumPrintLayout::pdfHasTheDateLegendAndSources()
{
  const QStringList files = print( QDate( 1910, 1, 1 ), QStringLiteral( "map 1910.pdf" ) );
  QCOMPARE( files, QStringList{ mDir->filePath( QStringLiteral( "map 1910.pdf" ) ) } );
  const QString pdf = files.first();
  QVERIFY( pdfPages( pdf ) >= 2 ); // the map, then the full references on as many pages as they need

  const QString page1 = pdfText( pdf, 1 );
  QVERIFY2( page1.contains( QLatin1String( "North-East Asia on 1 January 1910" ) ),
            qPrintable( page1.left( 300 ) ) );
  QVERIFY( page1.contains( QLatin1String( "Meiji 43" ) ) );              // the Japanese era year
  QVERIFY( page1.contains( QLatin1String( "19 December 1909 O.S." ) ) ); // Russia's Julian date
  QVERIFY( page1.contains( QLatin1String( "Karafuto" ) ) );              // a map label, as real text
  QVERIFY( page1.contains( QLatin1String( "Natural Earth" ) ) );         // data credits
  QVERIFY( page1.contains( QLatin1String( "Pendulum" ) ) );
  QVERIFY( page1.contains( QLatin1String( "[1]" ) ) ); // the numbered sources

  const QString legend = pdfText( pdf, 1, legendRect( QDate( 1910, 1, 1 ) ) );
  QVERIFY2( legend.contains( QLatin1String( "The Portsmouth settlement 1905" ) ), qPrintable( legend ) );
  QVERIFY( legend.contains( QLatin1String( "Russo-Japanese spheres 1907" ) ) );
  QVERIFY( legend.contains( QLatin1String( "Russian Empire" ) ) );
  QVERIFY( legend.contains( QLatin1String( "Korea" ) ) );
  QVERIFY2( !legend.contains( QLatin1String( "Manchukuo" ) ), qPrintable( legend ) ); // 1932–1945
  QVERIFY( !legend.contains( QLatin1String( "Soviet Union" ) ) );                     // from 1917
  QVERIFY( !legend.contains( QLatin1String( "Russian Federation" ) ) );
  QVERIFY( !legend.contains( QLatin1String( "Japanese occupation in Siberia" ) ) ); // 1918–1925

  const QString page2 = pdfText( pdf, 2 );
  QVERIFY( page2.startsWith( QLatin1String( "Sources" ) ) );
  // The record's second edition lists enough works in 1910 to run onto a third page.
  QVERIFY2( page2.contains( QLatin1String( "Treaty of Portsmouth" ) ), qPrintable( page2.left( 500 ) ) );
  QVERIFY( page2.contains( QLatin1String( "Stephan" ) ) );
}

void TestPendulumPrintLayout::legendFollowsTheDay()
{
  // The positive control for the test above: in 1935 Manchukuo is on the map and in the legend.
  const QStringList files = print( QDate( 1935, 1, 1 ), QStringLiteral( "map1935.pdf" ) );
  QVERIFY( !files.isEmpty() );
  const QString legend = pdfText( files.first(), 1, legendRect( QDate( 1935, 1, 1 ) ) );
  QVERIFY2( legend.contains( QLatin1String( "Manchukuo" ) ), qPrintable( legend ) );
  QVERIFY( legend.contains( QLatin1String( "Soviet Union" ) ) );
  QVERIFY( !legend.contains( QLatin1String( "Russo-Japanese spheres" ) ) ); // ended 1917
  QVERIFY( pdfText( files.first(), 1 )
               .contains( QStringLiteral( "Shōwa 10" ).normalized( QString::NormalizationForm_KC ) ) );
  QVERIFY(
      !pdfText( files.first(), 1 ).contains( QLatin1String( "O.S." ) ) ); // Russia is Gregorian since 1918
}

void TestPendulumPrintLayout::sourceListHoldsOnlyWhatIsShown()
{
  // Works cited only by features that are not on the 1910 map must not be listed.
  QString error;
  const QList<QgsVectorLayer *> layers = mDataset->createLayers( QStringLiteral( "en" ), &error );
  PendulumSourceList shown( mBibliography );
  for ( const QgsFeature &feature : PendulumMapContent::features(
            layers, QDate( 1910, 1, 1 ), printedExtent( QDate( 1910, 1, 1 ) ), PendulumRegion::mapCrs() ) )
    shown.add( feature );
  PendulumSourceList manchukuo( mBibliography );
  QgsFeatureIterator it = PendulumTestRecord::find( layers, QStringLiteral( "manchukuo" ) )->getFeatures();
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
    manchukuo.add( feature );
  qDeleteAll( layers );

  QStringList notShown;
  for ( const QString &id : manchukuo.ids() )
  {
    if ( !shown.ids().contains( id ) )
      notShown << id;
  }
  QVERIFY( !notShown.isEmpty() );

  const QStringList files = print( QDate( 1910, 1, 1 ), QStringLiteral( "sources.pdf" ) );
  QString page2; // the references, on as many pages as they need
  for ( int page = 2; page <= pdfPages( files.value( 0 ) ); ++page )
    page2 += pdfText( files.value( 0 ), page );
  for ( const QString &id : shown.ids() )
    QVERIFY2( page2.contains( mBibliography.reference( id ).simplified().left( 40 ) ), qPrintable( id ) );
  for ( const QString &id : notShown )
    QVERIFY2( !page2.contains( mBibliography.reference( id ).simplified().left( 40 ) ), qPrintable( id ) );
  // Numbered once each: as many entries as works.
  QVERIFY( page2.contains( QStringLiteral( "[%1]" ).arg( shown.ids().size() ) ) );
  QVERIFY( !page2.contains( QStringLiteral( "[%1]" ).arg( shown.ids().size() + 1 ) ) );
}

void TestPendulumPrintLayout::svgKeepsVectorsAndText()
{
  const QStringList files = print( QDate( 1910, 1, 1 ), QStringLiteral( "map.svg" ) );
  QVERIFY( files.size() >= 2 ); // QGIS writes one SVG a page: map.svg, map_2.svg and on
  QFile svg( files.first() );
  QVERIFY( svg.open( QIODevice::ReadOnly ) );
  const QByteArray content = svg.readAll();
  QVERIFY( content.count( "<path" ) > 100 ); // borders and coasts as vector paths, not an embedded raster
  QVERIFY( content.contains( "<text" ) );
  QVERIFY( content.contains( "Karafuto" ) );
  QVERIFY( content.contains( "1 January 1910" ) );
  QVERIFY( QFileInfo( mDir->filePath( QStringLiteral( "map_2.svg" ) ) ).isFile() );
}

void TestPendulumPrintLayout::pngHasTheSizeAndResolution()
{
  const QStringList files = print( QDate( 1910, 1, 1 ), QStringLiteral( "map.png" ), 100 );
  QVERIFY( files.size() >= 2 ); // the map, then the references
  const QImage image( files.first() );
  // A4 landscape, 297 x 210 mm, at 100 dpi (QGIS rounds the page down to whole pixels).
  QVERIFY( std::abs( image.width() - 297 / 25.4 * 100 ) <= 1 );
  QVERIFY( std::abs( image.height() - 210 / 25.4 * 100 ) <= 1 );
  QCOMPARE( qRound( image.dotsPerMeterX() * 0.0254 ), 100 );
  // The map is drawn: Japan's orange-tinted land somewhere near the middle of the frame, not a blank page.
  int coloured = 0;
  for ( int y = image.height() / 4; y < image.height() * 3 / 4; y += 4 )
    for ( int x = image.width() / 10; x < image.width() * 6 / 10; x += 4 )
      coloured += QColor( image.pixel( x, y ) ).hsvSaturation() > 40 ? 1 : 0;
  QVERIFY2( coloured > 1000, qPrintable( QString::number( coloured ) ) );
  // Nothing but the pages: no staging folder left behind.
  QCOMPARE( QDir( mDir->path() ).entryList( QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot ).size(),
            files.size() );
}

void TestPendulumPrintLayout::extentAndPaperAreHonoured()
{
  PendulumPrintRequest request;
  request.paper = QStringLiteral( "a3" );
  request.orientation = QStringLiteral( "portrait" );
  request.lonLatExtent = QgsRectangle( 138, 42, 150, 52 ); // Sakhalin and the Kurils
  request.title = QStringLiteral( "Sakhalin after Portsmouth" );
  const QStringList files = print( QDate( 1910, 1, 1 ), QStringLiteral( "a3.png" ), 30, request );
  QVERIFY( !files.isEmpty() );
  const QImage image( files.first() );
  QVERIFY( std::abs( image.width() - 297 / 25.4 * 30 ) <= 1 );
  QVERIFY( std::abs( image.height() - 420 / 25.4 * 30 ) <= 1 );

  const QStringList pdf = print( QDate( 1910, 1, 1 ), QStringLiteral( "a3.pdf" ), 150, request );
  const QString text = pdfText( pdf.value( 0 ), 1 );
  QVERIFY( text.contains( QLatin1String( "Sakhalin after Portsmouth" ) ) );
  QVERIFY( text.contains( QLatin1String( "Karafuto" ) ) );
  QVERIFY( !text.contains( QLatin1String( "Kwantung" ) ) ); // outside the requested area
}

void TestPendulumPrintLayout::badTemplateIsAClearError()
{
  QFile broken( mDir->filePath( QStringLiteral( "broken.qpt" ) ) );
  QVERIFY( broken.open( QIODevice::WriteOnly ) );
  broken.write( "<Layout><not closed" );
  broken.close();
  PendulumPrintRequest request;
  request.date = QDate( 1910, 1, 1 );
  request.templatePath = broken.fileName();
  PendulumPrintJob job( mDataset->path(), request, mDir->filePath( QStringLiteral( "out.pdf" ) ), 150 );
  QVERIFY( !job.run() );
  QVERIFY2( job.error().contains( QLatin1String( "not a layout template" ) ), qPrintable( job.error() ) );
  QVERIFY( !QFileInfo::exists( mDir->filePath( QStringLiteral( "out.pdf" ) ) ) );
}

void TestPendulumPrintLayout::taskExportsInTheBackground()
{
  PendulumPrintRequest request;
  request.date = QDate( 1945, 9, 3 );
  auto *task =
      new PendulumPrintTask( mDataset->path(), request, mDir->filePath( QStringLiteral( "task.pdf" ) ), 150 );
  QSignalSpy completed( task, &QgsTask::taskCompleted );
  QSignalSpy progress( task, &QgsTask::progressChanged );
  QgsApplication::taskManager()->addTask( task );
  QVERIFY( completed.wait( 120000 ) );
  QVERIFY( !progress.isEmpty() );
  QCOMPARE( progress.last().at( 0 ).toDouble(), 100.0 );
  QVERIFY( pdfPages( mDir->filePath( QStringLiteral( "task.pdf" ) ) ) >=
           2 ); // the 1945 sources fill more than one page
  QVERIFY( pdfText( mDir->filePath( QStringLiteral( "task.pdf" ) ), 1 )
               .contains( QLatin1String( "3 September 1945" ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumPrintLayout )
#include "testpendulumprintlayout.moc"
