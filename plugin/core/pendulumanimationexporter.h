#ifndef PENDULUMANIMATIONEXPORTER_H
#define PENDULUMANIMATIONEXPORTER_H

#include "pendulumanimationencoder.h"
#include "pendulumanimationplan.h"
#include "pendulummaprenderer.h"

#include <QString>
#include <functional>

/**
 * Writes a planned animation: PNG frames into a folder (identical frames as
 * hard links, an ffconcat `frames.txt` with every frame's duration) or a
 * GIF/MP4/WebM through PendulumAnimationEncoder.
 *
 * Each map state is rendered once, on the calling thread (which owns the
 * layers); labelling and PNG encoding run on a thread pool meanwhile. Nothing
 * appears under the final name until the export is complete: frames go to a
 * temporary folder that is renamed, videos to a temporary file that is.
 */
class PendulumAnimationExporter
{
public:
  struct Options
  {
    QString out;                //!< folder (ending in '/' or existing) or .gif/.mp4/.webm file
    PendulumMapRequest request; //!< size, DPI, extent (date and label per frame)
    int threads = 0;            //!< labelling/encoding threads; 0: one per core
    bool reuse = true;          //!< false: render every frame on its own (the straightforward path)
  };

  //! What an export did, for progress reports, tests and benchmarks.
  struct Statistics
  {
    int frames = 0;  //!< frames in the plan
    int renders = 0; //!< maps rendered
    int encodes = 0; //!< PNG frames encoded
    int links = 0;   //!< frames written as hard links to an identical one
  };

  //! \a renderer (the layers) must outlive the exporter.
  PendulumAnimationExporter( const PendulumMapRenderer &renderer, const PendulumAnimationPlan &plan,
                             const Options &options );

  //! Receives overall progress 0..1; called on the exporting thread.
  void setProgressCallback( const std::function<void( double )> &progress ) { mProgress = progress; }

  //! Polled between frames and while ffmpeg runs; true stops the export and cleans up.
  void setCancelCheck( const std::function<bool()> &canceled ) { mCanceled = canceled; }

  //! Runs the export.
  PendulumAnimationEncoder::Result run();

  QString error() const { return mError; }
  const Statistics &statistics() const { return mStatistics; }

  /**
   * Checks that \a out can be written: a known format, an existing writable
   * parent folder, and for frames no folder with content under that name.
   * Returns a message, or an empty string if fine.
   */
  static QString checkOutput( const QString &out );

  //! The name of frame \a index (0-based) among \a count frames: "frame-00001.png".
  static QString frameName( int index, int count );

  //! The ffconcat list written beside the frames.
  static QString concatListName() { return QStringLiteral( "frames.txt" ); }

private:
  bool writeFrames( const QString &dir );
  bool writeConcatList( const QString &dir ) const;
  bool linkDuplicates( const QString &dir );
  bool canceled() const { return mCanceled && mCanceled(); }
  void report( double value ) const;

  const PendulumMapRenderer &mRenderer;
  PendulumAnimationPlan mPlan;
  Options mOptions;
  PendulumAnimationEncoder::Format mFormat = PendulumAnimationEncoder::Format::Frames;
  std::function<void( double )> mProgress;
  std::function<bool()> mCanceled;
  QString mError;
  Statistics mStatistics;
};

#endif // PENDULUMANIMATIONEXPORTER_H
