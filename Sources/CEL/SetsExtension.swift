extension FunctionLibrary {
    /// The cel-go sets extension.
    public static let setsExtension: FunctionLibrary = FunctionLibrary()
}
