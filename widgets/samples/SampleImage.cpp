// Picture of a sample with its mask outline.
#include "widgets/samples/SampleImage.h"

#include "core/samples/SampleRecord.h"

#include <QDir>
#include <QPainter>

namespace neuroonco {

QImage SampleImage::render(const QString &slicesDir, const SampleRecord &sample, QSize size, QColor colour)
{
    const QDir dir(slicesDir);
    QImage image(dir.filePath(sample.imagePath));
    if (image.isNull()) {
        QImage placeholder(size, QImage::Format_RGB32);
        placeholder.fill(QColor(60, 60, 60));
        QPainter p(&placeholder);
        p.setPen(Qt::white);
        p.drawText(placeholder.rect(), Qt::AlignCenter | Qt::TextWordWrap, QObject::tr("Image not found:\n%1").arg(sample.imagePath));
        return placeholder;
    }
    image = image.convertToFormat(QImage::Format_RGB32);
    if (sample.hasMask()) {
        const QImage mask = QImage(dir.filePath(sample.maskPath)).convertToFormat(QImage::Format_Grayscale8);
        if (mask.size() == image.size()) {
            // Outline: lesion pixels with a background 4-neighbour.
            const int w = mask.width(), h = mask.height();
            for (int y = 0; y < h; ++y) {
                const uchar *row = mask.constScanLine(y);
                QRgb *out = reinterpret_cast<QRgb *>(image.scanLine(y));
                for (int x = 0; x < w; ++x) {
                    if (!row[x])
                        continue;
                    const bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || !row[x - 1] || !row[x + 1]
                                      || !mask.constScanLine(y - 1)[x] || !mask.constScanLine(y + 1)[x];
                    if (edge)
                        out[x] = colour.rgb();
                }
            }
        }
    }
    return image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace neuroonco
