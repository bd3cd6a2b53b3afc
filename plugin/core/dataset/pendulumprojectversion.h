#ifndef PENDULUMPROJECTVERSION_H
#define PENDULUMPROJECTVERSION_H

#include <QString>

class QgsProject;

/**
 * Which Pendulum put the historical layers into a project. A project saved
 * with another Pendulum keeps that Pendulum's map tips, forms, styles and
 * temporal settings on its layers; opening it says so and what to do,
 * instead of showing silently outdated popups.
 */
class PendulumProjectVersion
{
public:
  //! Records this Pendulum's version in \a project (done when the layers are added).
  static void stamp( QgsProject *project );

  //! The version recorded in \a project; empty if none (projects of Pendulum before 0.1.0 record none).
  static QString stored( const QgsProject *project );

  /**
   * A warning for a \a project whose Pendulum layers were added by another
   * Pendulum, saying what to do; empty when it has no Pendulum layers or
   * they match this Pendulum.
   */
  static QString check( const QgsProject *project );

  //! This Pendulum's version.
  static QString current();
};

#endif // PENDULUMPROJECTVERSION_H
