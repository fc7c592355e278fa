// endpoints.json entries: strict parsing (every error names its field) and validation. Parse and
// validation errors never quote api_key_env or base_url values: a user who pasted a key into the
// wrong field must not see it again in a log. Only the host of a valid URL is ever named.
#include "core/llm/EndpointConfig.h"

#include <QHostAddress>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <cmath>

namespace neuroonco {

namespace {

const QString kName = QStringLiteral("name");
const QString kBaseUrl = QStringLiteral("base_url");
const QString kModel = QStringLiteral("model");
const QString kApiKeyEnv = QStringLiteral("api_key_env");
const QString kPrompt = QStringLiteral("prompt");
const QString kMaxInFlight = QStringLiteral("max_in_flight");
const QString kRps = QStringLiteral("rps");
const QString kTimeout = QStringLiteral("timeout_s");
const QString kTemperature = QStringLiteral("temperature");
const QString kMaxRetries = QStringLiteral("max_retries");
const QString kMaxTokens = QStringLiteral("max_tokens");
const QString kJsonMode = QStringLiteral("json_mode");
const QString kAllowInsecureHttp = QStringLiteral("allow_insecure_http");

QString fieldPath(const QString &where, const QString &key)
{
    return where.isEmpty() ? key : where + QLatin1Char('.') + key;
}

Error invalid(const QString &where, const QString &key, const QString &detail)
{
    return Error(ErrorCode::InvalidArgument, fieldPath(where, key), detail);
}

// A real key pasted where a variable name belongs: long, with digits and lower-case letters
// (variable names are conventionally upper case: OPENAI_API_KEY).
bool looksLikeSecret(const QString &s)
{
    if (s.size() < 20)
        return false;
    bool digit = false, lower = false;
    for (QChar c : s) {
        digit = digit || c.isDigit();
        lower = lower || c.isLower();
    }
    return digit && lower;
}

bool isSecretQueryKey(const QString &key)
{
    const QString k = key.toLower();
    return k.contains(QLatin1String("key")) || k.contains(QLatin1String("token")) ||
           k.contains(QLatin1String("secret")) || k.contains(QLatin1String("password"));
}

} // namespace

QJsonObject EndpointConfig::toJson() const
{
    QJsonObject o;
    o.insert(kName, name);
    o.insert(kBaseUrl, baseUrl);
    o.insert(kModel, model);
    o.insert(kApiKeyEnv, apiKeyEnv);
    o.insert(kPrompt, prompt);
    o.insert(kMaxInFlight, maxInFlight);
    o.insert(kRps, requestsPerSecond);
    o.insert(kTimeout, timeoutSeconds);
    o.insert(kTemperature, temperature);
    o.insert(kMaxRetries, maxRetries);
    o.insert(kMaxTokens, maxTokens);
    o.insert(kJsonMode, jsonMode);
    if (allowInsecureHttp)
        o.insert(kAllowInsecureHttp, true);
    return o;
}

Result<EndpointConfig> EndpointConfig::fromJson(const QJsonObject &json, const QString &where)
{
    static const QStringList known = {kName,        kBaseUrl,     kModel,     kApiKeyEnv,
                                      kPrompt,      kMaxInFlight, kRps,       kTimeout,
                                      kTemperature, kMaxRetries,  kMaxTokens, kJsonMode,
                                      kAllowInsecureHttp};
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (known.contains(key))
            continue;
        const QString lower = key.toLower();
        if (lower.contains(QLatin1String("key")) || lower.contains(QLatin1String("token")) ||
            lower.contains(QLatin1String("secret")))
            return invalid(
                where, key,
                QStringLiteral("API keys are never stored in endpoints.json; put the key in an "
                               "environment variable and give its name in api_key_env"));
        // Strict on purpose: a misspelt limit ("max_inflight") would otherwise be ignored silently.
        return invalid(where, key, QStringLiteral("unknown field"));
    }

    EndpointConfig c;
    Error error;
    auto readString = [&](const QString &key, QString &out, bool required) {
        if (error)
            return;
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                error = invalid(where, key, QStringLiteral("missing"));
            return;
        }
        if (!v.isString()) {
            error = invalid(where, key, QStringLiteral("must be a string"));
            return;
        }
        out = v.toString().trimmed();
    };
    auto readDouble = [&](const QString &key, double &out) {
        if (error)
            return;
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            error = invalid(where, key, QStringLiteral("must be a number"));
            return;
        }
        out = v.toDouble();
    };
    auto readInt = [&](const QString &key, int &out) {
        if (error)
            return;
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull())
            return;
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 1e9) {
            error = invalid(where, key, QStringLiteral("must be a whole number"));
            return;
        }
        out = int(d);
    };

    readString(kName, c.name, true);
    readString(kBaseUrl, c.baseUrl, true);
    readString(kModel, c.model, true);
    readString(kApiKeyEnv, c.apiKeyEnv, false);
    readString(kPrompt, c.prompt, false);
    readInt(kMaxInFlight, c.maxInFlight);
    readDouble(kRps, c.requestsPerSecond);
    readDouble(kTimeout, c.timeoutSeconds);
    readDouble(kTemperature, c.temperature);
    readInt(kMaxRetries, c.maxRetries);
    readInt(kMaxTokens, c.maxTokens);
    auto readBool = [&](const QString &key, bool &out) {
        if (error)
            return;
        const QJsonValue v = json.value(key);
        if (v.isBool())
            out = v.toBool();
        else if (!v.isUndefined() && !v.isNull())
            error = invalid(where, key, QStringLiteral("must be true or false"));
    };
    readBool(kJsonMode, c.jsonMode);
    readBool(kAllowInsecureHttp, c.allowInsecureHttp);
    if (error)
        return error;
    if (Error e = c.validate(where))
        return e;
    return c;
}

Error EndpointConfig::validate(const QString &where) const
{
    if (name.trimmed().isEmpty())
        return invalid(where, kName, QStringLiteral("must not be empty"));
    if (baseUrl.isEmpty())
        return invalid(where, kBaseUrl, QStringLiteral("must not be empty"));
    const QUrl url(baseUrl, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty())
        return invalid(where, kBaseUrl,
                       QStringLiteral("must be an http:// or https:// URL with a host"));
    // Credentials in the URL would end up in logs and in the saved file.
    if (!url.userInfo().isEmpty())
        return invalid(where, kBaseUrl,
                       QStringLiteral("must not contain a user name or password; use api_key_env"));
    const auto items = QUrlQuery(url).queryItems();
    for (const auto &item : items)
        if (isSecretQueryKey(item.first))
            return invalid(where, kBaseUrl,
                           QStringLiteral("must not carry a key in its query (%1); use api_key_env")
                               .arg(item.first));
    if (model.trimmed().isEmpty())
        return invalid(where, kModel, QStringLiteral("must not be empty"));
    static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,127}$"));
    if (!apiKeyEnv.isEmpty()) {
        if (!envName.match(apiKeyEnv).hasMatch())
            return invalid(
                where, kApiKeyEnv,
                QStringLiteral(
                    "must be the name of an environment variable (letters, digits, '_'), "
                    "not the key itself"));
        if (looksLikeSecret(apiKeyEnv))
            return invalid(
                where, kApiKeyEnv,
                QStringLiteral("looks like a key, not the name of an environment variable"));
    }
    if (maxInFlight < 1 || maxInFlight > 1024)
        return invalid(where, kMaxInFlight, QStringLiteral("must be between 1 and 1024"));
    if (!(requestsPerSecond >= 0) || requestsPerSecond > 100000)
        return invalid(where, kRps, QStringLiteral("must be 0 (unlimited) or a positive number"));
    if (!(timeoutSeconds > 0) || timeoutSeconds > 86400)
        return invalid(where, kTimeout, QStringLiteral("must be a positive number of seconds"));
    if (!(temperature >= 0) || temperature > 2)
        return invalid(where, kTemperature, QStringLiteral("must be between 0 and 2"));
    if (maxRetries < 0 || maxRetries > 100)
        return invalid(where, kMaxRetries, QStringLiteral("must be between 0 and 100"));
    if (maxTokens < 1)
        return invalid(where, kMaxTokens, QStringLiteral("must be positive"));
    return {};
}

QString EndpointConfig::host() const
{
    return QUrl(baseUrl, QUrl::StrictMode).host();
}

bool EndpointConfig::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false; // a name other than localhost: DNS decides where it goes
    if (address.isLoopback())
        return true;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped); // ::ffff:127.0.0.1
    return mapped && (v4 >> 24) == 127;
}

Error EndpointConfig::checkTransport(const QString &where) const
{
    const QUrl url(baseUrl, QUrl::StrictMode);
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0 || allowInsecureHttp ||
        isLoopbackHost(url.host()))
        return {};
    return invalid(where, kBaseUrl,
                   QStringLiteral("plain http:// to %1 would send the slices (and any API key) "
                                  "unencrypted; use https://, or, for a server on a network you "
                                  "trust, set \"allow_insecure_http\": true on this endpoint in "
                                  "your own endpoints file (neuroonco endpoints add … "
                                  "--allow-insecure-http)")
                       .arg(url.host()));
}

} // namespace neuroonco
