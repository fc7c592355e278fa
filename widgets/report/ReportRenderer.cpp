// Rendering the project report to HTML and PDF.
#include "widgets/report/ReportRenderer.h"

#include "core/version/Version.h"
#include "widgets/charts/ChartFactory.h"
#include "widgets/charts/ChartRender.h"

#include <QBuffer>
#include <QChart>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <memory>

namespace neuroonco {

namespace {

const QSize kChartSize(900, 500);

QString escape(const QString &s)
{
    return s.toHtmlEscaped();
}

QString formatValue(const Figure &figure, const FigureSeries &s, size_t i)
{
    if (figure.unit == Figure::Unit::Count)
        return QString::number(qint64(s.values[i]));
    QString text = QStringLiteral("%1%").arg(100.0 * s.values[i], 0, 'f', 1);
    if (s.hasIntervals())
        text += QStringLiteral(" <span class=\"ci\">[%1–%2]</span>").arg(100.0 * s.lower[i], 0, 'f', 1).arg(100.0 * s.upper[i], 0, 'f', 1);
    if (!s.counts.empty())
        text += QStringLiteral(" <span class=\"n\">n=%1</span>").arg(s.counts[i]);
    return text;
}

QString imageDataUri(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

} // namespace

ReportRenderer::ReportRenderer(ProjectFigures figures)
    : m_figures(std::move(figures))
{
}

const QMap<QString, QImage> &ReportRenderer::chartImages() const
{
    if (m_images.isEmpty()) {
        for (const Figure *f : m_figures.all()) {
            if (f->isEmpty())
                continue;
            std::unique_ptr<QChart> chart(ChartFactory::create(*f));
            m_images.insert(f->id, chartrender::toImage(chart.get(), kChartSize, 2.0));
        }
    }
    return m_images;
}

QString ReportRenderer::figureSection(const Figure &figure, Images images) const
{
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(escape(ChartFactory::title(figure)));
    if (figure.isEmpty())
        return html + QStringLiteral("<p class=\"empty\">%1</p>\n").arg(escape(ChartFactory::emptyText(figure)));
    const QImage image = chartImages().value(figure.id);
    const QString src = images == Images::Embedded ? imageDataUri(image) : QStringLiteral("chart:") + figure.id;
    // The PDF page is about 510 pt wide between the margins; the HTML page is a screen.
    const int width = images == Images::Embedded ? 900 : 500;
    html += QStringLiteral("<p><img src=\"%1\" width=\"%2\" alt=\"%3\"></p>\n").arg(src).arg(width).arg(escape(ChartFactory::title(figure)));
    html += QStringLiteral("<table class=\"data\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n<tr><th></th>");
    for (const FigureSeries &s : figure.series)
        html += QStringLiteral("<th>%1</th>").arg(escape(ChartFactory::seriesLabel(figure.id, s.name)));
    html += QStringLiteral("</tr>\n");
    for (int i = 0; i < figure.categories.size(); ++i) {
        html += QStringLiteral("<tr><td>%1</td>").arg(escape(ChartFactory::categoryLabel(figure.categories.at(i))));
        for (const FigureSeries &s : figure.series)
            html += QStringLiteral("<td align=\"right\">%1</td>").arg(size_t(i) < s.values.size() ? formatValue(figure, s, size_t(i)) : QString());
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QString ReportRenderer::html(Images images) const
{
    const ProjectFigures &f = m_figures;
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%1</title>\n<style>\n"
        "body { font-family: sans-serif; max-width: 980px; margin: 24px auto; color: #202020; }\n"
        "h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 22px; }\n"
        "table.data { border-collapse: collapse; font-size: 9pt; } table.data th { background: #e8eef4; }\n"
        ".ci, .n, .meta { color: #606060; } .empty { color: #806020; font-style: italic; }\n"
        "</style></head><body>\n")
                       .arg(escape(tr("Project report — %1").arg(f.projectName)));
    html += QStringLiteral("<h1>%1</h1>\n").arg(escape(tr("Project report — %1").arg(f.projectName)));
    html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                .arg(escape(tr("Generated %1 by NeuroOnco Studio %2 from %3")
                                .arg(f.generatedAt.toString(Qt::ISODate), version::string(), f.status.root)));

    html += QStringLiteral("<h2>%1</h2>\n<table class=\"data\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n")
                .arg(escape(tr("Project contents")));
    for (auto it = f.status.counts.begin(); it != f.status.counts.end(); ++it)
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>\n").arg(escape(ProjectStatus::countLabel(it.key()))).arg(it.value());
    html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>\n</table>\n")
                .arg(escape(tr("samples audited by a reviewer")))
                .arg(f.samplesAudited);

    html += QStringLiteral("<h2>%1</h2>\n<table class=\"data\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n"
                           "<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>\n")
                .arg(escape(tr("Pipeline stages")), escape(tr("Stage")), escape(tr("Done")), escape(tr("Errors")),
                     escape(tr("Skipped")), escape(tr("Last job")));
    for (const StageStatus &s : f.status.stages)
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td><td>%5</td></tr>\n")
                    .arg(escape(s.title))
                    .arg(s.items.ok)
                    .arg(s.items.error)
                    .arg(s.items.skipped)
                    .arg(s.lastJob.id ? escape(QStringLiteral("#%1 %2").arg(s.lastJob.id).arg(jobStateName(s.lastJob.state))) : QStringLiteral("—"));
    html += QStringLiteral("</table>\n");

    for (const Figure *figure : f.all())
        html += figureSection(*figure, images);

    html += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(escape(tr("How the numbers are defined")));
    for (const QString &line : {tr("Average Information Rate (AIR): over lesion-positive readings, the share in which each of the six "
                                   "signs (shape, margins, texture, enhancement, oedema, signal intensity) is filled; overall is the "
                                   "mean of the six."),
                                tr("Audit precision: correct non-null silver values / audited non-null silver values. Omission rate: "
                                   "values the reviewer had to add / all values that should be present. Intervals are 95% Wilson "
                                   "score intervals; n is the number of decisions behind each value."),
                                tr("Trap questions: the correct option was removed and the answer is \"None of the above\"."),
                                tr("Readings labelled classical come from the embedded image-feature extractor, not from a language model.")})
        html += QStringLiteral("<li>%1</li>\n").arg(escape(line));
    html += QStringLiteral("</ul>\n</body></html>\n");
    return html;
}

Error ReportRenderer::saveHtml(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::Io, path, file.errorString());
    if (file.write(html(Images::Embedded).toUtf8()) < 0)
        return Error(ErrorCode::Io, path, file.errorString());
    return {};
}

Error ReportRenderer::savePdf(const QString &path) const
{
    QTextDocument document;
    for (auto it = chartImages().begin(); it != chartImages().end(); ++it)
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:") + it.key()), it.value());
    document.setHtml(html(Images::Resources));
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(tr("Project report — %1").arg(m_figures.projectName));
    writer.setCreator(QStringLiteral("NeuroOnco Studio ") + version::string());
    document.print(&writer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        return Error(ErrorCode::Io, path, QStringLiteral("cannot write the PDF file"));
    return {};
}

Error ReportRenderer::save(const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return savePdf(path);
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return saveHtml(path);
    return Error(ErrorCode::Unsupported, path, QStringLiteral("reports are written as .pdf or .html"));
}

} // namespace neuroonco
