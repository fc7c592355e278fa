// Offscreen chart rendering.
#include "widgets/charts/ChartRender.h"

#include <QChart>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPainter>
#include <QSvgGenerator>

namespace neuroonco::chartrender {

namespace {

// Renders the chart through a temporary scene; the chart goes back to where it was.
void paint(QChart *chart, QPainter &painter, const QSize &size)
{
    QGraphicsScene *previous = chart->scene();
    QGraphicsScene scene;
    if (previous)
        previous->removeItem(chart);
    scene.addItem(chart);
    const QSizeF oldSize = chart->size();
    chart->resize(size);
    scene.setSceneRect(QRectF(QPointF(0, 0), size));
    scene.render(&painter, QRectF(QPointF(0, 0), size), scene.sceneRect());
    scene.removeItem(chart);
    chart->resize(oldSize);
    if (previous)
        previous->addItem(chart);
}

} // namespace

QImage toImage(QChart *chart, const QSize &size, qreal scale)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(chart, painter, size);
    return image;
}

Error savePng(QChart *chart, const QString &path, const QSize &size)
{
    if (!toImage(chart, size, 2.0).save(path, "PNG"))
        return Error(ErrorCode::Io, path, QStringLiteral("cannot write the PNG file"));
    return {};
}

Error saveSvg(QChart *chart, const QString &path, const QSize &size)
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(chart->title());
    QPainter painter;
    if (!painter.begin(&svg))
        return Error(ErrorCode::Io, path, QStringLiteral("cannot write the SVG file"));
    paint(chart, painter, size);
    painter.end();
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        return Error(ErrorCode::Io, path, QStringLiteral("cannot write the SVG file"));
    return {};
}

Error save(QChart *chart, const QString &path, const QSize &size)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return saveSvg(chart, path, size);
    if (suffix == QLatin1String("png"))
        return savePng(chart, path, size);
    return Error(ErrorCode::Unsupported, path, QStringLiteral("charts export to .png or .svg"));
}

} // namespace neuroonco::chartrender
