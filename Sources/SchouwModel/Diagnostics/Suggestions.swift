/// "Did you mean" suggestions by edit distance, for unknown keys, enum values and references.
public enum Suggestions {
    /// The closest candidate to `word`, if it is close enough to be a plausible typo.
    ///
    /// Uses the optimal string alignment distance (Levenshtein plus adjacent transpositions, so
    /// `telplatfrom` is one edit from `telplatform`). The threshold grows with the word length.
    public static func closest<C: Sequence>(to word: String, in candidates: C) -> String? where C.Element == String {
        let target = Array(word.lowercased().utf8)
        let limit = max(1, min(4, target.count / 3 + 1))
        var best: (String, Int)?
        for candidate in candidates {
            let bytes = Array(candidate.lowercased().utf8)
            if abs(bytes.count - target.count) > limit { continue }
            let d = distance(target, bytes, limit: limit)
            if d <= limit, d < (best?.1 ?? Int.max) || (d == best?.1 && candidate < (best?.0 ?? "")) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// A hint text: "did you mean `x`?" or nil.
    public static func didYouMean<C: Sequence>(_ word: String, in candidates: C) -> String? where C.Element == String {
        closest(to: word, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// Optimal string alignment distance; returns early with `limit + 1` once it cannot be within limit.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prevPrev = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, prevPrev[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return limit + 1 }
            (prevPrev, prev, current) = (prev, current, prevPrev)
        }
        return prev[b.count]
    }
}
