import CoopQL

/// The member rows of one organisation. This is the hot loop of the national data set (five
/// million rows), so it writes bytes prepared in advance and draws a handful of random numbers
/// per row; the sink is borrowed once per organisation, not once per field.
extension SampleSink {
    /// Writes `coop.members` rows numbered from `firstID`.
    ///
    /// The first rows are the managers: the chair; a director when the cooperative has nine
    /// members or more (in a smaller one the chair runs it); one supervisor, or a board of three
    /// from thirty members; an accountant from five. A cooperative group (tổ hợp tác) has only a
    /// leader, written as `chair`. A union's members are its member cooperatives, each row naming
    /// the person who represents one. Founders and managers joined on the founding day, the others
    /// on a day between it and `coop.joinedBy`.
    mutating func writeMembers(of coop: PlannedCoop, firstID: Int, contributions: [Int], asOfYear: Int,
                               pool: SampleNamePool, _ rng: inout SampleRandom) {
        let n = coop.members
        var roles = [Int](repeating: 0, count: min(n, 6))   // indexes into MemberCodes.roles
        if !roles.isEmpty { roles[0] = 1 }
        if coop.kind != .group {
            var next = 1
            func give(_ role: Int) { if next < roles.count { roles[next] = role; next += 1 } }
            if n >= 9 { give(2) }
            give(3)
            if n >= 30 { give(3); give(3) }
            if n >= 5 { give(4) }
        }
        let managers = roles.lastIndex { $0 != 0 }.map { $0 + 1 } ?? 0
        let founders = max(managers, min(n, coop.kind == .group ? 3 : 7))
        let femaleShare: Double = switch coop.sector {
        case .transport, .construction: 0.12
        case .handicraft: 0.58
        case .credit, .services, .commerce: 0.48
        default: 0.42
        }
        let span = max(0, Int(coop.joinedBy - coop.founded))
        let space = UInt8(ascii: " ")

        for k in 0..<n {
            let isManager = k < managers
            let female = rng.chance(isManager ? 0.26 : femaleShare)
            let joined = k < founders ? coop.founded : coop.founded + Int32(rng.below(span + 1))
            let joinedYear = SampleDay.year(joined)
            // Adults when they joined; managers somewhat older.
            let age = isManager ? rng.int(30...68) : rng.int(20...74)
            let birth = min(asOfYear - age, joinedYear - 18)

            int(firstID + k); comma()
            int(coop.id); comma()
            raw(pool.family(&rng)); buffer.append(space)
            if female {
                // Thị was the usual middle name of women born before the 1980s, less so since.
                let thi = birth < 1980 ? 0.75 : 0.4
                raw(rng.chance(thi) ? SampleNamePool.femaleMiddle[0] : rng.pick(SampleNamePool.femaleMiddle))
                buffer.append(space)
                raw(rng.pick(SampleNamePool.femaleGiven))
            } else {
                raw(rng.pick(SampleNamePool.maleMiddle)); buffer.append(space)
                raw(rng.pick(SampleNamePool.maleGiven))
            }
            comma()
            raw(female ? MemberCodes.female : MemberCodes.male); comma()
            int(birth); comma()
            date(joined); comma()
            raw(MemberCodes.roles[k < roles.count ? roles[k] : 0]); comma()
            if isManager {
                raw(MemberCodes.education[Self.draw(MemberCodes.managerEducation, MemberCodes.managerEducationTotal, &rng)])
            } else if !rng.chance(0.04) {
                // A few members' schooling is not on record: null.
                raw(MemberCodes.education[Self.draw(MemberCodes.memberEducation, MemberCodes.memberEducationTotal, &rng)])
            }
            comma()
            int(contributions[k])
            endRow()
        }
    }

    @inline(__always)
    private static func draw(_ weights: [Int], _ total: Int, _ rng: inout SampleRandom) -> Int {
        var r = rng.below(total)
        var i = 0
        while r >= weights[i] { r -= weights[i]; i += 1 }
        return i
    }
}
