// Creating, opening and upgrading project folders.
#include "project/Project.h"

#include "store/Database.h"
#include "store/Migrations.h"
#include "util/Time.h"
#include "version/Version.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace neuroonco {

namespace {
const QString kDatabaseFile = QStringLiteral("project.sqlite");
}

Project::Project(QString root)
    : m_root(std::move(root))
{}

bool Project::exists(const QString &directory)
{
    return QFileInfo(QDir(directory).filePath(kDatabaseFile)).isFile();
}

QString Project::name() const { return QDir(m_root).dirName(); }
QString Project::databasePath() const { return QDir(m_root).filePath(kDatabaseFile); }
QString Project::slicesDir() const { return QDir(m_root).filePath(QStringLiteral("slices")); }
QString Project::exportsDir() const { return QDir(m_root).filePath(QStringLiteral("exports")); }
QString Project::logsDir() const { return QDir(m_root).filePath(QStringLiteral("logs")); }
QString Project::endpointsFile() const { return endpointsFileIn(m_root); }
QString Project::endpointsFileIn(const QString &projectRoot) { return QDir(projectRoot).filePath(QStringLiteral("endpoints.json")); }

Error Project::makeLayout(const QString &root)
{
    QDir dir(root);
    for (const char *sub : {"slices", "exports", "logs"}) {
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

Result<Project> Project::open(const QString &directory)
{
    const QString root = QFileInfo(directory).absoluteFilePath();
    if (!exists(root))
        return Error(ErrorCode::NotFound, QDir(root).filePath(kDatabaseFile),
                     QStringLiteral("not a NeuroOnco project (run 'neuroonco init' first)"));
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
        return Migrations::migrate(**db); // produces the SchemaTooNew error
    if (*current < Migrations::latestVersion() && *current > 0) {
        // Keep a copy of the old database before changing its schema.
        const QString backup = project.databasePath() + QStringLiteral(".v%1.bak").arg(*current);
        QFile::remove(backup);
        QSqlQuery q = (*db)->query();
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(backup);
        if (Error e = (*db)->run(q, backup))
            return e;
    }
    if (Error e = Migrations::migrate(**db))
        return e;
    return project;
}

Result<std::unique_ptr<Database>> Project::connect() const
{
    if (!isValid())
        return Error(ErrorCode::Internal, QStringLiteral("project"), QStringLiteral("no project is open"));
    return Database::openSqlite(databasePath());
}

} // namespace neuroonco
