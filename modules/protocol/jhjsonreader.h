// Internal to modules/protocol: the field reader and helpers every JhJsonMapping source file shares.
#pragma once

#include "jhjsonmapping.h"

#include "jhenumnames.h"
#include "jhtime.h"

#include <QJsonArray>

#include <functional>

//! Not part of the module's interface: included only by jhjsonmapping*.cpp.
namespace JhJsonInternal {
using Code = JhProtocolError::Code;

//! Reads typed fields and records the first problem as "<context>.<field>: <what>".
class Reader
{
public:
    Reader(const QJsonObject &json, const char *context, JhProtocolError *error)
        : mJson(json), mContext(QLatin1String(context)), mError(error)
    {}

    bool has(const char *key) const { return mJson.contains(QLatin1String(key)); }

    QString text(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
        check(key, value, required, "a string");
        return QString();
    }

    double number(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isDouble())
            return value.toDouble();
        check(key, value, required, "a number");
        return 0;
    }

    qint64 integer(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isDouble() && value.toDouble() == double(qint64(value.toDouble())))
            return qint64(value.toDouble());
        check(key, value, required, "an integer");
        return 0;
    }

    bool boolean(const char *key, bool required = false)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isBool())
            return value.toBool();
        check(key, value, required, "true or false");
        return false;
    }

    QDateTime time(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isString()) {
            const QDateTime result = JhTime::fromText(value.toString());
            if (result.isValid())
                return result;
            if (value.toString().isEmpty() && !required)
                return QDateTime();
            fail(Code::InvalidField, key, "an ISO 8601 time");
            return QDateTime();
        }
        check(key, value, required, "an ISO 8601 time");
        return QDateTime();
    }

    QJsonObject object(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isObject())
            return value.toObject();
        check(key, value, required, "an object");
        return QJsonObject();
    }

    QJsonArray array(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isArray())
            return value.toArray();
        check(key, value, required, "an array");
        return QJsonArray();
    }

    QStringList strings(const char *key, bool required = false)
    {
        QStringList result;
        const QJsonArray values = array(key, required);
        for (const QJsonValue &value : values) {
            if (!value.isString())
                fail(Code::InvalidField, key, "an array of strings");
            result.append(value.toString());
        }
        return result;
    }

    template <typename Enum>
    Enum enumeration(const char *key, Enum fallback, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return fallback;
        Enum result = fallback;
        if (!JhEnumNames::parse(value.toString(), result))
            value.isUndefined() ? fail(Code::MissingField, key, "missing")
                                : fail(Code::InvalidField, key, "a known code");
        return result;
    }

    //! Decodes each element of an array field with JhJsonMapping::fromJson.
    template <typename Type>
    QList<Type> list(const char *key, bool required = false)
    {
        QList<Type> result;
        const QJsonArray values = array(key, required);
        for (int i = 0; i < values.size() && isOk(); ++i) {
            Type element;
            JhProtocolError inner;
            if (!values.at(i).isObject()) {
                fail(Code::InvalidField, key, "an array of objects");
            } else if (!JhJsonMapping::fromJson(values.at(i).toObject(), element, &inner)) {
                setError(inner.code, QStringLiteral("%1.%2[%3].%4")
                                         .arg(mContext, QLatin1String(key))
                                         .arg(i)
                                         .arg(inner.message));
            }
            result.append(element);
        }
        return result;
    }

    void fail(Code code, const char *key, const char *what)
    {
        if (mOk && mError)
            mError->field = QLatin1String(key);
        if (code == Code::InvalidField)
            setError(
                code,
                QStringLiteral("%1.%2: must be %3").arg(mContext, QLatin1String(key), QLatin1String(what)));
        else
            setError(code, QStringLiteral("%1.%2: missing").arg(mContext, QLatin1String(key)));
    }

    bool isOk() const { return mOk; }

private:
    void check(const char *key, const QJsonValue &value, bool required, const char *what)
    {
        if (value.isUndefined()) {
            if (required)
                fail(Code::MissingField, key, what);
        } else if (!value.isNull() || required) {
            fail(Code::InvalidField, key, what);
        }
    }

    void setError(Code code, const QString &message)
    {
        if (!mOk)
            return;
        mOk = false;
        if (mError) {
            mError->code = code;
            mError->message = message;
        }
    }

    QJsonObject mJson;
    QString mContext;
    JhProtocolError *mError;
    bool mOk = true;
};

template <typename Type>
QJsonArray toArray(const QList<Type> &values)
{
    QJsonArray result;
    for (const Type &value : values)
        result.append(JhJsonMapping::toJson(value));
    return result;
}

template <typename Map>
QJsonArray mapToArray(const Map &values)
{
    QJsonArray result;
    for (const auto &value : values)
        result.append(JhJsonMapping::toJson(value));
    return result;
}

inline bool finish(Reader &in, JhProtocolError *error)
{
    if (in.isOk() && error)
        *error = JhProtocolError();
    return in.isOk();
}
} // namespace JhJsonInternal
