// Prompt lookup in the embedded resources.
#include "core/extract/Prompts.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace neuroonco {

QString Prompts::defaultFor(const QString &run)
{
    if (run == QLatin1String("A"))
        return QStringLiteral("run-a");
    if (run == QLatin1String("B"))
        return QStringLiteral("run-b");
    return QStringLiteral("qc");
}

Result<Prompt> Prompts::load(const QString &nameOrId)
{
    const QString name = nameOrId.section(QLatin1Char('@'), 0, 0);
    int wanted = nameOrId.contains(QLatin1Char('@')) ? nameOrId.section(QLatin1Char('@'), 1).toInt() : -1;
    const QDir dir(QStringLiteral(":/prompts"));
    const QRegularExpression pattern(QStringLiteral("^%1\\.v(\\d+)\\.md$").arg(QRegularExpression::escape(name)));
    int best = -1;
    for (const QString &file : dir.entryList(QDir::Files)) {
        const QRegularExpressionMatch m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        const int v = m.captured(1).toInt();
        if ((wanted < 0 && v > best) || v == wanted)
            best = v;
    }
    if (best < 0)
        return Error(ErrorCode::NotFound, QStringLiteral("prompt %1").arg(nameOrId),
                     QStringLiteral("known prompts: %1").arg(dir.entryList(QDir::Files).join(QStringLiteral(", "))));
    QFile f(dir.filePath(QStringLiteral("%1.v%2.md").arg(name).arg(best)));
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, f.fileName());
    return Prompt{name, best, QString::fromUtf8(f.readAll())};
}

} // namespace neuroonco
