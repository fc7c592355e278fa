// One sample in detail: the slice viewer and what is known about the sample (source, type,
// modality, mask semantics with their numbers, the coarse description).
#pragma once

#include "core/samples/SampleRecord.h"
#include "core/semantics/MaskSemantics.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace neuroonco {

class SliceView;

class SampleInspector : public QWidget
{
    Q_OBJECT
public:
    explicit SampleInspector(QWidget *parent = nullptr);

    SliceView *view() const { return m_view; }
    // Facts shown next to the picture; `semanticsNote` explains missing semantics.
    void setDetails(const SampleRecord &sample, const std::optional<MaskSemantics> &semantics,
                    const QString &semanticsNote, const QString &description);
    void clear(const QString &message);
    QString detailsText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    SliceView *m_view;
    QLabel *m_details;
    QLabel *m_pixel;
};

} // namespace neuroonco
