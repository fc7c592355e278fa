// Applying audit actions.
#include "core/signs/QcAudit.h"

#include "core/vocab/Vocabulary.h"

namespace neuroonco {

QStringList QcAudit::fields()
{
    QStringList f{QStringLiteral("modality"), QStringLiteral("location")};
    for (SignField s : kSignFields)
        f << SignSet::fieldKey(s);
    return f;
}

QString QcAudit::actionName(QcAction a)
{
    switch (a) {
    case QcAction::Keep: return QStringLiteral("KEEP");
    case QcAction::Erase: return QStringLiteral("ERASE");
    case QcAction::Downgrade: return QStringLiteral("DOWNGRADE");
    }
    return {};
}

QcDecision QcAudit::parse(const QJsonObject &reply, QStringList *problems)
{
    QcDecision d;
    QJsonObject source = reply;
    for (const char *nest : {"actions", "audit", "fields", "decisions", "qc"}) {
        if (reply.value(QLatin1String(nest)).isObject()) {
            source = reply.value(QLatin1String(nest)).toObject();
            break;
        }
    }
    for (auto it = source.begin(); it != source.end(); ++it) {
        QString key = Vocabulary::normaliseToken(it.key());
        if (key == QLatin1String("oedema"))
            key = QStringLiteral("edema");
        if (key == QLatin1String("predicted_modality"))
            key = QStringLiteral("modality");
        if (key == QLatin1String("predicted_location"))
            key = QStringLiteral("location");
        if (key == QLatin1String("signal"))
            key = QStringLiteral("signal_intensity");
        if (!fields().contains(key))
            continue;
        QString action = it.value().isObject() ? it.value().toObject().value(QStringLiteral("action")).toString() : it.value().toString();
        if (it.value().isObject())
            d.reasons.insert(key, it.value().toObject().value(QStringLiteral("reason")).toString());
        action = action.trimmed().toUpper();
        if (action == QLatin1String("KEEP"))
            d.actions.insert(key, QcAction::Keep);
        else if (action == QLatin1String("ERASE") || action == QLatin1String("REMOVE"))
            d.actions.insert(key, QcAction::Erase);
        else if (action == QLatin1String("DOWNGRADE"))
            d.actions.insert(key, QcAction::Downgrade);
        else if (problems)
            problems->append(QStringLiteral("%1: unknown action '%2'").arg(key, action));
    }
    return d;
}

QJsonObject QcAudit::toJson(const QcDecision &d)
{
    QJsonObject o;
    for (auto it = d.actions.begin(); it != d.actions.end(); ++it) {
        QJsonObject entry{{QStringLiteral("action"), actionName(it.value())}};
        if (!d.reasons.value(it.key()).isEmpty())
            entry.insert(QStringLiteral("reason"), d.reasons.value(it.key()));
        o.insert(it.key(), entry);
    }
    return o;
}

QcOutcome QcAudit::apply(const SignSet &fused, const QcDecision &decision)
{
    QcOutcome out;
    out.gold = fused;
    SignSet &g = out.gold;
    auto record = [&out](const QString &field, const QString &before, const QString &after, const QString &rule) {
        out.notes.append({field, before, QString(), after, rule});
    };
    for (auto it = decision.actions.begin(); it != decision.actions.end(); ++it) {
        const QString &field = it.key();
        const QcAction action = it.value();
        if (action == QcAction::Keep)
            continue;
        if (field == QLatin1String("modality")) {
            const QString before = g.modality;
            if (action == QcAction::Downgrade && g.modality == QLatin1String("T1CE")) {
                g.modality = QStringLiteral("T1");
                const QString enhancement = g.enhancement;
                g.enhancement.clear();
                record(field, before, g.modality, QStringLiteral("DOWNGRADE: T1CE → T1"));
                if (!enhancement.isEmpty())
                    record(QStringLiteral("enhancement"), enhancement, QString(), QStringLiteral("cleared with the T1CE downgrade"));
            } else if (action == QcAction::Erase || action == QcAction::Downgrade) {
                g.modality.clear();
                record(field, before, QString(), action == QcAction::Erase ? QStringLiteral("ERASE")
                                                                          : QStringLiteral("DOWNGRADE of a non-T1CE modality → erased"));
            }
            continue;
        }
        if (field == QLatin1String("location")) {
            record(field, g.location, QString(), QStringLiteral("ERASE"));
            g.location.clear();
            continue;
        }
        for (SignField f : kSignFields) {
            if (SignSet::fieldKey(f) != field)
                continue;
            const QString before = g.sign(f);
            if (action == QcAction::Downgrade && (f == SignField::Enhancement || f == SignField::Edema) && !before.isEmpty()) {
                g.setSign(f, QStringLiteral("Present"));
                record(field, before, g.sign(f), QStringLiteral("DOWNGRADE → Present"));
            } else {
                // DOWNGRADE has no less specific value for the other signs: it erases them.
                g.setSign(f, QString());
                record(field, before, QString(), action == QcAction::Erase ? QStringLiteral("ERASE")
                                                                          : QStringLiteral("DOWNGRADE without a coarser value → erased"));
            }
        }
    }
    return out;
}

} // namespace neuroonco
