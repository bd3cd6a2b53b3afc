#ifndef PENDULUMEDITCOPYACTION_H
#define PENDULUMEDITCOPYACTION_H

#include <QObject>
#include <functional>

class QAction;
class QgisInterface;

/**
 * The plugin's "Edit a Copy…" menu entry: the bundled record is read-only,
 * so a user who wants to edit chooses a file, gets a copy of the GeoPackage
 * there (PendulumDataCopy; an existing file is replaced only after the user
 * agreed) and the project's historical layers read and write the copy.
 */
class PendulumEditCopyAction : public QObject
{
  Q_OBJECT

public:
  //! \a copied is called once the layers read the copy (to refresh the docks).
  PendulumEditCopyAction( QgisInterface *iface, const std::function<void()> &copied,
                          QObject *parent = nullptr );

  QAction *action() const { return mAction; }

  //! Object name of the action, for scripts and tests.
  static QString actionName() { return QStringLiteral( "mActionPendulumEditCopy" ); }

private:
  void editCopy();

  QgisInterface *mIface = nullptr;
  std::function<void()> mCopied;
  QAction *mAction = nullptr;
};

#endif // PENDULUMEDITCOPYACTION_H
