#ifndef PENDULUMLAYOUTEXPORTER_H
#define PENDULUMLAYOUTEXPORTER_H

#include <QString>
#include <QStringList>

class QgsFeedback;
class QgsLayout;
class QgsLayoutAtlas;

/**
 * Writes a layout through QgsLayoutExporter in the format its file name
 * says: PDF and SVG as vectors with real text (searchable, restylable in an
 * illustration program), PNG and TIFF at a given resolution (TIFF
 * georeferenced by QGIS). Every page goes to a staging folder beside the
 * target and is renamed into place only when the export succeeded, so no
 * half-written file is ever left under a final name.
 */
class PendulumLayoutExporter
{
public:
  enum class Format
  {
    Unknown,
    Pdf,
    Svg,
    Png,
    Tiff,
  };

  //! The format for \a path's suffix (.pdf, .svg, .png, .tif / .tiff).
  static Format format( const QString &path );

  /**
   * Exports every page of \a layout to \a path; pages after the first of
   * an SVG or image export go to QGIS's "name_2.png" files beside it.
   * \a dpi is the raster resolution (images, and what PDF/SVG must rasterise).
   * Returns the files written, or an empty list with \a error set. When
   * \a feedback is cancelled during the export, nothing is put in place.
   */
  static QStringList exportLayout( QgsLayout *layout, const QString &path, int dpi, QString *error,
                                   QgsFeedback *feedback = nullptr );

  //! Exports every feature of \a atlas as the pages of one PDF, \a path.
  static bool exportAtlasToPdf( QgsLayoutAtlas *atlas, const QString &path, int dpi, QgsFeedback *feedback,
                                QString *error );
};

#endif // PENDULUMLAYOUTEXPORTER_H
