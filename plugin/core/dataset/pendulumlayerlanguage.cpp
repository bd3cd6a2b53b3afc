#include "pendulumlayerlanguage.h"

#include "pendulumlanguage.h"
#include "pendulumqgiscompat.h"

#include "pendulumdataset.h"
#include "pendulumschema.h"

#include "qgsattributeeditorcontainer.h"
#include "qgsattributeeditorfield.h"
#include "qgsattributetableconfig.h"
#include "qgscategorizedsymbolrenderer.h"
#include "qgseditformconfig.h"
#include "qgseditorwidgetsetup.h"
#include "qgsexpression.h"
#include "qgsmaplayerlegend.h"
#include "qgspallabeling.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayerlabeling.h"

namespace
{
const QString sScope = QStringLiteral( "Pendulum" );
const QString sKey = QStringLiteral( "language" );

bool isPopupField( const QString &name )
{
  return name.startsWith( QLatin1String( "popup_" ) );
}

/**
 * The form: the popup, rendered, then every record field (read only, the
 * record is) for those who want the raw values. The popup element is a text
 * element since QGIS 3.30 and an HTML element run by QtWebKit in 3.22
 * (PendulumQgis::createFieldHtmlElement). The value is inserted as markup; it
 * is HTML we built with every attribute escaped (PendulumPopup).
 */
QgsEditFormConfig formConfig( const QgsVectorLayer *layer, const QString &popupField,
                              const QString &language )
{
  QgsEditFormConfig config = layer->editFormConfig();
  config.clearTabs();
  config.setLayout( PendulumQgis::AttributeFormLayout::DragAndDrop );

  // Two tabs: the popup fills the Identify form's first page (stacked above the fields,
  // QGIS gives the HTML element all spare height and leaves a wide blank), the raw fields
  // wait on the second for those who edit.
  static const QHash<QString, QPair<QString, QString>> sTitles = {
      { QStringLiteral( "en" ), { QStringLiteral( "History" ), QStringLiteral( "Attributes" ) } },
      { QStringLiteral( "ja" ), { QStringLiteral( "歴史" ), QStringLiteral( "属性" ) } },
      { QStringLiteral( "ru" ), { QStringLiteral( "История" ), QStringLiteral( "Атрибуты" ) } },
  };
  const QPair<QString, QString> titles = sTitles.value( language, sTitles.value( QStringLiteral( "en" ) ) );
  auto *popupTab = new QgsAttributeEditorContainer( titles.first, config.invisibleRootContainer() );
  PendulumQgis::setContainerType( popupTab, PendulumQgis::AttributeEditorContainerType::Tab );
  popupTab->addChildElement(
      PendulumQgis::createFieldHtmlElement( QStringLiteral( "pendulum_popup" ), popupField, popupTab ) );
  config.addTab( popupTab );

  auto *fields = new QgsAttributeEditorContainer( titles.second, config.invisibleRootContainer() );
  PendulumQgis::setContainerType( fields, PendulumQgis::AttributeEditorContainerType::Tab );
  const QgsFields layerFields = layer->fields();
  for ( int i = 0; i < layerFields.count(); ++i )
  {
    if ( !isPopupField( layerFields.at( i ).name() ) )
      fields->addChildElement( new QgsAttributeEditorField( layerFields.at( i ).name(), i, fields ) );
  }
  config.addTab( fields );
  return config;
}
/**
 * The legend's names of the powers (the categories of every holder-coloured style).
 * English is the styles' own wording (styles/tools/generate_styles.py); a style whose
 * categories a user renamed keeps its labels in English.
 */
QString legendName( const QString &holder, const QString &language )
{
  static const QHash<QString, QPair<QString, QString>> sNames = {
      { QStringLiteral( "JP" ), { QStringLiteral( "日本" ), QStringLiteral( "Япония" ) } },
      { QStringLiteral( "RU" ), { QStringLiteral( "ロシア帝国" ), QStringLiteral( "Российская империя" ) } },
      { QStringLiteral( "SU" ), { QStringLiteral( "ソビエト連邦" ), QStringLiteral( "Советский Союз" ) } },
      { QStringLiteral( "RF" ),
        { QStringLiteral( "ロシア連邦" ), QStringLiteral( "Российская Федерация" ) } },
      { QStringLiteral( "FER" ),
        { QStringLiteral( "極東共和国" ), QStringLiteral( "Дальневосточная республика" ) } },
      { QStringLiteral( "CN" ),
        { QStringLiteral( "中国(清・中華民国)" ), QStringLiteral( "Китай (Цин / Республика)" ) } },
      { QStringLiteral( "PRC" ),
        { QStringLiteral( "中華人民共和国" ), QStringLiteral( "Китайская Народная Республика" ) } },
      { QStringLiteral( "MK" ), { QStringLiteral( "満洲国" ), QStringLiteral( "Маньчжоу-го" ) } },
      { QStringLiteral( "KR" ), { QStringLiteral( "朝鮮・韓国" ), QStringLiteral( "Корея" ) } },
      { QStringLiteral( "MN" ), { QStringLiteral( "モンゴル" ), QStringLiteral( "Монголия" ) } },
      { QStringLiteral( "US" ),
        { QStringLiteral( "アメリカ合衆国(占領)" ), QStringLiteral( "США (оккупация)" ) } },
      { QStringLiteral( "JOINT" ),
        { QStringLiteral( "日露雑居" ), QStringLiteral( "Совместное владение" ) } },
      { QStringLiteral( "SIB" ),
        { QStringLiteral( "オムスク政府(シベリア臨時政府・コルチャーク)" ),
          QStringLiteral( "Омские правительства (Сибирское, Колчак)" ) } },
      { QStringLiteral( "SEM" ),
        { QStringLiteral( "セミョーノフ政権" ), QStringLiteral( "Атаман Семёнов" ) } },
      { QStringLiteral( "KAL" ),
        { QStringLiteral( "カルムイコフ政権" ), QStringLiteral( "Атаман Калмыков" ) } },
      { QStringLiteral( "HOR" ),
        { QStringLiteral( "ホルヴァート(東清鉄道)" ), QStringLiteral( "Хорват (КВЖД)" ) } },
      { QStringLiteral( "ZEM" ),
        { QStringLiteral( "沿海州ゼムストヴォ政府" ), QStringLiteral( "Приморская земская управа" ) } },
      { QStringLiteral( "PRM" ),
        { QStringLiteral( "プリアムール臨時政府" ), QStringLiteral( "Приамурское правительство" ) } },
  };
  const auto it = sNames.constFind( holder );
  if ( it == sNames.constEnd() )
    return QString();
  return language == QLatin1String( "ja" )   ? it->first
         : language == QLatin1String( "ru" ) ? it->second
                                             : QString();
}

//! Keeps the English category labels the style came with, to restore them.
const char *const sEnglishLabelProperty = "pendulum/legend_en";

void translateLegend( QgsVectorLayer *layer, const QString &language )
{
  auto *renderer = dynamic_cast<QgsCategorizedSymbolRenderer *>( layer->renderer() );
  if ( !renderer || renderer->classAttribute() != PendulumSchema::holderField() )
    return;
  const QgsCategoryList categories = renderer->categories();
  QStringList english = layer->customProperty( sEnglishLabelProperty ).toStringList();
  if ( english.size() != categories.size() )
  {
    english.clear();
    for ( const QgsRendererCategory &category : categories )
      english << category.label();
    layer->setCustomProperty( sEnglishLabelProperty, english );
  }
  for ( int i = 0; i < categories.size(); ++i )
  {
    const QString name = legendName( categories.at( i ).value().toString(), language );
    renderer->updateCategoryLabel( i, name.isEmpty() ? english.at( i ) : name );
  }
  // The labels changed inside the renderer, which tells no one: the Layers panel redraws its legend.
  if ( QgsMapLayerLegend *legend = layer->legend() )
    emit legend->itemsChanged();
}
} // namespace

QString PendulumLayerLanguage::fromProject( const QgsProject *project )
{
  if ( !project )
    return QStringLiteral( "en" );
  return PendulumLanguage::normalised( project->readEntry( sScope, sKey, QStringLiteral( "en" ) ) );
}

void PendulumLayerLanguage::toProject( QgsProject *project, const QString &language )
{
  if ( project )
    project->writeEntry( sScope, sKey, PendulumLanguage::normalised( language ) );
}

void PendulumLayerLanguage::apply( QgsVectorLayer *layer, const PendulumLayerInfo &info,
                                   const QString &language )
{
  if ( !layer )
    return;
  const QString lang = PendulumLanguage::normalised( language );
  layer->setName( info.title( lang ) );
  translateLegend( layer, lang );
  const QgsFields fields = layer->fields();

  // Labels: the name in the chosen language, English where it has none.
  const QString name = PendulumLanguage::nameField( lang );
  if ( fields.lookupField( name ) >= 0 )
  {
    const QString nameExpression =
        lang == QLatin1String( "en" )
            ? QgsExpression::quotedColumnRef( name )
            : QStringLiteral( "coalesce(nullif(%1, ''), %2)" )
                  .arg( QgsExpression::quotedColumnRef( name ),
                        QgsExpression::quotedColumnRef( PendulumLanguage::nameField( "en" ) ) );
    // As PendulumTextSanitiser: no control or bidi character reaches a label (an edited
    // GeoPackage could hold one; in an SVG export it would make the XML malformed).
    const QString labelExpression =
        QStringLiteral( "regexp_replace(%1, '[\\\\x00-\\\\x08\\\\x0b\\\\x0c\\\\x0e-\\\\x1f\\\\x7f-\\\\x9f"
                        "\\\\x{202a}-\\\\x{202e}\\\\x{2066}-\\\\x{2069}]', '')" )
            .arg( nameExpression );
    layer->setDisplayExpression( labelExpression );
    if ( auto *labeling = dynamic_cast<QgsVectorLayerSimpleLabeling *>( layer->labeling() ) )
    {
      // Keep the style's text format and placement; change only what is written.
      QgsPalLayerSettings settings = labeling->settings();
      settings.fieldName = labelExpression;
      settings.isExpression = true;
      layer->setLabeling( new QgsVectorLayerSimpleLabeling( settings ) );
    }
  }

  // Map tip and form: the popup precomputed by `pendulum build`.
  const QString popup = PendulumLanguage::popupField( lang );
  if ( fields.lookupField( popup ) < 0 )
    return;
  // [% %] in a map tip is expanded by QgsExpression::replaceExpressionText,
  // which inserts the value as it is: the popup HTML, escaped when built.
  layer->setMapTipTemplate( QStringLiteral( "[% %1 %]" ).arg( QgsExpression::quotedColumnRef( popup ) ) );
  layer->setEditFormConfig( formConfig( layer, popup, lang ) );

  // The popup columns are for map tips and forms, not for reading as text.
  QgsAttributeTableConfig table = layer->attributeTableConfig();
  table.update( fields );
  QVector<QgsAttributeTableConfig::ColumnConfig> columns = table.columns();
  for ( QgsAttributeTableConfig::ColumnConfig &column : columns )
  {
    if ( isPopupField( column.name ) )
      column.hidden = true;
  }
  table.setColumns( columns );
  layer->setAttributeTableConfig( table );
  for ( int i = 0; i < fields.count(); ++i )
  {
    if ( isPopupField( fields.at( i ).name() ) )
      layer->setEditorWidgetSetup( i, QgsEditorWidgetSetup( QStringLiteral( "Hidden" ), QVariantMap() ) );
    // The citations column holds a JSON array: QGIS would give it a key/value table that
    // shows an array as empty; as multi-line text it reads (and edits) as written.
    else if ( fields.at( i ).name() == PendulumSchema::sourcesField() )
      layer->setEditorWidgetSetup( i, QgsEditorWidgetSetup( QStringLiteral( "TextEdit" ),
                                                            { { QStringLiteral( "IsMultiline" ), true },
                                                              { QStringLiteral( "UseHtml" ), false } } ) );
  }
}

int PendulumLayerLanguage::applyToProject( QgsProject *project, const PendulumCatalog &catalog,
                                           const QString &language )
{
  if ( !project )
    return 0;
  toProject( project, language );
  int changed = 0;
  const QMap<QString, QgsMapLayer *> layers = project->mapLayers();
  for ( QgsMapLayer *mapLayer : layers )
  {
    auto *layer = qobject_cast<QgsVectorLayer *>( mapLayer );
    if ( !layer )
      continue;
    const PendulumLayerInfo *info =
        catalog.layer( layer->customProperty( PendulumDataset::layerIdProperty() ).toString() );
    if ( !info )
      continue;
    apply( layer, *info, language );
    ++changed;
  }
  return changed;
}
