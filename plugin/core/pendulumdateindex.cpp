#include "pendulumdateindex.h"

#include <QFile>
#include <QMutexLocker>
#include <QVariantMap>
#include <algorithm>
#include <sqlite3.h>

#include "qgsproviderregistry.h"
#include "qgsvectorlayer.h"

namespace
{
//! The ends of an open interval: far outside any day number, whatever their 32-bit rounding.
constexpr int OPEN_START = -1000000000;
constexpr int OPEN_END = 1000000000;

//! A date column's Julian day number in SQL ("YYYY-MM-DD" text → integer day).
QString dayNumber( const QString &column )
{
  return QStringLiteral( "CAST(julianday(%1) + 0.5 AS INTEGER)" ).arg( column );
}

QString quoted( const QString &identifier )
{
  return QStringLiteral( "\"%1\"" ).arg( QString( identifier ).replace( '"', QLatin1String( "\"\"" ) ) );
}

//! OGR writes a spatial filter's bounds with 12 decimals, widened by 1e-11: the same numbers here.
double ogrBound( double value, double widen )
{
  return QString::number( value + widen, 'f', 12 ).toDouble();
}

bool execute( sqlite3 *db, const QString &sql, QString *error )
{
  char *message = nullptr;
  if ( sqlite3_exec( db, sql.toUtf8().constData(), nullptr, nullptr, &message ) == SQLITE_OK )
    return true;
  *error = QString::fromUtf8( message ? message : "unknown error" );
  sqlite3_free( message );
  return false;
}

bool tableExists( sqlite3 *db, const QString &name )
{
  sqlite3_stmt *statement = nullptr;
  bool exists = false;
  if ( sqlite3_prepare_v2( db, "SELECT 1 FROM sqlite_master WHERE name = ?", -1, &statement, nullptr ) ==
       SQLITE_OK )
  {
    const QByteArray utf8 = name.toUtf8();
    sqlite3_bind_text( statement, 1, utf8.constData(), utf8.size(), SQLITE_TRANSIENT );
    exists = sqlite3_step( statement ) == SQLITE_ROW;
  }
  sqlite3_finalize( statement );
  return exists;
}
} // namespace

QString PendulumDateIndex::tableName( const QString &table )
{
  // The rtree_ prefix keeps GDAL from listing it (and its shadow tables) as layers.
  return QStringLiteral( "rtree_%1_dates" ).arg( table );
}

bool PendulumDateIndex::create( const QString &path, const QString &table, QString *error )
{
  sqlite3 *db = nullptr;
  if ( sqlite3_open_v2( QFile::encodeName( path ).constData(), &db, SQLITE_OPEN_READWRITE, nullptr ) !=
       SQLITE_OK )
  {
    *error = QStringLiteral( "%1: cannot open (%2)" ).arg( path, QString::fromUtf8( sqlite3_errmsg( db ) ) );
    sqlite3_close( db );
    return false;
  }
  // Each feature's box is copied from the GeoPackage's own R*Tree: the same 32-bit bounds OGR
  // tests a map's rectangle against. Day numbers are below 2^24, exact in those 32 bits too.
  const QString geometryIndex = QStringLiteral( "rtree_%1_geom" ).arg( table );
  const bool hasGeometryIndex = tableExists( db, geometryIndex );
  const QString boxes = hasGeometryIndex ? QStringLiteral( "g.minx, g.maxx, g.miny, g.maxy" )
                                         : QStringLiteral( "-1e38, 1e38, -1e38, 1e38" );
  const QString join =
      hasGeometryIndex ? QStringLiteral( " LEFT JOIN %1 g ON g.id = t.fid" ).arg( quoted( geometryIndex ) )
                       : QString();
  const QString index = quoted( tableName( table ) );
  const QString sql =
      QStringLiteral( "BEGIN;"
                      "DROP TABLE IF EXISTS %1;"
                      "CREATE VIRTUAL TABLE %1 USING rtree(id, first_day, end_day, minx, maxx, miny, maxy);"
                      "INSERT INTO %1 SELECT t.fid, COALESCE(%3, %4), COALESCE(%5, %6), %7 FROM %2 t%8"
                      "%9;"
                      "COMMIT;" )
          .arg( index, quoted( table ), dayNumber( QStringLiteral( "t.valid_from" ) ) )
          .arg( OPEN_START )
          .arg( dayNumber( QStringLiteral( "t.valid_to" ) ) )
          .arg( OPEN_END )
          .arg( boxes, join,
                // A feature without geometry is in no box: leave it out (OGR's spatial filter does too).
                hasGeometryIndex ? QStringLiteral( " WHERE g.id IS NOT NULL" ) : QString() );
  const bool ok = execute( db, sql, error );
  if ( !ok )
    *error = QStringLiteral( "%1: cannot index the dates of %2 (%3)" ).arg( path, table, *error );
  sqlite3_close( db );
  return ok;
}

std::unique_ptr<PendulumDateIndex> PendulumDateIndex::open( const QgsVectorLayer *layer )
{
  if ( !layer || layer->providerType() != QLatin1String( "ogr" ) ||
       layer->fields().indexOf( QStringLiteral( "fid" ) ) < 0 )
    return nullptr;
  const QVariantMap parts =
      QgsProviderRegistry::instance()->decodeUri( layer->providerType(), layer->source() );
  const QString path = parts.value( QStringLiteral( "path" ) ).toString();
  const QString table = parts.value( QStringLiteral( "layerName" ) ).toString();
  if ( path.isEmpty() || table.isEmpty() || !path.endsWith( QLatin1String( ".gpkg" ), Qt::CaseInsensitive ) )
    return nullptr;

  sqlite3 *db = nullptr;
  // Read-only and shared-cache-free: rendering threads only read.
  if ( sqlite3_open_v2( QFile::encodeName( path ).constData(), &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr ) != SQLITE_OK ||
       !tableExists( db, tableName( table ) ) )
  {
    sqlite3_close( db );
    return nullptr;
  }
  return std::unique_ptr<PendulumDateIndex>( new PendulumDateIndex( db, table ) );
}

PendulumDateIndex::PendulumDateIndex( sqlite3 *db, const QString &table ) : mDb( db ), mTable( table ) {}

PendulumDateIndex::~PendulumDateIndex()
{
  sqlite3_close( mDb );
}

bool PendulumDateIndex::featureIds( const QDate &date, const QgsRectangle &rect,
                                    QList<QgsFeatureId> *ids ) const
{
  ids->clear();
  const bool spatial = !rect.isNull();
  QString sql = QStringLiteral( "SELECT id FROM %1 WHERE first_day <= ?1 AND end_day > ?1" )
                    .arg( quoted( tableName( mTable ) ) );
  if ( spatial )
    sql += QStringLiteral( " AND maxx >= ?2 AND minx <= ?3 AND maxy >= ?4 AND miny <= ?5" );

  QMutexLocker locker( &mMutex );
  sqlite3_stmt *statement = nullptr;
  if ( sqlite3_prepare_v2( mDb, sql.toUtf8().constData(), -1, &statement, nullptr ) != SQLITE_OK )
    return false;
  sqlite3_bind_int64( statement, 1, date.toJulianDay() );
  if ( spatial )
  {
    sqlite3_bind_double( statement, 2, ogrBound( rect.xMinimum(), -1e-11 ) );
    sqlite3_bind_double( statement, 3, ogrBound( rect.xMaximum(), 1e-11 ) );
    sqlite3_bind_double( statement, 4, ogrBound( rect.yMinimum(), -1e-11 ) );
    sqlite3_bind_double( statement, 5, ogrBound( rect.yMaximum(), 1e-11 ) );
  }
  int status = SQLITE_ROW;
  while ( ( status = sqlite3_step( statement ) ) == SQLITE_ROW )
    ids->append( sqlite3_column_int64( statement, 0 ) );
  sqlite3_finalize( statement );
  std::sort( ids->begin(), ids->end() );
  return status == SQLITE_DONE;
}
