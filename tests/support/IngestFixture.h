// Builds a small multi-layout source collection on disk for ingest tests: every adapter, the
// typical bad inputs, and planted duplicates, with a manifest.
#pragma once

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
};

} // namespace neuroonco::test
