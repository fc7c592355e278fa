// Published-style paths of samples and the key that links published image paths to them.
#include "core/ingest/PublishedPath.h"

#include <QDir>
#include <QRegularExpression>

namespace neuroonco {

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{([A-Za-z_]+)\\}"));
    return re;
}

} // namespace

QString PublishedPath::defaultTemplate()
{
    return QStringLiteral("{type}/{code}{_seq}{_mask}/{file}");
}

QStringList PublishedPath::placeholders()
{
    return {QStringLiteral("type"), QStringLiteral("code"), QStringLiteral("seq"), QStringLiteral("_seq"),
            QStringLiteral("_mask"), QStringLiteral("file"), QStringLiteral("stem"), QStringLiteral("case")};
}

QString PublishedPath::problem(const QString &templateText)
{
    if (templateText.trimmed().isEmpty())
        return QStringLiteral("an empty path");
    if (templateText.startsWith(QLatin1Char('/')) || templateText.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return QStringLiteral("the path must be relative and stay below the dataset root");
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(templateText);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!placeholders().contains(name))
            return QStringLiteral("unknown placeholder {%1} (known: {%2})").arg(name, placeholders().join(QStringLiteral("}, {")));
    }
    QString stripped = templateText;
    stripped.remove(placeholderPattern());
    if (stripped.contains(QLatin1Char('{')) || stripped.contains(QLatin1Char('}')))
        return QStringLiteral("an unmatched brace");
    return {};
}

QString PublishedPath::format(const QString &templateText, const Fields &f)
{
    const QString seq = f.sequence.toLower();
    QString out;
    int last = 0;
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(templateText);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += templateText.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name == QLatin1String("type"))
            out += f.type;
        else if (name == QLatin1String("code"))
            out += f.code;
        else if (name == QLatin1String("seq"))
            out += seq;
        else if (name == QLatin1String("_seq"))
            out += seq.isEmpty() ? QString() : QLatin1Char('_') + seq;
        else if (name == QLatin1String("_mask"))
            out += f.mask ? QStringLiteral("_mask") : QString();
        else if (name == QLatin1String("file"))
            out += f.file;
        else if (name == QLatin1String("stem"))
            out += f.stem;
        else if (name == QLatin1String("case"))
            out += f.caseName;
        last = m.capturedEnd();
    }
    out += templateText.mid(last);
    return QDir::cleanPath(out);
}

QString PublishedPath::stemOf(const QString &fileName)
{
    static const QRegularExpression nifti(QStringLiteral("\\.nii(\\.gz)?$"), QRegularExpression::CaseInsensitiveOption);
    if (nifti.match(fileName).hasMatch())
        return QString(fileName).remove(nifti);
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? fileName.left(dot) : fileName;
}

QString PublishedPath::matchKey(const QString &path)
{
    static const QRegularExpression extension(
        QStringLiteral("\\.(jpe?g|png|bmp|tiff?|gif|webp|dcm|mat|nii(\\.gz)?)$"), QRegularExpression::CaseInsensitiveOption);
    QString p = path.trimmed();
    p.replace(QLatin1Char('\\'), QLatin1Char('/'));
    p = QDir::cleanPath(p);
    while (p.startsWith(QStringLiteral("./")))
        p.remove(0, 2);
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    p.remove(extension);
    return p;
}

} // namespace neuroonco
