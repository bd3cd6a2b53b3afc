#include "pendulumprintlayout.h"

#include "pendulumbibliography.h"
#include "pendulumfilekind.h"
#include "pendulumlayouttext.h"
#include "pendulummapcontent.h"
#include "pendulumpopup.h"
#include "pendulumprojectloader.h"
#include "pendulumqgiscompat.h"
#include "pendulumregion.h"
#include "pendulumsourcelist.h"
#include "pendulumtemporal.h"
#include "pendulumtextsanitiser.h"

#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>
#include <algorithm>

#include "qgsexpressioncontextutils.h"
#include "qgslayertree.h"
#include "qgslayertreegroup.h"
#include "qgslayertreelayer.h"
#include "qgslayertreemodel.h"
#include "qgslayertreemodellegendnode.h"
#include "qgslayertreeutils.h"
#include "qgslayoutframe.h"
#include "qgslayoutitemlegend.h"
#include "qgslayoutitemmap.h"
#include "qgslayoutitemmapgrid.h"
#include "qgslayoutitempicture.h"
#include "qgslayoutitemregistry.h"
#include "qgslayoutitemtexttable.h"
#include "qgslegendrenderer.h"
#include "qgsmaplayerlegend.h"
#include "qgsmapsettings.h"
#include "qgsprintlayout.h"
#include "qgsproject.h"
#include "qgsreadwritecontext.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayertemporalproperties.h"

// Q_INIT_RESOURCE must be called outside any namespace; the resource lives in a static library.
static void initLayoutResources()
{
  Q_INIT_RESOURCE( pendulum_layouts );
}

namespace
{
template <class T> T *item( QgsLayout *layout, const QString &id )
{
  return qobject_cast<T *>( layout->itemById( id ) );
}

//! The templates' labels quote these as [% @pendulum_<name> %]: plain text, no control or bidi characters.
void setText( QgsLayout *layout, const QString &name, const QString &text )
{
  QgsExpressionContextUtils::setLayoutVariable( layout, QStringLiteral( "pendulum_" ) + name,
                                                PendulumTextSanitiser::sanitised( text ) );
}

/**
 * The author–date key, with a long untitled work's title cut at its first
 * parenthesis: "Treaty of Commerce, Navigation and Delimitation between Japan
 * and Russia 1855" rather than the title with every alternative name.
 */
QString shortCitation( const PendulumBibliography &bibliography, const QString &id )
{
  const QString key = bibliography.authorDate( id );
  const int paren = key.indexOf( QStringLiteral( " (" ) );
  if ( key.size() <= 60 || paren < 0 )
    return key;
  return key.left( paren ) + key.mid( key.lastIndexOf( QLatin1Char( ' ' ) ) );
}
} // namespace

QList<QgsMapLayer *> PendulumPrintLayout::recordLayers( QgsProject *project )
{
  QList<QgsMapLayer *> layers;
  if ( QgsLayerTreeGroup *group = PendulumProjectLoader::findGroup( project ) )
  {
    for ( QgsLayerTreeLayer *node : group->findLayers() )
    {
      if ( node->layer() )
        layers << node->layer();
    }
  }
  return layers;
}

void PendulumPrintLayout::setMapExtent( QgsLayoutItemMap *map, const QgsRectangle &lonLat )
{
  // The requested area widened about its centre to the frame's proportions, so
  // that it is never cropped and QgsLayoutItemMap::setExtent() keeps the frame's
  // size (zoomToExtent() would take the ratio from the template's stored extent).
  const QgsRectangle extent = PendulumRegion::toMapCrs( lonLat );
  const double ratio = map->rect().width() / map->rect().height();
  const QgsPointXY centre = extent.center();
  const double halfWidth = std::max( extent.width(), extent.height() * ratio ) / 2;
  const double halfHeight = std::max( extent.height(), extent.width() / ratio ) / 2;
  map->setExtent( QgsRectangle( centre.x() - halfWidth, centre.y() - halfHeight, centre.x() + halfWidth,
                                centre.y() + halfHeight ) );
}

void PendulumPrintLayout::filterLegend( QgsLayoutItemLegend *legend, QgsLayoutItemMap *map, const QDate &date,
                                        const QString &language )
{
  legend->setLinkedMap( map );
  legend->setTitle( PendulumLayoutText::legendTitle( language ) );
  // The legend lists what the map shows on the day. QGIS's own "only show items inside linked
  // map" is not used: its hit test ignores the map's temporal range (it would list Manchukuo on
  // a map of 1910), and on QGIS 3.40 the layout legend's hit test also drops Korea, Kwantung and
  // Karafuto from a map of 1910 in the region's Lambert conic projection. Instead a layer tree
  // model is hit-tested against the map's settings with each time-enabled layer's temporal filter
  // for the day as its legend filter expression, and the legend gets its own copy of the
  // project's layer tree holding just the layers and legend entries that test found.
  if ( QgsProject *project = legend->layout()->project() )
  {
    // The project's single "Pendulum" group needs no heading of its own.
    if ( QgsLayerTreeGroup *group = PendulumProjectLoader::findGroup( project ) )
      QgsLegendRenderer::setNodeLegendStyle( group, PendulumQgis::LegendComponent::Hidden );

    std::unique_ptr<QgsLayerTree> probe( project->layerTreeRoot()->clone() );
    PendulumTemporal::filterLegendToDay( probe->findLayers(), date );
    QgsLayerTreeModel model( probe.get() );
    const double pixelsPerMm = 96 / 25.4;
    const QgsMapSettings settings = map->mapSettings(
        map->extent(), QSizeF( map->rect().width() * pixelsPerMm, map->rect().height() * pixelsPerMm ), 96,
        true );
    PendulumQgis::setLegendFilter( model, probe.get(), settings );

    // A fresh copy of the project's tree for this legend (an atlas asks again on every page).
    legend->setAutoUpdateModel( true );
    legend->setAutoUpdateModel( false );
    QgsLayerTree *tree = legend->model()->rootGroup();
    for ( QgsLayerTreeLayer *probed : probe->findLayers() )
    {
      QgsLayerTreeLayer *node = tree->findLayer( probed->layerId() );
      if ( !node )
        continue;
      // The entries the hit test kept are some of the layer's original entries, in their order.
      const QList<QgsLayerTreeModelLegendNode *> shown = model.layerLegendNodes( probed );
      const QList<QgsLayerTreeModelLegendNode *> all = model.layerOriginalLegendNodes( probed );
      QList<int> order;
      for ( int i = 0; i < all.size(); ++i )
      {
        if ( shown.contains( all.at( i ) ) )
          order << i;
      }
      if ( order.isEmpty() )
      {
        if ( QgsLayerTreeGroup *parent = qobject_cast<QgsLayerTreeGroup *>( node->parent() ) )
          parent->removeChildNode( node );
        continue;
      }
      QgsMapLayerLegendUtils::setLegendNodeOrder( node, order );
      legend->model()->refreshLayerLegend( node );
    }
  }
  legend->setLegendFilterByMapEnabled( false );
  legend->updateFilterByMap();
}

const QStringList &PendulumPrintLayout::papers()
{
  static const QStringList sPapers{ QStringLiteral( "a4" ), QStringLiteral( "a3" ),
                                    QStringLiteral( "letter" ) };
  return sPapers;
}

const QStringList &PendulumPrintLayout::orientations()
{
  static const QStringList sOrientations{ QStringLiteral( "landscape" ), QStringLiteral( "portrait" ) };
  return sOrientations;
}

QString PendulumPrintLayout::builtInTemplate( const QString &paper, const QString &orientation )
{
  return QStringLiteral( ":/pendulum/layouts/pendulum_%1_%2.qpt" )
      .arg( paper.toLower(), orientation.toLower() );
}

QSizeF PendulumPrintLayout::templatePageSize( const QString &path )
{
  initLayoutResources();
  if ( !path.startsWith( QLatin1Char( ':' ) ) && !PendulumFileKind::checkInput( path ).isEmpty() )
    return QSizeF();
  QFile file( path );
  if ( !file.open( QIODevice::ReadOnly ) )
    return QSizeF();
  // A page is <LayoutItem type="65638" size="420,297,mm"> (QgsLayoutItemRegistry::LayoutPage).
  static const QHash<QString, double> sMillimetres{
      { QStringLiteral( "mm" ), 1.0 },          { QStringLiteral( "cm" ), 10.0 },
      { QStringLiteral( "m" ), 1000.0 },        { QStringLiteral( "in" ), 25.4 },
      { QStringLiteral( "ft" ), 304.8 },        { QStringLiteral( "pt" ), 25.4 / 72.0 },
      { QStringLiteral( "pica" ), 25.4 / 6.0 },
  };
  QXmlStreamReader xml( &file );
  while ( !xml.atEnd() )
  {
    if ( xml.readNext() != QXmlStreamReader::StartElement || xml.name() != QLatin1String( "LayoutItem" ) ||
         xml.attributes().value( QLatin1String( "type" ) ).toInt() != QgsLayoutItemRegistry::LayoutPage )
      continue;
    const QStringList size =
        xml.attributes().value( QLatin1String( "size" ) ).toString().split( QLatin1Char( ',' ) );
    if ( size.size() != 3 || !sMillimetres.contains( size.at( 2 ) ) )
      return QSizeF();
    const double unit = sMillimetres.value( size.at( 2 ) );
    return QSizeF( size.at( 0 ).toDouble() * unit, size.at( 1 ).toDouble() * unit );
  }
  return QSizeF();
}

std::unique_ptr<QgsPrintLayout> PendulumPrintLayout::fromTemplate( QgsProject *project, const QString &path,
                                                                   QString *error )
{
  initLayoutResources();
  // A FIFO would block the read for ever; a resource path (":/…") is Qt's own.
  if ( !path.startsWith( QLatin1Char( ':' ) ) )
  {
    const QString notAFile = PendulumFileKind::checkInput( path );
    if ( !notAFile.isEmpty() )
    {
      *error = notAFile;
      return nullptr;
    }
  }
  QFile file( path );
  if ( !file.open( QIODevice::ReadOnly ) )
  {
    *error = QStringLiteral( "%1: cannot read the layout template (%2)" ).arg( path, file.errorString() );
    return nullptr;
  }
  QDomDocument document;
  QString parseError;
  int line = 0;
  if ( !document.setContent( &file, &parseError, &line ) )
  {
    *error =
        QStringLiteral( "%1: not a layout template (line %2: %3)" ).arg( path ).arg( line ).arg( parseError );
    return nullptr;
  }
  // Pendulum's variables are plain text from the record and its bibliography: a restyled template's
  // label set to "Render as HTML" would take them as markup, so it shows them as text. (In the
  // template, as QGIS 3.22's label header cannot be included without QtWebKit's.)
  const QDomNodeList items = document.elementsByTagName( QStringLiteral( "LayoutItem" ) );
  for ( int i = 0; i < items.size(); ++i )
  {
    QDomElement element = items.at( i ).toElement();
    if ( element.attribute( QStringLiteral( "type" ) ).toInt() == QgsLayoutItemRegistry::LayoutLabel &&
         element.attribute( QStringLiteral( "htmlState" ) ) != QLatin1String( "0" ) &&
         element.attribute( QStringLiteral( "labelText" ) ).contains( QLatin1String( "@pendulum_" ) ) )
      element.setAttribute( QStringLiteral( "htmlState" ), QStringLiteral( "0" ) );
  }
  auto layout = std::make_unique<QgsPrintLayout>( project );
  bool ok = false;
  layout->loadFromTemplate( document, QgsReadWriteContext(), true, &ok );
  if ( !ok )
  {
    *error = QStringLiteral( "%1: QGIS could not load this layout template" ).arg( path );
    return nullptr;
  }
  if ( !item<QgsLayoutItemMap>( layout.get(), QStringLiteral( "map" ) ) )
  {
    *error = QStringLiteral( "%1: the template has no map item with the id \"map\"" ).arg( path );
    return nullptr;
  }
  return layout;
}

std::unique_ptr<QgsPrintLayout> PendulumPrintLayout::create( QgsProject *project,
                                                             const PendulumBibliography &bibliography,
                                                             const PendulumPrintRequest &request,
                                                             QString *error )
{
  const QString path = request.templatePath.isEmpty() ? builtInTemplate( request.paper, request.orientation )
                                                      : request.templatePath;
  std::unique_ptr<QgsPrintLayout> layout = fromTemplate( project, path, error );
  if ( !layout )
    return nullptr;
  const QString language = request.language;
  layout->setName( request.title.isEmpty() ? PendulumLayoutText::mapTitle( request.date, language )
                                           : request.title );

  QgsLayoutItemMap *map = item<QgsLayoutItemMap>( layout.get(), QStringLiteral( "map" ) );
  const QList<QgsMapLayer *> layers = recordLayers( project );
  map->setCrs( PendulumRegion::mapCrs() );
  map->setLayers( layers );
  map->setKeepLayerSet( true );
  // The layout map's own temporal range: QGIS filters every time-enabled layer to the day.
  map->setIsTemporal( true );
  map->setTemporalRange( PendulumTemporal::dayRange( request.date ) );
  const QgsRectangle lonLat =
      request.lonLatExtent.isEmpty() ? PendulumRegion::lonLatExtent() : request.lonLatExtent;
  // The scale bar and north arrow follow the map through the links the template restores.
  setMapExtent( map, lonLat );

  setText( layout.get(), QStringLiteral( "title" ), layout->name() );
  setText( layout.get(), QStringLiteral( "date" ), PendulumLayoutText::dateLine( request.date, language ) );
  setText( layout.get(), QStringLiteral( "credits" ), PendulumLayoutText::credits( language ) );
  setText( layout.get(), QStringLiteral( "sources_heading" ),
           PendulumLayoutText::sourcesHeading( language ) );

  if ( QgsLayoutItemPicture *north = item<QgsLayoutItemPicture>( layout.get(), QStringLiteral( "north" ) ) )
    north->setLinkedMap( map );
  if ( QgsLayoutItemLegend *legend = item<QgsLayoutItemLegend>( layout.get(), QStringLiteral( "legend" ) ) )
    filterLegend( legend, map, request.date, language );
  // The numbered sources of every feature the map shows.
  QList<QgsVectorLayer *> bottomFirst;
  for ( QgsMapLayer *layer : layers )
  {
    if ( QgsVectorLayer *vector = qobject_cast<QgsVectorLayer *>( layer ) )
      bottomFirst.prepend( vector );
  }
  PendulumSourceList sources( bibliography );
  for ( const QgsFeature &feature :
        PendulumMapContent::features( bottomFirst, request.date, map->extent(), map->crs() ) )
    sources.add( feature );
  const QStringList ids = sources.ids();
  QStringList compact;
  QVector<QStringList> rows;
  for ( int i = 0; i < ids.size(); ++i )
  {
    compact
        << QStringLiteral( "[%1]\u00a0%2" ).arg( i + 1 ).arg( shortCitation( bibliography, ids.at( i ) ) );
    rows << QStringList{ QStringLiteral( "[%1]" ).arg( i + 1 ),
                         PendulumTextSanitiser::sanitised( bibliography.reference( ids.at( i ) ) ) };
  }
  setText( layout.get(), QStringLiteral( "source_count" ), QString::number( ids.size() ) );
  setText(
      layout.get(), QStringLiteral( "sources" ),
      QStringLiteral( "%1: %2" )
          .arg( PendulumLayoutText::sourcesHeading( language ), compact.join( QStringLiteral( "; " ) ) ) );
  if ( QgsLayoutFrame *frame = item<QgsLayoutFrame>( layout.get(), QStringLiteral( "sources_table" ) ) )
  {
    if ( QgsLayoutItemTextTable *table = qobject_cast<QgsLayoutItemTextTable *>( frame->multiFrame() ) )
      table->setContents( rows );
  }
  layout->refresh();
  return layout;
}
