#ifndef PENDULUMGDALMESSAGEFILTER_H
#define PENDULUMGDALMESSAGEFILTER_H

#include <QByteArray>
#include <vector>

#include <cpl_error.h>

/**
 * Drops one known, harmless GDAL message and nothing else. While it lives it
 * holds back GDAL's messages on this thread; when it goes it passes every one
 * on to the handler before it (QGIS's, or GDAL's own that prints them), less
 * those with error number \a number whose text contains \a containing.
 *
 * For messages QGIS provokes and then handles itself, e.g. QGIS 3.22 opening
 * a read-only GeoPackage for update before it opens it read-only.
 */
class PendulumGdalMessageFilter
{
public:
  PendulumGdalMessageFilter( CPLErrorNum number, const QByteArray &containing );
  ~PendulumGdalMessageFilter();

  PendulumGdalMessageFilter( const PendulumGdalMessageFilter & ) = delete;
  PendulumGdalMessageFilter &operator=( const PendulumGdalMessageFilter & ) = delete;

private:
  struct Message
  {
    CPLErr level;
    CPLErrorNum number;
    QByteArray text;
  };
  static void CPL_STDCALL collect( CPLErr level, CPLErrorNum number, const char *text );

  CPLErrorNum mNumber;
  QByteArray mContaining;
  std::vector<Message> mMessages;
};

#endif // PENDULUMGDALMESSAGEFILTER_H
