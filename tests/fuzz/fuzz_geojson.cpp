// libFuzzer target: a layer file as a historian may have left it, through the reader, GDAL's
// geometry parser and GEOS's validity check, as `pendulum validate` takes it.
#include "pendulumgeojsonreader.h"
#include "pendulumtextfile.h"

#include <QTextCodec>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput( const uint8_t *data, size_t size )
{
  const QByteArray bytes( reinterpret_cast<const char *>( data ), int( size ) );

  // Our UTF-8 check agrees with Qt's decoder: what it cannot decode, and a sequence cut off at the
  // end, which Qt keeps for the next chunk rather than counting it (so Qt's count alone, as the reader
  // once used it, let a truncated last character through: regressions/geojson/truncated-utf8-*).
  QTextCodec::ConverterState state;
  QTextCodec::codecForName( "UTF-8" )->toUnicode( bytes.constData(), bytes.size(), &state );
  if ( ( PendulumTextFile::invalidUtf8Offset( bytes ) < 0 ) !=
       ( state.invalidChars == 0 && state.remainingChars == 0 ) )
    std::abort();

  PendulumGeoJsonReader reader;
  reader.readData( bytes, QStringLiteral( "fuzz.geojson" ) );
  for ( const QString &error : reader.errors() )
  {
    if ( !error.startsWith( QLatin1String( "fuzz.geojson: " ) ) )
      std::abort(); // every message names the file
  }
  for ( const PendulumFeature &feature : reader.features() )
  {
    const QgsGeometry geometry = PendulumGeoJsonReader::toGeometry( feature.geometry );
    if ( geometry.isNull() )
      continue;
    geometry.boundingBox();
    QVector<QgsGeometry::Error> errors;
    geometry.validateGeometry( errors, Qgis::GeometryValidationEngine::Geos );
  }
  return 0;
}
