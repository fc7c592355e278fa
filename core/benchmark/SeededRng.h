// Deterministic randomness for benchmark and instruction generation: every choice is drawn
// from a generator seeded by (run seed, sample, purpose), so a sample's items do not depend on
// the order samples are processed in, on threads, or on a resumed run.
#pragma once

#include <QString>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace neuroonco {

class SeededRng
{
public:
    SeededRng(std::uint64_t seed, std::uint64_t stream, const QString &purpose)
    {
        // xoshiro256** seeded through splitmix64: cheap to create (one per question), and the
        // same sequence on every platform and standard library.
        std::uint64_t x = mix(mix(seed ^ 0x9e3779b97f4a7c15ULL) ^
                              mix(stream + 0x632be59bd9b4e019ULL) ^ hash(purpose));
        for (std::uint64_t &word : m_state) {
            x += 0x9e3779b97f4a7c15ULL;
            word = mix(x);
        }
    }

    // Stable across runs and platforms (qHash is seeded per process in some configurations).
    static std::uint64_t hash(const QString &text)
    {
        std::uint64_t h = 1469598103934665603ULL;
        for (QChar c : text) {
            h ^= c.unicode();
            h *= 1099511628211ULL;
        }
        return h;
    }

    static std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, n).
    int below(int n)
    {
        if (n <= 1)
            return 0;
        return int(next() % std::uint64_t(n));
    }

    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

    template<typename T> void shuffle(std::vector<T> &v)
    {
        for (size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[size_t(below(int(i)))]);
    }

    template<typename List> const typename List::value_type &pick(const List &list)
    {
        return list.at(below(int(list.size())));
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4] = {};
};

} // namespace neuroonco
