// One OpenAI-compatible endpoint as a project configures it (an entry of endpoints.json):
// where to send requests, which model and prompt, and the client's limits. The API key is not
// part of it: only the NAME of the environment variable that holds the key is.
#pragma once

#include "core/util/Error.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace neuroonco {

struct EndpointConfig
{
    QString name;    // unique within a project ("run-a-gpt4o")
    QString baseUrl; // "http://127.0.0.1:8080/v1"; requests go to {baseUrl}/chat/completions
    QString model;
    QString apiKeyEnv; // name of the environment variable with the key; empty: no Authorization
    QString prompt;    // prompt id ("run-a"), resolved by the stage that uses the endpoint
    int maxInFlight = 4;
    double requestsPerSecond = 0; // 0: unlimited
    double timeoutSeconds = 120;  // per attempt
    double temperature = 0;
    int maxRetries = 5; // retries after the first attempt (429, 5xx, timeout, network)
    int maxTokens = 1024;
    bool jsonMode = true; // send response_format {"type":"json_object"}
    // Plain http:// to a host that is not this machine sends slices (and the key) unencrypted.
    // It is refused unless this is set, and it counts only in the user's own endpoints file:
    // EndpointDirectory clears it on every endpoint that comes from a project.
    bool allowInsecureHttp = false;

    // Keys as in endpoints.json: name, base_url, model, api_key_env, prompt, max_in_flight, rps,
    // timeout_s, temperature, max_retries, max_tokens, json_mode, allow_insecure_http (written
    // only when set). Never contains a key value.
    QJsonObject toJson() const;
    // Parses and validates one entry. `where` prefixes error subjects, e.g.
    // "endpoints.json: endpoints[1]" gives "endpoints.json: endpoints[1].base_url".
    static Result<EndpointConfig> fromJson(const QJsonObject &json,
                                           const QString &where = QString());
    // Checks values (http/https URL without credentials, positive limits, a variable name that
    // does not look like a pasted key). Error subjects are `where` + "." + the JSON key.
    Error validate(const QString &where = QString()) const;

    // The host requests go to ("api.openai.com", "127.0.0.1"); empty for an unusable URL.
    QString host() const;
    // True for 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost".
    static bool isLoopbackHost(const QString &host);
    // Refuses plain http:// to a non-loopback host unless allowInsecureHttp is set. Checked
    // when an endpoint is about to be used, not when a file is read: a file may list it.
    Error checkTransport(const QString &where = QString()) const;
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::EndpointConfig)
