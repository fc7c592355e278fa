// Multi-index hashing for 64-bit codes: four tables keyed by 16-bit chunks. A query within
// radius r probes every chunk value within floor(r/4) bits; by the pigeonhole principle any
// code within r of the query agrees that closely on at least one chunk, so no match is missed
// and no all-pairs scan is needed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace neuroonco {

class HammingIndex
{
public:
    explicit HammingIndex(std::vector<std::uint64_t> codes);

    // Indices (into the constructor's vector) of codes within `radius` of `code`, sorted.
    std::vector<int> query(std::uint64_t code, int radius) const;
    std::size_t size() const { return m_codes.size(); }

private:
    // One table per chunk, stored compressed: the ids with chunk value v are
    // m_ids[t][m_start[t][v] .. m_start[t][v + 1]). Direct addressing keeps a probe to two loads.
    std::vector<std::uint64_t> m_codes;
    std::vector<std::uint32_t> m_start[4];
    std::vector<int> m_ids[4];
};

} // namespace neuroonco
