/// A sequence stored with a gap at the place it was last edited, as editors keep a long line: an
/// insert or delete at the gap moves nothing, and moving the gap moves only what lies between its
/// old and new place. Typing goes on at one place, so a key costs the same in a line of a
/// megabyte as in a short one (a `String` moves everything after the edit, every key).
struct GapBuffer<Element: BitwiseCopyable & Sendable>: Sendable {
    private var storage: [Element]
    /// Logical index of the gap; storage[gapStart..<gapEnd] holds nothing.
    private(set) var gapStart: Int
    private var gapEnd: Int

    init(_ elements: some Collection<Element>, filler: Element) {
        storage = Array(elements)
        gapStart = storage.count
        gapEnd = storage.count
        self.filler = filler
        grow(by: Self.spare(storage.count))
    }

    /// What fills the gap (storage must be initialised).
    private let filler: Element

    var count: Int { storage.count - (gapEnd - gapStart) }

    subscript(i: Int) -> Element { storage[i < gapStart ? i : i + gapEnd - gapStart] }

    /// Room left for the gap when it is made again: an eighth of the content, so regrowing (which
    /// copies everything) happens once per that many inserted elements.
    private static func spare(_ n: Int) -> Int { max(64, n / 8) }

    /// Moves the gap to logical index `p`; `crossing` is applied to each element that passes from
    /// one side of it to the other.
    mutating func moveGap(to p: Int, crossing: ((inout Element) -> Void)? = nil) {
        precondition(p >= 0 && p <= count)
        guard p != gapStart else { return }
        let gap = gapEnd - gapStart
        let n = abs(p - gapStart)
        WorkCounter.moved?.count += n
        storage.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            if p < gapStart {
                // [p, gapStart) moves to just before gapEnd.
                (base + p + gap).update(from: base + p, count: n)
                if let crossing { for i in (p + gap)..<(gapStart + gap) { crossing(&base[i]) } }
            } else {
                // [gapEnd, gapEnd + n) moves to gapStart.
                (base + gapStart).update(from: base + gapEnd, count: n)
                if let crossing { for i in gapStart..<(gapStart + n) { crossing(&base[i]) } }
            }
        }
        gapStart = p
        gapEnd = p + gap
    }

    /// Replaces the logical range `r` with `new`, leaving the gap just after the inserted
    /// elements. Elements after the gap that the move crosses get `crossing`.
    mutating func replace(_ r: Range<Int>, with new: some Collection<Element>, crossing: ((inout Element) -> Void)? = nil) {
        moveGap(to: r.upperBound, crossing: crossing)
        gapStart = r.lowerBound          // the removed elements join the gap
        let k = new.count
        if gapEnd - gapStart < k { grow(by: k + Self.spare(count + k)) }
        storage.withUnsafeMutableBufferPointer { buf in
            var i = gapStart
            for e in new { buf[i] = e; i += 1 }
        }
        gapStart += k
    }

    /// Makes the gap `extra` larger (copies everything once).
    private mutating func grow(by extra: Int) {
        WorkCounter.moved?.count += count
        var bigger = [Element](repeating: filler, count: storage.count + extra)
        bigger.withUnsafeMutableBufferPointer { dst in
            storage.withUnsafeBufferPointer { src in
                let d = dst.baseAddress!, s = src.baseAddress!
                d.update(from: s, count: gapStart)
                (d + gapEnd + extra).update(from: s + gapEnd, count: storage.count - gapEnd)
            }
        }
        storage = bigger
        gapEnd += extra
    }

    /// The elements of logical range `r`, contiguous: copied when `r` spans the gap.
    func withContiguous<R>(_ r: Range<Int>, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        storage.withUnsafeBufferPointer { buf in
            let gap = gapEnd - gapStart
            if r.upperBound <= gapStart { return body(UnsafeBufferPointer(rebasing: buf[r])) }
            if r.lowerBound >= gapStart { return body(UnsafeBufferPointer(rebasing: buf[(r.lowerBound + gap)..<(r.upperBound + gap)])) }
            let joined = Array(buf[r.lowerBound..<gapStart]) + buf[gapEnd..<(r.upperBound + gap)]
            return joined.withUnsafeBufferPointer(body)
        }
    }

    /// Everything from logical index `p` to the end, contiguous: the gap is moved to `p` first.
    mutating func withContiguous<R>(from p: Int, crossing: ((inout Element) -> Void)? = nil, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        moveGap(to: p, crossing: crossing)
        return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[gapEnd...])) }
    }

    /// Copies every element, in order, to the start of `dst` (which has room); returns how many.
    func copy(into dst: UnsafeMutableBufferPointer<Element>) -> Int {
        storage.withUnsafeBufferPointer { src in
            let d = dst.baseAddress!, s = src.baseAddress!
            d.update(from: s, count: gapStart)
            (d + gapStart).update(from: s + gapEnd, count: storage.count - gapEnd)
        }
        return count
    }

    /// Where the storage is (tests check that an edit does not copy it).
    var storageAddress: Int { storage.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } }
}

extension GapBuffer<UInt8> {
    init(_ text: String) { self.init(text.utf8, filler: 0) }

    /// The text of byte range `r` (UTF-8 offsets that fall on Character boundaries).
    func string(_ r: Range<Int>) -> String {
        withContiguous(r) { String(decoding: $0, as: UTF8.self) }
    }

    var string: String { String(unsafeUninitializedCapacity: count) { copy(into: $0) } }
}
