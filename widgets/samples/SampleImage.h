// Loads a canonical slice (and its mask) from the project's slices/ folder as a picture, with
// the lesion outlined, for thumbnails and previews.
#pragma once

#include <QImage>
#include <QString>

namespace neuroonco {

struct SampleRecord;

class SampleImage
{
public:
    // The image scaled to fit `size` (keeping its aspect), lesion outline drawn in `colour`
    // when a mask exists. A grey placeholder saying why when the file cannot be read.
    static QImage render(const QString &slicesDir, const SampleRecord &sample, QSize size,
                         QColor colour = QColor(255, 64, 64));
};

} // namespace neuroonco
