// Metadata export.
#include "core/export/MetadataExport.h"

#include "core/samples/SampleRepository.h"
#include "core/semantics/SemanticsRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace neuroonco {

QJsonObject MetadataExport::sampleJson(const SampleRecord &s)
{
    QJsonObject o{{QStringLiteral("sample_id"), s.sampleId},
                  {QStringLiteral("image_path"), s.imagePath},
                  {QStringLiteral("tumor_present"), s.tumourPresent()},
                  {QStringLiteral("tumor_type"), s.tumourType},
                  {QStringLiteral("modality"), s.modality},
                  {QStringLiteral("has_mask"), s.hasMask()},
                  {QStringLiteral("mask_path"), s.hasMask() ? QJsonValue(s.maskPath) : QJsonValue()},
                  {QStringLiteral("image_meta"), QJsonObject{{QStringLiteral("height"), s.height},
                                                             {QStringLiteral("width"), s.width},
                                                             {QStringLiteral("channel"), 1}}}};
    return o;
}

Result<QJsonArray> MetadataExport::build(Database &db, const ExportOptions &options)
{
    SampleRepository repo(db);
    Result<std::vector<SampleRecord>> samples = repo.all();
    if (!samples)
        return samples.error();
    QJsonArray out;
    for (const SampleRecord &s : *samples) {
        if (s.isDuplicate() && !options.includeDuplicates)
            continue;
        QJsonObject o = sampleJson(s);
        if (options.includeDuplicates && s.isDuplicate())
            o.insert(QStringLiteral("duplicate_of"), QString::number(s.duplicateOf));
        out.append(o);
    }
    return out;
}

Result<QJsonArray> MetadataExport::buildSemantics(Database &db, const ExportOptions &options)
{
    Result<std::vector<SampleRecord>> samples = SampleRepository(db).all();
    if (!samples)
        return samples.error();
    Result<QHash<qint64, SemanticsRecord>> semantics = SemanticsRepository(db).allSemantics();
    if (!semantics)
        return semantics.error();
    QJsonArray out;
    for (const SampleRecord &s : *samples) {
        if (s.isDuplicate() && !options.includeDuplicates)
            continue;
        QJsonObject o = sampleJson(s);
        auto it = semantics->constFind(s.id);
        if (it != semantics->constEnd() && it->status == QLatin1String("ok")) {
            o.insert(QStringLiteral("medical_semantics"), it->semantics.labelsJson());
            o.insert(QStringLiteral("semantic_numbers"), it->semantics.numbersJson());
        } else {
            o.insert(QStringLiteral("medical_semantics"), QJsonValue());
            if (it != semantics->constEnd())
                o.insert(QStringLiteral("semantics_note"), it->reason);
        }
        out.append(o);
    }
    return out;
}

Result<QJsonArray> MetadataExport::buildLlmInput(Database &db, const ExportOptions &options)
{
    Result<std::vector<SampleRecord>> samples = SampleRepository(db).all();
    if (!samples)
        return samples.error();
    Result<QHash<qint64, QString>> descriptions = SemanticsRepository(db).allDescriptions();
    if (!descriptions)
        return descriptions.error();
    QJsonArray out;
    for (const SampleRecord &s : *samples) {
        if (s.isDuplicate() && !options.includeDuplicates)
            continue;
        auto it = descriptions->constFind(s.id);
        if (it == descriptions->constEnd())
            continue; // not described yet
        out.append(QJsonObject{{QStringLiteral("sample_id"), s.sampleId},
                               {QStringLiteral("image_path"), s.imagePath},
                               {QStringLiteral("coarse_description"), *it}});
    }
    return out;
}

Error MetadataExport::writeJson(const QString &path, const QJsonArray &items)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, path, f.errorString());
    f.write(QJsonDocument(items).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error(ErrorCode::Io, path, f.errorString());
    return {};
}

} // namespace neuroonco
