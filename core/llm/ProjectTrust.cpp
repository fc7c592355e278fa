// Trust records: JSON form and the identity they are keyed by.
#include "core/llm/ProjectTrust.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace neuroonco {

namespace {

const QString kProject = QStringLiteral("project");
const QString kSha256 = QStringLiteral("sha256");
const QString kTrustedAt = QStringLiteral("trusted_at");
const QString kEndpoints = QStringLiteral("endpoints");
const QString kName = QStringLiteral("name");
const QString kBaseUrl = QStringLiteral("base_url");
const QString kApiKeyEnv = QStringLiteral("api_key_env");

Error invalid(const QString &where, const QString &key, const QString &detail)
{
    return Error(ErrorCode::InvalidArgument, where + QLatin1Char('.') + key, detail);
}

} // namespace

std::optional<ProjectTrust::Endpoint> ProjectTrust::endpoint(const QString &name) const
{
    for (const Endpoint &e : endpoints)
        if (e.name == name)
            return e;
    return std::nullopt;
}

QJsonObject ProjectTrust::toJson() const
{
    QJsonArray list;
    for (const Endpoint &e : endpoints)
        list.append(QJsonObject{{kName, e.name}, {kBaseUrl, e.baseUrl}, {kApiKeyEnv, e.apiKeyEnv}});
    return QJsonObject{{kProject, project}, {kSha256, sha256}, {kTrustedAt, trustedAt}, {kEndpoints, list}};
}

Result<ProjectTrust> ProjectTrust::fromJson(const QJsonObject &json, const QString &where)
{
    ProjectTrust t;
    if (!json.value(kProject).isString() || json.value(kProject).toString().isEmpty())
        return invalid(where, kProject, QStringLiteral("must be the project folder"));
    t.project = json.value(kProject).toString();
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    t.sha256 = json.value(kSha256).toString();
    if (!sha.match(t.sha256).hasMatch())
        return invalid(where, kSha256, QStringLiteral("must be 64 lower-case hex digits"));
    t.trustedAt = json.value(kTrustedAt).toString();
    const QJsonValue list = json.value(kEndpoints);
    if (!list.isArray())
        return invalid(where, kEndpoints, QStringLiteral("must be a list"));
    const QJsonArray array = list.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("%1.endpoints[%2]").arg(where).arg(i);
        const QJsonObject o = array.at(i).toObject();
        if (!array.at(i).isObject() || !o.value(kName).isString() || !o.value(kBaseUrl).isString())
            return Error(ErrorCode::InvalidArgument, at, QStringLiteral("must have a name and a base_url"));
        t.endpoints.append({o.value(kName).toString(), o.value(kBaseUrl).toString(), o.value(kApiKeyEnv).toString()});
    }
    return t;
}

QString ProjectTrust::identityOf(const QString &projectRoot)
{
    const QFileInfo info(projectRoot);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

QString ProjectTrust::hashOf(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

} // namespace neuroonco
