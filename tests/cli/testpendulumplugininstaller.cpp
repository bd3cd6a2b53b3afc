#include "pendulumplugininstaller.h"
#include "pendulumtest.h"

#include <QSettings>

class TestPendulumPluginInstaller : public QObject
{
  Q_OBJECT

private slots:
  void enablesThePluginAndKeepsOtherSettings();
  void refusesAMissingModule();
};

void TestPendulumPluginInstaller::enablesThePluginAndKeepsOtherSettings()
{
  QTemporaryDir profiles;
  const QString ini = PendulumPluginInstaller::settingsFile( profiles.path(), QStringLiteral( "default" ) );
  QVERIFY( QDir().mkpath( QFileInfo( ini ).path() ) );
  {
    // A profile the user already has: their own plugin folder and a setting of theirs.
    QSettings existing( ini, QSettings::IniFormat );
    existing.setValue( QStringLiteral( "plugins/searchPathsForPlugins" ),
                       QStringList{ QStringLiteral( "/opt/my-plugins" ) } );
    existing.setValue( QStringLiteral( "qgis/digitizing/line_width" ), 3 );
  }

  QString error;
  const QString installed = PendulumPluginInstaller::install(
      QStringLiteral( PENDULUM_PLUGIN ), profiles.path(), QStringLiteral( "default" ),
      QStringLiteral( "/data/pendulum.gpkg" ), &error );
  QVERIFY2( !installed.isEmpty(), qPrintable( error ) );
  QVERIFY( QFileInfo( installed ).isFile() );
  QVERIFY( !QFileInfo( installed ).isSymLink() );
  QCOMPARE( QFileInfo( installed ).size(), QFileInfo( QStringLiteral( PENDULUM_PLUGIN ) ).size() );

  // Installing again must not add the search path twice.
  QVERIFY( !PendulumPluginInstaller::install( QStringLiteral( PENDULUM_PLUGIN ), profiles.path(),
                                              QStringLiteral( "default" ),
                                              QStringLiteral( "/data/pendulum.gpkg" ), &error )
                .isEmpty() );

  QSettings settings( ini, QSettings::IniFormat );
  QCOMPARE( settings.value( QStringLiteral( "plugins/searchPathsForPlugins" ) ).toStringList(),
            QStringList( { QStringLiteral( "/opt/my-plugins" ), QFileInfo( installed ).path() } ) );
  QCOMPARE( settings.value( QStringLiteral( "Plugins/libpendulumplugin" ) ).toBool(), true );
  QCOMPARE( settings.value( QStringLiteral( "pendulum/dataPath" ) ).toString(),
            QStringLiteral( "/data/pendulum.gpkg" ) );
  QCOMPARE( settings.value( QStringLiteral( "qgis/digitizing/line_width" ) ).toInt(), 3 );
}

void TestPendulumPluginInstaller::refusesAMissingModule()
{
  QTemporaryDir profiles;
  QString error;
  QVERIFY( PendulumPluginInstaller::install( profiles.filePath( QStringLiteral( "nothing.so" ) ),
                                             profiles.path(), QStringLiteral( "default" ),
                                             QStringLiteral( "x.gpkg" ), &error )
               .isEmpty() );
  QVERIFY2( error.contains( QLatin1String( "build it first" ) ), qPrintable( error ) );
  QVERIFY( !QFileInfo::exists(
      PendulumPluginInstaller::settingsFile( profiles.path(), QStringLiteral( "default" ) ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumPluginInstaller )
#include "testpendulumplugininstaller.moc"
