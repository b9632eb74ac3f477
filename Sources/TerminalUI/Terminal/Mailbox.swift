#if canImport(Glibc)
import Glibc
#endif

/// A thread-safe queue of messages for the run loop. `post` may be called from any thread or task
/// (HTTP results, save completions); it wakes the loop through a pipe that the loop polls together
/// with the terminal, so waiting never spins.
public final class Mailbox<Message: Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var queue: [Message] = []
    /// Read end (polled by the loop) and write end of the wake-up pipe.
    let readFD: Int32
    private let writeFD: Int32

    public init() {
        pthread_mutex_init(mutex, nil)
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        readFD = fds[0]; writeFD = fds[1]
        for fd in fds where fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC) // never leak into $EDITOR
        }
    }

    deinit {
        if readFD >= 0 { close(readFD) }
        if writeFD >= 0 { close(writeFD) }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Queues a message and wakes the loop.
    public func post(_ message: Message) {
        pthread_mutex_lock(mutex)
        queue.append(message)
        pthread_mutex_unlock(mutex)
        var b: UInt8 = 1
        _ = write(writeFD, &b, 1) // a full pipe already means "wake up"
    }

    /// Takes every queued message, oldest first, and clears the wake-up pipe.
    public func takeAll() -> [Message] {
        var buf = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buf, buf.count) > 0 {}
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let out = queue
        queue.removeAll()
        return out
    }

    public var isEmpty: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return queue.isEmpty
    }
}
