#include "pendulumsourcesdock.h"

#include "pendulumsourcelist.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

PendulumSourcesDock::PendulumSourcesDock( QWidget *parent )
    : QgsDockWidget( tr( "Pendulum Sources" ), parent )
{
  setObjectName( QStringLiteral( "PendulumSourcesDock" ) );
  QWidget *contents = new QWidget( this );
  QVBoxLayout *layout = new QVBoxLayout( contents );
  layout->setContentsMargins( 3, 3, 3, 3 );
  mBrowser = new QTextBrowser( contents );
  mBrowser->setObjectName( QStringLiteral( "mPendulumSourcesBrowser" ) );
  // DOIs and URLs of the bibliography open in the system browser, not in the dock.
  mBrowser->setOpenExternalLinks( true );
  layout->addWidget( mBrowser, 1 );

  QHBoxLayout *buttons = new QHBoxLayout();
  mCopyCitations = new QPushButton( tr( "Copy Citation" ), contents );
  mCopyCitations->setObjectName( QStringLiteral( "mPendulumCopyCitation" ) );
  mCopyCitations->setToolTip( tr( "Copy the works cited here as author–date references (plain text)" ) );
  mCopyBibtex = new QPushButton( tr( "Copy BibTeX" ), contents );
  mCopyBibtex->setObjectName( QStringLiteral( "mPendulumCopyBibtex" ) );
  mCopyCslJson = new QPushButton( tr( "Copy CSL-JSON" ), contents );
  mCopyCslJson->setObjectName( QStringLiteral( "mPendulumCopyCslJson" ) );
  mCopyCslJson->setToolTip( tr( "Copy the works cited here as CSL-JSON (Zotero, Pandoc)" ) );
  buttons->addWidget( mCopyCitations );
  buttons->addWidget( mCopyBibtex );
  buttons->addWidget( mCopyCslJson );
  buttons->addStretch( 1 );
  layout->addLayout( buttons );
  setWidget( contents );

  connect( mCopyCitations, &QPushButton::clicked, this, [this] { copy( mCitations ); } );
  connect( mCopyBibtex, &QPushButton::clicked, this, [this] { copy( mBibtex ); } );
  connect( mCopyCslJson, &QPushButton::clicked, this, [this] { copy( mCslJson ); } );
  clear();
}

void PendulumSourcesDock::setContent( const QString &html, const PendulumSourceList &sources )
{
  mHtml = html;
  mCitations = sources.text();
  mBibtex = sources.bibtex();
  mCslJson = QString::fromUtf8( sources.cslJson() );
  mBrowser->setHtml( mHtml );
  for ( QPushButton *button : { mCopyCitations, mCopyBibtex, mCopyCslJson } )
    button->setEnabled( !sources.isEmpty() );
}

void PendulumSourcesDock::clear()
{
  mHtml.clear();
  mCitations.clear();
  mBibtex.clear();
  mCslJson.clear();
  mBrowser->setHtml( QStringLiteral( "<p>%1</p>" )
                         .arg( tr( "Click the map with <b>What Was Here?</b>, or choose an event, to see the "
                                   "sources for a place on the date shown." ) ) );
  for ( QPushButton *button : { mCopyCitations, mCopyBibtex, mCopyCslJson } )
    button->setEnabled( false );
}

void PendulumSourcesDock::copy( const QString &text )
{
  QApplication::clipboard()->setText( text );
}
