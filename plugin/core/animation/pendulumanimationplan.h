#ifndef PENDULUMANIMATIONPLAN_H
#define PENDULUMANIMATIONPLAN_H

#include <QDate>
#include <QList>
#include <QString>

//! One frame of an animation: the day it shows and how long it stays on screen.
struct PendulumAnimationFrame
{
  QDate date;
  int state = 0;          //!< map state: frames with equal state show the same map
  QString label;          //!< the date label drawn on the frame; empty: none
  double duration = 0.04; //!< seconds on screen
  int sameAs = -1;        //!< index of an earlier frame with identical pixels, or -1
};

/**
 * The frames of an animation: their dates (a regular step, or one per change
 * of the map), how long each is held, and which frames show the same map
 * state or are identical images.
 *
 * The map only changes on change points (every valid_from, valid_to and
 * event date of the record): two days show the same map exactly when no
 * change point lies in (earlier, later]. That is what lets the exporter
 * render each map state once and hard-link identical frames.
 */
class PendulumAnimationPlan
{
public:
  enum class Step
  {
    Month, //!< "1M": the same day of every month
    Year,  //!< "1Y": the same day of every year
    Event, //!< "event": one frame per change point, held in proportion to the time until the next
  };

  struct Settings
  {
    QDate from;
    QDate to;
    Step step = Step::Month;
    int fps = 4;
    bool label = true;
    QString labelPrecision = QStringLiteral( "day" ); //!< "day", "month" or "year"
    QString language = QStringLiteral( "en" );
    double secondsPerYear = 1.0; //!< --step event: how long a year of history stays on screen
  };

  /**
   * Parses "1M", "1Y" or "event" (case-insensitive; "NM"/"NY" are not
   * supported). Returns false for anything else.
   */
  static bool parseStep( const QString &text, Step *step );

  /**
   * Plans the frames for \a settings over the record's sorted, unique
   * \a changePoints. Frames are in date order, the first on settings.from.
   */
  static PendulumAnimationPlan create( const Settings &settings, const QList<QDate> &changePoints );

  const QList<PendulumAnimationFrame> &frames() const { return mFrames; }

  //! How many distinct map states the frames show (renders needed).
  int stateCount() const;

  //! How many frames are distinct images (encodes needed).
  int distinctFrameCount() const;

  //! Total running time in seconds.
  double duration() const;

private:
  QList<PendulumAnimationFrame> mFrames;
};

#endif // PENDULUMANIMATIONPLAN_H
