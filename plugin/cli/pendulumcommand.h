#ifndef PENDULUMCOMMAND_H
#define PENDULUMCOMMAND_H

#include <QCommandLineParser>
#include <QDate>
#include <QSize>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class PendulumBibliography;
class PendulumDataset;
class PendulumInterrupt;

/**
 * One `pendulum` subcommand: its options, its help and what it does. The CLI
 * parses arguments and prints; the work is done by core classes.
 */
class PendulumCommand
{
public:
  //! Exit codes shared by every subcommand.
  enum ExitCode
  {
    Success = 0,
    Failure = 1, //!< the input or the work failed
    Usage = 2,   //!< the command line is wrong
  };

  virtual ~PendulumCommand() = default;

  virtual QString name() const = 0;

  //! One line for the subcommand list.
  virtual QString summary() const = 0;

  //! A paragraph for `pendulum help <name>`; the summary by default.
  virtual QString details() const { return summary(); }

  //! Full help: usage line, summary and options.
  QString help() const;

  /**
   * Parses \a arguments (without the program and subcommand names). Usage
   * errors print one line on stderr and return Usage; otherwise run().
   * \a initQgis is called once parsing succeeded, before run().
   */
  int execute( const QStringList &arguments, const std::function<void()> &initQgis );

protected:
  virtual QList<QCommandLineOption> options() const = 0;

  //! Names of the positional arguments the command takes (e.g. "FEATURE-ID"); none by default.
  virtual QStringList positionalNames() const { return QStringList(); }

  //! Checks option values beyond syntax; returns an error message or empty.
  virtual QString checkOptions( const QCommandLineParser &parser ) const;

  /**
   * An option that does nothing in one mode of the command. Given in that
   * mode it is refused (exit 2) rather than silently ignored.
   */
  struct IgnoredOption
  {
    QString option; //!< the option that would be ignored, e.g. "extent"
    QString mode;   //!< the option that chooses the mode, e.g. "size"
    bool withMode;  //!< ignored when \a mode is set (true) or when it is not (false)
    QString why;    //!< what the user gets instead, e.g. "the plain image shows the whole region"
  };

  //! The options this command ignores in some mode; none by default.
  virtual QList<IgnoredOption> ignoredOptions() const { return {}; }

  virtual int run( const QCommandLineParser &parser ) = 0;

  //! Whether the work needs QgsApplication (data and rendering do).
  virtual bool needsQgis() const { return true; }

  /**
   * Whether Ctrl+C stops the work cleanly (long exports that write files);
   * if so, the handler is installed before QGIS starts and interrupt() is set
   * during run(). Otherwise Ctrl+C ends the process as usual.
   */
  virtual bool interruptible() const { return false; }

  //! During run() of an interruptible() command: whether and how it was interrupted.
  PendulumInterrupt *interrupt() const { return mInterrupt; }

  /**
   * For an interrupted run: prints that nothing was written to \a out and
   * returns the exit status (130 for Ctrl+C).
   */
  int interrupted( const QString &out ) const;

  //! Prints "pendulum <name>: <message>" on stderr.
  void printError( const QString &message ) const;

  //! The standard --data option every data-reading subcommand takes.
  static QCommandLineOption dataOption();

  /**
   * Opens the record named by --data and, if \a bibliography is given, reads its
   * bibliography into it. On failure prints the reason and returns nullptr.
   */
  std::unique_ptr<PendulumDataset> openDataset( const QCommandLineParser &parser,
                                                PendulumBibliography *bibliography = nullptr ) const;

  //! "WxH" (e.g. "1280x720") as a size; invalid if malformed.
  static QSize parseSize( const QString &text );

  /**
   * Parses the value of date option \a option into \a date: a real day within
   * the record (1855-01-01 to today). Returns a message naming the option, or empty.
   */
  static QString checkRecordDate( const QCommandLineParser &parser, const QString &option, QDate *date );

  /**
   * The files and folders this run reads (the values of its --data,
   * --template, --layers and --styles options, set or default) and the
   * record's own folders: no output replaces them.
   */
  QStringList inputs( const QCommandLineParser &parser ) const;

  /**
   * Checks the --out value \a out: its folder exists and is writable, it is
   * not a FIFO, a device, a socket or a folder, and it replaces none of
   * inputs() (PendulumFileKind::checkOutput). A message or empty.
   */
  QString checkOutput( const QCommandLineParser &parser, const QString &out ) const;

  //! Where to write --out: through a symbolic link, the file it points to (as `cp` does).
  static QString outputPath( const QCommandLineParser &parser );

  //! Checks --dpi (24 to 2400) and --template (an existing file) where set; a message or empty.
  static QString checkPrintOptions( const QCommandLineParser &parser );

private:
  void setUp( QCommandLineParser &parser ) const;

  //! An option given twice, or one its mode ignores (ignoredOptions()): a message or empty.
  QString checkOptionUse( const QCommandLineParser &parser ) const;

  /**
   * Removes from the folder of --out what killed runs left there
   * (PendulumTemporaryName): never another program's file, nor a running one's.
   */
  void removeStaleTemporaries( const QCommandLineParser &parser ) const;

  PendulumInterrupt *mInterrupt = nullptr;
};

#endif // PENDULUMCOMMAND_H
