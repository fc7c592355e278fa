// neuroonco-fake-llm: the fake chat server as a program, for manual runs of the extract stage
// and for benchmarks against a local endpoint. Answers are deterministic per image.
#include "FakeChatServer.h"
#include "FakeExaminee.h"
#include "FakeReader.h"
#include "FaultPlan.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

using namespace neuroonco::test;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("neuroonco-fake-llm"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local OpenAI-compatible /v1/chat/completions server with deterministic "
                       "per-image readings."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("TCP port on 127.0.0.1 (0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption delayOption(QStringLiteral("delay-ms"),
                                         QStringLiteral("Latency added to every answer."),
                                         QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault-rate"),
        QStringLiteral("Share of requests answered with a fault (429, 5xx, resets, bad bodies)."),
        QStringLiteral("F"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Seed of the fault plan."),
                                        QStringLiteral("N"), QStringLiteral("42"));
    const QCommandLineOption modeOption(QStringLiteral("mode"),
                                        QStringLiteral("Reply style: json, fenced or chatty."),
                                        QStringLiteral("MODE"), QStringLiteral("json"));
    const QCommandLineOption noJsonModeOption(
        QStringLiteral("reject-json-mode"),
        QStringLiteral(
            "Answer 400 to requests with response_format, like servers without JSON mode."));
    const QCommandLineOption examineeOption(
        QStringLiteral("examinee"),
        QStringLiteral(
            "Take benchmark questions instead of reading signs: always-a, always-e or refuse "
            "(for trying `neuroonco evaluate` by hand)."),
        QStringLiteral("PERSONA"));
    parser.addOptions({portOption, delayOption, faultOption, seedOption, modeOption,
                       noJsonModeOption, examineeOption});
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "--port: expected 0..65535\n";
        return 2;
    }
    const int delayMs = parser.value(delayOption).toInt(&ok);
    if (!ok || delayMs < 0) {
        err << "--delay-ms: expected a non-negative whole number\n";
        return 2;
    }
    const double faultRate = parser.value(faultOption).toDouble(&ok);
    if (!ok || faultRate < 0 || faultRate > 1) {
        err << "--fault-rate: expected a number between 0 and 1\n";
        return 2;
    }
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        err << "--seed: expected a whole number\n";
        return 2;
    }
    const std::optional<FakeReader::Style> style =
        FakeReader::styleFromName(parser.value(modeOption));
    if (!style) {
        err << "--mode: expected json, fenced or chatty\n";
        return 2;
    }
    const bool rejectJsonMode = parser.isSet(noJsonModeOption);
    std::optional<FakeExaminee::Persona> examinee;
    if (parser.isSet(examineeOption)) {
        examinee = FakeExaminee::personaFromModel(parser.value(examineeOption));
        if (!examinee || (*examinee != FakeExaminee::Persona::AlwaysA &&
                          *examinee != FakeExaminee::Persona::AlwaysE &&
                          *examinee != FakeExaminee::Persona::Refuse)) {
            err << "--examinee: expected always-a, always-e or refuse\n";
            return 2;
        }
    }

    FakeChatServer server;
    server.setRecording(false); // runs for hours in benchmarks: count, do not store
    const FaultPlan plan(faultRate, seed);
    server.setRule([plan, delayMs, style, rejectJsonMode, examinee](const QJsonObject &request,
                                                                    int index) {
        if (rejectJsonMode && request.contains(QStringLiteral("response_format")))
            return FakeReply::rejectResponseFormat().withDelay(delayMs);
        if (std::optional<FakeReply> fault = plan.replyAt(index))
            return fault->withDelay(delayMs);
        if (examinee)
            return FakeReply::json(FakeExaminee().answerText(*examinee, request))
                .withDelay(delayMs);
        const QJsonObject reading = FakeReader::readingFor(RecordedRequest::imageBytesOf(request));
        return FakeReply::json(FakeReader::render(reading, *style)).withDelay(delayMs);
    });
    if (!server.start(quint16(port))) {
        err << "cannot listen on 127.0.0.1:" << port << "\n";
        return 1;
    }
    QTextStream out(stdout);
    out << server.url().toString() << Qt::endl;
    return app.exec();
}
