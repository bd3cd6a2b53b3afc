#include "pendulumgdalmessagefilter.h"

PendulumGdalMessageFilter::PendulumGdalMessageFilter( CPLErrorNum number, const QByteArray &containing )
    : mNumber( number ), mContaining( containing )
{
  // The handler stack is per thread: other threads' messages pass as before.
  CPLPushErrorHandlerEx( &PendulumGdalMessageFilter::collect, this );
}

PendulumGdalMessageFilter::~PendulumGdalMessageFilter()
{
  CPLPopErrorHandler();
  for ( const Message &message : mMessages )
  {
    if ( message.number == mNumber && message.text.contains( mContaining ) )
      continue;
    CPLError( message.level, message.number, "%s", message.text.constData() );
  }
}

void CPL_STDCALL PendulumGdalMessageFilter::collect( CPLErr level, CPLErrorNum number, const char *text )
{
  static_cast<PendulumGdalMessageFilter *>( CPLGetErrorHandlerUserData() )
      ->mMessages.push_back( { level, number, QByteArray( text ) } );
}
