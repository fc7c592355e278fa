// Rendering a chart without a window: to an image, a PNG or an SVG file. Works on the offscreen
// platform, so the CLI can write the same figures as the dashboard on a headless server.
#pragma once

#include "core/util/Error.h"

#include <QImage>
#include <QSize>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace neuroonco::chartrender {

QImage toImage(QChart *chart, const QSize &size, qreal scale = 1.0);
Error savePng(QChart *chart, const QString &path, const QSize &size = {900, 520});
Error saveSvg(QChart *chart, const QString &path, const QSize &size = {900, 520});
// Chooses PNG or SVG from the file suffix.
Error save(QChart *chart, const QString &path, const QSize &size = {900, 520});

} // namespace neuroonco::chartrender
