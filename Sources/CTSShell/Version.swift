/// The version cts reports, and writes into session files.
public enum Version {
    public static let current = "0.1.0"
}
