// Replays inputs through a fuzz target without libFuzzer: every file of the folders (or the files) given
// on the command line, once each. Built with gcc in every build, so the seeds and every input that once
// crashed run in `./test.sh` (and under AddressSanitizer in `./test.sh --sanitize`).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput( const uint8_t *data, size_t size );

int main( int argc, char **argv )
{
  int inputs = 0;
  for ( int i = 1; i < argc; ++i )
  {
    const QString path = QFile::decodeName( argv[i] );
    QStringList files;
    if ( QFileInfo( path ).isDir() )
    {
      for ( const QString &name : QDir( path ).entryList( QDir::Files | QDir::Hidden, QDir::Name ) )
        files << QDir( path ).filePath( name );
    }
    else
    {
      files << path;
    }
    for ( const QString &file : files )
    {
      if ( file.endsWith( QLatin1String( ".md" ) ) )
        continue; // a folder's README
      QFile input( file );
      if ( !input.open( QIODevice::ReadOnly ) )
      {
        std::fprintf( stderr, "cannot read %s\n", qPrintable( file ) );
        return 1;
      }
      const QByteArray data = input.readAll();
      LLVMFuzzerTestOneInput( reinterpret_cast<const uint8_t *>( data.constData() ), size_t( data.size() ) );
      ++inputs;
    }
  }
  std::printf( "%d inputs replayed without a crash\n", inputs );
  return inputs > 0 ? 0 : 1;
}
