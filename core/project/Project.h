// A project is a folder: project.sqlite, slices/ (standardised images and masks), exports/, logs/,
// backups/. Project is a cheap value: it knows the paths and opens a fresh database connection
// for whichever thread asks, because connections must not cross threads.
#pragma once

#include "core/store/DatabaseAccess.h"
#include "core/util/Error.h"

#include <QString>

#include <memory>

namespace neuroonco {

class Database;

class Project
{
public:
    // Why a project is open for reading only.
    enum class ReadOnlyReason {
        None,        // it is open for writing
        Asked,       // the user asked for it (--read-only, File → Open Read-Only)
        NotWritable, // this user cannot write its folder or its database file
    };

    Project() = default;

    // Creates the folder layout and an up-to-date database. Refuses a folder that already
    // holds a project.
    static Result<Project> create(const QString &directory);
    // Opens an existing project, upgrading an older schema (after a backup in backups/) and
    // refusing one made by a newer build. A project this user cannot write opens read-only, as
    // does any project when `access` is ReadOnly; an older schema cannot be upgraded then and is
    // refused.
    static Result<Project> open(const QString &directory, DatabaseAccess access = DatabaseAccess::ReadWrite);
    // True when `directory` contains a project database.
    static bool exists(const QString &directory);
    static QString databasePathIn(const QString &projectRoot);

    bool isValid() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }
    QString name() const;
    QString databasePath() const;
    QString slicesDir() const;
    QString exportsDir() const;
    QString logsDir() const;
    QString backupsDir() const;
    // The project's own endpoint list; used only once the user trusts it (EndpointDirectory).
    QString endpointsFile() const;
    static QString endpointsFileIn(const QString &projectRoot);

    DatabaseAccess access() const { return m_readOnly == ReadOnlyReason::None ? DatabaseAccess::ReadWrite : DatabaseAccess::ReadOnly; }
    bool isReadOnly() const { return m_readOnly != ReadOnlyReason::None; }
    ReadOnlyReason readOnlyReason() const { return m_readOnly; }
    // An ErrorCode::ReadOnly error naming the project and why, for anything that would write;
    // no error when the project is open for writing.
    Error requireWritable() const;

    // A new connection owned by the calling thread, read-only when the project is.
    Result<std::unique_ptr<Database>> connect() const;

private:
    explicit Project(QString root, ReadOnlyReason readOnly = ReadOnlyReason::None);
    static Error makeLayout(const QString &root);

    QString m_root;
    ReadOnlyReason m_readOnly = ReadOnlyReason::None;
};

} // namespace neuroonco
