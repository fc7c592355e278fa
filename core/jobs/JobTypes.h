// Value types that describe jobs. They cross threads (worker → GUI) by value.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace neuroonco {

enum class JobState { Queued, Running, Succeeded, Failed, Canceled, Interrupted };
enum class LogLevel { Debug, Info, Warning, Error };

QString jobStateName(JobState state);                // "running", stored in the database
JobState jobStateFromName(const QString &name);     // unknown names map to Failed
bool isFinished(JobState state);                      // not Queued and not Running
bool isResumable(JobState state);                     // Failed, Canceled or Interrupted
// "12 samples, 3 errors" style text from a job summary (numbers and strings; nested objects skipped).
QString jobSummaryText(const QJsonObject &summary);
// "succeeded", "succeeded with 3 errors", "failed": the state as the CLI prints it.
QString jobOutcomeText(JobState state, qint64 errors);
QString logLevelName(LogLevel level);
LogLevel logLevelFromName(const QString &name);

// What a job did with its items. Stages count an item where they store its result (in the
// same place as its checkpoint), so every count shown for a job is a count of stored rows.
struct ItemCounts
{
    qint64 succeeded = 0;
    qint64 failed = 0;
    qint64 skipped = 0;          // nothing to do for the item (a duplicate, an empty mask, …)
    qint64 upToDate = 0;         // finished by an earlier job and not redone
    qint64 repeatedFailures = 0; // of `failed`: items that had failed before and failed again

    // The job achieved nothing: no item succeeded while some failed. One exception keeps a
    // rerun over finished work honest without calling it a failure: when every failure only
    // repeats an earlier one (a retried unreadable file) and earlier jobs finished the rest,
    // the job is "succeeded with N errors", as the run before it was.
    bool nothingWorked() const
    {
        if (failed == 0 || succeeded > 0)
            return false;
        return upToDate == 0 || failed > repeatedFailures;
    }
};

// Project data a job reads or replaces while it runs, beyond its own lock key ("splits"). A job
// that replaces a resource is refused while another job reads or replaces it; one that reads
// it is refused while another replaces it. Readers do not block each other.
struct ResourceLocks
{
    QStringList reads;
    QStringList writes;
};

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
    ItemCounts items;
    QStringList failures; // the first few reasons items failed, "what: why"
    QString host;
    qint64 pid = 0;
    qint64 resumedFrom = 0;

    // Items that failed: a succeeded job with errors > 0 is "succeeded with N errors".
    qint64 errors() const { return items.failed; }
    // Wall time between start and finish (or now, while running), in seconds.
    double durationSeconds() const;
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::JobProgress)
Q_DECLARE_METATYPE(neuroonco::JobLogLine)
Q_DECLARE_METATYPE(neuroonco::JobRecord)
Q_DECLARE_METATYPE(neuroonco::JobState)
