/// Commented starter descriptors for `schouw init`: Dutch comments, English keys, and each one
/// validates as written so a user starts from a working file.
public enum StarterTemplates {
    public struct Template: Sendable {
        public let name: String
        public let summary: String
        public let text: String
    }

    /// Every template, `default` first.
    public static let all: [Template] = [
        Template(name: "default", summary: "a general smart-city project: one sensor, a platform and a flow", text: defaultText),
        Template(name: "camera", summary: "camera images in public space with video analytics", text: cameraText),
        Template(name: "sensor-network", summary: "a LoRaWAN sensor network with a data platform and open data", text: sensorNetworkText),
    ]

    public static func named(_ name: String) -> Template? { all.first { $0.name == name } }

    static let header = """
    # yaml-language-server: $schema=schouw.schema.json
    # Projectbeschrijving voor schouw (formaat `schouw: 1`).
    # Controleer met:   schouw validate <dit bestand>
    # Audit met:        schouw audit <dit bestand>
    # Velden die je weglaat gelden als "onbekend", niet als "nee": de audit meldt ze als
    # "informatie nodig". Vul in wat je weet; `schouw schema` geeft het volledige formaat.

    """

    static let defaultText = header + """
    schouw: 1

    project:
      id: mijn-project                      # korte id: kleine letters, cijfers en '-'
      name: Mijn smart-city project
      organisation: Gemeente Voorbeeld      # de verwerkingsverantwoordelijke
      phase: idea                           # idea | procurement | pilot | production | decommissioned
      bio: bio2                             # bio2 (standaard) | bio-1.04
      classification: {confidentiality: medium, integrity: medium, availability: low}   # low | medium | high
      dpia: {status: not-started}           # completed | in-progress | not-started | not-required
      registers: {processing: false, algorithm: not-applicable, sensors: false}
      contacts: {ciso: "CISO", dpo: "Functionaris gegevensbescherming", owner: "Projectleider"}

    purposes:                               # waarvoor worden gegevens verwerkt?
      - id: dienstverlening
        name: Betere dienstverlening in de openbare ruimte
        legal-basis: public-task            # consent | contract | legal-obligation | vital-interests | public-task | legitimate-interests
        statutory-basis: "Gemeentewet art. 160"   # verplicht bij public-task en legal-obligation
        profiling: false
        automated-decisions: false

    parties:                                # wie doet mee? rol volgens de AVG
      - id: gemeente
        name: Gemeente Voorbeeld
        role: controller
        country: NL                         # ISO 3166-1 alpha-2, in hoofdletters
        headquarters: NL
      - id: leverancier
        name: Leverancier B.V.
        role: processor                     # verwerker: sluit een verwerkersovereenkomst (AVG art. 28)
        country: NL
        headquarters: NL
        processor-agreement: {signed: 2026-01-15, template: vng-vwo}
        contract: {terms: gibit-2023, exit-plan: true, right-to-audit: true, incident-notification: PT24H}

    zones:                                  # vertrouwensgrenzen en netwerkzones
      - id: straat
        kind: public-space                  # public-space | field-network | municipal-network | supplier-network | cloud | internet | office | device
        trust: untrusted                    # untrusted | semi-trusted | trusted
        operator: gemeente
        country: NL
      - id: leverancier-cloud
        kind: cloud
        trust: semi-trusted
        operator: leverancier
        country: NL

    data:                                   # gegevens; categorieen komen uit de taxonomie
      - id: metingen
        name: Ruwe metingen
        categories: [non-personal.environment]
        form: anonymous                     # identified | pseudonymised | aggregated | anonymous
        retention: P1Y                      # ISO 8601-duur: P30D, PT24H, P6M, P1Y

    systems:
      - id: sensor
        name: Sensor
        kind: sensor                        # sensor | camera | gateway | platform | database | application | api | dashboard | website | mobile-app | analytics
        zone: straat
        operator: leverancier
        collects: [metingen]
        sensor: {senses: [other], signage: true, registered: true}
      - id: platform
        name: Dataplatform
        kind: platform
        zone: leverancier-cloud
        operator: leverancier
        stores: [metingen]
        internet-facing: false

    flows:
      - id: sensor-naar-platform
        from: sensor
        to: platform
        data: [metingen]
        purpose: dienstverlening
        protocol: https                     # https | http | mqtt | mqtts | amqp | sftp | ftp | lorawan | nb-iot | smtp | other
        encryption: tls1.3                  # none | tls1.2 | tls1.3 | vpn | ipsec | lorawan-aes | ...
        authentication: mtls                # none | api-key | basic | oauth2 | mtls | other
        network: internet                   # internet | private | wireless | local

    """

    static let cameraText = header + """
    schouw: 1

    project:
      id: camera-toezicht
      name: Cameratoezicht uitgaansgebied
      organisation: Gemeente Voorbeeld
      phase: procurement
      classification: {confidentiality: high, integrity: medium, availability: medium}
      dpia: {status: in-progress}           # camera's in de openbare ruimte: DPIA verplicht (AP-lijst)
      registers: {processing: true, algorithm: false, sensors: true}
      contacts: {ciso: "CISO", dpo: "Functionaris gegevensbescherming", owner: "Team Openbare Orde"}

    purposes:
      - id: openbare-orde
        name: Handhaving openbare orde
        legal-basis: public-task
        statutory-basis: "Gemeentewet art. 151c"   # cameratoezicht door de burgemeester
        profiling: false
        automated-decisions: false

    parties:
      - id: gemeente
        name: Gemeente Voorbeeld
        role: controller
        country: NL
        headquarters: NL
      - id: camera-leverancier
        name: Camera Leverancier B.V.
        role: processor
        country: NL
        headquarters: NL
        # nog geen verwerkersovereenkomst: vul processor-agreement in zodra die getekend is

    zones:
      - id: uitgaansgebied
        kind: public-space
        trust: untrusted
        operator: gemeente
        country: NL
      - id: meldkamer
        kind: municipal-network
        trust: trusted
        operator: gemeente
        country: NL

    data:
      - id: camerabeelden
        name: Live- en opgenomen camerabeelden
        categories: [personal.image, personal.image.face]
        subjects: [passers-by, visitors, residents]
        form: identified
        retention: P28D                     # bewaartermijn cameratoezicht: maximaal 4 weken
      - id: incidentmeldingen
        name: Gedetecteerde incidenten (geen beelden)
        categories: [non-personal.statistics]
        derived-from: [camerabeelden]
        form: aggregated
        retention: P1Y

    systems:
      - id: camera
        name: Camera uitgaansgebied
        kind: camera
        zone: uitgaansgebied
        operator: camera-leverancier
        collects: [camerabeelden]
        sensor:
          senses: [video]
          edge-processing: false
          covers-dwellings: false           # privacy-masking op woningen?
          signage: true                     # borden "cameratoezicht"
          registered: true
          biometric-identification: false   # gezichtsherkenning is niet toegestaan
        security: {authentication: certificate, default-credentials: changed, management-interface: separated}
      - id: videomanagement
        name: Videomanagementsysteem
        kind: platform
        zone: meldkamer
        operator: gemeente
        stores: [camerabeelden, incidentmeldingen]
        security:
          authentication: mfa
          admin-mfa: true
          encryption-at-rest: true
          logging: {enabled: true, retention: P1Y, integrity-protected: true}

    flows:
      - id: camera-naar-vms
        from: camera
        to: videomanagement
        data: [camerabeelden]
        purpose: openbare-orde
        protocol: other                     # bijvoorbeeld RTSP over een VPN
        encryption: vpn
        authentication: mtls
        network: private

    """

    static let sensorNetworkText = header + """
    schouw: 1

    project:
      id: sensornetwerk
      name: Sensornetwerk met dataplatform
      organisation: Gemeente Voorbeeld
      phase: pilot
      classification: {confidentiality: low, integrity: medium, availability: low}
      dpia: {status: not-required}          # alleen als er geen persoonsgegevens zijn
      registers: {processing: not-applicable, algorithm: not-applicable, sensors: true}
      contacts: {ciso: "CISO", owner: "Team Data"}

    purposes:
      - id: leefomgeving
        name: Meten van de leefomgeving
        legal-basis: public-task
        statutory-basis: "Omgevingswet art. 20.1"
      - id: open-data
        name: Publiceren als open data
        legal-basis: public-task
        statutory-basis: "Wet open overheid"
        further-processing-of: leefomgeving
        compatibility-assessment: true

    parties:
      - id: gemeente
        name: Gemeente Voorbeeld
        role: controller
        country: NL
        headquarters: NL
      - id: netwerkbeheerder
        name: LoRaWAN Netwerk B.V.
        role: processor
        country: NL
        headquarters: NL
        processor-agreement: {signed: 2026-02-01, template: vng-vwo}

    zones:
      - id: buiten
        kind: public-space
        trust: untrusted
        operator: gemeente
        country: NL
      - id: lorawan
        kind: field-network
        trust: semi-trusted
        operator: netwerkbeheerder
        country: NL
      - id: gemeentelijk-platform
        kind: municipal-network
        trust: trusted
        operator: gemeente
        country: NL
      - id: internet
        kind: internet
        trust: untrusted
        operator: gemeente
        country: NL

    data:
      - id: meetwaarden
        name: Meetwaarden per sensor
        categories: [non-personal.environment, non-personal.technical]
        form: anonymous
        retention: P5Y
      - id: open-dataset
        name: Uurgemiddelden (open data)
        categories: [non-personal.statistics]
        derived-from: [meetwaarden]
        form: aggregated
        retention: P10Y

    systems:
      - id: meetkast
        name: Meetkastje
        kind: sensor
        zone: buiten
        operator: gemeente
        collects: [meetwaarden]
        sensor: {senses: [air-quality, noise], signage: false, registered: true}
      - id: gateway
        name: LoRaWAN-gateway
        kind: gateway
        zone: lorawan
        operator: netwerkbeheerder
      - id: dataplatform
        name: Gemeentelijk dataplatform
        kind: platform
        zone: gemeentelijk-platform
        operator: gemeente
        stores: [meetwaarden, open-dataset]
      - id: open-data-portaal
        name: Open-dataportaal
        kind: website
        zone: internet
        operator: gemeente
        stores: [open-dataset]
        internet-facing: true
        endpoints: [{url: "https://data.voorbeeld.nl", hsts: true, tls: [1.2, 1.3], security-txt: true}]

    flows:
      - id: sensor-naar-gateway
        from: meetkast
        to: gateway
        data: [meetwaarden]
        purpose: leefomgeving
        protocol: lorawan
        encryption: lorawan-aes
        network: wireless
      - id: gateway-naar-platform
        from: gateway
        to: dataplatform
        data: [meetwaarden]
        purpose: leefomgeving
        protocol: mqtts
        encryption: tls1.2
        authentication: mtls
        network: internet
      - id: platform-naar-portaal
        from: dataplatform
        to: open-data-portaal
        data: [open-dataset]
        purpose: open-data
        protocol: https
        encryption: tls1.3
        authentication: oauth2
        network: internet

    """
}
