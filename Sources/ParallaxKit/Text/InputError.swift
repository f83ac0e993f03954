import Foundation
import SystemPackage

/// An input that Parallax cannot read: the file and what is wrong with it.
///
/// The description is one line, `FILE: problem`, fit for standard error.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path as the user gave it (`-` for standard input).
    public var path: String
    /// What is wrong, in a few words ("is empty", "is a directory", …).
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path == "-" ? "<stdin>" : path): \(problem)" }

    /// What a failed call means, for a person: the system's words (`strerror`) for an ``Errno``
    /// ("No space left on device"), else the error's own description.
    package static func reason(_ error: any Error) -> String {
        guard let errno = error as? Errno else { return "\(error)" }
        return String(cString: strerror(errno.rawValue))
    }
}
