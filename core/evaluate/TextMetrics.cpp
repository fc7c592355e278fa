// Tokens become small integers; n-grams are compared as sorted arrays of ids, so clipped
// counts are the size of a multiset intersection (one merge, no hashing).
#include "core/evaluate/TextMetrics.h"

#include <QSet>
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace neuroonco {

namespace {

using Gram = std::array<int, 4>;

// Small integer ids for the tokens of two texts (equal tokens, equal ids), by sorting: for
// sentence-sized texts this is several times faster than a hash table.
void ids(const QStringList &a, const QStringList &b, std::vector<int> *idsA, std::vector<int> *idsB)
{
    std::vector<std::pair<QStringView, size_t>> all;
    all.reserve(size_t(a.size() + b.size()));
    for (const QString &t : a)
        all.emplace_back(QStringView(t), all.size());
    for (const QString &t : b)
        all.emplace_back(QStringView(t), all.size());
    std::sort(all.begin(), all.end(),
              [](const auto &x, const auto &y) { return x.first < y.first; });
    std::vector<int> out(all.size());
    int id = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        if (i == 0 || all[i].first != all[i - 1].first)
            ++id;
        out[all[i].second] = id;
    }
    idsA->assign(out.begin(), out.begin() + a.size());
    idsB->assign(out.begin() + a.size(), out.end());
}

std::vector<Gram> grams(const std::vector<int> &ids, int n)
{
    std::vector<Gram> out;
    if (int(ids.size()) < n)
        return out;
    out.reserve(ids.size() - size_t(n) + 1);
    for (size_t i = 0; i + size_t(n) <= ids.size(); ++i) {
        Gram g{0, 0, 0, 0};
        for (int k = 0; k < n; ++k)
            g[size_t(k)] = ids[i + size_t(k)];
        out.push_back(g);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Size of the multiset intersection of two sorted lists: the clipped match count.
qint64 clippedMatches(const std::vector<Gram> &a, const std::vector<Gram> &b)
{
    qint64 n = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++n;
            ++i;
            ++j;
        }
    }
    return n;
}

bool isIdeograph(QChar c)
{
    return c.script() == QChar::Script_Han || c.script() == QChar::Script_Hiragana ||
           c.script() == QChar::Script_Katakana;
}

} // namespace

QStringList TextMetrics::tokens(const QString &text)
{
    QStringList out;
    const qsizetype n = text.size();
    const QChar *data = text.constData();
    auto isWordChar = [](QChar c) {
        const char16_t u = c.unicode();
        if (u < 128)
            return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        return c.isLetterOrNumber();
    };
    auto isDigit = [](QChar c) {
        return c.unicode() < 128 ? (c.unicode() >= u'0' && c.unicode() <= u'9') : c.isDigit();
    };
    qsizetype start = -1;
    auto flush = [&](qsizetype end) {
        if (start >= 0)
            out << QString(data + start, end - start).toLower();
        start = -1;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = data[i];
        if (c.unicode() >= 0x2E80 && isIdeograph(c)) {
            // Scripts without spaces between words: one token per character.
            flush(i);
            out << QString(c);
            continue;
        }
        if (isWordChar(c)) {
            if (start < 0)
                start = i;
            continue;
        }
        // A decimal point between digits stays in the number.
        if (c == QLatin1Char('.') && start >= 0 && isDigit(data[i - 1]) && i + 1 < n &&
            isDigit(data[i + 1]))
            continue;
        flush(i);
    }
    flush(n);
    return out;
}

double TextMetrics::bleu4(const QStringList &candidate, const QStringList &reference)
{
    if (candidate.isEmpty() || reference.isEmpty())
        return 0;
    std::vector<int> c, r;
    ids(candidate, reference, &c, &r);
    double logSum = 0;
    for (int n = 1; n <= 4; ++n) {
        const std::vector<Gram> cg = grams(c, n);
        const std::vector<Gram> rg = grams(r, n);
        const qint64 matches = clippedMatches(cg, rg);
        if (n == 1 && matches == 0)
            return 0;
        const double total = double(std::max<size_t>(1, cg.size()));
        const double p = matches > 0 ? double(matches) / total : kBleuEpsilon / total;
        logSum += 0.25 * std::log(p);
    }
    const double cl = double(c.size()), rl = double(r.size());
    const double brevity = cl > rl ? 1.0 : std::exp(1.0 - rl / cl);
    return brevity * std::exp(logSum);
}

double TextMetrics::bleu4(const QString &candidate, const QString &reference)
{
    return bleu4(tokens(candidate), tokens(reference));
}

RougeScore TextMetrics::rougeL(const QStringList &candidate, const QStringList &reference)
{
    RougeScore s;
    if (candidate.isEmpty() || reference.isEmpty())
        return s;
    std::vector<int> c, r;
    ids(candidate, reference, &c, &r);
    // LCS length with two rows.
    std::vector<int> previous(r.size() + 1, 0), row(r.size() + 1, 0);
    for (size_t i = 1; i <= c.size(); ++i) {
        for (size_t j = 1; j <= r.size(); ++j)
            row[j] = c[i - 1] == r[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], row[j - 1]);
        std::swap(previous, row);
    }
    const double lcs = double(previous[r.size()]);
    if (lcs == 0)
        return s;
    s.precision = lcs / double(c.size());
    s.recall = lcs / double(r.size());
    s.f = 2 * s.precision * s.recall / (s.precision + s.recall);
    return s;
}

RougeScore TextMetrics::rougeL(const QString &candidate, const QString &reference)
{
    return rougeL(tokens(candidate), tokens(reference));
}

std::optional<double> TextMetrics::keywordRecall(const QString &answer, const QStringList &keywords,
                                                 QStringList *found)
{
    const QStringList words = tokens(answer);
    QSet<QString> seen;
    int total = 0, hits = 0;
    for (const QString &keyword : keywords) {
        const QStringList k = tokens(keyword);
        if (k.isEmpty())
            continue;
        const QString key = k.join(QLatin1Char(' '));
        if (seen.contains(key))
            continue;
        seen.insert(key);
        ++total;
        bool hit = false;
        for (qsizetype i = 0; !hit && i + k.size() <= words.size(); ++i) {
            hit = true;
            for (qsizetype j = 0; hit && j < k.size(); ++j)
                hit = words.at(i + j) == k.at(j);
        }
        if (hit) {
            ++hits;
            if (found)
                *found << keyword;
        }
    }
    if (total == 0)
        return std::nullopt;
    return double(hits) / double(total);
}

} // namespace neuroonco
