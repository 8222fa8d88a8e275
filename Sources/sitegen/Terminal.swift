import Diagnostics
import Foundation

/// Writes diagnostics and status lines to standard error, where they don't mix with piped output.
enum Terminal {
    static func status(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func report(_ list: DiagnosticList, what: String = "build", consequence: String = "; the previous output was left untouched") {
        let errors = list.diagnostics.filter { $0.severity == .error }.count
        var text = list.description + "\n"
        text += "\(what) failed with \(errors) error\(errors == 1 ? "" : "s")\(consequence)\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
