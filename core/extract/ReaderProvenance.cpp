// Provenance checks against the readers recorded in the extractions and qc_audits rows.
#include "core/extract/ReaderProvenance.h"

#include "core/jobs/CheckpointStore.h"
#include "core/signs/LabelRepository.h"
#include "core/store/Database.h"

#include <QStringList>

namespace neuroonco {

QString ReaderIdentity::describe() const
{
    QString who;
    if (reader == QLatin1String("classical"))
        who = QStringLiteral("the classical extractor");
    else if (reader.startsWith(QLatin1String("endpoint:")))
        who = QStringLiteral("endpoint '%1'").arg(reader.mid(9));
    else if (reader.startsWith(QLatin1String("import:")))
        who = QStringLiteral("readings imported from %1").arg(reader.mid(7));
    else
        who = reader;
    return model.isEmpty() ? who : QStringLiteral("%1 (model %2)").arg(who, model);
}

Result<qint64> ReaderProvenance::ensureOneReader(Database &db, CheckpointStore &checkpoints, const QString &run,
                                                 const QString &scope, const ReaderIdentity &wanted,
                                                 OnConflict onConflict)
{
    LabelRepository labels(db);
    Result<std::vector<ReaderRows>> stored = labels.readers(run);
    if (!stored)
        return stored.error();
    qint64 others = 0;
    QStringList names;
    for (const ReaderRows &r : *stored) {
        if (r.reader == wanted.reader && r.model == wanted.model)
            continue;
        others += r.rows;
        names << QStringLiteral("%1 readings by %2").arg(r.rows).arg(ReaderIdentity{r.reader, r.model}.describe());
    }
    if (others == 0)
        return qint64(0);
    const QString what = run == QLatin1String("qc") ? QStringLiteral("the QC audit") : QStringLiteral("run %1").arg(run);
    if (onConflict == OnConflict::Refuse) {
        return Error(ErrorCode::Conflict, what,
                     QStringLiteral("it holds %1, not by %2; finish it with the same reader, or start it over "
                                    "with --force (its stored readings are replaced)")
                         .arg(names.join(QStringLiteral(" and ")), wanted.describe()));
    }
    Transaction tx(db);
    if (tx.beginError())
        return tx.beginError();
    if (Error e = labels.removeReadings(run))
        return e;
    if (Error e = checkpoints.reset(scope))
        return e;
    if (Error e = tx.commit())
        return e;
    qint64 total = 0;
    for (const ReaderRows &r : *stored)
        total += r.rows;
    return total;
}

} // namespace neuroonco
