#!/usr/bin/env python3
# Independent model of Bro 2.6.4's Bloom filter internal state, written
# from src/probabilistic/{Hasher,BloomFilter,BitVector,CounterVector}.cc,
# bloom-filter.bif, src/Hash.cc, src/CompHash.cc, src/util.cc (bro_prng,
# init_random_seed/initial_seed). It prints the numbers of the btests
# bifs.bloomfilter-internal-state ("main": the first line is the k and
# cell count of the first filter, not part of the baseline) and
# bifs.global-hash-seed ("global"), for checking their baselines:
#   tools/bloomstate.py main; tools/bloomstate.py global
import hashlib
import math
import socket
import struct
import sys

MASK = (1 << 64) - 1

def rotl(x, b): return ((x << b) | (x >> (64 - b))) & MASK

def siphash24(key, data):
    k0, k1 = struct.unpack('<QQ', key)
    v0 = k0 ^ 0x736f6d6570736575; v1 = k1 ^ 0x646f72616e646f6d
    v2 = k0 ^ 0x6c7967656e657261; v3 = k1 ^ 0x7465646279746573
    def rnd():
        nonlocal v0, v1, v2, v3
        v0 = (v0 + v1) & MASK; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32)
        v2 = (v2 + v3) & MASK; v3 = rotl(v3, 16); v3 ^= v2
        v0 = (v0 + v3) & MASK; v3 = rotl(v3, 21); v3 ^= v0
        v2 = (v2 + v1) & MASK; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)
    n = len(data); end = n - n % 8
    for i in range(0, end, 8):
        m = struct.unpack('<Q', data[i:i+8])[0]
        v3 ^= m; rnd(); rnd(); v0 ^= m
    tail = data[end:] + b'\0' * (8 - (n - end))
    b = struct.unpack('<Q', tail)[0] | ((n & 0xff) << 56)
    v3 ^= b; rnd(); rnd(); v0 ^= b
    v2 ^= 0xff
    rnd(); rnd(); rnd(); rnd()
    return v0 ^ v1 ^ v2 ^ v3

def make_seed(data):  # Hasher::MakeSeed; data: bytes already chosen
    d = hashlib.sha256(data).digest()
    return struct.unpack('<QQ', d[:16])

def bro_prng(state):
    m, a = 2147483647, 16807
    q, r = m // a, m % a
    st = (a * (state % q) - r * (state // q)) & 0xffffffff
    if st == 0: st += m
    return st

def uhf(seed, x):  # UHF::hash
    key = struct.pack('<QQ', *seed)
    if len(x) <= 36:
        return siphash24(key, x)
    d = bytearray(hashlib.md5(x).digest())
    for i in range(16): d[i] ^= key[i % 16]
    return struct.unpack('<Q', hashlib.md5(bytes(d)).digest()[:8])[0]

def add_seed(seed, n): return ((seed[0] + n) & MASK, seed[1])

def double_hasher(k, seed):
    s1, s2 = add_seed(seed, bro_prng(1)), add_seed(seed, bro_prng(2))
    def h(x):
        d1, d2 = uhf(s1, x), uhf(s2, x)
        return [(d1 + i * d2) & MASK for i in range(k)]
    return h

def default_hasher(k, seed):
    seeds = []
    for i in range(1, k + 1):
        seeds.append(add_seed(seed, bro_prng(i)))
    return lambda x: [uhf(s, x) for s in seeds]

def bits_hash(nbits, setbits):  # BitVector::Hash over 64-bit blocks
    blocks = [0] * ((nbits + 63) // 64)
    for b in setbits: blocks[b // 64] |= 1 << (b % 64)
    d = hashlib.sha256(b''.join(struct.pack('<Q', x) for x in blocks)).digest()
    return struct.unpack('<Q', d[:8])[0]

class Basic:
    def __init__(self, k, cells, seed):
        self.k, self.cells, self.h = k, cells, double_hasher(k, seed)
        self.bits = set()
    def add(self, key):
        for d in self.h(key): self.bits.add(d % self.cells)
    def state(self): return bits_hash(self.cells, self.bits)

class Counting:
    def __init__(self, k, cells, mx, seed):
        w = 1
        while mx >> 1: mx >>= 1; w += 1
        self.w, self.cells, self.h = w, cells, default_hasher(k, seed)
        self.cnt = [0] * cells
    def add(self, key):
        for d in self.h(key):
            c = d % self.cells
            self.cnt[c] = min(self.cnt[c] + 1, (1 << self.w) - 1)
    def state(self):
        setbits = [c * self.w + i for c in range(self.cells) for i in range(self.w) if self.cnt[c] >> i & 1]
        return bits_hash(self.cells * self.w, setbits)

def basic_init(fp, capacity, seed):
    cells = math.ceil(-(capacity * math.log(fp) / math.log(2) / math.log(2)))
    k = math.ceil(cells / capacity * math.log(2))
    return Basic(k, cells, seed)

# Keys as CompHash's singleton hash makes them (Hash.cc HashKey ctors).
def kcount(n): return struct.pack('<q', n)
def kstr(s): return s.encode()
def kaddr4(a): return b'\0' * 10 + b'\xff\xff' + socket.inet_aton(a)
def kdouble(d): return struct.pack('<d', d)

SEEDFILE_FIRST = 2983378351  # first number of testsuite/random.seed
initial = make_seed(struct.pack('<I', SEEDFILE_FIRST))

which = sys.argv[1] if len(sys.argv) > 1 else 'main'
if which == 'main':
    bf = basic_init(0.1, 10, make_seed(b"foo"))
    print("k cells", bf.k, bf.cells)
    print(bf.state())
    bf.add(kstr("a")); bf.add(kstr("b"))
    print(bf.state())
    bf.add(kstr("a string well over thirty-six bytes long, hashed with MD5"))
    print(bf.state())
    b2 = Basic(3, 64, initial)
    for n in (1, 2, 3): b2.add(kcount(n))
    print(b2.state())
    cb = Counting(3, 16, 3, make_seed(b"ctr"))
    cb.add(kaddr4("10.0.0.1")); cb.add(kaddr4("10.0.0.1")); cb.add(kaddr4("10.0.0.2"))
    print(cb.state())
    for _ in range(3): cb.add(kaddr4("10.0.0.1"))
    print(cb.state())
    cu = Counting(2, 10, 1, initial)
    cu.add(kdouble(1.5))
    print(cu.state())
elif which == 'global':
    g = make_seed(b"my global seed")
    a = Basic(3, 40, g); a.add(kstr("x"))
    b = Basic(3, 40, make_seed(b"my global seed")); b.add(kstr("x"))
    c = Basic(3, 40, make_seed(b"other")); c.add(kstr("x"))
    print(a.state()); print(b.state()); print(c.state())
