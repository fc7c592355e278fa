// Where distractors come from (resources/config/mimics.json): per tumour type, imaging mimics of
// the same specificity (diagnosis questions); per question type, the pool of options a question
// draws from; and which tumour types get the binary Healthy / Abnormal question instead.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace neuroonco {

class MimicTable
{
public:
    static const MimicTable &instance();

    // Concept ids of the imaging mimics of a tumour type (empty when the table has none).
    QStringList mimicsFor(const QString &tumourType) const { return m_mimics.value(tumourType); }
    bool hasMimics(const QString &tumourType) const { return m_mimics.contains(tumourType); }
    QStringList tumourTypesWithMimics() const;
    // Concept ids a question of this type draws its options from.
    QStringList pool(const QString &questionType) const { return m_pools.value(questionType); }
    // Healthy and generic tumour ("tumor") samples get Healthy / Abnormal.
    bool isBinary(const QString &tumourType) const;
    QString healthyConcept() const { return m_healthy; }
    QString abnormalConcept() const { return m_abnormal; }

private:
    MimicTable();
    QHash<QString, QStringList> m_mimics;
    QHash<QString, QStringList> m_pools;
    QString m_healthy;
    QString m_abnormal;
    QStringList m_generic;
};

} // namespace neuroonco
