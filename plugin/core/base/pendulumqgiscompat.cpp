#include "pendulumqgiscompat.h"

#include "qgsattributeeditorcontainer.h"
#include "qgsexpression.h"
#include "qgslayertree.h"
#include "qgslayertreemodel.h"
#include "qgslegendstyle.h"
#include "qgsvectorlayer.h"
#include "qgsmapsettings.h"
#if _QGIS_VERSION_INT >= 33000
#include "qgsattributeeditortextelement.h"
#include "qgstextformat.h"
#else
#include "qgsattributeeditorhtmlelement.h"
#endif
#if _QGIS_VERSION_INT >= 33200
#include "qgslayertreefiltersettings.h"
#endif

#include <type_traits>
#include <utility>

namespace PendulumQgis
{

void setLegendStyleFont( QgsLegendStyle &style, const QFont &font )
{
#if _QGIS_VERSION_INT >= 33000
  style.setTextFormat( QgsTextFormat::fromQFont( font ) );
#else
  style.setFont( font );
#endif
}

void setLegendFilter( QgsLayerTreeModel &model, QgsLayerTree *root, const QgsMapSettings &settings )
{
#if _QGIS_VERSION_INT >= 33200
  // What the deprecated setLegendFilter( settings, useExtent = true, no polygon, useExpressions = true ) did.
  QgsLayerTreeFilterSettings filter( settings );
  filter.setLayerFilterExpressionsFromLayerTree( root );
  model.setFilterSettings( &filter );
#else
  Q_UNUSED( root )
  model.setLegendFilter( &settings, true, QgsGeometry(), true );
#endif
}

void setContainerType( QgsAttributeEditorContainer *container, AttributeEditorContainerType type )
{
#if _QGIS_VERSION_INT >= 33200
  container->setType( type );
#else
  container->setIsGroupBox( type == AttributeEditorContainerType::GroupBox );
#endif
}

AttributeEditorContainerType containerType( const QgsAttributeEditorContainer *container )
{
#if _QGIS_VERSION_INT >= 33200
  return container->type();
#else
  return container->isGroupBox() ? AttributeEditorContainerType::GroupBox : AttributeEditorContainerType::Tab;
#endif
}

QgsAttributeEditorElement *createFieldHtmlElement( const QString &name, const QString &field,
                                                   QgsAttributeEditorElement *parent )
{
#if _QGIS_VERSION_INT >= 33000
  auto *element = new QgsAttributeEditorTextElement( name, parent );
  element->setText( QStringLiteral( "[% %1 %]" ).arg( QgsExpression::quotedColumnRef( field ) ) );
#else
  auto *element = new QgsAttributeEditorHtmlElement( name, parent );
  element->setHtmlCode(
      QStringLiteral( "<div id=\"pendulum\"></div><script>document.getElementById('pendulum').innerHTML = "
                      "expression.evaluate(%1);</script>" )
          .arg( QgsExpression::quotedString( QgsExpression::quotedColumnRef( field ) ) ) );
#endif
  element->setShowLabel( false );
  return element;
}

namespace
{
// saveStyleToDatabaseV2 came with QGIS 4.0 and was backported to a 3.44 release: use it where it exists.
template <typename Layer>
auto saveStyle( Layer &layer, const QString &name, const QString &description, bool useAsDefault,
                QString &error, int ) -> decltype( layer.saveStyleToDatabaseV2( name, description, useAsDefault,
                                                                                   QString(), error ),
                                                   void() )
{
  layer.saveStyleToDatabaseV2( name, description, useAsDefault, QString(), error );
}

template <typename Layer>
void saveStyle( Layer &layer, const QString &name, const QString &description, bool useAsDefault,
                QString &error, long )
{
  layer.saveStyleToDatabase( name, description, useAsDefault, QString(), error );
}
} // namespace

QString saveStyleToDatabase( QgsVectorLayer &layer, const QString &name, const QString &description,
                             bool useAsDefault )
{
  QString error;
  saveStyle( layer, name, description, useAsDefault, error, 0 );
  return error;
}

} // namespace PendulumQgis
