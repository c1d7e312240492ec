# Richards: Martin Richards' operating-system task scheduler simulation, written for krait.
# Six tasks (idle, worker, two handlers, two devices) exchange packets; the run is checked
# against the classic queue/hold counts and prints them as its checksum.

ITERATIONS = 55
COUNT = 10000

I_IDLE, I_WORK, I_HANDLER_A, I_HANDLER_B, I_DEV_A, I_DEV_B = 1, 2, 3, 4, 5, 6
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4

PKT_BIT = 1     # a packet is waiting in the work queue
WAIT_BIT = 2    # the task waits for a packet
HOLD_BIT = 4    # the task is held


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    __slots__ = ("link", "ident", "pri", "queue", "state", "sched", "v1", "v2")

    def __init__(self, sched, ident, pri, queue, state, v1, v2):
        self.sched = sched
        self.ident = ident
        self.pri = pri
        self.queue = queue
        self.state = state
        self.v1 = v1
        self.v2 = v2
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def runnable(self):
        return not (self.state & HOLD_BIT) and self.state != WAIT_BIT

    def take_packet(self):
        if self.state == WAIT_BIT | PKT_BIT:
            pkt = self.queue
            self.queue = pkt.link
            self.state = 0 if self.queue is None else PKT_BIT
            return pkt
        return None

    def add_packet(self, pkt, current):
        if self.queue is None:
            self.queue = pkt
            self.state |= PKT_BIT
            if self.pri > current.pri:
                return self
        else:
            pkt.append_to(self.queue)
        return current


class IdleTask(Task):
    def run(self, pkt):
        s = self.sched
        self.v2 -= 1
        if self.v2 == 0:
            return s.hold()
        if self.v1 & 1 == 0:
            self.v1 >>= 1
            return s.release(I_DEV_A)
        self.v1 = (self.v1 >> 1) ^ 0xD008
        return s.release(I_DEV_B)


class WorkerTask(Task):
    def run(self, pkt):
        s = self.sched
        if pkt is None:
            return s.wait()
        dest = I_HANDLER_B if self.v1 == I_HANDLER_A else I_HANDLER_A
        self.v1 = dest
        pkt.ident = dest
        pkt.datum = 0
        count = self.v2
        data = pkt.data
        for i in range(BUFSIZE):
            count += 1
            if count > 26:
                count = 1
            data[i] = 64 + count
        self.v2 = count
        return s.queue_packet(pkt)


class HandlerTask(Task):
    def run(self, pkt):
        s = self.sched
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.v1 = pkt.append_to(self.v1)
            else:
                self.v2 = pkt.append_to(self.v2)
        work = self.v1
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.v2
                if dev is not None:
                    self.v2 = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return s.queue_packet(dev)
            else:
                self.v1 = work.link
                return s.queue_packet(work)
        return s.wait()


class DeviceTask(Task):
    def run(self, pkt):
        s = self.sched
        if pkt is None:
            pending = self.v1
            if pending is None:
                return s.wait()
            self.v1 = None
            return s.queue_packet(pending)
        self.v1 = pkt
        s.chars.append(pkt.datum)
        return s.hold()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.current = None
        self.queue_count = 0
        self.hold_count = 0
        self.chars = []

    def hold(self):
        self.hold_count += 1
        cur = self.current
        cur.state |= HOLD_BIT
        return cur.link

    def wait(self):
        cur = self.current
        cur.state |= WAIT_BIT
        return cur

    def release(self, ident):
        t = self.table[ident]
        t.state &= ~HOLD_BIT
        if t.pri > self.current.pri:
            return t
        return self.current

    def queue_packet(self, pkt):
        t = self.table[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return t.add_packet(pkt, self.current)

    def schedule(self):
        t = self.tasks
        while t is not None:
            if t.runnable():
                self.current = t
                t = t.run(t.take_packet())
            else:
                t = t.link


def run_once(count):
    s = Scheduler()
    IdleTask(s, I_IDLE, 0, None, 0, 1, count)
    work = Packet(Packet(None, 0, K_WORK), 0, K_WORK)
    WorkerTask(s, I_WORK, 1000, work, WAIT_BIT | PKT_BIT, I_HANDLER_A, 0)
    q = Packet(Packet(Packet(None, I_DEV_A, K_DEV), I_DEV_A, K_DEV), I_DEV_A, K_DEV)
    HandlerTask(s, I_HANDLER_A, 2000, q, WAIT_BIT | PKT_BIT, None, None)
    q = Packet(Packet(Packet(None, I_DEV_B, K_DEV), I_DEV_B, K_DEV), I_DEV_B, K_DEV)
    HandlerTask(s, I_HANDLER_B, 3000, q, WAIT_BIT | PKT_BIT, None, None)
    DeviceTask(s, I_DEV_A, 4000, None, WAIT_BIT, None, None)
    DeviceTask(s, I_DEV_B, 5000, None, WAIT_BIT, None, None)
    s.schedule()
    return s


def main():
    checksum = 0
    for _ in range(ITERATIONS):
        s = run_once(COUNT)
        for c in s.chars:
            checksum = (checksum * 33 + c) % 1000000007
    print("queue packets:", s.queue_count, "holds:", s.hold_count)
    print("classic counts:", s.queue_count == 23246 and s.hold_count == 9297)
    print("device output:", "".join(chr(c) for c in s.chars[:26]), len(s.chars))
    print("checksum:", checksum)


main()
