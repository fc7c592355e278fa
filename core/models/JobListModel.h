// Table model of jobs (running and finished) for the jobs panel. Pure data: the application
// feeds it from JobRunner signals and from the jobs table; it never touches the database.
#pragma once

#include "core/jobs/JobTypes.h"

#include <QAbstractTableModel>

#include <vector>

namespace neuroonco {

class JobListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, StageColumn, StateColumn, ProgressColumn, RateColumn, EtaColumn,
                  StartedColumn, DurationColumn, SummaryColumn, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, StateRole, FractionRole, RecordRole };

    explicit JobListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Newest first.
    void setJobs(std::vector<JobRecord> jobs);
    void upsert(const JobRecord &record);
    void updateProgress(qint64 jobId, const JobProgress &progress);
    void markFinished(qint64 jobId, JobState state, const QJsonObject &summary, const QString &error);

    int rowOf(qint64 jobId) const;
    const JobRecord *record(int row) const;

    static QString formatDuration(double seconds);

private:
    void emitRowChanged(int row);
    std::vector<JobRecord> m_jobs;
};

} // namespace neuroonco
