#ifndef PENDULUMANIMATIONEXPORTER_H
#define PENDULUMANIMATIONEXPORTER_H

#include "pendulumanimationencoder.h"
#include "pendulumanimationplan.h"
#include "pendulummaprenderer.h"

#include <QString>
#include <functional>

class QFileInfo;
class PendulumVideoPipe;

/**
 * Writes a planned animation: PNG frames into a folder (identical frames as
 * hard links, an ffconcat `frames.txt` with every frame's duration) or a
 * GIF/MP4/WebM through PendulumAnimationEncoder.
 *
 * Each map state is rendered once, on the calling thread (which owns the
 * layers), over a basemap rendered once; labelling and PNG encoding run on a
 * thread pool meanwhile, and a frame's PNG only deflates the rows its label
 * changed (PendulumPngFrameEncoder). An MP4 or WebM whose images all last the
 * same time gets its frames as raw pixels through a pipe (PendulumVideoPipe)
 * instead of PNG files. Nothing appears under the final name until the
 * export is complete: frames go to a temporary folder that is renamed, videos
 * to a temporary file that is.
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
    //! MP4/WebM whose images all last the same time: pipe raw frames to ffmpeg (false: PNG frames and
    //! ffconcat)
    bool pipeVideo = true;
  };

  //! What an export did, for progress reports, tests and benchmarks.
  struct Statistics
  {
    int frames = 0;     //!< frames in the plan
    int renders = 0;    //!< maps rendered
    int encodes = 0;    //!< PNG frames encoded
    int links = 0;      //!< frames written as hard links to an identical one
    bool piped = false; //!< the video's frames went to ffmpeg as raw pixels
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

  /**
   * The time every distinct image of the plan is shown (identical frames
   * held together), if it is the same for all; else 0.
   */
  double uniformImageDuration() const;

private:
  bool writeFrames( const QString &dir );
  bool pipeFrames( PendulumVideoPipe &pipe );
  //! The frames as a video: through the pipe or the ffconcat list of \a dir's PNG frames, to a partial file
  //! renamed to \a target.
  PendulumAnimationEncoder::Result writeVideo( const QString &dir, const QFileInfo &target );
  bool pipesVideo() const;
  bool writeConcatList( const QString &dir );
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
