/// Cells padded into columns two spaces apart, for the tables printed on stderr.
enum TextTable {
    /// One line per row; the columns in `rightAligned` are padded on the left, the others on the right.
    static func lines(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
    }
}
