// Shows a job's progress on the terminal: a redrawn bar when stderr is a TTY, plain lines
// (at most one every few seconds) when it is a pipe or a log file.
#pragma once

#include "core/jobs/JobContext.h"

#include <QElapsedTimer>
#include <QString>

namespace neuroonco {

class TerminalProgress : public JobObserver
{
public:
    enum class Mode { Auto, Bar, Lines, Quiet };

    TerminalProgress(QString label, Mode mode = Mode::Auto);
    ~TerminalProgress() override;

    void jobProgress(qint64 jobId, const JobProgress &progress) override;
    void jobLogged(qint64 jobId, const JobLogLine &line) override;
    // Ends the bar line so that later output starts on a fresh line.
    void finish();

    int warnings() const { return m_warnings; }

    static QString formatBar(const QString &label, const JobProgress &progress, int width);

private:
    QString m_label;
    Mode m_mode;
    bool m_barShown = false;
    QElapsedTimer m_sinceLine;
    int m_warnings = 0;
    int m_printedLogLines = 0;
    qint64 m_lastLineDone = -1;
};

} // namespace neuroonco
