package value

// The dictionary behind a table, as Bro 2.6's Dictionary (Dict.cc)
// arranges its elements, since that arrangement is the order in which
// Bro walks a table.
//
// Elements hang in chains off a bucket array; an element's bucket is
// its hash modulo the number of buckets, and a chain keeps its elements
// in the order they arrived. A new dictionary has 17 buckets (the first
// prime from 16). Once a bucket array holds three elements per bucket
// on average, a second array of about twice the size (2n+1, made prime
// while below 1000) is started, and every later insertion moves at least
// eight elements' worth of chains, bucket by bucket from the first, into
// it; an element whose old bucket was already moved goes to the new
// array directly. When every chain has moved the new array replaces the
// old. A walk visits the old array's buckets in order, each chain in
// order, and then the new array's.
//
// Walks are of two kinds, as Bro's iteration cookies are. A plain walk
// (a for loop, printing) notices nothing: removing an element shifts
// its chain under the walk, and growth may move chains away from it. A
// robust walk (expiration's) is kept up to date: removals before its
// position in the current chain pull it back, elements added into
// buckets it has passed are remembered and visited first, and the
// dictionary does not start or continue growing while one is under way.

// defaultBuckets is the bucket count a new dictionary is asked for.
const defaultBuckets = 16

// densityThreshold is the mean chain length that starts growth.
const densityThreshold = 3.0

// primeLimit is the size above which bucket counts are only made odd,
// not prime.
const primeLimit = 1000

// buckets is one bucket array.
type buckets struct {
	chains [][]link
}

// link is one element of a chain: its hash, kept here so that a search
// looks at no entry but the one it finds, and its entry's position.
type link struct {
	hash uint64
	pos  int32
}

type dict struct {
	tbl    *buckets // nil until the first element
	n      int      // elements in tbl
	thresh int      // element count of tbl that starts growth
	// tbl2 is the array being grown into, nil when not growing; next
	// is the first bucket of tbl not yet moved into it.
	tbl2    *buckets
	n2      int
	thresh2 int
	next    int
	cookies []*Walk // robust walks under way
	walks   int     // plain walks under way
}

func (d *dict) init(size int) {
	d.tbl = newBuckets(size)
	d.n = 0
	d.thresh = int(densityThreshold * float64(len(d.tbl.chains)))
}

func newBuckets(size int) *buckets {
	return &buckets{chains: make([][]link, nextPrime(size))}
}

// nextPrime is the bucket count Bro makes of a requested size: the
// next odd number, then, below primeLimit, the first prime from there.
// Like Bro's, its primality test tries every divisor from 3 up.
func nextPrime(n int) int {
	if n&1 == 0 {
		n++
	}
	if n > primeLimit {
		return n
	}
	for !isPrime(n) {
		n += 2
	}
	return n
}

func isPrime(n int) bool {
	for j := 3; j*j <= n; j++ {
		if n%j == 0 {
			return false
		}
	}
	return true
}

// bucketOf returns the array and bucket an element of hash h belongs in
// now, and whether it is the old array.
func (d *dict) bucketOf(h uint64) (*buckets, int, bool) {
	b := int(h % uint64(len(d.tbl.chains)))
	if d.tbl2 == nil || b >= d.next {
		return d.tbl, b, true
	}
	return d.tbl2, int(h % uint64(len(d.tbl2.chains))), false
}

// add puts the element at pos, of hash h, into its chain, and goes on
// growing as Bro's Insert does.
func (d *dict) add(h uint64, pos int32) {
	if d.tbl == nil {
		d.init(defaultBuckets)
	}
	d.place(h, pos)
	d.grow()
}

// grow is what Bro's Insert does after placing an element, or finding
// its key there already: start growing when the old array is full, or
// move on with growing under way.
func (d *dict) grow() {
	if d.tbl == nil {
		return
	}
	if d.tbl2 != nil {
		d.moveChains()
	} else if d.n >= d.thresh {
		d.startGrowing(2*len(d.tbl.chains) + 1)
	}
}

// place appends the element at pos, of hash h, to its chain.
func (d *dict) place(h uint64, pos int32) {
	arr, b, old := d.bucketOf(h)
	chain := arr.chains[b]
	if chain == nil {
		// Chains are short: room for a few saves regrowing them.
		chain = make([]link, 0, 2)
	}
	arr.chains[b] = append(chain, link{h, pos})
	if old {
		d.n++
	} else {
		d.n2++
	}
	// Robust walks that passed this bucket number visit the element
	// first thing. Bro compares bucket numbers whichever array each
	// belongs to, and so does this.
	for _, c := range d.cookies {
		if b < c.bucket {
			c.inserted = append(c.inserted, pos)
		}
	}
}

// remove takes the element at pos, of hash h, out of its chain.
func (d *dict) remove(h uint64, pos int32) {
	// Bro adjusts walks by the element's bucket in the old array,
	// even when it was found in the new one.
	b := int(h % uint64(len(d.tbl.chains)))
	arr, cb, old := d.bucketOf(h)
	chain := arr.chains[cb]
	for off, l := range chain {
		i := l.pos
		if i != pos {
			continue
		}
		copy(chain[off:], chain[off+1:])
		arr.chains[cb] = chain[:len(chain)-1]
		for _, c := range d.cookies {
			if c.bucket == b && c.offset > off {
				c.offset--
			}
			if c.bucket > b {
				for k, p := range c.inserted {
					if p == i {
						c.inserted = append(c.inserted[:k], c.inserted[k+1:]...)
						break
					}
				}
			}
		}
		if old {
			d.n--
		} else {
			d.n2--
		}
		return
	}
}

// step advances a walk, returning the position of its next element;
// false at the end, where a robust walk stops being one.
func (d *dict) step(t *Table, c *Walk) (int32, bool) {
	if c.done || c.epoch != t.epoch {
		c.done = true
		return 0, false
	}
	for len(c.inserted) > 0 {
		n := len(c.inserted) - 1
		i := c.inserted[n]
		c.inserted = c.inserted[:n]
		if int(i) < t.used && t.entry(i).Key != nil {
			return i, true
		}
	}
	if c.ttbl == nil {
		if d.tbl == nil {
			d.dropCookie(c)
			c.done = true
			return 0, false
		}
		c.ttbl = d.tbl
	}
	for {
		chains := c.ttbl.chains
		if c.bucket < len(chains) && c.offset < len(chains[c.bucket]) {
			i := chains[c.bucket][c.offset].pos
			c.offset++
			return i, true
		}
		b := c.bucket + 1
		for b < len(chains) && len(chains[b]) == 0 {
			b++
		}
		if b < len(chains) {
			c.bucket, c.offset = b, 1
			return chains[b][0].pos, true
		}
		if c.ttbl == d.tbl && d.tbl2 != nil {
			// On to the array being grown into.
			c.ttbl, c.bucket, c.offset = d.tbl2, 0, 0
			continue
		}
		d.dropCookie(c)
		c.done = true
		return 0, false
	}
}

func (d *dict) dropCookie(c *Walk) {
	for k, x := range d.cookies {
		if x == c {
			d.cookies = append(d.cookies[:k], d.cookies[k+1:]...)
			return
		}
	}
}

// startGrowing starts the array of (about) size buckets to move into,
// unless a robust walk is under way.
func (d *dict) startGrowing(size int) {
	if len(d.cookies) > 0 {
		return
	}
	d.tbl2 = newBuckets(size)
	d.n2 = 0
	d.thresh2 = int(densityThreshold * float64(len(d.tbl2.chains)))
	d.next = 0
}

// moveChains moves the next chains of the old array into the new one,
// until at least eight elements have moved or the old array is done,
// unless a robust walk is under way.
func (d *dict) moveChains() {
	if len(d.cookies) > 0 {
		return
	}
	left := 8
	for {
		b := d.next
		d.next++
		chain := d.tbl.chains[b]
		d.tbl.chains[b] = nil
		for _, l := range chain {
			d.place(l.hash, l.pos)
			d.n--
			left--
		}
		if left <= 0 || d.next >= len(d.tbl.chains) {
			break
		}
	}
	if d.next >= len(d.tbl.chains) {
		d.tbl, d.n, d.thresh = d.tbl2, d.n2, d.thresh2
		d.tbl2, d.n2, d.thresh2, d.next = nil, 0, 0, 0
	}
}
