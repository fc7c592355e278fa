// Question and instruction wording (resources/config/stems.json): closed stems per question
// type, open question templates per slot, and the instruction prefixes and answer-format lines.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace neuroonco {

class StemPool
{
public:
    static const StemPool &instance();

    // Empty list when the key is unknown.
    QStringList closed(const QString &key) const { return m_closed.value(key); }
    QStringList open(const QString &key) const { return m_open.value(key); }
    QStringList instructions(const QString &key) const { return m_instructions.value(key); }
    QStringList closedKeys() const { return m_closed.keys(); }

private:
    StemPool();
    QHash<QString, QStringList> m_closed;
    QHash<QString, QStringList> m_open;
    QHash<QString, QStringList> m_instructions;
};

} // namespace neuroonco
