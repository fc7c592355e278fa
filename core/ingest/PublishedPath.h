// The published MM-NeuroOnco dataset names every image `<type>/<ID>[_<sequences>][_mask]/<name>`
// (e.g. `tumor/05_t1_mask/brisc2025_test_00957_pi_sa_t1.jpg`). Each sample keeps the path it
// would have there, made from its source's `published_path` template, so that a benchmark in
// the published format finds the sample a user built from the public download. The published
// files keep the download's extension (.jpg) while our slices are PNG, so the link compares
// paths without their extension.
#pragma once

#include <QString>
#include <QStringList>

namespace neuroonco {

class PublishedPath
{
public:
    struct Fields
    {
        QString type;     // canonical tumour type of the sample
        QString code;     // source code ("05")
        QString sequence; // lower-case sequence token (t1, t1ce, t2, flair), empty when unknown
        bool mask = false;
        QString file;     // the source file's name, with its extension
        QString stem;     // the file name without its extension (".nii.gz" counts as one)
        QString caseName; // the case folder of a volume, else the folder holding the file
    };

    // `{type}/{code}{_seq}{_mask}/{file}`: what the published files use for sources that keep
    // their own file names; sources the published dataset renamed set their own template.
    static QString defaultTemplate();
    static QStringList placeholders();
    // Empty when the template can be used; otherwise what is wrong with it (for the manifest check).
    static QString problem(const QString &templateText);
    static QString format(const QString &templateText, const Fields &fields);
    // The path without its image/volume extension, '/'-separated and without a leading "./",
    // as published image paths and our published paths are compared.
    static QString matchKey(const QString &path);
    // The file name without its extension (".nii.gz" and ".nii" count as one).
    static QString stemOf(const QString &fileName);
};

} // namespace neuroonco
