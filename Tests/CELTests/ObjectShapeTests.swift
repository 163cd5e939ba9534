import Testing
@testable import CEL

/// Maps laid out by a shared `ObjectShape` must behave exactly like maps built from a dictionary.
@Suite struct ObjectShapeTests {
    let shape = ObjectShape(keys: ["name", "id", "personal"])

    func shaped(_ name: String, _ id: String, _ personal: Bool) -> Value {
        .map(MapValue(shape: shape, values: [.string(name), .string(id), .bool(personal)], objectType: "schouw.Flow"))
    }

    @Test func fieldsAreFoundAndIterateInSortedOrder() throws {
        let value = shaped("Camera", "cam-1", true)
        let map = try #require(value.mapValue)
        #expect(map.lookup(field: "id")?.stringValue == "cam-1")
        #expect(map.lookup(field: "personal")?.boolValue == true)
        #expect(map.lookup(field: "retention") == nil)
        #expect(map.lookup(.string("name"))?.stringValue == "Camera")
        #expect(map.lookup(.int(1)) == nil)
        #expect(map.keys.compactMap(\.stringValue) == ["id", "name", "personal"])
    }

    @Test func shapedMapsEvaluateLikeDictionaryMaps() throws {
        let shapedFlow = shaped("Camera", "cam-1", true)
        let plainFlow = Value.object(["name": .string("Camera"), "id": .string("cam-1"), "personal": .bool(true)],
                                     typeName: "schouw.Flow")
        for expression in ["flow.personal && flow.id == 'cam-1'", "has(flow.name)", "!has(flow.retention)",
                           "'personal' in flow", "size(flow) == 3", "flow == other", "flow.all(k, k != 'x')"] {
            let a = try evaluate(expression, ["flow": shapedFlow, "other": plainFlow])
            let b = try evaluate(expression, ["flow": plainFlow, "other": shapedFlow])
            #expect(a.boolValue == true, "\(expression) on the shaped map")
            #expect(b.boolValue == true, "\(expression) on the dictionary map")
        }
        let missing = try #require(try evalError("flow.retention > 1", ["flow": shapedFlow]))
        #expect(missing.kind == .noSuchKey)
    }
}
