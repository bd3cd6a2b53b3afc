#ifndef PENDULUMSCHEMA_H
#define PENDULUMSCHEMA_H

#include <QList>
#include <QString>
#include <QStringList>

/**
 * The data contract of ../shared/design/data-schema.md in code: the fields a
 * feature may carry, their storage type in the GeoPackage, and the code lists.
 * The builder, the dataset loader and the validator all read it from here.
 */
class PendulumSchema
{
public:
  //! How a field is stored in the GeoPackage.
  enum class FieldType
  {
    Text, //!< a string
    Date, //!< a real date column (GeoPackage DATE)
    Json, //!< JSON text (the `sources` array)
  };

  struct Field
  {
    QString name;
    FieldType type;
  };

  //! Every known field, in the order they are written.
  static const QList<Field> &fields();

  //! The field's type, or Text for a name that is not in the schema.
  static FieldType fieldType( const QString &name );

  //! The schema version written into and checked in every GeoPackage.
  static int version();

  static const QStringList &holderCodes();
  static const QStringList &statusCodes();
  static const QStringList &precisionCodes();
  static const QStringList &certaintyCodes();
  static const QStringList &eventKinds();

  //! The start and end date fields of temporal layers.
  static QString startField() { return QStringLiteral( "valid_from" ); }
  static QString endField() { return QStringLiteral( "valid_to" ); }
  static QString sourcesField() { return QStringLiteral( "sources" ); }
  static QString holderField() { return QStringLiteral( "holder" ); }

  //! Table holding the catalog, bibliography and schema version.
  static QString metaTable() { return QStringLiteral( "pendulum_meta" ); }
};

#endif // PENDULUMSCHEMA_H
