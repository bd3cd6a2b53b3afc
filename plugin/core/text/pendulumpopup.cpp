#include "pendulumpopup.h"

#include "pendulumtextsanitiser.h"

#include "pendulumdate.h"
#include "pendulumhistoricaldate.h"
#include "pendulumlanguage.h"

#include <QHash>

#include "qgsexpression.h"
#include "qgsexpressioncontextutils.h"
#include "qgsfeature.h"
#include "qgsfields.h"
#include "qgsvectorlayer.h"

namespace
{
//! A term in the three languages.
struct Term
{
  const char *en;
  const char *ja;
  const char *ru;

  QString in( const QString &language ) const
  {
    if ( language == QLatin1String( "ja" ) )
      return QString::fromUtf8( ja );
    if ( language == QLatin1String( "ru" ) )
      return QString::fromUtf8( ru );
    return QString::fromUtf8( en );
  }
};

QString lookup( const QHash<QString, Term> &terms, const QString &code, const QString &language )
{
  const auto it = terms.constFind( code );
  return it == terms.constEnd() ? code : it->in( PendulumLanguage::normalised( language ) );
}

//! The words of the popup itself.
QString label( const char *key, const QString &language )
{
  static const QHash<QString, Term> sLabels = {
      { QStringLiteral( "from" ), { "From", "開始", "С" } },
      { QStringLiteral( "until" ), { "until", "終了", "до" } },
      { QStringLiteral( "until_note" ),
        { "the end date is the day control changed hands", "終了日は支配が移った日",
          "дата окончания — день смены власти" } },
      { QStringLiteral( "status" ), { "Status", "地位", "Статус" } },
      { QStringLiteral( "holder" ), { "Holder", "支配者", "Владелец" } },
      { QStringLiteral( "overlord" ), { "Overlord", "宗主", "Сюзерен" } },
      { QStringLiteral( "certainty" ), { "Certainty", "確度", "Достоверность" } },
      { QStringLiteral( "method" ), { "Outline", "境界の作成方法", "Как проведены границы" } },
      { QStringLiteral( "sources" ), { "Sources", "典拠", "Источники" } },
      { QStringLiteral( "date" ), { "Date", "日付", "Дата" } },
      { QStringLiteral( "kind" ), { "Kind", "種別", "Тип" } },
      { QStringLiteral( "place" ), { "Place", "場所", "Место" } },
      { QStringLiteral( "english" ), { "", "(説明は英語のみ)", "(описание только на английском)" } },
  };
  return lookup( sLabels, QString::fromLatin1( key ), language );
}

//! A day on which a holder's name changes: before it \a code is named by \a before, from it by \a after.
struct HolderRenaming
{
  QString code;
  QDate day;
  QString before;
  QString after;
};

//! Every renaming, each holder's in date order (holderTerm() and holderTerms() read them).
const QList<HolderRenaming> &holderRenamings()
{
  static const QList<HolderRenaming> sRenamings = {
      // The restoration of imperial rule was proclaimed on 3 January 1868 (Keiō 3, 12th month, 9th day).
      { QStringLiteral( "JP" ), QDate( 1868, 1, 3 ), QStringLiteral( "JP-1868" ), QStringLiteral( "JP" ) },
      { QStringLiteral( "JP" ), QDate( 1947, 5, 3 ), QStringLiteral( "JP" ), QStringLiteral( "JP-1947" ) },
      { QStringLiteral( "KR" ), QDate( 1897, 10, 12 ), QStringLiteral( "KR-1897" ), QStringLiteral( "KR" ) },
      { QStringLiteral( "CN" ), QDate( 1912, 1, 1 ), QStringLiteral( "CN-1912" ), QStringLiteral( "CN" ) },
      { QStringLiteral( "SIB" ), QDate( 1918, 11, 18 ), QStringLiteral( "SIB-1918" ),
        QStringLiteral( "SIB" ) },
      { QStringLiteral( "SU" ), QDate( 1922, 12, 30 ), QStringLiteral( "SU-1922" ), QStringLiteral( "SU" ) },
  };
  return sRenamings;
}

//! The holder's name for a date: Japan was the Tokugawa shogunate until 1868, the Empire of Japan until the
//! 1947 constitution, and so on.
QString holderTerm( const QString &code, const QDate &date, const QString &language )
{
  static const QHash<QString, Term> sHolders = {
      { QStringLiteral( "JP" ), { "Empire of Japan", "大日本帝国", "Японская империя" } },
      { QStringLiteral( "JP-1947" ), { "Japan", "日本", "Япония" } },
      { QStringLiteral( "JP-1868" ),
        { "Japan (Tokugawa shogunate)", "日本(江戸幕府)", "Япония (сёгунат Токугава)" } },
      { QStringLiteral( "RU" ), { "Russian Empire", "ロシア帝国", "Российская империя" } },
      { QStringLiteral( "SU" ), { "Soviet Union", "ソビエト連邦", "Советский Союз" } },
      { QStringLiteral( "SU-1922" ), { "Soviet Russia", "ソビエト・ロシア", "Советская Россия" } },
      { QStringLiteral( "RF" ), { "Russian Federation", "ロシア連邦", "Российская Федерация" } },
      { QStringLiteral( "FER" ), { "Far Eastern Republic", "極東共和国", "Дальневосточная республика" } },
      { QStringLiteral( "CN" ), { "Republic of China", "中華民国", "Китайская Республика" } },
      { QStringLiteral( "CN-1912" ), { "Qing China", "清国", "Цинская империя" } },
      { QStringLiteral( "PRC" ),
        { "People's Republic of China", "中華人民共和国", "Китайская Народная Республика" } },
      { QStringLiteral( "MK" ), { "Manchukuo", "満洲国", "Маньчжоу-го" } },
      { QStringLiteral( "KR" ), { "Korean Empire", "大韓帝国", "Корейская империя" } },
      { QStringLiteral( "KR-1897" ), { "Joseon Korea", "朝鮮", "Чосон" } },
      { QStringLiteral( "MN" ), { "Mongolia", "モンゴル", "Монголия" } },
      { QStringLiteral( "US" ), { "United States", "アメリカ合衆国", "США" } },
      { QStringLiteral( "JOINT" ),
        { "Japan and Russia jointly (undivided)", "日露雑居(国境未画定)",
          "совместно Япония и Россия (неразделённая)" } },
      { QStringLiteral( "SIB" ),
        { "Russian State (Admiral Kolchak, Omsk)", "ロシア国家(コルチャーク政権、オムスク)",
          "Российское государство (А. В. Колчак, Омск)" } },
      { QStringLiteral( "SIB-1918" ),
        { "Provisional Siberian Government", "シベリア臨時政府", "Временное Сибирское правительство" } },
      { QStringLiteral( "SEM" ),
        { "Ataman Semenov's regime (Transbaikalia)", "セミョーノフ政権(ザバイカル)",
          "режим атамана Семёнова (Забайкалье)" } },
      { QStringLiteral( "KAL" ),
        { "Ataman Kalmykov's regime (Ussuri Cossacks)", "カルムイコフ政権(ウスリー・コサック)",
          "режим атамана Калмыкова (уссурийские казаки)" } },
      { QStringLiteral( "HOR" ),
        { "General Horvath's railway administration", "ホルヴァートの東清鉄道管理",
          "управление КВЖД генерала Хорвата" } },
      { QStringLiteral( "ZEM" ),
        { "Primorye Zemstvo government (Vladivostok)", "沿海州ゼムストヴォ政府(ウラジオストク)",
          "Приморская областная земская управа (Владивосток)" } },
      { QStringLiteral( "PRM" ),
        { "Provisional Priamur Government (Vladivostok)", "プリアムール臨時政府(ウラジオストク)",
          "Временное Приамурское правительство (Владивосток)" } },
  };
  QString key = code;
  if ( date.isValid() )
  {
    for ( const HolderRenaming &renaming : holderRenamings() )
    {
      if ( renaming.code != code )
        continue;
      key = date < renaming.day ? renaming.before : renaming.after;
      if ( date < renaming.day )
        break;
    }
  }
  return lookup( sHolders, key, language );
}

QString attributeText( const QVariantMap &attributes, const QString &name )
{
  const QVariant value = attributes.value( name );
  if ( value.isNull() || !value.isValid() )
    return QString();
  return value.toString().trimmed();
}

/**
 * The holder's names over [\a from, \a to): "Japan (Tokugawa shogunate) → Empire of Japan → Japan"
 * for a feature that outlived the names (an open end runs to today).
 */
QString holderTerms( const QString &code, const QDate &from, const QDate &to, const QString &language )
{
  QStringList names{ holderTerm( code, from, language ) };
  const QDate end = to.isValid() ? to : QDate::currentDate();
  for ( const HolderRenaming &renaming : holderRenamings() )
  {
    if ( renaming.code != code || !from.isValid() || renaming.day <= from || renaming.day >= end )
      continue;
    const QString name = holderTerm( code, renaming.day, language );
    if ( name != names.constLast() )
      names << name;
  }
  return names.join( QStringLiteral( " → " ) );
}

//! A date attribute: a QDate from the GeoPackage, a string from GeoJSON.
QDate date( const QVariantMap &attributes, const QString &name )
{
  const QVariant value = attributes.value( name );
  if ( value.type() == QVariant::Date || value.type() == QVariant::DateTime )
    return value.toDate();
  return PendulumDate::parse( value.toString() );
}

const QString sPopupStyle =
    QStringLiteral( "font-family:'Noto Sans','Noto Sans CJK "
                    "JP',sans-serif;font-size:10pt;line-height:1.3;color:#222;max-width:34em" );
} // namespace

//! What a popup says, before it is written as HTML or text. Strings are sanitised, not escaped.
struct PendulumPopup::Content
{
  QString title;
  QStringList otherNames;
  QString period;          //!< "25 Nov 1905 – 25 Aug 1945" (or an event's date)
  QStringList dateDetails; //!< full dates with Old Style and era
  QString dateNote;        //!< how to read the end date
  QList<QPair<QString, QString>> rows;
  QString description;
  QString descriptionNote; //!< "(English only)" where the language has none
  QString sourcesTitle;
  QList<PendulumCitation> sources;
};

PendulumPopup::PendulumPopup( const PendulumBibliography &bibliography ) : mBibliography( bibliography ) {}

QString PendulumPopup::escaped( const QString &text )
{
  return PendulumTextSanitiser::sanitised( text ).toHtmlEscaped();
}

QString PendulumPopup::holderName( const QString &code, const QString &language )
{
  return holderTerm( code, QDate(), language );
}

QString PendulumPopup::statusName( const QString &code, const QString &language )
{
  static const QHash<QString, Term> sStatus = {
      { QStringLiteral( "sovereign" ), { "sovereign territory", "領土", "суверенная территория" } },
      { QStringLiteral( "leased" ), { "leased territory", "租借地", "арендованная территория" } },
      { QStringLiteral( "railway_zone" ),
        { "railway zone", "鉄道附属地", "полоса отчуждения железной дороги" } },
      { QStringLiteral( "sphere" ), { "sphere of influence", "勢力圏", "сфера влияния" } },
      { QStringLiteral( "protectorate" ), { "protectorate", "保護国", "протекторат" } },
      { QStringLiteral( "occupied" ), { "under military occupation", "占領地", "военная оккупация" } },
      { QStringLiteral( "puppet_state" ), { "puppet state", "傀儡国家", "марионеточное государство" } },
      { QStringLiteral( "annexed" ), { "annexed", "併合地", "аннексированная территория" } },
      { QStringLiteral( "disputed" ),
        { "claimed (disputed)", "領有権を主張(係争地)", "спорная территория (притязания)" } },
      { QStringLiteral( "condominium" ),
        { "condominium (shared)", "共同領有", "кондоминиум (совместное владение)" } },
  };
  return lookup( sStatus, code, language );
}

QString PendulumPopup::certaintyName( const QString &code, const QString &language )
{
  static const QHash<QString, Term> sCertainty = {
      { QStringLiteral( "high" ),
        { "high: fixed by treaty text or a coastline", "高:条約文または海岸線で確定",
          "высокая: по тексту договора или береговой линии" } },
      { QStringLiteral( "medium" ),
        { "medium: reconstructed from a secondary map or description", "中:二次資料の地図・記述から復元",
          "средняя: восстановлено по вторичной карте или описанию" } },
      { QStringLiteral( "low" ),
        { "low: an approximate extent", "低:おおよその範囲", "низкая: приблизительные границы" } },
  };
  return lookup( sCertainty, code, language );
}

QString PendulumPopup::eventKindName( const QString &kind, const QString &language )
{
  static const QHash<QString, Term> sKinds = {
      { QStringLiteral( "treaty" ), { "treaty", "条約", "договор" } },
      { QStringLiteral( "landing" ), { "landing", "上陸", "высадка" } },
      { QStringLiteral( "battle" ), { "battle", "戦闘", "сражение" } },
      { QStringLiteral( "proclamation" ), { "proclamation", "宣言・布告", "провозглашение" } },
      { QStringLiteral( "withdrawal" ), { "withdrawal", "撤退", "вывод войск" } },
      { QStringLiteral( "decree" ), { "decree", "法令", "указ" } },
      { QStringLiteral( "declaration" ), { "declaration", "声明", "декларация" } },
  };
  return lookup( sKinds, kind, language );
}

PendulumPopup::Content PendulumPopup::content( const QVariantMap &attributes, const QString &layerId,
                                               const QString &language ) const
{
  const QString lang = PendulumLanguage::normalised( language );
  const QString holder = attributeText( attributes, QStringLiteral( "holder" ) );
  const QString overlord = attributeText( attributes, QStringLiteral( "overlord" ) );
  const bool isEvent = layerId == QLatin1String( "events" ) ||
                       !attributeText( attributes, QStringLiteral( "kind" ) ).isEmpty();
  // Era years for Japan's side, for events (dated in Japan too) and for Japanese readers.
  const bool showEra = lang == QLatin1String( "ja" ) || holder == QLatin1String( "JP" ) ||
                       overlord == QLatin1String( "JP" ) || isEvent;

  Content c;
  c.title =
      PendulumTextSanitiser::sanitised( attributeText( attributes, PendulumLanguage::nameField( lang ) ) );
  if ( c.title.isEmpty() )
    c.title = PendulumTextSanitiser::sanitised( attributeText( attributes, QStringLiteral( "name_en" ) ) );
  if ( c.title.isEmpty() )
    c.title = PendulumTextSanitiser::sanitised( attributeText( attributes, QStringLiteral( "id" ) ) );
  for ( const QString &other :
        { QStringLiteral( "en" ), QStringLiteral( "ja" ), QStringLiteral( "ru" ), QStringLiteral( "zh" ) } )
  {
    const QString name =
        PendulumTextSanitiser::sanitised( attributeText( attributes, QStringLiteral( "name_" ) + other ) );
    if ( !name.isEmpty() && name != c.title && !c.otherNames.contains( name ) )
      c.otherNames << name;
  }

  // One date in full: the Gregorian day, then its Old Style and era years.
  const auto detail = [&]( const QDate &day, const QString &precision )
  {
    QString line = PendulumHistoricalDate::format( day, precision, lang );
    QStringList extra;
    if ( PendulumHistoricalDate::usesOldStyle( holder, day ) && precision != QLatin1String( "year" ) )
      extra << PendulumHistoricalDate::oldStyle( day, lang );
    if ( showEra )
    {
      const QString era = PendulumHistoricalDate::japaneseEra( day, lang );
      if ( !era.isEmpty() )
        extra << era;
    }
    if ( !extra.isEmpty() )
      line += QStringLiteral( " (%1)" ).arg( extra.join( QStringLiteral( "; " ) ) );
    return line;
  };

  const QDate from = date( attributes, QStringLiteral( "valid_from" ) );
  const QDate to = date( attributes, QStringLiteral( "valid_to" ) );
  const QString fromPrecision = attributeText( attributes, QStringLiteral( "from_precision" ) );
  const QString toPrecision = attributeText( attributes, QStringLiteral( "to_precision" ) );
  if ( isEvent )
  {
    const QDate day = date( attributes, QStringLiteral( "date" ) ).isValid()
                          ? date( attributes, QStringLiteral( "date" ) )
                          : from;
    QString precision = attributeText( attributes, QStringLiteral( "date_precision" ) );
    if ( precision.isEmpty() )
      precision = fromPrecision;
    c.period = PendulumHistoricalDate::format( day, precision, lang );
    c.dateDetails << detail( day, precision );
    c.rows << qMakePair( label( "kind", lang ),
                         eventKindName( attributeText( attributes, QStringLiteral( "kind" ) ), lang ) );
    const QString place =
        PendulumTextSanitiser::sanitised( attributeText( attributes, QStringLiteral( "place" ) ) );
    if ( !place.isEmpty() )
      c.rows << qMakePair( label( "place", lang ), place );
  }
  else
  {
    c.period = PendulumHistoricalDate::period( from, fromPrecision, to, toPrecision, lang );
    if ( from.isValid() )
      c.dateDetails << QStringLiteral( "%1 %2" ).arg( label( "from", lang ), detail( from, fromPrecision ) );
    if ( to.isValid() )
    {
      c.dateDetails << QStringLiteral( "%1 %2" ).arg( label( "until", lang ), detail( to, toPrecision ) );
      c.dateNote = label( "until_note", lang );
    }
    c.rows << qMakePair( label( "status", lang ),
                         statusName( attributeText( attributes, QStringLiteral( "status" ) ), lang ) );
    c.rows << qMakePair( label( "holder", lang ), holderTerms( holder, from, to, lang ) );
    if ( !overlord.isEmpty() )
      c.rows << qMakePair( label( "overlord", lang ), holderTerms( overlord, from, to, lang ) );
  }
  const QString certainty = attributeText( attributes, QStringLiteral( "certainty" ) );
  if ( !certainty.isEmpty() )
    c.rows << qMakePair( label( "certainty", lang ), certaintyName( certainty, lang ) );
  const QString method =
      PendulumTextSanitiser::sanitised( attributeText( attributes, QStringLiteral( "method" ) ) );
  if ( !method.isEmpty() )
    c.rows << qMakePair( label( "method", lang ), method );
  for ( QPair<QString, QString> &row : c.rows )
    row.second =
        PendulumTextSanitiser::sanitised( row.second ); // codes unknown to the tables come through as written

  c.description = PendulumTextSanitiser::sanitised(
      attributeText( attributes, QStringLiteral( "description_" ) + lang ) );
  if ( c.description.isEmpty() )
  {
    c.description =
        PendulumTextSanitiser::sanitised( attributeText( attributes, QStringLiteral( "description_en" ) ) );
    if ( !c.description.isEmpty() )
      c.descriptionNote = label( "english", lang );
  }

  c.sourcesTitle = label( "sources", lang );
  const QList<PendulumCitation> citations =
      PendulumBibliography::citationsOf( attributes.value( QStringLiteral( "sources" ) ) );
  for ( const PendulumCitation &citation : citations )
    c.sources << citation;
  return c;
}

QString PendulumPopup::html( const QVariantMap &attributes, const QString &layerId,
                             const QString &language ) const
{
  const Content c = content( attributes, layerId, language );
  QString out = QStringLiteral( "<div class=\"pendulum-popup\" style=\"%1\">" ).arg( sPopupStyle );
  out += QStringLiteral( "<div style=\"font-size:12pt;font-weight:bold\">%1</div>" )
             .arg( c.title.toHtmlEscaped() );
  if ( !c.otherNames.isEmpty() )
    out += QStringLiteral( "<div style=\"color:#555\">%1</div>" )
               .arg( c.otherNames.join( QStringLiteral( " · " ) ).toHtmlEscaped() );
  if ( !c.period.isEmpty() )
    out += QStringLiteral( "<div style=\"margin-top:4px;font-weight:bold\">%1</div>" )
               .arg( c.period.toHtmlEscaped() );
  QStringList details;
  for ( const QString &line : c.dateDetails )
    details << line.toHtmlEscaped();
  if ( !c.dateNote.isEmpty() )
    details << QStringLiteral( "<i>%1</i>" ).arg( c.dateNote.toHtmlEscaped() );
  if ( !details.isEmpty() )
    out += QStringLiteral( "<div style=\"font-size:9pt;color:#444\">%1</div>" )
               .arg( details.join( QStringLiteral( "<br>" ) ) );

  out += QStringLiteral( "<table style=\"margin-top:4px;border-collapse:collapse;font-size:9pt\">" );
  for ( const auto &row : c.rows )
    out += QStringLiteral(
               "<tr><th style=\"text-align:left;vertical-align:top;padding-right:6px;font-weight:normal;"
               "color:#555;white-space:nowrap\">%1</th><td>%2</td></tr>" )
               .arg( row.first.toHtmlEscaped(), row.second.toHtmlEscaped() );
  out += QStringLiteral( "</table>" );

  // The first screen of a map tip carries the sources in brief (author–date, locator): the
  // full list below may be out of a small tip's reach.
  if ( !c.sources.isEmpty() )
  {
    QStringList brief;
    for ( const PendulumCitation &source : c.sources )
      brief << PendulumTextSanitiser::sanitised( mBibliography.shortCitation( source ) ).toHtmlEscaped();
    out += QStringLiteral( "<div class=\"pendulum-cited\" style=\"margin-top:4px;font-size:9pt;color:#333\">"
                           "%1: %2</div>" )
               .arg( c.sourcesTitle.toHtmlEscaped(), brief.join( QStringLiteral( "; " ) ) );
  }

  if ( !c.description.isEmpty() )
  {
    QString description =
        c.description.toHtmlEscaped().replace( QLatin1Char( '\n' ), QLatin1String( "<br>" ) );
    if ( !c.descriptionNote.isEmpty() )
      description +=
          QStringLiteral( " <i style=\"color:#555\">%1</i>" ).arg( c.descriptionNote.toHtmlEscaped() );
    out += QStringLiteral( "<p style=\"margin:6px 0\">%1</p>" ).arg( description );
  }

  if ( !c.sources.isEmpty() )
  {
    out += QStringLiteral( "<div style=\"font-weight:bold;font-size:9pt\">%1</div>"
                           "<ol style=\"margin:2px 0 0 0;padding-left:1.6em;font-size:9pt\">" )
               .arg( c.sourcesTitle.toHtmlEscaped() );
    for ( const PendulumCitation &source : c.sources )
    {
      const QString item = mBibliography.fullCitation( source, PendulumBibliography::Format::Html );
      out += QStringLiteral( "<li>%1</li>" ).arg( item );
    }
    out += QStringLiteral( "</ol>" );
  }
  out += QStringLiteral( "</div>" );
  return out;
}

QString PendulumPopup::text( const QVariantMap &attributes, const QString &layerId,
                             const QString &language ) const
{
  const Content c = content( attributes, layerId, language );
  QStringList lines;
  lines << c.title;
  if ( !c.otherNames.isEmpty() )
    lines << c.otherNames.join( QStringLiteral( " · " ) );
  if ( !c.period.isEmpty() )
    lines << c.period;
  lines << c.dateDetails;
  if ( !c.dateNote.isEmpty() )
    lines << QStringLiteral( "(%1)" ).arg( c.dateNote );
  for ( const auto &row : c.rows )
    lines << QStringLiteral( "%1: %2" ).arg( row.first, row.second );
  if ( !c.description.isEmpty() )
    lines << QString()
          << ( c.descriptionNote.isEmpty() ? c.description : c.description + ' ' + c.descriptionNote );
  if ( !c.sources.isEmpty() )
  {
    lines << QString() << c.sourcesTitle;
    int number = 0;
    for ( const PendulumCitation &source : c.sources )
    {
      lines << QStringLiteral( "%1. %2" )
                   .arg( ++number )
                   .arg( mBibliography.fullCitation( source, PendulumBibliography::Format::Text ) );
    }
  }
  return lines.join( QLatin1Char( '\n' ) );
}

namespace
{
QVariantMap attributeMap( const QgsFeature &feature )
{
  QVariantMap map;
  const QgsFields fields = feature.fields();
  const QgsAttributes attributes = feature.attributes();
  for ( int i = 0; i < fields.count() && i < attributes.count(); ++i )
    map.insert( fields.at( i ).name(), attributes.at( i ) );
  return map;
}
} // namespace

QString PendulumPopup::html( const QgsFeature &feature, const QString &layerId,
                             const QString &language ) const
{
  return html( attributeMap( feature ), layerId, language );
}

QString PendulumPopup::text( const QgsFeature &feature, const QString &layerId,
                             const QString &language ) const
{
  return text( attributeMap( feature ), layerId, language );
}

QString PendulumPopup::mapTip( QgsVectorLayer *layer, const QgsFeature &feature )
{
  if ( !layer || layer->mapTipTemplate().isEmpty() )
    return QString();
  QgsExpressionContext context( QgsExpressionContextUtils::globalProjectLayerScopes( layer ) );
  context.setFeature( feature );
  return QgsExpression::replaceExpressionText( layer->mapTipTemplate(), &context );
}
