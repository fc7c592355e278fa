// Multi-index hashing: build and radius query.
#include "core/dedup/HammingIndex.h"

#include "core/imaging/ImageHash.h"

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
    // Counting sort of the ids by chunk value, per table.
    for (int t = 0; t < 4; ++t) {
        std::vector<std::uint32_t> &start = m_start[t];
        start.assign(65537, 0);
        for (std::uint64_t code : m_codes)
            ++start[chunk(code, t) + 1];
        for (size_t v = 1; v < start.size(); ++v)
            start[v] += start[v - 1];
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        m_ids[t].resize(m_codes.size());
        for (int i = 0; i < int(m_codes.size()); ++i)
            m_ids[t][fill[chunk(m_codes[size_t(i)], t)]++] = i;
    }
}

std::vector<int> HammingIndex::query(std::uint64_t code, int radius) const
{
    std::vector<int> out;
    const int perChunk = radius / 4;
    for (int t = 0; t < 4; ++t) {
        const std::vector<std::uint32_t> &start = m_start[t];
        const std::vector<int> &ids = m_ids[t];
        forNeighbours(chunk(code, t), perChunk, 0, [&](std::uint32_t value) {
            for (std::uint32_t k = start[value]; k < start[value + 1]; ++k) {
                const int i = ids[k];
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
