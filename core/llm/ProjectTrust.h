// The user's decision to let one project's own endpoints.json be used on this machine. It lives in
// the user's endpoints file, never in the project, and holds what the user was shown: the
// project folder, the SHA-256 of the file's bytes (any later edit voids the decision) and, per
// endpoint, the name, base URL and key variable. A project endpoint is used only while it matches
// its line here exactly, so a trusted file can never name a key variable the user did not see.
#pragma once

#include "core/util/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace neuroonco {

struct ProjectTrust
{
    // One endpoint as the user saw it when trusting.
    struct Endpoint
    {
        QString name;
        QString baseUrl;
        QString apiKeyEnv; // empty: the endpoint is used without a key

        bool operator==(const Endpoint &o) const
        {
            return name == o.name && baseUrl == o.baseUrl && apiKeyEnv == o.apiKeyEnv;
        }
    };

    QString project; // canonical path of the project folder
    QString sha256;  // hex SHA-256 of the project's endpoints.json when it was trusted
    QString trustedAt; // ISO 8601, UTC
    QList<Endpoint> endpoints;

    std::optional<Endpoint> endpoint(const QString &name) const;

    // Keys: project, sha256, trusted_at, endpoints [{name, base_url, api_key_env}].
    QJsonObject toJson() const;
    // `where` prefixes error subjects ("endpoints.json: trusted_projects[0]").
    static Result<ProjectTrust> fromJson(const QJsonObject &json, const QString &where);

    // The identity a trust record is keyed by: the folder's canonical path. Not the project's
    // uuid: that is written by whoever made the project, so a received one could claim any.
    static QString identityOf(const QString &projectRoot);
    // Hex SHA-256 of a file's content.
    static QString hashOf(const QByteArray &content);
};

} // namespace neuroonco
