// endpoints.json reading and writing.
#include "core/llm/EndpointStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

namespace neuroonco {

namespace {
const QString kEndpoints = QStringLiteral("endpoints");

QString entryPath(const QString &label, int i)
{
    return QStringLiteral("%1: endpoints[%2]").arg(label).arg(i);
}
} // namespace

Result<EndpointStore> EndpointStore::load(const QString &file)
{
    QFile f(file);
    if (!f.exists())
        return EndpointStore();
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, file, f.errorString());
    return fromJson(f.readAll(), QFileInfo(file).fileName());
}

Result<EndpointStore> EndpointStore::fromJson(const QByteArray &json, const QString &label)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError)
        return Error(
            ErrorCode::Parse, label,
            QStringLiteral("JSON error at offset %1: %2").arg(perr.offset).arg(perr.errorString()));
    if (!doc.isObject())
        return Error(ErrorCode::Parse, label,
                     QStringLiteral("the top level must be an object with an \"endpoints\" list"));
    const QJsonValue list = doc.object().value(kEndpoints);
    if (list.isUndefined())
        return EndpointStore();
    if (!list.isArray())
        return Error(ErrorCode::InvalidArgument, label + QStringLiteral(": endpoints"),
                     QStringLiteral("must be a list"));

    EndpointStore store;
    const QJsonArray array = list.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return Error(ErrorCode::InvalidArgument, entryPath(label, i),
                         QStringLiteral("must be an object"));
        Result<EndpointConfig> e =
            EndpointConfig::fromJson(array.at(i).toObject(), entryPath(label, i));
        if (!e)
            return e.error();
        store.m_endpoints.append(e.take());
    }
    if (Error e = store.validate(label))
        return e;
    return store;
}

Error EndpointStore::validate(const QString &label) const
{
    QSet<QString> names;
    for (int i = 0; i < m_endpoints.size(); ++i) {
        const EndpointConfig &e = m_endpoints.at(i);
        if (Error err = e.validate(entryPath(label, i)))
            return err;
        if (names.contains(e.name))
            return Error(ErrorCode::InvalidArgument, entryPath(label, i) + QStringLiteral(".name"),
                         QStringLiteral("\"%1\" is used by another endpoint").arg(e.name));
        names.insert(e.name);
    }
    return {};
}

QByteArray EndpointStore::toJson() const
{
    QJsonArray list;
    for (const EndpointConfig &e : m_endpoints)
        list.append(e.toJson());
    QJsonObject root;
    root.insert(kEndpoints, list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Error EndpointStore::save(const QString &file) const
{
    if (Error e = validate(QFileInfo(file).fileName()))
        return e;
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, file, f.errorString());
    const QByteArray data = toJson();
    if (f.write(data) != data.size() || !f.commit())
        return Error(ErrorCode::Io, file, f.errorString());
    return {};
}

std::optional<EndpointConfig> EndpointStore::find(const QString &name) const
{
    for (const EndpointConfig &e : m_endpoints)
        if (e.name == name)
            return e;
    return std::nullopt;
}

void EndpointStore::upsert(const EndpointConfig &endpoint)
{
    for (EndpointConfig &e : m_endpoints) {
        if (e.name == endpoint.name) {
            e = endpoint;
            return;
        }
    }
    m_endpoints.append(endpoint);
}

bool EndpointStore::remove(const QString &name)
{
    for (int i = 0; i < m_endpoints.size(); ++i) {
        if (m_endpoints.at(i).name == name) {
            m_endpoints.removeAt(i);
            return true;
        }
    }
    return false;
}

} // namespace neuroonco
