import Diagnostics
import Foundation

/// Writes diagnostics and status lines to standard error, where they don't mix with piped output.
enum Terminal {
    static func status(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func report(_ list: DiagnosticList) {
        let errors = list.diagnostics.filter { $0.severity == .error }.count
        var text = list.description + "\n"
        text += errors == 1 ? "build failed with 1 error; the previous output was left untouched\n"
                            : "build failed with \(errors) errors; the previous output was left untouched\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
