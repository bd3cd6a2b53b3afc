#ifndef PENDULUMPOPUP_H
#define PENDULUMPOPUP_H

#include "pendulumbibliography.h"

#include <QString>
#include <QVariantMap>

class QgsFeature;
class QgsVectorLayer;

/**
 * The popup of one feature of the record, as map tips, the Identify form,
 * the sources dock and `pendulum popup` show it: the name in the chosen
 * language with the others beneath, the period (with the Old Style and
 * Japanese-era dates), status and holder in words, the description, the
 * certainty and method, and the sources as numbered author–date references.
 *
 * Every attribute and bibliography string is HTML-escaped and stripped of
 * control and bidi-override characters before it reaches the HTML: QGIS
 * renders map tips and form HTML in a web view where script could run.
 * Links are made only from DOIs and http(s) URLs of the bibliography.
 */
class PendulumPopup
{
public:
  //! \a bibliography must outlive the popup.
  explicit PendulumPopup( const PendulumBibliography &bibliography );

  //! The popup of \a feature of layer \a layerId in \a language, as a self-contained HTML fragment.
  QString html( const QgsFeature &feature, const QString &layerId, const QString &language ) const;

  //! As html(), from attributes by field name (e.g. a GeoJSON feature's properties when building).
  QString html( const QVariantMap &attributes, const QString &layerId, const QString &language ) const;

  //! The same content as plain text (for copying), one item a line.
  QString text( const QgsFeature &feature, const QString &layerId, const QString &language ) const;
  QString text( const QVariantMap &attributes, const QString &layerId, const QString &language ) const;

  /**
   * What QGIS's map tip shows for \a feature of \a layer: the layer's map
   * tip template expanded as QgsMapTip does it (QgsExpression::replaceExpressionText
   * in the layer's expression context). Empty if the layer has no template.
   */
  static QString mapTip( QgsVectorLayer *layer, const QgsFeature &feature );

  //! The holder code \a code in words ("Empire of Japan"), the code itself if unknown.
  static QString holderName( const QString &code, const QString &language );

  //! The status code \a code in words ("railway zone").
  static QString statusName( const QString &code, const QString &language );

  //! The certainty code \a code in words ("high: fixed by treaty text or a coastline").
  static QString certaintyName( const QString &code, const QString &language );

  //! The event kind \a kind in words ("treaty").
  static QString eventKindName( const QString &kind, const QString &language );

  //! PendulumTextSanitiser::sanitised() and HTML-escaped.
  static QString escaped( const QString &text );

private:
  struct Content;
  Content content( const QVariantMap &attributes, const QString &layerId, const QString &language ) const;

  const PendulumBibliography &mBibliography;
};

#endif // PENDULUMPOPUP_H
