// The GUI side of "endpoints belong to the user": opening a project that brings its own
// endpoints.json shows the trust dialog with each endpoint's host and key variable (Trust records
// it in the user's file; Not now leaves the list unused; an edit asks again), and File → Settings
// edits the user's endpoints file, never the project's, keeping what its table does not show.
#include "UserEndpointsFile.h"

#include "app/studio/MainWindow.h"
#include "app/studio/ProjectSession.h"
#include "app/studio/ProjectTrustDialog.h"
#include "app/studio/SettingsDialog.h"
#include "core/llm/EndpointDirectory.h"
#include "core/llm/UserEndpoints.h"
#include "core/project/Project.h"

#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

const QByteArray kReceived =
    "{\"endpoints\":[{\"name\":\"theirs\",\"base_url\":\"https://theirs.example.com/v1\",\"model\":\"m\","
    "\"api_key_env\":\"GITHUB_TOKEN\"},{\"name\":\"local\",\"base_url\":\"http://127.0.0.1:8000/v1\",\"model\":\"m\"}]}";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestEndpointTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void trustDialogAppearsOnOpeningAReceivedProject();
    void notNowLeavesTheListUnused();
    void noDialogForAProjectWithoutItsOwnList();
    void settingsWriteTheUsersFile();

private:
    test::UserEndpointsFile m_userEndpoints;
    QTemporaryDir m_tmp;
    QString m_project;
};

void TestEndpointTrust::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEndpointTrust::init()
{
    static int n = 0;
    m_userEndpoints.clear();
    Result<Project> p = Project::create(m_tmp.filePath(QStringLiteral("received%1").arg(++n)));
    QVERIFY(p.ok());
    m_project = p->root();
}

void TestEndpointTrust::trustDialogAppearsOnOpeningAReceivedProject()
{
    writeFile(Project::endpointsFileIn(m_project), kReceived);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openProject(m_project, true));
    ProjectTrustDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = w.findChild<ProjectTrustDialog *>()) != nullptr && dialog->isVisible());
    // Each endpoint with its host and key variable, as the user must see them before trusting.
    QTableWidget *table = dialog->endpointTable();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("theirs"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("theirs.example.com"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("https://theirs.example.com/v1"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("GITHUB_TOKEN"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("127.0.0.1"));
    QVERIFY(!EndpointDirectory::load(m_project)->find(QStringLiteral("theirs")).ok());

    auto *trust = dialog->findChild<QPushButton *>(QStringLiteral("trustButton"));
    QVERIFY(trust);
    QVERIFY(!trust->isDefault()); // Enter does not trust by accident
    QTest::mouseClick(trust, Qt::LeftButton);
    QTRY_VERIFY(!w.findChild<ProjectTrustDialog *>());
    const std::optional<ProjectTrust> record = UserEndpoints::load()->trustFor(m_project);
    QVERIFY(record.has_value());
    QCOMPARE(record->endpoints.size(), 2);
    QCOMPARE(record->endpoints.first().apiKeyEnv, QStringLiteral("GITHUB_TOKEN"));
    QCOMPARE(readAll(Project::endpointsFileIn(m_project)), kReceived); // the project is untouched
    Result<EndpointConfig> theirs = EndpointDirectory::load(m_project)->find(QStringLiteral("theirs"));
    QVERIFY2(theirs.ok(), qPrintable(errorMessage(theirs.error())));

    // Trusted as it is: opening it again asks nothing.
    w.session()->close();
    QVERIFY(w.openProject(m_project, true));
    QTest::qWait(200);
    QVERIFY(!w.findChild<ProjectTrustDialog *>());

    // Edited afterwards: asked again.
    w.session()->close();
    QByteArray edited = kReceived;
    edited.replace("GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY");
    writeFile(Project::endpointsFileIn(m_project), edited);
    QVERIFY(w.openProject(m_project, true));
    QTRY_VERIFY((dialog = w.findChild<ProjectTrustDialog *>()) != nullptr && dialog->isVisible());
    QCOMPARE(dialog->endpointTable()->item(0, 3)->text(), QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    dialog->reject();
    QCOMPARE(EndpointDirectory::load(m_project)->trustState(), ProjectTrustState::Changed);
}

void TestEndpointTrust::notNowLeavesTheListUnused()
{
    writeFile(Project::endpointsFileIn(m_project), kReceived);
    MainWindow w;
    w.show();
    QVERIFY(w.openProject(m_project, true));
    ProjectTrustDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = w.findChild<ProjectTrustDialog *>()) != nullptr && dialog->isVisible());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("notNowButton")), Qt::LeftButton);
    QTRY_VERIFY(!w.findChild<ProjectTrustDialog *>());
    QVERIFY(!UserEndpoints::load()->trustFor(m_project));
    QCOMPARE(EndpointDirectory::load(m_project)->find(QStringLiteral("theirs")).error().code, ErrorCode::Untrusted);
}

void TestEndpointTrust::noDialogForAProjectWithoutItsOwnList()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openProject(m_project, true));
    QTest::qWait(200);
    QVERIFY(!w.findChild<ProjectTrustDialog *>());
}

void TestEndpointTrust::settingsWriteTheUsersFile()
{
    // The user's file already has an endpoint with fields the table does not show, and a trust.
    UserEndpoints user = *UserEndpoints::load();
    EndpointConfig tuned;
    tuned.name = QStringLiteral("tuned");
    tuned.baseUrl = QStringLiteral("https://api.example.org/v1");
    tuned.model = QStringLiteral("m");
    tuned.temperature = 0.7;
    tuned.maxRetries = 9;
    user.endpoints().upsert(tuned);
    QVERIFY(!user.save());
    writeFile(Project::endpointsFileIn(m_project), kReceived);
    QVERIFY(!EndpointDirectory::load(m_project)->trustProject());

    ProjectSession session;
    QVERIFY(!session.open(m_project));
    SettingsDialog dialog(&session);
    QTableWidget *table = dialog.endpointTable();
    QVERIFY(table->isEnabled());
    QCOMPARE(table->rowCount(), 1); // the user's endpoints, not the project's
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("tuned"));
    table->item(0, 2)->setText(QStringLiteral("m2"));
    // A new endpoint on another machine over plain http: refused without the opt-in.
    const int row = table->rowCount();
    table->insertRow(row);
    const QStringList cells{QStringLiteral("lan"), QStringLiteral("http://gpu-box.lan:8000/v1"), QStringLiteral("qwen"),
                            QStringLiteral("LAN_KEY"), QString(), QStringLiteral("2"), QStringLiteral("0"), QStringLiteral("60")};
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    auto *insecure = new QTableWidgetItem;
    insecure->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
    insecure->setCheckState(Qt::Unchecked);
    table->setItem(row, 8, insecure);
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.lastError().contains(QStringLiteral("allow_insecure_http")), qPrintable(dialog.lastError()));
    insecure->setCheckState(Qt::Checked);
    QVERIFY2(dialog.save(), qPrintable(dialog.lastError()));

    const UserEndpoints saved = *UserEndpoints::load();
    QCOMPARE(saved.file(), m_userEndpoints.path());
    QCOMPARE(saved.endpoints().endpoints().size(), 2);
    const EndpointConfig first = *saved.endpoints().find(QStringLiteral("tuned"));
    QCOMPARE(first.model, QStringLiteral("m2"));
    QCOMPARE(first.temperature, 0.7); // kept though the table has no column for it
    QCOMPARE(first.maxRetries, 9);
    const EndpointConfig lan = *saved.endpoints().find(QStringLiteral("lan"));
    QVERIFY(lan.allowInsecureHttp);
    QCOMPARE(lan.apiKeyEnv, QStringLiteral("LAN_KEY"));
    QVERIFY(saved.trustFor(m_project).has_value()); // the trust record survived
    QCOMPARE(readAll(Project::endpointsFileIn(m_project)), kReceived); // the project's list untouched

    // Without a project the endpoints are still the user's to edit.
    ProjectSession none;
    SettingsDialog alone(&none);
    QVERIFY(alone.endpointTable()->isEnabled());
    QCOMPARE(alone.endpointTable()->rowCount(), 2);
    alone.endpointTable()->removeRow(1);
    QVERIFY(alone.save());
    QCOMPARE(UserEndpoints::load()->endpoints().endpoints().size(), 1);
}

QTEST_MAIN(TestEndpointTrust)
#include "tst_endpointtrust.moc"
