internal import CYaml

/// How many nodes a YAML text stands for once every alias is expanded, counted from the
/// parser's events before anything is built from them.
///
/// An alias costs nothing to write and can stand for a node of any size, and aliases of aliases
/// multiply: a few hundred bytes can stand for billions of nodes, and an 18 KB glossary of
/// aliases took 30 s and 348 MB to read. YAML's composer (Yams) shares aliased nodes, but hashing
/// a mapping's keys and everything that walks the tree afterwards pays for the expanded size.
/// The count here is linear in the text: each anchored node's expanded size is remembered, and
/// an alias adds it.
enum YAMLSize {
    /// Expanded nodes allowed per byte of the text, beyond ``baseNodes``. Without aliases a
    /// node takes at least one byte, so no ordinary file comes near it.
    static let nodesPerByte = 4
    /// Nodes allowed for any text, however short.
    static let baseNodes = 10_000

    /// The most nodes a text of `byteCount` bytes may expand to.
    static func limit(byteCount: Int) -> Int { baseNodes + nodesPerByte * byteCount }

    /// Whether the text's documents expand to more than `limit` nodes (counting stops there).
    /// False for a text that does not parse: the composer then says why.
    static func exceeds(_ text: String, limit: Int) -> Bool {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return false }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Bool in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchors: [String: Int] = [:]
            // The nodes counted so far inside each open sequence or mapping, with its anchor.
            var open: [(anchor: String?, nodes: Int)] = []
            var total = 0
            // Adds a finished node of `nodes` to its parent, or to the total; false past the limit.
            func add(_ nodes: Int) -> Bool {
                if open.isEmpty {
                    total += nodes
                    return total <= limit
                }
                open[open.count - 1].nodes += nodes
                return open[open.count - 1].nodes <= limit
            }
            func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                anchor.map { String(cString: $0) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return false }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return false
                case YAML_SCALAR_EVENT:
                    if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
                    guard add(1) else { return true }
                case YAML_ALIAS_EVENT:
                    guard add(name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1) else { return true }
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let node = open.popLast() else { return false }
                    if let anchor = node.anchor { anchors[anchor] = node.nodes }
                    guard add(node.nodes) else { return true }
                default:
                    break
                }
            }
        }
    }
}
