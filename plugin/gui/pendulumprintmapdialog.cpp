#include "pendulumprintmapdialog.h"

#include "pendulumlanguage.h"
#include "pendulumlayoutexporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "qgsfilewidget.h"
#include "qgssettings.h"

PendulumPrintMapDialog::PendulumPrintMapDialog( const QDate &date, const QString &language,
                                                const QgsRectangle &canvasExtent, QWidget *parent )
    : QDialog( parent ), mCanvasExtent( canvasExtent )
{
  setWindowTitle( tr( "Export Print Map" ) );
  QgsSettings settings;

  mDate = new QDateEdit( date.isValid() ? date : QDate( 1910, 1, 1 ) );
  mDate->setDisplayFormat( QStringLiteral( "yyyy-MM-dd" ) );
  mDate->setDateRange( QDate( 1855, 1, 1 ), QDate::currentDate() );
  mDate->setCalendarPopup( true );

  mPaper = new QComboBox();
  mPaper->addItem( QStringLiteral( "A4" ), QStringLiteral( "a4" ) );
  mPaper->addItem( QStringLiteral( "A3" ), QStringLiteral( "a3" ) );
  mPaper->addItem( tr( "Letter" ), QStringLiteral( "letter" ) );
  mPaper->setCurrentIndex( mPaper->findData(
      settings.value( QStringLiteral( "pendulum/print/paper" ), QStringLiteral( "a4" ) ) ) );

  mOrientation = new QComboBox();
  mOrientation->addItem( tr( "Landscape" ), QStringLiteral( "landscape" ) );
  mOrientation->addItem( tr( "Portrait" ), QStringLiteral( "portrait" ) );
  mOrientation->setCurrentIndex( mOrientation->findData(
      settings.value( QStringLiteral( "pendulum/print/orientation" ), QStringLiteral( "landscape" ) ) ) );

  mLanguage = new QComboBox();
  for ( const QString &code : PendulumLanguage::codes() )
    mLanguage->addItem( PendulumLanguage::displayName( code ), code );
  mLanguage->setCurrentIndex( std::max( 0, mLanguage->findData( language ) ) );

  mFormat = new QComboBox();
  mFormat->addItem( tr( "PDF (vector, real text)" ), QStringLiteral( "pdf" ) );
  mFormat->addItem( tr( "SVG (vector, real text)" ), QStringLiteral( "svg" ) );
  mFormat->addItem( tr( "PNG image" ), QStringLiteral( "png" ) );
  mFormat->addItem( tr( "TIFF image (georeferenced)" ), QStringLiteral( "tif" ) );

  mDpi = new QSpinBox();
  mDpi->setRange( 24, 2400 );
  mDpi->setValue( settings.value( QStringLiteral( "pendulum/print/dpi" ), 300 ).toInt() );
  mDpi->setSuffix( tr( " dpi" ) );

  mUseCanvasExtent = new QCheckBox( tr( "Show the map canvas's area (else all of North-East Asia)" ) );
  mUseCanvasExtent->setEnabled( !mCanvasExtent.isEmpty() );

  mFile = new QgsFileWidget();
  mFile->setStorageMode( QgsFileWidget::SaveFile );
  mFile->setDialogTitle( tr( "Export Print Map" ) );
  mFile->setFilter( tr( "PDF (*.pdf);;SVG (*.svg);;PNG (*.png);;TIFF (*.tif)" ) );

  auto *form = new QFormLayout();
  form->addRow( tr( "Date" ), mDate );
  form->addRow( tr( "Paper" ), mPaper );
  form->addRow( tr( "Orientation" ), mOrientation );
  form->addRow( tr( "Language" ), mLanguage );
  form->addRow( tr( "Format" ), mFormat );
  form->addRow( tr( "Resolution" ), mDpi );
  form->addRow( QString(), mUseCanvasExtent );
  form->addRow( tr( "File" ), mFile );

  mButtons = new QDialogButtonBox( QDialogButtonBox::Ok | QDialogButtonBox::Cancel );
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

  auto *layout = new QVBoxLayout( this );
  layout->addLayout( form );
  layout->addWidget( mButtons );
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
