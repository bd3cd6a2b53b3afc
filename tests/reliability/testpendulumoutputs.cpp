#include "pendulumhostile.h"
#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>
#include <csignal>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/**
 * Not a byte lost, whatever the output names: a FIFO, a socket or a folder
 * under the output's name is refused (exit 2) and left as it was; no run
 * replaces a file it reads or a file of the record; writing through a
 * symbolic link replaces the file it points to and keeps the link; a full disk
 * is said in words (exit 1) and the good file already there survives.
 */
class TestPendulumOutputs : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void specialFilesAreNotReplaced_data();
  void specialFilesAreNotReplaced();
  void inputsAreNeverOverwritten_data();
  void inputsAreNeverOverwritten();
  void buildWritesOnlyGeoPackages();
  void writesThroughSymbolicLinks();
  void escapeSequencesNeverReachTheTerminal();
  void chronicleEscapesMarkup();
  void fullDiskSaysSoAndKeepsTheOldFile_data();
  void fullDiskSaysSoAndKeepsTheOldFile();
  void geoPackageInUseIsNotReplaced_data();
  void geoPackageInUseIsNotReplaced();
  void lockedGeoPackageIsSaidToBeInUse();
  void readOnlyGeoPackageIsReadQuietly();
  void messagesSayOnlyWhatIsTrue();
  void killedRunsTemporariesAreRemovedByTheNext();

private:
  PendulumTestCli::Result run( const QStringList &arguments ) const;
  //! A copy of the record's layers and styles in mDir ("layers", "styles"), for runs that read them.
  QString copyRecord() const;

  std::unique_ptr<QTemporaryDir> mDir;
  std::unique_ptr<QTemporaryDir> mHome;
};

namespace
{
//! The output arguments of every subcommand that writes a file, less the file.
QList<QPair<QString, QStringList>> writers()
{
  return {
      { QStringLiteral( "map PDF" ), { "map", "--date", "1910-01-01", "--out" } },
      { QStringLiteral( "map --size PNG" ), { "map", "--date", "1910-01-01", "--size", "64x64", "--out" } },
      { QStringLiteral( "atlas" ), { "atlas", "--from", "1905-01-01", "--to", "1905-12-31", "--out" } },
      { QStringLiteral( "animate GIF" ),
        { "animate", "--from", "1905-01-01", "--to", "1905-03-01", "--out" } },
      { QStringLiteral( "build" ), { "build", "--out" } },
      { QStringLiteral( "chronicle" ), { "chronicle", "--out" } },
  };
}

QString suffixFor( const QString &subcommand, const QStringList &arguments )
{
  if ( subcommand == QLatin1String( "build" ) )
    return QStringLiteral( "gpkg" );
  if ( subcommand == QLatin1String( "chronicle" ) )
    return QStringLiteral( "md" );
  if ( subcommand == QLatin1String( "animate" ) )
    return QStringLiteral( "gif" );
  return arguments.contains( QStringLiteral( "--size" ) ) ? QStringLiteral( "png" ) : QStringLiteral( "pdf" );
}

//! A listening UNIX socket at \a path (the descriptor; -1 on failure).
int makeSocket( const QString &path )
{
  const int fd = ::socket( AF_UNIX, SOCK_STREAM, 0 );
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const QByteArray name = QFile::encodeName( path );
  if ( fd < 0 || name.size() >= int( sizeof( address.sun_path ) ) )
    return -1;
  std::copy( name.constBegin(), name.constEnd(), address.sun_path );
  if ( ::bind( fd, reinterpret_cast<sockaddr *>( &address ), sizeof( address ) ) != 0 )
  {
    ::close( fd );
    return -1;
  }
  return fd;
}
/**
 * Another program with an SQLite connection to a file, running \a sql (e.g.
 * "BEGIN IMMEDIATE"), until destroyed. The test process is that other program:
 * `pendulum` runs as a child. Nothing in the test may open and close the file
 * meanwhile: closing any descriptor of it drops this process's POSIX locks.
 */
class SqliteHolder
{
public:
  SqliteHolder( const QString &path, const char *sql )
  {
    if ( sqlite3_open( QFile::encodeName( path ).constData(), &mDb ) == SQLITE_OK )
      mOk = sqlite3_exec( mDb, sql, nullptr, nullptr, nullptr ) == SQLITE_OK;
  }
  ~SqliteHolder()
  {
    sqlite3_exec( mDb, "ROLLBACK", nullptr, nullptr, nullptr );
    sqlite3_close( mDb );
  }
  SqliteHolder( const SqliteHolder & ) = delete;
  SqliteHolder &operator=( const SqliteHolder & ) = delete;
  bool ok() const { return mOk; }

private:
  sqlite3 *mDb = nullptr;
  bool mOk = false;
};
} // namespace

void TestPendulumOutputs::init()
{
  mDir = std::make_unique<QTemporaryDir>();
  mHome = std::make_unique<QTemporaryDir>();
}

PendulumTestCli::Result TestPendulumOutputs::run( const QStringList &arguments ) const
{
  return PendulumTestCli::run( arguments, PendulumTestCli::environment( mHome->path() ), mDir->path() );
}

QString TestPendulumOutputs::copyRecord() const
{
  for ( const QString &folder : { QStringLiteral( "layers" ), QStringLiteral( "styles" ) } )
  {
    const QString from = QStringLiteral( PENDULUM_SOURCE_DIR "/" ) + folder;
    QDirIterator it( from, QDir::Files, QDirIterator::Subdirectories );
    while ( it.hasNext() )
    {
      const QString file = it.next();
      const QString to = QDir( mDir->filePath( folder ) ).filePath( QDir( from ).relativeFilePath( file ) );
      QDir().mkpath( QFileInfo( to ).absolutePath() );
      if ( !QFile::copy( file, to ) )
        return QString();
    }
  }
  return mDir->filePath( QStringLiteral( "layers" ) );
}

void TestPendulumOutputs::specialFilesAreNotReplaced_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "kind" );
  for ( const auto &writer : writers() )
  {
    for ( const QString &kind :
          { QStringLiteral( "FIFO" ), QStringLiteral( "socket" ), QStringLiteral( "folder" ) } )
      QTest::newRow( qPrintable( writer.first + " over a " + kind ) ) << writer.second << kind;
  }
}

void TestPendulumOutputs::specialFilesAreNotReplaced()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, kind );
  const QString out = mDir->filePath( QStringLiteral( "out." ) + suffixFor( arguments.first(), arguments ) );
  int socket = -1;
  if ( kind == QLatin1String( "FIFO" ) )
    QCOMPARE( ::mkfifo( QFile::encodeName( out ).constData(), 0600 ), 0 );
  else if ( kind == QLatin1String( "socket" ) )
    QVERIFY( ( socket = makeSocket( out ) ) >= 0 );
  else
    QVERIFY( QDir().mkdir( out ) );
  const QStringList before = PendulumHostile::entries( mDir->path() );

  const PendulumTestCli::Result result = run( QStringList( arguments ) << out );
  if ( socket >= 0 )
    ::close( socket );
  QCOMPARE( result.code, 2 );
  QVERIFY2( result.err.contains( QStringLiteral( "is a %1" ).arg( kind ) ), qPrintable( result.err ) );
  QCOMPARE( PendulumHostile::lines( result.err ).size(), 1 );
  QCOMPARE( PendulumHostile::entries( mDir->path() ), before );
  struct stat info;
  QCOMPARE( ::lstat( QFile::encodeName( out ).constData(), &info ), 0 );
  if ( kind == QLatin1String( "FIFO" ) )
    QVERIFY( S_ISFIFO( info.st_mode ) );
  else if ( kind == QLatin1String( "socket" ) )
    QVERIFY( S_ISSOCK( info.st_mode ) );
  else
    QVERIFY( S_ISDIR( info.st_mode ) );
}

void TestPendulumOutputs::inputsAreNeverOverwritten_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "victim" ); //!< relative to mDir
  QTest::newRow( "chronicle over the bibliography" )
      << QStringList{ "chronicle", "--layers", "layers", "--out", "layers/sources.json" }
      << "layers/sources.json";
  QTest::newRow( "chronicle over a layer" )
      << QStringList{ "chronicle", "--layers", "layers", "--out", "layers/states.geojson" }
      << "layers/states.geojson";
  QTest::newRow( "build into the record's folder" )
      << QStringList{ "build", "--layers", "layers", "--out", "layers/record.gpkg" } << "layers/record.gpkg";
  QTest::newRow( "build over a style" )
      << QStringList{ "build", "--layers", "layers", "--out", "styles/states.gpkg" } << "styles/states.gpkg";
  QTest::newRow( "map over its own data" )
      << QStringList{ "map",    "--date",   "1910-01-01", "--size",  "64x64",
                      "--data", "data.png", "--out",      "data.png" }
      << "data.png";
}

void TestPendulumOutputs::inputsAreNeverOverwritten()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, victim );
  QVERIFY( !copyRecord().isEmpty() );
  const QString path = mDir->filePath( victim );
  if ( !QFileInfo::exists( path ) )
    QVERIFY( PendulumHostile::write( path, "what the user had" ) );
  const QByteArray previous = PendulumHostile::sha256( path );
  const QStringList before = PendulumHostile::entries( QFileInfo( path ).absolutePath() );

  const PendulumTestCli::Result result = run( arguments );
  QCOMPARE( result.code, 2 );
  QCOMPARE( PendulumHostile::lines( result.err ).size(), 1 );
  QVERIFY2( result.err.contains( QLatin1String( "never overwritten" ) ) ||
                result.err.contains( QLatin1String( "a folder this run reads" ) ),
            qPrintable( result.err ) );
  QCOMPARE( PendulumHostile::sha256( path ), previous );
  QCOMPARE( PendulumHostile::entries( QFileInfo( path ).absolutePath() ), before );
}

void TestPendulumOutputs::buildWritesOnlyGeoPackages()
{
  const PendulumTestCli::Result result = run( { "build", "--out", "record.geojson" } );
  QCOMPARE( result.code, 2 );
  QCOMPARE( result.err,
            QStringLiteral(
                "pendulum build: --out: record.geojson is not a .gpkg file (build writes a GeoPackage)\n" ) );
  QVERIFY( !QFileInfo::exists( mDir->filePath( QStringLiteral( "record.geojson" ) ) ) );
}

void TestPendulumOutputs::writesThroughSymbolicLinks()
{
  // As cp does: the file the link points to gets the new content; the link stays a link.
  QDir( mDir->path() ).mkdir( QStringLiteral( "real" ) );
  const QString target = mDir->filePath( QStringLiteral( "real/chronology.md" ) );
  QVERIFY( PendulumHostile::write( target, "old" ) );
  const QString link = mDir->filePath( QStringLiteral( "link.md" ) );
  QVERIFY( QFile::link( target, link ) );
  const PendulumTestCli::Result result = run( { "chronicle", "--out", link } );
  QCOMPARE( result.code, 0 );
  QVERIFY( QFileInfo( link ).isSymLink() );
  QCOMPARE( QFileInfo( link ).symLinkTarget(), target );
  QFile written( target );
  QVERIFY( written.open( QIODevice::ReadOnly ) );
  QVERIFY( written.readAll().startsWith( "# " ) );
  QCOMPARE( PendulumHostile::entries( mDir->filePath( QStringLiteral( "real" ) ) ),
            QStringList{ QStringLiteral( "chronology.md" ) } );
}

void TestPendulumOutputs::escapeSequencesNeverReachTheTerminal()
{
  // An argument that would turn the terminal red and then reorder the line.
  const QString hostile = QStringLiteral( "\x1b[31m1910\u202e-01-01" );
  const PendulumTestCli::Result result = run( { "map", "--date", hostile, "--out", "m.pdf" } );
  QCOMPARE( result.code, 2 );
  QVERIFY2( !result.err.contains( QChar( 0x1b ) ) && !result.err.contains( QChar( 0x202e ) ),
            qPrintable( result.err ) );
  QVERIFY2( result.err.contains( QLatin1String( "\\x1b[31m1910\\u202e-01-01" ) ), qPrintable( result.err ) );
  QCOMPARE( PendulumHostile::lines( result.err ).size(), 1 );
}

void TestPendulumOutputs::chronicleEscapesMarkup()
{
  // Markdown passes raw HTML through: record text must reach it as text.
  const QString layers = mDir->filePath( QStringLiteral( "mini" ) );
  QVERIFY( QDir().mkdir( layers ) );
  QCOMPARE( PendulumHostile::copyMini( layers, QStringLiteral( "events.geojson" ),
                                       "\"description_en\": \"Test.\"",
                                       "\"description_en\": \"<script>alert(1)</script> & <b>bold</b>\"" ),
            QString() );
  const PendulumTestCli::Result result = run( { "chronicle", "--layers", layers } );
  QCOMPARE( result.code, 0 );
  QVERIFY2( !result.out.contains( QLatin1String( "<script>" ) ) &&
                !result.out.contains( QLatin1String( "<b>" ) ),
            qPrintable( result.out ) );
  QVERIFY2( result.out.contains(
                QLatin1String( "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" ) ),
            qPrintable( result.out ) );
}

void TestPendulumOutputs::fullDiskSaysSoAndKeepsTheOldFile_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "file" );
  QTest::newRow( "map PDF" ) << QStringList{ "map", "--date", "1910-01-01", "--out" } << "m.pdf";
  QTest::newRow( "map SVG" ) << QStringList{ "map", "--date", "1910-01-01", "--out" } << "m.svg";
  QTest::newRow( "map --size PNG" ) << QStringList{ "map",    "--date",    "1910-01-01",
                                                    "--size", "1600x1200", "--out" }
                                    << "m.png";
  QTest::newRow( "atlas" ) << QStringList{ "atlas", "--from", "1905-01-01", "--to", "1905-12-31", "--out" }
                           << "a.pdf";
  QTest::newRow( "chronicle" ) << QStringList{ "chronicle", "--out" } << "c.md";
}

void TestPendulumOutputs::fullDiskSaysSoAndKeepsTheOldFile()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, file );
  // A small file system of its own: a tmpfs needs root (CI and the developers' machines run as root).
  const QString disk = mDir->filePath( QStringLiteral( "disk" ) );
  QVERIFY( QDir().mkdir( disk ) );
  if ( ::geteuid() != 0 ||
       ::mount( "tmpfs", QFile::encodeName( disk ).constData(), "tmpfs", 0, "size=96k" ) != 0 )
    QSKIP( "cannot mount a small tmpfs here (needs root): the full-disk case is not checked in this run" );
  const QString out = QDir( disk ).filePath( file );
  QVERIFY( PendulumHostile::write( out, "the good file from before" ) );
  const QByteArray previous = PendulumHostile::sha256( out );

  const PendulumTestCli::Result result = run( QStringList( arguments ) << out );
  const QStringList left = PendulumHostile::entries( disk );
  const QByteArray after = PendulumHostile::sha256( out );
  ::umount( QFile::encodeName( disk ).constData() );
  QCOMPARE( result.code, 1 );
  QVERIFY2( result.err.contains( QLatin1String( "disk full" ) ), qPrintable( result.err ) );
  QCOMPARE( after, previous );
  QCOMPARE( left, QStringList{ file } );
}

void TestPendulumOutputs::geoPackageInUseIsNotReplaced_data()
{
  QTest::addColumn<QString>( "sql" );    //!< what the other program does; empty: none runs
  QTest::addColumn<QString>( "beside" ); //!< a file left beside the GeoPackage
  QTest::addColumn<QString>( "why" );
  QTest::newRow( "writing (journal and lock)" )
      << "BEGIN; CREATE TABLE other_program(a);" << QString() << "r.gpkg-journal is beside it";
  QTest::newRow( "write lock, no journal yet" )
      << "BEGIN IMMEDIATE;" << QString() << "another program is writing to it";
  QTest::newRow( "a journal left by a program that stopped" ) << QString() << "r.gpkg-journal"
                                                              << "r.gpkg-journal is beside it";
  QTest::newRow( "a write-ahead log" ) << QString() << "r.gpkg-wal"
                                       << "r.gpkg-wal is beside it";
}

void TestPendulumOutputs::geoPackageInUseIsNotReplaced()
{
  QFETCH( QString, sql );
  QFETCH( QString, beside );
  QFETCH( QString, why );
  // Replacing it would leave the other program's journal beside the new file, to be rolled
  // into it at the next open: "database disk image is malformed".
  const QString gpkg = mDir->filePath( QStringLiteral( "r.gpkg" ) );
  QVERIFY( QFile::copy( QStringLiteral( PENDULUM_TEST_RECORD ), gpkg ) );
  if ( !beside.isEmpty() )
    QVERIFY( PendulumHostile::write( mDir->filePath( beside ), QByteArray( 512, '\0' ) ) );
  const QByteArray previous = PendulumHostile::sha256( gpkg );
  const QStringList before = PendulumHostile::entries( mDir->path() );

  PendulumTestCli::Result result;
  QStringList during;
  {
    std::unique_ptr<SqliteHolder> other;
    if ( !sql.isEmpty() )
    {
      other = std::make_unique<SqliteHolder>( gpkg, sql.toUtf8().constData() );
      QVERIFY( other->ok() );
      during = PendulumHostile::entries( mDir->path() );
    }
    result = run( { "build", "--out", "r.gpkg" } );
    if ( !sql.isEmpty() )
      QCOMPARE( PendulumHostile::entries( mDir->path() ), during );
  }
  QCOMPARE( result.code, 1 );
  QVERIFY2( result.err.startsWith(
                QStringLiteral( "r.gpkg: in use by another program (%1)" )
                    .arg( why.startsWith( QLatin1String( "r.gpkg" ) ) ? mDir->filePath( why ) : why ) ),
            qPrintable( result.err ) );
  QCOMPARE( PendulumHostile::sha256( gpkg ), previous );
  QCOMPARE( PendulumHostile::entries( mDir->path() ), before );
}

void TestPendulumOutputs::lockedGeoPackageIsSaidToBeInUse()
{
  const QString gpkg = mDir->filePath( QStringLiteral( "r.gpkg" ) );
  QVERIFY( QFile::copy( QStringLiteral( PENDULUM_TEST_RECORD ), gpkg ) );
  PendulumTestCli::Result result;
  {
    // Another program in the middle of writing it: SQLite refuses readers ("database is locked").
    const SqliteHolder other( gpkg, "BEGIN EXCLUSIVE;" );
    QVERIFY( other.ok() );
    result = run( { "query", "--data", gpkg, "--lon", "142.7", "--lat", "46.9" } );
  }
  QCOMPARE( result.code, 1 );
  QVERIFY2( result.err.startsWith(
                QStringLiteral( "pendulum query: %1: in use by another program (" ).arg( gpkg ) ),
            qPrintable( result.err ) );
  QVERIFY2( !result.err.contains( QLatin1String( "not a GeoPackage" ) ), qPrintable( result.err ) );
  QCOMPARE( PendulumHostile::lines( result.err ).size(), 1 );
  // Once it is done, the same file reads.
  QCOMPARE( run( { "query", "--data", gpkg, "--lon", "142.7", "--lat", "46.9" } ).code, 0 );
}

void TestPendulumOutputs::readOnlyGeoPackageIsReadQuietly()
{
  // A GeoPackage this user may read but not write (a colleague's, a read-only share). Root
  // writes any file: as root, `pendulum` runs as "nobody".
  const QString gpkg = mDir->filePath( QStringLiteral( "r.gpkg" ) );
  QVERIFY( QFile::copy( QStringLiteral( PENDULUM_TEST_RECORD ), gpkg ) );
  QVERIFY( QFile::setPermissions( gpkg, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ReadOther ) );
  const QFileDevice::Permissions open =
      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
      QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
  QVERIFY( QFile::setPermissions( mDir->path(), open ) );
  QVERIFY( QFile::setPermissions( mHome->path(), open | QFileDevice::WriteGroup | QFileDevice::WriteOther ) );
  const QStringList arguments{ "query", "--data", gpkg,     "--lon",     "142.7",
                               "--lat", "46.9",   "--date", "1910-01-01" };
  PendulumTestCli::Result result;
  if ( ::geteuid() == 0 )
  {
    const QString setpriv = QStandardPaths::findExecutable( QStringLiteral( "setpriv" ) );
    if ( setpriv.isEmpty() )
      QSKIP( "no setpriv to run as another user than root" );
    QProcess process;
    process.setProcessEnvironment( PendulumTestCli::environment( mHome->path() ) );
    process.start( setpriv,
                   QStringList{ "--reuid=nobody", "--regid=nogroup", "--clear-groups", PENDULUM_CLI } +
                       arguments );
    process.waitForFinished( 240000 );
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8( process.readAllStandardOutput() );
    result.err = QString::fromUtf8( process.readAllStandardError() );
  }
  else
  {
    result = run( arguments );
  }
  QCOMPARE( result.code, 0 );
  QVERIFY2( result.out.contains( QLatin1String( "Karafuto" ) ), qPrintable( result.out ) );
  QVERIFY2( !result.err.contains( QLatin1String( "Permission denied" ) ), qPrintable( result.err ) );
}

void TestPendulumOutputs::messagesSayOnlyWhatIsTrue()
{
  // A layout PNG: QGIS's attempt to georeference it through GDAL used to print
  // "ERROR 6: The PNG driver does not support update access" on a good export.
  PendulumTestCli::Result result = run( { "map", "--date", "1910-01-01", "--dpi", "24", "--out", "m.png" } );
  QCOMPARE( result.code, 0 );
  QVERIFY2( !result.err.contains( QLatin1String( "ERROR" ) ), qPrintable( result.err ) );
  QVERIFY( QFileInfo::exists( mDir->filePath( QStringLiteral( "m.png" ) ) ) );

  // A styles folder that is not there: one line, not one per layer of the catalog.
  result = run( { "build", "--styles", "/nonexistent/styles", "--out", "new.gpkg" } );
  QCOMPARE( result.code, 2 );
  QCOMPARE( result.err, QStringLiteral( "pendulum build: --styles: /nonexistent/styles: no such folder\n" ) );

  // "Left unchanged" is said only of a file that was there.
  result = run( { "build", "--layers", mDir->filePath( QStringLiteral( "nothing" ) ), "--out", "new.gpkg" } );
  QCOMPARE( result.code, 1 );
  QVERIFY2( !result.err.contains( QLatin1String( "unchanged" ) ), qPrintable( result.err ) );
  QVERIFY2( result.err.contains( QLatin1String( "nothing was written to new.gpkg" ) ),
            qPrintable( result.err ) );
  QVERIFY( !QFileInfo::exists( mDir->filePath( QStringLiteral( "new.gpkg" ) ) ) );
}

void TestPendulumOutputs::killedRunsTemporariesAreRemovedByTheNext()
{
  // A build killed (SIGKILL: no handler runs) while it writes its temporary GeoPackage.
  QProcess killed;
  killed.setProcessEnvironment( PendulumTestCli::environment( mHome->path() ) );
  killed.setWorkingDirectory( mDir->path() );
  killed.start( QStringLiteral( PENDULUM_CLI ), { "build", "--out", "record.gpkg" } );
  QVERIFY( killed.waitForStarted() );
  const QStringList temporary{ QStringLiteral( ".pendulum-tmp-*" ) };
  const QDir::Filters all = QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
  QElapsedTimer waited;
  waited.start();
  while ( QDir( mDir->path() ).entryList( temporary, all ).isEmpty() && waited.elapsed() < 60000 &&
          killed.state() == QProcess::Running )
    QThread::msleep( 20 );
  ::kill( pid_t( killed.processId() ), SIGKILL );
  killed.waitForFinished();
  const QStringList left = QDir( mDir->path() ).entryList( temporary, all );
  QVERIFY2( !left.isEmpty(), "the build ended before it wrote its temporary file" );
  QVERIFY( !QFileInfo::exists( mDir->filePath( QStringLiteral( "record.gpkg" ) ) ) );

  // Beside them: what is not Pendulum's, what another machine's Pendulum writes in a shared
  // folder, and what a running Pendulum (this test's process stands for it) is writing.
  const QString host = QSysInfo::machineHostName();
  const QStringList others{
      QStringLiteral( ".m.pdf-abc123" ),
      QStringLiteral( "notes.txt" ),
      QStringLiteral( ".pendulum-tmp-another-machine-%1-m.pdf-abc123" ).arg( killed.processId() ),
      QStringLiteral( ".pendulum-tmp-%1-%2-m.pdf-abc123" )
          .arg( host )
          .arg( QCoreApplication::applicationPid() ),
  };
  for ( const QString &name : others )
    QVERIFY( PendulumHostile::write( mDir->filePath( name ), "someone's" ) );
  // A staging folder of the killed run, with a page in it.
  const QString staging =
      QStringLiteral( ".pendulum-tmp-%1-%2-m.png-Xy12Zw" ).arg( host ).arg( killed.processId() );
  QVERIFY( QDir( mDir->path() ).mkpath( staging + QStringLiteral( "/inner" ) ) );
  QVERIFY( PendulumHostile::write( mDir->filePath( staging + QStringLiteral( "/inner/m.png" ) ), "page" ) );

  // The next run writing in that folder removes the killed run's files, and only those.
  const PendulumTestCli::Result result = run( { "chronicle", "--out", "c.md" } );
  QCOMPARE( result.code, 0 );
  QStringList expected = others;
  expected << QStringLiteral( "c.md" );
  expected.sort();
  QCOMPARE( PendulumHostile::entries( mDir->path() ), expected );
}

PENDULUM_TEST_MAIN( TestPendulumOutputs )
#include "testpendulumoutputs.moc"
