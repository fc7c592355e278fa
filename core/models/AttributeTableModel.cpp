// Cells, highlights and provenance tooltips of the attribute table.
#include "core/models/AttributeTableModel.h"

#include "core/review/ConsistencyChecks.h"
#include "core/review/ReviewFields.h"

#include <QCoreApplication>
#include <QLocale>

namespace neuroonco {

namespace {

// Stored names (accept, kept, KEEP…) as the tooltips show them.
QString decisionText(AuditAction a)
{
    switch (a) {
    case AuditAction::Accept: return AttributeTableModel::tr("Accepted");
    case AuditAction::Reject: return AttributeTableModel::tr("Rejected");
    case AuditAction::Correct: return AttributeTableModel::tr("Corrected");
    case AuditAction::Add: return AttributeTableModel::tr("Added");
    case AuditAction::Comment: return AttributeTableModel::tr("Commented");
    case AuditAction::Retract: return AttributeTableModel::tr("Retracted");
    }
    return auditActionName(a);
}

QString fusionText(FusionOutcome::Status status)
{
    switch (status) {
    case FusionOutcome::Status::Kept: return AttributeTableModel::tr("Kept");
    case FusionOutcome::Status::Healthy: return AttributeTableModel::tr("Healthy (no lesion)");
    case FusionOutcome::Status::Dropped: return AttributeTableModel::tr("Dropped");
    }
    return fusionStatusName(status);
}

QString qcText(QcAction action)
{
    switch (action) {
    case QcAction::Keep: return AttributeTableModel::tr("Kept");
    case QcAction::Erase: return AttributeTableModel::tr("Erased");
    case QcAction::Downgrade: return AttributeTableModel::tr("Downgraded");
    }
    return QcAudit::actionName(action);
}

} // namespace

AttributeTableModel::AttributeTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ReviewFields::all().size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AttributeTableModel::fieldAt(int row) const
{
    return row >= 0 && row < int(ReviewFields::all().size()) ? ReviewFields::all()[size_t(row)].key : QString();
}

int AttributeTableModel::rowOf(const QString &field) const
{
    return ReviewFields::indexOf(field);
}

void AttributeTableModel::setSample(const ReviewSample &sample)
{
    m_sample = sample;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void AttributeTableModel::clear()
{
    m_sample.reset();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString AttributeTableModel::reviewerText(const QString &field) const
{
    auto it = m_sample->decisions.constFind(field);
    if (it == m_sample->decisions.constEnd())
        return {};
    switch (it->action) {
    case AuditAction::Accept: return QStringLiteral("✓ ") + it->silver;
    case AuditAction::Reject: return tr("✗ none");
    case AuditAction::Correct: return QStringLiteral("✎ ") + it->value;
    case AuditAction::Add: return QStringLiteral("+ ") + it->value;
    default: return {};
    }
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewField &f = ReviewFields::all()[size_t(index.row())];
    if (role == FieldKeyRole)
        return f.key;
    if (index.column() == FieldColumn && role == Qt::DisplayRole)
        return QCoreApplication::translate("ReviewField", f.label);
    if (!m_sample)
        return {};
    const ReviewSample &s = *m_sample;
    if (role == DisagreementRole)
        return s.runsDisagree(f.key);
    if (role == SilverRole)
        return s.silver(f.key);
    if (role == DecisionRole) {
        auto it = s.decisions.constFind(f.key);
        return it == s.decisions.constEnd() ? QVariant() : QVariant(auditActionName(it->action));
    }
    if (role == WarningRole) {
        QStringList messages;
        for (const ConsistencyWarning &w : s.warnings)
            if (w.field == f.key)
                messages << ConsistencyChecks::text(w);
        return messages.isEmpty() ? QVariant() : QVariant(messages.join(QLatin1Char('\n')));
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case MaskColumn: return f.fromMask ? s.maskValue(f.key) : QString();
        case RunAColumn: return f.fromMask ? QString() : s.runValue(s.runA, f.key);
        case RunBColumn: return f.fromMask ? QString() : s.runValue(s.runB, f.key);
        case FusedColumn: return f.fromMask ? QString() : s.fusedValue(f.key);
        case QcColumn: return f.fromMask ? QString() : s.qcValue(f.key);
        case ReviewerColumn: return reviewerText(f.key);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        const QLocale locale;
        switch (index.column()) {
        case MaskColumn:
            if (f.fromMask && s.semantics)
                return tr("From the mask by the published rules: area %1 %, circularity %2, elongation %3, %4 component(s), centroid (%5, %6)")
                    .arg(100 * s.semantics->numbers.areaRatio, 0, 'f', 2).arg(s.semantics->numbers.circularity, 0, 'f', 3)
                    .arg(s.semantics->numbers.elongation, 0, 'f', 2).arg(s.semantics->numbers.components)
                    .arg(s.semantics->numbers.centroidX, 0, 'f', 1).arg(s.semantics->numbers.centroidY, 0, 'f', 1);
            return f.fromMask ? s.semanticsNote : QString();
        case RunAColumn:
        case RunBColumn: {
            const std::optional<ExtractionRecord> &run = index.column() == RunAColumn ? s.runA : s.runB;
            if (!run)
                return tr("Not read yet");
            if (run->status != QLatin1String("ok"))
                return tr("Reading failed: %1").arg(run->error);
            return tr("%1 · %2 · prompt %3 · %4 ms").arg(run->extractor, run->model, run->promptVersion).arg(run->latencyMs, 0, 'f', 0);
        }
        case FusedColumn:
            if (!s.fused)
                return tr("Not fused yet");
            if (s.fused->outcome.status != FusionOutcome::Status::Kept)
                return tr("%1: %2").arg(fusionText(s.fused->outcome.status), s.fused->outcome.reason);
            for (const FusionNote &n : s.fused->outcome.notes)
                if (n.field == f.key)
                    return tr("A: %1, B: %2 → %3 (%4)").arg(n.a.isEmpty() ? tr("none") : n.a, n.b.isEmpty() ? tr("none") : n.b,
                                                           n.result.isEmpty() ? tr("none") : n.result, n.rule);
            return tr("Both runs agreed");
        case QcColumn:
            if (!s.qc)
                return tr("Not audited by a model yet");
            if (s.qc->status != QLatin1String("ok"))
                return tr("Audit failed: %1").arg(s.qc->error);
            for (auto it = s.qc->decision.actions.cbegin(); it != s.qc->decision.actions.cend(); ++it)
                if (it.key() == f.key || (f.key == QLatin1String("edema") && it.key() == QLatin1String("edema")))
                    return tr("%1 by %2: %3").arg(qcText(it.value()), s.qc->model, s.qc->decision.reasons.value(it.key()));
            return tr("No action by %1").arg(s.qc->model);
        case ReviewerColumn: {
            auto it = s.decisions.constFind(f.key);
            if (it == s.decisions.constEnd())
                return {};
            return tr("%1 by %2 on %3").arg(decisionText(it->action), it->reviewer,
                                            locale.toString(it->at.toLocalTime(), QLocale::ShortFormat));
        }
        default: return data(index, WarningRole);
        }
    }
    return {};
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn: return tr("Attribute");
    case MaskColumn: return tr("Mask rule");
    case RunAColumn: return tr("Run A");
    case RunBColumn: return tr("Run B");
    case FusedColumn: return tr("Fused");
    case QcColumn: return tr("QC");
    case ReviewerColumn: return tr("Reviewer");
    default: return {};
    }
}

} // namespace neuroonco
