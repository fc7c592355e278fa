// Image-hash-keyed fake readings.
#include "FakeReader.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QStringList>

namespace neuroonco::test {

QJsonObject FakeReader::readingFor(const QByteArray &image)
{
    const QByteArray h = QCryptographicHash::hash(image, QCryptographicHash::Sha1);
    auto pick = [&h](int byte, const QStringList &values) -> QJsonValue {
        const QString v = values.at(int(quint8(h.at(byte))) % values.size());
        return v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
    };
    const bool lesion = !image.isEmpty() && quint8(h.at(0)) % 8 != 0;
    const QJsonValue modality = pick(1, {QStringLiteral("T1"), QStringLiteral("T2"),
                                         QStringLiteral("FLAIR"), QStringLiteral("T1_Contrast")});
    QJsonObject meta{{QStringLiteral("predicted_modality"), modality},
                     {QStringLiteral("predicted_location"),
                      lesion
                          ? pick(2, {QStringLiteral("Upper-Left"), QStringLiteral("Upper-Center"),
                                     QStringLiteral("Upper-Right"), QStringLiteral("Center-Left"),
                                     QStringLiteral("Center"), QStringLiteral("Center-Right"),
                                     QStringLiteral("Lower-Left"), QStringLiteral("Lower-Center"),
                                     QStringLiteral("Lower-Right")})
                          : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("lesion_found"), lesion}};
    QJsonObject signs;
    const QString keys[] = {QStringLiteral("shape"),   QStringLiteral("margins"),
                            QStringLiteral("texture"), QStringLiteral("enhancement"),
                            QStringLiteral("edema"),   QStringLiteral("signal_intensity")};
    if (lesion) {
        const bool contrast = modality.toString() == QLatin1String("T1_Contrast");
        const bool fluid = modality.toString() == QLatin1String("T2") ||
                           modality.toString() == QLatin1String("FLAIR");
        signs.insert(keys[0], pick(3, {QStringLiteral("Round"), QStringLiteral("Oval"),
                                       QStringLiteral("Irregular"), QStringLiteral("Lobulated")}));
        signs.insert(keys[1], pick(4, {QStringLiteral("Well-circumscribed"),
                                       QStringLiteral("Ill-defined"), QString()}));
        signs.insert(keys[2],
                     pick(5, {QStringLiteral("Homogeneous"), QStringLiteral("Heterogeneous")}));
        signs.insert(keys[3], contrast ? pick(6, {QStringLiteral("Solid"), QStringLiteral("Ring"),
                                                  QStringLiteral("Patchy")})
                                       : QJsonValue(QJsonValue::Null));
        signs.insert(keys[4], fluid ? pick(7, {QStringLiteral("Mild"), QStringLiteral("Extensive"),
                                               QString()})
                                    : QJsonValue(QJsonValue::Null));
        signs.insert(keys[5],
                     pick(8, {QStringLiteral("Hyperintense"), QStringLiteral("Hypointense"),
                              QStringLiteral("Isointense"), QStringLiteral("Mixed")}));
    } else {
        for (const QString &k : keys)
            signs.insert(k, QJsonValue::Null);
    }
    return QJsonObject{{QStringLiteral("meta_info"), meta},
                       {QStringLiteral("structured_signs"), signs}};
}

QString FakeReader::render(const QJsonObject &reading, Style style)
{
    switch (style) {
    case Style::Json:
        return QString::fromUtf8(QJsonDocument(reading).toJson(QJsonDocument::Compact));
    case Style::Fenced:
        return QStringLiteral("```json\n") +
               QString::fromUtf8(QJsonDocument(reading).toJson(QJsonDocument::Indented)) +
               QStringLiteral("```");
    case Style::Chatty:
        return QStringLiteral("Sure! Here's my reading of the slice: ") +
               QString::fromUtf8(QJsonDocument(reading).toJson(QJsonDocument::Indented)) +
               QStringLiteral("\nLet me know if you'd like more detail.");
    }
    return {};
}

std::optional<FakeReader::Style> FakeReader::styleFromName(const QString &name)
{
    if (name == QLatin1String("json"))
        return Style::Json;
    if (name == QLatin1String("fenced"))
        return Style::Fenced;
    if (name == QLatin1String("chatty"))
        return Style::Chatty;
    return std::nullopt;
}

} // namespace neuroonco::test
