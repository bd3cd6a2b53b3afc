#include "pendulumeventsdock.h"

#include "pendulumhistoricaldate.h"
#include "pendulumpopup.h"

#include <QHeaderView>

PendulumEventsDock::PendulumEventsDock( QWidget *parent ) : QgsDockWidget( parent )
{
  setupUi( this );
  // Per-column resize modes are not part of a .ui file.
  QHeaderView *header = mPendulumEventList->header();
  header->setSectionResizeMode( 0, QHeaderView::ResizeToContents );
  header->setSectionResizeMode( 1, QHeaderView::Stretch );
  header->setSectionResizeMode( 2, QHeaderView::ResizeToContents );

  connect( mPendulumEventSearch, &QgsFilterLineEdit::textChanged, this, &PendulumEventsDock::populate );
  connect( mPendulumPreviousChange, &QToolButton::clicked, this,
           &PendulumEventsDock::previousChangeRequested );
  connect( mPendulumNextChange, &QToolButton::clicked, this, &PendulumEventsDock::nextChangeRequested );
  connect( mPendulumGoToDate, &QLineEdit::returnPressed, this,
           [this] { emit dateRequested( mPendulumGoToDate->text() ); } );
  connect( mPendulumEventList, &QTreeWidget::itemSelectionChanged, this,
           [this]
           {
             const QList<QTreeWidgetItem *> selected = mPendulumEventList->selectedItems();
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
  if ( !mPendulumGoToDate->hasFocus() && day.isValid() )
    mPendulumGoToDate->setText( day.toString( Qt::ISODate ) );
}

void PendulumEventsDock::populate()
{
  // Keep the selection across a new search or language, without re-announcing it.
  const QList<QTreeWidgetItem *> selected = mPendulumEventList->selectedItems();
  const QString selectedId =
      selected.isEmpty() ? QString() : selected.first()->data( 0, Qt::UserRole ).toString();
  const QSignalBlocker blocker( mPendulumEventList );
  mPendulumEventList->clear();
  QList<QTreeWidgetItem *> items;
  for ( const PendulumEvent &event : mEvents.matching( mPendulumEventSearch->text() ) )
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
  mPendulumEventList->addTopLevelItems( items );
  for ( QTreeWidgetItem *item : std::as_const( items ) )
  {
    if ( item->data( 0, Qt::UserRole ).toString() == selectedId )
    {
      item->setSelected( true );
      mPendulumEventList->scrollToItem( item );
    }
  }
}
