#ifndef PENDULUMINTERRUPT_H
#define PENDULUMINTERRUPT_H

#include <atomic>
#include <thread>

#include "qgsfeedback.h"

/**
 * Ctrl+C (SIGINT) and SIGTERM during a long export. While an object of this
 * class lives, the first signal only asks the work to stop: feedback() is
 * cancelled, the core stops at its next check, removes its temporary files
 * and leaves nothing under the output name. A second signal ends the process
 * at once, as without Pendulum. One object at a time.
 */
class PendulumInterrupt
{
public:
  PendulumInterrupt();
  ~PendulumInterrupt();
  PendulumInterrupt( const PendulumInterrupt & ) = delete;
  PendulumInterrupt &operator=( const PendulumInterrupt & ) = delete;

  //! Whether a signal arrived.
  bool requested() const;

  //! The exit status for an interrupted run: 128 + the signal, as shells report it (130 for Ctrl+C).
  int exitCode() const;

  //! Cancelled as soon as a signal arrives; give it to the core's long operations.
  QgsFeedback *feedback() { return &mFeedback; }

private:
  QgsFeedback mFeedback;
  std::atomic<bool> mStop{ false };
  /**
   * A signal handler may only set a flag; this thread turns the flag into
   * QgsFeedback::cancel(), which the work polls (as QGIS's task manager
   * cancels a task's feedback from another thread).
   */
  std::thread mWatcher;
};

#endif // PENDULUMINTERRUPT_H
