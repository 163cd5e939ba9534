extension FunctionLibrary {
    /// The cel-go strings extension.
    public static let stringsExtension: FunctionLibrary = FunctionLibrary()
}
