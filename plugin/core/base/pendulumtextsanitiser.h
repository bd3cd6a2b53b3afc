#ifndef PENDULUMTEXTSANITISER_H
#define PENDULUMTEXTSANITISER_H

#include <QString>

/**
 * Record text made safe to show: what a popup, a layout label, a chronicle
 * line or a validator message may carry of a string from the record.
 */
class PendulumTextSanitiser
{
public:
  /**
   * \a text without control characters (other than newline and tab) and
   * without bidi embeddings, overrides and isolates, which could make
   * a name display as something else.
   */
  static QString sanitised( const QString &text );

  /**
   * \a text for a terminal: control characters (newline included), bidi
   * embeddings, overrides and isolates shown as escapes ("\x1b", "\u202e")
   * so that a record's text or an argument cannot move the cursor, recolour
   * the terminal or reorder a line.
   */
  static QString visible( const QString &text );
};

#endif // PENDULUMTEXTSANITISER_H
