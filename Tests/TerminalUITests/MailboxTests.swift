import Foundation
import Testing
@testable import TerminalUI

@Suite struct MailboxTests {
    @Test func postsFromManyThreadsArriveAndWakeThePipe() async {
        let box = Mailbox<Int>()
        await withTaskGroup(of: Void.self) { g in
            for i in 0..<100 { g.addTask { box.post(i) } }
        }
        var fds = [pollfd(fd: box.readFD, events: Int16(POLLIN), revents: 0)]
        #expect(poll(&fds, 1, 1000) == 1) // readable: the loop would wake
        let got = box.takeAll()
        #expect(got.sorted() == Array(0..<100))
        fds[0].revents = 0
        #expect(poll(&fds, 1, 0) == 0) // drained: the loop would sleep
        #expect(box.isEmpty)
    }
}
