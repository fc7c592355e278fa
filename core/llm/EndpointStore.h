// A list of endpoints as an endpoints.json holds it (the user's file or a project's own): load,
// validate, look up, save. The file holds names of environment variables, never keys. Which list
// a stage may use is EndpointDirectory's decision, never this class's.
#pragma once

#include "core/llm/EndpointConfig.h"
#include "core/util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace neuroonco {

class EndpointStore
{
public:
    EndpointStore() = default;

    // Reads `file`. A missing file is an empty store (no endpoints configured yet); unreadable
    // or malformed files are errors whose subject names the file and the field
    // ("endpoints.json: endpoints[1].base_url").
    static Result<EndpointStore> load(const QString &file);
    // Parses the content of an endpoints.json; `label` is the name used in error subjects.
    static Result<EndpointStore> fromJson(const QByteArray &json,
                                          const QString &label = QStringLiteral("endpoints.json"));

    // Validates, then writes atomically (a crash never leaves half a file).
    Error save(const QString &file) const;
    QByteArray toJson() const;

    // Unique names and valid entries. Subjects as in load().
    Error validate(const QString &label = QStringLiteral("endpoints.json")) const;

    const QList<EndpointConfig> &endpoints() const { return m_endpoints; }
    std::optional<EndpointConfig> find(const QString &name) const;
    // Replaces the endpoint with the same name or appends a new one.
    void upsert(const EndpointConfig &endpoint);
    bool remove(const QString &name);

private:
    QList<EndpointConfig> m_endpoints;
};

} // namespace neuroonco
