/// How Threagile's enumerations translate into the descriptor's (documented in docs/import.md).
enum ThreagileMappings {
    /// A translated value and whether it means the same thing (`exact`) or is a reasonable guess.
    struct Choice: Equatable {
        var value: String
        var exact: Bool
    }

    // MARK: - Technical assets

    /// System kind for a Threagile `technology`.
    static func systemKind(technology: String?, type: String?) -> Choice {
        if let technology, let kind = kindByTechnology[technology] { return kind }
        switch type {
        case "datastore": return Choice(value: "database", exact: true)
        case "external-entity": return Choice(value: "application", exact: false)
        default: return Choice(value: "application", exact: false)
        }
    }

    static let kindByTechnology: [String: Choice] = {
        var map: [String: Choice] = [:]
        func put(_ kind: String, exact: Bool, _ technologies: [String]) {
            for t in technologies { map[t] = Choice(value: kind, exact: exact) }
        }
        put("database", exact: true, ["database", "identity-store-database", "block-storage", "data-lake"])
        put("database", exact: false, ["file-server", "local-file-system", "identity-store-ldap", "ldap-server",
                                       "search-index", "vault", "hsm", "artifact-registry", "sourcecode-repository"])
        put("api", exact: true, ["web-service-rest", "web-service-soap"])
        put("api", exact: false, ["ejb", "service-registry", "function"])
        put("website", exact: true, ["web-server", "web-application"])
        put("website", exact: false, ["cms"])
        put("mobile-app", exact: true, ["mobile-app"])
        put("application", exact: true, ["desktop", "client-system", "browser", "devops-client"])
        put("application", exact: false, ["cli", "tool", "task", "library", "unknown-technology"])
        put("gateway", exact: true, ["gateway"])
        put("gateway", exact: false, ["reverse-proxy", "load-balancer", "waf", "service-mesh", "ids", "ips"])
        put("sensor", exact: false, ["iot-device"])
        put("analytics", exact: true, ["big-data-platform", "report-engine"])
        put("analytics", exact: false, ["stream-processing", "batch-processing", "search-engine", "ai"])
        put("dashboard", exact: false, ["monitoring"])
        put("platform", exact: false, ["application-server", "erp", "build-pipeline", "code-inspection-platform",
                                       "container-platform", "identity-provider", "event-listener", "message-queue",
                                       "mail-server", "scheduler", "mainframe"])
        return map
    }()

    // MARK: - CIA ratings

    /// Threagile confidentiality (public ... strictly-confidential) as a BIV level.
    static func confidentiality(_ value: String) -> String? {
        switch value {
        case "public", "internal": return "low"
        case "restricted", "confidential": return "medium"
        case "strictly-confidential": return "high"
        default: return nil
        }
    }

    /// Threagile integrity or availability (archive ... mission-critical) as a BIV level.
    static func criticality(_ value: String) -> String? {
        switch value {
        case "archive", "operational": return "low"
        case "important": return "medium"
        case "critical", "mission-critical": return "high"
        default: return nil
        }
    }

    static func levelRank(_ level: String) -> Int { ["low": 0, "medium": 1, "high": 2][level] ?? -1 }

    // MARK: - Communication links

    struct Transport: Equatable {
        var protocol_: String
        /// `none` for plain-text protocols; nil when the protocol is encrypted but the version is not known.
        var encryption: String?
        var exact: Bool
        var local: Bool = false
    }

    static func transport(_ protocolName: String?) -> Transport? {
        guard let p = protocolName, p != "unknown-protocol" else { return nil }
        switch p {
        case "http", "ws", "reverse-proxy-web-protocol": return Transport(protocol_: "http", encryption: "none", exact: p == "http")
        case "https", "wss", "reverse-proxy-web-protocol-encrypted": return Transport(protocol_: "https", encryption: nil, exact: p == "https")
        case "mqtt": return Transport(protocol_: "mqtt", encryption: "none", exact: true)
        case "smtp": return Transport(protocol_: "smtp", encryption: "none", exact: true)
        case "smtp-encrypted": return Transport(protocol_: "smtp", encryption: nil, exact: true)
        case "ftp": return Transport(protocol_: "ftp", encryption: "none", exact: true)
        case "ftps": return Transport(protocol_: "ftp", encryption: nil, exact: false)
        case "sftp", "scp": return Transport(protocol_: "sftp", encryption: nil, exact: p == "sftp")
        case "jms": return Transport(protocol_: "amqp", encryption: nil, exact: false)
        case "in-process-library-call", "local-file-access", "container-spawning":
            return Transport(protocol_: "other", encryption: nil, exact: true, local: true)
        default:
            let encrypted = p.hasSuffix("-encrypted") || ["ssh", "ssh-tunnel", "ldaps"].contains(p)
            return Transport(protocol_: "other", encryption: encrypted ? nil : "none", exact: true)
        }
    }

    /// Flow authentication for a Threagile link `authentication`.
    static func authentication(_ value: String?) -> Choice? {
        switch value {
        case "none": return Choice(value: "none", exact: true)
        case "client-certificate": return Choice(value: "mtls", exact: true)
        case "token": return Choice(value: "oauth2", exact: false)
        case "credentials": return Choice(value: "basic", exact: false)
        case "session-id", "two-factor": return Choice(value: "other", exact: true)
        default: return nil
        }
    }

    // MARK: - Trust boundaries

    struct ZoneChoice: Equatable {
        var kind: String?
        var trust: String?
        var exact: Bool
    }

    /// Zone kind and trust for a trust boundary type; execution environments take their parent's.
    static func zone(_ type: String?) -> ZoneChoice {
        switch type {
        case "network-on-prem": return ZoneChoice(kind: "municipal-network", trust: "trusted", exact: false)
        case "network-dedicated-hoster": return ZoneChoice(kind: "supplier-network", trust: "semi-trusted", exact: false)
        case "network-virtual-lan": return ZoneChoice(kind: "municipal-network", trust: "trusted", exact: false)
        case "network-cloud-provider", "network-cloud-security-group":
            return ZoneChoice(kind: "cloud", trust: "semi-trusted", exact: true)
        case "network-policy-namespace-isolation": return ZoneChoice(kind: "cloud", trust: "semi-trusted", exact: false)
        default: return ZoneChoice(kind: nil, trust: nil, exact: false)
        }
    }
}
