import Foundation
import SchouwAttest
import SchouwResult

/// A result file that cannot be used, with what is wrong and what to do.
struct ReportInputError: Error, CustomStringConvertible {
    var description: String
}

/// Reads and checks a result saved with `schouw audit --format json`, for `report`, `graph --result`,
/// `audit --baseline` and `attest --result`: every failure names the file and says what to do.
/// `limit` bounds the bytes read where the result is hostile input to a signature.
func readResult(_ path: String, limit: Int? = nil) throws -> AuditResult {
    let data: Data
    if let limit {
        do { data = try BoundedFile.read(path: path, limit: limit, what: "audit result") } catch let error as AttestError {
            throw ReportInputError(description: error.message)
        }
    } else {
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReportInputError(description: "cannot read \(path): \(error.localizedDescription)")
        }
    }
    do {
        return try AuditResult.decode(data)
    } catch let error as AuditResultError {
        throw ReportInputError(description: "\(path): \(error.description)")
    } catch let error as DecodingError {
        // A result of another version gets that message rather than the first field it lacks. The
        // schema is looked up only now: a second parse of a city's result (hundreds of megabytes)
        // on every read cost as much as the first.
        struct SchemaPeek: Decodable { var schema: String? }
        if let peek = try? JSONDecoder().decode(SchemaPeek.self, from: data), let schema = peek.schema,
           schema != AuditResult.schemaID {
            throw ReportInputError(description: "\(path): \(AuditResultError.unsupportedSchema(schema).description)")
        }
        throw describe(error, path: path, data: data)
    } catch {
        throw ReportInputError(description: "\(path): not a schouw audit result: \(error)")
    }
}

/// A decoding failure of a saved result, naming the file, the place and what to do.
private func describe(_ error: DecodingError, path: String, data: Data) -> ReportInputError {
    let expected = "expected a result written by `schouw audit --format json`"
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
        // Foundation says only "not valid JSON"; the strict reader says where and what.
        do {
            _ = try StrictJSON.parse(data)
        } catch {
            return ReportInputError(description: "\(path):\(error.line):\(error.column): not valid JSON: \(error.message); \(expected)")
        }
        return ReportInputError(description: "\(path): not valid JSON (\(context.debugDescription)); \(expected)")
    case .dataCorrupted(let context):
        return ReportInputError(description: "\(path): not valid JSON (\(context.debugDescription)); \(expected)")
    case .keyNotFound(let key, let context):
        return ReportInputError(description: "\(path): not a schouw audit result: missing '\(codingPath(context.codingPath + [key]))'; \(expected)")
    case .typeMismatch(_, let context):
        return ReportInputError(description: "\(path): not a schouw audit result: wrong type at '\(codingPath(context.codingPath))' (\(context.debugDescription))")
    case .valueNotFound(_, let context):
        return ReportInputError(description: "\(path): not a schouw audit result: null at '\(codingPath(context.codingPath))'")
    @unknown default:
        return ReportInputError(description: "\(path): not a schouw audit result: \(error)")
    }
}

private func codingPath(_ keys: [CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
}
