#ifndef PENDULUMDATACOPY_H
#define PENDULUMDATACOPY_H

#include <QString>

class QgsProject;

/**
 * "Edit a Copy": the record's GeoPackage copied to a file the user chose,
 * and the project's Pendulum layers pointed at the copy and made editable.
 * The GeoPackage copied from is only read. The copy is written under a
 * temporary name beside the target, checked to open as a Pendulum record and
 * only then put in place, so a failed copy leaves nothing under the target's
 * name; an existing file is replaced only when the caller says so (the
 * desktop asks the user first).
 */
class PendulumDataCopy
{
public:
  //! What to do when the target exists.
  enum class Existing
  {
    Keep,    //!< refuse, leaving the file as it is
    Replace, //!< replace it (the user has agreed)
  };

  /**
   * Copies the GeoPackage \a source to \a target (a .gpkg file). Returns
   * false with \a error set if \a target is \a source itself, exists and
   * \a existing is Keep, or cannot be written, or \a source is no Pendulum record.
   */
  static bool copy( const QString &source, const QString &target, Existing existing, QString *error );

  /**
   * Points every Pendulum layer of \a project at the same table of
   * \a target and makes it editable. Returns the number of layers pointed
   * there, or -1 with \a error set if one cannot be opened in \a target.
   */
  static int repoint( QgsProject *project, const QString &target, QString *error );
};

#endif // PENDULUMDATACOPY_H
