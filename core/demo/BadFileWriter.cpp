// Symlinks are relative so the output folder can be moved or copied with `cp -a`.
#include "core/demo/BadFileWriter.h"

#include "core/demo/DemoFiles.h"
#include "core/imaging/ImageIO.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace neuroonco::demo {

ItemResult BadFileWriter::write(const std::vector<BadFilePlan> &files) const
{
    ItemResult result;
    for (const BadFilePlan &b : files) {
        const QString file = m_outDir + QLatin1Char('/') + b.path;
        if (QString e = DemoFiles::ensureParent(file); !e.isEmpty()) {
            result.error = e;
            return result;
        }
        QFile::remove(file);
        QString error;
        switch (b.kind) {
        case Corruption::EmptyFile: error = DemoFiles::writeBytes(file, QByteArray()); break;
        case Corruption::NotAnImage:
            error = DemoFiles::writeBytes(file, "Scanner export notes\nimages reviewed by the data curator\n");
            break;
        case Corruption::PathEscape: {
            // images/escape.png -> ../../outside.png: a real image, but outside the source root.
            const QString target = QFileInfo(file).absolutePath() + QStringLiteral("/../../outside.png");
            GrayImage img(64, 64, 0);
            for (int y = 0; y < 64; ++y)
                for (int x = 0; x < 64; ++x)
                    img.at(x, y) = std::uint8_t((x * 4) ^ (y * 4));
            if (Error e = imageio::writePng(QDir::cleanPath(target), img))
                error = DemoFiles::text(e);
            else if (!QFile::link(QStringLiteral("../../outside.png"), file))
                error = QStringLiteral("cannot create symlink %1").arg(file);
            break;
        }
        case Corruption::SymlinkLoop:
            if (!QFile::link(QStringLiteral("."), file))
                error = QStringLiteral("cannot create symlink %1").arg(file);
            break;
        default: break;
        }
        if (!error.isEmpty()) {
            result.error = error;
            return result;
        }
        FileRecord r;
        r.source = b.source;
        r.path = b.path;
        r.typeKnown = b.typeKnown;
        r.type = b.type;
        r.sequenceKnown = false;
        r.modality = QStringLiteral("Unknown");
        r.corruption = b.kind;
        result.files.push_back(r);
    }
    return result;
}

} // namespace neuroonco::demo
