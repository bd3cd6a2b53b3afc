#ifndef PENDULUMTESTCLI_H
#define PENDULUMTESTCLI_H

#include <QProcess>
#include <QString>
#include <QStringList>

//! Runs the built `pendulum` binary as a user would, for the command-line tests.
namespace PendulumTestCli
{
struct Result
{
  int code = -1; //!< exit code; -1 if it crashed or timed out
  QString out;
  QString err;
};

/**
 * The system environment with HOME in \a home and the test record as the
 * default data (PENDULUM_DATA).
 */
inline QProcessEnvironment environment( const QString &home )
{
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert( QStringLiteral( "HOME" ), home );
  environment.insert( QStringLiteral( "PENDULUM_DATA" ), QStringLiteral( PENDULUM_TEST_RECORD ) );
  return environment;
}

/**
 * Runs `pendulum` with \a arguments in \a environment and waits for it, in
 * \a workingDirectory if given (relative output paths land there).
 */
inline Result run( const QStringList &arguments, const QProcessEnvironment &environment,
                   const QString &workingDirectory = QString() )
{
  QProcess process;
  process.setProcessEnvironment( environment );
  if ( !workingDirectory.isEmpty() )
    process.setWorkingDirectory( workingDirectory );
  process.start( QStringLiteral( PENDULUM_CLI ), arguments );
  process.waitForFinished( 240000 );
  Result result;
  result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  result.out = QString::fromUtf8( process.readAllStandardOutput() );
  result.err = QString::fromUtf8( process.readAllStandardError() );
  return result;
}
/**
 * What is wrong with \a result as a usage error whose one line begins with
 * \a message (exit 2); empty if nothing.
 */
inline QString usageErrorProblem( const Result &result, const QString &message )
{
  if ( result.code != 2 )
    return QStringLiteral( "exit %1, not 2: %2" ).arg( result.code ).arg( result.err );
  if ( !result.err.startsWith( message ) )
    return QStringLiteral( "the message is not '%1…': %2" ).arg( message, result.err );
  if ( result.err.count( QLatin1Char( '\n' ) ) != 1 )
    return QStringLiteral( "not one line: %1" ).arg( result.err );
  return QString();
}
} // namespace PendulumTestCli

#endif // PENDULUMTESTCLI_H
