// Builds a small multi-layout source collection on disk for ingest tests: every adapter, the
// typical bad inputs, and planted duplicates, with a manifest.
#pragma once

#include "core/imaging/ImageTypes.h"

#include <QString>
#include <QStringList>

namespace neuroonco::test {

struct IngestFixture
{
    QString root;          // folder holding manifest.json and sources/
    QString manifestPath;
    QString dicomPatientName;
    QString dicomPatientId;
    QString figsharePid;

    // Writes the collection below `root`.
    static IngestFixture build(const QString &root);
    // A class-folders source with `count` distinct small images (for resume tests).
    static QString buildManySmall(const QString &root, int count);

    // The phantom images and lesion masks the fixtures draw (shared with RealDownloadFixture).
    static GrayImage phantom(int w, int h, int seed, double lesionX = 0.6, double lesionY = 0.4, double lesionR = 0.08);
    static GrayImage lesionMask(int w, int h, double lesionX = 0.6, double lesionY = 0.4, double lesionR = 0.08);
};

} // namespace neuroonco::test
