extension UserFunction {
    /// Drops the checked bodies and compiled kernels. A recursive function's body calls its own
    /// instance, so instance → body → instance is a reference cycle that would otherwise outlive
    /// the session; the session calls this when it goes away.
    func releaseInstances() {
        for instance in instances {
            instance.body = nil
            instance.kernel = nil
            instance.scalarCode = nil
        }
        instances = []
    }
}
