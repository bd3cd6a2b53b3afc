#include "pendulumschema.h"

const QList<PendulumSchema::Field> &PendulumSchema::fields()
{
  static const QList<Field> sFields = {
      { QStringLiteral( "id" ), FieldType::Text },
      { QStringLiteral( "name_en" ), FieldType::Text },
      { QStringLiteral( "name_ja" ), FieldType::Text },
      { QStringLiteral( "name_ru" ), FieldType::Text },
      { QStringLiteral( "name_zh" ), FieldType::Text },
      { QStringLiteral( "holder" ), FieldType::Text },
      { QStringLiteral( "status" ), FieldType::Text },
      { QStringLiteral( "overlord" ), FieldType::Text },
      { QStringLiteral( "valid_from" ), FieldType::Date },
      { QStringLiteral( "valid_to" ), FieldType::Date },
      { QStringLiteral( "from_precision" ), FieldType::Text },
      { QStringLiteral( "to_precision" ), FieldType::Text },
      { QStringLiteral( "from_event" ), FieldType::Text },
      { QStringLiteral( "to_event" ), FieldType::Text },
      { QStringLiteral( "sources" ), FieldType::Json },
      { QStringLiteral( "certainty" ), FieldType::Text },
      { QStringLiteral( "method" ), FieldType::Text },
      { QStringLiteral( "description_en" ), FieldType::Text },
      { QStringLiteral( "description_ja" ), FieldType::Text },
      { QStringLiteral( "description_ru" ), FieldType::Text },
      { QStringLiteral( "date" ), FieldType::Date },
      { QStringLiteral( "date_precision" ), FieldType::Text },
      { QStringLiteral( "kind" ), FieldType::Text },
      { QStringLiteral( "place" ), FieldType::Text },
  };
  return sFields;
}

PendulumSchema::FieldType PendulumSchema::fieldType( const QString &name )
{
  for ( const Field &field : fields() )
  {
    if ( field.name == name )
      return field.type;
  }
  return FieldType::Text;
}

int PendulumSchema::version()
{
  return 1;
}

const QStringList &PendulumSchema::holderCodes()
{
  static const QStringList sCodes = {
      QStringLiteral( "JP" ),  QStringLiteral( "RU" ),  QStringLiteral( "SU" ),  QStringLiteral( "RF" ),
      QStringLiteral( "FER" ), QStringLiteral( "CN" ),  QStringLiteral( "PRC" ), QStringLiteral( "MK" ),
      QStringLiteral( "KR" ),  QStringLiteral( "MN" ),  QStringLiteral( "US" ),  QStringLiteral( "JOINT" ),
      QStringLiteral( "SIB" ), QStringLiteral( "SEM" ), QStringLiteral( "KAL" ), QStringLiteral( "HOR" ),
      QStringLiteral( "ZEM" ), QStringLiteral( "PRM" ) };
  return sCodes;
}

const QStringList &PendulumSchema::statusCodes()
{
  static const QStringList sCodes = { QStringLiteral( "sovereign" ),    QStringLiteral( "leased" ),
                                      QStringLiteral( "railway_zone" ), QStringLiteral( "sphere" ),
                                      QStringLiteral( "protectorate" ), QStringLiteral( "occupied" ),
                                      QStringLiteral( "puppet_state" ), QStringLiteral( "annexed" ),
                                      QStringLiteral( "disputed" ),     QStringLiteral( "condominium" ) };
  return sCodes;
}

const QStringList &PendulumSchema::precisionCodes()
{
  static const QStringList sCodes = { QStringLiteral( "day" ), QStringLiteral( "month" ),
                                      QStringLiteral( "year" ) };
  return sCodes;
}

const QStringList &PendulumSchema::certaintyCodes()
{
  static const QStringList sCodes = { QStringLiteral( "high" ), QStringLiteral( "medium" ),
                                      QStringLiteral( "low" ) };
  return sCodes;
}

const QStringList &PendulumSchema::eventKinds()
{
  static const QStringList sCodes = { QStringLiteral( "treaty" ),     QStringLiteral( "landing" ),
                                      QStringLiteral( "battle" ),     QStringLiteral( "proclamation" ),
                                      QStringLiteral( "withdrawal" ), QStringLiteral( "decree" ),
                                      QStringLiteral( "declaration" ) };
  return sCodes;
}
