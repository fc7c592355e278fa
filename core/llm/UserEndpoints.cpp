// Reading and writing the user's endpoints file.
#include "core/llm/UserEndpoints.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace neuroonco {

namespace {
const QString kEndpoints = QStringLiteral("endpoints");
const QString kTrusted = QStringLiteral("trusted_projects");
} // namespace

QString UserEndpoints::defaultPath()
{
    const QString named = qEnvironmentVariable("NEUROONCO_ENDPOINTS");
    if (!named.isEmpty())
        return QFileInfo(named).absoluteFilePath();
    // A fixed folder name rather than AppConfigLocation: the CLI, the studio and the tests have
    // different application names but must share one file.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("NeuroOnco/endpoints.json"));
}

Result<UserEndpoints> UserEndpoints::load(const QString &file)
{
    UserEndpoints user;
    user.m_file = QFileInfo(file).absoluteFilePath();
    QFile f(user.m_file);
    if (!f.exists())
        return user;
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, user.m_file, f.errorString());
    const QByteArray json = f.readAll();
    // Subjects name the whole path: this file is not next to anything the user is looking at.
    Result<EndpointStore> store = EndpointStore::fromJson(json, user.m_file);
    if (!store)
        return store.error();
    user.m_endpoints = store.take();
    const QJsonValue trusted = QJsonDocument::fromJson(json).object().value(kTrusted);
    if (trusted.isUndefined() || trusted.isNull())
        return user;
    if (!trusted.isArray())
        return Error(ErrorCode::InvalidArgument, user.m_file + QStringLiteral(": ") + kTrusted, QStringLiteral("must be a list"));
    const QJsonArray list = trusted.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("%1: %2[%3]").arg(user.m_file, kTrusted).arg(i);
        if (!list.at(i).isObject())
            return Error(ErrorCode::InvalidArgument, where, QStringLiteral("must be an object"));
        Result<ProjectTrust> t = ProjectTrust::fromJson(list.at(i).toObject(), where);
        if (!t)
            return t.error();
        user.m_trusts.append(t.take());
    }
    return user;
}

Error UserEndpoints::save() const
{
    if (Error e = m_endpoints.validate(m_file))
        return e;
    QJsonArray endpoints, trusted;
    for (const EndpointConfig &e : m_endpoints.endpoints())
        endpoints.append(e.toJson());
    for (const ProjectTrust &t : m_trusts)
        trusted.append(t.toJson());
    QJsonObject root{{kEndpoints, endpoints}};
    if (!trusted.isEmpty())
        root.insert(kTrusted, trusted);
    if (!QDir().mkpath(QFileInfo(m_file).absolutePath()))
        return Error(ErrorCode::Io, QFileInfo(m_file).absolutePath(), QStringLiteral("cannot create folder"));
    QSaveFile f(m_file);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, m_file, f.errorString());
    const QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (f.write(data) != data.size() || !f.commit())
        return Error(ErrorCode::Io, m_file, f.errorString());
    return {};
}

std::optional<ProjectTrust> UserEndpoints::trustFor(const QString &projectRoot) const
{
    const QString id = ProjectTrust::identityOf(projectRoot);
    for (const ProjectTrust &t : m_trusts)
        if (t.project == id)
            return t;
    return std::nullopt;
}

void UserEndpoints::setTrust(const ProjectTrust &trust)
{
    for (ProjectTrust &t : m_trusts) {
        if (t.project == trust.project) {
            t = trust;
            return;
        }
    }
    m_trusts.append(trust);
}

bool UserEndpoints::removeTrust(const QString &projectRoot)
{
    const QString id = ProjectTrust::identityOf(projectRoot);
    for (int i = 0; i < m_trusts.size(); ++i) {
        if (m_trusts.at(i).project == id) {
            m_trusts.removeAt(i);
            return true;
        }
    }
    return false;
}

} // namespace neuroonco
