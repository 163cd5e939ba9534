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
    // Check the schema first, so a result of another version gets that message rather than a missing field.
    struct SchemaPeek: Decodable { var schema: String? }
    if let peek = try? JSONDecoder().decode(SchemaPeek.self, from: data), let schema = peek.schema,
       schema != AuditResult.schemaID {
        throw ReportInputError(description: "\(path): \(AuditResultError.unsupportedSchema(schema).description)")
    }
    do {
        return try AuditResult.decode(data)
    } catch let error as AuditResultError {
        throw ReportInputError(description: "\(path): \(error.description)")
    } catch let DecodingError.dataCorrupted(context) {
        throw ReportInputError(description: "\(path): not valid JSON (\(context.debugDescription)); expected a result written by `schouw audit --format json`")
    } catch let DecodingError.keyNotFound(key, context) {
        throw ReportInputError(description: "\(path): not a schouw audit result: missing '\(codingPath(context.codingPath + [key]))'; expected a result written by `schouw audit --format json`")
    } catch let DecodingError.typeMismatch(_, context) {
        throw ReportInputError(description: "\(path): not a schouw audit result: wrong type at '\(codingPath(context.codingPath))' (\(context.debugDescription))")
    } catch let DecodingError.valueNotFound(_, context) {
        throw ReportInputError(description: "\(path): not a schouw audit result: null at '\(codingPath(context.codingPath))'")
    } catch {
        throw ReportInputError(description: "\(path): not a schouw audit result: \(error)")
    }
}

private func codingPath(_ keys: [CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
}
