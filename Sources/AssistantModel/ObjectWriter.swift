/// Builds a JSON object in a fixed key order, leaving unset fields out (the sidecar's metadata).
struct ObjectWriter {
    var object = JSONObject()
    mutating func put(_ key: String, _ value: JSONValue?) { if let value { object[key] = value } }
    /// Unknown keys go after the known ones, in their order; a known key is never overwritten.
    mutating func putUnknown(_ unknown: JSONObject) { for (k, v) in unknown where !object.contains(k) { object[k] = v } }
    var value: JSONValue { .object(object) }
}
