// Endpoint resolution: the user's own file first; a project's endpoints.json only while the user
// trusts it (keyed by the folder and the file's hash, line by line); plain http to another
// machine only with the user's opt-in; the user's file where NEUROONCO_ENDPOINTS says.
#include "core/llm/EndpointDirectory.h"
#include "core/llm/UserEndpoints.h"
#include "core/project/Project.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;

namespace {

QByteArray projectFile(const QString &name, const QString &url, const QString &keyVariable, bool insecure = false)
{
    QJsonObject e{{QStringLiteral("name"), name}, {QStringLiteral("base_url"), url}, {QStringLiteral("model"), QStringLiteral("m")}};
    if (!keyVariable.isEmpty())
        e.insert(QStringLiteral("api_key_env"), keyVariable);
    if (insecure)
        e.insert(QStringLiteral("allow_insecure_http"), true);
    return QJsonDocument(QJsonObject{{QStringLiteral("endpoints"), QJsonArray{e}}}).toJson();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

EndpointConfig endpoint(const QString &name, const QString &url, const QString &keyVariable = {})
{
    EndpointConfig e;
    e.name = name;
    e.baseUrl = url;
    e.model = QStringLiteral("m");
    e.apiKeyEnv = keyVariable;
    return e;
}

} // namespace

class TestEndpointDirectory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void userFileIsWhereTheEnvironmentSays();
    void userEndpointsComeFirst();
    void untrustedProjectEndpointIsRefusedWithWhatItWouldDo();
    void trustHoldsUntilTheFileChanges();
    void trustIsPerFolder();
    void trustLineMustMatchExactly();
    void projectCannotOptInToPlainHttp();
    void userOptInToPlainHttp();
    void trustSurvivesEditsOfTheUserFile();
    void brokenFilesAreNamed();

private:
    QTemporaryDir m_tmp;
    QString m_userFile;
    QString m_root;
};

void TestEndpointDirectory::init()
{
    static int n = 0;
    const QString dir = m_tmp.filePath(QString::number(++n));
    m_userFile = QDir(dir).filePath(QStringLiteral("config/endpoints.json"));
    qputenv("NEUROONCO_ENDPOINTS", m_userFile.toLocal8Bit());
    Result<Project> p = Project::create(QDir(dir).filePath(QStringLiteral("received")));
    QVERIFY(p.ok());
    m_root = p->root();
}

void TestEndpointDirectory::userFileIsWhereTheEnvironmentSays()
{
    QCOMPARE(UserEndpoints::defaultPath(), m_userFile);
    qunsetenv("NEUROONCO_ENDPOINTS");
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(UserEndpoints::defaultPath(),
             QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/NeuroOnco/endpoints.json"));
    QStandardPaths::setTestModeEnabled(false);
    qputenv("NEUROONCO_ENDPOINTS", m_userFile.toLocal8Bit());
    // Missing file: no endpoints, not an error; saving creates the folder.
    Result<UserEndpoints> user = UserEndpoints::load();
    QVERIFY(user.ok());
    QVERIFY(user->endpoints().endpoints().isEmpty());
    user->endpoints().upsert(endpoint(QStringLiteral("mine"), QStringLiteral("https://api.example.org/v1"), QStringLiteral("MY_KEY")));
    QVERIFY(!user->save());
    QVERIFY(QFile::exists(m_userFile));
    QCOMPARE(UserEndpoints::load()->endpoints().endpoints().size(), 1);
}

void TestEndpointDirectory::userEndpointsComeFirst()
{
    UserEndpoints user = *UserEndpoints::load();
    user.endpoints().upsert(endpoint(QStringLiteral("shared"), QStringLiteral("https://mine.example.org/v1"), QStringLiteral("MY_KEY")));
    QVERIFY(!user.save());
    QVERIFY(writeFile(Project::endpointsFileIn(m_root), projectFile(QStringLiteral("shared"), QStringLiteral("https://theirs.example.com/v1"), QStringLiteral("GITHUB_TOKEN"))));
    Result<EndpointDirectory> d = EndpointDirectory::load(m_root);
    QVERIFY(d.ok());
    Result<EndpointConfig> e = d->find(QStringLiteral("shared"));
    QVERIFY2(e.ok(), qPrintable(errorMessage(e.error())));
    QCOMPARE(e->baseUrl, QStringLiteral("https://mine.example.org/v1"));
    QCOMPARE(e->apiKeyEnv, QStringLiteral("MY_KEY"));
    const QList<EndpointDirectory::Entry> entries = d->entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).origin, EndpointOrigin::User);
    QVERIFY(entries.at(0).usable);
    QCOMPARE(entries.at(1).origin, EndpointOrigin::Project);
    QVERIFY(entries.at(1).shadowed);
    QVERIFY(!entries.at(1).usable);
    QCOMPARE(d->choices().size(), 1);
}

void TestEndpointDirectory::untrustedProjectEndpointIsRefusedWithWhatItWouldDo()
{
    QVERIFY(writeFile(Project::endpointsFileIn(m_root), projectFile(QStringLiteral("shared"), QStringLiteral("https://theirs.example.com/v1"), QStringLiteral("GITHUB_TOKEN"))));
    Result<Project> project = Project::open(m_root);
    Result<EndpointConfig> e = EndpointDirectory::resolve(*project, QStringLiteral("shared"));
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, ErrorCode::Untrusted);
    const QString message = errorMessage(e.error());
    for (const QString &part : {QStringLiteral("'shared'"), Project::endpointsFileIn(m_root), QStringLiteral("theirs.example.com"),
                                QStringLiteral("$GITHUB_TOKEN"), QStringLiteral("neuroonco endpoints trust ") + m_root})
        QVERIFY2(message.contains(part), qPrintable(part + QStringLiteral(" missing in: ") + message));
    Result<EndpointDirectory> d = EndpointDirectory::load(m_root);
    QCOMPARE(d->trustState(), ProjectTrustState::Untrusted);
    QVERIFY(d->choices().isEmpty());
    // An unknown name says where it looked.
    Result<EndpointConfig> unknown = d->find(QStringLiteral("other"));
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QVERIFY(errorMessage(unknown.error()).contains(m_userFile));
    QVERIFY(errorMessage(unknown.error()).contains(QStringLiteral("neuroonco endpoints add other")));
}

void TestEndpointDirectory::trustHoldsUntilTheFileChanges()
{
    const QString file = Project::endpointsFileIn(m_root);
    QVERIFY(writeFile(file, projectFile(QStringLiteral("shared"), QStringLiteral("https://theirs.example.com/v1"), QStringLiteral("GITHUB_TOKEN"))));
    const QStringList before = QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    QFile original(file);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();
    {
        Result<EndpointDirectory> d = EndpointDirectory::load(m_root);
        QVERIFY(!d->trustProject());
        QCOMPARE(d->trustState(), ProjectTrustState::Trusted);
    }
    // The record is in the user's file, never in the project: its folder and file are as they were.
    QVERIFY(UserEndpoints::load()->trustFor(m_root).has_value());
    QCOMPARE(QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    QFile after(file);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), bytes);
    Result<EndpointDirectory> d = EndpointDirectory::load(m_root);
    Result<EndpointConfig> e = d->find(QStringLiteral("shared"));
    QVERIFY2(e.ok(), qPrintable(errorMessage(e.error())));
    QCOMPARE(e->apiKeyEnv, QStringLiteral("GITHUB_TOKEN"));
    QCOMPARE(d->choices().size(), 1);

    // A later edit (even one that keeps the same host) voids the trust.
    QVERIFY(writeFile(file, projectFile(QStringLiteral("shared"), QStringLiteral("https://theirs.example.com/v1"), QStringLiteral("AWS_SECRET_ACCESS_KEY"))));
    d = EndpointDirectory::load(m_root);
    QCOMPARE(d->trustState(), ProjectTrustState::Changed);
    e = d->find(QStringLiteral("shared"));
    QCOMPARE(e.error().code, ErrorCode::Untrusted);
    QVERIFY2(errorMessage(e.error()).contains(QStringLiteral("changed")), qPrintable(errorMessage(e.error())));
    QVERIFY(errorMessage(e.error()).contains(QStringLiteral("$AWS_SECRET_ACCESS_KEY")));
    QVERIFY(d->choices().isEmpty());

    // Untrust removes the record.
    QVERIFY(*d->untrustProject());
    QVERIFY(!UserEndpoints::load()->trustFor(m_root));
    QVERIFY(!*d->untrustProject());
}

void TestEndpointDirectory::trustIsPerFolder()
{
    // The same bytes in another folder (a copy received later) are not trusted by the first
    // record: the identity is the folder, not anything the project says about itself.
    const QByteArray bytes = projectFile(QStringLiteral("shared"), QStringLiteral("https://theirs.example.com/v1"), QStringLiteral("GITHUB_TOKEN"));
    QVERIFY(writeFile(Project::endpointsFileIn(m_root), bytes));
    QVERIFY(!EndpointDirectory::load(m_root)->trustProject());
    const QString copy = QFileInfo(m_root).absolutePath() + QStringLiteral("/copy");
    QVERIFY(Project::create(copy).ok());
    QVERIFY(writeFile(Project::endpointsFileIn(copy), bytes));
    QCOMPARE(EndpointDirectory::load(copy)->trustState(), ProjectTrustState::Untrusted);
    // Any spelling of the trusted folder is the same folder.
    QCOMPARE(EndpointDirectory::load(m_root + QStringLiteral("/./"))->trustState(), ProjectTrustState::Trusted);
}

void TestEndpointDirectory::trustLineMustMatchExactly()
{
    // A record whose hash matches but whose lines do not list this key variable lends nothing:
    // the key variables a project may use are exactly those the user was shown.
    const QByteArray bytes = projectFile(QStringLiteral("shared"), QStringLiteral("https://theirs.example.com/v1"), QStringLiteral("GITHUB_TOKEN"));
    QVERIFY(writeFile(Project::endpointsFileIn(m_root), bytes));
    UserEndpoints user = *UserEndpoints::load();
    ProjectTrust t;
    t.project = ProjectTrust::identityOf(m_root);
    t.sha256 = ProjectTrust::hashOf(bytes);
    t.endpoints.append({QStringLiteral("shared"), QStringLiteral("https://theirs.example.com/v1"), QStringLiteral("OTHER_KEY")});
    user.setTrust(t);
    QVERIFY(!user.save());
    Result<EndpointDirectory> d = EndpointDirectory::load(m_root);
    QCOMPARE(d->trustState(), ProjectTrustState::Trusted);
    QCOMPARE(d->find(QStringLiteral("shared")).error().code, ErrorCode::Untrusted);
    QVERIFY(d->choices().isEmpty());
}

void TestEndpointDirectory::projectCannotOptInToPlainHttp()
{
    QVERIFY(writeFile(Project::endpointsFileIn(m_root), projectFile(QStringLiteral("lan"), QStringLiteral("http://10.0.0.5:8000/v1"), QString(), true)));
    Result<EndpointDirectory> d = EndpointDirectory::load(m_root);
    QVERIFY(!d->trustProject());
    d = EndpointDirectory::load(m_root);
    QCOMPARE(d->trustState(), ProjectTrustState::Trusted);
    QVERIFY(!d->projectEndpoints().endpoints().first().allowInsecureHttp);
    Result<EndpointConfig> e = d->find(QStringLiteral("lan"));
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
    QVERIFY(e.error().subject.startsWith(Project::endpointsFileIn(m_root)));
    QVERIFY(e.error().detail.contains(QStringLiteral("allow_insecure_http")));
    // A project's plain http to this machine is fine (a local server).
    QVERIFY(writeFile(Project::endpointsFileIn(m_root), projectFile(QStringLiteral("lan"), QStringLiteral("http://127.0.0.1:8000/v1"), QString())));
    d = EndpointDirectory::load(m_root);
    QVERIFY(!d->trustProject());
    QVERIFY(d->find(QStringLiteral("lan")).ok());
}

void TestEndpointDirectory::userOptInToPlainHttp()
{
    UserEndpoints user = *UserEndpoints::load();
    user.endpoints().upsert(endpoint(QStringLiteral("lan"), QStringLiteral("http://gpu-box.lan:8000/v1"), QStringLiteral("LAN_KEY")));
    QVERIFY(!user.save());
    Result<EndpointDirectory> d = EndpointDirectory::load();
    Result<EndpointConfig> e = d->find(QStringLiteral("lan"));
    QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
    QVERIFY(e.error().subject.startsWith(m_userFile));
    QVERIFY(e.error().detail.contains(QStringLiteral("gpu-box.lan")));
    QVERIFY(!d->entries().first().usable);
    EndpointConfig optedIn = endpoint(QStringLiteral("lan"), QStringLiteral("http://gpu-box.lan:8000/v1"), QStringLiteral("LAN_KEY"));
    optedIn.allowInsecureHttp = true;
    user.endpoints().upsert(optedIn);
    QVERIFY(!user.save());
    QVERIFY(QFile(m_userFile).open(QIODevice::ReadOnly));
    d = EndpointDirectory::load();
    e = d->find(QStringLiteral("lan"));
    QVERIFY2(e.ok(), qPrintable(errorMessage(e.error())));
    QVERIFY(e->allowInsecureHttp);
}

void TestEndpointDirectory::trustSurvivesEditsOfTheUserFile()
{
    QVERIFY(writeFile(Project::endpointsFileIn(m_root), projectFile(QStringLiteral("shared"), QStringLiteral("https://theirs.example.com/v1"), QString())));
    QVERIFY(!EndpointDirectory::load(m_root)->trustProject());
    UserEndpoints user = *UserEndpoints::load();
    user.endpoints().upsert(endpoint(QStringLiteral("mine"), QStringLiteral("https://mine.example.org/v1")));
    QVERIFY(!user.save());
    QVERIFY(user.endpoints().remove(QStringLiteral("mine")));
    QVERIFY(!user.save());
    QCOMPARE(EndpointDirectory::load(m_root)->trustState(), ProjectTrustState::Trusted);
    // And the record round-trips with every field.
    const ProjectTrust t = *UserEndpoints::load()->trustFor(m_root);
    QCOMPARE(t.endpoints.size(), 1);
    QCOMPARE(t.endpoints.first().baseUrl, QStringLiteral("https://theirs.example.com/v1"));
    QVERIFY(t.endpoints.first().apiKeyEnv.isEmpty());
    QVERIFY(!t.trustedAt.isEmpty());
}

void TestEndpointDirectory::brokenFilesAreNamed()
{
    // A broken project file does not stop the user's own endpoints; it cannot be trusted.
    QVERIFY(writeFile(Project::endpointsFileIn(m_root), QByteArray("{\"endpoints\": [{\"name\": 1}]}")));
    UserEndpoints user = *UserEndpoints::load();
    user.endpoints().upsert(endpoint(QStringLiteral("mine"), QStringLiteral("https://mine.example.org/v1")));
    QVERIFY(!user.save());
    Result<EndpointDirectory> d = EndpointDirectory::load(m_root);
    QVERIFY(d.ok());
    QCOMPARE(d->trustState(), ProjectTrustState::Unreadable);
    QVERIFY(d->find(QStringLiteral("mine")).ok());
    QVERIFY(d->trustProject());
    Result<EndpointConfig> theirs = d->find(QStringLiteral("theirs"));
    QVERIFY(errorMessage(theirs.error()).contains(Project::endpointsFileIn(m_root)));
    // A broken user file is an error naming the file and the field.
    QVERIFY(writeFile(m_userFile, QByteArray("{\"endpoints\": [], \"trusted_projects\": [{\"project\": \"/x\", \"sha256\": \"no\"}]}")));
    Result<UserEndpoints> broken = UserEndpoints::load();
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error().subject, m_userFile + QStringLiteral(": trusted_projects[0].sha256"));
    QVERIFY(!EndpointDirectory::load(m_root).ok());
}

QTEST_GUILESS_MAIN(TestEndpointDirectory)
#include "tst_endpointdirectory.moc"
