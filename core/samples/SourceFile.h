// What the sample store keeps of a source and of its files: the source as a manifest describes
// it, and the verdict on a file that gave no sample or gave one with something left out. Ingest
// fills them; the store reads and writes them (a sample itself is a SampleRecord).
#pragma once

#include <QJsonObject>
#include <QString>


namespace neuroonco {

struct SourceSpec
{
    QString code;       // "01".."20" in the paper; any short token
    QString name;
    QString url;
    QString licence;
    QString layout;     // class-folders | image-mask-pairs | yolo-seg | coco | nifti-volumes | figshare-mat | dicom
    QString root;       // absolute, resolved against the manifest's folder
    int priority = 100; // keep-policy tie-breaker: lower wins
    QJsonObject options;
};

enum class IssueSeverity { Warning, Error };
QString issueSeverityName(IssueSeverity s);

// A problem with one file of a source. Errors mean the file gave no sample; warnings mean it
// gave a sample with something left out (a mask of the wrong size, say).
struct IngestIssue
{
    QString sourceCode;
    QString path;   // relative to the source root
    IssueSeverity severity = IssueSeverity::Error;
    QString kind;   // stable token: truncated, not-an-image, mask-size-mismatch, path-escape, …
    QString reason; // one sentence for people
};

} // namespace neuroonco
