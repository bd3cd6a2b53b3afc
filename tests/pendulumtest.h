#ifndef PENDULUMTEST_H
#define PENDULUMTEST_H

#include "pendulumpaths.h"

#include <QTemporaryDir>
#include <QtTest>

#include "qgsapplication.h"

/**
 * main() for Pendulum's Qt Test executables: QGIS headless, with HOME and
 * XDG_RUNTIME_DIR in a temporary folder so that a test run writes nothing
 * outside /tmp and the build tree.
 */
#define PENDULUM_TEST_MAIN( TestClass )                                                                      \
  int main( int argc, char **argv )                                                                          \
  {                                                                                                          \
    QTemporaryDir home;                                                                                      \
    qputenv( "HOME", home.path().toLocal8Bit() );                                                            \
    qputenv( "XDG_RUNTIME_DIR", home.path().toLocal8Bit() );                                                 \
    if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )                                                  \
      qputenv( "QT_QPA_PLATFORM", "offscreen" );                                                             \
    QgsApplication app( argc, argv, false, home.path() );                                                    \
    QgsApplication::setPrefixPath( PendulumPaths::qgisPrefix(), true );                                      \
    QgsApplication::initQgis();                                                                              \
    int result = 0;                                                                                          \
    { /* the test object (and its layers) goes before QGIS does */                                           \
      TestClass test;                                                                                        \
      result = QTest::qExec( &test, argc, argv );                                                            \
    }                                                                                                        \
    QgsApplication::exitQgis();                                                                              \
    return result;                                                                                           \
  }

#endif // PENDULUMTEST_H
