/// Positions grouped by a class (a word, a pair of words): the positions of class `c` are
/// `members[start[c]..<start[c + 1]]`, ascending. Two flat arrays rather than an array per
/// class, because the chain has hundreds of thousands of classes and jumps between them
/// for every word it writes.
struct PositionGroups {
    let start: [Int32]
    let members: [Int32]

    /// `classes[position]` is the class of each position, -1 for none.
    init(classes: [Int32], classCount: Int) {
        var start = [Int32](repeating: 0, count: classCount + 1)
        for group in classes where group >= 0 { start[Int(group) + 1] += 1 }
        for index in start.indices.dropFirst() { start[index] += start[index - 1] }
        var members = [Int32](repeating: 0, count: Int(start[classCount]))
        var fill = start
        for (position, group) in classes.enumerated() where group >= 0 {
            members[Int(fill[Int(group)])] = Int32(position)
            fill[Int(group)] += 1
        }
        self.start = start
        self.members = members
    }
}
