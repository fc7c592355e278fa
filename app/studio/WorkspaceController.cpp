// Workspace tabs and their data.
#include "WorkspaceController.h"

#include "ProjectSession.h"
#include "dedup/DuplicateClusterView.h"
#include "ingest/IngestIssuesView.h"
#include "models/SampleTableModel.h"
#include "project/ProjectOverview.h"
#include "imaging/ImageIO.h"
#include "samples/SampleBrowser.h"
#include "samples/SampleInspector.h"
#include "viewer/SliceView.h"

#include <QDir>
#include <QSplitter>

#include <QTabWidget>

namespace neuroonco {

WorkspaceController::WorkspaceController(ProjectSession *session, QWidget *parentWidget)
    : QObject(parentWidget)
    , m_session(session)
    , m_tabs(new QTabWidget(parentWidget))
    , m_overview(new ProjectOverview(m_tabs))
    , m_samplesTab(new QSplitter(m_tabs))
    , m_samples(new SampleBrowser(m_samplesTab))
    , m_inspector(new SampleInspector(m_samplesTab))
    , m_duplicates(new DuplicateClusterView(m_tabs))
    , m_issues(new IngestIssuesView(m_tabs))
    , m_sampleModel(new SampleTableModel(this))
{
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, QString());
    auto *splitter = static_cast<QSplitter *>(m_samplesTab);
    splitter->addWidget(m_samples);
    splitter->addWidget(m_inspector);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    m_tabs->addTab(m_samplesTab, QString());
    m_tabs->addTab(m_duplicates, QString());
    m_tabs->addTab(m_issues, QString());
    m_samples->setModel(m_sampleModel);
    connect(m_samples, &SampleBrowser::sampleSelected, this, &WorkspaceController::showSample);
    connect(m_duplicates, &DuplicateClusterView::clusterSelected, this, [this](qint64 id) {
        m_duplicates->setMembers(m_session->cluster(id), m_session->project().slicesDir());
    });
    connect(m_session, &ProjectSession::opened, this, &WorkspaceController::reload);
    connect(m_session, &ProjectSession::closed, this, &WorkspaceController::reload);
    retranslate();
}

void WorkspaceController::retranslate()
{
    m_tabs->setTabText(0, tr("Overview"));
    m_tabs->setTabText(1, tr("Samples (%1)").arg(m_sampleModel->rowCount()));
    m_tabs->setTabText(2, tr("Duplicates"));
    m_tabs->setTabText(3, tr("Ingest problems"));
}

void WorkspaceController::reload()
{
    const bool open = m_session->isOpen();
    m_inspector->clear(QString());
    m_sampleModel->setSamples(m_session->samples());
    m_duplicates->setClusters(m_session->clusters());
    m_issues->setIssues(m_session->ingestIssues());
    for (int i = 1; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, open);
    retranslate();
}

void WorkspaceController::showSample(qint64 id)
{
    const int row = m_sampleModel->rowOfId(id);
    const SampleRecord *s = m_sampleModel->sample(row);
    if (!s || !m_session->isOpen()) {
        m_inspector->clear(QString());
        return;
    }
    const QDir slices(m_session->project().slicesDir());
    Result<GrayImage> image = imageio::readGray8(slices.filePath(s->imagePath));
    if (!image) {
        m_inspector->clear(errorMessage(image.error()));
        return;
    }
    GrayImage mask;
    if (s->hasMask()) {
        if (Result<GrayImage> m = imageio::readGray8(slices.filePath(s->maskPath)))
            mask = m.take();
    }
    const std::optional<SemanticsRecord> record = m_session->semantics(s->id);
    std::optional<MaskSemantics> semantics;
    QString note;
    if (record && record->status == QLatin1String("ok"))
        semantics = record->semantics;
    else if (record)
        note = record->reason;
    m_inspector->view()->setSlice(*image, mask, semantics);
    m_inspector->setDetails(*s, semantics, note, m_session->description(s->id));
}

} // namespace neuroonco
