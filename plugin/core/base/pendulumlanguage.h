#ifndef PENDULUMLANGUAGE_H
#define PENDULUMLANGUAGE_H

#include <QString>
#include <QStringList>

/**
 * The languages Pendulum speaks (English, Japanese, Russian) and the record's
 * fields that hold a text in each. Pure tables: applying a language to layers
 * and projects is PendulumLayerLanguage's.
 */
class PendulumLanguage
{
public:
  //! The languages Pendulum speaks: "en", "ja", "ru".
  static const QStringList &codes();

  //! True if \a language is one of codes().
  static bool isValid( const QString &language );

  //! \a language if valid, else "en".
  static QString normalised( const QString &language );

  //! The language's own name: "English", "日本語", "Русский".
  static QString displayName( const QString &language );

  //! The field holding a feature's name in \a language: "name_ja".
  static QString nameField( const QString &language );

  //! The field holding a feature's popup HTML in \a language: "popup_ja".
  static QString popupField( const QString &language );
};

#endif // PENDULUMLANGUAGE_H
