/// Reads one YAML mapping against an `ObjectSchema`, reporting every problem to a `DiagnosticSink`.
///
/// On creation it checks the whole mapping: unknown keys (with a "did you mean"), duplicate keys,
/// wrong types, values outside an enum, bad ids, durations, dates and country codes, and missing
/// required keys. The typed accessors then return only values that passed, so a caller never sees
/// a wrong value and never reports one twice. A null value counts as absent (*unknown*).
///
/// Rule, waiver and other loaders use it with schemas of their own:
/// ```swift
/// let reader = MappingReader(node, schema: WaiverLoader.schema, sink: sink)
/// let expires = reader.date("expires")
/// ```
public struct MappingReader {
    public let node: YAMLNode
    public let schema: ObjectSchema
    public let sink: DiagnosticSink
    /// Per schema field, the index of its checked value node, or -1 when absent or invalid.
    private var values: FieldSlots
    /// Per enum field, the position of the matched value in the allowed list (saves a String and a lookup).
    private var enumPositions: FieldSlots

    /// Checks `node` against `schema`. Set `checkRequired` to false for partial objects (included files).
    public init(_ node: YAMLNode, schema: ObjectSchema, sink: DiagnosticSink, checkRequired: Bool = true) {
        self.node = node; self.schema = schema; self.sink = sink
        values = FieldSlots(count: schema.fields.count, value: -1)
        enumPositions = FieldSlots(count: schema.fields.count, value: -1)
        guard node.kind == .mapping else {
            if !node.isNull {
                sink.error("expected a mapping (\(schema.kind)), found \(node.typeDescription)", at: node,
                           hint: "write `key: value` pairs indented under this key")
            }
            return
        }
        // Line of the first occurrence of each field's key; 0 = not seen.
        var seenLine = FieldSlots(count: schema.fields.count, value: 0)
        var values = self.values
        var enumPositions = self.enumPositions
        var unknownKeys: [Int32] = []
        // Per field: a value that still needs a full check (-1: none), and what the first pass
        // accepted on the bytes that is still to be recorded (see `AcceptedOnBytes`).
        // Inline slots rather than arrays: no allocation per object. Rare cases use arrays.
        var pending = FieldSlots(count: schema.fields.count, value: -1)
        var accepted = FieldSlots(count: schema.fields.count, value: AcceptedOnBytes.nothingToRecord)
        var duplicates: [(field: Int, key: Int32)] = []
        let document = node.document
        let mapping = node.record
        // First pass over raw buffers: match keys and enum values as bytes, without node handles or
        // reference counting. Anything that needs a check with messages is collected for the second pass.
        document.records.withUnsafeBufferPointer { records in
            document.children.withUnsafeBufferPointer { children in
                document.scalarBytes.withUnsafeBufferPointer { bytes in
                    for position in 0..<Int(mapping.count) {
                        let keyIndex = children[Int(mapping.start) + position * 2]
                        let valueIndex = children[Int(mapping.start) + position * 2 + 1]
                        let keyRecord = records[Int(keyIndex)]
                        guard keyRecord.kind == .scalar,
                              let i = MappingReader.match(schema.keyBytes, bytes, keyRecord) else {
                            unknownKeys.append(keyIndex)
                            continue
                        }
                        if seenLine[i] > 0 {
                            duplicates.append((i, keyIndex))
                            continue
                        }
                        seenLine[i] = max(1, keyRecord.line)
                        let valueRecord = records[Int(valueIndex)]
                        if valueRecord.kind == .scalar && valueRecord.type == .null { continue }
                        if schema.isEnumeration[i], valueRecord.kind == .scalar,
                           let position = MappingReader.match(schema.allowedBytes[i], bytes, valueRecord) {
                            values[i] = valueIndex
                            enumPositions[i] = Int32(position)
                            continue
                        }
                        if valueRecord.kind == .scalar {
                            switch schema.simpleType[i] {
                            case 1 where valueRecord.type == .string,
                                 2 where valueRecord.type == .bool:
                                values[i] = valueIndex
                                continue
                            case 3 where valueRecord.type == .string
                                && MappingReader.isSlug(valueRecord, bytes):
                                values[i] = valueIndex
                                accepted[i] = AcceptedOnBytes.reference
                                continue
                            case 5 where valueRecord.type == .string
                                && MappingReader.isSlug(valueRecord, bytes):
                                pending[i] = valueIndex
                                accepted[i] = AcceptedOnBytes.id
                                continue
                            default:
                                break
                            }
                        } else if valueRecord.kind == .sequence, schema.simpleType[i] == 4,
                                  MappingReader.allSlugs(valueRecord, records, children, bytes) {
                            values[i] = valueIndex
                            accepted[i] = AcceptedOnBytes.referenceList
                            continue
                        }
                        pending[i] = valueIndex
                    }
                }
            }
        }
        for i in 0..<schema.fields.count where accepted[i] == AcceptedOnBytes.reference {
            let known = schema.referenceKindPosition[i]
            if known >= 0 {
                sink.recordReference(kindPosition: known, document: document, index: values[i])
            } else if case .reference(let kind) = schema.types[i] {
                sink.recordReference(kind: kind, document: document, index: values[i])
            }
        }
        // Lists of references after the single ones, as when every list went through the full check.
        for i in 0..<schema.fields.count where accepted[i] == AcceptedOnBytes.referenceList {
            let list = document.records[Int(values[i])]
            for position in 0..<Int(list.count) {
                sink.recordReference(kindPosition: schema.referenceKindPosition[i], document: document,
                                     index: document.children[Int(list.start) + position])
            }
        }
        for keyIndex in unknownKeys {
            let key = YAMLNode(document: document, index: keyIndex)
            if key.kind == .scalar {
                reportUnknownKey(key.scalar ?? "", at: key)
            } else {
                sink.error("a key must be a plain string, found \(key.typeDescription)", at: key)
            }
        }
        for (field, keyIndex) in duplicates {
            sink.error("duplicate key `\(schema.keys[field])`; it already appears at line \(seenLine[field])",
                       at: YAMLNode(document: document, index: keyIndex), hint: "remove one of the two")
        }
        for i in 0..<schema.fields.count where pending[i] >= 0 {
            let valueIndex = pending[i]
            let value = YAMLNode(document: document, index: valueIndex)
            if accepted[i] == AcceptedOnBytes.id {
                values[i] = valueIndex
                sink.recordId(kind: schema.kind, node: value)
                continue
            }
            if TypeChecker.check(value, schema.types[i], field: schema.keys[i], sink: sink, allowed: schema.allowedBytes[i]) {
                values[i] = valueIndex
                if schema.isId[i] {
                    sink.recordId(kind: schema.kind, node: value)
                }
            }
        }
        self.values = values
        self.enumPositions = enumPositions
        if checkRequired {
            for i in schema.requiredPositions where values[i] < 0 {
                let field = schema.fields[i]
                if sink.isFull {
                    sink.add(.error("missing required key `\(field.key)`", at: nil))
                } else if seenLine[i] == 0 {
                    sink.add(.error("missing required key `\(field.key)` in \(schema.kind)", at: node.mark,
                                    hint: "add `\(field.key):` (\(field.type.expectation))", path: node.yamlPath))
                } else if let entry = node.entries.first(where: { $0.key.scalar == field.key }), entry.value.isNull {
                    sink.error("required key `\(field.key)` has no value", at: entry.key,
                               hint: "give `\(field.key)` \(field.type.expectation)")
                }
            }
        }
    }

    /// What the first pass accepted on a field's bytes and left to record once every key is read.
    private enum AcceptedOnBytes {
        static let nothingToRecord: Int32 = 0
        /// A reference to record.
        static let reference: Int32 = 1
        /// A list whose every item is a reference to record.
        static let referenceList: Int32 = 2
        /// An id to record; it waits for the loop over the pending fields, where ids were always
        /// recorded, so duplicate-id errors keep their order among the object's other errors.
        static let id: Int32 = 3
    }

    /// True when every item of the sequence is a plain string that is a valid id: a list of
    /// references the loader can accept without a node handle per item.
    @inline(__always)
    private static func allSlugs(_ sequence: NodeRecord, _ records: UnsafeBufferPointer<NodeRecord>,
                                 _ children: UnsafeBufferPointer<Int32>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for position in 0..<Int(sequence.count) {
            let item = records[Int(children[Int(sequence.start) + position])]
            guard item.kind == .scalar, item.type == .string, isSlug(item, bytes) else { return false }
        }
        return true
    }

    /// Whether the scalar's bytes are a valid id.
    @inline(__always)
    private static func isSlug(_ scalar: NodeRecord, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        Identifiers.isSlug(UnsafeBufferPointer(rebasing: bytes[Int(scalar.start)..<Int(scalar.start + scalar.count)]))
    }

    /// The position of the candidate with the same bytes as the scalar, if any.
    @inline(__always)
    private static func match(_ candidates: [[UInt8]], _ bytes: UnsafeBufferPointer<UInt8>, _ scalar: NodeRecord) -> Int? {
        let start = Int(scalar.start), count = Int(scalar.count)
        outer: for i in 0..<candidates.count {
            let candidate = candidates[i]
            if candidate.count != count { continue }
            for j in 0..<count where candidate[j] != bytes[start + j] { continue outer }
            return i
        }
        return nil
    }

    private func reportUnknownKey(_ key: String, at keyNode: YAMLNode) {
        let known = schema.fields.map(\.key)
        var hint: String
        if let suggestion = Suggestions.closest(to: key, in: known) {
            hint = "did you mean `\(suggestion)`?"
        } else if key.contains("_"), schema.index[key.replacingOccurrences(of: "_", with: "-")] != nil {
            hint = "keys are kebab-case: `\(key.replacingOccurrences(of: "_", with: "-"))`"
        } else {
            hint = "allowed keys in \(schema.kind): " + known.joined(separator: ", ")
        }
        if key.contains("_"), schema.index[key.replacingOccurrences(of: "_", with: "-")] != nil {
            hint = "keys are kebab-case: did you mean `\(key.replacingOccurrences(of: "_", with: "-"))`?"
        }
        sink.error("unknown key `\(key)` in \(schema.kind)", at: keyNode, hint: hint)
    }

    /// True when the node is a mapping (a wrong kind has already been reported).
    public var isMapping: Bool { node.kind == .mapping }

    // MARK: - Typed access to checked values

    /// The checked value node of a field, nil when absent, null or invalid.
    public func value(_ key: String) -> YAMLNode? {
        guard let i = schema.position(of: key), values[i] >= 0 else { return nil }
        return YAMLNode(document: node.document, index: values[i])
    }

    /// True when the key is written (even with a null or invalid value).
    public func contains(_ key: String) -> Bool {
        node.entries.contains { $0.key.scalar == key }
    }

    /// The index of a field's checked value node, without creating a node handle.
    @inline(__always)
    private func valueIndex(_ key: String) -> Int32? {
        guard let i = schema.position(of: key) else { return nil }
        let index = values[i]
        return index >= 0 ? index : nil
    }

    public func string(_ key: String) -> String? { valueIndex(key).map { node.document.scalarText(at: $0) } }

    public func bool(_ key: String) -> Bool? {
        guard let index = valueIndex(key) else { return nil }
        let document = node.document
        let r = document.records[Int(index)]
        guard r.kind == .scalar, r.type == .bool, r.count > 0 else { return nil }
        let first = document.scalarBytes[Int(r.start)]
        return first == UInt8(ascii: "t") || first == UInt8(ascii: "T")
    }

    public func int(_ key: String) -> Int? { value(key).flatMap { $0.int ?? $0.scalar.flatMap { Int($0) } } }
    public func duration(_ key: String) -> ISODuration? { string(key).flatMap(ISODuration.parse) }
    public func date(_ key: String) -> ISODate? { string(key).flatMap(ISODate.parse) }

    public func enumValue<E: RawRepresentable>(_ key: String, _ type: E.Type = E.self) -> E? where E.RawValue == String {
        string(key).flatMap(E.init(rawValue:))
    }

    /// For enums whose cases are the schema's allowed values (as `DescriptorSchema` builds them), the
    /// matched case is taken by position, without building the text.
    public func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type = E.self) -> E?
        where E.RawValue == String {
        guard let i = schema.position(of: key), values[i] >= 0 else { return nil }
        let position = Int(enumPositions[i])
        let cases = E.allCases
        if position >= 0, position < cases.count {
            let candidate = cases[cases.index(cases.startIndex, offsetBy: position)]
            if case .enumeration(let allowed) = schema.fields[i].type, allowed[position] == candidate.rawValue {
                return candidate
            }
        }
        return string(key).flatMap(E.init(rawValue:))
    }

    /// A `map` field of scalars as a dictionary, e.g. `title: {nl: "...", en: "..."}` in a rule file.
    public func stringMap(_ key: String) -> [String: String]? {
        guard let map = value(key), map.kind == .mapping else { return nil }
        var result: [String: String] = [:]
        for entry in map.entries {
            if let k = entry.key.scalar, let v = entry.value.scalar { result[k] = v }
        }
        return result
    }

    /// The items of a list of scalars as text (strings, references, enum values).
    public func strings(_ key: String) -> [String]? {
        guard let index = valueIndex(key) else { return nil }
        let document = node.document
        let list = document.records[Int(index)]
        guard list.kind == .sequence else { return nil }
        var result: [String] = []
        result.reserveCapacity(Int(list.count))
        for position in 0..<Int(list.count) {
            result.append(document.scalarText(at: document.children[Int(list.start) + position]))
        }
        return result
    }

    public func enumList<E: RawRepresentable>(_ key: String, _ type: E.Type = E.self) -> [E]? where E.RawValue == String {
        guard let list = value(key) else { return nil }
        return list.items.compactMap { $0.scalar.flatMap(E.init(rawValue:)) }
    }

    /// A reader for a nested object field (its kind comes from the schema).
    public func object(_ key: String) -> MappingReader? {
        guard let i = schema.position(of: key), values[i] >= 0, case .object(let kind) = schema.fields[i].type,
              let nested = (extraSchemas.isEmpty ? nil : extraSchemas[kind]) ?? DescriptorSchema.object(kind) else { return nil }
        var reader = MappingReader(YAMLNode(document: node.document, index: values[i]), schema: nested, sink: sink)
        reader.extraSchemas = extraSchemas
        return reader
    }

    /// Readers for the items of a list-of-objects field.
    public func objects(_ key: String) -> [MappingReader] {
        guard let i = schema.position(of: key), values[i] >= 0, case .list(.object(let kind)) = schema.fields[i].type,
              let nested = (extraSchemas.isEmpty ? nil : extraSchemas[kind]) ?? DescriptorSchema.object(kind) else { return [] }
        return YAMLNode(document: node.document, index: values[i]).items.map {
            var reader = MappingReader($0, schema: nested, sink: sink)
            reader.extraSchemas = extraSchemas
            return reader
        }
    }

    /// Decodes the items of a list-of-objects field one by one, without keeping their readers.
    public func decodeObjects<T>(_ key: String, _ decode: (MappingReader) -> T) -> [T] {
        decodeObjects(key, through: node.document, reportingTo: sink, decode)
    }

    /// The number of items of list field `key` (0 when absent or invalid).
    func itemCount(_ key: String) -> Int { value(key)?.items.count ?? 0 }

    /// `decodeObjects` for the items in `range` (all when nil), read through `document` (this
    /// reader's document or a copy sharing its storage) and reported to `sink`, so that a second
    /// core can decode part of a section.
    func decodeObjects<T>(_ key: String, items range: Range<Int>? = nil, through document: YAMLDocument,
                          reportingTo sink: DiagnosticSink, _ decode: (MappingReader) -> T) -> [T] {
        var result: [T] = []
        decodeObjects(key, items: range, through: document, reportingTo: sink, appendingTo: &result, decode)
        return result
    }

    /// The same, appended to `result`: a section decoded in chunks grows one array instead of
    /// copying each chunk's objects into it.
    func decodeObjects<T>(_ key: String, items range: Range<Int>? = nil, through document: YAMLDocument,
                          reportingTo sink: DiagnosticSink, appendingTo result: inout [T], _ decode: (MappingReader) -> T) {
        guard let i = schema.position(of: key), values[i] >= 0, case .list(.object(let kind)) = schema.fields[i].type,
              let nested = (extraSchemas.isEmpty ? nil : extraSchemas[kind]) ?? DescriptorSchema.object(kind) else { return }
        let all = YAMLNode(document: document, index: values[i]).items
        let items = all[(range ?? all.indices).clamped(to: all.indices)]
        if nested.isReferenceable { sink.reserveIds(kind: nested.kind, additional: items.count) }
        result.reserveCapacity(result.count + items.count)
        for item in items {
            var reader = MappingReader(item, schema: nested, sink: sink)
            reader.extraSchemas = extraSchemas
            result.append(decode(reader))
        }
    }

    /// Schemas for nested kinds that are not part of the descriptor, by kind (set by other loaders;
    /// consulted before `DescriptorSchema` and passed on to nested readers).
    public var extraSchemas: [String: ObjectSchema] = [:]

    /// Marks of this object and, lazily, of each field by YAML key path.
    public var marks: Marks { Marks(node: node) }

    /// The path of this object, e.g. `systems[3]`.
    public var yamlPath: String { node.yamlPath }
}

/// Checks one value node against a field type, reporting what is wrong.
enum TypeChecker {
    static func check(_ value: YAMLNode, _ type: FieldType, field: String, sink: DiagnosticSink,
                      allowed allowedBytes: [[UInt8]] = []) -> Bool {
        switch type {
        case .object(let kind):
            if value.kind == .mapping { return true }
            sink.error("`\(field)` must be a mapping (\(kind)), found \(value.typeDescription)", at: value,
                       hint: "write its keys indented under `\(field):`, or `{key: value}`")
            return false
        case .list(let item):
            guard value.kind == .sequence else {
                sink.error("`\(field)` must be \(type.expectation), found \(value.typeDescription)", at: value,
                           hint: value.kind == .scalar ? "write a list: `[\(value.scalar ?? "")]`" : nil)
                return false
            }
            var ok = true
            for element in value.items {
                if case .object = item {
                    if element.kind != .mapping {
                        ok = check(element, item, field: field, sink: sink, allowed: allowedBytes) && ok
                    }
                    continue
                }
                ok = check(element, item, field: field, sink: sink, allowed: allowedBytes) && ok
            }
            return ok
        case .map(let valueType):
            guard value.kind == .mapping else {
                sink.error("`\(field)` must be a mapping, found \(value.typeDescription)", at: value)
                return false
            }
            var ok = true
            for entry in value.entries { ok = check(entry.value, valueType, field: field, sink: sink) && ok }
            return ok
        default:
            return checkScalar(value, type, field: field, sink: sink, allowedBytes: allowedBytes)
        }
    }

    private static func checkScalar(_ value: YAMLNode, _ type: FieldType, field: String, sink: DiagnosticSink,
                                    allowedBytes: [[UInt8]]) -> Bool {
        guard value.kind == .scalar else {
            sink.error("`\(field)` must be \(type.expectation), found \(value.typeDescription)", at: value)
            return false
        }
        if value.isNull {
            sink.error("`\(field)` must be \(type.expectation), found null", at: value)
            return false
        }
        // Fast paths on the bytes; a String is only built for values that need parsing or for messages.
        switch type {
        case .string where value.scalarType == .string,
             .bool where value.scalarType == .bool:
            return true
        case .id where value.scalarType == .string, .reference where value.scalarType == .string:
            if value.withScalarBytes(Identifiers.isSlug) {
                if case .reference(let kind) = type { sink.recordReference(kind: kind, node: value) }
                return true
            }
        case .enumeration(let allowed):
            if !allowedBytes.isEmpty {
                if value.withScalarBytes({ bytes in allowedBytes.contains { $0.elementsEqual(bytes) } }) { return true }
            } else if let text = value.scalar, allowed.contains(text) {
                return true
            }
        default:
            break
        }
        let text = value.scalar ?? ""
        let isString = value.scalarType == .string
        switch type {
        case .string:
            if isString { return true }
            sink.error("`\(field)` must be a string, found \(value.typeDescription)", at: value,
                       hint: "quote it: `\"\(text)\"`")
            return false
        case .int:
            if value.scalarType == .int {
                if value.int != nil { return true }
                sink.error("`\(text)` is too large for `\(field)`", at: value, hint: "write a smaller whole number")
                return false
            }
            sink.error("`\(field)` must be an integer, found \(value.typeDescription)", at: value,
                       hint: value.scalarType == .string && Int(text) != nil ? "remove the quotes" : "write a whole number such as `1000`")
            return false
        case .bool:
            if value.scalarType == .bool { return true }
            let hint: String
            switch text.lowercased() {
            case "yes", "y", "on", "ja": hint = "YAML 1.2 reads `\(text)` as a string; write `true`"
            case "no", "n", "off", "nee": hint = "YAML 1.2 reads `\(text)` as a string; write `false`"
            case "true", "false":
                // Quoted, it is a string; unquoted in another mix of cases (`tRUE`), YAML 1.2 reads a string too.
                hint = value.isQuoted ? "remove the quotes: `\(text.lowercased())`" : "write `\(text.lowercased())` in lower case"
            default: hint = "write `true` or `false`, or leave the key out when it is not known"
            }
            sink.error("`\(field)` must be `true` or `false`, found \(value.typeDescription)", at: value, hint: hint)
            return false
        case .duration:
            if isString, ISODuration.parse(text) != nil { return true }
            sink.error("`\(text)` is not an ISO 8601 duration", at: value,
                       hint: durationHint(text))
            return false
        case .date:
            if isString, ISODate.parse(text) != nil { return true }
            sink.error("`\(text)` is not a valid date", at: value, hint: Self.dateHint(text))
            return false
        case .country:
            if isString, Identifiers.isCountryCode(text) { return true }
            sink.error("`\(text)` is not an ISO 3166-1 alpha-2 country code", at: value,
                       hint: CountryCodes.hint(for: text))
            return false
        case .id, .reference:
            if isString || value.scalarType == .int, Identifiers.isSlug(text) {
                if case .reference(let kind) = type { sink.recordReference(kind: kind, node: value) }
                return true
            }
            // `- a` with `  - b` indented deeper on the next line is one value, `a - b`: the fix is
            // the indentation, not a new id.
            let joinedItems = value.kind == .scalar && value.scalarType == .string && text.contains(" - ")
            sink.error("`\(text)` is not a valid id", at: value,
                       hint: joinedItems
                           ? "this looks like list items joined into one: a `- ` line indented deeper than the item above continues it; start each item's `-` in the same column"
                           : "ids use lowercase letters, digits and `-`, starting with a letter or digit, e.g. `\(Identifiers.slugified(text))`")
            return false
        case .enumeration(let allowed):
            if allowed.contains(text) { return true }
            var hint = "allowed: " + allowed.joined(separator: ", ")
            if let suggestion = Suggestions.closest(to: text, in: allowed) {
                hint = "did you mean `\(suggestion)`? " + hint
            }
            sink.error("`\(text)` is not a valid value for `\(field)`", at: value, hint: hint)
            return false
        default:
            return false
        }
    }

    /// What is wrong with a date that has the right shape, or the shape to use.
    static func dateHint(_ text: String) -> String {
        let parts = text.split(separator: "-")
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil {
            if !(1...12).contains(month) { return "there is no month \(parts[1]); write YYYY-MM-DD, e.g. `2026-03-01`" }
            return "\(parts[0])-\(parts[1]) has no day \(day); write YYYY-MM-DD, e.g. `2026-03-01`"
        }
        if parts.count == 3, parts[2].count == 4 {
            return "write the year first: `\(parts[2])-\(parts[1])-\(parts[0])` (YYYY-MM-DD)"
        }
        return "write the date as YYYY-MM-DD, e.g. `2026-03-01`"
    }

    private static func durationHint(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.hasPrefix("p"), ISODuration.parse(text.uppercased()) != nil {
            return "duration designators are capitals: `\(text.uppercased())`"
        }
        let parts = lower.split(separator: " ")
        if parts.count == 2, let n = Int(parts[0]) {
            let unit = parts[1]
            if unit.hasPrefix("dag") || unit.hasPrefix("day") { return "write `P\(n)D`" }
            if unit.hasPrefix("we") { return "write `P\(n)W`" }
            if unit.hasPrefix("maand") || unit.hasPrefix("month") { return "write `P\(n)M`" }
            if unit.hasPrefix("jaar") || unit.hasPrefix("year") { return "write `P\(n)Y`" }
            if unit.hasPrefix("uur") || unit.hasPrefix("hour") { return "write `PT\(n)H`" }
        }
        return "write e.g. `P30D` (30 days), `PT24H` (24 hours), `P6M` (6 months), `P1Y` (1 year)"
    }
}
