// The Evaluations tab.
#include "widgets/evaluation/EvaluationView.h"

#include "core/models/EvalQuestionModel.h"
#include "core/models/EvalRunModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace neuroonco {

namespace {

// Verdicts in colour: right green, wrong red, invalid amber.
class VerdictDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        switch (EvalQuestionModel::Verdict(index.data(EvalQuestionModel::VerdictRole).toInt())) {
        case EvalQuestionModel::Verdict::Right: option->palette.setColor(QPalette::Text, QColor(30, 130, 50)); break;
        case EvalQuestionModel::Verdict::Wrong: option->palette.setColor(QPalette::Text, QColor(190, 40, 40)); break;
        case EvalQuestionModel::Verdict::Invalid:
        case EvalQuestionModel::Verdict::Failed: option->palette.setColor(QPalette::Text, QColor(170, 110, 0)); break;
        case EvalQuestionModel::Verdict::Scored: break;
        }
    }
};

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

EvaluationView::EvaluationView(QWidget *parent)
    : QWidget(parent)
    , m_runs(new EvalRunModel(this))
    , m_runSort(new QSortFilterProxyModel(this))
    , m_questions(new EvalQuestionModel(this))
    , m_filter(new EvalQuestionFilter(this))
    , m_header(new QLabel(this))
    , m_evaluate(new QPushButton(this))
    , m_import(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_board(new QTableView(this))
    , m_show(new QComboBox(this))
    , m_questionView(new QTableView(this))
    , m_image(new QLabel(this))
    , m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("evaluationsTab"));
    m_evaluate->setObjectName(QStringLiteral("evaluateModel"));
    m_import->setObjectName(QStringLiteral("importPredictions"));
    m_export->setObjectName(QStringLiteral("exportPredictions"));
    m_details->setObjectName(QStringLiteral("evaluationDetails"));
    m_show->setObjectName(QStringLiteral("evaluationShow"));
    m_image->setObjectName(QStringLiteral("evaluationImage"));
    m_board->setObjectName(QStringLiteral("evaluationLeaderboard"));
    m_questionView->setObjectName(QStringLiteral("evaluationQuestions"));
    m_header->setWordWrap(true);

    m_runSort->setSourceModel(m_runs);
    m_runSort->setSortRole(EvalRunModel::SortRole);
    m_board->setModel(m_runSort);
    m_board->setSortingEnabled(true);
    m_board->sortByColumn(EvalRunModel::AccuracyColumn, Qt::DescendingOrder); // a leaderboard: best first
    m_board->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_board->setSelectionMode(QAbstractItemView::SingleSelection);
    m_board->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_board->verticalHeader()->hide();
    m_board->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_board->setMinimumHeight(120);

    m_filter->setSourceModel(m_questions);
    m_filter->setSortRole(EvalQuestionModel::SortRole);
    m_questionView->setModel(m_filter);
    m_questionView->setSortingEnabled(true);
    m_questionView->sortByColumn(EvalQuestionModel::KeyColumn, Qt::AscendingOrder);
    m_questionView->setItemDelegate(new VerdictDelegate(m_questionView));
    m_questionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_questionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_questionView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_questionView->verticalHeader()->hide();
    m_questionView->verticalHeader()->setDefaultSectionSize(22);
    m_questionView->horizontalHeader()->setStretchLastSection(true);
    m_questionView->horizontalHeader()->setDefaultSectionSize(70);
    m_questionView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    for (int i = 0; i < 4; ++i)
        m_show->addItem(QString());

    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(200, 200);
    m_image->setStyleSheet(QStringLiteral("background: black; color: #c0c0c0;"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    for (QPushButton *b : {m_evaluate, m_import, m_export, m_refresh})
        top->addWidget(b);

    auto *questionsPane = new QWidget(this);
    auto *ql = new QVBoxLayout(questionsPane);
    ql->setContentsMargins(0, 0, 0, 0);
    ql->addWidget(m_show);
    ql->addWidget(m_questionView, 1);

    auto *detailSplit = new QSplitter(Qt::Horizontal, this);
    detailSplit->addWidget(m_image);
    detailSplit->addWidget(m_details);
    detailSplit->setStretchFactor(0, 2);
    detailSplit->setStretchFactor(1, 3);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(questionsPane);
    bottom->addWidget(detailSplit);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 5);
    // The question list shows item, type, trap, truth, answer and verdict without scrolling.
    questionsPane->setMinimumWidth(300);
    bottom->setSizes({500, 1000});
    detailSplit->setSizes({420, 580});

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_board);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(vertical, 1);

    connect(m_evaluate, &QPushButton::clicked, this, &EvaluationView::evaluateRequested);
    connect(m_import, &QPushButton::clicked, this, &EvaluationView::importRequested);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (!currentRun().isEmpty())
            Q_EMIT exportRequested(currentRun());
    });
    connect(m_refresh, &QPushButton::clicked, this, &EvaluationView::refreshRequested);
    connect(m_board->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT runSelected(current.siblingAtColumn(0).data(EvalRunModel::NameRole).toString());
    });
    connect(m_questionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT questionSelected(m_filter->mapToSource(current).row());
    });
    connect(m_show, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter->setShow(EvalQuestionFilter::Show(index)); });
    retranslate();
    showMessage(tr("No evaluation yet."));
}

void EvaluationView::retranslate()
{
    m_evaluate->setText(tr("Evaluate a Model…"));
    m_evaluate->setToolTip(m_readOnlyReason.isEmpty()
                               ? tr("Ask a configured model endpoint every approved benchmark question with its image")
                               : m_readOnlyReason);
    m_import->setText(tr("Import Predictions…"));
    m_import->setToolTip(m_readOnlyReason.isEmpty()
                             ? tr("Predictions of an outside run, one JSON line per question (id, q_index, pred, …)")
                             : m_readOnlyReason);
    m_export->setText(tr("Export Predictions…"));
    m_refresh->setText(tr("Refresh"));
    const QStringList shows{tr("All questions"), tr("Wrong answers"), tr("Invalid answers and failed requests"), tr("Trap questions")};
    for (int i = 0; i < shows.size(); ++i)
        m_show->setItemText(i, shows.at(i));
}

void EvaluationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EvaluationView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showImage();
}

void EvaluationView::showImage()
{
    if (m_picture.isNull()) {
        m_image->setPixmap(QPixmap());
        return;
    }
    m_image->setPixmap(QPixmap::fromImage(m_picture.scaled(m_image->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void EvaluationView::setRuns(std::vector<RunScores> runs)
{
    const QString keep = currentRun();
    const int n = int(runs.size());
    m_runs->setRuns(std::move(runs));
    m_header->setText(n == 0 ? tr("No evaluation yet. Configure a model endpoint in Settings, then Evaluate a Model; or import "
                                  "the predictions of an outside run.")
                             : tr("%n evaluation run(s). Brackets are 95% bootstrap intervals over questions.", nullptr, n));
    m_export->setEnabled(n > 0);
    if (n > 0)
        selectRun(keep.isEmpty() || m_runs->rowOfName(keep) < 0 ? m_runs->run(0)->run.name : keep);
}

void EvaluationView::selectRun(const QString &name)
{
    const int row = m_runs->rowOfName(name);
    if (row < 0)
        return;
    m_board->setCurrentIndex(m_runSort->mapFromSource(m_runs->index(row, 0)));
}

void EvaluationView::setReadOnly(const QString &reason)
{
    m_readOnlyReason = reason;
    m_evaluate->setEnabled(reason.isEmpty());
    m_import->setEnabled(reason.isEmpty());
    retranslate();
}

QString EvaluationView::currentRun() const
{
    const QModelIndex i = m_board->currentIndex();
    return i.isValid() ? i.siblingAtColumn(0).data(EvalRunModel::NameRole).toString() : QString();
}

void EvaluationView::setQuestions(std::vector<QuestionResult> questions, bool closed)
{
    m_closed = closed;
    m_questions->setQuestions(std::move(questions), closed);
    m_questionView->setColumnHidden(EvalQuestionModel::TruthColumn, !closed);
    m_questionView->resizeColumnsToContents();
    if (m_filter->rowCount() > 0)
        m_questionView->setCurrentIndex(m_filter->index(0, 0));
    else
        m_details->setHtml(QStringLiteral("<p>%1</p>").arg(esc(tr("No questions in this view."))));
}

void EvaluationView::showMessage(const QString &text)
{
    m_picture = QImage();
    showImage();
    m_details->setHtml(QStringLiteral("<p>%1</p>").arg(esc(text)));
}

QString EvaluationView::detailsHtml() const
{
    return m_details->toHtml();
}

void EvaluationView::showQuestion(const QuestionResult &q, const QImage &image)
{
    m_picture = image;
    showImage();
    QString html = QStringLiteral("<p><b>%1</b> · %2%3</p><p style='color:gray'>%4</p>")
                       .arg(q.item ? QStringLiteral("#%1").arg(q.item) : esc(q.externalId), esc(q.questionType),
                            q.isTrap ? QStringLiteral(" · <span style='color:#8a5a00'>%1</span>").arg(esc(tr("trap"))) : QString(),
                            esc(q.imagePath));
    if (!q.question.isEmpty())
        html += QStringLiteral("<p style='font-size:large'>%1</p>").arg(esc(q.question));
    if (m_closed) {
        html += QStringLiteral("<table cellspacing='2' cellpadding='3'>");
        for (auto it = q.options.begin(); it != q.options.end(); ++it) {
            const bool truth = it.key() == q.gt;
            const bool given = it.key() == q.pred;
            QString marks;
            if (truth)
                marks += QStringLiteral(" ✓");
            if (given)
                marks += QStringLiteral(" ◀ ") + esc(tr("model"));
            const QString style = truth ? QStringLiteral(" style='background:#d8f0d0'")
                                        : given ? QStringLiteral(" style='background:#f6d6d6'") : QString();
            html += QStringLiteral("<tr><td><b>%1</b></td><td%2>%3%4</td></tr>").arg(esc(it.key()), style, esc(it.value().toString()), marks);
        }
        html += QStringLiteral("</table>");
        if (!q.valid && q.error.isEmpty())
            html += QStringLiteral("<p style='color:#aa6e00'>%1</p>").arg(esc(tr("The reply names no single option: counted as invalid, never guessed.")));
    } else {
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Reference:")), esc(q.referenceAnswer));
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Keywords:")), esc(q.keywords.join(QStringLiteral(", "))));
        QStringList metrics;
        if (q.keywordRecall)
            metrics << tr("keyword recall %1").arg(*q.keywordRecall, 0, 'f', 2);
        if (q.bleu)
            metrics << tr("BLEU-4 %1").arg(*q.bleu, 0, 'f', 3);
        if (q.rougeL)
            metrics << tr("ROUGE-L %1").arg(*q.rougeL, 0, 'f', 3);
        if (q.judgeScore)
            metrics << tr("judge %1").arg(*q.judgeScore, 0, 'f', 2);
        html += QStringLiteral("<p>%1</p>").arg(esc(metrics.join(QStringLiteral(" · "))));
    }
    if (!q.error.isEmpty())
        html += QStringLiteral("<p style='color:#aa6e00'><b>%1</b> %2</p>").arg(esc(tr("Request failed:")), esc(q.error));
    html += QStringLiteral("<h4>%1</h4><pre style='white-space:pre-wrap'>%2</pre>").arg(esc(tr("Reply")), esc(q.raw));
    if (q.rotations.size() > 1) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing='0' cellpadding='2' border='1'><tr><th>%2</th><th>%3</th><th>%4</th></tr>")
                    .arg(esc(tr("Rotations (circular evaluation)")), esc(tr("Rotation")), esc(tr("Answer")), esc(tr("Right")));
        for (const EvalAnswer &a : q.rotations)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                        .arg(a.rotation)
                        .arg(esc(a.valid ? a.pred : tr("invalid")), a.correct.value_or(false) ? QStringLiteral("✓") : QStringLiteral("✗"));
        html += QStringLiteral("</table>");
    }
    m_details->setHtml(html);
}

} // namespace neuroonco
