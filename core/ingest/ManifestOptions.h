// The options each source layout reads, with their declared types (DESIGN.md §3.1). A manifest
// is checked against them when it is loaded: a wrongly typed value refuses the manifest and
// names `sources[i].options.<name>` (a list where a string is wanted, `"glioma"` where a list
// of class names is wanted would otherwise silently change every sample); an option no layout
// reads is a warning naming it, so a typo such as `mask_sufix` does not go unnoticed.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace neuroonco {

enum class OptionType {
    String,
    StringOrList,   // one string or a list of strings
    StringList,
    Boolean,
    Count,          // a whole number >= 0
    Fraction,       // a number in [0, 1)
    Modality,       // T1, T1CE, T2, FLAIR or a spelling of them
    TumourType,     // a canonical tumour type
    TypeMap,        // object: label -> canonical tumour type
    Regex,          // a valid regular expression
    RegexWithGroup, // a valid regular expression with one capture group
    Choice,         // one of `choices`
    SubregionMap,   // object: label value -> necrotic | edema | enhancing | none
    PathTemplate,   // a published-path template (PublishedPath)
};

struct OptionSpec
{
    QString name;
    OptionType type = OptionType::String;
    QString help;        // one line for the docs and `manifest --check`
    QStringList choices; // for Choice
};

class ManifestOptions
{
public:
    // The options `layout` reads, in a stable order.
    static std::vector<OptionSpec> forLayout(const QString &layout);
    static QString typeName(OptionType type);

    // Checks `options` of a source with `layout`. Returns the first wrongly typed option as
    // "<field>: <what is wrong>" (field like "sources[2].options.class_names"), or empty; adds
    // one warning per unknown option to `warnings` ("<field>: …").
    static QString check(const QString &layout, const QJsonObject &options, const QString &fieldPrefix,
                         QStringList *unknown, QStringList *warnings);
};

} // namespace neuroonco
