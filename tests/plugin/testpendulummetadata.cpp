#include "pendulumtest.h"

#include <QLibrary>

/**
 * metadata.txt (read by QGIS's plugin manager and the plugin repository) must
 * agree with what the C++ entry points of the built plugin report.
 */
class TestPendulumMetadata : public QObject
{
  Q_OBJECT

private slots:
  void metadataHasEveryRequiredKey();
  void metadataAgreesWithThePlugin();

private:
  QString metadata( const QString &key ) const;
};

QString TestPendulumMetadata::metadata( const QString &key ) const
{
  // Read as QGIS's plugin manager does (Python's configparser): key=value lines under
  // [general]. QSettings would not do: it treats [general] as its own top level and splits
  // values at commas.
  QFile file( QStringLiteral( PENDULUM_SOURCE_DIR "/metadata.txt" ) );
  if ( !file.open( QIODevice::ReadOnly | QIODevice::Text ) )
    return QString();
  QString section;
  for ( const QString &line : QString::fromUtf8( file.readAll() ).split( QLatin1Char( '\n' ) ) )
  {
    const QString trimmed = line.trimmed();
    if ( trimmed.startsWith( QLatin1Char( '[' ) ) )
      section = trimmed.mid( 1, trimmed.size() - 2 );
    else if ( section == QLatin1String( "general" ) &&
              trimmed.section( QLatin1Char( '=' ), 0, 0 ).trimmed() == key )
      return trimmed.section( QLatin1Char( '=' ), 1 ).trimmed();
  }
  return QString();
}

void TestPendulumMetadata::metadataHasEveryRequiredKey()
{
  for ( const char *key : { "name", "qgisMinimumVersion", "description", "about", "version", "author", "tags",
                            "category", "icon", "experimental" } )
    QVERIFY2( !metadata( QLatin1String( key ) ).isEmpty(), key );
  // What is not known is left out, never filled with a placeholder address.
  for ( const char *key : { "email", "repository", "tracker", "homepage" } )
    QVERIFY2( !metadata( QLatin1String( key ) ).contains( QLatin1String( "example." ) ), key );
  QCOMPARE( metadata( QStringLiteral( "qgisMinimumVersion" ) ), QStringLiteral( "3.22" ) );
  QVERIFY(
      QFileInfo::exists( QStringLiteral( PENDULUM_SOURCE_DIR "/" ) + metadata( QStringLiteral( "icon" ) ) ) );
}

void TestPendulumMetadata::metadataAgreesWithThePlugin()
{
  QLibrary plugin( QStringLiteral( PENDULUM_PLUGIN ) );
  QVERIFY2( plugin.load(), qPrintable( plugin.errorString() ) );
  typedef const QString *text_t();
  const auto text = [&]( const char *symbol ) -> QString
  {
    text_t *function = reinterpret_cast<text_t *>( plugin.resolve( symbol ) );
    return function ? *function() : QStringLiteral( "<no %1>" ).arg( QLatin1String( symbol ) );
  };
  QCOMPARE( text( "name" ), metadata( QStringLiteral( "name" ) ) );
  QCOMPARE( text( "version" ), metadata( QStringLiteral( "version" ) ) );
  QCOMPARE( text( "description" ), metadata( QStringLiteral( "description" ) ) );
  QCOMPARE( text( "category" ), metadata( QStringLiteral( "category" ) ) );
  QCOMPARE( text( "experimental" ), metadata( QStringLiteral( "experimental" ) ).toLower() );
  for ( const char *symbol : { "classFactory", "type", "icon", "unload", "create_date", "update_date" } )
    QVERIFY2( plugin.resolve( symbol ), symbol );
  QCOMPARE( QStringLiteral( PENDULUM_VERSION ), metadata( QStringLiteral( "version" ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumMetadata )
#include "testpendulummetadata.moc"
