#!/usr/bin/env python3
"""A model of how Bro 2.6 orders the elements of a table, written from
its sources (src/Dict.cc, Hash.cc, CompHash.cc, siphash24.c, util.cc)
and apart from gobro's Go code, to derive test baselines.

    tools/dictorder.py SCENARIO [SEEDFILE]

prints what the btest of that name prints (see SCENARIOS at the end),
under the seeds of SEEDFILE (default testsuite/random.seed).
"""

import hashlib
import os
import struct
import sys

MASK = (1 << 64) - 1


def rotl(x, b):
    return ((x << b) | (x >> (64 - b))) & MASK


class Seeds:
    def __init__(self, path):
        nums = [int(x) for x in open(path).read().split()]
        self.seed = nums[0] & 0xffffffff
        words = [n & 0xffffffff for n in nums[1:21]]
        buf = b"".join(struct.pack("<I", w) for w in words)
        self.md5key = hashlib.md5(buf[:64]).digest()
        self.k0, self.k1 = struct.unpack("<QQ", buf[64:80])

    def siphash(self, data):
        v0 = 0x736f6d6570736575 ^ self.k0
        v1 = 0x646f72616e646f6d ^ self.k1
        v2 = 0x6c7967656e657261 ^ self.k0
        v3 = 0x7465646279746573 ^ self.k1

        def rnd(v0, v1, v2, v3):
            v0 = (v0 + v1) & MASK; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32)
            v2 = (v2 + v3) & MASK; v3 = rotl(v3, 16); v3 ^= v2
            v0 = (v0 + v3) & MASK; v3 = rotl(v3, 21); v3 ^= v0
            v2 = (v2 + v1) & MASK; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)
            return v0, v1, v2, v3

        n = len(data)
        full = n - n % 8
        for p in range(0, full, 8):
            m = struct.unpack("<Q", data[p:p + 8])[0]
            v3 ^= m
            v0, v1, v2, v3 = rnd(v0, v1, v2, v3)
            v0, v1, v2, v3 = rnd(v0, v1, v2, v3)
            v0 ^= m
        b = (n << 56) & MASK
        for j, c in enumerate(data[full:]):
            b |= c << (8 * j)
        v3 ^= b
        v0, v1, v2, v3 = rnd(v0, v1, v2, v3)
        v0, v1, v2, v3 = rnd(v0, v1, v2, v3)
        v0 ^= b
        v2 ^= 0xff
        for _ in range(4):
            v0, v1, v2, v3 = rnd(v0, v1, v2, v3)
        return v0 ^ v1 ^ v2 ^ v3

    def hmac_md5(self, data):
        d = bytes(a ^ b for a, b in zip(hashlib.md5(data).digest(), self.md5key))
        return hashlib.md5(d).digest()

    def hash_bytes(self, data):
        if len(data) <= 36:
            return self.siphash(data)
        return struct.unpack("<Q", self.hmac_md5(data)[:8])[0]


# Key bytes (CompHash.cc). A singleton index hashes the value alone.

def k_int(n):
    return struct.pack("<Q", n & MASK)


def k_double(x):
    return struct.pack("<d", x)


def k_addr(s):
    import ipaddress
    a = ipaddress.ip_address(s)
    if a.version == 4:
        return b"\0" * 10 + b"\xff\xff" + a.packed
    return a.packed


def k_subnet(s):
    import ipaddress
    n = ipaddress.ip_network(s)
    return k_addr(str(n.network_address)) + struct.pack("<I", n.prefixlen)


PROTO = {"tcp": 1, "udp": 2, "icmp": 3}


def k_port(s):
    num, proto = s.split("/")
    return k_int(int(num) | PROTO[proto] << 16)


class Composite:
    """Builds a composite key: each piece aligned to its size."""

    def __init__(self):
        self.b = bytearray()

    def align(self, n):
        while len(self.b) % n:
            self.b.append(0)

    def int(self, n):
        self.align(8)
        self.b += k_int(n)
        return self

    def string(self, s):
        self.align(4)
        self.b += struct.pack("<I", len(s)) + s
        return self

    def addr(self, s):
        self.align(4)
        self.b += k_addr(s)
        return self

    def marker(self, on):
        self.b.append(1 if on else 0)
        return self

    def bytes(self):
        return bytes(self.b)


# The dictionary (Dict.cc).

def next_prime(n):
    if n % 2 == 0:
        n += 1
    if n > 1000:
        return n
    while any(n % j == 0 for j in range(3, n) if j * j <= n):
        n += 2
    return n


class Entry:
    def __init__(self, key, hash, val):
        self.key, self.hash, self.val = key, hash, val


class Cookie:
    def __init__(self):
        self.bucket = 0
        self.offset = 0
        self.ttbl = None
        self.inserted = []


class Dict:
    def __init__(self, size=16):
        self.nb = next_prime(size)
        self.tbl = [None] * self.nb
        self.n = 0
        self.thresh = int(3.0 * self.nb)
        self.tbl2 = None
        self.nb2 = self.n2 = self.thresh2 = 0
        self.next_ind = 0
        self.cookies = []

    def _where(self, h):
        b = h % self.nb
        if self.tbl2 is None or b >= self.next_ind:
            return self.tbl, b, True
        return self.tbl2, h % self.nb2, False

    def _insert(self, e):
        ttbl, b, old = self._where(e.hash)
        chain = ttbl[b]
        if chain is not None:
            for x in chain:
                if x.hash == e.hash and x.key == e.key:
                    x.val = e.val
                    return False
        else:
            chain = ttbl[b] = []
        chain.append(e)
        if old:
            self.n += 1
        else:
            self.n2 += 1
        for c in self.cookies:
            if b < c.bucket:
                c.inserted.append(e)
        return True

    def insert(self, key, hash, val=None):
        self._insert(Entry(key, hash, val))
        if self.tbl2 is not None:
            self.move_chains()
        elif self.n >= self.thresh:
            self.start_change_size(self.nb * 2 + 1)

    def lookup(self, key, hash):
        ttbl, b, _ = self._where(hash)
        for x in ttbl[b] or []:
            if x.hash == hash and x.key == key:
                return x
        return None

    def start_change_size(self, size):
        if self.cookies:
            return
        self.nb2 = next_prime(size)
        self.tbl2 = [None] * self.nb2
        self.n2 = 0
        self.next_ind = 0
        self.thresh2 = int(3.0 * self.nb2)

    def move_chains(self):
        if self.cookies:
            return
        num = 8
        while True:
            chain = self.tbl[self.next_ind]
            self.next_ind += 1
            if chain is not None:
                self.tbl[self.next_ind - 1] = None
                for e in chain:
                    self._insert(e)
                    self.n -= 1
                    num -= 1
            if not (num > 0 and self.next_ind < self.nb):
                break
        if self.next_ind >= self.nb:
            self.tbl, self.nb, self.n, self.thresh = self.tbl2, self.nb2, self.n2, self.thresh2
            self.tbl2 = None
            self.nb2 = self.n2 = self.thresh2 = 0

    def remove(self, key, hash):
        h = hash % self.nb
        if self.tbl2 is None or h >= self.next_ind:
            chain, old = self.tbl[h], True
        else:
            chain, old = self.tbl2[hash % self.nb2], False
        if chain is None:
            return False
        for i, e in enumerate(chain):
            if e.hash == hash and e.key == key:
                del chain[i]
                for c in self.cookies:
                    if c.bucket == h and c.offset > i:
                        c.offset -= 1
                    if c.bucket > h and e in c.inserted:
                        c.inserted.remove(e)
                if old:
                    self.n -= 1
                else:
                    self.n2 -= 1
                return True
        return False

    def init_iteration(self, robust=False):
        c = Cookie()
        if robust:
            self.cookies.append(c)
        return c

    def next_entry(self, c):
        if c.inserted:
            return c.inserted.pop()
        if c.ttbl is None:
            c.ttbl = self.tbl
        ttbl = c.ttbl
        b, o = c.bucket, c.offset
        if ttbl[b] is not None and len(ttbl[b]) > o:
            c.offset += 1
            return ttbl[b][o]
        b += 1
        while b < len(ttbl) and not ttbl[b]:
            b += 1
        if b >= len(ttbl):
            if ttbl is self.tbl and self.tbl2 is not None:
                c.ttbl = self.tbl2
                c.bucket = c.offset = 0
                return self.next_entry(c)
            if c in self.cookies:
                self.cookies.remove(c)
            return None
        c.bucket, c.offset = b, 1
        return ttbl[b][0]

    def walk(self):
        c = self.init_iteration()
        while True:
            e = self.next_entry(c)
            if e is None:
                return
            yield e

    def __len__(self):
        return self.n + self.n2


# A table of script values: keyed by what the script prints for them.

class Table:
    def __init__(self, seeds, keyfn):
        self.seeds, self.keyfn, self.d = seeds, keyfn, Dict()

    def h(self, k):
        return self.seeds.hash_bytes(self.keyfn(k))

    def add(self, k, v=None):
        self.d.insert(k, self.h(k), v)

    def delete(self, k):
        return self.d.remove(k, self.h(k))

    def keys(self):
        return [e.key for e in self.d.walk()]

    def items(self):
        return [(e.key, e.val) for e in self.d.walk()]


def show_set(elems):
    return "{\n" + ",\n".join(elems) + "\n}"


def show_table(items):
    return "{\n" + ",\n".join("[%s] = %s" % kv for kv in items) + "\n}"


def base62(v, prefix):
    digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = prefix[:19]
    if len(out) >= 19:
        return out
    while True:
        out += digits[v % 62]
        v //= 62
        if v == 0 or len(out) >= 19:
            return out


# Scenarios: each mirrors one btest script step by step.

def order_types(s):
    out = []

    def one(elems, keyfn, show=str):
        t = Table(s, keyfn)
        for e in elems:
            t.add(e)
        out.append(show_set([show(k) for k in t.keys()]))

    one([1, 2, 3, 5, 8, 13, 21, 34, 55, 89], k_int)
    one(["a", "bb", "ccc", "dddd", "eeeee", "ffffff"], lambda x: x.encode())
    one(["one string that is longer than thirty-six bytes",
         "two strings that are longer than thirty-six bytes",
         "three strings that are longer than thirty-six bytes", "four"], lambda x: x.encode())
    one(["1.2.3.4", "10.0.0.1", "192.168.1.1", "2001:db8::1", "::1"], k_addr)
    one(["10.0.0.0/8", "192.168.0.0/16", "1.2.3.0/24", "2001:db8::/32"], k_subnet)
    one(["22/tcp", "53/udp", "80/tcp", "443/tcp", "8/icmp"], k_port)
    colors = ["Red", "Green", "Blue", "Yellow", "Black"]
    one(colors, lambda c: k_int(colors.index(c)))

    # set[R], R = record { a: count; b: string; c: addr &optional; }
    def rkey(r):
        a, b, c = r
        k = Composite().int(a).string(b.encode()).marker(c is not None)
        if c is not None:
            k.addr(c)
        return k.bytes()

    def rshow(r):
        a, b, c = r
        return "[a=%d, b=%s, c=%s]" % (a, b, c if c is not None else "<uninitialized>")

    one([(1, "x", None), (2, "y", "1.2.3.4"), (3, "zz", None), (4, "x", "::1")], rkey, rshow)

    t = Table(s, lambda k: Composite().string(k[0].encode()).int(k[1]).bytes())
    for k, v in [(("a", 1), "x"), (("b", 2), "y"), (("c", 3), "z"), (("a", 2), "w")]:
        t.add(k, v)
    out.append(show_table([("%s, %d" % k, v) for k, v in t.items()]))

    t = Table(s, k_double)
    for k, v in [(1.5, -1), (2.5, -2), (0.0, 0), (-3.25, 3)]:
        t.add(k, v)
    out.append(show_table([(repr(k), v) for k, v in t.items()]))
    return "\n".join(out)


def order_growth(s):
    out = []
    t = Table(s, k_int)
    for i in range(60):
        t.add(i, i * i)
    out.append(" ".join(str(k) for k in t.keys()))
    # A loop that removes the even elements as it goes.
    seen = []
    c = t.d.init_iteration()
    while True:
        e = t.d.next_entry(c)
        if e is None:
            break
        seen.append(e.key)
        if e.key % 2 == 0:
            t.delete(e.key)
    out.append(" ".join(str(k) for k in seen))
    out.append(str(len(t.d)))
    out.append(" ".join(str(k) for k in t.keys()))
    # A small table that a loop adds to, without growing.
    u = Table(s, k_int)
    for i in range(10):
        u.add(i)
    seen = []
    c = u.d.init_iteration()
    while True:
        e = u.d.next_entry(c)
        if e is None:
            break
        seen.append(e.key)
        if e.key < 100:
            u.add(e.key + 100)
    out.append(" ".join(str(k) for k in seen))
    out.append(str(len(u.d)))
    # Growing through several resizes, with removals.
    for i in range(60, 1000):
        t.add(i, i)
        if i % 7 == 0:
            t.delete(i // 2)
    out.append(str(len(t.d)))
    out.append(" ".join(str(k) for k in t.keys()))
    return "\n".join(out)


def order_nested(s):
    out = []
    # table[count] of set[string]
    outer = Table(s, k_int)
    inner = {}
    for k, elems in [(7, ["x", "y", "z"]), (3, ["p", "q"]), (11, ["only"])]:
        t = Table(s, lambda x: x.encode())
        for e in elems:
            t.add(e)
        inner[k] = t
        outer.add(k)
    parts = []
    for k in outer.keys():
        parts.append("[%d] = {\n%s\n}" % (k, ",\n".join(inner[k].keys())))
    out.append("{\n" + ",\n".join(parts) + "\n}")
    return "\n".join(out)


def json_order(s):
    out = []
    # to_json of a record: record_fields gives a table[string] of its
    # fields, filled in declaration order, and the loop walks it.
    names = Table(s, lambda x: x.encode())
    for f in ["host", "port_num", "service", "tags", "count_of_things"]:
        names.add(f)
    vals = {"host": '"10.0.0.1"', "port_num": "80", "service": '"http"',
            "tags": None, "count_of_things": "3"}
    tags = Table(s, lambda x: x.encode())
    for x in ["web", "prod", "edge"]:
        tags.add(x)
    vals["tags"] = "[" + ", ".join('"%s"' % x for x in tags.keys()) + "]"
    out.append("{" + ", ".join('"%s": %s' % (n, vals[n]) for n in names.keys()) + "}")
    t = Table(s, lambda x: x.encode())
    for k, v in [("alpha", 1), ("beta", 2), ("gamma", 3), ("delta", 4)]:
        t.add(k, v)
    out.append("{" + ", ".join('"%s": %d' % kv for kv in t.items()) + "}")
    return "\n".join(out)


def seeded_ids(s):
    def uid(pool, counter, prefix):
        return base62(s.siphash(struct.pack("<QQ", pool, counter)), prefix)

    out = [
        "%s, %s, %s" % (uid(2, 1, "C"), uid(2, 2, "C"), uid(2, 3, "")),
        "%s, %s" % (uid(15, 1, "F"), uid(15, 2, "F")),
        s.hmac_md5(b"abc").hex(),
        s.hmac_md5(b"").hex(),
    ]
    return "\n".join(out)


SCENARIOS = {
    "order-types": order_types,
    "order-growth": order_growth,
    "order-nested": order_nested,
    "json-order": json_order,
    "seeded-ids": seeded_ids,
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    seedfile = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "testsuite", "random.seed")
    print(SCENARIOS[sys.argv[1]](Seeds(seedfile)))
