#include "pendulumanimationdialog.h"

#include "pendulumlanguage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSpinBox>

#include "qgsfilewidget.h"

namespace
{
const QDate sRecordStart( 1855, 1, 1 );
} // namespace

PendulumAnimationDialog::PendulumAnimationDialog( const QDate &from, const QString &language,
                                                  QWidget *parent )
    : QDialog( parent )
{
  setWindowTitle( tr( "Pendulum: Export Animation" ) );
  auto *form = new QFormLayout( this );

  const QDate start = from.isValid() ? from : QDate( 1904, 1, 1 );
  mFrom = new QDateEdit( start, this );
  mTo = new QDateEdit( start.addYears( 2 ), this );
  for ( QDateEdit *edit : { mFrom, mTo } )
  {
    edit->setDisplayFormat( QStringLiteral( "yyyy-MM-dd" ) );
    edit->setDateRange( sRecordStart, QDate::currentDate() );
    edit->setCalendarPopup( true );
    connect( edit, &QDateEdit::dateChanged, this, &PendulumAnimationDialog::updateState );
  }
  form->addRow( tr( "From" ), mFrom );
  form->addRow( tr( "To" ), mTo );

  mStep = new QComboBox( this );
  mStep->addItem( tr( "Every month" ), QStringLiteral( "1M" ) );
  mStep->addItem( tr( "Every year" ), QStringLiteral( "1Y" ) );
  mStep->addItem( tr( "Every change of the map" ), QStringLiteral( "event" ) );
  form->addRow( tr( "Frames" ), mStep );

  auto *size = new QHBoxLayout();
  mWidth = new QSpinBox( this );
  mHeight = new QSpinBox( this );
  for ( QSpinBox *side : { mWidth, mHeight } )
  {
    side->setRange( 16, 8192 );
    side->setSuffix( tr( " px" ) );
  }
  mWidth->setValue( 1280 );
  mHeight->setValue( 720 );
  size->addWidget( mWidth );
  size->addWidget( mHeight );
  form->addRow( tr( "Size" ), size );

  mFps = new QSpinBox( this );
  mFps->setRange( 1, 60 );
  mFps->setValue( 8 );
  mFps->setSuffix( tr( " frames/s" ) );
  form->addRow( tr( "Rate" ), mFps );

  mLanguage = new QComboBox( this );
  for ( const QString &code : PendulumLanguage::codes() )
    mLanguage->addItem( PendulumLanguage::displayName( code ), code );
  mLanguage->setCurrentIndex(
      std::max( 0, mLanguage->findData( PendulumLanguage::normalised( language ) ) ) );
  form->addRow( tr( "Language" ), mLanguage );

  mLabel = new QCheckBox( tr( "Date label on every frame" ), this );
  mLabel->setChecked( true );
  form->addRow( QString(), mLabel );

  mFormat = new QComboBox( this );
  mFormat->addItem( tr( "MP4 video" ), QStringLiteral( "mp4" ) );
  mFormat->addItem( tr( "WebM video" ), QStringLiteral( "webm" ) );
  mFormat->addItem( tr( "Animated GIF" ), QStringLiteral( "gif" ) );
  mFormat->addItem( tr( "PNG frames in a folder" ), QString() );
  connect( mFormat, qOverload<int>( &QComboBox::currentIndexChanged ), this,
           &PendulumAnimationDialog::updateState );
  form->addRow( tr( "Format" ), mFormat );

  mFile = new QgsFileWidget( this );
  connect( mFile, &QgsFileWidget::fileChanged, this, &PendulumAnimationDialog::updateState );
  form->addRow( tr( "Save to" ), mFile );

  mButtons = new QDialogButtonBox( QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this );
  connect( mButtons, &QDialogButtonBox::accepted, this, &QDialog::accept );
  connect( mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject );
  form->addRow( mButtons );
  updateState();
}

void PendulumAnimationDialog::updateState()
{
  const QString suffix = mFormat->currentData().toString();
  if ( suffix.isEmpty() )
  {
    mFile->setStorageMode( QgsFileWidget::GetDirectory );
    mFile->setFilter( QString() );
  }
  else
  {
    mFile->setStorageMode( QgsFileWidget::SaveFile );
    mFile->setFilter( QStringLiteral( "%1 (*.%2)" ).arg( mFormat->currentText(), suffix ) );
  }
  // The exporter checks the target once more; here only what can be seen at a glance.
  const QString out = settings( QString() ).output.out;
  const bool valid = mFrom->date() <= mTo->date() && !mFile->filePath().isEmpty() &&
                     PendulumAnimationExporter::checkOutput( out ).isEmpty();
  mButtons->button( QDialogButtonBox::Ok )->setEnabled( valid );
  mButtons->button( QDialogButtonBox::Ok )
      ->setToolTip( mFile->filePath().isEmpty() ? QString() : PendulumAnimationExporter::checkOutput( out ) );
}

PendulumAnimationTask::Settings PendulumAnimationDialog::settings( const QString &dataPath ) const
{
  PendulumAnimationTask::Settings settings;
  settings.dataPath = dataPath;
  settings.plan.from = mFrom->date();
  settings.plan.to = mTo->date();
  PendulumAnimationPlan::parseStep( mStep->currentData().toString(), &settings.plan.step );
  settings.plan.fps = mFps->value();
  settings.plan.label = mLabel->isChecked();
  settings.plan.language = mLanguage->currentData().toString();
  settings.output.request.size = QSize( mWidth->value(), mHeight->value() );
  settings.output.request.legend = true;
  QString out = mFile->filePath();
  const QString suffix = mFormat->currentData().toString();
  if ( suffix.isEmpty() )
  {
    if ( !out.endsWith( QLatin1Char( '/' ) ) )
      out += QLatin1Char( '/' );
  }
  else if ( !out.endsWith( QLatin1Char( '.' ) + suffix, Qt::CaseInsensitive ) )
  {
    out += QLatin1Char( '.' ) + suffix;
  }
  settings.output.out = out;
  return settings;
}
