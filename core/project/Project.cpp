// Creating, opening and upgrading project folders.
#include "core/project/Project.h"

#include "core/project/ProjectBackup.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/util/Time.h"
#include "core/version/Version.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace neuroonco {

namespace {
const QString kDatabaseFile = QStringLiteral("project.sqlite");

// Writing a project means writing its folder (SQLite makes the -wal and -shm files there), the
// database file and those files when they exist. access(2) decides, as the user's own rights,
// a read-only mount or a file's immutable flag do; root passes unless the mount is read-only.
bool isWritableProject(const QString &root)
{
    const QString db = QDir(root).filePath(kDatabaseFile);
    if (!QFileInfo(root).isWritable() || !QFileInfo(db).isWritable())
        return false;
    for (const char *suffix : {"-wal", "-shm"}) {
        const QFileInfo f(db + QLatin1String(suffix));
        if (f.exists() && !f.isWritable())
            return false;
    }
    return true;
}

} // namespace

Project::Project(QString root, ReadOnlyReason readOnly)
    : m_root(std::move(root))
    , m_readOnly(readOnly)
{}

bool Project::exists(const QString &directory)
{
    return QFileInfo(databasePathIn(directory)).isFile();
}

QString Project::databasePathIn(const QString &projectRoot)
{
    return QDir(projectRoot).filePath(kDatabaseFile);
}

QString Project::name() const { return QDir(m_root).dirName(); }
QString Project::databasePath() const { return QDir(m_root).filePath(kDatabaseFile); }
QString Project::slicesDir() const { return QDir(m_root).filePath(QStringLiteral("slices")); }
QString Project::exportsDir() const { return QDir(m_root).filePath(QStringLiteral("exports")); }
QString Project::logsDir() const { return QDir(m_root).filePath(QStringLiteral("logs")); }
QString Project::backupsDir() const { return QDir(m_root).filePath(QStringLiteral("backups")); }
QString Project::endpointsFile() const { return endpointsFileIn(m_root); }
QString Project::endpointsFileIn(const QString &projectRoot) { return QDir(projectRoot).filePath(QStringLiteral("endpoints.json")); }

Error Project::makeLayout(const QString &root)
{
    QDir dir(root);
    for (const char *sub : {"slices", "exports", "logs", "backups"}) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return Error(ErrorCode::Io, dir.filePath(QString::fromLatin1(sub)),
                         QStringLiteral("cannot create folder"));
    }
    return {};
}

Result<Project> Project::create(const QString &directory)
{
    if (directory.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("project folder"), QStringLiteral("empty path"));
    const QString root = QFileInfo(directory).absoluteFilePath();
    if (exists(root))
        return Error(ErrorCode::InvalidArgument, root, QStringLiteral("a project already exists there"));
    if (!QDir().mkpath(root))
        return Error(ErrorCode::Io, root, QStringLiteral("cannot create folder"));
    if (Error e = makeLayout(root))
        return e;

    Project project(root);
    auto db = project.connect();
    if (!db)
        return db.error();
    if (Error e = Migrations::migrate(**db))
        return e;
    Transaction tx(**db);
    QSqlQuery q = (*db)->query();
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO project_info(key, value) VALUES (?, ?)"));
    const std::pair<QString, QString> info[] = {
        {QStringLiteral("uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("created_at"), nowIso()},
        {QStringLiteral("created_by"), QStringLiteral("NeuroOnco Studio ") + version::string()},
    };
    for (const auto &[key, value] : info) {
        q.addBindValue(key);
        q.addBindValue(value);
        if (Error e = (*db)->run(q, QStringLiteral("project_info")))
            return e;
    }
    if (Error e = tx.commit())
        return e;
    return project;
}

Result<Project> Project::open(const QString &directory, DatabaseAccess access)
{
    const QString root = QFileInfo(directory).absoluteFilePath();
    if (!exists(root))
        return Error(ErrorCode::NotFound, QDir(root).filePath(kDatabaseFile),
                     QStringLiteral("not a NeuroOnco project (run 'neuroonco init' first)"));
    const ReadOnlyReason readOnly = access == DatabaseAccess::ReadOnly ? ReadOnlyReason::Asked
                                    : isWritableProject(root)         ? ReadOnlyReason::None
                                                                      : ReadOnlyReason::NotWritable;
    if (readOnly != ReadOnlyReason::None) {
        // Nothing is created or upgraded: the folder is used as it is.
        Project project(root, readOnly);
        auto db = project.connect();
        if (!db)
            return db.error();
        Result<int> current = Migrations::currentVersion(**db);
        if (!current)
            return current.error();
        if (*current > Migrations::latestVersion())
            return Migrations::tooNewError(project.databasePath(), *current);
        if (*current < Migrations::latestVersion())
            return Error(ErrorCode::ReadOnly, root,
                         QStringLiteral("its schema is version %1 and this build reads version %2; upgrading it "
                                        "needs write access (open it once where it can be written)")
                             .arg(*current)
                             .arg(Migrations::latestVersion()));
        return project;
    }
    if (Error e = makeLayout(root))
        return e;

    Project project(root);
    auto db = project.connect();
    if (!db)
        return db.error();
    Result<int> current = Migrations::currentVersion(**db);
    if (!current)
        return current.error();
    if (*current > Migrations::latestVersion())
        return Migrations::tooNewError(project.databasePath(), *current);
    if (*current < Migrations::latestVersion() && *current > 0) {
        // Keep a copy of the old database before changing its schema.
        if (Result<QString> backup = ProjectBackup::create(project, **db, ProjectBackup::Reason::BeforeUpgrade); !backup)
            return backup.error();
    }
    if (Error e = Migrations::migrate(**db))
        return e;
    return project;
}

Error Project::requireWritable() const
{
    switch (m_readOnly) {
    case ReadOnlyReason::None: return {};
    case ReadOnlyReason::Asked: return Error(ErrorCode::ReadOnly, m_root, QStringLiteral("it was opened read-only"));
    case ReadOnlyReason::NotWritable:
        return Error(ErrorCode::ReadOnly, m_root, QStringLiteral("this user cannot write its folder or its database file"));
    }
    return {};
}

Result<std::unique_ptr<Database>> Project::connect() const
{
    if (!isValid())
        return Error(ErrorCode::Internal, QStringLiteral("project"), QStringLiteral("no project is open"));
    return Database::openSqlite(databasePath(), access());
}

} // namespace neuroonco
