// The numbers behind the dashboard and the project report, gathered from the project database
// in one pass: AIR per field per stage, audit precision and omission per field with Wilson
// intervals, benchmark composition and evaluation accuracy. Plain values, no GUI types: the
// charts layer draws them, the CLI prints them, the report renders both.
#pragma once

#include "core/pipeline/ProjectStatus.h"
#include "core/util/Error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace neuroonco {

class Database;

// One figure: categories along one axis, one or more series of values (with optional 95 %
// intervals). Ids are stable; titles are the presentation layer's business (translated there).
struct FigureSeries
{
    QString name;               // data key: "run_a", "precision", a model name…
    std::vector<double> values; // one per category
    std::vector<double> lower;  // empty, or one per category
    std::vector<double> upper;
    std::vector<qint64> counts; // n behind each value (empty when not meaningful)
    bool hasIntervals() const { return !lower.empty() && lower.size() == values.size(); }
};

struct Figure
{
    enum class Unit { Share, Count };
    QString id;           // air | audit | benchmark-types | benchmark-letters | benchmark-traps | eval-accuracy
    Unit unit = Unit::Share;
    QStringList categories;
    std::vector<FigureSeries> series;
    bool isEmpty() const;
    QJsonObject toJson() const;
};

struct ProjectFigures
{
    QString projectName;
    QDateTime generatedAt;
    ProjectStatus status;
    Figure air;              // categories: six sign fields + "overall"; series run_a, run_b, fused, gold
    Figure audit;            // categories: audited fields + "overall"; series precision, omission (with intervals)
    qint64 samplesAudited = 0;
    Figure benchmarkTypes;   // categories: question types; series closed, open
    Figure benchmarkLetters; // categories: A..E; series: answers
    Figure benchmarkTraps;   // categories: question types; series: trap share
    Figure evalAccuracy;     // categories: question types + "overall"; one series per evaluation run
    QJsonObject toJson() const;
    std::vector<const Figure *> all() const;
};

class ProjectFiguresBuilder
{
public:
    // Figures whose data is not there yet (no extraction, no audit, no benchmark) come back
    // empty rather than as an error.
    static Result<ProjectFigures> collect(Database &db, const QString &projectRoot);
};

} // namespace neuroonco
