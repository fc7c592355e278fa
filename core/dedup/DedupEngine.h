// Finds exact and near duplicates among samples and picks the one to keep in each cluster
// (DESIGN.md §3.3). Pure computation on value types: the dedup stage feeds it from the database.
#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace neuroonco {

struct DedupEntry
{
    qint64 id = 0;
    QString pixelHash;
    std::uint64_t dHash = 0;
    std::uint64_t pHash = 0;
    std::array<std::uint64_t, 4> fine{};
    QString volume;    // slices of one volume are never duplicates of each other
    QString modality;  // two different known modalities are never duplicates
    // Keep-policy attributes.
    bool hasMask = false;
    bool specificType = false;
    qint64 pixels = 0;
    int sourcePriority = 100;
};

// A near duplicate must be close on the perceptual hashes: the 64-bit pHash finds candidates
// through the index and dHash screens them; a fine (256-bit) distance within `fineRadius`
// confirms one outright, one within `verifyRadius` is confirmed only if `verify` (an image
// alignment, say) agrees.
struct DedupOptions
{
    int pHashRadius = 11;
    int dHashRadius = 16;
    int fineRadius = 24;
    int verifyRadius = 96;
    // Called from worker threads with indices into the entries; must be thread-safe.
    std::function<bool(int, int)> verify;
    int threads = 0; // index queries run in parallel; 0 = all cores
};

struct DedupMember
{
    qint64 id = 0;
    bool keeper = false;
    QString kind;      // exact | near (relative to the keeper); empty for the keeper
    int distance = 0;  // pHash distance to the keeper
};

struct DedupCluster
{
    std::vector<DedupMember> members; // keeper first
    QString kind;                     // exact when every member has the keeper's pixels
};

struct DedupResult
{
    std::vector<DedupCluster> clusters;
    qint64 exactPairs = 0;   // pairs found by the pixel hash
    qint64 nearPairs = 0;    // further pairs found by the perceptual hashes
    qint64 candidatesChecked = 0;
    qint64 verified = 0;     // candidates sent to the verifier
    qint64 confirmed = 0;    // … and confirmed by it
};

class DedupEngine
{
public:
    static DedupResult run(const std::vector<DedupEntry> &entries, const DedupOptions &options);
    // True when `a` should be kept over `b` (has mask > known modality > specific type >
    // larger image > source priority > older sample).
    static bool preferred(const DedupEntry &a, const DedupEntry &b);
};

} // namespace neuroonco
