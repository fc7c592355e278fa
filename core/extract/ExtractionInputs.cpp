// Input assembly for extraction and audit.
#include "core/extract/ExtractionInputs.h"

#include "core/imaging/ImageIO.h"
#include "core/semantics/SemanticsRepository.h"

#include <QDir>

namespace neuroonco {

ExtractionInputs::ExtractionInputs(Database &db, QString slicesDir)
    : m_slicesDir(std::move(slicesDir))
{
    SemanticsRepository repo(db);
    if (auto all = repo.allSemantics()) {
        for (auto it = all->cbegin(); it != all->cend(); ++it)
            if (it->status == QLatin1String("ok"))
                m_semantics.insert(it.key(), it->semantics);
    }
    if (auto descriptions = repo.allDescriptions())
        m_descriptions = *descriptions;
}

ExtractionInput ExtractionInputs::load(const SampleRecord &s, QString *error) const
{
    ExtractionInput in;
    in.sample = s.id;
    in.sampleId = s.sampleId;
    in.datasetModality = s.modality;
    in.datasetTumourType = s.tumourType;
    in.description = m_descriptions.value(s.id);
    if (auto it = m_semantics.constFind(s.id); it != m_semantics.constEnd())
        in.semantics = *it;
    const QDir dir(m_slicesDir);
    Result<GrayImage> image = imageio::readGray8(dir.filePath(s.imagePath));
    if (!image) {
        if (error)
            *error = errorMessage(image.error());
        return in;
    }
    in.image = image.take();
    if (s.hasMask()) {
        if (Result<GrayImage> mask = imageio::readGray8(dir.filePath(s.maskPath)))
            in.mask = mask.take();
    }
    return in;
}

} // namespace neuroonco
