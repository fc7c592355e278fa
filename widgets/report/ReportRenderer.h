// The project report: status, every dashboard figure as a chart with its numbers in a table,
// and how each number is defined. Written as one self-contained HTML file (charts embedded) or
// as a PDF; both come from the same document, so they say the same thing.
#pragma once

#include "core/report/ProjectFigures.h"
#include "core/util/Error.h"

#include <QCoreApplication>
#include <QImage>
#include <QMap>

namespace neuroonco {

class ReportRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ReportRenderer)

public:
    explicit ReportRenderer(ProjectFigures figures);

    enum class Images { Embedded, Resources };
    // Embedded: <img src="data:image/png;base64,…">; Resources: <img src="chart:ID"> for
    // QTextDocument::addResource (the PDF path).
    QString html(Images images) const;
    // The chart images by figure id (rendered once, on first use).
    const QMap<QString, QImage> &chartImages() const;

    Error saveHtml(const QString &path) const;
    Error savePdf(const QString &path) const;
    // By suffix: .html/.htm or .pdf.
    Error save(const QString &path) const;

private:
    QString figureSection(const Figure &figure, Images images) const;

    ProjectFigures m_figures;
    mutable QMap<QString, QImage> m_images;
};

} // namespace neuroonco
