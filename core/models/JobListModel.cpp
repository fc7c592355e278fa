// Display logic for the jobs table: states, progress, rate, ETA and summaries as text.
#include "core/models/JobListModel.h"

#include "core/jobs/StageRegistry.h"

#include <QLocale>

#include <algorithm>
#include <climits>
#include <cmath>

namespace neuroonco {

JobListModel::JobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobListModel::formatDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    const qint64 s = qint64(std::llround(seconds));
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

static QString stateText(JobState state, qint64 errors)
{
    switch (state) {
    case JobState::Queued: return JobListModel::tr("queued");
    case JobState::Running: return JobListModel::tr("running");
    case JobState::Succeeded:
        return errors > 0 ? JobListModel::tr("succeeded with %n error(s)", nullptr, int(std::min<qint64>(errors, INT_MAX)))
                          : JobListModel::tr("succeeded");
    case JobState::Failed: return JobListModel::tr("failed");
    case JobState::Canceled: return JobListModel::tr("canceled");
    case JobState::Interrupted: return JobListModel::tr("interrupted");
    }
    return {};
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobRecord &r = m_jobs[size_t(index.row())];
    switch (role) {
    case JobIdRole: return r.id;
    case StateRole: return int(r.state);
    case FractionRole: return r.progress.fraction();
    case RecordRole: return QVariant::fromValue(r);
    case Qt::ToolTipRole:
        if (!r.error.isEmpty())
            return r.error;
        if (r.errors() > 0 && !r.failures.isEmpty())
            return tr("First failures: %1").arg(r.failures.join(QStringLiteral("; ")));
        return jobSummaryText(r.summary);
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == RateColumn || index.column() == EtaColumn
            || index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }

    const QLocale locale;
    switch (index.column()) {
    case IdColumn: return r.id;
    case StageColumn: return StageRegistry::instance().title(r.stage);
    case StateColumn: return stateText(r.state, r.errors());
    case ProgressColumn:
        if (r.progress.total > 0)
            return tr("%1 / %2").arg(locale.toString(r.progress.done), locale.toString(r.progress.total));
        return r.progress.done > 0 ? locale.toString(r.progress.done) : QString();
    case RateColumn:
        if (r.state != JobState::Running || r.progress.ratePerSecond <= 0)
            return QString();
        return tr("%1/s").arg(locale.toString(r.progress.ratePerSecond, 'f', r.progress.ratePerSecond < 10 ? 1 : 0));
    case EtaColumn:
        return r.state == JobState::Running && r.progress.etaSeconds >= 0
                   ? formatDuration(r.progress.etaSeconds)
                   : QString();
    case StartedColumn:
        return r.started.isValid() ? locale.toString(r.started.toLocalTime(), QLocale::ShortFormat) : QString();
    case DurationColumn: return formatDuration(r.durationSeconds());
    case SummaryColumn: return r.error.isEmpty() ? jobSummaryText(r.summary) : r.error;
    default: return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Job");
    case StageColumn: return tr("Stage");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case RateColumn: return tr("Rate");
    case EtaColumn: return tr("Remaining");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case SummaryColumn: return tr("Summary");
    default: return {};
    }
}

void JobListModel::setJobs(std::vector<JobRecord> jobs)
{
    beginResetModel();
    m_jobs = std::move(jobs);
    endResetModel();
}

int JobListModel::rowOf(qint64 jobId) const
{
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs[i].id == jobId)
            return int(i);
    }
    return -1;
}

const JobRecord *JobListModel::record(int row) const
{
    return row >= 0 && row < int(m_jobs.size()) ? &m_jobs[size_t(row)] : nullptr;
}

void JobListModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobListModel::upsert(const JobRecord &record)
{
    const int row = rowOf(record.id);
    if (row >= 0) {
        m_jobs[size_t(row)] = record;
        emitRowChanged(row);
        return;
    }
    // Keep newest first: jobs ids grow, so insert before the first smaller id.
    int pos = 0;
    while (pos < int(m_jobs.size()) && m_jobs[size_t(pos)].id > record.id)
        ++pos;
    beginInsertRows({}, pos, pos);
    m_jobs.insert(m_jobs.begin() + pos, record);
    endInsertRows();
}

void JobListModel::updateProgress(qint64 jobId, const JobProgress &progress)
{
    const int row = rowOf(jobId);
    if (row < 0)
        return;
    m_jobs[size_t(row)].progress = progress;
    emitRowChanged(row);
}

void JobListModel::markFinished(qint64 jobId, JobState state, const QJsonObject &summary, const QString &error)
{
    const int row = rowOf(jobId);
    if (row < 0)
        return;
    JobRecord &r = m_jobs[size_t(row)];
    r.state = state;
    r.summary = summary;
    r.error = error;
    r.finished = QDateTime::currentDateTimeUtc();
    emitRowChanged(row);
}

} // namespace neuroonco
