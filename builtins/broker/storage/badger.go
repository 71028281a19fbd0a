package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/dgraph-io/badger/v4"
)

// The layout of a Badger store directory. Every Badger key starts with a
// byte saying what it holds:
//
//	'v' key  ->  format byte, expiry (8 bytes, big-endian Unix ns, 0 for
//	             none), value bytes
//	'x' key  ->  expiry (8 bytes): an index of the entries that expire,
//	             so that opening a store reads only those. An index
//	             entry may be stale (the key was put again without an
//	             expiry); the 'v' entry decides.
const (
	prefixValue  = 'v'
	prefixExpiry = 'x'
	formatV1     = 1
	headerLen    = 1 + 8
)

// Badger is the backend of persistent stores: a Badger directory. Writes
// of one group go into one Badger transaction, committed by Commit
// without waiting for the disk; Sync waits for it.
type Badger struct {
	db   *badger.DB
	path string
	txn  *badger.Txn // the current group; nil when nothing is pending
	// snap is a read transaction kept from one read to the next while
	// nothing is written: every read would otherwise open and discard
	// one. A write ends it, so that reads see what is written.
	snap *badger.Txn
	// getKey holds the key of the current Get: Badger keeps no
	// reference to a key it only reads.
	getKey []byte
}

// BadgerOptions are the options the backend opens a Badger directory
// with: syncs are the backend's own (group commit), and the caches are
// sized for a node that runs beside others on one host.
func BadgerOptions(path string) badger.Options {
	return badger.DefaultOptions(path).
		WithLogger(nil).
		WithSyncWrites(false).
		WithDetectConflicts(false).
		WithMemTableSize(16 << 20).
		WithNumMemtables(3).
		WithBlockCacheSize(16 << 20).
		WithIndexCacheSize(8 << 20).
		WithValueLogFileSize(64 << 20).
		WithNumCompactors(2)
}

// OpenBadger opens (creating it if need be) the Badger directory at
// path. The error names the path.
func OpenBadger(path string) (b *Badger, err error) {
	if fi, statErr := os.Stat(path); statErr == nil && !fi.IsDir() {
		return nil, fmt.Errorf("cannot open store at %s: not a directory", path)
	}
	opts := BadgerOptions(path)
	// Badger panics on some kinds of corruption; that is an error to
	// report here, never a crash.
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("cannot open store at %s: %v", path, r)
		}
	}()
	db, err := badger.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("cannot open store at %s: %v", path, err)
	}
	return &Badger{db: db, path: path}, nil
}

// Path returns the directory the backend lives in.
func (b *Badger) Path() string { return b.path }

func valueKey(key []byte) []byte {
	k := make([]byte, 1+len(key))
	k[0] = prefixValue
	copy(k[1:], key)
	return k
}

func expiryKey(key []byte) []byte {
	k := make([]byte, 1+len(key))
	k[0] = prefixExpiry
	copy(k[1:], key)
	return k
}

// decodeValue splits a stored 'v' value into the expiry and the value.
func decodeValue(raw []byte) ([]byte, int64, error) {
	if len(raw) < headerLen || raw[0] != formatV1 {
		return nil, 0, errors.New("corrupt store entry")
	}
	return raw[headerLen:], int64(binary.BigEndian.Uint64(raw[1:headerLen])), nil
}

// pending returns the current group's transaction, starting one.
func (b *Badger) pending() (*badger.Txn, error) {
	if b.db == nil {
		return nil, ErrClosed
	}
	if b.txn == nil {
		b.endSnapshot()
		b.txn = b.db.NewTransaction(true)
	}
	return b.txn, nil
}

// endSnapshot discards the kept read transaction, if any.
func (b *Badger) endSnapshot() {
	if b.snap != nil {
		b.snap.Discard()
		b.snap = nil
	}
}

// write applies f to the current group; where the group has grown too
// big for one transaction it is committed and f goes into a new one.
func (b *Badger) write(f func(t *badger.Txn) error) error {
	t, err := b.pending()
	if err != nil {
		return err
	}
	err = f(t)
	if errors.Is(err, badger.ErrTxnTooBig) {
		if err = b.Commit(); err != nil {
			return err
		}
		if t, err = b.pending(); err != nil {
			return err
		}
		err = f(t)
	}
	return err
}

// reader returns a transaction to iterate in, which sees the current
// group's writes, and whether the caller must discard it. An iteration
// has a transaction of its own: its callback may write.
func (b *Badger) reader() (*badger.Txn, bool, error) {
	if b.db == nil {
		return nil, false, ErrClosed
	}
	if b.txn != nil {
		return b.txn, false, nil
	}
	return b.db.NewTransaction(false), true, nil
}

// getter returns the transaction a Get reads in: the current group's,
// else the kept read transaction.
func (b *Badger) getter() (*badger.Txn, error) {
	if b.db == nil {
		return nil, ErrClosed
	}
	if b.txn != nil {
		return b.txn, nil
	}
	if b.snap == nil {
		b.snap = b.db.NewTransaction(false)
	}
	return b.snap, nil
}

// Get implements Backend.
func (b *Badger) Get(key []byte) ([]byte, int64, bool, error) {
	t, err := b.getter()
	if err != nil {
		return nil, 0, false, err
	}
	b.getKey = append(append(b.getKey[:0], prefixValue), key...)
	item, err := t.Get(b.getKey)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, 0, false, nil
	}
	if err != nil {
		return nil, 0, false, err
	}
	raw, err := item.ValueCopy(nil)
	if err != nil {
		return nil, 0, false, err
	}
	val, exp, err := decodeValue(raw)
	if err != nil {
		return nil, 0, false, err
	}
	return val, exp, true, nil
}

// Put implements Backend.
func (b *Badger) Put(key, val []byte, expiry int64) error {
	raw := make([]byte, headerLen+len(val))
	raw[0] = formatV1
	binary.BigEndian.PutUint64(raw[1:], uint64(expiry))
	copy(raw[headerLen:], val)
	vk := valueKey(key)
	var xk, xv []byte
	if expiry != 0 {
		xk = expiryKey(key)
		xv = binary.BigEndian.AppendUint64(nil, uint64(expiry))
	}
	return b.write(func(t *badger.Txn) error {
		if err := t.Set(vk, raw); err != nil {
			return err
		}
		if xk != nil {
			return t.Set(xk, xv)
		}
		return nil
	})
}

// Delete implements Backend.
func (b *Badger) Delete(key []byte) error {
	vk, xk := valueKey(key), expiryKey(key)
	return b.write(func(t *badger.Txn) error {
		if err := t.Delete(vk); err != nil {
			return err
		}
		return t.Delete(xk)
	})
}

// Clear implements Backend.
func (b *Badger) Clear() error {
	if err := b.Commit(); err != nil {
		return err
	}
	if b.db == nil {
		return ErrClosed
	}
	return b.db.DropPrefix([]byte{prefixValue}, []byte{prefixExpiry})
}

// Each implements Backend.
func (b *Badger) Each(fn func(key, val []byte, expiry int64) bool) error {
	t, discard, err := b.reader()
	if err != nil {
		return err
	}
	if discard {
		defer t.Discard()
	}
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte{prefixValue}
	it := t.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		var stop bool
		err := item.Value(func(raw []byte) error {
			val, exp, err := decodeValue(raw)
			if err != nil {
				return err
			}
			stop = !fn(item.Key()[1:], val, exp)
			return nil
		})
		if err != nil {
			return err
		}
		if stop {
			break
		}
	}
	return nil
}

// Expiries implements Backend. Stale index entries are skipped.
func (b *Badger) Expiries(fn func(key []byte, expiry int64)) error {
	t, discard, err := b.reader()
	if err != nil {
		return err
	}
	if discard {
		defer t.Discard()
	}
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte{prefixExpiry}
	it := t.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		key := it.Item().KeyCopy(nil)[1:]
		item, err := t.Get(valueKey(key))
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		var exp int64
		err = item.Value(func(raw []byte) error {
			_, e, err := decodeValue(raw)
			exp = e
			return err
		})
		if err != nil {
			return err
		}
		if exp != 0 {
			fn(key, exp)
		}
	}
	return nil
}

// Len implements Backend.
func (b *Badger) Len() (int, error) {
	t, discard, err := b.reader()
	if err != nil {
		return 0, err
	}
	if discard {
		defer t.Discard()
	}
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte{prefixValue}
	opts.PrefetchValues = false
	it := t.NewIterator(opts)
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		n++
	}
	return n, nil
}

// Commit implements Backend: the group's transaction is written to
// Badger's log and memtable, without waiting for the disk.
func (b *Badger) Commit() error {
	b.endSnapshot()
	t := b.txn
	if t == nil {
		return nil
	}
	b.txn = nil
	return t.Commit()
}

// Sync implements Backend.
func (b *Badger) Sync() error {
	db := b.db
	if db == nil {
		return ErrClosed
	}
	return db.Sync()
}

// Persistent implements Backend.
func (b *Badger) Persistent() bool { return true }

// DiskBytes implements Backend: the space the directory's files take
// (Badger's own figure is refreshed only once a minute, and its log
// files are made at their full size but filled as they are written).
func (b *Badger) DiskBytes() int64 {
	if b.db == nil {
		return 0
	}
	var n int64
	filepath.WalkDir(b.path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if fi, err := d.Info(); err == nil {
			if st, ok := fi.Sys().(*syscall.Stat_t); ok {
				n += st.Blocks * 512
			} else {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// Close implements Backend.
func (b *Badger) Close() error {
	if b.db == nil {
		return nil
	}
	err := b.Commit()
	if serr := b.db.Sync(); err == nil {
		err = serr
	}
	if cerr := b.db.Close(); err == nil {
		err = cerr
	}
	b.db = nil
	return err
}
