// The attributes a reviewer audits (DESIGN.md §3.10, §6): the four mask attributes and the
// nine model fields, each with its vocabulary.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace neuroonco {

struct ReviewField
{
    QString key;        // mask_size …, modality, location, lesion_found, shape, …
    const char *label;  // English; translated by the GUI ("ReviewField" context)
    bool fromMask;      // a mask-rule attribute rather than a model reading
    QStringList values; // the vocabulary offered for corrections
};

class ReviewFields
{
public:
    static const std::vector<ReviewField> &all();
    static const ReviewField *find(const QString &key);
    static int indexOf(const QString &key);
};

} // namespace neuroonco
