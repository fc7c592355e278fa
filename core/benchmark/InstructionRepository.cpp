// SQL for the instructions table.
#include "core/benchmark/InstructionRepository.h"

#include "core/benchmark/AnswerBalance.h"
#include "core/benchmark/ClosedItemBuilder.h"
#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QMap>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

InstructionRepository::InstructionRepository(Database &db)
    : m_db(db)
{}

Error InstructionRepository::store(qint64 sample, const std::vector<InstructionRecord> &records,
                                   qint64 jobId)
{
    QSqlQuery del = m_db.query();
    del.prepare(QStringLiteral("DELETE FROM instructions WHERE sample = ?"));
    del.addBindValue(sample);
    if (Error e = m_db.run(del, QStringLiteral("instructions")))
        return e;
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT INTO instructions(sample, ordinal, variant, question_type, "
                             "is_trap, answer, line, job_id, created_at) "
                             "VALUES (?,?,?,?,?,?,?,?,?)"));
    const QString now = nowIso();
    for (const InstructionRecord &r : records) {
        q.bindValue(0, sample);
        q.bindValue(1, r.ordinal);
        q.bindValue(2, r.variant);
        q.bindValue(3, r.questionType);
        q.bindValue(4, r.trap ? 1 : 0);
        q.bindValue(5, r.answer.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                          : QVariant(r.answer));
        q.bindValue(6, r.line);
        q.bindValue(7, jobId > 0 ? QVariant(jobId) : QVariant(QMetaType(QMetaType::LongLong)));
        q.bindValue(8, now);
        if (Error e = m_db.run(q, QStringLiteral("instructions")))
            return e;
    }
    return {};
}

Result<qint64> InstructionRepository::removeTestSamples()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("DELETE FROM instructions WHERE sample IN (SELECT sample FROM "
                               "sample_splits WHERE split = 'test')")))
        return m_db.queryError(q, QStringLiteral("instructions"));
    return qint64(q.numRowsAffected());
}

Error InstructionRepository::forEachLine(const std::function<Error(const QString &)> &sink, TestSamples test,
                                         qint64 *leftOut)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    // The split is read here, at write time, in the same statement as the lines.
    if (!q.exec(QStringLiteral("SELECT i.line, EXISTS (SELECT 1 FROM sample_splits s WHERE s.sample = i.sample "
                               "AND s.split = 'test') FROM instructions i ORDER BY i.sample, i.ordinal")))
        return m_db.queryError(q, QStringLiteral("instructions"));
    qint64 skipped = 0;
    if (Error e = m_db.forEachRow(q, QStringLiteral("instructions"), [&]() -> Error {
            if (test == TestSamples::LeaveOut && q.value(1).toBool()) {
                ++skipped;
                return {};
            }
            return sink(q.value(0).toString());
        }))
        return e;
    if (leftOut)
        *leftOut = skipped;
    return {};
}

Result<QJsonObject> InstructionRepository::statistics()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT i.variant, i.question_type, i.is_trap, i.answer, s.tumour_type, i.sample "
            "FROM instructions i JOIN samples s ON s.id = i.sample")))
        return m_db.queryError(q, QStringLiteral("instructions"));
    QMap<QString, int> variants, types, tumours;
    AnswerBalance balance;
    qint64 total = 0;
    QSet<qint64> samples;
    Error read = m_db.forEachRow(q, QStringLiteral("instructions"), [&] {
        ++total;
        const QString variant = q.value(0).toString(), type = q.value(1).toString();
        ++variants[variant];
        ++types[type];
        ++tumours[q.value(4).toString()];
        samples.insert(q.value(5).toLongLong());
        if (variant != QLatin1String("open"))
            balance.add(type, q.value(3).toString(), ClosedItemBuilder::isMultipleChoice(type, q.value(4).toString()),
                        q.value(2).toBool());
    });
    if (read)
        return read;
    auto toJson = [](const QMap<QString, int> &m) {
        QJsonObject o;
        for (auto it = m.begin(); it != m.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    return QJsonObject{
        {QStringLiteral("instructions"), total},
        {QStringLiteral("samples"), qint64(samples.size())},
        {QStringLiteral("per_sample"), samples.isEmpty() ? 0.0 : double(total) / samples.size()},
        {QStringLiteral("variants"), toJson(variants)},
        {QStringLiteral("question_types"), toJson(types)},
        {QStringLiteral("tumour_types"), toJson(tumours)},
        {QStringLiteral("traps"), balance.trapsJson()},
        {QStringLiteral("letters"), balance.multipleChoiceLetters().toJson()},
        {QStringLiteral("binary_letters"), balance.binaryLetters().toJson()}};
}

} // namespace neuroonco
