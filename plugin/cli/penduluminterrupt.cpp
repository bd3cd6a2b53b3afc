#include "penduluminterrupt.h"

#include <atomic>
#include <chrono>
#include <csignal>

namespace
{
// Written by the signal handler, read by the watcher thread and the main thread: a lock-free
// atomic is both async-signal-safe and race-free (a volatile sig_atomic_t is only the former).
std::atomic<int> sSignal{ 0 };
static_assert( std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free atomic" );
struct sigaction sOldInt;
struct sigaction sOldTerm;

extern "C" void onInterruptSignal( int signal )
{
  if ( sSignal )
  {
    // Asked twice: stop now, the way the user expects Ctrl+C to work.
    std::signal( signal, SIG_DFL );
    std::raise( signal );
    return;
  }
  sSignal = signal;
}
} // namespace

PendulumInterrupt::PendulumInterrupt()
{
  sSignal = 0;
  struct sigaction action = {};
  action.sa_handler = onInterruptSignal;
  action.sa_flags = SA_RESTART; // file writes in progress go on; the work stops at its next check
  sigemptyset( &action.sa_mask );
  sigaction( SIGINT, &action, &sOldInt );
  sigaction( SIGTERM, &action, &sOldTerm );
  mWatcher = std::thread(
      [this]
      {
        while ( !mStop )
        {
          if ( sSignal )
          {
            mFeedback.cancel();
            return;
          }
          std::this_thread::sleep_for( std::chrono::milliseconds( 20 ) );
        }
      } );
}

PendulumInterrupt::~PendulumInterrupt()
{
  mStop = true;
  mWatcher.join();
  sigaction( SIGINT, &sOldInt, nullptr );
  sigaction( SIGTERM, &sOldTerm, nullptr );
}

bool PendulumInterrupt::requested() const
{
  return sSignal != 0;
}

int PendulumInterrupt::exitCode() const
{
  constexpr int signalExitBase = 128;
  return signalExitBase + ( sSignal ? int( sSignal ) : SIGINT );
}
