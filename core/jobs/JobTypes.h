// Value types that describe jobs. They cross threads (worker → GUI) by value.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace neuroonco {

enum class JobState { Queued, Running, Succeeded, Failed, Canceled, Interrupted };
enum class LogLevel { Debug, Info, Warning, Error };

QString jobStateName(JobState state);                // "running", stored in the database
JobState jobStateFromName(const QString &name);     // unknown names map to Failed
bool isFinished(JobState state);                      // not Queued and not Running
bool isResumable(JobState state);                     // Failed, Canceled or Interrupted
// "12 samples, 3 errors" style text from a job summary (numbers and strings; nested objects skipped).
QString jobSummaryText(const QJsonObject &summary);
QString logLevelName(LogLevel level);
LogLevel logLevelFromName(const QString &name);

struct JobProgress
{
    qint64 done = 0;
    qint64 total = 0;         // 0 when not known yet
    double ratePerSecond = 0; // items per second in this run (resumed items excluded)
    double etaSeconds = -1;   // -1 when unknown
    QString message;

    double fraction() const { return total > 0 ? double(done) / double(total) : 0.0; }
};

struct JobLogLine
{
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString message;
};

struct JobRecord
{
    qint64 id = 0;
    QString stage;
    QString lockKey;
    JobState state = JobState::Queued;
    QJsonObject parameters;
    QDateTime created;
    QDateTime started;
    QDateTime finished;
    QDateTime heartbeat;
    JobProgress progress;
    QJsonObject summary;
    QString error;
    QString host;
    qint64 pid = 0;
    qint64 resumedFrom = 0;

    // Wall time between start and finish (or now, while running), in seconds.
    double durationSeconds() const;
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::JobProgress)
Q_DECLARE_METATYPE(neuroonco::JobLogLine)
Q_DECLARE_METATYPE(neuroonco::JobRecord)
Q_DECLARE_METATYPE(neuroonco::JobState)
