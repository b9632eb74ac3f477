/// Decides which requests get a fault: counts down `next`, then rolls a SplitMix64 generator seeded
/// from the options, so runs with the same seed fail at the same requests.
struct FaultDice {
    private var state: UInt64
    private var remaining: [String: Int] = [:]

    init(seed: UInt64) { state = seed }

    mutating func fires(_ name: String, _ rate: FaultRate) -> Bool {
        let left = remaining[name] ?? rate.next
        if left > 0 {
            remaining[name] = left - 1
            return true
        }
        remaining[name] = 0
        guard rate.share > 0 else { return false }
        return unit() < rate.share
    }

    private mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
