// Names of job states and log levels as stored in the database and printed by the CLI.
#include "core/jobs/JobTypes.h"

#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace neuroonco {

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued: return QStringLiteral("queued");
    case JobState::Running: return QStringLiteral("running");
    case JobState::Succeeded: return QStringLiteral("succeeded");
    case JobState::Failed: return QStringLiteral("failed");
    case JobState::Canceled: return QStringLiteral("canceled");
    case JobState::Interrupted: return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

JobState jobStateFromName(const QString &name)
{
    for (JobState s : {JobState::Queued, JobState::Running, JobState::Succeeded, JobState::Failed,
                       JobState::Canceled, JobState::Interrupted}) {
        if (jobStateName(s) == name)
            return s;
    }
    return JobState::Failed;
}

bool isFinished(JobState state)
{
    return state != JobState::Queued && state != JobState::Running;
}

bool isResumable(JobState state)
{
    return state == JobState::Failed || state == JobState::Canceled || state == JobState::Interrupted;
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug: return QStringLiteral("debug");
    case LogLevel::Info: return QStringLiteral("info");
    case LogLevel::Warning: return QStringLiteral("warning");
    case LogLevel::Error: return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

LogLevel logLevelFromName(const QString &name)
{
    for (LogLevel l : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        if (logLevelName(l) == name)
            return l;
    }
    return LogLevel::Info;
}

QString jobSummaryText(const QJsonObject &summary)
{
    QStringList parts;
    for (auto it = summary.begin(); it != summary.end(); ++it) {
        const QJsonValue v = it.value();
        QString key = it.key();
        key.replace(QLatin1Char('_'), QLatin1Char(' '));
        if (v.isDouble()) {
            const double d = v.toDouble();
            parts << QStringLiteral("%1 %2").arg(d == std::floor(d) ? QString::number(qint64(d))
                                                                    : QString::number(d, 'f', 3),
                                                 key);
        } else if (v.isString()) {
            parts << QStringLiteral("%1: %2").arg(key, v.toString());
        }
    }
    return parts.join(QStringLiteral(", "));
}

QString jobOutcomeText(JobState state, qint64 errors)
{
    if (state == JobState::Succeeded && errors > 0)
        return QStringLiteral("succeeded with %1 error%2").arg(errors).arg(errors == 1 ? QString() : QStringLiteral("s"));
    return jobStateName(state);
}

double JobRecord::durationSeconds() const
{
    if (!started.isValid())
        return 0;
    const QDateTime end = finished.isValid() ? finished : QDateTime::currentDateTimeUtc();
    return started.msecsTo(end) / 1000.0;
}

} // namespace neuroonco
