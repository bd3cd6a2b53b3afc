#include "pendulumsourcesdock.h"

#include "pendulumsourcelist.h"

#include <QApplication>
#include <QClipboard>

PendulumSourcesDock::PendulumSourcesDock( QWidget *parent ) : QgsDockWidget( parent )
{
  // The browser opens DOIs and URLs of the bibliography in the system browser, not in the dock
  // (openExternalLinks in the .ui file).
  setupUi( this );
  connect( mPendulumCopyCitation, &QPushButton::clicked, this, [this] { copy( mCitations ); } );
  connect( mPendulumCopyBibtex, &QPushButton::clicked, this, [this] { copy( mBibtex ); } );
  connect( mPendulumCopyCslJson, &QPushButton::clicked, this, [this] { copy( mCslJson ); } );
  clear();
}

void PendulumSourcesDock::setContent( const QString &html, const PendulumSourceList &sources )
{
  mHtml = html;
  mCitations = sources.text();
  mBibtex = sources.bibtex();
  mCslJson = QString::fromUtf8( sources.cslJson() );
  mPendulumSourcesBrowser->setHtml( mHtml );
  for ( QPushButton *button : { mPendulumCopyCitation, mPendulumCopyBibtex, mPendulumCopyCslJson } )
    button->setEnabled( !sources.isEmpty() );
}

void PendulumSourcesDock::clear()
{
  mHtml.clear();
  mCitations.clear();
  mBibtex.clear();
  mCslJson.clear();
  mPendulumSourcesBrowser->setHtml(
      QStringLiteral( "<p>%1</p>" )
          .arg( tr( "Click the map with <b>What Was Here?</b>, or choose an event, to see the "
                    "sources for a place on the date shown." ) ) );
  for ( QPushButton *button : { mPendulumCopyCitation, mPendulumCopyBibtex, mPendulumCopyCslJson } )
    button->setEnabled( false );
}

void PendulumSourcesDock::copy( const QString &text )
{
  QApplication::clipboard()->setText( text );
}
