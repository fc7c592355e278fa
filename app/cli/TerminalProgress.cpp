// Progress bar and progress lines for the CLI.
#include "app/cli/TerminalProgress.h"

#include <QLocale>

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace neuroonco {

namespace {
constexpr qint64 kLineIntervalMs = 2000;
constexpr int kMaxPrintedLogLines = 20;

QString eta(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    const qint64 s = qint64(std::llround(seconds));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

TerminalProgress::TerminalProgress(QString label, Mode mode)
    : m_label(std::move(label))
    , m_mode(mode)
{
    if (m_mode == Mode::Auto)
        m_mode = ::isatty(fileno(stderr)) ? Mode::Bar : Mode::Lines;
}

TerminalProgress::~TerminalProgress()
{
    finish();
}

QString TerminalProgress::formatBar(const QString &label, const JobProgress &p, int width)
{
    const QLocale c = QLocale::c();
    QString counts = p.total > 0 ? QStringLiteral("%1/%2").arg(p.done).arg(p.total) : QString::number(p.done);
    QString rate = p.ratePerSecond > 0 ? QStringLiteral("%1/s").arg(c.toString(p.ratePerSecond, 'f', p.ratePerSecond < 10 ? 1 : 0)) : QString();
    QString bar;
    if (p.total > 0 && width <= 0) {
        bar = QStringLiteral("%1% ").arg(int(std::floor(p.fraction() * 100)));
    } else if (p.total > 0) {
        const int filled = int(std::floor(p.fraction() * width));
        bar = QStringLiteral("[") + QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'))
              + QStringLiteral("] %1% ").arg(int(std::floor(p.fraction() * 100)), 3);
    }
    return QStringLiteral("%1 %2%3 %4 ETA %5").arg(label, bar, counts, rate, eta(p.etaSeconds));
}

void TerminalProgress::jobProgress(qint64, const JobProgress &progress)
{
    if (m_mode == Mode::Quiet)
        return;
    if (m_mode == Mode::Bar) {
        QString line = formatBar(m_label, progress, 30);
        if (!progress.message.isEmpty())
            line += QStringLiteral("  ") + progress.message.left(40);
        std::fprintf(stderr, "\r\033[K%s", qPrintable(line));
        std::fflush(stderr);
        m_barShown = true;
        return;
    }
    const bool last = progress.total > 0 && progress.done >= progress.total;
    if (last && m_lastLineDone == progress.done)
        return; // the final count was printed already
    if (m_sinceLine.isValid() && m_sinceLine.elapsed() < kLineIntervalMs && !last)
        return;
    m_sinceLine.start();
    m_lastLineDone = progress.done;
    std::fprintf(stderr, "%s\n", qPrintable(formatBar(m_label, progress, 0).simplified()));
    std::fflush(stderr);
}

void TerminalProgress::jobLogged(qint64, const JobLogLine &line)
{
    if (line.level < LogLevel::Warning)
        return;
    ++m_warnings;
    if (m_mode == Mode::Quiet || ++m_printedLogLines > kMaxPrintedLogLines)
        return;
    if (m_barShown)
        std::fprintf(stderr, "\r\033[K");
    std::fprintf(stderr, "%s: %s\n", line.level == LogLevel::Error ? "error" : "warning",
                 qPrintable(line.message));
    if (m_printedLogLines == kMaxPrintedLogLines)
        std::fprintf(stderr, "(further warnings are in the job log: neuroonco jobs PROJECT --log ID)\n");
    std::fflush(stderr);
}

void TerminalProgress::finish()
{
    if (m_barShown) {
        std::fprintf(stderr, "\n");
        std::fflush(stderr);
        m_barShown = false;
    }
}

} // namespace neuroonco
