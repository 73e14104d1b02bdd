extension OrdinaryBuildOutput {
    static let corpus: [(source: String, text: String)] = []
}
