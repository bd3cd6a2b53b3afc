#ifndef PENDULUMPNGFRAMEENCODER_H
#define PENDULUMPNGFRAMEENCODER_H

#include <QByteArray>
#include <QImage>
#include <QString>
#include <memory>
#include <vector>

/**
 * Encodes animation frames drawn on one base image (a map state) as PNG,
 * compressing only what differs from the base.
 *
 * The image is cut into bands of rows, each deflated on its own and flushed
 * to a byte boundary, so that the compressed bands of the base can be spliced
 * into any frame whose rows in that band equal the base's. A labelled frame
 * then costs the deflate of the few bands its date label covers instead of the
 * whole image. The file is an ordinary PNG (8-bit RGB, no row filter, one
 * zlib stream over several IDAT chunks, as PendulumPngWriter writes): the
 * pixels read back are the frame's, whichever bands were reused.
 */
class PendulumPngFrameEncoder
{
public:
  //! Rows per band: small enough that a label touches few, large enough to compress well.
  static constexpr int BAND_ROWS = 16;

  //! \a base is the image the frames are drawn on; its bands are deflated on first use.
  explicit PendulumPngFrameEncoder( const QImage &base );
  ~PendulumPngFrameEncoder();

  PendulumPngFrameEncoder( const PendulumPngFrameEncoder & ) = delete;
  PendulumPngFrameEncoder &operator=( const PendulumPngFrameEncoder & ) = delete;

  /**
   * The PNG file of \a frame (opaque, alpha dropped, its DPI kept). Bands
   * whose rows equal the base's are taken from the base; \a reusedBands, if
   * given, receives how many. Thread-safe.
   */
  QByteArray encode( const QImage &frame, int *reusedBands = nullptr ) const;

  //! Writes encode( \a frame ) to \a path; false and \a error on failure. Thread-safe.
  bool write( const QImage &frame, const QString &path, QString *error ) const;

  //! How many bands an image of the base's height has.
  int bandCount() const;

private:
  struct Band;

  //! One band of \a image deflated as an IDAT chunk, with the checksum and length of its raw rows.
  static void compressBand( const QImage &image, int band, Band *out );
  bool sameRows( const QImage &frame, int band ) const;
  const Band &baseBand( int band ) const;

  QImage mBase;
  std::vector<std::unique_ptr<Band>> mBands;
};

#endif // PENDULUMPNGFRAMEENCODER_H
