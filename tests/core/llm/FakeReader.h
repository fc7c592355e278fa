// A deterministic stand-in for a multimodal model reading an MRI slice: the same image always
// gets the same structured reading (vocabulary of DESIGN §4), rendered as plain JSON, a fenced
// block or chatty prose, the three reply styles real models produce.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace neuroonco::test {

class FakeReader
{
public:
    enum class Style
    {
        Json,
        Fenced,
        Chatty
    };

    // meta_info {predicted_modality, predicted_location, lesion_found} and structured_signs
    // {shape, margins, texture, enhancement, edema, signal_intensity}, chosen by the image hash.
    static QJsonObject readingFor(const QByteArray &image);
    static QString render(const QJsonObject &reading, Style style);
    static std::optional<Style> styleFromName(const QString &name);
};

} // namespace neuroonco::test
