// `neuroonco endpoints …`: the user's own model endpoints (list, add, remove, show) and the trust
// given to a project's own endpoints.json (trust, untrust). Everything is decided in core
// (UserEndpoints, EndpointDirectory); these commands parse, ask and print.
#include "app/cli/CliCommand.h"

#include "core/llm/EndpointDirectory.h"
#include "core/llm/UserEndpoints.h"
#include "core/project/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace neuroonco {

namespace {

const QString kCommand = QStringLiteral("endpoints");

QString json(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

int fail(const QString &sub, const Error &e)
{
    printErr(QStringLiteral("neuroonco endpoints %1: %2").arg(sub, errorMessage(e)));
    return ExitFailure;
}

QString keyText(const EndpointConfig &e)
{
    if (e.apiKeyEnv.isEmpty())
        return QStringLiteral("no key");
    const bool set = !qEnvironmentVariableIsEmpty(e.apiKeyEnv.toLocal8Bit().constData());
    return QStringLiteral("$%1%2").arg(e.apiKeyEnv, set ? QString() : QStringLiteral(" (not set here)"));
}

QString originText(const EndpointDirectory &d, const EndpointDirectory::Entry &e)
{
    const QString refused = QStringLiteral("; refused: plain http to another machine");
    if (e.origin == EndpointOrigin::User)
        return e.usable ? QStringLiteral("yours") : QStringLiteral("yours") + refused;
    if (e.shadowed)
        return QStringLiteral("project, hidden by yours");
    switch (d.trustState()) {
    case ProjectTrustState::Trusted:
        if (e.usable)
            return QStringLiteral("project, trusted");
        return d.find(e.config.name).error().code == ErrorCode::Untrusted ? QStringLiteral("project, not as trusted")
                                                                          : QStringLiteral("project, trusted") + refused;
    case ProjectTrustState::Changed: return QStringLiteral("project, changed since you trusted it");
    default: return QStringLiteral("project, not trusted");
    }
}

QJsonObject entryJson(const EndpointDirectory &d, const EndpointDirectory::Entry &e)
{
    QJsonObject o = e.config.toJson();
    o.insert(QStringLiteral("source"), e.origin == EndpointOrigin::User ? QStringLiteral("user") : QStringLiteral("project"));
    o.insert(QStringLiteral("file"), e.origin == EndpointOrigin::User ? d.user().file() : d.projectFile());
    o.insert(QStringLiteral("usable"), e.usable);
    o.insert(QStringLiteral("shadowed"), e.shadowed);
    o.insert(QStringLiteral("key_variable_set"),
             !e.config.apiKeyEnv.isEmpty() && !qEnvironmentVariableIsEmpty(e.config.apiKeyEnv.toLocal8Bit().constData()));
    return o;
}

QString trustStateName(ProjectTrustState s)
{
    switch (s) {
    case ProjectTrustState::None: return QStringLiteral("none");
    case ProjectTrustState::Unreadable: return QStringLiteral("unreadable");
    case ProjectTrustState::Untrusted: return QStringLiteral("untrusted");
    case ProjectTrustState::Changed: return QStringLiteral("changed");
    case ProjectTrustState::Trusted: return QStringLiteral("trusted");
    }
    return QString();
}

// A project folder given on the command line, or an error printed for `sub`.
bool projectRoot(const QString &sub, const QString &path, QString *root)
{
    if (!Project::exists(path)) {
        printErr(QStringLiteral("neuroonco endpoints %1: %2 is not a NeuroOnco project (no project.sqlite)").arg(sub, path));
        return false;
    }
    *root = ProjectTrust::identityOf(path);
    return true;
}

int cmdList(const QStringList &args)
{
    CommandLine cl(QStringLiteral("endpoints list"),
                   QStringLiteral("List your model endpoints and, with PROJECT, the project's own ones and whether "
                                  "they may be used."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder (optional)."), QStringLiteral("[PROJECT]"));
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 0, 1))
        return code;
    QString root;
    if (!cl.positional().isEmpty() && !projectRoot(QStringLiteral("list"), cl.positional().at(0), &root))
        return ExitFailure;
    Result<EndpointDirectory> d = EndpointDirectory::load(root);
    if (!d)
        return fail(QStringLiteral("list"), d.error());
    const QList<EndpointDirectory::Entry> entries = d->entries();
    if (cl.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const EndpointDirectory::Entry &e : entries)
            list.append(entryJson(*d, e));
        QJsonObject o{{QStringLiteral("user_file"), d->user().file()}, {QStringLiteral("endpoints"), list}};
        if (!root.isEmpty()) {
            o.insert(QStringLiteral("project_file"), d->projectFile());
            o.insert(QStringLiteral("project_trust"), trustStateName(d->trustState()));
        }
        printOut(json(o));
        return ExitOk;
    }
    printOut(QStringLiteral("Your endpoints: %1").arg(d->user().file()));
    if (!root.isEmpty())
        printOut(QStringLiteral("Project's own:  %1").arg(d->projectFile()));
    if (entries.isEmpty()) {
        printOut(QStringLiteral("No endpoints. Add one with: neuroonco endpoints add NAME --base-url URL --model MODEL "
                                "[--api-key-env VARIABLE]"));
    } else {
        int nameWidth = 4, urlWidth = 8, modelWidth = 5, keyWidth = 3;
        for (const EndpointDirectory::Entry &e : entries) {
            keyWidth = std::max(keyWidth, int(keyText(e.config).size()));
            nameWidth = std::max(nameWidth, int(e.config.name.size()));
            urlWidth = std::max(urlWidth, int(e.config.baseUrl.size()));
            modelWidth = std::max(modelWidth, int(e.config.model.size()));
        }
        printOut(QStringLiteral("%1  %2  %3  %4  %5")
                     .arg(QStringLiteral("NAME").leftJustified(nameWidth), QStringLiteral("BASE URL").leftJustified(urlWidth),
                          QStringLiteral("MODEL").leftJustified(modelWidth), QStringLiteral("KEY").leftJustified(keyWidth),
                          QStringLiteral("SOURCE")));
        for (const EndpointDirectory::Entry &e : entries)
            printOut(QStringLiteral("%1  %2  %3  %4  %5")
                         .arg(e.config.name.leftJustified(nameWidth), e.config.baseUrl.leftJustified(urlWidth),
                              e.config.model.leftJustified(modelWidth), keyText(e.config).leftJustified(keyWidth),
                              originText(*d, e)));
    }
    if (d->trustState() == ProjectTrustState::Unreadable)
        printOut(QStringLiteral("The project's own list cannot be read: %1").arg(errorMessage(d->projectError())));
    else if (d->trustState() == ProjectTrustState::Untrusted || d->trustState() == ProjectTrustState::Changed)
        printOut(QStringLiteral("The project's own endpoints are used only once you trust them: %1")
                     .arg(EndpointDirectory::trustCommand(root)));
    return ExitOk;
}

int cmdShow(const QStringList &args)
{
    CommandLine cl(QStringLiteral("endpoints show"),
                   QStringLiteral("Show one endpoint as JSON: where it comes from, whether it may be used and "
                                  "whether its key variable is set (the key itself is never shown)."));
    cl.addPositional(QStringLiteral("NAME"), QStringLiteral("Endpoint name."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder (optional)."), QStringLiteral("[PROJECT]"));
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 2))
        return code;
    const QString name = cl.positional().at(0);
    QString root;
    if (cl.positional().size() > 1 && !projectRoot(QStringLiteral("show"), cl.positional().at(1), &root))
        return ExitFailure;
    Result<EndpointDirectory> d = EndpointDirectory::load(root);
    if (!d)
        return fail(QStringLiteral("show"), d.error());
    for (const EndpointDirectory::Entry &e : d->entries()) {
        if (e.config.name != name || e.shadowed)
            continue;
        QJsonObject o = entryJson(*d, e);
        if (Result<EndpointConfig> r = d->find(name); !r)
            o.insert(QStringLiteral("problem"), errorMessage(r.error()));
        printOut(json(o));
        return ExitOk;
    }
    return fail(QStringLiteral("show"), d->find(name).error());
}

int cmdAdd(const QStringList &args)
{
    CommandLine cl(QStringLiteral("endpoints add"),
                   QStringLiteral("Add an OpenAI-compatible endpoint to your endpoints file. The API key stays in "
                                  "the environment variable you name; only that name is stored."));
    cl.addPositional(QStringLiteral("NAME"), QStringLiteral("Endpoint name (what --endpoint refers to)."));
    const QList<QCommandLineOption> valued = {
        {QStringLiteral("base-url"), QStringLiteral("Base URL, e.g. https://api.example.org/v1 (requests go to …/chat/completions)."), QStringLiteral("URL")},
        {QStringLiteral("model"), QStringLiteral("Model name the server expects."), QStringLiteral("MODEL")},
        {QStringLiteral("api-key-env"), QStringLiteral("Name of the environment variable that holds the API key (default: no key)."), QStringLiteral("VARIABLE")},
        {QStringLiteral("prompt"), QStringLiteral("Prompt id (default: the stage's own)."), QStringLiteral("ID")},
        {QStringLiteral("max-in-flight"), QStringLiteral("Requests in flight at once (default 4)."), QStringLiteral("N")},
        {QStringLiteral("rps"), QStringLiteral("Requests per second, 0 for no limit (default 0)."), QStringLiteral("R")},
        {QStringLiteral("timeout-s"), QStringLiteral("Seconds per attempt (default 120)."), QStringLiteral("S")},
        {QStringLiteral("temperature"), QStringLiteral("Sampling temperature (default 0)."), QStringLiteral("T")},
        {QStringLiteral("max-retries"), QStringLiteral("Retries after the first attempt (default 5)."), QStringLiteral("N")},
        {QStringLiteral("max-tokens"), QStringLiteral("Completion token limit (default 1024)."), QStringLiteral("N")},
    };
    for (const QCommandLineOption &o : valued)
        cl.addOption(o);
    cl.addOption({QStringLiteral("no-json-mode"), QStringLiteral("Do not send response_format json_object.")});
    cl.addOption({QStringLiteral("allow-insecure-http"),
                  QStringLiteral("Allow plain http:// to a host other than this machine (slices and the key travel "
                                 "unencrypted). Only for a network you trust.")});
    cl.addOption({QStringLiteral("replace"), QStringLiteral("Replace an endpoint of the same name.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    if (!cl.isSet(QStringLiteral("base-url")) || !cl.isSet(QStringLiteral("model")))
        return cl.usageError(QStringLiteral("--base-url and --model are required"));

    // The options map one to one onto the file's keys; EndpointConfig validates them as it
    // validates a file, so the CLI and the file accept the same values.
    QJsonObject j{{QStringLiteral("name"), cl.positional().at(0)}};
    for (const QCommandLineOption &o : valued) {
        const QString option = o.names().constFirst();
        if (!cl.isSet(option))
            continue;
        QString key = option;
        key.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (key == QLatin1String("max_in_flight") || key == QLatin1String("max_retries") || key == QLatin1String("max_tokens")
            || key == QLatin1String("rps") || key == QLatin1String("timeout_s") || key == QLatin1String("temperature")) {
            bool ok = false;
            const double v = cl.value(option).toDouble(&ok);
            if (!ok)
                return cl.usageError(QStringLiteral("--%1 needs a number").arg(option));
            j.insert(key, v);
        } else {
            j.insert(key, cl.value(option));
        }
    }
    if (cl.isSet(QStringLiteral("no-json-mode")))
        j.insert(QStringLiteral("json_mode"), false);
    if (cl.isSet(QStringLiteral("allow-insecure-http")))
        j.insert(QStringLiteral("allow_insecure_http"), true);
    Result<EndpointConfig> endpoint = EndpointConfig::fromJson(j);
    if (!endpoint)
        return fail(QStringLiteral("add"), endpoint.error());
    if (Error e = endpoint->checkTransport())
        return fail(QStringLiteral("add"), e);

    Result<UserEndpoints> user = UserEndpoints::load();
    if (!user)
        return fail(QStringLiteral("add"), user.error());
    if (user->endpoints().find(endpoint->name) && !cl.isSet(QStringLiteral("replace"))) {
        printErr(QStringLiteral("neuroonco endpoints add: you already have an endpoint '%1' in %2; use --replace to "
                                "change it")
                     .arg(endpoint->name, user->file()));
        return ExitFailure;
    }
    user->endpoints().upsert(*endpoint);
    if (Error e = user->save())
        return fail(QStringLiteral("add"), e);
    printOut(QStringLiteral("Added '%1' (%2) to %3").arg(endpoint->name, EndpointDirectory::describe(*endpoint), user->file()));
    if (!endpoint->apiKeyEnv.isEmpty() && qEnvironmentVariableIsEmpty(endpoint->apiKeyEnv.toLocal8Bit().constData()))
        printErr(QStringLiteral("note: $%1 is not set in this shell; set it before running a stage with this endpoint")
                     .arg(endpoint->apiKeyEnv));
    return ExitOk;
}

int cmdRemove(const QStringList &args)
{
    CommandLine cl(QStringLiteral("endpoints remove"), QStringLiteral("Remove an endpoint from your endpoints file."));
    cl.addPositional(QStringLiteral("NAME"), QStringLiteral("Endpoint name."));
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    Result<UserEndpoints> user = UserEndpoints::load();
    if (!user)
        return fail(QStringLiteral("remove"), user.error());
    if (!user->endpoints().remove(cl.positional().at(0))) {
        printErr(QStringLiteral("neuroonco endpoints remove: there is no endpoint '%1' in %2")
                     .arg(cl.positional().at(0), user->file()));
        return ExitFailure;
    }
    if (Error e = user->save())
        return fail(QStringLiteral("remove"), e);
    printOut(QStringLiteral("Removed '%1' from %2").arg(cl.positional().at(0), user->file()));
    return ExitOk;
}

int cmdTrust(const QStringList &args)
{
    CommandLine cl(QStringLiteral("endpoints trust"),
                   QStringLiteral("Let a project's own endpoints.json be used on this machine, after showing each "
                                  "endpoint's host and key variable. Any later edit of that file voids the trust."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("yes"), QStringLiteral("Trust without asking (required when not on a terminal).")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    QString root;
    if (!projectRoot(QStringLiteral("trust"), cl.positional().at(0), &root))
        return ExitFailure;
    Result<EndpointDirectory> d = EndpointDirectory::load(root);
    if (!d)
        return fail(QStringLiteral("trust"), d.error());
    switch (d->trustState()) {
    case ProjectTrustState::Unreadable:
        return fail(QStringLiteral("trust"), d->projectError());
    case ProjectTrustState::None:
        printOut(QStringLiteral("%1 has no endpoints of its own: nothing to trust.").arg(root));
        return ExitOk;
    case ProjectTrustState::Trusted:
        printOut(QStringLiteral("%1 is already trusted as it is (%2).").arg(d->projectFile(), d->user().trustFor(root)->trustedAt));
        return ExitOk;
    default:
        break;
    }
    if (d->trustState() == ProjectTrustState::Changed)
        printOut(QStringLiteral("You trusted an earlier version of this file on %1; it has changed since.")
                     .arg(d->user().trustFor(root)->trustedAt));
    const QList<EndpointConfig> &endpoints = d->projectEndpoints().endpoints();
    printOut(QStringLiteral("%1 lists %2 endpoint(s). Trusting it lets this project's stages send slices to these "
                            "hosts, with these keys:")
                 .arg(d->projectFile())
                 .arg(endpoints.size()));
    int nameWidth = 4, urlWidth = 8;
    for (const EndpointConfig &e : endpoints) {
        nameWidth = std::max(nameWidth, int(e.name.size()));
        urlWidth = std::max(urlWidth, int(e.baseUrl.size()));
    }
    for (const EndpointConfig &e : endpoints) {
        QString line = QStringLiteral("  %1  %2  host %3, %4")
                           .arg(e.name.leftJustified(nameWidth), e.baseUrl.leftJustified(urlWidth), e.host(),
                                e.apiKeyEnv.isEmpty() ? QStringLiteral("no key") : QStringLiteral("key from $") + e.apiKeyEnv);
        if (d->user().endpoints().find(e.name))
            line += QStringLiteral("  (unused: your own '%1' comes first)").arg(e.name);
        else if (Error t = e.checkTransport())
            line += QStringLiteral("  (refused anyway: plain http to another machine)");
        printOut(line);
    }
    if (!cl.isSet(QStringLiteral("yes"))) {
        if (!::isatty(fileno(stdin))) {
            printErr(QStringLiteral("neuroonco endpoints trust: not on a terminal; after checking the list above, "
                                    "confirm with --yes"));
            return ExitUsage;
        }
        QTextStream out(stdout);
        out << QStringLiteral("Trust these endpoints? [y/N] ") << Qt::flush;
        const QString answer = QTextStream(stdin).readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            printOut(QStringLiteral("Not trusted."));
            return ExitFailure;
        }
    }
    if (Error e = d->trustProject())
        return fail(QStringLiteral("trust"), e);
    printOut(QStringLiteral("Trusted; recorded in %1. Any edit of %2 voids it; '%3' withdraws it.")
                 .arg(d->user().file(), d->projectFile(),
                      QStringLiteral("neuroonco endpoints untrust ") + cl.positional().at(0)));
    return ExitOk;
}

int cmdUntrust(const QStringList &args)
{
    CommandLine cl(QStringLiteral("endpoints untrust"),
                   QStringLiteral("Withdraw the trust given to a project's own endpoints.json."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    // The folder may be gone already: withdrawing trust must still work.
    const QString root = ProjectTrust::identityOf(cl.positional().at(0));
    Result<EndpointDirectory> d = EndpointDirectory::load(root);
    if (!d)
        return fail(QStringLiteral("untrust"), d.error());
    Result<bool> removed = d->untrustProject();
    if (!removed)
        return fail(QStringLiteral("untrust"), removed.error());
    printOut(*removed ? QStringLiteral("%1 is no longer trusted.").arg(root)
                      : QStringLiteral("%1 was not trusted.").arg(root));
    return ExitOk;
}

void printEndpointsUsage()
{
    printOut(QStringLiteral(
        "Usage: neuroonco endpoints COMMAND [options]\n\n"
        "Your model endpoints live in your own file, not in projects:\n  %1\n"
        "(set NEUROONCO_ENDPOINTS to use another file). A project refers to endpoints by name; its own\n"
        "endpoints.json is used only once you trust it.\n\nCommands:\n"
        "  list [PROJECT]          your endpoints (and the project's, with their state)\n"
        "  show NAME [PROJECT]     one endpoint as JSON\n"
        "  add NAME --base-url URL --model MODEL [--api-key-env VARIABLE] …\n"
        "  remove NAME\n"
        "  trust PROJECT [--yes]   use the project's own endpoints.json (shows hosts and key variables)\n"
        "  untrust PROJECT\n\nEvery command takes --help.")
                 .arg(UserEndpoints::defaultPath()));
}

int cmdEndpoints(const QStringList &args)
{
    if (args.isEmpty()) {
        printEndpointsUsage();
        return ExitUsage;
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        printEndpointsUsage();
        return ExitOk;
    }
    const std::pair<const char *, int (*)(const QStringList &)> subs[] = {
        {"list", cmdList}, {"show", cmdShow}, {"add", cmdAdd}, {"remove", cmdRemove}, {"trust", cmdTrust}, {"untrust", cmdUntrust}};
    for (const auto &[name, run] : subs)
        if (sub == QLatin1String(name))
            return run(rest);
    printErr(QStringLiteral("neuroonco %1: unknown command '%2'. Try 'neuroonco endpoints --help'.").arg(kCommand, sub));
    return ExitUsage;
}

} // namespace

std::vector<CliCommand> endpointCommands()
{
    return {{kCommand, QStringLiteral("Your model endpoints; trust a project's own endpoint list"), cmdEndpoints}};
}

} // namespace neuroonco
