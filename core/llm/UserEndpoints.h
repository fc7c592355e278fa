// The user's own endpoints file: the endpoints this user configured (base URL, model, the NAME of
// the variable holding the key) and the projects whose own endpoint lists the user trusts. It is
// the file named by $NEUROONCO_ENDPOINTS, else <generic config location>/NeuroOnco/endpoints.json
// (~/.config/NeuroOnco/endpoints.json on Linux). It belongs to the user, not to any project, so a
// project received from someone else cannot change where requests go or which key is sent.
#pragma once

#include "core/llm/EndpointStore.h"
#include "core/llm/ProjectTrust.h"
#include "core/util/Error.h"

#include <QList>
#include <QString>

#include <optional>

namespace neuroonco {

class UserEndpoints
{
public:
    UserEndpoints() = default;

    // $NEUROONCO_ENDPOINTS (made absolute) when set, else the platform's config location.
    static QString defaultPath();
    // Reads the file; a missing file is an empty one. Errors name the file and the field
    // ("endpoints.json: trusted_projects[0].sha256").
    static Result<UserEndpoints> load(const QString &file = defaultPath());
    // Validates and writes atomically, creating the folder when needed.
    Error save() const;

    QString file() const { return m_file; }
    EndpointStore &endpoints() { return m_endpoints; }
    const EndpointStore &endpoints() const { return m_endpoints; }

    const QList<ProjectTrust> &trusts() const { return m_trusts; }
    // The record for the project folder (any spelling of its path), if the user made one.
    std::optional<ProjectTrust> trustFor(const QString &projectRoot) const;
    // Replaces the record for the same project, or adds it.
    void setTrust(const ProjectTrust &trust);
    bool removeTrust(const QString &projectRoot);

private:
    QString m_file;
    EndpointStore m_endpoints;
    QList<ProjectTrust> m_trusts;
};

} // namespace neuroonco
