#include "pendulumanimationdialog.h"

#include "pendulumlanguage.h"

#include <QPushButton>

namespace
{
const QDate sRecordStart( 1855, 1, 1 );
} // namespace

PendulumAnimationDialog::PendulumAnimationDialog( const QDate &from, const QString &language,
                                                  QWidget *parent )
    : QDialog( parent )
{
  setupUi( this );

  const QDate start = from.isValid() ? from : QDate( 1904, 1, 1 );
  for ( QDateEdit *edit : { mFrom, mTo } )
    edit->setDateRange( sRecordStart, QDate::currentDate() );
  mFrom->setDate( start );
  mTo->setDate( start.addYears( 2 ) );

  // Each choice with the code the settings read, in one place.
  mStep->addItem( tr( "Every month" ), QStringLiteral( "1M" ) );
  mStep->addItem( tr( "Every year" ), QStringLiteral( "1Y" ) );
  mStep->addItem( tr( "Every change of the map" ), QStringLiteral( "event" ) );

  for ( const QString &code : PendulumLanguage::codes() )
    mLanguage->addItem( PendulumLanguage::displayName( code ), code );
  mLanguage->setCurrentIndex(
      std::max( 0, mLanguage->findData( PendulumLanguage::normalised( language ) ) ) );

  mFormat->addItem( tr( "MP4 video" ), QStringLiteral( "mp4" ) );
  mFormat->addItem( tr( "WebM video" ), QStringLiteral( "webm" ) );
  mFormat->addItem( tr( "Animated GIF" ), QStringLiteral( "gif" ) );
  mFormat->addItem( tr( "PNG frames in a folder" ), QString() );

  for ( QDateEdit *edit : { mFrom, mTo } )
    connect( edit, &QDateEdit::dateChanged, this, &PendulumAnimationDialog::updateState );
  connect( mFormat, qOverload<int>( &QComboBox::currentIndexChanged ), this,
           &PendulumAnimationDialog::updateState );
  connect( mFile, &QgsFileWidget::fileChanged, this, &PendulumAnimationDialog::updateState );
  // The button says what it does, as the print dialog's "Export" does.
  mButtons->button( QDialogButtonBox::Ok )->setText( tr( "Export Animation" ) );
  connect( mButtons, &QDialogButtonBox::accepted, this, &QDialog::accept );
  connect( mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject );
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
