#include "pendulumlanguage.h"

const QStringList &PendulumLanguage::codes()
{
  static const QStringList sCodes = { QStringLiteral( "en" ), QStringLiteral( "ja" ),
                                      QStringLiteral( "ru" ) };
  return sCodes;
}

bool PendulumLanguage::isValid( const QString &language )
{
  return codes().contains( language );
}

QString PendulumLanguage::normalised( const QString &language )
{
  return isValid( language ) ? language : QStringLiteral( "en" );
}

QString PendulumLanguage::displayName( const QString &language )
{
  if ( language == QLatin1String( "ja" ) )
    return QStringLiteral( "日本語" );
  if ( language == QLatin1String( "ru" ) )
    return QStringLiteral( "Русский" );
  return QStringLiteral( "English" );
}

QString PendulumLanguage::nameField( const QString &language )
{
  return QStringLiteral( "name_" ) + normalised( language );
}

QString PendulumLanguage::popupField( const QString &language )
{
  return QStringLiteral( "popup_" ) + normalised( language );
}
