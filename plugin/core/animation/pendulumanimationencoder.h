#ifndef PENDULUMANIMATIONENCODER_H
#define PENDULUMANIMATIONENCODER_H

#include <QString>
#include <QStringList>
#include <functional>

/**
 * Encodes an animation's frames into a video or GIF with Debian's ffmpeg.
 * The frames come as an ffconcat list (frame files with per-frame
 * durations), so a held frame is encoded once and shown for its whole
 * duration (variable frame rate) instead of being encoded again and again.
 */
class PendulumAnimationEncoder
{
public:
  enum class Format
  {
    Frames, //!< numbered PNG frames in a folder, no encoding
    Gif,
    Mp4,  //!< H.264, yuv420p: plays everywhere
    Webm, //!< VP9
  };

  enum class Result
  {
    Done,
    Failed,
    Canceled,
  };

  /**
   * The format \a out asks for: a folder (a path ending in '/', or an
   * existing folder) or a .gif/.mp4/.webm file. False for anything else.
   */
  static bool formatFor( const QString &out, Format *format );

  //! The file suffix of \a format ("mp4"); empty for Frames.
  static QString suffix( Format format );

  //! The ffmpeg executable ($PENDULUM_FFMPEG, else ffmpeg on PATH); empty if none.
  static QString ffmpeg();

  /**
   * Encodes the frames listed in \a concatList (frame names relative to the
   * list's folder) into \a out as \a format. \a frames is the number of list
   * entries, for progress. \a progress gets 0..1; \a canceled is polled and,
   * once true, stops ffmpeg. On failure \a error says why (ffmpeg's last
   * lines included) and \a out may hold a partial file for the caller to remove.
   */
  static Result encode( const QString &concatList, Format format, const QString &out, int frames,
                        const std::function<void( double )> &progress, const std::function<bool()> &canceled,
                        QString *error );

  /**
   * ffmpeg's output arguments for \a format (MP4 or WebM; empty for the
   * others) writing \a out: codec and settings, whatever the input.
   */
  static QStringList videoArguments( Format format, const QString &out );

private:
  static Result runFfmpeg( const QString &ffmpeg, const QStringList &arguments, int frames,
                           const std::function<void( double )> &progress,
                           const std::function<bool()> &canceled, QString *error );
};

#endif // PENDULUMANIMATIONENCODER_H
