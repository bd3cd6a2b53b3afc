#ifndef PENDULUMCOMMAND_H
#define PENDULUMCOMMAND_H

#include <QCommandLineParser>
#include <functional>
#include <QString>
#include <QStringList>

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

    //! Checks option values beyond syntax; returns an error message or empty.
    virtual QString checkOptions( const QCommandLineParser &parser ) const;

    virtual int run( const QCommandLineParser &parser ) = 0;

    //! Whether the work needs QgsApplication (data and rendering do).
    virtual bool needsQgis() const { return true; }

    //! Prints "pendulum <name>: <message>" on stderr.
    void printError( const QString &message ) const;

    //! The standard --data option every data-reading subcommand takes.
    static QCommandLineOption dataOption();

  private:
    void setUp( QCommandLineParser &parser ) const;
};

#endif // PENDULUMCOMMAND_H
