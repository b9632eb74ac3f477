#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The networking helper, `assistant-wizard-net`, installed beside the program (as git finds
/// `git-remote-https`): it runs the HTTP client and the in-process sandbox, so the program people
/// start links neither Foundation nor NIO.
package enum HelperProcess {
    package static let name = "assistant-wizard-net"
    /// Set in the helper's environment when it is to serve a wizard over its standard input.
    package static let serveVariable = "ASSISTANT_WIZARD_NET_SERVE"

    /// `DIR/assistant-wizard-net` for the directory of the running executable (`/proc/self/exe`,
    /// symlinks resolved, so a link in `~/bin` still finds the real install).
    package static func path() -> String {
        var dir = "."
        if let exe = realPath("/proc/self/exe") ?? realPath(CommandLine.arguments.first ?? ""),
           let slash = exe.lastIndex(of: "/") {
            dir = String(exe[..<slash])
        }
        return dir + "/" + name
    }

    static func realPath(_ p: String) -> String? {
        guard !p.isEmpty, let r = realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// A running helper: its pid and our end of the socket pair that is its stdin and stdout.
    package struct Running: Sendable {
        package let pid: pid_t
        package let fd: Int32
    }

    /// Starts `path` serving on a socket pair, in its own process group (the terminal's signals are
    /// the wizard's to handle), with its stderr on /dev/null (it must not draw over the screen).
    package static func spawn(_ path: String) -> Result<Running, SpawnError> {
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            return .failure(SpawnError(path: path, reason: String(cString: strerror(errno))))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)

        var env: [String] = []
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if !s.hasPrefix(serveVariable + "=") { env.append(s) }
            p += 1
        }
        env.append(serveVariable + "=1")
        let argv = [name]
        var pid: pid_t = 0
        let rc = withCStrings(argv) { cArgv in
            withCStrings(env) { cEnv in posix_spawn(&pid, path, &actions, &attr, cArgv, cEnv) }
        }
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            return .failure(SpawnError(path: path, reason: String(cString: strerror(rc))))
        }
        return .success(Running(pid: pid, fd: fds[0]))
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var c: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        c.append(nil)
        defer { for p in c { free(p) } }
        return body(c)
    }

    package struct SpawnError: Error, Sendable {
        package let path: String
        package let reason: String
    }
}
