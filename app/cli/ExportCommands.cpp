// export: datasets and intermediate files in the published formats.
#include "CliCommand.h"

#include "export/MetadataExport.h"
#include "project/Project.h"
#include "store/Database.h"

#include <QFileInfo>

namespace neuroonco {

namespace {

int cmdExport(const QStringList &args)
{
    CommandLine cl(QStringLiteral("export"), QStringLiteral("Export project data in the published MM-NeuroOnco formats."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("what"), QStringLiteral("What to export: metadata, semantics, llm-input."), QStringLiteral("KIND")});
    cl.addOption({QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("all"), QStringLiteral("Include samples flagged as duplicates.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const QString what = cl.value(QStringLiteral("what"));
    const QString out = cl.value(QStringLiteral("out"));
    const QStringList kinds{QStringLiteral("metadata"), QStringLiteral("semantics"), QStringLiteral("llm-input")};
    if (!kinds.contains(what))
        return cl.usageError(QStringLiteral("--what must be one of: %1").arg(kinds.join(QStringLiteral(", "))));
    if (out.isEmpty())
        return cl.usageError(QStringLiteral("--out FILE is required"));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printErr(QStringLiteral("neuroonco export: ") + errorMessage(db.error()));
        return ExitFailure;
    }
    ExportOptions options;
    options.includeDuplicates = cl.isSet(QStringLiteral("all"));
    Result<QJsonArray> items = what == QLatin1String("semantics") ? MetadataExport::buildSemantics(**db, options)
                               : what == QLatin1String("llm-input") ? MetadataExport::buildLlmInput(**db, options)
                                                                    : MetadataExport::build(**db, options);
    if (!items) {
        printErr(QStringLiteral("neuroonco export: ") + errorMessage(items.error()));
        return ExitFailure;
    }
    if (Error e = MetadataExport::writeJson(out, *items)) {
        printErr(QStringLiteral("neuroonco export: ") + errorMessage(e));
        return ExitFailure;
    }
    printOut(QStringLiteral("Wrote %1 %2 records to %3").arg(items->size()).arg(what, QFileInfo(out).absoluteFilePath()));
    return ExitOk;
}

} // namespace

std::vector<CliCommand> exportCommands()
{
    return {{QStringLiteral("export"), QStringLiteral("Export data in the published formats"), cmdExport}};
}

} // namespace neuroonco
