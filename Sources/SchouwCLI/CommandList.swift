import ArgumentParser

/// Every subcommand, in the order `schouw --help` lists them.
let commandList: [ParsableCommand.Type] = [
    InitCommand.self,
    ValidateCommand.self,
    SchemaCommand.self,
    AuditCommand.self,
    ReportCommand.self,
    GraphCommand.self,
    ExplainCommand.self,
    RulesCommand.self,
    EvalCommand.self,
    KeygenCommand.self,
    AttestCommand.self,
    VerifyCommand.self,
    RegisterCommand.self,
    ChecklistCommand.self,
    ImportCommand.self,
]
