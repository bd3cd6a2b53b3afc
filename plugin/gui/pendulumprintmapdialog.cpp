#include "pendulumprintmapdialog.h"

#include "pendulumlanguage.h"
#include "pendulumlayoutexporter.h"

#include <QFileInfo>
#include <QPushButton>

#include "qgssettings.h"

PendulumPrintMapDialog::PendulumPrintMapDialog( const QDate &date, const QString &language,
                                                const QgsRectangle &canvasExtent, QWidget *parent )
    : QDialog( parent ), mCanvasExtent( canvasExtent )
{
  setupUi( this );
  QgsSettings settings;

  mDate->setDateRange( QDate( 1855, 1, 1 ), QDate::currentDate() );
  mDate->setDate( date.isValid() ? date : QDate( 1910, 1, 1 ) );

  // Each choice with the code the request reads, in one place.
  mPaper->addItem( QStringLiteral( "A4" ), QStringLiteral( "a4" ) );
  mPaper->addItem( QStringLiteral( "A3" ), QStringLiteral( "a3" ) );
  mPaper->addItem( tr( "Letter" ), QStringLiteral( "letter" ) );
  mPaper->setCurrentIndex( mPaper->findData(
      settings.value( QStringLiteral( "pendulum/print/paper" ), QStringLiteral( "a4" ) ) ) );

  mOrientation->addItem( tr( "Landscape" ), QStringLiteral( "landscape" ) );
  mOrientation->addItem( tr( "Portrait" ), QStringLiteral( "portrait" ) );
  mOrientation->setCurrentIndex( mOrientation->findData(
      settings.value( QStringLiteral( "pendulum/print/orientation" ), QStringLiteral( "landscape" ) ) ) );

  for ( const QString &code : PendulumLanguage::codes() )
    mLanguage->addItem( PendulumLanguage::displayName( code ), code );
  mLanguage->setCurrentIndex( std::max( 0, mLanguage->findData( language ) ) );

  mFormat->addItem( tr( "PDF (vector, real text)" ), QStringLiteral( "pdf" ) );
  mFormat->addItem( tr( "SVG (vector, real text)" ), QStringLiteral( "svg" ) );
  mFormat->addItem( tr( "PNG image" ), QStringLiteral( "png" ) );
  mFormat->addItem( tr( "TIFF image (georeferenced)" ), QStringLiteral( "tif" ) );

  mDpi->setValue( settings.value( QStringLiteral( "pendulum/print/dpi" ), 300 ).toInt() );
  mUseCanvasExtent->setEnabled( !mCanvasExtent.isEmpty() );

  // A standard button's text is not part of a .ui file.
  mButtons->button( QDialogButtonBox::Ok )->setText( tr( "Export" ) );
  connect( mButtons, &QDialogButtonBox::accepted, this,
           [this]
           {
             QgsSettings settings;
             settings.setValue( QStringLiteral( "pendulum/print/paper" ), mPaper->currentData() );
             settings.setValue( QStringLiteral( "pendulum/print/orientation" ), mOrientation->currentData() );
             settings.setValue( QStringLiteral( "pendulum/print/dpi" ), mDpi->value() );
             accept();
           } );
  connect( mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject );
  connect( mFile, &QgsFileWidget::fileChanged, this, &PendulumPrintMapDialog::updateState );
  connect( mFormat, qOverload<int>( &QComboBox::currentIndexChanged ), this,
           &PendulumPrintMapDialog::updateState );
  updateState();
}

void PendulumPrintMapDialog::updateState()
{
  const QString suffix = mFormat->currentData().toString();
  mDpi->setEnabled( suffix == QLatin1String( "png" ) || suffix == QLatin1String( "tif" ) );
  mButtons->button( QDialogButtonBox::Ok )->setEnabled( !mFile->filePath().trimmed().isEmpty() );
}

PendulumPrintRequest PendulumPrintMapDialog::request() const
{
  PendulumPrintRequest request;
  request.date = mDate->date();
  request.paper = mPaper->currentData().toString();
  request.orientation = mOrientation->currentData().toString();
  request.language = mLanguage->currentData().toString();
  if ( mUseCanvasExtent->isChecked() )
    request.lonLatExtent = mCanvasExtent;
  return request;
}

QString PendulumPrintMapDialog::outPath() const
{
  // The format chooses the suffix: "map" or "map.pdf" with SVG chosen both become "map.svg".
  const QString path = mFile->filePath().trimmed();
  const QString suffix = mFormat->currentData().toString();
  const QFileInfo info( path );
  if ( PendulumLayoutExporter::format( path ) != PendulumLayoutExporter::Format::Unknown )
    return QFileInfo( info.path(), info.completeBaseName() + QLatin1Char( '.' ) + suffix ).filePath();
  return path + QLatin1Char( '.' ) + suffix;
}

int PendulumPrintMapDialog::dpi() const
{
  return mDpi->value();
}
