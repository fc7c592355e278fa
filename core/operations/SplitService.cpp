// The split job, the leakage report and its file.
#include "core/operations/SplitService.h"

#include "core/benchmark/LeakageReport.h"
#include "core/benchmark/SplitPlanner.h"
#include "core/jobs/JobExecutor.h"
#include "core/pipeline/SplitStage.h"
#include "core/project/Project.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace neuroonco {

namespace {

Error writeReport(const QString &path, const QJsonObject &report)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(ErrorCode::Io, QFileInfo(path).absolutePath(), QStringLiteral("cannot create the folder"));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, path, f.errorString());
    f.write(QJsonDocument(report).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error(ErrorCode::Io, path, f.errorString());
    return {};
}

} // namespace

SplitRequest SplitService::defaults()
{
    SplitRequest r;
    r.testShare = SplitStage::kDefaultTestShare;
    r.seed = SplitStage::kDefaultSeed;
    return r;
}

Result<SplitResult> SplitService::run(const Project &project, Database &db, const SplitRequest &request)
{
    if (!(request.testShare > 0 && request.testShare < 1))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("test_share"),
                     QStringLiteral("%1 is no share between 0 and 1").arg(request.testShare));
    if (!request.splitFile.isEmpty() && request.mode != SplitRequest::Mode::Check)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("split_file"),
                     QStringLiteral("a split made elsewhere can only be checked"));
    Result<QJsonObject> report = Error();
    if (!request.splitFile.isEmpty()) {
        Result<std::vector<SplitSample>> samples = SplitPlanner::load(db);
        if (!samples)
            return samples.error();
        Result<QHash<qint64, QString>> splitOf = LeakageReport::readSplitFile(request.splitFile, *samples);
        if (!splitOf)
            return splitOf.error();
        report = LeakageReport::check(*samples, *splitOf, request.testShare);
    } else {
        if (request.mode == SplitRequest::Mode::Make) {
            SplitStage stage;
            const JobOutcome outcome = JobExecutor::execute(
                project, stage, SplitStage::parameters(request.testShare, request.seed), nullptr, nullptr, 1);
            if (outcome.state != JobState::Succeeded)
                return outcome.error;
        }
        report = LeakageReport::checkProject(db, request.testShare);
    }
    if (!report)
        return report.error();
    SplitResult result;
    result.report = *report;
    result.reportPath = QFileInfo(request.reportPath.isEmpty()
                                      ? QDir(project.exportsDir()).filePath(QStringLiteral("split-report.json"))
                                      : request.reportPath)
                            .absoluteFilePath();
    if (Error e = writeReport(result.reportPath, result.report))
        return e;
    return result;
}

} // namespace neuroonco
