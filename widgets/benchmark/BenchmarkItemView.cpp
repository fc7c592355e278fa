// One benchmark item for the curator.
#include "widgets/benchmark/BenchmarkItemView.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace neuroonco {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString jsonValueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 4);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("—");
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts << jsonValueText(e);
        return parts.join(QStringLiteral(", "));
    }
    QStringList parts;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        parts << it.key() + QStringLiteral(": ") + jsonValueText(it.value());
    return parts.join(QStringLiteral("; "));
}

// A history entry's stored action as the curator reads it.
QString historyActionText(const QString &action)
{
    if (action == QLatin1String("approve"))
        return BenchmarkItemView::tr("approved");
    if (action == QLatin1String("reject"))
        return BenchmarkItemView::tr("rejected");
    if (action == QLatin1String("edit"))
        return BenchmarkItemView::tr("edited");
    if (action == QLatin1String("regenerate"))
        return BenchmarkItemView::tr("rebuilt from gold");
    if (action == QLatin1String("stale"))
        return BenchmarkItemView::tr("marked stale");
    return action;
}

} // namespace

BenchmarkItemView::BenchmarkItemView(QWidget *parent)
    : QWidget(parent)
    , m_image(new QLabel(this))
    , m_details(new QTextBrowser(this))
    , m_note(new QLineEdit(this))
    , m_approve(new QPushButton(this))
    , m_reject(new QPushButton(this))
    , m_edit(new QPushButton(this))
    , m_regenerate(new QPushButton(this))
{
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(220, 220);
    m_image->setStyleSheet(QStringLiteral("background: black; color: #c0c0c0;"));
    m_details->setObjectName(QStringLiteral("benchmarkItemDetails"));
    m_details->setOpenLinks(false);
    m_approve->setObjectName(QStringLiteral("benchmarkApprove"));
    m_reject->setObjectName(QStringLiteral("benchmarkReject"));
    m_edit->setObjectName(QStringLiteral("benchmarkEdit"));
    m_regenerate->setObjectName(QStringLiteral("benchmarkRegenerate"));
    m_note->setObjectName(QStringLiteral("benchmarkNote"));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_image);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_approve, m_reject, m_edit, m_regenerate})
        buttons->addWidget(b);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, &BenchmarkItemView::approveRequested);
    connect(m_reject, &QPushButton::clicked, this, &BenchmarkItemView::rejectRequested);
    connect(m_edit, &QPushButton::clicked, this, &BenchmarkItemView::editRequested);
    connect(m_regenerate, &QPushButton::clicked, this, &BenchmarkItemView::regenerateRequested);
    retranslate();
    clear(tr("Build the benchmark (Benchmark → Build Benchmark), then pick an item."));
}

void BenchmarkItemView::retranslate()
{
    m_approve->setText(tr("Approve (A)"));
    m_reject->setText(tr("Reject (R)"));
    m_edit->setText(tr("Edit… (E)"));
    m_regenerate->setText(tr("Rebuild from gold (G)"));
    m_regenerate->setToolTip(m_readOnlyReason.isEmpty()
                                 ? tr("Build the question again from the current gold values, keeping its answer letter and trap flag")
                                 : m_readOnlyReason);
    m_note->setPlaceholderText(tr("Note for the history (optional), e.g. why the item is rejected"));
    if (m_hasItem)
        setItem(m_row, m_history, m_picture);
}

void BenchmarkItemView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void BenchmarkItemView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showImage();
}

void BenchmarkItemView::showImage()
{
    if (m_picture.isNull())
        return;
    m_image->setPixmap(QPixmap::fromImage(m_picture.scaled(m_image->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void BenchmarkItemView::clear(const QString &message)
{
    m_hasItem = false;
    m_picture = QImage();
    m_image->setPixmap(QPixmap());
    m_image->setText(QString());
    m_details->setHtml(QStringLiteral("<p>%1</p>").arg(esc(message)));
    for (QPushButton *b : {m_approve, m_reject, m_edit, m_regenerate})
        b->setEnabled(false);
}

QString BenchmarkItemView::note() const
{
    return m_note->text().trimmed();
}

void BenchmarkItemView::clearNote()
{
    m_note->clear();
}

QString BenchmarkItemView::detailsHtml() const
{
    return m_details->toHtml();
}

QString BenchmarkItemView::closedHtml(const BenchmarkItem &item) const
{
    const ClosedQuestion q = item.closed();
    QString html = QStringLiteral("<p style='font-size:large'>%1</p><table cellspacing='2' cellpadding='3'>").arg(esc(q.question));
    for (const ChoiceOption &o : q.options) {
        const bool correct = o.letter == q.answer;
        html += QStringLiteral("<tr><td><b>%1</b></td><td%2>%3%4</td></tr>")
                    .arg(esc(o.letter), correct ? QStringLiteral(" style='background:#d8f0d0'") : QString(), esc(o.text),
                         correct ? QStringLiteral(" &nbsp;✓") : QString());
    }
    html += QStringLiteral("</table>");
    if (q.trap)
        html += QStringLiteral("<p style='color:#8a5a00'><b>%1</b> %2</p>")
                    .arg(esc(tr("Trap question.")),
                         esc(tr("The correct option (%1) was removed, so the answer is \"None of the above\".").arg(q.originalAnswer)));
    return html;
}

QString BenchmarkItemView::openHtml(const BenchmarkItem &item) const
{
    const OpenQuestion q = item.open();
    return QStringLiteral("<p style='font-size:large'>%1</p><p><b>%2</b> %3</p><p><b>%4</b> %5</p>")
        .arg(esc(q.question), esc(tr("Reference answer:")), esc(q.referenceAnswer), esc(tr("Keywords:")),
             esc(q.keywords.join(QStringLiteral(", "))));
}

void BenchmarkItemView::setItem(const CurationRow &row, const std::vector<BenchmarkReview> &history, const QImage &image)
{
    m_row = row;
    m_history = history;
    m_picture = image;
    m_hasItem = true;
    const BenchmarkItem &item = row.item;
    showImage();

    QString statusText;
    switch (item.status) {
    case ItemStatus::Pending: statusText = tr("pending"); break;
    case ItemStatus::Approved: statusText = tr("approved"); break;
    case ItemStatus::Rejected: statusText = tr("rejected"); break;
    case ItemStatus::Stale: statusText = tr("stale: a reviewer changed an attribute it was built from"); break;
    }
    QString html = QStringLiteral("<p><b>#%1</b> · %2 · %3 · %4 · v%5%6</p>")
                       .arg(item.id)
                       .arg(esc(item.kind == ItemKind::Closed ? tr("closed") : tr("open")), esc(item.questionType),
                            esc(statusText))
                       .arg(item.version)
                       .arg(item.split.isEmpty() ? QString() : QStringLiteral(" · ") + esc(item.split));
    html += QStringLiteral("<p style='color:gray'>%1</p>").arg(esc(item.imagePath));
    html += item.kind == ItemKind::Closed ? closedHtml(item) : openHtml(item);

    if (!row.findings.empty()) {
        html += QStringLiteral("<h4 style='color:#b02020'>%1</h4><ul>").arg(esc(tr("Lint warnings")));
        for (const LintFinding &f : row.findings)
            html += QStringLiteral("<li style='color:#b02020'><b>%1</b>: %2</li>").arg(esc(f.kind), esc(f.message));
        html += QStringLiteral("</ul>");
    }
    if (!item.lineage.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing='0' cellpadding='2'>").arg(esc(tr("Built from")));
        for (auto it = item.lineage.begin(); it != item.lineage.end(); ++it)
            html += QStringLiteral("<tr><td style='color:gray'>%1</td><td>%2</td></tr>").arg(esc(it.key()), esc(jsonValueText(it.value())));
        html += QStringLiteral("</table>");
    }
    if (!history.empty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(esc(tr("History")));
        for (const BenchmarkReview &r : history)
            html += QStringLiteral("<li>%1 · %2 · %3%4</li>")
                        .arg(esc(r.at.left(16).replace(QLatin1Char('T'), QLatin1Char(' '))), esc(historyActionText(r.action)), esc(r.reviewer),
                             r.note.isEmpty() ? QString() : QStringLiteral(" — ") + esc(r.note));
        html += QStringLiteral("</ul>");
    }
    m_details->setHtml(html);
    const bool writable = m_readOnlyReason.isEmpty();
    m_approve->setEnabled(writable && item.status != ItemStatus::Approved);
    m_reject->setEnabled(writable && item.status != ItemStatus::Rejected);
    m_edit->setEnabled(writable);
    m_regenerate->setEnabled(writable && item.origin != ItemOrigin::Imported && item.sample != 0);
}

void BenchmarkItemView::setReadOnly(const QString &reason)
{
    m_readOnlyReason = reason;
    m_note->setEnabled(reason.isEmpty());
    for (QWidget *w : std::initializer_list<QWidget *>{m_approve, m_reject, m_edit, m_note})
        w->setToolTip(reason);
    retranslate();
    if (m_hasItem)
        setItem(m_row, m_history, m_picture);
}

} // namespace neuroonco
