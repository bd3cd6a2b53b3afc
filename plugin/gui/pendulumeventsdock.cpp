#include "pendulumeventsdock.h"

#include "pendulumhistoricaldate.h"
#include "pendulumpopup.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "qgsfilterlineedit.h"

PendulumEventsDock::PendulumEventsDock( QWidget *parent ) : QgsDockWidget( tr( "Pendulum Events" ), parent )
{
  setObjectName( QStringLiteral( "PendulumEventsDock" ) );
  QWidget *contents = new QWidget( this );
  QVBoxLayout *layout = new QVBoxLayout( contents );
  layout->setContentsMargins( 3, 3, 3, 3 );

  QHBoxLayout *timeRow = new QHBoxLayout();
  mPrevious = new QToolButton( contents );
  mPrevious->setObjectName( QStringLiteral( "mPendulumPreviousChange" ) );
  mPrevious->setText( QStringLiteral( "◀" ) );
  mPrevious->setToolTip( tr( "Previous change of the map" ) );
  mDate = new QLineEdit( contents );
  mDate->setObjectName( QStringLiteral( "mPendulumGoToDate" ) );
  mDate->setPlaceholderText( tr( "Go to date (YYYY-MM-DD)" ) );
  mDate->setToolTip( tr( "Type a day, e.g. 1905-09-05, and press Enter" ) );
  mNext = new QToolButton( contents );
  mNext->setObjectName( QStringLiteral( "mPendulumNextChange" ) );
  mNext->setText( QStringLiteral( "▶" ) );
  mNext->setToolTip( tr( "Next change of the map" ) );
  timeRow->addWidget( mPrevious );
  timeRow->addWidget( mDate, 1 );
  timeRow->addWidget( mNext );
  layout->addLayout( timeRow );

  mSearch = new QgsFilterLineEdit( contents );
  mSearch->setObjectName( QStringLiteral( "mPendulumEventSearch" ) );
  mSearch->setShowSearchIcon( true );
  mSearch->setPlaceholderText( tr( "Search events (name, place, date)…" ) );
  layout->addWidget( mSearch );

  mList = new QTreeWidget( contents );
  mList->setObjectName( QStringLiteral( "mPendulumEventList" ) );
  mList->setRootIsDecorated( false );
  mList->setUniformRowHeights( true );
  mList->setAlternatingRowColors( true );
  mList->setSelectionMode( QAbstractItemView::SingleSelection );
  mList->setHeaderLabels( { tr( "Date" ), tr( "Event" ), tr( "Kind" ) } );
  mList->header()->setSectionResizeMode( 0, QHeaderView::ResizeToContents );
  mList->header()->setSectionResizeMode( 1, QHeaderView::Stretch );
  mList->header()->setSectionResizeMode( 2, QHeaderView::ResizeToContents );
  mList->header()->setStretchLastSection( false );
  layout->addWidget( mList, 1 );
  setWidget( contents );

  connect( mSearch, &QgsFilterLineEdit::textChanged, this, &PendulumEventsDock::populate );
  connect( mPrevious, &QToolButton::clicked, this, &PendulumEventsDock::previousChangeRequested );
  connect( mNext, &QToolButton::clicked, this, &PendulumEventsDock::nextChangeRequested );
  connect( mDate, &QLineEdit::returnPressed, this, [this] { emit dateRequested( mDate->text() ); } );
  connect( mList, &QTreeWidget::itemSelectionChanged, this,
           [this]
           {
             const QList<QTreeWidgetItem *> selected = mList->selectedItems();
             if ( !selected.isEmpty() )
               emit eventSelected( selected.first()->data( 0, Qt::UserRole ).toString() );
           } );
}

void PendulumEventsDock::setEvents( const PendulumEventList &events, const QString &language )
{
  mEvents = events;
  mLanguage = language;
  populate();
}

void PendulumEventsDock::setCurrentDay( const QDate &day )
{
  if ( !mDate->hasFocus() && day.isValid() )
    mDate->setText( day.toString( Qt::ISODate ) );
}

void PendulumEventsDock::populate()
{
  // Keep the selection across a new search or language, without re-announcing it.
  const QList<QTreeWidgetItem *> selected = mList->selectedItems();
  const QString selectedId =
      selected.isEmpty() ? QString() : selected.first()->data( 0, Qt::UserRole ).toString();
  const QSignalBlocker blocker( mList );
  mList->clear();
  QList<QTreeWidgetItem *> items;
  for ( const PendulumEvent &event : mEvents.matching( mSearch->text() ) )
  {
    QTreeWidgetItem *item = new QTreeWidgetItem(
        { PendulumHistoricalDate::format( event.date, event.precision, mLanguage,
                                          PendulumHistoricalDate::Length::Short ),
          event.name( mLanguage ), PendulumPopup::eventKindName( event.kind, mLanguage ) } );
    item->setData( 0, Qt::UserRole, event.id );
    // Tooltips render rich text when they look like markup: escape the record's text.
    item->setToolTip( 1, QStringLiteral( "<b>%1</b><br/>%2" )
                             .arg( PendulumPopup::escaped( event.name( mLanguage ) ),
                                   PendulumPopup::escaped( event.place ) ) );
    items << item;
  }
  mList->addTopLevelItems( items );
  for ( QTreeWidgetItem *item : std::as_const( items ) )
  {
    if ( item->data( 0, Qt::UserRole ).toString() == selectedId )
    {
      item->setSelected( true );
      mList->scrollToItem( item );
    }
  }
}
