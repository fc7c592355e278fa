// Where an endpoint name leads: the one lookup every stage, the CLI and the GUI use. The user's
// own endpoints come first; a project's own endpoints.json is used only while the user trusts it
// (a record in the user's file, keyed by the project folder and the file's SHA-256) and only for
// endpoints that match that record line by line. Asking for an endpoint of an untrusted project
// gives an error that names the endpoint, the file, its host and key variable, and the command
// that trusts it; nothing is sent and no key variable is read.
#pragma once

#include "core/llm/EndpointConfig.h"
#include "core/llm/EndpointStore.h"
#include "core/llm/ProjectTrust.h"
#include "core/llm/UserEndpoints.h"
#include "core/util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace neuroonco {

class Project;

enum class EndpointOrigin
{
    User,    // the user's endpoints file
    Project, // the project's own endpoints.json
};

enum class ProjectTrustState
{
    None,       // the project has no endpoints of its own
    Unreadable, // its endpoints.json is malformed: nothing in it can be used or trusted
    Untrusted,  // the user never trusted this project's list
    Changed,    // trusted once, but the file has changed since: the trust no longer holds
    Trusted,
};

class EndpointDirectory
{
public:
    struct Entry
    {
        EndpointConfig config;
        EndpointOrigin origin = EndpointOrigin::User;
        bool usable = false;   // may be asked for by name now
        bool shadowed = false; // a project endpoint hidden by the user's own of the same name
    };

    // The user's file and, when `projectRoot` is given, the project's endpoints.json. Only a
    // broken user file is an error: a broken project file is reported by projectError().
    static Result<EndpointDirectory> load(const QString &projectRoot = QString(),
                                          const QString &userFile = UserEndpoints::defaultPath());
    // The endpoint a stage of `project` may use under `name`.
    static Result<EndpointConfig> resolve(const Project &project, const QString &name);

    Result<EndpointConfig> find(const QString &name) const;
    // The user's endpoints, then the project's (each with whether it may be used).
    QList<Entry> entries() const;
    // What a front end may offer for a stage: every entry that is usable.
    QList<EndpointConfig> choices() const;

    const UserEndpoints &user() const { return m_user; }
    QString projectRoot() const { return m_projectRoot; }
    QString projectFile() const { return m_projectFile; }
    const EndpointStore &projectEndpoints() const { return m_project; }
    const Error &projectError() const { return m_projectError; }
    ProjectTrustState trustState() const;
    // The record trusting the project's file exactly as it was read.
    ProjectTrust proposal() const;

    // Records the proposal in the user's file (re-read first, so nothing else there is lost).
    Error trustProject();
    // Removes the project's record from the user's file; false when there was none.
    Result<bool> untrustProject();

    // "gpu.example.org (https://gpu.example.org/v1) with the key in $VAR" for messages.
    static QString describe(const EndpointConfig &endpoint);
    // The command that trusts `projectRoot`, quoted for a shell when needed.
    static QString trustCommand(const QString &projectRoot);

private:
    Error untrustedError(const EndpointConfig &endpoint, int index) const;
    bool projectEntryMatchesTrust(const EndpointConfig &endpoint) const;

    UserEndpoints m_user;
    QString m_projectRoot;
    QString m_projectFile;
    QByteArray m_projectBytes; // the file as read: what a trust record hashes
    bool m_projectFileExists = false;
    EndpointStore m_project;
    Error m_projectError;
};

} // namespace neuroonco
