// The per-test user endpoints file.
#include "UserEndpointsFile.h"

#include "core/llm/UserEndpoints.h"

#include <QFile>

namespace neuroonco::test {

UserEndpointsFile::UserEndpointsFile()
    : m_path(m_dir.filePath(QStringLiteral("config/endpoints.json")))
{
    qputenv("NEUROONCO_ENDPOINTS", m_path.toLocal8Bit());
}

Error UserEndpointsFile::add(const EndpointConfig &endpoint)
{
    Result<UserEndpoints> user = UserEndpoints::load(m_path);
    if (!user)
        return user.error();
    user->endpoints().upsert(endpoint);
    return user->save();
}

Error UserEndpointsFile::add(const QJsonObject &endpoint)
{
    Result<EndpointConfig> e = EndpointConfig::fromJson(endpoint);
    if (!e)
        return e.error();
    return add(*e);
}

Error UserEndpointsFile::save(const EndpointStore &store)
{
    if (qEnvironmentVariableIsEmpty("NEUROONCO_ENDPOINTS"))
        return Error(ErrorCode::Internal, QStringLiteral("NEUROONCO_ENDPOINTS"),
                     QStringLiteral("not set: give the test a test::UserEndpointsFile"));
    Result<UserEndpoints> user = UserEndpoints::load();
    if (!user)
        return user.error();
    user->endpoints() = store;
    return user->save();
}

void UserEndpointsFile::clear()
{
    QFile::remove(m_path);
}

} // namespace neuroonco::test
