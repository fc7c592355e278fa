// A user endpoints file of the test's own: constructing it points NEUROONCO_ENDPOINTS at a file in
// a temporary folder, so no test reads or writes the real ~/.config/NeuroOnco/endpoints.json and
// every child process (neuroonco, neuroonco-studio) started by the test sees the same file.
// Keep one as a member of the test class: it is made before initTestCase runs.
#pragma once

#include "core/llm/EndpointConfig.h"
#include "core/llm/EndpointStore.h"
#include "core/util/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>

namespace neuroonco::test {

class UserEndpointsFile
{
public:
    UserEndpointsFile();

    QString path() const { return m_path; }
    // Adds or replaces an endpoint in the file (trust records stay).
    Error add(const EndpointConfig &endpoint);
    // The same from JSON fields as in endpoints.json (validated like a file).
    Error add(const QJsonObject &endpoint);
    // Empties the file: no endpoints, no trust records.
    void clear();

    // Makes `store` the endpoints of the file NEUROONCO_ENDPOINTS names (trust records stay).
    // Refused when the variable is not set: a test never writes the developer's own file.
    static Error save(const EndpointStore &store);

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace neuroonco::test
