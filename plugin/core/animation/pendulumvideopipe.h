#ifndef PENDULUMVIDEOPIPE_H
#define PENDULUMVIDEOPIPE_H

#include "pendulumanimationencoder.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <functional>
#include <memory>

class QProcess;

/**
 * Streams frames as raw pixels into ffmpeg's standard input, which encodes
 * them at a constant frame rate with PendulumAnimationEncoder's codec
 * settings. No PNG is written, read back or decoded per frame: for a
 * labelled animation, where every frame is its own image and lasts the same
 * time, that is most of the work of the ffconcat route. Frames that are held
 * for different times still go through the ffconcat list (variable frame rate).
 */
class PendulumVideoPipe
{
public:
  PendulumVideoPipe();
  //! Stops ffmpeg if it still runs (an abandoned export leaves no process behind).
  ~PendulumVideoPipe();

  PendulumVideoPipe( const PendulumVideoPipe & ) = delete;
  PendulumVideoPipe &operator=( const PendulumVideoPipe & ) = delete;

  /**
   * Starts ffmpeg writing \a out as \a format (MP4 or WebM) from frames of
   * \a size shown \a fps per second. False and \a error if it cannot start.
   */
  bool start( PendulumAnimationEncoder::Format format, const QString &out, const QSize &size, double fps,
              QString *error );

  /**
   * Sends the next frame (opaque, of the started size). Blocks while ffmpeg
   * is behind, so that memory stays bounded. False and \a error if ffmpeg has failed.
   */
  bool write( const QImage &frame, QString *error );

  /**
   * Ends the input and waits for ffmpeg to finish the file, polling
   * \a canceled. Returns Done, Canceled (ffmpeg stopped) or Failed with \a error.
   */
  PendulumAnimationEncoder::Result finish( const std::function<bool()> &canceled, QString *error );

  //! Stops ffmpeg at once; the output file is left for the caller to remove.
  void kill();

private:
  QString failure( const QString &what ) const;

  std::unique_ptr<QProcess> mProcess;
  QSize mSize;
};

#endif // PENDULUMVIDEOPIPE_H
