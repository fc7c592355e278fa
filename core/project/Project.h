// A project is a folder: project.sqlite, slices/ (standardised images and masks), exports/, logs/.
// Project is a cheap value: it knows the paths and opens a fresh database connection for
// whichever thread asks, because connections must not cross threads.
#pragma once

#include "util/Error.h"

#include <QString>

#include <memory>

namespace neuroonco {

class Database;

class Project
{
public:
    Project() = default;

    // Creates the folder layout and an up-to-date database. Refuses a folder that already
    // holds a project.
    static Result<Project> create(const QString &directory);
    // Opens an existing project, upgrading an older schema (after a backup copy) and refusing
    // one made by a newer build.
    static Result<Project> open(const QString &directory);
    // True when `directory` contains a project database.
    static bool exists(const QString &directory);

    bool isValid() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }
    QString name() const;
    QString databasePath() const;
    QString slicesDir() const;
    QString exportsDir() const;
    QString logsDir() const;
    // The project's own endpoint list; used only once the user trusts it (EndpointDirectory).
    QString endpointsFile() const;
    static QString endpointsFileIn(const QString &projectRoot);

    // A new connection owned by the calling thread.
    Result<std::unique_ptr<Database>> connect() const;

private:
    explicit Project(QString root);
    static Error makeLayout(const QString &root);

    QString m_root;
};

} // namespace neuroonco
