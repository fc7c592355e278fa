// Multi-index hashing: build and radius query.
#include "dedup/HammingIndex.h"

#include "dedup/ImageHash.h"

#include <algorithm>

namespace neuroonco {

namespace {
inline std::uint32_t chunk(std::uint64_t code, int t)
{
    return std::uint32_t((code >> (16 * t)) & 0xffff);
}

// Calls f(value) for every 16-bit value within `radius` bits of `base`.
template<typename F>
void forNeighbours(std::uint32_t base, int radius, int firstBit, F &&f)
{
    f(base);
    if (radius == 0)
        return;
    for (int b = firstBit; b < 16; ++b)
        forNeighbours(base ^ (1u << b), radius - 1, b + 1, f);
}
} // namespace

HammingIndex::HammingIndex(std::vector<std::uint64_t> codes)
    : m_codes(std::move(codes))
{
    for (auto &table : m_tables)
        table.reserve(m_codes.size() * 2);
    for (int i = 0; i < int(m_codes.size()); ++i)
        for (int t = 0; t < 4; ++t)
            m_tables[t][chunk(m_codes[size_t(i)], t)].push_back(i);
}

std::vector<int> HammingIndex::query(std::uint64_t code, int radius) const
{
    std::vector<int> out;
    const int perChunk = radius / 4;
    for (int t = 0; t < 4; ++t) {
        forNeighbours(chunk(code, t), perChunk, 0, [&](std::uint32_t value) {
            auto it = m_tables[t].find(value);
            if (it == m_tables[t].end())
                return;
            for (int i : it->second) {
                if (imagehash::hamming(m_codes[size_t(i)], code) <= radius)
                    out.push_back(i);
            }
        });
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace neuroonco
