// The manifest describes the source collections to ingest (DESIGN.md §3.1): one entry per
// public dataset with its layout adapter, root folder and layout options.
#pragma once

#include "util/Error.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace neuroonco {

struct SourceSpec
{
    QString code;       // "01".."20" in the paper; any short token
    QString name;
    QString url;
    QString licence;
    QString layout;     // class-folders | image-mask-pairs | yolo-seg | coco | nifti-volumes | figshare-mat | dicom
    QString root;       // absolute, resolved against the manifest's folder
    int priority = 100; // keep-policy tie-breaker: lower wins
    QJsonObject options;
};

struct Manifest
{
    QString path;
    QString name;
    std::vector<SourceSpec> sources;

    // Parses and validates; errors name the file and the field ("sources[2].layout").
    static Result<Manifest> load(const QString &path);
    static Result<Manifest> fromJson(const QByteArray &json, const QString &path);
    static QStringList knownLayouts();
};

} // namespace neuroonco
