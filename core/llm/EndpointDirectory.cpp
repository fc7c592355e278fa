// Resolution of endpoint names: user first, a project's own list only while trusted.
#include "core/llm/EndpointDirectory.h"

#include "core/project/Project.h"
#include "core/util/Time.h"

#include <QFile>
#include <QRegularExpression>

namespace neuroonco {

namespace {

QString entryWhere(const QString &file, int index)
{
    return QStringLiteral("%1: endpoints[%2]").arg(file).arg(index);
}

int indexOf(const EndpointStore &store, const QString &name)
{
    for (int i = 0; i < store.endpoints().size(); ++i)
        if (store.endpoints().at(i).name == name)
            return i;
    return -1;
}

QString shellQuoted(const QString &s)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+-]+$"));
    if (plain.match(s).hasMatch())
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

Result<EndpointDirectory> EndpointDirectory::load(const QString &projectRoot, const QString &userFile)
{
    EndpointDirectory d;
    Result<UserEndpoints> user = UserEndpoints::load(userFile);
    if (!user)
        return user.error();
    d.m_user = user.take();
    if (projectRoot.isEmpty())
        return d;
    d.m_projectRoot = ProjectTrust::identityOf(projectRoot);
    d.m_projectFile = Project::endpointsFileIn(d.m_projectRoot);
    QFile f(d.m_projectFile);
    if (!f.exists())
        return d;
    d.m_projectFileExists = true;
    if (!f.open(QIODevice::ReadOnly)) {
        d.m_projectError = Error(ErrorCode::Io, d.m_projectFile, f.errorString());
        return d;
    }
    // The bytes parsed are the bytes hashed: what is shown for trust is what the hash covers.
    d.m_projectBytes = f.readAll();
    Result<EndpointStore> store = EndpointStore::fromJson(d.m_projectBytes, d.m_projectFile);
    if (!store) {
        d.m_projectError = store.error();
        return d;
    }
    d.m_project = store.take();
    // A project can never opt in to plain http: that is the user's call alone.
    EndpointStore cleared;
    for (EndpointConfig e : d.m_project.endpoints()) {
        e.allowInsecureHttp = false;
        cleared.upsert(e);
    }
    d.m_project = cleared;
    return d;
}

Result<EndpointConfig> EndpointDirectory::resolve(const Project &project, const QString &name)
{
    Result<EndpointDirectory> d = load(project.root());
    if (!d)
        return d.error();
    return d->find(name);
}

ProjectTrustState EndpointDirectory::trustState() const
{
    if (m_projectError)
        return ProjectTrustState::Unreadable;
    if (m_projectRoot.isEmpty() || m_project.endpoints().isEmpty())
        return ProjectTrustState::None;
    const std::optional<ProjectTrust> trust = m_user.trustFor(m_projectRoot);
    if (!trust)
        return ProjectTrustState::Untrusted;
    return trust->sha256 == ProjectTrust::hashOf(m_projectBytes) ? ProjectTrustState::Trusted
                                                                 : ProjectTrustState::Changed;
}

ProjectTrust EndpointDirectory::proposal() const
{
    ProjectTrust t;
    t.project = m_projectRoot;
    t.sha256 = ProjectTrust::hashOf(m_projectBytes);
    t.trustedAt = nowIso();
    for (const EndpointConfig &e : m_project.endpoints())
        t.endpoints.append({e.name, e.baseUrl, e.apiKeyEnv});
    return t;
}

bool EndpointDirectory::projectEntryMatchesTrust(const EndpointConfig &endpoint) const
{
    if (trustState() != ProjectTrustState::Trusted)
        return false;
    // The hash already binds the file; the per-endpoint line is checked as well so that a
    // record can never lend a key variable to an endpoint it does not list.
    const std::optional<ProjectTrust::Endpoint> line = m_user.trustFor(m_projectRoot)->endpoint(endpoint.name);
    return line && *line == ProjectTrust::Endpoint{endpoint.name, endpoint.baseUrl, endpoint.apiKeyEnv};
}

Result<EndpointConfig> EndpointDirectory::find(const QString &name) const
{
    if (const int i = indexOf(m_user.endpoints(), name); i >= 0) {
        const EndpointConfig &e = m_user.endpoints().endpoints().at(i);
        if (Error err = e.checkTransport(entryWhere(m_user.file(), i)))
            return err;
        return e;
    }
    if (m_projectError && m_projectFileExists)
        return Error(ErrorCode::NotFound, QStringLiteral("endpoint '%1'").arg(name),
                     QStringLiteral("it is not in your endpoints file (%1), and the project's own list cannot be "
                                    "read: %2")
                         .arg(m_user.file(), errorMessage(m_projectError)));
    if (const int i = indexOf(m_project, name); i >= 0) {
        const EndpointConfig &e = m_project.endpoints().at(i);
        if (!projectEntryMatchesTrust(e))
            return untrustedError(e, i);
        if (Error err = e.checkTransport(entryWhere(m_projectFile, i)))
            return err;
        return e;
    }
    const QString where = m_projectFileExists
                              ? QStringLiteral("neither in your endpoints file (%1) nor in the project's own list (%2)")
                                    .arg(m_user.file(), m_projectFile)
                              : QStringLiteral("not in your endpoints file (%1)").arg(m_user.file());
    return Error(ErrorCode::NotFound, QStringLiteral("endpoint '%1'").arg(name),
                 QStringLiteral("it is %1; add it with 'neuroonco endpoints add %2 --base-url URL --model MODEL "
                                "[--api-key-env VARIABLE]' or in File → Settings")
                     .arg(where, shellQuoted(name)));
}

Error EndpointDirectory::untrustedError(const EndpointConfig &endpoint, int index) const
{
    const ProjectTrustState state = trustState();
    QString why;
    if (state == ProjectTrustState::Changed)
        why = QStringLiteral("you trusted this project's endpoint list on %1, but the file has changed since, so "
                             "that trust no longer holds")
                  .arg(m_user.trustFor(m_projectRoot)->trustedAt);
    else if (state == ProjectTrustState::Trusted)
        why = QStringLiteral("this endpoint is not the one you trusted in this project's list");
    else
        why = QStringLiteral("this project's own endpoint list is not trusted on this machine");
    return Error(ErrorCode::Untrusted, entryWhere(m_projectFile, index),
                 QStringLiteral("%1. Endpoint '%2' would send slices to %3. If you know where this project "
                                "comes from, review its endpoints and run: %4 (or open the project in NeuroOnco "
                                "Studio and choose Trust). Or add an endpoint of your own with that name: "
                                "neuroonco endpoints add %5 --base-url URL --model MODEL")
                     .arg(why, endpoint.name, describe(endpoint), trustCommand(m_projectRoot),
                          shellQuoted(endpoint.name)));
}

QList<EndpointDirectory::Entry> EndpointDirectory::entries() const
{
    QList<Entry> out;
    // Usable means exactly that find() would give this entry.
    for (const EndpointConfig &e : m_user.endpoints().endpoints())
        out.append({e, EndpointOrigin::User, find(e.name).ok(), false});
    for (const EndpointConfig &e : m_project.endpoints()) {
        const bool shadowed = indexOf(m_user.endpoints(), e.name) >= 0;
        out.append({e, EndpointOrigin::Project, !shadowed && find(e.name).ok(), shadowed});
    }
    return out;
}

QList<EndpointConfig> EndpointDirectory::choices() const
{
    QList<EndpointConfig> out;
    for (const Entry &e : entries())
        if (e.usable)
            out.append(e.config);
    return out;
}

Error EndpointDirectory::trustProject()
{
    if (m_projectError)
        return m_projectError;
    if (m_projectRoot.isEmpty() || m_project.endpoints().isEmpty())
        return Error(ErrorCode::NotFound, m_projectFile.isEmpty() ? QStringLiteral("project") : m_projectFile,
                     QStringLiteral("the project has no endpoints of its own: there is nothing to trust"));
    Result<UserEndpoints> fresh = UserEndpoints::load(m_user.file());
    if (!fresh)
        return fresh.error();
    fresh->setTrust(proposal());
    if (Error e = fresh->save())
        return e;
    m_user = fresh.take();
    return {};
}

Result<bool> EndpointDirectory::untrustProject()
{
    Result<UserEndpoints> fresh = UserEndpoints::load(m_user.file());
    if (!fresh)
        return fresh.error();
    if (!fresh->removeTrust(m_projectRoot))
        return false;
    if (Error e = fresh->save())
        return e;
    m_user = fresh.take();
    return true;
}

QString EndpointDirectory::describe(const EndpointConfig &endpoint)
{
    const QString key = endpoint.apiKeyEnv.isEmpty()
                            ? QStringLiteral("without an API key")
                            : QStringLiteral("with the key in $%1").arg(endpoint.apiKeyEnv);
    return QStringLiteral("%1 (%2) %3").arg(endpoint.host(), endpoint.baseUrl, key);
}

QString EndpointDirectory::trustCommand(const QString &projectRoot)
{
    return QStringLiteral("neuroonco endpoints trust ") + shellQuoted(projectRoot);
}

} // namespace neuroonco
